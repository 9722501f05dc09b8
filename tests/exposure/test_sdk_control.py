"""The SDK's ``client.sandbox.*`` through the exposure rules: it sends JSON with no ``Origin``,
so it passes from loopback; from a remote peer it gets the typed 403, naming the rule."""

from __future__ import annotations

import httpx
import pytest
from starlette.applications import Starlette

from coupang_seller import AsyncClient, PermissionDeniedError
from coupang_seller._ratelimit import CircuitBreaker, RateLimiterRegistry
from tests.exposure.conftest import VENDOR


class Recording(httpx.ASGITransport):
    """The ASGI transport, keeping every request it sent."""

    def __init__(self, app: Starlette, peer: str, seen: list[httpx.Request]) -> None:
        super().__init__(app=app, client=(peer, 40000))
        self.seen = seen

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.seen.append(request)
        return await super().handle_async_request(request)


def _client(app: Starlette, peer: str, seen: list[httpx.Request]) -> AsyncClient:
    transport = Recording(app, peer, seen)
    return AsyncClient(
        VENDOR[1],
        VENDOR[2],
        VENDOR[0],
        base_url="http://127.0.0.1:8089",
        transport=transport,
        rate_limiters=RateLimiterRegistry(),
        circuit_breaker=CircuitBreaker(),
    )


async def test_the_sdk_control_calls_pass_from_loopback(app: Starlette) -> None:
    seen: list[httpx.Request] = []
    async with _client(app, "127.0.0.1", seen) as client:
        before = await client.sandbox.clock.get()
        after = await client.sandbox.clock.advance(3600)
        await client.sandbox.reset(keep_vendors=True)
    assert (after.now - before.now).total_seconds() >= 3600
    assert {r.headers["content-type"] for r in seen} == {"application/json;charset=UTF-8"}
    assert not any("origin" in r.headers for r in seen)


async def test_the_sdk_gets_a_typed_refusal_from_a_remote_peer(app: Starlette) -> None:
    async with _client(app, "10.20.30.40", []) as client:
        with pytest.raises(PermissionDeniedError) as refused:
            await client.sandbox.reset()
    assert refused.value.status_code == 403
    assert "loopback" in str(refused.value)
