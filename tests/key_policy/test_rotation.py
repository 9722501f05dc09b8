"""Key rotation: ``POST /_sandbox/vendors/{vendorId}/keys/rotate`` issues a new key at once;
the old key keeps working for ``overlapSeconds`` on the sandbox clock, then answers 401
(:class:`AccessKeyExpiredError`)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from starlette.applications import Starlette

from coupang_seller import AccessKeyExpiredError, BusinessRuleError, Client
from tests.key_policy.conftest import DAY, SEEDED, START, ClientFactory, make_async_client


def test_old_and_new_keys_overlap_then_the_old_one_is_refused(
    client: Client, make_client: ClientFactory
) -> None:
    client.outbound_shipping_places.list()  # the seeded key, dated at START
    client.sandbox.clock.advance(100 * DAY)
    rotated = client.sandbox.vendors.rotate_key(overlap_seconds=3600)
    now = START + timedelta(days=100)
    assert rotated.vendorId == SEEDED[0]
    assert rotated.accessKey != SEEDED[1]
    assert rotated.previousAccessKey == SEEDED[1]
    assert rotated.issuedAt == now
    assert rotated.expiresAt == now + timedelta(days=180)
    assert rotated.previousValidUntil == now + timedelta(hours=1)
    assert "sk" not in repr(rotated.secretKey) and rotated.secretKey.reveal()
    fresh = make_client((SEEDED[0], rotated.accessKey, rotated.secretKey.reveal()))
    assert fresh.outbound_shipping_places.list().content == []
    assert client.outbound_shipping_places.list().content == []  # the old key, in the overlap
    policy = client.sandbox.vendors.key_policy()
    assert policy.accessKey == rotated.accessKey
    assert [(p.accessKey, p.validUntil) for p in policy.previousKeys] == [
        (SEEDED[1], now + timedelta(hours=1))
    ]
    client.sandbox.clock.advance(3599)
    assert client.outbound_shipping_places.list().content == []
    client.sandbox.clock.advance(1)
    with pytest.raises(AccessKeyExpiredError):
        client.outbound_shipping_places.list()
    assert fresh.outbound_shipping_places.list().content == []
    assert client.sandbox.vendors.key_policy().previousKeys == []
    # The new key lives its own 180 days.
    client.sandbox.clock.advance(180 * DAY - 3600)
    with pytest.raises(AccessKeyExpiredError):
        fresh.outbound_shipping_places.list()


def test_without_overlap_the_old_key_stops_at_once(client: Client) -> None:
    rotated = client.sandbox.vendors.rotate_key(access_key="ak-chosen", secret_key="sk-chosen")
    assert rotated.accessKey == "ak-chosen" and rotated.secretKey.reveal() == "sk-chosen"
    with pytest.raises(AccessKeyExpiredError):
        client.outbound_shipping_places.list()


def test_the_overlap_never_outlives_the_old_key(client: Client) -> None:
    client.outbound_shipping_places.list()  # dated at START
    client.sandbox.clock.advance(179 * DAY)
    rotated = client.sandbox.vendors.rotate_key(overlap_seconds=7 * DAY)
    assert rotated.previousValidUntil == START + timedelta(days=180)


def test_the_policy_survives_a_rotation(client: Client, make_client: ClientFactory) -> None:
    client.sandbox.vendors.set_key_policy(allowed_ips=["127.0.0.1"], lifetime_days=90)
    rotated = client.sandbox.vendors.rotate_key(overlap_seconds=60)
    assert rotated.expiresAt == START + timedelta(days=90)
    policy = client.sandbox.vendors.key_policy()
    assert policy.allowedIps == ["127.0.0.1"] and policy.lifetimeDays == 90


def test_an_access_key_in_use_is_refused(client: Client) -> None:
    other = client.sandbox.vendors.create("A00071004", access_key="ak-taken", secret_key="sk-t")
    with pytest.raises(BusinessRuleError) as refused:
        client.sandbox.vendors.rotate_key(access_key=other.accessKey)
    assert refused.value.status_code == 409
    # ... and so is the key just rotated out (it may still be overlapping).
    client.sandbox.vendors.rotate_key(overlap_seconds=60, access_key="ak-second")
    with pytest.raises(BusinessRuleError):
        client.sandbox.vendors.rotate_key(vendor_id=SEEDED[0], access_key=SEEDED[1])


async def test_async_rotation(app: Starlette) -> None:
    async with make_async_client(app) as seller:
        await seller.sandbox.clock.set(START, freeze=True)
        rotated = await seller.sandbox.vendors.rotate_key(overlap_seconds=10)
        assert (await seller.outbound_shipping_places.list()).content == []
        await seller.sandbox.clock.advance(10)
        with pytest.raises(AccessKeyExpiredError):
            await seller.outbound_shipping_places.list()
        keys = (SEEDED[0], rotated.accessKey, rotated.secretKey.reveal())
        async with make_async_client(app, keys) as fresh:
            assert (await fresh.outbound_shipping_places.list()).content == []
