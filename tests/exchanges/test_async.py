"""The async surface (``AsyncClient.exchanges`` / ``.sandbox``) over httpx.ASGITransport."""

from __future__ import annotations

import pytest

from coupang_seller import AsyncClient
from coupang_seller._exceptions import BusinessRuleError
from tests.exchanges.conftest import SINCE, UNTIL, Delivered, Market


async def test_async_exchanges(market: Market, delivered: Delivered, aclient: AsyncClient) -> None:
    first, second = delivered.items
    one = await aclient.sandbox.exchanges.request(delivered.order_id, first)
    two = await aclient.sandbox.exchanges.request(delivered.order_id, second)
    assert [x.exchangeId async for x in aclient.exchanges.iter(SINCE, UNTIL, max_per_page=1)] == [
        one.exchangeId,
        two.exchangeId,
    ]
    await aclient.exchanges.confirm_receipt(one.exchangeId)
    await aclient.sandbox.clock.advance(600)
    page = await aclient.exchanges.list(SINCE, UNTIL, status="PROGRESS")
    box = page.items[0].new_shipment_box_id
    assert box is not None
    done = await aclient.exchanges.upload_invoice(
        one.exchangeId, shipment_box_id=box, goods_delivery_code="HANJIN",
        invoice_number="5000000000",
    )  # fmt: skip
    assert done.resultCode == "SUCCESS"
    assert (await aclient.exchanges.reject(two.exchangeId, "WITHDRAW")).resultCode == "SUCCESS"
    with pytest.raises(BusinessRuleError, match="is SUCCESS"):
        await aclient.sandbox.courier.scan_exchange(one.exchangeId, "PICKUP")
