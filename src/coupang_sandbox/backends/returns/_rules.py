"""The returns backend's constants (couriers, reasons, ids) and its small shared rules."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from coupang_sandbox.errors import BadRequest
from coupang_sandbox.state import orders as order_st
from coupang_sandbox.state import returns as st

Row = Mapping[Any, Any]

RETURN_DELIVERY_ID_START: Final = 30_000_001
INVOICE_NUMBER_ID_START: Final = 26_000_001
QUICK_REFUND_LIMIT: Final = 100_000
#: ``ReturnAutoPickupCourierCode``: couriers that collect returns automatically.
AUTO_PICKUP_COURIERS: Final[dict[str, str]] = {
    "HYUNDAI": "롯데택배",
    "KGB": "로젠택배",
    "EPOST": "우체국",
    "HANJIN": "한진택배",
    "CJGLS": "CJ대한통운",
    "ILYANG": "일양택배",
}
#: ``deliveryMethod`` of regular delivery (일반배송); MAKE_ORDER (주문제작) and VENDOR_DIRECT
#: (설치배송/직접전달) are excluded from quick refund.
REGULAR_DELIVERY: Final = frozenset({"SEQUENCIAL"})
AUTO: Final = "연동택배"
MANUAL: Final = "수기관리"
SHIPPED: Final = (
    order_st.DEPARTURE,
    order_st.DELIVERING,
    order_st.FINAL_DELIVERY,
    order_st.NONE_TRACKING,
)

#: VocReasonCode -> (Korean text, fault type, cancelReasonCategory1).
REASONS: Final[dict[str, tuple[str, str, str]]] = {
    "CHANGEMIND": ("필요 없어짐 (단순 변심)", "CUSTOMER", "고객변심"),
    "DIFFERENTOPT": ("색상/ 사이즈가 기대와 다름", "CUSTOMER", "고객변심"),
    "CHEAPER": ("다른 사이트의 가격이 더 저렴함", "CUSTOMER", "고객변심"),
    "WRONGOPT": ("상품의 옵션 선택을 잘못함", "CUSTOMER", "고객변심"),
    "REORDER": ("상품을 추가하여 재주문", "CUSTOMER", "고객변심"),
    "OTHERS": ("기타", "CUSTOMER", "고객변심"),
    "WRONGADDRESS": ("배송지 입력 실수", "CUSTOMER", "고객변심"),
    "DELIVERYLATER": ("배송 예정일이 예상보다 늦음", "VENDOR", "배송문제"),
    "DELIVERYSTOP": ("배송흐름이 멈춤", "VENDOR", "배송문제"),
    "CARRIERLOST": ("택배사 상품 분실", "VENDOR", "배송문제"),
    "LOST": ("배송 완료지만 상품 받지 못함", "VENDOR", "배송문제"),
    "PARTIALMISS": ("주문상품 중 일부가 배송되지 않음", "VENDOR", "배송문제"),
    "LATEDELIVERED": ("상품이 늦게 배송됨", "VENDOR", "배송문제"),
    "COMPOMISS": ("상품의 구성품, 부속품이 제대로 들어있지 않음", "VENDOR", "상품불량"),
    "DAMAGED": ("상품이 파손되어 배송됨", "VENDOR", "상품불량"),
    "DEFECT": ("상품 결함/기능에 이상이 있음", "VENDOR", "상품불량"),
    "INACCURATE": ("실제 상품이 상품 설명에 써있는 것과 다름", "VENDOR", "상품불량"),
    "BOTHDAMAGED": ("포장과 상품 모두 훼손됨", "VENDOR", "상품불량"),
    "SHIPBOXOK": ("포장은 괜찮으나 상품이 파손됨", "VENDOR", "상품불량"),
    "WRONGDELIVERY": ("내가 주문한 상품과 아예 다른 상품이 배송됨", "VENDOR", "오배송"),
    "WRONGSIZECOL": ("내가 주문한 상품과 다른 색상/ 사이즈의 상품이 배송됨", "VENDOR", "오배송"),
}
DUTY: Final[dict[str, str]] = {"VENDOR": "COM", "CUSTOMER": "CUS", "COUPANG": "COU"}

#: Receipt types the return lists serve: returns (stop-shipment requests included) and the
#: stop-shipments the seller's own cancel at INSTRUCT completed (``STOP_SHIPMENT``: served as
#: ``receiptType`` RETURN, the only ``ReturnReceiptType``, RETURNS_COMPLETED, 처리(출고중지)).
LISTED_TYPES: Final = ("RETURN", "STOP_SHIPMENT")

MSG_NO_RECEIPT = "취소(반품)접수 정보가 없습니다."
MSG_WITHDRAWN = "고객이 철회한 반품입니다."


def refused(receipt: Row, event: str, korean: str) -> BadRequest:
    """The 400 for ``event`` refused on ``receipt`` in its state, Korean text first."""
    return BadRequest(
        f"{korean} ({st.refusal(int(receipt['receipt_id']), receipt_status(receipt), event)})"
    )


def receipt_status(receipt: Row) -> str:
    """The ``receiptStatus`` of a receipt (a completed stop-shipment has none of its own)."""
    return str(receipt["receipt_status"] or st.RETURNS_COMPLETED)
