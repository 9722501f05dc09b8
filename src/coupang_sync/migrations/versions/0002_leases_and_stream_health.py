"""The process lease, and each stream's last success and last error (for ``sync status``).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add ``sync_leases`` and two columns of ``sync_cursors``."""
    op.create_table(
        "sync_leases",
        sa.Column("name", sa.String(40), primary_key=True),
        sa.Column("holder", sa.String(100), nullable=False),
        sa.Column("expires_at", sa.BigInteger, nullable=False),
    )
    with op.batch_alter_table("sync_cursors") as batch:
        batch.add_column(sa.Column("last_success_at", sa.String(40), nullable=True))
        batch.add_column(sa.Column("last_error", sa.Text, nullable=True))
