"""Rules of the order (발주서) endpoints, as pure functions shared by the SDK and the sandbox.

* Couriers: the documented ``DeliveryCompanyCode`` table (defunct rows refused) plus the codes
  the Java SDK adds; the list is open-ended on Coupang's side, so an unknown code is refused
  only by :func:`check_courier` callers that want it (both the SDK and the sandbox do).
* Invoice numbers: the per-courier lengths of ``DeliveryCompanyInvoiceDigits`` (current docs,
  partial table); ``DIRECT`` (업체직송) takes any digits and is never tracked; couriers the table
  does not cover take 6-30 letters/digits.
* Invoice upload lines (``orderSheetInvoiceApplyDtos``): required fields, one invoice per box
  for a normal upload, split shipping per ``vendorItemId`` with ``splitShipping`` true on every
  line, either an invoice number or an estimated shipping date per split line, no split for
  ``DIRECT``.
* Acknowledgement: at most 50 ``shipmentBoxIds`` per call; order-sheet lists: ``maxPerPage``
  <= 50, daily window <= 31 days, time frame <= 24 hours.
* Cancellation (v5 ``orders/{orderId}/cancel``): Coupang's own messages.
* Remote areas (도서산간): :func:`remote_region` / :func:`is_remote_area` read the packaged
  postcode range table ``coupang_seller/_data/remote_areas.json`` (Jeju 63000-63644 and the
  island ranges couriers publish); the sandbox prices and flags orders with the same table.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from importlib import resources
from typing import Any, Final, get_args

from coupang_seller.preflight._core import (
    ID_FORMAT,
    Violation,
    as_bool,
    as_id,
    as_int,
    id_violation,
    is_blank,
)
from coupang_seller.types.codes import (
    DeliveryCompanyCode,
    DeliveryCompanyCodeDefunct,
    OrderSheetStatus,
)

__all__ = [
    "ACKNOWLEDGEMENT_MAX",
    "COURIER_CODES",
    "DAILY_WINDOW_DAYS",
    "DEFUNCT_COURIERS",
    "DELETED_REASON_CODES",
    "DIRECT",
    "INVOICE_DIGITS",
    "MAX_PER_PAGE",
    "TIME_FRAME_MAX",
    "VOC_REASON_CODES",
    "InvoiceDigits",
    "check_acknowledgement",
    "check_cancel",
    "check_courier",
    "check_invoice_box",
    "check_invoice_line",
    "check_invoice_lines",
    "check_invoice_number",
    "check_reason_code",
    "check_status",
    "invoice_duplicate_cutoff",
    "is_remote_area",
    "is_trackable",
    "remote_area_ranges",
    "remote_region",
]

DIRECT: Final = "DIRECT"
ACKNOWLEDGEMENT_MAX: Final = 50
MAX_PER_PAGE: Final = 50
DAILY_WINDOW_DAYS: Final = 31
TIME_FRAME_MAX: Final = timedelta(hours=24)
#: Coupang refuses an invoice number used again within six months.
DUPLICATE_WINDOW_MONTHS: Final = 6

#: Documented courier codes (DeliveryCompanyCode) that are still in service.
#: With the codes the Java SDK enum adds (BGF, DAEHAN, ETC, GTX, KYUNGDONG, LOGEN, YELLOWCAP);
#: the same set as the :data:`~coupang_seller.types.codes.DeliveryCompanyCode` type.
COURIER_CODES: Final[frozenset[str]] = frozenset(get_args(DeliveryCompanyCode))
#: Struck-out rows of the courier table (merged or closed couriers).
DEFUNCT_COURIERS: Final[frozenset[str]] = frozenset(get_args(DeliveryCompanyCodeDefunct))


@dataclass(frozen=True, slots=True)
class InvoiceDigits:
    """Allowed lengths of a courier's invoice number; ``alphanumeric`` allows letters."""

    lengths: frozenset[int]
    alphanumeric: bool = False

    def describe(self) -> str:
        """The accepted invoice-number lengths as text (a range like ``10~14`` when contiguous)."""
        values = sorted(self.lengths)
        if len(values) > 3 and values == list(range(values[0], values[-1] + 1)):
            text = f"{values[0]}~{values[-1]}"
        else:
            text = ", ".join(str(v) for v in values)
        return f"{text} {'letters/digits' if self.alphanumeric else 'digits'}"


def _span(low: int, high: int) -> frozenset[int]:
    return frozenset(range(low, high + 1))


#: ``DeliveryCompanyInvoiceDigits`` (current docs, partial table).
INVOICE_DIGITS: Final[dict[str, InvoiceDigits]] = {
    "HYUNDAI": InvoiceDigits(frozenset({10, 12, 13})),
    "KGB": InvoiceDigits(frozenset({10, 11})),
    "EPOST": InvoiceDigits(frozenset({13})),
    "HANJIN": InvoiceDigits(frozenset({10, 12})),
    "CJGLS": InvoiceDigits(frozenset({10, 12})),
    "KOREX": InvoiceDigits(frozenset({10, 12})),
    "KDEXP": InvoiceDigits(_span(8, 16)),
    "ILYANG": InvoiceDigits(_span(8, 16)),
    "CHUNIL": InvoiceDigits(frozenset({11})),
    "DAESIN": InvoiceDigits(frozenset({13})),
    "CVS": InvoiceDigits(frozenset({10, 12})),
    "HDEXP": InvoiceDigits(_span(8, 16)),
    "DHL": InvoiceDigits(frozenset({10, 13, 20}), alphanumeric=True),
    "UPS": InvoiceDigits(frozenset({9, 18}), alphanumeric=True),
}
#: Couriers the digit table does not cover.
_OTHER_COURIERS: Final = InvoiceDigits(_span(6, 30), alphanumeric=True)
_DIGITS = re.compile(r"^[0-9]+$")
_ALNUM = re.compile(r"^[0-9A-Za-z]+$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

#: VOC reason codes (exchange/return/cancel) a customer may give; ``CCSSER`` was deleted.
VOC_REASON_CODES: Final[frozenset[str]] = frozenset(
    {
        "CHANGEMIND", "DIFFERENTOPT", "CHEAPER", "WRONGOPT", "REORDER", "OTHERS",
        "DELIVERYLATER", "WRONGADDRESS", "DELIVERYSTOP", "CARRIERLOST", "LOST",
        "PARTIALMISS", "COMPOMISS", "LATEDELIVERED", "DAMAGED", "DEFECT", "INACCURATE",
        "BOTHDAMAGED", "SHIPBOXOK", "WRONGDELIVERY", "WRONGSIZECOL",
    }
)  # fmt: skip
DELETED_REASON_CODES: Final[frozenset[str]] = frozenset({"CCSSER"})

CANCEL_BIG_CODES: Final[frozenset[str]] = frozenset({"CANERR"})
CANCEL_MIDDLE_CODES: Final[frozenset[str]] = frozenset({"CCTTER", "CCPNER", "CCPRER"})

# Coupang's messages of the cancel API (catalog errors of instruct-cancel).
MSG_ORDER_ID = "주문 ID를 입력해 주세요."
MSG_ITEMS = "취소할 벤더아이템 아이디 목록을 입력해주세요."
MSG_COUNTS = "취소할 아이탬 개수 목록을 입력해주세요."
MSG_PAIRS = "요청한 상품 개수와 취소 개수를 확인해주세요."
MSG_BIG_REQUIRED = "취소사유 대분류 코드를 입력해주세요."
MSG_BIG_INVALID = "취소사유 대분류 코드를 확인해 주세요."
MSG_MIDDLE_REQUIRED = "취소사유 중분류 코드를 입력해주세요."
MSG_MIDDLE_INVALID = "취소사유 중분류 코드를 확인해 주세요."
MSG_USER_ID = "업체 ID에 맞는 올바른 유저 ID를 입력해주세요."


def is_trackable(courier: str) -> bool:
    """``DIRECT`` (업체직송) is never tracked: its boxes go to NONE_TRACKING."""
    return courier != DIRECT


#: The list's ``status`` filter (OrderSheetStatus).
ORDER_STATUSES: Final[tuple[str, ...]] = get_args(OrderSheetStatus)


def check_status(status: Any) -> list[Violation]:
    """The order list's ``status``: one of the OrderSheetStatus codes (required)."""
    if status in ORDER_STATUSES:
        return []
    return [
        Violation(
            "status",
            "enum",
            f"status must be one of {', '.join(ORDER_STATUSES)} (got {status!r:.60})",
        )
    ]


def check_courier(code: Any, field: str = "deliveryCompanyCode") -> list[Violation]:
    """Violations of a courier code (택배사 코드): required and one of the known deliveryCompanyCodes."""
    if is_blank(code) or not isinstance(code, str):
        return [Violation(field, "required", f"{field} (택배사 코드) is required")]
    text = code.strip().upper()
    if text in DEFUNCT_COURIERS:
        return [
            Violation(
                field, "courier_defunct", f"{field} {code!r} is a merged or closed courier code"
            )
        ]
    if text not in COURIER_CODES:
        return [
            Violation(
                field,
                "courier_unknown",
                f"{field} {code!r} is not a Coupang courier code (택배사 코드, e.g. CJGLS, HANJIN)",
            )
        ]
    return []


def _invoice_text(value: Any) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return value.strip()
    return None


def check_invoice_number(
    courier: Any, number: Any, field: str = "invoiceNumber"
) -> list[Violation]:
    """The invoice number against the courier's digit rule (``DIRECT``: any digits)."""
    text = _invoice_text(number)
    if not text:
        return [Violation(field, "required", f"{field} (송장번호) is required")]
    code = str(courier or "").strip().upper()
    if code == DIRECT:
        if not _DIGITS.match(text):
            return [
                Violation(
                    field,
                    "invoice_digits",
                    f"{field}: 업체직송(DIRECT) takes digits only (got {text!r})",
                )
            ]
        return []
    rule = INVOICE_DIGITS.get(code, _OTHER_COURIERS)
    pattern = _ALNUM if rule.alphanumeric else _DIGITS
    if not pattern.match(text) or len(text) not in rule.lengths:
        return [
            Violation(
                field,
                "invoice_digits",
                f"{field}: 송장번호가 유효하지 않습니다. {code} invoice numbers are "
                f"{rule.describe()} (got {text!r}, {len(text)} characters)",
            )
        ]
    return []


def _date_text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def check_invoice_line(line: Any, index: int, *, update: bool = False) -> list[Violation]:
    """One ``orderSheetInvoiceApplyDtos`` entry on its own."""
    base = f"orderSheetInvoiceApplyDtos[{index}]"
    if not isinstance(line, Mapping):
        return [Violation(base, "type", f"{base} must be an object")]
    found: list[Violation] = []
    for name in ("shipmentBoxId", "orderId", "vendorItemId"):
        value = as_id(line.get(name))
        if value is None:
            found.append(Violation(f"{base}.{name}", "required", f"{name} must be a positive id"))
    courier = line.get("deliveryCompanyCode")
    found += check_courier(courier, f"{base}.deliveryCompanyCode")
    split = as_bool(line.get("splitShipping", False))
    pre = as_bool(line.get("preSplitShipped", False))
    if split is None:
        found.append(
            Violation(f"{base}.splitShipping", "type", "splitShipping must be true or false")
        )
    if pre is None:
        found.append(
            Violation(f"{base}.preSplitShipped", "type", "preSplitShipped must be true or false")
        )
    invoice = _invoice_text(line.get("invoiceNumber"))
    shipping_date = _date_text(line.get("estimatedShippingDate"))
    if shipping_date and not _DATE.match(shipping_date):
        found.append(
            Violation(
                f"{base}.estimatedShippingDate",
                "date_format",
                f'estimatedShippingDate must be YYYY-MM-DD or "" (got {shipping_date!r})',
            )
        )
    found += _split_rules(
        base,
        courier=courier,
        split=split,
        pre=pre,
        update=update,
        invoice=invoice,
        shipping_date=shipping_date,
    )
    if invoice or not split or update:
        found += check_invoice_number(courier, line.get("invoiceNumber"), f"{base}.invoiceNumber")
    return found


def _split_rules(
    base: str,
    *,
    courier: Any,
    split: bool | None,
    pre: bool | None,
    update: bool,
    invoice: str | None,
    shipping_date: str,
) -> list[Violation]:
    """Split shipping: never DIRECT, an invoice number or a shipping date (not both) when
    first uploaded, and preSplitShipped only with splitShipping."""
    found: list[Violation] = []
    code = str(courier or "").strip().upper()
    if split and code == DIRECT:
        found.append(
            Violation(
                f"{base}.splitShipping",
                "split_direct",
                "업체직송은 분리배송 할 수 없습니다. (DIRECT cannot ship split)",
            )
        )
    if split and not update:
        if invoice and shipping_date:
            found.append(
                Violation(
                    f"{base}.invoiceNumber",
                    "split_invoice_or_date",
                    "분리배송 시, 송장번호 또는 출고예정일 둘 중 한가지만 입력 "
                    "(a split line carries an invoice number or an estimated shipping date, "
                    "not both)",
                )
            )
        elif not invoice and not shipping_date:
            found.append(
                Violation(
                    f"{base}.invoiceNumber",
                    "split_invoice_or_date",
                    "a split line needs an invoice number or an estimated shipping date",
                )
            )
    if not split and pre:
        found.append(
            Violation(
                f"{base}.preSplitShipped",
                "split_flags",
                "preSplitShipped is true only with splitShipping true",
            )
        )
    return found


def check_invoice_box(
    lines: Sequence[tuple[int, Mapping[str, Any]]], *, update: bool = False
) -> list[Violation]:
    """The lines of one ``shipmentBoxId`` together: one order, consistent split flags, and one
    invoice for a normal (unsplit) upload."""
    if not lines:
        return []
    found: list[Violation] = []
    first_index, first = lines[0]
    orders = {as_id(line.get("orderId")) for _, line in lines}
    if len(orders) > 1:
        found.append(
            Violation(
                f"orderSheetInvoiceApplyDtos[{first_index}].orderId",
                "box_orders",
                f"the lines of shipmentBoxId {first.get('shipmentBoxId')} name different orderIds",
            )
        )
    splits = {as_bool(line.get("splitShipping", False)) for _, line in lines}
    if len(splits) > 1:
        found.append(
            Violation(
                f"orderSheetInvoiceApplyDtos[{first_index}].splitShipping",
                "split_flag_mixed",
                "splitShipping must be true on every line of a split shipment "
                f"(shipmentBoxId {first.get('shipmentBoxId')})",
            )
        )
    elif splits == {False} or update:
        invoices = {
            (
                str(line.get("deliveryCompanyCode") or "").upper(),
                _invoice_text(line.get("invoiceNumber")),
            )
            for _, line in lines
        }
        if len(invoices) > 1:
            found.append(
                Violation(
                    f"orderSheetInvoiceApplyDtos[{first_index}].invoiceNumber",
                    "box_one_invoice",
                    "a normal (unsplit) upload ships the whole box under one courier and invoice "
                    f"(shipmentBoxId {first.get('shipmentBoxId')})",
                )
            )
    seen: set[int | None] = set()
    for index, line in lines:
        item = as_id(line.get("vendorItemId"))
        if item in seen:
            found.append(
                Violation(
                    f"orderSheetInvoiceApplyDtos[{index}].vendorItemId",
                    "duplicate_item",
                    f"vendorItemId {item} appears twice for one box (split per vendorItemId, "
                    "never by quantity)",
                )
            )
        seen.add(item)
    return found


def group_lines(lines: Sequence[Any]) -> dict[int | None, list[tuple[int, Mapping[str, Any]]]]:
    """Lines grouped by ``shipmentBoxId`` (with their index), in first-seen order."""
    groups: dict[int | None, list[tuple[int, Mapping[str, Any]]]] = {}
    for index, line in enumerate(lines):
        if isinstance(line, Mapping):
            groups.setdefault(as_id(line.get("shipmentBoxId")), []).append((index, line))
    return groups


def check_invoice_lines(body: Mapping[str, Any], *, update: bool = False) -> list[Violation]:
    """The whole upload (or update) body."""
    lines = body.get("orderSheetInvoiceApplyDtos")
    if not isinstance(lines, list) or not lines:
        return [
            Violation(
                "orderSheetInvoiceApplyDtos",
                "required",
                "orderSheetInvoiceApplyDtos must be a non-empty list",
            )
        ]
    found: list[Violation] = []
    for index, line in enumerate(lines):
        found += check_invoice_line(line, index, update=update)
    for group in group_lines(lines).values():
        found += check_invoice_box(group, update=update)
    return found


def check_acknowledgement(ids: Any) -> list[Violation]:
    """Violations of an acknowledgement: a non-empty list of positive shipmentBoxIds within the
    batch limit.
    """
    if not isinstance(ids, list) or not ids:
        return [Violation("shipmentBoxIds", "required", "shipmentBoxIds must be a non-empty list")]
    found: list[Violation] = []
    if len(ids) > ACKNOWLEDGEMENT_MAX:
        found.append(
            Violation(
                "shipmentBoxIds",
                "max_items",
                f"at most {ACKNOWLEDGEMENT_MAX} shipmentBoxIds per acknowledgement "
                f"(got {len(ids)}); split the call",
            )
        )
    for index, value in enumerate(ids):
        parsed = as_id(value)
        if parsed is None:
            found.append(
                Violation(f"shipmentBoxIds[{index}]", "type", "shipmentBoxIds must be ids")
            )
    return found


def check_cancel(body: Mapping[str, Any], order_id: int | None = None) -> list[Violation]:
    """The v5 cancel body, with Coupang's messages (the first one is what Coupang answers)."""
    found: list[Violation] = []
    raw = body.get("orderId")
    given = as_id(raw, minimum=0)
    if raw is not None and given is None:
        found.append(
            Violation(
                "orderId", ID_FORMAT, f"{MSG_ORDER_ID} ({id_violation('orderId', raw).message})"
            )
        )
    elif given is None and order_id is None:
        found.append(Violation("orderId", "required", MSG_ORDER_ID))
    elif given == 0 or (given is not None and order_id is not None and given != order_id):
        found.append(Violation("orderId", "mismatch", MSG_ORDER_ID))
    items = body.get("vendorItemIds")
    counts = body.get("receiptCounts")
    if not isinstance(items, list) or not items:
        found.append(Violation("vendorItemIds", "required", MSG_ITEMS))
    elif any(as_id(v) is None for v in items):
        found.append(Violation("vendorItemIds", "type", MSG_ITEMS))
    if not isinstance(counts, list) or not counts:
        found.append(Violation("receiptCounts", "required", MSG_COUNTS))
    else:
        if isinstance(items, list) and items and len(items) != len(counts):
            found.append(Violation("receiptCounts", "pairs", MSG_PAIRS))
        if any((as_int(c) or 0) <= 0 for c in counts):
            found.append(Violation("receiptCounts", "positive", MSG_COUNTS))
    big = body.get("bigCancelCode")
    if is_blank(big):
        found.append(Violation("bigCancelCode", "required", MSG_BIG_REQUIRED))
    elif not isinstance(big, str) or big not in CANCEL_BIG_CODES:
        found.append(Violation("bigCancelCode", "enum", MSG_BIG_INVALID))
    middle = body.get("middleCancelCode")
    if is_blank(middle):
        found.append(Violation("middleCancelCode", "required", MSG_MIDDLE_REQUIRED))
    elif not isinstance(middle, str) or middle not in CANCEL_MIDDLE_CODES:
        found.append(Violation("middleCancelCode", "enum", MSG_MIDDLE_INVALID))
    if is_blank(body.get("userId")):
        found.append(Violation("userId", "required", MSG_USER_ID))
    return found


def check_reason_code(code: Any, field: str = "reasonCode") -> list[Violation]:
    """A customer's VOC reason code (cancel/return/exchange)."""
    if is_blank(code) or not isinstance(code, str):
        return [Violation(field, "required", f"{field} is required (VOC reason code)")]
    if code in DELETED_REASON_CODES:
        return [
            Violation(
                field, "reason_deleted", f"{field} {code} was deleted from the VOC reason codes"
            )
        ]
    if code not in VOC_REASON_CODES:
        return [
            Violation(
                field,
                "enum",
                f"{field} must be a VOC reason code such as CHANGEMIND or WRONGOPT (got {code!r})",
            )
        ]
    return []


def check_daily_window(start: date, end: date) -> list[Violation]:
    """Violations of a daily order-sheet window: in order and at most DAILY_WINDOW_DAYS long."""
    if end < start:
        return [Violation("createdAtTo", "order", "createdAtTo must not be before createdAtFrom")]
    if (end - start).days > DAILY_WINDOW_DAYS:
        return [
            Violation(
                "createdAtTo",
                "max_window",
                f"range should less than 32 day (createdAtFrom {start} ~ createdAtTo {end} "
                f"spans {(end - start).days} days; at most {DAILY_WINDOW_DAYS})",
            )
        ]
    return []


def check_time_frame(start: datetime, end: datetime) -> list[Violation]:
    """Violations of a minute-level order-sheet window: in order and at most TIME_FRAME_MAX long."""
    if end < start:
        return [Violation("createdAtTo", "order", "createdAtTo must not be before createdAtFrom")]
    if end - start > TIME_FRAME_MAX:
        return [
            Violation(
                "createdAtTo",
                "max_window",
                "searchType=timeFrame searches at most 24 hours "
                f"(got {end - start}); use the daily list or split the period",
            )
        ]
    return []


def check_max_per_page(value: int) -> list[Violation]:
    """Violations of maxPerPage: between 1 and MAX_PER_PAGE."""
    if not 1 <= value <= MAX_PER_PAGE:
        return [
            Violation(
                "maxPerPage",
                "max_value",
                f"maxPerPage must be between 1 and {MAX_PER_PAGE} (got {value})",
            )
        ]
    return []


def invoice_duplicate_cutoff(now: datetime) -> datetime:
    """The instant six calendar months before ``now``: invoices used after it are duplicates."""
    month = now.month - DUPLICATE_WINDOW_MONTHS
    year = now.year
    while month < 1:
        month += 12
        year -= 1
    day = now.day
    while True:
        try:
            return now.replace(year=year, month=month, day=day)
        except ValueError:
            day -= 1


# -- remote areas (도서산간) ------------------------------------------------------------------

MAINLAND: Final = "MAINLAND"
JEJU: Final = "JEJU"
ISLAND: Final = "ISLAND"


@dataclass(frozen=True, slots=True)
class RemoteAreaRange:
    """An inclusive range of 5-digit postcodes (``region`` JEJU or ISLAND)."""

    region: str
    low: int
    high: int
    area: str

    def __contains__(self, postcode: object) -> bool:
        return isinstance(postcode, int) and self.low <= postcode <= self.high


@cache
def remote_area_ranges() -> tuple[RemoteAreaRange, ...]:
    """The packaged table (``coupang_seller/_data/remote_areas.json``), read once, sorted."""
    text = (
        resources.files("coupang_seller")
        .joinpath("_data/remote_areas.json")
        .read_text(encoding="utf-8")
    )
    rows = json.loads(text)["ranges"]
    return tuple(
        sorted(
            (
                RemoteAreaRange(str(r["region"]), int(r["from"]), int(r["to"]), str(r["area"]))
                for r in rows
            ),
            key=lambda r: r.low,
        )
    )


def _postcode_number(postcode: object) -> int | None:
    """A 5-digit postcode as a number (``"63-100"`` and spaces tolerated); None otherwise.

    Old 6-digit postcodes (before 2015-08) are not read: they map to no current range.
    """
    if isinstance(postcode, bool):
        return None
    if isinstance(postcode, int):
        postcode = f"{postcode:05d}"
    if not isinstance(postcode, str):
        return None
    digits = re.sub(r"[\s-]", "", postcode)
    if len(digits) != 5 or not digits.isdigit():
        return None
    return int(digits)


def remote_region(postcode: object) -> str:
    """``JEJU``, ``ISLAND`` (도서산간) or ``MAINLAND`` for a receiver's postcode."""
    value = _postcode_number(postcode)
    if value is None:
        return MAINLAND
    for span in remote_area_ranges():
        if value in span:
            return span.region
    return MAINLAND


def is_remote_area(postcode: object) -> bool:
    """True for Jeju and the island (도서산간) postcodes couriers charge extra for."""
    return remote_region(postcode) != MAINLAND
