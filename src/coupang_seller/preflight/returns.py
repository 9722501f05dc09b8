"""Rules of the return (반품) endpoints, as pure functions shared by the SDK and the sandbox.

* Lists (``returnRequests``): ``status`` is a ``ReturnRequestStatusFilter`` code (RU, UC, CC,
  PR); without it, ``orderId`` is required; v6 adds ``cancelType`` (RETURN, CANCEL), and
  ``cancelType=CANCEL`` takes neither ``status`` nor ``orderId``. The window is at most 31
  days in both modes (the endpoint text allows 31 days for ``searchType=timeFrame`` too; the
  FAQ's "24 hours" is the safer slice the SDK cuts).
* Withdraw history (``returnWithdrawRequests``): at most 7 days, ``sizePerPage`` <= 100,
  ``pageIndex`` >= 1, Coupang's own messages. By ids (``returnWithdrawList``): 1-50 numeric
  ``cancelIds``.
* Manual pickup invoice (``return-exchange-invoices/manual``): every required field
  ("Object is null"), ``returnExchangeDeliveryType`` RETURN or EXCHANGE, a known courier and
  an invoice number of its format.
* Approval: ``cancelCount`` is the receipt's total quantity (checked by the server, which
  knows it).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import Any, Final

from coupang_seller.preflight._core import Violation, as_id, as_int, is_blank
from coupang_seller.preflight.orders import (
    check_courier,
    check_daily_window,
    check_invoice_number,
    check_reason_code,
)

__all__ = [
    "CANCEL_TYPES",
    "DAILY_WINDOW_DAYS",
    "MAX_CANCEL_IDS",
    "MAX_PER_PAGE",
    "MAX_SIZE_PER_PAGE",
    "STATUS_FILTERS",
    "TIME_FRAME_MAX",
    "WITHDRAW_WINDOW_DAYS",
    "check_approval_count",
    "check_cancel_ids",
    "check_daily_window",
    "check_list_filters",
    "check_manual_invoice",
    "check_page_index",
    "check_reason_code",
    "check_size_per_page",
    "check_time_frame",
    "check_withdraw_window",
]

DAILY_WINDOW_DAYS: Final = 31
TIME_FRAME_MAX: Final = timedelta(days=31)
#: The SDK cuts time-frame calls into 24-hour slices (the FAQ's limit) all the same.
TIME_FRAME_SLICE: Final = timedelta(hours=24)
#: ``maxPerPage`` default of the daily list (the docs give no other bound).
MAX_PER_PAGE: Final = 50
WITHDRAW_WINDOW_DAYS: Final = 7
MAX_SIZE_PER_PAGE: Final = 100
DEFAULT_SIZE_PER_PAGE: Final = 10
MAX_CANCEL_IDS: Final = 50
#: ``ReturnRequestStatusFilter``
STATUS_FILTERS: Final = ("RU", "UC", "CC", "PR")
#: ``ReturnCancelType`` (v6)
CANCEL_TYPES: Final = ("RETURN", "CANCEL")
DELIVERY_TYPES: Final = ("RETURN", "EXCHANGE")

MSG_END_BEFORE_START = "종료일자는 시작일자보다 작거나 같아야 합니다."
MSG_MAX_DURATION = "최대 조회 기간은 7 일 입니다.(The maximum view duration is 7 days)"
MSG_DATE_FORMAT = "날짜입력을 확인해 주세요. (형식:yyyy-MM-dd) [Please confirm the date input (format:yyyy-MM-dd)]"
MSG_SIZE_PER_PAGE = (
    "페이지별 최대 표시 갯수(sizePerPage)는 100 입니다. "
    "(The maximum number of indications per page (sizePerPage) is 100)"
)
MSG_PAGE_INDEX = "pageindex 는 음수 또는 0 일 수 없습니다. (pageindex can not be negative or 0)"
MSG_OBJECT_NULL = "Object is null"
MSG_ORDER_ID_REQUIRED = (
    "status 파라메터를 제외하고 조회할 경우에는 orderId가 파라메터에 포함되어야 합니다."
)


def check_list_filters(
    status: str | None, order_id: Any, cancel_type: str | None = None
) -> list[Violation]:
    """``status`` / ``orderId`` / ``cancelType`` of the daily list (v6 ``cancelType``)."""
    kind = (cancel_type or "RETURN").strip().upper()
    if kind not in CANCEL_TYPES:
        return [
            Violation(
                "cancelType", "enum", f"cancelType must be RETURN or CANCEL (got {cancel_type!r})"
            )
        ]
    if kind == "CANCEL":
        found = []
        if not is_blank(status):
            found.append(
                Violation(
                    "status",
                    "not_with_cancel",
                    "cancelType=CANCEL lists the orders cancelled at payment completion: "
                    "it takes no status",
                )
            )
        if not is_blank(order_id):
            found.append(
                Violation("orderId", "not_with_cancel", "cancelType=CANCEL takes no orderId")
            )
        return found
    if is_blank(status):
        if is_blank(order_id):
            return [Violation("orderId", "required_without_status", MSG_ORDER_ID_REQUIRED)]
    elif str(status).strip().upper() not in STATUS_FILTERS:
        return [
            Violation(
                "status",
                "enum",
                f"status must be one of {', '.join(STATUS_FILTERS)} (got {status!r})",
            )
        ]
    if not is_blank(order_id):
        value = as_id(order_id)
        if value is None:
            return [Violation("orderId", "type", f"orderId must be a number (got {order_id!r})")]
    return []


def check_time_frame(start: datetime, end: datetime) -> list[Violation]:
    """Violations of a return-request time frame: in order and at most TIME_FRAME_MAX long."""
    if end < start:
        return [Violation("createdAtTo", "order", "createdAtTo must not be before createdAtFrom")]
    if end - start > TIME_FRAME_MAX:
        return [
            Violation(
                "createdAtTo",
                "max_window",
                f"the return list searches at most 31 days (got {end - start}); split the period",
            )
        ]
    return []


def check_withdraw_window(start: date, end: date) -> list[Violation]:
    """Violations of a withdrawal window (dateFrom/dateTo): in order and at most
    WITHDRAW_WINDOW_DAYS.
    """
    if end < start:
        return [Violation("dateTo", "order", MSG_END_BEFORE_START)]
    if (end - start).days > WITHDRAW_WINDOW_DAYS:
        return [Violation("dateTo", "max_window", MSG_MAX_DURATION)]
    return []


def check_size_per_page(value: int) -> list[Violation]:
    """Violations of sizePerPage: between 1 and MAX_SIZE_PER_PAGE."""
    if value > MAX_SIZE_PER_PAGE:
        return [Violation("sizePerPage", "max_value", MSG_SIZE_PER_PAGE)]
    if value < 1:
        return [Violation("sizePerPage", "min_value", f"sizePerPage must be >= 1 (got {value})")]
    return []


def check_page_index(value: int) -> list[Violation]:
    """Violations of pageIndex: at least 1."""
    if value < 1:
        return [Violation("pageIndex", "min_value", MSG_PAGE_INDEX)]
    return []


def check_cancel_ids(ids: Any) -> list[Violation]:
    """Violations of cancelIds: a non-empty list of receiptIds, at most MAX_CANCEL_IDS."""
    if not isinstance(ids, list) or not ids:
        return [Violation("cancelIds", "required", "cancelIds must list the receiptIds to look up")]
    if len(ids) > MAX_CANCEL_IDS:
        return [
            Violation(
                "cancelIds",
                "max_items",
                f"한 번에 최대 {MAX_CANCEL_IDS}개까지 cancelIds 조회가 가능합니다. (got {len(ids)})",
            )
        ]
    bad = [v for v in ids if as_id(v) is None]
    if bad:
        return [
            Violation(
                "cancelIds", "type", f"cancelIds는 number 타입이어야 합니다. (got {bad[:3]!r})"
            )
        ]
    return []


def check_manual_invoice(body: Mapping[str, Any]) -> list[Violation]:
    """Violations of a manual return invoice: returnExchangeDeliveryType (RETURN or EXCHANGE), receiptId,
    deliveryCompanyCode and invoiceNumber present and well formed.
    """
    found = [
        Violation(name, "required", f"{MSG_OBJECT_NULL} : {name} is required")
        for name in (
            "returnExchangeDeliveryType",
            "receiptId",
            "deliveryCompanyCode",
            "invoiceNumber",
        )
        if is_blank(body.get(name))
    ]
    if found:
        return found
    kind = str(body["returnExchangeDeliveryType"]).strip().upper()
    if kind not in DELIVERY_TYPES:
        found.append(
            Violation(
                "returnExchangeDeliveryType",
                "enum",
                f"returnExchangeDeliveryType must be RETURN or EXCHANGE (got {kind!r})",
            )
        )
    receipt = as_id(body["receiptId"])
    if receipt is None:
        found.append(Violation("receiptId", "type", "receiptId는 반드시 number 타입이어야 합니다."))
    courier = check_courier(body.get("deliveryCompanyCode"))
    found += courier
    if not courier:
        found += check_invoice_number(
            str(body["deliveryCompanyCode"]).strip().upper(), body.get("invoiceNumber")
        )
    return found


def check_approval_count(count: Any, total: int) -> list[Violation]:
    """Violations of cancelCount: required and equal to the receipt's total quantity ``total``."""
    value = as_int(count)
    if value is None:
        return [Violation("cancelCount", "required", "cancelCount is required (반품접수 수량)")]
    if value != total:
        return [
            Violation(
                "cancelCount",
                "equals_total",
                f"cancelCount must equal the receipt's total quantity {total} (got {count!r})",
            )
        ]
    return []


def chunks(ids: Sequence[int], size: int = MAX_CANCEL_IDS) -> list[list[int]]:
    """Split ``ids`` into lists of at most ``size`` (the cancelIds limit per call)."""
    values = list(ids)
    return [values[i : i + size] for i in range(0, len(values), size)]
