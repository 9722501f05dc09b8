"""The stored product and item documents: the body normalised (numbers as numbers, flags as
booleans, images with their order and CDN path, attributes with their exposure), and the
category lookups the rules and the normalisation read."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from coupang_sandbox.views import products as views
from coupang_seller._constants import KST
from coupang_seller.preflight._core import as_bool, as_int, is_blank, mapping_list

#: Product-level fields kept from the body (everything else the body carries is kept too,
#: under its own name, so an unknown field round-trips like Coupang's Java DTOs would not).
_IDS_AND_FLAGS = ("sellerProductId", "vendorId", "requested", "items", "statusName")
_PRODUCT_INTS = (
    "displayCategoryCode",
    "deliveryCharge",
    "freeShipOverAmount",
    "deliveryChargeOnReturn",
    "returnCharge",
    "outboundShippingPlaceCode",
)
_ITEM_INTS = (
    "maximumBuyForPerson",
    "outboundShippingTimeDay",
    "maximumBuyForPersonPeriod",
    "unitCount",
)
_ITEM_BOOLS = ("pccNeeded", "emptyBarcode")
_ITEM_COLUMNS = (
    "sellerProductItemId",
    "vendorItemId",
    "salePrice",
    "originalPrice",
    "maximumBuyCount",
)

MetaFor = Callable[[int], Mapping[str, Any] | None]
IsLeaf = Callable[[int], bool | None]


def norm_int(value: Any) -> Any:
    """``value`` as an int when it reads as one, else unchanged (the rules report it)."""
    number = as_int(value)
    return value if number is None else number


def norm_bool(value: Any) -> Any:
    """``value`` as a bool when it reads as one, else unchanged (the rules report it)."""
    flag = as_bool(value)
    return value if flag is None else flag


def catalog_lookups() -> tuple[MetaFor, IsLeaf]:
    """The packaged catalog's meta of a category and whether a category is a leaf."""
    from coupang_seller.catalog import load_catalog

    catalog = load_catalog()

    def meta_for(code: int) -> Mapping[str, Any] | None:
        """The catalog's meta of category ``code`` (``None`` when unknown)."""
        meta: Mapping[str, Any] | None = catalog.meta(code)
        return meta

    def is_leaf(code: int) -> bool | None:
        """Whether ``code`` is a leaf category (``None`` when unknown)."""
        node = catalog.get(code)
        return None if node is None else bool(node.is_leaf)

    return meta_for, is_leaf


def exposed_names(fields: Mapping[str, Any], meta_for: MetaFor) -> set[str]:
    """The names of the exposed attributes of the product's category (``fields`` normalised)."""
    category = as_int(fields.get("displayCategoryCode"))
    meta = None if category is None else meta_for(category)
    if not meta:
        return set()
    return {
        str(a.get("attributeTypeName"))
        for a in mapping_list(meta.get("attributes")) or []
        if a.get("exposed") == "EXPOSED"
    }


def normalize_product_fields(body: Mapping[str, Any]) -> dict[str, Any]:
    """The product's stored document: the body without ids and flags, numbers normalised."""
    doc = {k: v for k, v in body.items() if k not in _IDS_AND_FLAGS}
    for key in _PRODUCT_INTS:
        if key in doc:
            doc[key] = norm_int(doc[key])
    if doc.get("returnCenterCode") is not None:
        doc["returnCenterCode"] = str(doc["returnCenterCode"])
    return doc


def _images(item: Mapping[str, Any], now: datetime) -> list[dict[str, Any]]:
    images = []
    for i, image in enumerate(mapping_list(item.get("images")) or []):
        entry = dict(image)
        entry.setdefault("imageOrder", i)
        if is_blank(entry.get("cdnPath")):
            day = now.astimezone(KST).strftime("%Y/%m/%d/%H")
            entry["cdnPath"] = f"vendor_inventory/images/{day}/{uuid.uuid4()}.jpg"
        entry.setdefault("vendorPath", None)
        images.append(entry)
    return images


def _attributes(item: Mapping[str, Any], exposed: set[str]) -> list[dict[str, Any]]:
    attributes = []
    for attribute in mapping_list(item.get("attributes")) or []:
        entry = dict(attribute)
        if entry.get("exposed") is None:
            name = entry.get("attributeTypeName")
            entry["exposed"] = "EXPOSED" if name in exposed else "NONE"
        entry["editable"] = norm_bool(entry.get("editable", True))
        attributes.append(entry)
    return attributes


def normalize_item_fields(
    item: Mapping[str, Any], *, exposed: set[str], now: datetime
) -> dict[str, Any]:
    """An item's stored document: the body item without its columns, normalised."""
    doc = {k: v for k, v in item.items() if k not in _ITEM_COLUMNS}
    for key in _ITEM_INTS:
        if key in doc:
            doc[key] = norm_int(doc[key])
    for key in _ITEM_BOOLS:
        if key in doc:
            doc[key] = norm_bool(doc[key])
    doc["images"] = _images(item, now)
    doc["attributes"] = _attributes(item, exposed)
    if "extraProperties" in doc:  # stored as answered (order sheets copy it too)
        doc["extraProperties"] = views.string_properties(doc["extraProperties"])
    return doc
