"""Pure rules of the item cashback (상품 캐시백) APIs, shared by the SDK and the sandbox.

A cashback rule (``ruleId``, given by Coupang once the cashback contract is signed) is applied
to up to 50 approved options (``vendorItemIds``) at once, then looked up and removed one
option at a time (``ruleId`` + ``vendorItemId`` in the query). Since the newer docs the
endpoints are titled as books (도서) cashback; the path and the body did not change.

* ``ruleId``: required, numeric.
* ``valueType``: ``FIXED`` (a fixed amount per order line, whatever the quantity), ``RATE``
  (a percentage of the paid amount, capped by ``maxAmount``) or ``FIXED_WITH_QUANTITY`` (a
  fixed amount times the quantity).
* ``value``: a whole number, at least 1; for ``RATE`` a percentage from 1 to 100.
* ``maxAmount``: at least 0; required for ``RATE``, not needed for the fixed types (the
  documented sample sends ``""`` with ``FIXED``).
* ``vendorItemIds``: a list of 1 to 50 numeric option ids, never null.
* ``startAt`` / ``endAt``: ``yyyy-MM-ddTHH:mm:ss`` in Korean time (the lookup answers them as
  ``yyyy-MM-dd HH:mm:ss``; both forms are read). The start must be at least 2 hours after
  *now* (14:00 -> 16:00 at the earliest) and the end after the start. *now* is an argument:
  the SDK passes its own clock, the sandbox its sandbox clock.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any, Final

from coupang_seller._constants import KST
from coupang_seller.preflight._core import Violation, as_id, as_int, is_blank

__all__ = [
    "MAX_VENDOR_ITEMS",
    "MIN_LEAD_TIME",
    "RATE_MAX",
    "TIME_FORMATS",
    "VALUE_TYPES",
    "check_apply",
    "check_lookup",
    "format_time",
    "parse_time",
]

VALUE_TYPES: Final = ("FIXED", "RATE", "FIXED_WITH_QUANTITY")
MAX_VENDOR_ITEMS: Final = 50
MIN_VALUE: Final = 1
RATE_MAX: Final = 100
MIN_LEAD_TIME: Final = timedelta(hours=2)
#: The documented form first; the lookup's answer form (space) is read too.
TIME_FORMATS: Final = ("%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S")


def parse_time(value: Any) -> datetime | None:
    """``yyyy-MM-ddTHH:mm:ss`` (or with a space) as an aware Korean-time datetime, else None."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    for pattern in TIME_FORMATS:
        try:
            return datetime.strptime(text, pattern).replace(tzinfo=KST)
        except ValueError:
            continue
    return None


def format_time(moment: datetime) -> str:
    """The request form ``yyyy-MM-ddTHH:mm:ss`` in Korean time (naive = Korean time)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(KST)
    return moment.strftime("%Y-%m-%dT%H:%M:%S")


def _rule_id(value: Any) -> list[Violation]:
    if is_blank(value):
        return [Violation("ruleId", "required", "RuleId can't be null, and must be numeric")]
    number = as_id(value)
    if number is None:
        return [Violation("ruleId", "type", f"RuleId must be a positive number (got {value!r})")]
    return []


def _value(value_type: Any, value: Any) -> list[Violation]:
    if is_blank(value):
        return [
            Violation("value", "required", "Cashback value can't be null, and the min value is 1")
        ]
    number = as_int(value)
    if number is None:
        return [Violation("value", "type", f"value must be a whole number (got {value!r})")]
    if number < MIN_VALUE:
        return [Violation("value", "min_value", f"the min cashback value is 1 (got {number})")]
    if value_type == "RATE" and number > RATE_MAX:
        return [
            Violation(
                "value",
                "rate_range",
                f"a RATE cashback is a percentage from 1 to 100 (got {number})",
            )
        ]
    return []


def _max_amount(value_type: Any, value: Any) -> list[Violation]:
    if is_blank(value):
        if value_type == "RATE":
            return [
                Violation(
                    "maxAmount",
                    "required_for_rate",
                    "maxAmount is required with valueType RATE (the cashback cap, >= 0)",
                )
            ]
        return []
    number = as_int(value)
    if number is None:
        return [Violation("maxAmount", "type", f"maxAmount must be a whole number ({value!r})")]
    if number < 0:
        return [Violation("maxAmount", "min_value", f"the min maxAmount is 0 (got {number})")]
    return []


def _vendor_items(value: Any) -> list[Violation]:
    size_message = "vendorItemIds'list can't be empty, the min size is 1, and max size is 50"
    if value is None:
        return [Violation("vendorItemIds", "required", size_message)]
    if not isinstance(value, list):
        return [Violation("vendorItemIds", "type", "vendorItemIds must be a list of option ids")]
    if not 1 <= len(value) <= MAX_VENDOR_ITEMS:
        return [Violation("vendorItemIds", "size", f"{size_message} (got {len(value)})")]
    found: list[Violation] = []
    for index, item in enumerate(value):
        number = as_id(item)
        if number is None:
            found.append(
                Violation(
                    f"vendorItemIds[{index}]",
                    "type",
                    f"a vendorItemId is a positive number (got {item!r})",
                )
            )
    return found


def _period(start_text: Any, end_text: Any, now: datetime) -> list[Violation]:
    found: list[Violation] = []
    moments: dict[str, datetime] = {}
    for name, text in (("startAt", start_text), ("endAt", end_text)):
        if is_blank(text):
            found.append(
                Violation(name, "required", "The start or end time of Cashback rule can't be empty")
            )
            continue
        moment = parse_time(text)
        if moment is None:
            found.append(
                Violation(name, "format", f"{name} must be yyyy-MM-ddTHH:mm:ss (got {text!r})")
            )
            continue
        moments[name] = moment
    start, end = moments.get("startAt"), moments.get("endAt")
    if start is not None:
        earliest = now + MIN_LEAD_TIME
        if start < earliest:
            found.append(
                Violation(
                    "startAt",
                    "lead_time",
                    "startAt must be at least 2 hours from now: the earliest is "
                    f"{format_time(earliest)} (got {format_time(start)})",
                )
            )
    if start is not None and end is not None and end <= start:
        found.append(
            Violation(
                "endAt",
                "order",
                f"endAt must be after startAt ({format_time(end)} <= {format_time(start)})",
            )
        )
    return found


def check_apply(body: Mapping[str, Any], *, now: datetime) -> list[Violation]:
    """Every broken rule of an apply (POST) body; ``now`` is an aware datetime."""
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    found = _rule_id(body.get("ruleId"))
    value_type = body.get("valueType")
    if is_blank(value_type):
        found.append(
            Violation(
                "valueType",
                "required",
                "Cashback type can't be empty, and the allowed values are FIXED, RATE and "
                "FIXED_WITH_QUANTITY",
            )
        )
    elif value_type not in VALUE_TYPES:
        found.append(
            Violation(
                "valueType",
                "enum",
                f"valueType must be one of {', '.join(VALUE_TYPES)} (got {value_type!r})",
            )
        )
    found += _value(value_type, body.get("value"))
    found += _max_amount(value_type, body.get("maxAmount"))
    found += _vendor_items(body.get("vendorItemIds"))
    found += _period(body.get("startAt"), body.get("endAt"), now)
    return found


def check_lookup(rule_id: Any, vendor_item_id: Any) -> list[Violation]:
    """The query of a lookup (GET) or a removal (DELETE): ``ruleId`` and ``vendorItemId``."""
    found = _rule_id(rule_id)
    if is_blank(vendor_item_id):
        found.append(Violation("vendorItemId", "required", "vendorItemId is required"))
    else:
        number = as_id(vendor_item_id)
        if number is None:
            found.append(
                Violation(
                    "vendorItemId",
                    "type",
                    f"vendorItemId must be a positive number (got {vendor_item_id!r})",
                )
            )
    return found
