"""A call leaves nothing for the cyclic garbage collector (live sandbox, real sockets).

httpx ties a streamed response and its stream in a cycle; left alone, each call would leave
about 46 objects (the request, the pool's wait event, its lock...) for the collector, and
every few calls one of them would pay a collection. The clients break the cycle once the
body is read, so reference counting frees everything at once.
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable, Iterator

import pytest
from benchmarks._server import ACCESS_KEY, SECRET_KEY, VENDOR_ID, Server, sandbox_process

from coupang_seller import AsyncClient, Client

PATH = "/v2/providers/marketplace_openapi/apis/api/v2/vendor/shipping-place/outbound"


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    with sandbox_process("--rate-limit", "0") as live:
        yield live


def _garbage_after(calls: int, call: Callable[[], object]) -> int:
    """Objects only the cyclic collector could free, left by ``calls`` calls of ``call``."""
    call()  # warm up: first-use caches are not garbage
    gc.collect()
    gc.disable()
    try:
        for _ in range(calls):
            call()
        return gc.collect()
    finally:
        gc.enable()


def test_sync_typed_and_raw_calls_leave_no_cyclic_garbage(server: Server) -> None:
    with Client(
        ACCESS_KEY, SECRET_KEY, VENDOR_ID, base_url=server.base_url, rate_limit=None
    ) as client:
        assert _garbage_after(5, client.outbound_shipping_places.list) == 0
        assert (
            _garbage_after(
                5, lambda: client.request("GET", PATH, params={"pageNum": 1, "pageSize": 50})
            )
            == 0
        )


def test_async_calls_leave_no_cyclic_garbage(server: Server) -> None:
    async def main() -> int:
        async with AsyncClient(
            ACCESS_KEY, SECRET_KEY, VENDOR_ID, base_url=server.base_url, rate_limit=None
        ) as client:
            await client.outbound_shipping_places.list()  # warm up
            gc.collect()
            gc.disable()
            try:
                for _ in range(5):
                    await client.outbound_shipping_places.list()
                return gc.collect()
            finally:
                gc.enable()

    assert asyncio.run(main()) == 0
