"""Seller products as Coupang's JSON: the single lookup, a list row, the partial lookup, a
history row, a vendor item's inventory, the seller's inflow status and the control API's review.

Pure functions of the stored rows (:mod:`coupang_sandbox.store.products`). Declared exception
(docs/ARCHITECTURE.md): the backend calls :func:`string_properties` when it stores an item, and
:func:`product` to hand the rules the product as Coupang answers it (the update rules compare
the body with that answer).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, Final

from coupang_sandbox.clock import from_us
from coupang_sandbox.state import products as st
from coupang_seller._constants import KST

#: A stored row (SQLAlchemy ``RowMapping``) or a dict of the same columns.
Row = Mapping[Any, Any]
WIRE_TIME: Final = "%Y-%m-%dT%H:%M:%S"

#: Commission (%) shown as ``saleAgentCommission``; ``supplyPrice`` is derived from it.
SALE_AGENT_COMMISSION: Final = 10

#: Fields of the partial (no-approval) lookup and update. ``pccNeeded`` and
#: ``outboundShippingTimeDay`` are item fields: the partial update sets them on every item.
PARTIAL_FIELDS: Final = (
    "companyContactNumber",
    "deliveryCharge",
    "deliveryChargeOnReturn",
    "deliveryChargeType",
    "deliveryCompanyCode",
    "deliveryMethod",
    "extraInfoMessage",
    "freeShipOverAmount",
    "outboundShippingPlaceCode",
    "remoteAreaDeliverable",
    "returnAddress",
    "returnAddressDetail",
    "returnCenterCode",
    "returnCharge",
    "returnChargeName",
    "returnZipCode",
    "unionDeliveryType",
)
PARTIAL_ITEM_FIELDS: Final = ("pccNeeded", "outboundShippingTimeDay")


def kst_text(moment: datetime) -> str:
    """``moment`` as Korean wall time, ``yyyy-MM-dd'T'HH:mm:ss``."""
    return moment.astimezone(KST).strftime(WIRE_TIME)


def string_properties(value: Any) -> dict[str, Any]:
    """``extraProperties`` as the product lookup answers them: every value a string.

    Clients send numbers (the create sample's ``"coupangSalePrice": 5000``); the lookup
    sample answers ``"5000"``. Booleans read ``true``/``false``, objects and lists their JSON
    text; ``null`` stays ``null``. Anything but an object answers ``{}``.
    """
    if not isinstance(value, Mapping):
        return {}
    out: dict[str, Any] = {}
    for key, entry in value.items():
        if entry is None or isinstance(entry, str):
            out[str(key)] = entry
        elif isinstance(entry, bool | dict | list):
            out[str(key)] = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
        else:
            out[str(key)] = str(entry)
    return out


def supply_price(sale_price: int) -> int:
    """``supplyPrice``: the sale price less the commission, down to 10 won."""
    return math.floor(sale_price * (100 - SALE_AGENT_COMMISSION) / 100 / 10) * 10


def item(row: Row) -> dict[str, Any]:
    """One item (option) of the single lookup."""
    doc = row["doc"] or {}
    sale_price = int(row["sale_price"])
    return {
        "offerCondition": doc.get("offerCondition") or "NEW",
        "offerDescription": doc.get("offerDescription") or "",
        "sellerProductItemId": int(row["seller_product_item_id"]),
        "vendorItemId": None if row["vendor_item_id"] is None else int(row["vendor_item_id"]),
        "itemName": doc.get("itemName"),
        "originalPrice": int(row["original_price"]),
        "salePrice": sale_price,
        "supplyPrice": supply_price(sale_price),
        "maximumBuyCount": int(row["quantity"]),
        "maximumBuyForPerson": doc.get("maximumBuyForPerson"),
        "outboundShippingTimeDay": doc.get("outboundShippingTimeDay"),
        "maximumBuyForPersonPeriod": doc.get("maximumBuyForPersonPeriod"),
        "unitCount": doc.get("unitCount"),
        "adultOnly": doc.get("adultOnly") or "EVERYONE",
        "taxType": doc.get("taxType") or "TAX",
        "parallelImported": doc.get("parallelImported") or "NOT_PARALLEL_IMPORTED",
        "overseasPurchased": doc.get("overseasPurchased") or "NOT_OVERSEAS_PURCHASED",
        "externalVendorSku": doc.get("externalVendorSku"),
        "pccNeeded": doc.get("pccNeeded") is True,
        "bestPriceGuaranteed3P": False,
        "emptyBarcode": doc.get("emptyBarcode") is True,
        "emptyBarcodeReason": doc.get("emptyBarcodeReason") or "",
        "barcode": doc.get("barcode") or "",
        "saleAgentCommission": SALE_AGENT_COMMISSION,
        "modelNo": doc.get("modelNo") or "",
        "images": doc.get("images") or [],
        "notices": doc.get("notices") or [],
        "attributes": doc.get("attributes") or [],
        "contents": doc.get("contents") or [],
        "certifications": doc.get("certifications") or [],
        "extraProperties": string_properties(doc.get("extraProperties")),
        "searchTags": doc.get("searchTags") or [],
    }


def product(row: Row, items: Sequence[Row]) -> dict[str, Any]:
    """The single-lookup answer (``data`` of GET seller-products/{id})."""
    doc = row["doc"] or {}
    head = {
        "sellerProductId": int(row["seller_product_id"]),
        "sellerProductName": row["seller_product_name"],
        "displayCategoryCode": doc.get("displayCategoryCode"),
        "categoryId": doc.get("displayCategoryCode"),
        "productId": None if row["product_id"] is None else int(row["product_id"]),
        "vendorId": row["vendor_id"],
        "mdId": None,
        "mdName": None,
        "saleStartedAt": doc.get("saleStartedAt"),
        "saleEndedAt": doc.get("saleEndedAt"),
        "displayProductName": doc.get("displayProductName"),
        "brand": doc.get("brand"),
        "generalProductName": doc.get("generalProductName"),
        "productGroup": doc.get("productGroup"),
        "statusName": st.status_name(row["status"]),
        "deliveryMethod": doc.get("deliveryMethod"),
        "deliveryCompanyCode": doc.get("deliveryCompanyCode"),
        "deliveryChargeType": doc.get("deliveryChargeType"),
        "deliveryCharge": doc.get("deliveryCharge"),
        "freeShipOverAmount": doc.get("freeShipOverAmount"),
        "deliveryChargeOnReturn": doc.get("deliveryChargeOnReturn"),
        "remoteAreaDeliverable": doc.get("remoteAreaDeliverable"),
        "bundlePackingDelivery": None,
        "unionDeliveryType": doc.get("unionDeliveryType"),
        "returnCenterCode": doc.get("returnCenterCode"),
        "returnChargeName": doc.get("returnChargeName"),
        "companyContactNumber": doc.get("companyContactNumber"),
        "returnZipCode": doc.get("returnZipCode"),
        "returnAddress": doc.get("returnAddress"),
        "returnAddressDetail": doc.get("returnAddressDetail"),
        "returnCharge": doc.get("returnCharge"),
        "exchangeType": "AFTER",
        "returnChargeVendor": doc.get("returnChargeVendor"),
        "afterServiceInformation": doc.get("afterServiceInformation"),
        "afterServiceContactNumber": doc.get("afterServiceContactNumber"),
        "outboundShippingPlaceCode": doc.get("outboundShippingPlaceCode"),
        "contributorType": "API_SELLER",
        "vendorUserId": doc.get("vendorUserId"),
        "requested": row["status"] not in (st.SAVING, st.SAVED),
        "items": [item(entry) for entry in items],
        "requiredDocuments": doc.get("requiredDocuments") or [],
        "extraInfoMessage": doc.get("extraInfoMessage"),
        "manufacture": row["manufacture"],
    }
    extra = {k: v for k, v in doc.items() if k not in head}
    return {**head, **extra}


def summary(row: Row) -> dict[str, Any]:
    """One row of the product lists and of the external-SKU summary."""
    doc = row["doc"] or {}
    return {
        "sellerProductId": int(row["seller_product_id"]),
        "sellerProductName": row["seller_product_name"],
        "displayCategoryCode": doc.get("displayCategoryCode"),
        "categoryId": doc.get("displayCategoryCode"),
        "productId": None if row["product_id"] is None else int(row["product_id"]),
        "vendorId": row["vendor_id"],
        "mdId": None,
        "mdName": None,
        "saleStartedAt": doc.get("saleStartedAt"),
        "saleEndedAt": doc.get("saleEndedAt"),
        "brand": doc.get("brand"),
        "statusName": st.status_name(row["status"]),
        "createdAt": kst_text(from_us(int(row["created_at_us"]))),
    }


def partial(row: Row, items: Sequence[Row]) -> dict[str, Any]:
    """The partial lookup (``data`` of GET seller-products/{id}/partial)."""
    doc = row["doc"] or {}
    data: dict[str, Any] = {"sellerProductId": int(row["seller_product_id"])}
    for key in PARTIAL_FIELDS:
        data[key] = doc.get(key)
    first = (items[0]["doc"] or {}) if items else {}
    data["pccNeeded"] = first.get("pccNeeded") is True
    data["outboundShippingTimeDay"] = first.get("outboundShippingTimeDay")
    return data


def history(row: Row) -> dict[str, Any]:
    """One row of a product's status history."""
    name = st.status_name(row["status"])
    return {
        "createdAt": kst_text(from_us(int(row["created_at_us"]))),
        "status": name,
        "statusName": name,
        "createdBy": row["created_by"],
        "comment": row["comment"],
    }


def inventory(row: Row) -> dict[str, Any]:
    """A vendor item's stock, price and sale status (``.../inventories``)."""
    return {
        "sellerItemId": int(row["vendor_item_id"]),
        "amountInStock": int(row["quantity"]),
        "salePrice": int(row["sale_price"]),
        "onSale": bool(row["on_sale"]),
        "bestPriceGuaranteed3P": False,
    }


def inflow(vendor_id: str, registered: int) -> dict[str, Any]:
    """The seller's product inflow status (``.../seller-products/inflow-status``)."""
    return {
        "vendorId": vendor_id,
        "restricted": False,
        "registeredCount": registered,
        "permittedCount": None,
    }


def review(row: Row, status: str, items: Sequence[Row]) -> dict[str, Any]:
    """The control API's answer to a review: the new status and every item's ids."""
    return {
        "sellerProductId": int(row["seller_product_id"]),
        "vendorId": row["vendor_id"],
        "status": status,
        "statusName": st.status_name(status),
        "items": [
            {
                "sellerProductItemId": int(i["seller_product_item_id"]),
                "vendorItemId": None if i["vendor_item_id"] is None else int(i["vendor_item_id"]),
            }
            for i in items
        ],
    }
