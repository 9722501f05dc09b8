"""SQLAlchemy Core tables. Every business row is keyed by ``vendor_id``."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

vendors = Table(
    "sandbox_vendors",
    metadata,
    Column("vendor_id", String(32), primary_key=True),
    Column("access_key", String(128), nullable=False, unique=True),
    Column("secret_key", String(256), nullable=False),
    Column("seeded", Boolean, nullable=False, default=False),
)

#: Named counters; ids are global per install (like Coupang's), never reused.
sequences = Table(
    "sandbox_sequences",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("value", BigInteger, nullable=False),
)

#: One row (id = 1): the persisted sandbox clock.
clock_state = Table(
    "sandbox_clock",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("mode", String(16), nullable=False),
    Column("frozen_at_us", BigInteger, nullable=True),
    Column("offset_seconds", Float, nullable=False, default=0.0),
)

#: One row (id = 1): bumped in the same transaction as every change of the clock or the
#: vendors (and by a reset; never deleted), so that each process can tell with one tiny read
#: per request whether its cached clock and vendor keys are stale (another process changed them).
generation = Table(
    "sandbox_generation",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("value", BigInteger, nullable=False),
)

#: The gateway throttles' state per ``(scope, vendor)`` (a small JSON document: a token bucket
#: or a window of call times), read and written under a row lock so that every process serving
#: the store counts against the same limit.
throttle_state = Table(
    "sandbox_throttle",
    metadata,
    Column("scope", String(16), primary_key=True),
    Column("vendor_id", String(32), primary_key=True),
    Column("state", Text, nullable=False),
)
