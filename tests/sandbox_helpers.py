"""Helpers of the sandbox tests: request bodies and a hand-made CEA signer.

The signer is written here on purpose (independent of the SDK's) so the sandbox is checked
against the documented algorithm, not against another copy of its own code.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from coupang_sandbox import SandboxSettings, create_app
from coupang_sandbox.app import close_app

VENDOR_A = ("A00012345", "access-a", "secret-a")
VENDOR_B = ("A00099999", "access-b", "secret-b")
OPENAPI = "/v2/providers/openapi/apis/api"
MARKETPLACE = "/v2/providers/marketplace_openapi/apis/api"
JSON_CT = "application/json;charset=UTF-8"


def outbound_url(vendor_id: str = VENDOR_A[0], version: str = "v4") -> str:
    return f"{OPENAPI}/{version}/vendors/{vendor_id}/outboundShippingCenters"


def outbound_list_url(vendor_id: str = VENDOR_A[0], version: str = "v4") -> str:
    """The outbound places list (``searchType`` is required: FULL lists every place)."""
    return f"{outbound_url(vendor_id, version)}?searchType=FULL"


def return_url(vendor_id: str = VENDOR_A[0], version: str = "v4") -> str:
    return f"{OPENAPI}/{version}/vendors/{vendor_id}/returnShippingCenters"


def address(**overrides: Any) -> dict[str, Any]:
    base = {
        "addressType": "JIBUN",
        "countryCode": "KR",
        "companyContactNumber": "02-1234-5678",
        "phoneNumber2": "010-1234-5678",
        "returnZipCode": "10516",
        "returnAddress": "경기도 파주시 탄현면 월롱산로 294-58",
        "returnAddressDetail": "한국물류",
    }
    base.update(overrides)
    return base


def outbound_body(
    name: str = "출고지 1", vendor_id: str = VENDOR_A[0], **overrides: Any
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "vendorId": vendor_id,
        "userId": "wing-user",
        "shippingPlaceName": name,
        "global": "false",
        "usable": True,
        "placeAddresses": [address(returnAddressDetail=f"{name} 상세")],
        "remoteInfos": [{"deliveryCode": "KGB", "jeju": "5000", "notJeju": "2500"}],
    }
    body.update(overrides)
    return body


FEES = {
    f"{kind}{band}": 2500
    for band in ("05kg", "10kg", "20kg")
    for kind in ("vendorCreditFee", "vendorCashFee", "consumerCashFee", "returnFee")
}


def return_body(
    name: str = "반품지 1", vendor_id: str = VENDOR_A[0], **overrides: Any
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "vendorId": vendor_id,
        "userId": "wing-user",
        "shippingPlaceName": name,
        "goodsflowInfoOpenApiDto": {
            "deliverCode": "CJGLS",
            "deliverName": "CJ대한통운",
            "contractNumber": "12345678",
            "contractCustomerNumber": "C-1",
            **FEES,
        },
        "placeAddresses": [
            {
                "addressType": "JIBUN",
                "companyContactNumber": "02-1234-5678",
                "returnZipCode": "10516",
                "returnAddress": "경기도 파주시",
                "returnAddressDetail": name,
            }
        ],
    }
    body.update(overrides)
    return body


def sign(secret: str, signed_date: str, method: str, path: str, query: str) -> str:
    message = f"{signed_date}{method}{path}{query}".encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def signed_date(moment: datetime | None = None) -> str:
    return (moment or datetime.now(UTC)).strftime("%y%m%dT%H%M%SZ")


@dataclass
class Api:
    """An HTTP client that signs each request for one vendor (over the exact wire bytes)."""

    http: httpx.AsyncClient
    vendor: tuple[str, str, str] = VENDOR_A

    def as_vendor(self, vendor: tuple[str, str, str]) -> Api:
        return Api(self.http, vendor)

    async def request(
        self,
        method: str,
        url: str,
        *,
        signed_at: datetime | None = None,
        secret: str | None = None,
        authorization: str | None = None,
        sign_request: bool = True,
        **kwargs: Any,
    ) -> httpx.Response:
        request = self.http.build_request(method, url, **kwargs)
        if sign_request:
            path, _, query = request.url.raw_path.decode("ascii").partition("?")
            date = signed_date(signed_at)
            signature = sign(secret or self.vendor[2], date, method, path, query)
            request.headers["Authorization"] = authorization or (
                f"CEA algorithm=HmacSHA256, access-key={self.vendor[1]}, "
                f"signed-date={date}, signature={signature}"
            )
        return await self.http.send(request)

    async def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return await self.request("GET", url, **kwargs)

    async def post(self, url: str, **kwargs: Any) -> httpx.Response:
        return await self.request("POST", url, **kwargs)

    async def put(self, url: str, **kwargs: Any) -> httpx.Response:
        return await self.request("PUT", url, **kwargs)


async def create_outbound(
    api: Api, name: str = "출고지 1", version: str = "v4", **overrides: Any
) -> int:
    response = await api.post(
        outbound_url(api.vendor[0], version), json=outbound_body(name, api.vendor[0], **overrides)
    )
    assert response.status_code == 200, response.text
    return int(response.json()["data"]["resultMessage"])


async def create_return(
    api: Api, name: str = "반품지 1", version: str = "v4", **overrides: Any
) -> str:
    response = await api.post(
        return_url(api.vendor[0], version), json=return_body(name, api.vendor[0], **overrides)
    )
    assert response.status_code == 200, response.text
    code: str = response.json()["data"]["resultMessage"]
    return code


def assert_envelope(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == JSON_CT
    body: dict[str, Any] = response.json()
    assert body["code"] == status
    assert isinstance(body["message"], str)
    assert "data" in body
    return body


def fields_of(response: httpx.Response) -> set[str]:
    return {e["field"] for e in response.json().get("errors", [])}


def rules_of(response: httpx.Response) -> set[str]:
    return {e["rule"] for e in response.json().get("errors", [])}


# -- fixtures, imported by the conftest of tests/sandbox and tests/shipping_places --


@pytest.fixture
def settings(db_url: str) -> SandboxSettings:
    return SandboxSettings(rate_limit_per_second=None, db_url=db_url, vendors=[VENDOR_A, VENDOR_B])


@pytest.fixture
def app(settings: SandboxSettings) -> Iterator[Starlette]:
    application = create_app(settings)
    try:
        yield application
    finally:
        close_app(application)


@pytest.fixture
async def http(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
        yield client


@pytest.fixture
def api(http: httpx.AsyncClient) -> Api:
    return Api(http)


@pytest.fixture
def api_b(http: httpx.AsyncClient) -> Api:
    return Api(http, VENDOR_B)
