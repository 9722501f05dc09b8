"""The SDK's retry, error and circuit-breaker branches, each driven by an injected fault on a
real sandbox (in-process ASGI), for ``Client`` and ``AsyncClient`` alike:

* a GET is retried after a 503 and succeeds;
* a POST whose answer is lost after the commit is never resent, and says it may have been
  processed (``request_may_have_been_processed=True``); the store holds one write;
* a 429 opens the process-wide breaker for every client of the vendor: the next call of
  another client is refused without reaching the sandbox;
* the gateway's HTML block page is an :class:`AccessDeniedError`;
* a 504 is avoided by ``extended_timeout``;
* the other kinds: a 302 block is a permission error and is not retried, a dropped GET is
  retried while a dropped POST is not resent, latency is waited out, null safe numbers parse
  as ``None``, and a late order shows in the SDK's list only after its longer delay.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from coupang_seller import (
    AccessDeniedError,
    APIConnectionError,
    AsyncClient,
    CircuitOpenError,
    Client,
    GatewayTimeoutError,
    PermissionDeniedError,
    RateLimitError,
)
from coupang_seller._ratelimit import RateLimiterRegistry, default_circuit_breaker
from tests.faults.conftest import LIST, VENDOR, Control
from tests.integration.asgi_sync import SyncASGITransport
from tests.orders.conftest import Market, RawApi
from tests.products.conftest import USER
from tests.sandbox_helpers import outbound_body, outbound_url


def _sync(app: Starlette, **kw: Any) -> Client:
    """A client over its own transport (closing the client closes it)."""
    return Client(
        VENDOR[1], VENDOR[2], VENDOR[0], base_url="http://127.0.0.1", user_id=USER,
        transport=SyncASGITransport(app), rate_limiters=RateLimiterRegistry(), rate_limit=None, **kw,
    )  # fmt: skip


def _async(app: Starlette, **kw: Any) -> AsyncClient:
    return AsyncClient(
        VENDOR[1], VENDOR[2], VENDOR[0], base_url="http://127.0.0.1", user_id=USER,
        transport=httpx.ASGITransport(app=app), rate_limiters=RateLimiterRegistry(),
        rate_limit=None, **kw,
    )  # fmt: skip


@pytest.fixture(autouse=True)
def closed_breaker() -> Iterator[None]:
    """The process-wide breaker is shared by every client: closed before and after."""
    default_circuit_breaker().record_success(VENDOR[0])
    yield
    default_circuit_breaker().record_success(VENDOR[0])


def _places(raw: RawApi) -> int:
    return len(raw.get(LIST).json()["content"])


# -- a GET retried after 503 ------------------------------------------------------------------


def test_get_retried_after_503(control: Control, app: Starlette) -> None:
    control.add(kind="error", status=503, operation="outbound_query", times=1)
    with _sync(app, max_retries=2) as client:
        answer = client.request("GET", LIST.split("?")[0], params={"pageNum": 1, "pageSize": 10})
    assert answer["content"] == []
    assert [(r["hits"], r["matched"]) for r in control.rules()] == [(1, 2)]


async def test_get_retried_after_503_async(control: Control, app: Starlette) -> None:
    control.add(kind="error", status=503, operation="outbound_query", times=1)
    async with _async(app, max_retries=2) as client:
        answer = await client.request(
            "GET", LIST.split("?")[0], params={"pageNum": 1, "pageSize": 10}
        )
    assert answer["content"] == []
    assert [(r["hits"], r["matched"]) for r in control.rules()] == [(1, 2)]


# -- a POST never resent after commit_then_drop ------------------------------------------------


def test_post_never_resent_after_commit_then_drop(
    control: Control, app: Starlette, raw: RawApi
) -> None:
    control.add(kind="commit_then_drop", writesOnly=True)
    with _sync(app, max_retries=3) as client, pytest.raises(APIConnectionError) as caught:
        client.request("POST", outbound_url(VENDOR[0]), json=outbound_body("출고지", VENDOR[0]))
    assert caught.value.request_may_have_been_processed is True
    assert not isinstance(caught.value.__cause__, httpx.ConnectError)
    assert _places(raw) == 1  # one write reached the store
    assert [r["matched"] for r in control.rules()] == [1]  # and one request the sandbox


async def test_post_never_resent_after_commit_then_drop_async(
    control: Control, app: Starlette, raw: RawApi
) -> None:
    control.add(kind="commit_then_drop", writesOnly=True)
    async with _async(app, max_retries=3) as client:
        with pytest.raises(APIConnectionError) as caught:
            await client.request(
                "POST", outbound_url(VENDOR[0]), json=outbound_body("출고지", VENDOR[0])
            )
    assert caught.value.request_may_have_been_processed is True
    assert _places(raw) == 1
    assert [r["matched"] for r in control.rules()] == [1]


# -- a 429 opens the breaker for every client of the vendor ------------------------------------


def test_429_opens_the_breaker_for_every_client_of_the_vendor(
    control: Control, app: Starlette
) -> None:
    control.add(kind="rate_limit", blockSeconds=120, times=1)
    with _sync(app, max_retries=0) as first, pytest.raises(RateLimitError) as caught:
        first.request("GET", LIST.split("?")[0], params={"pageNum": 1, "pageSize": 10})
    assert caught.value.retry_after == 120
    with _sync(app, max_retries=0) as second, pytest.raises(CircuitOpenError):
        second.request("GET", LIST.split("?")[0], params={"pageNum": 1, "pageSize": 10})
    assert [r["matched"] for r in control.rules()] == [1]  # the second never left the process


async def test_429_opens_the_breaker_for_every_client_of_the_vendor_async(
    control: Control, app: Starlette
) -> None:
    control.add(kind="rate_limit", blockSeconds=120, times=1)
    async with _async(app, max_retries=0) as first:
        with pytest.raises(RateLimitError):
            await first.request("GET", LIST.split("?")[0], params={"pageNum": 1, "pageSize": 10})
    with _sync(app, max_retries=0) as other_kind, pytest.raises(CircuitOpenError):
        other_kind.request("GET", LIST.split("?")[0], params={"pageNum": 1, "pageSize": 10})
    async with _async(app, max_retries=0) as second:
        with pytest.raises(CircuitOpenError):
            await second.request("GET", LIST.split("?")[0], params={"pageNum": 1})
    assert [r["matched"] for r in control.rules()] == [1]


# -- the block page --------------------------------------------------------------------------


def test_block_page_is_access_denied(control: Control, app: Starlette) -> None:
    control.add(kind="block_page")
    with _sync(app, max_retries=2) as client, pytest.raises(AccessDeniedError) as caught:
        client.request("GET", LIST.split("?")[0], params={"pageNum": 1, "pageSize": 10})
    assert caught.value.status_code == 403 and caught.value.message == "Access Denied"
    assert [r["hits"] for r in control.rules()] == [1]  # not retried: the circuit opened


async def test_block_page_is_access_denied_async(control: Control, app: Starlette) -> None:
    control.add(kind="block_page")
    async with _async(app, max_retries=2) as client:
        with pytest.raises(AccessDeniedError):
            await client.request("GET", LIST.split("?")[0], params={"pageNum": 1})
    assert [r["hits"] for r in control.rules()] == [1]


# -- a 504 avoided by extended_timeout --------------------------------------------------------


def test_504_avoided_by_extended_timeout(control: Control, app: Starlette) -> None:
    control.add(kind="gateway_timeout", latencySeconds=0.5)
    params = {"pageNum": 1, "pageSize": 10}
    with _sync(app, max_retries=0) as client:
        with pytest.raises(GatewayTimeoutError):
            client.request("GET", LIST.split("?")[0], params=params)
        patient = client.with_options(extended_timeout=2.0)
        assert patient.request("GET", LIST.split("?")[0], params=params)["content"] == []


async def test_504_avoided_by_extended_timeout_async(control: Control, app: Starlette) -> None:
    control.add(kind="gateway_timeout", latencySeconds=0.5)
    params = {"pageNum": 1, "pageSize": 10}
    async with _async(app, max_retries=0) as client:
        with pytest.raises(GatewayTimeoutError):
            await client.request("GET", LIST.split("?")[0], params=params)
        patient = client.with_options(extended_timeout=2.0)
        answer = await patient.request("GET", LIST.split("?")[0], params=params)
    assert answer["content"] == []


def test_the_sdk_manages_rules(client: Client) -> None:
    added = client.sandbox.faults.add("error", status=502, times=2, seed=9, writes_only=True)
    assert (added.kind, added.status, added.times, added.seed, added.writesOnly) == (
        "error", 502, 2, 9, True,
    )  # fmt: skip
    assert [rule.id for rule in client.sandbox.faults.list()] == [added.id]
    client.sandbox.faults.remove(added.id)
    client.sandbox.faults.add("null_fields", fields=["safeNumber"])
    assert client.sandbox.faults.clear() == 1
    assert client.sandbox.faults.list() == []


async def test_the_async_sdk_manages_rules(aclient: AsyncClient) -> None:
    added = await aclient.sandbox.faults.add("latency", latency_seconds=0.1, jitter_seconds=0.1)
    assert added.latencySeconds == 0.1
    assert [rule.id for rule in await aclient.sandbox.faults.list()] == [added.id]
    await aclient.sandbox.faults.remove(added.id)
    assert await aclient.sandbox.faults.clear() == 0


# -- the other kinds, each through the SDK ------------------------------------------------------


def test_redirect_block_is_a_permission_error(control: Control, app: Starlette) -> None:
    control.add(kind="redirect_block", times=1)
    with _sync(app, max_retries=2) as client, pytest.raises(PermissionDeniedError) as caught:
        client.request("GET", LIST.split("?")[0], params={"pageNum": 1, "pageSize": 10})
    assert caught.value.status_code == 302
    assert "blocked by the gateway" in caught.value.message
    assert [r["hits"] for r in control.rules()] == [1]  # a block is never retried


async def test_a_reset_get_is_retried_async(control: Control, app: Starlette) -> None:
    control.add(kind="reset", method="GET", times=1)
    async with _async(app, max_retries=2) as client:
        answer = await client.request(
            "GET", LIST.split("?")[0], params={"pageNum": 1, "pageSize": 10}
        )
    assert answer["content"] == []
    assert [(r["hits"], r["matched"]) for r in control.rules()] == [(1, 2)]


def test_a_reset_post_is_not_resent(control: Control, app: Starlette, raw: RawApi) -> None:
    """Dropped before the handler ran: the SDK cannot know, so it does not resend, and it says
    the write may have been processed; the store shows that it was not."""
    control.add(kind="reset", writesOnly=True, times=1)
    with _sync(app, max_retries=3) as client, pytest.raises(APIConnectionError) as caught:
        client.request("POST", outbound_url(VENDOR[0]), json=outbound_body("출고지", VENDOR[0]))
    assert caught.value.request_may_have_been_processed is True
    assert _places(raw) == 0
    assert [r["matched"] for r in control.rules()] == [1]


def test_latency_is_waited_out(control: Control, app: Starlette) -> None:
    """The SDK waits a slow answer out: its read timeout is never below the gateway's own
    wait (3 s) plus slack, so a latency under that is served, not cut off."""
    control.add(kind="latency", latencySeconds=0.2, method="GET")
    params = {"pageNum": 1, "pageSize": 10}
    with _sync(app, max_retries=0) as client:
        started = time.perf_counter()
        assert client.request("GET", LIST.split("?")[0], params=params)["content"] == []
    assert time.perf_counter() - started >= 0.2
    assert [r["hits"] for r in control.rules()] == [1]


def test_null_safe_numbers_parse_as_none(control: Control, market: Market) -> None:
    placed = market.visible_order()
    client = market.client
    sheet = client.orders.get(placed.shipment_box_ids[0])
    assert sheet.receiver is not None and sheet.receiver.safeNumber
    control.add(kind="null_fields", fields=["safeNumber"], method="GET")
    outage = client.orders.get(placed.shipment_box_ids[0])
    assert outage.receiver is not None and outage.receiver.safeNumber is None
    assert outage.receiver.name == sheet.receiver.name  # the rest of the answer untouched


def test_late_orders_appear_in_the_sdk_list_later(control: Control, market: Market) -> None:
    control.add(kind="late_visibility", extraSeconds=1800, vendorId=VENDOR[0], times=1)
    late = market.order()
    client = market.client
    client.sandbox.clock.advance(601)
    today = client.sandbox.clock.get().now.date()

    def listed() -> set[int]:
        return {sheet.shipmentBoxId for sheet in client.orders.iter(today, today, status="ACCEPT")}

    assert late.shipment_box_ids[0] not in listed()
    client.sandbox.clock.advance(1800)
    assert late.shipment_box_ids[0] in listed()
