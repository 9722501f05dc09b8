"""The returns backend's typed arguments (parsed by the routes) and the rows it returns
(rendered by :mod:`coupang_sandbox.views.returns`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy.engine import RowMapping

from coupang_sandbox.backends._ids import parse_id

# -- arguments ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReceiptRef:
    """A receiptId as the caller gave it: parsed (None when it is not an id) and as shown in
    the refusal."""

    receipt_id: int | None
    shown: str

    @classmethod
    def of(cls, value: object) -> ReceiptRef:
        """The reference of a path text or a body value."""
        return cls(parse_id(value), f"{value}")


@dataclass(frozen=True, slots=True)
class DailyQuery:
    """The daily return list (``searchType`` absent): receipts created in ``[start, end]``."""

    vendor_id: str
    cancel: bool
    statuses: Sequence[str] | None
    start: date
    end: date
    order_id: int | None
    after: int | None
    limit: int


@dataclass(frozen=True, slots=True)
class TimeFrameQuery:
    """The ``searchType=timeFrame`` list: receipts created in ``[start, end]`` (minutes)."""

    vendor_id: str
    cancel: bool
    statuses: Sequence[str] | None
    start: datetime
    end: datetime


@dataclass(frozen=True, slots=True)
class Approval:
    """``approval``: ``cancelCount`` as sent (it must equal the receipt's total quantity, a rule
    only the backend can check)."""

    cancel_count: object


@dataclass(frozen=True, slots=True)
class ManualInvoiceInput:
    """A pickup invoice (``return-exchange-invoices/manual``, type RETURN)."""

    receipt: ReceiptRef
    courier: str
    number: str
    reg_number: str | None


@dataclass(frozen=True, slots=True)
class ReturnRequest:
    """The customer asks for a return: quantities per vendorItemId."""

    order_id: int | None
    order_shown: str
    wanted: dict[int, int]
    reason_code: str
    reason_text: str | None


# -- rows -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReturnRow:
    """A return receipt with what its document needs: details (None for a stop-shipment or a
    cancel without them), the order and the items of its shipment box."""

    receipt: RowMapping
    details: RowMapping | None
    order: RowMapping
    items: Sequence[RowMapping]


@dataclass(frozen=True, slots=True)
class FullReturn:
    """A return and its details (the control API's view)."""

    row: ReturnRow
    details: RowMapping


@dataclass(frozen=True, slots=True)
class ReturnPage:
    """A page of the daily list; ``next_after`` is the receiptId the next page starts after."""

    rows: list[ReturnRow]
    next_after: int | None


@dataclass(frozen=True, slots=True)
class Withdrawal:
    """A withdrawn return: its details and its receipt."""

    details: RowMapping
    receipt: RowMapping


@dataclass(frozen=True, slots=True)
class WithdrawalPage:
    """A page of the withdraw history; ``next_index`` is None on the last page."""

    rows: list[Withdrawal]
    next_index: int | None


@dataclass(frozen=True, slots=True)
class PickupInvoice:
    """A pickup invoice the seller registered."""

    courier: str
    number: str
    invoice_id: int
    receipt_id: int
    reg_number: str | None
    return_delivery_id: int


@dataclass(frozen=True, slots=True)
class NewReturn:
    """A receipt the customer's request created (one per shipment box)."""

    receipt_id: int
    shipment_box_id: int
    items: list[dict[str, int]]
    details: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class NewReturns:
    """What a customer's return request created."""

    order_id: int
    vendor_id: str
    receipts: list[NewReturn]


@dataclass(frozen=True, slots=True)
class Withdrawn:
    """A return the customer withdrew, and when."""

    receipt_id: int
    at: datetime


@dataclass(frozen=True, slots=True)
class PickedUp:
    """The courier's pickup scan: the new status and the details after it."""

    receipt_id: int
    status: str
    details: RowMapping


@dataclass(frozen=True, slots=True)
class CoupangStep:
    """A step of Coupang's CS on a return."""

    receipt_id: int
    status: str
