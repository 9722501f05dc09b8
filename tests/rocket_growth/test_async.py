"""The async surface (``AsyncClient.rocket_growth`` / ``.sandbox``) over httpx.ASGITransport."""

from __future__ import annotations

from datetime import timedelta

import pytest

from coupang_seller import AsyncClient
from coupang_seller._exceptions import NotFoundError, PreflightError
from tests.rocket_growth.conftest import START, TODAY, Market


async def test_async_rocket_growth(market: Market, aclient: AsyncClient) -> None:
    first, second = market.items
    stocked = await aclient.sandbox.rocket_growth.set_inventory(first, 6, external_sku_id="EXT-9")
    assert stocked.orderable == 6
    await aclient.sandbox.rocket_growth.set_inventory(second, 1)
    old = await aclient.sandbox.rocket_growth.place_order(
        {first: 1}, paid_at=START - timedelta(days=35)
    )
    placed = [(await aclient.sandbox.rocket_growth.place_order({first: 1, second: 1})).orderId]
    placed += [(await aclient.sandbox.rocket_growth.place_order({first: 2})).orderId]
    page = await aclient.rocket_growth.list_orders(TODAY, TODAY)
    assert [o.orderId for o in page.items] == placed and page.next_token is None
    walked = [
        o.orderId
        async for o in aclient.rocket_growth.iter_orders(TODAY - timedelta(days=40), TODAY)
    ]
    assert walked == [old.orderId, *placed]
    order = await aclient.rocket_growth.get_order(placed[0])
    assert [i.vendorItemId for i in order.orderItems] == [first, second]
    stock = [
        (s.vendorItemId, s.orderable, s.sold_last_30_days)
        async for s in aclient.rocket_growth.iter_inventory()
    ]
    assert stock == [(first, 2, 3), (second, 0, 1)]
    with pytest.raises(NotFoundError):
        await aclient.rocket_growth.get_order(1)
    with pytest.raises(PreflightError, match="window"):
        await aclient.rocket_growth.list_orders(TODAY - timedelta(days=31), TODAY)
    summary = await aclient.rocket_growth.inventory_summaries(vendor_item_id=first)
    assert summary.items[0].externalSkuId == "EXT-9"
