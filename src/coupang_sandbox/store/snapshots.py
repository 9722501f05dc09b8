"""Snapshots of the whole store, kept in the store itself (they survive a reset).

A snapshot holds every row of every table of the schema's metadata, found generically (so a
table another module registers later is included without a change here), except:

* the snapshot table itself;
* the generation row (a restore bumps it, so every process reloads its caches);
* the gateway throttles' counters (like a reset, a restore forgets them);
* any table that opts out with ``Table(..., info={"snapshot": False})`` (e.g. a request log),
  or whose name says it is a request log (``request_log``).

The rows are JSON (column values by the column's type), zlib-compressed, in one row per name.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    delete,
    func,
    insert,
    select,
    text,
)

from coupang_sandbox.store.engine import insert_ignore
from coupang_sandbox.store.schema import generation, metadata, throttle_state

#: One row per saved snapshot.
snapshots = Table(
    "sandbox_snapshots",
    metadata,
    Column("name", String(64), primary_key=True),
    #: When it was saved, real time (microseconds since the epoch): the sandbox clock may move
    #: back on a restore, so the list sorts by the wall clock.
    Column("created_at_us", BigInteger, nullable=False),
    #: The sandbox clock at the save: ``{"now", "mode", "offsetSeconds"}`` (JSON text).
    Column("clock", Text, nullable=False),
    Column("tables", Integer, nullable=False),
    Column("rows", BigInteger, nullable=False),
    #: zlib-compressed JSON: ``{table name: [row, ...]}``.
    Column("data", LargeBinary, nullable=False),
    info={"snapshot": False, "keep_on_reset": True},
)

#: Rows inserted per statement when a snapshot is restored.
INSERT_CHUNK = 500


def _excluded(table: Table) -> bool:
    if table is snapshots or table is generation or table is throttle_state:
        return True
    if table.info.get("snapshot") is False:
        return True
    return "request_log" in table.name


def snapshot_tables() -> list[Table]:
    """The tables a snapshot holds, parents first (the order rows are inserted in)."""
    return [table for table in metadata.sorted_tables if not _excluded(table)]


def kept_on_reset(table: Table) -> bool:
    """Whether a reset leaves ``table`` alone (the snapshots survive it)."""
    return bool(table.info.get("keep_on_reset"))


@dataclass(frozen=True, slots=True)
class SnapshotInfo:
    """A saved snapshot as listed: no rows, only its name, times and size."""

    name: str
    created_at_us: int
    clock: Mapping[str, Any]
    tables: int
    rows: int
    size: int


def _encode(column: Column[Any], value: Any) -> Any:
    if value is None:
        return None
    if isinstance(column.type, LargeBinary):
        return bytes(value).hex()
    return value


def _decode(column: Column[Any], value: Any) -> Any:
    if value is None:
        return None
    if isinstance(column.type, LargeBinary):
        return bytes.fromhex(value)
    return value


def _ordered(table: Table) -> Sequence[Column[Any]]:
    keys = list(table.primary_key.columns)
    return keys or list(table.c)


def dump_rows(conn: Connection, table: Table) -> Iterator[dict[str, Any]]:
    """Every row of ``table`` as plain values, in primary-key order."""
    result = conn.execute(select(table).order_by(*_ordered(table))).mappings()
    for row in result:
        yield {column.name: _encode(column, row[column.name]) for column in table.c}


def _dump(conn: Connection) -> tuple[dict[str, list[dict[str, Any]]], int]:
    data: dict[str, list[dict[str, Any]]] = {}
    count = 0
    for table in snapshot_tables():
        rows = list(dump_rows(conn, table))
        data[table.name] = rows
        count += len(rows)
    return data, count


def _pack(data: Mapping[str, Any]) -> bytes:
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return zlib.compress(raw, 6)


def _unpack(blob: bytes) -> dict[str, list[dict[str, Any]]]:
    loaded: dict[str, list[dict[str, Any]]] = json.loads(zlib.decompress(blob).decode("utf-8"))
    return loaded


def _info(row: Mapping[Any, Any], size: int) -> SnapshotInfo:
    return SnapshotInfo(
        str(row["name"]),
        int(row["created_at_us"]),
        json.loads(row["clock"]),
        int(row["tables"]),
        int(row["rows"]),
        size,
    )


def save(
    conn: Connection, name: str, *, created_at_us: int, clock: Mapping[str, Any], replace: bool
) -> SnapshotInfo | None:
    """Save the whole state under ``name``; ``None`` when the name is taken and not
    ``replace``. Runs in the caller's transaction (one consistent read of every table)."""
    data, count = _dump(conn)
    blob = _pack(data)
    values = {
        "name": name,
        "created_at_us": created_at_us,
        "clock": json.dumps(dict(clock)),
        "tables": len(data),
        "rows": count,
        "data": blob,
    }
    if replace:
        conn.execute(delete(snapshots).where(snapshots.c.name == name))
    if not insert_ignore(conn, snapshots, values):
        return None
    return _info(values, len(blob))


def load(conn: Connection, name: str) -> dict[str, list[dict[str, Any]]] | None:
    """The rows saved under ``name`` (``None`` when there is no such snapshot)."""
    blob = conn.execute(select(snapshots.c.data).where(snapshots.c.name == name)).scalar()
    return None if blob is None else _unpack(bytes(blob))


def restore_rows(conn: Connection, data: Mapping[str, Sequence[Mapping[str, Any]]]) -> None:
    """Replace every snapshot table's rows by ``data`` (in the caller's transaction).

    A table the snapshot does not know (added since it was saved) is emptied; a column it does
    not know gets its default. Integer key sequences are moved past the restored ids on
    PostgreSQL, so the next insert does not collide.
    """
    tables = snapshot_tables()
    for table in reversed(tables):
        conn.execute(delete(table))
    for table in tables:
        rows = data.get(table.name) or []
        known = [column for column in table.c if rows and column.name in rows[0]]
        decoded = [{c.name: _decode(c, row.get(c.name)) for c in known} for row in rows]
        for start in range(0, len(decoded), INSERT_CHUNK):
            conn.execute(insert(table), decoded[start : start + INSERT_CHUNK])
        if conn.dialect.name == "postgresql":
            _move_sequences(conn, table)


def _move_sequences(conn: Connection, table: Table) -> None:
    keys = list(table.primary_key.columns)
    if len(keys) != 1:
        return
    key = keys[0]
    if not isinstance(key.type, Integer) or key.autoincrement is False:
        return
    sequence = conn.execute(
        text("SELECT pg_get_serial_sequence(:table, :column)"),
        {"table": table.name, "column": key.name},
    ).scalar()
    if sequence is None:
        return
    highest = conn.execute(select(key).order_by(key.desc()).limit(1)).scalar()
    conn.execute(
        text("SELECT setval(:sequence, :value, :called)"),
        {"sequence": sequence, "value": int(highest or 1), "called": highest is not None},
    )


def listing(conn: Connection) -> list[SnapshotInfo]:
    """Every saved snapshot, oldest first (without their rows)."""
    columns = [c for c in snapshots.c if c is not snapshots.c.data]
    size = func.length(snapshots.c.data).label("size")
    rows = conn.execute(
        select(*columns, size).order_by(snapshots.c.created_at_us, snapshots.c.name)
    ).mappings()
    return [_info(row, int(row["size"])) for row in rows]


def remove(conn: Connection, name: str) -> bool:
    """Delete the snapshot ``name``; whether it existed."""
    found = conn.execute(
        delete(snapshots).where(snapshots.c.name == name).returning(snapshots.c.name)
    )
    return found.first() is not None
