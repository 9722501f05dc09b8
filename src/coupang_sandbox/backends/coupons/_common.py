"""Constants and time helpers shared by the coupons backend's modules."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, Final

from coupang_sandbox.backends._ids import parse_id
from coupang_sandbox.clock import to_us
from coupang_sandbox.errors import ValidationFailed
from coupang_seller._constants import KST
from coupang_seller.preflight import Violation
from coupang_seller.preflight import coupons as rules
from coupang_seller.preflight._core import as_page

Row = Mapping[Any, Any]

INSTANT: Final = "INSTANT"
DOWNLOAD: Final = "DOWNLOAD"
CONTRACT_BASED: Final = "CONTRACT_BASED"
NON_CONTRACT_BASED: Final = "NON_CONTRACT_BASED"
CONTRACT_TYPES: Final = (CONTRACT_BASED, NON_CONTRACT_BASED)

CONTRACT_ID_START: Final = 9_001
COUPON_ID_START: Final = 15_000_001
COUPON_ITEM_ID_START: Final = 80_001
REQUEST_ID_START: Final = 4_080_133_932_843_441

MSG_NOT_FOUND_ITEM: Final = "[CIR06] 옵션 상품을 찾지 못했습니다."
MSG_TAKEN: Final = "[CIR08] 해당 옵션은 이미 다른 쿠폰에 발행되어져 있습니다."
MSG_TAKEN_DOWNLOAD: Final = "[CIR14] 해당 옵션은 이미 다른 쿠폰({coupon})에 발행되어져 있습니다."
MSG_NOT_IN_COUPON: Final = "[CIR06] 쿠폰에 적용된 옵션이 아닙니다."


def kst(moment: datetime) -> datetime:
    """Naive Korean time of an aware instant."""
    return moment.astimezone(KST).replace(tzinfo=None)


def us_of(naive_kst: datetime) -> int:
    """Microseconds since the epoch of a naive Korean time."""
    return to_us(naive_kst.replace(tzinfo=KST))


def month_of(moment: datetime) -> str:
    """The Korean month (``YYYY-MM``) of ``moment``, for the monthly budgets."""
    return kst(moment).strftime("%Y-%m")


def number_of(text: object, name: str) -> int:
    """A positive id read from a path, query or body; 400 (rule ``type``) naming ``name``."""
    value = parse_id(text, minimum=1)
    if value is None:
        raise ValidationFailed([Violation(name, "type", f"{name} must be a number ({text!r})")])
    return value


def page_args(page: Any, size: Any, sort: Any) -> tuple[int, int, bool]:
    """``(page, size, desc)`` of checked paging parameters, with the documented defaults."""
    return (
        as_page(page) or 1,
        as_page(size) or rules.DEFAULT_PAGE_SIZE,
        str(sort or "asc").lower() == "desc",
    )
