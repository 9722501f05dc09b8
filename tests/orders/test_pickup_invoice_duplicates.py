"""Manual pickup invoices (``return-exchange-invoices/manual``) and the six-month duplicate
rule shared with order invoices: refused over HTTP with the order upload's message, the field
and the rule; the digit rules of the courier apply; the SDK checks the digits before sending."""

from __future__ import annotations

import pytest

from coupang_seller import AsyncClient, PreflightError, ValidationError
from coupang_seller.types.orders import InvoiceLine
from tests.orders.after_sales import (
    MANUAL_PATH,
    Market,
    RawApi,
    deliver,
    errors_of,
    exchange_path,
    fresh_number,
    manual_body,
    manual_return,
)

DUPLICATE = "이미 저장된 송장번호가 있습니다."
SIX_MONTHS_AND_A_DAY = 185 * 86_400


def _upload(market: Market, number: str, courier: str = "CJGLS") -> int:
    """Ship a fresh order under ``courier`` + ``number``; its orderId."""
    placed = market.instructed({market.items[0]: 1})
    box = placed.shipment_box_ids[0]
    result = market.client.orders.upload_invoices(
        [InvoiceLine(shipmentBoxId=box, orderId=placed.orderId, vendorItemId=market.items[0],
                     deliveryCompanyCode=courier, invoiceNumber=number)]
    )  # fmt: skip
    assert result.all_succeeded, result.failed
    return placed.orderId


def test_pickup_invoice_reusing_an_order_invoice_is_refused(market: Market, api: RawApi) -> None:
    number = fresh_number()
    _upload(market, number)
    receipt = manual_return(market)
    refused = api.post(MANUAL_PATH, json=manual_body(receipt, "CJGLS", number))
    assert refused.status_code == 400, refused.text
    assert errors_of(refused) == [("invoiceNumber", "invoice_duplicate")]
    assert DUPLICATE in refused.json()["message"]
    # Nothing was registered: the return still waits for its pickup invoice.
    assert market.client.returns.get(receipt).returnDeliveryDtos == []
    # The same number with another courier is another invoice.
    other = api.post(MANUAL_PATH, json=manual_body(receipt, "HANJIN", number))
    assert other.status_code == 200, other.text
    assert other.json()["data"]["invoiceNumber"] == number


def test_pickup_invoice_reusing_another_pickup_invoice_is_refused(
    market: Market, api: RawApi
) -> None:
    number = fresh_number()
    first, second = manual_return(market), manual_return(market)
    assert api.post(MANUAL_PATH, json=manual_body(first, "CJGLS", number)).status_code == 200
    again = api.post(MANUAL_PATH, json=manual_body(second, "CJGLS", number))
    assert again.status_code == 400
    assert errors_of(again) == [("invoiceNumber", "invoice_duplicate")]
    assert DUPLICATE in again.json()["message"] and str(first) in again.json()["message"]
    # Through the SDK: the same refusal, as a ValidationError naming the field and rule.
    with pytest.raises(ValidationError) as caught:
        market.client.returns.upload_pickup_invoice(
            second, delivery_company_code="CJGLS", invoice_number=number
        )
    assert [(v.field, v.rule) for v in caught.value.violations] == [
        ("invoiceNumber", "invoice_duplicate")
    ]


def test_duplicate_window_is_six_months(market: Market, api: RawApi) -> None:
    number = fresh_number()
    _upload(market, number)
    receipt = manual_return(market)
    assert api.post(MANUAL_PATH, json=manual_body(receipt, "CJGLS", number)).status_code == 400
    # A key lives 180 days on the sandbox clock: give this one longer than the jump.
    market.client.sandbox.vendors.set_key_policy(lifetime_days=365)
    market.client.sandbox.clock.advance(SIX_MONTHS_AND_A_DAY)
    later = api.post(MANUAL_PATH, json=manual_body(receipt, "CJGLS", number))
    assert later.status_code == 200, later.text


def test_direct_is_never_a_duplicate(market: Market, api: RawApi) -> None:
    first, second = manual_return(market), manual_return(market)
    for receipt in (first, second):
        answer = api.post(MANUAL_PATH, json=manual_body(receipt, "DIRECT", "777"))
        assert answer.status_code == 200, answer.text


def test_order_invoice_reusing_a_pickup_invoice_is_refused(market: Market, api: RawApi) -> None:
    number = fresh_number()
    receipt = manual_return(market)
    assert api.post(MANUAL_PATH, json=manual_body(receipt, "CJGLS", number)).status_code == 200
    placed = market.instructed({market.items[0]: 1})
    result = market.client.orders.upload_invoices(
        [InvoiceLine(shipmentBoxId=placed.shipment_box_ids[0], orderId=placed.orderId,
                     vendorItemId=market.items[0], deliveryCompanyCode="CJGLS",
                     invoiceNumber=number)]
    )  # fmt: skip
    [failed] = result.failed
    assert failed.resultCode == "DUPLICATE_INVOICE_NUMBER" and failed.retryRequired is True
    assert failed.resultMessage is not None and failed.resultMessage.startswith(DUPLICATE)
    assert str(receipt) in failed.resultMessage
    assert market.client.orders.get(placed.shipment_box_ids[0]).status == "INSTRUCT"


def test_exchange_invoice_reusing_a_pickup_invoice_is_refused(market: Market, api: RawApi) -> None:
    number = fresh_number()
    receipt = manual_return(market)
    assert api.post(MANUAL_PATH, json=manual_body(receipt, "CJGLS", number)).status_code == 200
    delivered = deliver(market)
    client = market.client
    asked = client.sandbox.exchanges.request(delivered.order_id, delivered.items[0])
    client.exchanges.confirm_receipt(asked.exchangeId)
    client.sandbox.clock.advance(600)
    new_box = client.sandbox.exchanges.get(asked.exchangeId).new_shipment_box_id
    refused = api.post(
        exchange_path(f"/{asked.exchangeId}/invoices"),
        json={"exchangeId": asked.exchangeId, "shipmentBoxId": new_box,
              "goodsDeliveryCode": "CJGLS", "invoiceNumber": number},
    )  # fmt: skip
    assert refused.status_code == 400, refused.text
    assert DUPLICATE in refused.json()["message"]
    assert client.sandbox.exchanges.get(asked.exchangeId).exchangeStatus == "PROGRESS"


@pytest.mark.parametrize(
    ("courier", "number", "rule"),
    [
        ("CJGLS", "12345678901", "invoice_digits"),  # CJGLS: 10 or 12 digits
        ("EPOST", "123456789012", "invoice_digits"),  # EPOST: 13 digits
        ("HANJIN", "12345678901a", "invoice_digits"),
        ("KOREX", "1234567890", "courier_defunct"),
        ("NOPE", "1234567890", "courier_unknown"),
    ],
)
def test_courier_rules_over_http_and_in_the_sdk(
    market: Market, api: RawApi, courier: str, number: str, rule: str
) -> None:
    receipt = manual_return(market)
    refused = api.post(MANUAL_PATH, json=manual_body(receipt, courier, number))
    assert refused.status_code == 400
    fields = dict((r, f) for f, r in errors_of(refused))
    assert rule in fields, refused.text
    assert fields[rule] in ("invoiceNumber", "deliveryCompanyCode")
    with pytest.raises(PreflightError) as caught:
        market.client.returns.upload_pickup_invoice(
            receipt, delivery_company_code=courier, invoice_number=number
        )
    assert rule in {v.rule for v in caught.value.violations}


async def test_async_client_gets_the_duplicate_refusal(
    market: Market, aclient: AsyncClient
) -> None:
    number = fresh_number()
    _upload(market, number)
    receipt = manual_return(market)
    with pytest.raises(ValidationError) as caught:
        await aclient.returns.upload_pickup_invoice(
            receipt, delivery_company_code="CJGLS", invoice_number=number
        )
    assert DUPLICATE in str(caught.value)
    done = await aclient.returns.upload_pickup_invoice(
        receipt, delivery_company_code="HANJIN", invoice_number=number
    )
    assert done.invoiceNumber == number and done.receiptId == receipt
