"""The first store: vendors, cursors, records, events and consumer offsets.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

SEQ = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    """Create the first tables."""
    op.create_table(
        "sync_vendors",
        sa.Column("vendor_id", sa.String(32), primary_key=True),
        sa.Column("base_url", sa.Text, nullable=True),
        sa.Column("credentials", sa.Text, nullable=False),
        sa.Column("since", sa.String(40), nullable=True),
        sa.Column("created_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "sync_cursors",
        sa.Column("vendor_id", sa.String(32), primary_key=True),
        sa.Column("stream", sa.String(40), primary_key=True),
        sa.Column("position", sa.Text, nullable=False),
        sa.Column("updated_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "sync_records",
        sa.Column("vendor_id", sa.String(32), primary_key=True),
        sa.Column("kind", sa.String(20), primary_key=True),
        sa.Column("record_id", sa.String(24), primary_key=True),
        sa.Column("status", sa.String(40), nullable=True),
        sa.Column("paid_at", sa.String(40), nullable=True),
        sa.Column("document", sa.Text, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("first_seen_at", sa.String(40), nullable=False),
        sa.Column("updated_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "sync_events",
        sa.Column("seq", SEQ, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(36), nullable=False),
        sa.Column("vendor_id", sa.String(32), nullable=False),
        sa.Column("type", sa.String(40), nullable=False),
        sa.Column("record_kind", sa.String(20), nullable=False),
        sa.Column("record_id", sa.String(24), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.UniqueConstraint("event_id", name="uq_sync_events_event_id"),
        sqlite_autoincrement=True,
    )
    op.create_index(
        "ix_sync_events_record", "sync_events", ["vendor_id", "record_kind", "record_id"]
    )
    op.create_table(
        "sync_consumers",
        sa.Column("name", sa.String(100), primary_key=True),
        sa.Column("position", sa.BigInteger, nullable=False),
        sa.Column("updated_at", sa.String(40), nullable=False),
    )
