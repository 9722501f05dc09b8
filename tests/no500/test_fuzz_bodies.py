"""Hostile paths, queries and bodies sent to every route of the table never answer a 500.

The values are the classes that broke the sandbox before (issue 9): numbers beyond a signed
64-bit integer, negative and zero ids, floats (``1e308``, ``1.0``) and booleans where an id
belongs, lone surrogates (the JSON escape ``\\ud800``, which decodes to a string no database
or encoder takes), deep nesting and duplicate keys (raw JSON text). Every answer is Coupang's
JSON envelope with a status below 500.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.applications import Starlette

from coupang_sandbox import SandboxSettings, create_app
from coupang_sandbox.app import close_app
from coupang_sandbox.routes import all_routes
from tests.integration.asgi_sync import SyncASGITransport
from tests.products.conftest import VENDOR, RawApi

#: Every served route as ``(method, path template)``.
ROUTES = sorted(
    (method, route.path)
    for route in all_routes()
    for method in route.methods or ()
    if method != "HEAD"
)

HUGE = [2**63, 2**63 - 1, -(2**63) - 1, 10**18, 10**30, -1, 0]
ID_TEXTS = [
    "abc",
    "0",
    "-1",
    "1",
    "100001",
    str(2**63),
    "9223372036854775807",
    "1234567890123456789",
    "123456789012345678",
    "1e308",
    "1.0",
    "true",
    "\uff11\uff12\uff13",  # full-width digits
    " 12",
    "",
]
#: Strings that are valid JSON escapes but decode to a lone surrogate.
LONE_SURROGATE = "\ud800"

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.sampled_from(HUGE),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([1e308, -1e308, 1.0, 0.5, 1.5e19, 5e-324]),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(ID_TEXTS),
    st.text(max_size=20),
    st.just(LONE_SURROGATE),
    st.just(f"abc{LONE_SURROGATE}"),
)
json_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=10,
)
#: Field names of the bodies and queries, ids and numbers first.
FIELDS = [
    "vendorId",
    "shipmentBoxId",
    "shipmentBoxIds",
    "orderId",
    "vendorItemId",
    "vendorItemIds",
    "vendorItems",
    "sellerProductId",
    "sellerProductItemId",
    "receiptId",
    "cancelIds",
    "receiptCounts",
    "cancelCount",
    "exchangeId",
    "inquiryId",
    "couponId",
    "contractId",
    "requestedId",
    "ruleId",
    "outboundShippingPlaceCode",
    "returnCenterCode",
    "displayCategoryCode",
    "quantity",
    "price",
    "salePrice",
    "originalPrice",
    "maximumBuyCount",
    "discount",
    "maxDiscountPrice",
    "items",
    "orderSheetInvoiceApplyDtos",
    "invoiceNumber",
    "deliveryCompanyCode",
    "content",
    "seconds",
    "at",
    "userId",
]
QUERY_NAMES = [
    "nextToken",
    "maxPerPage",
    "page",
    "size",
    "pageNum",
    "pageSize",
    "searchType",
    "status",
    "createdAtFrom",
    "createdAtTo",
    "orderId",
    "vendorItemId",
    "couponId",
    "contractId",
    "ruleId",
    "inquiryId",
    "targetMonth",
    "requestTransactionId",
    "type",
    "action",
]

bodies = st.one_of(
    st.dictionaries(st.sampled_from(FIELDS), json_values, max_size=5),
    st.dictionaries(
        st.sampled_from(FIELDS),
        st.lists(st.dictionaries(st.sampled_from(FIELDS), json_values, max_size=4), max_size=2),
        max_size=2,
    ),
    json_values,
)


def _raw(value: Any) -> bytes:
    """JSON text; a lone surrogate goes out as its escape ``\\ud800`` (what a client sends)."""
    return json.dumps(value).encode()


deep_nesting = st.integers(min_value=500, max_value=200_000).map(
    lambda depth: ("[" * depth + "]" * depth).encode()
) | st.integers(min_value=500, max_value=50_000).map(
    lambda depth: ('{"a":' * depth + "1" + "}" * depth).encode()
)
duplicate_keys = st.tuples(st.sampled_from(FIELDS), json_values, json_values).map(
    lambda t: f'{{"{t[0]}": {json.dumps(t[1])}, "{t[0]}": {json.dumps(t[2])}}}'.encode()
)
raw_bodies = st.one_of(
    bodies.map(_raw),
    bodies.map(_raw),
    deep_nesting,
    duplicate_keys,
    st.just(b'{"vendorItems": [9223372036854775808]}'),
    st.just(b'{"orderId": 1e308}'),
    st.binary(max_size=40),
)


@pytest.fixture(scope="module")
def fuzz_app() -> Iterator[Starlette]:
    app = create_app(
        SandboxSettings(rate_limit_per_second=None, db_url="sqlite:///:memory:", vendors=[VENDOR])
    )
    try:
        yield app
    finally:
        close_app(app)


@pytest.fixture(scope="module")
def raw_api(fuzz_app: Starlette) -> Iterator[RawApi]:
    transport = SyncASGITransport(fuzz_app)
    try:
        with httpx.Client(transport=transport, base_url="http://sandbox") as http:
            yield RawApi(http)
    finally:
        transport.close()


def _fill(template: str, values: list[str]) -> str:
    names = iter(values)

    def one(match: re.Match[str]) -> str:
        if match.group(1).lower() == "vendorid":
            return VENDOR[0]
        return quote(next(names, "1"), safe="")

    return re.sub(r"{(\w+)}", one, template)


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    route=st.sampled_from(ROUTES),
    path_values=st.lists(
        st.sampled_from(ID_TEXTS[:-1]) | st.text(min_size=1, max_size=12), min_size=3, max_size=3
    ),
    query=st.dictionaries(
        st.sampled_from(QUERY_NAMES), st.sampled_from(ID_TEXTS) | st.text(max_size=12), max_size=3
    ),
    body=raw_bodies,
)
def test_no_input_answers_500(
    raw_api: RawApi,
    route: tuple[str, str],
    path_values: list[str],
    query: dict[str, str],
    body: bytes,
) -> None:
    method, template = route
    content = body if method in ("POST", "PUT", "PATCH", "DELETE") else None
    response = raw_api.request(method, _fill(template, path_values), params=query, content=content)
    shown = (method, response.request.url, (content or b"")[:200], response.status_code)
    assert response.status_code < 500, (shown, response.text)
    assert response.headers.get("content-type", "").startswith("application/json"), shown
    payload = response.json()
    assert isinstance(payload, dict), payload
    if response.status_code >= 400:
        assert "message" in payload or "errorMessage" in payload, payload
