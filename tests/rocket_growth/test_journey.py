"""Rocket Growth journeys through the SDK and the sandbox over HTTP: Coupang's warehouse is
stocked and customers order (control API), the seller reads orders and stock."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from coupang_seller import Client
from coupang_seller._constants import KST
from coupang_seller._exceptions import NotFoundError, ValidationError
from tests.rocket_growth.conftest import PAGE, START, TODAY, Market, RawApi


def test_orders_take_warehouse_stock_and_show_in_the_seller_reads(market: Market) -> None:
    seller = market.client
    first, second = market.items
    stocked = seller.sandbox.rocket_growth.set_inventory(first, 10, external_sku_id="SKU-1")
    assert (stocked.vendorItemId, stocked.orderable, stocked.externalSkuId) == (first, 10, "SKU-1")
    seller.sandbox.rocket_growth.set_inventory(second, 5)

    old = seller.sandbox.rocket_growth.place_order({first: 4}, paid_at=START - timedelta(days=40))
    one = seller.sandbox.rocket_growth.place_order({first: 2, second: 1})
    two = seller.sandbox.rocket_growth.place_order([(second, 3)])
    assert one.paid_at == START.astimezone(KST)
    assert [(i.vendorItemId, i.salesQuantity) for i in one.orderItems] == [(first, 2), (second, 1)]
    assert one.orderItems[0].currency == "KRW" and one.orderItems[0].unitSalesPrice
    assert one.orderItems[0].productName

    # warehouse stock went down; only the last 30 days count as sales
    stock = {s.vendorItemId: s for s in seller.rocket_growth.iter_inventory()}
    assert (stock[first].orderable, stock[first].sold_last_30_days) == (4, 2)
    assert (stock[second].orderable, stock[second].sold_last_30_days) == (1, 4)
    only = seller.rocket_growth.inventory_summaries(vendor_item_id=second)
    assert [s.vendorItemId for s in only.items] == [second] and only.next_token is None

    page = seller.rocket_growth.list_orders(TODAY, TODAY)
    assert [o.orderId for o in page.items] == [one.orderId, two.orderId]
    assert page.next_token is None
    fetched = seller.rocket_growth.get_order(two.orderId)
    assert fetched.model_dump() == two.model_dump()

    # the old order lies 40 days back: a single list cannot reach it, iter_orders can
    span = seller.rocket_growth.list_orders(TODAY - timedelta(days=30), TODAY)
    assert old.orderId not in [o.orderId for o in span.items]
    every = [o.orderId for o in seller.rocket_growth.iter_orders(TODAY - timedelta(days=45), TODAY)]
    assert every == [old.orderId, one.orderId, two.orderId]


def test_paging_by_next_token(market: Market, api: RawApi) -> None:
    seller = market.client
    first, _ = market.items
    seller.sandbox.rocket_growth.set_inventory(first, 20)
    placed = [
        seller.sandbox.rocket_growth.place_order({first: 1}).orderId for _ in range(PAGE * 2 + 1)
    ]
    day = TODAY.strftime("%Y%m%d")
    first_page = seller.rocket_growth.list_orders(TODAY, TODAY)
    assert [o.orderId for o in first_page.items] == placed[:PAGE]
    assert first_page.next_token == str(placed[PAGE - 1])
    second_page = seller.rocket_growth.list_orders(TODAY, TODAY, next_token=first_page.next_token)
    assert [o.orderId for o in second_page.items] == placed[PAGE : PAGE * 2]
    walked = [o.orderId for o in seller.rocket_growth.iter_orders(TODAY, TODAY)]
    assert walked == placed
    raw = api.get(
        f"/v2/providers/rg_open_api/apis/api/v1/vendors/{seller.vendor_id}/rg/orders",
        params={"paidDateFrom": day, "paidDateTo": day, "nextToken": str(placed[-2])},
    ).json()
    assert [o["orderId"] for o in raw["data"]] == placed[-1:] and raw["nextToken"] == ""


def test_paid_days_are_korean_calendar_days(market: Market) -> None:
    seller = market.client
    first, _ = market.items
    seller.sandbox.rocket_growth.set_inventory(first, 5)
    # 2025-07-14 23:30 KST is 14:30 UTC on the 14th; 00:10 KST on the 15th is 15:10 UTC the 14th
    late = seller.sandbox.rocket_growth.place_order(
        {first: 1}, paid_at=START.replace(hour=14, minute=30) - timedelta(days=1)
    )
    early = seller.sandbox.rocket_growth.place_order(
        {first: 1}, paid_at=START.replace(hour=15, minute=10) - timedelta(days=1)
    )
    day_14 = [
        o.orderId
        for o in seller.rocket_growth.list_orders(date(2025, 7, 14), date(2025, 7, 14)).items
    ]
    day_15 = [o.orderId for o in seller.rocket_growth.list_orders(TODAY, TODAY).items]
    assert day_14 == [late.orderId] and day_15 == [early.orderId]


def test_vendors_are_isolated(market: Market, other_client: Client) -> None:
    seller = market.client
    first, _ = market.items
    seller.sandbox.rocket_growth.set_inventory(first, 3)
    order = seller.sandbox.rocket_growth.place_order({first: 1})
    assert other_client.rocket_growth.list_orders(TODAY, TODAY).items == []
    assert other_client.rocket_growth.inventory_summaries().items == []
    with pytest.raises(NotFoundError):
        other_client.rocket_growth.get_order(order.orderId)
    with pytest.raises(ValidationError, match="not an approved option of vendor A00044444"):
        other_client.sandbox.rocket_growth.set_inventory(first, 3)
    with pytest.raises(ValidationError, match="not an approved option of vendor A00044444"):
        other_client.sandbox.rocket_growth.place_order({first: 1})


def test_short_stock_refuses_the_whole_order(market: Market) -> None:
    seller = market.client
    first, second = market.items
    seller.sandbox.rocket_growth.set_inventory(first, 2)
    with pytest.raises(ValidationError, match="holds 0 unit"):
        seller.sandbox.rocket_growth.place_order({first: 1, second: 1})
    with pytest.raises(ValidationError, match="holds 2 unit"):
        seller.sandbox.rocket_growth.place_order({first: 3})
    assert seller.rocket_growth.inventory_summaries(vendor_item_id=first).items[0].orderable == 2
    assert seller.rocket_growth.list_orders(TODAY, TODAY).items == []
