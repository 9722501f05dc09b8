"""The returns backend's shared state: details of a return, the automatic pickups (settled
lazily before every read or change), rows and the receipt lookup."""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.engine import RowMapping

from coupang_sandbox.backends.returns._rules import (
    AUTO,
    AUTO_PICKUP_COURIERS,
    DUTY,
    LISTED_TYPES,
    MANUAL,
    MSG_NO_RECEIPT,
    QUICK_REFUND_LIMIT,
    REASONS,
    REGULAR_DELIVERY,
    RETURN_DELIVERY_ID_START,
    Row,
    receipt_status,
)
from coupang_sandbox.backends.returns.rows import (
    ReceiptRef,
    ReturnRow,
)
from coupang_sandbox.clock import SandboxClock, from_us, to_us
from coupang_sandbox.errors import BadRequest
from coupang_sandbox.settings import SandboxSettings
from coupang_sandbox.state import orders as order_st
from coupang_sandbox.state import returns as st
from coupang_sandbox.store import Store, shipping_places
from coupang_sandbox.store import orders as odb
from coupang_sandbox.store import products as product_db
from coupang_sandbox.store import repo as r
from coupang_sandbox.store import returns as db
from coupang_seller.preflight._core import as_int


@dataclass
class ReturnsBase:
    """What every part of the returns backend shares: the store, the clock, the settings, the
    lazily made details, the automatic pickups due, and the receipt lookup."""

    store: Store
    clock: SandboxClock
    settings: SandboxSettings

    def _now(self) -> datetime:
        return self.clock.now().astimezone(UTC)

    # -- details ---------------------------------------------------------------------

    @staticmethod
    def _goods(
        conn: Connection, vendor_id: str, receipt: Row
    ) -> tuple[int, set[str], Mapping[str, Any]]:
        """The returned goods: their amount (won), their delivery methods, and the document of
        the first of their products."""
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
        return amount, methods, product_doc

    @staticmethod
    def _return_charge(fault: str, product_doc: Mapping[str, Any], box: Row | None) -> int:
        """What the customer pays for the return shipping (nothing unless it is their fault)."""
        charge = 0
        if fault == "CUSTOMER":
            charge = as_int(product_doc.get("returnCharge")) or 0
            if box is not None and int(box["shipping_price"]) == 0:
                charge += as_int(product_doc.get("deliveryChargeOnReturn")) or 0
        return charge

    @staticmethod
    def _return_center(
        conn: Connection, vendor_id: str, product_doc: Mapping[str, Any]
    ) -> tuple[RowMapping | None, str | None, bool]:
        """The product's return center, its courier, and whether that courier picks up by
        itself (a usable center of an auto-pickup courier)."""
        center_code = product_doc.get("returnCenterCode")
        center = (
            None
            if center_code is None
            else shipping_places.return_get(conn, vendor_id, str(center_code))
        )
        courier = None if center is None else str(center["deliver_code"])
        auto = center is not None and bool(center["usable"]) and courier in AUTO_PICKUP_COURIERS
        return center, courier, auto

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
        amount, methods, product_doc = self._goods(conn, vendor_id, receipt)
        reason = REASONS.get(str(receipt["reason_code"] or ""))
        fault = "VENDOR" if stage == order_st.INSTRUCT or reason is None else reason[1]
        charge = self._return_charge(fault, product_doc, box)
        center, courier, auto = self._return_center(conn, vendor_id, product_doc)
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

    def settle_due(self, conn: Connection, vendor_id: str | None) -> None:
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
