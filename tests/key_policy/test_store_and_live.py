"""The key rules live in the store: a policy or a rotation made through one app applies to the
next request of another app on the same store (as two processes would share it), survives a
restart, and a store made before the key tables existed still opens. Over real sockets, a
uvicorn server on 127.0.0.1 refuses a client bound to 127.0.0.2."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, insert
from starlette.applications import Starlette

from coupang_cli._embedded import RunningSandbox, embedded_sandbox
from coupang_sandbox import SandboxSettings, create_app
from coupang_sandbox.app import close_app
from coupang_sandbox.store.key_policy import key_policies, keys
from coupang_sandbox.store.schema import metadata, vendors
from coupang_seller import AccessKeyExpiredError, AsyncClient, Client, IPNotAllowedError
from coupang_seller._ratelimit import CircuitBreaker, RateLimiterRegistry
from tests.key_policy.conftest import DAY, SEEDED, START, PeerTransport


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def shared_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'keys.sqlite3'}"
    url: str = request.getfixturevalue("pg_schema_url")
    return url


def _app(url: str) -> Starlette:
    return create_app(SandboxSettings(db_url=url, vendors=[SEEDED], rate_limit_per_second=None))


def _client(
    app: Starlette, peer: str = "127.0.0.1", vendor: tuple[str, str, str] = SEEDED
) -> Client:
    return Client(
        vendor[1], vendor[2], vendor[0], base_url="http://127.0.0.1",
        transport=PeerTransport(app, peer), rate_limit=None, max_retries=0,
        rate_limiters=RateLimiterRegistry(), circuit_breaker=CircuitBreaker(),
    )  # fmt: skip


def test_a_policy_set_through_one_app_applies_in_the_other(shared_url: str) -> None:
    one, two = _app(shared_url), _app(shared_url)
    try:
        with _client(one) as first, _client(two, peer="127.0.0.2") as second:
            assert second.outbound_shipping_places.list().content == []  # two has cached the key
            first.sandbox.vendors.set_key_policy(allowed_ips=["127.0.0.1"])
            with pytest.raises(IPNotAllowedError):
                second.outbound_shipping_places.list()
            first.sandbox.clock.set(START, freeze=True)
            rotated = first.sandbox.vendors.rotate_key(overlap_seconds=60)
            first.sandbox.clock.advance(60)
        fresh = (SEEDED[0], rotated.accessKey, rotated.secretKey.reveal())
        with _client(two) as old_key, _client(two, vendor=fresh) as new_key:
            with pytest.raises(AccessKeyExpiredError):
                old_key.outbound_shipping_places.list()
            assert new_key.outbound_shipping_places.list().content == []
    finally:
        close_app(one)
        close_app(two)
    # A restart keeps the policy, the issue date and the rotated key.
    again = _app(shared_url)
    try:
        with _client(again, vendor=fresh) as seller:
            policy = seller.sandbox.vendors.key_policy()
            assert policy.accessKey == rotated.accessKey
            assert policy.allowedIps == ["127.0.0.1"]
            assert policy.issuedAt == START
            seller.sandbox.clock.advance(180 * DAY)
            with pytest.raises(AccessKeyExpiredError):
                seller.outbound_shipping_places.list()
    finally:
        close_app(again)


def test_a_store_made_before_the_key_tables_still_opens(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    engine = create_engine(url)
    older = [t for t in metadata.sorted_tables if t not in (keys, key_policies)]
    metadata.create_all(engine, tables=older)
    with engine.begin() as conn:
        conn.execute(insert(vendors).values(vendor_id=SEEDED[0], access_key=SEEDED[1],
                                            secret_key=SEEDED[2], seeded=True))  # fmt: skip
    engine.dispose()
    app = _app(url)
    try:
        with _client(app) as seller:
            assert seller.outbound_shipping_places.list().content == []
            assert seller.sandbox.vendors.key_policy().issuedAt is not None
    finally:
        close_app(app)


def test_a_reset_forgets_policies_and_rotations(shared_url: str) -> None:
    app = _app(shared_url)
    try:
        with _client(app) as seller, _client(app, peer="127.0.0.2") as stranger:
            seller.sandbox.vendors.set_key_policy(allowed_ips=["127.0.0.1"], lifetime_days=5)
            seller.sandbox.reset()
            policy = seller.sandbox.vendors.key_policy()
            assert policy.allowedIps is None and policy.lifetimeDays == 180
            assert stranger.outbound_shipping_places.list().content == []
    finally:
        close_app(app)


@pytest.fixture
def live(tmp_path: Path) -> Iterator[RunningSandbox]:
    settings = SandboxSettings(
        db_url=f"sqlite:///{tmp_path / 'live.sqlite3'}",
        vendors=[SEEDED],
        rate_limit_per_second=None,
    )
    with embedded_sandbox(db_url=settings.db_url, settings=settings) as running:
        yield running


def _live_client(base_url: str, local_address: str) -> Client:
    return Client(
        SEEDED[1], SEEDED[2], SEEDED[0], base_url=base_url,
        transport=httpx.HTTPTransport(local_address=local_address), rate_limit=None,
        max_retries=0, rate_limiters=RateLimiterRegistry(), circuit_breaker=CircuitBreaker(),
    )  # fmt: skip


@pytest.mark.e2e
def test_over_loopback_127_0_0_1_is_allowed_and_127_0_0_2_refused(live: RunningSandbox) -> None:
    with (
        _live_client(live.base_url, "127.0.0.1") as allowed,
        _live_client(live.base_url, "127.0.0.2") as stranger,
    ):
        allowed.sandbox.vendors.set_key_policy(allowed_ips=["127.0.0.1"])
        assert allowed.outbound_shipping_places.list().content == []
        with pytest.raises(IPNotAllowedError) as refused:
            stranger.outbound_shipping_places.list()
        assert refused.value.status_code == 403
        assert refused.value.body["message"] == "[FORBIDDEN] Not allowed IP"


@pytest.mark.e2e
async def test_over_loopback_the_async_client_is_refused_too(live: RunningSandbox) -> None:
    async with AsyncClient(
        SEEDED[1], SEEDED[2], SEEDED[0], base_url=live.base_url,
        transport=httpx.AsyncHTTPTransport(local_address="127.0.0.2"), rate_limit=None,
        max_retries=0, rate_limiters=RateLimiterRegistry(), circuit_breaker=CircuitBreaker(),
    ) as stranger:  # fmt: skip
        await stranger.sandbox.vendors.set_key_policy(allowed_ips=["127.0.0.0/31"])
        with pytest.raises(IPNotAllowedError):
            await stranger.outbound_shipping_places.list()
        await stranger.sandbox.vendors.set_key_policy(allowed_ips=["127.0.0.0/30"])
        assert (await stranger.outbound_shipping_places.list()).content == []
