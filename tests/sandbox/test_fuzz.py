"""Arbitrary JSON posted to create/update endpoints never yields a 500, always the envelope."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.applications import Starlette
from tests.sandbox_helpers import (
    FEES,
    JSON_CT,
    VENDOR_A,
    Api,
    address,
    outbound_body,
    outbound_url,
    return_body,
    return_url,
)

from coupang_sandbox import SandboxSettings, create_app
from coupang_sandbox.app import close_app

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=60)
    | st.sampled_from(
        ["JIBUN", "ROADNAME", "KGB", "CJGLS", "5000", "02-1234-5678", "12345", "--5", "²", "true"]
    )
)
json_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=5)
    ),
    max_leaves=20,
)
KEYS = [
    "vendorId",
    "userId",
    "shippingPlaceName",
    "global",
    "usable",
    "placeAddresses",
    "remoteInfos",
    "goodsflowInfoOpenApiDto",
    "goodsflowInfoDto",
    "outboundShippingPlaceCode",
]
ADDRESS_KEYS = list(address())
INFO_KEYS = ["remoteInfoId", "deliveryCode", "jeju", "notJeju", "usable"]
DTO_KEYS = ["deliverCode", "contractNumber", "contractCustomerNumber", *FEES]


def mutated(base: dict[str, Any], keys: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    return st.dictionaries(st.sampled_from(keys), json_values, max_size=4).map(
        lambda m: {**base, **m}
    )


near_valid = st.one_of(
    mutated(outbound_body(), KEYS),
    mutated(return_body(), KEYS),
    mutated(address(), ADDRESS_KEYS).map(lambda a: outbound_body(placeAddresses=[a])),
    st.dictionaries(st.sampled_from(INFO_KEYS), json_values).map(
        lambda i: outbound_body(remoteInfos=[i])
    ),
    mutated(return_body()["goodsflowInfoOpenApiDto"], DTO_KEYS).map(
        lambda d: return_body(goodsflowInfoOpenApiDto=d)
    ),
)
bodies = st.one_of(json_values, st.dictionaries(st.sampled_from(KEYS), json_values), near_valid)


@pytest.fixture(scope="module")
def fuzz_app() -> Iterator[Starlette]:
    app = create_app(
        SandboxSettings(rate_limit_per_second=None, db_url="sqlite:///:memory:", vendors=[VENDOR_A])
    )
    try:
        yield app
    finally:
        close_app(app)


ENDPOINTS = [
    ("POST", outbound_url(version="v4")),
    ("POST", outbound_url(version="v5")),
    ("PUT", f"{outbound_url()}/100001"),
    ("PATCH", f"{outbound_url(version='v5')}/100001"),
    ("POST", return_url()),
    ("PUT", f"{return_url()}/1000000001"),
]


@pytest.mark.parametrize(("method", "url"), ENDPOINTS)
def test_fuzzed_bodies_never_500(fuzz_app: Starlette, method: str, url: str) -> None:
    seen: list[int] = []
    with asyncio.Runner() as runner:
        http = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=fuzz_app), base_url="http://127.0.0.1"
        )
        api = Api(http)
        try:
            # something to update
            runner.run(api.post(outbound_url(), json=outbound_body("fuzz target")))
            runner.run(api.post(return_url(), json=return_body("fuzz target")))

            @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
            @given(body=bodies)
            def check(body: Any) -> None:
                response = runner.run(api.request(method, url, json=body))
                assert response.status_code < 500, response.text
                assert response.headers["content-type"] == JSON_CT
                payload = response.json()
                assert payload["code"] == response.status_code
                assert "message" in payload and "data" in payload
                seen.append(response.status_code)

            check()
        finally:
            runner.run(http.aclose())
    assert seen
