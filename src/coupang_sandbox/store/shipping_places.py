"""Shipping places: the tables and queries of outbound shipping places (출고지) and return
centers (반품지).

Each row keeps its API representation (``doc``, JSON text rendered by
:mod:`coupang_sandbox.views.shipping_places` at write time): the list reads splice the stored
documents into the answer without decoding them. Every query filters on ``vendor_id``; the
vendor's writes are serialised by :func:`lock_places`. Timestamps are milliseconds since the
epoch on the sandbox clock.
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
    Select,
    String,
    Table,
    Text,
    UniqueConstraint,
    bindparam,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.engine import RowMapping

from coupang_sandbox.store.schema import metadata, vendors

outbound_places = Table(
    "sandbox_outbound_places",
    metadata,
    Column("code", BigInteger, primary_key=True, autoincrement=False),
    Column("vendor_id", String(32), nullable=False),
    Column("name", String(64), nullable=False),
    Column("is_global", Boolean, nullable=False),
    Column("usable", Boolean, nullable=False),
    Column("addresses", JSON, nullable=False),
    #: ``[{"remoteInfoId", "deliveryCode", "jeju", "notJeju", "usable"}]``
    Column("remote_infos", JSON, nullable=False),
    Column("user_id", String(128), nullable=True),
    Column("created_at_ms", BigInteger, nullable=False),
    Column("updated_at_ms", BigInteger, nullable=False),
    #: The API representation, rendered at write time (reads splice it into responses as is).
    Column("doc", Text, nullable=False),
    UniqueConstraint("vendor_id", "name", name="uq_sandbox_outbound_vendor_name"),
    Index("ix_sandbox_outbound_vendor_code", "vendor_id", "code"),
)

return_centers = Table(
    "sandbox_return_centers",
    metadata,
    Column("code", String(32), primary_key=True),
    Column("seq", BigInteger, nullable=False, unique=True),
    Column("vendor_id", String(32), nullable=False),
    Column("name", String(64), nullable=False),
    Column("usable", Boolean, nullable=False),
    Column("deliver_code", String(32), nullable=False),
    Column("contract_number", String(64), nullable=True),
    Column("contract_customer_number", String(64), nullable=True),
    Column("fees", JSON, nullable=False),
    Column("addresses", JSON, nullable=False),
    Column("user_id", String(128), nullable=True),
    Column("created_at_ms", BigInteger, nullable=False),
    Column("updated_at_ms", BigInteger, nullable=False),
    Column("doc", Text, nullable=False),
    UniqueConstraint("vendor_id", "name", name="uq_sandbox_return_vendor_name"),
    Index("ix_sandbox_return_vendor_seq", "vendor_id", "seq"),
)


# -- outbound places ---------------------------------------------------------------------------


def lock_places(conn: Connection, vendor_id: str) -> None:
    """Serialise the vendor's shipping-place writes (``FOR UPDATE`` of its vendor row on
    PostgreSQL; SQLite transactions hold the database's write lock from BEGIN): the duplicate
    name and address checks that follow see every place committed before."""
    conn.execute(
        select(vendors.c.vendor_id).where(vendors.c.vendor_id == vendor_id).with_for_update()
    )


def _vendor_row(conn: Connection, table: Table, vendor_id: str, match: Any) -> RowMapping | None:
    """The row of ``table`` that belongs to ``vendor_id`` and satisfies ``match``, if any."""
    where = select(table).where(match, table.c.vendor_id == vendor_id)
    return conn.execute(where).mappings().first()


def outbound_get(conn: Connection, vendor_id: str, code: int) -> RowMapping | None:
    """The vendor's outbound place with this code, if any."""
    return _vendor_row(conn, outbound_places, vendor_id, outbound_places.c.code == code)


def outbound_by_name(conn: Connection, vendor_id: str, name: str) -> RowMapping | None:
    """The vendor's outbound place with this name, if any."""
    return _vendor_row(conn, outbound_places, vendor_id, outbound_places.c.name == name)


def outbound_all(conn: Connection, vendor_id: str) -> Sequence[RowMapping]:
    """Every outbound shipping place of the vendor, by code."""
    return (
        conn.execute(
            select(outbound_places)
            .where(outbound_places.c.vendor_id == vendor_id)
            .order_by(outbound_places.c.code)
        )
        .mappings()
        .all()
    )


def _paged_docs(
    conn: Connection, query: Select[Any], count_query: Select[Any], params: dict[str, Any]
) -> tuple[list[str], int]:
    rows = conn.execute(query, params).all()
    if rows:
        return [row[0] for row in rows], int(rows[0][1])
    if params.get("offset", 0) == 0:
        return [], 0
    return [], int(conn.execute(count_query, params).scalar_one())


def _page_queries(
    table: Any, order: Any, where: list[Any], paged: bool
) -> tuple[Select[Any], Select[Any]]:
    query = select(table.c.doc, func.count().over()).where(*where).order_by(order)
    if paged:
        query = query.limit(bindparam("limit")).offset(bindparam("offset"))
    return query, select(func.count()).select_from(table).where(*where)


_OUTBOUND_PAGE = _page_queries(
    outbound_places,
    outbound_places.c.code,
    [outbound_places.c.vendor_id == bindparam("vendor_id")],
    paged=True,
)


def outbound_page(
    conn: Connection,
    vendor_id: str,
    *,
    codes: Sequence[int] | None = None,
    names: Sequence[str] | None = None,
    offset: int = 0,
    limit: int | None = None,
) -> tuple[list[str], int]:
    """One page of rendered documents (JSON text) and the total count."""
    params: dict[str, Any] = {"vendor_id": vendor_id, "offset": offset, "limit": limit}
    if codes is None and names is None and limit is not None:
        query, count_query = _OUTBOUND_PAGE
    else:
        where = [outbound_places.c.vendor_id == bindparam("vendor_id")]
        if codes is not None:
            where.append(outbound_places.c.code.in_(list(codes)))
        if names is not None:
            where.append(outbound_places.c.name.in_(list(names)))
        query, count_query = _page_queries(
            outbound_places, outbound_places.c.code, where, paged=limit is not None
        )
    return _paged_docs(conn, query, count_query, params)


def outbound_insert(conn: Connection, values: Mapping[str, Any]) -> None:
    """Store an outbound shipping place."""
    conn.execute(insert(outbound_places).values(**values))


def outbound_update(conn: Connection, code: int, values: Mapping[str, Any]) -> None:
    """Change an outbound shipping place."""
    conn.execute(update(outbound_places).where(outbound_places.c.code == code).values(**values))


# -- return centers ----------------------------------------------------------------------------


def return_get(conn: Connection, vendor_id: str, code: str) -> RowMapping | None:
    """The vendor's return center with this code, if any."""
    return _vendor_row(conn, return_centers, vendor_id, return_centers.c.code == code)


def return_by_name(conn: Connection, vendor_id: str, name: str) -> RowMapping | None:
    """The vendor's return center with this name, if any."""
    return _vendor_row(conn, return_centers, vendor_id, return_centers.c.name == name)


_RETURN_PAGE = _page_queries(
    return_centers,
    return_centers.c.seq,
    [return_centers.c.vendor_id == bindparam("vendor_id")],
    paged=True,
)


def return_page(
    conn: Connection,
    vendor_id: str,
    *,
    codes: Sequence[str] | None = None,
    offset: int = 0,
    limit: int | None = None,
) -> tuple[list[str], int]:
    """``(codes, total)``: one page of the vendor's return center codes (of ``codes`` when given)
    and how many there are in all."""
    params: dict[str, Any] = {"vendor_id": vendor_id, "offset": offset, "limit": limit}
    if codes is None and limit is not None:
        query, count_query = _RETURN_PAGE
    else:
        where = [return_centers.c.vendor_id == bindparam("vendor_id")]
        if codes is not None:
            where.append(return_centers.c.code.in_(list(codes)))
        query, count_query = _page_queries(
            return_centers, return_centers.c.seq, where, paged=limit is not None
        )
    return _paged_docs(conn, query, count_query, params)


def return_insert(conn: Connection, values: Mapping[str, Any]) -> None:
    """Store a return center."""
    conn.execute(insert(return_centers).values(**values))


def return_update(conn: Connection, code: str, values: Mapping[str, Any]) -> None:
    """Change a return center."""
    conn.execute(update(return_centers).where(return_centers.c.code == code).values(**values))
