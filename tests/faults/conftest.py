"""Fixtures of the fault tests: the order tests' sandbox, SDK clients and market (reused as
is), a control-API client and a hand-signed raw client over the same in-process transport, and
an app wrapper that records the fault each request was given (``scope["state"]["fault"]``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette
from starlette.types import Receive, Scope, Send

from coupang_sandbox import SandboxSettings
from tests.integration.asgi_sync import SyncASGITransport
from tests.orders.conftest import market  # noqa: F401  (a fixture, registered by import)
from tests.products.conftest import (  # noqa: F401  (fixtures, registered by import)
    OTHER,
    VENDOR,
    RawApi,
    aclient,
    app,
    catalog_module,
    client,
    other_client,
)

OUTBOUND = "/v2/providers/marketplace_openapi/apis/api/v2/vendor/shipping-place/outbound"
#: A read every vendor may make (its outbound places; none yet).
LIST = f"{OUTBOUND}?pageNum=1&pageSize=10"
#: The gateway timeout the tests run with (Coupang's is 3 s).
GATEWAY_TIMEOUT = 0.3


@pytest.fixture
def settings(db_url: str) -> SandboxSettings:
    return SandboxSettings(
        rate_limit_per_second=None,
        db_url=db_url,
        vendors=[VENDOR, OTHER],
        gateway_timeout_seconds=GATEWAY_TIMEOUT,
    )


class FaultRecorder:
    """Wraps the app: remembers ``scope["state"]["fault"]`` of every request it served."""

    def __init__(self, inner: Starlette) -> None:
        self.app = inner
        self.state = inner.state
        self.seen: list[str | None] = []

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        scope.setdefault("state", {})
        try:
            await self.app(scope, receive, send)
        finally:
            if not scope["path"].startswith("/_sandbox"):
                self.seen.append(scope["state"].get("fault"))


@pytest.fixture
def recorder(app: Starlette) -> FaultRecorder:  # noqa: F811
    return FaultRecorder(app)


@pytest.fixture
def transport(recorder: FaultRecorder) -> Iterator[SyncASGITransport]:
    t = SyncASGITransport(recorder)
    try:
        yield t
    finally:
        t.close()


@pytest.fixture
def http(transport: SyncASGITransport) -> Iterator[httpx.Client]:
    with httpx.Client(transport=transport, base_url="http://127.0.0.1") as c:
        yield c


@pytest.fixture
def raw(http: httpx.Client) -> RawApi:
    return RawApi(http, VENDOR)


@pytest.fixture
def control(http: httpx.Client) -> Control:
    return Control(http)


class Control:
    """The fault rules' control API, answers checked."""

    def __init__(self, http: httpx.Client) -> None:
        self.http = http

    def add(self, **rule: Any) -> dict[str, Any]:
        response = self.http.post("/_sandbox/faults", json=rule)
        assert response.status_code == 200, response.text
        data: dict[str, Any] = response.json()["data"]
        return data

    def refused(self, **rule: Any) -> list[tuple[str, str]]:
        response = self.http.post("/_sandbox/faults", json=rule)
        assert response.status_code == 400, response.text
        return [(e["field"], e["rule"]) for e in response.json()["errors"]]

    def rules(self) -> list[dict[str, Any]]:
        response = self.http.get("/_sandbox/faults")
        assert response.status_code == 200, response.text
        rules: list[dict[str, Any]] = response.json()["data"]["faults"]
        return rules

    def hits(self) -> list[int]:
        return [rule["hits"] for rule in self.rules()]


__all__ = ["GATEWAY_TIMEOUT", "LIST", "OTHER", "OUTBOUND", "VENDOR", "Control", "FaultRecorder"]
