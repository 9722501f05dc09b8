"""Persistence: SQLAlchemy Core tables and a small repository layer (SQLite and PostgreSQL)."""

from coupang_sandbox.store.repo import Store, Vendor, VendorConflict

__all__ = ["Store", "Vendor", "VendorConflict"]
