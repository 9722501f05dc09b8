"""Rules for seller products (등록상품) and their items (옵션).

Pure functions: a request body in, a list of :class:`Violation` out; bad input of any shape is
a violation, never an exception, and the body is never changed. The SDK runs them before a call;
the sandbox enforces the very same functions.

The category-dependent rules read the category meta in the documented shape of
``GET .../meta/category-related-metas/display-category-codes/{code}`` (``isAllowSingleItem``,
``attributes``, ``noticeCategories``, ``requiredDocumentNames``, ``certifications``,
``allowedOfferConditions``) through the ``meta_for`` callable; ``is_leaf`` says whether a code
is a leaf category. Neither is looked up here.

Facts encoded (product-creation and product-modification docs, the category-meta docs, the
vendor-item docs, and the dated behaviour changes since):

* Required fields as flagged by the docs, codes from their code tables (``deliveryMethod``,
  ``deliveryChargeType``, ``remoteAreaDeliverable``, ``unionDeliveryType``, ``returnChargeVendor``,
  ``adultOnly``, ``taxType``, ``parallelImported``, ``overseasPurchased``, ``offerCondition``,
  ``imageType``, ``contentsType``, ``detailType``, ``exposed``). ``INSTRUCTURE`` and
  ``MAKE_ORDER_DIRECT`` were merged into ``VENDOR_DIRECT`` and are refused.
* Only leaf categories take products; the category cannot be changed after listing, nor can an
  item's ``offerCondition`` (which must be one the category allows; missing means NEW).
* Names: ``sellerProductName`` <= 100, ``displayProductName`` <= 100 (since 2024-04-03; was 150),
  ``generalProductName`` <= 100, ``itemName`` <= 150 and unique among the items,
  ``emptyBarcodeReason`` <= 100, ``offerDescription`` <= 700 and only for used items.
* Sale period: ``yyyy-MM-dd'T'HH:mm:ss`` (Korean time), end after start, end no later than the
  end of 2099, and (when creating) not already over.
* Delivery charge consistency: FREE => deliveryCharge = freeShipOverAmount = 0; NOT_FREE =>
  freeShipOverAmount = 0 and deliveryChargeOnReturn = 0; FREE_DELIVERY_OVER_x => freeShipOverAmount
  = x and deliveryChargeOnReturn = 0; CONDITIONAL_FREE => freeShipOverAmount > 0 and
  deliveryChargeOnReturn = 0; paid types need deliveryCharge > 0; returnCharge is 100-150 % of
  a non-zero deliveryChargeOnReturn. Bundled delivery (UNION_DELIVERY) needs an outbound place and
  no cash on delivery (CHARGE_RECEIVED). Remote-area delivery only with a courier registered at
  the outbound place (checked when ``outbound_couriers`` is given).
* Overseas: a vendor registered as overseas lists with ``deliveryMethod=AGENT_BUY``; an
  ``OVERSEAS_PURCHASED`` item needs ``deliveryMethod=AGENT_BUY`` and ``pccNeeded=true``.
* Items: sale price above 0 in 10-won units, original price from 0 in 10-won steps and not
  below the sale price, stock 0-99,999.
* Images: exactly one REPRESENTATION, at most 9 DETAIL and 4 USED_PRODUCT, a ``cdnPath`` or
  ``vendorPath`` of at most 150 characters; with ``load_image``, each file is a JPG or PNG (by
  content) of at most 3 MB, square, 500-5000 px a side.
* Notices: all of an item's notices belong to ONE notice category of the meta, every MANDATORY
  detail is present with content, no unknown or repeated details.
* Attributes: MANDATORY attributes are required unless ``isAllowSingleItem`` is true and the
  listing has a single item (the meta docs: such a category takes one item without attributes);
  attributes sharing a ``groupNumber`` are pick-one; NUMBER attributes carry a number and one of
  the ``usableUnits``; search attributes (exposed=NONE) must come from the meta, purchase options
  may be free text (since 2020-10) and are at most 3 per item; two items with the same purchase
  options are refused (one item per option combination).
* Deal-type listings (several different products under one listing, which the docs warn
  against) are refused when they can be told from the body: items whose notices belong to
  different notice categories (different kinds of goods), or items varied along different
  purchase options than the first item.
* Certifications and required documents come from the meta; MANDATORY ones, and the
  parallel-import / overseas-purchase documents when an item is such, must be present.
* Full update: ``sellerProductId`` matches, existing items keep their ids, items that were
  approved (have a ``vendorItemId``) stay in the body and their price, original price and stock
  change only through the vendor-item APIs.
* Partial update (no re-approval): only the delivery and return fields may be sent, and the
  consistency rules hold for the product as it would become.
* Vendor-item APIs: a new price within -50 %...+100 % of the current one unless forced, above 0
  in 10-won units; original price from 0 in 10-won steps; stock 0-99,999.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from datetime import datetime
from typing import Any, Final

from coupang_seller._constants import KST
from coupang_seller.preflight import _fields as f
from coupang_seller.preflight._core import Violation, as_int, is_blank, mapping_list
from coupang_seller.preflight._images import (
    IMAGE_BYTES_MAX,
    IMAGE_SIDE_MAX,
    IMAGE_SIDE_MIN,
    ImageLoader,
    check_image_bytes,
    local_image_loader,
)
from coupang_seller.preflight._items import (
    DETAIL_IMAGES_MAX,
    DOCUMENT_PATH_MAX,
    EMPTY_BARCODE_REASON_MAX,
    IMAGE_PATH_MAX,
    ITEM_NAME_MAX,
    OFFER_DESCRIPTION_MAX,
    PRICE_STEP,
    PURCHASE_OPTIONS_MAX,
    QUANTITY_MAX,
    USED_PRODUCT_IMAGES_MAX,
    ItemContext,
    ItemSummary,
    attributes_exempt,
    check_across_items,
    check_documents,
    check_item,
    existing_offer_condition,
    item_id,
    original_price_rules,
    price_rules,
    quantity_rules,
)
from coupang_seller.preflight.shipping_places import check_courier_registered
from coupang_seller.types.couriers import COURIERS
from coupang_seller.types.products import (
    DELIVERY_CHARGE_CASH_ON_DELIVERY,
    DELIVERY_CHARGE_CONDITIONAL_FREE,
    DELIVERY_CHARGE_FREE,
    DELIVERY_CHARGE_FREE_OVER,
    DELIVERY_CHARGE_NOT_FREE,
    DELIVERY_CHARGE_TYPES,
    DELIVERY_METHOD_AGENT_BUY,
    DELIVERY_METHODS,
    DELIVERY_METHODS_RETIRED,
    UNION_DELIVERY,
    UNION_DELIVERY_TYPES,
    YES_NO,
)

__all__ = [
    "DETAIL_IMAGES_MAX",
    "DISPLAY_PRODUCT_NAME_MAX",
    "DOCUMENT_PATH_MAX",
    "EMPTY_BARCODE_REASON_MAX",
    "GENERAL_PRODUCT_NAME_MAX",
    "IMAGE_BYTES_MAX",
    "IMAGE_PATH_MAX",
    "IMAGE_SIDE_MAX",
    "IMAGE_SIDE_MIN",
    "ITEM_NAME_MAX",
    "OFFER_DESCRIPTION_MAX",
    "PARTIAL_UPDATE_FIELDS",
    "PRICE_DECREASE_MAX_PERCENT",
    "PRICE_INCREASE_MAX_PERCENT",
    "PRICE_STEP",
    "PURCHASE_OPTIONS_MAX",
    "QUANTITY_MAX",
    "SALE_ENDED_AT_MAX",
    "SELLER_PRODUCT_NAME_MAX",
    "USED_PRODUCT_IMAGES_MAX",
    "ImageLoader",
    "LeafCheck",
    "MetaLookup",
    "check_image_bytes",
    "check_original_price",
    "check_partial_update",
    "check_price_change",
    "check_product_create",
    "check_product_update",
    "check_quantity",
    "local_image_loader",
]

MetaLookup = Callable[[int], Mapping[str, Any] | None]
LeafCheck = Callable[[int], bool | None]

SELLER_PRODUCT_NAME_MAX: Final = 100
#: Since 2024-04-03 (150 before).
DISPLAY_PRODUCT_NAME_MAX: Final = 100
GENERAL_PRODUCT_NAME_MAX: Final = 100
#: The docs: "up to 2099".
SALE_ENDED_AT_MAX: Final = datetime(2099, 12, 31, 23, 59, 59)
SALE_DATETIME_FORMAT: Final = "%Y-%m-%dT%H:%M:%S"
#: Sale dates carry no zone; they are Korean time.
PRICE_DECREASE_MAX_PERCENT: Final = 50
PRICE_INCREASE_MAX_PERCENT: Final = 100

#: What the approval-free partial update (``PUT .../seller-products/{id}/partial``) takes.
PARTIAL_UPDATE_FIELDS: Final = frozenset(
    {
        "sellerProductId",
        "deliveryMethod",
        "deliveryCompanyCode",
        "deliveryChargeType",
        "deliveryCharge",
        "freeShipOverAmount",
        "deliveryChargeOnReturn",
        "remoteAreaDeliverable",
        "unionDeliveryType",
        "outboundShippingPlaceCode",
        "outboundShippingTimeDay",
        "returnCenterCode",
        "returnChargeName",
        "companyContactNumber",
        "returnZipCode",
        "returnAddress",
        "returnAddressDetail",
        "returnCharge",
        "extraInfoMessage",
        "pccNeeded",
        "sameDayShipping",
    }
)

# Top-level fields: (kind, options). Kinds: text, code (a string the docs type String that
# sellers also send as a number), number, enum, bool, courier, method.
_TEXT = "text"
_CODE = "code"
_NUMBER = "number"
_POSITIVE = "positive"
_ENUM = "enum"
_BOOL = "bool"
_COURIER = "courier"
_METHOD = "method"

_FIELDS: Final[dict[str, tuple[str, Any]]] = {
    "sellerProductId": (_POSITIVE, None),
    "displayCategoryCode": (_POSITIVE, None),
    "sellerProductName": (_TEXT, SELLER_PRODUCT_NAME_MAX),
    "vendorId": (_TEXT, None),
    "saleStartedAt": (_TEXT, None),
    "saleEndedAt": (_TEXT, None),
    "displayProductName": (_TEXT, DISPLAY_PRODUCT_NAME_MAX),
    "brand": (_TEXT, None),
    "generalProductName": (_TEXT, GENERAL_PRODUCT_NAME_MAX),
    "productGroup": (_TEXT, None),
    "deliveryMethod": (_METHOD, None),
    "deliveryCompanyCode": (_COURIER, None),
    "deliveryChargeType": (_ENUM, DELIVERY_CHARGE_TYPES),
    "deliveryCharge": (_NUMBER, None),
    "freeShipOverAmount": (_NUMBER, None),
    "deliveryChargeOnReturn": (_NUMBER, None),
    "remoteAreaDeliverable": (_ENUM, YES_NO),
    "unionDeliveryType": (_ENUM, UNION_DELIVERY_TYPES),
    "returnCenterCode": (_CODE, None),
    "returnChargeName": (_TEXT, None),
    "companyContactNumber": (_CODE, None),
    "returnZipCode": (_CODE, None),
    "returnAddress": (_TEXT, None),
    "returnAddressDetail": (_TEXT, None),
    "returnCharge": (_NUMBER, None),
    "returnChargeVendor": (_ENUM, YES_NO),
    "afterServiceInformation": (_TEXT, None),
    "afterServiceContactNumber": (_CODE, None),
    "outboundShippingPlaceCode": (_POSITIVE, None),
    "vendorUserId": (_TEXT, None),
    "requested": (_BOOL, None),
    "extraInfoMessage": (_TEXT, None),
    "manufacture": (_TEXT, None),
    "outboundShippingTimeDay": (_NUMBER, None),
    "pccNeeded": (_BOOL, None),
}

#: Required on create (the docs' flags). ``outboundShippingPlaceCode`` is flagged required but
#: described as "required when bundled delivery is chosen"; that rule is applied instead.
CREATE_REQUIRED: Final = (
    "displayCategoryCode",
    "sellerProductName",
    "vendorId",
    "saleStartedAt",
    "saleEndedAt",
    "brand",
    "deliveryMethod",
    "deliveryCompanyCode",
    "deliveryChargeType",
    "deliveryCharge",
    "freeShipOverAmount",
    "deliveryChargeOnReturn",
    "remoteAreaDeliverable",
    "unionDeliveryType",
    "returnCenterCode",
    "returnChargeName",
    "companyContactNumber",
    "returnZipCode",
    "returnAddress",
    "returnAddressDetail",
    "returnCharge",
    "returnChargeVendor",
    "afterServiceInformation",
    "afterServiceContactNumber",
    "vendorUserId",
    "requested",
    "manufacture",
)
_PRODUCT_FIELDS: Final = tuple(
    k for k in _FIELDS if k not in ("outboundShippingTimeDay", "pccNeeded")
)


# -- public API --------------------------------------------------------------------------------


def check_product_create(
    body: Mapping[str, Any],
    *,
    meta_for: MetaLookup,
    is_leaf: LeafCheck,
    now: datetime,
    load_image: ImageLoader | None = None,
    vendor_is_overseas: bool = False,
    outbound_couriers: Collection[str] | None = None,
) -> list[Violation]:
    """Everything Coupang checks when a seller product is created.

    ``now`` is the current time (timezone-aware, or naive Korean time). ``load_image`` turns an
    image path into its bytes to check the files themselves; ``outbound_couriers`` are the
    couriers registered at the outbound place, for the remote-area rule.
    """
    if not isinstance(body, Mapping):
        return [_not_an_object()]
    return _check_product(
        body,
        existing=None,
        meta_for=meta_for,
        is_leaf=is_leaf,
        now=now,
        load_image=load_image,
        vendor_is_overseas=vendor_is_overseas,
        outbound_couriers=outbound_couriers,
    )


def check_product_update(
    body: Mapping[str, Any],
    existing: Mapping[str, Any],
    *,
    meta_for: MetaLookup,
    is_leaf: LeafCheck,
    now: datetime,
    load_image: ImageLoader | None = None,
    vendor_is_overseas: bool = False,
    outbound_couriers: Collection[str] | None = None,
) -> list[Violation]:
    """A full update (``PUT .../seller-products``, re-approval): the create rules plus what is
    fixed once listed. ``existing`` is the product as stored (the single-lookup ``data``).
    """
    if not isinstance(body, Mapping):
        return [_not_an_object()]
    return _check_product(
        body,
        existing=existing if isinstance(existing, Mapping) else {},
        meta_for=meta_for,
        is_leaf=is_leaf,
        now=now,
        load_image=load_image,
        vendor_is_overseas=vendor_is_overseas,
        outbound_couriers=outbound_couriers,
    )


def check_partial_update(
    body: Mapping[str, Any],
    existing: Mapping[str, Any],
    *,
    outbound_couriers: Collection[str] | None = None,
) -> list[Violation]:
    """The approval-free update of delivery and return fields.

    Only :data:`PARTIAL_UPDATE_FIELDS` may be sent; what is sent must be valid, and the delivery
    consistency rules must hold for the product as it would become (``existing`` overlaid with
    the body). Whether the product's state allows the call is the backend's business.
    """
    if not isinstance(body, Mapping):
        return [_not_an_object()]
    current = existing if isinstance(existing, Mapping) else {}
    out: list[Violation] = []
    sent: set[str] = set()
    for key in body:
        if key in PARTIAL_UPDATE_FIELDS:
            sent.add(key)
        else:
            out.append(
                Violation(
                    str(key),
                    "partial_field_not_allowed",
                    f"{key!s:.60} cannot be changed by the approval-free update; it takes only "
                    f"the delivery and return fields ({', '.join(sorted(PARTIAL_UPDATE_FIELDS))}); "
                    f"use the full update for anything else",
                )
            )
    out += _seller_product_id(body, current)
    for key in sorted(sent - {"sellerProductId", "sameDayShipping"}):
        _field(
            body,
            key,
            out,
            required=key in CREATE_REQUIRED or key in ("outboundShippingTimeDay", "pccNeeded"),
        )
    same_day = body.get("sameDayShipping")
    if same_day is not None and not isinstance(same_day, Mapping):
        out.append(Violation("sameDayShipping", "type", "sameDayShipping must be an object"))
    merged = {**current, **{key: body[key] for key in sent}}
    out += _delivery_consistency(merged, sent=sent, outbound_couriers=outbound_couriers)
    return out


def check_price_change(current_price: int, new_price: int, *, force: bool) -> list[Violation]:
    """``PUT .../vendor-items/{id}/prices/{price}``: above 0 in 10-won units, and within
    -50 %...+100 % of the current price unless ``forceSalePriceUpdate=true`` (``force``).
    """
    new = as_int(new_price)
    if new is None:
        return [
            Violation(
                "price", "type", f"price must be a whole number of won (got {new_price!r:.40})"
            )
        ]
    out = price_rules(new, "price")
    current = as_int(current_price)
    if force is True or current is None or current <= 0 or new <= 0:
        return out
    low = -(-current // 2)  # at most 50 % down, rounded so that 2 * low >= current
    high = current * 2  # at most 100 % up
    if new < low or new > high:
        out.append(
            Violation(
                "price",
                "price_change_range",
                f"the price can go at most {PRICE_DECREASE_MAX_PERCENT}% down and "
                f"{PRICE_INCREASE_MAX_PERCENT}% up from the current {current:,} won, i.e. "
                f"{low:,} to {high:,} won (got {new:,}); send forceSalePriceUpdate=true to override",
            )
        )
    return out


def check_original_price(value: int) -> list[Violation]:
    """``PUT .../vendor-items/{id}/original-prices/{originalPrice}``: from 0 in 10-won steps."""
    price = as_int(value)
    if price is None:
        return [
            Violation(
                "originalPrice",
                "type",
                f"originalPrice must be a whole number of won (got {value!r:.40})",
            )
        ]
    return original_price_rules(price, "originalPrice")


def check_quantity(value: int) -> list[Violation]:
    """``PUT .../vendor-items/{id}/quantities/{quantity}``: 0 to 99,999."""
    quantity = as_int(value)
    if quantity is None:
        return [
            Violation("quantity", "type", f"quantity must be a whole number (got {value!r:.40})")
        ]
    return quantity_rules(quantity, "quantity")


# -- the whole product -------------------------------------------------------------------------


def _not_an_object() -> Violation:
    return Violation("body", "type", "the request body must be a JSON object")


def _check_product(
    body: Mapping[str, Any],
    *,
    existing: Mapping[str, Any] | None,
    meta_for: MetaLookup,
    is_leaf: LeafCheck,
    now: datetime,
    load_image: ImageLoader | None,
    vendor_is_overseas: bool,
    outbound_couriers: Collection[str] | None,
) -> list[Violation]:
    creating = existing is None
    out: list[Violation] = []
    for key in _PRODUCT_FIELDS:
        if creating or key != "sellerProductId":
            _field(body, key, out, required=key in CREATE_REQUIRED)
    if existing is not None:
        out += _seller_product_id(body, existing)
    out += _sale_period(body, now if creating else None)
    meta, category_out = _category(body, meta_for, is_leaf, existing)
    out += category_out
    out += _delivery_consistency(body, sent=None, outbound_couriers=outbound_couriers)

    method = body.get("deliveryMethod")
    if vendor_is_overseas and isinstance(method, str) and method != DELIVERY_METHOD_AGENT_BUY:
        out.append(
            Violation(
                "deliveryMethod",
                "overseas_vendor_agent_buy",
                f"an overseas vendor lists with deliveryMethod={DELIVERY_METHOD_AGENT_BUY} "
                f"(purchase agency) (got {method!r:.40})",
            )
        )

    items = list(f.objects(body.get("items"), "items", out, required=True))
    ctx = ItemContext(
        meta=meta,
        creating=creating,
        attributes_exempt=attributes_exempt(meta, len(items)),
        load_image=load_image,
    )
    summaries = _check_items(items, ctx, method, out)
    out += check_across_items(summaries)
    out += check_documents(body, meta, summaries)
    if existing is not None:
        out += _against_existing(items, existing)
    return out


def _check_items(
    items: list[tuple[int, Mapping[str, Any]]], ctx: ItemContext, method: Any, out: list[Violation]
) -> list[ItemSummary]:
    """Every item's rules (violations added to ``out``), and each item's summary."""
    summaries: list[ItemSummary] = []
    for index, item in items:
        item_out, summary = check_item(item, index, ctx)
        out += item_out
        summaries.append(summary)
        if (
            summary.overseas
            and isinstance(method, str)
            and method in DELIVERY_METHODS
            and method != DELIVERY_METHOD_AGENT_BUY
        ):
            out.append(
                Violation(
                    f"items[{index}].overseasPurchased",
                    "overseas_needs_agent_buy",
                    f"an overseas purchase-agency item needs deliveryMethod={DELIVERY_METHOD_AGENT_BUY} "
                    f"(got {method})",
                )
            )
    return summaries


def _field(body: Mapping[str, Any], key: str, out: list[Violation], *, required: bool) -> None:
    kind, option = _FIELDS[key]
    value = body.get(key)
    if kind == _TEXT:
        f.text(value, key, out, required=required, max_length=option)
    elif kind == _CODE:
        f.text(value, key, out, required=required, numbers_ok=True)
    elif kind == _NUMBER:
        f.number(value, key, out, required=required)
    elif kind == _POSITIVE:
        f.number(value, key, out, required=required, minimum=1)
    elif kind == _ENUM:
        f.choice(value, key, out, option, required=required)
    elif kind == _BOOL:
        f.flag(value, key, out, required=required)
    elif kind == _COURIER:
        code = f.text(value, key, out, required=required)
        if code is not None and code not in COURIERS:
            out.append(Violation(key, "courier_code", f"unknown courier code {code!r:.40}"))
    elif isinstance(value, str) and value in DELIVERY_METHODS_RETIRED:
        out.append(
            Violation(
                key,
                "delivery_method_retired",
                f"deliveryMethod {value} was merged into VENDOR_DIRECT; send VENDOR_DIRECT",
            )
        )
    else:
        f.choice(value, key, out, DELIVERY_METHODS, required=required)


def _seller_product_id(body: Mapping[str, Any], existing: Mapping[str, Any]) -> list[Violation]:
    out: list[Violation] = []
    given = f.number(body.get("sellerProductId"), "sellerProductId", out, required=True, minimum=1)
    stored = as_int(existing.get("sellerProductId"))
    if given is not None and stored is not None and given != stored:
        out.append(
            Violation(
                "sellerProductId",
                "seller_product_id_mismatch",
                f"sellerProductId {given} is not the product being updated ({stored})",
            )
        )
    return out


# -- sale period -------------------------------------------------------------------------------


def _parse_sale_time(body: Mapping[str, Any], key: str, out: list[Violation]) -> datetime | None:
    value = body.get(key)
    if not isinstance(value, str) or is_blank(value):
        return None  # presence and type are reported by the field rules
    try:
        parsed = datetime.strptime(value, SALE_DATETIME_FORMAT)
    except ValueError:
        parsed = None
    if parsed is None or len(value) != 19:
        out.append(
            Violation(
                key,
                "datetime_format",
                f"{key} is written yyyy-MM-dd'T'HH:mm:ss, e.g. 2024-05-01T00:00:00 (got {value!r:.40})",
            )
        )
    return parsed


def _sale_period(body: Mapping[str, Any], now: datetime | None) -> list[Violation]:
    out: list[Violation] = []
    start = _parse_sale_time(body, "saleStartedAt", out)
    end = _parse_sale_time(body, "saleEndedAt", out)
    if end is None:
        return out
    if start is not None and end <= start:
        out.append(
            Violation(
                "saleEndedAt",
                "sale_period_order",
                f"saleEndedAt ({end:{SALE_DATETIME_FORMAT}}) must be after saleStartedAt "
                f"({start:{SALE_DATETIME_FORMAT}})",
            )
        )
    if end > SALE_ENDED_AT_MAX:
        out.append(
            Violation(
                "saleEndedAt",
                "sale_end_max",
                f"saleEndedAt can be at most {SALE_ENDED_AT_MAX:{SALE_DATETIME_FORMAT}} "
                f"(got {end:{SALE_DATETIME_FORMAT}})",
            )
        )
    if now is not None:
        local_now = now.astimezone(KST).replace(tzinfo=None) if now.tzinfo is not None else now
        if end <= local_now:
            out.append(
                Violation(
                    "saleEndedAt",
                    "sale_ended_in_past",
                    f"saleEndedAt ({end:{SALE_DATETIME_FORMAT}}) is already over "
                    f"(now {local_now:{SALE_DATETIME_FORMAT}} Korean time)",
                )
            )
    return out


# -- category ----------------------------------------------------------------------------------


def _category(
    body: Mapping[str, Any],
    meta_for: MetaLookup,
    is_leaf: LeafCheck,
    existing: Mapping[str, Any] | None,
) -> tuple[Mapping[str, Any] | None, list[Violation]]:
    """Leaf, known, and (when updating) unchanged. Returns the meta to check against."""
    out: list[Violation] = []
    code = as_int(body.get("displayCategoryCode"))
    if code is None or code <= 0:
        return None, out
    if existing is not None:
        stored = as_int(existing.get("displayCategoryCode"))
        if stored is not None and stored != code:
            out.append(
                Violation(
                    "displayCategoryCode",
                    "category_fixed",
                    f"the category cannot be changed once a product is listed (listed under "
                    f"{stored}, got {code}); list a new product in the other category instead",
                )
            )
    leaf = is_leaf(code)
    if leaf is False:
        out.append(
            Violation(
                "displayCategoryCode",
                "category_not_leaf",
                f"category {code} has sub-categories; products are listed only in leaf categories",
            )
        )
        return None, out
    meta = meta_for(code) if leaf is True else None
    if not isinstance(meta, Mapping):
        out.append(
            Violation(
                "displayCategoryCode",
                "category_unknown",
                f"unknown display category code {code} (no such category, or no metadata for it)",
            )
        )
        return None, out
    return meta, out


# -- delivery and return -----------------------------------------------------------------------


def _amount(values: Mapping[str, Any], key: str) -> int | None:
    amount = as_int(values.get(key))
    return amount if amount is not None and amount >= 0 else None


def _delivery_consistency(
    values: Mapping[str, Any],
    *,
    sent: Collection[str] | None,
    outbound_couriers: Collection[str] | None,
) -> list[Violation]:
    """The rules between delivery fields. With ``sent``, a rule runs only when one of its
    inputs was sent (a partial update is not refused for what it leaves alone).
    """

    def involved(*keys: str) -> bool:
        """Whether the update touches any of ``keys`` (always True for a full body)."""
        return sent is None or any(key in sent for key in keys)

    out: list[Violation] = []
    charge_type = values.get("deliveryChargeType")
    charge_type = (
        charge_type
        if isinstance(charge_type, str) and charge_type in DELIVERY_CHARGE_TYPES
        else None
    )
    charge = _amount(values, "deliveryCharge")
    over = _amount(values, "freeShipOverAmount")
    on_return = _amount(values, "deliveryChargeOnReturn")
    return_charge = _amount(values, "returnCharge")

    if charge_type is not None and involved(
        "deliveryChargeType", "deliveryCharge", "freeShipOverAmount", "deliveryChargeOnReturn"
    ):
        out += _charge_type_rules(charge_type, charge, over, on_return)
    if (
        on_return is not None
        and on_return > 0
        and return_charge is not None
        and involved("deliveryChargeOnReturn", "returnCharge")
        and not (on_return <= return_charge and 2 * return_charge <= 3 * on_return)
    ):
        out.append(
            Violation(
                "returnCharge",
                "return_charge_range",
                f"returnCharge must be 100-150 % of deliveryChargeOnReturn ({on_return:,} won), "
                f"i.e. {on_return:,} to {on_return * 3 // 2:,} won (got {return_charge:,})",
            )
        )
    if values.get("unionDeliveryType") == UNION_DELIVERY:
        out += _union_rules(values, charge_type, involved)
    courier = values.get("deliveryCompanyCode")
    if (
        outbound_couriers is not None
        and values.get("remoteAreaDeliverable") == "Y"
        and isinstance(courier, str)
        and courier in COURIERS
        and involved("remoteAreaDeliverable", "deliveryCompanyCode", "outboundShippingPlaceCode")
    ):
        out += check_courier_registered(courier, outbound_couriers)
    return out


def _union_rules(
    values: Mapping[str, Any], charge_type: str | None, involved: Callable[..., bool]
) -> list[Violation]:
    """Bundled delivery (UNION_DELIVERY) needs the outbound place and no cash on delivery."""
    out: list[Violation] = []
    if involved("unionDeliveryType", "outboundShippingPlaceCode"):
        place = as_int(values.get("outboundShippingPlaceCode"))
        if place is None and is_blank(values.get("outboundShippingPlaceCode")):
            out.append(
                Violation(
                    "outboundShippingPlaceCode",
                    "union_needs_outbound_place",
                    "bundled delivery (UNION_DELIVERY) needs the outbound shipping place "
                    "(outboundShippingPlaceCode); only products from the same place are bundled",
                )
            )
    if charge_type == DELIVERY_CHARGE_CASH_ON_DELIVERY and involved(
        "unionDeliveryType", "deliveryChargeType"
    ):
        out.append(
            Violation(
                "unionDeliveryType",
                "union_no_cash_on_delivery",
                "bundled delivery (UNION_DELIVERY) cannot be combined with cash on delivery "
                "(deliveryChargeType=CHARGE_RECEIVED)",
            )
        )
    return out


def _charge_type_rules(
    charge_type: str, charge: int | None, over: int | None, on_return: int | None
) -> list[Violation]:
    out: list[Violation] = []
    paid = charge_type in (
        DELIVERY_CHARGE_NOT_FREE,
        DELIVERY_CHARGE_CONDITIONAL_FREE,
        *DELIVERY_CHARGE_FREE_OVER,
    )
    if charge_type == DELIVERY_CHARGE_FREE and charge is not None and charge != 0:
        out.append(
            Violation(
                "deliveryCharge",
                "free_delivery_charge",
                f"free delivery (FREE) has deliveryCharge 0 (got {charge:,})",
            )
        )
    if paid and charge == 0:
        out.append(
            Violation(
                "deliveryCharge",
                "delivery_charge_required",
                f"deliveryChargeType {charge_type} charges delivery: deliveryCharge must be above 0",
            )
        )
    expected_over: int | None
    if charge_type in DELIVERY_CHARGE_FREE_OVER:
        expected_over = DELIVERY_CHARGE_FREE_OVER[charge_type]
    elif charge_type in (DELIVERY_CHARGE_FREE, DELIVERY_CHARGE_NOT_FREE):
        expected_over = 0
    else:
        expected_over = None
    if over is not None and expected_over is not None and over != expected_over:
        out.append(
            Violation(
                "freeShipOverAmount",
                "free_ship_over_amount",
                f"deliveryChargeType {charge_type} has freeShipOverAmount {expected_over:,} "
                f"(got {over:,})",
            )
        )
    if charge_type == DELIVERY_CHARGE_CONDITIONAL_FREE and over == 0:
        out.append(
            Violation(
                "freeShipOverAmount",
                "free_ship_over_amount",
                "CONDITIONAL_FREE needs the order amount above which delivery is free "
                "(freeShipOverAmount above 0)",
            )
        )
    if paid and on_return is not None and on_return != 0:
        out.append(
            Violation(
                "deliveryChargeOnReturn",
                "delivery_charge_on_return",
                f"with deliveryChargeType {charge_type} the buyer already paid delivery: "
                f"deliveryChargeOnReturn is 0 (got {on_return:,})",
            )
        )
    return out


# -- full update against the stored product ----------------------------------------------------


def _against_existing(
    items: list[tuple[int, Mapping[str, Any]]], existing: Mapping[str, Any]
) -> list[Violation]:
    """Item ids known, approved items kept (their price and stock via the vendor-item APIs),
    offerCondition unchanged.
    """
    out: list[Violation] = []
    stored_items = mapping_list(existing.get("items")) or []
    by_id = {key: item for item in stored_items if (key := item_id(item)) is not None}
    conditions = {existing_offer_condition(item) for item in stored_items}
    kept: set[int] = set()
    for index, item in items:
        prefix = f"items[{index}]"
        condition = item.get("offerCondition")
        condition = condition if isinstance(condition, str) and condition else "NEW"
        raw_id = item.get("sellerProductItemId")
        key = as_int(raw_id)
        if raw_id is not None and key is not None and key not in by_id:
            out.append(
                Violation(
                    f"{prefix}.sellerProductItemId",
                    "unknown_item",
                    f"sellerProductItemId {key} is not an item of this product; leave it out to add "
                    f"a new item",
                )
            )
            continue
        if key is None:
            if conditions and condition not in conditions:
                out.append(_condition_fixed(prefix, condition, sorted(conditions)))
            continue
        if key in kept:
            out.append(
                Violation(
                    f"{prefix}.sellerProductItemId",
                    "item_id_duplicate",
                    f"sellerProductItemId {key} is given to two items",
                )
            )
            continue
        kept.add(key)
        out += _kept_item(prefix, item, condition, by_id[key])
    for key, stored in by_id.items():
        vendor_item = as_int(stored.get("vendorItemId"))
        if key not in kept and vendor_item is not None:
            out.append(
                Violation(
                    "items",
                    "approved_item_removed",
                    f"item {key} (vendorItemId {vendor_item}) has been approved and cannot be removed "
                    f"from the product; keep it and stop its sale instead",
                )
            )
    return out


def _kept_item(
    prefix: str, item: Mapping[str, Any], condition: str, stored: Mapping[str, Any]
) -> list[Violation]:
    """An item kept by the update: its offerCondition unchanged and, once approved, its price
    and stock left to the vendor-item APIs."""
    out: list[Violation] = []
    if condition != existing_offer_condition(stored):
        out.append(_condition_fixed(prefix, condition, [existing_offer_condition(stored)]))
    if as_int(stored.get("vendorItemId")) is None:
        return out
    for field_name in ("salePrice", "originalPrice", "maximumBuyCount"):
        new, old = as_int(item.get(field_name)), as_int(stored.get(field_name))
        if new is not None and old is not None and new != old:
            out.append(
                Violation(
                    f"{prefix}.{field_name}",
                    "use_vendor_item_api",
                    f"{field_name} of an approved item changes only through the vendor-item "
                    f"API (price / original-price / quantity), not the product update "
                    f"(stored {old:,}, got {new:,})",
                )
            )
    return out


def _condition_fixed(prefix: str, condition: str, stored: list[str]) -> Violation:
    return Violation(
        f"{prefix}.offerCondition",
        "offer_condition_fixed",
        f"offerCondition cannot change after the product is created (is {', '.join(stored)}, "
        f"got {condition:.20})",
    )
