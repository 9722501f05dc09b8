"""The request log's table: a bounded ring of the last N signed-API requests.

The table lives in its own ``MetaData`` (:data:`log_metadata`), apart from the business state:
``reset`` and snapshots leave it alone, so a ``since`` cursor keeps working across a reset
and its sequence numbers never repeat (SQLite ``AUTOINCREMENT``, a PostgreSQL identity). Rows
are written in batches by :class:`coupang_sandbox.request_log.LogWriter`, which trims the ring
in the same transaction (:func:`append`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    delete,
    func,
    or_,
    select,
    text,
)
from sqlalchemy.engine import RowMapping
from sqlalchemy.sql.elements import ColumnElement

from coupang_sandbox.store.engine import SCHEMA_LOCK_KEY

log_metadata = MetaData()

request_log = Table(
    "sandbox_request_log",
    log_metadata,
    Column("seq", BigInteger().with_variant(Integer, "sqlite"), primary_key=True),
    Column("at_us", BigInteger, nullable=False),
    Column("method", String(16), nullable=False),
    Column("path", Text, nullable=False),
    Column("query", Text, nullable=False),
    Column("vendor_id", String(32), nullable=True),
    Column("access_key", String(128), nullable=True),
    #: ``None``: no answer was sent (the connection was dropped).
    Column("status", Integer, nullable=True),
    Column("latency_us", BigInteger, nullable=False),
    Column("bytes_in", BigInteger, nullable=False),
    Column("bytes_out", BigInteger, nullable=False),
    Column("field", Text, nullable=True),
    Column("rule", String(64), nullable=True),
    Column("reason", Text, nullable=True),
    Column("fault", String(32), nullable=True),
    sqlite_autoincrement=True,
)

#: The columns a record carries (everything but ``seq``), in a record's order.
RECORD_COLUMNS = tuple(c.name for c in request_log.c if c.name != "seq")
#: One request's values, in :data:`RECORD_COLUMNS` order (a tuple: the cheapest to build).
Record = tuple[Any, ...]


def create_table(engine: Engine) -> None:
    """Create the table when missing, race-free across processes (the schema's advisory lock
    on PostgreSQL, the write lock of ``BEGIN IMMEDIATE`` on a SQLite file)."""
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK_KEY})
        log_metadata.create_all(conn)


def _insert_sql(paramstyle: str) -> str:
    mark = "?" if paramstyle == "qmark" else "%s"
    return (
        f"INSERT INTO {request_log.name} ({', '.join(RECORD_COLUMNS)}) "  # noqa: S608 (constants)
        f"VALUES ({', '.join(mark for _ in RECORD_COLUMNS)})"
    )


def append(conn: Connection, records: Sequence[Record], keep: int) -> None:
    """Insert ``records`` (one batch) and drop what falls out of the ring of ``keep`` rows.

    The rows go to the driver's ``executemany`` as tuples: a batch costs a tenth of the CPU
    time of a Core ``insert()`` (which builds each row's parameters in Python), and the
    writer shares the interpreter with the requests it logs.
    """
    conn.exec_driver_sql(_insert_sql(conn.dialect.paramstyle), list(records))
    newest = conn.execute(select(func.max(request_log.c.seq))).scalar_one_or_none()
    if newest is not None:
        conn.execute(delete(request_log).where(request_log.c.seq <= int(newest) - keep))


def clear(conn: Connection) -> int:
    """Forget every logged request; the number of rows dropped (``seq`` is not reused)."""
    return int(conn.execute(delete(request_log)).rowcount or 0)


@dataclass(frozen=True, slots=True)
class LogFilter:
    """Which logged requests a read wants (``None``: any)."""

    #: Only requests with a ``seq`` above this one.
    since: int | None = None
    #: Exact statuses, and status classes as their first digit (``4`` for ``4xx``).
    statuses: frozenset[int] = frozenset()
    classes: frozenset[int] = frozenset()
    vendor_id: str | None = None
    method: str | None = None
    #: A piece of the path (case-sensitive).
    path: str | None = None


def _conditions(conn: Connection, wanted: LogFilter) -> list[ColumnElement[bool]]:
    c = request_log.c
    found: list[ColumnElement[bool]] = []
    if wanted.since is not None:
        found.append(c.seq > wanted.since)
    if wanted.statuses or wanted.classes:
        status_terms: list[ColumnElement[bool]] = []
        if wanted.statuses:
            status_terms.append(c.status.in_(sorted(wanted.statuses)))
        for digit in sorted(wanted.classes):
            status_terms.append(c.status.between(digit * 100, digit * 100 + 99))
        found.append(or_(*status_terms))
    if wanted.vendor_id is not None:
        found.append(c.vendor_id == wanted.vendor_id)
    if wanted.method is not None:
        found.append(c.method == wanted.method)
    if wanted.path is not None:
        # instr / strpos: a plain, case-sensitive substring test on both stores (LIKE is
        # case-insensitive on SQLite and gives '%' and '_' a meaning).
        position = "strpos" if conn.dialect.name == "postgresql" else "instr"
        found.append(getattr(func, position)(c.path, wanted.path) > 0)
    return found


def read(conn: Connection, wanted: LogFilter, limit: int) -> tuple[list[RowMapping], int]:
    """At most ``limit`` matching rows in ``seq`` order, and the cursor to read on from.

    With ``since``: the first rows after it; without: the last ``limit`` rows (a tail). The
    cursor is the last row's ``seq`` when the page is full (more may follow), else the newest
    ``seq`` in the log (so a poll with no match does not scan the same rows again).
    """
    conditions = _conditions(conn, wanted)
    query = select(request_log).where(*conditions)
    if wanted.since is None:
        rows = list(
            conn.execute(query.order_by(request_log.c.seq.desc()).limit(limit)).mappings().all()
        )
        rows.reverse()
    else:
        rows = list(conn.execute(query.order_by(request_log.c.seq).limit(limit)).mappings().all())
    if len(rows) == limit and wanted.since is not None:
        return rows, int(rows[-1]["seq"])
    newest = conn.execute(select(func.max(request_log.c.seq))).scalar_one_or_none()
    floor = wanted.since or 0
    return rows, max(floor, int(newest or 0))


def count(conn: Connection, wanted: LogFilter) -> tuple[int, int]:
    """How many logged requests match, and the newest ``seq`` in the log."""
    matched = conn.execute(
        select(func.count()).select_from(request_log).where(*_conditions(conn, wanted))
    ).scalar_one()
    newest = conn.execute(select(func.max(request_log.c.seq))).scalar_one_or_none()
    return int(matched), max(wanted.since or 0, int(newest or 0))
