"""HMAC (CEA) verification, checked against a hand-made signer."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from starlette.applications import Starlette
from tests.sandbox_helpers import (
    JSON_CT,
    VENDOR_A,
    Api,
    outbound_list_url,
    outbound_url,
    sign,
    signed_date,
)

from coupang_sandbox import SandboxSettings, create_app
from coupang_sandbox.app import close_app


def assert_gateway_error(response: httpx.Response, message: str) -> None:
    assert response.status_code == 401, response.text
    assert response.headers["content-type"] == JSON_CT
    body = response.json()
    assert body["code"] == "ERROR"
    assert body["message"] == message
    assert len(body["transactionId"]) == 36


async def test_valid_signature(api: Api) -> None:
    response = await api.get(
        outbound_url(), params={"searchType": "FULL", "pageNum": 1, "pageSize": 10}
    )
    assert response.status_code == 200


async def test_signature_covers_raw_query(api: Api) -> None:
    # percent-encoded names: the signature is over the query exactly as it went on the wire
    response = await api.get(
        "/v2/providers/marketplace_openapi/apis/api/v2/vendor/shipping-place/outbound",
        params={"placeNames": "출고지 1,a+b&c"},
    )
    assert response.status_code == 200, response.text


async def test_missing_header(api: Api) -> None:
    response = await api.get(outbound_list_url(), sign_request=False)
    assert_gateway_error(response, "Request is not authorized.")


async def test_unknown_access_key(api: Api) -> None:
    stranger = api.as_vendor(("A00000001", "nobody", "secret"))
    assert_gateway_error(await stranger.get(outbound_list_url()), "Request is not authorized.")


async def test_wrong_secret(api: Api) -> None:
    response = await api.get(outbound_list_url(), secret="not-the-secret")
    assert_gateway_error(response, "Invalid signature.")


async def test_signature_of_other_path_is_invalid(api: Api) -> None:
    date = signed_date()
    other = sign(VENDOR_A[2], date, "GET", "/v2/other", "")
    header = (
        f"CEA algorithm=HmacSHA256, access-key={VENDOR_A[1]}, signed-date={date}, signature={other}"
    )
    assert_gateway_error(
        await api.get(outbound_list_url(), authorization=header), "Invalid signature."
    )


async def test_query_tampering_is_invalid(api: Api, http: httpx.AsyncClient) -> None:
    date = signed_date()
    path = outbound_url()
    signature = sign(VENDOR_A[2], date, "GET", path, "searchType=FULL&pageNum=1")
    header = f"CEA algorithm=HmacSHA256, access-key={VENDOR_A[1]}, signed-date={date}, signature={signature}"
    ok = await http.get(f"{path}?searchType=FULL&pageNum=1", headers={"Authorization": header})
    assert ok.status_code == 200
    bad = await http.get(f"{path}?searchType=FULL&pageNum=2", headers={"Authorization": header})
    assert_gateway_error(bad, "Invalid signature.")


@pytest.mark.parametrize(
    "header",
    [
        "Bearer abc",
        "CEA",
        "CEA algorithm=HmacSHA1, access-key=access-a, signed-date=240101T000000Z, signature=00",
        "CEA algorithm=HmacSHA256, access-key=access-a, signature=00",
        "CEA algorithm=HmacSHA256, access-key=access-a, signed-date=2024-01-01, signature=00",
        "CEA algorithm=HmacSHA256, access-key=access-a, signed-date=241399T000000Z, signature=00",
        "CEA algorithm=HmacSHA256; access-key=access-a",
    ],
)
async def test_malformed_header(api: Api, header: str) -> None:
    response = await api.get(outbound_list_url(), authorization=header)
    assert_gateway_error(response, "HMAC format is invalid.")


@pytest.mark.parametrize("minutes", [-6, 6, -60 * 24])
async def test_expired_signature(api: Api, minutes: int) -> None:
    when = datetime.now(UTC) + timedelta(minutes=minutes)
    response = await api.get(outbound_list_url(), signed_at=when)
    assert_gateway_error(response, "Specified signature is expired.")


@pytest.mark.parametrize("minutes", [-4, 4])
async def test_within_default_skew(api: Api, minutes: int) -> None:
    when = datetime.now(UTC) + timedelta(minutes=minutes)
    assert (await api.get(outbound_list_url(), signed_at=when)).status_code == 200


@pytest.fixture
def fixed_app() -> Iterator[Starlette]:
    wall = datetime(2024, 5, 1, 12, 0, 0, tzinfo=UTC)
    app = create_app(
        SandboxSettings(
            rate_limit_per_second=None,
            db_url="sqlite:///:memory:",
            vendors=[VENDOR_A],
            signature_skew_seconds=30,
            wall_clock=lambda: wall,
        )
    )
    try:
        yield app
    finally:
        close_app(app)


async def test_skew_is_configurable_and_uses_wall_clock(fixed_app: Starlette) -> None:
    wall = datetime(2024, 5, 1, 12, 0, 0, tzinfo=UTC)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=fixed_app), base_url="http://127.0.0.1"
    ) as http:
        api = Api(http)
        ok = await api.get(outbound_list_url(), signed_at=wall + timedelta(seconds=30))
        assert ok.status_code == 200
        late = await api.get(outbound_list_url(), signed_at=wall + timedelta(seconds=31))
        assert_gateway_error(late, "Specified signature is expired.")
        early = await api.get(outbound_list_url(), signed_at=wall - timedelta(seconds=31))
        assert_gateway_error(early, "Specified signature is expired.")


async def test_sandbox_clock_does_not_expire_real_time_signatures(
    api: Api, http: httpx.AsyncClient
) -> None:
    advanced = await http.post("/_sandbox/clock/advance", json={"seconds": 86400})
    assert advanced.status_code == 200
    assert (await api.get(outbound_list_url())).status_code == 200
    frozen = await http.post(
        "/_sandbox/clock", json={"now": "2020-01-01T00:00:00Z", "freeze": True}
    )
    assert frozen.status_code == 200
    assert (await api.get(outbound_list_url())).status_code == 200
    # and a signature dated at the sandbox's (fake) time is refused
    stale = await api.get(outbound_list_url(), signed_at=datetime(2020, 1, 1, tzinfo=UTC))
    assert_gateway_error(stale, "Specified signature is expired.")


async def test_optional_headers_are_accepted(api: Api) -> None:
    response = await api.get(
        outbound_list_url(), headers={"X-EXTENDED-TIMEOUT": "90000", "X-Requested-By": "tests"}
    )
    assert response.status_code == 200
