"""The product models parse Coupang's answers (numbers as strings included) and give bodies back."""

from __future__ import annotations

from coupang_seller.types.products import (
    DELIVERY_CHARGE_TYPES,
    PartialSellerProduct,
    SellerProduct,
    VendorItemInventory,
)
from tests.products.rule_cases import create, stored


def test_stored_product_round_trips_through_the_model() -> None:
    doc = stored()
    doc["returnCenterCode"] = 1000274592
    doc["items"][0]["bestPriceGuaranteed3P"] = False
    doc["items"][0]["someFutureField"] = {"kept": True}
    model = SellerProduct.model_validate(doc)
    assert model.returnCenterCode == "1000274592"
    assert model.outboundShippingPlaceCode == 74010
    item = model.items[0]
    assert (item.maximumBuyCount, item.pccNeeded, item.vendorItemId) == (100, False, 880000)
    assert item.model_extra == {"someFutureField": {"kept": True}}
    assert model.item_by_vendor_item_id(880001) is model.items[1]
    assert model.item_by_vendor_item_id(1) is None
    body = model.to_body()
    del body["sellerProductId"], body["statusName"]
    for entry in body["items"]:
        del entry["sellerProductItemId"], entry["vendorItemId"]
        entry.pop("bestPriceGuaranteed3P", None)
        entry.pop("someFutureField", None)
    assert create(body) == []


def test_partial_and_inventory_models() -> None:
    partial = PartialSellerProduct.model_validate(
        {"sellerProductId": "1", "deliveryChargeType": "CONDITIONAL_FREE", "returnZipCode": 10516}
    )
    assert partial.sellerProductId == 1
    assert partial.returnZipCode == "10516"
    assert partial.deliveryChargeType in DELIVERY_CHARGE_TYPES
    inventory = VendorItemInventory.model_validate(
        {"sellerItemId": 3, "amountInStock": 100, "salePrice": 5700, "onSale": True}
    )
    assert inventory.to_body() == {
        "sellerItemId": 3,
        "amountInStock": 100,
        "salePrice": 5700,
        "onSale": True,
    }
