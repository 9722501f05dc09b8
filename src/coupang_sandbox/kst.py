"""Korean time (KST) on the wire: the timestamp and day formats Coupang answers with, and the
parsers of the day and minute parameters its list endpoints take.

Shared by every group (orders, returns, exchanges, customer service, settlement, cashback).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone

from coupang_seller._constants import KST
from coupang_seller.preflight import Violation

_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[ +]\d{2}:?\d{2}|Z)?$")
_MINUTE = re.compile(r"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(?:([ +-])(\d{2}):?(\d{2})|Z)?$")


def wire(moment: datetime | None, sep: str = "T") -> str | None:
    """``moment`` in Korean time as ``yyyy-MM-ddTHH:mm:ss`` (``sep`` between day and time), or
    None for None."""
    if moment is None:
        return None
    return moment.astimezone(KST).strftime(f"%Y-%m-%d{sep}%H:%M:%S")


def kst_day(moment: datetime) -> str:
    """The Korean calendar day of ``moment`` as ``yyyy-MM-dd``."""
    return moment.astimezone(KST).strftime("%Y-%m-%d")


def parse_day(text: str | None, name: str) -> tuple[date | None, list[Violation]]:
    """``yyyy-MM-dd`` (an ``+09:00`` offset, as current clients send, is accepted)."""
    if text is None or not text.strip():
        return None, [Violation(name, "required", f"{name} is required (yyyy-MM-dd)")]
    match = _DAY.match(text.strip())
    if match is None:
        return None, [Violation(name, "format", f"{name} must be yyyy-MM-dd (got {text!r})")]
    try:
        return date.fromisoformat(match.group(1)), []
    except ValueError:
        return None, [Violation(name, "format", f"{name} is not a calendar date ({text!r})")]


def parse_minute(text: str | None, name: str) -> tuple[datetime | None, list[Violation]]:
    """``yyyy-MM-ddTHH:mm`` (seconds and a ``+09:00`` offset accepted), Korean time by default."""
    if text is None or not text.strip():
        return None, [Violation(name, "required", f"{name} is required (yyyy-MM-ddTHH:mm)")]
    match = _MINUTE.match(text.strip())
    if match is None:
        return None, [Violation(name, "format", f"{name} must be yyyy-MM-ddTHH:mm (got {text!r})")]
    try:
        naive = datetime.fromisoformat(match.group(1))
    except ValueError:
        return None, [Violation(name, "format", f"{name} is not a valid time ({text!r})")]
    tz: timezone = KST
    if match.group(2):
        sign = -1 if match.group(2) == "-" else 1
        tz = timezone(sign * timedelta(hours=int(match.group(3)), minutes=int(match.group(4))))
    elif text.strip().endswith("Z"):
        tz = UTC
    return naive.replace(tzinfo=tz), []
