"""Fixtures of the request-log tests: a sandbox app per store backend (SQLite, PostgreSQL),
reached through real HTTP request objects (``httpx.ASGITransport``) by the SDK and by a
plain httpx client signing with the SDK's CEA auth."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from coupang_sandbox import SandboxSettings, create_app
from coupang_sandbox.app import close_app
from coupang_seller import AsyncClient
from coupang_seller._auth import CEAAuth
from coupang_seller._ratelimit import CircuitBreaker, RateLimiterRegistry

VENDOR = ("A00012345", "ak-log-one", "sk-log-one-0123456789abcdef")
OTHER = ("A00099999", "ak-log-two", "sk-log-two-0123456789abcdef")
LIST_PATH = "/v2/providers/marketplace_openapi/apis/api/v2/vendor/shipping-place/outbound"
BASE = "http://127.0.0.1"

MakeApp = Callable[..., Starlette]


@pytest.fixture
def make_app(db_url: str) -> Iterator[MakeApp]:
    """``make_app(**settings)``: a sandbox on this test's store, closed afterwards."""
    made: list[Starlette] = []

    def build(**settings: Any) -> Starlette:
        values: dict[str, Any] = {
            "db_url": db_url,
            "vendors": [VENDOR, OTHER],
            "rate_limit_per_second": None,
        }
        values.update(settings)
        app = create_app(SandboxSettings(**values))
        made.append(app)
        return app

    try:
        yield build
    finally:
        for app in made:
            close_app(app)


@pytest.fixture
def app(make_app: MakeApp) -> Starlette:
    return make_app()


def sdk(app: Starlette, vendor: tuple[str, str, str] = VENDOR, **options: Any) -> AsyncClient:
    """The async SDK client of ``vendor`` on ``app`` (its own limiter and breaker)."""
    return AsyncClient(
        vendor[1],
        vendor[2],
        vendor[0],
        base_url=BASE,
        user_id="wing-user",
        transport=httpx.ASGITransport(app=app),
        rate_limiters=RateLimiterRegistry(),
        circuit_breaker=CircuitBreaker(),
        **options,
    )


@pytest.fixture
async def client(app: Starlette) -> AsyncIterator[AsyncClient]:
    async with sdk(app) as c:
        yield c


@pytest.fixture
async def http(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    """A plain client, unsigned (the control API, hand-made requests)."""
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url=BASE) as c:
        yield c


def signer(vendor: tuple[str, str, str] = VENDOR, *, secret: str | None = None) -> CEAAuth:
    """The CEA signature of ``vendor`` (with another ``secret``: a wrong signature)."""
    return CEAAuth(vendor[1], secret or vendor[2])
