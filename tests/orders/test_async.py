"""The async surface (``AsyncClient.orders`` / ``.sandbox``) over httpx.ASGITransport."""

from __future__ import annotations

from datetime import UTC, date, datetime

from coupang_seller import AsyncClient
from coupang_seller.types.orders import InvoiceLine
from tests.orders.conftest import Market


async def test_async_orders(market: Market, aclient: AsyncClient) -> None:
    first, second = market.items
    placed = await aclient.sandbox.orders.place({first: 1, second: 1})
    await aclient.sandbox.clock.advance(600)
    box = placed.shipment_box_ids[0]
    sheets = [
        s async for s in aclient.orders.iter(date(2025, 6, 1), date(2025, 7, 20), status="ACCEPT")
    ]
    assert [s.shipmentBoxId for s in sheets] == [box]
    frame = await aclient.orders.list_time_frame(
        datetime(2025, 7, 14, tzinfo=UTC), datetime(2025, 7, 16, tzinfo=UTC), status="ACCEPT"
    )
    assert [s.shipmentBoxId for s in frame] == [box]
    assert (await aclient.orders.acknowledge([box, 1], method="PATCH")).responseCode == 1
    result = await aclient.orders.upload_invoices(
        [
            InvoiceLine(shipmentBoxId=box, orderId=placed.orderId, vendorItemId=item,
                        deliveryCompanyCode="HYUNDAI", invoiceNumber="1234567890123")
            for item in (first, second)
        ]
    )  # fmt: skip
    assert result.all_succeeded
    await aclient.sandbox.courier.scan(box, "PICKUP")
    assert (await aclient.orders.get(box, version="v4")).status == "DELIVERING"
    assert [s.shipmentBoxId for s in await aclient.orders.by_order_id(placed.orderId)] == [box]
    history = await aclient.orders.history(box)
    assert history.details[0].deliveryStatus == "DELIVERING"
    update = await aclient.orders.update_invoices(
        [
            InvoiceLine(shipmentBoxId=box, orderId=placed.orderId, vendorItemId=item,
                        deliveryCompanyCode="HYUNDAI", invoiceNumber="1234567890")
            for item in (first, second)
        ]
    )  # fmt: skip
    assert update.all_succeeded and (await aclient.orders.get(box)).status == "DEPARTURE"

    other = await aclient.sandbox.orders.place({first: 1})
    await aclient.sandbox.clock.advance(600)
    await aclient.orders.acknowledge(other.shipment_box_ids)
    receipt = (await aclient.sandbox.orders.request_cancel(other.orderId)).receipts[0].receiptId
    stopped = await aclient.orders.stop_shipment(receipt, cancel_count=1)
    assert stopped.resultCode == "SUCCESS"
    third = await aclient.sandbox.orders.place({second: 1})
    await aclient.sandbox.clock.advance(600)
    cancelled = await aclient.orders.cancel(third.orderId, {second: 1})
    assert cancelled.code == "SUCCESS"
    assert cancelled.receiptMap is not None and cancelled.receiptMap.receiptType == "CANCEL"


async def test_async_iter_time_frame_and_iter_limit(market: Market, aclient: AsyncClient) -> None:
    """The two calls the async half used to lack: ``iter_time_frame`` and ``iter(limit=)``."""
    first, second = market.items
    boxes = set()
    for item in (first, second, first):
        placed = await aclient.sandbox.orders.place({item: 1})
        boxes.update(placed.shipment_box_ids)
    await aclient.sandbox.clock.advance(600)
    start, end = datetime(2025, 7, 13, tzinfo=UTC), datetime(2025, 7, 17, tzinfo=UTC)
    framed = [
        s.shipmentBoxId async for s in aclient.orders.iter_time_frame(start, end, status="ACCEPT")
    ]
    assert sorted(framed) == sorted(boxes)  # 4 days: four 24-hour calls, each box once
    listed = await aclient.orders.list_time_frame(start, end, status="ACCEPT")
    assert [s.shipmentBoxId for s in listed] == framed
    window = (date(2025, 6, 1), date(2025, 7, 20))
    two = [s async for s in aclient.orders.iter(*window, status="ACCEPT", max_per_page=1, limit=2)]
    assert len(two) == 2 and {s.shipmentBoxId for s in two} <= boxes
    assert [s async for s in aclient.orders.iter(*window, status="ACCEPT", limit=0)] == []
