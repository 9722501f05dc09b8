"""Pure rules of the Rocket Growth (로켓그로스) read APIs, shared by the SDK and the sandbox.

Rocket Growth orders are fulfilled by Coupang from the stock the seller keeps in Coupang's
warehouses; the seller only reads them (orders and warehouse inventory) on the
``rg_open_api`` provider.

* The order list takes ``paidDateFrom`` and ``paidDateTo`` as ``yyyymmdd`` dates (Korean
  calendar days, both included); ``paidDateTo`` is not before ``paidDateFrom`` and is at most
  30 days after it. Paging goes by ``nextToken``.
* One order is read by its numeric ``orderId``; the inventory summaries take an optional
  numeric ``vendorItemId``.
* These endpoints have their own, stricter gateway limit: 50 calls a minute per vendor
  (:data:`RATE_PER_MINUTE`), on top of the general ~10 calls a second.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any, Final

from coupang_seller.preflight._core import Violation, as_id, is_blank

__all__ = [
    "DATE_FORMAT",
    "MAX_WINDOW",
    "RATE_PER_MINUTE",
    "check_order_id",
    "check_paid_window",
    "check_vendor_item_id",
    "format_date",
    "parse_date",
]

DATE_FORMAT: Final = "%Y%m%d"
#: ``paidDateTo - paidDateFrom`` at most (30 days).
MAX_WINDOW: Final = timedelta(days=30)
#: Calls a minute per vendor on the rg_open_api endpoints.
RATE_PER_MINUTE: Final = 50.0


def parse_date(value: Any) -> date | None:
    """``yyyymmdd`` (exactly 8 digits, a real calendar day) as a date, else None."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if len(text) != 8 or not text.isdigit():
        return None
    try:
        return datetime.strptime(text, DATE_FORMAT).date()
    except ValueError:
        return None


def format_date(day: date) -> str:
    """Format a Rocket Growth date the way Coupang expects (DATE_FORMAT)."""
    return day.strftime(DATE_FORMAT)


def check_paid_window(paid_from: Any, paid_to: Any) -> list[Violation]:
    """The order list's ``paidDateFrom``/``paidDateTo`` (``yyyymmdd``, at most 30 days)."""
    found: list[Violation] = []
    days: dict[str, date] = {}
    for name, value in (("paidDateFrom", paid_from), ("paidDateTo", paid_to)):
        if is_blank(value):
            found.append(Violation(name, "required", f"{name} is required (yyyymmdd)"))
            continue
        day = parse_date(value)
        if day is None:
            found.append(
                Violation(name, "format", f"{name} must be a yyyymmdd date (got {value!r})")
            )
            continue
        days[name] = day
    start, end = days.get("paidDateFrom"), days.get("paidDateTo")
    if start is not None and end is not None:
        if end < start:
            found.append(
                Violation("paidDateTo", "order", "paidDateTo must not be before paidDateFrom")
            )
        elif end - start > MAX_WINDOW:
            found.append(
                Violation(
                    "paidDateTo",
                    "window",
                    "the Rocket Growth order list covers at most 30 days "
                    f"(got {(end - start).days} days from {format_date(start)})",
                )
            )
    return found


def _positive_id(name: str, value: Any, *, required: bool) -> list[Violation]:
    if is_blank(value):
        return [Violation(name, "required", f"{name} is required")] if required else []
    number = as_id(value)
    if number is None:
        return [Violation(name, "type", f"{name} must be a positive number (got {value!r})")]
    return []


def check_order_id(order_id: Any) -> list[Violation]:
    """Violations of a Rocket Growth orderId: required and positive."""
    return _positive_id("orderId", order_id, required=True)


def check_vendor_item_id(vendor_item_id: Any) -> list[Violation]:
    """The inventory summaries' optional ``vendorItemId`` filter."""
    return _positive_id("vendorItemId", vendor_item_id, required=False)
