"""Rocket Growth endpoints (로켓그로스) on the ``rg_open_api`` provider.

* ``GET .../rg/orders?paidDateFrom=yyyymmdd&paidDateTo=yyyymmdd&nextToken=``: orders paid in
  those Korean days (at most 30 days apart); ``{"code": 200, "message": "OK", "data": [...],
  "nextToken": ""}``.
* ``GET .../rg/order/{orderId}``: one order (``data`` an object).
* ``GET .../rg/inventory/summaries?vendorItemId=&nextToken=``: warehouse stock per option.

Besides the gateway's per-second limit, these paths have their own: ``rg_rate_limit_per_minute``
(50) calls in any 60 s per vendor, then 429 with ``Retry-After`` in the gateway's envelope.
Every handler here passes that check first.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from starlette.responses import Response

from coupang_sandbox.backends.rocket_growth import RocketGrowth
from coupang_sandbox.errors import TooManyRequests
from coupang_sandbox.responses import CoupangJSONResponse
from coupang_sandbox.routes._base import Call, RouteSpec
from coupang_sandbox.throttle import retry_after_header
from coupang_sandbox.views import rocket_growth as view

BASE = "/v2/providers/rg_open_api/apis/api/v1/vendors/{vendorId}/rg"


def _rg(call: Call) -> RocketGrowth:
    sandbox = call.sandbox
    return RocketGrowth(sandbox.store, sandbox.clock, sandbox.settings)


def throttled(handler: Callable[[Call], Response]) -> Callable[[Call], Response]:
    """Count the call against the vendor's Rocket Growth limit (429 beyond it)."""

    @wraps(handler)
    def run(call: Call) -> Response:
        wait = call.sandbox.rg_throttle.check(call.vendor_id)
        if wait is not None:
            raise TooManyRequests(call.vendor_id, wait, retry_after_header(wait))
        return handler(call)

    return run


@throttled
def list_orders(call: Call) -> Response:
    """Orders paid in the asked Korean days, a page at a time."""
    orders, token = _rg(call).list_orders(
        call.vendor_id,
        call.query("paidDateFrom"),
        call.query("paidDateTo"),
        call.query("nextToken"),
    )
    data = [view.order(o) for o in orders]
    return CoupangJSONResponse({"code": 200, "message": "OK", "data": data, "nextToken": token})


@throttled
def get_order(call: Call) -> Response:
    """One order."""
    data = view.order(_rg(call).get_order(call.vendor_id, call.path["orderId"]))
    return CoupangJSONResponse({"code": 200, "message": "OK", "data": data})


@throttled
def inventory(call: Call) -> Response:
    """Warehouse stock per option, a page at a time."""
    stocks, token = _rg(call).inventory(
        call.vendor_id, call.query("vendorItemId"), call.query("nextToken")
    )
    data = [view.stock(s) for s in stocks]
    return CoupangJSONResponse({"code": 200, "message": "OK", "data": data, "nextToken": token})


ROUTES: list[RouteSpec] = [
    ("GET", f"{BASE}/orders", list_orders),
    ("GET", f"{BASE}/order/{{orderId}}", get_order),
    ("GET", f"{BASE}/inventory/summaries", inventory),
]
