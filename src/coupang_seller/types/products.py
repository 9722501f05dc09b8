"""Models of the product group: seller products (등록상품), their items (옵션) and the parts of an item.

Field names are Coupang's documented camelCase names; unknown fields are kept. Enumerated
fields are plain ``str``; the known values are the constants below (taken from the code tables
of the product-creation docs). Numbers the docs' own samples send as strings (``"100"``,
``"false"``) are accepted and coerced.

The rules a body must follow live in :mod:`coupang_seller.preflight.products`, not here: a
model parses whatever Coupang answers, the preflight decides what may be sent.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any, Final, get_args

from pydantic import field_validator

from coupang_seller.types._base import CoupangModel
from coupang_seller.types.codes import DeliveryMethod, DeliveryMethodDefunct


def _number_as_text(value: object) -> object:
    """Codes the docs type as String but sellers often send as numbers (``returnCenterCode``)."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


# -- code tables ---------------------------------------------------------------------------

#: ``deliveryMethod``: sequential (normal) delivery, cold/fresh, made to order, purchase agency
#: (구매대행), installation or direct hand-over by the seller.
#: The :data:`~coupang_seller.types.codes.DeliveryMethod` type's codes.
DELIVERY_METHODS: Final[tuple[str, ...]] = get_args(DeliveryMethod)
#: Struck out in the docs: both were merged into ``VENDOR_DIRECT``.
DELIVERY_METHODS_RETIRED: Final[tuple[str, ...]] = get_args(DeliveryMethodDefunct)
DELIVERY_METHOD_AGENT_BUY: Final = "AGENT_BUY"

#: ``deliveryChargeType``.
DELIVERY_CHARGE_FREE: Final = "FREE"
DELIVERY_CHARGE_NOT_FREE: Final = "NOT_FREE"
#: 착불: the buyer pays the courier on delivery (only in categories Coupang allows it for).
DELIVERY_CHARGE_CASH_ON_DELIVERY: Final = "CHARGE_RECEIVED"
#: Free delivery over a seller-chosen ``freeShipOverAmount`` (newer docs; not in the 2019 table).
DELIVERY_CHARGE_CONDITIONAL_FREE: Final = "CONDITIONAL_FREE"
#: Free delivery over a fixed amount: the type names the amount.
DELIVERY_CHARGE_FREE_OVER: Final = MappingProxyType(
    {
        "FREE_DELIVERY_OVER_9800": 9800,
        "FREE_DELIVERY_OVER_19800": 19800,
        "FREE_DELIVERY_OVER_30000": 30000,
    }
)
DELIVERY_CHARGE_TYPES: Final = (
    DELIVERY_CHARGE_FREE,
    *DELIVERY_CHARGE_FREE_OVER,
    DELIVERY_CHARGE_NOT_FREE,
    DELIVERY_CHARGE_CASH_ON_DELIVERY,
    DELIVERY_CHARGE_CONDITIONAL_FREE,
)

#: ``remoteAreaDeliverable`` (도서산간 배송) and ``returnChargeVendor`` (Y = 착불, N = 선불).
YES_NO: Final = ("Y", "N")
#: ``unionDeliveryType`` (묶음 배송).
UNION_DELIVERY: Final = "UNION_DELIVERY"
UNION_DELIVERY_TYPES: Final = (UNION_DELIVERY, "NOT_UNION_DELIVERY")
#: ``returnCenterCode`` when no return center is registered: the return address is typed in.
NO_RETURN_CENTER_CODE: Final = "NO_RETURN_CENTERCODE"

#: Item flags; the first value of each is the documented default.
ADULT_ONLY: Final = ("EVERYONE", "ADULT_ONLY")
TAX_TYPES: Final = ("TAX", "FREE")
PARALLEL_IMPORTED: Final = ("NOT_PARALLEL_IMPORTED", "PARALLEL_IMPORTED")
OVERSEAS_PURCHASED: Final = ("NOT_OVERSEAS_PURCHASED", "OVERSEAS_PURCHASED")

#: ``offerCondition``: new, refurbished, used (best / good / normal). Missing means NEW.
OFFER_CONDITION_NEW: Final = "NEW"
OFFER_CONDITIONS: Final = ("NEW", "REFURBISHED", "USED_BEST", "USED_GOOD", "USED_NORMAL")
USED_OFFER_CONDITIONS: Final = ("USED_BEST", "USED_GOOD", "USED_NORMAL")

#: ``imageType``: the square main image (exactly one), other images, used-condition photos.
IMAGE_REPRESENTATION: Final = "REPRESENTATION"
IMAGE_DETAIL: Final = "DETAIL"
IMAGE_USED_PRODUCT: Final = "USED_PRODUCT"
#: Only in the official Java SDK's enum, never described; an oblong main image.
IMAGE_REP_OBLONG_ORIGIN: Final = "REP_OBLONG_ORIGIN"
IMAGE_TYPES: Final = (IMAGE_REPRESENTATION, IMAGE_DETAIL, IMAGE_USED_PRODUCT)

#: ``contents[].contentsType`` and ``contentDetails[].detailType`` (TITLE: Java SDK only).
CONTENTS_TYPES: Final = (
    "IMAGE",
    "IMAGE_NO_SPACE",
    "TEXT",
    "IMAGE_TEXT",
    "TEXT_IMAGE",
    "IMAGE_IMAGE",
    "TEXT_TEXT",
    "TITLE",
    "HTML",
)
CONTENT_DETAIL_TYPES: Final = ("IMAGE", "TEXT", "TITLE")

#: ``attributes[].exposed``: a purchase option (구매옵션) or a search filter (검색옵션).
EXPOSED: Final = "EXPOSED"
NOT_EXPOSED: Final = "NONE"
ATTRIBUTE_EXPOSED: Final = (EXPOSED, NOT_EXPOSED)

#: ``certifications[].certificationType`` for categories that need no certification.
CERTIFICATION_NOT_REQUIRED: Final = "NOT_REQUIRED"

#: ``statusName`` of a seller product (lists answer the code, the single lookup may answer
#: the Korean label instead).
SELLER_PRODUCT_STATUSES: Final = (
    "SAVING",
    "SAVED",
    "APPROVING",
    "APPROVED",
    "PARTIAL_APPROVED",
    "DENIED",
    "DELETED",
)


# -- parts of an item ----------------------------------------------------------------------


class Image(CoupangModel):
    """One image of an item. ``cdnPath`` or ``vendorPath`` (or both) is required."""

    imageOrder: int | None = None
    imageType: str = IMAGE_REPRESENTATION
    cdnPath: str | None = None
    vendorPath: str | None = None


class Notice(CoupangModel):
    """One line of the legally required product notice (상품고시정보)."""

    noticeCategoryName: str
    noticeCategoryDetailName: str
    content: str


class Attribute(CoupangModel):
    """A purchase option (``exposed="EXPOSED"``) or a search attribute (``exposed="NONE"``)."""

    attributeTypeName: str
    attributeValueName: str
    exposed: str | None = None
    editable: str | bool | None = None


class ContentDetail(CoupangModel):
    """One block of a product's detail content (TEXT, IMAGE, ...)."""

    content: str
    detailType: str = "TEXT"


class Content(CoupangModel):
    """One block of the detail page."""

    contentsType: str = "TEXT"
    contentDetails: list[ContentDetail] = []


class Certification(CoupangModel):
    """A certification of an item: certificationType and certificationCode."""

    certificationType: str = CERTIFICATION_NOT_REQUIRED
    certificationCode: str | None = None


class RequiredDocument(CoupangModel):
    """A document the category asks for; ``documentPath`` or ``vendorDocumentPath`` is required."""

    templateName: str
    documentPath: str | None = None
    vendorDocumentPath: str | None = None


# -- item and product ----------------------------------------------------------------------


class SellerProductItem(CoupangModel):
    """One item (option) of a seller product.

    ``sellerProductItemId`` is set on items that already exist (required to keep them in a
    full update); ``vendorItemId`` appears once the item has been approved.
    """

    sellerProductItemId: int | None = None
    vendorItemId: int | None = None
    itemName: str | None = None
    originalPrice: int | None = None
    salePrice: int | None = None
    maximumBuyCount: int | None = None
    maximumBuyForPerson: int | None = None
    outboundShippingTimeDay: int | None = None
    maximumBuyForPersonPeriod: int | None = None
    unitCount: int | None = None
    adultOnly: str | None = None
    taxType: str | None = None
    parallelImported: str | None = None
    overseasPurchased: str | None = None
    pccNeeded: bool | None = None
    bestPriceGuaranteed3P: bool | None = None
    externalVendorSku: str | None = None
    barcode: str | None = None
    emptyBarcode: bool | None = None
    emptyBarcodeReason: str | None = None
    modelNo: str | None = None
    extraProperties: dict[str, Any] | None = None
    certifications: list[Certification] = []
    searchTags: list[str] = []
    images: list[Image] = []
    notices: list[Notice] = []
    attributes: list[Attribute] = []
    contents: list[Content] = []
    offerCondition: str | None = None
    offerDescription: str | None = None

    _codes_as_text = field_validator("externalVendorSku", "barcode", "modelNo", mode="before")(
        _number_as_text
    )


class SellerProduct(CoupangModel):
    """A seller product (등록상품): the create/update body and the single-lookup answer.

    Every field is optional here so that any answer parses; what a request must carry is
    checked by :func:`coupang_seller.preflight.products.check_product_create`.
    """

    sellerProductId: int | None = None
    statusName: str | None = None
    displayCategoryCode: int | None = None
    sellerProductName: str | None = None
    vendorId: str | None = None
    saleStartedAt: str | None = None
    saleEndedAt: str | None = None
    displayProductName: str | None = None
    brand: str | None = None
    generalProductName: str | None = None
    productGroup: str | None = None
    deliveryMethod: str | None = None
    deliveryCompanyCode: str | None = None
    deliveryChargeType: str | None = None
    deliveryCharge: int | None = None
    freeShipOverAmount: int | None = None
    deliveryChargeOnReturn: int | None = None
    remoteAreaDeliverable: str | None = None
    unionDeliveryType: str | None = None
    returnCenterCode: str | None = None
    returnChargeName: str | None = None
    companyContactNumber: str | None = None
    returnZipCode: str | None = None
    returnAddress: str | None = None
    returnAddressDetail: str | None = None
    returnCharge: int | None = None
    returnChargeVendor: str | None = None
    afterServiceInformation: str | None = None
    afterServiceContactNumber: str | None = None
    outboundShippingPlaceCode: int | None = None
    vendorUserId: str | None = None
    requested: bool | None = None
    items: list[SellerProductItem] = []
    requiredDocuments: list[RequiredDocument] = []
    extraInfoMessage: str | None = None
    manufacture: str | None = None

    _codes_as_text = field_validator(
        "returnCenterCode", "returnZipCode", "companyContactNumber", "vendorId", mode="before"
    )(_number_as_text)

    def item_by_vendor_item_id(self, vendor_item_id: int) -> SellerProductItem | None:
        """The item with this vendorItemId, or None."""
        for item in self.items:
            if item.vendorItemId == vendor_item_id:
                return item
        return None


class PartialSellerProduct(CoupangModel):
    """The delivery and return fields that change without a new approval (``.../partial``)."""

    sellerProductId: int | None = None
    deliveryMethod: str | None = None
    deliveryCompanyCode: str | None = None
    deliveryChargeType: str | None = None
    deliveryCharge: int | None = None
    freeShipOverAmount: int | None = None
    deliveryChargeOnReturn: int | None = None
    remoteAreaDeliverable: str | None = None
    unionDeliveryType: str | None = None
    outboundShippingPlaceCode: int | None = None
    outboundShippingTimeDay: int | None = None
    returnCenterCode: str | None = None
    returnChargeName: str | None = None
    companyContactNumber: str | None = None
    returnZipCode: str | None = None
    returnAddress: str | None = None
    returnAddressDetail: str | None = None
    returnCharge: int | None = None
    extraInfoMessage: str | None = None
    pccNeeded: bool | None = None
    sameDayShipping: dict[str, Any] | None = None

    _codes_as_text = field_validator(
        "returnCenterCode", "returnZipCode", "companyContactNumber", mode="before"
    )(_number_as_text)


class VendorItemInventory(CoupangModel):
    """Stock, price and sale status of one approved item (``vendor-items/{id}/inventories``)."""

    sellerItemId: int | None = None
    amountInStock: int | None = None
    salePrice: int | None = None
    onSale: bool | None = None
    bestPriceGuaranteed3P: bool | None = None
