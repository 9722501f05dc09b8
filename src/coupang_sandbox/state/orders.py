"""The delivery state of a shipment box (발주서, one ``shipmentBoxId``), as a transition table.

Statuses are the documented ``OrderSheetStatus`` codes plus ``CANCEL`` (the sandbox's own state
of a box whose every item was cancelled: at ACCEPT by an immediate cancel, at INSTRUCT by a
completed stop-shipment). A cancelled box keeps the delivery status it had in
``status_before_cancel`` and is shown with it (its items carry ``canceled: true``); the order
lists leave it out.

Lifecycle (business rules 1, 3 and 5 of the reference)::

    ACCEPT ──acknowledge──> INSTRUCT ──upload_invoice──────> DEPARTURE ──pickup──> DELIVERING
      │                        │  └──upload_invoice_direct──> NONE_TRACKING            │
      │                        │  └──already_shipped (stop-shipment answered: shipped) │
      └──cancel──> CANCEL <────┴──stop_shipment (every item stopped)                   │
                                                                                       v
    DEPARTURE ──delivered──> FINAL_DELIVERY <──delivered── DELIVERING (in_transit keeps it)

    update_invoice: DEPARTURE, DELIVERING, FINAL_DELIVERY, NONE_TRACKING -> DEPARTURE
                    (``update_invoice_direct`` -> NONE_TRACKING: DIRECT is never tracked)
    complete_long_undelivered: DELIVERING, NONE_TRACKING -> FINAL_DELIVERY
                    (INSTRUCT and DEPARTURE refused: 배송완료 처리 실패. 배송상태: ...)
"""

from __future__ import annotations

from typing import Final

from coupang_sandbox.state.machine import TransitionTable

ACCEPT: Final = "ACCEPT"
INSTRUCT: Final = "INSTRUCT"
DEPARTURE: Final = "DEPARTURE"
DELIVERING: Final = "DELIVERING"
FINAL_DELIVERY: Final = "FINAL_DELIVERY"
NONE_TRACKING: Final = "NONE_TRACKING"
CANCEL: Final = "CANCEL"

#: ``OrderSheetStatus`` code -> Korean meaning (``deliveryStatusDesc``).
STATUS_NAMES: Final[dict[str, str]] = {
    ACCEPT: "결제완료",
    INSTRUCT: "상품준비중",
    DEPARTURE: "배송지시",
    DELIVERING: "배송중",
    FINAL_DELIVERY: "배송완료",
    NONE_TRACKING: "업체 직접 배송(배송 연동 미적용), 추적불가",
    CANCEL: "주문취소",
}
#: The statuses the list's ``status`` filter takes (documented).
LISTABLE: Final = (ACCEPT, INSTRUCT, DEPARTURE, DELIVERING, FINAL_DELIVERY, NONE_TRACKING)

ACKNOWLEDGE: Final = "acknowledge"
UPLOAD_INVOICE: Final = "upload_invoice"
UPLOAD_INVOICE_DIRECT: Final = "upload_invoice_direct"
UPDATE_INVOICE: Final = "update_invoice"
UPDATE_INVOICE_DIRECT: Final = "update_invoice_direct"
PICKUP: Final = "pickup"
IN_TRANSIT: Final = "in_transit"
DELIVERED: Final = "delivered"
COMPLETE_LONG_UNDELIVERED: Final = "complete_long_undelivered"
CANCEL_ORDER: Final = "cancel"
STOP_SHIPMENT: Final = "stop_shipment"
ALREADY_SHIPPED: Final = "already_shipped"
ALREADY_SHIPPED_DIRECT: Final = "already_shipped_direct"

_INVOICED = (DEPARTURE, DELIVERING, FINAL_DELIVERY, NONE_TRACKING)

shipment_box: TransitionTable[str] = TransitionTable(
    "shipment_box",
    {
        (ACCEPT, ACKNOWLEDGE): INSTRUCT,
        (INSTRUCT, UPLOAD_INVOICE): DEPARTURE,
        (INSTRUCT, UPLOAD_INVOICE_DIRECT): NONE_TRACKING,
        **{(state, UPDATE_INVOICE): DEPARTURE for state in _INVOICED},
        **{(state, UPDATE_INVOICE_DIRECT): NONE_TRACKING for state in _INVOICED},
        (DEPARTURE, PICKUP): DELIVERING,
        (DEPARTURE, IN_TRANSIT): DELIVERING,
        (DELIVERING, PICKUP): DELIVERING,
        (DELIVERING, IN_TRANSIT): DELIVERING,
        (DEPARTURE, DELIVERED): FINAL_DELIVERY,
        (DELIVERING, DELIVERED): FINAL_DELIVERY,
        (DELIVERING, COMPLETE_LONG_UNDELIVERED): FINAL_DELIVERY,
        (NONE_TRACKING, COMPLETE_LONG_UNDELIVERED): FINAL_DELIVERY,
        (ACCEPT, CANCEL_ORDER): CANCEL,
        (INSTRUCT, STOP_SHIPMENT): CANCEL,
        (INSTRUCT, ALREADY_SHIPPED): DEPARTURE,
        (INSTRUCT, ALREADY_SHIPPED_DIRECT): NONE_TRACKING,
    },
)

#: Courier scan events of the control API -> machine events.
SCAN_EVENTS: Final[dict[str, str]] = {
    "PICKUP": PICKUP,
    "IN_TRANSIT": IN_TRANSIT,
    "DELIVERED": DELIVERED,
}


def status_name(status: str) -> str:
    """The Korean name of ``status`` (the status itself when it has none)."""
    return STATUS_NAMES.get(status, status)


def allowed_states(event: str) -> list[str]:
    """The states in which ``event`` is allowed, in lifecycle order."""
    order = [*LISTABLE, CANCEL]
    return [s for s in order if shipment_box.can(s, event)]
