"""Control API for Rocket Growth: play Coupang's warehouse and the customers it serves.

* ``PUT /_sandbox/rg/inventory/{vendorItemId}`` ``{"vendorId", "quantity", "externalSkuId"?}``:
  set the warehouse stock of one of the vendor's approved options (0 or more units); answers
  the option's inventory summary.
* ``POST /_sandbox/rg/orders`` ``{"vendorId", "items": [{"vendorItemId", "quantity"}],
  "paidAt"?}`` (or one ``vendorItemId`` + ``quantity``): a paid Rocket Growth order of the
  vendor's approved options, taking its units from the warehouse stock (refused when short);
  ``paidAt`` (ISO-8601, naive = Korean time, not after the sandbox clock) defaults to now on
  the sandbox clock. Answers the order as ``GET .../rg/order/{orderId}`` does.
"""

from __future__ import annotations

from starlette.responses import Response

from coupang_sandbox.backends.rocket_growth import RocketGrowth
from coupang_sandbox.responses import success
from coupang_sandbox.routes._base import Call, RouteSpec
from coupang_sandbox.routes._control_body import accepts
from coupang_sandbox.views import rocket_growth as view


def _rg(call: Call) -> RocketGrowth:
    sandbox = call.sandbox
    return RocketGrowth(sandbox.store, sandbox.clock, sandbox.settings)


@accepts({"vendorId": None, "quantity": None, "externalSkuId": None})
def set_inventory(call: Call) -> Response:
    """Set the warehouse stock of one option; answers its inventory summary."""
    return success(view.stock(_rg(call).set_stock(call.path["vendorItemId"], call.body)))


@accepts(
    {
        "vendorId": None,
        "items": {"vendorItemId": None, "quantity": None},
        "vendorItemId": None,
        "quantity": None,
        "paidAt": None,
    }
)
def place_order(call: Call) -> Response:
    """Place a paid Rocket Growth order; answers it as the seller's lookup does."""
    return success(view.order(_rg(call).place(call.body)))


ROUTES: list[RouteSpec] = [
    ("PUT", "/_sandbox/rg/inventory/{vendorItemId}", set_inventory),
    ("POST", "/_sandbox/rg/orders", place_order),
]
