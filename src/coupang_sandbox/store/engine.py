"""Engine construction for SQLite (file or ``:memory:``) and PostgreSQL."""

from __future__ import annotations

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
            cur = dbapi_conn.cursor()
            if not memory:
                cur.execute("PRAGMA journal_mode=WAL")
                cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA busy_timeout=5000")
            cur.close()

        return engine
    return create_engine(url, echo=echo, pool_pre_ping=True)


def create_tables(engine: Engine) -> None:
    metadata.create_all(engine)
