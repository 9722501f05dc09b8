"""Exchange requests (교환요청) as the list answers them.

Field names are Coupang's, typos included (``collectInformationsDto``,
``returndeliveryItemDtos``). Enumerated fields are plain ``str``; the known values are the
constants below. Unknown fields are kept.

The exchange shipping fee (``exchangeAmount``, 교환배송비) is settled outside Coupang (not part
of Coupang's settlement); ``faultType`` says who bears it. Since 2024-09 the phone fields hold
safe (virtual) numbers (안심번호), never real ones.
"""

from __future__ import annotations

from typing import Final

from coupang_seller.types._base import CoupangModel

__all__ = [
    "EXCHANGE_COLLECT_STATUSES",
    "EXCHANGE_DELIVERY_STATUSES",
    "EXCHANGE_REJECT_CODES",
    "EXCHANGE_STATUSES",
    "FAULT_TYPES",
    "CollectInformations",
    "DeliveryInvoice",
    "DeliveryInvoiceGroup",
    "ExchangeAddress",
    "ExchangeItem",
    "ExchangeRequest",
    "ExchangeRequestPage",
    "InvoiceVendorItem",
    "ReturnDelivery",
    "ReturnDeliveryDestination",
    "ReturnDeliveryItem",
]

#: ExchangeStatus: 접수, 진행, 완료, 불가, 철회.
EXCHANGE_STATUSES: Final = ("RECEIPT", "PROGRESS", "SUCCESS", "REJECT", "CANCEL")
#: exchangeRejectCode: only these two are accepted.
EXCHANGE_REJECT_CODES: Final = ("SOLDOUT", "WITHDRAW")
#: ExchangeCollectStatus (회수상태).
EXCHANGE_COLLECT_STATUSES: Final = (
    "BeforeDirection", "CompleteDirection", "Delivering", "CompleteCollect", "DirectionFail",
    "Fail", "Withdraw", "NoCollect", "NoneData",
)  # fmt: skip
#: ExchangeDeliveryStatus (재배송상태).
EXCHANGE_DELIVERY_STATUSES: Final = (
    "BeforeDirection", "CompleteDirection", "Delivering", "CompleteDelivery", "DirectionFail",
    "VendorDirect", "Fail", "Withdraw", "NoneData",
)  # fmt: skip
#: FaultType (귀책): who bears the exchange shipping fee.
FAULT_TYPES: Final = ("COUPANG", "VENDOR", "CUSTOMER", "WMS", "GENERAL")


class ExchangeItem(CoupangModel):
    """One item of an exchange request (exchangeItemId, orderItemId, quantities)."""

    exchangeItemId: int | None = None
    orderItemId: int | None = None
    orderItemUnitPrice: int | None = None
    orderItemName: str | None = None
    orderPackageId: int | None = None
    orderPackageName: str | None = None
    targetItemId: int | None = None
    targetItemUnitPrice: int | None = None
    targetItemName: str | None = None
    targetPackageId: int | None = None
    targetPackageName: str | None = None
    quantity: int = 0
    orderItemDeliveryComplete: bool | None = None
    orderItemReturnComplete: bool | None = None
    targetItemDeliveryComplete: bool | None = None
    createdAt: str | None = None
    modifiedAt: str | None = None
    originalShipmentBoxId: int | None = None


class ExchangeAddress(CoupangModel):
    """Where the exchanged goods are collected and delivered (buyer personal data)."""

    exchangeAddressId: int | None = None
    returnCustomerName: str | None = None
    returnAddressZipCode: str | None = None
    returnAddress: str | None = None
    returnAddressDetail: str | None = None
    returnPhone: str | None = None
    returnMobile: str | None = None
    returnMemo: str | None = None
    deliveryCustomerName: str | None = None
    deliveryAddressZipCode: str | None = None
    deliveryAddress: str | None = None
    deliveryAddressDetail: str | None = None
    deliveryPhone: str | None = None
    deliveryMobile: str | None = None
    deliveryMemo: str | None = None
    createdAt: str | None = None
    modifiedAt: str | None = None
    exchangeId: int | None = None


class InvoiceVendorItem(CoupangModel):
    """A vendor item in an exchange's delivery invoice."""

    vendorItemId: int | None = None
    quantity: int | None = None
    hasAdditionalItem: bool | None = None
    promiseDeliveryDate: str | None = None
    estimatedShippingDate: str | None = None


class DeliveryInvoice(CoupangModel):
    """The invoice of an exchange's re-delivery (invoiceNumber, dates)."""

    invoiceNumber: str | None = None
    estimatedDeliveryDate: str | None = None
    deliveredDate: str | None = None
    statusModifiedAt: str | None = None
    invoiceNumberUploadDate: str | None = None
    statusCode: str | None = None
    deliverCode: str | None = None
    isMainShipmentInvoice: bool | None = None
    parcelType: str | None = None
    invoiceVendorItemDtos: list[InvoiceVendorItem] = []


class DeliveryInvoiceGroup(CoupangModel):
    """A shipment box of the exchange; ``EXCHANGE_DELIVERY`` is the new box (재배송)."""

    shipmentBoxId: int
    boxPrice: int | None = None
    orderId: int | None = None
    orderType: str | None = None
    customerType: str | None = None
    bundleType: str | None = None
    extraMessage: str | None = None
    shippingDeliveryType: str | None = None
    deliveryInvoiceDtos: list[DeliveryInvoice] = []


class ReturnDeliveryItem(CoupangModel):
    """An item in an exchange's collection (returnCount, releaseStatus)."""

    vendorItemId: int | None = None
    statusCode: str | None = None
    returnCount: int | None = None
    releaseStatus: str | None = None
    paymentReturnDeliveryMapId: int | None = None
    paymentItemId: int | None = None
    modifiedBy: str | None = None
    modifiedAt: str | None = None
    createdBy: str | None = None
    createdAt: str | None = None
    count: int | None = None
    confirmType: str | None = None
    collectStatus: str | None = None


class ReturnDeliveryDestination(CoupangModel):
    """The vendor address the collected goods go back to."""

    vendorZipCode: str | None = None
    vendorPhone: str | None = None
    vendorName: str | None = None
    vendorMobile: str | None = None
    vendorAddressDetail: str | None = None
    vendorAddress: str | None = None
    safetyNumberStatus: str | None = None
    safetyNumberId: int | None = None
    safetyNumber: str | None = None
    returnDeliveryId: int | None = None
    returnCenterCode: str | None = None
    receiptId: int | None = None
    orderedByMobile: str | None = None
    orderId: int | None = None
    message: str | None = None
    customerZipCode: str | None = None
    customerPhone: str | None = None
    customerName: str | None = None
    customerMobile: str | None = None
    customerAddressDetail: str | None = None
    customerAddress: str | None = None


class CollectInformations(CoupangModel):
    """How and when the goods of an exchange are collected."""

    returnType: str | None = None
    expectedReturnDate: str | None = None
    returndeliveryItemDtos: list[ReturnDeliveryItem] = []
    returndeliveryDestinationDto: ReturnDeliveryDestination | None = None


class ReturnDelivery(CoupangModel):
    """The courier and invoice number of an exchange's collection."""

    deliveryCompanyCode: str | None = None
    deliveryInvoiceNo: str | None = None


class ExchangeRequest(CoupangModel):
    """An exchange request (교환요청) with its items, addresses and invoices."""

    exchangeId: int
    orderId: int
    vendorId: str | None = None
    orderDeliveryStatusCode: str | None = None
    exchangeStatus: str
    referType: str | None = None
    faultType: str | None = None
    #: 교환배송비: settled outside Coupang.
    exchangeAmount: int | None = None
    reason: str | None = None
    reasonCode: str | None = None
    reasonCodeText: str | None = None
    reasonEtcDetail: str | None = None
    cancelReason: str | None = None
    createdByType: str | None = None
    createdAt: str | None = None
    modifiedByType: str | None = None
    modifiedAt: str | None = None
    exchangeItemDtoV1s: list[ExchangeItem] = []
    exchangeAddressDtoV1: ExchangeAddress | None = None
    deliveryInvoiceGroupDtos: list[DeliveryInvoiceGroup] = []
    deliveryStatus: str | None = None
    collectStatus: str | None = None
    collectCompleteDate: str | None = None
    collectInformationsDto: CollectInformations | None = None
    returnDeliveryDtos: list[ReturnDelivery] = []
    successable: bool | None = None
    orderDeliveryStatusLabel: str | None = None
    exchangeStatusLabel: str | None = None
    referTypeLabel: str | None = None
    faultTypeLabel: str | None = None
    createdByTypeLabel: str | None = None
    rejectable: bool | None = None
    modifiedByTypeLabel: str | None = None
    deliveryInvoiceModifiable: bool | None = None

    @property
    def original_shipment_box_ids(self) -> list[int]:
        """The boxes of the first delivery (원배송번호): never for the exchange invoice."""
        return [i.originalShipmentBoxId for i in self.exchangeItemDtoV1s if i.originalShipmentBoxId]

    @property
    def new_shipment_box_id(self) -> int | None:
        """The NEW box to upload the exchange invoice on (``None`` until it appears, about
        10 minutes after the receipt confirmation)."""
        original = set(self.original_shipment_box_ids)
        for group in self.deliveryInvoiceGroupDtos:
            if group.shippingDeliveryType == "EXCHANGE_DELIVERY" or (
                group.shipmentBoxId not in original
            ):
                return group.shipmentBoxId
        return None


class ExchangeRequestPage(CoupangModel):
    """One page of the list: ``data`` and the top-level ``nextToken``."""

    code: int | str | None = None
    message: str | None = None
    data: list[ExchangeRequest] = []
    nextToken: str | None = None

    @property
    def items(self) -> list[ExchangeRequest]:
        """The exchange requests of this page."""
        return self.data

    @property
    def next_token(self) -> str | None:
        """The token of the next page, or None on the last one."""
        return self.nextToken or None
