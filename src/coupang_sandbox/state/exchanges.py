"""The state of an exchange request (교환요청, one ``exchangeId``), as transition tables.

Statuses are the documented ``ExchangeStatus`` codes (business rule 7 of the reference)::

    RECEIPT ──confirm_receipt──> PROGRESS ──upload_invoice──> SUCCESS
       │  (seller got the goods back,  │  (invoice on the NEW shipmentBoxId of
       │   collectStatus CompleteCollect)    deliveryInvoiceGroupDtos)
       ├──reject (SOLDOUT | WITHDRAW)──> REJECT <──reject── PROGRESS
       └──withdraw (the customer)─────> CANCEL

A second, smaller table follows the pickup of the returned goods (``collectStatus``,
``ExchangeCollectStatus``): courier scans of the control API move it, the seller's receipt
confirmation completes it from any state still open, a withdrawal ends it.
"""

from __future__ import annotations

from typing import Final

from coupang_sandbox.state.machine import TransitionTable

RECEIPT: Final = "RECEIPT"
PROGRESS: Final = "PROGRESS"
SUCCESS: Final = "SUCCESS"
REJECT: Final = "REJECT"
CANCEL: Final = "CANCEL"

#: ``ExchangeStatus`` code -> Korean meaning (documented).
STATUS_NAMES: Final[dict[str, str]] = {
    RECEIPT: "접수",
    PROGRESS: "진행",
    SUCCESS: "완료",
    REJECT: "불가",
    CANCEL: "철회",
}
STATUSES: Final = (RECEIPT, PROGRESS, SUCCESS, REJECT, CANCEL)

CONFIRM_RECEIPT: Final = "confirm_receipt"
UPLOAD_INVOICE: Final = "upload_invoice"
REJECT_EXCHANGE: Final = "reject"
WITHDRAW: Final = "withdraw"
EVENTS: Final = (CONFIRM_RECEIPT, UPLOAD_INVOICE, REJECT_EXCHANGE, WITHDRAW)

exchange: TransitionTable[str] = TransitionTable(
    "exchange",
    {
        (RECEIPT, CONFIRM_RECEIPT): PROGRESS,
        (PROGRESS, UPLOAD_INVOICE): SUCCESS,
        (RECEIPT, REJECT_EXCHANGE): REJECT,
        (PROGRESS, REJECT_EXCHANGE): REJECT,
        (RECEIPT, WITHDRAW): CANCEL,
    },
)

# -- collectStatus (회수상태) ---------------------------------------------------------------

BEFORE_DIRECTION: Final = "BeforeDirection"
COMPLETE_DIRECTION: Final = "CompleteDirection"
COLLECTING: Final = "Delivering"
COMPLETE_COLLECT: Final = "CompleteCollect"
COLLECT_WITHDRAW: Final = "Withdraw"
COLLECT_STATUSES: Final = (
    BEFORE_DIRECTION, COMPLETE_DIRECTION, COLLECTING, COMPLETE_COLLECT, COLLECT_WITHDRAW,
)  # fmt: skip

PICKUP: Final = "pickup"
ARRIVED: Final = "arrived"
RECEIVED: Final = "received"
COLLECT_CANCELLED: Final = "cancelled"

_OPEN_COLLECT = (BEFORE_DIRECTION, COMPLETE_DIRECTION, COLLECTING)

collect: TransitionTable[str] = TransitionTable(
    "exchange_collect",
    {
        (BEFORE_DIRECTION, PICKUP): COLLECTING,
        (COMPLETE_DIRECTION, PICKUP): COLLECTING,
        (COLLECTING, ARRIVED): COMPLETE_COLLECT,
        **{(s, RECEIVED): COMPLETE_COLLECT for s in (*_OPEN_COLLECT, COMPLETE_COLLECT)},
        **{(s, COLLECT_CANCELLED): COLLECT_WITHDRAW for s in (*_OPEN_COLLECT, COMPLETE_COLLECT)},
    },
)

#: Courier scans of the returned goods (control API) -> collect events.
SCAN_EVENTS: Final[dict[str, str]] = {"PICKUP": PICKUP, "DELIVERED": ARRIVED}

#: ``exchangeRejectCode``: only these two are accepted (documented).
REJECT_CODES: Final[dict[str, str]] = {
    "SOLDOUT": "교환할 수 있지만 아이템이 매진되었습니다",
    "WITHDRAW": "교환요청이 철회되었습니다 (고객님이 요청함)",
}


def status_name(status: str) -> str:
    """The Korean name of ``status`` (the status itself when it has none)."""
    return STATUS_NAMES.get(status, status)


def allowed_states(event: str) -> list[str]:
    """The statuses in which ``event`` is allowed, in lifecycle order."""
    return [s for s in STATUSES if exchange.can(s, event)]


def refusal(exchange_id: int, status: str, event: str) -> str:
    """A refusal naming the current state and the allowed ones."""
    allowed = allowed_states(event)
    return (
        f"exchangeId {exchange_id} is {status} ({status_name(status)}); "
        f"'{event}' is allowed only in {', '.join(allowed)}"
    )
