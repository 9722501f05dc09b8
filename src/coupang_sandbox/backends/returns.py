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
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, Final

from sqlalchemy import Connection
from sqlalchemy.engine import RowMapping

from coupang_sandbox.backends._ids import parse_id
from coupang_sandbox.backends._invoices import MSG_DUPLICATE_INVOICE, invoice_in_use
from coupang_sandbox.backends.orders import RECEIPT_ID_START
from coupang_sandbox.clock import SandboxClock, from_us, to_us
from coupang_sandbox.errors import BadRequest, Conflict, NotFound, ValidationFailed, must_exist
from coupang_sandbox.settings import SandboxSettings
from coupang_sandbox.state import orders as order_st
from coupang_sandbox.state import returns as st
from coupang_sandbox.store import Store, shipping_places
from coupang_sandbox.store import orders as odb
from coupang_sandbox.store import products as product_db
from coupang_sandbox.store import repo as r
from coupang_sandbox.store import returns as db
from coupang_seller._constants import KST
from coupang_seller.preflight import Violation
from coupang_seller.preflight import returns as rules
from coupang_seller.preflight._core import as_int

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


def _refused(receipt: Row, event: str, korean: str) -> BadRequest:
    return BadRequest(
        f"{korean} ({st.refusal(int(receipt['receipt_id']), receipt_status(receipt), event)})"
    )


def receipt_status(receipt: Row) -> str:
    """The ``receiptStatus`` of a receipt (a completed stop-shipment has none of its own)."""
    return str(receipt["receipt_status"] or st.RETURNS_COMPLETED)


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


@dataclass
class Returns:
    store: Store
    clock: SandboxClock
    settings: SandboxSettings

    def _now(self) -> datetime:
        return self.clock.now().astimezone(UTC)

    # -- details ---------------------------------------------------------------------

    def _details(
        self,
        conn: Connection,
        receipt: Row,
        *,
        stage: str,
        reason_text: str | None,
        now: datetime,
    ) -> dict[str, Any]:
        vendor_id = str(receipt["vendor_id"])
        box = odb.box_get(conn, int(receipt["shipment_box_id"]))
        box_id = int(receipt["shipment_box_id"])
        items = odb.items_of_boxes(conn, [box_id])[box_id]
        wanted = {int(i["vendorItemId"]): int(i["count"]) for i in receipt["items"]}
        amount = 0
        methods: set[str] = set()
        product_doc: Mapping[str, Any] = {}
        for item in items:
            count = wanted.get(int(item["vendor_item_id"]))
            if not count:
                continue
            amount += int(item["sales_price"]) * count
            product = product_db.product_get(conn, vendor_id, int(item["seller_product_id"]))
            doc = (product["doc"] if product is not None else None) or {}
            product_doc = product_doc or doc
            methods.add(str(doc.get("deliveryMethod") or "SEQUENCIAL"))
        reason = REASONS.get(str(receipt["reason_code"] or ""))
        fault = "VENDOR" if stage == order_st.INSTRUCT or reason is None else reason[1]
        charge = 0
        if fault == "CUSTOMER":
            charge = as_int(product_doc.get("returnCharge")) or 0
            if box is not None and int(box["shipping_price"]) == 0:
                charge += as_int(product_doc.get("deliveryChargeOnReturn")) or 0
        center_code = product_doc.get("returnCenterCode")
        center = (
            None
            if center_code is None
            else shipping_places.return_get(conn, vendor_id, str(center_code))
        )
        courier = None if center is None else str(center["deliver_code"])
        auto = center is not None and bool(center["usable"]) and courier in AUTO_PICKUP_COURIERS
        due = None
        seconds = self.settings.return_pickup_seconds
        if auto and seconds is not None and receipt["receipt_status"] == st.RETURNS_UNCHECKED:
            due = to_us(now + timedelta(seconds=seconds))
        return {
            "receipt_id": int(receipt["receipt_id"]),
            "vendor_id": vendor_id,
            "order_id": int(receipt["order_id"]),
            "requested_stage": stage,
            "fault_by_type": fault,
            "refund_delivery_duty": DUTY[fault],
            "return_shipping_charge": charge,
            "enclose_price": 0,
            "return_delivery_type": AUTO if auto else MANUAL,
            "auto_pickup": auto,
            "pickup_courier": courier,
            "return_center_code": None if center is None else str(center["code"]),
            "return_delivery_id": r.next_id(conn, "return_delivery", RETURN_DELIVERY_ID_START),
            "quick_refund": bool(methods) and methods <= REGULAR_DELIVERY
            and amount < QUICK_REFUND_LIMIT,
            "pre_refund": False,
            "deliveries": [{"deliveryCompanyCode": courier, "deliveryInvoiceNo": ""}]
            if auto
            else [],
            "reason_text": reason_text,
            "pickup_due_us": due,
            "picked_up_at_us": None,
            "complete_confirm_type": "UNDEFINED",
            "complete_confirm_at_us": None,
            "withdrawn_at_us": None,
        }  # fmt: skip

    def _settle(self, conn: Connection, vendor_id: str | None) -> None:
        """Details of returns the order backend created, then the automatic pickups due."""
        now = self._now()
        for receipt in db.receipts_without_details(conn, vendor_id):
            # A stop-shipment request (asked at INSTRUCT), answered or not.
            db.insert_return(
                conn,
                self._details(
                    conn, receipt, stage=order_st.INSTRUCT, reason_text=None,
                    now=from_us(int(receipt["updated_at_us"])),
                ),
            )  # fmt: skip
        seconds = self.settings.return_pickup_seconds
        if seconds is None:
            return
        now_us = to_us(now)
        self._schedule_converted(conn, vendor_id, seconds)
        for details in db.pickups_due(conn, vendor_id, now_us):
            due = odb.receipt_get(conn, int(details["receipt_id"]), lock=True)
            db.update_return(conn, int(details["receipt_id"]), {"pickup_due_us": None})
            if due is None or due["receipt_status"] != st.RETURNS_UNCHECKED:
                continue
            if details["picked_up_at_us"] is not None:
                continue
            self._pickup(conn, due, details, from_us(int(details["pickup_due_us"])))

    def _schedule_converted(self, conn: Connection, vendor_id: str | None, seconds: float) -> None:
        """Auto-pickup returns that became RETURNS_UNCHECKED after their details were made."""
        for receipt_id, updated in db.unscheduled_auto_pickups(
            conn, vendor_id, st.RETURNS_UNCHECKED
        ):
            due = from_us(int(updated)) + timedelta(seconds=seconds)
            db.update_return(conn, int(receipt_id), {"pickup_due_us": to_us(due)})

    def _pickup(self, conn: Connection, receipt: Row, details: Row, at: datetime) -> str:
        """The courier collects the goods: a quick refund completes the return."""
        receipt_id = int(receipt["receipt_id"])
        quick = bool(details["quick_refund"]) and bool(details["auto_pickup"])
        event = st.QUICK_REFUND if quick else st.PICKUP
        status = st.return_receipt.apply(receipt_status(receipt), event)
        deliveries = [dict(d) for d in details["deliveries"] or []]
        if details["auto_pickup"]:
            number = f"{secrets.randbelow(9 * 10**11) + 10**11}"
            deliveries = [
                {**d, "deliveryInvoiceNo": d.get("deliveryInvoiceNo") or number} for d in deliveries
            ]
        values: dict[str, Any] = {
            "picked_up_at_us": to_us(at),
            "pickup_due_us": None,
            "deliveries": deliveries,
        }
        if quick:
            values["pre_refund"] = True
        db.update_return(conn, receipt_id, values)
        odb.receipt_update(conn, receipt_id, {"receipt_status": status, "updated_at_us": to_us(at)})
        return status

    # -- rows ----------------------------------------------------------------------

    @staticmethod
    def _rows(conn: Connection, receipts: Sequence[RowMapping]) -> list[ReturnRow]:
        if not receipts:
            return []
        details = db.returns_by_ids(conn, [int(x["receipt_id"]) for x in receipts])
        orders = odb.orders_by_ids(conn, list({int(x["order_id"]) for x in receipts}))
        box_ids = list({int(x["shipment_box_id"]) for x in receipts})
        items = odb.items_of_boxes(conn, box_ids)
        return [
            ReturnRow(
                x,
                details.get(int(x["receipt_id"])),
                orders[int(x["order_id"])],
                items[int(x["shipment_box_id"])],
            )
            for x in receipts
        ]

    # -- seller reads ----------------------------------------------------------------

    def list_daily(self, query: DailyQuery) -> ReturnPage:
        """A page of the daily list, by receiptId."""
        vendor_id, start, end = query.vendor_id, query.start, query.end
        begin = datetime(start.year, start.month, start.day, tzinfo=KST)
        stop = datetime(end.year, end.month, end.day, tzinfo=KST) + timedelta(days=1)
        with self.store.engine.begin() as conn:
            self._settle(conn, vendor_id)
            rows, more = db.receipts_page(
                conn,
                vendor_id,
                receipt_types=("CANCEL",) if query.cancel else LISTED_TYPES,
                statuses=query.statuses,
                created_from_us=to_us(begin),
                created_to_us=to_us(stop),
                order_id=query.order_id,
                after_receipt_id=query.after,
                limit=query.limit,
            )
            found = self._rows(conn, rows)
        return ReturnPage(found, int(rows[-1]["receipt_id"]) if more and rows else None)

    def list_time_frame(self, query: TimeFrameQuery) -> list[ReturnRow]:
        """Every receipt created in the window (no paging)."""
        vendor_id, start, end = query.vendor_id, query.start, query.end
        stop = end + (timedelta(minutes=1) if end.second == 0 else timedelta(seconds=1))
        with self.store.engine.begin() as conn:
            self._settle(conn, vendor_id)
            rows, _ = db.receipts_page(
                conn,
                vendor_id,
                receipt_types=("CANCEL",) if query.cancel else LISTED_TYPES,
                statuses=query.statuses,
                created_from_us=to_us(start),
                created_to_us=to_us(stop),
                order_id=None,
                after_receipt_id=None,
                limit=None,
            )
            return self._rows(conn, rows)

    def _receipt(
        self,
        conn: Connection,
        vendor_id: str | None,
        ref: ReceiptRef,
        *,
        lock: bool = False,
        stops: bool = False,
    ) -> RowMapping:
        """A return receipt; ``stops``: also a seller-completed stop-shipment (reads only)."""
        receipt_id = ref.receipt_id
        receipt = (
            None if receipt_id is None else odb.receipt_get(conn, receipt_id, vendor_id, lock=lock)
        )
        if receipt is None or receipt["receipt_type"] not in LISTED_TYPES:
            owner = "" if vendor_id is None else f" of vendor {vendor_id}"
            raise BadRequest(f"{MSG_NO_RECEIPT} (no return receiptId {ref.shown}{owner})")
        if receipt["receipt_type"] == "STOP_SHIPMENT" and not stops:
            raise BadRequest(
                f"처리할 수 없는 상태입니다. (receiptId {receipt['receipt_id']} is a stop-shipment "
                f"the seller's cancel completed ({receipt_status(receipt)}, "
                f"{receipt['release_stop_status']}): there is nothing left to do on it)"
            )
        return receipt

    def get(self, vendor_id: str, ref: ReceiptRef) -> list[ReturnRow]:
        with self.store.engine.begin() as conn:
            self._settle(conn, vendor_id)
            receipt = self._receipt(conn, vendor_id, ref, stops=True)
            if receipt["receipt_status"] == st.WITHDRAWN:
                raise BadRequest(
                    f"{MSG_WITHDRAWN} (receiptId {receipt['receipt_id']} was withdrawn by the "
                    "customer; see returnWithdrawRequests / returnWithdrawList)"
                )
            return self._rows(conn, [receipt])

    # -- seller actions --------------------------------------------------------------

    def receive_confirmation(self, vendor_id: str, ref: ReceiptRef) -> None:
        """The seller confirms the goods arrived (a quick refund also refunds and approves)."""
        now = self._now()
        with self.store.engine.begin() as conn:
            self._settle(conn, vendor_id)
            receipt = self._receipt(conn, vendor_id, ref, lock=True)
            details = must_exist(
                db.get_return(conn, int(receipt["receipt_id"])), "the return receipt"
            )
            # Untracked quick-refund returns: confirmation refunds, approves and completes.
            quick = bool(details["quick_refund"]) and not details["pre_refund"]
            event = st.RECEIVE_AND_REFUND if quick else st.RECEIVE_CONFIRMATION
            if not st.return_receipt.can(receipt_status(receipt), event):
                raise _refused(
                    receipt, st.RECEIVE_CONFIRMATION, "입고확인 처리를 할 수 없는 상태입니다."
                )
            status = st.return_receipt.apply(receipt_status(receipt), event)
            odb.receipt_update(
                conn,
                int(receipt["receipt_id"]),
                {"receipt_status": status, "updated_at_us": to_us(now)},
            )
            db.update_return(
                conn,
                int(receipt["receipt_id"]),
                {
                    "complete_confirm_type": "VENDOR_CONFIRM",
                    "complete_confirm_at_us": to_us(now),
                    "pickup_due_us": None,
                    "picked_up_at_us": details["picked_up_at_us"] or to_us(now),
                },
            )

    def approve(self, vendor_id: str, ref: ReceiptRef, approval: Approval) -> None:
        """The seller approves the return (``cancelCount`` = the total quantity)."""
        now = self._now()
        with self.store.engine.begin() as conn:
            self._settle(conn, vendor_id)
            receipt = self._receipt(conn, vendor_id, ref, lock=True)
            details = must_exist(
                db.get_return(conn, int(receipt["receipt_id"])), "the return receipt"
            )
            status = receipt_status(receipt)
            if not st.return_receipt.can(status, st.APPROVE):
                raise _refused(receipt, st.APPROVE, "반품승인 처리를 할 수 없는 상태입니다.")
            if status == st.RETURNS_UNCHECKED and details["picked_up_at_us"] is None:
                raise BadRequest(
                    f"반품 회수가 완료되지 않았습니다. (receiptId {receipt['receipt_id']} is "
                    f"{status} and the goods were not picked up yet: approve after the pickup, "
                    "or confirm receipt (receiveConfirmation) first)"
                )
            found = rules.check_approval_count(approval.cancel_count, int(receipt["total_count"]))
            if found:
                raise ValidationFailed(found)
            odb.receipt_update(
                conn,
                int(receipt["receipt_id"]),
                {
                    "receipt_status": st.return_receipt.apply(status, st.APPROVE),
                    "updated_at_us": to_us(now),
                },
            )
            values: dict[str, Any] = {"complete_confirm_type": "VENDOR_CONFIRM"}
            if details["complete_confirm_at_us"] is None:
                values["complete_confirm_at_us"] = to_us(now)
            db.update_return(conn, int(receipt["receipt_id"]), values)

    def manual_invoice(self, vendor_id: str, invoice: ManualInvoiceInput) -> PickupInvoice:
        """The seller registers a pickup invoice (before the pickup, while RETURNS_UNCHECKED)."""
        courier, number, reg = invoice.courier, invoice.number, invoice.reg_number
        now = self._now()
        with self.store.engine.begin() as conn:
            self._settle(conn, vendor_id)
            receipt = self._receipt(conn, vendor_id, invoice.receipt, lock=True)
            status = receipt_status(receipt)
            details = must_exist(
                db.get_return(conn, int(receipt["receipt_id"])), "the return receipt"
            )
            if status != st.RETURNS_UNCHECKED or details["picked_up_at_us"] is not None:
                state = status if status != st.RETURNS_UNCHECKED else f"{status}, picked up"
                raise BadRequest(
                    f"회수 송장을 등록할 수 없는 상태입니다. (receiptId {receipt['receipt_id']} is "
                    f"{state}; a pickup invoice is registered only while {st.RETURNS_UNCHECKED} "
                    "(반품접수) before the pickup)"
                )
            self._check_pickup_invoice(conn, courier, number, now)
            invoice_id = r.next_id(conn, "return_invoice", INVOICE_NUMBER_ID_START)
            db.pickup_invoice_insert(
                conn,
                {
                    "id": invoice_id,
                    "vendor_id": vendor_id,
                    "kind": "RETURN",
                    "receipt_id": int(receipt["receipt_id"]),
                    "delivery_company_code": courier,
                    "invoice_number": number,
                    "registered_at_us": to_us(now),
                },
            )
            entry = {
                "deliveryCompanyCode": courier,
                "deliveryInvoiceNo": number,
                "invoiceNumberId": invoice_id,
                "regNumber": reg,
            }
            deliveries = [
                dict(d)
                for d in details["deliveries"] or []
                if d.get("deliveryInvoiceNo") or not details["auto_pickup"]
            ]
            db.update_return(conn, int(receipt["receipt_id"]), {"deliveries": [*deliveries, entry]})
        return PickupInvoice(
            courier=courier,
            number=number,
            invoice_id=invoice_id,
            receipt_id=int(receipt["receipt_id"]),
            reg_number=reg,
            return_delivery_id=int(details["return_delivery_id"]),
        )

    @staticmethod
    def _check_pickup_invoice(conn: Connection, courier: str, number: str, now: datetime) -> None:
        """A pickup invoice number used within six months (by an order invoice or another
        pickup invoice) is refused with the order invoice upload's message."""
        detail = invoice_in_use(conn, courier, number, now, order_id=None)
        if detail is not None:
            raise ValidationFailed(
                [
                    Violation(
                        "invoiceNumber",
                        "invoice_duplicate",
                        f"{MSG_DUPLICATE_INVOICE} ({detail})",
                    )
                ]
            )

    # -- withdraw history ------------------------------------------------------------

    def withdrawals(
        self, vendor_id: str, start: date, end: date, *, page_index: int, size: int
    ) -> WithdrawalPage:
        begin = datetime(start.year, start.month, start.day, tzinfo=KST)
        stop = datetime(end.year, end.month, end.day, tzinfo=KST) + timedelta(days=1)
        with self.store.engine.begin() as conn:
            self._settle(conn, vendor_id)
            rows, more = db.withdrawn_page(
                conn,
                vendor_id,
                from_us=to_us(begin),
                to_us=to_us(stop),
                offset=(page_index - 1) * size,
                limit=size,
            )
            found = [
                Withdrawal(row, self._receipt(conn, None, ReceiptRef.of(row["receipt_id"])))
                for row in rows
            ]
        return WithdrawalPage(found, page_index + 1 if more else None)

    def withdrawals_by_ids(self, vendor_id: str, wanted: Sequence[int]) -> list[Withdrawal]:
        """Withdrawn returns among these receiptIds."""
        with self.store.engine.begin() as conn:
            self._settle(conn, vendor_id)
            rows = db.withdrawn_by_ids(conn, vendor_id, wanted)
            return [
                Withdrawal(row, self._receipt(conn, None, ReceiptRef.of(row["receipt_id"])))
                for row in rows
            ]

    # -- control: the customer -------------------------------------------------------

    @staticmethod
    def _returned(conn: Connection, order_id: int) -> dict[tuple[int, int], int]:
        """Quantities already under return per (shipmentBoxId, vendorItemId)."""
        taken: dict[tuple[int, int], int] = {}
        for receipt in odb.receipts_of_order(conn, order_id):
            if receipt["receipt_type"] != "RETURN" or receipt["receipt_status"] == st.WITHDRAWN:
                continue
            if receipt["release_stop_status"] == "처리(출고중지)":
                continue  # stopped: already counted as cancelled on the order items
            for entry in receipt["items"]:
                key = (int(receipt["shipment_box_id"]), int(entry["vendorItemId"]))
                taken[key] = taken.get(key, 0) + int(entry["count"])
        return taken

    def request_return(self, request: ReturnRequest) -> NewReturns:
        """The customer asks for a return of shipped goods: one receipt per shipment box."""
        wanted = request.wanted
        reason_code, reason_text = request.reason_code, request.reason_text
        now = self._now()
        created: list[NewReturn] = []
        with self.store.engine.begin() as conn:
            order_id = request.order_id
            order = None if order_id is None else odb.order_get(conn, order_id)
            if order is None or order_id is None:
                raise NotFound(f"orderId {request.order_shown} does not exist")
            vendor_id = str(order["vendor_id"])
            self._settle(conn, vendor_id)
            boxes = {
                int(b["shipment_box_id"]): b for b in odb.boxes_of_order(conn, order_id, lock=True)
            }
            items = odb.items_of_order(conn, order_id)
            taken = self._returned(conn, order_id)
            left = dict(wanted)
            for box_id, box in boxes.items():
                part = []
                for item in items:
                    vid = int(item["vendor_item_id"])
                    if int(item["shipment_box_id"]) != box_id or left.get(vid, 0) <= 0:
                        continue
                    status = str(box["status"])
                    if status not in SHIPPED:
                        shown = (
                            str(box["status_before_cancel"] or status)
                            if status == order_st.CANCEL
                            else status
                        )
                        raise Conflict(
                            f"vendorItemId {vid}: shipmentBoxId {box_id} is {shown} "
                            f"({order_st.status_name(shown)}); a return is requested once the "
                            f"order shipped ({', '.join(SHIPPED)}); before that the customer "
                            "cancels (POST /_sandbox/orders/{orderId}/cancel-request)"
                        )
                    free = (
                        int(item["shipping_count"])
                        - int(item["cancel_count"])
                        - taken.get((box_id, vid), 0)
                    )
                    take = min(left[vid], free)
                    if take > 0:
                        part.append({"vendorItemId": vid, "count": take})
                        left[vid] -= take
                        taken[(box_id, vid)] = taken.get((box_id, vid), 0) + take
                if not part:
                    continue
                receipt_id = r.next_id(conn, "order_receipt", RECEIPT_ID_START)
                receipt = {
                    "receipt_id": receipt_id,
                    "vendor_id": vendor_id,
                    "order_id": order_id,
                    "shipment_box_id": box_id,
                    "receipt_type": "RETURN",
                    "receipt_status": st.RETURNS_UNCHECKED,
                    "release_stop_status": "비대상",
                    "items": part,
                    "total_count": sum(p["count"] for p in part),
                    "requester": "CUSTOMER",
                    "reason_code": reason_code,
                    "reason_text": reason_text,
                    "delivery_company_code": None,
                    "invoice_number": None,
                    "created_at_us": to_us(now),
                    "updated_at_us": to_us(now),
                }
                odb.receipt_insert(conn, receipt)
                details = self._details(
                    conn,
                    receipt,
                    stage=str(box["status"]),
                    reason_text=reason_text,
                    now=now,
                )
                db.insert_return(conn, details)
                created.append(NewReturn(receipt_id, box_id, part, details))
            missing = {k: v for k, v in left.items() if v > 0}
            if missing:
                raise Conflict(
                    f"orderId {order_id}: more than what was delivered and not yet returned "
                    f"(left over {missing})"
                )
        return NewReturns(order_id, vendor_id, created)

    def withdraw(self, ref: ReceiptRef) -> Withdrawn:
        now = self._now()
        with self.store.engine.begin() as conn:
            self._settle(conn, None)
            receipt = self._receipt(conn, None, ref, lock=True)
            details = must_exist(
                db.get_return(conn, int(receipt["receipt_id"])), "the return receipt"
            )
            status = receipt_status(receipt)
            if not st.return_receipt.can(status, st.WITHDRAW):
                raise Conflict(
                    f"반품철회를 할 수 없는 상태입니다. "
                    f"({st.refusal(int(receipt['receipt_id']), status, st.WITHDRAW)})"
                )
            if details["picked_up_at_us"] is not None:
                raise Conflict(
                    f"반품철회를 할 수 없는 상태입니다. (receiptId {receipt['receipt_id']}: the "
                    "courier already picked the goods up; a return is withdrawn only before the "
                    "pickup)"
                )
            if status == st.RELEASE_STOP_UNCHECKED:
                self._release_holds(conn, receipt)
            odb.receipt_update(
                conn,
                int(receipt["receipt_id"]),
                {"receipt_status": st.WITHDRAWN, "updated_at_us": to_us(now)},
            )
            db.update_return(
                conn,
                int(receipt["receipt_id"]),
                {"withdrawn_at_us": to_us(now), "pickup_due_us": None},
            )
        return Withdrawn(int(receipt["receipt_id"]), now)

    @staticmethod
    def _release_holds(conn: Connection, receipt: Row) -> None:
        """A withdrawn stop-shipment request frees the quantities it held on the order."""
        box_id = int(receipt["shipment_box_id"])
        items = odb.items_of_boxes(conn, [box_id])[box_id]
        for entry in receipt["items"]:
            left = int(entry["count"])
            for item in items:
                if int(item["vendor_item_id"]) != int(entry["vendorItemId"]) or left <= 0:
                    continue
                hold = int(item["hold_count_for_cancel"])
                take = min(left, hold)
                left -= take
                odb.item_update(conn, int(item["id"]), {"hold_count_for_cancel": hold - take})

    # -- control: the courier and Coupang --------------------------------------------

    def pickup(self, ref: ReceiptRef) -> PickedUp:
        now = self._now()
        with self.store.engine.begin() as conn:
            self._settle(conn, None)
            receipt = self._receipt(conn, None, ref, lock=True)
            details = must_exist(
                db.get_return(conn, int(receipt["receipt_id"])), "the return receipt"
            )
            status = receipt_status(receipt)
            if not st.return_receipt.can(status, st.PICKUP) or details["picked_up_at_us"]:
                state = status if details["picked_up_at_us"] is None else f"{status}, picked up"
                raise Conflict(
                    f"return pickup scan: receiptId {receipt['receipt_id']} is {state} "
                    f"({st.status_name(status)}); allowed only in "
                    f"{', '.join(st.allowed_states(st.PICKUP))} before the pickup"
                )
            if not details["auto_pickup"] and not details["deliveries"]:
                raise Conflict(
                    f"receiptId {receipt['receipt_id']} has no pickup invoice: its return center "
                    "courier is not an auto-pickup courier (ReturnAutoPickupCourierCode), so the "
                    "seller registers one first (return-exchange-invoices/manual)"
                )
            new = self._pickup(conn, receipt, details, now)
            after = must_exist(
                db.get_return(conn, int(receipt["receipt_id"])), "the return receipt"
            )
        return PickedUp(int(receipt["receipt_id"]), new, after)

    def _coupang_step(self, ref: ReceiptRef, event: str) -> CoupangStep:
        now = self._now()
        with self.store.engine.begin() as conn:
            self._settle(conn, None)
            receipt = self._receipt(conn, None, ref, lock=True)
            status = receipt_status(receipt)
            if not st.return_receipt.can(status, event):
                raise Conflict(st.refusal(int(receipt["receipt_id"]), status, event))
            new = st.return_receipt.apply(status, event)
            odb.receipt_update(
                conn,
                int(receipt["receipt_id"]),
                {"receipt_status": new, "updated_at_us": to_us(now)},
            )
            if event == st.COUPANG_CHECKED:
                db.update_return(
                    conn,
                    int(receipt["receipt_id"]),
                    {"complete_confirm_type": "CS_CONFIRM", "complete_confirm_at_us": to_us(now)},
                )
        return CoupangStep(int(receipt["receipt_id"]), new)

    def request_coupang_check(self, ref: ReceiptRef) -> CoupangStep:
        """A dispute: Coupang's CS is asked to check the return."""
        return self._coupang_step(ref, st.REQUEST_COUPANG_CHECK_EVENT)

    def coupang_checked(self, ref: ReceiptRef) -> CoupangStep:
        """Coupang's CS settles the dispute."""
        return self._coupang_step(ref, st.COUPANG_CHECKED)

    def view(self, ref: ReceiptRef) -> FullReturn:
        """Everything about a return, withdrawn or not (the control API)."""
        with self.store.engine.begin() as conn:
            self._settle(conn, None)
            receipt = self._receipt(conn, None, ref)
            row = self._rows(conn, [receipt])[0]
            details = must_exist(
                db.get_return(conn, int(receipt["receipt_id"])), "the return receipt"
            )
        return FullReturn(row, details)
