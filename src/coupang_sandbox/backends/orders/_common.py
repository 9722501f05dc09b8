"""What the order modules share: the id counters' starts, the split modes, the receipt states,
Coupang's messages, and the small pure helpers over order rows."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from typing import Any, Final

from coupang_sandbox.backends._invoices import RESULT_CODES
from coupang_sandbox.state import orders as st
from coupang_seller.preflight import orders as rules

Row = Mapping[Any, Any]

ORDER_ID_START: Final = 20_000_000_000_001
#: 18 digits, as Coupang's shipmentBoxIds have been since 2024-11.
SHIPMENT_BOX_ID_START: Final = 100_000_000_000_000_001
ORDER_ITEM_ID_START: Final = 1
HISTORY_ID_START: Final = 1
INVOICE_ID_START: Final = 1
RECEIPT_ID_START: Final = 400_000_001

#: Regions of a receiver's postcode: the SDK's remote-area table (one source of truth).
MAINLAND: Final = rules.MAINLAND
JEJU: Final = rules.JEJU
ISLAND: Final = rules.ISLAND

SPLIT_NONE: Final = "NONE"
SPLIT_NORMAL: Final = "NORMAL"
SPLIT_SPLIT: Final = "SPLIT"

RELEASE_STOP_UNCHECKED: Final = "RELEASE_STOP_UNCHECKED"
RETURNS_UNCHECKED: Final = "RETURNS_UNCHECKED"
RETURNS_COMPLETED: Final = "RETURNS_COMPLETED"

MSG_CANNOT_CHANGE = "배송상태를 변경할 수 없습니다. 주문내역을 확인해주세요."
MSG_NO_ORDER = "주문 정보가 없습니다."
MSG_PARTIAL_CANCEL = "부분 취소는 불가능합니다."
MSG_TOO_MANY = "취소 가능한 개수보다 요청한 개수가 더 많습니다."
MSG_NOT_CANCELLABLE = "해당 벤더아이템이 결제완료/상품지시 중 상태가 아닙니다."
MSG_STOPPED = "출고중지완료요청이 성공하였습니다"
MSG_ALREADY_SHIPPED = "이미출고 상태변경이 성공하였습니다."


def region_of(post_code: str | None) -> str:
    """MAINLAND, JEJU (63000-63644) or ISLAND (도서산간): the SDK's table
    (:func:`coupang_seller.preflight.orders.remote_region`)."""
    return rules.remote_region(post_code or "")


def active(item: Row) -> int:
    """Items still to ship (ordered minus cancelled)."""
    return int(item["shipping_count"]) - int(item["cancel_count"])


def safe_number() -> str:
    """A fresh 안심번호 (safe number) for a new order."""
    return f"0502-{secrets.randbelow(9000) + 1000}-{secrets.randbelow(9000) + 1000}"


def shown_status(box: Row) -> str:
    """The delivery status a box shows: a cancelled box keeps the one it had."""
    if box["status"] == st.CANCEL:
        return str(box["status_before_cancel"] or st.ACCEPT)
    return str(box["status"])


def state_message(box: Row, event: str, korean: str = MSG_CANNOT_CHANGE) -> str:
    """Coupang's refusal of ``event`` on ``box``, naming its state and the allowed ones."""
    status = str(box["status"])
    allowed = st.allowed_states(event)
    return (
        f"{korean} (shipmentBoxId {box['shipment_box_id']} is {status} "
        f"({st.status_name(status)}); '{event}' is allowed only in {', '.join(allowed)})"
    )


class BoxRefused(Exception):
    """A box of a bulk action fails with an InvoiceApplyResultCode (nothing changes)."""

    def __init__(self, code: str, detail: str | None = None) -> None:
        text = RESULT_CODES.get(code, (True, code))[1]
        super().__init__(text if detail is None else f"{text} ({detail})")
        self.code = code
        self.message = str(self)
