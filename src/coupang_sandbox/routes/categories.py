"""Category endpoints: display categories, status, meta (by display code and the older by-id
path), prediction and the vendor's auto-category agreement."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from coupang_sandbox.backends.categories import (
    Categories,
    flag,
    parse_code,
    seller_success_json,
)
from coupang_sandbox.responses import CoupangJSONResponse, PrerenderedJSONResponse, dumps
from coupang_sandbox.routes._base import Call, RouteSpec

OPENAPI = "/v2/providers/openapi/apis/api"
MARKETPLACE = "/v2/providers/seller_api/apis/api/v1/marketplace"
DISPLAY_CATEGORY = f"{MARKETPLACE}/meta/display-categories/{{displayCategoryCode}}"


def _categories(call: Call) -> Categories:
    return Categories()


def _seller(data: Any) -> Response:
    return PrerenderedJSONResponse(seller_success_json(dumps(data)).encode("utf-8"))


def list_categories(call: Call) -> Response:
    tree = _categories(call).tree_json()
    return PrerenderedJSONResponse(seller_success_json(tree).encode("utf-8"))


def get_category(call: Call) -> Response:
    code = parse_code(str(call.path["displayCategoryCode"]), "displayCategoryCode")
    return _seller(_categories(call).category(code))


def category_status(call: Call) -> Response:
    code = parse_code(str(call.path["displayCategoryCode"]), "displayCategoryCode")
    return _seller(flag(_categories(call).usable(code)))


def category_meta(call: Call) -> Response:
    code = parse_code(str(call.path["displayCategoryCode"]), "displayCategoryCode")
    return _seller(_categories(call).meta(code))


def category_meta_by_id(call: Call) -> Response:
    code = parse_code(str(call.path["categoryId"]), "categoryId")
    return _seller(_categories(call).meta(code, "categoryId"))


def predict(call: Call) -> Response:
    data = _categories(call).predict(call.body)
    return CoupangJSONResponse({"code": 200, "message": "OK", "data": data})


def auto_category_agreed(call: Call) -> Response:
    """Every sandbox vendor has agreed to automatic category matching."""
    return _seller(flag(True))


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
