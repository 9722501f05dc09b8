"""Every cashback rule refused by the sandbox over HTTP (raw signed requests, no SDK
preflight): HTTP 400 in Coupang's envelope, ``errors`` naming the field and the rule. The
sandbox's "now" is its frozen clock (START, 14:00 KST): the earliest start is 16:00 KST."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
import pytest

from tests.cashback.conftest import DROP, PATH, START, Market, RawApi, body, kst


def _errors(response: httpx.Response) -> set[tuple[str, str]]:
    assert response.status_code == 400, response.text
    payload = response.json()
    assert payload["code"] == 400 and payload["data"] is None
    return {(e["field"], e["rule"]) for e in payload["errors"]}


APPLY_CASES: list[tuple[dict[str, Any], tuple[str, str]]] = [
    ({"ruleId": DROP}, ("ruleId", "required")),
    ({"ruleId": ""}, ("ruleId", "required")),
    ({"ruleId": "R-1"}, ("ruleId", "type")),
    ({"ruleId": 0}, ("ruleId", "type")),
    ({"valueType": DROP}, ("valueType", "required")),
    ({"valueType": "PERCENT"}, ("valueType", "enum")),
    ({"value": DROP}, ("value", "required")),
    ({"value": "five"}, ("value", "type")),
    ({"value": 0}, ("value", "min_value")),
    ({"valueType": "FIXED", "value": -5, "maxAmount": DROP}, ("value", "min_value")),
    ({"value": 101}, ("value", "rate_range")),
    ({"maxAmount": DROP}, ("maxAmount", "required_for_rate")),
    ({"maxAmount": ""}, ("maxAmount", "required_for_rate")),
    ({"maxAmount": "lots"}, ("maxAmount", "type")),
    ({"maxAmount": -1}, ("maxAmount", "min_value")),
    ({"vendorItemIds": DROP}, ("vendorItemIds", "required")),
    ({"vendorItemIds": None}, ("vendorItemIds", "required")),
    ({"vendorItemIds": "3000001897"}, ("vendorItemIds", "type")),
    ({"vendorItemIds": []}, ("vendorItemIds", "size")),
    ({"vendorItemIds": list(range(1, 52))}, ("vendorItemIds", "size")),
    ({"vendorItemIds": [1, "x"]}, ("vendorItemIds[1]", "type")),
    ({"startAt": DROP}, ("startAt", "required")),
    ({"endAt": ""}, ("endAt", "required")),
    ({"startAt": "2025/07/16 10:00"}, ("startAt", "format")),
    ({"endAt": "2025-07-32T10:00:00"}, ("endAt", "format")),
    ({"startAt": kst(START + timedelta(hours=2) - timedelta(seconds=1))}, ("startAt", "lead_time")),
    ({"startAt": kst(START - timedelta(days=1))}, ("startAt", "lead_time")),
    ({"endAt": kst(START + timedelta(hours=3))}, ("endAt", "order")),
    ({"endAt": kst(START + timedelta(hours=2, minutes=30))}, ("endAt", "order")),
    ({"ruleId": "9" * 25}, ("ruleId", "type")),
    ({"valueType": "FIXED", "value": "9" * 25}, ("value", "type")),
]


@pytest.mark.parametrize(("change", "expected"), APPLY_CASES)
def test_apply_refusals(
    market: Market, api: RawApi, change: dict[str, Any], expected: tuple[str, str]
) -> None:
    response = api.post(PATH, json=body(list(market.items), **change))
    assert expected in _errors(response)


def test_refused_apply_stores_nothing(market: Market, api: RawApi) -> None:
    first, _ = market.items
    _errors(api.post(PATH, json=body([first], value=0)))
    assert api.get(PATH, params={"ruleId": 3944, "vendorItemId": first}).status_code == 404


def test_every_broken_rule_is_listed_at_once(market: Market, api: RawApi) -> None:
    response = api.post(PATH, json={"valueType": "RATE", "value": 300, "vendorItemIds": []})
    assert _errors(response) >= {
        ("ruleId", "required"), ("value", "rate_range"), ("maxAmount", "required_for_rate"),
        ("vendorItemIds", "size"), ("startAt", "required"), ("endAt", "required"),
    }  # fmt: skip


@pytest.mark.parametrize(
    "change",
    [
        {"startAt": kst(START + timedelta(hours=2))},  # exactly 2 hours ahead
        {"startAt": kst(START + timedelta(hours=3)).replace("T", " ")},  # the lookup's form
        {"value": 100},
        {"value": 1, "maxAmount": 0},
        {"valueType": "FIXED", "maxAmount": ""},  # the documented sample sends ""
        {"valueType": "FIXED_WITH_QUANTITY", "maxAmount": DROP, "value": "1000"},
        {"ruleId": 3944},
    ],
)
def test_limits_that_are_accepted(market: Market, api: RawApi, change: dict[str, Any]) -> None:
    response = api.post(PATH, json=body(list(market.items), **change))
    assert response.status_code == 200, response.text
    assert response.json()["code"] == 200


def test_fifty_options_are_accepted(market: Market, api: RawApi) -> None:
    first, second = market.items
    ids = [first, second, *range(1, 49)]
    response = api.post(PATH, json=body(ids))
    assert response.status_code == 200, response.text
    data = response.json()["data"]
    assert response.json()["code"] == 206
    assert data["successVendorItemIds"] == [str(first), str(second)]
    assert len(data["failVendorItemIds"]) == 48


@pytest.mark.parametrize("method", ["GET", "DELETE"])
@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"vendorItemId": "1"}, ("ruleId", "required")),
        ({"ruleId": "", "vendorItemId": "1"}, ("ruleId", "required")),
        ({"ruleId": "abc", "vendorItemId": "1"}, ("ruleId", "type")),
        ({"ruleId": "1"}, ("vendorItemId", "required")),
        ({"ruleId": "1", "vendorItemId": "-4"}, ("vendorItemId", "type")),
        ({"ruleId": "1", "vendorItemId": "1.5"}, ("vendorItemId", "type")),
    ],
)
def test_lookup_and_remove_refusals(
    market: Market, api: RawApi, method: str, params: dict[str, str], expected: tuple[str, str]
) -> None:
    assert expected in _errors(api.request(method, PATH, params=params))


@pytest.mark.parametrize("method", ["GET", "DELETE"])
def test_huge_ids_are_refused_not_500(market: Market, api: RawApi, method: str) -> None:
    response = api.request(method, PATH, params={"ruleId": "9" * 25, "vendorItemId": "9" * 25})
    assert {("ruleId", "type"), ("vendorItemId", "type")} <= _errors(response)


def test_huge_vendor_item_id_is_refused_naming_it(market: Market, api: RawApi) -> None:
    first, _ = market.items
    response = api.post(PATH, json=body([first, "9" * 25]))
    assert ("vendorItemIds[1]", "type") in _errors(response)


def test_body_must_be_a_json_object(market: Market, api: RawApi) -> None:
    response = api.post(PATH, content=b"[1, 2]")
    assert response.status_code == 400 and "JSON" in response.json()["message"]
