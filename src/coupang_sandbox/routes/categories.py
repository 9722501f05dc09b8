"""Category endpoints: display categories, status, meta (by display code and the older by-id
path), prediction and the vendor's auto-category agreement.

The routes parse the path codes (:func:`parse_code`) and the prediction body
(:func:`parse_predict`), render the backend's rows with :mod:`coupang_sandbox.views.categories`
and wrap them in the seller_api envelope ``{"code": "SUCCESS", "message": "", "data": ...}``
(the whole tree is spliced in as JSON text, rendered once); the prediction answers in the
openapi envelope ``{"code": 200, "message": "OK", "data": ...}``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from starlette.responses import Response

from coupang_sandbox.backends.categories import Categories, CategoryError, PredictInput
from coupang_sandbox.errors import ValidationFailed
from coupang_sandbox.responses import CoupangJSONResponse, PrerenderedJSONResponse, dumps
from coupang_sandbox.routes._base import Call, RouteSpec
from coupang_sandbox.views import categories as views
from coupang_seller.preflight import Violation

OPENAPI = "/v2/providers/openapi/apis/api"
MARKETPLACE = "/v2/providers/seller_api/apis/api/v1/marketplace"
DISPLAY_CATEGORY = f"{MARKETPLACE}/meta/display-categories/{{displayCategoryCode}}"

#: Longest productName / productDescription / brand / sellerSkuCode accepted (characters).
TEXT_LIMITS = {
    "productName": 500,
    "productDescription": 50_000,
    "brand": 200,
    "sellerSkuCode": 100,
}
ATTRIBUTES_MAX = 200
CODE_MAX = 2**63


def parse_code(text: str, field: str) -> int:
    """A path code: ASCII digits that fit in a long, else 400."""
    value = text.strip()
    if not (value.isascii() and value.isdigit()) or int(value) >= CODE_MAX:
        raise CategoryError(400, f"{field} must be a number (got {text!r})")
    return int(value)


def parse_predict(body: Mapping[str, Any]) -> PredictInput:
    """A prediction body (400 naming each broken field)."""
    violations: list[Violation] = []
    name = body.get("productName")
    if name is None:
        violations.append(Violation("productName", "required", "productName is required"))
    for field, limit in TEXT_LIMITS.items():
        value = body.get(field)
        if value is None:
            continue
        if not isinstance(value, str):
            violations.append(Violation(field, "type", f"{field} must be a string"))
        elif len(value) > limit:
            violations.append(
                Violation(field, "max_length", f"{field} is at most {limit} characters")
            )
    attributes = body.get("attributes")
    if attributes is not None:
        if not isinstance(attributes, dict | list):
            violations.append(
                Violation("attributes", "type", "attributes must be an object or a list")
            )
        elif len(attributes) > ATTRIBUTES_MAX:
            violations.append(
                Violation(
                    "attributes",
                    "max_items",
                    f"attributes has at most {ATTRIBUTES_MAX} entries",
                )
            )
    if violations or not isinstance(name, str):
        raise ValidationFailed(violations)
    return PredictInput(name, body.get("brand"), attributes, body.get("productDescription"))


def _categories(call: Call) -> Categories:
    return call.sandbox.backends.categories


def seller_success_json(data_json: str) -> str:
    """The seller_api success envelope around already-rendered ``data``."""
    return f'{{"code":"SUCCESS","message":"","data":{data_json}}}'


def _seller(data: Any) -> Response:
    return PrerenderedJSONResponse(seller_success_json(dumps(data)).encode("utf-8"))


def list_categories(call: Call) -> Response:
    """ROOT with the whole tree."""
    tree = views.tree_json(_categories(call).tree())
    return PrerenderedJSONResponse(seller_success_json(tree).encode("utf-8"))


def get_category(call: Call) -> Response:
    """One category with its direct children."""
    code = parse_code(str(call.path["displayCategoryCode"]), "displayCategoryCode")
    found = _categories(call).category(code)
    return _seller(views.category(found.node, found.children))


def category_status(call: Call) -> Response:
    """Whether products can be registered on the category."""
    code = parse_code(str(call.path["displayCategoryCode"]), "displayCategoryCode")
    return _seller(views.flag(_categories(call).usable(code)))


def category_meta(call: Call) -> Response:
    """A leaf category's meta (attributes, notices, certifications, ...)."""
    code = parse_code(str(call.path["displayCategoryCode"]), "displayCategoryCode")
    return _seller(_categories(call).meta(code))


def category_meta_by_id(call: Call) -> Response:
    """The meta by the older ``categoryId`` path."""
    code = parse_code(str(call.path["categoryId"]), "categoryId")
    return _seller(_categories(call).meta(code, "categoryId"))


def predict(call: Call) -> Response:
    """The predicted category of a product."""
    data = views.prediction(_categories(call).predict(parse_predict(call.body)))
    return CoupangJSONResponse({"code": 200, "message": "OK", "data": data})


def auto_category_agreed(call: Call) -> Response:
    """Every sandbox vendor has agreed to automatic category matching."""
    return _seller(views.flag(True))


#: ``(method, path template, handler)`` for every category endpoint.
ROUTES: list[RouteSpec] = [
    ("GET", f"{MARKETPLACE}/meta/display-categories", list_categories),
    ("GET", DISPLAY_CATEGORY, get_category),
    ("GET", f"{DISPLAY_CATEGORY}/status", category_status),
    (
        "GET",
        f"{MARKETPLACE}/meta/category-related-metas/display-category-codes/{{displayCategoryCode}}",
        category_meta,
    ),
    ("GET", f"{MARKETPLACE}/meta/categories/{{categoryId}}", category_meta_by_id),
    ("POST", f"{OPENAPI}/v1/categorization/predict", predict),
    ("GET", f"{MARKETPLACE}/vendors/{{vendorId}}/check-auto-category-agreed", auto_category_agreed),
]
