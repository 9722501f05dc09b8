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

from collections.abc import Mapping
from functools import partial
from typing import Any

from starlette.responses import Response

from coupang_sandbox.backends._ids import body_id_mismatch, parse_id
from coupang_sandbox.backends.orders import (
    BoxRef,
    CancelInput,
    DailyQuery,
    InvoiceBox,
    InvoiceLine,
    LongUndelivered,
    Orders,
    ShippedAnswer,
    StopAnswer,
    TimeFrameQuery,
)
from coupang_sandbox.errors import SandboxError, ValidationFailed
from coupang_sandbox.kst import parse_day, parse_minute
from coupang_sandbox.responses import CoupangJSONResponse
from coupang_sandbox.routes._base import Call, RouteSpec, optional_body, retired
from coupang_sandbox.state import orders as st
from coupang_sandbox.views import orders as views
from coupang_seller.preflight import Violation
from coupang_seller.preflight import orders as rules
from coupang_seller.preflight._core import as_bool, as_id, as_int, id_violation

OPENAPI = "/v2/providers/openapi/apis/api"
WING = "/v2/providers/wing_api/apis/internal-api"
VERSIONS = ("v4", "v5")


def _orders(call: Call) -> Orders:
    sandbox = call.sandbox
    return sandbox.backends.orders


def ok(data: Any, code: int | str = 200, message: str = "OK", **extra: Any) -> Response:
    """The openapi envelope ``{"code", "message", "data", ...}``."""
    return CoupangJSONResponse({"code": code, "message": message, "data": data, **extra})


def invoice_text(value: Any) -> str:
    """An invoice number as sent (a JSON integer is taken as its digits), ``""`` for none."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value.strip() if isinstance(value, str) else ""


# -- parsing -----------------------------------------------------------------------------------


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


def parse_time_frame(call: Call, status: str, found: list[Violation]) -> TimeFrameQuery:
    """The ``searchType=timeFrame`` query (400 with everything broken, ``found`` included)."""
    start, more = parse_minute(call.query("createdAtFrom"), "createdAtFrom")
    end, other = parse_minute(call.query("createdAtTo"), "createdAtTo")
    found += more + other
    if start is not None and end is not None:
        found += rules.check_time_frame(start, end)
    if found or start is None or end is None:
        raise ValidationFailed(found)
    return TimeFrameQuery(status, start, end)


def _page(call: Call, found: list[Violation]) -> tuple[int, int | None]:
    """``maxPerPage`` and the box after ``nextToken``."""
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
    return size, after


def parse_daily(call: Call, status: str, found: list[Violation]) -> DailyQuery:
    """The daily list's query (400 with everything broken, ``found`` included)."""
    day_from, more = parse_day(call.query("createdAtFrom"), "createdAtFrom")
    day_to, other = parse_day(call.query("createdAtTo"), "createdAtTo")
    found += more + other
    if day_from is not None and day_to is not None:
        found += rules.check_daily_window(day_from, day_to)
    size, after = _page(call, found)
    if found or day_from is None or day_to is None:
        raise ValidationFailed(found)
    return DailyQuery(status, day_from, day_to, after, size)


def _invoice_line(line: Mapping[str, Any]) -> InvoiceLine:
    return InvoiceLine(
        order_id=parse_id(line.get("orderId")),
        order_text=f"{line.get('orderId')}",
        vendor_item_id=parse_id(line.get("vendorItemId")),
        vendor_item_repr=repr(line.get("vendorItemId")),
        courier=str(line.get("deliveryCompanyCode")).strip().upper(),
        invoice_number=invoice_text(line.get("invoiceNumber")),
        split=as_bool(line.get("splitShipping", False)) is True,
        pre_split=as_bool(line.get("preSplitShipped", False)) is True,
        estimated_shipping_date=str(line.get("estimatedShippingDate") or "").strip(),
    )


def parse_invoices(body: Mapping[str, Any], *, update: bool) -> tuple[InvoiceBox, ...]:
    """The invoice lines grouped by box. A body that is no list of lines, or a line missing a
    field (or of the wrong type) is 400; the other rules refuse the line's box only."""
    lines = body.get("orderSheetInvoiceApplyDtos")
    if not isinstance(lines, list) or not lines:
        raise ValidationFailed(rules.check_invoice_lines(body, update=update))
    structural = [
        v
        for index, line in enumerate(lines)
        for v in rules.check_invoice_line(line, index, update=update)
        if v.rule in ("required", "type") and not v.field.endswith("invoiceNumber")
    ]
    if structural:
        raise ValidationFailed(structural)
    return tuple(
        InvoiceBox(
            box_id,
            tuple(_invoice_line(line) for _, line in group),
            (
                *(
                    v
                    for index, line in group
                    for v in rules.check_invoice_line(line, index, update=update)
                ),
                *rules.check_invoice_box(group, update=update),
            ),
        )
        for box_id, group in rules.group_lines(lines).items()
    )


def parse_shipped(body: Mapping[str, Any]) -> ShippedAnswer:
    """``completedShipment``'s courier and invoice number (400 when either breaks a rule)."""
    courier = str(body.get("deliveryCompanyCode") or "").strip().upper()
    found = rules.check_courier(body.get("deliveryCompanyCode")) or rules.check_invoice_number(
        courier, body.get("invoiceNumber")
    )
    if found:
        raise ValidationFailed(found)
    return ShippedAnswer(courier, invoice_text(body.get("invoiceNumber")))


def parse_cancel(order_text: object, body: Mapping[str, Any]) -> CancelInput:
    """The seller's cancel: the path's orderId and the body's items and counts (400)."""
    order_id = parse_id(order_text)
    found = rules.check_cancel(body, order_id)
    if order_id is None:
        found.insert(0, id_violation("orderId", order_text))
    if found or order_id is None:
        raise ValidationFailed(found)
    pairs = tuple(
        (as_id(v) or 0, as_int(c) or 0)
        for v, c in zip(body["vendorItemIds"], body["receiptCounts"], strict=True)
    )
    return CancelInput(order_id, pairs)


# -- handlers ----------------------------------------------------------------------------------


def list_sheets(call: Call) -> Response:
    """``GET .../ordersheets``: the daily list, or the time-frame list (no paging)."""
    found: list[Violation] = []
    status = _status(call, found)
    if (call.query("searchType") or "").strip() == "timeFrame":
        query = parse_time_frame(call, status, found)
        rows = _orders(call).list_time_frame(call.vendor_id, query)
        # No paging in time-frame mode; the docs' sample still carries the token (empty here).
        return ok(views.sheets(rows), nextToken="")
    page = _orders(call).list_daily(call.vendor_id, parse_daily(call, status, found))
    return ok(views.sheets(page.sheets), nextToken=page.next_token)


def get_sheet(call: Call) -> Response:
    """``GET .../ordersheets/{shipmentBoxId}``."""
    return ok(views.sheet(_orders(call).sheet(call.vendor_id, call.path["shipmentBoxId"])))


def sheets_by_order(call: Call) -> Response:
    """``GET .../{orderId}/ordersheets``."""
    rows = _orders(call).sheets_of_order(call.vendor_id, call.path["orderId"])
    return ok(views.sheets(rows))


def history(call: Call) -> Response:
    """``GET .../ordersheets/{shipmentBoxId}/history``."""
    return ok(views.history(_orders(call).history(call.vendor_id, call.path["shipmentBoxId"])))


def acknowledge(call: Call) -> Response:
    """``PATCH``/``PUT .../ordersheets/acknowledgement``."""
    ids = call.body.get("shipmentBoxIds")
    found = rules.check_acknowledgement(ids)
    if found or not isinstance(ids, list):
        raise ValidationFailed(found)
    boxes = [BoxRef(parse_id(raw), f"{raw}") for raw in ids]
    return ok(views.bulk(_orders(call).acknowledge(call.vendor_id, boxes)))


def upload_invoices(call: Call) -> Response:
    """``POST .../orders/invoices``."""
    boxes = parse_invoices(call.body, update=False)
    return ok(views.bulk(_orders(call).upload_invoices(call.vendor_id, boxes)))


def update_invoices(call: Call) -> Response:
    """``POST .../orders/updateInvoices``."""
    boxes = parse_invoices(call.body, update=True)
    return ok(views.bulk(_orders(call).update_invoices(call.vendor_id, boxes)))


def _receipt_id(call: Call) -> Any:
    path_id = call.path["receiptId"]
    found = body_id_mismatch(call.body, "receiptId", path_id)
    if found:
        raise ValidationFailed(found)
    return path_id


def stopped_shipment(call: Call) -> Response:
    """``.../returnRequests/{receiptId}/stoppedShipment``: the shipment was stopped."""
    receipt = _receipt_id(call)
    count = call.body.get("cancelCount")
    answer = StopAnswer(as_int(count), repr(count))
    _orders(call).stopped_shipment(call.vendor_id, receipt, answer)
    return ok(
        {"resultCode": "SUCCESS", "resultMessage": "출고중지완료요청이 성공하였습니다"}, "200"
    )


def completed_shipment(call: Call) -> Response:
    """``.../returnRequests/{receiptId}/completedShipment``: the box had already left."""
    receipt = _receipt_id(call)
    _orders(call).completed_shipment(call.vendor_id, receipt, parse_shipped(call.body))
    result = {"resultCode": "SUCCESS", "resultMessage": "이미출고 상태변경이 성공하였습니다."}
    # The docs' sample nests code/message inside data; the spec puts them outside: both.
    return ok({"code": "200", "message": "OK", **result}, "200")


def release_stop(call: Call, *, default_shipped: bool) -> Response:
    """Season-1's ``release-stop``: stopped or already shipped, told apart by the body."""
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
    """``POST .../completeLongTermUndelivery``."""
    raw = call.body.get("shipmentBoxId")
    request = LongUndelivered(
        BoxRef(parse_id(raw), f"{raw}"), invoice_text(call.body.get("invoiceNumber"))
    )
    _orders(call).complete_long_undelivered(call.vendor_id, request)
    return ok(True, "200", "SUCCESS")


def cancel(call: Call) -> Response:
    """``POST .../v5/vendors/{vendorId}/orders/{orderId}/cancel`` (openapi and wing_api)."""
    request = parse_cancel(call.path["orderId"], call.body)
    code, message, data = views.cancel(_orders(call).cancel(call.vendor_id, request))
    if code == "FAIL":
        raise SandboxError(400, message, code="FAIL", data=data)
    return ok(data, code, message)


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
