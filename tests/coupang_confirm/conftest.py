"""Fixtures of the retired coupang-confirm tests: the product tests' sandbox and raw client."""

from __future__ import annotations

from tests.products.conftest import (  # noqa: F401  (fixtures, registered by import)
    OTHER,
    VENDOR,
    RawApi,
    api,
    app,
    catalog_module,
    client,
    settings,
    transport,
)

__all__ = ["OTHER", "VENDOR", "RawApi"]
