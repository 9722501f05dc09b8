"""Fixtures of the dashboard tests: the order tests' market (an approved two-item product on a
frozen clock, SDK clients over the app) reused as is, and a loopback HTTP client for the pages."""

from __future__ import annotations

from tests.orders.conftest import (  # noqa: F401  (fixtures, registered by import)
    OTHER,
    START,
    VENDOR,
    Market,
    RawApi,
    api,
    app,
    catalog_module,
    client,
    market,
    open_market,
    other_client,
    settings,
    transport,
)

UI = "/_sandbox/ui"

__all__ = ["OTHER", "START", "UI", "VENDOR", "Market", "RawApi"]
