"""Fixtures of the sync tests: a real sandbox (in-process ASGI, SQLite in memory) with an
approved product, SDK clients over it, and a sync store per backend (a SQLite file and a
PostgreSQL schema) whose sync follows the sandbox's clock."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from coupang_sandbox import SandboxSettings, create_app
from coupang_sandbox.app import close_app
from coupang_seller import Client
from coupang_seller.types.orders import ORDER_SHEET_STATUSES
from coupang_sync import Credentials, Sync, generate_key
from tests.integration.asgi_sync import SyncASGITransport
from tests.products.conftest import catalog_module, make_client, open_shop  # noqa: F401

VENDOR = ("A00077777", "ak-sync-one", "sk-sync-one-0123456789-SECRET")
#: 14:00 KST, so minute and day windows are deterministic.
START = datetime(2025, 7, 15, 5, 0, tzinfo=UTC)


@pytest.fixture
def app() -> Iterator[Starlette]:
    application = create_app(
        SandboxSettings(rate_limit_per_second=None, db_url="sqlite:///:memory:", vendors=[VENDOR])
    )
    try:
        yield application
    finally:
        close_app(application)


@pytest.fixture
def transport(app: Starlette) -> Iterator[SyncASGITransport]:
    t = SyncASGITransport(app)
    try:
        yield t
    finally:
        t.close()


@pytest.fixture
def client(transport: SyncASGITransport) -> Iterator[Client]:
    with make_client(VENDOR, transport) as c:
        yield c


@dataclass
class Market:
    """The seller's approved items, and the customer's and courier's hands (control API)."""

    client: Client
    items: list[int]

    def order(self, **kw: Any) -> list[int]:
        placed = self.client.sandbox.orders.place({self.items[0]: 1, self.items[1]: 2}, **kw)
        return [int(b) for b in placed.shipment_box_ids]

    def advance(self, seconds: float) -> None:
        self.client.sandbox.clock.advance(seconds)

    def visible_boxes(self) -> dict[str, str]:
        """Every box the seller can list now, by id, with its status (the sandbox's truth)."""
        found: dict[str, str] = {}
        now = self.client.sandbox.clock.get().now
        for status in ORDER_SHEET_STATUSES:
            for sheet in self.client.orders.iter(
                START.date().replace(day=1), now.date(), status=status
            ):
                found[str(sheet.shipmentBoxId)] = sheet.status
        return found


@pytest.fixture
def market(client: Client, catalog_module: Any) -> Market:  # noqa: F811
    client.sandbox.clock.set(START, freeze=True)
    shop = open_shop(client, catalog_module)
    _, items = shop.approved(sku="SYNC-SKU")
    for item in items:
        client.products.update_quantity(item, quantity=99_999)
    return Market(client, items)


@pytest.fixture
def sync_key(monkeypatch: pytest.MonkeyPatch) -> str:
    key = generate_key()
    monkeypatch.setenv("COUPANG_SYNC_KEY", key)
    return key


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def sync_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'sync.db'}"
    url: str = request.getfixturevalue("pg_schema_url")
    return url


class Shared(httpx.BaseTransport):
    """The test's transport, lent to each client the sync builds (and closes) per run."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner = inner

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self.inner.handle_request(request)

    def close(self) -> None:
        pass


@pytest.fixture
def factory(transport: SyncASGITransport) -> Callable[[str, Credentials, str | None], Client]:
    def build(vendor_id: str, credentials: Credentials, _base: str | None) -> Client:
        return make_client(
            (vendor_id, credentials.access_key, credentials.secret_key), Shared(transport)
        )

    return build


@pytest.fixture
def open_sync(
    sync_url: str, sync_key: str, factory: Callable[[str, Credentials, str | None], Client]
) -> Iterator[Callable[..., Sync]]:
    opened: list[Sync] = []

    def make(**kw: Any) -> Sync:
        kw.setdefault("clock", "sandbox")
        kw.setdefault("client_factory", factory)
        sync = Sync(sync_url, **kw)
        opened.append(sync)
        return sync

    yield make
    for sync in opened:
        sync.close()


@pytest.fixture
def sync(open_sync: Callable[..., Sync], market: Market) -> Sync:
    s = open_sync()
    s.add_vendor(VENDOR[0], VENDOR[1], VENDOR[2], since=START)
    return s
