"""The sync store's tables (SQLAlchemy Core), as the newest migration leaves them.

Ids Coupang documents as numbers (``shipmentBoxId`` up to 18 digits) are kept as text, so
no value ever passes through a float. Times are timezone-aware UTC instants stored as
ISO-8601 text (sortable, and the same on SQLite and PostgreSQL).
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

__all__ = ["consumers", "cursors", "events", "leases", "metadata", "records", "vendors"]

metadata = MetaData()

#: A BIGINT on PostgreSQL, SQLite's INTEGER PRIMARY KEY (a rowid alias) there.
SEQ = BigInteger().with_variant(Integer(), "sqlite")

vendors = Table(
    "sync_vendors",
    metadata,
    Column("vendor_id", String(32), primary_key=True),
    Column("base_url", Text, nullable=True),
    #: Fernet token of ``{"access_key": ..., "secret_key": ...}`` (COUPANG_SYNC_KEY).
    Column("credentials", Text, nullable=False),
    Column("since", String(40), nullable=True),
    Column("created_at", String(40), nullable=False),
)

cursors = Table(
    "sync_cursors",
    metadata,
    Column("vendor_id", String(32), primary_key=True),
    Column("stream", String(40), primary_key=True),
    #: The stream's own position, JSON text.
    Column("position", Text, nullable=False),
    Column("updated_at", String(40), nullable=False),
    Column("last_success_at", String(40), nullable=True),
    Column("last_error", Text, nullable=True),
)

records = Table(
    "sync_records",
    metadata,
    Column("vendor_id", String(32), primary_key=True),
    Column("kind", String(20), primary_key=True),
    Column("record_id", String(24), primary_key=True),
    Column("status", String(40), nullable=True),
    Column("paid_at", String(40), nullable=True),
    Column("document", Text, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("first_seen_at", String(40), nullable=False),
    Column("updated_at", String(40), nullable=False),
)

events = Table(
    "sync_events",
    metadata,
    Column("seq", SEQ, primary_key=True, autoincrement=True),
    Column("event_id", String(36), nullable=False),
    Column("vendor_id", String(32), nullable=False),
    Column("type", String(40), nullable=False),
    Column("record_kind", String(20), nullable=False),
    Column("record_id", String(24), nullable=False),
    Column("payload", Text, nullable=False),
    Column("created_at", String(40), nullable=False),
    UniqueConstraint("event_id", name="uq_sync_events_event_id"),
    sqlite_autoincrement=True,
)
Index("ix_sync_events_record", events.c.vendor_id, events.c.record_kind, events.c.record_id)

consumers = Table(
    "sync_consumers",
    metadata,
    Column("name", String(100), primary_key=True),
    Column("position", BigInteger, nullable=False),
    Column("updated_at", String(40), nullable=False),
)

leases = Table(
    "sync_leases",
    metadata,
    Column("name", String(40), primary_key=True),
    Column("holder", String(100), nullable=False),
    #: Wall-clock instant (epoch seconds) after which another process may take the lease.
    Column("expires_at", BigInteger, nullable=False),
)
