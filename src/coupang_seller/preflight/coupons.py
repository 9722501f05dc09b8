"""Rules of the coupon APIs: instant-discount coupons (즉시할인쿠폰, ``fms`` provider) and
downloadable coupons (다운로드쿠폰, ``marketplace_openapi``).

Pure functions (a body or a value in, a list of :class:`Violation` out), run by the SDK before
sending and by the sandbox on receipt. Rules that depend on the present moment take ``now``
as an argument (the sandbox passes its clock; the SDK passes ``None`` and skips them, since a
sandbox clock may differ from the wall clock). Dates are Korean local time written
``yyyy-MM-dd HH:mm:ss``.

Documented limits: an instant coupon's ``discount`` rate is 0–100 %, ``maxDiscountPrice`` at
least 10 won, ``name`` at most 50 characters, ``startAt`` no earlier than the next day 00:00,
``endAt`` within the contract and no later than 31 December 00:00:00 of the start year; an item
batch holds 1–10,000 vendorItems. A downloadable coupon has 1–3 policies of one discount type
(RATE 1–99 %, PRICE in 10-won steps), ``maximumPerDaily`` 1–9,999, starts at least one hour
after its creation, and takes at most 100 vendorItemIds per coupon entry.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any, Final

from coupang_seller.preflight._core import (
    PAGE_MAX,
    Violation,
    as_id,
    as_int,
    as_page,
    is_blank,
    mapping_list,
)

DATE_FORMAT: Final = "%Y-%m-%d %H:%M:%S"
#: ``type`` of an instant coupon (할인방식).
DISCOUNT_TYPES: Final = ("RATE", "FIXED_WITH_QUANTITY", "PRICE")
#: ``CouponStatus`` (the coupon list also filters DETACHED).
COUPON_STATUSES: Final = ("STANDBY", "APPLIED", "PAUSED", "EXPIRED", "DETACHED")
#: ``CouponItemStatus``.
ITEM_STATUSES: Final = ("STANDBY", "APPLIED", "PAUSED", "EXPIRED")
#: ``type`` query of the coupon-item lookup (one path template for both ids).
ITEM_LOOKUP_TYPES: Final = ("couponItemId", "vendorItemId")
SORTS: Final = ("asc", "desc")
NAME_MAX: Final = 50
MIN_MAX_DISCOUNT_PRICE: Final = 10
MAX_VENDOR_ITEMS: Final = 10_000
#: Page size bound of the fms lists (the item list sample answers ``countPerPage`` 1000).
MAX_PAGE_SIZE: Final = 1000
DEFAULT_PAGE_SIZE: Final = 20

#: Downloadable coupons.
DOWNLOAD_COUPON_TYPE: Final = "DOWNLOAD"
POLICY_TYPES: Final = ("RATE", "PRICE")
MAX_POLICIES: Final = 3
MAX_PER_DAILY: Final = 9_999
MAX_DOWNLOAD_ITEMS: Final = 100
DOWNLOAD_LEAD: Final = timedelta(hours=1)
EXPIRE_ACTION: Final = "expire"


def parse_date(text: Any) -> datetime | None:
    """``yyyy-MM-dd HH:mm:ss`` -> naive datetime (Korean time), else ``None``."""
    if not isinstance(text, str):
        return None
    try:
        return datetime.strptime(text.strip(), DATE_FORMAT)
    except ValueError:
        return None


def format_date(moment: datetime) -> str:
    """Format a coupon startAt/endAt the way Coupang expects (DATE_FORMAT)."""
    return moment.strftime(DATE_FORMAT)


def _date(body: Mapping[str, Any], name: str, found: list[Violation]) -> datetime | None:
    value = body.get(name)
    if is_blank(value):
        found.append(Violation(name, "required", f"{name} is required"))
        return None
    moment = parse_date(value)
    if moment is None:
        found.append(
            Violation(name, "format", f"{name} 패턴을 확인하세요. yyyy-MM-dd HH:mm:ss ({value!r})")
        )
    return moment


def _positive_id(body: Mapping[str, Any], name: str, found: list[Violation]) -> int | None:
    value = body.get(name)
    if is_blank(value):
        found.append(Violation(name, "required", f"{name} is required"))
        return None
    number = as_id(value)
    if number is None:
        found.append(Violation(name, "type", f"{name} must be a positive number ({value!r})"))
        return None
    return number


def next_day_start(now_kst: datetime) -> datetime:
    """00:00 of the day after ``now_kst`` (naive Korean time)."""
    day = now_kst.replace(tzinfo=None, hour=0, minute=0, second=0, microsecond=0)
    return day + timedelta(days=1)


def year_end_limit(start: datetime) -> datetime:
    """The latest ``endAt``: 31 December 00:00:00 of the start year (documented)."""
    return datetime(start.year, 12, 31)


# -- instant-discount coupons (fms) -------------------------------------------------------


def check_create_coupon(
    body: Mapping[str, Any], now_kst: datetime | None = None
) -> list[Violation]:
    """The body of ``POST v2/vendors/{vendorId}/coupon`` (also the older ``v1 .../coupons``).

    ``now_kst`` (naive Korean time) enables the "starts the next day at the earliest" rule.
    """
    found: list[Violation] = []
    _positive_id(body, "contractId", found)
    _coupon_name(body.get("name"), found)
    kind = body.get("type")
    if is_blank(kind):
        found.append(Violation("type", "required", "type (할인방식) is required"))
    elif kind not in DISCOUNT_TYPES:
        found.append(
            Violation("type", "enum", f"type must be one of {', '.join(DISCOUNT_TYPES)} ({kind!r})")
        )
    _max_discount_price(body.get("maxDiscountPrice"), found)
    _discount(body.get("discount"), kind, found)
    _coupon_period(body, now_kst, found)
    return found


def _coupon_name(name: Any, found: list[Violation]) -> None:
    """name (프로모션명): required, a string of at most NAME_MAX characters."""
    if is_blank(name):
        found.append(Violation("name", "required", "name (프로모션명) is required"))
    elif not isinstance(name, str):
        found.append(Violation("name", "type", "name must be a string"))
    elif len(name) > NAME_MAX:
        found.append(
            Violation("name", "max_length", f"name is {len(name)} characters, at most {NAME_MAX}")
        )


def _max_discount_price(top: Any, found: list[Violation]) -> None:
    """maxDiscountPrice: required, a number of at least MIN_MAX_DISCOUNT_PRICE won."""
    if is_blank(top):
        found.append(Violation("maxDiscountPrice", "required", "maxDiscountPrice is required"))
        return
    number = as_int(top)
    if number is None:
        found.append(Violation("maxDiscountPrice", "type", "maxDiscountPrice must be a number"))
    elif number < MIN_MAX_DISCOUNT_PRICE:
        found.append(
            Violation(
                "maxDiscountPrice",
                "min_value",
                f"maxDiscountPrice must be at least {MIN_MAX_DISCOUNT_PRICE} won ({number})",
            )
        )


def _discount(discount: Any, kind: Any, found: list[Violation]) -> None:
    """discount: a rate of 0-100 % for RATE, else an amount of at least 1 won."""
    if is_blank(discount):
        found.append(Violation("discount", "required", "discount is required"))
        return
    number = as_int(discount)
    if number is None:
        found.append(Violation("discount", "type", "discount must be a whole number"))
    elif kind == "RATE" and not 0 <= number <= 100:
        found.append(
            Violation("discount", "range", "discount 할인률은 0% ~ 100% 범위에 포함되어야 합니다.")
        )
    elif kind != "RATE" and number < 1:
        found.append(Violation("discount", "min_value", "a discount amount must be >= 1 won"))


def _coupon_period(
    body: Mapping[str, Any], now_kst: datetime | None, found: list[Violation]
) -> None:
    """startAt before endAt within the start's year; with ``now_kst``, a start from tomorrow."""
    start = _date(body, "startAt", found)
    end = _date(body, "endAt", found)
    if start is not None and end is not None:
        if end <= start:
            found.append(Violation("endAt", "order", "endAt must be after startAt"))
        elif end > year_end_limit(start):
            found.append(
                Violation(
                    "endAt",
                    "same_year",
                    f"endAt may be at most {format_date(year_end_limit(start))} "
                    "(31 December 00:00:00 of the start year)",
                )
            )
    if start is not None and now_kst is not None:
        earliest = next_day_start(now_kst)
        if start < earliest:
            found.append(
                Violation(
                    "startAt",
                    "start_next_day",
                    f"startAt must be {format_date(earliest)} or later "
                    "(a coupon starts the next day at 00:00 at the earliest)",
                )
            )


def check_within_contract(
    start: datetime, end: datetime, contract_start: datetime, contract_end: datetime
) -> list[Violation]:
    """The coupon's period lies inside its contract's (Coupang's 400 text, reworded)."""
    if contract_start <= start and end <= contract_end:
        return []
    return [
        Violation(
            "endAt" if start >= contract_start else "startAt",
            "contract_period",
            "the coupon must lie within its contract's period "
            f"(contract {format_date(contract_start)}~{format_date(contract_end)}, "
            f"coupon {format_date(start)}~{format_date(end)})",
        )
    ]


def check_vendor_items(body: Mapping[str, Any]) -> list[Violation]:
    """``vendorItems`` of the item attach / item expire bodies: 1–10,000 numeric ids."""
    items = body.get("vendorItems")
    if not isinstance(items, list) or not 1 <= len(items) <= MAX_VENDOR_ITEMS:
        return [
            Violation(
                "vendorItems",
                "size",
                "vendorItems may not be empty, vendorItems size must be between 1 and "
                f"{MAX_VENDOR_ITEMS}",
            )
        ]
    found: list[Violation] = []
    for index, value in enumerate(items):
        number = as_id(value)
        if number is None:
            found.append(
                Violation(f"vendorItems[{index}]", "type", f"not a vendorItemId: {value!r}")
            )
    return found


def check_action(action: Any) -> list[Violation]:
    """The fixed query ``action=expire`` of the two expiry paths."""
    if action == EXPIRE_ACTION:
        return []
    return [Violation("action", "enum", f"action must be 'expire' ({action!r})")]


def check_status(status: Any, allowed: tuple[str, ...] = COUPON_STATUSES) -> list[Violation]:
    """Violations of a coupon status filter: required and one of ``allowed``."""
    if is_blank(status):
        return [Violation("status", "required", f"status is required: {', '.join(allowed)}")]
    if status not in allowed:
        return [Violation("status", "enum", f"status must be one of {', '.join(allowed)}")]
    return []


def check_paging(page: Any, size: Any, sort: Any) -> list[Violation]:
    """Violations of the coupon list paging: page, size and sort."""
    found: list[Violation] = []
    if page is not None:
        number = as_page(page)
        if number is None:
            found.append(
                Violation("page", "min_value", f"page must be 1 to {PAGE_MAX:,} ({page!r})")
            )
    if size is not None:
        number = as_int(size)
        if number is None or not 1 <= number <= MAX_PAGE_SIZE:
            found.append(
                Violation("size", "range", f"size must be between 1 and {MAX_PAGE_SIZE} ({size!r})")
            )
    if sort is not None and str(sort).lower() not in SORTS:
        found.append(Violation("sort", "enum", f"sort must be asc or desc ({sort!r})"))
    return found


def check_item_lookup_type(kind: Any) -> list[Violation]:
    """Violations of the item lookup ``type``: couponItemId or vendorItemId."""
    if kind is None or kind in ITEM_LOOKUP_TYPES:
        return []
    return [Violation("type", "enum", f"type must be couponItemId or vendorItemId ({kind!r})")]


def check_target_month(month: Any) -> list[Violation]:
    """``targetMonth`` of the budget lookup: ``yyyy-MM``."""
    if month is None:
        return []
    text = str(month)
    try:
        datetime.strptime(text, "%Y-%m")
    except ValueError:
        return [Violation("targetMonth", "format", f"targetMonth must be yyyy-MM ({month!r})")]
    if len(text) != 7:
        return [Violation("targetMonth", "format", f"targetMonth must be yyyy-MM ({month!r})")]
    return []


def check_contract_id(value: Any, *, required: bool = True) -> list[Violation]:
    """Violations of contractId: a positive number (optional when ``required`` is False)."""
    if value is None and not required:
        return []
    found: list[Violation] = []
    _positive_id({"contractId": value}, "contractId", found)
    return found


# -- downloadable coupons (marketplace_openapi) -------------------------------------------


def check_download_create(
    body: Mapping[str, Any], now_kst: datetime | None = None
) -> list[Violation]:
    """The body of ``POST v1/coupons`` (downloadable coupon)."""
    found: list[Violation] = []
    if is_blank(body.get("title")):
        found.append(Violation("title", "required", "createCouponRequest.title 은 필수임"))
    _positive_id(body, "contractId", found)
    kind = body.get("couponType")
    if kind != DOWNLOAD_COUPON_TYPE:
        found.append(Violation("couponType", "enum", f"couponType must be 'DOWNLOAD' ({kind!r})"))
    if is_blank(body.get("userId")):
        found.append(Violation("userId", "required", "userId (WING login id) is required"))
    start = _date(body, "startDate", found)
    end = _date(body, "endDate", found)
    if start is not None and end is not None and end <= start:
        found.append(Violation("endDate", "order", "endDate must be after startDate"))
    if start is not None and now_kst is not None:
        earliest = now_kst.replace(tzinfo=None) + DOWNLOAD_LEAD
        if start < earliest:
            found.append(
                Violation(
                    "startDate",
                    "lead_time",
                    "a downloadable coupon shows at least one hour after its creation: "
                    f"startDate must be {format_date(earliest)} or later",
                )
            )
    found += check_policies(body.get("policies"))
    return found


def check_policies(policies: Any) -> list[Violation]:
    """Violations of a download coupon's policies: 1 to MAX_POLICIES entries, each with valid
    fields.
    """
    listed = mapping_list(policies)
    if listed is None or not 1 <= len(listed) <= MAX_POLICIES:
        return [
            Violation("policies", "size", f"policies must list 1 to {MAX_POLICIES} policy objects")
        ]
    found: list[Violation] = []
    kinds = set()
    for index, policy in enumerate(listed):
        kind = _policy(policy, f"policies[{index}]", found)
        if kind is not None:
            kinds.add(kind)
    if len(kinds) > 1:
        found.append(
            Violation("policies", "same_type", "one coupon's policies share one typeOfDiscount")
        )
    return found


def _policy(policy: Mapping[str, Any], at: str, found: list[Violation]) -> str | None:
    """One download-coupon policy's fields; its typeOfDiscount when valid."""
    kind = policy.get("typeOfDiscount")
    if kind not in POLICY_TYPES:
        found.append(Violation(f"{at}.typeOfDiscount", "enum", "typeOfDiscount: RATE or PRICE"))
    if is_blank(policy.get("title")):
        found.append(Violation(f"{at}.title", "required", "the policy title is required"))
    discount = as_int(policy.get("discount"))
    if discount is None:
        found.append(Violation(f"{at}.discount", "required", "discount must be a number"))
    elif kind == "RATE" and not 1 <= discount <= 99:
        found.append(Violation(f"{at}.discount", "range", "a RATE discount is 1 to 99 %"))
    elif kind == "PRICE" and (discount < 10 or discount % 10):
        found.append(
            Violation(f"{at}.discount", "unit", f"{at} 금액 정보는 10원 단위로 입력해야 합니다.")
        )
    minimum = as_int(policy.get("minimumPrice"))
    if minimum is None or minimum < 10 or minimum % 10:
        found.append(
            Violation(
                f"{at}.minimumPrice",
                "unit",
                f"{at} 금액 정보는 10원 단위로 입력해야 합니다. (minimumPrice >= 10)",
            )
        )
    if kind == "RATE":
        top = as_int(policy.get("maximumDiscountPrice"))
        if top is None or top < 10:
            found.append(
                Violation(
                    f"{at}.maximumDiscountPrice",
                    "min_value",
                    "a RATE policy needs maximumDiscountPrice >= 10",
                )
            )
    daily = as_int(policy.get("maximumPerDaily"))
    if daily is None or not 1 <= daily <= MAX_PER_DAILY:
        found.append(
            Violation(
                f"{at}.maximumPerDaily",
                "range",
                f"{at}.maxPerDaily 1~{MAX_PER_DAILY} 양수만 입력 가능합니다.",
            )
        )
    return kind if kind in POLICY_TYPES else None


def check_download_items(body: Mapping[str, Any]) -> list[Violation]:
    """``PUT v1/coupon-items``: ``couponItems[{couponId, userId, vendorItemIds (<= 100)}]``."""
    entries = mapping_list(body.get("couponItems"))
    if not entries:
        return [Violation("couponItems", "required", "couponItems must list coupon entries")]
    found: list[Violation] = []
    for index, entry in enumerate(entries):
        at = f"couponItems[{index}]"
        sub: list[Violation] = []
        _positive_id(entry, "couponId", sub)
        found += [Violation(f"{at}.{v.field}", v.rule, v.message) for v in sub]
        ids = entry.get("vendorItemIds")
        if not isinstance(ids, list) or not 1 <= len(ids) <= MAX_DOWNLOAD_ITEMS:
            found.append(
                Violation(
                    f"{at}.vendorItemIds",
                    "size",
                    f"vendorItemIds must list 1 to {MAX_DOWNLOAD_ITEMS} option ids",
                )
            )
            continue
        for position, value in enumerate(ids):
            number = as_id(value)
            if number is None:
                found.append(
                    Violation(f"{at}.vendorItemIds[{position}]", "type", f"not an id: {value!r}")
                )
    return found


def check_download_expire(body: Mapping[str, Any]) -> list[Violation]:
    """``POST v1/coupons/expire``: ``expireCouponList[{couponId, reason, userId}]``."""
    entries = mapping_list(body.get("expireCouponList"))
    if not entries:
        return [Violation("expireCouponList", "required", "expireCouponList must list coupons")]
    found: list[Violation] = []
    for index, entry in enumerate(entries):
        at = f"expireCouponList[{index}]"
        sub: list[Violation] = []
        _positive_id(entry, "couponId", sub)
        found += [Violation(f"{at}.{v.field}", v.rule, v.message) for v in sub]
        if is_blank(entry.get("reason")):
            found.append(Violation(f"{at}.reason", "required", "reason is required ('expired')"))
        if is_blank(entry.get("userId")):
            found.append(Violation(f"{at}.userId", "required", "userId is required"))
    return found


def check_transaction_id(value: Any) -> list[Violation]:
    """Violations of requestTransactionId: it must not be blank."""
    if is_blank(value):
        return [Violation("requestTransactionId", "required", "requestTransactionId is required")]
    return []
