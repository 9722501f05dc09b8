"""Who may drive ``/_sandbox``: the reproductions of issue 9 item 1 through real HTTP requests.

Each refusal is checked in Coupang's envelope (status, ``errors[].field`` naming the header and
``errors[].rule``), and where the old sandbox obeyed, that the action did not happen.
"""

from __future__ import annotations

import httpx
import pytest

from coupang_sandbox import SandboxSettings
from coupang_sandbox.app import close_app
from coupang_sandbox.settings import ConfigError
from coupang_seller._auth import CEAAuth
from tests.exposure.conftest import (
    EVIL,
    LIST_PATH,
    MINTED,
    VENDOR,
    Connect,
    connector,
    make_app,
    minted_vendor_works,
    refusal,
)

TEXT = {"Content-Type": "text/plain"}


async def _mint(local: httpx.AsyncClient) -> None:
    created = await local.post("/_sandbox/vendors", json=MINTED)
    assert created.status_code == 200, created.text


# -- the page in the developer's browser -----------------------------------------------------


async def test_a_text_plain_post_from_a_foreign_page_does_not_reset(
    local: httpx.AsyncClient, connect: Connect
) -> None:
    await _mint(local)
    answer = await local.post(
        "/_sandbox/reset", content=b'{"keepVendors": false}', headers={**TEXT, "Origin": EVIL}
    )
    refusal(answer, 403, "Origin", "foreign_origin")
    assert await minted_vendor_works(connect)


async def test_a_json_post_from_a_foreign_origin_is_refused(
    local: httpx.AsyncClient, connect: Connect
) -> None:
    await _mint(local)
    answer = await local.post("/_sandbox/reset", json={}, headers={"Origin": EVIL})
    assert "evil.example" in refusal(answer, 403, "Origin", "foreign_origin")
    assert await minted_vendor_works(connect)


async def test_a_non_json_body_is_refused_even_without_origin(
    local: httpx.AsyncClient, connect: Connect
) -> None:
    await _mint(local)
    for headers in (TEXT, {"Content-Type": "application/x-www-form-urlencoded"}, {}):
        answer = await local.post("/_sandbox/reset", content=b"keepVendors=false", headers=headers)
        refusal(answer, 415, "Content-Type", "json_content_type")
    assert await minted_vendor_works(connect)


@pytest.mark.parametrize(
    "content_type",
    ["application/json", "application/json; charset=utf-8", "APPLICATION/merge-patch+JSON"],
)
async def test_json_content_types_and_bodyless_posts_pass(
    local: httpx.AsyncClient, connect: Connect, content_type: str
) -> None:
    await _mint(local)
    advanced = await local.post(
        "/_sandbox/clock/advance",
        content=b'{"seconds": 60}',
        headers={"Content-Type": content_type},
    )
    assert advanced.status_code == 200, advanced.text
    assert (await local.post("/_sandbox/reset")).status_code == 200  # no body, no content type
    assert not await minted_vendor_works(connect)


@pytest.mark.parametrize(
    "origin",
    [
        "http://localhost:3000",
        "https://LOCALHOST",
        "http://127.0.0.1:8089",
        "http://127.8.9.10",
        "http://[::1]:8089",
    ],
)
async def test_loopback_origins_pass(local: httpx.AsyncClient, origin: str) -> None:
    answer = await local.post(
        "/_sandbox/clock/advance", json={"seconds": 1}, headers={"Origin": origin}
    )
    assert answer.status_code == 200, answer.text


@pytest.mark.parametrize(
    "origin",
    [
        EVIL,
        "null",
        "http://127.0.0.1.nip.io",
        "http://127.evil.example:8089",
        "http://localhost@evil.example",
        "http://localhost.evil.example",
        "file://localhost",
        "http://localhost/path",
        "http://[::2]",
        "http://localhost:80x",
    ],
)
async def test_foreign_origins_are_refused_on_reads_too(
    local: httpx.AsyncClient, origin: str
) -> None:
    answer = await local.get("/_sandbox/clock", headers={"Origin": origin})
    refusal(answer, 403, "Origin", "foreign_origin")


# -- DNS rebinding: a name the attacker controls, re-pointed at 127.0.0.1 --------------------


@pytest.mark.parametrize(
    "host",
    ["evil.example", "evil.example:8089", "127.0.0.1.nip.io", "localhost.evil.example", "[::1"],
)
async def test_a_foreign_host_header_is_refused(connect: Connect, host: str) -> None:
    async with connect(base_url="http://127.0.0.1:8089") as client:
        # No Origin: a same-origin GET from the rebound page sends none.
        answer = await client.get("/_sandbox/clock", headers={"Host": host})
    refusal(answer, 403, "Host", "host_not_allowed")


@pytest.mark.parametrize(
    "base_url",
    ["http://localhost:8089", "http://127.0.0.1", "http://[::1]:8089", "http://127.0.0.2"],
)
async def test_loopback_host_headers_pass(connect: Connect, base_url: str) -> None:
    async with connect(base_url=base_url) as client:
        assert (await client.get("/_sandbox/clock")).status_code == 200


async def test_allowed_hosts_are_accepted_in_host_and_origin() -> None:
    app = make_app(allowed_hosts=("Sandbox.Internal.",))
    try:
        async with connector(app)(base_url="http://sandbox.internal:8089") as client:
            headers = {"Origin": "https://SANDBOX.internal:8443"}
            assert (await client.get("/_sandbox/clock", headers=headers)).status_code == 200
            foreign = await client.get("/_sandbox/clock", headers={"Origin": EVIL})
            refusal(foreign, 403, "Origin", "foreign_origin")
        async with connector(app)(base_url="http://other.internal") as client:
            refusal(await client.get("/_sandbox/clock"), 403, "Host", "host_not_allowed")
    finally:
        close_app(app)


# -- remote peers ----------------------------------------------------------------------------


@pytest.mark.parametrize("peer", ["10.1.2.3", "192.168.1.5", "::ffff:10.0.0.1", "2001:db8::1"])
async def test_a_remote_peer_is_refused_without_a_token(
    local: httpx.AsyncClient, connect: Connect, peer: str
) -> None:
    await _mint(local)
    async with connect(peer=peer) as remote:
        refusal(await remote.post("/_sandbox/reset"), 403, "peer", "loopback_peer")
        refusal(await remote.get("/_sandbox/clock"), 403, "peer", "loopback_peer")
    assert await minted_vendor_works(connect)


@pytest.mark.parametrize("peer", ["127.0.0.1", "127.3.4.5", "::1", "::ffff:127.0.0.1"])
async def test_loopback_peers_pass(connect: Connect, peer: str) -> None:
    async with connect(peer=peer) as client:
        assert (await client.get("/_sandbox/clock")).status_code == 200


async def test_with_a_token_a_remote_peer_needs_the_bearer() -> None:
    app = make_app(admin_token="s3cret")
    try:
        async with connector(app)(peer="10.1.2.3") as remote:
            answer = await remote.get("/_sandbox/clock")
            assert answer.status_code == 401, answer.text
            bearer = {"Authorization": "Bearer s3cret"}
            assert (await remote.get("/_sandbox/clock", headers=bearer)).status_code == 200
            # The token does not lift the browser rules.
            foreign = await remote.get("/_sandbox/clock", headers={**bearer, "Origin": EVIL})
            refusal(foreign, 403, "Origin", "foreign_origin")
    finally:
        close_app(app)


async def test_a_remote_peer_reaches_the_signed_api(connect: Connect) -> None:
    """Only ``/_sandbox`` is guarded: the gateway's HMAC protects the seller API."""
    async with connect(
        peer="10.1.2.3", base_url="http://sandbox.lan", auth=CEAAuth(*VENDOR[1:])
    ) as c:
        answer = await c.get(LIST_PATH, params={"pageNum": 1, "pageSize": 10})
    assert answer.status_code == 200, answer.text


# -- the admin token ----------------------------------------------------------------------------


@pytest.mark.parametrize("token", ["", "   ", "\t", " padded "])
def test_an_empty_or_padded_admin_token_is_refused_when_the_settings_are_built(token: str) -> None:
    with pytest.raises(ConfigError, match="admin token"):
        SandboxSettings(admin_token=token)


@pytest.mark.parametrize("host", ["", "http://x.example", "x.example:8080", "a b", "x/y"])
def test_malformed_allowed_hosts_are_refused(host: str) -> None:
    with pytest.raises(ConfigError, match="allowed host"):
        SandboxSettings(allowed_hosts=(host,))
