"""What the sandbox's control API (``/_sandbox``, ``client.sandbox``) answers.

Field names are the sandbox's (Coupang's where the answer mirrors a seller-API document);
unknown fields are kept, like every other SDK model, so a field the sandbox adds tomorrow
is readable today (``model.model_extra``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from coupang_seller._secret import Secret
from coupang_seller.types._base import CoupangModel
from coupang_seller.types.coupons import CouponItem, InstantCoupon
from coupang_seller.types.orders import OrderSheet
from coupang_seller.types.returns import ReturnDelivery, ReturnRequest

__all__ = [
    "AddressChange",
    "BoxScan",
    "CustomerCancel",
    "CustomerCancelReceipt",
    "ExchangeScan",
    "PlacedBox",
    "PlacedOrder",
    "ProductReview",
    "RequestedReturn",
    "RequestedReturns",
    "ReturnPickup",
    "ReturnStepResult",
    "ReviewedItem",
    "SandboxClock",
    "SandboxCoupon",
    "SandboxFault",
    "SandboxInquiry",
    "SandboxKeyPolicy",
    "SandboxOrder",
    "SandboxPreviousKey",
    "SandboxReceipt",
    "SandboxReturn",
    "SandboxRotatedKey",
    "SandboxSnapshot",
    "SandboxSnapshots",
    "SandboxVendor",
]


class SandboxVendor(CoupangModel):
    """A sandbox vendor's credentials. ``secretKey`` is a :class:`~coupang_seller.Secret`:
    ``str``, ``repr`` and JSON dumps mask it; ``secretKey.reveal()`` gives the value."""

    vendorId: str
    accessKey: str
    secretKey: Secret


class SandboxPreviousKey(CoupangModel):
    """A key rotated out that still works until ``validUntil`` (sandbox clock)."""

    accessKey: str
    validUntil: datetime


class SandboxKeyPolicy(CoupangModel):
    """A vendor's key policy: ``allowedIps`` (``None``: any address), ``lifetimeDays``, the
    current key's ``issuedAt``/``expiresAt`` on the sandbox clock (``None`` until a seeded key's
    first signed use) and the ``previousKeys`` still overlapping."""

    vendorId: str
    accessKey: str
    allowedIps: list[str] | None = None
    lifetimeDays: int
    issuedAt: datetime | None = None
    expiresAt: datetime | None = None
    previousKeys: list[SandboxPreviousKey] = []


class SandboxRotatedKey(CoupangModel):
    """A reissued key: the new ``accessKey`` and ``secretKey`` (a :class:`~coupang_seller.Secret`,
    masked until ``reveal()``), its dates, and until when the previous key still works."""

    vendorId: str
    accessKey: str
    secretKey: Secret
    issuedAt: datetime
    expiresAt: datetime
    previousAccessKey: str
    previousValidUntil: datetime


class SandboxClock(CoupangModel):
    """The sandbox's business clock: ``now``, ``mode`` (real, offset or frozen)."""

    now: datetime
    mode: str
    offsetSeconds: float | None = None


class ReviewedItem(CoupangModel):
    """One item of a reviewed product; approved items carry their ``vendorItemId``."""

    sellerProductItemId: int
    vendorItemId: int | None = None


class ProductReview(CoupangModel):
    """Outcome of ``client.sandbox.products.review``: the product's new status and its items."""

    sellerProductId: int
    vendorId: str | None = None
    status: str
    statusName: str | None = None
    items: list[ReviewedItem] = []


class PlacedBox(CoupangModel):
    """One shipment box of a placed order, with its shipping fees."""

    shipmentBoxId: int
    vendorItemIds: list[int] = []
    shippingPrice: int | None = None
    remotePrice: int | None = None
    remoteArea: bool | None = None


class PlacedOrder(CoupangModel):
    """Outcome of ``client.sandbox.orders.place``: the order, its boxes and when the seller
    sees it."""

    orderId: int
    vendorId: str | None = None
    paidAt: str | None = None
    visibleAt: str | None = None
    region: str | None = None
    safeNumber: str | None = None
    shipmentBoxes: list[PlacedBox] = []

    @property
    def shipment_box_ids(self) -> list[int]:
        """The ``shipmentBoxId`` of every box, in order."""
        return [box.shipmentBoxId for box in self.shipmentBoxes]


class SandboxReceipt(CoupangModel):
    """A cancellation or return receipt of an order, as ``orders.get`` lists it."""

    receiptId: int
    receiptType: str | None = None
    receiptStatus: str | None = None
    releaseStopStatus: str | None = None
    shipmentBoxId: int | None = None
    items: list[dict[str, Any]] = []
    totalCount: int | None = None
    requester: str | None = None
    reasonCode: str | None = None


class SandboxOrder(CoupangModel):
    """Everything the sandbox knows about an order, visible to the seller or not."""

    orderId: int
    vendorId: str | None = None
    visibleAt: str | None = None
    region: str | None = None
    sheets: list[OrderSheet] = []
    receipts: list[SandboxReceipt] = []

    @property
    def shipment_box_ids(self) -> list[int]:
        """The ``shipmentBoxId`` of every sheet, in order."""
        return [sheet.shipmentBoxId for sheet in self.sheets]


class AddressChange(CoupangModel):
    """Outcome of ``orders.change_address``: the new receiver and the region it is in."""

    orderId: int
    receiver: dict[str, Any] = {}
    region: str | None = None


class CustomerCancelReceipt(CoupangModel):
    """One receipt of a customer's cancel: ``CANCEL`` (done) or a ``RETURN`` stop-shipment
    request (``RELEASE_STOP_UNCHECKED``) waiting for the seller."""

    receiptId: int
    receiptType: str
    receiptStatus: str | None = None
    shipmentBoxId: int


class CustomerCancel(CoupangModel):
    """Outcome of ``orders.request_cancel``: one receipt per shipment box touched."""

    orderId: int
    receipts: list[CustomerCancelReceipt] = []

    @property
    def receipt_ids(self) -> list[int]:
        """The ``receiptId`` of every receipt, in order."""
        return [receipt.receiptId for receipt in self.receipts]


class BoxScan(CoupangModel):
    """Outcome of ``courier.scan``: the box's delivery status after the scan."""

    shipmentBoxId: int
    status: str


class ExchangeScan(CoupangModel):
    """Outcome of ``courier.scan_exchange``: the exchange's pickup (collect) status."""

    exchangeId: int
    collectStatus: str | None = None


class RequestedReturn(CoupangModel):
    """One return receipt a customer's return request created (one per shipment box)."""

    receiptId: int
    shipmentBoxId: int
    receiptStatus: str
    items: list[dict[str, Any]] = []
    faultByType: str | None = None
    returnShippingCharge: int | None = None
    returnDeliveryType: str | None = None
    autoPickup: bool | None = None
    quickRefund: bool | None = None


class RequestedReturns(CoupangModel):
    """Outcome of ``returns.request``: the receipts, one per shipment box."""

    orderId: int
    vendorId: str | None = None
    receipts: list[RequestedReturn] = []

    @property
    def receipt_ids(self) -> list[int]:
        """The ``receiptId`` of every receipt, in order."""
        return [receipt.receiptId for receipt in self.receipts]


class ReturnStepResult(CoupangModel):
    """Outcome of a step on a return (``returns.step``/``withdraw``): its new status."""

    receiptId: int
    receiptStatus: str
    withdrawnAt: str | None = None


class ReturnPickup(ReturnStepResult):
    """Outcome of ``courier.pick_up_return``: the new status, whether it was refunded
    before the goods arrived (``preRefund``) and the pickup deliveries."""

    preRefund: bool | None = None
    returnDeliveryDtos: list[ReturnDelivery] = []


class SandboxReturn(ReturnRequest):
    """A return as the seller's list shows it, withdrawn or not, plus what only the sandbox
    knows (the stage it was asked at, auto pickup, quick refund, when picked up)."""

    vendorId: str | None = None
    requestedStage: str | None = None
    autoPickup: bool | None = None
    quickRefund: bool | None = None
    pickedUpAt: str | None = None
    withdrawnAt: str | None = None


class SandboxInquiry(CoupangModel):
    """An inquiry (``kind`` ONLINE or CALL_CENTER) as the seller's list shows it, with its
    state (``status``) and who answered or confirmed it. The list's own fields of either
    kind (``commentDtoList``, ``replies``...) are kept as extra fields."""

    inquiryId: int
    kind: str
    status: str
    vendorId: str | None = None
    sellerProductId: int | None = None
    repliedBy: str | None = None
    confirmedBy: str | None = None
    content: str | None = None
    inquiryAt: str | None = None


class SandboxCoupon(InstantCoupon):
    """A coupon of either kind (``kind``) with its items and its usage (``usageAmount``)."""

    kind: str | None = None
    usageAmount: int = 0
    items: list[CouponItem] = []


class SandboxFault(CoupangModel):
    """A fault rule of the sandbox (``client.sandbox.faults``): what it matches, how often it
    fires, what it does (``kind`` and the kind's fields) and its counters (``hits``: times it
    fired; ``matched``: requests it matched). Criteria not set are ``None``."""

    id: int
    kind: str
    method: str | None = None
    path: str | None = None
    pathRegex: str | None = None
    operation: str | None = None
    vendorId: str | None = None
    writesOnly: bool = False
    probability: float = 1.0
    seed: int | None = None
    times: int | None = None
    forSeconds: float | None = None
    createdAt: datetime | None = None
    activeUntil: datetime | None = None
    matched: int = 0
    hits: int = 0
    #: The kind's own fields (only the rule's kind carries them).
    blockSeconds: float | None = None
    location: str | None = None
    status: int | None = None
    latencySeconds: float | None = None
    jitterSeconds: float | None = None
    then: str | None = None
    fields: list[str] | None = None
    extraSeconds: float | None = None


class SandboxSnapshot(CoupangModel):
    """A saved snapshot of the whole sandbox state: its ``name``, when it was saved
    (``createdAt``, real time), the sandbox ``clock`` then, and its size (``tables``, ``rows``,
    compressed ``bytes``)."""

    name: str
    createdAt: datetime
    clock: SandboxClock
    tables: int | None = None
    rows: int | None = None
    bytes: int | None = None


class SandboxSnapshots(CoupangModel):
    """Every saved snapshot, oldest first."""

    snapshots: list[SandboxSnapshot] = []
