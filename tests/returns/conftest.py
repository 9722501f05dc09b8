"""Fixtures of the return tests: the order tests' market (reused as is) and shipped orders."""

from __future__ import annotations

import itertools
from typing import Any

from coupang_seller.resources.sandbox import PlacedOrder
from tests.orders.conftest import (  # noqa: F401  (fixtures, registered by import)
    OTHER,
    START,
    V4,
    V5,
    VENDOR,
    WING,
    Market,
    RawApi,
    aclient,
    api,
    app,
    catalog_module,
    client,
    line,
    market,
    open_market,
    other_client,
    settings,
    transport,
)

V6 = "/v2/providers/openapi/apis/api/v6/vendors"
BASES = {"v4": V4, "v5": V5, "v6": V6}
#: 2025-07-15 in Korean time (the frozen clock's day).
DAY = "2025-07-15"
_INVOICES = itertools.count(500000000001)


def vpath(version: str, tail: str, vendor: str = VENDOR[0]) -> str:
    return f"{BASES[version]}/{vendor}{tail}"


def ship(market: Market, placed: PlacedOrder, courier: str = "CJGLS") -> None:  # noqa: F811
    """Upload one invoice per box (INSTRUCT -> DEPARTURE)."""
    lines = []
    for box in placed.shipmentBoxes:
        number = str(next(_INVOICES))
        lines += [line(box.shipmentBoxId, placed.orderId, v, number, courier)
                  for v in box.vendorItemIds]  # fmt: skip
    result = market.client.orders.upload_invoices(lines)
    assert result.all_succeeded, result.failed


def shipped(market: Market, quantities: dict[int, int] | None = None, **kw: Any) -> PlacedOrder:  # noqa: F811
    placed = market.instructed(quantities, **kw)
    ship(market, placed)
    return placed


def request_return(
    market: Market, placed: PlacedOrder, items: dict[int, int] | None = None,  # noqa: F811
    reason: str = "CHANGEMIND",
) -> int:  # fmt: skip
    wanted = items or {market.items[0]: 1}
    answer = market.client.sandbox.returns.request(placed.orderId, wanted, reason_code=reason)
    receipts = answer.receipts
    assert len(receipts) == 1, receipts
    return int(receipts[0].receiptId)


def manual_items(market: Market, **overrides: Any) -> list[int]:  # noqa: F811
    """Items of a product without a return center (``NO_RETURN_CENTERCODE``): no auto pickup,
    the seller registers a pickup invoice."""
    overrides.setdefault("sku", "MANUAL-SKU")
    _, items = market.shop.approved(returnCenterCode="NO_RETURN_CENTERCODE", **overrides)
    return items


__all__ = [
    "DAY", "OTHER", "START", "V4", "V5", "V6", "VENDOR", "WING", "Market", "RawApi",
    "manual_items", "request_return", "ship", "shipped", "vpath",
]  # fmt: skip
