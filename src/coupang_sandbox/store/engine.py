"""Engine construction for SQLite (file or ``:memory:``) and PostgreSQL."""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.pool import StaticPool

from coupang_sandbox.store.schema import metadata


def is_memory_sqlite(db_url: str) -> bool:
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
            if not memory:
                cur.execute("PRAGMA journal_mode=WAL")
                cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA busy_timeout=5000")
            cur.close()

        if not memory:
            _begin_immediate(engine)
        return engine
    return create_engine(url, echo=echo, pool_pre_ping=True)


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
    metadata.create_all(engine)
