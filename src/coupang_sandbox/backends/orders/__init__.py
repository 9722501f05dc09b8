"""Orders (주문) and shipment boxes (발주서): seller reads and actions, and the customer and
courier of the control API.

Every operation loads rows, applies a rule (the pure functions of
:mod:`coupang_seller.preflight.orders`, shared with the SDK, and the transition table of
:mod:`coupang_sandbox.state.orders`) and persists, in one transaction. The routes parse the
requests into the frozen dataclasses declared here; :mod:`coupang_sandbox.views.orders` renders
the rows the backend returns.

The backend is split by job, one mixin per module over :class:`~._base.OrdersBase`:
:mod:`.reads` (lists, one sheet, by order, history, the control API's order view),
:mod:`.acknowledgement` (acknowledgement, invoice upload and update, long-undelivered),
:mod:`.cancellations` (the seller's cancel, the stop-shipment answers, the customer's cancel
request) and :mod:`.simulation` (the customer places orders and edits the address, the courier
scans). :class:`Orders` is all of them.

Time is the sandbox clock. Nothing runs in the background: an order becomes visible to the
seller once ``paid + order_visible_after_seconds`` has passed (a filter of every seller read),
the safe numbers read as expired ``safe_number_ttl_seconds`` after delivery (computed when
read), and the automatic courier scans (``courier_pickup_seconds`` /
``courier_delivery_seconds``, off by default) are applied lazily before any read or change of
the vendor's boxes, stamped with the instant they were due.

Bulk actions (acknowledgement, invoice upload and update) answer per ``shipmentBoxId`` inside
HTTP 200 (``responseCode`` 0 / 1 / 99), never all-or-nothing; a box that fails changes
nothing.
"""

from __future__ import annotations

from coupang_sandbox.backends.orders._common import (
    HISTORY_ID_START,
    INVOICE_ID_START,
    ISLAND,
    JEJU,
    MAINLAND,
    ORDER_ID_START,
    ORDER_ITEM_ID_START,
    RECEIPT_ID_START,
    RELEASE_STOP_UNCHECKED,
    RETURNS_COMPLETED,
    RETURNS_UNCHECKED,
    SHIPMENT_BOX_ID_START,
    SPLIT_NONE,
    SPLIT_NORMAL,
    SPLIT_SPLIT,
    BoxRefused,
    active,
    region_of,
    shown_status,
)
from coupang_sandbox.backends.orders.acknowledgement import (
    Acknowledgement,
    BoxRef,
    BoxResult,
    BulkResult,
    InvoiceBox,
    InvoiceLine,
    LongUndelivered,
)
from coupang_sandbox.backends.orders.cancellations import (
    CancelInput,
    Cancellations,
    CancelOutcome,
    CancelReceipt,
    CustomerCancel,
    CustomerCancelled,
    CustomerReceipt,
    ShippedAnswer,
    StopAnswer,
)
from coupang_sandbox.backends.orders.reads import (
    BoxHistory,
    DailyQuery,
    OrderView,
    Reads,
    SheetPage,
    SheetRow,
    TimeFrameQuery,
)
from coupang_sandbox.backends.orders.simulation import (
    AddressChange,
    AddressChanged,
    Placed,
    PlacedBox,
    PlaceOrder,
    Receiver,
    Scan,
    Scanned,
    Simulation,
)


class Orders(Reads, Acknowledgement, Cancellations, Simulation):
    """The orders backend: ``Orders(store, clock, settings)``, every job of the group."""


__all__ = [
    "HISTORY_ID_START", "INVOICE_ID_START", "ISLAND", "JEJU", "MAINLAND", "ORDER_ID_START",
    "ORDER_ITEM_ID_START", "RECEIPT_ID_START", "RELEASE_STOP_UNCHECKED", "RETURNS_COMPLETED",
    "RETURNS_UNCHECKED", "SHIPMENT_BOX_ID_START", "SPLIT_NONE", "SPLIT_NORMAL", "SPLIT_SPLIT",
    "AddressChange", "AddressChanged", "BoxHistory", "BoxRef", "BoxRefused", "BoxResult",
    "BulkResult", "CancelInput", "CancelOutcome", "CancelReceipt", "CustomerCancel",
    "CustomerCancelled", "CustomerReceipt", "DailyQuery", "InvoiceBox", "InvoiceLine",
    "LongUndelivered", "OrderView", "Orders", "PlaceOrder", "Placed", "PlacedBox", "Receiver",
    "Scan", "Scanned", "SheetPage", "SheetRow", "ShippedAnswer", "StopAnswer", "TimeFrameQuery",
    "active", "region_of", "shown_status",
]  # fmt: skip
