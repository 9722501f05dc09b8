"""Fixtures of the sandbox tests: an app per store backend (SQLite, PostgreSQL)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from sandbox_helpers import VENDOR_A, VENDOR_B, Api
from starlette.applications import Starlette

from coupang_sandbox import SandboxSettings, create_app
from coupang_sandbox.app import close_app

# The store backends (``db_url``: SQLite and PostgreSQL) come from tests/conftest.py.


@pytest.fixture
def settings(db_url: str) -> SandboxSettings:
    return SandboxSettings(rate_limit_per_second=None, db_url=db_url, vendors=[VENDOR_A, VENDOR_B])


@pytest.fixture
def app(settings: SandboxSettings) -> Iterator[Starlette]:
    application = create_app(settings)
    try:
        yield application
    finally:
        close_app(application)


@pytest.fixture
async def http(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
        yield client


@pytest.fixture
def api(http: httpx.AsyncClient) -> Api:
    return Api(http)


@pytest.fixture
def api_b(http: httpx.AsyncClient) -> Api:
    return Api(http, VENDOR_B)
