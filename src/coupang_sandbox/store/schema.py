"""SQLAlchemy Core tables. Every business row is keyed by ``vendor_id``."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
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

outbound_places = Table(
    "sandbox_outbound_places",
    metadata,
    Column("code", BigInteger, primary_key=True, autoincrement=False),
    Column("vendor_id", String(32), nullable=False),
    Column("name", String(64), nullable=False),
    Column("is_global", Boolean, nullable=False),
    Column("usable", Boolean, nullable=False),
    Column("addresses", JSON, nullable=False),
    #: ``[{"remoteInfoId", "deliveryCode", "jeju", "notJeju", "usable"}]``
    Column("remote_infos", JSON, nullable=False),
    Column("user_id", String(128), nullable=True),
    Column("created_at_ms", BigInteger, nullable=False),
    Column("updated_at_ms", BigInteger, nullable=False),
    #: The API representation, rendered at write time (reads splice it into responses as is).
    Column("doc", Text, nullable=False),
    UniqueConstraint("vendor_id", "name", name="uq_sandbox_outbound_vendor_name"),
    Index("ix_sandbox_outbound_vendor_code", "vendor_id", "code"),
)

return_centers = Table(
    "sandbox_return_centers",
    metadata,
    Column("code", String(32), primary_key=True),
    Column("seq", BigInteger, nullable=False, unique=True),
    Column("vendor_id", String(32), nullable=False),
    Column("name", String(64), nullable=False),
    Column("usable", Boolean, nullable=False),
    Column("deliver_code", String(32), nullable=False),
    Column("contract_number", String(64), nullable=True),
    Column("contract_customer_number", String(64), nullable=True),
    Column("fees", JSON, nullable=False),
    Column("addresses", JSON, nullable=False),
    Column("user_id", String(128), nullable=True),
    Column("created_at_ms", BigInteger, nullable=False),
    Column("updated_at_ms", BigInteger, nullable=False),
    Column("doc", Text, nullable=False),
    UniqueConstraint("vendor_id", "name", name="uq_sandbox_return_vendor_name"),
    Index("ix_sandbox_return_vendor_seq", "vendor_id", "seq"),
)

#: Tables wiped by ``POST /_sandbox/reset`` (vendors are re-seeded separately).
BUSINESS_TABLES = (outbound_places, return_centers, sequences, clock_state)
