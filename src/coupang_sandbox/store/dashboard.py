"""The dashboard's reads (``/_sandbox/ui``): one bounded page of each table, newest first.

Every list is keyset-paged on its primary key (``before``: the last id of the previous
page), optionally narrowed to one vendor (and, for boxes, one status), and each page reads
``limit + 1`` rows through an index whose order is the page's order, so a page costs the
same at 1,000 rows as at 100,000: no count, no offset, no full scan. The children of a page
(items, history, order rows) are read in one ``IN`` query each, by their parent's index.

The indexes below are attached to the order store's boxes (created with the schema): the
order page sorts by ``shipmentBoxId`` descending, filtered by status, by vendor or both.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, Connection, Index, Select, Table, select
from sqlalchemy.engine import RowMapping

from coupang_sandbox.store import customer_service as cs_db
from coupang_sandbox.store import exchanges as exchange_db
from coupang_sandbox.store import orders as order_db
from coupang_sandbox.store import products as product_db
from coupang_sandbox.store import returns as return_db
from coupang_sandbox.store import shipping_places as place_db
from coupang_sandbox.store.schema import vendors as vendor_table

boxes = order_db.shipment_boxes
Index("ix_dashboard_boxes_status", boxes.c.status, boxes.c.shipment_box_id)
Index("ix_dashboard_boxes_vendor", boxes.c.vendor_id, boxes.c.shipment_box_id)
Index(
    "ix_dashboard_boxes_vendor_status",
    boxes.c.vendor_id,
    boxes.c.status,
    boxes.c.shipment_box_id,
)


@dataclass(frozen=True, slots=True)
class Page:
    """One page of rows, newest first, and the key to pass as ``before`` for the next one."""

    rows: list[RowMapping]
    next_before: Any | None


def _page_query(
    table: Table, key: Column[Any], where: Sequence[Any], *, before: Any | None, limit: int
) -> Select[Any]:
    conditions = list(where)
    if before is not None:
        conditions.append(key < before)
    return select(table).where(*conditions).order_by(key.desc()).limit(limit + 1)


def _page(
    conn: Connection,
    table: Table,
    key: Column[Any],
    where: Sequence[Any],
    *,
    before: Any | None,
    limit: int,
) -> Page:
    query = _page_query(table, key, where, before=before, limit=limit)
    rows = list(conn.execute(query).mappings().all())
    more = len(rows) > limit
    rows = rows[:limit]
    return Page(rows, rows[-1][key.name] if more and rows else None)


def vendors(conn: Connection, before: str | None, limit: int) -> Page:
    """Vendors by id (descending), with their keys."""
    return _page(conn, vendor_table, vendor_table.c.vendor_id, [], before=before, limit=limit)


def vendor_ids(conn: Connection, limit: int) -> list[str]:
    """The first ``limit`` vendor ids, ascending (for the vendor pickers)."""
    query = select(vendor_table.c.vendor_id).order_by(vendor_table.c.vendor_id).limit(limit)
    return [str(v) for v in conn.execute(query).scalars()]


def _vendor(table: Table, vendor: str | None) -> list[Any]:
    return [] if vendor is None else [table.c.vendor_id == vendor]


def outbound_places(conn: Connection, vendor: str | None, before: int | None, limit: int) -> Page:
    """Outbound shipping places (출고지), newest code first."""
    table = place_db.outbound_places
    return _page(conn, table, table.c.code, _vendor(table, vendor), before=before, limit=limit)


def return_centers(conn: Connection, vendor: str | None, before: int | None, limit: int) -> Page:
    """Return centers (반품지), newest first (by their sequence)."""
    table = place_db.return_centers
    return _page(conn, table, table.c.seq, _vendor(table, vendor), before=before, limit=limit)


def products(conn: Connection, vendor: str | None, before: int | None, limit: int) -> Page:
    """Seller products, newest ``sellerProductId`` first."""
    table = product_db.products
    return _page(
        conn, table, table.c.seller_product_id, _vendor(table, vendor), before=before, limit=limit
    )


def product_items(conn: Connection, product_ids: Sequence[int]) -> dict[int, list[RowMapping]]:
    """The items of each product, in position order."""
    table = product_db.product_items
    return _children(conn, table, table.c.seller_product_id, product_ids, table.c.position)


def product_histories(conn: Connection, product_ids: Sequence[int]) -> dict[int, list[RowMapping]]:
    """The approval history of each product, oldest first."""
    table = product_db.product_histories
    return _children(conn, table, table.c.seller_product_id, product_ids, table.c.id)


def boxes_page_query(
    vendor: str | None, status: str | None, *, before: int | None, limit: int
) -> Select[Any]:
    """The order page's query: boxes newest first, by vendor and status (each combination
    has an index in that order)."""
    where = _vendor(boxes, vendor)
    if status is not None:
        where.append(boxes.c.status == status)
    return _page_query(boxes, boxes.c.shipment_box_id, where, before=before, limit=limit)


def boxes_page(
    conn: Connection,
    vendor: str | None,
    status: str | None,
    before: int | None,
    limit: int,
) -> Page:
    """One page of shipment boxes (:func:`boxes_page_query`)."""
    rows = list(
        conn.execute(boxes_page_query(vendor, status, before=before, limit=limit)).mappings()
    )
    more = len(rows) > limit
    rows = rows[:limit]
    return Page(rows, int(rows[-1]["shipment_box_id"]) if more and rows else None)


def box_items(conn: Connection, box_ids: Sequence[int]) -> dict[int, list[RowMapping]]:
    """The items of each box."""
    table = order_db.order_items
    return _children(conn, table, table.c.shipment_box_id, box_ids, table.c.id)


def box_history(conn: Connection, box_ids: Sequence[int]) -> dict[int, list[RowMapping]]:
    """The status changes of each box, oldest first."""
    table = order_db.shipment_history
    return _children(conn, table, table.c.shipment_box_id, box_ids, table.c.id)


def orders_by_ids(conn: Connection, order_ids: Sequence[int]) -> dict[int, RowMapping]:
    """Order rows by id (one ``IN`` query on the primary key)."""
    if not order_ids:
        return {}
    return order_db.orders_by_ids(conn, sorted(set(order_ids)))


def returns(conn: Connection, vendor: str | None, before: int | None, limit: int) -> Page:
    """Return requests, newest receipt first."""
    table = return_db.returns
    return _page(
        conn, table, table.c.receipt_id, _vendor(table, vendor), before=before, limit=limit
    )


def exchanges(conn: Connection, vendor: str | None, before: int | None, limit: int) -> Page:
    """Exchange requests, newest first."""
    table = exchange_db.exchanges
    return _page(
        conn, table, table.c.exchange_id, _vendor(table, vendor), before=before, limit=limit
    )


def inquiries(
    conn: Connection, kind: str, vendor: str | None, before: int | None, limit: int
) -> Page:
    """Inquiries of one kind (``online`` or ``call_center``), newest id first (the primary
    key ``(kind, inquiry_id)`` orders them)."""
    table = cs_db.inquiries
    where = [table.c.kind == kind, *_vendor(table, vendor)]
    return _page(conn, table, table.c.inquiry_id, where, before=before, limit=limit)


def _children(
    conn: Connection,
    table: Table,
    parent: Column[Any],
    parent_ids: Sequence[int],
    order: Column[Any],
) -> dict[int, list[RowMapping]]:
    found: dict[int, list[RowMapping]] = {}
    if not parent_ids:
        return found
    query = select(table).where(parent.in_(list(parent_ids))).order_by(parent, order)
    for row in conn.execute(query).mappings():
        found.setdefault(int(row[parent.name]), []).append(row)
    return found
