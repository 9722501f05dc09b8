"""Timed courier pickup (``SandboxSettings.return_pickup_seconds``) on the sandbox clock,
applied lazily on read and stamped with the instant it was due."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from coupang_sandbox import SandboxSettings
from tests.returns.conftest import OTHER, VENDOR, Market, manual_items, request_return, shipped

TODAY = date(2025, 7, 15)


@pytest.fixture
def settings(db_url: str) -> SandboxSettings:
    return SandboxSettings(
        rate_limit_per_second=None, db_url=db_url, vendors=[VENDOR, OTHER],
        return_pickup_seconds=3600,
    )  # fmt: skip


def test_auto_pickup_happens_on_the_sandbox_clock(market: Market) -> None:
    client = market.client
    first, second = market.items
    items = manual_items(market)
    other = shipped(market, {items[0]: 1})
    placed = shipped(market, {first: 1, second: 1})
    manual = request_return(market, other, {items[0]: 1})
    receipt = request_return(market, placed, {first: 1})
    client.sandbox.clock.advance(3599)
    assert client.returns.get(receipt).receiptStatus == "RETURNS_UNCHECKED"
    client.sandbox.clock.advance(2)
    done = client.returns.get(receipt)
    assert done.receiptStatus == "RETURNS_COMPLETED" and done.preRefund is True
    view = client.sandbox.returns.get(receipt)
    created = datetime.fromisoformat(str(done.createdAt))
    # Stamped with the instant it was due, not the instant of the read.
    assert datetime.fromisoformat(view.pickedUpAt) == created + timedelta(hours=1)
    # No auto pickup without a return center: still waiting for the seller's invoice.
    assert client.returns.get(manual).receiptStatus == "RETURNS_UNCHECKED"
    # A stop-shipment request shipped anyway is picked up an hour after it became a return.
    stop = market.instructed({second: 1})
    asked = client.sandbox.orders.request_cancel(stop.orderId)
    rid = asked.receipts[0].receiptId
    assert client.returns.get(rid).receiptStatus == "RELEASE_STOP_UNCHECKED"
    client.orders.mark_already_shipped(
        rid, delivery_company_code="CJGLS", invoice_number="800000000001"
    )
    assert client.returns.get(rid).receiptStatus == "RETURNS_UNCHECKED"
    client.sandbox.clock.advance(3601)
    assert client.returns.get(rid).receiptStatus == "RETURNS_COMPLETED"
