"""Fidelity defects found by comparing the sandbox's answers with the reference, over HTTP
(the SDK and hand-signed requests; SQLite and PostgreSQL fixtures):

* the order-sheet history speaks ``OrderSheetStatus`` codes only (no ``CANCEL``);
* a stop-shipment or cancel receipt carries a documented ``returnDeliveryType`` (not "");
* ``extraProperties`` come back string-valued, as the product lookup sample shows;
* the outbound places list requires ``searchType`` (FULL or OSPC), as documented.
"""

from __future__ import annotations

from datetime import date

from tests.fidelity.conftest import VENDOR, Market, RawApi

#: ``OrderSheetStatus`` (coupang-enums.json), the documented values of ``deliveryStatus``.
ORDER_SHEET_STATUSES = {
    "ACCEPT",
    "INSTRUCT",
    "DEPARTURE",
    "DELIVERING",
    "FINAL_DELIVERY",
    "NONE_TRACKING",
}
#: ``ReturnDeliveryType`` (Korean strings, documented on the return lists).
RETURN_DELIVERY_TYPES = {"전담택배", "연동택배", "수기관리"}
TODAY = date(2025, 7, 15)
V4_HISTORY = "/v2/providers/openapi/apis/api/v4/vendors/{vendor}/ordersheets/{box}/history"


def test_history_of_a_cancelled_box_has_no_cancel_status(market: Market, api: RawApi) -> None:
    client = market.client
    # Cancelled at ACCEPT (immediately) and at INSTRUCT (a completed stop-shipment).
    accepted = market.visible_order({market.items[0]: 1})
    client.sandbox.orders.request_cancel(accepted.orderId)
    instructed = market.instructed({market.items[0]: 1})
    client.orders.cancel(instructed.orderId, {market.items[0]: 1})
    for placed, statuses in ((accepted, ["ACCEPT"]), (instructed, ["INSTRUCT", "ACCEPT"])):
        box = placed.shipment_box_ids[0]
        history = client.orders.history(box)
        assert [d.deliveryStatus for d in history.details] == statuses
        raw = api.get(V4_HISTORY.format(vendor=VENDOR[0], box=box)).json()["data"]
        assert {d["deliveryStatus"] for d in raw["details"]} <= ORDER_SHEET_STATUSES


def test_stop_shipment_and_cancel_receipts_name_a_documented_return_delivery_type(
    market: Market,
) -> None:
    client = market.client
    first = market.items[0]
    stopped = market.instructed({first: 1})
    stop = client.orders.cancel(stopped.orderId, {first: 1})
    assert stop.receiptMap is not None and stop.receiptMap.receiptType == "STOP_SHIPMENT"
    cancelled = market.visible_order({first: 1})
    client.orders.cancel(cancelled.orderId, {first: 1})
    listed = list(client.returns.iter(TODAY, TODAY, status="CC"))
    assert [r.receiptId for r in listed] == [stop.receiptMap.receiptId]
    cancels = list(client.returns.iter(TODAY, TODAY, cancel_type="CANCEL"))
    assert [r.orderId for r in cancels] == [cancelled.orderId]
    for receipt in [*listed, *cancels, client.returns.get(stop.receiptMap.receiptId)]:
        assert receipt.returnDeliveryType in RETURN_DELIVERY_TYPES


def test_extra_properties_come_back_as_strings(market: Market, api: RawApi) -> None:
    sent = {
        "coupangSalePrice": 5000,
        "onlineSalePriceForBooks": 10000.5,
        "transactionType": "manufacturer",
        "gift": True,
        "note": None,
    }
    body = market.shop.body(sku="EXTRA-1")
    body["items"][0]["extraProperties"] = sent
    product_id = market.client.products.create(body)
    answer = api.get(
        f"/v2/providers/seller_api/apis/api/v1/marketplace/seller-products/{product_id}"
    ).json()["data"]
    assert answer["items"][0]["extraProperties"] == {
        "coupangSalePrice": "5000",
        "onlineSalePriceForBooks": "10000.5",
        "transactionType": "manufacturer",
        "gift": "true",
        "note": None,
    }
    assert market.client.products.get(product_id).items[0].extraProperties == {
        "coupangSalePrice": "5000",
        "onlineSalePriceForBooks": "10000.5",
        "transactionType": "manufacturer",
        "gift": "true",
        "note": None,
    }


def test_outbound_list_requires_search_type(market: Market, api: RawApi) -> None:
    path = f"/v2/providers/openapi/apis/api/v4/vendors/{VENDOR[0]}/outboundShippingCenters"
    for params in ({}, {"searchType": ""}, {"searchType": " "}):
        refused = api.get(path, params={"pageNum": 1, **params})
        assert refused.status_code == 400, refused.text
        assert [(e["field"], e["rule"]) for e in refused.json()["errors"]] == [
            ("searchType", "required")
        ]
    for search_type in ("FULL", "full"):
        listed = api.get(path, params={"searchType": search_type})
        assert listed.status_code == 200, listed.text
        codes = [p["outboundShippingPlaceCode"] for p in listed.json()["data"]["content"]]
        assert codes == [market.shop.outbound]
