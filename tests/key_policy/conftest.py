"""Fixtures of the key-policy tests: a sandbox app (SQLite and PostgreSQL) on a frozen clock,
and SDK clients that call it from a chosen peer address (the ASGI scope's ``client``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import httpx
import pytest
from starlette.applications import Starlette

from coupang_sandbox import SandboxSettings, create_app
from coupang_sandbox.app import close_app
from coupang_seller import AsyncClient, Client
from coupang_seller._ratelimit import CircuitBreaker, RateLimiterRegistry
from tests.integration.asgi_sync import SyncASGITransport

#: A vendor seeded from the settings: its key is dated at its first signed use.
SEEDED = ("A00071001", "ak-key-policy", "sk-key-policy-0123456789")
START = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
DAY = 86400


class PeerTransport(SyncASGITransport):
    """The sync ASGI transport, with the request coming from ``peer`` (the scope's client)."""

    def __init__(self, app: Starlette, peer: str) -> None:
        super().__init__(app)
        self._inner = httpx.ASGITransport(app=app, client=(peer, 50123))


@pytest.fixture
def app(db_url: str) -> Iterator[Starlette]:
    settings = SandboxSettings(db_url=db_url, vendors=[SEEDED], rate_limit_per_second=None)
    application = create_app(settings)
    try:
        yield application
    finally:
        close_app(application)


ClientFactory = Callable[..., Client]


@pytest.fixture
def make_client(app: Starlette) -> Iterator[ClientFactory]:
    """``make_client(vendor=SEEDED, peer="127.0.0.1")``: an SDK client of ``vendor`` calling
    from ``peer`` (closed after the test)."""
    made: list[Client] = []

    def make(vendor: tuple[str, str, str] = SEEDED, peer: str = "127.0.0.1") -> Client:
        client = Client(
            vendor[1],
            vendor[2],
            vendor[0],
            base_url="http://127.0.0.1",
            transport=PeerTransport(app, peer),
            rate_limit=None,
            max_retries=0,
            rate_limiters=RateLimiterRegistry(),
            circuit_breaker=CircuitBreaker(),
        )
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()


def make_async_client(
    app: Starlette, vendor: tuple[str, str, str] = SEEDED, peer: str = "127.0.0.1"
) -> AsyncClient:
    """An async SDK client of ``vendor`` calling from ``peer`` (use it in ``async with``)."""
    return AsyncClient(
        vendor[1],
        vendor[2],
        vendor[0],
        base_url="http://127.0.0.1",
        transport=httpx.ASGITransport(app=app, client=(peer, 50124)),
        rate_limit=None,
        max_retries=0,
        rate_limiters=RateLimiterRegistry(),
        circuit_breaker=CircuitBreaker(),
    )


@pytest.fixture
def client(make_client: ClientFactory) -> Client:
    """The seeded vendor's client from 127.0.0.1, with the sandbox clock frozen at START."""
    seller = make_client()
    seller.sandbox.clock.set(START, freeze=True)
    return seller
