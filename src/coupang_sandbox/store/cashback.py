"""The table and queries of item cashback rules (상품 캐시백).

One row per ``(vendor_id, rule_id, vendor_item_id)``: the rule as applied to one option. A
removal keeps the row (``disabled``, ``disabled_at_us``) so the lookup can show it; applying
the same rule to the option again replaces the row's terms and enables it. Timestamps are
microseconds since the epoch (``start_at_us``/``end_at_us`` are the rule's period).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Connection,
    Index,
    String,
    Table,
    insert,
    select,
    update,
)
from sqlalchemy.engine import RowMapping

from coupang_sandbox.store.schema import metadata

cashback_rules = Table(
    "sandbox_cashback_rules",
    metadata,
    Column("vendor_id", String(32), primary_key=True),
    Column("rule_id", BigInteger, primary_key=True, autoincrement=False),
    Column("vendor_item_id", BigInteger, primary_key=True, autoincrement=False),
    #: FIXED | RATE | FIXED_WITH_QUANTITY
    Column("value_type", String(24), nullable=False),
    Column("value", BigInteger, nullable=False),
    #: The RATE cap; 0 for the fixed types.
    Column("max_amount", BigInteger, nullable=False),
    Column("start_at_us", BigInteger, nullable=False),
    Column("end_at_us", BigInteger, nullable=False),
    Column("disabled", Boolean, nullable=False),
    Column("disabled_at_us", BigInteger, nullable=True),
    Column("created_at_us", BigInteger, nullable=False),
    Column("updated_at_us", BigInteger, nullable=False),
    Index("ix_sandbox_cashback_vendor_item", "vendor_id", "vendor_item_id"),
)


def _key(vendor_id: str, rule_id: int, vendor_item_id: int) -> list[Any]:
    return [
        cashback_rules.c.vendor_id == vendor_id,
        cashback_rules.c.rule_id == rule_id,
        cashback_rules.c.vendor_item_id == vendor_item_id,
    ]


def get_rule(
    conn: Connection, vendor_id: str, rule_id: int, vendor_item_id: int, *, lock: bool = False
) -> RowMapping | None:
    """The rule ``rule_id`` of one option (``None`` when it has none)."""
    query = select(cashback_rules).where(*_key(vendor_id, rule_id, vendor_item_id))
    if lock:
        query = query.with_for_update()
    return conn.execute(query).mappings().first()


def insert_rule(conn: Connection, values: Mapping[str, Any]) -> None:
    """Store a new rule on one option."""
    conn.execute(insert(cashback_rules).values(**values))


def update_rule(
    conn: Connection, vendor_id: str, rule_id: int, vendor_item_id: int, values: Mapping[str, Any]
) -> None:
    """Rewrite the columns ``values`` of one option's rule."""
    conn.execute(
        update(cashback_rules).where(*_key(vendor_id, rule_id, vendor_item_id)).values(**values)
    )


def enabled_rules_of_item(
    conn: Connection, vendor_id: str, vendor_item_id: int
) -> list[RowMapping]:
    """The option's rules still enabled (any rule id), by rule id."""
    query = (
        select(cashback_rules)
        .where(
            cashback_rules.c.vendor_id == vendor_id,
            cashback_rules.c.vendor_item_id == vendor_item_id,
            cashback_rules.c.disabled.is_(False),
        )
        .order_by(cashback_rules.c.rule_id)
    )
    return list(conn.execute(query).mappings().all())
