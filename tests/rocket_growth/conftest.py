"""Fixtures of the Rocket Growth tests: the order tests' market (an approved two-item product
on a sandbox clock frozen at START, SQLite and PostgreSQL), with the Rocket Growth throttle
off (the throttle tests build their own app) and pages of 2 so paging is exercised."""

from __future__ import annotations

from datetime import date

import pytest

from coupang_sandbox import SandboxSettings
from tests.orders.conftest import START, Market, market  # noqa: F401  (fixture)
from tests.products.conftest import (  # noqa: F401  (fixtures, registered by import)
    OTHER,
    VENDOR,
    RawApi,
    aclient,
    api,
    app,
    catalog_module,
    client,
    other_client,
    transport,
)

VID = VENDOR[0]
BASE = f"/v2/providers/rg_open_api/apis/api/v1/vendors/{VID}/rg"
#: START's Korean calendar day.
TODAY = date(2025, 7, 15)
PAGE = 2


@pytest.fixture
def settings(db_url: str) -> SandboxSettings:
    return SandboxSettings(
        rate_limit_per_second=None,
        rg_rate_limit_per_minute=None,
        rg_page_size=PAGE,
        db_url=db_url,
        vendors=[VENDOR, OTHER],
    )


__all__ = ["BASE", "OTHER", "PAGE", "START", "TODAY", "VENDOR", "VID", "Market", "RawApi"]
