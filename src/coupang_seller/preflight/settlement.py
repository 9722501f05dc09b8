"""Pure rules of the settlement (정산) APIs, shared by the SDK (before sending) and the sandbox.

Revenue history (매출내역, ``GET /v2/providers/openapi/apis/api/v1/revenue-history``):

* ``vendorId`` travels in the query and must be the access key's vendor;
* ``recognitionDateFrom`` / ``recognitionDateTo`` are ``yyyy-MM-dd`` days (매출인식일), both
  inclusive, ``from <= to``, at most 31 days counting both ends (최대 31일 이내);
* ``maxPerPage`` is 1..50 (default 50; the documented sample sends it empty);
* ``token`` is empty on the first page (``token=``), then the ``nextToken`` of the last answer.

Settlement histories (지급내역, ``GET /v2/providers/marketplace_openapi/apis/api/v1/
settlement-histories``): ``revenueRecognitionYearMonth`` is ``yyyy-MM`` and not after the
current month (당월까지만 조회 가능).

Every function returns a list of :class:`Violation` (empty when the input is fine) and reads no
clock: "today" is an argument.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Final

from coupang_seller.preflight._core import Violation, as_int, is_blank

__all__ = [
    "DEFAULT_MAX_PER_PAGE",
    "MAX_PER_PAGE",
    "SETTLEMENT_CYCLES",
    "WINDOW_DAYS",
    "check_commission_rate",
    "check_cycle",
    "check_max_per_page",
    "check_vendor",
    "check_window",
    "check_year_month",
    "parse_day",
    "parse_year_month",
]

#: Days of one revenue-history query, counting both ends.
WINDOW_DAYS: Final = 31
MAX_PER_PAGE: Final = 50
DEFAULT_MAX_PER_PAGE: Final = 50
#: The settlement cycles a vendor can be on (지급 주기); the histories also show ADDITIONAL
#: and RESERVE rows (SettlementHistoryType).
SETTLEMENT_CYCLES: Final = ("WEEKLY", "MONTHLY")

_DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH_RE = re.compile(r"^\d{4}-\d{2}$")


def parse_day(value: Any, field: str) -> tuple[date | None, list[Violation]]:
    """A ``yyyy-MM-dd`` day (a :class:`date` passes as is)."""
    if isinstance(value, date):
        return value, []
    if is_blank(value):
        return None, [Violation(field, "required", f"{field} is required (yyyy-MM-dd)")]
    text = str(value).strip()
    if _DAY_RE.match(text):
        try:
            return date.fromisoformat(text), []
        except ValueError:
            pass
    return None, [
        Violation(field, "format", f"{field} must be a day written yyyy-MM-dd (got {value!r})")
    ]


def parse_year_month(value: Any) -> tuple[tuple[int, int] | None, list[Violation]]:
    """``revenueRecognitionYearMonth`` as ``(year, month)``."""
    field = "revenueRecognitionYearMonth"
    if is_blank(value):
        return None, [Violation(field, "required", f"{field} is required (yyyy-MM)")]
    text = str(value).strip()
    if _MONTH_RE.match(text):
        year, month = int(text[:4]), int(text[5:])
        if 1 <= month <= 12 and year >= 1:
            return (year, month), []
    return None, [
        Violation(
            field,
            "format",
            f"Invalid revenueRecognitionYearMonth format (yyyy-MM): got {value!r}",
        )
    ]


def check_window(start: date, end: date) -> list[Violation]:
    """``recognitionDateFrom <= recognitionDateTo``, at most 31 days counting both ends."""
    if end < start:
        return [
            Violation(
                "recognitionDateTo",
                "order",
                f"recognitionDateTo ({end}) must not be before recognitionDateFrom ({start})",
            )
        ]
    days = (end - start).days + 1
    if days > WINDOW_DAYS:
        return [
            Violation(
                "recognitionDateTo",
                "max_window",
                f"the revenue history covers at most {WINDOW_DAYS} days (최대 31일 이내); "
                f"{start} ~ {end} spans {days} days",
            )
        ]
    return []


def check_max_per_page(value: Any) -> list[Violation]:
    """1..50; ``None`` or an empty value means the default (50)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return []
    number = as_int(value)
    if number is None or not 1 <= number <= MAX_PER_PAGE:
        return [
            Violation(
                "maxPerPage",
                "range",
                f"maxPerPage must be between 1 and {MAX_PER_PAGE} (got {value!r})",
            )
        ]
    return []


def check_vendor(given: Any) -> list[Violation]:
    """The query carries ``vendorId`` (the gateway refuses one that is not the key's vendor)."""
    if is_blank(given):
        return [Violation("vendorId", "required", "vendorId is required in the query")]
    return []


def check_year_month(year_month: tuple[int, int], today: date) -> list[Violation]:
    """Only months up to the current one (당월까지만 조회할 수 있습니다)."""
    if year_month > (today.year, today.month):
        return [
            Violation(
                "revenueRecognitionYearMonth",
                "not_future",
                "해당월까지만 조회할 수 있습니다. "
                f"({year_month[0]:04d}-{year_month[1]:02d} is after {today:%Y-%m})",
            )
        ]
    return []


def check_cycle(value: Any) -> list[Violation]:
    """Violations of a settlement cycle: one of SETTLEMENT_CYCLES."""
    if value not in SETTLEMENT_CYCLES:
        return [
            Violation(
                "cycle",
                "enum",
                f"cycle must be one of {', '.join(SETTLEMENT_CYCLES)} (got {value!r})",
            )
        ]
    return []


def check_commission_rate(value: Any) -> list[Violation]:
    """A percentage (VAT excluded) in 0..100 with at most two decimals, e.g. 10.8."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return [
            Violation("commissionRate", "type", f"commissionRate must be a number (got {value!r})")
        ]
    if not 0 <= value <= 100:
        return [
            Violation(
                "commissionRate",
                "range",
                f"commissionRate is a percentage between 0 and 100 (got {value!r})",
            )
        ]
    if abs(value * 100 - round(value * 100)) > 1e-6:
        return [
            Violation(
                "commissionRate",
                "precision",
                f"commissionRate takes at most two decimals (got {value!r})",
            )
        ]
    return []
