"""Bad input to the key-policy control API: every refusal names the field and the rule, an
unknown field is refused rather than ignored, and an unknown vendor answers 404 first."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from tests.integration.asgi_sync import SyncASGITransport
from tests.key_policy.conftest import SEEDED

POLICY = f"/_sandbox/vendors/{SEEDED[0]}/key-policy"
ROTATE = f"/_sandbox/vendors/{SEEDED[0]}/keys/rotate"


@pytest.fixture
def http(app: Starlette) -> Iterator[httpx.Client]:
    with httpx.Client(transport=SyncASGITransport(app), base_url="http://127.0.0.1") as client:
        yield client


def _refused(response: httpx.Response, field: str, rule: str) -> None:
    assert response.status_code == 400, response.text
    errors = response.json()["errors"]
    assert {"field": field, "rule": rule} in [
        {"field": e["field"], "rule": e["rule"]} for e in errors
    ]
    assert field in response.json()["message"]


@pytest.mark.parametrize(
    ("body", "field", "rule"),
    [
        ({"allowedIp": ["127.0.0.1"]}, "allowedIp", "unknown_field"),
        ({"allowedIps": "127.0.0.1"}, "allowedIps", "type"),
        ({"allowedIps": []}, "allowedIps", "min_items"),
        ({"allowedIps": [f"10.0.0.{i}" for i in range(101)]}, "allowedIps", "max_items"),
        ({"allowedIps": ["127.0.0.1", 7]}, "allowedIps[1]", "type"),
        ({"allowedIps": ["300.1.1.1"]}, "allowedIps[0]", "ip_address"),
        ({"allowedIps": ["10.0.0.5/24"]}, "allowedIps[0]", "ip_address"),
        ({"allowedIps": ["10.0.0.0/33"]}, "allowedIps[0]", "ip_address"),
        ({"allowedIps": ["localhost"]}, "allowedIps[0]", "ip_address"),
        ({"lifetimeDays": 0}, "lifetimeDays", "range"),
        ({"lifetimeDays": 36501}, "lifetimeDays", "range"),
        ({"lifetimeDays": "180"}, "lifetimeDays", "type"),
        ({"lifetimeDays": True}, "lifetimeDays", "type"),
        ({"lifetimeDays": 1.5}, "lifetimeDays", "type"),
        ({"lifetimeDays": None}, "lifetimeDays", "type"),
    ],
)
def test_bad_policies_are_refused_and_change_nothing(
    http: httpx.Client, body: dict[str, Any], field: str, rule: str
) -> None:
    before = http.get(POLICY).json()["data"]
    _refused(http.put(POLICY, json=body), field, rule)
    assert http.get(POLICY).json()["data"] == before


def test_every_broken_field_is_named_at_once(http: httpx.Client) -> None:
    response = http.put(POLICY, json={"allowedIps": ["x", "127.0.0.1", "y"], "lifetimeDays": -1})
    fields = [e["field"] for e in response.json()["errors"]]
    assert fields == ["allowedIps[0]", "allowedIps[2]", "lifetimeDays"]


@pytest.mark.parametrize(
    ("body", "field", "rule"),
    [
        ({"overlap": 60}, "overlap", "unknown_field"),
        ({"overlapSeconds": -1}, "overlapSeconds", "range"),
        ({"overlapSeconds": "60"}, "overlapSeconds", "type"),
        ({"overlapSeconds": False}, "overlapSeconds", "type"),
        ({"overlapSeconds": 1e12}, "overlapSeconds", "range"),
        ({"accessKey": "has space"}, "accessKey", "format"),
        ({"secretKey": ""}, "secretKey", "type"),
    ],
)
def test_bad_rotations_are_refused_and_keep_the_key(
    http: httpx.Client, body: dict[str, Any], field: str, rule: str
) -> None:
    _refused(http.post(ROTATE, json=body), field, rule)
    assert http.get(POLICY).json()["data"]["accessKey"] == SEEDED[1]


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", "/_sandbox/vendors/A00000404/key-policy", None),
        ("PUT", "/_sandbox/vendors/A00000404/key-policy", {"lifetimeDays": 0}),
        ("POST", "/_sandbox/vendors/A00000404/keys/rotate", {"overlapSeconds": -1}),
    ],
)
def test_an_unknown_vendor_is_a_404_before_the_body_is_judged(
    http: httpx.Client, method: str, path: str, body: dict[str, Any] | None
) -> None:
    response = http.request(method, path, json=body)
    assert response.status_code == 404, response.text
    assert response.json()["message"] == "vendor A00000404 does not exist"


def test_a_put_changes_only_the_fields_it_gives(http: httpx.Client) -> None:
    http.put(POLICY, json={"allowedIps": ["127.0.0.1"], "lifetimeDays": 90})
    data = http.put(POLICY, json={"lifetimeDays": 30}).json()["data"]
    assert data["allowedIps"] == ["127.0.0.1"] and data["lifetimeDays"] == 30
    data = http.put(POLICY, json={}).json()["data"]
    assert data["allowedIps"] == ["127.0.0.1"] and data["lifetimeDays"] == 30
    data = http.put(POLICY, json={"allowedIps": None}).json()["data"]
    assert data["allowedIps"] is None and data["lifetimeDays"] == 30
