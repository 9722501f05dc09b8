"""Return endpoints (반품 API) on the openapi provider: v4, v5 and v6 side by side.

Envelope ``{"code": 200, "message": "OK", "data": ...}``; the daily list puts ``nextToken``
next to ``data`` (``""`` on the last page), the withdraw history ``nextPageIndex``.

Paths served where the sources disagree or move on:

* ``returnRequests`` (list and one receipt) on v4, v5 and v6; v6 adds ``cancelType``
  (``CANCEL``: the orders cancelled at payment completion, without status/orderId).
* ``receiveConfirmation`` and ``approval`` on v4 and v5 (the 2025 parallel versions), with
  PATCH (the docs) and PUT (what clients send), and season-1's POST paths on ``wing_api``
  (``v1/return/{receiptId}/check`` and ``/approval``), with the season-1 reads
  (``v1/return``, ``v1/return/time-frame``, ``v1/return/{receiptId}``).
* ``searchType=timeFrame`` windows up to 31 days (the endpoint text; the FAQ says 24 hours).
* ``return-exchange-invoices/manual`` takes ``returnExchangeDeliveryType`` RETURN here; an
  EXCHANGE body goes to ``coupang_sandbox.routes.exchanges.manual_invoice``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from starlette.responses import Response

from coupang_sandbox.backends._ids import body_id_mismatch, parse_id
from coupang_sandbox.backends.returns import (
    Approval,
    DailyQuery,
    ManualInvoiceInput,
    ReceiptRef,
    Returns,
    TimeFrameQuery,
)
from coupang_sandbox.errors import ValidationFailed
from coupang_sandbox.kst import parse_day, parse_minute
from coupang_sandbox.responses import CoupangJSONResponse
from coupang_sandbox.routes import exchanges
from coupang_sandbox.routes._base import Call, RouteSpec, optional_body
from coupang_sandbox.state import returns as st
from coupang_sandbox.views import returns as views
from coupang_seller.preflight import Violation
from coupang_seller.preflight import returns as rules
from coupang_seller.preflight._core import as_int

OPENAPI = "/v2/providers/openapi/apis/api"
WING = "/v2/providers/wing_api/apis/internal-api"
LIST_VERSIONS = ("v4", "v5", "v6")
ACTION_VERSIONS = ("v4", "v5")


def _returns(call: Call) -> Returns:
    sandbox = call.sandbox
    return sandbox.backends.returns


def ok(data: Any, code: int | str = 200, **extra: Any) -> Response:
    """The openapi envelope ``{"code", "message": "OK", "data"}``, with ``extra`` keys next to
    ``data``."""
    return CoupangJSONResponse({"code": code, "message": "OK", "data": data, **extra})


def _int_query(call: Call, name: str, found: list[Violation]) -> int | None:
    text = call.query(name)
    if text is None or not text.strip():
        return None
    value = as_int(text)
    if value is None:
        found.append(Violation(name, "type", f"{name} must be a number (got {text!r})"))
    return value


def parse_list_query(
    call: Call, *, version: str, time_frame: bool | None = None
) -> DailyQuery | TimeFrameQuery:
    """The query of a return list: the daily list, or ``searchType=timeFrame`` (minutes)."""
    found: list[Violation] = []
    status = (call.query("status") or "").strip().upper() or None
    cancel_type = (call.query("cancelType") or "").strip().upper() or None
    if version != "v6":
        cancel_type = None  # v4/v5 know no cancelType: returns only
    if time_frame is None:
        time_frame = (call.query("searchType") or "").strip().lower() == "timeframe"
    order_text = None if time_frame else call.query("orderId")
    cancel = cancel_type == "CANCEL"
    if time_frame and not cancel and status is None:
        found.append(
            Violation(
                "status",
                "required",
                "searchType=timeFrame takes no orderId: give status (RU, UC, CC, PR)",
            )
        )
    else:
        found += rules.check_list_filters(status, order_text, cancel_type)
    statuses = None if status is None else st.STATUS_FILTERS.get(status)
    if time_frame:
        return _time_frame_query(call, cancel, statuses, found)
    return _daily_query(call, cancel, statuses, order_text, found)


def _time_frame_query(
    call: Call, cancel: bool, statuses: tuple[str, ...] | None, found: list[Violation]
) -> TimeFrameQuery:
    """``searchType=timeFrame``: ``createdAtFrom``/``createdAtTo`` to the minute; 400 with
    ``found`` and the window's refusals."""
    start, more = parse_minute(call.query("createdAtFrom"), "createdAtFrom")
    end, other = parse_minute(call.query("createdAtTo"), "createdAtTo")
    found += more + other
    if start is not None and end is not None:
        found += rules.check_time_frame(start, end)
    if found or start is None or end is None:
        raise ValidationFailed(found)
    return TimeFrameQuery(call.vendor_id, cancel, statuses, start, end)


def _daily_query(
    call: Call,
    cancel: bool,
    statuses: tuple[str, ...] | None,
    order_text: str | None,
    found: list[Violation],
) -> DailyQuery:
    """The daily list: days, ``maxPerPage`` and ``nextToken``; 400 with ``found`` and the
    refusals of these."""
    day_from, more = parse_day(call.query("createdAtFrom"), "createdAtFrom")
    day_to, other = parse_day(call.query("createdAtTo"), "createdAtTo")
    found += more + other
    if day_from is not None and day_to is not None:
        found += rules.check_daily_window(day_from, day_to)
    size = _int_query(call, "maxPerPage", found)
    if size is not None and size < 1:
        found.append(Violation("maxPerPage", "min_value", f"maxPerPage must be >= 1 ({size})"))
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
    return DailyQuery(
        call.vendor_id,
        cancel=cancel,
        statuses=statuses,
        start=day_from,
        end=day_to,
        order_id=None if order_text is None or not order_text.strip() else parse_id(order_text),
        after=after,
        # The docs give 50 as the default and no maximum: larger pages are served as 50.
        limit=min(size or rules.MAX_PER_PAGE, rules.MAX_PER_PAGE),
    )


def list_returns(call: Call, *, version: str, time_frame: bool | None = None) -> Response:
    """``returnRequests``: the daily list (``nextToken`` next to ``data``) or a time frame."""
    query = parse_list_query(call, version=version, time_frame=time_frame)
    if isinstance(query, TimeFrameQuery):
        return ok(views.return_docs(_returns(call).list_time_frame(query)))
    page = _returns(call).list_daily(query)
    next_token = "" if page.next_after is None else str(page.next_after)
    return ok(views.return_docs(page.rows), nextToken=next_token)


def get_return(call: Call) -> Response:
    """``returnRequests/{receiptId}`` (and season 1's ``v1/return/{receiptId}``): one receipt, as a
    list."""
    ref = ReceiptRef.of(call.path["receiptId"])
    return ok(views.return_docs(_returns(call).get(call.vendor_id, ref)), "200")


def _path_receipt(call: Call) -> ReceiptRef:
    """The path's receiptId; a ``receiptId`` repeated in the body must be the same."""
    found = body_id_mismatch(call.body, "receiptId", call.path["receiptId"])
    if found:
        raise ValidationFailed(found)
    return ReceiptRef.of(call.path["receiptId"])


def receive_confirmation(call: Call) -> Response:
    """``receiveConfirmation`` (and season 1's ``check``): the seller confirms the goods arrived."""
    _returns(call).receive_confirmation(call.vendor_id, _path_receipt(call))
    return CoupangJSONResponse({"code": "200", "message": "OK"})


def approval(call: Call) -> Response:
    """``approval``: the seller approves the return (``cancelCount``)."""
    ref = _path_receipt(call)
    _returns(call).approve(call.vendor_id, ref, Approval(call.body.get("cancelCount")))
    return CoupangJSONResponse({"code": "200", "message": "OK"})


def _withdraw_day(call: Call, name: str, found: list[Violation]) -> Any:
    text = call.query(name)
    if text is None or not text.strip():
        found.append(
            Violation(name, "required", f"Required String parameter '{name}' is not present")
        )
        return None
    day, problems = parse_day(text, name)
    if problems:
        found.append(Violation(name, "format", rules.MSG_DATE_FORMAT))
    return day


def withdraw_requests(call: Call) -> Response:
    """``returnWithdrawRequests``: the withdraw history of a window, one page
    (``nextPageIndex``)."""
    found: list[Violation] = []
    start = _withdraw_day(call, "dateFrom", found)
    end = _withdraw_day(call, "dateTo", found)
    if start is not None and end is not None:
        found += rules.check_withdraw_window(start, end)
    index = _int_query(call, "pageIndex", found)
    size = _int_query(call, "sizePerPage", found)
    if index is not None:
        found += rules.check_page_index(index)
    if size is not None:
        found += rules.check_size_per_page(size)
    if found:
        raise ValidationFailed(found)
    page = _returns(call).withdrawals(
        call.vendor_id,
        start,
        end,
        page_index=index or 1,
        size=size or rules.DEFAULT_SIZE_PER_PAGE,
    )
    next_index = "" if page.next_index is None else str(page.next_index)
    return ok(views.withdrawals(page.rows), nextPageIndex=next_index)


def withdraw_list(call: Call) -> Response:
    """``returnWithdrawList``: the withdrawn returns among ``cancelIds``."""
    ids = call.body.get("cancelIds")
    found = rules.check_cancel_ids(ids)
    if found or not isinstance(ids, list):
        raise ValidationFailed(found)
    wanted = [v for v in (as_int(i) for i in ids) if v is not None]
    return ok(views.withdrawals(_returns(call).withdrawals_by_ids(call.vendor_id, wanted)), "200")


def _invoice_text(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value.strip() if isinstance(value, str) else ""


def parse_manual_invoice(body: Mapping[str, Any]) -> ManualInvoiceInput:
    """The body of ``return-exchange-invoices/manual`` (type RETURN)."""
    found = rules.check_manual_invoice(body)
    if found:
        raise ValidationFailed(found)
    reg = body.get("regNumber")
    return ManualInvoiceInput(
        receipt=ReceiptRef.of(body["receiptId"]),
        courier=str(body["deliveryCompanyCode"]).strip().upper(),
        number=_invoice_text(body["invoiceNumber"]),
        reg_number=None if reg is None else str(reg),
    )


def manual_invoice(call: Call) -> Response:
    """``return-exchange-invoices/manual``: a pickup invoice for a return (an EXCHANGE body goes to
    the exchanges route)."""
    kind = str(call.body.get("returnExchangeDeliveryType") or "").strip().upper()
    if kind == "EXCHANGE":
        return exchanges.manual_invoice(call)
    invoice = parse_manual_invoice(call.body)
    return ok(views.pickup_invoice(_returns(call).manual_invoice(call.vendor_id, invoice)))


def _season1_list(call: Call) -> Response:
    return list_returns(call, version="v4")


def _season1_time_frame(call: Call) -> Response:
    return list_returns(call, version="v4", time_frame=True)


def _routes() -> list[RouteSpec]:
    specs: list[RouteSpec] = []
    for version in LIST_VERSIONS:
        vendor = f"{OPENAPI}/{version}/vendors/{{vendorId}}"

        def listing(call: Call, version: str = version) -> Response:
            """The return list of this path version."""
            return list_returns(call, version=version)

        specs += [
            ("GET", f"{vendor}/returnRequests", listing),
            ("GET", f"{vendor}/returnRequests/{{receiptId}}", get_return),
        ]
    for version in ACTION_VERSIONS:
        receipt = f"{OPENAPI}/{version}/vendors/{{vendorId}}/returnRequests/{{receiptId}}"
        for method in ("PATCH", "PUT"):
            specs += [
                (method, f"{receipt}/receiveConfirmation", optional_body(receive_confirmation)),
                (method, f"{receipt}/approval", approval),
            ]
    v4 = f"{OPENAPI}/v4/vendors/{{vendorId}}"
    season1 = f"{WING}/v1/return"
    specs += [
        ("GET", f"{v4}/returnWithdrawRequests", withdraw_requests),
        ("POST", f"{v4}/returnWithdrawList", withdraw_list),
        ("POST", f"{v4}/return-exchange-invoices/manual", manual_invoice),
        ("GET", season1, _season1_list),
        ("GET", f"{season1}/time-frame", _season1_time_frame),
        ("GET", f"{season1}/{{receiptId}}", get_return),
        ("POST", f"{season1}/{{receiptId}}/check", optional_body(receive_confirmation)),
        ("POST", f"{season1}/{{receiptId}}/approval", approval),
    ]
    return specs


#: ``(method, path template, handler)`` of every return endpoint served.
ROUTES: list[RouteSpec] = _routes()
