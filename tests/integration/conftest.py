"""SDK -> sandbox through real HTTP request/response objects (in-process ASGI transports)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from starlette.applications import Starlette

from coupang_sandbox import SandboxSettings, create_app
from coupang_sandbox.app import close_app
from coupang_seller import AsyncClient, Client
from coupang_seller._ratelimit import CircuitBreaker, RateLimiterRegistry
from tests.integration.asgi_sync import SyncASGITransport

VENDOR = ("A00011111", "ak-vendor-one", "sk-vendor-one-0123456789")
OTHER = ("A00022222", "ak-vendor-two", "sk-vendor-two-0123456789")
USER = "wing-user"


@pytest.fixture
def app(db_url: str) -> Iterator[Starlette]:
    application = create_app(
        SandboxSettings(rate_limit_per_second=None, db_url=db_url, vendors=[VENDOR, OTHER])
    )
    try:
        yield application
    finally:
        close_app(application)


def _client(
    app: Starlette, vendor: tuple[str, str, str], transport: SyncASGITransport, **kw: object
) -> Client:
    return Client(
        vendor[1],
        vendor[2],
        vendor[0],
        base_url="http://127.0.0.1",
        user_id=USER,
        transport=transport,
        rate_limiters=RateLimiterRegistry(),
        circuit_breaker=CircuitBreaker(),
        **kw,  # type: ignore[arg-type]
    )


@pytest.fixture
def transport(app: Starlette) -> Iterator[SyncASGITransport]:
    t = SyncASGITransport(app)
    try:
        yield t
    finally:
        t.close()


@pytest.fixture
def client(app: Starlette, transport: SyncASGITransport) -> Iterator[Client]:
    with _client(app, VENDOR, transport) as c:
        yield c


@pytest.fixture
def other_client(app: Starlette, transport: SyncASGITransport) -> Iterator[Client]:
    with _client(app, OTHER, transport) as c:
        yield c


@pytest.fixture
async def aclient(app: Starlette) -> AsyncIterator[AsyncClient]:
    async with AsyncClient(
        VENDOR[1],
        VENDOR[2],
        VENDOR[0],
        base_url="http://127.0.0.1",
        user_id=USER,
        transport=httpx.ASGITransport(app=app),
        rate_limiters=RateLimiterRegistry(),
        circuit_breaker=CircuitBreaker(),
    ) as c:
        yield c
