"""Every exchange rule over real HTTP (signed raw requests and the control API): refusals
answer 400/409 in Coupang's envelope and name the current state and the allowed ones."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from coupang_seller import PreflightError
from tests.exchanges.conftest import (
    SINCE,
    UNTIL,
    VID,
    WING,
    Delivered,
    Market,
    RawApi,
    deliver,
    exchange_path,
    list_params,
)


def _control(api: RawApi, path: str, body: dict[str, Any]) -> httpx.Response:
    return api.request("POST", path, json=body)


def _ask(api: RawApi, order: Delivered, **body: Any) -> httpx.Response:
    payload = {"orderId": order.order_id, "vendorItemId": order.items[0], "reasonCode": "DEFECT"}
    return _control(api, "/_sandbox/exchanges", {**payload, **body})


def _asked(api: RawApi, order: Delivered, **body: Any) -> int:
    response = _ask(api, order, **body)
    assert response.status_code == 200, response.text
    exchange_id: int = response.json()["data"]["exchangeId"]
    return exchange_id


def _confirm(api: RawApi, exchange_id: int) -> httpx.Response:
    return api.request(
        "PATCH",
        exchange_path(f"/{exchange_id}/receiveConfirmation"),
        json={"exchangeId": exchange_id, "vendorId": VID},
    )


def _reject(api: RawApi, exchange_id: int, code: Any) -> httpx.Response:
    return api.request(
        "PUT",
        exchange_path(f"/{exchange_id}/rejection"),
        json={"exchangeId": exchange_id, "vendorId": VID, "exchangeRejectCode": code},
    )


def _invoice(
    api: RawApi, exchange_id: int, box: int, number: str = "500000000009"
) -> httpx.Response:
    return api.post(
        exchange_path(f"/{exchange_id}/invoices"),
        json={"exchangeId": exchange_id, "vendorId": VID, "shipmentBoxId": box,
              "goodsDeliveryCode": "CJGLS", "invoiceNumber": number},
    )  # fmt: skip


def _message(response: httpx.Response, status: int = 400) -> str:
    assert response.status_code == status, response.text
    text: str = response.json()["message"]
    return text


# -- list ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"createdAtFrom": "2025-07-01T00:00:00", "createdAtTo": "2025-07-08T00:00:01"}, "createdAtTo"),
        (list_params(status="DONE"), "status"),
        (list_params(maxPerPage="0"), "maxPerPage"),
        (list_params(nextToken="abc"), "nextToken"),
        ({"createdAtTo": "2025-07-08T00:00:00"}, "createdAtFrom"),
    ],
)  # fmt: skip
def test_list_refusals(market: Market, api: RawApi, params: dict[str, str], field: str) -> None:
    response = api.get(exchange_path(), params=params)
    assert response.status_code == 400
    assert field in {e["field"] for e in response.json()["errors"]}


def test_list_of_exactly_7_days_and_season1_path(market: Market, api: RawApi) -> None:
    params = {"createdAtFrom": "2025-07-13T00:00:00", "createdAtTo": "2025-07-20T00:00:00"}
    body = api.get(exchange_path(), params=params).json()
    assert body["data"] == [] and body["nextToken"] == ""
    assert api.get(f"{WING}/inquiries", params=params).json()["nextToken"] == ""


def test_sdk_preflight_refuses_a_long_window(market: Market) -> None:
    from datetime import datetime

    with pytest.raises(PreflightError):
        market.client.exchanges.list(datetime(2025, 7, 1), datetime(2025, 7, 9))
    with pytest.raises(PreflightError):
        market.client.exchanges.reject(1, "DAMAGED")  # type: ignore[arg-type]


# -- the customer's request ----------------------------------------------------------------------


def test_request_refusals(market: Market, api: RawApi) -> None:
    order = deliver(market)
    first, second = order.items
    other_option = _message(_ask(api, order, targetVendorItemId=second))
    assert "same option" in other_option and "return" in other_option
    assert "targetVendorItemId" in other_option
    assert "deleted" in _message(_ask(api, order, reasonCode="CCSSER"))
    assert "reasonCode" in _message(_ask(api, order, reasonCode="NOPE"))
    assert "not an item" in _message(_ask(api, order, vendorItemId=999))
    assert _ask(api, order, orderId=1).status_code == 404
    too_many = _message(_ask(api, order, quantity=3), 409)  # 2 delivered
    assert "2 delivered" in too_many
    _asked(api, order, quantity=2)
    assert "2 in open exchanges" in _message(_ask(api, order), 409)
    pending = market.instructed({first: 1})
    undelivered = Delivered(pending.orderId, pending.shipment_box_ids[0], [first])
    text = _message(_ask(api, undelivered), 409)
    assert "INSTRUCT" in text and "FINAL_DELIVERY" in text


# -- the seller's actions ------------------------------------------------------------------------


def test_confirm_and_reject_refusals_name_the_states(market: Market, api: RawApi) -> None:
    order = deliver(market)
    exchange_id = _asked(api, order)
    assert _confirm(api, exchange_id).json() == {"code": "200", "message": "SUCCESS"}
    again = _message(_confirm(api, exchange_id))
    assert "is PROGRESS" in again and "allowed only in RECEIPT" in again
    for bad in ("DAMAGED", "", None):
        response = _reject(api, exchange_id, bad)
        assert response.status_code == 400
        assert {e["field"] for e in response.json()["errors"]} == {"exchangeRejectCode"}
    assert "SOLDOUT or WITHDRAW" in _message(_reject(api, exchange_id, "OTHER"))
    assert _reject(api, exchange_id, "WITHDRAW").json()["data"]["resultCode"] == "SUCCESS"
    late = _message(_reject(api, exchange_id, "SOLDOUT"))
    assert "is REJECT" in late and "RECEIPT, PROGRESS" in late
    assert "is REJECT" in _message(_invoice(api, exchange_id, order.box))
    mismatch = api.request(
        "PATCH", exchange_path(f"/{exchange_id}/receiveConfirmation"), json={"exchangeId": 1}
    )
    assert "mismatch" in {e["rule"] for e in mismatch.json()["errors"]}
    assert _confirm(api, 999).status_code == 404


def test_withdrawn_exchange_refuses_everything(market: Market, api: RawApi) -> None:
    order = deliver(market)
    exchange_id = _asked(api, order)
    response = _control(api, f"/_sandbox/exchanges/{exchange_id}/withdraw", {})
    assert response.json()["data"]["exchangeStatus"] == "CANCEL"
    text = _message(_confirm(api, exchange_id))
    assert "is CANCEL" in text and "RECEIPT" in text
    again = _message(_control(api, f"/_sandbox/exchanges/{exchange_id}/withdraw", {}))
    assert "is CANCEL" in again
    scan = _control(api, f"/_sandbox/exchanges/{exchange_id}/scan", {"event": "PICKUP"})
    assert "CANCEL" in _message(scan, 409)


def test_invoice_rules(market: Market, api: RawApi) -> None:
    order = deliver(market)
    exchange_id = _asked(api, order)
    before = _message(_invoice(api, exchange_id, order.box))
    assert "is RECEIPT" in before and "allowed only in PROGRESS" in before
    _confirm(api, exchange_id)
    # The new box is not available before ~10 minutes.
    pending = _message(_invoice(api, exchange_id, order.box))
    assert "not in deliveryInvoiceGroupDtos yet" in pending
    market.client.sandbox.clock.advance(599)
    assert "not in deliveryInvoiceGroupDtos yet" in _message(_invoice(api, exchange_id, order.box))
    market.client.sandbox.clock.advance(1)
    listed = api.get(exchange_path(), params=list_params()).json()["data"][0]
    new_box = listed["deliveryInvoiceGroupDtos"][0]["shipmentBoxId"]
    # The original shipmentBoxId: the NONE_TRACKING refusal.
    original = _message(_invoice(api, exchange_id, order.box))
    assert original.startswith("NONE_TRACKING") and "deliveryInvoiceGroupDtos" in original
    assert f"use the new shipmentBoxId {new_box}" in _message(_invoice(api, exchange_id, 12345))
    bad = api.post(
        exchange_path(f"/{exchange_id}/invoices"),
        json={"exchangeId": exchange_id, "shipmentBoxId": new_box, "goodsDeliveryCode": "NOPE",
              "invoiceNumber": "1"},
    )  # fmt: skip
    assert {e["field"] for e in bad.json()["errors"]} == {"goodsDeliveryCode"}
    short = _invoice(api, exchange_id, new_box, "12")
    assert {e["field"] for e in short.json()["errors"]} == {"invoiceNumber"}
    ok = api.post(
        f"{WING}/{exchange_id}/invoices",
        json={"exchangeId": exchange_id, "shipmentBoxId": new_box, "goodsDeliveryCode": "CJGLS",
              "invoiceNumber": "500000000010"},
    )  # fmt: skip
    assert ok.json()["data"]["resultCode"] == "SUCCESS", ok.text
    assert "is SUCCESS" in _message(_invoice(api, exchange_id, new_box))


def test_duplicate_invoice_is_refused(market: Market, api: RawApi) -> None:
    order = deliver(market)
    one, two = _asked(api, order), _asked(api, order)
    _confirm(api, one)
    _confirm(api, two)
    market.client.sandbox.clock.advance(600)
    boxes = {x["exchangeId"]: x["deliveryInvoiceGroupDtos"][0]["shipmentBoxId"]
             for x in api.get(exchange_path(), params=list_params()).json()["data"]}  # fmt: skip
    assert _invoice(api, one, boxes[one], "500000000077").status_code == 200
    assert "already used" in _message(_invoice(api, two, boxes[two], "500000000077"))


def _pickup(api: RawApi, exchange_id: int, number: str, courier: str = "CJGLS") -> httpx.Response:
    return api.post(
        f"/v2/providers/openapi/apis/api/v4/vendors/{VID}/return-exchange-invoices/manual",
        json={"returnExchangeDeliveryType": "EXCHANGE", "receiptId": exchange_id,
              "deliveryCompanyCode": courier, "invoiceNumber": number},
    )  # fmt: skip


def test_manual_pickup_invoice_for_an_exchange(market: Market, api: RawApi) -> None:
    order = deliver(market)
    exchange_id = _asked(api, order)
    registered = _pickup(api, exchange_id, "610000000017")
    assert registered.status_code == 200, registered.text
    data = registered.json()["data"]
    assert data["returnExchangeDeliveryType"] == "EXCHANGE"
    assert data["receiptId"] == exchange_id
    listed = market.client.exchanges.list(SINCE, UNTIL)
    mine = next(x for x in listed.items if x.exchangeId == exchange_id)
    delivery = mine.model_dump()["returnDeliveryDtos"][0]
    assert delivery == {"deliveryCompanyCode": "CJGLS", "deliveryInvoiceNo": "610000000017"}
    # the same number again (another exchange or this one) is a duplicate within 6 months
    other = _asked(api, deliver(market))
    again = _pickup(api, other, "610000000017")
    assert again.status_code == 400
    assert [(e["field"], e["rule"]) for e in again.json()["errors"]] == [
        ("invoiceNumber", "invoice_duplicate")
    ]
    # digits are checked as for order invoices; unknown exchange ids are 404
    assert _pickup(api, other, "12").status_code == 400
    assert _pickup(api, 999999999, "610000000025").status_code == 404
    # after the receipt confirmation the goods are collected: no pickup invoice any more
    assert _confirm(api, other).status_code == 200
    late = _pickup(api, other, "610000000025")
    assert late.status_code == 400
    assert "RECEIPT" in late.json()["message"]


def test_sdk_registers_an_exchange_pickup_invoice(market: Market, api: RawApi) -> None:
    exchange_id = _asked(api, deliver(market))
    seller = market.client
    result = seller.exchanges.upload_pickup_invoice(
        exchange_id, delivery_company_code="HANJIN", invoice_number="610000000033"
    )
    assert result.receiptId == exchange_id
    with pytest.raises(PreflightError) as refused:
        seller.exchanges.upload_pickup_invoice(
            exchange_id, delivery_company_code="NOPE", invoice_number="1"
        )
    assert refused.value.violations[0].field == "deliveryCompanyCode"
