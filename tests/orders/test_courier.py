"""The automatic courier scans (``courier_pickup_seconds`` / ``courier_delivery_seconds``),
driven by the sandbox clock over real HTTP: a box left at DEPARTURE is picked up, then delivered,
each scan stamped with the instant it was due (not the instant somebody looked)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from coupang_sandbox import SandboxSettings
from coupang_seller import Client
from coupang_seller.types.orders import InvoiceLine, OrderSheet
from tests.orders.conftest import OTHER, START, VENDOR, Market

PICKUP = 3600
DELIVERY = 86400
#: The instant of the invoice upload in these tests: the order is paid at START and is
#: acknowledged 601 s later, when it has become visible.
UPLOADED = START + timedelta(seconds=601)
KST = timezone(timedelta(hours=9))


def _kst(moment: datetime, sep: str = "T") -> str:
    """How the sandbox writes an instant (Korean time)."""
    return moment.astimezone(KST).strftime(f"%Y-%m-%d{sep}%H:%M:%S")


def _ship(market: Market, courier: str = "CJGLS", invoice: str = "555000000001") -> int:
    placed = market.instructed()
    box = placed.shipment_box_ids[0]
    result = market.client.orders.upload_invoices(
        [
            InvoiceLine(
                shipmentBoxId=box,
                orderId=placed.orderId,
                vendorItemId=item,
                deliveryCompanyCode=courier,
                invoiceNumber=invoice,
            )
            for item in market.items
        ]
    )
    assert result.all_succeeded, result.failed
    return box


def _sheet(client: Client, box: int) -> OrderSheet:
    return client.orders.get(box)


class TestPickupAndDelivery:
    @pytest.fixture
    def settings(self, db_url: str) -> SandboxSettings:
        return SandboxSettings(
            rate_limit_per_second=None,
            db_url=db_url,
            vendors=[VENDOR, OTHER],
            courier_pickup_seconds=PICKUP,
            courier_delivery_seconds=DELIVERY,
        )

    def test_pickup_is_due_exactly_after_the_configured_seconds(self, market: Market) -> None:
        box = _ship(market)
        client = market.client
        client.sandbox.clock.advance(PICKUP - 1)
        before = _sheet(client, box)
        assert before.status == "DEPARTURE" and before.inTrasitDateTime == ""
        client.sandbox.clock.advance(1)
        after = _sheet(client, box)
        assert after.status == "DELIVERING"
        # Stamped with the instant the pickup was due, not with the instant of the read.
        assert after.inTrasitDateTime == _kst(UPLOADED + timedelta(seconds=PICKUP), " ")
        assert after.deliveredDate == ""

    def test_delivery_follows_the_pickup_and_is_stamped_when_due(self, market: Market) -> None:
        box = _ship(market)
        client = market.client
        client.sandbox.clock.advance(PICKUP + 500)  # read late: the scan keeps its due time
        picked = _sheet(client, box)
        assert picked.status == "DELIVERING"
        assert picked.inTrasitDateTime == _kst(UPLOADED + timedelta(seconds=PICKUP), " ")
        # Delivery is due DELIVERY seconds after the pickup was due, not after the read.
        client.sandbox.clock.advance(DELIVERY - 501)
        assert _sheet(client, box).status == "DELIVERING"
        client.sandbox.clock.advance(1)
        done = _sheet(client, box)
        assert done.status == "FINAL_DELIVERY"
        assert done.deliveredDate == _kst(UPLOADED + timedelta(seconds=PICKUP + DELIVERY), " ")

    def test_both_scans_due_at_once_apply_in_one_read(self, market: Market) -> None:
        box = _ship(market)
        client = market.client
        client.sandbox.clock.advance(10 * DELIVERY)
        history = client.orders.history(box)
        statuses = [(d.deliveryStatus, d.updatedAt) for d in history.details]
        assert statuses[:3] == [
            ("FINAL_DELIVERY", _kst(UPLOADED + timedelta(seconds=PICKUP + DELIVERY))),
            ("DELIVERING", _kst(UPLOADED + timedelta(seconds=PICKUP))),
            ("DEPARTURE", _kst(UPLOADED)),
        ]
        sheet = _sheet(client, box)
        assert sheet.status == "FINAL_DELIVERY"
        # The safe numbers expire 5 days after the (due) delivery, which is long past.
        assert sheet.receiver is not None and sheet.receiver.safeNumber == ""

    def test_the_daily_list_sees_the_settled_status(self, market: Market) -> None:
        box = _ship(market)
        client = market.client
        day = (START + timedelta(hours=9)).date()
        assert [s.shipmentBoxId for s in client.orders.iter(day, day, status="DEPARTURE")] == [box]
        client.sandbox.clock.advance(PICKUP)
        assert list(client.orders.iter(day, day, status="DEPARTURE")) == []
        assert [s.shipmentBoxId for s in client.orders.iter(day, day, status="DELIVERING")] == [box]

    def test_the_control_view_settles_every_vendor(self, market: Market) -> None:
        box = _ship(market)
        placed_order = _sheet(market.client, box).orderId
        market.client.sandbox.clock.advance(PICKUP)
        # No seller read in between: the control API's view settles too.
        view = market.client.sandbox.orders.get(placed_order)
        assert [s.status for s in view.sheets] == ["DELIVERING"]

    def test_a_direct_shipment_is_never_scanned(self, market: Market) -> None:
        box = _ship(market, courier="DIRECT", invoice="7001")
        market.client.sandbox.clock.advance(10 * DELIVERY)
        assert _sheet(market.client, box).status == "NONE_TRACKING"

    def test_a_manual_pickup_replaces_the_automatic_one(self, market: Market) -> None:
        box = _ship(market)
        client = market.client
        client.sandbox.clock.advance(60)
        assert client.sandbox.courier.scan(box, "PICKUP").status == "DELIVERING"
        client.sandbox.clock.advance(PICKUP)
        sheet = _sheet(client, box)
        # The manual scan's instant stays; the automatic pickup no longer fires.
        assert sheet.inTrasitDateTime == _kst(UPLOADED + timedelta(seconds=60), " ")
        history = client.orders.history(box)
        assert [d.deliveryStatus for d in history.details].count("DELIVERING") == 1
        # Delivery is due DELIVERY seconds after the manual pickup.
        client.sandbox.clock.advance(DELIVERY - PICKUP - 1)
        assert _sheet(client, box).status == "DELIVERING"
        client.sandbox.clock.advance(1)
        done = _sheet(client, box)
        assert done.status == "FINAL_DELIVERY"
        assert done.deliveredDate == _kst(UPLOADED + timedelta(seconds=60 + DELIVERY), " ")

    def test_an_invoice_update_restarts_the_pickup_clock(self, market: Market) -> None:
        box = _ship(market)
        client = market.client
        order_id = _sheet(client, box).orderId
        client.sandbox.clock.advance(PICKUP - 100)
        result = client.orders.update_invoices(
            [
                InvoiceLine(
                    shipmentBoxId=box,
                    orderId=order_id,
                    vendorItemId=item,
                    deliveryCompanyCode="HANJIN",
                    invoiceNumber="777000000001",
                )
                for item in market.items
            ]
        )
        assert result.all_succeeded, result.failed
        client.sandbox.clock.advance(100)
        assert _sheet(client, box).status == "DEPARTURE"
        client.sandbox.clock.advance(PICKUP - 100)
        moved = _sheet(client, box)
        assert moved.status == "DELIVERING"
        assert moved.inTrasitDateTime == _kst(UPLOADED + timedelta(seconds=2 * PICKUP - 100), " ")


class TestPickupOnly:
    @pytest.fixture
    def settings(self, db_url: str) -> SandboxSettings:
        return SandboxSettings(
            rate_limit_per_second=None,
            db_url=db_url,
            vendors=[VENDOR, OTHER],
            courier_pickup_seconds=PICKUP,
        )

    def test_without_delivery_seconds_the_box_waits_in_delivering(self, market: Market) -> None:
        box = _ship(market)
        client = market.client
        client.sandbox.clock.advance(100 * DELIVERY)
        sheet = _sheet(client, box)
        assert sheet.status == "DELIVERING" and sheet.deliveredDate == ""
        assert client.sandbox.courier.scan(box, "DELIVERED").status == "FINAL_DELIVERY"


class TestDeliveryOnly:
    @pytest.fixture
    def settings(self, db_url: str) -> SandboxSettings:
        return SandboxSettings(
            rate_limit_per_second=None,
            db_url=db_url,
            vendors=[VENDOR, OTHER],
            courier_delivery_seconds=DELIVERY,
        )

    def test_no_automatic_pickup(self, market: Market) -> None:
        box = _ship(market)
        market.client.sandbox.clock.advance(100 * DELIVERY)
        assert _sheet(market.client, box).status == "DEPARTURE"

    def test_a_manual_pickup_is_followed_by_the_automatic_delivery(self, market: Market) -> None:
        box = _ship(market)
        client = market.client
        client.sandbox.courier.scan(box, "PICKUP")
        client.sandbox.clock.advance(DELIVERY)
        done = _sheet(client, box)
        assert done.status == "FINAL_DELIVERY"
        assert done.deliveredDate == _kst(UPLOADED + timedelta(seconds=DELIVERY), " ")


class TestOff:
    def test_by_default_nothing_moves_on_its_own(self, market: Market) -> None:
        box = _ship(market)
        # A key lives 180 days on the sandbox clock: give this one more than the year ahead.
        market.client.sandbox.vendors.set_key_policy(lifetime_days=400)
        market.client.sandbox.clock.advance(365 * 86400)
        assert _sheet(market.client, box).status == "DEPARTURE"
