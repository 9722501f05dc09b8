"""A small repository layer over the Core tables.

Functions taking a ``Connection`` run inside the caller's transaction; :class:`Store` owns the
engine, the vendor-key cache and the whole-store operations (seed, reset).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, Select, bindparam, delete, func, insert, select, update
from sqlalchemy.engine import RowMapping

from coupang_sandbox.store.engine import create_tables, make_engine
from coupang_sandbox.store.schema import (
    clock_state,
    metadata,
    outbound_places,
    return_centers,
    sequences,
    vendors,
)


@dataclass(frozen=True, slots=True)
class Vendor:
    vendor_id: str
    access_key: str
    secret_key: str


class VendorConflict(Exception):
    """A vendor id or access key already exists with different keys."""


def next_id(conn: Connection, name: str, start: int) -> int:
    """Next value of the named global sequence (first value ``start``)."""
    value = conn.execute(
        update(sequences)
        .where(sequences.c.name == name)
        .values(value=sequences.c.value + 1)
        .returning(sequences.c.value)
    ).scalar_one_or_none()
    if value is None:
        conn.execute(insert(sequences).values(name=name, value=start))
        return start
    return int(value)


# -- outbound places ---------------------------------------------------------------------------


def lock_places(conn: Connection, vendor_id: str) -> None:
    """Serialise the vendor's shipping-place writes (``FOR UPDATE`` of its vendor row on
    PostgreSQL; SQLite transactions hold the database's write lock from BEGIN): the duplicate
    name and address checks that follow see every place committed before."""
    conn.execute(
        select(vendors.c.vendor_id).where(vendors.c.vendor_id == vendor_id).with_for_update()
    )


def outbound_get(conn: Connection, vendor_id: str, code: int) -> RowMapping | None:
    return (
        conn.execute(
            select(outbound_places).where(
                outbound_places.c.code == code, outbound_places.c.vendor_id == vendor_id
            )
        )
        .mappings()
        .first()
    )


def outbound_by_name(conn: Connection, vendor_id: str, name: str) -> RowMapping | None:
    return (
        conn.execute(
            select(outbound_places).where(
                outbound_places.c.vendor_id == vendor_id, outbound_places.c.name == name
            )
        )
        .mappings()
        .first()
    )


def outbound_all(conn: Connection, vendor_id: str) -> Sequence[RowMapping]:
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
    conn.execute(insert(outbound_places).values(**values))


def outbound_update(conn: Connection, code: int, values: Mapping[str, Any]) -> None:
    conn.execute(update(outbound_places).where(outbound_places.c.code == code).values(**values))


# -- return centers ----------------------------------------------------------------------------


def return_get(conn: Connection, vendor_id: str, code: str) -> RowMapping | None:
    return (
        conn.execute(
            select(return_centers).where(
                return_centers.c.code == code, return_centers.c.vendor_id == vendor_id
            )
        )
        .mappings()
        .first()
    )


def return_by_name(conn: Connection, vendor_id: str, name: str) -> RowMapping | None:
    return (
        conn.execute(
            select(return_centers).where(
                return_centers.c.vendor_id == vendor_id, return_centers.c.name == name
            )
        )
        .mappings()
        .first()
    )


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
    conn.execute(insert(return_centers).values(**values))


def return_update(conn: Connection, code: str, values: Mapping[str, Any]) -> None:
    conn.execute(update(return_centers).where(return_centers.c.code == code).values(**values))


# -- clock -------------------------------------------------------------------------------------


def clock_load(conn: Connection) -> RowMapping | None:
    return conn.execute(select(clock_state).where(clock_state.c.id == 1)).mappings().first()


def clock_save(
    conn: Connection, mode: str, frozen_at_us: int | None, offset_seconds: float
) -> None:
    values = {"mode": mode, "frozen_at_us": frozen_at_us, "offset_seconds": offset_seconds}
    done = conn.execute(update(clock_state).where(clock_state.c.id == 1).values(**values))
    if done.rowcount == 0:
        conn.execute(insert(clock_state).values(id=1, **values))


# -- the store ---------------------------------------------------------------------------------


class Store:
    """Owns the engine; caches vendor keys (the hot path of every signed request)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._lock = threading.Lock()
        self._by_access_key: dict[str, Vendor] | None = None

    @classmethod
    def open(cls, db_url: str, *, echo: bool = False) -> Store:
        engine = make_engine(db_url, echo=echo)
        create_tables(engine)
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    # vendors

    def _load_vendors(self) -> dict[str, Vendor]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(vendors)).mappings().all()
        return {
            r["access_key"]: Vendor(r["vendor_id"], r["access_key"], r["secret_key"]) for r in rows
        }

    def vendor_by_access_key(self, access_key: str) -> Vendor | None:
        cache = self._by_access_key
        if cache is None:
            with self._lock:
                cache = self._by_access_key = self._load_vendors()
        return cache.get(access_key)

    def vendor_by_id(self, vendor_id: str) -> Vendor | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(vendors).where(vendors.c.vendor_id == vendor_id)).first()
        return None if row is None else Vendor(row.vendor_id, row.access_key, row.secret_key)

    def add_vendor(self, vendor: Vendor, *, seeded: bool = False) -> bool:
        """Insert ``vendor``; ``False`` if it already exists identically, raise if it conflicts."""
        with self._lock, self.engine.begin() as conn:
            rows = (
                conn.execute(
                    select(vendors).where(
                        (vendors.c.vendor_id == vendor.vendor_id)
                        | (vendors.c.access_key == vendor.access_key)
                    )
                )
                .mappings()
                .all()
            )
            for row in rows:
                same = (
                    row["vendor_id"] == vendor.vendor_id
                    and row["access_key"] == vendor.access_key
                    and row["secret_key"] == vendor.secret_key
                )
                if not same:
                    raise VendorConflict(
                        f"vendor {row['vendor_id']} / access key {row['access_key']} "
                        "already exists with different keys"
                    )
            if rows:
                if seeded:
                    conn.execute(
                        update(vendors)
                        .where(vendors.c.vendor_id == vendor.vendor_id)
                        .values(seeded=True)
                    )
                return False
            conn.execute(
                insert(vendors).values(
                    vendor_id=vendor.vendor_id,
                    access_key=vendor.access_key,
                    secret_key=vendor.secret_key,
                    seeded=seeded,
                )
            )
            self._by_access_key = None
            return True

    def seed_vendors(self, seeds: Iterable[tuple[str, str, str]]) -> None:
        for vendor_id, access_key, secret_key in seeds:
            self.add_vendor(Vendor(vendor_id, access_key, secret_key), seeded=True)

    def reset(self, *, keep_vendors: bool, seeds: Iterable[tuple[str, str, str]] = ()) -> None:
        """Wipe business data; unless ``keep_vendors``, replace all vendors by ``seeds``."""
        with self._lock, self.engine.begin() as conn:
            # Every table but the vendors', children first (other modules add their own tables).
            for table in reversed(metadata.sorted_tables):
                if table is not vendors:
                    conn.execute(delete(table))
            if not keep_vendors:
                conn.execute(delete(vendors))
            self._by_access_key = None
        if not keep_vendors:
            self.seed_vendors(seeds)
