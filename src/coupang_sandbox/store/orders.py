"""Tables and queries of orders, shipment boxes (발주서), their items, delivery history, the
invoices used (duplicate check) and the cancel/stop-shipment/return receipts.

Layout (returns and exchanges hang off the same keys later)::

    sandbox_orders (orderId) 1──n sandbox_shipment_boxes (shipmentBoxId) 1──n sandbox_order_items
                                        │ 1──n sandbox_shipment_history
                                        │ 1──n sandbox_invoices
    sandbox_invoice_claims (deliveryCompanyCode, invoiceNumber): one row per number ever used,
        the lock that serialises every use of that number (order and pickup invoices)
    sandbox_order_receipts (receiptId) ──> orderId, shipmentBoxId; ``items`` lists
        ``{vendorItemId, count}``; receipt_type CANCEL / STOP_SHIPMENT / RETURN and
        receipt_status RELEASE_STOP_UNCHECKED / RETURNS_UNCHECKED / ... (ReturnReceiptStatus)

Every row carries ``vendor_id``; seller queries filter on it. Timestamps are microseconds
since the epoch on the sandbox clock.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Connection,
    Index,
    Integer,
    String,
    Table,
    Text,
    insert,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import RowMapping

from coupang_sandbox.store._rows import children_by_parent
from coupang_sandbox.store.schema import metadata

orders = Table(
    "sandbox_orders",
    metadata,
    Column("order_id", BigInteger, primary_key=True, autoincrement=False),
    Column("vendor_id", String(32), nullable=False),
    Column("ordered_at_us", BigInteger, nullable=False),
    Column("paid_at_us", BigInteger, nullable=False),
    #: When the seller's APIs start to show the order (paid + order_visible_after_seconds).
    Column("visible_at_us", BigInteger, nullable=False),
    #: ``{"name", "email", "safeNumber", "ordererNumber"}``
    Column("orderer", JSON, nullable=False),
    #: ``{"name", "safeNumber", "receiverNumber", "addr1", "addr2", "postCode"}``
    Column("receiver", JSON, nullable=False),
    #: MAINLAND / JEJU / ISLAND (region detected from the postcode).
    Column("region", String(16), nullable=False),
    Column("parcel_print_message", Text, nullable=True),
    Column("refer", String(64), nullable=False),
    Index("ix_sandbox_orders_vendor", "vendor_id", "order_id"),
)

shipment_boxes = Table(
    "sandbox_shipment_boxes",
    metadata,
    Column("shipment_box_id", BigInteger, primary_key=True, autoincrement=False),
    Column("order_id", BigInteger, nullable=False),
    Column("vendor_id", String(32), nullable=False),
    #: OrderSheetStatus code, or CANCEL (see ``state/orders.py``).
    Column("status", String(24), nullable=False),
    Column("status_before_cancel", String(24), nullable=True),
    Column("paid_at_us", BigInteger, nullable=False),
    Column("visible_at_us", BigInteger, nullable=False),
    Column("shipping_price", BigInteger, nullable=False),
    Column("remote_price", BigInteger, nullable=True),
    Column("remote_area", Boolean, nullable=False),
    #: NONE (nothing uploaded), NORMAL (one invoice for the box) or SPLIT (분리배송).
    Column("split_mode", String(8), nullable=False),
    #: The box this one was split from (the first shipped part gets a new shipmentBoxId).
    Column("split_from", BigInteger, nullable=True),
    Column("delivery_company_code", String(32), nullable=True),
    Column("invoice_number", String(64), nullable=True),
    Column("invoice_uploaded_at_us", BigInteger, nullable=True),
    Column("in_transit_at_us", BigInteger, nullable=True),
    Column("delivered_at_us", BigInteger, nullable=True),
    #: Instants of the automatic courier scans (NULL: none due).
    Column("pickup_due_us", BigInteger, nullable=True),
    Column("delivery_due_us", BigInteger, nullable=True),
    Column("updated_at_us", BigInteger, nullable=False),
    Index("ix_sandbox_boxes_vendor_paid", "vendor_id", "status", "paid_at_us"),
    Index("ix_sandbox_boxes_order", "order_id"),
    # The courier scans due (``boxes_due``, run before every read when automated scans are on).
    Index("ix_sandbox_boxes_vendor_pickup_due", "vendor_id", "pickup_due_us"),
    Index("ix_sandbox_boxes_vendor_delivery_due", "vendor_id", "delivery_due_us"),
)

order_items = Table(
    "sandbox_order_items",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    Column("shipment_box_id", BigInteger, nullable=False),
    Column("order_id", BigInteger, nullable=False),
    Column("vendor_id", String(32), nullable=False),
    Column("vendor_item_id", BigInteger, nullable=False),
    Column("seller_product_id", BigInteger, nullable=False),
    Column("product_id", BigInteger, nullable=True),
    Column("shipping_count", Integer, nullable=False),
    Column("cancel_count", Integer, nullable=False),
    Column("hold_count_for_cancel", Integer, nullable=False),
    Column("sales_price", BigInteger, nullable=False),
    Column("estimated_shipping_date", String(10), nullable=False),
    Column("planned_shipping_date", String(10), nullable=False),
    Column("invoice_uploaded_at_us", BigInteger, nullable=True),
    #: Names and flags copied from the product at order time.
    Column("doc", JSON, nullable=False),
    Index("ix_sandbox_order_items_box", "shipment_box_id", "id"),
    Index("ix_sandbox_order_items_order", "order_id"),
)

shipment_history = Table(
    "sandbox_shipment_history",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    Column("shipment_box_id", BigInteger, nullable=False),
    Column("status", String(24), nullable=False),
    Column("at_us", BigInteger, nullable=False),
    Index("ix_sandbox_shipment_history_box", "shipment_box_id", "id"),
)

invoices = Table(
    "sandbox_invoices",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    Column("vendor_id", String(32), nullable=False),
    Column("delivery_company_code", String(32), nullable=False),
    Column("invoice_number", String(64), nullable=False),
    Column("shipment_box_id", BigInteger, nullable=False),
    Column("order_id", BigInteger, nullable=False),
    Column("uploaded_at_us", BigInteger, nullable=False),
    Index("ix_sandbox_invoices_number", "delivery_company_code", "invoice_number"),
)

#: One row per (courier, invoice number) ever used: the row every use of the number locks first
#: (:func:`invoice_claim`), so two transactions that want the same number run one after the other
#: and the second sees the first's invoice in the six-month check. A plain unique key cannot say
#: "within six months"; the lock makes the check and the insert that follows atomic.
invoice_claims = Table(
    "sandbox_invoice_claims",
    metadata,
    Column("delivery_company_code", String(32), primary_key=True),
    Column("invoice_number", String(64), primary_key=True),
    Column("claimed_at_us", BigInteger, nullable=False),
)

receipts = Table(
    "sandbox_order_receipts",
    metadata,
    Column("receipt_id", BigInteger, primary_key=True, autoincrement=False),
    Column("vendor_id", String(32), nullable=False),
    Column("order_id", BigInteger, nullable=False),
    Column("shipment_box_id", BigInteger, nullable=False),
    #: CANCEL (immediate, at ACCEPT), STOP_SHIPMENT (seller stop at INSTRUCT), RETURN.
    Column("receipt_type", String(24), nullable=False),
    #: ReturnReceiptStatus (RELEASE_STOP_UNCHECKED, RETURNS_UNCHECKED, ...) or NULL.
    Column("receipt_status", String(32), nullable=True),
    #: ReleaseStopStatus (Korean text: 미처리, 처리(출고중지), 처리(이미출고), 비대상).
    Column("release_stop_status", String(32), nullable=False),
    #: ``[{"vendorItemId", "count"}]``
    Column("items", JSON, nullable=False),
    Column("total_count", Integer, nullable=False),
    Column("requester", String(16), nullable=False),
    Column("reason_code", String(32), nullable=True),
    Column("reason_text", Text, nullable=True),
    Column("delivery_company_code", String(32), nullable=True),
    Column("invoice_number", String(64), nullable=True),
    Column("created_at_us", BigInteger, nullable=False),
    Column("updated_at_us", BigInteger, nullable=False),
    Index("ix_sandbox_receipts_vendor", "vendor_id", "receipt_id"),
    Index("ix_sandbox_receipts_box", "shipment_box_id"),
)


# -- orders ------------------------------------------------------------------------------------


def order_insert(conn: Connection, values: Mapping[str, Any]) -> None:
    """Store an order."""
    conn.execute(insert(orders).values(**values))


def order_update(conn: Connection, order_id: int, values: Mapping[str, Any]) -> None:
    """Change an order."""
    conn.execute(update(orders).where(orders.c.order_id == order_id).values(**values))


def order_get(conn: Connection, order_id: int, vendor_id: str | None = None) -> RowMapping | None:
    """An order (the vendor's, when ``vendor_id`` is given), ``None`` if there is none."""
    query = select(orders).where(orders.c.order_id == order_id)
    if vendor_id is not None:
        query = query.where(orders.c.vendor_id == vendor_id)
    return conn.execute(query).mappings().first()


def orders_by_ids(conn: Connection, ids: Sequence[int]) -> dict[int, RowMapping]:
    """These orders, by orderId."""
    rows = conn.execute(select(orders).where(orders.c.order_id.in_(list(ids)))).mappings().all()
    return {int(r["order_id"]): r for r in rows}


# -- boxes -------------------------------------------------------------------------------------


def box_insert(conn: Connection, values: Mapping[str, Any]) -> None:
    """Store a shipment box."""
    conn.execute(insert(shipment_boxes).values(**values))


def box_update(conn: Connection, box_id: int, values: Mapping[str, Any]) -> None:
    """Change a shipment box."""
    conn.execute(
        update(shipment_boxes).where(shipment_boxes.c.shipment_box_id == box_id).values(**values)
    )


def box_get(
    conn: Connection, box_id: int, vendor_id: str | None = None, *, lock: bool = False
) -> RowMapping | None:
    """A shipment box (the vendor's, when ``vendor_id`` is given); ``lock`` takes its row lock."""
    query = select(shipment_boxes).where(shipment_boxes.c.shipment_box_id == box_id)
    if vendor_id is not None:
        query = query.where(shipment_boxes.c.vendor_id == vendor_id)
    if lock:
        query = query.with_for_update()
    return conn.execute(query).mappings().first()


def boxes_of_order(conn: Connection, order_id: int, *, lock: bool = False) -> list[RowMapping]:
    """The order's shipment boxes, by id; ``lock`` takes their row locks."""
    query = (
        select(shipment_boxes)
        .where(shipment_boxes.c.order_id == order_id)
        .order_by(shipment_boxes.c.shipment_box_id)
    )
    if lock:
        query = query.with_for_update()
    return list(conn.execute(query).mappings().all())


def boxes_page(
    conn: Connection,
    vendor_id: str,
    *,
    status: str,
    paid_from_us: int,
    paid_to_us: int,
    visible_by_us: int,
    after_box_id: int | None,
    limit: int | None,
) -> tuple[list[RowMapping], bool]:
    """Boxes paid in ``[from, to)`` in ``status``, by shipmentBoxId, after the token."""
    where: list[Any] = [
        shipment_boxes.c.vendor_id == vendor_id,
        shipment_boxes.c.status == status,
        shipment_boxes.c.paid_at_us >= paid_from_us,
        shipment_boxes.c.paid_at_us < paid_to_us,
        shipment_boxes.c.visible_at_us <= visible_by_us,
    ]
    if after_box_id is not None:
        where.append(shipment_boxes.c.shipment_box_id > after_box_id)
    query = select(shipment_boxes).where(*where).order_by(shipment_boxes.c.shipment_box_id)
    if limit is not None:
        query = query.limit(limit + 1)
    rows = list(conn.execute(query).mappings().all())
    if limit is None:
        return rows, False
    return rows[:limit], len(rows) > limit


def boxes_due(conn: Connection, vendor_id: str | None, now_us: int) -> list[RowMapping]:
    """Boxes with an automatic courier scan due by ``now_us`` (locked)."""
    where: list[Any] = [
        (shipment_boxes.c.pickup_due_us <= now_us) | (shipment_boxes.c.delivery_due_us <= now_us)
    ]
    if vendor_id is not None:
        where.append(shipment_boxes.c.vendor_id == vendor_id)
    query = (
        select(shipment_boxes)
        .where(*where)
        .order_by(shipment_boxes.c.shipment_box_id)
        .with_for_update()
    )
    return list(conn.execute(query).mappings().all())


# -- items -------------------------------------------------------------------------------------


def item_insert(conn: Connection, values: Mapping[str, Any]) -> None:
    """Store an order item."""
    conn.execute(insert(order_items).values(**values))


def item_update(conn: Connection, item_id: int, values: Mapping[str, Any]) -> None:
    """Change an order item."""
    conn.execute(update(order_items).where(order_items.c.id == item_id).values(**values))


def items_of_boxes(conn: Connection, box_ids: Sequence[int]) -> dict[int, list[RowMapping]]:
    """The items of each shipment box, by box id (every id present, in item order)."""
    return children_by_parent(
        conn, order_items, order_items.c.shipment_box_id, box_ids, order_by=order_items.c.id
    )


def items_of_order(conn: Connection, order_id: int) -> list[RowMapping]:
    """The order's items, in item order."""
    return list(
        conn.execute(
            select(order_items).where(order_items.c.order_id == order_id).order_by(order_items.c.id)
        )
        .mappings()
        .all()
    )


# -- history -----------------------------------------------------------------------------------


def history_insert(conn: Connection, values: Mapping[str, Any]) -> None:
    """Store a delivery-history entry of a shipment box."""
    conn.execute(insert(shipment_history).values(**values))


def history_of(conn: Connection, box_id: int) -> list[RowMapping]:
    """Newest first."""
    return list(
        conn.execute(
            select(shipment_history)
            .where(shipment_history.c.shipment_box_id == box_id)
            .order_by(shipment_history.c.id.desc())
        )
        .mappings()
        .all()
    )


# -- invoices ----------------------------------------------------------------------------------


def invoice_insert(conn: Connection, values: Mapping[str, Any]) -> None:
    """Store an uploaded invoice."""
    conn.execute(insert(invoices).values(**values))


def invoice_claim(conn: Connection, courier: str, number: str, now_us: int) -> None:
    """Lock ``courier`` + ``number`` for the rest of the transaction (any vendor, order and
    pickup invoices alike): an upsert of its claim row, which waits for any other transaction
    holding it. Call it before reading the uses of the number."""
    dialect = conn.dialect.name
    values = {"delivery_company_code": courier, "invoice_number": number, "claimed_at_us": now_us}
    upsert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = upsert(invoice_claims).values(**values)
    conn.execute(
        statement.on_conflict_do_update(
            index_elements=[
                invoice_claims.c.delivery_company_code,
                invoice_claims.c.invoice_number,
            ],
            set_={"claimed_at_us": statement.excluded.claimed_at_us},
        )
    )


def invoice_uses(conn: Connection, courier: str, number: str, since_us: int) -> list[RowMapping]:
    """Uses of an invoice number with this courier since ``since_us`` (any vendor)."""
    return list(
        conn.execute(
            select(invoices).where(
                invoices.c.delivery_company_code == courier,
                invoices.c.invoice_number == number,
                invoices.c.uploaded_at_us >= since_us,
            )
        )
        .mappings()
        .all()
    )


# -- receipts ----------------------------------------------------------------------------------


def receipt_insert(conn: Connection, values: Mapping[str, Any]) -> None:
    """Store a receipt (a cancel, return or stop-shipment)."""
    conn.execute(insert(receipts).values(**values))


def receipt_update(conn: Connection, receipt_id: int, values: Mapping[str, Any]) -> None:
    """Change a receipt."""
    conn.execute(update(receipts).where(receipts.c.receipt_id == receipt_id).values(**values))


def receipt_get(
    conn: Connection, receipt_id: int, vendor_id: str | None = None, *, lock: bool = False
) -> RowMapping | None:
    """A receipt (the vendor's, when ``vendor_id`` is given); ``lock`` takes its row lock."""
    query = select(receipts).where(receipts.c.receipt_id == receipt_id)
    if vendor_id is not None:
        query = query.where(receipts.c.vendor_id == vendor_id)
    if lock:
        query = query.with_for_update()
    return conn.execute(query).mappings().first()


def open_receipts_of_boxes(conn: Connection, box_ids: Sequence[int]) -> list[RowMapping]:
    """Stop-shipment requests not answered yet (RELEASE_STOP_UNCHECKED)."""
    return list(
        conn.execute(
            select(receipts).where(
                receipts.c.shipment_box_id.in_(list(box_ids)),
                receipts.c.receipt_status == "RELEASE_STOP_UNCHECKED",
            )
        )
        .mappings()
        .all()
    )


def receipts_of_boxes(
    conn: Connection, box_ids: Sequence[int], *, receipt_type: str, receipt_status: str
) -> list[RowMapping]:
    """Receipts of one type and status on any of ``box_ids``, in one query (by the box index)."""
    if not box_ids:
        return []
    return list(
        conn.execute(
            select(receipts)
            .where(
                receipts.c.shipment_box_id.in_(list(box_ids)),
                receipts.c.receipt_type == receipt_type,
                receipts.c.receipt_status == receipt_status,
            )
            .order_by(receipts.c.receipt_id)
        )
        .mappings()
        .all()
    )


def receipts_of_order(conn: Connection, order_id: int) -> list[RowMapping]:
    """The order's receipts, by receiptId."""
    return list(
        conn.execute(
            select(receipts).where(receipts.c.order_id == order_id).order_by(receipts.c.receipt_id)
        )
        .mappings()
        .all()
    )
