"""The seller's side of returns: the lists, one receipt, receive confirmation, approval, the
manual pickup invoice and the withdraw history."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection

from coupang_sandbox.backends._invoices import MSG_DUPLICATE_INVOICE, invoice_in_use
from coupang_sandbox.backends.returns._rules import (
    INVOICE_NUMBER_ID_START,
    LISTED_TYPES,
    MSG_WITHDRAWN,
    receipt_status,
    refused,
)
from coupang_sandbox.backends.returns.base import ReturnsBase
from coupang_sandbox.backends.returns.rows import (
    Approval,
    DailyQuery,
    ManualInvoiceInput,
    PickupInvoice,
    ReceiptRef,
    ReturnPage,
    ReturnRow,
    TimeFrameQuery,
    Withdrawal,
    WithdrawalPage,
)
from coupang_sandbox.clock import to_us
from coupang_sandbox.errors import BadRequest, ValidationFailed, must_exist
from coupang_sandbox.state import returns as st
from coupang_sandbox.store import orders as odb
from coupang_sandbox.store import repo as r
from coupang_sandbox.store import returns as db
from coupang_seller._constants import KST
from coupang_seller.preflight import Violation
from coupang_seller.preflight import returns as rules


class SellerOps(ReturnsBase):
    """The seller's reads and actions, and the withdraw history."""

    # -- seller reads ----------------------------------------------------------------

    def list_daily(self, query: DailyQuery) -> ReturnPage:
        """A page of the daily list, by receiptId."""
        vendor_id, start, end = query.vendor_id, query.start, query.end
        begin = datetime(start.year, start.month, start.day, tzinfo=KST)
        stop = datetime(end.year, end.month, end.day, tzinfo=KST) + timedelta(days=1)
        with self.store.engine.begin() as conn:
            self.settle_due(conn, vendor_id)
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
            self.settle_due(conn, vendor_id)
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

    def get(self, vendor_id: str, ref: ReceiptRef) -> list[ReturnRow]:
        """One return receipt (a seller-completed stop-shipment too); 400 when it was withdrawn."""
        with self.store.engine.begin() as conn:
            self.settle_due(conn, vendor_id)
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
            self.settle_due(conn, vendor_id)
            receipt = self._receipt(conn, vendor_id, ref, lock=True)
            details = must_exist(
                db.get_return(conn, int(receipt["receipt_id"])), "the return receipt"
            )
            # Untracked quick-refund returns: confirmation refunds, approves and completes.
            quick = bool(details["quick_refund"]) and not details["pre_refund"]
            event = st.RECEIVE_AND_REFUND if quick else st.RECEIVE_CONFIRMATION
            if not st.return_receipt.can(receipt_status(receipt), event):
                raise refused(
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
            self.settle_due(conn, vendor_id)
            receipt = self._receipt(conn, vendor_id, ref, lock=True)
            details = must_exist(
                db.get_return(conn, int(receipt["receipt_id"])), "the return receipt"
            )
            status = receipt_status(receipt)
            if not st.return_receipt.can(status, st.APPROVE):
                raise refused(receipt, st.APPROVE, "반품승인 처리를 할 수 없는 상태입니다.")
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
            self.settle_due(conn, vendor_id)
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
        """One page of the returns withdrawn in the days ``start`` to ``end`` (Korean time)."""
        begin = datetime(start.year, start.month, start.day, tzinfo=KST)
        stop = datetime(end.year, end.month, end.day, tzinfo=KST) + timedelta(days=1)
        with self.store.engine.begin() as conn:
            self.settle_due(conn, vendor_id)
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
            self.settle_due(conn, vendor_id)
            rows = db.withdrawn_by_ids(conn, vendor_id, wanted)
            return [
                Withdrawal(row, self._receipt(conn, None, ReceiptRef.of(row["receipt_id"])))
                for row in rows
            ]
