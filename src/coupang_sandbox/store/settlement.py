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
    Select,
    String,
    Table,
    and_,
    case,
    insert,
    not_,
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
    """A vendor's settlement terms row, ``None`` when the defaults apply."""
    return (
        conn.execute(select(settlement_vendors).where(settlement_vendors.c.vendor_id == vendor_id))
        .mappings()
        .first()
    )


def terms_put(conn: Connection, vendor_id: str, values: Mapping[str, Any]) -> None:
    """Store a vendor's settlement terms (insert or update)."""
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


def _recognition(delay_us: int, untracked: str) -> ColumnElement[Any]:
    """The instant a box's sale is recognised (delivery + delay; an untracked DIRECT box:
    invoice + delay), NULL for a box that never counted as delivered."""
    b = shipment_boxes.c
    return case(
        (b.delivered_at_us.is_not(None), b.delivered_at_us + delay_us),
        (b.status == untracked, b.invoice_uploaded_at_us + delay_us),
        else_=None,
    )


def _completed(vendor_id: str, status: str, skip_release_stop: str) -> list[Any]:
    """The conditions of a vendor's completed returns (stop-shipments that never left the
    warehouse left out)."""
    c = receipts.c
    return [
        c.vendor_id == vendor_id,
        c.receipt_type == "RETURN",
        c.receipt_status == status,
        c.release_stop_status != skip_release_stop,
    ]


def _ranked(
    conn: Connection, query: Select[Any], limit: int | None, column: str
) -> list[tuple[int, RowMapping]]:
    """The rows of ``query`` (at most ``limit``), each with its instant ``column``."""
    if limit is not None:
        query = query.limit(limit)
    return [(int(row[column]), row) for row in conn.execute(query).mappings()]


def completed_returns(
    conn: Connection,
    vendor_id: str,
    *,
    status: str,
    skip_release_stop: str,
    untracked: str,
    delay_us: int,
    from_us: int,
    before_us: int,
    rank: int,
    cursor: tuple[int, int, int] | None,
    limit: int | None,
) -> list[tuple[int, RowMapping]]:
    """Return receipts that reached ``status`` (RETURNS_COMPLETED), each with the instant its
    refund is recognised, in ``[from, before)`` by (that instant, receiptId), after the cursor.

    A refund is recognised when the return completes, but never before the sale it refunds: a
    return completed between its box's delivery and the sale's recognition (delivery + delay)
    is recognised with that sale. Both reads are bounded ranges of the completion index: the
    returns completed in ``[from, before)`` outside that gap, and those completed in
    ``[from - delay, before)`` inside it whose sale falls in the window. Stop-shipments that
    never left the warehouse (``skip_release_stop``) are left out.
    """
    c = receipts.c
    b = shipment_boxes.c
    recognised = _recognition(delay_us, untracked)
    in_gap = and_(
        recognised.is_not(None),
        c.updated_at_us >= recognised - delay_us,
        c.updated_at_us < recognised,
    )
    common = _completed(vendor_id, status, skip_release_stop)
    joined = receipts.join(shipment_boxes, b.shipment_box_id == c.shipment_box_id)
    # Completed outside the gap: recognised at completion.
    late: list[Any] = [*common, c.updated_at_us >= from_us, c.updated_at_us < before_us]
    late.append(not_(in_gap))
    if cursor is not None:
        late.append(_after(c.updated_at_us, c.receipt_id, rank, cursor))
    query = select(receipts).select_from(joined).where(*late)
    found = _ranked(conn, query.order_by(c.updated_at_us, c.receipt_id), limit, "updated_at_us")
    # Completed in the gap: recognised with the sale.
    early: list[Any] = [
        *common,
        c.updated_at_us >= from_us - delay_us,
        c.updated_at_us < before_us,
        in_gap,
        recognised >= from_us,
        recognised < before_us,
    ]
    if cursor is not None:
        early.append(_after(recognised, c.receipt_id, rank, cursor))
    query = select(receipts, recognised.label("recognised_us")).select_from(joined).where(*early)
    found += _ranked(conn, query.order_by(recognised, c.receipt_id), limit, "recognised_us")
    found.sort(key=lambda pair: (pair[0], int(pair[1]["receipt_id"])))
    return found if limit is None else found[:limit]


def boxes_by_ids(conn: Connection, ids: Sequence[int]) -> dict[int, RowMapping]:
    """Shipment boxes by id."""
    if not ids:
        return {}
    rows = conn.execute(
        select(shipment_boxes).where(shipment_boxes.c.shipment_box_id.in_(list(set(ids))))
    ).mappings()
    return {int(r["shipment_box_id"]): r for r in rows}


def return_details(conn: Connection, ids: Sequence[int]) -> dict[int, RowMapping]:
    """Return details by receiptId."""
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
