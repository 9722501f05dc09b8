"""Alembic environment: runs on the connection that :func:`coupang_sync.migrate` hands over."""

from __future__ import annotations

from alembic import context

from coupang_sync._schema import metadata
from coupang_sync._store import VERSION_TABLE

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    version_table=VERSION_TABLE,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
