"""Fixtures of the fidelity tests: the return tests' market (an approved two-item product on a
frozen clock), reused as is, with the SDK client and the raw signed API."""

from __future__ import annotations

from tests.returns.conftest import (  # noqa: F401  (fixtures, registered by import)
    VENDOR,
    Market,
    RawApi,
    api,
    app,
    catalog_module,
    client,
    market,
    settings,
    shipped,
    transport,
)

__all__ = ["VENDOR", "Market", "RawApi", "shipped"]
