"""The lean send path keeps its guarantees (real sockets, a loopback server reading the bytes).

* Each call's URL is composed onto the parsed base URL when its path and query are plain,
  parsed by httpx otherwise: both give the URL httpx's own parser gives.
* The signature covers the exact path and query that reached the socket, on either way.
* The SDK's HTTP client keeps no cookies: a ``Set-Cookie`` is never sent back.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime

import httpx
import pytest

from coupang_seller import AsyncClient, Client
from coupang_seller._auth import compute_signature
from coupang_seller._core import UrlComposer, encode_query
from tests.sdk._hostile_server import HostileServer, hostile_server

ACCESS, SECRET, VENDOR = "AK-lean", "lean-secret", "A00012345"
NOW = datetime(2026, 11, 23, 1, 2, 3, tzinfo=UTC)

BASES = (
    "http://127.0.0.1:9",
    "http://127.0.0.1:9/",
    "https://api-gateway.coupang.com",
    "https://gateway.example.com/prefix/",
)
PATHS = (
    "/v2/providers/marketplace_openapi/apis/api/v2/vendor/shipping-place/outbound",
    "/v2/providers/seller_api/apis/api/v1/marketplace/seller-products/12345/items",
    "/a/b-c_d.e~f/A00012345",
    "/",
    "/a/../b",  # dot segments: httpx normalises them
    "/a/./b",
    "/a//b",
    "/a b/한글",  # escaped by httpx
    "/a%2Fb",
    "/.hidden/x",
)
QUERIES = (
    "",
    encode_query({"pageNum": 1, "pageSize": 50}),
    encode_query({"name": "가 나/다", "codes": [1, 2], "on": date(2026, 1, 2), "ok": True}),
    encode_query({"at": datetime(2026, 1, 2, 3, 4, 5), "q": "a&b=c~d"}),
)


@pytest.mark.parametrize("base", BASES)
def test_composed_url_is_the_url_httpx_parses(base: str) -> None:
    composer = UrlComposer(base)
    for path in PATHS:
        for query in QUERIES:
            parsed = httpx.URL(base.rstrip("/") + path, query=query.encode() if query else None)
            composed = composer.url(path, query)
            assert composed == parsed, (base, path, query)
            assert composed.raw_path == parsed.raw_path
            assert str(composed) == str(parsed)
            assert (composed.host, composed.port, composed.scheme) == (
                parsed.host,
                parsed.port,
                parsed.scheme,
            )


_TARGET_RE = re.compile(rb"^GET (\S+) HTTP/1\.1\r\n", re.MULTILINE)
_AUTH_RE = re.compile(
    rb"^authorization: CEA algorithm=HmacSHA256, access-key=(\S+), signed-date=(\S+), "
    rb"signature=([0-9a-f]{64})\r$",
    re.IGNORECASE | re.MULTILINE,
)


def _check_signed(head: bytes) -> bytes:
    """The request target of ``head``, after checking its signature covers exactly it."""
    target = _TARGET_RE.search(head)
    auth = _AUTH_RE.search(head)
    assert target is not None and auth is not None, head
    path, _, query = target.group(1).decode("ascii").partition("?")
    access, signed_date, signature = (part.decode() for part in auth.groups())
    assert access == ACCESS
    assert signed_date == "261123T010203Z"
    assert signature == compute_signature(SECRET, f"{signed_date}GET{path}{query}")
    return target.group(1)


@pytest.fixture
def hostile() -> Iterator[HostileServer]:
    with hostile_server() as server:
        yield server


def test_signature_covers_the_bytes_on_the_wire_composed_or_parsed(
    hostile: HostileServer,
) -> None:
    params = {"name": "가 나", "codes": [1, 2], "on": date(2026, 1, 2)}
    with Client(
        ACCESS, SECRET, VENDOR, base_url=hostile.base_url, rate_limit=None, clock=lambda: NOW
    ) as client:
        client.request("GET", "/v2/plain/A00012345/items", params=params)
        client.request("GET", "/v2/x/./y/../z", params=params)  # parsed: normalised
        client.request("GET", "/v2/a b/한글")  # parsed: escaped
    targets = [_check_signed(head) for head in hostile.heads]
    query = b"?name=%EA%B0%80%20%EB%82%98&codes=1%2C2&on=2026-01-02"
    assert targets == [
        b"/v2/plain/A00012345/items" + query,
        b"/v2/x/z" + query,
        b"/v2/a%20b/%ED%95%9C%EA%B8%80",
    ]


def test_extended_timeout_header_is_sent_with_the_client_headers(hostile: HostileServer) -> None:
    with Client(
        ACCESS, SECRET, VENDOR, base_url=hostile.base_url, rate_limit=None, clock=lambda: NOW
    ) as client:
        client.request("GET", "/v2/slow", extended_timeout=30)
        client.request("GET", "/v2/fast")
    slow, fast = (head.lower() for head in hostile.heads)
    assert b"\r\nx-extended-timeout: 30000\r\n" in slow
    assert b"x-extended-timeout" not in fast
    for head in (slow, fast):
        assert b"\r\nuser-agent: coupang-seller" in head
        assert b"\r\ncontent-type: application/json;charset=utf-8\r\n" in head
        assert b"\r\naccept-encoding: " in head


def test_sync_client_never_sends_a_cookie_back(hostile: HostileServer) -> None:
    with Client(ACCESS, SECRET, VENDOR, base_url=hostile.base_url, rate_limit=None) as client:
        client.request("GET", "/v2/set-cookie")
        client.request("GET", "/v2/next")
        assert len(client._http.cookies) == 0
        with pytest.raises(AttributeError, match="keeps no cookies"):
            client._http.cookies = {"session": "x"}  # type: ignore[misc]
    assert len(hostile.heads) == 2
    assert b"set-cookie" not in hostile.heads[1].lower()
    assert b"\r\ncookie:" not in hostile.heads[1].lower()


def test_async_client_never_sends_a_cookie_back(hostile: HostileServer) -> None:
    async def main() -> None:
        async with AsyncClient(
            ACCESS, SECRET, VENDOR, base_url=hostile.base_url, rate_limit=None
        ) as client:
            await client.request("GET", "/v2/set-cookie")
            await client.request("GET", "/v2/next")
            assert len(client._http.cookies) == 0

    asyncio.run(main())
    assert len(hostile.heads) == 2
    assert b"\r\ncookie:" not in hostile.heads[1].lower()
