"""Each category answer of the sandbox carries the fields of the documented sample answer,
recursively, with the same JSON types (samples: tests/categories/samples, see _derive.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.categories.conftest import (
    PREDICT_URL,
    TREE_URL,
    SignedApi,
    agreement_url,
    category_url,
    meta_by_id_url,
    meta_url,
    status_url,
)

SAMPLES = Path(__file__).resolve().parent / "samples"
CALLS: dict[str, tuple[str, str, Any]] = {
    "list_display_categories": ("GET", TREE_URL, None),
    "get_display_category": ("GET", category_url(0), None),
    "display_category_status": ("GET", status_url(63950), None),
    "meta_by_display_code": ("GET", meta_url(78877), None),
    "meta_by_category_id": ("GET", meta_by_id_url(78877), None),
    "predict": ("POST", PREDICT_URL, {"productName": "코데즈컴바인 양트임싱글코트"}),
    "auto_category_agreed": ("GET", agreement_url(), None),
}


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int | float):
        return "number"
    return type(value).__name__


def missing_fields(sample: Any, actual: Any, where: str = "$") -> list[str]:
    """Fields of ``sample`` absent from ``actual`` (or of another JSON type), as JSON paths."""
    if sample is None:
        return []
    if _kind(sample) != _kind(actual):
        return [f"{where}: {_kind(actual)} instead of {_kind(sample)}"]
    out: list[str] = []
    if isinstance(sample, dict):
        for key, value in sample.items():
            if key not in actual:
                out.append(f"{where}.{key}")
            else:
                out += missing_fields(value, actual[key], f"{where}.{key}")
    elif isinstance(sample, list) and sample and actual:
        for i, item in enumerate(sample):
            out += missing_fields(item, actual[min(i, len(actual) - 1)], f"{where}[{i}]")
    return out


def test_every_category_endpoint_has_a_sample() -> None:
    assert {p.stem for p in SAMPLES.glob("*.json")} == set(CALLS)


def test_missing_fields_finds_differences() -> None:
    sample = {"a": 1, "b": {"c": "x"}, "d": [{"e": True}]}
    assert missing_fields(sample, {"a": 2, "b": {"c": "y"}, "d": [{"e": False}]}) == []
    assert missing_fields(sample, {"a": "2", "b": {}, "d": [{}]}) == [
        "$.a: str instead of number",
        "$.b.c",
        "$.d[0].e",
    ]


@pytest.mark.parametrize("name", sorted(CALLS))
async def test_sandbox_answer_has_the_documented_fields(api: SignedApi, name: str) -> None:
    entry = json.loads((SAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    method, url, body = CALLS[name]
    assert entry["method"] == method
    response = await api.request(method, url, json=body)
    assert response.status_code == 200, response.text
    assert missing_fields(entry["response"], response.json()) == []
