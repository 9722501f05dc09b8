"""Return flows over real HTTP (SDK through the ASGI transport, control API for the customer
and the courier): auto pickup with quick refund, confirmation and approval, manual pickup
invoices, who pays the return shipping, withdrawal and its history, v6 cancellations."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from tests.orders.conftest import START
from tests.returns.conftest import Market, manual_items, request_return, shipped

TODAY = date(2025, 7, 15)


def test_auto_pickup_quick_refund(market: Market) -> None:
    client = market.client
    first, second = market.items
    placed = shipped(market, {first: 1, second: 2})
    receipt_id = request_return(market, placed, {first: 1, second: 2})
    page = client.returns.list(TODAY, TODAY, status="UC")
    assert [r.receiptId for r in page.items] == [receipt_id]
    ret = client.returns.get(receipt_id)
    assert ret.receiptStatus == "RETURNS_UNCHECKED" and ret.receiptType == "RETURN"
    assert ret.returnDeliveryType == "연동택배" and ret.cancelCountSum == 3
    assert ret.returnDeliveryDtos[0].deliveryCompanyCode == "CJGLS" and not ret.invoices
    assert ret.faultByType == "CUSTOMER" and ret.reasonCode == "CHANGEMIND"
    # FREE delivery: returnCharge 5000 + deliveryChargeOnReturn 5000, paid by the customer.
    assert ret.model_extra and ret.model_extra["returnShippingCharge"] == 10000
    scan = client.sandbox.courier.pick_up_return(receipt_id)
    assert scan.receiptStatus == "RETURNS_COMPLETED" and scan.preRefund is True
    done = client.returns.get(receipt_id, version="v4")
    assert done.preRefund is True and done.invoices
    assert [r.receiptId for r in client.returns.iter(TODAY, TODAY, status="CC")] == [receipt_id]
    assert list(client.returns.iter(TODAY, TODAY, status="UC")) == []


def test_expensive_return_is_confirmed_and_approved(market: Market) -> None:
    client = market.client
    _, items = market.shop.approved(sku="EXPENSIVE", price=150000)
    placed = shipped(market, {items[0]: 1})
    receipt_id = request_return(market, placed, {items[0]: 1}, reason="DEFECT")
    ret = client.returns.get(receipt_id, version="v5")
    assert ret.faultByType == "VENDOR" and ret.model_extra
    assert ret.model_extra["returnShippingCharge"] == 0
    client.sandbox.courier.pick_up_return(receipt_id)
    assert client.returns.get(receipt_id).receiptStatus == "RETURNS_UNCHECKED"
    client.returns.confirm_receipt(receipt_id)
    confirmed = client.returns.get(receipt_id)
    assert confirmed.receiptStatus == "VENDOR_WAREHOUSE_CONFIRM"
    assert confirmed.completeConfirmType == "VENDOR_CONFIRM" and confirmed.completeConfirmDate
    assert [r.receiptId for r in client.returns.list(TODAY, TODAY, status="UC").items] == [
        receipt_id
    ]
    client.returns.approve(receipt_id, cancel_count=confirmed.cancelCountSum, version="v5",
                           method="PUT")  # fmt: skip
    final = client.returns.get(receipt_id)
    assert final.receiptStatus == "RETURNS_COMPLETED" and final.preRefund is False
    # A dispute, then Coupang settles it.
    client.sandbox.returns.step(receipt_id, "coupang-check")
    assert [r.receiptId for r in client.returns.list(TODAY, TODAY, status="PR").items] == [
        receipt_id
    ]
    client.sandbox.returns.step(receipt_id, "coupang-checked")
    assert client.returns.get(receipt_id).completeConfirmType == "CS_CONFIRM"


def test_manual_pickup_invoice_then_confirmation_refunds(market: Market) -> None:
    client = market.client
    items = manual_items(market)
    placed = shipped(market, {items[0]: 2})
    receipt_id = request_return(market, placed, {items[0]: 2})
    ret = client.returns.get(receipt_id)
    assert ret.returnDeliveryType == "수기관리" and ret.returnDeliveryDtos == []
    invoice = client.returns.upload_pickup_invoice(
        receipt_id, delivery_company_code="KDEXP", invoice_number="201805291435",
        reg_number="1234568",
    )  # fmt: skip
    assert invoice.receiptId == receipt_id and invoice.returnExchangeDeliveryType == "RETURN"
    assert invoice.returnDeliveryId == ret.returnDeliveryId
    scan = client.sandbox.courier.pick_up_return(receipt_id)
    assert scan.receiptStatus == "RETURNS_UNCHECKED" and scan.preRefund is False
    # Untracked quick-refund return: the confirmation refunds, approves and completes.
    client.returns.confirm_receipt(receipt_id, method="PUT")
    assert client.returns.get(receipt_id).receiptStatus == "RETURNS_COMPLETED"


def test_stop_shipment_shipped_anyway_is_paid_by_the_seller(market: Market) -> None:
    client = market.client
    first, _ = market.items
    placed = market.instructed({first: 1})
    asked = client.sandbox.orders.request_cancel(placed.orderId, reason_code="CHANGEMIND")
    receipt_id = asked.receipts[0].receiptId
    ru = client.returns.list(TODAY, TODAY, status="RU").items
    assert [r.receiptId for r in ru] == [receipt_id]
    assert [r.receiptId for r in client.returns.list(TODAY, TODAY, status="UC").items] == [
        receipt_id
    ]
    client.orders.mark_already_shipped(
        receipt_id, delivery_company_code="CJGLS", invoice_number="700000000001"
    )
    ret = client.returns.get(receipt_id)
    assert ret.receiptStatus == "RETURNS_UNCHECKED" and ret.releaseStopStatus == "처리(이미출고)"
    assert ret.faultByType == "VENDOR" and ret.model_extra
    assert ret.model_extra["returnShippingCharge"] == 0


def test_withdrawal_vanishes_and_shows_in_history(market: Market) -> None:
    client = market.client
    first, second = market.items
    placed = shipped(market, {first: 1, second: 1})
    keep = request_return(market, placed, {first: 1})
    gone = request_return(market, placed, {second: 1}, reason="WRONGOPT")
    client.sandbox.clock.advance(60)
    client.sandbox.returns.withdraw(gone)
    assert [r.receiptId for r in client.returns.iter(TODAY, TODAY, status="UC")] == [keep]
    history = list(client.returns.iter_withdrawals(TODAY - timedelta(days=10), TODAY))
    assert [(w.cancelId, w.refundDeliveryDuty, w.vendorItemIds) for w in history] == [
        (gone, "CUS", [second])
    ]
    by_ids = client.returns.withdrawals_by_ids([gone, keep, *range(1, 60)])
    assert [w.cancelId for w in by_ids] == [gone]
    assert by_ids[0].orderId == placed.orderId


def test_time_frame_and_order_filter(market: Market) -> None:
    client = market.client
    first, _ = market.items
    placed = shipped(market, {first: 2})
    receipt_id = request_return(market, placed, {first: 1})
    now = START + timedelta(minutes=30)
    found = client.returns.list_time_frame(now - timedelta(hours=30), now, status="UC")
    assert [r.receiptId for r in found] == [receipt_id]
    by_order = client.returns.list(TODAY, TODAY, order_id=placed.orderId, version="v4")
    assert [r.receiptId for r in by_order.items] == [receipt_id]
    assert (
        client.returns.list_time_frame(
            datetime(2025, 7, 14, 0, 0), datetime(2025, 7, 14, 23, 59), status="UC"
        )
        == []
    )


def test_v6_lists_orders_cancelled_at_payment(market: Market) -> None:
    client = market.client
    first, second = market.items
    placed = market.visible_order({first: 1, second: 1})
    result = client.orders.cancel(placed.orderId, {first: 1, second: 1})
    assert result.code == "SUCCESS"
    cancelled = client.returns.list(TODAY, TODAY, cancel_type="CANCEL").items
    assert [c.orderId for c in cancelled] == [placed.orderId]
    assert cancelled[0].receiptType == "CANCEL" and cancelled[0].cancelCountSum == 2
    assert client.returns.list(TODAY, TODAY, status="UC").items == []


def test_paging_by_next_token(market: Market) -> None:
    client = market.client
    first, _ = market.items
    ids = []
    for _ in range(3):
        placed = shipped(market, {first: 1})
        ids.append(request_return(market, placed, {first: 1}))
    page = client.returns.list(TODAY, TODAY, status="UC", max_per_page=2)
    assert len(page.items) == 2 and page.next_token
    assert [r.receiptId for r in client.returns.iter(TODAY, TODAY, status="UC",
                                                     max_per_page=2)] == ids  # fmt: skip
