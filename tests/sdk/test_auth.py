"""CEA signing: fixed vectors (computed independently with openssl) and wire == signed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import httpx
import pytest

from coupang_seller import (
    CEAAuth,
    Client,
    authorization_header,
    compute_signature,
    format_signed_date,
)
from coupang_seller._auth import signing_message
from coupang_seller._core import encode_query

SECRET = "s3cr3t-한국-key"

# (signed-date, method, path, query, expected signature) — expected values were computed with
# `printf '%s' "$msg" | openssl dgst -sha256 -hmac "$SECRET"`, not with this package.
VECTORS = [
    (
        "190402T061530Z",
        "GET",
        "/v2/providers/openapi/apis/api/v4/vendors/A00012345/outboundShippingCenters",
        "searchType=FULL&pageNum=1&pageSize=50",
        "519393e3315da77a634933d8b9171fe16aa8b9a438a2d021642e8e4f9d79a45a",
    ),
    (
        "261123T000000Z",
        "POST",
        "/v2/providers/openapi/apis/api/v5/vendors/A00012345/outboundShippingCenters",
        "",
        "a7d8fced798ff52f92a9ae294b0310caa415b276dee818a88aca548771230a10",
    ),
    (
        "261123T010203Z",
        "GET",
        "/v2/providers/seller_api/apis/api/v1/marketplace/seller-products",
        "q=%ED%95%9C%EA%B5%AD%EC%96%B4%20%3A%2B%2C~&k=1&k=2",
        "f49e1187cac55119c1faf8cd11754216c20662464ea291f5b9faf3e4d5c8eb3d",
    ),
]


@pytest.mark.parametrize(("signed_date", "method", "path", "query", "expected"), VECTORS)
def test_fixed_vectors(signed_date: str, method: str, path: str, query: str, expected: str) -> None:
    message = signing_message(signed_date, method, path, query)
    assert compute_signature(SECRET, message) == expected


def test_signed_date_is_utc_two_digit_year() -> None:
    kst = timezone(timedelta(hours=9))
    moment = datetime(2019, 4, 2, 15, 15, 30, tzinfo=kst)  # 06:15:30 UTC
    assert format_signed_date(moment) == "190402T061530Z"


def test_naive_clock_is_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        format_signed_date(datetime(2019, 4, 2, 6, 15, 30))


def test_header_layout() -> None:
    header = authorization_header(
        "AK",
        SECRET,
        "get",
        VECTORS[0][2],
        VECTORS[0][3],
        moment=datetime(2019, 4, 2, 6, 15, 30, tzinfo=UTC),
    )
    assert header == (
        "CEA algorithm=HmacSHA256, access-key=AK, signed-date=190402T061530Z, signature="
        + VECTORS[0][4]
    )


def test_query_with_leading_question_mark_is_refused() -> None:
    with pytest.raises(ValueError):
        signing_message("190402T061530Z", "GET", "/v2/x", "?a=1")


def test_encode_query_korean_and_reserved_characters() -> None:
    query = encode_query({"q": "한국어 :+,~", "k": ["1", "2"], "skip": None, "flag": True})
    assert query == "q=%ED%95%9C%EA%B5%AD%EC%96%B4%20%3A%2B%2C~&k=1%2C2&flag=true"


def test_repeated_keys_signed_in_wire_order() -> None:
    """A query with repeated keys (built by hand) is signed exactly as sent, order kept."""
    auth = CEAAuth("AK", SECRET, clock=lambda: datetime(2026, 11, 23, 1, 2, 3, tzinfo=UTC))
    request = httpx.Request(
        "GET",
        httpx.URL(
            "https://sandbox.test/v2/providers/seller_api/apis/api/v1/marketplace/seller-products",
            query=VECTORS[2][3].encode(),
        ),
    )
    auth.sign(request)
    assert request.headers["Authorization"].endswith("signature=" + VECTORS[2][4])


def test_bytes_sent_equal_bytes_signed() -> None:
    """Whatever the client puts on the wire is exactly what it signed."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"code": 200, "message": "OK", "data": {"content": []}})

    fixed = datetime(2026, 11, 23, 1, 2, 3, tzinfo=UTC)
    with Client(
        "AK",
        SECRET,
        "A00012345",
        base_url="https://sandbox.test",
        transport=httpx.MockTransport(handler),
        clock=lambda: fixed,
        rate_limit=None,
    ) as client:
        client.request(
            "GET",
            "/v2/providers/seller_api/apis/api/v1/marketplace/seller-products",
            params={"sellerProductName": "한국 :+,~ 상품", "status": "APPROVED", "codes": [1, 2]},
        )
    request = seen[0]
    raw_path, _, raw_query = request.url.raw_path.partition(b"?")
    header = request.headers["Authorization"]
    signature = header.rsplit("signature=", 1)[1]
    expected = compute_signature(
        SECRET, signing_message("261123T010203Z", "GET", raw_path.decode(), raw_query.decode())
    )
    assert signature == expected
    assert b"%ED%95%9C" in raw_query and b"~" in raw_query


def test_repr_hides_secret() -> None:
    auth = CEAAuth("ACCESSKEY", "super-secret-value")
    assert "super-secret-value" not in repr(auth)
    client = Client("ACCESSKEY", "super-secret-value", "A00012345", base_url="https://sandbox.test")
    try:
        assert "super-secret-value" not in repr(client)
        assert "super-secret-value" not in repr(client.options)
    finally:
        client.close()
