"""The demo's journey through a real uvicorn server (real sockets, signed requests, the gateway
throttle on): shipping places and products as the demo sets them up, then a bundled order of two
options and another product, a re-read address, split shipping, delivery, a quick-refunded return
and an exchange on a new shipmentBoxId. Every state is asserted on the way."""

from __future__ import annotations

import io
import secrets
from datetime import timedelta
from pathlib import Path

import pytest

from coupang_cli._demo import (
    DEMO_USER,
    DEMO_VENDOR,
    FIRST_ADDRESS,
    KST,
    NEW_ADDRESS,
    SAMPLE_SHEET,
    _journey,
    _product_journey,
)
from coupang_cli._embedded import embedded_sandbox
from coupang_cli._output import Output
from coupang_seller import Client
from coupang_seller.types.orders import InvoiceLine

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not SAMPLE_SHEET.exists(), reason="needs examples/products_sample.csv"),
]


def test_demo_journey_over_uvicorn(tmp_path: Path) -> None:
    access_key, secret_key = secrets.token_hex(8), secrets.token_hex(20)
    url = f"sqlite:///{tmp_path / 'sandbox.sqlite3'}"
    quiet = Output(as_json=True, out=io.StringIO())
    with (
        embedded_sandbox(db_url=url, vendors=[(DEMO_VENDOR, access_key, secret_key)]) as server,
        Client(
            access_key, secret_key, DEMO_VENDOR, base_url=server.base_url, user_id=DEMO_USER
        ) as client,
    ):
        assert server.base_url.startswith("http://127.0.0.1:")
        # -- the demo's set-up: places, a return center with a pickup contract, products
        setup = _journey(client, quiet)
        catalog: dict[str, dict[str, int]] = {}
        _product_journey(
            client,
            quiet,
            outbound=setup["outboundCodes"][0],  # type: ignore[index]
            return_center=str(setup["returnCenterCode"]),
            journal=tmp_path / "products.journal.jsonl",
            catalog=catalog,
        )
        oil = catalog["봄날 퓨어 클렌징 오일"]
        assert len(oil) == 2
        first, second = oil.values()
        other = next(iter(catalog["봄날 데일리 선크림 SPF50+ PA++++"].values()))
        sandbox, orders = client.sandbox, client.orders

        # -- the customer orders, in one bundle; the seller sees it ~10 minutes later
        placed = sandbox.orders.place({first: 1, second: 1, other: 1}, receiver=FIRST_ADDRESS)
        [box] = placed.shipment_box_ids
        now = sandbox.clock.get().now.astimezone(KST)
        assert list(orders.iter(now.date(), now.date(), status="ACCEPT")) == []
        sandbox.clock.advance(600)
        now = sandbox.clock.get().now.astimezone(KST)
        sheets = list(orders.iter((now - timedelta(days=1)).date(), now.date(), status="ACCEPT"))
        assert [s.shipmentBoxId for s in sheets] == [box]
        sheet = sheets[0]
        assert sheet.status == "ACCEPT" and sheet.orderId == placed.orderId
        assert sorted(sheet.vendor_item_ids) == sorted([first, second, other])
        assert sheet.receiver is not None and sheet.receiver.postCode == "03925"

        # -- the customer moves before the acknowledgement: the re-read sheet has the new address
        sandbox.orders.change_address(placed.orderId, **NEW_ADDRESS)
        assert orders.acknowledge([box]).all_succeeded
        reread = orders.get(box)
        assert reread.status == "INSTRUCT"
        assert reread.receiver is not None and reread.receiver.postCode == "48058"
        assert reread.receiver.addr1 == NEW_ADDRESS["addr1"]

        # -- split shipping: one option now (a new box), the rest later (preSplitShipped)
        line = {"orderId": placed.orderId, "shipmentBoxId": box, "deliveryCompanyCode": "CJGLS"}
        later = (now + timedelta(days=2)).date().isoformat()
        first_part = orders.upload_invoices(
            [
                InvoiceLine(**line, vendorItemId=first, invoiceNumber="100000000001",
                            splitShipping=True),
                *(InvoiceLine(**line, vendorItemId=v, splitShipping=True,
                              estimatedShippingDate=later) for v in (second, other)),
            ]
        )  # fmt: skip
        assert first_part.all_succeeded, first_part.failed
        boxes = {s.shipmentBoxId: s for s in orders.by_order_id(placed.orderId)}
        assert len(boxes) == 2
        split_box = next(b for b in boxes if b != box)
        assert boxes[split_box].status == "DEPARTURE"
        assert boxes[split_box].vendor_item_ids == [first]
        assert boxes[box].status == "INSTRUCT" and boxes[box].splitShipping is True
        rest = orders.upload_invoices(
            [
                InvoiceLine(**line, vendorItemId=v, invoiceNumber="100000000002",
                            splitShipping=True, preSplitShipped=True)
                for v in (second, other)
            ]
        )  # fmt: skip
        assert rest.all_succeeded, rest.failed
        assert orders.get(box).status == "DEPARTURE"

        # -- the courier: pickup, in transit, delivered
        for parcel in (split_box, box):
            sandbox.courier.scan(parcel, "PICKUP")
        assert {orders.get(b).status for b in (split_box, box)} == {"DELIVERING"}
        for parcel in (split_box, box):
            sandbox.courier.scan(parcel, "IN_TRANSIT")
        assert orders.get(box).status == "DELIVERING"
        for parcel in (split_box, box):
            sandbox.courier.scan(parcel, "DELIVERED")
        for parcel in (split_box, box):
            delivered = orders.get(parcel)
            assert delivered.status == "FINAL_DELIVERY" and delivered.deliveredDate
        history = [d.deliveryStatus for d in orders.history(box).details]
        assert history[0] == "FINAL_DELIVERY" and history[-1] == "ACCEPT"

        # -- a return (customer's change of mind): the customer pays, quick refund on pickup
        answer = sandbox.returns.request(placed.orderId, {first: 1}, reason_code="CHANGEMIND")
        [receipt] = answer.receipts
        receipt_id = int(receipt.receiptId)
        ret = client.returns.get(receipt_id)
        assert ret.receiptStatus == "RETURNS_UNCHECKED" and ret.vendor_item_ids == [first]
        assert ret.faultByType == "CUSTOMER" and ret.returnDeliveryType == "연동택배"
        assert ret.model_extra and ret.model_extra["returnShippingCharge"] == 3000
        scan = sandbox.courier.pick_up_return(receipt_id)
        assert scan.receiptStatus == "RETURNS_COMPLETED" and scan.preRefund is True
        done = client.returns.get(receipt_id)
        assert done.receiptStatus == "RETURNS_COMPLETED" and done.preRefund is True

        # -- an exchange (defect, same option): a new shipmentBoxId, then the invoice
        asked = sandbox.exchanges.request(placed.orderId, other, reason_code="DEFECT")
        assert asked.exchangeStatus == "RECEIPT" and asked.faultType == "VENDOR"
        sandbox.courier.scan_exchange(asked.exchangeId, "PICKUP")
        client.exchanges.confirm_receipt(asked.exchangeId)
        clock = sandbox.clock.get().now
        window = (clock - timedelta(days=1), clock)
        [progress] = client.exchanges.list(*window, order_id=placed.orderId).items
        assert progress.exchangeStatus == "PROGRESS" and progress.new_shipment_box_id is None
        sandbox.clock.advance(600)
        clock = sandbox.clock.get().now
        [ready] = client.exchanges.list(clock - timedelta(days=1), clock, status="PROGRESS").items
        assert ready.exchangeId == asked.exchangeId
        assert ready.original_shipment_box_ids == [box]
        new_box = ready.new_shipment_box_id
        assert new_box is not None and new_box not in (box, split_box)
        result = client.exchanges.upload_invoice(
            asked.exchangeId, shipment_box_id=new_box, goods_delivery_code="CJGLS",
            invoice_number="100000000003",
        )  # fmt: skip
        assert result.resultCode == "SUCCESS"
        final = sandbox.exchanges.get(asked.exchangeId)
        assert final.exchangeStatus == "SUCCESS"
