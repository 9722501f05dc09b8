"""Typed answers keep the buyer's data for the caller but never show it in ``repr``/``str``."""

from __future__ import annotations

from coupang_seller.resources.sandbox import PlacedOrder
from coupang_seller.types.exchanges import ExchangeRequest
from coupang_seller.types.orders import Orderer, OrderSheet, Receiver

NAME = "홍길동"
PHONE = "010-1234-5678"
ADDRESS = "서울시 비밀구 1-2"


def _shown(model: object) -> str:
    return repr(model) + str(model)


def test_order_sheet_masks_orderer_and_receiver() -> None:
    sheet = OrderSheet.model_validate(
        {
            "shipmentBoxId": 1,
            "orderId": 2,
            "status": "ACCEPT",
            "orderer": {"name": NAME, "email": "hong@example.com", "safeNumber": PHONE},
            "receiver": {"name": NAME, "addr1": ADDRESS, "postCode": "05510"},
            "overseaShippingInfoDto": {"personalCustomsClearanceCode": "P123456789012"},
        }
    )
    shown = _shown(sheet) + _shown(sheet.orderer) + _shown(sheet.receiver)
    for private in (NAME, PHONE, ADDRESS, "hong@example.com", "05510", "P123456789012"):
        assert private not in shown, private
    assert "[REDACTED]" in shown and "shipmentBoxId=1" in shown
    assert isinstance(sheet.receiver, Receiver) and sheet.receiver.addr1 == ADDRESS
    assert isinstance(sheet.orderer, Orderer) and sheet.orderer.name == NAME
    assert sheet.model_dump()["receiver"]["name"] == NAME


def test_exchange_request_masks_the_buyer_s_addresses() -> None:
    exchange = ExchangeRequest.model_validate(
        {
            "exchangeId": 1,
            "orderId": 2,
            "exchangeStatus": "RECEIPT",
            "exchangeAddressDtoV1": {
                "returnCustomerName": NAME,
                "returnAddress": ADDRESS,
                "returnMobile": PHONE,
                "deliveryCustomerName": NAME,
                "deliveryAddress": ADDRESS,
                "deliveryMobile": PHONE,
            },
        }
    )
    shown = _shown(exchange)
    assert NAME not in shown and ADDRESS not in shown and PHONE not in shown
    assert "exchangeId=1" in shown


def test_placed_order_masks_the_safe_number() -> None:
    placed = PlacedOrder(orderId=1, safeNumber="0502-1234-5678")
    assert "0502-1234-5678" not in _shown(placed)
    assert placed.safeNumber == "0502-1234-5678"
