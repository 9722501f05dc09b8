"""The Rocket Growth limit of 50 calls a minute per vendor, on both sides.

Sandbox: a second throttle for the ``rg_open_api`` paths, on a fake monotonic clock injected
into the app: the 51st call within 60 s answers 429 with ``Retry-After`` in the gateway's
envelope; other vendors and other paths are not counted; a call is allowed again once the
oldest leaves the window. SDK: a keyed bucket paces RG calls at one per 1.25 s per vendor (and
not the other calls), measured with an injected clock and a fake sleep (no real waiting); a
paced client never meets the sandbox's 429.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import httpx
import pytest
from starlette.applications import Starlette

from coupang_sandbox import SandboxSettings, create_app
from coupang_sandbox.app import close_app
from coupang_sandbox.throttle import WindowThrottle
from coupang_seller import Client, RateLimitError
from coupang_seller._ratelimit import (
    RG_LIMIT_PER_MINUTE,
    RG_RATE_PER_SECOND,
    CircuitBreaker,
    RateLimiterRegistry,
    scope_for_path,
)
from tests.integration.asgi_sync import SyncASGITransport
from tests.rocket_growth.conftest import OTHER, VENDOR, RawApi

BASE = "/v2/providers/rg_open_api/apis/api/v1/vendors/{}/rg"
DAY = {"paidDateFrom": "20250701", "paidDateTo": "20250715"}


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    sleeps: list[float]


@pytest.fixture
def clock() -> FakeClock:
    fake = FakeClock()
    fake.sleeps = []
    return fake


@pytest.fixture
def throttled(clock: FakeClock) -> Iterator[Starlette]:
    app = create_app(
        SandboxSettings(
            db_url="sqlite:///:memory:", vendors=[VENDOR, OTHER], rate_limit_per_second=None
        )
    )
    assert app.state.sandbox.rg_throttle.limit == 50  # the default setting
    app.state.sandbox.rg_throttle = WindowThrottle(50, 60.0, clock=clock)
    try:
        yield app
    finally:
        close_app(app)


@pytest.fixture
def raw(throttled: Starlette) -> Iterator[RawApi]:
    with (
        SyncASGITransport(throttled) as transport,
        httpx.Client(transport=transport, base_url="http://127.0.0.1") as http,
    ):
        yield RawApi(http)


def _orders(api: RawApi, vendor: tuple[str, str, str] = VENDOR) -> httpx.Response:
    return api.as_vendor(vendor).get(f"{BASE.format(vendor[0])}/orders", params=DAY)


def test_sandbox_answers_429_after_50_calls_a_minute(raw: RawApi, clock: FakeClock) -> None:
    paths = ["/orders", "/inventory/summaries", "/order/1"]
    for n in range(50):
        clock.now += 0.5  # 50 calls within 25 s, spread over the three endpoints
        path = BASE.format(VENDOR[0]) + paths[n % 3]
        response = raw.get(path, params=DAY if path.endswith("/orders") else None)
        assert response.status_code in (200, 404), response.text
    refused = _orders(raw)
    assert refused.status_code == 429
    assert refused.json()["code"] == "ERROR" and "A00033333" in refused.json()["message"]
    # now 1025.0; the oldest call was at 1000.5 and leaves the window at 1060.5: 35.5 s
    assert clock.now == 1025.0 and refused.headers["Retry-After"] == "36"
    # other vendors and other paths are not counted
    assert _orders(raw, OTHER).status_code == 200
    cashback = f"/v2/providers/openapi/apis/api/v4/vendors/{VENDOR[0]}/products/items/cashback"
    assert raw.get(cashback, params={"ruleId": 1, "vendorItemId": 1}).status_code == 404
    clock.now = 1060.5  # the first call leaves the window: one slot frees up
    assert _orders(raw).status_code == 200
    assert _orders(raw).status_code == 429
    clock.now = 1061.0
    assert _orders(raw).status_code == 200


def test_refused_calls_are_not_counted(raw: RawApi, clock: FakeClock) -> None:
    for _ in range(50):
        assert _orders(raw).status_code == 200
    for _ in range(20):
        assert _orders(raw).status_code == 429
    clock.now += 60.0
    for _ in range(50):
        assert _orders(raw).status_code == 200


def test_window_throttle_unit() -> None:
    now = [0.0]
    throttle = WindowThrottle(2, 10.0, clock=lambda: now[0])
    assert throttle.check("A") is None and throttle.check("A") is None
    assert throttle.check("A") == 10.0
    now[0] = 4.0
    assert throttle.check("A") == 6.0
    now[0] = 10.0
    assert throttle.check("A") is None
    throttle.clear()
    assert throttle.check("A") is None and throttle.check("A") is None
    assert WindowThrottle(None).check("A") is None
    with pytest.raises(ValueError):
        WindowThrottle(0)
    with pytest.raises(ValueError):
        WindowThrottle(5, 0)


def _paced_client(transport: httpx.BaseTransport, clock: FakeClock) -> Client:
    return Client(
        VENDOR[1], VENDOR[2], VENDOR[0], base_url="http://127.0.0.1", transport=transport,
        rate_limit=10.0, max_retries=0, sleep=clock.sleep,
        rate_limiters=RateLimiterRegistry(clock=clock), circuit_breaker=CircuitBreaker(),
    )  # fmt: skip


def test_sdk_paces_rg_calls_under_fifty_a_minute(throttled: Starlette, clock: FakeClock) -> None:
    assert abs(RG_RATE_PER_SECOND * 60 - 48) < 1e-9
    assert RG_LIMIT_PER_MINUTE == 50
    with SyncASGITransport(throttled) as transport, _paced_client(transport, clock) as client:
        for _ in range(3):
            client.rocket_growth.list_orders(date(2025, 7, 1), date(2025, 7, 15))
        assert clock.sleeps == pytest.approx([1.25, 1.25])
        clock.sleeps.clear()
        # other endpoints only wait for the general 10/s bucket
        for _ in range(3):
            with pytest.raises(Exception, match="no cashback rule"):
                client.cashback.get(1, 1)
        assert max(clock.sleeps, default=0.0) <= 0.1 + 1e-9
        clock.sleeps.clear()
        # 120 paced RG calls cross two minutes of the fake clock without a single 429
        start = clock.now
        for _ in range(120):
            client.rocket_growth.inventory_summaries()
        assert clock.now - start == pytest.approx(120 * 1.25, abs=1.3)


def test_unpaced_sdk_meets_the_429(throttled: Starlette, clock: FakeClock) -> None:
    with SyncASGITransport(throttled) as transport:
        client = Client(
            VENDOR[1], VENDOR[2], VENDOR[0], base_url="http://127.0.0.1", transport=transport,
            rate_limit=None, max_retries=0, sleep=clock.sleep,
            rate_limiters=RateLimiterRegistry(clock=clock), circuit_breaker=CircuitBreaker(),
        )  # fmt: skip
        with client:
            for _ in range(50):
                client.rocket_growth.inventory_summaries()
            with pytest.raises(RateLimitError) as caught:
                client.rocket_growth.inventory_summaries()
            assert caught.value.status_code == 429
            assert clock.sleeps == []


def test_scoped_buckets_are_per_vendor_and_scope() -> None:
    now = [0.0]
    registry = RateLimiterRegistry(clock=lambda: now[0])
    assert scope_for_path("/v2/providers/rg_open_api/apis/api/v1/vendors/A/rg/orders") == (
        "rocket_growth", RG_RATE_PER_SECOND,
    )  # fmt: skip
    assert scope_for_path("/v2/providers/openapi/apis/api/v4/vendors/A/ordersheets") is None
    a = registry.get_scoped("rocket_growth", "A", RG_RATE_PER_SECOND)
    assert registry.get_scoped("rocket_growth", "A", RG_RATE_PER_SECOND) is a
    assert registry.get_scoped("rocket_growth", "B", RG_RATE_PER_SECOND) is not a
    assert registry.get("A") is not a and "A" in registry
    assert [a.reserve(), a.reserve(), a.reserve()] == pytest.approx([0.0, 1.25, 2.5])
    now[0] = 600.0  # long idle: still one call at a time, never a burst of 50
    assert [a.reserve(), a.reserve()] == pytest.approx([0.0, 1.25])
    registry.clear()
    assert registry.get_scoped("rocket_growth", "A", RG_RATE_PER_SECOND) is not a
