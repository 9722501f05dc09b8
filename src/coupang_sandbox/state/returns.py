"""The state of a return receipt (반품 접수, one ``receiptId``), as a transition table.

Statuses are the documented ``ReturnReceiptStatus`` codes plus ``WITHDRAWN`` (the sandbox's
own state of a return the customer withdrew: it vanishes from the lists and is served by the
withdraw history only).

Lifecycle (business rules 5 and 6 of the reference)::

    RELEASE_STOP_UNCHECKED ──already_shipped (completedShipment)──> RETURNS_UNCHECKED
          │   └──stop_shipment (stoppedShipment)──> RETURNS_COMPLETED
          └──withdraw──> WITHDRAWN

    RETURNS_UNCHECKED ──pickup (courier scan, not quick-refundable)──> RETURNS_UNCHECKED
          │  └──quick_refund (courier scan of a quick-refund return)──> RETURNS_COMPLETED
          │  └──receive_confirmation──> VENDOR_WAREHOUSE_CONFIRM
          │  └──receive_and_refund (receiveConfirmation of an untracked quick-refund
          │                         return: refund, approval and completion)──> RETURNS_COMPLETED
          │  └──approve (goods collected, still 반품접수)──> RETURNS_COMPLETED
          └──withdraw (before the courier picks it up)──> WITHDRAWN

    VENDOR_WAREHOUSE_CONFIRM ──approve──> RETURNS_COMPLETED
    VENDOR_WAREHOUSE_CONFIRM, RETURNS_COMPLETED ──request_coupang_check──> REQUEST_COUPANG_CHECK
    REQUEST_COUPANG_CHECK ──coupang_checked──> RETURNS_COMPLETED

The two ``RELEASE_STOP_UNCHECKED`` answers are applied by the order backend (they change the
shipment box too); they are listed here so the whole lifecycle reads in one table.
"""

from __future__ import annotations

from typing import Final

from coupang_sandbox.state.machine import TransitionTable

RELEASE_STOP_UNCHECKED: Final = "RELEASE_STOP_UNCHECKED"
RETURNS_UNCHECKED: Final = "RETURNS_UNCHECKED"
VENDOR_WAREHOUSE_CONFIRM: Final = "VENDOR_WAREHOUSE_CONFIRM"
REQUEST_COUPANG_CHECK: Final = "REQUEST_COUPANG_CHECK"
RETURNS_COMPLETED: Final = "RETURNS_COMPLETED"
WITHDRAWN: Final = "WITHDRAWN"

#: ``ReturnReceiptStatus`` code -> Korean meaning.
STATUS_NAMES: Final[dict[str, str]] = {
    RELEASE_STOP_UNCHECKED: "출고중지요청",
    RETURNS_UNCHECKED: "반품접수",
    VENDOR_WAREHOUSE_CONFIRM: "입고완료",
    REQUEST_COUPANG_CHECK: "쿠팡확인요청",
    RETURNS_COMPLETED: "반품완료",
    WITHDRAWN: "반품철회",
}
ORDER: Final = (
    RELEASE_STOP_UNCHECKED,
    RETURNS_UNCHECKED,
    VENDOR_WAREHOUSE_CONFIRM,
    REQUEST_COUPANG_CHECK,
    RETURNS_COMPLETED,
    WITHDRAWN,
)

#: ``ReturnRequestStatusFilter`` (the list's ``status``) -> receipt statuses it shows. A
#: stop-shipment request (RU) also shows under UC, as the docs say; a return whose goods the
#: seller confirmed (VENDOR_WAREHOUSE_CONFIRM, no filter code of its own) stays under UC
#: until it is completed.
STATUS_FILTERS: Final[dict[str, tuple[str, ...]]] = {
    "RU": (RELEASE_STOP_UNCHECKED,),
    "UC": (RETURNS_UNCHECKED, RELEASE_STOP_UNCHECKED, VENDOR_WAREHOUSE_CONFIRM),
    "CC": (RETURNS_COMPLETED,),
    "PR": (REQUEST_COUPANG_CHECK,),
}

ALREADY_SHIPPED: Final = "already_shipped"
STOP_SHIPMENT: Final = "stop_shipment"
WITHDRAW: Final = "withdraw"
PICKUP: Final = "pickup"
QUICK_REFUND: Final = "quick_refund"
RECEIVE_CONFIRMATION: Final = "receive_confirmation"
RECEIVE_AND_REFUND: Final = "receive_and_refund"
APPROVE: Final = "approve"
REQUEST_COUPANG_CHECK_EVENT: Final = "request_coupang_check"
COUPANG_CHECKED: Final = "coupang_checked"

return_receipt: TransitionTable[str] = TransitionTable(
    "return_receipt",
    {
        (RELEASE_STOP_UNCHECKED, ALREADY_SHIPPED): RETURNS_UNCHECKED,
        (RELEASE_STOP_UNCHECKED, STOP_SHIPMENT): RETURNS_COMPLETED,
        (RELEASE_STOP_UNCHECKED, WITHDRAW): WITHDRAWN,
        (RETURNS_UNCHECKED, PICKUP): RETURNS_UNCHECKED,
        (RETURNS_UNCHECKED, QUICK_REFUND): RETURNS_COMPLETED,
        (RETURNS_UNCHECKED, RECEIVE_CONFIRMATION): VENDOR_WAREHOUSE_CONFIRM,
        (RETURNS_UNCHECKED, RECEIVE_AND_REFUND): RETURNS_COMPLETED,
        (RETURNS_UNCHECKED, APPROVE): RETURNS_COMPLETED,
        (RETURNS_UNCHECKED, WITHDRAW): WITHDRAWN,
        (VENDOR_WAREHOUSE_CONFIRM, APPROVE): RETURNS_COMPLETED,
        (VENDOR_WAREHOUSE_CONFIRM, REQUEST_COUPANG_CHECK_EVENT): REQUEST_COUPANG_CHECK,
        (RETURNS_COMPLETED, REQUEST_COUPANG_CHECK_EVENT): REQUEST_COUPANG_CHECK,
        (REQUEST_COUPANG_CHECK, COUPANG_CHECKED): RETURNS_COMPLETED,
    },
)


def status_name(status: str) -> str:
    """The Korean name of ``status`` (the status itself when it has none)."""
    return STATUS_NAMES.get(status, status)


def allowed_states(event: str) -> list[str]:
    """The states in which ``event`` is allowed, in lifecycle order."""
    return [s for s in ORDER if return_receipt.can(s, event)]


def refusal(receipt_id: int, status: str, event: str) -> str:
    """Why ``event`` is refused: the receipt's state and the states that allow it."""
    allowed = allowed_states(event)
    return (
        f"receiptId {receipt_id} is {status} ({status_name(status)}); "
        f"'{event}' is allowed only in {', '.join(allowed)}"
    )
