"""Returns (반품): seller reads and actions, and the customer and courier of the control API.

A return is a receipt of the order store (``sandbox_order_receipts``, type RETURN) plus a row
of details (:mod:`coupang_sandbox.store.returns`). Returns come from two places: the customer
of the control API asks for one after shipping, and the order backend turns a stop-shipment
request the seller answered "already shipped" (``completedShipment``) into one. Details of the
latter are computed lazily on the first read.

Rules (business rules 5-6 of the reference, the return-api docs):

* Who pays the return shipping: the seller (``faultByType`` VENDOR, ``refundDeliveryDuty``
  COM, no charge) when the customer asked while the order was in preparation (INSTRUCT), even
  if it shipped since, or when the VOC reason is the seller's fault; the customer (CUSTOMER /
  CUS, ``returnShippingCharge`` = the product's ``returnCharge``, plus its
  ``deliveryChargeOnReturn`` when the first delivery was free) from Delivery Scheduled
  (DEPARTURE) onwards when the reason is the customer's (change of mind, wrong option, ...).
* Pickup: the courier of the product's return center collects automatically when it is one
  of the auto-pickup couriers (``ReturnAutoPickupCourierCode``: 연동택배) and the center is
  usable; otherwise (no return center, ``NO_RETURN_CENTERCODE``) the seller registers a
  pickup invoice (``return-exchange-invoices/manual``: 수기관리).
* Quick refund (빠른환불): regular delivery (``deliveryMethod`` SEQUENCIAL, so no installation
  or custom-made goods) under 100,000 won. Picked up by an auto-pickup courier, the customer is
  refunded at the pickup scan and the return completes (``preRefund`` true); picked up on a
  manual invoice (untracked), ``receiveConfirmation`` refunds, approves and completes it.
  Other returns: ``receiveConfirmation`` (VENDOR_WAREHOUSE_CONFIRM), then ``approval`` with
  ``cancelCount`` = the total quantity.
* Withdrawal: the customer may withdraw until the courier picks the goods up; the return
  vanishes from the lists and the withdraw history serves it.

Nothing runs in the background: the automatic pickup (``return_pickup_seconds``) is applied
lazily before any read or change of the vendor's returns, stamped with the instant it was due.
This package splits the backend by job: :mod:`.base` (details, automatic pickups, lookups),
:mod:`.seller` (the seller's reads and actions), :mod:`.control` (the customer, the courier and
Coupang's CS), :mod:`.rows` (the typed arguments and the rows).
"""

from __future__ import annotations

from coupang_sandbox.backends.returns._rules import (
    AUTO,
    AUTO_PICKUP_COURIERS,
    DUTY,
    INVOICE_NUMBER_ID_START,
    LISTED_TYPES,
    MANUAL,
    MSG_NO_RECEIPT,
    MSG_WITHDRAWN,
    QUICK_REFUND_LIMIT,
    REASONS,
    REGULAR_DELIVERY,
    RETURN_DELIVERY_ID_START,
    SHIPPED,
    Row,
    receipt_status,
)
from coupang_sandbox.backends.returns.control import ControlOps
from coupang_sandbox.backends.returns.rows import (
    Approval,
    CoupangStep,
    DailyQuery,
    FullReturn,
    ManualInvoiceInput,
    NewReturn,
    NewReturns,
    PickedUp,
    PickupInvoice,
    ReceiptRef,
    ReturnPage,
    ReturnRequest,
    ReturnRow,
    TimeFrameQuery,
    Withdrawal,
    WithdrawalPage,
    Withdrawn,
)
from coupang_sandbox.backends.returns.seller import SellerOps

__all__ = [
    "AUTO",
    "AUTO_PICKUP_COURIERS",
    "DUTY",
    "INVOICE_NUMBER_ID_START",
    "LISTED_TYPES",
    "MANUAL",
    "MSG_NO_RECEIPT",
    "MSG_WITHDRAWN",
    "QUICK_REFUND_LIMIT",
    "REASONS",
    "REGULAR_DELIVERY",
    "RETURN_DELIVERY_ID_START",
    "SHIPPED",
    "Approval",
    "CoupangStep",
    "DailyQuery",
    "FullReturn",
    "ManualInvoiceInput",
    "NewReturn",
    "NewReturns",
    "PickedUp",
    "PickupInvoice",
    "ReceiptRef",
    "ReturnPage",
    "ReturnRequest",
    "ReturnRow",
    "Returns",
    "Row",
    "TimeFrameQuery",
    "Withdrawal",
    "WithdrawalPage",
    "Withdrawn",
    "receipt_status",
]


class Returns(SellerOps, ControlOps):
    """The returns backend (built on the sandbox's store, clock and settings)."""
