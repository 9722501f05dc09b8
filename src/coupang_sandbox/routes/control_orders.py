"""Control API for orders: play the customer and the courier (the clock is ``/_sandbox/clock``).

* ``POST /_sandbox/orders`` ``{"vendorId", "items": [{"vendorItemId", "quantity"}],
  "bundle": true, "receiver": {"name", "addr1", "addr2", "postCode"}, "orderer": {"name"},
  "safeNumber", "parcelPrintMessage", "refer"}`` places a paid order for approved, on-sale
  items (stock goes down). Items of products with ``unionDeliveryType: UNION_DELIVERY`` and
  the same outbound place share one shipment box (묶음배송, shipping fee charged once per box)
  unless ``bundle`` is false; other items get a box each. The region comes from the postcode
  (Jeju 63000-63644, a sample of island/mountain postcodes, else mainland) and sets
  ``remoteArea``/``remotePrice`` from the outbound place's remote-area fees. The seller sees
  the order ``order_visible_after_seconds`` (600) later on the sandbox clock.
* ``GET /_sandbox/orders/{orderId}``: the order's sheets and receipts, visible or not.
* ``POST /_sandbox/orders/{orderId}/address`` ``{"receiver": {...}}``: the customer edits the
  address, allowed while every box is ACCEPT.
* ``POST /_sandbox/orders/{orderId}/cancel-request`` ``{"reasonCode", "items"?: [{"vendorItemId",
  "count"}]}``: at ACCEPT the cancel is immediate; at INSTRUCT it becomes a stop-shipment
  request (RELEASE_STOP_UNCHECKED) for the seller to answer. ``reasonCode`` is a VOC code; the
  deleted ``CCSSER`` is refused.
* ``POST /_sandbox/shipments/{shipmentBoxId}/scan`` ``{"event": "PICKUP" | "IN_TRANSIT" |
  "DELIVERED"}``: a courier scan (never for DIRECT / NONE_TRACKING boxes).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from starlette.responses import Response

from coupang_sandbox.backends._ids import parse_id
from coupang_sandbox.backends.orders import (
    AddressChange,
    CustomerCancel,
    Orders,
    PlaceOrder,
    Receiver,
    Scan,
)
from coupang_sandbox.errors import ValidationFailed
from coupang_sandbox.responses import success
from coupang_sandbox.routes._base import Call, RouteSpec
from coupang_sandbox.routes._control_body import Fields, accepts
from coupang_sandbox.state import orders as st
from coupang_sandbox.views import orders as views
from coupang_seller.preflight import Violation
from coupang_seller.preflight import orders as rules
from coupang_seller.preflight._core import as_int

#: The address fields the customer gives (the rest of the receiver is the sandbox's).
RECEIVER: Fields = {"name": None, "addr1": None, "addr2": None, "postCode": None}
PLACE_ORDER: Fields = {
    "vendorId": None,
    "items": {"vendorItemId": None, "quantity": None, "downloadableCouponId": None},
    "bundle": None,
    "receiver": RECEIVER,
    "orderer": {"name": None},
    "safeNumber": None,
    "parcelPrintMessage": None,
    "refer": None,
    # {vendorItemId: couponId}: keys are ids, not field names
    "downloadableCoupons": None,
}


def _orders(call: Call) -> Orders:
    sandbox = call.sandbox
    return sandbox.backends.orders


def _text(value: Any) -> str | None:
    """A given value as text, None when absent or empty (the sandbox's default then)."""
    return str(value) if value else None


def _order_lines(lines: list[Any]) -> tuple[tuple[int, int], ...]:
    found: list[Violation] = []
    wanted: list[tuple[int, int]] = []
    for index, line in enumerate(lines):
        vid = parse_id(line.get("vendorItemId")) if isinstance(line, Mapping) else None
        qty = as_int(line.get("quantity", 1)) if isinstance(line, Mapping) else None
        if vid is None:
            found.append(
                Violation(f"items[{index}].vendorItemId", "required", "vendorItemId is required")
            )
        if qty is None or qty < 1:
            found.append(
                Violation(f"items[{index}].quantity", "min_value", "quantity must be >= 1")
            )
        if vid is not None and qty is not None:
            wanted.append((vid, qty))
    if found:
        raise ValidationFailed(found)
    return tuple(wanted)


def parse_place(body: Mapping[str, Any]) -> PlaceOrder:
    """The customer's order: ``vendorId``, then ``items``, then ``receiver`` (one 400 with
    those), then each line's ``vendorItemId`` and ``quantity``."""
    vendor_id = body.get("vendorId")
    lines = body.get("items")
    found: list[Violation] = []
    if not isinstance(vendor_id, str) or not vendor_id.strip():
        found.append(Violation("vendorId", "required", "vendorId is required"))
    if not isinstance(lines, list) or not lines:
        found.append(Violation("items", "required", "items must list {vendorItemId, quantity}"))
    receiver = body.get("receiver") or {}
    if not isinstance(receiver, Mapping):
        found.append(Violation("receiver", "type", "receiver must be an object"))
        receiver = {}
    if found or not isinstance(vendor_id, str) or not isinstance(lines, list):
        raise ValidationFailed(found)
    given = body.get("orderer")
    orderer: Mapping[str, Any] = given if isinstance(given, Mapping) else {}
    return PlaceOrder(
        vendor_id=vendor_id,
        lines=_order_lines(lines),
        receiver=Receiver(
            _text(receiver.get("name")),
            _text(receiver.get("addr1")),
            _text(receiver.get("addr2")),
            _text(receiver.get("postCode")),
        ),
        orderer_name=_text(orderer.get("name")),
        safe_number=_text(body.get("safeNumber")),
        bundle=body.get("bundle", True) is not False,
        parcel_print_message=body.get("parcelPrintMessage"),
        refer=_text(body.get("refer")),
        coupons={"items": lines, "downloadableCoupons": body.get("downloadableCoupons")},
    )


def parse_address(body: Mapping[str, Any]) -> AddressChange:
    """The receiver's fields to change (``{"receiver": {...}}`` or the fields at the top)."""
    receiver = body.get("receiver", body)
    if not isinstance(receiver, Mapping):
        raise ValidationFailed([Violation("receiver", "type", "receiver must be an object")])
    fields = {k: receiver[k] for k in ("name", "addr1", "addr2", "postCode") if k in receiver}
    if not fields or any(not isinstance(v, str) or not v.strip() for v in fields.values()):
        raise ValidationFailed(
            [
                Violation(
                    "receiver",
                    "required",
                    "give name, addr1, addr2 and/or postCode as non-empty strings",
                )
            ]
        )
    return AddressChange(tuple(fields.items()))


def _cancel_items(asked: Any) -> tuple[tuple[int, int], ...] | None:
    """The asked ``(vendorItemId, count)`` pairs (None: everything; not a list: nothing);
    raises ValueError for a broken entry."""
    if asked is None:
        return None
    if not isinstance(asked, list):
        return ()
    pairs: list[tuple[int, int]] = []
    for entry in asked:
        vid = parse_id(entry.get("vendorItemId")) if isinstance(entry, Mapping) else None
        count = as_int(entry.get("count")) if isinstance(entry, Mapping) else None
        if vid is None or count is None or count < 1:
            raise ValueError(entry)
        pairs.append((vid, count))
    return tuple(pairs)


def parse_customer_cancel(call: Call) -> CustomerCancel:
    """The reason code (400 first), then the items: a broken entry is 400 once the order is
    known to exist (an unknown order is still 404)."""
    body = call.body
    found = rules.check_reason_code(body.get("reasonCode"))
    if found:
        raise ValidationFailed(found)
    try:
        items = _cancel_items(body.get("items"))
    except ValueError:
        _orders(call).require_order(call.path["orderId"])
        raise ValidationFailed(
            [Violation("items", "type", "items are {vendorItemId, count >= 1}")]
        ) from None
    return CustomerCancel(str(body["reasonCode"]), items)


def parse_scan(body: Mapping[str, Any]) -> Scan:
    """The courier's scan event: PICKUP, IN_TRANSIT or DELIVERED (any case)."""
    name = str(body.get("event") or "").strip().upper()
    event = st.SCAN_EVENTS.get(name)
    if event is None:
        raise ValidationFailed(
            [Violation("event", "enum", "event must be PICKUP, IN_TRANSIT or DELIVERED")]
        )
    return Scan(name, event)


@accepts(PLACE_ORDER)
def place_order(call: Call) -> Response:
    """``POST /_sandbox/orders``: the customer places a paid order."""
    return success(views.placed(_orders(call).place(parse_place(call.body))))


def get_order(call: Call) -> Response:
    """``GET /_sandbox/orders/{orderId}``: the order's sheets and receipts, visible or not."""
    return success(views.order_view(_orders(call).order_view(call.path["orderId"])))


@accepts({"receiver": RECEIVER, **RECEIVER})
def change_address(call: Call) -> Response:
    """``POST /_sandbox/orders/{orderId}/address``: the customer edits the address."""
    change = parse_address(call.body)
    changed = _orders(call).change_address(call.path["orderId"], change)
    return success(views.address_changed(changed))


@accepts({"reasonCode": None, "items": {"vendorItemId": None, "count": None}})
def cancel_request(call: Call) -> Response:
    """``POST /_sandbox/orders/{orderId}/cancel-request``: the customer asks to cancel."""
    request = parse_customer_cancel(call)
    cancelled = _orders(call).customer_cancel(call.path["orderId"], request)
    return success(views.customer_cancelled(cancelled))


@accepts({"event": None})
def scan(call: Call) -> Response:
    """``POST /_sandbox/shipments/{shipmentBoxId}/scan``: a courier scan."""
    scanned = _orders(call).scan(call.path["shipmentBoxId"], parse_scan(call.body))
    return success(views.scanned(scanned))


ROUTES: list[RouteSpec] = [
    ("POST", "/_sandbox/orders", place_order),
    ("GET", "/_sandbox/orders/{orderId}", get_order),
    ("POST", "/_sandbox/orders/{orderId}/address", change_address),
    ("POST", "/_sandbox/orders/{orderId}/cancel-request", cancel_request),
    ("POST", "/_sandbox/shipments/{shipmentBoxId}/scan", scan),
]
