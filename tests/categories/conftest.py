"""Fixtures of the category tests.

* ``api``: signed HTTP requests to an in-process sandbox (SQLite in memory), with a CEA signer
  written here from the documented algorithm rather than borrowed from the SDK.
* ``client`` / ``aclient``: the SDK against the sandbox, from ``tests/integration/conftest.py``.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from coupang_sandbox import SandboxSettings, create_app
from coupang_sandbox.app import close_app
from tests.integration.conftest import (  # noqa: F401 -- fixtures reused by the SDK tests
    aclient,
    app,
    client,
    transport,
)

VENDOR_ID, ACCESS_KEY, SECRET_KEY = "A00054321", "cat-access", "cat-secret-0123456789"
OTHER_VENDOR = "A00098765"
SELLER = "/v2/providers/seller_api/apis/api/v1/marketplace"
OPENAPI = "/v2/providers/openapi/apis/api"
TREE_URL = f"{SELLER}/meta/display-categories"
PREDICT_URL = f"{OPENAPI}/v1/categorization/predict"


def category_url(code: object) -> str:
    return f"{SELLER}/meta/display-categories/{code}"


def status_url(code: object) -> str:
    return f"{category_url(code)}/status"


def meta_url(code: object) -> str:
    return f"{SELLER}/meta/category-related-metas/display-category-codes/{code}"


def meta_by_id_url(code: object) -> str:
    return f"{SELLER}/meta/categories/{code}"


def agreement_url(vendor_id: str = VENDOR_ID) -> str:
    return f"{SELLER}/vendors/{vendor_id}/check-auto-category-agreed"


@dataclass
class SignedApi:
    """Signs each request like the docs say: HMAC-SHA256 over date + method + path + query."""

    http: httpx.AsyncClient

    async def request(
        self, method: str, url: str, *, sign: bool = True, **kwargs: Any
    ) -> httpx.Response:
        request = self.http.build_request(method, url, **kwargs)
        if sign:
            path, _, query = request.url.raw_path.decode("ascii").partition("?")
            signed_date = datetime.now(UTC).strftime("%y%m%dT%H%M%SZ")
            message = f"{signed_date}{method}{path}{query}".encode()
            signature = hmac.new(SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()
            request.headers["Authorization"] = (
                f"CEA algorithm=HmacSHA256, access-key={ACCESS_KEY}, "
                f"signed-date={signed_date}, signature={signature}"
            )
        return await self.http.send(request)

    async def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return await self.request("GET", url, **kwargs)

    async def post(self, url: str, **kwargs: Any) -> httpx.Response:
        return await self.request("POST", url, **kwargs)


@pytest.fixture
def category_app() -> Iterator[Starlette]:
    application = create_app(
        SandboxSettings(
            db_url="sqlite:///:memory:",
            vendors=[(VENDOR_ID, ACCESS_KEY, SECRET_KEY)],
            rate_limit_per_second=None,
        )
    )
    try:
        yield application
    finally:
        close_app(application)


@pytest.fixture
async def api(category_app: Starlette) -> AsyncIterator[SignedApi]:
    asgi = httpx.ASGITransport(app=category_app)
    async with httpx.AsyncClient(transport=asgi, base_url="http://127.0.0.1") as http:
        yield SignedApi(http)
