"""Control API for exchanges: play the customer and the courier of the returned goods.

* ``POST /_sandbox/exchanges`` ``{"orderId", "vendorItemId", "quantity": 1, "reasonCode",
  "reasonEtcDetail"?, "targetVendorItemId"?, "referType"?, "exchangeAmount"?}``: the customer
  asks to exchange a delivered (FINAL_DELIVERY) order item -> RECEIPT. Only the same option
  (same ``vendorItemId``): a ``targetVendorItemId`` naming another size or colour is refused
  (that is a return and a new purchase). ``reasonCode`` is a VOC code (``CCSSER`` refused);
  ``faultType`` follows from it; ``exchangeAmount`` (교환배송비, default 0) is settled outside
  Coupang.
* ``GET /_sandbox/exchanges/{exchangeId}``: the exchange as the seller's list shows it.
* ``POST /_sandbox/exchanges/{exchangeId}/withdraw`` ``{"cancelReason"?}``: the customer
  withdraws (RECEIPT -> CANCEL).
* ``POST /_sandbox/exchanges/{exchangeId}/scan`` ``{"event": "PICKUP" | "DELIVERED"}``: the
  courier picks the goods up (collectStatus Delivering) and hands them to the seller
  (CompleteCollect). Optional: the seller's receipt confirmation works without them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from starlette.responses import Response

from coupang_sandbox.backends._ids import parse_id
from coupang_sandbox.backends.exchanges import REFER_TYPES, ExchangeRequest, Exchanges
from coupang_sandbox.errors import ValidationFailed
from coupang_sandbox.responses import success
from coupang_sandbox.routes._base import Call, RouteSpec
from coupang_sandbox.routes._control_body import accepts
from coupang_sandbox.state import exchanges as st
from coupang_sandbox.views import exchanges as views
from coupang_seller.preflight import Violation
from coupang_seller.preflight import exchanges as rules
from coupang_seller.preflight import orders as order_rules
from coupang_seller.preflight._core import as_int


def _exchanges(call: Call) -> Exchanges:
    sandbox = call.sandbox
    return sandbox.backends.exchanges


def parse_request(body: Mapping[str, Any]) -> ExchangeRequest:
    """The customer's exchange request: every broken rule in one refusal."""
    found: list[Violation] = []
    order_id = parse_id(body.get("orderId"))
    if order_id is None:
        found.append(Violation("orderId", "required", "orderId is required"))
    vendor_item_id = parse_id(body.get("vendorItemId"))
    if vendor_item_id is None:
        found.append(Violation("vendorItemId", "required", "vendorItemId is required"))
    quantity = as_int(body.get("quantity", 1))
    if quantity is None or quantity < 1:
        found.append(Violation("quantity", "range", "quantity must be >= 1"))
    found += order_rules.check_reason_code(body.get("reasonCode"))
    target = body.get("targetVendorItemId")
    if target is not None and vendor_item_id is not None:
        found += rules.check_same_option(vendor_item_id, parse_id(target))
    refer = str(body.get("referType") or "WEB_MOBILE")
    if refer not in REFER_TYPES:
        found.append(
            Violation("referType", "enum", f"referType must be one of {', '.join(REFER_TYPES)}")
        )
    amount = as_int(body.get("exchangeAmount", 0))
    if amount is None or amount < 0:
        found.append(Violation("exchangeAmount", "range", "exchangeAmount must be >= 0"))
    if found or order_id is None or vendor_item_id is None or quantity is None or amount is None:
        raise ValidationFailed(found)
    return ExchangeRequest(
        order_id=order_id,
        vendor_item_id=vendor_item_id,
        quantity=quantity,
        reason_code=str(body["reasonCode"]),
        reason_etc_detail=body.get("reasonEtcDetail"),
        refer_type=refer,
        exchange_amount=amount,
    )


def parse_event(body: Mapping[str, Any]) -> str:
    """The courier scan's ``event``: PICKUP or DELIVERED (any case)."""
    name = str(body.get("event") or "").strip().upper()
    if name not in st.SCAN_EVENTS:
        raise ValidationFailed([Violation("event", "enum", "event must be PICKUP or DELIVERED")])
    return name


@accepts(
    {
        "orderId": None,
        "vendorItemId": None,
        "quantity": None,
        "reasonCode": None,
        "reasonEtcDetail": None,
        "targetVendorItemId": None,
        "referType": None,
        "exchangeAmount": None,
    }
)
def request_exchange(call: Call) -> Response:
    """``POST /_sandbox/exchanges``: the customer asks to exchange a delivered item."""
    return success(views.exchange(_exchanges(call).request(parse_request(call.body))))


def get_exchange(call: Call) -> Response:
    """``GET /_sandbox/exchanges/{exchangeId}``: one exchange as the list shows it."""
    return success(views.exchange(_exchanges(call).view(call.path["exchangeId"])))


@accepts({"cancelReason": None})
def withdraw(call: Call) -> Response:
    """``POST .../withdraw``: the customer withdraws the exchange (``cancelReason``)."""
    return success(
        views.exchange(
            _exchanges(call).withdraw(
                call.path["exchangeId"], call.body.get("cancelReason") or "고객 철회"
            )
        )
    )


@accepts({"event": None})
def scan(call: Call) -> Response:
    """``POST .../scan``: a courier scan of the goods collected (``event``)."""
    return success(
        views.scanned(_exchanges(call).scan(call.path["exchangeId"], parse_event(call.body)))
    )


ROUTES: list[RouteSpec] = [
    ("POST", "/_sandbox/exchanges", request_exchange),
    ("GET", "/_sandbox/exchanges/{exchangeId}", get_exchange),
    ("POST", "/_sandbox/exchanges/{exchangeId}/withdraw", withdraw),
    ("POST", "/_sandbox/exchanges/{exchangeId}/scan", scan),
]
