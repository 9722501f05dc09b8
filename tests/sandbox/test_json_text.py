"""JSON bodies whose text no store can hold, or that say one thing twice, are refused as 400
naming the field path: a NUL (``\\u0000``, which PostgreSQL cannot store in text: a 500 there
before), a lone UTF-16 surrogate (``\\ud800``, which json.loads accepts and no UTF-8 encoder
can write: a 500 on both stores before), in a value or in a key, and a key given twice in one
object (the last one silently won before). On SQLite and PostgreSQL."""

from __future__ import annotations

import json
from typing import Any

import pytest
from tests.sandbox_helpers import (
    Api,
    assert_envelope,
    outbound_body,
    outbound_list_url,
    outbound_url,
)

RETURN_ADDRESS = "placeAddresses[0].returnAddress"


def _errors(body: dict[str, Any]) -> set[tuple[str, str]]:
    return {(e["field"], e["rule"]) for e in body["errors"]}


def _with_address(text: str) -> bytes:
    body = outbound_body("출고지 텍스트")
    body["placeAddresses"][0]["returnAddress"] = text
    return json.dumps(body).encode()  # ensure_ascii: the escapes a client sends


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("서울시 강남구\u0000", "NUL character"),
        ("서울시 강남구\ud800", "lone UTF-16 surrogate"),
        ("\udc00", "lone UTF-16 surrogate"),
    ],
)
async def test_bad_text_in_a_value_is_refused_naming_the_field(
    api: Api, text: str, said: str
) -> None:
    response = await api.post(
        outbound_url(), content=_with_address(text), headers={"Content-Type": "application/json"}
    )
    body = assert_envelope(response, 400)
    assert _errors(body) == {(RETURN_ADDRESS, "json_text")}
    assert said in body["message"] and RETURN_ADDRESS in body["message"]
    listed = await api.get(outbound_list_url())
    assert listed.status_code == 200  # nothing stored that could poison a read


async def test_bad_text_in_a_key_is_refused_and_shown_escaped(api: Api) -> None:
    content = b'{"vendorId": "A00012345", "a\\u0000b": 1, "c\\ud800": 2}'
    response = await api.post(
        outbound_url(), content=content, headers={"Content-Type": "application/json"}
    )
    body = assert_envelope(response, 400)
    assert _errors(body) == {("a\\u0000b", "json_text"), ("c\\ud800", "json_text")}


async def test_a_valid_surrogate_pair_is_text(api: Api) -> None:
    response = await api.post(
        outbound_url(),
        content=_with_address("서울시 \U0001f600"),
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 200, response.text


async def test_a_key_given_twice_is_refused_naming_the_path(api: Api) -> None:
    body = outbound_body("출고지 중복")
    text = json.dumps(body)
    twice = text.replace('"usable": true', '"usable": true, "usable": false')
    nested = twice.replace('"jeju": "5000"', '"jeju": "5000", "jeju": "1"')
    response = await api.post(
        outbound_url(), content=nested.encode(), headers={"Content-Type": "application/json"}
    )
    answer = assert_envelope(response, 400)
    assert _errors(answer) == {
        ("usable", "json_duplicate_key"),
        ("remoteInfos[0].jeju", "json_duplicate_key"),
    }


async def test_nesting_beyond_the_limit_is_refused_naming_the_path(api: Api) -> None:
    content = b'{"a": ' + b"[" * 80 + b"]" * 80 + b"}"
    response = await api.post(
        outbound_url(), content=content, headers={"Content-Type": "application/json"}
    )
    body = assert_envelope(response, 400)
    (error,) = body["errors"]
    assert error["rule"] == "json_depth" and error["field"].startswith("a[0][0]")
