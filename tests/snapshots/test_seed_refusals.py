"""Every refusal of a seed file names the field and the line, and loads nothing: each case
breaks one thing in the shipped example (converted to JSON, so the lines are exact)."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from coupang_sandbox.seeds import EXAMPLE, SeedError, read_seed

Seed = dict[str, Any]


def _example() -> Seed:
    data: Seed = yaml.safe_load(Path(EXAMPLE).read_text(encoding="utf-8"))
    return data


def _vendor(seed: Seed) -> Seed:
    vendor: Seed = seed["vendors"][0]
    return vendor


def _set(path: tuple[Any, ...], value: Any) -> Callable[[Seed], None]:
    def change(seed: Seed) -> None:
        target: Any = seed
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def _drop(path: tuple[Any, ...]) -> Callable[[Seed], None]:
    def change(seed: Seed) -> None:
        target: Any = seed
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return change


def _twice(key: str) -> Callable[[Seed], None]:
    def change(seed: Seed) -> None:
        entities = _vendor(seed)[key]
        entities.append(copy.deepcopy(entities[0]))

    return change


V = ("vendors", 0)
CASES: list[tuple[str, Callable[[Seed], None], str, str]] = [
    ("vendors not an array", _set(("vendors",), "x"), "vendors", "must be a list"),
    ("unknown top-level field", _set(("colour",), 1), "colour", "unknown"),
    ("vendor not an object", _set(("vendors", 0), "A1"), "vendors[0]", "object"),
    ("vendor without id", _drop((*V, "vendorId")), "vendors[0].vendorId", "required"),
    ("vendor id not text", _set((*V, "vendorId"), 12), "vendors[0].vendorId", "non-empty string"),
    ("place declared twice", _twice("outboundPlaces"), "vendors[0].outboundPlaces[1]", "twice"),
    ("center declared twice", _twice("returnCenters"), "vendors[0].returnCenters[1]", "twice"),
    (
        "product names an unknown place",
        _set((*V, "products", 0, "outboundPlace"), "nowhere"),
        "vendors[0].products[0].outboundPlace",
        "no outbound place",
    ),
    (
        "product names an unknown center",
        _set((*V, "products", 0, "returnCenter"), "nowhere"),
        "vendors[0].products[0].returnCenter",
        "no return center",
    ),
    (
        "order names an unknown SKU",
        _set((*V, "orders", 0, "items"), {"NO-SUCH-SKU": 1}),
        "vendors[0].orders[0].items.NO-SUCH-SKU",
        "SKU",
    ),
    (
        "inquiry names an unknown SKU",
        _set((*V, "inquiries", 0, "sku"), "NO-SUCH-SKU"),
        "vendors[0].inquiries[0].sku",
        "SKU",
    ),
    (
        "order in a state a seed cannot reach",
        _set((*V, "orders", 0, "status"), "CANCELLED"),
        "vendors[0].orders[0].status",
        "one of",
    ),
    ("orders not an array", _set((*V, "orders"), {"a": 1}), "vendors[0].orders", "must be a list"),
    (
        "place without addresses",
        _set((*V, "outboundPlaces", 0, "addresses"), []),
        "vendors[0].outboundPlaces[0].addresses",
        "address",
    ),
    (
        "center fees not an object",
        _set((*V, "returnCenters", 0, "fees"), [1]),
        "vendors[0].returnCenters[0].fees",
        "object",
    ),
    (
        "center without addresses",
        _set((*V, "returnCenters", 0, "addresses"), []),
        "vendors[0].returnCenters[0].addresses",
        "address",
    ),
    (
        "center contract not text",
        _set((*V, "returnCenters", 0, "contractNumber"), [1]),
        "vendors[0].returnCenters[0].contractNumber",
        "string",
    ),
    (
        "product body not an object",
        _set((*V, "products", 0, "body"), "x"),
        "vendors[0].products[0].body",
        "object",
    ),
    (
        "product body names a place code",
        _set((*V, "products", 0, "body", "outboundShippingPlaceCode"), 1),
        "outboundShippingPlaceCode",
        "filled in by the seed",
    ),
    (
        "product without items",
        _set((*V, "products", 0, "body", "items"), []),
        "vendors[0].products[0].body.items",
        "at least one item",
    ),
    (
        "product item not an object",
        _set((*V, "products", 0, "body", "items", 0), 1),
        "vendors[0].products[0]",
        "object",
    ),
    (
        "product approve not a flag",
        _set((*V, "products", 0, "approve"), "yes"),
        "vendors[0].products[0].approve",
        "true or false",
    ),
    (
        "order items not a mapping",
        _set((*V, "orders", 0, "items"), ["TEE-WHITE-M"]),
        "vendors[0].orders[0].items",
        "quantity",
    ),
    (
        "order receiver not an object",
        _set((*V, "orders", 0, "receiver"), "me"),
        "vendors[0].orders[0].receiver",
        "object",
    ),
    ("vendor id with spaces", _set((*V, "vendorId"), "A 1"), "vendors[0].vendorId", "letters"),
    ("access key with a comma", _set((*V, "accessKey"), "a,b"), "vendors[0].accessKey", "commas"),
    ("clock not a date-time", _set(("clock", "now"), "tomorrow"), "clock.now", "ISO 8601"),
    ("clock not an object", _set(("clock",), "now"), "clock", "object"),
    ("unknown clock field", _set(("clock", "speed"), 2), "speed", "unknown"),
]


@pytest.mark.parametrize(
    ("change", "where", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_a_broken_seed_is_refused_with_its_field_and_line(
    tmp_path: Path, change: Callable[[Seed], None], where: str, words: str
) -> None:
    seed = _example()
    change(seed)
    path = tmp_path / "seed.json"
    path.write_text(json.dumps(seed, ensure_ascii=False, indent=2), encoding="utf-8")
    with pytest.raises(SeedError) as refused:
        read_seed(path)
    error = refused.value
    assert error.path == str(path)
    assert where in f"{error.where} {error.reason}", str(error)
    assert words.lower() in str(error).lower(), str(error)
    assert error.line is not None and error.line >= 1, str(error)


def test_the_unbroken_example_reads() -> None:
    """The cases above start from a seed that is accepted."""
    path = Path(EXAMPLE)
    assert read_seed(path).vendors
