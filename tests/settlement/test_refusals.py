"""Every rule refused over HTTP (400 naming field and rule), the retired APIs (410), the older
revenue paths served as aliases, and the control API's refusals."""

from __future__ import annotations

from datetime import date
from typing import Any

import httpx
import pytest

from coupang_seller import Client
from tests.settlement.conftest import (
    GREATWALL,
    HISTORIES,
    OTHER,
    REVENUE,
    V4,
    VID,
    WEEK,
    Market,
    RawApi,
    delivered,
    revenue_params,
)


def refused(response: httpx.Response, field: str, rule: str) -> None:
    assert response.status_code == 400, response.text
    body = response.json()
    found = {(e["field"], e["rule"]) for e in body.get("errors", [])}
    assert (field, rule) in found, body


REVENUE_CASES: list[tuple[dict[str, Any], str, str]] = [
    ({"vendorId": None}, "vendorId", "required"),
    ({"vendorId": OTHER[0]}, "vendorId", "vendor_mismatch"),
    ({"recognitionDateFrom": None}, "recognitionDateFrom", "required"),
    ({"recognitionDateFrom": "2025/07/01"}, "recognitionDateFrom", "format"),
    ({"recognitionDateTo": "2025-02-30"}, "recognitionDateTo", "format"),
    ({"recognitionDateTo": ""}, "recognitionDateTo", "required"),
    ({"recognitionDateFrom": "2025-07-10", "recognitionDateTo": "2025-07-09"},
     "recognitionDateTo", "order"),
    ({"recognitionDateFrom": "2025-07-01", "recognitionDateTo": "2025-08-01"},
     "recognitionDateTo", "max_window"),
    ({"maxPerPage": "0"}, "maxPerPage", "range"),
    ({"maxPerPage": "51"}, "maxPerPage", "range"),
    ({"maxPerPage": "ten"}, "maxPerPage", "range"),
    ({"token": "not-a-token"}, "token", "format"),
]  # fmt: skip


@pytest.mark.parametrize(("change", "field", "rule"), REVENUE_CASES)
def test_revenue_history_refusals(
    market: Market, api: RawApi, change: dict[str, Any], field: str, rule: str
) -> None:
    params = {k: v for k, v in {**revenue_params(), **change}.items() if v is not None}
    refused(api.get(REVENUE, params=params), field, rule)


def test_window_of_exactly_31_days_and_missing_token_are_accepted(
    market: Market, api: RawApi
) -> None:
    params = revenue_params("2025-07-01", "2025-07-31", maxPerPage="50")
    del params["token"]
    answer = api.get(REVENUE, params=params)
    assert answer.status_code == 200, answer.text
    assert answer.json() == {
        "code": 200, "message": "OK", "data": [], "hasNext": False, "nextToken": "",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("value", "rule"), [(None, "required"), ("2025-7", "format"), ("2025-13", "format"),
                        ("2025-08", "not_future")]
)  # fmt: skip
def test_settlement_histories_refusals(
    market: Market, api: RawApi, value: str | None, rule: str
) -> None:
    params = {} if value is None else {"revenueRecognitionYearMonth": value}
    refused(api.get(HISTORIES, params=params), "revenueRecognitionYearMonth", rule)


@pytest.mark.parametrize(
    "tail",
    ["/orders/settlementDetails", "/orders/20000000000001/settlementDetails", "/retroactiveFees"],
)
def test_retired_settlement_apis_answer_410(market: Market, api: RawApi, tail: str) -> None:
    answer = api.get(f"{V4}{tail}", params={"nextToken": ""})
    assert answer.status_code == 410, answer.text
    assert "revenue-history" in answer.text and "settlement-histories" in answer.text
    old = api.get(f"{GREATWALL}/fee-corrections/inquiries/{VID}")
    assert old.status_code == 410


def test_older_revenue_paths_are_aliases(market: Market, api: RawApi) -> None:
    first, _ = market.items
    placed = delivered(market, {first: 1})
    market.client.sandbox.clock.advance(WEEK)
    params = revenue_params("2025-07-20", "2025-07-25")
    del params["vendorId"]
    for path in (REVENUE, f"{V4}/orders/salesDetails", f"{GREATWALL}/sales/inquiries/{VID}"):
        query = {"vendorId": VID, **params} if path == REVENUE else params
        answer = api.get(path, params=query)
        assert answer.status_code == 200, (path, answer.text)
        assert [d["orderId"] for d in answer.json()["data"]] == [placed.orderId]
    other = api.get(f"/v2/providers/openapi/apis/api/v4/vendors/{OTHER[0]}/orders/salesDetails",
                    params=params)  # fmt: skip
    assert other.status_code == 404


def test_vendors_see_only_their_revenue(market: Market, other_client: Client) -> None:
    delivered(market, {market.items[0]: 1})
    market.client.sandbox.clock.advance(WEEK)
    assert (
        len(
            list(market.client.settlement.iter_revenue_history(date(2025, 7, 1), date(2025, 7, 31)))
        )
        == 1
    )
    assert (
        list(other_client.settlement.iter_revenue_history(date(2025, 7, 1), date(2025, 7, 31)))
        == []
    )


def test_control_api_refusals(market: Market) -> None:
    http = market.client
    path = f"/_sandbox/vendors/{VID}/settlement"

    def put(body: dict[str, Any]) -> httpx.Response:
        request = http._http.build_request("PUT", f"http://127.0.0.1{path}", json=body)
        return http._http.send(request, auth=None)

    refused(put({"cycle": "DAILY"}), "cycle", "enum")
    refused(put({"cycle": "WEEKLY", "commissionRate": 101}), "commissionRate", "range")
    refused(put({"cycle": "WEEKLY", "commissionRate": "10"}), "commissionRate", "type")
    refused(put({"cycle": "WEEKLY", "commissionRate": 10.855}), "commissionRate", "precision")
    missing = http._http.send(
        http._http.build_request(
            "PUT", "http://127.0.0.1/_sandbox/vendors/NOPE/settlement", json={"cycle": "WEEKLY"}
        ),
        auth=None,
    )
    assert missing.status_code == 404
    assert http.sandbox.settlement.terms(VID).cycle == "MONTHLY"  # nothing changed
