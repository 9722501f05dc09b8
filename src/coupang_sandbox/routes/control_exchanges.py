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

from starlette.responses import Response

from coupang_sandbox.backends.exchanges import Exchanges
from coupang_sandbox.responses import success
from coupang_sandbox.routes._base import Call, RouteSpec
from coupang_sandbox.routes._control_body import accepts
from coupang_sandbox.views import exchanges as views


def _exchanges(call: Call) -> Exchanges:
    sandbox = call.sandbox
    return Exchanges(sandbox.store, sandbox.clock, sandbox.settings)


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
    return success(views.exchange(_exchanges(call).request(call.body)))


def get_exchange(call: Call) -> Response:
    return success(views.exchange(_exchanges(call).view(call.path["exchangeId"])))


@accepts({"cancelReason": None})
def withdraw(call: Call) -> Response:
    return success(views.exchange(_exchanges(call).withdraw(call.path["exchangeId"], call.body)))


@accepts({"event": None})
def scan(call: Call) -> Response:
    return success(views.scanned(_exchanges(call).scan(call.path["exchangeId"], call.body)))


ROUTES: list[RouteSpec] = [
    ("POST", "/_sandbox/exchanges", request_exchange),
    ("GET", "/_sandbox/exchanges/{exchangeId}", get_exchange),
    ("POST", "/_sandbox/exchanges/{exchangeId}/withdraw", withdraw),
    ("POST", "/_sandbox/exchanges/{exchangeId}/scan", scan),
]
