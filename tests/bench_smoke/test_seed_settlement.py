"""The settlement benchmark's seeder (``benchmarks/settlement.py``) writes delivered orders and
completed returns the sandbox derives revenue from like its own: tiny sizes, served through
the real endpoint and walked page by page with the SDK, and shaped like the lines of an order
delivered and returned through the APIs."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from benchmarks.settlement import seed_delivered

from coupang_sandbox import SandboxSettings, create_app
from coupang_sandbox.app import close_app
from coupang_seller import Client
from tests.bench_smoke.test_seed_orders import differences, shape
from tests.integration.asgi_sync import SyncASGITransport
from tests.orders.conftest import START, VENDOR, open_market
from tests.products.conftest import catalog_module, make_client  # noqa: F401  (fixture)
from tests.settlement.conftest import delivered, returned

DAYS, PER_DAY = 40, 5


@pytest.fixture
def seeded(tmp_path: Path) -> Iterator[tuple[Client, Any]]:
    url = f"sqlite:///{tmp_path / 'settlement.sqlite3'}"
    result = seed_delivered(
        url, vendor_id=VENDOR[0], days=DAYS, per_day=PER_DAY, now=START, return_share=0.2
    )
    app = create_app(SandboxSettings(db_url=url, rate_limit_per_second=None, vendors=[VENDOR]))
    transport = SyncASGITransport(app)
    try:
        with make_client(VENDOR, transport) as client:
            yield client, result
    finally:
        transport.close()
        close_app(app)


def test_seeded_revenue_serves_like_placed_orders(
    seeded: tuple[Client, Any],
    catalog_module: Any,  # noqa: F811
) -> None:
    client, result = seeded
    assert result.orders == DAYS * PER_DAY and result.returns > 0
    client.sandbox.clock.set(START, freeze=True)
    begin = (START - timedelta(days=DAYS + 10)).date()
    lines = list(client.settlement.iter_revenue_history(begin, START.date(), max_per_page=7))
    kinds = [line.saleType for line in lines]
    assert kinds.count("SALE") == result.orders and kinds.count("REFUND") == result.returns
    days = [line.recognitionDate or "" for line in lines]
    assert days == sorted(days)
    # An order delivered and returned through the APIs gives lines of the same shape.
    market = open_market(client, catalog_module)
    placed = delivered(market, {market.items[0]: 2})
    client.sandbox.clock.advance(8 * 86400)
    returned(market, placed, {market.items[0]: 1}, "DEFECT")
    today = client.sandbox.clock.get().now.date()
    fresh = list(client.settlement.iter_revenue_history(today - timedelta(days=9), today))
    by_kind = {line.saleType: line for line in fresh if line.orderId == placed.orderId}
    seeded_by_kind = {line.saleType: line for line in lines}
    for kind in ("SALE", "REFUND"):
        left = shape(seeded_by_kind[kind].model_dump(mode="json"))
        right = shape(by_kind[kind].model_dump(mode="json"))
        assert differences(left, right) == [], kind
    # later orders continue the seeded numbering
    assert placed.orderId > max(line.orderId or 0 for line in lines)
