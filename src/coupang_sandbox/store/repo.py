"""A small repository layer over the Core tables.

Functions taking a ``Connection`` run inside the caller's transaction; :class:`Store` owns the
engine, the vendor-key cache and the whole-store operations (seed, reset).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, delete, select, update
from sqlalchemy.engine import RowMapping
from sqlalchemy.pool import PoolProxiedConnection

from coupang_sandbox.store.engine import create_tables, insert_ignore, make_engine
from coupang_sandbox.store.schema import (
    clock_state,
    generation,
    metadata,
    sequences,
    throttle_state,
    vendors,
)


@dataclass(frozen=True, slots=True)
class Vendor:
    """A vendor of the sandbox and its API keys."""

    vendor_id: str
    access_key: str
    secret_key: str


class VendorConflict(Exception):
    """A vendor id or access key already exists with different keys."""


def next_id(conn: Connection, name: str, start: int) -> int:
    """Next value of the named global sequence (first value ``start``).

    Race-free across processes: the first use inserts the row only if no other process did
    (``ON CONFLICT DO NOTHING``); otherwise the atomic increment of the existing row counts.
    """
    bump = (
        update(sequences)
        .where(sequences.c.name == name)
        .values(value=sequences.c.value + 1)
        .returning(sequences.c.value)
    )
    value = conn.execute(bump).scalar_one_or_none()
    if value is None:
        if insert_ignore(conn, sequences, {"name": name, "value": start}):
            return start
        value = conn.execute(bump).scalar_one()
    return int(value)


def locked_row(
    conn: Connection, table: Any, key: Mapping[str, Any], defaults: Mapping[str, Any]
) -> RowMapping:
    """The row of ``table`` with primary key ``key`` (created from ``defaults`` if missing),
    locked until ``conn``'s transaction ends, so read-modify-write cycles on it serialise
    across processes.

    The lock is a no-op ``UPDATE ... RETURNING``: a row lock on PostgreSQL (a concurrent cycle
    waits, then reads the committed result), the database write lock on SQLite (taken by the
    transaction's first statement, so no read-to-write upgrade can fail).
    """
    first = next(column for column in table.c if not column.primary_key)
    lock = (
        update(table)
        .where(*(table.c[name] == value for name, value in key.items()))
        .values({first.name: first})
        .returning(*table.c)
    )
    row = conn.execute(lock).mappings().first()
    if row is None:
        insert_ignore(conn, table, {**key, **defaults})
        row = conn.execute(lock).mappings().one()
    return row


# -- clock -------------------------------------------------------------------------------------


def clock_load(conn: Connection) -> RowMapping | None:
    """The saved clock row, ``None`` when the clock was never saved."""
    return conn.execute(select(clock_state).where(clock_state.c.id == 1)).mappings().first()


def clock_lock(conn: Connection) -> RowMapping:
    """The clock row (a real clock if none was saved), locked for a read-modify-write."""
    defaults = {"mode": "real", "frozen_at_us": None, "offset_seconds": 0.0}
    return locked_row(conn, clock_state, {"id": 1}, defaults)


def clock_save(
    conn: Connection, mode: str, frozen_at_us: int | None, offset_seconds: float
) -> None:
    """Write the clock (after :func:`clock_lock`) and bump the generation."""
    values = {"mode": mode, "frozen_at_us": frozen_at_us, "offset_seconds": offset_seconds}
    conn.execute(update(clock_state).where(clock_state.c.id == 1).values(**values))
    generation_bump(conn)


# -- generation (cross-process invalidation) and throttle state --------------------------------


def generation_bump(conn: Connection) -> None:
    """Mark a change of the clock or the vendors (in the transaction making the change)."""
    conn.execute(
        update(generation).where(generation.c.id == 1).values(value=generation.c.value + 1)
    )


def throttle_lock(conn: Connection, scope: str, vendor_id: str) -> str:
    """The vendor's throttle state (JSON; ``null`` when new), locked until the commit."""
    key = {"scope": scope, "vendor_id": vendor_id}
    return str(locked_row(conn, throttle_state, key, {"state": "null"})["state"])


def throttle_save(conn: Connection, scope: str, vendor_id: str, state: str) -> None:
    """Write the vendor's throttle state (after :func:`throttle_lock`)."""
    conn.execute(
        update(throttle_state)
        .where(throttle_state.c.scope == scope, throttle_state.c.vendor_id == vendor_id)
        .values(state=state)
    )


def throttle_clear(conn: Connection, scope: str) -> None:
    """Forget every vendor's state of one throttle."""
    conn.execute(delete(throttle_state).where(throttle_state.c.scope == scope))


_MAX_CACHED_KEYS = 10_000
_GENERATION_SQL = f"SELECT value FROM {generation.name} WHERE id = 1"  # noqa: S608 (constant)

# -- the store ---------------------------------------------------------------------------------


class Store:
    """Owns the engine; caches vendor keys (the hot path of every signed request).

    The cache is a view of one generation of the store: :meth:`sync` (once per request) drops
    it when any process changed the vendors since, so a vendor added or removed by another
    process is seen by the next request, and a key never lingers after a reset.
    """

    def __init__(self, engine: Engine) -> None:
        """The store on ``engine``; the key cache fills on the first lookup."""
        self.engine = engine
        self._lock = threading.Lock()
        self._by_access_key: dict[str, Vendor | None] | None = None
        self._generation: int | None = None
        #: A driver connection kept for :meth:`sync` (autocommit reads), and its lock.
        self._probe: PoolProxiedConnection | None = None
        self._probe_lock = threading.Lock()

    @classmethod
    def open(cls, db_url: str, *, echo: bool = False) -> Store:
        """Connect, create the missing tables (race-free) and return the store."""
        engine = make_engine(db_url, echo=echo)
        try:
            create_tables(engine)
        except BaseException:
            engine.dispose()
            raise
        return cls(engine)

    def close(self) -> None:
        """Dispose the engine (its pooled connections)."""
        with self._probe_lock:
            self._drop_probe()
        self.engine.dispose()

    def _drop_probe(self) -> None:
        if self._probe is not None:
            self._probe.invalidate()  # never back to the pool: it is in autocommit
            self._probe = None

    def _probe_read(self) -> int | None:
        # The hot path of every request: the driver's cursor on a connection kept for it, in
        # autocommit (each read sees the last commit), costs a tenth of a pooled Core query.
        probe = self._probe
        if probe is None:
            probe = self._probe = self.engine.raw_connection()
            if self.engine.dialect.name == "postgresql":
                probe.driver_connection.autocommit = True  # type: ignore[union-attr]
        cursor = probe.cursor()
        cursor.execute(_GENERATION_SQL)
        row = cursor.fetchone()
        cursor.close()
        return None if row is None else int(row[0])

    def _read_generation(self) -> int | None:
        with self._probe_lock:
            try:
                return self._probe_read()
            except self.engine.dialect.loaded_dbapi.Error:
                # E.g. the server restarted: the pooled connections are likely dead too (the
                # pool no longer pings each one), so start a fresh pool, and reconnect once.
                self._drop_probe()
                self.engine.dispose()
                return self._probe_read()

    def sync(self) -> bool:
        """One tiny read: ``True`` (and the vendor cache dropped) when the clock or the vendors
        changed since the last call, in this process or another one."""
        current = self._read_generation()
        if current is not None and current == self._generation:
            return False
        with self._lock:
            self._generation = current
            self._by_access_key = None
        return True

    # vendors

    def vendor_by_access_key(self, access_key: str) -> Vendor | None:
        """The vendor of ``access_key`` as of the last :meth:`sync` (or a later local change):
        read once per key and generation (an unknown key too, until the next change)."""
        cache = self._by_access_key
        if cache is None:
            cache = self._by_access_key = {}
        if access_key in cache:
            return cache[access_key]
        with self.engine.connect() as conn:
            row = conn.execute(select(vendors).where(vendors.c.access_key == access_key)).first()
        vendor = None if row is None else Vendor(row.vendor_id, row.access_key, row.secret_key)
        if len(cache) >= _MAX_CACHED_KEYS:  # a flood of made-up keys
            cache.clear()
        cache[access_key] = vendor
        return vendor

    def vendor_by_id(self, vendor_id: str) -> Vendor | None:
        """The vendor ``vendor_id``, read from the store."""
        with self.engine.connect() as conn:
            row = conn.execute(select(vendors).where(vendors.c.vendor_id == vendor_id)).first()
        return None if row is None else Vendor(row.vendor_id, row.access_key, row.secret_key)

    def add_vendor(self, vendor: Vendor, *, seeded: bool = False) -> bool:
        """Insert ``vendor``; ``False`` if it already exists identically, raise if it conflicts.

        Race-free: two processes seeding the same vendor at once both succeed (one inserts).
        """
        values = {
            "vendor_id": vendor.vendor_id,
            "access_key": vendor.access_key,
            "secret_key": vendor.secret_key,
            "seeded": seeded,
        }
        with self._lock, self.engine.begin() as conn:
            if insert_ignore(conn, vendors, values):
                generation_bump(conn)
                self._by_access_key = None
                return True
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
            if seeded and rows and not rows[0]["seeded"]:
                conn.execute(
                    update(vendors)
                    .where(vendors.c.vendor_id == vendor.vendor_id)
                    .values(seeded=True)
                )
            return False

    def seed_vendors(self, seeds: Iterable[tuple[str, str, str]]) -> None:
        """Add the configured vendors (those already there are kept)."""
        for vendor_id, access_key, secret_key in seeds:
            self.add_vendor(Vendor(vendor_id, access_key, secret_key), seeded=True)

    def reset(self, *, keep_vendors: bool, seeds: Iterable[tuple[str, str, str]] = ()) -> None:
        """Wipe business data; unless ``keep_vendors``, replace all vendors by ``seeds``."""
        with self._lock, self.engine.begin() as conn:
            # Every table but the vendors' and the generation, children first (other modules
            # add their own tables).
            for table in reversed(metadata.sorted_tables):
                if (
                    table is not vendors
                    and table is not generation
                    and not table.info.get("keep_on_reset")  # e.g. the snapshots
                ):
                    conn.execute(delete(table))
            if not keep_vendors:
                conn.execute(delete(vendors))
            generation_bump(conn)
            self._by_access_key = None
        if not keep_vendors:
            self.seed_vendors(seeds)
