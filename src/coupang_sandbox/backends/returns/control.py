"""The control API's side of returns: the customer asks for or withdraws a return, the courier
picks it up, Coupang's CS checks it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Connection

from coupang_sandbox.backends.orders import (
    RECEIPT_ID_START,
)
from coupang_sandbox.backends.returns._rules import (
    SHIPPED,
    Row,
    receipt_status,
)
from coupang_sandbox.backends.returns.base import ReturnsBase
from coupang_sandbox.backends.returns.rows import (
    CoupangStep,
    FullReturn,
    NewReturn,
    NewReturns,
    PickedUp,
    ReceiptRef,
    ReturnRequest,
    Withdrawn,
)
from coupang_sandbox.clock import to_us
from coupang_sandbox.errors import Conflict, NotFound, must_exist
from coupang_sandbox.state import orders as order_st
from coupang_sandbox.state import returns as st
from coupang_sandbox.store import orders as odb
from coupang_sandbox.store import repo as r
from coupang_sandbox.store import returns as db


class ControlOps(ReturnsBase):
    """The customer, the courier and Coupang's CS (the control API)."""

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

    @staticmethod
    def _box_part(
        box_id: int,
        box: Row,
        items: Sequence[Row],
        left: dict[int, int],
        taken: dict[tuple[int, int], int],
    ) -> list[dict[str, int]]:
        """What of ``left`` this shipment box takes back (``left`` and ``taken`` are updated);
        409 when a wanted item's box has not shipped."""
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
        return part

    def _open_return(
        self,
        conn: Connection,
        request: ReturnRequest,
        vendor_id: str,
        box: Row,
        part: list[dict[str, int]],
        *,
        now: datetime,
    ) -> NewReturn:
        """Store the return receipt of one shipment box, and its details."""
        box_id = int(box["shipment_box_id"])
        receipt_id = r.next_id(conn, "order_receipt", RECEIPT_ID_START)
        receipt = {
            "receipt_id": receipt_id,
            "vendor_id": vendor_id,
            "order_id": int(box["order_id"]),
            "shipment_box_id": box_id,
            "receipt_type": "RETURN",
            "receipt_status": st.RETURNS_UNCHECKED,
            "release_stop_status": "비대상",
            "items": part,
            "total_count": sum(p["count"] for p in part),
            "requester": "CUSTOMER",
            "reason_code": request.reason_code,
            "reason_text": request.reason_text,
            "delivery_company_code": None,
            "invoice_number": None,
            "created_at_us": to_us(now),
            "updated_at_us": to_us(now),
        }
        odb.receipt_insert(conn, receipt)
        details = self._details(
            conn, receipt, stage=str(box["status"]), reason_text=request.reason_text, now=now
        )
        db.insert_return(conn, details)
        return NewReturn(receipt_id, box_id, part, details)

    def request_return(self, request: ReturnRequest) -> NewReturns:
        """The customer asks for a return of shipped goods: one receipt per shipment box."""
        now = self._now()
        created: list[NewReturn] = []
        with self.store.engine.begin() as conn:
            order_id = request.order_id
            order = None if order_id is None else odb.order_get(conn, order_id)
            if order is None or order_id is None:
                raise NotFound(f"orderId {request.order_shown} does not exist")
            vendor_id = str(order["vendor_id"])
            self.settle_due(conn, vendor_id)
            boxes = odb.boxes_of_order(conn, order_id, lock=True)
            items = odb.items_of_order(conn, order_id)
            taken = self._returned(conn, order_id)
            left = dict(request.wanted)
            for box in boxes:
                part = self._box_part(int(box["shipment_box_id"]), box, items, left, taken)
                if part:
                    created.append(self._open_return(conn, request, vendor_id, box, part, now=now))
            missing = {k: v for k, v in left.items() if v > 0}
            if missing:
                raise Conflict(
                    f"orderId {order_id}: more than what was delivered and not yet returned "
                    f"(left over {missing})"
                )
        return NewReturns(order_id, vendor_id, created)

    def withdraw(self, ref: ReceiptRef) -> Withdrawn:
        """The customer withdraws a return before the courier picks it up (409 afterwards)."""
        now = self._now()
        with self.store.engine.begin() as conn:
            self.settle_due(conn, None)
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
        """The courier's pickup scan (409 unless the return waits for it and has a pickup invoice or
        an auto-pickup courier)."""
        now = self._now()
        with self.store.engine.begin() as conn:
            self.settle_due(conn, None)
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
            self.settle_due(conn, None)
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
            self.settle_due(conn, None)
            receipt = self._receipt(conn, None, ref)
            row = self._rows(conn, [receipt])[0]
            details = must_exist(
                db.get_return(conn, int(receipt["receipt_id"])), "the return receipt"
            )
        return FullReturn(row, details)
