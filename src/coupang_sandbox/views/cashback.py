"""Cashback rules as Coupang's JSON: one option's rule (the lookup's ``data``) and the apply
answer's ``data`` (``successVendorItemIds``, ``failVendorItemIds``).

Pure functions of the backend's rows (:mod:`coupang_sandbox.backends.cashback`): the routes
call them and wrap the result in the envelope.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from coupang_sandbox.backends.cashback import ApplyOutcome
from coupang_sandbox.clock import from_us
from coupang_sandbox.kst import wire


def rule(row: Mapping[Any, Any]) -> dict[str, Any]:
    """One option's rule as the lookup answers it (field names of the documented sample)."""
    disabled_at = row["disabled_at_us"]
    return {
        "vendorItemId": str(row["vendor_item_id"]),
        "vendorId": row["vendor_id"],
        "valueType": row["value_type"],
        "value": int(row["value"]),
        "startAt": wire(from_us(int(row["start_at_us"])), " "),
        "maxAmount": int(row["max_amount"]),
        "ruleId": int(row["rule_id"]),
        "endAt": wire(from_us(int(row["end_at_us"])), " "),
        "disabledAt": None if disabled_at is None else wire(from_us(int(disabled_at)), " "),
        "disabled": bool(row["disabled"]),
    }


def applied(outcome: ApplyOutcome) -> dict[str, Any]:
    """The apply answer's ``data``: the options that took the rule, and why the others failed."""
    return {
        "successVendorItemIds": [str(v) for v in outcome.succeeded],
        "failVendorItemIds": [{str(v): reason} for v, reason in outcome.failed],
    }
