"""Control API for products: play Coupang's reviewer.

``POST /_sandbox/products/{sellerProductId}/review`` with
``{"result": "APPROVED" | "PARTIAL_APPROVED" | "DENIED", "reason": "...",
"sellerProductItemIds": [...]}`` decides a product waiting for approval (승인대기중).
``sellerProductItemIds`` (PARTIAL_APPROVED only) names the items to approve; without it the
first item is approved. Without a review call, products are approved automatically
``SandboxSettings.auto_review_seconds`` after the request, on the sandbox clock.
"""

from __future__ import annotations

from starlette.responses import Response

from coupang_sandbox.backends._ids import parse_id
from coupang_sandbox.backends.products import Review
from coupang_sandbox.errors import NotFound, ValidationFailed
from coupang_sandbox.responses import success
from coupang_sandbox.routes._base import Call, RouteSpec
from coupang_sandbox.routes._control_body import accepts
from coupang_sandbox.views import products as views
from coupang_seller.preflight import Violation

REVIEWER = "쿠팡 상품 검수 (sandbox)"


def parse_review(call: Call) -> Review:
    """The review body: ``result`` (a string), ``reason`` and ``sellerProductItemIds``."""
    body = call.body
    violations: list[Violation] = []
    result = body.get("result")
    if not isinstance(result, str):
        violations.append(
            Violation("result", "required", "result must be APPROVED, PARTIAL_APPROVED or DENIED")
        )
    reason = body.get("reason") or ""
    if not isinstance(reason, str):
        violations.append(Violation("reason", "type", "reason must be a string"))
    item_ids: tuple[int, ...] | None = None
    raw_ids = body.get("sellerProductItemIds")
    if raw_ids is not None:
        parsed = [parse_id(v) for v in raw_ids] if isinstance(raw_ids, list) else None
        if parsed is None or any(v is None for v in parsed):
            violations.append(
                Violation(
                    "sellerProductItemIds", "type", "sellerProductItemIds must be a list of ids"
                )
            )
        else:
            item_ids = tuple(v for v in parsed if v is not None)
    if violations or not isinstance(result, str) or not isinstance(reason, str):
        raise ValidationFailed(violations)
    return Review(result.strip().upper(), reason.strip(), item_ids, REVIEWER)


@accepts({"result": None, "reason": None, "sellerProductItemIds": None})
def review_product(call: Call) -> Response:
    """Decide a product waiting for approval; 404 for an unknown ``sellerProductId``."""
    review = parse_review(call)
    text = call.path["sellerProductId"]
    product_id = parse_id(text)
    if product_id is None:
        raise NotFound(f"sellerProductId {text} does not exist")
    sandbox = call.sandbox
    outcome = sandbox.backends.products.review(product_id, review)
    return success(views.review(outcome.product, outcome.status, outcome.items))


ROUTES: list[RouteSpec] = [
    ("POST", "/_sandbox/products/{sellerProductId}/review", review_product),
]
