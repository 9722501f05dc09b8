"""Order sheets (발주서), delivery history, bulk results and cancel results.

Field names are Coupang's (``inTrasitDateTime`` keeps the docs' spelling). ``shipmentBoxId``
and ``orderId`` are Python ints (up to 18 digits since 2024-11). Unknown fields are kept.
"""

from __future__ import annotations

from typing import Any, Final, get_args

from pydantic import model_validator

from coupang_seller.types._base import CoupangModel
from coupang_seller.types.codes import OrderSheetStatus

__all__ = [
    "ORDER_SHEET_STATUSES",
    "BulkItemResult",
    "BulkResult",
    "CancelReceipt",
    "CancelResult",
    "DeliveryHistory",
    "DeliveryHistoryDetail",
    "InvoiceLine",
    "OrderItem",
    "OrderSheet",
    "OrderSheetPage",
    "Orderer",
    "Receiver",
]

#: OrderSheetStatus codes (the list's ``status`` filter).
ORDER_SHEET_STATUSES: Final[tuple[OrderSheetStatus, ...]] = get_args(OrderSheetStatus)


class Orderer(CoupangModel):
    """The buyer of an order sheet (personal data: masked in repr/str)."""

    personal_block = True

    name: str | None = None
    email: str | None = None
    safeNumber: str | None = None
    ordererNumber: str | None = None


class Receiver(CoupangModel):
    """The recipient of an order sheet (personal data: masked in repr/str)."""

    personal_block = True

    name: str | None = None
    safeNumber: str | None = None
    receiverNumber: str | None = None
    addr1: str | None = None
    addr2: str | None = None
    postCode: str | None = None


class OrderItem(CoupangModel):
    """One line of an order sheet: a vendorItemId, its count and prices."""

    vendorItemPackageId: int | None = None
    vendorItemPackageName: str | None = None
    productId: int | None = None
    vendorItemId: int
    vendorItemName: str | None = None
    shippingCount: int = 0
    salesPrice: int | None = None
    orderPrice: int | None = None
    discountPrice: int | None = None
    externalVendorSkuCode: str | None = None
    sellerProductId: int | None = None
    sellerProductName: str | None = None
    sellerProductItemName: str | None = None
    firstSellerProductItemName: str | None = None
    cancelCount: int = 0
    holdCountForCancel: int = 0
    estimatedShippingDate: str | None = None
    plannedShippingDate: str | None = None
    invoiceNumberUploadDate: str | None = None
    extraProperties: dict[str, Any] | None = None
    canceled: bool = False


class OrderSheet(CoupangModel):
    """One shipment box (발주서) of an order."""

    shipmentBoxId: int
    orderId: int
    orderedAt: str | None = None
    orderer: Orderer | None = None
    paidAt: str | None = None
    status: str
    shippingPrice: int | None = None
    remotePrice: int | None = None
    remoteArea: bool | None = None
    parcelPrintMessage: str | None = None
    splitShipping: bool = False
    ableSplitShipping: bool = False
    receiver: Receiver | None = None
    orderItems: list[OrderItem] = []
    deliveryCompanyName: str | None = None
    invoiceNumber: str | None = None
    inTrasitDateTime: str | None = None
    deliveredDate: str | None = None
    refer: str | None = None
    isCod: bool | None = None

    @property
    def vendor_item_ids(self) -> list[int]:
        """The vendorItemIds of the sheet's orderItems."""
        return [item.vendorItemId for item in self.orderItems]


class OrderSheetPage(CoupangModel):
    """One page of the daily list: ``data`` and the top-level ``nextToken``."""

    code: int | str | None = None
    message: str | None = None
    data: list[OrderSheet] = []
    nextToken: str | None = None

    @property
    def items(self) -> list[OrderSheet]:
        """The order sheets of this page."""
        return self.data

    @property
    def next_token(self) -> str | None:
        """The token of the next page, or None on the last one."""
        return self.nextToken or None


class DeliveryHistoryDetail(CoupangModel):
    """One step of a shipment's delivery history (deliveryStatus and time)."""

    deliveryStatus: str
    deliveryStatusDesc: str | None = None
    updatedAt: str | None = None


class DeliveryHistory(CoupangModel):
    """The delivery history of one shipmentBoxId."""

    shipmentBoxId: int
    details: list[DeliveryHistoryDetail] = []


class BulkItemResult(CoupangModel):
    """The result for one shipmentBoxId of a bulk call (acknowledge, invoices)."""

    shipmentBoxId: int | None = None
    succeed: bool
    resultCode: str | None = None
    retryRequired: bool | None = None
    resultMessage: str | None = None


class BulkResult(CoupangModel):
    """``data`` of acknowledgement / invoice upload / invoice update: per-box results.

    Partial failure is HTTP 200: look at :attr:`failed` (never assume success).
    ``responseCode``: 0 all succeeded, 1 partial errors, 99 all failed, -1 nothing.
    """

    responseCode: int | None = None
    responseMessage: str | None = None
    responseList: list[BulkItemResult] = []

    @property
    def failed(self) -> list[BulkItemResult]:
        """The entries Coupang refused (succeed is false)."""
        return [item for item in self.responseList if not item.succeed]

    @property
    def succeeded(self) -> list[BulkItemResult]:
        """The entries Coupang accepted."""
        return [item for item in self.responseList if item.succeed]

    @property
    def all_succeeded(self) -> bool:
        """True when no entry failed."""
        return not self.failed

    @property
    def retryable(self) -> list[BulkItemResult]:
        """The failed entries Coupang marks retryRequired."""
        return [item for item in self.failed if item.retryRequired]

    @classmethod
    def merge(cls, results: list[BulkResult]) -> BulkResult:
        """One result of several calls (acknowledgement in chunks of 50)."""
        items = [item for result in results for item in result.responseList]
        ok = sum(1 for item in items if item.succeed)
        if not items:
            code, message = -1, "NONE"
        elif ok == len(items):
            code, message = 0, "SUCCESS"
        elif ok:
            code, message = 1, "PARTIAL_ERROR"
        else:
            code, message = 99, "FAILED"
        return cls(responseCode=code, responseMessage=message, responseList=items)


class InvoiceLine(CoupangModel):
    """One ``orderSheetInvoiceApplyDtos`` entry (per shipmentBoxId and vendorItemId)."""

    shipmentBoxId: int
    orderId: int
    vendorItemId: int
    deliveryCompanyCode: str
    invoiceNumber: str = ""
    splitShipping: bool = False
    preSplitShipped: bool = False
    estimatedShippingDate: str = ""


class CancelReceipt(CoupangModel):
    """A cancel receipt (receiptId) created when an order is cancelled."""

    receiptId: int | None = None
    receiptType: str | None = None
    vendorItemIds: list[int] = []
    totalCount: int | None = None


class CancelResult(CoupangModel):
    """The v5 cancel answer: ``code`` SUCCESS | PARTIAL (| FAIL, raised as an error)."""

    code: str | None = None
    message: str | None = None
    receiptMap: CancelReceipt | None = None
    orderId: int | None = None
    failedVendorItemIds: list[int] = []

    @model_validator(mode="before")
    @classmethod
    def _flatten(cls, value: Any) -> Any:
        if isinstance(value, dict) and isinstance(value.get("data"), dict):
            data = value["data"]
            receipt = data.get("receiptMap") or data.get("ReceiptMap")
            failed = data.get("failedVendorItemIds")
            if failed is None:
                failed = data.get("failedItemIds") or []
            return {
                "code": value.get("code"),
                "message": value.get("message"),
                "receiptMap": receipt,
                "orderId": data.get("orderId"),
                "failedVendorItemIds": failed,
            }
        return value

    @property
    def partial(self) -> bool:
        """True when Coupang answered code PARTIAL (some entries failed)."""
        return self.code == "PARTIAL"
