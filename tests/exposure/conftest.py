"""Fixtures of the control-API exposure tests: a sandbox app reached through real HTTP
request objects (``httpx.ASGITransport``), from a chosen peer address and base URL."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager

import httpx
import pytest
from starlette.applications import Starlette

from coupang_sandbox import SandboxSettings, create_app
from coupang_sandbox.app import close_app
from coupang_seller._auth import CEAAuth

VENDOR = ("A00012345", "ak-exposure", "sk-exposure-0123456789")
#: A vendor minted through the control API: a reset wipes it (seeded vendors stay).
MINTED = {"vendorId": "A00077777", "accessKey": "ak-minted", "secretKey": "sk-minted-0123456789"}
LIST_PATH = "/v2/providers/marketplace_openapi/apis/api/v2/vendor/shipping-place/outbound"
LOCAL = "http://127.0.0.1"
EVIL = "http://evil.example"

Connect = Callable[..., AbstractAsyncContextManager[httpx.AsyncClient]]


def make_app(**settings: object) -> Starlette:
    """A sandbox on an in-memory store with :data:`VENDOR` and no gateway throttle."""
    return create_app(
        SandboxSettings(
            db_url="sqlite:///:memory:",
            vendors=[VENDOR],
            rate_limit_per_second=None,
            **settings,  # type: ignore[arg-type]
        )
    )


@pytest.fixture
def app() -> Iterator[Starlette]:
    application = make_app()
    try:
        yield application
    finally:
        close_app(application)


def connector(app: Starlette) -> Connect:
    """``connect(peer=..., base_url=..., auth=...)``: a client whose requests come from ``peer``."""

    @asynccontextmanager
    async def connect(
        *,
        peer: str = "127.0.0.1",
        base_url: str = LOCAL,
        auth: httpx.Auth | None = None,
    ) -> AsyncIterator[httpx.AsyncClient]:
        transport = httpx.ASGITransport(app=app, client=(peer, 43210))
        async with httpx.AsyncClient(transport=transport, base_url=base_url, auth=auth) as client:
            yield client

    return connect


@pytest.fixture
def connect(app: Starlette) -> Connect:
    return connector(app)


@pytest.fixture
async def local(connect: Connect) -> AsyncIterator[httpx.AsyncClient]:
    """A loopback client on ``http://127.0.0.1`` (what the SDK and the CLI look like)."""
    async with connect() as client:
        yield client


async def minted_vendor_works(connect: Connect) -> bool:
    """Does a signed call with the minted vendor's keys still pass (no reset since)?"""
    auth = CEAAuth(MINTED["accessKey"], MINTED["secretKey"])
    async with connect(auth=auth) as signed:
        answer = await signed.get(LIST_PATH, params={"pageNum": 1, "pageSize": 10})
    return answer.status_code == 200


def refusal(response: httpx.Response, status: int, field: str, rule: str) -> str:
    """Assert Coupang's envelope refusing ``field`` under ``rule``; its message."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["code"] == status
    assert [(e["field"], e["rule"]) for e in body["errors"]] == [(field, rule)], body
    message: str = body["message"]
    return message
