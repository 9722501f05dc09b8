"""The exchange flow through the SDK over real HTTP (SQLite and PostgreSQL): the customer asks
(control API), the seller confirms receipt, waits for the new box, uploads the invoice."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from coupang_seller import Client
from coupang_seller._exceptions import APIStatusError
from tests.exchanges.conftest import SINCE, UNTIL, Delivered, Market, deliver

SAFE = re.compile(r"^050\d-\d{4}-\d{4}$")


def test_exchange_journey(market: Market, delivered: Delivered) -> None:
    client: Client = market.client
    item = delivered.items[0]
    asked = client.sandbox.exchanges.request(
        delivered.order_id, item, quantity=1, reason_code="DEFECT", reason_detail="불량"
    )
    assert asked.exchangeStatus == "RECEIPT" and asked.collectStatus == "BeforeDirection"
    assert asked.faultType == "VENDOR" and asked.exchangeAmount == 0

    page = client.exchanges.list(SINCE, UNTIL)
    [found] = page.items
    assert page.next_token is None
    assert found.exchangeId == asked.exchangeId
    assert found.orderDeliveryStatusCode == "FINAL_DELIVERY"
    assert found.exchangeItemDtoV1s[0].originalShipmentBoxId == delivered.box
    assert found.exchangeItemDtoV1s[0].targetItemId == item
    assert found.deliveryInvoiceGroupDtos == [] and found.new_shipment_box_id is None
    assert found.rejectable and not found.deliveryInvoiceModifiable
    # 2024-09: only safe (virtual) numbers in the exchange list.
    address = found.exchangeAddressDtoV1
    assert address is not None
    assert address.returnMobile and SAFE.match(address.returnMobile)
    assert address.deliveryMobile == address.returnMobile and address.returnPhone is None
    assert found.collectInformationsDto is not None
    destination = found.collectInformationsDto.returndeliveryDestinationDto
    assert destination is not None and destination.customerMobile == address.returnMobile

    client.sandbox.courier.scan_exchange(asked.exchangeId, "PICKUP")
    assert client.sandbox.exchanges.get(asked.exchangeId).collectStatus == "Delivering"
    client.exchanges.confirm_receipt(asked.exchangeId)
    progress = client.exchanges.list(SINCE, UNTIL, status="PROGRESS").items[0]
    assert progress.exchangeStatus == "PROGRESS" and progress.collectStatus == "CompleteCollect"
    assert progress.collectCompleteDate is not None
    assert progress.new_shipment_box_id is None  # not before ~10 minutes

    with pytest.raises(APIStatusError) as early:
        client.exchanges.upload_invoice(
            asked.exchangeId, shipment_box_id=delivered.box, goods_delivery_code="CJGLS",
            invoice_number="500000000001",
        )  # fmt: skip
    assert "not in deliveryInvoiceGroupDtos yet" in str(early.value)

    client.sandbox.clock.advance(600)
    ready = client.exchanges.list(SINCE, UNTIL, status="PROGRESS").items[0]
    new_box = ready.new_shipment_box_id
    assert new_box is not None and new_box != delivered.box
    group = ready.deliveryInvoiceGroupDtos[0]
    assert group.shippingDeliveryType == "EXCHANGE_DELIVERY"
    assert group.deliveryInvoiceDtos[0].invoiceVendorItemDtos[0].vendorItemId == item
    assert ready.successable and ready.deliveryInvoiceModifiable

    with pytest.raises(APIStatusError) as original:
        client.exchanges.upload_invoice(
            asked.exchangeId, shipment_box_id=delivered.box, goods_delivery_code="CJGLS",
            invoice_number="500000000001",
        )  # fmt: skip
    assert "NONE_TRACKING" in str(original.value)

    result = client.exchanges.upload_invoice(
        asked.exchangeId, shipment_box_id=new_box, goods_delivery_code="CJGLS",
        invoice_number="500000000001",
    )  # fmt: skip
    assert result.resultCode == "SUCCESS"
    done = client.sandbox.exchanges.get(asked.exchangeId)
    assert done.exchangeStatus == "SUCCESS" and done.deliveryStatus == "CompleteDirection"
    invoice = done.deliveryInvoiceGroupDtos[0].deliveryInvoiceDtos[0]
    assert invoice.invoiceNumber == "500000000001" and invoice.statusCode == "DEPARTURE"
    assert not done.rejectable


def test_iter_walks_7_day_windows_and_pages(market: Market) -> None:
    client = market.client
    first, second = market.items
    made: list[int] = []
    orders: list[int] = []
    for _ in range(3):
        order = deliver(market, {first: 1, second: 1})
        made.append(client.sandbox.exchanges.request(order.order_id, second).exchangeId)
        orders.append(order.order_id)
    page = client.exchanges.list(SINCE, UNTIL, max_per_page=2)
    assert len(page.items) == 2 and page.next_token
    found = [x.exchangeId for x in client.exchanges.iter(
        datetime(2025, 7, 1, tzinfo=UTC), datetime(2025, 7, 30, tzinfo=UTC), max_per_page=1
    )]  # fmt: skip
    assert found == made
    by_order = client.exchanges.list(SINCE, UNTIL, order_id=orders[1], status="RECEIPT")
    assert [x.exchangeId for x in by_order.items] == [made[1]]
    assert client.exchanges.list(SINCE, UNTIL, status="SUCCESS").items == []


def test_reject_and_withdraw(market: Market, delivered: Delivered) -> None:
    client = market.client
    first, second = delivered.items
    one = client.sandbox.exchanges.request(delivered.order_id, first, reason_code="CHANGEMIND")
    assert one.faultType == "CUSTOMER"
    two = client.sandbox.exchanges.request(delivered.order_id, second, exchange_amount=6000)
    assert two.exchangeAmount == 6000  # 교환배송비, settled outside Coupang
    assert client.exchanges.reject(one.exchangeId, "SOLDOUT").resultCode == "SUCCESS"
    rejected = client.sandbox.exchanges.get(one.exchangeId)
    assert rejected.exchangeStatus == "REJECT" and rejected.collectStatus == "Withdraw"
    withdrawn = client.sandbox.exchanges.withdraw(two.exchangeId, reason="마음이 바뀜")
    assert withdrawn.exchangeStatus == "CANCEL" and withdrawn.cancelReason == "마음이 바뀜"
    statuses = {x.exchangeId: x.exchangeStatus for x in client.exchanges.iter(SINCE, UNTIL)}
    assert statuses == {one.exchangeId: "REJECT", two.exchangeId: "CANCEL"}
