"""Every Client and AsyncClient in a process shares one token bucket per vendor."""

from __future__ import annotations

import asyncio
import time

import httpx

from coupang_seller import AsyncClient, Client
from coupang_seller._ratelimit import RateLimiterRegistry, default_rate_limiters

OK = {"code": 200, "message": "OK", "data": None}
PATH = "/v2/providers/openapi/apis/api/v4/vendors/A00054321/returnShippingCenters"


def test_default_registry_is_shared_by_sync_and_async() -> None:
    sync = Client("ak", "sk", "A00054321", base_url="https://gateway.test")
    asynchronous = AsyncClient("ak", "sk", "A00054321", base_url="https://gateway.test")
    try:
        assert sync._rate_limiters is default_rate_limiters()
        assert asynchronous._rate_limiters is default_rate_limiters()
    finally:
        sync.close()
        asyncio.run(asynchronous.aclose())


def test_sync_and_async_calls_draw_from_one_bucket() -> None:
    """20 calls at 40/s split between a sync and an async client take ~0.5 s, not ~0.25 s."""
    registry = RateLimiterRegistry()
    sent: list[float] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(time.monotonic())
        return httpx.Response(200, json=OK)

    async def handler_async(request: httpx.Request) -> httpx.Response:
        return handler(request)

    sync = Client(
        "ak",
        "sk",
        "A00054321",
        base_url="https://gateway.test",
        rate_limit=40,
        transport=httpx.MockTransport(handler),
        rate_limiters=registry,
    )
    asynchronous = AsyncClient(
        "ak",
        "sk",
        "A00054321",
        base_url="https://gateway.test",
        rate_limit=40,
        transport=httpx.MockTransport(handler_async),
        rate_limiters=registry,
    )

    async def run_async() -> None:
        for _ in range(10):
            await asynchronous.request("GET", PATH)

    start = time.monotonic()
    with sync:
        import threading

        thread = threading.Thread(target=lambda: [sync.request("GET", PATH) for _ in range(10)])
        thread.start()
        asyncio.run(run_async())
        thread.join()
    asyncio.run(asynchronous.aclose())
    elapsed = time.monotonic() - start
    assert len(sent) == 20
    assert elapsed >= 19 / 40 * 0.9  # one shared bucket: 19 intervals of 25 ms
