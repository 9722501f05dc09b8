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

from starlette.responses import Response

from coupang_sandbox.backends.orders import Orders
from coupang_sandbox.responses import success
from coupang_sandbox.routes._base import Call, RouteSpec
from coupang_sandbox.routes._control_body import Fields, accepts

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
    return Orders(sandbox.store, sandbox.clock, sandbox.settings)


@accepts(PLACE_ORDER)
def place_order(call: Call) -> Response:
    return success(_orders(call).place(call.body))


def get_order(call: Call) -> Response:
    return success(_orders(call).order_view(call.path["orderId"]))


@accepts({"receiver": RECEIVER, **RECEIVER})
def change_address(call: Call) -> Response:
    return success(_orders(call).change_address(call.path["orderId"], call.body))


@accepts({"reasonCode": None, "items": {"vendorItemId": None, "count": None}})
def cancel_request(call: Call) -> Response:
    return success(_orders(call).customer_cancel(call.path["orderId"], call.body))


@accepts({"event": None})
def scan(call: Call) -> Response:
    return success(_orders(call).scan(call.path["shipmentBoxId"], call.body))


ROUTES: list[RouteSpec] = [
    ("POST", "/_sandbox/orders", place_order),
    ("GET", "/_sandbox/orders/{orderId}", get_order),
    ("POST", "/_sandbox/orders/{orderId}/address", change_address),
    ("POST", "/_sandbox/orders/{orderId}/cancel-request", cancel_request),
    ("POST", "/_sandbox/shipments/{shipmentBoxId}/scan", scan),
]
