"""Small query helpers shared by the store modules."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Column, Connection, Table, select
from sqlalchemy.engine import RowMapping


def children_by_parent(
    conn: Connection,
    table: Table,
    parent: Column[int],
    parent_ids: Sequence[int],
    *,
    order_by: Column[int],
) -> dict[int, list[RowMapping]]:
    """The rows of ``table`` for each of ``parent_ids`` (every id present, maybe empty), in one
    query."""
    rows = (
        conn.execute(select(table).where(parent.in_(list(parent_ids))).order_by(parent, order_by))
        .mappings()
        .all()
    )
    found: dict[int, list[RowMapping]] = {int(i): [] for i in parent_ids}
    for row in rows:
        found[int(row[parent.name])].append(row)
    return found
