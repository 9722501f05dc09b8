"""Fixtures of the exchange tests: the order tests' market (an approved two-item product on a
frozen sandbox clock, SQLite and PostgreSQL), and a delivered order to exchange from."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest

from coupang_seller import Client
from coupang_seller.types.orders import InvoiceLine
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

V4 = "/v2/providers/openapi/apis/api/v4/vendors"
WING = "/v2/providers/wing_api/apis/internal-api/v1/exchange"
VID = VENDOR[0]
#: A list window around START (the market's frozen clock) in Korean time.
FROM = "2025-07-14T00:00:00"
TO = "2025-07-20T00:00:00"
SINCE = datetime(2025, 7, 14, tzinfo=UTC)
UNTIL = datetime(2025, 7, 20, tzinfo=UTC)

_invoice_seq = iter(range(400000000001, 400000099999))


@dataclass
class Delivered:
    order_id: int
    box: int
    items: list[int]


def deliver(market: Market, quantities: dict[int, int] | None = None) -> Delivered:  # noqa: F811
    """Place, acknowledge, invoice and deliver (courier DELIVERED scan) an order."""
    seller: Client = market.client
    first, second = market.items
    wanted = quantities or {first: 2, second: 1}
    placed = market.instructed(wanted)
    box = placed.shipment_box_ids[0]
    number = str(next(_invoice_seq))
    result = seller.orders.upload_invoices(
        [
            InvoiceLine(shipmentBoxId=box, orderId=placed.orderId, vendorItemId=item,
                        deliveryCompanyCode="CJGLS", invoiceNumber=number)
            for item in wanted
        ]
    )  # fmt: skip
    assert result.all_succeeded, result
    seller.sandbox.courier.scan(box, "DELIVERED")
    return Delivered(placed.orderId, box, list(wanted))


@pytest.fixture
def delivered(market: Market) -> Iterator[Delivered]:  # noqa: F811
    yield deliver(market)


def exchange_path(tail: str = "") -> str:
    return f"{V4}/{VID}/exchangeRequests{tail}"


def list_params(**more: Any) -> dict[str, Any]:
    return {"createdAtFrom": FROM, "createdAtTo": TO, **more}


__all__ = [
    "FROM",
    "OTHER",
    "SINCE",
    "START",
    "TO",
    "UNTIL",
    "V4",
    "VENDOR",
    "VID",
    "WING",
    "Delivered",
    "Market",
    "RawApi",
    "deliver",
    "exchange_path",
    "list_params",
]  # fmt: skip
