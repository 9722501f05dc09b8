"""Fixtures of the cashback tests: the order tests' market (an approved two-item product on a
sandbox clock frozen at START, SQLite and PostgreSQL) and helpers for cashback bodies.

The sandbox clock is frozen at START (2025-07-15 14:00 KST), while the SDK checks the 2-hour
lead time against its own clock (the real one here, since it also signs): SDK journeys use a
period a day after the real now (valid for both clocks); the sandbox's own rules are driven
with raw signed requests and periods around START.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from coupang_seller._constants import KST
from tests.orders.conftest import START, Market, market  # noqa: F401  (fixture)
from tests.products.conftest import (  # noqa: F401  (fixtures, registered by import)
    OTHER,
    VENDOR,
    RawApi,
    aclient,
    api,
    app,
    catalog_module,
    client,
    other_client,
    settings,
    transport,
)

VID = VENDOR[0]
PATH = f"/v2/providers/openapi/apis/api/v4/vendors/{VID}/products/items/cashback"
SEASON1 = "/v2/providers/greatwall_api/apis/api/v1/product/vendorItems-cashbacks"
#: START in Korean time (the sandbox's "now").
NOW_KST = START.astimezone(KST)


def kst(moment: datetime) -> str:
    return moment.astimezone(KST).strftime("%Y-%m-%dT%H:%M:%S")


def body(items: list[Any], **over: Any) -> dict[str, Any]:
    """A valid RATE apply body for the sandbox clock (start START + 3 h, a week long)."""
    payload: dict[str, Any] = {
        "ruleId": "3944",
        "valueType": "RATE",
        "value": 5,
        "maxAmount": 1000,
        "vendorItemIds": items,
        "startAt": kst(START + timedelta(hours=3)),
        "endAt": kst(START + timedelta(days=7)),
    }
    payload.update(over)
    return {k: v for k, v in payload.items() if v is not DROP}


DROP: Any = object()


def real_future(days: float = 1.0) -> datetime:
    """A naive Korean-time instant ``days`` after the real now (valid for SDK and sandbox)."""
    return (datetime.now(KST) + timedelta(days=days)).replace(microsecond=0, tzinfo=None)


__all__ = [
    "DROP", "NOW_KST", "OTHER", "PATH", "SEASON1", "START", "VENDOR", "VID", "Market",
    "RawApi", "body", "kst", "real_future",
]  # fmt: skip
