"""Per-key IP allowlist: a signed call from an address the vendor's key policy does not list
answers the gateway's 403 ``[FORBIDDEN] Not allowed IP``, which the SDK raises as
:class:`IPNotAllowedError` (sync and async); addresses and CIDR networks both work."""

from __future__ import annotations

import pytest
from starlette.applications import Starlette

from coupang_seller import InvalidSignatureError, IPNotAllowedError, ValidationError
from coupang_seller.types.sandbox import SandboxKeyPolicy
from tests.key_policy.conftest import SEEDED, ClientFactory, make_async_client


def test_no_policy_allows_any_address(make_client: ClientFactory) -> None:
    policy = make_client().sandbox.vendors.key_policy()
    assert isinstance(policy, SandboxKeyPolicy)
    assert policy.allowedIps is None
    assert make_client(peer="10.9.8.7").outbound_shipping_places.list().content == []


def test_a_listed_address_passes_and_another_is_refused(make_client: ClientFactory) -> None:
    allowed, stranger = make_client(peer="127.0.0.1"), make_client(peer="127.0.0.2")
    policy = allowed.sandbox.vendors.set_key_policy(allowed_ips=["127.0.0.1"])
    assert policy.allowedIps == ["127.0.0.1"]
    assert allowed.outbound_shipping_places.list().content == []
    with pytest.raises(IPNotAllowedError) as refused:
        stranger.outbound_shipping_places.list()
    error = refused.value
    assert error.status_code == 403
    assert error.body["code"] == "ERROR"
    assert error.body["message"] == "[FORBIDDEN] Not allowed IP"
    assert len(error.body["transactionId"]) == 36
    # Allowing any address again lets the stranger in.
    assert allowed.sandbox.vendors.set_key_policy(allowed_ips=None).allowedIps is None
    assert stranger.outbound_shipping_places.list().content == []


async def test_the_async_client_raises_the_same_typed_error(app: Starlette) -> None:
    async with (
        make_async_client(app, peer="127.0.0.1") as allowed,
        make_async_client(app, peer="127.0.0.2") as stranger,
    ):
        await allowed.sandbox.vendors.set_key_policy(allowed_ips=["127.0.0.1"])
        assert (await allowed.outbound_shipping_places.list()).content == []
        with pytest.raises(IPNotAllowedError) as refused:
            await stranger.outbound_shipping_places.list()
        assert refused.value.status_code == 403


@pytest.mark.parametrize(
    ("network", "peer", "admitted"),
    [
        ("127.0.0.0/31", "127.0.0.1", True),
        ("127.0.0.0/31", "127.0.0.2", False),
        ("127.0.0.0/30", "127.0.0.2", True),
        ("10.0.0.0/8", "10.200.3.4", True),
        ("10.0.0.0/8", "11.0.0.1", False),
        ("::1", "::1", True),
        ("2001:db8::/32", "2001:db8:1::5", True),
        ("2001:db8::/32", "2001:db9::5", False),
        # an IPv4 peer seen as IPv4-mapped IPv6 (a dual-stack listener) is the IPv4 address
        ("127.0.0.1", "::ffff:127.0.0.1", True),
    ],
)
def test_cidr_networks(make_client: ClientFactory, network: str, peer: str, admitted: bool) -> None:
    make_client().sandbox.vendors.set_key_policy(allowed_ips=[network, "192.0.2.7"])
    caller = make_client(peer=peer)
    if admitted:
        assert caller.outbound_shipping_places.list().content == []
    else:
        with pytest.raises(IPNotAllowedError):
            caller.outbound_shipping_places.list()


def test_only_the_vendor_with_the_policy_is_restricted(make_client: ClientFactory) -> None:
    admin = make_client()
    other = admin.sandbox.vendors.create("A00071002", access_key="ak-other", secret_key="sk-o")
    admin.sandbox.vendors.set_key_policy(allowed_ips=["127.0.0.1"])
    keys = (other.vendorId, other.accessKey, other.secretKey.reveal())
    assert make_client(keys, peer="127.0.0.2").outbound_shipping_places.list().content == []
    with pytest.raises(IPNotAllowedError):
        make_client(SEEDED, peer="127.0.0.2").outbound_shipping_places.list()


def test_the_signature_is_checked_before_the_address(make_client: ClientFactory) -> None:
    make_client().sandbox.vendors.set_key_policy(allowed_ips=["127.0.0.1"])
    forger = make_client((SEEDED[0], SEEDED[1], "a-wrong-secret"), peer="127.0.0.2")
    with pytest.raises(InvalidSignatureError) as refused:
        forger.outbound_shipping_places.list()
    assert refused.value.status_code == 401


def test_the_sdk_refuses_one_string_for_the_list(make_client: ClientFactory) -> None:
    with pytest.raises(TypeError, match="list of addresses"):
        make_client().sandbox.vendors.set_key_policy(allowed_ips="127.0.0.1")
    with pytest.raises(ValidationError):
        make_client().sandbox.vendors.set_key_policy(allowed_ips=["127.0.0.300"])
