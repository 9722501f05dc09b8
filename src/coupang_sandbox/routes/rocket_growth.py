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
from datetime import datetime, time, timedelta
from functools import wraps

from starlette.responses import Response

from coupang_sandbox.backends._ids import parse_id
from coupang_sandbox.backends.rocket_growth import (
    OrderRef,
    PaidWindow,
    RocketGrowth,
    StockQuery,
)
from coupang_sandbox.errors import TooManyRequests, ValidationFailed
from coupang_sandbox.responses import CoupangJSONResponse
from coupang_sandbox.routes._base import Call, RouteSpec
from coupang_sandbox.throttle import retry_after_header
from coupang_sandbox.views import rocket_growth as view
from coupang_seller._constants import KST
from coupang_seller.preflight import Violation
from coupang_seller.preflight import rocket_growth as rules
from coupang_seller.preflight._core import is_blank

BASE = "/v2/providers/rg_open_api/apis/api/v1/vendors/{vendorId}/rg"


def _rg(call: Call) -> RocketGrowth:
    sandbox = call.sandbox
    return sandbox.backends.rocket_growth


def _day_start(text: str, field: str) -> datetime:
    day = rules.parse_date(text)
    if day is None:
        raise ValidationFailed([Violation(field, "format", f"{field} must be yyyymmdd ({text!r})")])
    return datetime.combine(day, time(0), tzinfo=KST)


def _token(text: str | None) -> tuple[int | None, list[Violation]]:
    if text is None or not text.strip():
        return None, []
    after = parse_id(text)
    if after is None:
        return None, [Violation("nextToken", "format", f"nextToken {text!r} is not one we gave")]
    return after, []


def parse_window(call: Call) -> PaidWindow:
    """``paidDateFrom``/``paidDateTo`` (the shared rules) and ``nextToken``, refused together."""
    paid_from, paid_to = call.query("paidDateFrom"), call.query("paidDateTo")
    found = rules.check_paid_window(paid_from, paid_to)
    after, bad_token = _token(call.query("nextToken"))
    found += bad_token
    if found or paid_from is None or paid_to is None:
        raise ValidationFailed(found)
    start = _day_start(paid_from, "paidDateFrom")
    before = _day_start(paid_to, "paidDateTo") + timedelta(days=1)
    return PaidWindow(start, before, after)


def parse_order_id(call: Call) -> OrderRef:
    """The path's ``orderId`` (the shared rule), kept as sent for the not-found message."""
    text = call.path["orderId"]
    found = rules.check_order_id(text)
    order_id = parse_id(text)
    if found or order_id is None:
        raise ValidationFailed(found)
    return OrderRef(order_id, f"{text}")


def parse_stock_query(call: Call) -> StockQuery:
    """The optional ``vendorItemId`` (the shared rule) and ``nextToken``, refused together."""
    item_text = call.query("vendorItemId")
    found = rules.check_vendor_item_id(item_text)
    after, bad_token = _token(call.query("nextToken"))
    found += bad_token
    if found:
        raise ValidationFailed(found)
    return StockQuery(None if is_blank(item_text) else parse_id(item_text), after)


def throttled(handler: Callable[[Call], Response]) -> Callable[[Call], Response]:
    """Count the call against the vendor's Rocket Growth limit (429 beyond it)."""

    @wraps(handler)
    def run(call: Call) -> Response:
        """Check the Rocket Growth per-minute limit (429 with Retry-After), then run the handler."""
        wait = call.sandbox.rg_throttle.check(call.vendor_id)
        if wait is not None:
            raise TooManyRequests(call.vendor_id, wait, retry_after_header(wait))
        return handler(call)

    return run


@throttled
def list_orders(call: Call) -> Response:
    """Orders paid in the asked Korean days, a page at a time."""
    orders, token = _rg(call).list_orders(call.vendor_id, parse_window(call))
    data = [view.order(o) for o in orders]
    return CoupangJSONResponse({"code": 200, "message": "OK", "data": data, "nextToken": token})


@throttled
def get_order(call: Call) -> Response:
    """One order."""
    data = view.order(_rg(call).get_order(call.vendor_id, parse_order_id(call)))
    return CoupangJSONResponse({"code": 200, "message": "OK", "data": data})


@throttled
def inventory(call: Call) -> Response:
    """Warehouse stock per option, a page at a time."""
    stocks, token = _rg(call).inventory(call.vendor_id, parse_stock_query(call))
    data = [view.stock(s) for s in stocks]
    return CoupangJSONResponse({"code": 200, "message": "OK", "data": data, "nextToken": token})


ROUTES: list[RouteSpec] = [
    ("GET", f"{BASE}/orders", list_orders),
    ("GET", f"{BASE}/order/{{orderId}}", get_order),
    ("GET", f"{BASE}/inventory/summaries", inventory),
]
