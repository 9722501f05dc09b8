"""Engine construction for SQLite (file or ``:memory:``) and PostgreSQL."""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, Engine, Table, create_engine, event, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.pool import StaticPool

from coupang_sandbox.store.schema import generation, metadata

#: Key of the PostgreSQL advisory lock that serialises schema creation (any 64-bit constant).
SCHEMA_LOCK_KEY = 0x5AFE_C0DE_0009


def is_memory_sqlite(db_url: str) -> bool:
    """Whether ``db_url`` is an in-memory SQLite database (one per process, never shared)."""
    url = make_url(db_url)
    return url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:")


def make_engine(db_url: str, *, echo: bool = False) -> Engine:
    """Build the engine; in-memory SQLite shares one connection (StaticPool)."""
    url = make_url(db_url)
    if url.get_backend_name() == "sqlite":
        kwargs: dict[str, Any] = {"connect_args": {"check_same_thread": False}}
        if is_memory_sqlite(db_url):
            kwargs["poolclass"] = StaticPool
        engine = create_engine(url, echo=echo, **kwargs)
        memory = is_memory_sqlite(db_url)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            if not memory:
                # SQLAlchemy emits BEGIN itself (``_begin_immediate``), not pysqlite.
                dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            # First, so that switching to WAL waits for another process instead of failing.
            cur.execute("PRAGMA busy_timeout=5000")
            if not memory:
                cur.execute("PRAGMA journal_mode=WAL")
                cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        if not memory:
            _begin_immediate(engine)
        return engine
    engine = create_engine(url, echo=echo)
    _ping_when_idle(engine)
    return engine


#: A pooled connection unused for longer than this is pinged before it is handed out.
IDLE_PING_SECONDS = 5.0


def _ping_when_idle(engine: Engine) -> None:
    """Ping a pooled connection at checkout only when it has sat idle (PostgreSQL).

    ``pool_pre_ping`` pays a round trip on every checkout, that is on every request; a
    connection used a moment ago is almost surely alive. One that sat idle (the server may
    have restarted, or closed it) is pinged, and a dead one is replaced before the request
    sees it. A connection that dies between two close requests makes that request fail once
    (SQLAlchemy then recycles the whole pool); the signed routes retry a read once for it.
    """

    @event.listens_for(engine.pool, "checkin")
    def _checked_in(_dbapi_conn: Any, record: Any) -> None:
        if record is not None:
            record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine.pool, "checkout")
    def _checkout(dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        since = record.info.get("idle_since")
        if since is None or time.monotonic() - since < IDLE_PING_SECONDS:
            return
        try:
            cursor = dbapi_conn.cursor()
            try:
                cursor.execute("SELECT 1")
            finally:
                cursor.close()
        except engine.dialect.loaded_dbapi.Error as exc:
            # The pool drops this connection and checks out another (a fresh one if need be).
            raise DisconnectionError(f"idle connection is dead: {exc}") from exc


def _begin_immediate(engine: Engine) -> None:
    """Every transaction on a SQLite file takes the write lock at BEGIN (``BEGIN IMMEDIATE``).

    pysqlite's default runs SELECTs outside any transaction, so a check (read) and the write
    that follows were not atomic across processes: two processes both saw a box at ACCEPT and
    both acknowledged it. With the lock taken first, transactions of all processes run one after
    the other (waiting up to ``busy_timeout``) and every check sees the latest committed state.
    A transaction opened while this thread already holds one (a nested read on another pooled
    connection) begins DEFERRED: it only reads (WAL lets it), and waiting for our own lock
    would deadlock.
    """
    held = threading.local()

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        depth = getattr(held, "depth", 0)
        conn.exec_driver_sql("BEGIN" if depth else "BEGIN IMMEDIATE")
        held.depth = depth + 1

    @event.listens_for(engine, "commit")
    @event.listens_for(engine, "rollback")
    def _end(_conn: Any) -> None:
        held.depth = max(0, getattr(held, "depth", 0) - 1)


def create_tables(engine: Engine) -> None:
    """Create the missing tables, race-free when several processes start on a fresh store.

    One transaction: on PostgreSQL it first takes a transaction-level advisory lock (so a
    second process waits, then finds the tables; concurrent ``CREATE TABLE`` would otherwise
    collide in ``pg_type``); on a SQLite file it starts with ``BEGIN IMMEDIATE`` (the write
    lock). The generation row is created in the same transaction.
    """
    with engine.begin() as conn:
        # (A SQLite file's transactions all begin IMMEDIATE: see ``_begin_immediate``.)
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK_KEY})
        metadata.create_all(conn)
        insert_ignore(conn, generation, {"id": 1, "value": 0})


def insert_ignore(conn: Connection, table: Table, values: Mapping[str, Any]) -> int:
    """``INSERT ... ON CONFLICT DO NOTHING`` (any unique constraint); the number of rows
    inserted (0 when a row with the same key already exists, whichever process wrote it)."""
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(table).values(**values).on_conflict_do_nothing()
    # RETURNING rather than rowcount, which psycopg reports as -1 here.
    key = next(iter(table.primary_key.columns))
    return len(conn.execute(statement.returning(key)).all())
