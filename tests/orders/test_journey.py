"""The seller's day, end to end over real HTTP: list a product, approve it, a customer orders,
the order appears 10 minutes later, the seller acknowledges, re-reads the address the customer
changed meanwhile, ships split with two invoices, and the courier delivers."""

from __future__ import annotations

from datetime import timedelta

from coupang_seller.types.orders import InvoiceLine
from tests.orders.conftest import START, Market


def test_seller_journey(market: Market) -> None:
    client = market.client
    sandbox = client.sandbox
    first, second = market.items
    placed = market.order(
        {first: 1, second: 2},
        receiver={
            "name": "홍*동",
            "addr1": "서울특별시 송파구 올림픽로 300",
            "addr2": "1동",
            "postCode": "05551",
        },
    )
    assert len(placed.shipment_box_ids) == 1  # bundle: one box
    box_id = placed.shipment_box_ids[0]
    assert len(str(box_id)) == 18

    day = (START + timedelta(hours=9)).date()
    # Not visible yet: Coupang shows new orders about 10 minutes after payment.
    assert list(client.orders.iter(day, day, status="ACCEPT")) == []
    sandbox.clock.advance(600)
    sheets = list(client.orders.iter(day, day, status="ACCEPT"))
    assert [s.shipmentBoxId for s in sheets] == [box_id]
    sheet = sheets[0]
    assert sheet.orderId == placed.orderId
    assert sheet.orderer is not None and sheet.orderer.email == ""
    assert {i.vendorItemId: i.shippingCount for i in sheet.orderItems} == {first: 1, second: 2}
    assert sheet.ableSplitShipping is True

    # The customer moves while ACCEPT; the seller acknowledges, then re-reads the sheet.
    sandbox.orders.change_address(
        placed.orderId, addr1="부산광역시 해운대구 센텀로 1", postCode="48058"
    )
    result = client.orders.acknowledge([box_id])
    assert result.all_succeeded and result.responseCode == 0
    again = client.orders.get(box_id)
    assert again.status == "INSTRUCT"
    assert again.receiver is not None and again.receiver.postCode == "48058"

    # Split shipping: the first item ships now under its own invoice, the second later.
    first_part = client.orders.upload_invoices(
        [
            InvoiceLine(shipmentBoxId=box_id, orderId=placed.orderId, vendorItemId=first,
                        deliveryCompanyCode="CJGLS", invoiceNumber="100000000001",
                        splitShipping=True),
            InvoiceLine(shipmentBoxId=box_id, orderId=placed.orderId, vendorItemId=second,
                        deliveryCompanyCode="CJGLS", splitShipping=True,
                        estimatedShippingDate="2025-07-18"),
        ]
    )  # fmt: skip
    assert first_part.all_succeeded, first_part.failed
    boxes = {s.shipmentBoxId: s for s in client.orders.by_order_id(placed.orderId)}
    assert len(boxes) == 2
    new_box = next(b for b in boxes if b != box_id)
    assert boxes[new_box].status == "DEPARTURE" and boxes[new_box].vendor_item_ids == [first]
    assert boxes[box_id].status == "INSTRUCT" and boxes[box_id].splitShipping is True
    assert boxes[box_id].orderItems[0].plannedShippingDate == "2025-07-18"

    second_part = client.orders.upload_invoices(
        [
            InvoiceLine(shipmentBoxId=box_id, orderId=placed.orderId, vendorItemId=second,
                        deliveryCompanyCode="HANJIN", invoiceNumber="2000000002",
                        splitShipping=True, preSplitShipped=True),
        ]
    )  # fmt: skip
    assert second_part.all_succeeded, second_part.failed
    assert client.orders.get(box_id).status == "DEPARTURE"

    # The courier picks both parcels up and delivers them.
    for box in (new_box, box_id):
        sandbox.courier.scan(box, "PICKUP")
    assert client.orders.get(box_id).status == "DELIVERING"
    sandbox.clock.advance(86400)
    for box in (new_box, box_id):
        sandbox.courier.scan(box, "DELIVERED")
    final = client.orders.get(box_id)
    assert final.status == "FINAL_DELIVERY" and final.deliveredDate
    assert final.receiver is not None and final.receiver.safeNumber
    history = client.orders.history(box_id)
    assert [d.deliveryStatus for d in history.details] == [
        "FINAL_DELIVERY", "DELIVERING", "DEPARTURE", "INSTRUCT", "ACCEPT",
    ]  # fmt: skip
    # Safe numbers stop working five days after delivery.
    sandbox.clock.advance(5 * 86400)
    expired = client.orders.get(box_id)
    assert expired.receiver is not None and expired.receiver.safeNumber == ""
