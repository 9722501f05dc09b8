"""The plumbing every part of the orders backend stands on: the sandbox clock, box moves
through the transition table with their history rows, and the lazy courier scans."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection
from sqlalchemy.engine import RowMapping

from coupang_sandbox.backends._ids import parse_id
from coupang_sandbox.backends._invoices import invoice_in_use
from coupang_sandbox.backends.orders._common import (
    HISTORY_ID_START,
    INVOICE_ID_START,
    BoxRefused,
    Row,
)
from coupang_sandbox.clock import SandboxClock, from_us, to_us
from coupang_sandbox.errors import NotFound
from coupang_sandbox.settings import SandboxSettings
from coupang_sandbox.state import orders as st
from coupang_sandbox.store import Store, repo
from coupang_sandbox.store import orders as db

if TYPE_CHECKING:
    from coupang_sandbox.backends.effects import Effects


@dataclass
class OrdersBase:
    """The store, the sandbox clock and the settings, and the moves every operation shares."""

    store: Store
    clock: SandboxClock
    settings: SandboxSettings
    #: The other groups this one reaches (returns' pickups, products' stock, coupons).
    effects: Effects

    def _now(self) -> datetime:
        return self.clock.now().astimezone(UTC)

    def _history(self, conn: Connection, box_id: int, status: str, at: datetime) -> None:
        db.history_insert(
            conn,
            {
                "id": repo.next_id(conn, "shipment_history", HISTORY_ID_START),
                "shipment_box_id": box_id,
                "status": status,
                "at_us": to_us(at),
            },
        )

    def _move(
        self,
        conn: Connection,
        box: Row,
        event: str,
        at: datetime,
        values: Mapping[str, Any] | None = None,
    ) -> str:
        """Apply ``event`` to ``box`` (a :class:`TransitionNotAllowed` propagates)."""
        status = st.shipment_box.apply(str(box["status"]), event)
        update: dict[str, Any] = {"status": status, "updated_at_us": to_us(at), **(values or {})}
        if status == st.CANCEL:
            update["status_before_cancel"] = box["status"]
        db.box_update(conn, int(box["shipment_box_id"]), update)
        if status != box["status"]:
            self._history(conn, int(box["shipment_box_id"]), status, at)
        return status

    def settle_due(self, conn: Connection, vendor_id: str | None) -> None:
        """Apply the automatic courier scans that are due (see the package doc)."""
        if (
            self.settings.courier_pickup_seconds is None
            and self.settings.courier_delivery_seconds is None
        ):
            return
        now_us = to_us(self._now())
        for box in db.boxes_due(conn, vendor_id, now_us):
            current = self._due_pickup(conn, box, now_us)
            delivery = current["delivery_due_us"]
            if delivery is None or int(delivery) > now_us:
                continue
            if current["status"] == st.DELIVERING:
                at = from_us(int(delivery))
                values = {"delivery_due_us": None, "delivered_at_us": to_us(at)}
                self._move(conn, current, st.DELIVERED, at, values)
            else:
                db.box_update(conn, int(box["shipment_box_id"]), {"delivery_due_us": None})

    def _due_pickup(self, conn: Connection, box: RowMapping, now_us: int) -> Row:
        """The pickup scan of ``box`` if it is due (the box as it is afterwards)."""
        pickup = box["pickup_due_us"]
        if pickup is None or int(pickup) > now_us or box["status"] != st.DEPARTURE:
            db.box_update(conn, int(box["shipment_box_id"]), {"pickup_due_us": None})
            return box
        at = from_us(int(pickup))
        seconds = self.settings.courier_delivery_seconds
        due = None if seconds is None else to_us(at + timedelta(seconds=seconds))
        values = {"pickup_due_us": None, "in_transit_at_us": to_us(at), "delivery_due_us": due}
        self._move(conn, box, st.PICKUP, at, values)
        return {**box, "status": st.DELIVERING, "delivery_due_us": due}

    def _settle_reads(self, conn: Connection, vendor_id: str | None) -> None:
        """Before a read of order sheets: the due courier scans, then the due automatic
        return pickups (``return_pickup_seconds``): a quick-refund return completes at its
        pickup and shows on the sheet as cancelled, whatever the seller reads first."""
        self.settle_due(conn, vendor_id)
        if self.settings.return_pickup_seconds is None:
            return
        self.effects.returns_due(conn, vendor_id)

    def _pickup_due(self, at: datetime) -> int | None:
        seconds = self.settings.courier_pickup_seconds
        return None if seconds is None else to_us(at + timedelta(seconds=seconds))

    def _visible_box(
        self, conn: Connection, vendor_id: str, box_id: int | None, *, lock: bool = False
    ) -> RowMapping | None:
        if box_id is None:
            return None
        box = db.box_get(conn, box_id, vendor_id, lock=lock)
        if box is None or int(box["visible_at_us"]) > to_us(self._now()):
            return None
        return box

    def _order_any(self, conn: Connection, id_text: object) -> RowMapping:
        order_id = parse_id(id_text)
        order = None if order_id is None else db.order_get(conn, order_id)
        if order is None:
            raise NotFound(f"orderId {id_text} does not exist")
        return order

    def _duplicate(
        self, conn: Connection, courier: str, number: str, order_id: int, now: datetime
    ) -> None:
        detail = invoice_in_use(conn, courier, number, now, order_id=order_id)
        if detail is not None:
            raise BoxRefused("DUPLICATE_INVOICE_NUMBER", detail)

    def _record_invoice(
        self, conn: Connection, box: Row, invoice: tuple[str, str], now: datetime
    ) -> None:
        courier, number = invoice
        db.invoice_insert(
            conn,
            {
                "id": repo.next_id(conn, "invoice", INVOICE_ID_START),
                "vendor_id": str(box["vendor_id"]),
                "delivery_company_code": courier,
                "invoice_number": number,
                "shipment_box_id": int(box["shipment_box_id"]),
                "order_id": int(box["order_id"]),
                "uploaded_at_us": to_us(now),
            },
        )
