"""Invoice numbers (송장번호) shared by orders, returns and exchanges: Coupang's result codes of
an invoice upload, the courier names, and the six-month duplicate rule
(:func:`invoice_in_use`) that order invoices and pickup invoices share."""

from __future__ import annotations

from datetime import datetime
from typing import Final

from sqlalchemy import Connection

from coupang_sandbox.clock import from_us, to_us
from coupang_sandbox.kst import kst_day
from coupang_sandbox.store import orders as db
from coupang_seller.preflight import orders as rules

#: InvoiceApplyResultCode -> (retryRequired, Coupang's text).
RESULT_CODES: Final[dict[str, tuple[bool, str]]] = {
    "OK": (False, "성공"),
    "NOT_FOUND_SHIPMENT_BOX": (False, "존재하지 않는 송장번호입니다."),
    "INVALID_STATUS": (False, "배송진행상태가 유효하지 않습니다."),
    "PERMISSION_DENIED": (True, "권한이 없습니다."),
    "DUPLICATE_INVOICE_NUMBER": (True, "이미 저장된 송장번호가 있습니다."),
    "INVALID_INVOICE_NUMBER": (True, "송장번호가 유효하지 않습니다."),
    "ORDER_DELIVERY_CANCELED": (False, "취소된 주문건입니다."),
    "ORDER_DELIVERY_PARTIAL_STOP_REQUESTED": (True, "출고중지 요청건입니다."),
    "NOT_FOUND_INVOICE_NUMBER": (
        False,
        "이미 출고 예정일이 등록된 상품이어서 운송장 번호를 입력하셔야 합니다.",
    ),
    "NOT_FOUND_VENDOR_ITEM": (False, "합포장건 중 누락된 상품이 있습니다."),
    "NOT_ALLOW_VENDOR_DIRECT": (False, "업체직송은 분리배송 할 수 없습니다."),
    "PSD_NOT_ALLOW_TO_CHANGE": (False, "출고예정일은 최초 등록 이후 변경 할 수 없습니다."),
    "NOT_ALLOW_SEPARATE_AFTER_NORMAL_DELIVERY": (
        False,
        "일반배송 접수 후 분리배송을 다시 할 수 없습니다.",
    ),
    "IS_SEPARATE_MUST_BE_TRUE_WHEN_SEPARATE_DELIVERY": (
        False,
        "분리배송 접수 후 일반배송으로 처리 할 수 없습니다. 분리배송 여부를 Y로 수정하시기 바랍니다.",
    ),
    "NOT_ALLOW_SEPARATE_WHEN_ONE_VENDOR_ITEM": (
        False,
        "상품이 한가지인 경우 분리배송 할 수 없습니다.",
    ),
}

#: Coupang's refusal of an invoice number already used (order invoices and pickup invoices).
MSG_DUPLICATE_INVOICE: Final = RESULT_CODES["DUPLICATE_INVOICE_NUMBER"][1]

#: Courier code (deliveryCompanyCode) -> the name Coupang shows (deliveryCompanyName).
COURIER_NAMES: Final[dict[str, str]] = {
    "HYUNDAI": "롯데택배",
    "KGB": "로젠택배",
    "EPOST": "우체국",
    "HANJIN": "한진택배",
    "CJGLS": "CJ 대한통운",
    "KDEXP": "경동택배",
    "ILYANG": "일양택배",
    "CHUNIL": "천일택배",
    "DAESIN": "대신택배",
    "CVS": "CVS택배",
    "HDEXP": "합동택배",
    "DIRECT": "업체직송",
    "COUPANG": "쿠팡자체배송",
}


def invoice_in_use(
    conn: Connection, courier: str, number: str, now: datetime, *, order_id: int | None
) -> str | None:
    """Why ``courier`` + ``number`` cannot be used now, or None when it can; the number stays
    locked until the caller's transaction ends (:func:`~coupang_sandbox.store.orders.invoice_claim`).

    Taken within six months (:func:`~coupang_seller.preflight.orders.invoice_duplicate_cutoff`):
    by an order invoice of another order (``order_id`` None: of any order) or by a pickup
    invoice a seller registered (``return-exchange-invoices/manual``). ``DIRECT`` (업체직송) is
    never tracked, so never a duplicate.
    """
    from coupang_sandbox.store import returns as return_db  # the table registers on import

    if courier == rules.DIRECT:
        return None
    # Every caller writes the number next, in this transaction: lock it first (other processes'
    # uses of the same number wait here, then see this one).
    db.invoice_claim(conn, courier, number, to_us(now))
    cutoff = to_us(rules.invoice_duplicate_cutoff(now))
    for use in db.invoice_uses(conn, courier, number, cutoff):
        if order_id is None or int(use["order_id"]) != order_id:
            owner = "another order" if order_id is not None else f"orderId {use['order_id']}"
            return (
                f"{courier} {number} was uploaded for {owner} "
                f"on {kst_day(from_us(int(use['uploaded_at_us'])))}; an invoice number cannot "
                "be reused within 6 months (DIRECT is the fallback: no tracking)"
            )
    for pickup in return_db.pickup_invoice_uses(conn, courier, number, cutoff):
        return (
            f"{courier} {number} is the pickup invoice (회수 송장) of receiptId "
            f"{pickup['receipt_id']} since {kst_day(from_us(int(pickup['registered_at_us'])))}; "
            "an invoice number cannot be reused within 6 months"
        )
    return None
