"""Alembic migrations of the sync store, run programmatically (no alembic.ini)."""
