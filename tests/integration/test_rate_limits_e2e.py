"""SDK rate limiter and circuit breaker against the sandbox's emulated gateway throttle."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from starlette.applications import Starlette

from coupang_sandbox import SandboxSettings, create_app
from coupang_sandbox.app import close_app
from coupang_seller import CircuitOpenError, Client, RateLimitError
from coupang_seller._ratelimit import CircuitBreaker, RateLimiterRegistry
from tests.integration.asgi_sync import SyncASGITransport
from tests.integration.conftest import VENDOR

RATE = 20.0


@pytest.fixture
def throttled_app() -> Iterator[Starlette]:
    app = create_app(
        SandboxSettings(
            db_url="sqlite:///:memory:",
            vendors=[VENDOR],
            rate_limit_per_second=RATE,
            rate_limit_block_seconds=30,
        )
    )
    try:
        yield app
    finally:
        close_app(app)


def _client(app: Starlette, transport: SyncASGITransport, rate: float | None) -> Client:
    return Client(
        VENDOR[1],
        VENDOR[2],
        VENDOR[0],
        base_url="http://127.0.0.1",
        transport=transport,
        rate_limit=rate,
        max_retries=0,
        rate_limiters=RateLimiterRegistry(),
        circuit_breaker=CircuitBreaker(),
    )


def test_sdk_limiter_keeps_under_the_gateway_limit(throttled_app: Starlette) -> None:
    with (
        SyncASGITransport(throttled_app) as transport,
        _client(throttled_app, transport, RATE) as client,
    ):
        for _ in range(int(RATE * 2)):
            client.outbound_shipping_places.list(
                page_size=10
            )  # would raise RateLimitError on a 429


def test_unthrottled_client_is_blocked_then_stops_calling(throttled_app: Starlette) -> None:
    with (
        SyncASGITransport(throttled_app) as transport,
        _client(throttled_app, transport, None) as client,
    ):
        with pytest.raises(RateLimitError) as info:
            for _ in range(int(RATE * 3)):
                client.outbound_shipping_places.list(page_size=10)
        assert info.value.status_code == 429
        assert info.value.retry_after is not None and info.value.retry_after >= 29
        with pytest.raises(CircuitOpenError):
            client.outbound_shipping_places.list(page_size=10)
