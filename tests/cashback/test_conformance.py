"""Conformance: the cashback endpoints answer with the field names of their documented samples
(``samples/*.json``, copied from the reference by ``samples/_derive.py``), recursively; extra
fields are allowed. The apply sample's ``failVendorItemIds`` entries are keyed by option id
(``{"3000001905": "reason"}``), so they are checked for that form instead of by name."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx

from tests._conformance import missing_fields
from tests.cashback.conftest import PATH, Market, RawApi, body

SAMPLES = Path(__file__).parent / "samples"


def sample(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((SAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    return loaded


def _json(response: httpx.Response) -> Any:
    assert response.status_code == 200, response.text
    return response.json()


def test_every_cashback_endpoint_matches_its_sample(market: Market, api: RawApi) -> None:
    first, second = market.items
    documented = sample("apply")
    applied = _json(api.post(PATH, json=body([str(first), str(second), "3000001905"])))
    expected = json.loads(json.dumps(documented["sample"]))
    fails = expected["data"].pop("failVendorItemIds")
    assert missing_fields(expected, applied) == []
    assert (applied["code"], applied["message"]) == (
        documented["sample"]["code"],
        "PARTIAL_CONTENT",
    )
    # ids as strings, failures as {id: reason} like the sample
    assert all(isinstance(v, str) for v in applied["data"]["successVendorItemIds"])
    assert [list(f) for f in fails] == [["3000001905"]]
    assert [list(f) for f in applied["data"]["failVendorItemIds"]] == [["3000001905"]]
    assert missing_fields(documented["response_fields"], applied) == []

    looked = _json(api.get(PATH, params={"ruleId": 3944, "vendorItemId": first}))
    assert missing_fields(sample("lookup")["sample"], looked) == []
    assert missing_fields(sample("lookup")["response_fields"], looked) == []
    assert looked["code"] == sample("lookup")["sample"]["code"]
    # same value types as the sample (vendorItemId a string, value/ruleId numbers)
    for key, value in sample("lookup")["sample"]["data"].items():
        if value is not None:
            assert type(looked["data"][key]) is type(value), key

    removed = _json(api.request("DELETE", PATH, params={"ruleId": 3944, "vendorItemId": first}))
    assert removed == sample("remove")["sample"]


def test_the_documented_request_body_is_accepted(market: Market, api: RawApi) -> None:
    """The sample's body shape (strings for numbers, ``maxAmount: ""`` with FIXED) with this
    sandbox's options and a period after its clock."""
    first, second = market.items
    documented = sample("apply")["request"]["body"]
    sent = {**documented, "vendorItemIds": [str(first), str(second)]}
    sent |= {k: body([])[k] for k in ("startAt", "endAt")}
    answer = _json(api.post(PATH, json=sent))
    assert answer["code"] == 200
    assert answer["data"]["successVendorItemIds"] == [str(first), str(second)]


def test_samples_were_derived() -> None:
    assert {p.stem for p in SAMPLES.glob("*.json")} == {"apply", "lookup", "remove"}
    assert "max size is 50" in " ".join(sample("apply")["errors"])
