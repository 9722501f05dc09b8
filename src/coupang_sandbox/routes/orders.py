"""Order endpoints (배송/발주서 API) on the openapi provider, v4 and v5 side by side.

Envelope ``{"code": 200, "message": "OK", "data": ...}``; the daily list puts ``nextToken``
next to ``data`` (``""`` on the last page). Refusals answer HTTP 400 in the same envelope
(``errors`` lists broken rules). Bulk actions answer per ``shipmentBoxId`` inside HTTP 200.

Paths served where the sources disagree: acknowledgement and the stop-shipment answers take
PATCH (the docs) and PUT (what clients send); cancellation is served on the v5 openapi path
and on the older ``wing_api`` path; the season-1 ``release-stop`` path takes POST and DELETE
and tells the two answers apart by the body (``cancelCount`` = stop shipment,
``invoiceNumber`` = already shipped; with neither, season-1's mapping: DELETE = already
shipped, POST = stopped), since season-1 and the English docs swap the methods. The v4
``orders/{orderId}/refunds`` API was merged into the v5 cancel in 2020-02 and answers 410.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from starlette.responses import Response

from coupang_sandbox.backends._ids import body_id_mismatch, parse_id
from coupang_sandbox.backends.orders import Orders, parse_day, parse_minute
from coupang_sandbox.errors import SandboxError, ValidationFailed
from coupang_sandbox.responses import CoupangJSONResponse
from coupang_sandbox.routes._base import Call, RouteSpec, optional_body, retired
from coupang_sandbox.state import order as st
from coupang_seller.preflight import Violation
from coupang_seller.preflight import orders as rules
from coupang_seller.preflight._core import as_int

OPENAPI = "/v2/providers/openapi/apis/api"
WING = "/v2/providers/wing_api/apis/internal-api"
VERSIONS = ("v4", "v5")


def _orders(call: Call) -> Orders:
    sandbox = call.sandbox
    return Orders(sandbox.store, sandbox.clock, sandbox.settings)


def ok(data: Any, code: int | str = 200, message: str = "OK", **extra: Any) -> Response:
    return CoupangJSONResponse({"code": code, "message": message, "data": data, **extra})


def _status(call: Call, found: list[Violation]) -> str:
    status = (call.query("status") or "").strip().upper()
    if not status:
        found.append(Violation("status", "required", "status is required (ACCEPT, INSTRUCT, ...)"))
    elif status not in st.LISTABLE:
        found.append(
            Violation(
                "status", "enum", f"status must be one of {', '.join(st.LISTABLE)} (got {status!r})"
            )
        )
    return status


def list_sheets(call: Call) -> Response:
    found: list[Violation] = []
    status = _status(call, found)
    if (call.query("searchType") or "").strip() == "timeFrame":
        start, more = parse_minute(call.query("createdAtFrom"), "createdAtFrom")
        end, other = parse_minute(call.query("createdAtTo"), "createdAtTo")
        found += more + other
        if start is not None and end is not None:
            found += rules.check_time_frame(start, end)
        if found or start is None or end is None:
            raise ValidationFailed(found)
        # No paging in time-frame mode; the docs' sample still carries the token (empty here).
        return ok(_orders(call).list_time_frame(call.vendor_id, status, start, end), nextToken="")
    day_from, more = parse_day(call.query("createdAtFrom"), "createdAtFrom")
    day_to, other = parse_day(call.query("createdAtTo"), "createdAtTo")
    found += more + other
    if day_from is not None and day_to is not None:
        found += rules.check_daily_window(day_from, day_to)
    size = rules.MAX_PER_PAGE
    text = call.query("maxPerPage")
    if text is not None and text.strip():
        value = as_int(text)
        if value is None:
            found.append(Violation("maxPerPage", "type", f"maxPerPage must be a number ({text!r})"))
        else:
            found += rules.check_max_per_page(value)
            size = value
    after = None
    token = call.query("nextToken")
    if token is not None and token.strip():
        after = parse_id(token)
        if after is None:
            found.append(
                Violation("nextToken", "format", f"nextToken {token!r} is not one we gave")
            )
    if found or day_from is None or day_to is None:
        raise ValidationFailed(found)
    sheets, next_token = _orders(call).list_daily(
        call.vendor_id, status, day_from, day_to, after=after, limit=size
    )
    return ok(sheets, nextToken=next_token)


def get_sheet(call: Call) -> Response:
    return ok(_orders(call).sheet(call.vendor_id, call.path["shipmentBoxId"]))


def sheets_by_order(call: Call) -> Response:
    return ok(_orders(call).sheets_of_order(call.vendor_id, call.path["orderId"]))


def history(call: Call) -> Response:
    return ok(_orders(call).history(call.vendor_id, call.path["shipmentBoxId"]))


def acknowledge(call: Call) -> Response:
    ids = call.body.get("shipmentBoxIds")
    found = rules.check_acknowledgement(ids)
    if found or not isinstance(ids, list):
        raise ValidationFailed(found)
    return ok(_orders(call).acknowledge(call.vendor_id, ids))


def upload_invoices(call: Call) -> Response:
    return ok(_orders(call).upload_invoices(call.vendor_id, call.body))


def update_invoices(call: Call) -> Response:
    return ok(_orders(call).update_invoices(call.vendor_id, call.body))


def _receipt_id(call: Call) -> Any:
    path_id = call.path["receiptId"]
    found = body_id_mismatch(call.body, "receiptId", path_id)
    if found:
        raise ValidationFailed(found)
    return path_id


def stopped_shipment(call: Call) -> Response:
    _orders(call).stopped_shipment(call.vendor_id, _receipt_id(call), call.body)
    return ok(
        {"resultCode": "SUCCESS", "resultMessage": "출고중지완료요청이 성공하였습니다"}, "200"
    )


def completed_shipment(call: Call) -> Response:
    _orders(call).completed_shipment(call.vendor_id, _receipt_id(call), call.body)
    result = {"resultCode": "SUCCESS", "resultMessage": "이미출고 상태변경이 성공하였습니다."}
    # The docs' sample nests code/message inside data; the spec puts them outside: both.
    return ok({"code": "200", "message": "OK", **result}, "200")


def release_stop(call: Call, *, default_shipped: bool) -> Response:
    body = call.body
    if not body:
        # A DELETE carries no body: take the answer from the query string.
        body = {
            k: v
            for k in ("deliveryCompanyCode", "invoiceNumber", "cancelCount")
            if (v := call.query(k)) is not None
        }
        call = Call(call.request, call.sandbox, call.vendor_id, body)
    if body.get("invoiceNumber") not in (None, ""):
        return completed_shipment(call)
    if body.get("cancelCount") is not None:
        return stopped_shipment(call)
    if default_shipped:
        return completed_shipment(call)
    return stopped_shipment(call)


def complete_long_undelivered(call: Call) -> Response:
    _orders(call).complete_long_undelivered(call.vendor_id, call.body)
    return ok(True, "200", "SUCCESS")


def cancel(call: Call) -> Response:
    outcome = _orders(call).cancel(call.vendor_id, call.path["orderId"], call.body)
    if outcome.code == "FAIL":
        raise SandboxError(400, outcome.message, code="FAIL", data=outcome.data)
    return ok(outcome.data, outcome.code, outcome.message)


refunds_retired = retired(
    "The payment-complete refund (POST .../v4/vendors/{vendorId}/orders/{orderId}/refunds)",
    "It was merged into the order cancel API in 2020-02: POST "
    ".../v5/vendors/{vendorId}/orders/{orderId}/cancel.",
)


def _routes() -> list[RouteSpec]:
    specs: list[RouteSpec] = []
    for version in VERSIONS:
        vendor = f"{OPENAPI}/{version}/vendors/{{vendorId}}"
        specs += [
            ("PATCH", f"{vendor}/ordersheets/acknowledgement", acknowledge),
            ("PUT", f"{vendor}/ordersheets/acknowledgement", acknowledge),
            ("GET", f"{vendor}/ordersheets", list_sheets),
            ("GET", f"{vendor}/ordersheets/{{shipmentBoxId}}", get_sheet),
            ("GET", f"{vendor}/ordersheets/{{shipmentBoxId}}/history", history),
            ("GET", f"{vendor}/{{orderId}}/ordersheets", sheets_by_order),
        ]
    v4 = f"{OPENAPI}/v4/vendors/{{vendorId}}"
    receipt = f"{v4}/returnRequests/{{receiptId}}"
    release = f"{WING}/v1/return/{{receiptId}}/release-stop"
    specs += [
        ("POST", f"{v4}/orders/invoices", upload_invoices),
        ("POST", f"{v4}/orders/updateInvoices", update_invoices),
        ("POST", f"{v4}/completeLongTermUndelivery", complete_long_undelivered),
        ("PATCH", f"{receipt}/stoppedShipment", optional_body(stopped_shipment)),
        ("PUT", f"{receipt}/stoppedShipment", optional_body(stopped_shipment)),
        ("PATCH", f"{receipt}/completedShipment", completed_shipment),
        ("PUT", f"{receipt}/completedShipment", completed_shipment),
        ("POST", release, optional_body(partial(release_stop, default_shipped=False))),
        ("DELETE", release, partial(release_stop, default_shipped=True)),
        ("POST", f"{OPENAPI}/v5/vendors/{{vendorId}}/orders/{{orderId}}/cancel", cancel),
        ("POST", f"{WING}/v5/vendors/{{vendorId}}/orders/{{orderId}}/cancel", cancel),
        ("POST", f"{v4}/orders/{{orderId}}/refunds", refunds_retired),
    ]
    return specs


#: ``(method, path template, handler)`` of every order endpoint served.
ROUTES: list[RouteSpec] = _routes()
