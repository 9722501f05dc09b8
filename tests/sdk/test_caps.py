"""Response size cap and overall per-call deadline, against a real misbehaving server.

A body that never ends must not exhaust memory, and a server dripping one byte at a time
must not hang the caller: both clients raise typed errors promptly.
"""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Iterator

import pytest

from coupang_seller import (
    APITimeoutError,
    AsyncClient,
    Client,
    ConfigurationError,
    DeadlineExceededError,
    ResponseTooLargeError,
    ServerError,
)
from coupang_seller import _constants as C
from coupang_seller._core import default_max_response_bytes
from tests.sdk._hostile_server import ENDLESS_CAP, HostileServer, hostile_server

VENDOR = "A00012345"
CAP = 1024 * 1024


@pytest.fixture
def server() -> Iterator[HostileServer]:
    with hostile_server() as running:
        yield running


def _client(server: HostileServer, **options: object) -> Client:
    return Client("ak", "sk", VENDOR, base_url=server.base_url, rate_limit=None, **options)  # type: ignore[arg-type]


def _async_client(server: HostileServer, **options: object) -> AsyncClient:
    return AsyncClient("ak", "sk", VENDOR, base_url=server.base_url, rate_limit=None, **options)  # type: ignore[arg-type]


# -- size cap -------------------------------------------------------------------------------


def test_endless_body_stops_at_the_cap_and_memory_stays_bounded(server: HostileServer) -> None:
    with _client(server, max_response_bytes=CAP) as client:
        tracemalloc.start()
        try:
            started = time.monotonic()
            with pytest.raises(ResponseTooLargeError) as caught:
                client.request("GET", "/endless")
            elapsed = time.monotonic() - started
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    error = caught.value
    assert error.limit == CAP and CAP < error.received < CAP + 128 * 1024
    assert error.status_code == 200 and error.request_may_have_been_processed
    assert peak < 4 * CAP, f"peak {peak} bytes for a {CAP}-byte cap"
    assert elapsed < 5
    assert server.hits["/endless"] == 1  # never retried
    assert ENDLESS_CAP > 40 * CAP  # the server would have sent far more


async def test_endless_body_stops_at_the_cap_async(server: HostileServer) -> None:
    async with _async_client(server, max_response_bytes=CAP) as client:
        with pytest.raises(ResponseTooLargeError) as caught:
            await client.request("GET", "/endless")
    assert CAP < caught.value.received < CAP + 128 * 1024
    assert server.hits["/endless"] == 1


def test_announced_length_over_the_cap_is_refused_before_reading(server: HostileServer) -> None:
    with _client(server) as client:
        started = time.monotonic()
        with pytest.raises(ResponseTooLargeError) as caught:
            client.request("GET", "/huge-declared")
    assert time.monotonic() - started < 2  # the server would stay silent for 10 s
    assert caught.value.received == 100_000_000
    assert caught.value.limit == C.DEFAULT_MAX_RESPONSE_BYTES


async def test_announced_length_over_the_cap_is_refused_async(server: HostileServer) -> None:
    async with _async_client(server) as client:
        with pytest.raises(ResponseTooLargeError):
            await client.request("GET", "/huge-declared", max_response_bytes=1000)


def test_cap_per_call_and_with_options(server: HostileServer) -> None:
    with _client(server) as client:
        with pytest.raises(ResponseTooLargeError) as per_call:
            client.request("GET", "/endless", max_response_bytes=200_000)
        assert per_call.value.limit == 200_000
        with pytest.raises(ResponseTooLargeError) as cloned:
            client.with_options(max_response_bytes=300_000).request("GET", "/endless")
        assert cloned.value.limit == 300_000
        # A small answer under the cap reads as before.
        assert client.request("GET", "/ok", max_response_bytes=100) == {
            "code": 200,
            "message": "OK",
            "data": [],
        }


def test_known_big_reads_get_the_larger_default_cap() -> None:
    tree = "/v2/providers/seller_api/apis/api/v1/marketplace/meta/display-categories"
    meta = (
        "/v2/providers/seller_api/apis/api/v1/marketplace/meta/category-related-metas/"
        "display-category-codes/56137"
    )
    orders = f"/v2/providers/openapi/apis/api/v5/vendors/{VENDOR}/ordersheets"
    revenue = "/v2/providers/openapi/apis/api/v1/revenue-history"
    for path in (tree, meta, orders, revenue):
        assert default_max_response_bytes("GET", path) == C.LARGE_MAX_RESPONSE_BYTES, path
    assert default_max_response_bytes("GET", f"{orders}/123/history") == (
        C.DEFAULT_MAX_RESPONSE_BYTES
    )
    assert default_max_response_bytes("POST", orders) == C.DEFAULT_MAX_RESPONSE_BYTES
    assert C.LARGE_MAX_RESPONSE_BYTES > C.DEFAULT_MAX_RESPONSE_BYTES >= 4 * 1024 * 1024


@pytest.mark.parametrize("bad", [0, -1, 1.5, True])
def test_bad_cap_is_a_configuration_error(bad: object) -> None:
    with pytest.raises(ConfigurationError, match="max_response_bytes"):
        Client("ak", "sk", VENDOR, max_response_bytes=bad)  # type: ignore[arg-type]


# -- deadline -------------------------------------------------------------------------------


def test_dripping_server_hits_the_deadline(server: HostileServer) -> None:
    with _client(server, deadline=1.0) as client:
        started = time.monotonic()
        with pytest.raises(DeadlineExceededError) as caught:
            client.request("GET", "/drip")
        elapsed = time.monotonic() - started
    assert 0.9 <= elapsed < 4, elapsed  # the drip alone would take 12 s
    assert isinstance(caught.value, APITimeoutError) and caught.value.deadline == 1.0
    assert server.hits["/drip"] == 1  # a deadline is never retried


async def test_dripping_server_hits_the_deadline_async(server: HostileServer) -> None:
    async with _async_client(server) as client:
        started = time.monotonic()
        with pytest.raises(DeadlineExceededError):
            await client.request("GET", "/drip", deadline=1.0)
        elapsed = time.monotonic() - started
    assert 0.9 <= elapsed < 4, elapsed
    assert server.hits["/drip"] == 1


def test_post_after_a_deadline_is_not_retried(server: HostileServer) -> None:
    with _client(server, deadline=0.8) as client, pytest.raises(DeadlineExceededError) as caught:
        client.request("POST", "/drip", json={"a": 1})
    assert caught.value.request_may_have_been_processed
    assert server.hits["/drip"] == 1


async def test_silent_server_hits_the_deadline_async(server: HostileServer) -> None:
    async with _async_client(server) as client:
        started = time.monotonic()
        with pytest.raises(DeadlineExceededError) as caught:
            await client.request("POST", "/silent", json={}, deadline=0.6)
        assert time.monotonic() - started < 3
    assert caught.value.request_may_have_been_processed
    assert server.hits["/silent"] == 1


def test_silent_server_hits_the_deadline(server: HostileServer) -> None:
    # httpx's own read timeout is 8 s here; the deadline clips it to the time left.
    with _client(server) as client:
        started = time.monotonic()
        with pytest.raises(DeadlineExceededError):
            client.request("GET", "/silent", deadline=0.6)
        assert time.monotonic() - started < 3
    assert server.hits["/silent"] == 1


def test_deadline_covers_retries_and_their_waits(server: HostileServer) -> None:
    # The first retry of a 503 waits 0.25-0.5 s; with 0.2 s left the call ends at once.
    with _client(server, max_retries=5) as client, pytest.raises(DeadlineExceededError) as caught:
        client.request("GET", "/unavailable", deadline=0.2)
    assert server.hits["/unavailable"] == 1
    assert isinstance(caught.value.__cause__, ServerError | type(None))


def test_no_deadline_when_disabled(server: HostileServer) -> None:
    with _client(server, deadline=None) as client:
        assert client.options.deadline is None
        assert client.request("GET", "/ok")["code"] == 200


@pytest.mark.parametrize("bad", [0, -1.0, float("inf")])
def test_bad_deadline_is_a_configuration_error(bad: float) -> None:
    with pytest.raises(ConfigurationError, match="deadline"):
        Client("ak", "sk", VENDOR, deadline=bad)
