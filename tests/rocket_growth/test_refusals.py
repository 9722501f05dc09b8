"""Every Rocket Growth rule refused over HTTP: the seller's reads with raw signed requests (no
SDK preflight) and the control API; HTTP 400 in Coupang's envelope naming field and rule."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.rocket_growth.conftest import BASE, Market, RawApi


def _errors(response: httpx.Response) -> set[tuple[str, str]]:
    assert response.status_code == 400, response.text
    payload = response.json()
    assert payload["code"] == 400
    return {(e["field"], e["rule"]) for e in payload["errors"]}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"paidDateTo": "20250715"}, ("paidDateFrom", "required")),
        ({"paidDateFrom": "20250715"}, ("paidDateTo", "required")),
        ({"paidDateFrom": "2025-07-15", "paidDateTo": "20250715"}, ("paidDateFrom", "format")),
        ({"paidDateFrom": "20250715", "paidDateTo": "20250230"}, ("paidDateTo", "format")),
        ({"paidDateFrom": "2025071", "paidDateTo": "20250715"}, ("paidDateFrom", "format")),
        ({"paidDateFrom": "20250716", "paidDateTo": "20250715"}, ("paidDateTo", "order")),
        ({"paidDateFrom": "20250614", "paidDateTo": "20250715"}, ("paidDateTo", "window")),
        ({"paidDateFrom": "20250615", "paidDateTo": "20250715", "nextToken": "abc"},
         ("nextToken", "format")),
    ],
)  # fmt: skip
def test_order_list_refusals(
    market: Market, api: RawApi, params: dict[str, str], expected: tuple[str, str]
) -> None:
    assert expected in _errors(api.get(f"{BASE}/orders", params=params))


def test_thirty_days_is_the_widest_window(market: Market, api: RawApi) -> None:
    response = api.get(
        f"{BASE}/orders", params={"paidDateFrom": "20250615", "paidDateTo": "20250715"}
    )
    assert response.status_code == 200, response.text
    assert response.json() == {"code": 200, "message": "OK", "data": [], "nextToken": ""}


@pytest.mark.parametrize("order_id", ["abc", "0", "-3", "9" * 30])
def test_order_id_must_be_a_positive_number(market: Market, api: RawApi, order_id: str) -> None:
    assert ("orderId", "type") in _errors(api.get(f"{BASE}/order/{order_id}"))


def test_unknown_order_is_404(market: Market, api: RawApi) -> None:
    for order_id in ("123", "9" * 18):
        response = api.get(f"{BASE}/order/{order_id}")
        assert response.status_code == 404 and response.json()["code"] == 404


@pytest.mark.parametrize(
    ("params", "expected"),
    [({"vendorItemId": "x1"}, ("vendorItemId", "type")),
     ({"vendorItemId": "0"}, ("vendorItemId", "type")),
     ({"nextToken": "zz"}, ("nextToken", "format"))],
)  # fmt: skip
def test_inventory_refusals(
    market: Market, api: RawApi, params: dict[str, str], expected: tuple[str, str]
) -> None:
    assert expected in _errors(api.get(f"{BASE}/inventory/summaries", params=params))


def _stock(api: RawApi, item: Any, body: dict[str, Any]) -> httpx.Response:
    return api.http.put(f"/_sandbox/rg/inventory/{item}", json=body)


def _order(api: RawApi, body: dict[str, Any]) -> httpx.Response:
    return api.http.post("/_sandbox/rg/orders", json=body)


def test_control_refusals(market: Market, api: RawApi) -> None:
    first, _ = market.items
    vendor = market.client.vendor_id
    assert ("vendorId", "required") in _errors(_stock(api, first, {"quantity": 1}))
    assert ("quantity", "range") in _errors(
        _stock(api, first, {"vendorId": vendor, "quantity": -1})
    )
    assert ("quantity", "range") in _errors(
        _stock(api, first, {"vendorId": vendor, "quantity": "ten"})
    )
    assert ("quantity", "range") in _errors(_stock(api, first, {"vendorId": vendor}))
    assert ("vendorItemId", "type") in _errors(
        _stock(api, "abc", {"vendorId": vendor, "quantity": 1})
    )
    assert ("vendorItemId", "not_listed") in _errors(
        _stock(api, 42, {"vendorId": vendor, "quantity": 1})
    )
    assert ("externalSkuId", "type") in _errors(
        _stock(api, first, {"vendorId": vendor, "quantity": 1, "externalSkuId": ["a"]})
    )
    assert _stock(api, first, {"vendorId": vendor, "quantity": 0}).status_code == 200
    assert ("items", "required") in _errors(_order(api, {"vendorId": vendor, "items": []}))
    assert ("items[0].vendorItemId", "required") in _errors(
        _order(api, {"vendorId": vendor, "items": [{"quantity": 1}]})
    )
    assert ("items[0].quantity", "range") in _errors(
        _order(api, {"vendorId": vendor, "items": [{"vendorItemId": first, "quantity": 0}]})
    )
    assert ("items[0].vendorItemId", "not_listed") in _errors(
        _order(api, {"vendorId": vendor, "items": [{"vendorItemId": 42, "quantity": 1}]})
    )
    assert ("items[0].quantity", "stock") in _errors(
        _order(api, {"vendorId": vendor, "vendorItemId": first, "quantity": 1})
    )
    _stock(api, first, {"vendorId": vendor, "quantity": 5})
    assert ("paidAt", "format") in _errors(
        _order(api, {"vendorId": vendor, "vendorItemId": first, "paidAt": "yesterday"})
    )
    assert ("paidAt", "future") in _errors(
        _order(api, {"vendorId": vendor, "vendorItemId": first, "paidAt": "2025-07-15T14:00:01"})
    )
    # the sandbox clock's now (14:00 KST) itself is fine, naive = Korean time
    placed = _order(
        api, {"vendorId": vendor, "vendorItemId": first, "paidAt": "2025-07-15T14:00:00"}
    )
    assert placed.status_code == 200, placed.text
    assert placed.json()["data"]["paidAt"] == "1752555600000"
