"""Cancellations: the seller's cancel (at ACCEPT the whole order, at INSTRUCT a stop-shipment),
the seller's answers to a stop-shipment request (stopped, or already shipped), and the
customer's cancel request of the control API."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.engine import RowMapping

from coupang_sandbox.backends._ids import parse_id
from coupang_sandbox.backends.orders._base import OrdersBase
from coupang_sandbox.backends.orders._common import (
    MSG_NO_ORDER,
    MSG_NOT_CANCELLABLE,
    MSG_PARTIAL_CANCEL,
    MSG_TOO_MANY,
    RECEIPT_ID_START,
    RELEASE_STOP_UNCHECKED,
    RETURNS_COMPLETED,
    RETURNS_UNCHECKED,
    BoxRefused,
    Row,
    active,
    shown_status,
    state_message,
)
from coupang_sandbox.clock import to_us
from coupang_sandbox.errors import (
    BadRequest,
    Conflict,
    TransitionNotAllowed,
    ValidationFailed,
    must_exist,
)
from coupang_sandbox.state import orders as st
from coupang_sandbox.store import orders as db
from coupang_sandbox.store import repo
from coupang_seller.preflight import Violation
from coupang_seller.preflight import orders as rules


@dataclass(frozen=True, slots=True)
class StopAnswer:
    """``stoppedShipment``: the count the seller stopped (``cancel_count_repr`` is how it was
    written, quoted by the refusal)."""

    cancel_count: int | None
    cancel_count_repr: str


@dataclass(frozen=True, slots=True)
class ShippedAnswer:
    """``completedShipment``: the invoice the box already left with (checked by the route)."""

    courier: str
    invoice_number: str


@dataclass(frozen=True, slots=True)
class CancelInput:
    """The seller's cancel of ``order_id``: ``(vendorItemId, count)`` pairs, checked by the
    route."""

    order_id: int
    lines: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class CancelReceipt:
    """The receipt a seller's cancel created (``receiptMap``)."""

    receipt_id: int
    receipt_type: str
    vendor_item_ids: list[int]
    total_count: int


@dataclass(frozen=True, slots=True)
class CancelOutcome:
    """A seller's cancel: the receipt (None when nothing was cancelled) and the items that
    failed with Coupang's reason, under a request number."""

    request_no: str
    order_id: int
    receipt: CancelReceipt | None
    failed: list[tuple[int, str]]

    @property
    def code(self) -> str:
        """SUCCESS, PARTIAL (some items failed) or FAIL (nothing cancelled)."""
        if self.receipt is None:
            return "FAIL"
        return "PARTIAL" if self.failed else "SUCCESS"


@dataclass(frozen=True, slots=True)
class CustomerCancel:
    """The customer's cancel request: a VOC reason code and ``(vendorItemId, count)`` pairs
    (None: everything left; empty: nothing)."""

    reason_code: str
    items: tuple[tuple[int, int], ...] | None


@dataclass(frozen=True, slots=True)
class CustomerReceipt:
    """A receipt of the customer's cancel: CANCEL (immediate, ``receipt_status`` None) or a
    RETURN waiting as RELEASE_STOP_UNCHECKED (a stop-shipment request)."""

    receipt_id: int
    receipt_type: str
    receipt_status: str | None
    shipment_box_id: int


@dataclass(frozen=True, slots=True)
class CustomerCancelled:
    """The receipts of the customer's cancel request."""

    order_id: int
    receipts: list[CustomerReceipt]


@dataclass
class _Sorted:
    """The seller's cancel lines sorted by what can happen to them."""

    failed: list[tuple[int, str]]
    accepted: list[tuple[int, int]]
    instructed: list[tuple[int, int]]


class Cancellations(OrdersBase):
    """The seller's cancel and stop-shipment answers, and the customer's cancel request."""

    # -- shared -----------------------------------------------------------------------

    def _cancel_items(
        self, conn: Connection, box: Row, wanted: Iterable[Mapping[str, Any]], *, held: bool
    ) -> None:
        box_id = int(box["shipment_box_id"])
        items = db.items_of_boxes(conn, [box_id])[box_id]
        for entry in wanted:
            remaining = int(entry["count"])
            for item in items:
                if int(item["vendor_item_id"]) != int(entry["vendorItemId"]) or remaining <= 0:
                    continue
                take = min(remaining, active(item))
                remaining -= take
                hold = int(item["hold_count_for_cancel"])
                db.item_update(
                    conn,
                    int(item["id"]),
                    {
                        "cancel_count": int(item["cancel_count"]) + take,
                        "hold_count_for_cancel": max(0, hold - take) if held else hold,
                    },
                )

    def _close_if_cancelled(self, conn: Connection, box: Row, event: str, now: datetime) -> None:
        box_id = int(box["shipment_box_id"])
        items = db.items_of_boxes(conn, [box_id])[box_id]
        if all(active(i) <= 0 for i in items):
            self._move(conn, box, event, now)

    def _receipt(
        self,
        conn: Connection,
        *,
        box: Row,
        kind: tuple[str, str | None, str],
        items: Sequence[Mapping[str, Any]],
        requester: tuple[str, str | None],
        now: datetime,
    ) -> int:
        """A new receipt of ``box``: ``kind`` is (type, status, release-stop status),
        ``requester`` is (who, reason code)."""
        receipt_type, status, release = kind
        receipt_id = repo.next_id(conn, "order_receipt", RECEIPT_ID_START)
        db.receipt_insert(
            conn,
            {
                "receipt_id": receipt_id,
                "vendor_id": str(box["vendor_id"]),
                "order_id": int(box["order_id"]),
                "shipment_box_id": int(box["shipment_box_id"]),
                "receipt_type": receipt_type,
                "receipt_status": status,
                "release_stop_status": release,
                "items": [dict(i) for i in items],
                "total_count": sum(int(i["count"]) for i in items),
                "requester": requester[0],
                "reason_code": requester[1],
                "reason_text": None,
                "created_at_us": to_us(now),
                "updated_at_us": to_us(now),
            },
        )
        return receipt_id

    # -- stop-shipment answers --------------------------------------------------------

    def _open_receipt(self, conn: Connection, vendor_id: str, id_text: object) -> RowMapping:
        receipt_id = parse_id(id_text)
        receipt = (
            None if receipt_id is None else db.receipt_get(conn, receipt_id, vendor_id, lock=True)
        )
        if receipt is None:
            raise BadRequest(f"접수 정보가 없습니다. (receiptId {id_text} of vendor {vendor_id})")
        if receipt["receipt_status"] != RELEASE_STOP_UNCHECKED:
            raise BadRequest(
                f"출고중지요청 상태가 아닙니다. (receiptId {receipt['receipt_id']} is "
                f"{receipt['receipt_status'] or receipt['receipt_type']}; stoppedShipment and "
                f"completedShipment answer only {RELEASE_STOP_UNCHECKED} (출고중지요청))"
            )
        return receipt

    def stopped_shipment(self, vendor_id: str, id_text: object, answer: StopAnswer) -> None:
        """Answer a stop-shipment request: stopped. The held items are cancelled."""
        now = self._now()
        with self.store.engine.begin() as conn:
            receipt = self._open_receipt(conn, vendor_id, id_text)
            total = int(receipt["total_count"])
            if answer.cancel_count != total:
                raise ValidationFailed(
                    [
                        Violation(
                            "cancelCount",
                            "equals_total",
                            f"cancelCount must equal the receipt's total count {total} "
                            f"(got {answer.cancel_count_repr})",
                        )
                    ]
                )
            box = must_exist(
                db.box_get(conn, int(receipt["shipment_box_id"]), lock=True), "the shipment box"
            )
            self._cancel_items(conn, box, receipt["items"], held=True)
            self._close_if_cancelled(conn, box, st.STOP_SHIPMENT, now)
            db.receipt_update(
                conn,
                int(receipt["receipt_id"]),
                {
                    "receipt_status": RETURNS_COMPLETED,
                    "release_stop_status": "처리(출고중지)",
                    "updated_at_us": to_us(now),
                },
            )

    def completed_shipment(self, vendor_id: str, id_text: object, answer: ShippedAnswer) -> None:
        """Answer a stop-shipment request: already shipped with this invoice. The request
        becomes a return (served by the returns backend)."""
        courier, number = answer.courier, answer.invoice_number
        now = self._now()
        with self.store.engine.begin() as conn:
            receipt = self._open_receipt(conn, vendor_id, id_text)
            box = must_exist(
                db.box_get(conn, int(receipt["shipment_box_id"]), lock=True), "the shipment box"
            )
            try:
                self._duplicate(conn, courier, number, int(box["order_id"]), now)
            except BoxRefused as refused:
                raise BadRequest(refused.message) from None
            self._ship_anyway(conn, box, answer, now)
            db.receipt_update(
                conn,
                int(receipt["receipt_id"]),
                {
                    "receipt_type": "RETURN",
                    "receipt_status": RETURNS_UNCHECKED,
                    "release_stop_status": "처리(이미출고)",
                    "delivery_company_code": courier,
                    "invoice_number": number,
                    "updated_at_us": to_us(now),
                },
            )

    def _ship_anyway(
        self, conn: Connection, box: RowMapping, answer: ShippedAnswer, now: datetime
    ) -> None:
        """The box left despite the stop request: it ships with the invoice, holds released."""
        courier, number = answer.courier, answer.invoice_number
        trackable = rules.is_trackable(courier)
        event = st.ALREADY_SHIPPED if trackable else st.ALREADY_SHIPPED_DIRECT
        values = {
            "delivery_company_code": courier,
            "invoice_number": number,
            "invoice_uploaded_at_us": to_us(now),
            "pickup_due_us": self._pickup_due(now) if trackable else None,
        }
        try:
            self._move(conn, box, event, now, values)
        except TransitionNotAllowed:
            raise BadRequest(state_message(box, st.ALREADY_SHIPPED)) from None
        self._record_invoice(conn, box, (courier, number), now)
        box_id = int(box["shipment_box_id"])
        for item in db.items_of_boxes(conn, [box_id])[box_id]:
            db.item_update(
                conn,
                int(item["id"]),
                {"hold_count_for_cancel": 0, "invoice_uploaded_at_us": to_us(now)},
            )

    # -- the seller's cancel ----------------------------------------------------------

    def cancel(self, vendor_id: str, request: CancelInput) -> CancelOutcome:
        """Cancel items of an order: at ACCEPT the whole order at once, at INSTRUCT as a
        completed stop-shipment; items that cannot be cancelled are reported as failed."""
        order_id = request.order_id
        now = self._now()
        request_no = str(uuid.uuid4())
        with self.store.engine.begin() as conn:
            self.settle_due(conn, vendor_id)
            order = db.order_get(conn, order_id)
            if order is None or int(order["visible_at_us"]) > to_us(now):
                raise BadRequest(MSG_NO_ORDER)
            if order["vendor_id"] != vendor_id:
                raise BadRequest("요청한 업체의 상품이 아닙니다.")
            boxes = {
                int(b["shipment_box_id"]): b for b in db.boxes_of_order(conn, order_id, lock=True)
            }
            items = db.items_of_order(conn, order_id)
            lines = self._sort_lines(request.lines, boxes, items)
            receipt: CancelReceipt | None = None
            if lines.accepted:
                self._refuse_partial(lines, boxes, items)
                kind = ("CANCEL", st.CANCEL_ORDER)
                receipt = self._apply_cancel(conn, boxes, lines.accepted, kind=kind, now=now)
            elif lines.instructed:
                kind = ("STOP_SHIPMENT", st.STOP_SHIPMENT)
                receipt = self._apply_cancel(conn, boxes, lines.instructed, kind=kind, now=now)
        return CancelOutcome(request_no, order_id, receipt, lines.failed)

    @staticmethod
    def _sort_lines(
        pairs: Sequence[tuple[int, int]], boxes: Mapping[int, Row], items: Sequence[Row]
    ) -> _Sorted:
        lines = _Sorted([], [], [])
        for vendor_item_id, count in pairs:
            rows = [i for i in items if int(i["vendor_item_id"]) == vendor_item_id]
            if not rows:
                lines.failed.append((vendor_item_id, f"주문정보가 없습니다.[{vendor_item_id}]"))
                continue
            states = {str(boxes[int(i["shipment_box_id"])]["status"]) for i in rows}
            available = sum(active(i) - int(i["hold_count_for_cancel"]) for i in rows)
            if not states <= {st.ACCEPT, st.INSTRUCT}:
                status = sorted(states - {st.ACCEPT, st.INSTRUCT})[0]
                lines.failed.append(
                    (
                        vendor_item_id,
                        f"{MSG_NOT_CANCELLABLE} (it is {status} ({st.status_name(status)}); "
                        "cancel works only in ACCEPT or INSTRUCT)",
                    )
                )
            elif count > available:
                lines.failed.append((vendor_item_id, f"{MSG_TOO_MANY} ({available} cancellable)"))
            elif states == {st.ACCEPT}:
                lines.accepted.append((vendor_item_id, count))
            else:
                lines.instructed.append((vendor_item_id, count))
        return lines

    @staticmethod
    def _refuse_partial(lines: _Sorted, boxes: Mapping[int, Row], items: Sequence[Row]) -> None:
        """At ACCEPT (결제완료) an order is cancelled whole: every item with its full count."""
        whole = {int(i["vendor_item_id"]): 0 for i in items if active(i) > 0}
        for i in items:
            whole[int(i["vendor_item_id"])] = whole.get(int(i["vendor_item_id"]), 0) + active(i)
        if (
            lines.instructed
            or lines.failed
            or dict(lines.accepted) != {k: v for k, v in whole.items() if v > 0}
            or any(b["status"] != st.ACCEPT for b in boxes.values() if b["status"] != st.CANCEL)
        ):
            raise BadRequest(
                f"{MSG_PARTIAL_CANCEL} (at ACCEPT (결제완료) an order is cancelled whole: "
                "list every vendorItemId with its full count)"
            )

    def _apply_cancel(
        self,
        conn: Connection,
        boxes: Mapping[int, Row],
        pairs: Sequence[tuple[int, int]],
        *,
        kind: tuple[str, str],
        now: datetime,
    ) -> CancelReceipt:
        receipt_type, event = kind
        wanted = [{"vendorItemId": v, "count": c} for v, c in pairs]
        first: Row | None = None
        for box in boxes.values():
            if box["status"] == st.CANCEL:
                continue
            box_id = int(box["shipment_box_id"])
            mine = {int(i["vendor_item_id"]) for i in db.items_of_boxes(conn, [box_id])[box_id]}
            part = [w for w in wanted if w["vendorItemId"] in mine]
            if not part:
                continue
            first = first or box
            self._cancel_items(conn, box, part, held=False)
            self._close_if_cancelled(conn, box, event, now)
        if first is None:
            raise BadRequest(f"{MSG_NO_ORDER} (no open shipment box holds the items to cancel)")
        stop = receipt_type == "STOP_SHIPMENT"
        receipt_id = self._receipt(
            conn,
            box=first,
            kind=(
                receipt_type,
                RETURNS_COMPLETED if stop else None,
                "처리(출고중지)" if stop else "비대상",
            ),
            items=wanted,
            requester=("VENDOR", None),
            now=now,
        )
        return CancelReceipt(
            receipt_id, receipt_type, [v for v, _ in pairs], sum(c for _, c in pairs)
        )

    # -- the customer's cancel request (control API) ----------------------------------

    def customer_cancel(self, id_text: object, request: CustomerCancel) -> CustomerCancelled:
        """At ACCEPT the cancel is immediate; at INSTRUCT it becomes a stop-shipment request
        (RELEASE_STOP_UNCHECKED) for the seller to answer; later it is refused (409)."""
        now = self._now()
        with self.store.engine.begin() as conn:
            order = self._order_any(conn, id_text)
            order_id = int(order["order_id"])
            boxes = db.boxes_of_order(conn, order_id, lock=True)
            items = db.items_of_order(conn, order_id)
            wanted = self._wanted(request, items)
            if not wanted:
                raise Conflict(f"orderId {order_id} has nothing left to cancel")
            receipts: list[CustomerReceipt] = []
            for box in boxes:
                box_items = [
                    i for i in items if int(i["shipment_box_id"]) == int(box["shipment_box_id"])
                ]
                part = self._take(wanted, box_items)
                if part:
                    receipts.append(
                        self._customer_box(
                            conn, box, box_items, part, reason=request.reason_code, now=now
                        )
                    )
            left = {k: v for k, v in wanted.items() if v > 0}
            if left:
                raise Conflict(f"orderId {order_id}: nothing cancellable left for {left}")
        return CustomerCancelled(order_id, receipts)

    @staticmethod
    def _wanted(request: CustomerCancel, items: Sequence[Row]) -> dict[int, int]:
        """``{vendorItemId: count}`` asked for (everything left when the request names none)."""
        wanted: dict[int, int] = {}
        if request.items is not None:
            for vid, count in request.items:
                wanted[vid] = count
            return wanted
        for i in items:
            wanted[int(i["vendor_item_id"])] = wanted.get(int(i["vendor_item_id"]), 0) + active(i)
        return {k: v for k, v in wanted.items() if v > 0}

    @staticmethod
    def _take(wanted: dict[int, int], box_items: Sequence[Row]) -> list[dict[str, int]]:
        """The part of ``wanted`` this box can cancel (taken off ``wanted``)."""
        part = []
        for i in box_items:
            vid = int(i["vendor_item_id"])
            if vid in wanted and active(i) > 0:
                take = min(wanted[vid], active(i) - int(i["hold_count_for_cancel"]))
                if take > 0:
                    part.append({"vendorItemId": vid, "count": take})
                    wanted[vid] -= take
        return part

    def _customer_box(
        self,
        conn: Connection,
        box: RowMapping,
        box_items: Sequence[Row],
        part: Sequence[Mapping[str, int]],
        *,
        reason: str,
        now: datetime,
    ) -> CustomerReceipt:
        box_id = int(box["shipment_box_id"])
        status = str(box["status"])
        if status == st.ACCEPT:
            self._cancel_items(conn, box, part, held=False)
            self._close_if_cancelled(conn, box, st.CANCEL_ORDER, now)
            receipt_id = self._receipt(
                conn, box=box, kind=("CANCEL", None, "비대상"), items=part,
                requester=("CUSTOMER", reason), now=now,
            )  # fmt: skip
            return CustomerReceipt(receipt_id, "CANCEL", None, box_id)
        if status == st.INSTRUCT:
            for entry in part:
                for i in box_items:
                    if int(i["vendor_item_id"]) == entry["vendorItemId"]:
                        held = int(i["hold_count_for_cancel"]) + entry["count"]
                        db.item_update(conn, int(i["id"]), {"hold_count_for_cancel": held})
            receipt_id = self._receipt(
                conn, box=box, kind=("RETURN", RELEASE_STOP_UNCHECKED, "미처리"), items=part,
                requester=("CUSTOMER", reason), now=now,
            )  # fmt: skip
            return CustomerReceipt(receipt_id, "RETURN", RELEASE_STOP_UNCHECKED, box_id)
        raise Conflict(
            f"shipmentBoxId {box_id} is {shown_status(box)} "
            f"({st.status_name(shown_status(box))}): a cancel request works in "
            "ACCEPT (immediate) or INSTRUCT (stop-shipment request); after shipping "
            "the customer asks for a return"
        )
