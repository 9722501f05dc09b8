"""The seller ships: acknowledgement (발주확인), invoice upload and update (송장 업로드/수정,
split shipping included) and the completion of a long-undelivered box.

Bulk actions answer per ``shipmentBoxId`` (:class:`BoxResult`), never all-or-nothing; a box that
fails changes nothing.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Final

from sqlalchemy import Connection
from sqlalchemy.engine import RowMapping

from coupang_sandbox.backends.orders._base import OrdersBase
from coupang_sandbox.backends.orders._common import (
    MSG_CANNOT_CHANGE,
    SHIPMENT_BOX_ID_START,
    SPLIT_NONE,
    SPLIT_NORMAL,
    SPLIT_SPLIT,
    BoxRefused,
    Row,
    active,
    shown_status,
    state_message,
)
from coupang_sandbox.clock import from_us, to_us
from coupang_sandbox.errors import BadRequest, TransitionNotAllowed
from coupang_sandbox.kst import wire
from coupang_sandbox.state import orders as st
from coupang_sandbox.store import orders as db
from coupang_sandbox.store import repo
from coupang_seller.preflight import Violation
from coupang_seller.preflight import orders as rules

#: Rule of a line/box violation -> InvoiceApplyResultCode.
RULE_RESULT_CODES: Final[dict[str, str]] = {
    "split_direct": "NOT_ALLOW_VENDOR_DIRECT",
    "split_flag_mixed": "IS_SEPARATE_MUST_BE_TRUE_WHEN_SEPARATE_DELIVERY",
    "duplicate_item": "NOT_FOUND_VENDOR_ITEM",
    "box_orders": "NOT_FOUND_SHIPMENT_BOX",
}


@dataclass(frozen=True, slots=True)
class BoxRef:
    """A ``shipmentBoxId`` as parsed (None when it is no id) and as the caller wrote it."""

    id: int | None
    text: str


@dataclass(frozen=True, slots=True)
class InvoiceLine:
    """One ``orderSheetInvoiceApplyDtos`` entry. ``*_text`` keep what the caller wrote, for the
    refusals that quote it (``vendor_item_repr`` is its ``repr``)."""

    order_id: int | None
    order_text: str
    vendor_item_id: int | None
    vendor_item_repr: str
    courier: str
    invoice_number: str
    split: bool
    pre_split: bool
    estimated_shipping_date: str


@dataclass(frozen=True, slots=True)
class InvoiceBox:
    """The lines of one box, with what the shared rules found in them (the box is refused with
    those after its lookup, so an unknown box is reported as such first)."""

    shipment_box_id: int | None
    lines: tuple[InvoiceLine, ...]
    violations: tuple[Violation, ...]


@dataclass(frozen=True, slots=True)
class LongUndelivered:
    """``completeLongTermUndelivery``: the box (as parsed and as written) and its invoice."""

    box: BoxRef
    invoice_number: str


@dataclass(slots=True)
class BoxResult:
    """The outcome of one box of a bulk action (an InvoiceApplyResultCode)."""

    shipment_box_id: int | None
    code: str = "OK"
    message: str | None = None

    @property
    def succeed(self) -> bool:
        """Whether the box succeeded."""
        return self.code == "OK"


@dataclass(frozen=True, slots=True)
class BulkResult:
    """A bulk action's per-box results; ``response_key`` only for the acknowledgement."""

    results: list[BoxResult]
    response_key: int | None = field(default=None)


def line_refusal(violations: Sequence[Violation]) -> BoxRefused | None:
    """The refusal of a box whose lines break the shared rules (the first rule's code)."""
    if not violations:
        return None
    code = RULE_RESULT_CODES.get(violations[0].rule, "INVALID_INVOICE_NUMBER")
    return BoxRefused(code, "; ".join(f"{v.field}: {v.message}" for v in violations))


class Acknowledgement(OrdersBase):
    """Acknowledgement, invoice upload and update, long-undelivered completion."""

    def acknowledge(self, vendor_id: str, boxes: Sequence[BoxRef]) -> BulkResult:
        """ACCEPT -> INSTRUCT for each box, reported per box."""
        results: list[BoxResult] = []
        now = self._now()
        with self.store.engine.begin() as conn:
            self.settle_due(conn, vendor_id)
            for ref in boxes:
                results.append(self._acknowledge_box(conn, vendor_id, ref, now))
        return BulkResult(results, secrets.randbelow(2**62))

    def _acknowledge_box(
        self, conn: Connection, vendor_id: str, ref: BoxRef, now: datetime
    ) -> BoxResult:
        box = self._visible_box(conn, vendor_id, ref.id, lock=True)
        if box is None:
            message = f"shipmentBoxId ({ref.text}) is not found."
            return BoxResult(ref.id, "NOT_FOUND_SHIPMENT_BOX", message)
        if db.open_receipts_of_boxes(conn, [int(box["shipment_box_id"])]):
            message = f"{MSG_CANNOT_CHANGE} (a cancel request is in progress)"
            return BoxResult(ref.id, "ORDER_DELIVERY_CANCELED_HOLDING_FOR_CANCEL", message)
        try:
            self._move(conn, box, st.ACKNOWLEDGE, now)
        except TransitionNotAllowed:
            return BoxResult(ref.id, "INVALID_STATUS", state_message(box, st.ACKNOWLEDGE))
        return BoxResult(ref.id, "OK", "request succeeded.")

    # -- invoices ---------------------------------------------------------------------

    def upload_invoices(self, vendor_id: str, boxes: Sequence[InvoiceBox]) -> BulkResult:
        """Upload the invoices of each box (normal or split shipping), reported per box."""
        return self._bulk_invoices(vendor_id, boxes, update=False)

    def update_invoices(self, vendor_id: str, boxes: Sequence[InvoiceBox]) -> BulkResult:
        """Replace the invoice of each shipped box, reported per box."""
        return self._bulk_invoices(vendor_id, boxes, update=True)

    def _bulk_invoices(
        self, vendor_id: str, boxes: Sequence[InvoiceBox], *, update: bool
    ) -> BulkResult:
        results: list[BoxResult] = []
        now = self._now()
        with self.store.engine.begin() as conn:
            self.settle_due(conn, vendor_id)
            for group in boxes:
                try:
                    self._invoice_box(conn, vendor_id, group, now, update=update)
                except BoxRefused as refused:
                    results.append(BoxResult(group.shipment_box_id, refused.code, refused.message))
                    continue
                results.append(BoxResult(group.shipment_box_id))
        return BulkResult(results)

    def _invoice_box(
        self, conn: Connection, vendor_id: str, group: InvoiceBox, now: datetime, *, update: bool
    ) -> None:
        refusal = line_refusal(group.violations)
        box = self._visible_box(conn, vendor_id, group.shipment_box_id, lock=True)
        if box is None:
            raise BoxRefused(
                "NOT_FOUND_SHIPMENT_BOX", f"shipmentBoxId ({group.shipment_box_id}) is not found."
            )
        if refusal is not None:
            raise refusal
        if update:
            self._update_box(conn, box, group.lines, now)
        else:
            self._upload_box(conn, box, group.lines, now)

    def _common_checks(self, box: Row, lines: Sequence[InvoiceLine]) -> None:
        order_id = int(box["order_id"])
        for line in lines:
            if line.order_id != order_id:
                raise BoxRefused(
                    "NOT_FOUND_SHIPMENT_BOX",
                    f"shipmentBoxId {box['shipment_box_id']} belongs to orderId {order_id}, not "
                    f"{line.order_text}; separate orders never share one invoice",
                )
        if box["status"] == st.CANCEL:
            raise BoxRefused("ORDER_DELIVERY_CANCELED")

    def _upload_box(
        self, conn: Connection, box: RowMapping, lines: Sequence[InvoiceLine], now: datetime
    ) -> None:
        self._common_checks(box, lines)
        box_id = int(box["shipment_box_id"])
        items = [i for i in db.items_of_boxes(conn, [box_id])[box_id] if active(i) > 0]
        by_item = {int(i["vendor_item_id"]): i for i in items}
        self._refuse_held(conn, box_id, items)
        split = lines[0].split
        if split and box["split_mode"] == SPLIT_NORMAL:
            raise BoxRefused("NOT_ALLOW_SEPARATE_AFTER_NORMAL_DELIVERY")
        if not split and box["split_mode"] == SPLIT_SPLIT:
            raise BoxRefused("IS_SEPARATE_MUST_BE_TRUE_WHEN_SEPARATE_DELIVERY")
        if not st.shipment_box.can(str(box["status"]), st.UPLOAD_INVOICE):
            raise BoxRefused("INVALID_STATUS", state_message(box, st.UPLOAD_INVOICE))
        unknown = [line.vendor_item_repr for line in lines if line.vendor_item_id not in by_item]
        if unknown:
            raise BoxRefused(
                "NOT_FOUND_VENDOR_ITEM",
                f"vendorItemId [{', '.join(unknown)}] is not (or no longer) in shipmentBoxId "
                f"{box_id}",
            )
        if split:
            self._upload_split(conn, box, by_item, lines, now)
        else:
            self._upload_normal(conn, box, items, lines, now)

    def _refuse_held(self, conn: Connection, box_id: int, items: Sequence[Row]) -> None:
        """Refuse the upload while a stop-shipment request on the box waits for its answer."""
        open_receipts = db.open_receipts_of_boxes(conn, [box_id])
        if not open_receipts:
            return
        held = sum(int(i["hold_count_for_cancel"]) for i in items)
        whole = held >= sum(active(i) for i in items)
        raise BoxRefused(
            "ORDER_DELIVERY_CANCELED" if whole else "ORDER_DELIVERY_PARTIAL_STOP_REQUESTED",
            f"receiptId {open_receipts[0]['receipt_id']} asks to stop the shipment; answer it "
            "first (stoppedShipment or completedShipment)",
        )

    def _upload_normal(
        self,
        conn: Connection,
        box: RowMapping,
        items: Sequence[RowMapping],
        lines: Sequence[InvoiceLine],
        now: datetime,
    ) -> None:
        known = {int(i["vendor_item_id"]) for i in items}
        missing = sorted(known - {line.vendor_item_id for line in lines})
        if missing:
            raise BoxRefused(
                "NOT_FOUND_VENDOR_ITEM",
                f"a normal upload lists every item of the box; missing vendorItemId {missing}",
            )
        courier, number = lines[0].courier, lines[0].invoice_number
        self._duplicate(conn, courier, number, int(box["order_id"]), now)
        self._ship(conn, box, items, (courier, number), now, split_mode=SPLIT_NORMAL)

    def _upload_split(
        self,
        conn: Connection,
        box: RowMapping,
        by_item: dict[int, RowMapping],
        lines: Sequence[InvoiceLine],
        now: datetime,
    ) -> None:
        """Split shipping (분리배송): per vendorItemId, never by quantity."""
        if box["split_mode"] == SPLIT_NONE and len(by_item) < 2:
            raise BoxRefused("NOT_ALLOW_SEPARATE_WHEN_ONE_VENDOR_ITEM")
        already = box["split_mode"] == SPLIT_SPLIT and self._has_shipped_part(conn, box)
        for line in lines:
            if line.pre_split != already:
                raise BoxRefused(
                    "INVALID_STATUS",
                    "preSplitShipped must be "
                    + (
                        "true: part of this order was already shipped separately"
                        if already
                        else "false on the first split shipment of this order"
                    ),
                )
        shipped, planned = self._split_plan(by_item, lines)
        for courier, number in sorted(shipped):
            # Several numbers: lock them in one order (two uploads locking the same numbers in
            # opposite orders would deadlock on PostgreSQL), then check them in the request's.
            if courier != rules.DIRECT:
                db.invoice_claim(conn, courier, number, to_us(now))
        for courier, number in shipped:
            self._duplicate(conn, courier, number, int(box["order_id"]), now)
        for item, wanted in planned:
            db.item_update(conn, int(item["id"]), {"planned_shipping_date": wanted})
        box_id = int(box["shipment_box_id"])
        db.box_update(conn, box_id, {"split_mode": SPLIT_SPLIT, "updated_at_us": to_us(now)})
        self._ship_parts(conn, box, set(by_item), list(shipped.items()), now)

    @staticmethod
    def _split_plan(
        by_item: dict[int, RowMapping], lines: Sequence[InvoiceLine]
    ) -> tuple[dict[tuple[str, str], list[RowMapping]], list[tuple[RowMapping, str]]]:
        """The items shipped now, grouped by invoice, and the planned shipping dates of the
        others (a date, once set, never changes)."""
        shipped: dict[tuple[str, str], list[RowMapping]] = {}
        planned: list[tuple[RowMapping, str]] = []
        for line in lines:
            item = by_item[int(line.vendor_item_id or 0)]
            if line.invoice_number:
                shipped.setdefault((line.courier, line.invoice_number), []).append(item)
                continue
            wanted = line.estimated_shipping_date
            current = str(item["planned_shipping_date"] or "")
            if current and current != wanted:
                raise BoxRefused("PSD_NOT_ALLOW_TO_CHANGE", f"already set to {current}")
            if current:
                raise BoxRefused("NOT_FOUND_INVOICE_NUMBER")
            planned.append((item, wanted))
        return shipped, planned

    def _ship_parts(
        self,
        conn: Connection,
        box: RowMapping,
        remaining: set[int],
        groups: Sequence[tuple[tuple[str, str], list[RowMapping]]],
        now: datetime,
    ) -> None:
        for position, (invoice, group_items) in enumerate(groups):
            moved = {int(i["vendor_item_id"]) for i in group_items}
            last = position == len(groups) - 1 and moved == remaining
            remaining -= moved
            if last:
                # The last part ships in the original box, which keeps its id.
                whole = {**box, "split_mode": SPLIT_SPLIT}
                self._ship(conn, whole, group_items, invoice, now, split_mode=SPLIT_SPLIT)
            else:
                part = self._split_off(conn, box, group_items, now)
                self._ship(conn, part, group_items, invoice, now, split_mode=SPLIT_SPLIT)

    def _has_shipped_part(self, conn: Connection, box: Row) -> bool:
        return any(
            b["split_from"] is not None and int(b["split_from"]) == int(box["shipment_box_id"])
            for b in db.boxes_of_order(conn, int(box["order_id"]))
        )

    def _split_off(
        self, conn: Connection, box: RowMapping, items: Sequence[Row], now: datetime
    ) -> dict[str, object]:
        """A new box (new shipmentBoxId) for the items shipped first; the fee stays with the
        original box (charged once per bundle)."""
        new_id = repo.next_id(conn, "shipment_box", SHIPMENT_BOX_ID_START)
        values = {
            **{k: box[k] for k in box.keys()},  # noqa: SIM118 - RowMapping
            "shipment_box_id": new_id,
            "shipping_price": 0,
            "remote_price": 0 if box["remote_price"] is not None else None,
            "split_mode": SPLIT_SPLIT,
            "split_from": int(box["shipment_box_id"]),
            "updated_at_us": to_us(now),
        }
        db.box_insert(conn, values)
        for row in reversed(db.history_of(conn, int(box["shipment_box_id"]))):
            self._history(conn, new_id, str(row["status"]), from_us(int(row["at_us"])))
        for item in items:
            db.item_update(conn, int(item["id"]), {"shipment_box_id": new_id})
        return values

    def _ship(
        self,
        conn: Connection,
        box: Row,
        items: Sequence[Row],
        invoice: tuple[str, str],
        now: datetime,
        *,
        split_mode: str,
    ) -> None:
        courier, number = invoice
        event = st.UPLOAD_INVOICE if rules.is_trackable(courier) else st.UPLOAD_INVOICE_DIRECT
        self._move(
            conn,
            box,
            event,
            now,
            {
                "split_mode": split_mode,
                "delivery_company_code": courier,
                "invoice_number": number,
                "invoice_uploaded_at_us": to_us(now),
                "pickup_due_us": self._pickup_due(now) if rules.is_trackable(courier) else None,
            },
        )
        for item in items:
            db.item_update(conn, int(item["id"]), {"invoice_uploaded_at_us": to_us(now)})
        self._record_invoice(conn, box, (courier, number), now)

    def _update_box(
        self, conn: Connection, box: RowMapping, lines: Sequence[InvoiceLine], now: datetime
    ) -> None:
        self._common_checks(box, lines)
        box_id = int(box["shipment_box_id"])
        courier, number = lines[0].courier, lines[0].invoice_number
        event = st.UPDATE_INVOICE if rules.is_trackable(courier) else st.UPDATE_INVOICE_DIRECT
        if not st.shipment_box.can(str(box["status"]), event):
            raise BoxRefused("INVALID_STATUS", state_message(box, st.UPDATE_INVOICE))
        known = {int(i["vendor_item_id"]) for i in db.items_of_boxes(conn, [box_id])[box_id]}
        unknown = [line.vendor_item_repr for line in lines if line.vendor_item_id not in known]
        if unknown:
            raise BoxRefused(
                "NOT_FOUND_VENDOR_ITEM",
                f"vendorItemId [{', '.join(unknown)}] is not in shipmentBoxId {box_id}",
            )
        self._duplicate(conn, courier, number, int(box["order_id"]), now)
        self._move(
            conn,
            box,
            event,
            now,
            {
                "delivery_company_code": courier,
                "invoice_number": number,
                "invoice_uploaded_at_us": to_us(now),
                "in_transit_at_us": None,
                "delivered_at_us": None,
                "delivery_due_us": None,
                "pickup_due_us": self._pickup_due(now) if rules.is_trackable(courier) else None,
            },
        )
        if box["status"] == st.DEPARTURE and event == st.UPDATE_INVOICE:
            # Same status: record the new invoice in the history all the same.
            self._history(conn, box_id, st.DEPARTURE, now)
        self._record_invoice(conn, box, (courier, number), now)

    # -- long-undelivered -------------------------------------------------------------

    def complete_long_undelivered(self, vendor_id: str, request: LongUndelivered) -> None:
        """DELIVERING or NONE_TRACKING -> FINAL_DELIVERY, a month after the invoice upload."""
        now = self._now()
        with self.store.engine.begin() as conn:
            self.settle_due(conn, vendor_id)
            box = self._visible_box(conn, vendor_id, request.box.id, lock=True)
            if box is None:
                raise BadRequest(f"shipmentBoxId ({request.box.text}) is not found.")
            self._check_long_undelivered(box, request, now)
            self._move(
                conn,
                box,
                st.COMPLETE_LONG_UNDELIVERED,
                now,
                {"delivered_at_us": to_us(now), "pickup_due_us": None, "delivery_due_us": None},
            )

    def _check_long_undelivered(self, box: Row, request: LongUndelivered, now: datetime) -> None:
        if not st.shipment_box.can(str(box["status"]), st.COMPLETE_LONG_UNDELIVERED):
            allowed = ", ".join(st.allowed_states(st.COMPLETE_LONG_UNDELIVERED))
            raise BadRequest(
                f"배송완료 처리 실패. 배송상태: {shown_status(box)} (allowed only in {allowed}, "
                "at least a month after the invoice upload)"
            )
        number = request.invoice_number
        if not number or number != box["invoice_number"]:
            raise BadRequest(
                f"배송완료 처리 실패. 송장번호가 일치하지 않습니다. (shipmentBoxId "
                f"{request.box.id} carries invoice {box['invoice_number']!r}, got {number!r})"
            )
        uploaded = from_us(int(box["invoice_uploaded_at_us"]))
        due = uploaded + timedelta(seconds=self.settings.long_undelivered_after_seconds)
        if now < due:
            raise BadRequest(
                f"배송완료 처리 실패. 송장 등록 후 1달이 경과하지 않았습니다. (invoice uploaded "
                f"{wire(uploaded)}, allowed from {wire(due)})"
            )
