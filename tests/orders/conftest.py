"""Fixtures of the order tests: the product tests' sandbox, clients and shop (reused as is), a
frozen sandbox clock, and a market with an approved two-item product ready to be ordered."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest

from coupang_seller import Client
from coupang_seller.resources.sandbox import PlacedOrder
from tests.products.conftest import (  # noqa: F401  (fixtures, registered by import)
    OTHER,
    VENDOR,
    RawApi,
    Shop,
    aclient,
    api,
    app,
    catalog_module,
    client,
    open_shop,
    other_client,
    settings,
    transport,
)

V4 = "/v2/providers/openapi/apis/api/v4/vendors"
V5 = "/v2/providers/openapi/apis/api/v5/vendors"
WING = "/v2/providers/wing_api/apis/internal-api"
#: A fixed instant (14:00 KST) so day and minute windows are deterministic.
START = datetime(2025, 7, 15, 5, 0, tzinfo=UTC)


@dataclass
class Market:
    client: Client
    shop: Shop
    product_id: int
    items: list[int]

    def order(self, quantities: dict[int, int] | None = None, **kw: Any) -> PlacedOrder:
        wanted = quantities or {self.items[0]: 1, self.items[1]: 2}
        return self.client.sandbox.orders.place(wanted, **kw)

    def visible_order(self, quantities: dict[int, int] | None = None, **kw: Any) -> PlacedOrder:
        placed = self.order(quantities, **kw)
        self.client.sandbox.clock.advance(601)
        return placed

    def instructed(self, quantities: dict[int, int] | None = None, **kw: Any) -> PlacedOrder:
        placed = self.visible_order(quantities, **kw)
        result = self.client.orders.acknowledge(placed.shipment_box_ids)
        assert result.all_succeeded, result
        return placed


def open_market(seller: Client, catalog: Any) -> Market:
    seller.sandbox.clock.set(START, freeze=True)
    shop = open_shop(seller, catalog)
    product_id, items = shop.approved(sku="ORDER-SKU")
    return Market(seller, shop, product_id, items)


@pytest.fixture
def market(client: Client, catalog_module: Any) -> Iterator[Market]:  # noqa: F811
    yield open_market(client, catalog_module)


def path(version: str, vendor: str, tail: str) -> str:
    base = V4 if version == "v4" else V5
    return f"{base}/{vendor}{tail}"


def line(
    box: int,
    order: int,
    item: int,
    invoice: str = "123456789012",
    courier: str = "CJGLS",
    **kw: Any,
) -> dict[str, Any]:
    return {
        "shipmentBoxId": box,
        "orderId": order,
        "vendorItemId": item,
        "deliveryCompanyCode": courier,
        "invoiceNumber": invoice,
        "splitShipping": False,
        "preSplitShipped": False,
        "estimatedShippingDate": "",
        **kw,
    }


__all__ = ["OTHER", "START", "V4", "V5", "VENDOR", "WING", "Market", "RawApi", "line", "path"]
