"""Fixtures of the shipping-place tests: the sandbox app per store backend (SQLite, PostgreSQL)
and signed request helpers, shared with tests/sandbox."""

from tests.sandbox_helpers import api, api_b, app, http, settings

__all__ = ["api", "api_b", "app", "http", "settings"]
