"""Tables and queries of seller products (업체상품), their items and their status history.

The tables live on the shared ``metadata`` of :mod:`coupang_sandbox.store.schema`, so
``Store.open`` creates them and ``Store.reset`` wipes them with every other business table.
Every row carries ``vendor_id``; every query filters on it (vendor isolation), except the
control API's lookup by id.
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
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.engine import RowMapping

from coupang_sandbox.store._rows import children_by_parent
from coupang_sandbox.store.schema import metadata

products = Table(
    "sandbox_products",
    metadata,
    Column("seller_product_id", BigInteger, primary_key=True, autoincrement=False),
    Column("vendor_id", String(32), nullable=False),
    #: SellerProductStatus code (SAVED, APPROVING, ...).
    Column("status", String(24), nullable=False),
    Column("seller_product_name", String(512), nullable=False),
    Column("display_category_code", BigInteger, nullable=True),
    Column("manufacture", String(512), nullable=True),
    #: The exposed product id, given at the first approval.
    Column("product_id", BigInteger, nullable=True),
    #: Product-level fields as sent (normalised), without ``items``.
    Column("doc", JSON, nullable=False),
    Column("created_at_us", BigInteger, nullable=False),
    Column("updated_at_us", BigInteger, nullable=False),
    #: When an APPROVING product is approved automatically (sandbox clock); NULL otherwise.
    Column("review_due_us", BigInteger, nullable=True),
    Index("ix_sandbox_products_vendor_id", "vendor_id", "seller_product_id"),
    Index("ix_sandbox_products_vendor_created", "vendor_id", "created_at_us"),
    Index("ix_sandbox_products_review", "vendor_id", "status", "review_due_us"),
)

product_items = Table(
    "sandbox_product_items",
    metadata,
    Column("seller_product_item_id", BigInteger, primary_key=True, autoincrement=False),
    Column("seller_product_id", BigInteger, nullable=False),
    Column("vendor_id", String(32), nullable=False),
    Column("position", Integer, nullable=False),
    #: Given at approval; the item APIs address the item by it.
    Column("vendor_item_id", BigInteger, nullable=True, unique=True),
    Column("external_vendor_sku", String(256), nullable=True),
    Column("sale_price", BigInteger, nullable=False),
    Column("original_price", BigInteger, nullable=False),
    Column("quantity", BigInteger, nullable=False),
    Column("on_sale", Boolean, nullable=False),
    #: Auto-generated (bundle) option opt-in of this item; NULL = never set.
    Column("auto_generated_opt_in", Boolean, nullable=True),
    #: Item fields as sent (normalised); price/quantity/sale live in the columns above.
    Column("doc", JSON, nullable=False),
    Index("ix_sandbox_product_items_product", "seller_product_id", "position"),
    Index("ix_sandbox_product_items_sku", "vendor_id", "external_vendor_sku"),
)

product_histories = Table(
    "sandbox_product_histories",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    Column("seller_product_id", BigInteger, nullable=False),
    Column("vendor_id", String(32), nullable=False),
    Column("status", String(24), nullable=False),
    Column("comment", Text, nullable=False),
    Column("created_by", String(256), nullable=False),
    Column("created_at_us", BigInteger, nullable=False),
    Index("ix_sandbox_product_histories_product", "seller_product_id", "id"),
)

#: Seller-level settings of the product group (auto-generated option opt-in).
product_seller_options = Table(
    "sandbox_product_seller_options",
    metadata,
    Column("vendor_id", String(32), primary_key=True),
    Column("auto_generated_opt_in", Boolean, nullable=False),
    Column("updated_at_us", BigInteger, nullable=False),
)


# -- products ----------------------------------------------------------------------------------


def product_insert(conn: Connection, values: Mapping[str, Any]) -> None:
    """Store a new product row."""
    conn.execute(insert(products).values(**values))


def product_update(conn: Connection, seller_product_id: int, values: Mapping[str, Any]) -> None:
    """Rewrite the columns ``values`` of a product."""
    conn.execute(
        update(products).where(products.c.seller_product_id == seller_product_id).values(**values)
    )


def product_get(
    conn: Connection, vendor_id: str, seller_product_id: int, *, lock: bool = False
) -> RowMapping | None:
    """The vendor's product; ``lock`` takes a row lock (``FOR UPDATE`` on PostgreSQL) so that
    concurrent changes of one product queue up instead of both acting on a stale status."""
    query = select(products).where(
        products.c.seller_product_id == seller_product_id, products.c.vendor_id == vendor_id
    )
    if lock:
        query = query.with_for_update()
    return conn.execute(query).mappings().first()


def product_by_id(conn: Connection, seller_product_id: int) -> RowMapping | None:
    """Any vendor's product (the control API only), locked for the review."""
    query = select(products).where(products.c.seller_product_id == seller_product_id)
    return conn.execute(query.with_for_update()).mappings().first()


def products_page(
    conn: Connection,
    vendor_id: str,
    *,
    statuses: Sequence[str] | None,
    seller_product_id: int | None,
    name: str | None,
    manufacture: str | None,
    created_from_us: int | None,
    created_to_us: int | None,
    offset: int,
    limit: int,
) -> tuple[list[RowMapping], bool]:
    """One page, newest first, and whether more rows follow."""
    where: list[Any] = [products.c.vendor_id == vendor_id]
    if statuses is not None:
        where.append(products.c.status.in_(list(statuses)))
    if seller_product_id is not None:
        where.append(products.c.seller_product_id == seller_product_id)
    if name is not None:
        where.append(products.c.seller_product_name.contains(name, autoescape=True))
    if manufacture is not None:
        where.append(products.c.manufacture == manufacture)
    if created_from_us is not None:
        where.append(products.c.created_at_us >= created_from_us)
    if created_to_us is not None:
        where.append(products.c.created_at_us < created_to_us)
    rows = list(
        conn.execute(
            select(products)
            .where(*where)
            .order_by(products.c.seller_product_id.desc())
            .offset(offset)
            .limit(limit + 1)
        )
        .mappings()
        .all()
    )
    return rows[:limit], len(rows) > limit


def products_created_between(
    conn: Connection, vendor_id: str, start_us: int, end_us: int
) -> Sequence[RowMapping]:
    """Products created in ``[start, end]`` (both inclusive), oldest first."""
    return (
        conn.execute(
            select(products)
            .where(
                products.c.vendor_id == vendor_id,
                products.c.created_at_us >= start_us,
                products.c.created_at_us <= end_us,
            )
            .order_by(products.c.created_at_us, products.c.seller_product_id)
        )
        .mappings()
        .all()
    )


def products_by_ids(conn: Connection, vendor_id: str, ids: Sequence[int]) -> Sequence[RowMapping]:
    """The vendor's products with these ids, the highest id first."""
    return (
        conn.execute(
            select(products)
            .where(products.c.vendor_id == vendor_id, products.c.seller_product_id.in_(list(ids)))
            .order_by(products.c.seller_product_id.desc())
        )
        .mappings()
        .all()
    )


def products_due_for_review(
    conn: Connection, vendor_id: str | None, now_us: int, seller_product_id: int | None = None
) -> Sequence[RowMapping]:
    """APPROVING products whose automatic review is due by ``now_us``."""
    where: list[Any] = [
        products.c.status == "APPROVING",
        products.c.review_due_us.is_not(None),
        products.c.review_due_us <= now_us,
    ]
    if vendor_id is not None:
        where.append(products.c.vendor_id == vendor_id)
    if seller_product_id is not None:
        where.append(products.c.seller_product_id == seller_product_id)
    # Locked: a concurrent request settling the same reviews waits, then no longer sees them.
    query = select(products).where(*where).order_by(products.c.review_due_us).with_for_update()
    return conn.execute(query).mappings().all()


def count_products(conn: Connection, vendor_id: str, *, exclude_status: str) -> int:
    """How many products the vendor has, those in ``exclude_status`` aside."""
    return int(
        conn.execute(
            select(func.count())
            .select_from(products)
            .where(products.c.vendor_id == vendor_id, products.c.status != exclude_status)
        ).scalar_one()
    )


# -- items -------------------------------------------------------------------------------------


def items_of(conn: Connection, seller_product_ids: Sequence[int]) -> dict[int, list[RowMapping]]:
    """The items of each product, in position order (an empty list for one without)."""
    return children_by_parent(
        conn,
        product_items,
        product_items.c.seller_product_id,
        seller_product_ids,
        order_by=product_items.c.position,
    )


def item_insert(conn: Connection, values: Mapping[str, Any]) -> None:
    """Store a new item row."""
    conn.execute(insert(product_items).values(**values))


def item_update(conn: Connection, item_id: int, values: Mapping[str, Any]) -> None:
    """Rewrite the columns ``values`` of an item."""
    conn.execute(
        update(product_items)
        .where(product_items.c.seller_product_item_id == item_id)
        .values(**values)
    )


def item_delete(conn: Connection, item_id: int) -> None:
    """Delete an item (one not yet approved)."""
    conn.execute(delete(product_items).where(product_items.c.seller_product_item_id == item_id))


def item_by_vendor_item_id(
    conn: Connection, vendor_id: str, vendor_item_id: int, *, lock: bool = False
) -> RowMapping | None:
    """The vendor's item with this vendorItemId (``None`` when unknown)."""
    query = select(product_items).where(
        product_items.c.vendor_item_id == vendor_item_id, product_items.c.vendor_id == vendor_id
    )
    if lock:
        query = query.with_for_update()
    return conn.execute(query).mappings().first()


def product_ids_by_sku(conn: Connection, vendor_id: str, sku: str) -> list[int]:
    """The ids of the vendor's products with an item of this externalVendorSku."""
    rows = conn.execute(
        select(product_items.c.seller_product_id)
        .where(product_items.c.vendor_id == vendor_id, product_items.c.external_vendor_sku == sku)
        .distinct()
    ).all()
    return [int(row[0]) for row in rows]


# -- history -----------------------------------------------------------------------------------


def history_insert(conn: Connection, values: Mapping[str, Any]) -> None:
    """Store a status history row."""
    conn.execute(insert(product_histories).values(**values))


def histories_page(
    conn: Connection, seller_product_id: int, *, offset: int, limit: int
) -> tuple[list[RowMapping], bool]:
    """Newest first, and whether more rows follow."""
    rows = list(
        conn.execute(
            select(product_histories)
            .where(product_histories.c.seller_product_id == seller_product_id)
            .order_by(product_histories.c.id.desc())
            .offset(offset)
            .limit(limit + 1)
        )
        .mappings()
        .all()
    )
    return rows[:limit], len(rows) > limit


# -- seller options ----------------------------------------------------------------------------


def seller_options_set(conn: Connection, vendor_id: str, *, opt_in: bool, now_us: int) -> None:
    """Store the vendor's automatic-option setting."""
    values = {"auto_generated_opt_in": opt_in, "updated_at_us": now_us}
    done = conn.execute(
        update(product_seller_options)
        .where(product_seller_options.c.vendor_id == vendor_id)
        .values(**values)
    )
    if done.rowcount == 0:
        conn.execute(insert(product_seller_options).values(vendor_id=vendor_id, **values))


def seller_options_get(conn: Connection, vendor_id: str) -> RowMapping | None:
    """The vendor's automatic-option setting (``None`` when never set)."""
    return (
        conn.execute(
            select(product_seller_options).where(product_seller_options.c.vendor_id == vendor_id)
        )
        .mappings()
        .first()
    )
