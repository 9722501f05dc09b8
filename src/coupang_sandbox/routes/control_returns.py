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

from starlette.responses import Response

from coupang_sandbox.backends.returns import Returns
from coupang_sandbox.responses import success
from coupang_sandbox.routes._base import Call, RouteSpec
from coupang_sandbox.routes._control_body import NO_FIELDS, accepts
from coupang_sandbox.views import returns as views


def _returns(call: Call) -> Returns:
    sandbox = call.sandbox
    return Returns(sandbox.store, sandbox.clock, sandbox.settings)


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
    return success(views.requested(_returns(call).request_return(call.body)))


def view(call: Call) -> Response:
    return success(views.control_view(_returns(call).view(call.path["receiptId"])))


@accepts(NO_FIELDS)
def withdraw(call: Call) -> Response:
    return success(views.withdrawn(_returns(call).withdraw(call.path["receiptId"])))


@accepts(NO_FIELDS)
def pickup(call: Call) -> Response:
    return success(views.picked_up(_returns(call).pickup(call.path["receiptId"])))


@accepts(NO_FIELDS)
def coupang_check(call: Call) -> Response:
    return success(views.coupang_step(_returns(call).request_coupang_check(call.path["receiptId"])))


@accepts(NO_FIELDS)
def coupang_checked(call: Call) -> Response:
    return success(views.coupang_step(_returns(call).coupang_checked(call.path["receiptId"])))


ROUTES: list[RouteSpec] = [
    ("POST", "/_sandbox/returns", request_return),
    ("GET", "/_sandbox/returns/{receiptId}", view),
    ("POST", "/_sandbox/returns/{receiptId}/withdraw", withdraw),
    ("POST", "/_sandbox/returns/{receiptId}/pickup", pickup),
    ("POST", "/_sandbox/returns/{receiptId}/coupang-check", coupang_check),
    ("POST", "/_sandbox/returns/{receiptId}/coupang-checked", coupang_checked),
]
