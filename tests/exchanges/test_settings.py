"""``SandboxSettings.exchange_new_box_after_seconds`` sets when the new box appears."""

from __future__ import annotations

import pytest

from coupang_sandbox import SandboxSettings
from tests.exchanges.conftest import OTHER, VENDOR, Market, deliver


@pytest.fixture
def settings(db_url: str) -> SandboxSettings:
    return SandboxSettings(
        rate_limit_per_second=None, db_url=db_url, vendors=[VENDOR, OTHER],
        exchange_new_box_after_seconds=60,
    )  # fmt: skip


def test_new_box_delay_follows_settings(market: Market) -> None:
    client = market.client
    order = deliver(market)
    asked = client.sandbox.exchanges.request(order.order_id, order.items[0])
    client.exchanges.confirm_receipt(asked.exchangeId)
    client.sandbox.clock.advance(59)
    assert client.sandbox.exchanges.get(asked.exchangeId).new_shipment_box_id is None
    client.sandbox.clock.advance(1)
    assert client.sandbox.exchanges.get(asked.exchangeId).new_shipment_box_id is not None
