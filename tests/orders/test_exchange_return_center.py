"""The return-center fields of an exchange come from the product's return center (its
``returnCenterCode`` and the vendor's center row), and exchanges leave stock alone (the docs say
nothing about stock on a SOLDOUT rejection; an exchange ships one unit for each one back)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from coupang_seller import AsyncClient
from coupang_seller.types.shipping_places import PlaceAddress, ReturnFees
from tests.exchanges.test_conformance import _fix_typo, missing_fields
from tests.orders.after_sales import (
    SINCE,
    UNTIL,
    Market,
    RawApi,
    deliver,
    exchange_path,
    fresh_number,
    manual_items,
)

SAMPLES = Path(__file__).parent / "samples"
LIST_PARAMS = {"createdAtFrom": "2025-07-14T00:00:00", "createdAtTo": "2025-07-20T00:00:00"}


def _island_center(market: Market) -> str:
    """A second return center (another courier and address) than the shop's own."""
    code = market.client.return_centers.create(
        name="울릉 반품센터",
        courier="HANJIN",
        contract_number="99887766",
        fees=ReturnFees.flat(3000),
        addresses=[
            PlaceAddress(
                addressType="JIBUN",
                companyContactNumber="054-791-1234",
                phoneNumber2="010-2222-3333",
                returnZipCode="40200",
                returnAddress="경상북도 울릉군 울릉읍 도동리",
                returnAddressDetail="반품창고 2층",
            )
        ],
    )
    return str(code)


def _listed(api: RawApi, exchange_id: int) -> dict[str, Any]:
    answer = api.get(exchange_path(), params=LIST_PARAMS)
    assert answer.status_code == 200, answer.text
    [found] = [x for x in answer.json()["data"] if x["exchangeId"] == exchange_id]
    return dict(found)


def test_destination_is_the_products_return_center(market: Market, api: RawApi) -> None:
    center = _island_center(market)
    _, items = market.shop.approved(returnCenterCode=center, sku=f"X-{fresh_number()}")
    delivered = deliver(market, {items[0]: 1})
    asked = market.client.sandbox.exchanges.request(delivered.order_id, items[0])
    found = _listed(api, asked.exchangeId)
    destination = found["collectInformationsDto"]["returndeliveryDestinationDto"]
    assert destination["returnCenterCode"] == center
    assert destination["vendorName"] == "울릉 반품센터"
    assert destination["vendorZipCode"] == "40200"
    assert destination["vendorAddress"] == "경상북도 울릉군 울릉읍 도동리"
    assert destination["vendorAddressDetail"] == "반품창고 2층"
    assert destination["vendorPhone"] == "054-791-1234"
    assert destination["vendorMobile"] == "010-2222-3333"
    # The pickup courier is the center's, before and after the pickup scan.
    assert found["returnDeliveryDtos"] == [
        {"deliveryCompanyCode": "HANJIN", "deliveryInvoiceNo": ""}
    ]
    market.client.sandbox.courier.scan_exchange(asked.exchangeId, "PICKUP")
    picked = _listed(api, asked.exchangeId)["returnDeliveryDtos"][0]
    assert picked["deliveryCompanyCode"] == "HANJIN" and picked["deliveryInvoiceNo"]


def test_shop_center_and_no_center(market: Market, api: RawApi) -> None:
    delivered = deliver(market, {market.items[0]: 1})
    asked = market.client.sandbox.exchanges.request(delivered.order_id, market.items[0])
    shop = _listed(api, asked.exchangeId)
    destination = shop["collectInformationsDto"]["returndeliveryDestinationDto"]
    assert destination["returnCenterCode"] == market.shop.return_center
    assert (
        destination["vendorName"] == "상품 반품지"
        and destination["vendorAddress"] == "경기도 파주시"
    )
    assert shop["returnDeliveryDtos"][0]["deliveryCompanyCode"] == "CJGLS"
    # A product without a return center (NO_RETURN_CENTERCODE): nothing to show, no courier.
    items = manual_items(market, sku=f"M-{fresh_number()}")
    bare = deliver(market, {items[0]: 1})
    other = market.client.sandbox.exchanges.request(bare.order_id, items[0])
    listed = _listed(api, other.exchangeId)
    empty = listed["collectInformationsDto"]["returndeliveryDestinationDto"]
    assert empty["returnCenterCode"] is None and empty["vendorAddress"] is None
    assert listed["returnDeliveryDtos"][0]["deliveryCompanyCode"] is None


def test_list_still_answers_the_documented_sample_shape(market: Market, api: RawApi) -> None:
    # The documented sample (copied from the catalog), its moodifiedAt typo read as modifiedAt.
    raw = json.loads((SAMPLES / "exchange_list.json").read_text(encoding="utf-8"))["sample"]
    sample = _fix_typo(raw)
    center = _island_center(market)
    _, items = market.shop.approved(returnCenterCode=center, sku=f"S-{fresh_number()}")
    delivered = deliver(market, {items[0]: 1})
    market.client.sandbox.exchanges.request(delivered.order_id, items[0])
    answer = api.get(exchange_path(), params=LIST_PARAMS)
    assert missing_fields(sample, answer.json()) == []
    destination = answer.json()["data"][0]["collectInformationsDto"]["returndeliveryDestinationDto"]
    # Every vendor* field of the sample is filled from the center (none left as a placeholder).
    vendor_fields = [k for k in sample["data"][0]["collectInformationsDto"]
                     ["returndeliveryDestinationDto"] if k.startswith("vendor")]  # fmt: skip
    assert vendor_fields and all(destination[k] for k in vendor_fields)


def test_exchanges_leave_stock_alone(market: Market) -> None:
    client = market.client
    first = market.items[0]
    delivered = deliver(market, {first: 2})
    stock = client.products.get_inventory(first).amountInStock
    success = client.sandbox.exchanges.request(delivered.order_id, first)
    soldout = client.sandbox.exchanges.request(delivered.order_id, first)
    client.exchanges.reject(soldout.exchangeId, "SOLDOUT")
    assert client.sandbox.exchanges.get(soldout.exchangeId).exchangeStatus == "REJECT"
    client.exchanges.confirm_receipt(success.exchangeId)
    client.sandbox.clock.advance(600)
    new_box = client.sandbox.exchanges.get(success.exchangeId).new_shipment_box_id
    assert new_box is not None
    client.exchanges.upload_invoice(
        success.exchangeId, shipment_box_id=new_box, goods_delivery_code="CJGLS",
        invoice_number=fresh_number(),
    )  # fmt: skip
    assert client.sandbox.exchanges.get(success.exchangeId).exchangeStatus == "SUCCESS"
    assert client.products.get_inventory(first).amountInStock == stock


async def test_async_list_reads_the_center(market: Market, aclient: AsyncClient) -> None:
    delivered = deliver(market, {market.items[0]: 1})
    asked = market.client.sandbox.exchanges.request(delivered.order_id, market.items[0])
    page = await aclient.exchanges.list(SINCE, UNTIL)
    [found] = [x for x in page.items if x.exchangeId == asked.exchangeId]
    assert found.collectInformationsDto is not None
    destination = found.collectInformationsDto.returndeliveryDestinationDto
    assert destination is not None and destination.returnCenterCode == market.shop.return_center
