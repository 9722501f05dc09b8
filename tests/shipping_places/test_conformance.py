"""Conformance: the shipping-place endpoints (출고지/반품지) answer with the field names of
their documented samples (``samples/*.json``, copied from the reference), recursively; extra
fields are allowed. Each sample's own path and method is the one exercised."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx

from tests._conformance import missing_fields
from tests.sandbox_helpers import Api, create_outbound, create_return, outbound_body, return_body

SAMPLES = Path(__file__).parent / "samples"
GREATWALL = "/v2/providers/greatwall_api/apis/api/v2/return/shipping-places/center-code"


def sample(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    return data


def url(name: str, api: Api, **params: str) -> str:
    path = str(sample(name)["path"]).replace("{vendorId}", api.vendor[0])
    for key, value in params.items():
        path = path.replace("{" + key + "}", value)
    return path


def check(name: str, response: httpx.Response) -> None:
    assert response.status_code == 200, response.text
    assert missing_fields(sample(name)["sample"], response.json()) == []


def test_missing_fields_reports_absent_keys() -> None:
    assert missing_fields({"a": {"b": 1}, "c": [{"d": 1}]}, {"a": {}, "c": [{"e": 2}]}) == [
        "$.a.b",
        "$.c[].d",
    ]


async def test_outbound_create_list_update(api: Api) -> None:
    create = await api.post(
        url("outbound_create", api), json=outbound_body("출고지 A", api.vendor[0])
    )
    check("outbound_create", create)
    code = create.json()["data"]["resultMessage"]
    listed = await api.get(
        url("outbound_list", api), params={"searchType": "FULL", "pageNum": 1, "pageSize": 50}
    )
    check("outbound_list", listed)
    body = outbound_body("출고지 B", api.vendor[0])
    body["outboundShippingPlaceCode"] = int(code)
    body.pop("remoteInfos", None)  # already registered: an update names their remoteInfoId
    updated = await api.put(url("outbound_update", api, outboundShippingPlaceCode=code), json=body)
    check("outbound_update", updated)


async def test_return_create_list_lookup_update(api: Api) -> None:
    create = await api.post(url("return_create", api), json=return_body("반품지 A", api.vendor[0]))
    check("return_create", create)
    code = create.json()["data"]["resultMessage"]
    listed = await api.get(url("return_list", api), params={"pageNum": 1, "pageSize": 50})
    check("return_list", listed)
    assert sample("return_by_codes")["path"] == GREATWALL
    found = await api.get(GREATWALL, params={"returnCenterCodes": code})
    check("return_by_codes", found)
    body = return_body("반품지 B", api.vendor[0])
    body["returnCenterCode"] = code
    updated = await api.put(url("return_update", api, returnCenterCode=code), json=body)
    check("return_update", updated)


async def test_helpers_create_in_every_version(api: Api) -> None:
    assert await create_outbound(api, "출고지 v5", version="v5") > 0
    assert await create_return(api, "반품지 v5", version="v5")
