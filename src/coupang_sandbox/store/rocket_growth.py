"""Tables and queries of Rocket Growth (로켓그로스): orders Coupang fulfils from its warehouse
and the seller's stock there.

* ``sandbox_rg_orders``: one row per ``orderId`` (global ``rg_order`` sequence), paid at
  ``paid_at_us`` on the sandbox clock.
* ``sandbox_rg_order_items``: the order's lines (option, name, quantity, unit price).
* ``sandbox_rg_inventory``: warehouse stock per ``(vendor_id, vendor_item_id)``: orderable
  units, set by the control API and taken by RG orders.

Timestamps are microseconds since the epoch.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Index,
    Integer,
    String,
    Table,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.engine import RowMapping

from coupang_sandbox.store._rows import children_by_parent
from coupang_sandbox.store.schema import metadata

rg_orders = Table(
    "sandbox_rg_orders",
    metadata,
    Column("order_id", BigInteger, primary_key=True, autoincrement=False),
    Column("vendor_id", String(32), nullable=False),
    Column("paid_at_us", BigInteger, nullable=False),
    Column("created_at_us", BigInteger, nullable=False),
    Index("ix_sandbox_rg_orders_vendor_paid", "vendor_id", "paid_at_us"),
)

rg_order_items = Table(
    "sandbox_rg_order_items",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    Column("order_id", BigInteger, nullable=False),
    Column("vendor_id", String(32), nullable=False),
    Column("vendor_item_id", BigInteger, nullable=False),
    Column("product_name", String(512), nullable=False),
    Column("sales_quantity", Integer, nullable=False),
    Column("unit_sales_price", BigInteger, nullable=False),
    Column("currency", String(8), nullable=False),
    #: Copy of the order's paid time (the inventory's 30-day sales count reads it).
    Column("paid_at_us", BigInteger, nullable=False),
    Index("ix_sandbox_rg_order_items_order", "order_id", "id"),
    Index("ix_sandbox_rg_order_items_sales", "vendor_id", "vendor_item_id", "paid_at_us"),
)

rg_inventory = Table(
    "sandbox_rg_inventory",
    metadata,
    Column("vendor_id", String(32), primary_key=True),
    Column("vendor_item_id", BigInteger, primary_key=True, autoincrement=False),
    Column("external_sku_id", String(64), nullable=True),
    Column("quantity", BigInteger, nullable=False),
    Column("updated_at_us", BigInteger, nullable=False),
)


def insert_order(conn: Connection, values: Mapping[str, Any]) -> None:
    """Store a new Rocket Growth order row."""
    conn.execute(insert(rg_orders).values(**values))


def insert_item(conn: Connection, values: Mapping[str, Any]) -> None:
    """Store a new Rocket Growth order item row."""
    conn.execute(insert(rg_order_items).values(**values))


def get_order(conn: Connection, vendor_id: str, order_id: int) -> RowMapping | None:
    """The vendor's order ``order_id`` (``None`` when unknown)."""
    query = select(rg_orders).where(
        rg_orders.c.order_id == order_id, rg_orders.c.vendor_id == vendor_id
    )
    return conn.execute(query).mappings().first()


def items_of(conn: Connection, order_ids: Sequence[int]) -> dict[int, list[RowMapping]]:
    """The items of each order, in id order (an empty list for one without)."""
    return children_by_parent(
        conn, rg_order_items, rg_order_items.c.order_id, order_ids, order_by=rg_order_items.c.id
    )


def orders_page(
    conn: Connection,
    vendor_id: str,
    *,
    paid_from_us: int,
    paid_before_us: int,
    after_id: int | None,
    limit: int,
) -> tuple[list[RowMapping], bool]:
    """Orders paid in ``[from, before)``, by orderId, after the token."""
    where: list[Any] = [
        rg_orders.c.vendor_id == vendor_id,
        rg_orders.c.paid_at_us >= paid_from_us,
        rg_orders.c.paid_at_us < paid_before_us,
    ]
    if after_id is not None:
        where.append(rg_orders.c.order_id > after_id)
    query = select(rg_orders).where(*where).order_by(rg_orders.c.order_id).limit(limit + 1)
    rows = list(conn.execute(query).mappings().all())
    return rows[:limit], len(rows) > limit


def get_stock(
    conn: Connection, vendor_id: str, vendor_item_id: int, *, lock: bool = False
) -> RowMapping | None:
    """An option's warehouse stock row (``None`` when never stocked)."""
    query = select(rg_inventory).where(
        rg_inventory.c.vendor_id == vendor_id, rg_inventory.c.vendor_item_id == vendor_item_id
    )
    if lock:
        query = query.with_for_update()
    return conn.execute(query).mappings().first()


def insert_stock(conn: Connection, values: Mapping[str, Any]) -> None:
    """Store a new warehouse stock row."""
    conn.execute(insert(rg_inventory).values(**values))


def update_stock(
    conn: Connection, vendor_id: str, vendor_item_id: int, values: Mapping[str, Any]
) -> None:
    """Rewrite the columns ``values`` of an option's stock row."""
    conn.execute(
        update(rg_inventory)
        .where(
            rg_inventory.c.vendor_id == vendor_id,
            rg_inventory.c.vendor_item_id == vendor_item_id,
        )
        .values(**values)
    )


def stock_page(
    conn: Connection,
    vendor_id: str,
    *,
    vendor_item_id: int | None,
    after_id: int | None,
    limit: int,
) -> tuple[list[RowMapping], bool]:
    """Stock rows by vendorItemId, after the token (or the one option asked for)."""
    where: list[Any] = [rg_inventory.c.vendor_id == vendor_id]
    if vendor_item_id is not None:
        where.append(rg_inventory.c.vendor_item_id == vendor_item_id)
    if after_id is not None:
        where.append(rg_inventory.c.vendor_item_id > after_id)
    query = (
        select(rg_inventory).where(*where).order_by(rg_inventory.c.vendor_item_id).limit(limit + 1)
    )
    rows = list(conn.execute(query).mappings().all())
    return rows[:limit], len(rows) > limit


def units_sold(
    conn: Connection,
    vendor_id: str,
    vendor_item_ids: Sequence[int],
    *,
    since_us: int,
    until_us: int,
) -> dict[int, int]:
    """Units of each option in RG orders paid in ``(since, until]``."""
    if not vendor_item_ids:
        return {}
    query = (
        select(rg_order_items.c.vendor_item_id, func.sum(rg_order_items.c.sales_quantity))
        .where(
            rg_order_items.c.vendor_id == vendor_id,
            rg_order_items.c.vendor_item_id.in_(list(vendor_item_ids)),
            rg_order_items.c.paid_at_us > since_us,
            rg_order_items.c.paid_at_us <= until_us,
        )
        .group_by(rg_order_items.c.vendor_item_id)
    )
    return {int(row[0]): int(row[1] or 0) for row in conn.execute(query).all()}
