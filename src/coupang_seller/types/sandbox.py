"""What the sandbox's control API (``/_sandbox``, ``client.sandbox``) answers.

Field names are the sandbox's (Coupang's where the answer mirrors a seller-API document);
unknown fields are kept, like every other SDK model, so a field the sandbox adds tomorrow
is readable today (``model.model_extra``).
"""

from __future__ import annotations

from collections.abc import Mapping
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
    "RequestLogCount",
    "RequestLogEntry",
    "RequestLogPage",
    "RequestedReturn",
    "RequestedReturns",
    "ReturnPickup",
    "ReturnStepResult",
    "ReviewedItem",
    "SandboxClock",
    "SandboxCoupon",
    "SandboxFault",
    "SandboxHealth",
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
    "request_line",
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


def _size(count: int) -> str:
    return f"{count} B" if count < 10_000 else f"{count / 1024:.0f} KiB"


def request_line(entry: Mapping[str, Any]) -> str:
    """One logged request as a readable line (``coupang-seller sandbox logs``, and what
    ``sandbox serve --access-log`` prints), from its JSON (``GET /_sandbox/requests``):

    ``2024-05-01T09:30:00.123Z #42 400 POST /v2/...?a=1 A00012345 3.1 ms 120 B>340 B
    refused orderId [required]: orderId: is required``
    """
    time_text = str(entry.get("time") or "")
    if len(time_text) > 24 and time_text.endswith("Z"):  # microseconds -> milliseconds
        time_text = time_text[:23] + "Z"
    seq = entry.get("seq")
    status = entry.get("status")
    target = str(entry.get("path") or "")
    if entry.get("query"):
        target += f"?{entry['query']}"
    caller = entry.get("vendorId") or (
        f"key={entry['accessKey']}" if entry.get("accessKey") else "-"
    )
    parts = [
        time_text,
        "-" if seq is None else f"#{seq}",
        "---" if status is None else str(status),
        str(entry.get("method") or ""),
        target,
        str(caller),
        f"{float(entry.get('latencyMs') or 0):.1f} ms",
        f"{_size(int(entry.get('bytesIn') or 0))}>{_size(int(entry.get('bytesOut') or 0))}",
    ]
    if entry.get("reason") or entry.get("field") or entry.get("rule"):
        where = " ".join(
            str(x) for x in (entry.get("field"), entry.get("rule") and f"[{entry['rule']}]") if x
        )
        reason = str(entry.get("reason") or "")
        parts.append(f"refused {where}: {reason}" if where else f"refused: {reason}")
    if entry.get("fault"):
        parts.append(f"fault={entry['fault']}")
    return " ".join(parts)


class RequestLogEntry(CoupangModel):
    """One request to the signed API as the sandbox's request log recorded it: when, the
    request line, the caller (``vendorId`` once the signature was accepted, else the
    ``accessKey`` it named), the answer's ``status`` (``None``: the connection was dropped),
    latency and sizes, the refusal (``field``, ``rule``, ``reason``) and the injected
    ``fault``. Never the signature, the secret or the bodies."""

    seq: int
    time: datetime
    method: str
    path: str
    query: str = ""
    vendorId: str | None = None
    accessKey: str | None = None
    status: int | None = None
    latencyMs: float = 0.0
    bytesIn: int = 0
    bytesOut: int = 0
    field: str | None = None
    rule: str | None = None
    reason: str | None = None
    fault: str | None = None

    def line(self) -> str:
        """This request as one readable line (:func:`request_line`)."""
        return request_line(self.model_dump(mode="json"))


class RequestLogPage(CoupangModel):
    """A page of the request log, oldest first, and ``last``: the ``seq`` to pass as
    ``since`` to read on from (follow the log by polling with it)."""

    requests: list[RequestLogEntry] = []
    last: int = 0


class RequestLogCount(CoupangModel):
    """How many logged requests match (``count``) and the newest ``seq`` (``last``)."""

    count: int
    last: int = 0


class SandboxHealth(CoupangModel):
    """The sandbox's health: ``status`` ("ok"), its ``version``, the ``store`` (a URL without
    its password), the ``vendors`` in it (ids) and the ``clock``."""

    status: str
    version: str
    store: str
    vendors: list[str] = []
    clock: SandboxClock | None = None


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
