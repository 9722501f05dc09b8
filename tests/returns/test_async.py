"""The async surface (``AsyncClient.returns`` / ``.sandbox``) over httpx.ASGITransport."""

from __future__ import annotations

from datetime import UTC, date, datetime

from coupang_seller import AsyncClient
from tests.returns.conftest import Market, manual_items, shipped

TODAY = date(2025, 7, 15)


async def test_async_returns(market: Market, aclient: AsyncClient) -> None:
    first, _ = market.items
    _, dear = market.shop.approved(sku="ASYNC-DEAR", price=200000)
    placed = shipped(market, {first: 1, dear[0]: 1}, bundle=False)
    asked = await aclient.sandbox.returns.request(placed.orderId, {first: 1, dear[0]: 1},
                                                 reason_code="DAMAGED", reason="깨짐")  # fmt: skip
    ids = [int(r.receiptId) for r in asked.receipts]
    found = [r.receiptId async for r in aclient.returns.iter(date(2025, 6, 1), TODAY,
                                                             status="UC")]  # fmt: skip
    assert sorted(found) == sorted(ids)
    frame = await aclient.returns.list_time_frame(
        datetime(2025, 7, 14, tzinfo=UTC), datetime(2025, 7, 16, tzinfo=UTC), status="UC",
        version="v5",
    )  # fmt: skip
    assert sorted(r.receiptId for r in frame) == sorted(ids)
    dear_receipt = next(r.receiptId for r in frame if r.returnItems[0].vendorItemId == dear[0])
    one = await aclient.returns.get(dear_receipt, version="v4")
    assert one.cancelReason == "깨짐" and one.faultByType == "VENDOR"
    await aclient.sandbox.courier.pick_up_return(dear_receipt)
    await aclient.returns.confirm_receipt(dear_receipt, version="v5")
    await aclient.returns.approve(dear_receipt, cancel_count=1)
    assert (await aclient.returns.get(dear_receipt)).receiptStatus == "RETURNS_COMPLETED"
    other = next(i for i in ids if i != dear_receipt)
    view = await aclient.sandbox.returns.get(other)
    assert view.autoPickup is True and view.quickRefund is True
    await aclient.sandbox.returns.withdraw(other)
    history = [w async for w in aclient.returns.iter_withdrawals(TODAY, TODAY)]
    assert [w.cancelId for w in history] == [other]
    assert [w.cancelId for w in await aclient.returns.withdrawals_by_ids([other])] == [other]
    cancelled = await aclient.returns.list(TODAY, TODAY, cancel_type="CANCEL")
    assert cancelled.items == []
    items = manual_items(market, sku="ASYNC-MANUAL")
    manual_order = shipped(market, {items[0]: 1})
    manual = await aclient.sandbox.returns.request(manual_order.orderId, {items[0]: 1})
    receipt = manual.receipts[0].receiptId
    invoice = await aclient.returns.upload_pickup_invoice(
        receipt, delivery_company_code="EPOST", invoice_number="1234567890123"
    )
    assert invoice.invoiceNumber == "1234567890123"
