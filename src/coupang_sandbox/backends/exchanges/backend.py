"""Exchanges (교환): the seller's list and actions, and the customer and courier of the
control API.

Every operation loads the row, applies a rule (the pure functions of
:mod:`coupang_seller.preflight.exchanges`, shared with the SDK, and the transition tables of
:mod:`coupang_sandbox.state.exchanges`) and persists, in one transaction.

Time is the sandbox clock and nothing runs in the background: the new shipment box of an
exchange (재배송 박스) is allocated when the seller confirms receipt and shows in
``deliveryInvoiceGroupDtos`` (and may take the exchange invoice) once
``exchange_new_box_after_seconds`` (600, "최대 10분") has passed — checked when read.

Rules (business rule 7 of the reference): an exchange is requested for a delivered
(FINAL_DELIVERY) order item, for the same option only (same ``vendorItemId``); the seller
confirms receipt of the returned goods (RECEIPT -> PROGRESS, collectStatus CompleteCollect),
then uploads the invoice on the NEW shipmentBoxId (PROGRESS -> SUCCESS); rejection takes
only SOLDOUT or WITHDRAW; the customer's withdrawal gives CANCEL. The exchange shipping fee
(``exchangeAmount``) is settled outside Coupang; ``faultType`` tells who bears it. Since
2024-09 the list shows only safe (virtual) phone numbers (안심번호), never real ones.

The returned goods go to the product's return center: ``returndeliveryDestinationDto``
(``returnCenterCode``, the center's address and phone) and the pickup courier
(``returnDeliveryDtos``) are taken from the product's ``returnCenterCode`` and the vendor's
center when the customer asks. Stock: an exchange sends one unit out for each one that comes
back, so nothing changes; the docs say nothing about stock on a SOLDOUT rejection (only that
the seller may reject when the item is sold out), so the sandbox leaves stock alone.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, Final

from sqlalchemy import Connection
from sqlalchemy.engine import RowMapping

from coupang_sandbox.backends._ids import parse_id
from coupang_sandbox.backends._invoices import COURIER_NAMES, MSG_DUPLICATE_INVOICE, invoice_in_use
from coupang_sandbox.backends.exchanges.rows import (
    ExchangeInvoice,
    ExchangeManualInvoice,
    ExchangePage,
    ExchangePickupInvoice,
    ExchangeRequest,
    ExchangeRow,
    Row,
    Scanned,
)
from coupang_sandbox.backends.orders import SHIPMENT_BOX_ID_START
from coupang_sandbox.backends.returns import INVOICE_NUMBER_ID_START
from coupang_sandbox.clock import SandboxClock, from_us, to_us
from coupang_sandbox.errors import BadRequest, Conflict, NotFound, ValidationFailed, must_exist
from coupang_sandbox.kst import wire
from coupang_sandbox.settings import SandboxSettings
from coupang_sandbox.state import exchanges as st
from coupang_sandbox.state import orders as order_st
from coupang_sandbox.store import Store, shipping_places
from coupang_sandbox.store import exchanges as xdb
from coupang_sandbox.store import orders as db
from coupang_sandbox.store import products as product_db
from coupang_sandbox.store import repo as r
from coupang_sandbox.store import returns as rdb

if TYPE_CHECKING:
    from coupang_sandbox.backends.effects import Effects
from coupang_seller.preflight import Violation
from coupang_seller.preflight import orders as order_rules

EXCHANGE_ID_START: Final = 100_000_001
EXCHANGE_ITEM_ID_START: Final = 1_000_001

#: VOC reasons that are the customer's fault (the customer bears the exchange shipping fee).
CUSTOMER_FAULT_REASONS: Final = frozenset(
    {"CHANGEMIND", "DIFFERENTOPT", "CHEAPER", "WRONGOPT", "REORDER", "OTHERS", "WRONGADDRESS"}
)
REFER_TYPES: Final = ("VENDOR", "CS_CENTER", "WEB_PC", "WEB_MOBILE")

#: Refusal when the exchange invoice names the ORIGINAL shipmentBoxId: that box is finished
#: (its tracking is closed, NONE_TRACKING for the exchange), the new box must be used.
MSG_NONE_TRACKING: Final = (
    "NONE_TRACKING: shipmentBoxId {box} is the original delivery (원배송번호) of exchangeId "
    "{exchange}, not the exchange box. 입고확인 처리 후 교환요청 목록 조회 시 "
    "deliveryInvoiceGroupDtos 정보 아래에 새로 생성된 shipmentBoxId를 입력해야합니다."
)
MSG_NEW_BOX_PENDING: Final = (
    "exchangeId {exchange}: the new shipmentBoxId is not in deliveryInvoiceGroupDtos yet; "
    "it appears {seconds:.0f} s after the receipt confirmation, at {at} "
    "(입고 확인처리 후 최대 10분 이후에 교환송장 업로드처리가 가능합니다)"
)


def _virtual_number() -> str:
    """A safe number (안심번호, 050x): the exchange list shows no real phone number."""
    return f"0503-{secrets.randbelow(9000) + 1000}-{secrets.randbelow(9000) + 1000}"


def at_wire(value: Any) -> str | None:
    """A stored instant in microseconds as the wire's KST text, ``None`` when unset."""
    return None if value is None else wire(from_us(int(value)))


def new_box_visible(row: Row, now: datetime) -> bool:
    """Whether the new shipment box of the exchange shows (its delay has passed at ``now``)."""
    at = row["new_box_at_us"]
    return row["new_shipment_box_id"] is not None and at is not None and int(at) <= to_us(now)


@dataclass
class Exchanges:
    """The exchanges backend (built on the sandbox's store, clock and settings)."""

    store: Store
    clock: SandboxClock
    settings: SandboxSettings
    #: The other groups this one reaches (see :mod:`coupang_sandbox.backends.effects`).
    effects: Effects

    def _now(self) -> datetime:
        return self.clock.now().astimezone(UTC)

    def _settle_orders(self, conn: Connection) -> None:
        """Apply the orders' due courier scans first (a box may just have been delivered)."""
        self.effects.orders_due(conn, None)

    def _rows(self, conn: Connection, rows: list[RowMapping]) -> list[ExchangeRow]:
        now = self._now()
        out = []
        for row in rows:
            box = db.box_get(conn, int(row["original_shipment_box_id"]))
            status = None if box is None else str(box["status"])
            out.append(ExchangeRow(row, status, new_box_visible(row, now)))
        return out

    def _row(self, conn: Connection, id_text: object, vendor_id: str | None = None) -> RowMapping:
        exchange_id = parse_id(id_text)
        row = (
            None
            if exchange_id is None
            else xdb.get_exchange(conn, exchange_id, vendor_id, lock=True)
        )
        if row is None:
            raise NotFound(f"exchangeId {id_text} does not exist")
        return row

    def _apply(self, row: Row, event: str) -> str:
        status = str(row["status"])
        if not st.exchange.can(status, event):
            raise BadRequest(st.refusal(int(row["exchange_id"]), status, event))
        return st.exchange.apply(status, event)

    # -- seller reads ---------------------------------------------------------------

    def list(
        self,
        vendor_id: str,
        *,
        start: datetime,
        end: datetime,
        status: str | None,
        order_id: int | None,
        after: int | None,
        limit: int,
    ) -> ExchangePage:
        """One page of the vendor's exchanges created in ``[start, end]``."""
        # createdAtTo is inclusive (the documented sample ends at ...T23:59:59): its whole
        # second, or its whole minute when given without seconds, as the orders and returns
        # lists treat it. The store bound is exclusive.
        stop = end + (timedelta(minutes=1) if end.second == 0 else timedelta(seconds=1))
        with self.store.engine.begin() as conn:
            rows, more = xdb.exchanges_page(
                conn,
                vendor_id,
                created_from_us=to_us(start),
                created_before_us=to_us(stop),
                status=status,
                order_id=order_id,
                after_id=after,
                limit=limit,
            )
            data = self._rows(conn, rows)
        token = str(int(rows[-1]["exchange_id"])) if more and rows else ""
        return ExchangePage(data, token)

    # -- seller actions -------------------------------------------------------------

    def confirm_receipt(self, vendor_id: str, id_text: object) -> None:
        """The seller confirms the returned goods arrived (RECEIPT -> PROGRESS): the new box is
        allocated and shows after ``exchange_new_box_after_seconds``."""
        now = self._now()
        with self.store.engine.begin() as conn:
            row = self._row(conn, id_text, vendor_id)
            status = self._apply(row, st.CONFIRM_RECEIPT)
            collect = st.collect.apply(str(row["collect_status"]), st.RECEIVED)
            new_box = r.next_id(conn, "shipment_box", SHIPMENT_BOX_ID_START)
            due = now + timedelta(seconds=self.settings.exchange_new_box_after_seconds)
            xdb.update_exchange(
                conn,
                int(row["exchange_id"]),
                {
                    "status": status,
                    "collect_status": collect,
                    "collected_at_us": to_us(now),
                    "new_shipment_box_id": new_box,
                    "new_box_at_us": to_us(due),
                    "modified_by_type": "VENDOR",
                    "modified_at_us": to_us(now),
                },
            )

    def reject(self, vendor_id: str, id_text: object, code: str) -> None:
        """The seller rejects the exchange (SOLDOUT or WITHDRAW, checked by the route)."""
        now = self._now()
        with self.store.engine.begin() as conn:
            row = self._row(conn, id_text, vendor_id)
            status = self._apply(row, st.REJECT_EXCHANGE)
            values: dict[str, Any] = {
                "status": status,
                "reject_code": code,
                "delivery_status": "Withdraw",
                "modified_by_type": "VENDOR",
                "modified_at_us": to_us(now),
            }
            if row["collect_status"] != st.COMPLETE_COLLECT:
                values["collect_status"] = st.collect.apply(
                    str(row["collect_status"]), st.COLLECT_CANCELLED
                )
            xdb.update_exchange(conn, int(row["exchange_id"]), values)

    def _new_box(self, row: Row, box_id: int | None, now: datetime) -> int:
        """The exchange's new box, which the invoice must name; 400 while it does not show
        yet, or when the invoice names the original box or another one."""
        exchange_id = int(row["exchange_id"])
        if not new_box_visible(row, now):
            at = row["new_box_at_us"]
            raise BadRequest(
                MSG_NEW_BOX_PENDING.format(
                    exchange=exchange_id,
                    seconds=self.settings.exchange_new_box_after_seconds,
                    at=at_wire(at),
                )
            )
        if box_id == int(row["original_shipment_box_id"]):
            raise BadRequest(MSG_NONE_TRACKING.format(box=box_id, exchange=exchange_id))
        new_box = int(row["new_shipment_box_id"])
        if box_id != new_box:
            raise BadRequest(
                f"shipmentBoxId {box_id} is not the exchange box of exchangeId "
                f"{exchange_id}: use the new shipmentBoxId {new_box} of "
                "deliveryInvoiceGroupDtos"
            )
        return new_box

    def upload_invoice(self, vendor_id: str, id_text: object, invoice: ExchangeInvoice) -> None:
        """The seller uploads the invoice of the new box (PROGRESS -> SUCCESS)."""
        box_id, courier, number = invoice.shipment_box_id, invoice.courier, invoice.number
        now = self._now()
        with self.store.engine.begin() as conn:
            row = self._row(conn, id_text, vendor_id)
            exchange_id = int(row["exchange_id"])
            status = self._apply(row, st.UPLOAD_INVOICE)
            new_box = self._new_box(row, box_id, now)
            used = invoice_in_use(conn, courier, number, now, order_id=None)
            if used is not None:
                raise BadRequest(
                    f"{MSG_DUPLICATE_INVOICE} invoiceNumber {number} "
                    f"({COURIER_NAMES.get(courier, courier)}) was already used within 6 months "
                    f"(중복 송장번호): {used}"
                )
            db.invoice_insert(
                conn,
                {
                    "id": r.next_id(conn, "invoice", 1),
                    "vendor_id": vendor_id,
                    "delivery_company_code": courier,
                    "invoice_number": number,
                    "shipment_box_id": new_box,
                    "order_id": int(row["order_id"]),
                    "uploaded_at_us": to_us(now),
                },
            )
            xdb.update_exchange(
                conn,
                exchange_id,
                {
                    "status": status,
                    "goods_delivery_code": courier,
                    "invoice_number": number,
                    "invoice_uploaded_at_us": to_us(now),
                    "delivery_status": "VendorDirect"
                    if courier == order_rules.DIRECT
                    else "CompleteDirection",
                    "modified_by_type": "VENDOR",
                    "modified_at_us": to_us(now),
                },
            )

    # -- control: the customer ------------------------------------------------------

    @staticmethod
    def _delivered(conn: Connection, order_id: int, vendor_item_id: int) -> Sequence[RowMapping]:
        """The order's items of ``vendor_item_id`` in delivered boxes; 400 when the order has
        no such item, 409 when none of them was delivered."""
        items = [
            i for i in db.items_of_order(conn, order_id)
            if int(i["vendor_item_id"]) == vendor_item_id
        ]  # fmt: skip
        if not items:
            raise BadRequest(
                f"vendorItemId {vendor_item_id} is not an item of orderId {order_id}: only "
                "the same option that was ordered can be exchanged"
            )
        boxes = {int(b["shipment_box_id"]): b for b in db.boxes_of_order(conn, order_id, lock=True)}
        delivered = [
            i for i in items
            if boxes[int(i["shipment_box_id"])]["status"] == order_st.FINAL_DELIVERY
        ]  # fmt: skip
        if not delivered:
            box = boxes[int(items[0]["shipment_box_id"])]
            status = str(box["status"])
            raise Conflict(
                f"shipmentBoxId {box['shipment_box_id']} is {status} "
                f"({order_st.status_name(status)}): an exchange is requested for a "
                "delivered item (FINAL_DELIVERY)"
            )
        return delivered

    @staticmethod
    def _check_quantity(
        conn: Connection, ask: ExchangeRequest, delivered: Sequence[RowMapping]
    ) -> None:
        """409 when ``ask.quantity`` is more than was delivered and is not in open exchanges."""
        order_id, vendor_item_id, quantity = ask.order_id, ask.vendor_item_id, ask.quantity
        shipped = sum(int(i["shipping_count"]) - int(i["cancel_count"]) for i in delivered)
        taken = sum(
            int(x["quantity"])
            for x in xdb.open_exchanges_of_order(conn, order_id)
            if int(x["vendor_item_id"]) == vendor_item_id
        )
        if quantity > shipped - taken:
            raise Conflict(
                f"quantity {quantity} is more than can be exchanged for vendorItemId "
                f"{vendor_item_id} of orderId {order_id} ({shipped} delivered, {taken} in "
                "open exchanges)"
            )

    def _new_exchange(
        self, conn: Connection, ask: ExchangeRequest, order: Row, first: Row, now: datetime
    ) -> int:
        """Store the exchange of ``ask`` (RECEIPT) for the order item ``first``; its id."""
        reason = ask.reason_code
        doc = first["doc"] or {}
        receiver = dict(order["receiver"] or {})
        center = self._return_center(conn, str(order["vendor_id"]), int(first["seller_product_id"]))
        exchange_id = r.next_id(conn, "exchange", EXCHANGE_ID_START)
        xdb.insert_exchange(
            conn,
            {
                "exchange_id": exchange_id,
                "vendor_id": order["vendor_id"],
                "order_id": ask.order_id,
                "original_shipment_box_id": int(first["shipment_box_id"]),
                "status": st.RECEIPT,
                "collect_status": st.BEFORE_DIRECTION,
                "delivery_status": "BeforeDirection",
                "vendor_item_id": ask.vendor_item_id,
                "quantity": ask.quantity,
                "reason_code": reason,
                "reason_etc_detail": ask.reason_etc_detail,
                "fault_type": "CUSTOMER" if reason in CUSTOMER_FAULT_REASONS else "VENDOR",
                "refer_type": ask.refer_type,
                "exchange_amount": ask.exchange_amount,
                "modified_by_type": "CUSTOMER",
                "item": {
                    "exchangeItemId": r.next_id(conn, "exchange_item", EXCHANGE_ITEM_ID_START),
                    "orderItemId": int(first["id"]),
                    "unitPrice": int(first["sales_price"]),
                    "name": doc.get("vendorItemName"),
                    "packageName": doc.get("sellerProductName"),
                    "returnCenter": center,
                },
                "customer": {
                    "name": receiver.get("name"),
                    "zipCode": receiver.get("postCode"),
                    "address": receiver.get("addr1"),
                    "addressDetail": receiver.get("addr2"),
                    "safeNumber": _virtual_number(),
                },
                # The pickup courier is the return center's (none without a center).
                "return_delivery": {
                    "deliveryCompanyCode": center.get("courier"),
                    "deliveryInvoiceNo": "",
                },
                "created_at_us": to_us(now),
                "modified_at_us": to_us(now),
            },
        )
        return exchange_id

    def request(self, ask: ExchangeRequest) -> ExchangeRow:
        """The customer asks to exchange a delivered item (control API) -> RECEIPT."""
        now = self._now()
        with self.store.engine.begin() as conn:
            self._settle_orders(conn)
            order = db.order_get(conn, ask.order_id)
            if order is None:
                raise NotFound(f"orderId {ask.order_id} does not exist")
            delivered = self._delivered(conn, ask.order_id, ask.vendor_item_id)
            self._check_quantity(conn, ask, delivered)
            exchange_id = self._new_exchange(conn, ask, order, delivered[0], now)
            row = must_exist(xdb.get_exchange(conn, exchange_id), "the exchange")
            return self._rows(conn, [row])[0]

    @staticmethod
    def _return_center(conn: Connection, vendor_id: str, seller_product_id: int) -> dict[str, Any]:
        """The product's return center (``returnCenterCode`` and the vendor's center row) as
        the exchange shows it; empty when the product has none (``NO_RETURN_CENTERCODE``)."""
        product = product_db.product_get(conn, vendor_id, seller_product_id)
        doc = (product["doc"] if product is not None else None) or {}
        code = doc.get("returnCenterCode")
        center = None if code is None else shipping_places.return_get(conn, vendor_id, str(code))
        if center is None:
            return {}
        addresses = [a for a in center["addresses"] or [] if isinstance(a, Mapping)]
        address = next(
            (a for a in addresses if a.get("addressType") == "JIBUN"),
            addresses[0] if addresses else {},
        )
        return {
            "code": str(center["code"]),
            "name": str(center["name"]),
            "courier": str(center["deliver_code"]),
            "zipCode": address.get("returnZipCode"),
            "address": address.get("returnAddress"),
            "addressDetail": address.get("returnAddressDetail"),
            "phone": address.get("companyContactNumber"),
            "mobile": address.get("phoneNumber2") or "",
        }

    def view(self, id_text: object) -> ExchangeRow:
        """One exchange by its id (control API)."""
        with self.store.engine.begin() as conn:
            row = self._row(conn, id_text)
            return self._rows(conn, [row])[0]

    def withdraw(self, id_text: object, reason: str) -> ExchangeRow:
        """The customer withdraws the exchange (RECEIPT -> CANCEL)."""
        now = self._now()
        with self.store.engine.begin() as conn:
            row = self._row(conn, id_text)
            status = self._apply(row, st.WITHDRAW)
            xdb.update_exchange(
                conn,
                int(row["exchange_id"]),
                {
                    "status": status,
                    "collect_status": st.collect.apply(
                        str(row["collect_status"]), st.COLLECT_CANCELLED
                    ),
                    "delivery_status": "Withdraw",
                    "cancel_reason": reason,
                    "modified_by_type": "CUSTOMER",
                    "modified_at_us": to_us(now),
                },
            )
            fresh = must_exist(xdb.get_exchange(conn, int(row["exchange_id"])), "the exchange")
            return self._rows(conn, [fresh])[0]

    def manual_invoice(
        self, vendor_id: str, invoice: ExchangeManualInvoice
    ) -> ExchangePickupInvoice:
        """The seller registers the pickup invoice (회수 송장) of the goods to exchange, for a
        return center whose courier does not pick up automatically: ``receiptId`` is the
        exchangeId. Allowed while the exchange is RECEIPT and the goods are not collected yet;
        a number used within six months is refused as for order invoices."""
        courier, number, reg = invoice.courier, invoice.number, invoice.reg_number
        now = self._now()
        with self.store.engine.begin() as conn:
            row = self._row(conn, invoice.receipt_id, vendor_id)
            collect = str(row["collect_status"])
            if str(row["status"]) != st.RECEIPT or collect == "CompleteCollect":
                raise BadRequest(
                    f"회수 송장을 등록할 수 없는 상태입니다. (exchangeId {row['exchange_id']} is "
                    f"{row['status']} with collectStatus {collect}; a pickup invoice is "
                    f"registered only while {st.RECEIPT} before the goods are collected)"
                )
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
            invoice_id = r.next_id(conn, "return_invoice", INVOICE_NUMBER_ID_START)
            rdb.pickup_invoice_insert(
                conn,
                {
                    "id": invoice_id,
                    "vendor_id": vendor_id,
                    "kind": "EXCHANGE",
                    "receipt_id": int(row["exchange_id"]),
                    "delivery_company_code": courier,
                    "invoice_number": number,
                    "registered_at_us": to_us(now),
                },
            )
            xdb.update_exchange(
                conn,
                int(row["exchange_id"]),
                {
                    "return_delivery": {
                        "deliveryCompanyCode": courier,
                        "deliveryInvoiceNo": number,
                    },
                    "modified_by_type": "VENDOR",
                    "modified_at_us": to_us(now),
                },
            )
        return ExchangePickupInvoice(courier, number, invoice_id, int(row["exchange_id"]), reg)

    # -- control: the courier of the returned goods ---------------------------------

    def scan(self, id_text: object, name: str) -> Scanned:
        """The courier scans the returned goods: ``name`` is PICKUP or DELIVERED (a key of
        ``st.SCAN_EVENTS``, checked by the route)."""
        event = st.SCAN_EVENTS[name]
        now = self._now()
        with self.store.engine.begin() as conn:
            row = self._row(conn, id_text)
            current = str(row["collect_status"])
            if str(row["status"]) != st.RECEIPT or not st.collect.can(current, event):
                allowed = [s for s in st.COLLECT_STATUSES if st.collect.can(s, event)]
                raise Conflict(
                    f"pickup scan {name}: exchangeId {row['exchange_id']} is "
                    f"{row['status']} with collectStatus {current}; allowed only while "
                    f"RECEIPT with collectStatus {', '.join(allowed)}"
                )
            collect = st.collect.apply(current, event)
            values: dict[str, Any] = {"collect_status": collect, "modified_at_us": to_us(now)}
            values["modified_by_type"] = "TRACKING"
            if event == st.PICKUP:
                values["return_delivery"] = {
                    "deliveryCompanyCode": dict(row["return_delivery"] or {}).get(
                        "deliveryCompanyCode"
                    ),
                    "deliveryInvoiceNo": str(600_000_000_000 + int(row["exchange_id"])),
                }
            xdb.update_exchange(conn, int(row["exchange_id"]), values)
        return Scanned(int(row["exchange_id"]), collect)
