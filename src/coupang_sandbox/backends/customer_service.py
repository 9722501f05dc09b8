"""Customer-service inquiries (고객문의): the seller's lists, answers and confirmations, and the
customer (and Coupang's call center) of the control API.

Every operation validates the input with the shared rules of
:mod:`coupang_seller.preflight.customer_service`, then loads the row, applies the transition
table of :mod:`coupang_sandbox.state.customer_service` and persists, in one transaction.

* Lists: Korean calendar days ``[inquiryStartAt, inquiryEndAt]`` (both inclusive, <= 7 days
  apart; left out only with ``vendorItemId``), newest inquiry first, ``pageNum``/``pageSize``
  paging with ``data.pagination``.
* Online answers go to NOANSWER inquiries, once. Call-center answers go to NO_ANSWER ones,
  once, under the counsellor's transfer note (``parentAnswerId`` = its answerId, checked when
  given); TRANSFER inquiries take a confirmation instead.
* Since 2024 the customer's email is not given out: ``buyerEmail`` is ``""``.

The methods return the store's rows (:class:`InquiryPage` for a list);
:mod:`coupang_sandbox.views.customer_service` renders them as Coupang's JSON.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Final

from sqlalchemy import Connection
from sqlalchemy.engine import RowMapping

from coupang_sandbox.backends._ids import parse_id
from coupang_sandbox.clock import SandboxClock, from_us, to_us
from coupang_sandbox.errors import NotFound, ValidationFailed, must_exist
from coupang_sandbox.kst import wire
from coupang_sandbox.settings import SandboxSettings
from coupang_sandbox.state import customer_service as st
from coupang_sandbox.store import Store
from coupang_sandbox.store import customer_service as store
from coupang_sandbox.store import orders as db
from coupang_sandbox.store import products as product_db
from coupang_sandbox.store import repo as r
from coupang_seller._constants import KST
from coupang_seller.preflight import Violation
from coupang_seller.preflight import customer_service as rules

ONLINE_ID_START: Final = 10_000_001
CALL_CENTER_ID_START: Final = 1_015_000_001
ANSWER_ID_START: Final = 1_027_000_001
COMMENT_ID_START: Final = 300_001
DEFAULT_CATEGORY: Final = "기타문의>기타>판매자이관"
COUNSELLOR: Final = ("쿠팡 고객센터", "cs-agent")


def wire_at(value: Any) -> str | None:
    """A stored instant (us) as Coupang's ``yyyy-MM-dd HH:mm:ss`` (KST), ``None`` for none."""
    return None if value is None else wire(from_us(int(value)), " ")


def _day_of(text: Any) -> str | None:
    return None if not text else str(text)[:10]


def kst_day_start(day: date) -> int:
    """The first instant (us) of a Korean calendar day."""
    return to_us(datetime.combine(day, time(0), KST))


def _pending_transfer(replies: list[dict[str, Any]]) -> dict[str, Any] | None:
    for reply in replies:
        if reply.get("answerType") == "csAgent" and reply.get("partnerTransferStatus") == (
            "requestAnswer"
        ):
            return reply
    return None


@dataclass(frozen=True, slots=True)
class ListQuery:
    """A validated list request."""

    start: date | None
    end: date | None
    states: tuple[str, ...]
    vendor_item_id: int | None
    order_id: int | None
    page: int
    size: int


@dataclass(frozen=True, slots=True)
class Answer:
    """A seller's answer: the text, the WING user who answers and, for a call-center inquiry,
    the counsellor's transfer it answers (``parentAnswerId``; ``None``: the pending one)."""

    content: str
    reply_by: str
    parent_answer_id: int | None = None


@dataclass(frozen=True, slots=True)
class Question:
    """What the control API's customer asks: on a product page (``vendor_item_id`` required)
    or by calling Coupang about an order or an item (``transfer``: the counsellor closes it and
    the seller only confirms). ``vendor_id``, when given, must own the item or order."""

    content: str
    buyer: str | None
    vendor_item_id: int | None
    order_id: int | None
    vendor_id: str | None
    transfer: bool = False
    receipt_category: str | None = None


@dataclass(frozen=True, slots=True)
class InquiryPage:
    """One page of a list: the rows, newest first, and how many the filters match."""

    rows: list[RowMapping]
    total: int


@dataclass
class CustomerService:
    """The customer-service backend: inquiries, their answers and confirmations."""

    store: Store
    clock: SandboxClock
    settings: SandboxSettings

    def _now(self) -> datetime:
        return self.clock.now().astimezone(UTC)

    # -- seller reads ---------------------------------------------------------------

    def list_page(self, kind: str, vendor_id: str, query: ListQuery) -> InquiryPage:
        """The inquiries of ``kind`` the vendor's list ``query`` selects."""
        with self.store.engine.begin() as conn:
            rows, total = store.inquiries_page(
                conn,
                kind,
                vendor_id,
                from_us=None if query.start is None else kst_day_start(query.start),
                before_us=None
                if query.end is None
                else kst_day_start(query.end + timedelta(days=1)),
                states=query.states,
                vendor_item_id=query.vendor_item_id,
                order_id=query.order_id,
                offset=(query.page - 1) * query.size,
                limit=query.size,
            )
        return InquiryPage(list(rows), total)

    def get_call_center(self, vendor_id: str, id_text: object) -> RowMapping:
        """The vendor's call-center inquiry ``id_text`` (404 for another vendor's)."""
        with self.store.engine.begin() as conn:
            return self._row(conn, st.CALL_CENTER, id_text, vendor_id)

    def _row(
        self, conn: Connection, kind: str, id_text: object, vendor_id: str | None = None
    ) -> RowMapping:
        inquiry_id = parse_id(id_text, minimum=1)
        row = (
            None
            if inquiry_id is None
            else store.get_inquiry(conn, kind, inquiry_id, vendor_id, lock=True)
        )
        if row is None:
            label = "online inquiry" if kind == st.ONLINE else "call-center inquiry"
            raise NotFound(f"{label} {id_text} does not exist")
        return row

    # -- seller actions -------------------------------------------------------------

    def answer_online(self, vendor_id: str, id_text: object, answer: Answer) -> None:
        """Answer the vendor's NOANSWER online inquiry (once)."""
        now = self._now()
        with self.store.engine.begin() as conn:
            row = self._row(conn, st.ONLINE, id_text, vendor_id)
            status = str(row["status"])
            refused = rules.check_answer_online(status)
            if refused:
                raise ValidationFailed(refused)
            comment = {
                "inquiryCommentId": r.next_id(conn, "cs_comment", COMMENT_ID_START),
                "content": answer.content,
                "at_us": to_us(now),
                "by": answer.reply_by,
            }
            store.update_inquiry(
                conn,
                st.ONLINE,
                int(row["inquiry_id"]),
                {
                    "status": st.online.apply(status, st.ANSWER_EVENT),
                    "replies": [*(row["replies"] or []), comment],
                    "replied_by": comment["by"],
                    "answered_at_us": to_us(now),
                    "updated_at_us": to_us(now),
                },
            )

    def answer_call_center(self, vendor_id: str, id_text: object, answer: Answer) -> None:
        """Answer the vendor's NO_ANSWER call-center inquiry (once), under the counsellor's
        pending transfer."""
        parent_id = answer.parent_answer_id
        now = self._now()
        with self.store.engine.begin() as conn:
            row = self._row(conn, st.CALL_CENTER, id_text, vendor_id)
            status = str(row["status"])
            refused = rules.check_answer_call_center(status)
            if refused:
                raise ValidationFailed(refused)
            replies = [dict(x) for x in row["replies"] or []]
            # NO_ANSWER always carries the counsellor's transfer
            pending = must_exist(_pending_transfer(replies), "the counsellor's transfer")
            if parent_id is not None and parent_id != int(pending["answerId"]):
                raise ValidationFailed(
                    [
                        Violation(
                            "parentAnswerId",
                            "parent_answer",
                            f"parentAnswerId {parent_id} is not the transfer awaiting an answer "
                            f"(answerId {pending['answerId']}) of inquiry {row['inquiry_id']}",
                        )
                    ]
                )
            pending["partnerTransferStatus"] = "answered"
            pending["needAnswer"] = False
            user = answer.reply_by
            replies.append(
                {
                    "answerId": r.next_id(conn, "cs_answer", ANSWER_ID_START),
                    "parentAnswerId": int(pending["answerId"]),
                    "partnerTransferStatus": None,
                    "partnerTransferCompleteReason": "NONE",
                    "answerType": "vendor",
                    "needAnswer": False,
                    "receptionistName": vendor_id,
                    "receptionist": user,
                    "at_us": to_us(now),
                    "content": answer.content,
                }
            )
            store.update_inquiry(
                conn,
                st.CALL_CENTER,
                int(row["inquiry_id"]),
                {
                    "status": st.call_center.apply(status, st.ANSWER_EVENT),
                    "replies": replies,
                    "replied_by": user,
                    "answered_at_us": to_us(now),
                    "updated_at_us": to_us(now),
                },
            )

    def confirm(self, vendor_id: str, id_text: object, confirm_by: str) -> None:
        """Acknowledge the vendor's TRANSFER call-center inquiry (once)."""
        now = self._now()
        with self.store.engine.begin() as conn:
            row = self._row(conn, st.CALL_CENTER, id_text, vendor_id)
            status = str(row["status"])
            refused = rules.check_confirm(status)
            if refused:
                raise ValidationFailed(refused)
            replies = [dict(x) for x in row["replies"] or []]
            pending = _pending_transfer(replies)
            if pending is not None:
                pending["partnerTransferStatus"] = "answered"
                pending["partnerTransferCompleteReason"] = "DISPUTE_PROCESS_COMPLETE"
            store.update_inquiry(
                conn,
                st.CALL_CENTER,
                int(row["inquiry_id"]),
                {
                    "status": st.call_center.apply(status, st.CONFIRM_EVENT),
                    "replies": replies,
                    "confirmed_by": confirm_by,
                    "answered_at_us": to_us(now),
                    "updated_at_us": to_us(now),
                },
            )

    # -- control: the customer and Coupang's call center ----------------------------

    @staticmethod
    def _listed_item(
        conn: Connection, vendor_item_id: int, vendor_id: str | None
    ) -> tuple[RowMapping, RowMapping]:
        item = store.listed_item(conn, vendor_item_id)
        if item is None or (vendor_id is not None and item["vendor_id"] != vendor_id):
            owner = "" if vendor_id is None else f" of vendor {vendor_id}"
            raise NotFound(f"vendorItemId {vendor_item_id} is not an item{owner}")
        product = product_db.product_get(
            conn, str(item["vendor_id"]), int(item["seller_product_id"])
        )
        # A vendorItemId exists once the product was approved (it stays listed afterwards).
        if product is None or product["product_id"] is None:
            raise NotFound(f"vendorItemId {vendor_item_id} is not an approved item")
        return item, product

    @staticmethod
    def _order(conn: Connection, order_id: int, vendor_id: str | None) -> RowMapping:
        order = db.order_get(conn, order_id)
        if order is None or (vendor_id is not None and order["vendor_id"] != vendor_id):
            owner = "" if vendor_id is None else f" of vendor {vendor_id}"
            raise NotFound(f"orderId {order_id} is not an order{owner}")
        return order

    def ask_online(self, question: Question) -> RowMapping:
        """A customer asks a question on a listed item's product page -> NOANSWER."""
        vendor_item_id, order_id = (
            must_exist(question.vendor_item_id, "vendorItemId"),
            question.order_id,
        )
        vendor = question.vendor_id
        now = self._now()
        with self.store.engine.begin() as conn:
            item, product = self._listed_item(conn, vendor_item_id, vendor)
            owner = str(item["vendor_id"])
            order_ids: list[int] = []
            if order_id is not None:
                self._order(conn, order_id, owner)
                if not any(
                    int(i["vendor_item_id"]) == vendor_item_id
                    for i in db.items_of_order(conn, order_id)
                ):
                    raise ValidationFailed(
                        [
                            Violation(
                                "orderId",
                                "not_in_order",
                                f"vendorItemId {vendor_item_id} is not in orderId {order_id}",
                            )
                        ]
                    )
                order_ids.append(order_id)
            inquiry_id = r.next_id(conn, "cs_online_inquiry", ONLINE_ID_START)
            values = {
                "kind": st.ONLINE,
                "inquiry_id": inquiry_id,
                "vendor_id": owner,
                "status": st.NOANSWER,
                "vendor_item_id": vendor_item_id,
                "seller_product_id": int(product["seller_product_id"]),
                "product_id": int(product["product_id"]),
                "order_id": order_id,
                "content": question.content,
                "doc": {
                    "itemName": (item["doc"] or {}).get("itemName"),
                    "orderIds": order_ids,
                    "buyer": question.buyer,
                },
                "replies": [],
                "inquiry_at_us": to_us(now),
                "updated_at_us": to_us(now),
            }
            store.insert_inquiry(conn, values, [vendor_item_id])
            return must_exist(store.get_inquiry(conn, st.ONLINE, inquiry_id), "the inquiry")

    @staticmethod
    def _order_items(
        conn: Connection, order: RowMapping | None, vendor_item_id: int | None
    ) -> tuple[list[int], str | None]:
        """The vendorItemIds a call about ``order`` concerns (all of its items, or the one
        named, which must be in it) and the first one's name; nothing without an order."""
        if order is None:
            return [], None
        lines = db.items_of_order(conn, int(order["order_id"]))
        item_ids = [int(i["vendor_item_id"]) for i in lines]
        if vendor_item_id is not None:
            if vendor_item_id not in item_ids:
                message = f"vendorItemId {vendor_item_id} is not in orderId {order['order_id']}"
                raise ValidationFailed([Violation("vendorItemId", "not_in_order", message)])
            item_ids = [vendor_item_id]
        first = next(i for i in lines if int(i["vendor_item_id"]) == item_ids[0])
        return item_ids, (first["doc"] or {}).get("vendorItemName")

    @staticmethod
    def _transfer(conn: Connection, note: str, *, need_answer: bool, at_us: int) -> dict[str, Any]:
        """The counsellor's transfer note handing a call to the seller."""
        return {
            "answerId": r.next_id(conn, "cs_answer", ANSWER_ID_START),
            "parentAnswerId": 0,
            "partnerTransferStatus": "requestAnswer",
            "partnerTransferCompleteReason": "NONE",
            "answerType": "csAgent",
            "needAnswer": need_answer,
            "receptionistName": COUNSELLOR[0],
            "receptionist": COUNSELLOR[1],
            "at_us": at_us,
            "content": note,
        }

    def open_call_center(self, question: Question) -> RowMapping:
        """A customer calls Coupang about an order or an item; the counsellor hands it to the
        seller for an answer (NO_ANSWER) or, ``transfer``, closes it and asks the seller to
        acknowledge (TRANSFER)."""
        vendor_item_id, order_id = question.vendor_item_id, question.order_id
        transfer, vendor = question.transfer, question.vendor_id
        now = self._now()
        with self.store.engine.begin() as conn:
            order = None if order_id is None else self._order(conn, order_id, vendor)
            owner = vendor if order is None else str(order["vendor_id"])
            item_ids, item_name = self._order_items(conn, order, vendor_item_id)
            primary = vendor_item_id if vendor_item_id is not None else item_ids[0]
            item, product = self._listed_item(conn, primary, owner)
            owner = str(item["vendor_id"])
            if not item_ids:
                item_ids = [primary]
            product_doc = product["doc"] or {}
            item_name = item_name or (item["doc"] or {}).get("itemName")
            inquiry_id = r.next_id(conn, "cs_call_center_inquiry", CALL_CENTER_ID_START)
            text = question.content
            note = (
                f"[판매자이관]\n◼주문번호: {order_id or '-'}\n◼아이템: {item_name}\n"
                f"◼문의내용: {text}\n"
            )
            transfer_reply = self._transfer(conn, note, need_answer=not transfer, at_us=to_us(now))
            values = {
                "kind": st.CALL_CENTER,
                "inquiry_id": inquiry_id,
                "vendor_id": owner,
                "status": st.TRANSFER if transfer else st.NO_ANSWER,
                "vendor_item_id": primary,
                "seller_product_id": int(product["seller_product_id"]),
                "product_id": int(product["product_id"]),
                "order_id": order_id,
                "content": text,
                "doc": {
                    "itemName": item_name,
                    "vendorItemIds": item_ids,
                    "buyer": question.buyer,
                    "buyerPhone": f"010-****-{inquiry_id % 10000:04d}",
                    "orderDate": None if order is None else wire_at(order["ordered_at_us"]),
                    "receiptCategory": question.receipt_category or DEFAULT_CATEGORY,
                    "saleStartedAt": _day_of(product_doc.get("saleStartedAt")),
                    "saleEndedAt": _day_of(product_doc.get("saleEndedAt")),
                },
                "replies": [transfer_reply],
                "inquiry_at_us": to_us(now),
                "updated_at_us": to_us(now),
            }
            store.insert_inquiry(conn, values, item_ids)
            return must_exist(store.get_inquiry(conn, st.CALL_CENTER, inquiry_id), "the inquiry")

    def view(self, kind: str, id_text: object) -> RowMapping:
        """Any vendor's inquiry of ``kind`` (the control API's view)."""
        with self.store.engine.begin() as conn:
            return self._row(conn, kind, id_text)
