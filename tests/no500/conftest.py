"""Fixtures of the no-500 tests: the coupon tests' market and shop (an approved two-item product
on a frozen sandbox clock, a coupon contract), on SQLite and PostgreSQL."""

from __future__ import annotations

from tests.coupons.conftest import shop  # noqa: F401  (fixture)
from tests.orders.conftest import market  # noqa: F401  (fixture)
from tests.products.conftest import (  # noqa: F401  (fixtures, registered by import)
    api,
    app,
    catalog_module,
    client,
    settings,
    transport,
)
