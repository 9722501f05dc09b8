"""Fixtures of the sandbox tests: an app per store backend (SQLite, PostgreSQL)."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
from sandbox_helpers import VENDOR_A, VENDOR_B, Api
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from starlette.applications import Starlette

from coupang_sandbox import SandboxSettings, create_app
from coupang_sandbox.app import close_app

PG_URL_ENV = "COUPANG_SANDBOX_TEST_PG_URL"
REQUIRE_PG_ENV = "COUPANG_REQUIRE_POSTGRES"


# -- store backends ----------------------------------------------------------------------------


def _postgres_url() -> str:
    url = os.environ.get(PG_URL_ENV)
    required = os.environ.get(REQUIRE_PG_ENV) == "1"
    if not url:
        if required:
            pytest.fail(f"{REQUIRE_PG_ENV}=1 but {PG_URL_ENV} is not set")
        pytest.skip(f"{PG_URL_ENV} not set")
    return url


@pytest.fixture
def pg_schema_url() -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a fresh schema, dropped afterwards."""
    base = _postgres_url()
    schema = f"sbx_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as exc:  # noqa: BLE001
        admin.dispose()
        if os.environ.get(REQUIRE_PG_ENV) == "1":
            pytest.fail(f"PostgreSQL at {base} is unreachable: {exc}")
        pytest.skip(f"PostgreSQL unreachable: {exc}")
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Any) -> str:
    if request.param == "sqlite":
        return "sqlite:///:memory:"
    url: str = request.getfixturevalue("pg_schema_url")
    return url


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
    async with httpx.AsyncClient(transport=transport, base_url="http://sandbox") as client:
        yield client


@pytest.fixture
def api(http: httpx.AsyncClient) -> Api:
    return Api(http)


@pytest.fixture
def api_b(http: httpx.AsyncClient) -> Api:
    return Api(http, VENDOR_B)
