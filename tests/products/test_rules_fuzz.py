"""Any JSON at all: the product rules never raise and always answer a list of violations."""

from __future__ import annotations

import copy
import functools
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coupang_seller.preflight import Violation
from coupang_seller.preflight import products as rules
from tests.products.rule_cases import META, NOW, image_bytes, product, stored

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats()
    | st.text(max_size=30)
    | st.sampled_from(
        [
            "FREE",
            "NOT_FREE",
            "CONDITIONAL_FREE",
            "FREE_DELIVERY_OVER_9800",
            "CHARGE_RECEIVED",
            "UNION_DELIVERY",
            "AGENT_BUY",
            "OVERSEAS_PURCHASED",
            "PARALLEL_IMPORTED",
            "REPRESENTATION",
            "DETAIL",
            "EXPOSED",
            "NONE",
            "화장품",
            "수량",
            "1개",
            "200ml",
            "2099-01-01T23:59:59",
            "10000",
            "Y",
            "true",
            "http://x/a.jpg",
        ]
    )
)
json_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=5)
    ),
    max_leaves=25,
)

PRODUCT_KEYS = sorted(product())
ITEM_KEYS = sorted(product()["items"][0])

items = st.lists(
    st.dictionaries(st.sampled_from(ITEM_KEYS), json_values, max_size=12) | json_values, max_size=3
)
bodies = st.dictionaries(st.sampled_from(PRODUCT_KEYS), json_values, max_size=20).flatmap(
    lambda top: items.map(lambda its: {**top, "items": its})
)
metas = st.one_of(
    st.just(META),
    json_values,
    st.dictionaries(
        st.sampled_from(sorted(META)),
        json_values | st.just(META["attributes"]) | st.just(META["noticeCategories"]),
        max_size=6,
    ),
)
leaves = st.sampled_from([True, False, None])


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, child in value.items():
            out += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            out += _paths(child, (*prefix, index))
    return out


VALID = product()
PATHS = _paths(VALID)


def _assert_violations(found: Any) -> None:
    assert isinstance(found, list)
    assert all(isinstance(v, Violation) for v in found)
    assert all(isinstance(v.field, str) and isinstance(v.rule, str) and v.message for v in found)
    assert len(set(found)) == len(found), "a violation is reported twice"


FUZZ = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(body=bodies | json_values, meta=metas, leaf=leaves, overseas=st.booleans())
def test_random_bodies(body: Any, meta: Any, leaf: bool | None, overseas: bool) -> None:
    found = rules.check_product_create(
        body,
        meta_for=lambda code: meta,
        is_leaf=lambda code: leaf,
        now=NOW,
        vendor_is_overseas=overseas,
        outbound_couriers=["KGB"],
        load_image=lambda path: None,
    )
    _assert_violations(found)


@FUZZ
@given(data=st.data(), replacement=json_values, delete=st.booleans())
def test_valid_body_with_one_part_replaced(
    data: st.DataObject, replacement: Any, delete: bool
) -> None:
    body = copy.deepcopy(VALID)
    path = data.draw(st.sampled_from(PATHS))
    target: Any = body
    for key in path[:-1]:
        target = target[key]
    if delete and isinstance(target, dict):
        del target[path[-1]]
    else:
        target[path[-1]] = replacement
    snapshot = copy.deepcopy(body)
    found = rules.check_product_create(
        body, meta_for=lambda code: META, is_leaf=lambda code: True, now=NOW
    )
    _assert_violations(found)
    existing = stored()
    _assert_violations(
        rules.check_product_update(
            body, existing, meta_for=lambda code: META, is_leaf=lambda code: True, now=NOW
        )
    )
    assert body == snapshot


@FUZZ
@given(
    body=st.dictionaries(st.sampled_from([*sorted(rules.PARTIAL_UPDATE_FIELDS), "x"]), json_values)
    | json_values,
    existing=json_values,
)
def test_random_partial_updates(body: Any, existing: Any) -> None:
    _assert_violations(rules.check_partial_update(body, existing, outbound_couriers=["CJGLS"]))
    _assert_violations(rules.check_partial_update(body, stored()))


@FUZZ
@given(current=json_values, new=json_values, force=st.booleans())
def test_random_vendor_item_values(current: Any, new: Any, force: bool) -> None:
    _assert_violations(rules.check_price_change(current, new, force=force))
    _assert_violations(rules.check_original_price(new))
    _assert_violations(rules.check_quantity(new))


@settings(max_examples=60, deadline=None)
@given(
    data=st.binary(max_size=400), image_type=st.sampled_from(["REPRESENTATION", "DETAIL", "X", ""])
)
def test_random_bytes(data: bytes, image_type: str) -> None:
    for prefix in (b"", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff"):
        _assert_violations(rules.check_image_bytes(prefix + data, "f", image_type=image_type))


@functools.cache
def _samples() -> tuple[bytes, bytes]:
    return image_bytes(500, 500, "JPEG"), image_bytes(500, 500, "PNG")


@settings(max_examples=40, deadline=None)
@given(
    flips=st.lists(
        st.tuples(st.integers(min_value=0), st.integers(min_value=1, max_value=255)), max_size=6
    )
)
def test_damaged_images(flips: list[tuple[int, int]]) -> None:
    pytest.importorskip("PIL.Image")
    for original in _samples():
        damaged = bytearray(original)
        for position, mask in flips:
            damaged[position % len(damaged)] ^= mask
        _assert_violations(rules.check_image_bytes(bytes(damaged), "f", image_type="DETAIL"))
