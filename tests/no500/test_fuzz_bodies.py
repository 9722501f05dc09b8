"""Hostile paths, queries and bodies sent to every route of the table never answer a 500.

The values are the classes that broke the sandbox before (issue 9): numbers beyond a signed
64-bit integer, negative and zero ids, floats (``1e308``, ``1.0``) and booleans where an id
belongs, lone surrogates (the JSON escape ``\\ud800``, which decodes to a string no database
or encoder takes), deep nesting and duplicate keys (raw JSON text). Every answer is Coupang's
JSON envelope with a status below 500.
"""

from __future__ import annotations

import importlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coupang_sandbox import SandboxSettings, create_app
from coupang_sandbox.app import close_app
from coupang_sandbox.openapi._build import load_shapes
from coupang_sandbox.routes import all_routes
from tests.coupons.conftest import open_coupon_shop
from tests.integration.asgi_sync import SyncASGITransport
from tests.no500.queries import LISTINGS
from tests.orders.conftest import open_market
from tests.products.conftest import VENDOR, RawApi, make_client

#: The dashboard's pages (``/_sandbox/ui``): fuzzed too, but they answer HTML.
DASHBOARD = "/_sandbox/ui"

#: Every served route as ``(method, path template)``.
ROUTES = sorted(
    (method, route.path)
    for route in all_routes()
    for method in route.methods or ()
    if method != "HEAD"
)


#: ``(method, path) -> documented request body example`` (the spec's samples, derived).
def _ours(value: Any) -> Any:
    """The example with every ``vendorId`` set to the fuzzing vendor's."""
    if isinstance(value, dict):
        return {k: VENDOR[0] if k == "vendorId" else _ours(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_ours(v) for v in value]
    return value


EXAMPLES: dict[tuple[str, str], Any] = {
    (method, path): _ours(op["body_example"])
    for op in load_shapes()
    if op.get("body_example") is not None
    for path in op["paths"]
    for method in op["methods"]
}
#: The served routes with a documented body example (drawn as often as all the others).
DOCUMENTED = sorted(route for route in ROUTES if route in EXAMPLES)
#: Query parameter names the spec documents, for every route.
DOCUMENTED_QUERY = sorted({q["name"] for op in load_shapes() for q in op["query_params"]})

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
#: A NUL (the escape ``\u0000``): valid JSON, but PostgreSQL cannot store it in text.
NUL = "\0"


def json_values(ids: list[str]) -> st.SearchStrategy[Any]:
    """Hostile JSON values, mixed with ids that exist (as numbers and as text)."""
    real = st.sampled_from(ids)
    scalars = st.one_of(
        real.map(int),
        real,
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
        st.just(NUL),
        st.just(f"abc{NUL}def"),
    )
    return st.recursive(
        scalars,
        lambda children: (
            st.lists(children, max_size=3)
            | st.dictionaries(
                st.sampled_from(FIELDS)
                | st.text(max_size=8)
                | st.sampled_from([f"a{NUL}", f"a{LONE_SURROGATE}"]),
                children,
                max_size=3,
            )
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


def _raw(value: Any) -> bytes:
    """JSON text; a lone surrogate goes out as its escape ``\\ud800`` (what a client sends)."""
    return json.dumps(value).encode()


deep_nesting = st.integers(min_value=500, max_value=200_000).map(
    lambda depth: ("[" * depth + "]" * depth).encode()
) | st.integers(min_value=500, max_value=50_000).map(
    lambda depth: ('{"a":' * depth + "1" + "}" * depth).encode()
)


def _leaves(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(value, dict) and value:
        return [leaf for k, v in value.items() for leaf in _leaves(v, (*path, k))]
    if isinstance(value, list) and value:
        return [leaf for i, v in enumerate(value) for leaf in _leaves(v, (*path, i))]
    return [path]


def _replace(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, dict):
        return {**value, head: _replace(value[head], rest, new)}
    copy = list(value)
    copy[head] = _replace(copy[head], rest, new)
    return copy


def near_valid(example: Any, ids: list[str]) -> st.SearchStrategy[Any]:
    """The documented example with one to three leaves replaced by hostile values (and ids
    that exist), so the body passes most rules and the hostile value reaches the store."""
    leaves = _leaves(example)
    values = json_values(ids)

    strings = [path for path in leaves if isinstance(_get(example, path), str)]
    # free text (Korean names, addresses, answers) is stored as given: the surrogate's target
    texts = [p for p in strings if not str(_get(example, p)).isascii()] or strings or leaves

    @st.composite
    def mutate(draw: st.DrawFn) -> Any:
        body = example
        for path in draw(st.lists(st.sampled_from(leaves), min_size=1, max_size=3)):
            body = _replace(body, path, draw(values))
        return body

    @st.composite
    def surrogate(draw: st.DrawFn) -> Any:
        path = draw(st.sampled_from(texts))
        bad = draw(st.sampled_from([LONE_SURROGATE, NUL]))
        return _replace(example, path, f"{_get(example, path)}{bad}")

    return mutate() | surrogate()


def _get(value: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        value = value[step]
    return value


def raw_bodies(ids: list[str]) -> st.SearchStrategy[bytes]:
    """Request bodies as raw bytes: objects of known fields with hostile values, deep nesting,
    duplicate keys, the issue's exact reproductions and random bytes."""
    values = json_values(ids)
    objects = st.dictionaries(st.sampled_from(FIELDS), values, max_size=5)
    nested = st.dictionaries(
        st.sampled_from(FIELDS),
        st.lists(st.dictionaries(st.sampled_from(FIELDS), values, max_size=4), max_size=2),
        max_size=2,
    )
    duplicate_keys = st.tuples(st.sampled_from(FIELDS), values, values).map(
        lambda t: f'{{"{t[0]}": {json.dumps(t[1])}, "{t[0]}": {json.dumps(t[2])}}}'.encode()
    )
    return st.one_of(
        objects.map(_raw),
        nested.map(_raw),
        values.map(_raw),
        deep_nesting,
        duplicate_keys,
        st.sampled_from(
            [
                b'{"vendorItems": [9223372036854775808]}',
                b'{"cancelIds": [9223372036854775808]}',
                b'{"shipmentBoxId": 1e308}',
                b'{"orderId": 1e308}',
                b'{"content": "\\ud800"}',
                b'{"content": "a\\u0000b"}',
                b'{"content": "a", "content": "b"}',
            ]
        ),
        st.binary(max_size=40),
    )


@dataclass
class World:
    """A seeded sandbox: a signed client and the ids that exist in it."""

    api: RawApi
    ids: list[str]
    product: int
    coupon: int


@pytest.fixture(scope="module")
def world() -> Iterator[World]:
    """An approved product, a visible order, an instructed order and a coupon, so that
    hostile values reach past the lookups into the actions."""
    app = create_app(
        SandboxSettings(rate_limit_per_second=None, db_url="sqlite:///:memory:", vendors=[VENDOR])
    )
    transport = SyncASGITransport(app)
    try:
        with (
            make_client(VENDOR, transport) as client,
            httpx.Client(transport=transport, base_url="http://127.0.0.1") as http,
        ):
            market = open_market(client, importlib.import_module("coupang_seller.catalog"))
            placed = market.visible_order()
            shipped = market.instructed()
            coupon = open_coupon_shop(market, budget_per_month=100_000).coupon()
            ids = {
                market.product_id,
                *market.items,
                placed.orderId,
                *placed.shipment_box_ids,
                shipped.orderId,
                *shipped.shipment_box_ids,
                coupon,
            }
            yield World(RawApi(http), sorted(str(i) for i in ids), market.product_id, coupon)
    finally:
        transport.close()
        close_app(app)


def _fill(template: str, values: list[str]) -> str:
    names = iter(values)

    def one(match: re.Match[str]) -> str:
        if match.group(1).lower() == "vendorid":
            return VENDOR[0]
        return quote(next(names, "1"), safe="")

    return re.sub(r"{(\w+)}", one, template)


def _check(
    world: World,
    *,
    method: str,
    template: str,
    path_values: list[str],
    query: dict[str, str],
    content: bytes | None,
) -> None:
    response = world.api.request(
        method, _fill(template, path_values), params=query, content=content
    )
    shown = (method, response.request.url, (content or b"")[:200], response.status_code)
    assert response.status_code < 500, (shown, response.text)
    kind = response.headers.get("content-type", "")
    if template.startswith(DASHBOARD) and response.status_code < 400:
        # the dashboard's pages and assets answer HTML, CSS or JavaScript; its refusals JSON
        assert kind.startswith(("text/html", "text/css", "text/javascript")), shown
        return
    assert kind.startswith("application/json"), shown
    payload = response.json()
    assert isinstance(payload, dict), payload
    if response.status_code >= 400:
        assert "message" in payload or "errorMessage" in payload, payload


def _path_values(world: World, data: st.DataObject) -> list[str]:
    real = st.sampled_from(world.ids)
    hostile = st.sampled_from(ID_TEXTS).filter(bool) | st.text(
        st.characters(codec="utf-8", exclude_characters="/"), min_size=1, max_size=12
    )
    return data.draw(st.lists(real | hostile, min_size=3, max_size=3), label="path")


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_no_input_answers_500(world: World, data: st.DataObject) -> None:
    """Any route, hostile path ids, queries and bodies."""
    method, template = data.draw(st.sampled_from(ROUTES), label="route")
    path_values = _path_values(world, data)
    texts = st.sampled_from(world.ids) | st.sampled_from(ID_TEXTS) | st.text(max_size=12)
    query = data.draw(
        st.dictionaries(st.sampled_from(QUERY_NAMES + DOCUMENTED_QUERY), texts, max_size=3),
        label="query",
    )
    content = None
    if method in ("POST", "PUT", "PATCH", "DELETE"):
        content = data.draw(raw_bodies(world.ids), label="body")
    _check(
        world,
        method=method,
        template=template,
        path_values=path_values,
        query=query,
        content=content,
    )


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_documented_bodies_with_hostile_values_never_500(world: World, data: st.DataObject) -> None:
    """The documented example of a route's body with hostile leaves (numbers beyond int64,
    floats and booleans for ids, lone surrogates in free text): it passes most rules, so the
    hostile value reaches the store."""
    route = data.draw(st.sampled_from(DOCUMENTED), label="route")
    content = data.draw(near_valid(EXAMPLES[route], world.ids).map(_raw), label="body")
    path_values = _path_values(world, data)
    _check(
        world,
        method=route[0],
        template=route[1],
        path_values=path_values,
        query={},
        content=content,
    )


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_valid_listing_queries_with_hostile_parameters_never_500(
    world: World, data: st.DataObject
) -> None:
    """A valid listing query with one to three parameters replaced or added (page numbers,
    sizes, tokens and ids beyond 64 bits, floats, signs), so paging reaches the store."""
    path, query, names = data.draw(st.sampled_from(LISTINGS), label="listing")
    big = st.sampled_from([str(2**63 - 1), str(2**63), str(10**18), "1000001", "-1", "0"])
    texts = big | st.sampled_from(world.ids) | st.sampled_from(ID_TEXTS) | st.text(max_size=12)
    keys = st.sampled_from(names) | st.sampled_from([*query, *QUERY_NAMES])
    changes = data.draw(st.dictionaries(keys, texts, min_size=1, max_size=3), label="changes")
    url = path.format(coupon=world.coupon, product=world.product)
    _check(
        world,
        method="GET",
        template=url,
        path_values=[],
        query={**query, **changes},
        content=None,
    )
