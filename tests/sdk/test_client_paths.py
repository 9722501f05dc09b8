"""Client paths not covered elsewhere: the async retry loop and transport errors, the sandbox
control calls (sync and async) against a real sandbox app, ``with_options`` on the async client,
the gateway's 302 block, and answers that do not fit their model."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from datetime import UTC, date, datetime
from typing import Any

import httpx
import pydantic
import pytest
from starlette.applications import Starlette

from coupang_sandbox import SandboxSettings, create_app
from coupang_sandbox.app import close_app
from coupang_seller import (
    APIConnectionError,
    APITimeoutError,
    AsyncClient,
    BusinessRuleError,
    CircuitOpenError,
    Client,
    GatewayTimeoutError,
    PermissionDeniedError,
    RateLimitError,
    ValidationError,
)
from coupang_seller._core import NOT_GIVEN
from coupang_seller._exceptions import APIStatusError, UnexpectedResponseError
from coupang_seller._ratelimit import CircuitBreaker, RateLimiterRegistry
from tests.integration.asgi_sync import SyncASGITransport
from tests.sdk.conftest import SECRET, FakeTime

OK = {"code": 200, "message": "OK", "data": {"x": 1}}
PATH = "/v2/providers/openapi/apis/api/v4/vendors/A00012345/outboundShippingCenters"
VENDOR = ("A00012345", "AK", SECRET)
TOKEN = "admin-token-0123"

Handler = Callable[[httpx.Request], httpx.Response]


def reply(status: int, body: Any = None, headers: dict[str, str] | None = None) -> Handler:
    def make(request: httpx.Request) -> httpx.Response:
        if isinstance(body, str):
            return httpx.Response(status, text=body, headers=headers)
        return httpx.Response(status, json=body, headers=headers)

    return make


def fail(exc_type: type[httpx.TransportError]) -> Handler:
    def make(request: httpx.Request) -> httpx.Response:
        raise exc_type("simulated", request=request)

    return make


class AsyncRecorder:
    """An async mock transport answering from a script; the last answer repeats."""

    def __init__(self, *responses: Handler) -> None:
        self.responses = list(responses)
        self.requests: list[httpx.Request] = []

    async def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        index = min(len(self.requests) - 1, len(self.responses) - 1)
        return self.responses[index](request)


class AsyncSleeps:
    """An async sleep that only moves the fake clock the breaker and limiter read."""

    def __init__(self, clock: FakeTime) -> None:
        self.clock = clock

    @property
    def sleeps(self) -> list[float]:
        return self.clock.sleeps

    async def __call__(self, seconds: float) -> None:
        self.clock.sleep(seconds)


@pytest.fixture
async def make_async() -> AsyncIterator[
    Callable[..., tuple[AsyncClient, AsyncRecorder, AsyncSleeps]]
]:
    made: list[AsyncClient] = []

    def factory(
        *responses: Handler, **options: Any
    ) -> tuple[AsyncClient, AsyncRecorder, AsyncSleeps]:
        recorder = AsyncRecorder(*responses)
        fake = FakeTime()
        sleeps = AsyncSleeps(fake)
        options.setdefault("rate_limit", None)
        client = AsyncClient(
            VENDOR[1],
            VENDOR[2],
            VENDOR[0],
            base_url="https://gateway.test",
            transport=httpx.MockTransport(recorder),
            sleep=sleeps,
            circuit_breaker=CircuitBreaker(clock=fake),
            rate_limiters=RateLimiterRegistry(clock=fake),
            **options,
        )
        made.append(client)
        return client, recorder, sleeps

    yield factory
    for client in made:
        await client.aclose()


# -- the async retry loop ----------------------------------------------------------------------


async def test_async_get_retries_a_connect_error_then_succeeds(make_async: Any) -> None:
    client, recorder, sleeps = make_async(fail(httpx.ConnectError), reply(200, OK), max_retries=2)
    assert await client.request("GET", PATH) == OK
    assert len(recorder.requests) == 2 and len(sleeps.sleeps) == 1 and sleeps.sleeps[0] > 0


async def test_async_post_is_not_resent_after_a_read_error(make_async: Any) -> None:
    client, recorder, _ = make_async(fail(httpx.ReadError), reply(200, OK), max_retries=3)
    with pytest.raises(APIConnectionError) as caught:
        await client.request("POST", PATH, json={"a": 1})
    assert caught.value.request_may_have_been_processed is True
    assert "reconcile before resending" in str(caught.value)
    assert len(recorder.requests) == 1


async def test_async_post_is_resent_when_the_connection_never_opened(make_async: Any) -> None:
    client, recorder, _ = make_async(fail(httpx.ConnectError), reply(200, OK), max_retries=1)
    assert await client.request("POST", PATH, json={"a": 1}) == OK
    assert len(recorder.requests) == 2


async def test_async_retries_run_out(make_async: Any) -> None:
    client, recorder, sleeps = make_async(fail(httpx.ConnectTimeout), max_retries=2)
    with pytest.raises(APITimeoutError) as caught:
        await client.request("GET", PATH)
    assert caught.value.request_may_have_been_processed is False
    assert len(recorder.requests) == 3 and len(sleeps.sleeps) == 2


async def test_async_get_retries_a_503_and_waits_a_short_retry_after(make_async: Any) -> None:
    client, recorder, sleeps = make_async(
        reply(503, {"code": 503, "message": "busy"}),
        reply(429, {"code": 429, "message": "slow down"}, {"Retry-After": "2"}),
        reply(200, OK),
        max_retries=3,
    )
    assert await client.request("GET", PATH) == OK
    assert len(recorder.requests) == 3 and sleeps.sleeps[-1] == 2.0


async def test_async_post_429_is_raised_and_opens_the_circuit(make_async: Any) -> None:
    client, recorder, _ = make_async(
        reply(429, {"code": 429, "message": "slow down"}, {"Retry-After": "60"}), max_retries=3
    )
    with pytest.raises(RateLimitError) as caught:
        await client.request("POST", PATH, json={})
    assert caught.value.retry_after == 60.0
    with pytest.raises(CircuitOpenError):
        await client.request("GET", PATH)
    assert len(recorder.requests) == 1


async def test_async_rate_limit_sleeps_before_sending(make_async: Any) -> None:
    client, recorder, sleeps = make_async(reply(200, OK), rate_limit=1.0)
    for _ in range(3):
        await client.request("GET", PATH)
    assert len(recorder.requests) == 3
    assert sleeps.sleeps and all(s > 0 for s in sleeps.sleeps)


async def test_async_request_model_and_unexpected_shape(make_async: Any) -> None:
    class Shape(pydantic.BaseModel):
        code: int
        data: dict[str, int]

    client, _, _ = make_async(reply(200, OK), reply(200, {"code": 200, "data": "not a dict"}))
    parsed = await client.request_model("GET", PATH, Shape)
    assert parsed.data == {"x": 1}
    with pytest.raises(UnexpectedResponseError) as caught:
        await client.request_model("GET", PATH, Shape)
    assert caught.value.body == {"code": 200, "data": "not a dict"}
    assert caught.value.code == 200 and "Shape" in str(caught.value)


# -- with_options on the async client ----------------------------------------------------------


async def test_async_with_options_shares_the_pool_and_keeps_the_original(make_async: Any) -> None:
    client, recorder, _ = make_async(reply(504, {"code": 504, "message": "timeout"}), max_retries=2)
    quick = client.with_options(max_retries=0, timeout=7.5, extended_timeout=20, user_id="u2")
    assert isinstance(quick, AsyncClient) and quick is not client
    assert quick.options.max_retries == 0 and client.options.max_retries == 2
    assert quick.options.timeout == httpx.Timeout(7.5)
    assert quick.options.user_id == "u2" and quick.options.vendor_id == client.vendor_id
    assert quick._http is client._http  # one connection pool
    with pytest.raises(GatewayTimeoutError):
        await quick.request("GET", PATH)
    assert len(recorder.requests) == 1  # no retry on the sibling
    assert recorder.requests[0].headers["X-EXTENDED-TIMEOUT"] == "20000"
    same = client.with_options(timeout=NOT_GIVEN)
    assert same.options == client.options
    # Closing the sibling does not close the shared pool.
    await quick.aclose()
    with pytest.raises(GatewayTimeoutError):
        await client.request("GET", PATH)
    assert len(recorder.requests) == 4  # 1 + 2 retries


# -- the gateway's 302 -------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_302_is_a_block_and_opens_the_circuit(make_client: Any, method: str) -> None:
    client, recorder = make_client(
        reply(302, "", {"Location": "https://www.coupang.com/np/blocked", "Retry-After": "120"})
    )
    with pytest.raises(PermissionDeniedError) as caught:
        client.request(method, PATH)
    assert "blocked by the gateway (302 to https://www.coupang.com/np/blocked)" in str(caught.value)
    assert caught.value.status_code == 302
    with pytest.raises(CircuitOpenError) as circuit:
        client.request("GET", PATH)
    assert circuit.value.retry_after > 0
    assert len(recorder.requests) == 1


async def test_async_302_without_location(make_async: Any) -> None:
    client, _, _ = make_async(reply(302, ""))
    with pytest.raises(PermissionDeniedError, match=r"302 to \?"):
        await client.request("GET", PATH)


# -- unexpected answers ------------------------------------------------------------------------


class _Place(pydantic.BaseModel):
    code: int
    data: dict[str, int]


def test_unexpected_shape_carries_the_body(make_client: Any) -> None:
    client, _ = make_client(reply(200, {"code": 200, "message": "OK", "data": [1, 2]}))
    with pytest.raises(UnexpectedResponseError) as caught:
        client.request_model("GET", PATH, _Place)
    error = caught.value
    assert isinstance(error, APIStatusError)
    assert error.status_code == 200 and error.body == {"code": 200, "message": "OK", "data": [1, 2]}
    assert "unexpected response shape for _Place" in str(error) and "data" in str(error)


def test_unexpected_shape_of_a_non_object(make_client: Any) -> None:
    client, _ = make_client(reply(200, "<html>maintenance</html>"))
    with pytest.raises(UnexpectedResponseError) as caught:
        client.request_model("GET", PATH, _Place)
    assert caught.value.code is None and caught.value.body == "<html>maintenance</html>"


def test_a_refusal_that_fits_the_model_still_raises(make_client: Any) -> None:
    class Loose(pydantic.BaseModel):
        model_config = pydantic.ConfigDict(extra="allow")
        code: Any = None

    client, _ = make_client(reply(200, {"code": "ERROR", "message": "중복된 이름입니다."}))
    with pytest.raises(BusinessRuleError, match="중복된 이름입니다"):
        client.request_model("GET", PATH, Loose)


def test_an_empty_2xx_body_does_not_fit_a_model(make_client: Any) -> None:
    client, _ = make_client(reply(204))
    with pytest.raises(UnexpectedResponseError):
        client.request_model("DELETE", PATH, _Place)


def test_query_values_are_encoded_as_sent_and_signed(make_client: Any) -> None:
    client, recorder = make_client(reply(200, OK))
    client.request(
        "GET",
        PATH,
        params={
            "on": True,
            "off": False,
            "day": date(2025, 7, 15),
            "at": datetime(2025, 7, 15, 14, 0, 5, tzinfo=UTC),
            "codes": [1, 2],
            "none": None,
        },
    )
    query = recorder.requests[0].url.query.decode()
    assert query == "on=true&off=false&day=2025-07-15&at=2025-07-15T14%3A00%3A05&codes=1%2C2"
    assert "signature=" in recorder.requests[0].headers["Authorization"]


@pytest.mark.parametrize("path", ["no-slash", "/x?a=1"])
def test_bad_paths_are_refused_before_sending(make_client: Any, path: str) -> None:
    client, recorder = make_client(reply(200, OK))
    with pytest.raises(ValueError):
        client.request("GET", path)
    assert recorder.requests == []


def test_not_given_is_a_falsy_singleton() -> None:
    assert repr(NOT_GIVEN) == "NOT_GIVEN" and not NOT_GIVEN
    assert type(NOT_GIVEN)() is NOT_GIVEN


# -- the sandbox control API, sync and async, against a real sandbox app -----------------------


@pytest.fixture
def guarded_app() -> Iterator[Starlette]:
    application = create_app(
        SandboxSettings(
            db_url="sqlite:///:memory:",
            vendors=[VENDOR],
            rate_limit_per_second=None,
            admin_token=TOKEN,
        )
    )
    try:
        yield application
    finally:
        close_app(application)


def _sync(app: Starlette, token: str | None) -> tuple[Client, SyncASGITransport]:
    transport = SyncASGITransport(app)
    client = Client(
        *VENDOR[1:],
        VENDOR[0],
        base_url="http://127.0.0.1",
        transport=transport,
        rate_limit=None,
        sandbox_admin_token=token,
        rate_limiters=RateLimiterRegistry(),
        circuit_breaker=CircuitBreaker(),
    )
    return client, transport


def _async(app: Starlette, token: str | None) -> AsyncClient:
    return AsyncClient(
        *VENDOR[1:],
        VENDOR[0],
        base_url="http://127.0.0.1",
        transport=httpx.ASGITransport(app=app),
        rate_limit=None,
        sandbox_admin_token=token,
        rate_limiters=RateLimiterRegistry(),
        circuit_breaker=CircuitBreaker(),
    )


@pytest.mark.parametrize("token", [None, "wrong-token"])
def test_sync_control_without_the_admin_token_is_refused(
    guarded_app: Starlette, token: str | None
) -> None:
    client, transport = _sync(guarded_app, token)
    with client:
        with pytest.raises(APIStatusError) as caught:
            client.sandbox.clock.get()
        assert caught.value.status_code in (401, 403)
        assert caught.value.request.headers.get("Authorization") == (
            None if token is None else f"Bearer {token}"
        )
    transport.close()


def test_sync_control_with_the_admin_token(guarded_app: Starlette) -> None:
    client, transport = _sync(guarded_app, TOKEN)
    with client:
        moved = client.sandbox.clock.advance(60)
        assert moved.now is not None
        # The control API's own refusals come back as exceptions too.
        with pytest.raises(ValidationError) as caught:
            client.send_control("POST", "/_sandbox/clock/advance", json={"seconds": "soon"})
        assert "seconds" in {v.field for v in caught.value.violations}
        # The clone keeps the admin token.
        assert client.with_options(max_retries=0).sandbox.clock.get().now is not None
    transport.close()


async def test_async_control_with_and_without_the_admin_token(guarded_app: Starlette) -> None:
    async with _async(guarded_app, None) as anonymous:
        with pytest.raises(APIStatusError) as caught:
            await anonymous.sandbox.clock.get()
        assert caught.value.status_code in (401, 403)
    async with _async(guarded_app, TOKEN) as admin:
        before = await admin.sandbox.clock.get()
        after = await admin.sandbox.clock.advance(3600)
        assert before.now is not None and after.now is not None
        assert (after.now - before.now).total_seconds() >= 3600
        with pytest.raises(ValidationError):
            await admin.send_control("POST", "/_sandbox/clock/advance", json={"seconds": "soon"})
        sibling = admin.with_options(timeout=5)
        assert (await sibling.sandbox.clock.get()).now is not None
