"""Settlement: the vendors' settlement terms, and the indexed reads the derivation needs.

Nothing of the revenue itself is stored: the revenue history is derived on read from what the
order and return stores recorded (delivered boxes, untracked DIRECT shipments, completed
returns), so it can never disagree with them. This module owns one table::

    sandbox_settlement_vendors (vendor_id): cycle WEEKLY | MONTHLY, commission rate

and adds the indexes that keep each revenue page a bounded keyset read (instead of a scan of
every order) to the order store's tables, without touching their module:

* boxes by (vendor, delivery instant) and by (vendor, status, invoice instant) for DIRECT,
* receipts by (vendor, type, status, last change) for completed returns.

Timestamps are microseconds since the epoch on the sandbox clock.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    ColumnElement,
    Connection,
    Index,
    Integer,
    String,
    Table,
    and_,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.engine import RowMapping

from coupang_sandbox.store import returns as return_db
from coupang_sandbox.store.orders import receipts, shipment_boxes
from coupang_sandbox.store.products import products
from coupang_sandbox.store.schema import metadata

settlement_vendors = Table(
    "sandbox_settlement_vendors",
    metadata,
    Column("vendor_id", String(32), primary_key=True),
    #: WEEKLY or MONTHLY (지급 주기).
    Column("cycle", String(16), nullable=False),
    #: Commission (serviceFeeRatio, VAT excluded) in hundredths of a percent: 1080 = 10.8 %.
    Column("commission_bp", Integer, nullable=False),
    Column("updated_at_us", BigInteger, nullable=False),
)

# Indexes on the order store's tables (attached to them; created with the schema).
Index(
    "ix_settlement_boxes_delivered",
    shipment_boxes.c.vendor_id,
    shipment_boxes.c.delivered_at_us,
    shipment_boxes.c.shipment_box_id,
)
Index(
    "ix_settlement_boxes_direct",
    shipment_boxes.c.vendor_id,
    shipment_boxes.c.status,
    shipment_boxes.c.invoice_uploaded_at_us,
    shipment_boxes.c.shipment_box_id,
)
Index(
    "ix_settlement_receipts_done",
    receipts.c.vendor_id,
    receipts.c.receipt_type,
    receipts.c.receipt_status,
    receipts.c.updated_at_us,
    receipts.c.receipt_id,
)


def terms_get(conn: Connection, vendor_id: str) -> RowMapping | None:
    return (
        conn.execute(select(settlement_vendors).where(settlement_vendors.c.vendor_id == vendor_id))
        .mappings()
        .first()
    )


def terms_put(conn: Connection, vendor_id: str, values: Mapping[str, Any]) -> None:
    if terms_get(conn, vendor_id) is None:
        conn.execute(insert(settlement_vendors).values(vendor_id=vendor_id, **values))
    else:
        conn.execute(
            update(settlement_vendors)
            .where(settlement_vendors.c.vendor_id == vendor_id)
            .values(**values)
        )


def _after(
    instant: ColumnElement[Any], ident: ColumnElement[Any], rank: int, cursor: tuple[int, int, int]
) -> ColumnElement[bool]:
    """Rows of source ``rank`` after the cursor ``(instant, rank, id)`` in that order."""
    at, cursor_rank, cursor_id = cursor
    if rank > cursor_rank:
        return instant >= at
    if rank < cursor_rank:
        return instant > at
    return or_(instant > at, and_(instant == at, ident > cursor_id))


def delivered_boxes(
    conn: Connection,
    vendor_id: str,
    *,
    from_us: int,
    before_us: int,
    rank: int,
    cursor: tuple[int, int, int] | None,
    limit: int | None,
) -> list[RowMapping]:
    """Boxes delivered in ``[from, before)`` (FINAL_DELIVERY scan, or completed as long
    undelivered), by (delivery instant, shipmentBoxId), after the cursor."""
    c = shipment_boxes.c
    where: list[Any] = [
        c.vendor_id == vendor_id,
        c.delivered_at_us >= from_us,
        c.delivered_at_us < before_us,
    ]
    if cursor is not None:
        where.append(_after(c.delivered_at_us, c.shipment_box_id, rank, cursor))
    query = select(shipment_boxes).where(*where).order_by(c.delivered_at_us, c.shipment_box_id)
    if limit is not None:
        query = query.limit(limit)
    return list(conn.execute(query).mappings().all())


def untracked_boxes(
    conn: Connection,
    vendor_id: str,
    *,
    status: str,
    from_us: int,
    before_us: int,
    rank: int,
    cursor: tuple[int, int, int] | None,
    limit: int | None,
) -> list[RowMapping]:
    """Boxes in ``status`` (NONE_TRACKING: DIRECT) invoiced in ``[from, before)`` and never
    delivered by a scan, by (invoice instant, shipmentBoxId), after the cursor."""
    c = shipment_boxes.c
    where: list[Any] = [
        c.vendor_id == vendor_id,
        c.status == status,
        c.invoice_uploaded_at_us >= from_us,
        c.invoice_uploaded_at_us < before_us,
        c.delivered_at_us.is_(None),
    ]
    if cursor is not None:
        where.append(_after(c.invoice_uploaded_at_us, c.shipment_box_id, rank, cursor))
    query = (
        select(shipment_boxes).where(*where).order_by(c.invoice_uploaded_at_us, c.shipment_box_id)
    )
    if limit is not None:
        query = query.limit(limit)
    return list(conn.execute(query).mappings().all())


def completed_returns(
    conn: Connection,
    vendor_id: str,
    *,
    status: str,
    skip_release_stop: str,
    from_us: int,
    before_us: int,
    rank: int,
    cursor: tuple[int, int, int] | None,
    limit: int | None,
) -> list[RowMapping]:
    """Return receipts that reached ``status`` (RETURNS_COMPLETED) in ``[from, before)``, by
    (completion instant, receiptId), after the cursor; stop-shipments that never left the
    warehouse (``skip_release_stop``) are left out."""
    c = receipts.c
    where: list[Any] = [
        c.vendor_id == vendor_id,
        c.receipt_type == "RETURN",
        c.receipt_status == status,
        c.updated_at_us >= from_us,
        c.updated_at_us < before_us,
        c.release_stop_status != skip_release_stop,
    ]
    if cursor is not None:
        where.append(_after(c.updated_at_us, c.receipt_id, rank, cursor))
    query = select(receipts).where(*where).order_by(c.updated_at_us, c.receipt_id)
    if limit is not None:
        query = query.limit(limit)
    return list(conn.execute(query).mappings().all())


def boxes_by_ids(conn: Connection, ids: Sequence[int]) -> dict[int, RowMapping]:
    if not ids:
        return {}
    rows = conn.execute(
        select(shipment_boxes).where(shipment_boxes.c.shipment_box_id.in_(list(set(ids))))
    ).mappings()
    return {int(r["shipment_box_id"]): r for r in rows}


def return_details(conn: Connection, ids: Sequence[int]) -> dict[int, RowMapping]:
    if not ids:
        return {}
    return return_db.returns_by_ids(conn, list(set(ids)))


def product_docs(conn: Connection, ids: Sequence[int]) -> dict[int, Mapping[str, Any]]:
    """``doc`` of each seller product (any vendor: the ids come from the vendor's own rows)."""
    if not ids:
        return {}
    rows = conn.execute(
        select(products.c.seller_product_id, products.c.doc).where(
            products.c.seller_product_id.in_(list(set(ids)))
        )
    ).all()
    return {int(pid): doc or {} for pid, doc in rows}
