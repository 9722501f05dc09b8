"""Conformance: every return endpoint, on every served path version, answers with the field
names of its documented sample (``samples/*.json``, derived by
``scripts/derive_return_samples.py``), and takes the documented sample request bodies.

Field names are compared recursively (objects by key, lists element by element against the
sample's first element); extra fields are allowed. The v5/v6 paths have no sample of their
own and are held to the v4 samples.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests._conformance import missing_fields
from tests.returns.conftest import (
    DAY,
    VENDOR,
    WING,
    Market,
    RawApi,
    manual_items,
    request_return,
    shipped,
    vpath,
)

SAMPLES = Path(__file__).parent / "samples"
NAMES = (
    "list_daily", "list_time_frame", "get", "receive_confirmation", "approval",
    "withdraw_requests", "withdraw_list", "manual_invoice",
)  # fmt: skip


def doc(name: str) -> Any:
    return json.loads((SAMPLES / f"{name}.json").read_text(encoding="utf-8"))


def _json(response: httpx.Response) -> Any:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json;charset=UTF-8"
    return response.json()


def _body(name: str, **values: Any) -> dict[str, Any]:
    body = dict(doc(name)["request"])
    body.update({k: v for k, v in values.items() if k in body})
    return body


def _scenario(market: Market, api: RawApi) -> dict[str, list[Any]]:
    vendor = VENDOR[0]
    first, second = market.items
    got: dict[str, list[Any]] = {name: [] for name in NAMES}

    placed = shipped(market, {first: 1, second: 1})
    auto = request_return(market, placed, {first: 1})
    gone = request_return(market, placed, {second: 1})
    daily = {"createdAtFrom": DAY, "createdAtTo": DAY, "status": "UC", "maxPerPage": 20}
    minute = {"searchType": "timeFrame", "createdAtFrom": f"{DAY}T00:00",
              "createdAtTo": f"{DAY}T23:59", "status": "UC"}  # fmt: skip
    for version in ("v4", "v5", "v6"):
        got["list_daily"].append(_json(api.get(vpath(version, "/returnRequests"), params=daily)))
        got["list_time_frame"].append(
            _json(api.get(vpath(version, "/returnRequests"), params=minute))
        )
        got["get"].append(_json(api.get(vpath(version, f"/returnRequests/{auto}"))))
    got["list_daily"].append(_json(api.get(f"{WING}/v1/return", params=daily)))
    got["list_time_frame"].append(_json(api.get(f"{WING}/v1/return/time-frame", params=minute)))
    got["get"].append(_json(api.get(f"{WING}/v1/return/{auto}")))

    # Manual pickup invoice (a product without return center), the documented body.
    items = manual_items(market)
    other = shipped(market, {items[0]: 1})
    manual = request_return(market, other, {items[0]: 1})
    got["manual_invoice"].append(
        _json(api.post(vpath("v4", "/return-exchange-invoices/manual"),
                       json=_body("manual_invoice", receiptId=manual) | {
                           "returnExchangeDeliveryType": "RETURN"}))
    )  # fmt: skip
    market.client.sandbox.courier.pick_up_return(auto)  # quick refund: completed at pickup

    # Confirmation and approval of an expensive return, on every version and method.
    _, dear = market.shop.approved(sku="DEAR", price=150000)
    confirms = {}
    for version, method in (("v4", "PATCH"), ("v5", "PUT"), ("season1", "POST")):
        order = shipped(market, {dear[0]: 1})
        receipt = request_return(market, order, {dear[0]: 1})
        market.client.sandbox.courier.pick_up_return(receipt)
        confirms[version] = (receipt, method)
        body = _body("receive_confirmation", vendorId=vendor, receiptId=receipt)
        path = (f"{WING}/v1/return/{receipt}/check" if version == "season1"
                else vpath(version, f"/returnRequests/{receipt}/receiveConfirmation"))  # fmt: skip
        got["receive_confirmation"].append(_json(api.request(method, path, json=body)))
    for version, (receipt, method) in confirms.items():
        body = _body("approval", vendorId=vendor, receiptId=receipt, cancelCount=1)
        path = (f"{WING}/v1/return/{receipt}/approval" if version == "season1"
                else vpath(version, f"/returnRequests/{receipt}/approval"))  # fmt: skip
        got["approval"].append(_json(api.request(method, path, json=body)))

    market.client.sandbox.returns.withdraw(gone)
    history = {"sizePerPage": 3, "pageIndex": 1, "dateFrom": DAY, "dateTo": DAY}
    got["withdraw_requests"].append(
        _json(api.get(vpath("v4", "/returnWithdrawRequests"), params=history))
    )
    got["withdraw_list"].append(
        _json(api.post(vpath("v4", "/returnWithdrawList"), json={"cancelIds": [gone]}))
    )
    return got


@pytest.fixture
def answers(market: Market, api: RawApi) -> dict[str, list[Any]]:
    return _scenario(market, api)


def test_every_endpoint_matches_its_documented_sample(answers: dict[str, list[Any]]) -> None:
    for name in NAMES:
        sample = doc(name)["sample"]
        assert answers[name], name
        for answer in answers[name]:
            assert missing_fields(sample, answer) == [], (name, answer)


def test_samples_are_committed_for_every_catalog_document() -> None:
    sources = {doc(name)["source"].split("#")[1] for name in NAMES}
    assert len(sources) == len(NAMES) == 8
    notes = json.loads((SAMPLES / "newer.json").read_text(encoding="utf-8"))
    assert {e["key"] for e in notes["endpoints"]} >= {"return_requests_v6_list"}
