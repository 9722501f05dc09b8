"""Control-API bodies are strict: a field a handler does not read is refused (400, rule
``unknown_field``, naming it), at the top level and inside the objects it parses, and
nothing happens. ``{"frozen": true}`` on the clock used to answer 200 with the clock running.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from coupang_sandbox.routes import (
    control,
    control_coupons,
    control_customer_service,
    control_exchanges,
    control_orders,
    control_products,
    control_returns,
    control_rocket_growth,
    control_settlement,
)
from coupang_sandbox.routes._base import BODY_METHODS
from coupang_sandbox.routes._control_body import declared_fields
from tests.fidelity.conftest import VENDOR, Market, RawApi

CONTROL_MODULES = (
    control,
    control_coupons,
    control_exchanges,
    control_customer_service,
    control_orders,
    control_products,
    control_returns,
    control_rocket_growth,
    control_settlement,
)


def _unknown(response: httpx.Response) -> list[str]:
    assert response.status_code == 400, response.text
    errors = response.json()["errors"]
    assert {e["rule"] for e in errors} == {"unknown_field"}
    for error in errors:
        assert error["field"] in error["message"] and error["field"] in response.json()["message"]
    return [e["field"] for e in errors]


def test_every_control_handler_with_a_body_declares_its_fields() -> None:
    for module in CONTROL_MODULES:
        for method, path, handler in module.ROUTES:
            if method in BODY_METHODS:
                assert declared_fields(handler) is not None, (method, path)


def test_clock_refuses_frozen_and_keeps_running(api: RawApi) -> None:
    http = api.http
    before = http.get("/_sandbox/clock").json()["data"]
    response = http.post("/_sandbox/clock", json={"now": "2024-03-01T10:00:00Z", "frozen": True})
    assert _unknown(response) == ["frozen"]
    assert "freeze" in response.json()["errors"][0]["message"]  # names what is accepted
    after = http.get("/_sandbox/clock").json()["data"]
    assert after["mode"] == before["mode"] and not after["now"].startswith("2024-03-01")
    assert _unknown(http.post("/_sandbox/clock/advance", json={"seconds": 5, "unit": "s"})) == [
        "unit"
    ]
    assert _unknown(http.post("/_sandbox/reset", json={"keepVendor": True})) == ["keepVendor"]


def test_nested_unknown_fields_are_named_and_nothing_is_placed(market: Market, api: RawApi) -> None:
    first = market.items[0]
    stock = market.client.products.get_inventory(first).amountInStock
    body: dict[str, Any] = {
        "vendorId": VENDOR[0],
        "items": [{"vendorItemId": first, "quantity": 1}, {"vendorItemId": first, "qty": 2}],
        "receiver": {"name": "홍길동", "phone": "010"},
        "orderer": {"name": "홍길동"},
        "coupon": 1,
    }
    refused = api.http.post("/_sandbox/orders", json=body)
    assert sorted(_unknown(refused)) == ["coupon", "items[1].qty", "receiver.phone"]
    assert market.client.products.get_inventory(first).amountInStock == stock
    # The same body without the unknown fields is placed.
    body["items"][1] = {"vendorItemId": first, "quantity": 2}
    del body["receiver"]["phone"], body["coupon"]
    assert api.http.post("/_sandbox/orders", json=body).status_code == 200
    assert market.client.products.get_inventory(first).amountInStock == stock - 3


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("/_sandbox/returns/1/withdraw", {"reason": "x"}, "reason"),
        ("/_sandbox/coupons/1/pause", {"until": "x"}, "until"),
        ("/_sandbox/shipments/1/scan", {"event": "PICKUP", "at": "x"}, "at"),
        (
            "/_sandbox/orders/1/cancel-request",
            {"items": [{"vendorItemId": 1, "n": 1}]},
            "items[0].n",
        ),
        ("/_sandbox/products/1/review", {"result": "APPROVED", "note": "x"}, "note"),
        ("/_sandbox/exchanges", {"orderId": 1, "reason": "x"}, "reason"),
        ("/_sandbox/inquiries/online", {"question": "x"}, "question"),
        ("/_sandbox/rg/orders", {"items": [{"vendorItemId": 1, "count": 1}]}, "items[0].count"),
    ],
)
def test_unknown_fields_are_refused_before_anything_else(
    api: RawApi, path: str, body: dict[str, Any], field: str
) -> None:
    assert field in _unknown(api.http.post(path, json=body))


def test_settlement_and_rocket_growth_put_bodies_are_strict(api: RawApi) -> None:
    terms = api.http.put(
        f"/_sandbox/vendors/{VENDOR[0]}/settlement", json={"cycle": "WEEKLY", "rate": 10}
    )
    assert _unknown(terms) == ["rate"]
    stock = api.http.put("/_sandbox/rg/inventory/1", json={"vendorId": VENDOR[0], "qty": 1})
    assert _unknown(stock) == ["qty"]
