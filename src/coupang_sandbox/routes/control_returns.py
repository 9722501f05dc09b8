"""Control API for returns: play the customer, the courier and Coupang's CS.

* ``POST /_sandbox/returns`` ``{"orderId", "items": [{"vendorItemId", "quantity"}] |
  "vendorItemIds" + "quantities", "reasonCode", "reason"?}``: the customer asks for a return
  of shipped goods (DEPARTURE, DELIVERING, FINAL_DELIVERY, NONE_TRACKING); one receipt per
  shipment box. ``reasonCode`` is a VOC code (the deleted ``CCSSER`` is refused); it decides
  who pays the return shipping. Before shipping the customer cancels instead
  (``/_sandbox/orders/{orderId}/cancel-request``).
* ``GET /_sandbox/returns/{receiptId}``: the return, withdrawn or not, with sandbox fields.
* ``POST /_sandbox/returns/{receiptId}/withdraw``: the customer withdraws (before the pickup;
  a stop-shipment request too).
* ``POST /_sandbox/returns/{receiptId}/pickup``: the courier scans the pickup (an auto-pickup
  courier of the return center, or the one of the seller's manual invoice); a quick-refund
  return picked up by an auto-pickup courier is refunded and completed.
  ``SandboxSettings.return_pickup_seconds`` does it by itself on the sandbox clock.
* ``POST /_sandbox/returns/{receiptId}/coupang-check`` (a dispute: REQUEST_COUPANG_CHECK)
  and ``POST /_sandbox/returns/{receiptId}/coupang-checked`` (Coupang settles it).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from starlette.responses import Response

from coupang_sandbox.backends._ids import parse_id
from coupang_sandbox.backends.returns import ReceiptRef, ReturnRequest, Returns
from coupang_sandbox.errors import ValidationFailed
from coupang_sandbox.responses import success
from coupang_sandbox.routes._base import Call, RouteSpec
from coupang_sandbox.routes._control_body import NO_FIELDS, accepts
from coupang_sandbox.views import returns as views
from coupang_seller.preflight import Violation
from coupang_seller.preflight import returns as rules
from coupang_seller.preflight._core import as_int


def _returns(call: Call) -> Returns:
    sandbox = call.sandbox
    return sandbox.backends.returns


def _ref(call: Call) -> ReceiptRef:
    return ReceiptRef.of(call.path["receiptId"])


def _wanted(body: Mapping[str, Any]) -> dict[int, int]:
    """``items: [{vendorItemId, quantity|count}]`` or ``vendorItemIds`` + ``quantities``."""
    found: list[Violation] = []
    pairs: list[tuple[Any, Any]] = []
    if isinstance(body.get("items"), list):
        for entry in body["items"]:
            if not isinstance(entry, Mapping):
                found.append(Violation("items", "type", "items are {vendorItemId, quantity}"))
                continue
            pairs.append((entry.get("vendorItemId"), entry.get("quantity", entry.get("count", 1))))
    elif isinstance(body.get("vendorItemIds"), list):
        ids = body["vendorItemIds"]
        counts = body.get("quantities", body.get("cancelCounts", [1] * len(ids)))
        if not isinstance(counts, list) or len(counts) != len(ids):
            found.append(
                Violation("quantities", "pairs", "quantities must pair with vendorItemIds")
            )
        else:
            pairs = list(zip(ids, counts, strict=True))
    else:
        found.append(
            Violation(
                "items",
                "required",
                "give items [{vendorItemId, quantity}] or vendorItemIds + quantities",
            )
        )
    wanted: dict[int, int] = {}
    for vid_text, count_text in pairs:
        vid, count = parse_id(vid_text), as_int(count_text)
        if vid is None or count is None or count < 1:
            found.append(
                Violation("items", "type", "each item needs a vendorItemId and a quantity >= 1")
            )
            continue
        wanted[vid] = wanted.get(vid, 0) + count
    if found:
        raise ValidationFailed(found)
    return wanted


def parse_request(body: Mapping[str, Any]) -> ReturnRequest:
    """The customer's return request: ``reasonCode`` first, then the items."""
    found = rules.check_reason_code(body.get("reasonCode"))
    if found:
        raise ValidationFailed(found)
    wanted = _wanted(body)
    reason_text = body.get("reason")
    return ReturnRequest(
        order_id=parse_id(body.get("orderId")),
        order_shown=f"{body.get('orderId')}",
        wanted=wanted,
        reason_code=str(body["reasonCode"]),
        reason_text=None if reason_text is None else str(reason_text),
    )


@accepts(
    {
        "orderId": None,
        "items": {"vendorItemId": None, "quantity": None, "count": None},
        "vendorItemIds": None,
        "quantities": None,
        "cancelCounts": None,
        "reasonCode": None,
        "reason": None,
    }
)
def request_return(call: Call) -> Response:
    """``POST /_sandbox/returns``: the customer asks for a return of shipped goods."""
    return success(views.requested(_returns(call).request_return(parse_request(call.body))))


def view(call: Call) -> Response:
    """``GET /_sandbox/returns/{receiptId}``: everything about a return."""
    return success(views.control_view(_returns(call).view(_ref(call))))


@accepts(NO_FIELDS)
def withdraw(call: Call) -> Response:
    """``POST .../withdraw``: the customer withdraws a return before the pickup."""
    return success(views.withdrawn(_returns(call).withdraw(_ref(call))))


@accepts(NO_FIELDS)
def pickup(call: Call) -> Response:
    """``POST .../pickup``: the courier picks the goods up."""
    return success(views.picked_up(_returns(call).pickup(_ref(call))))


@accepts(NO_FIELDS)
def coupang_check(call: Call) -> Response:
    """``POST .../coupang-check``: a dispute, Coupang's CS is asked to check."""
    return success(views.coupang_step(_returns(call).request_coupang_check(_ref(call))))


@accepts(NO_FIELDS)
def coupang_checked(call: Call) -> Response:
    """``POST .../coupang-checked``: Coupang's CS settles the dispute."""
    return success(views.coupang_step(_returns(call).coupang_checked(_ref(call))))


ROUTES: list[RouteSpec] = [
    ("POST", "/_sandbox/returns", request_return),
    ("GET", "/_sandbox/returns/{receiptId}", view),
    ("POST", "/_sandbox/returns/{receiptId}/withdraw", withdraw),
    ("POST", "/_sandbox/returns/{receiptId}/pickup", pickup),
    ("POST", "/_sandbox/returns/{receiptId}/coupang-check", coupang_check),
    ("POST", "/_sandbox/returns/{receiptId}/coupang-checked", coupang_checked),
]
