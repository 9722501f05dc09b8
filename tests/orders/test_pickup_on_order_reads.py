"""The timed automatic return pickup (``return_pickup_seconds``) is applied when order sheets
are read too: a quick-refund return completes at its pickup and the order sheet counts the
returned quantity as cancelled, whichever of the two the seller reads first."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

import pytest

from coupang_sandbox import SandboxSettings
from coupang_seller import Client
from coupang_seller.types.orders import OrderSheet
from tests.orders.after_sales import OTHER, VENDOR, Market, request_return, shipped

TODAY = date(2025, 7, 15)
HOUR = 3600


@pytest.fixture
def settings(db_url: str) -> SandboxSettings:
    return SandboxSettings(
        rate_limit_per_second=None, db_url=db_url, vendors=[VENDOR, OTHER],
        return_pickup_seconds=HOUR,
    )  # fmt: skip


def _cancelled(sheet: OrderSheet, vendor_item_id: int) -> int:
    return sum(i.cancelCount or 0 for i in sheet.orderItems if i.vendorItemId == vendor_item_id)


Read = Callable[[Client, int, int], OrderSheet]


def _one(client: Client, box: int, order: int) -> OrderSheet:
    return client.orders.get(box)


def _one_v4(client: Client, box: int, order: int) -> OrderSheet:
    return client.orders.get(box, version="v4")


def _by_order(client: Client, box: int, order: int) -> OrderSheet:
    return next(s for s in client.orders.by_order_id(order) if s.shipmentBoxId == box)


def _daily(client: Client, box: int, order: int) -> OrderSheet:
    sheets = client.orders.iter(TODAY, TODAY, status="DEPARTURE")
    return next(s for s in sheets if s.shipmentBoxId == box)


READS: dict[str, Read] = {"one": _one, "one_v4": _one_v4, "by_order": _by_order, "daily": _daily}


@pytest.mark.parametrize("read", list(READS))
def test_order_read_first_applies_the_due_pickup(market: Market, read: str) -> None:
    client = market.client
    first, second = market.items
    placed = shipped(market, {first: 2, second: 1})
    box = placed.shipment_box_ids[0]
    receipt = request_return(market, placed, {first: 1})
    client.sandbox.clock.advance(HOUR - 1)
    assert _cancelled(READS[read](client, box, placed.orderId), first) == 0
    client.sandbox.clock.advance(2)
    # The order sheet is read before anything of the return.
    sheet = READS[read](client, box, placed.orderId)
    assert _cancelled(sheet, first) == 1 and _cancelled(sheet, second) == 0
    done = client.returns.get(receipt)
    assert done.receiptStatus == "RETURNS_COMPLETED" and done.preRefund is True
    # Stamped with the instant it was due, not the instant of the read.
    picked = datetime.fromisoformat(client.sandbox.returns.get(receipt).pickedUpAt)
    assert picked == datetime.fromisoformat(str(done.createdAt)) + timedelta(seconds=HOUR)


def test_control_order_view_applies_the_due_pickup(market: Market) -> None:
    client = market.client
    first = market.items[0]
    placed = shipped(market, {first: 1})
    receipt = request_return(market, placed, {first: 1})
    client.sandbox.clock.advance(HOUR + 1)
    view = client.sandbox.orders.get(placed.orderId)
    [found] = [x for x in view.receipts if x.receiptId == receipt]
    assert found.receiptStatus == "RETURNS_COMPLETED"
    assert view.sheets[0].orderItems[0].cancelCount == 1
