"""Fixtures of the snapshot and seed tests: the coupon tests' shop (an approved product on a
frozen clock, a coupon contract; SQLite and PostgreSQL), and a dump of every table."""

from __future__ import annotations

from typing import Any

from starlette.applications import Starlette

from coupang_sandbox.store import snapshots as db
from tests.coupons.conftest import Shop, open_coupon_shop, shop  # noqa: F401  (fixture)
from tests.orders.conftest import START, Market, market  # noqa: F401  (fixture)
from tests.products.conftest import (  # noqa: F401  (fixtures, registered by import)
    VENDOR,
    aclient,
    api,
    app,
    catalog_module,
    client,
    other_client,
    settings,
    transport,
)


def every_table(application: Starlette) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table of the schema (the snapshot storage excluded), by key order."""
    engine = application.state.sandbox.store.engine
    with engine.connect() as conn:
        return {
            table.name: list(db.dump_rows(conn, table))
            for table in db.metadata.sorted_tables
            if table is not db.snapshots
        }


__all__ = ["START", "VENDOR", "Market", "Shop", "every_table"]
