"""Fixtures of the coupon tests: the order tests' market (an approved two-item product on a
frozen sandbox clock at 2025-07-15 14:00 KST, SQLite and PostgreSQL) plus a seeded contract."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pytest

from coupang_seller import Client
from coupang_seller.types.coupons import CouponContract, CouponRequestStatus
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
FMS1 = f"/v2/providers/fms/apis/api/v1/vendors/{VID}"
FMS2 = f"/v2/providers/fms/apis/api/v2/vendors/{VID}"
MARKET_API = "/v2/providers/marketplace_openapi/apis/api/v1"
#: The market's clock is 2025-07-15 14:00 KST: coupons may start on the 16th.
TOMORROW = "2025-07-16 00:00:00"
LATER = "2025-07-31 23:59:00"
#: The same moments for the SDK, which takes datetimes (naive = Korean time).
TOMORROW_AT = datetime(2025, 7, 16)
LATER_AT = datetime(2025, 7, 31, 23, 59)
#: Seconds from START to the coupon's start (10 h) plus the request delay.
TO_START = 10 * 3600 + 60


@dataclass
class Shop:
    market: Market
    contract: CouponContract

    @property
    def client(self) -> Client:
        return self.market.client

    @property
    def items(self) -> list[int]:
        return self.market.items

    def settle(self, requested_id: str) -> CouponRequestStatus:
        """Let the request's delay pass on the sandbox clock and read its outcome."""
        self.client.sandbox.clock.advance(11)
        return self.client.coupons.request_status(requested_id)

    def coupon(self, **overrides: Any) -> int:
        """Create an instant coupon and return its couponId (the request settled DONE)."""
        args: dict[str, Any] = {
            "contract_id": self.contract.contractId,
            "name": "여름 할인",
            "discount": 10,
            "max_discount_price": 1000,
            "start_at": TOMORROW_AT,
            "end_at": LATER_AT,
            "type": "RATE",
            **overrides,
        }
        status = self.settle(self.client.coupons.create(**args).requestedId)
        assert status.status == "DONE", status
        assert status.couponId is not None
        return status.couponId


def open_coupon_shop(market: Market, **contract: Any) -> Shop:  # noqa: F811
    seeded = market.client.sandbox.coupons.create_contract(**contract)
    return Shop(market, seeded)


@pytest.fixture
def shop(market: Market) -> Iterator[Shop]:  # noqa: F811
    yield open_coupon_shop(market, budget_per_month=100_000)


def fms_errors(body: dict[str, Any]) -> set[tuple[str, str]]:
    return {(e["field"], e["rule"]) for e in body.get("errors") or []}


__all__ = [
    "FMS1",
    "FMS2",
    "LATER",
    "LATER_AT",
    "MARKET_API",
    "OTHER",
    "START",
    "TOMORROW",
    "TOMORROW_AT",
    "TO_START",
    "VENDOR",
    "VID",
    "Market",
    "RawApi",
    "Shop",
    "fms_errors",
    "open_coupon_shop",
]  # fmt: skip
