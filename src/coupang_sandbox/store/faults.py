"""The table and queries of fault rules (``/_sandbox/faults``).

One row per rule: its definition as a JSON document (``spec``, written by
:mod:`coupang_sandbox.faults`), when it was added (sandbox clock, microseconds), and two
counters every process updates in place: ``matched`` (requests the rule matched, which numbers
the draws of its seeded random sequence) and ``hits`` (times it fired). The rows live with the
rest of the sandbox state: they survive a restart, every process serving the store sees them,
and a reset wipes them.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Connection, Table, Text, delete, insert, select, update
from sqlalchemy.engine import RowMapping

from coupang_sandbox.store.schema import metadata

fault_rules = Table(
    "sandbox_faults",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    Column("spec", Text, nullable=False),
    Column("created_at_us", BigInteger, nullable=False),
    Column("matched", BigInteger, nullable=False, default=0),
    Column("hits", BigInteger, nullable=False, default=0),
)


def insert_rule(conn: Connection, rule_id: int, spec: str, created_at_us: int) -> None:
    """Store a new rule (counters at zero)."""
    conn.execute(
        insert(fault_rules).values(
            id=rule_id, spec=spec, created_at_us=created_at_us, matched=0, hits=0
        )
    )


def all_rules(conn: Connection) -> list[RowMapping]:
    """Every rule, oldest first (the order they are tried in)."""
    return list(conn.execute(select(fault_rules).order_by(fault_rules.c.id)).mappings().all())


def get_rule(conn: Connection, rule_id: int) -> RowMapping | None:
    """One rule, or ``None``."""
    return conn.execute(select(fault_rules).where(fault_rules.c.id == rule_id)).mappings().first()


def delete_rule(conn: Connection, rule_id: int) -> bool:
    """Remove one rule; ``False`` when there was none with that id."""
    return bool(conn.execute(delete(fault_rules).where(fault_rules.c.id == rule_id)).rowcount)


def delete_all(conn: Connection) -> int:
    """Remove every rule; the number removed."""
    return int(conn.execute(delete(fault_rules)).rowcount)


def count_match(conn: Connection, rule_id: int) -> int | None:
    """Count one more matched request; its number (1, 2, ...), or ``None`` if the rule is gone.
    Atomic across processes: each matched request gets its own number."""
    value = conn.execute(
        update(fault_rules)
        .where(fault_rules.c.id == rule_id)
        .values(matched=fault_rules.c.matched + 1)
        .returning(fault_rules.c.matched)
    ).scalar_one_or_none()
    return None if value is None else int(value)


def count_hit(conn: Connection, rule_id: int, limit: int | None) -> int | None:
    """Count one more firing unless the rule already fired ``limit`` times (or is gone): the
    new count, or ``None``. Atomic, so "at most N times" holds across processes."""
    query = update(fault_rules).where(fault_rules.c.id == rule_id)
    if limit is not None:
        query = query.where(fault_rules.c.hits < limit)
    value = conn.execute(
        query.values(hits=fault_rules.c.hits + 1).returning(fault_rules.c.hits)
    ).scalar_one_or_none()
    return None if value is None else int(value)
