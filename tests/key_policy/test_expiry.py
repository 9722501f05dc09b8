"""Key expiry on the sandbox clock: a key is issued when the control API creates it (or, for
a seeded key, at its first signed use) and answers 401 ``Specified access key is expired.``
from exactly ``lifetimeDays`` (180 by default) later; the SDK raises
:class:`AccessKeyExpiredError`, an :class:`AuthenticationError`."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest
from starlette.applications import Starlette

from coupang_seller import AccessKeyExpiredError, AuthenticationError, Client
from tests.key_policy.conftest import DAY, SEEDED, START, ClientFactory, make_async_client


def _assert_expired(seller: Client) -> AccessKeyExpiredError:
    with pytest.raises(AccessKeyExpiredError) as refused:
        seller.outbound_shipping_places.list()
    error = refused.value
    assert isinstance(error, AuthenticationError)
    assert error.status_code == 401
    assert error.body["code"] == "ERROR"
    assert error.body["message"] == "Specified access key is expired."
    return error


def test_a_created_key_expires_exactly_180_days_after_its_creation(
    client: Client, make_client: ClientFactory
) -> None:
    created = client.sandbox.vendors.create("A00071003", access_key="ak-new", secret_key="sk-n")
    policy = client.sandbox.vendors.key_policy("A00071003")
    assert policy.lifetimeDays == 180
    assert policy.issuedAt == START
    assert policy.expiresAt == START + timedelta(days=180)
    seller = make_client((created.vendorId, created.accessKey, created.secretKey.reveal()))
    client.sandbox.clock.advance(180 * DAY - 1)
    assert seller.outbound_shipping_places.list().content == []
    client.sandbox.clock.advance(1)
    _assert_expired(seller)


def test_a_seeded_key_is_dated_at_its_first_signed_use(client: Client) -> None:
    assert client.sandbox.vendors.key_policy().issuedAt is None
    client.sandbox.clock.advance(3 * DAY)  # unused keys do not age
    assert client.outbound_shipping_places.list().content == []
    policy = client.sandbox.vendors.key_policy()
    first_use = START + timedelta(days=3)
    assert policy.issuedAt == first_use
    assert policy.expiresAt == first_use + timedelta(days=180)
    client.sandbox.clock.advance(180 * DAY - 1)
    assert client.outbound_shipping_places.list().content == []
    client.sandbox.clock.advance(1)
    _assert_expired(client)
    # The control API (unsigned) still answers: the key can be looked at and reissued.
    assert client.sandbox.vendors.key_policy().expiresAt == first_use + timedelta(days=180)


def test_the_lifetime_comes_from_the_policy(client: Client) -> None:
    client.outbound_shipping_places.list()  # dated at START
    client.sandbox.vendors.set_key_policy(lifetime_days=1)
    client.sandbox.clock.advance(DAY)
    _assert_expired(client)
    # A longer lifetime applies to the key already issued.
    policy = client.sandbox.vendors.set_key_policy(lifetime_days=36500)
    assert policy.expiresAt == START + timedelta(days=36500)
    assert client.outbound_shipping_places.list().content == []


def test_the_default_lifetime_is_a_setting(db_url: str) -> None:
    from coupang_sandbox import SandboxSettings, create_app
    from coupang_sandbox.app import close_app
    from tests.integration.asgi_sync import SyncASGITransport

    app = create_app(SandboxSettings(db_url=db_url, vendors=[SEEDED], key_lifetime_days=30))
    try:
        with Client(
            SEEDED[1], SEEDED[2], SEEDED[0], base_url="http://127.0.0.1",
            transport=SyncASGITransport(app), rate_limit=None, max_retries=0,
        ) as seller:  # fmt: skip
            seller.sandbox.clock.set(START, freeze=True)
            seller.outbound_shipping_places.list()
            assert seller.sandbox.vendors.key_policy().lifetimeDays == 30
            seller.sandbox.clock.advance(30 * DAY)
            _assert_expired(seller)
    finally:
        close_app(app)


def test_a_clock_set_back_before_the_issue_date_keeps_the_key_working(client: Client) -> None:
    client.outbound_shipping_places.list()
    client.sandbox.clock.set(START - timedelta(days=400), freeze=True)
    assert client.outbound_shipping_places.list().content == []
    assert client.sandbox.vendors.key_policy().issuedAt == START


async def test_the_async_client_raises_access_key_expired(app: Starlette) -> None:
    async with make_async_client(app) as seller:
        await seller.sandbox.clock.set(START, freeze=True)
        await seller.outbound_shipping_places.list()
        await seller.sandbox.clock.advance(180 * DAY)
        with pytest.raises(AccessKeyExpiredError) as refused:
            await seller.outbound_shipping_places.list()
        assert refused.value.status_code == 401


def test_neither_refusal_is_retried(app: Starlette, client: Client) -> None:
    from coupang_seller import IPNotAllowedError
    from coupang_seller._ratelimit import CircuitBreaker, RateLimiterRegistry
    from tests.key_policy.conftest import PeerTransport

    class Counting(PeerTransport):
        sent = 0

        def handle_request(self, request: httpx.Request) -> httpx.Response:
            if request.url.path.startswith("/v2/"):
                Counting.sent += 1
            return super().handle_request(request)

    client.outbound_shipping_places.list()
    client.sandbox.vendors.set_key_policy(allowed_ips=["127.0.0.1"])
    with Client(
        SEEDED[1], SEEDED[2], SEEDED[0], base_url="http://127.0.0.1",
        transport=Counting(app, "127.0.0.2"), rate_limit=None, max_retries=3,
        rate_limiters=RateLimiterRegistry(), circuit_breaker=CircuitBreaker(),
    ) as stranger:  # fmt: skip
        with pytest.raises(IPNotAllowedError):
            stranger.outbound_shipping_places.list()
        assert Counting.sent == 1
        client.sandbox.vendors.set_key_policy(allowed_ips=None)
        client.sandbox.clock.advance(180 * DAY)
        with pytest.raises(AccessKeyExpiredError):
            stranger.outbound_shipping_places.list()
        assert Counting.sent == 2
