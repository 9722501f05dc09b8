"""Fixtures of the sandbox tests: an app per store backend (SQLite, PostgreSQL)."""

# The store backends (``db_url``: SQLite and PostgreSQL) come from tests/conftest.py.
from tests.sandbox_helpers import api, api_b, app, http, settings

__all__ = ["api", "api_b", "app", "http", "settings"]
