"""Return receipts (반품), withdrawals (반품철회) and manual pickup invoices.

Field names are Coupang's. ``receiptId``/``orderId``/``shipmentBoxId`` are Python ints.
Enumerated fields are plain ``str``; the known values are listed below. Unknown fields kept.
"""

from __future__ import annotations

from typing import Final

from coupang_seller.types._base import CoupangModel

__all__ = [
    "RECEIPT_STATUSES",
    "STATUS_FILTERS",
    "ManualInvoice",
    "ReturnDelivery",
    "ReturnItem",
    "ReturnPage",
    "ReturnRequest",
    "ReturnWithdrawal",
    "ReturnWithdrawalPage",
]

#: ``ReturnReceiptStatus``
RECEIPT_STATUSES: Final = (
    "RELEASE_STOP_UNCHECKED",
    "RETURNS_UNCHECKED",
    "VENDOR_WAREHOUSE_CONFIRM",
    "REQUEST_COUPANG_CHECK",
    "RETURNS_COMPLETED",
)
#: ``ReturnRequestStatusFilter`` (the list's ``status``): RU 출고중지요청, UC 반품접수,
#: CC 반품완료, PR 쿠팡확인요청.
STATUS_FILTERS: Final = ("RU", "UC", "CC", "PR")
#: ``FaultType`` (``faultByType``) and ``RefundDeliveryDuty`` (COM seller, CUS customer,
#: COU Coupang).
FAULT_TYPES: Final = ("COUPANG", "VENDOR", "CUSTOMER", "WMS", "GENERAL")


class ReturnItem(CoupangModel):
    """One item of a return request: vendorItemId and counts."""

    vendorItemPackageId: int | None = None
    vendorItemPackageName: str | None = None
    vendorItemId: int
    vendorItemName: str | None = None
    purchaseCount: int | None = None
    cancelCount: int = 0
    shipmentBoxId: int | None = None
    sellerProductId: int | None = None
    sellerProductName: str | None = None


class ReturnDelivery(CoupangModel):
    """One pickup invoice (``returnDeliveryDtos``); an empty number means none yet."""

    deliveryCompanyCode: str | None = None
    deliveryInvoiceNo: str | None = None


class ReturnRequest(CoupangModel):
    """One return (or, v6 ``cancelType=CANCEL``, one cancellation at payment completion)."""

    receiptId: int
    orderId: int | None = None
    paymentId: int | None = None
    receiptType: str | None = None
    receiptStatus: str | None = None
    createdAt: str | None = None
    modifiedAt: str | None = None
    requesterName: str | None = None
    requesterPhoneNumber: str | None = None
    requesterRealPhoneNumber: str | None = None
    requesterAddress: str | None = None
    requesterAddressDetail: str | None = None
    requesterZipCode: str | None = None
    cancelReasonCategory1: str | None = None
    cancelReasonCategory2: str | None = None
    cancelReason: str | None = None
    cancelCountSum: int = 0
    returnDeliveryId: int | None = None
    returnDeliveryType: str | None = None
    releaseStopStatus: str | None = None
    enclosePrice: int | None = None
    faultByType: str | None = None
    preRefund: bool | None = None
    completeConfirmType: str | None = None
    completeConfirmDate: str | None = None
    returnItems: list[ReturnItem] = []
    returnDeliveryDtos: list[ReturnDelivery] = []
    reasonCode: str | None = None
    reasonCodeText: str | None = None

    @property
    def vendor_item_ids(self) -> list[int]:
        """The vendorItemIds of the request's returnItems."""
        return [item.vendorItemId for item in self.returnItems]

    @property
    def invoices(self) -> list[ReturnDelivery]:
        """Pickup invoices that carry a number (Coupang says to ignore empty ones)."""
        return [d for d in self.returnDeliveryDtos if (d.deliveryInvoiceNo or "").strip()]


class ReturnPage(CoupangModel):
    """One page of the daily list: ``data`` and the top-level ``nextToken``."""

    code: int | str | None = None
    message: str | None = None
    data: list[ReturnRequest] = []
    nextToken: str | None = None

    @property
    def items(self) -> list[ReturnRequest]:
        """The return requests of this page."""
        return self.data

    @property
    def next_token(self) -> str | None:
        """The token of the next page, or None on the last one."""
        return self.nextToken or None


class ReturnWithdrawal(CoupangModel):
    """A return the customer withdrew (``cancelId`` is its receiptId)."""

    cancelId: int
    orderId: int | None = None
    vendorId: str | None = None
    refundDeliveryDuty: str | None = None
    createdAt: str | None = None
    vendorItemIds: list[int] = []


class ReturnWithdrawalPage(CoupangModel):
    """A page of return withdrawals with the nextPageIndex."""

    code: int | str | None = None
    message: str | None = None
    data: list[ReturnWithdrawal] = []
    nextPageIndex: str | int | None = None

    @property
    def next_page_index(self) -> int | None:
        """nextPageIndex as a positive int, or None on the last page."""
        text = str(self.nextPageIndex or "").strip()
        return int(text) if text.isdigit() and int(text) > 0 else None


class ManualInvoice(CoupangModel):
    """``data`` of ``return-exchange-invoices/manual``."""

    deliveryCompanyCode: str | None = None
    invoiceNumber: str | None = None
    invoiceNumberId: int | None = None
    receiptId: int | None = None
    regNumber: str | None = None
    returnDeliveryId: int | None = None
    returnExchangeDeliveryType: str | None = None
