"""The dashboard in a real browser (Debian's Chromium driven by Playwright) against a real
uvicorn sandbox: a seller's journey clicked through the pages, with screenshots saved as test
artefacts (``test-artifacts/dashboard/``, or ``$COUPANG_TEST_ARTIFACTS/dashboard``).

Skipped only when Chromium (or Playwright) is missing and ``COUPANG_REQUIRE_BROWSER`` is unset;
CI installs Chromium and sets it, so there the tests fail rather than skip.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from coupang_cli._embedded import embedded_sandbox
from coupang_seller import Client
from tests.dashboard.conftest import START, UI, VENDOR
from tests.orders.conftest import line
from tests.products.conftest import USER, Shop, open_shop

pytestmark = pytest.mark.e2e

REQUIRE_ENV = "COUPANG_REQUIRE_BROWSER"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = (
    Path(os.environ.get("COUPANG_TEST_ARTIFACTS") or Path(__file__).parents[2] / "test-artifacts")
    / "dashboard"
)


def _browser_or_skip() -> str:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing = "the playwright package is not installed"
    else:
        missing = "" if CHROMIUM else "chromium is not installed (apt-get install chromium)"
    if missing:
        if os.environ.get(REQUIRE_ENV):
            pytest.fail(f"{REQUIRE_ENV} is set but {missing}")
        pytest.skip(missing)
    assert CHROMIUM is not None
    return CHROMIUM


@dataclass
class Live:
    base_url: str
    client: Client
    shop: Shop
    items: list[int]


@pytest.fixture
def live(tmp_path: Path, catalog_module: Any) -> Iterator[Live]:
    url = f"sqlite:///{tmp_path / 'dashboard.sqlite3'}"
    with (
        embedded_sandbox(db_url=url, vendors=[VENDOR]) as server,
        Client(
            VENDOR[1], VENDOR[2], VENDOR[0], base_url=server.base_url, user_id=USER,
            rate_limit=None, max_retries=0,
        ) as client,
    ):  # fmt: skip
        client.sandbox.clock.set(START, freeze=True)
        shop = open_shop(client, catalog_module)
        _, items = shop.approved(sku="BROWSER-SKU", name="봄날 클렌징 오일")
        yield Live(server.base_url, client, shop, items)


@pytest.fixture
def page(live: Live) -> Iterator[Any]:
    executable = _browser_or_skip()
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            context = browser.new_context(viewport={"width": 1440, "height": 900})
            tab = context.new_page()
            tab.on("pageerror", lambda exc: errors.append(str(exc)))
            tab.set_default_timeout(15_000)
            yield tab
        finally:
            browser.close()
    assert errors == [], errors


def shot(page: Any, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def step(page: Any, box_id: int, name: str) -> str:
    cls: str = page.get_attribute(f'tr[data-box="{box_id}"] li[data-step="{name}"]', "class")
    return cls


def test_seller_journey_in_chromium(live: Live, page: Any) -> None:
    page.goto(f"{live.base_url}{UI}/orders")
    assert page.locator("#orders tr[data-box]").count() == 0

    # the customer orders, from the dashboard
    page.click("#place-order-panel summary")
    page.select_option('#place-order select[name="vendorId"]', VENDOR[0])
    page.fill('#place-order input[name="items.0.vendorItemId"]', str(live.items[0]))
    page.fill('#place-order input[name="items.0.quantity"]', "2")
    with page.expect_navigation():
        page.click('#place-order button[type="submit"]')
    row = page.locator("#orders tr[data-box]")
    assert row.count() == 1
    box_id = int(row.get_attribute("data-box"))
    assert "seller sees it from" in row.inner_text()
    day = START.date()
    assert live.client.orders.list(day, day, status="ACCEPT").data == []
    shot(page, "01-order-placed")

    # ten minutes later (the sandbox clock), the seller sees it in ACCEPT
    page.fill('header input[name="seconds"]', "601")
    with page.expect_navigation():
        page.click("#advance-clock")
    assert "2025-07-15 14:10:01" in page.inner_text("#clock-now")
    page.select_option('select[name="status"]', "ACCEPT")
    with page.expect_navigation():
        page.click('form.filters button[type="submit"]')
    assert "status=ACCEPT" in page.url
    assert page.locator(f'tr[data-box="{box_id}"]').count() == 1
    assert "seller sees it" not in page.inner_text(f'tr[data-box="{box_id}"]')
    assert step(page, box_id, "ACCEPT") == "done"
    assert step(page, box_id, "INSTRUCT") == "todo"
    shot(page, "02-accept")

    # the seller acknowledges it through the SDK; the timeline moves
    result = live.client.orders.acknowledge([box_id])
    assert result.all_succeeded, result
    page.reload()
    assert page.locator(f'tr[data-box="{box_id}"]').count() == 0
    page.goto(f"{live.base_url}{UI}/orders?status=INSTRUCT")
    assert step(page, box_id, "INSTRUCT") == "done"
    assert "2025-07-15 14:10:01" in page.inner_text(
        f'tr[data-box="{box_id}"] li[data-step="INSTRUCT"]'
    )
    shot(page, "03-instruct")

    # the seller ships; the courier's scans are clicked on the dashboard
    sheet = live.client.orders.get(box_id)
    upload = live.client.orders.upload_invoices(
        [line(box_id, sheet.orderId, v, "500000000123") for v in [live.items[0]]]
    )
    assert upload.all_succeeded, upload
    page.goto(f"{live.base_url}{UI}/orders")
    assert step(page, box_id, "DEPARTURE") == "done"
    for event, reached in (("PICKUP", "DELIVERING"), ("DELIVERED", "FINAL_DELIVERY")):
        page.select_option(f'tr[data-box="{box_id}"] select[name="event"]', event)
        with page.expect_navigation():
            page.click(f'tr[data-box="{box_id}"] form.action button')
        assert step(page, box_id, reached) == "done", event
    shot(page, "04-delivered")


def test_products_review_and_escaping_in_chromium(live: Live, page: Any) -> None:
    waiting = live.shop.create(requested=True, sku="WAITING-SKU")
    hostile = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2">'
    live.shop.create(sellerProductName=hostile, sku="HOSTILE-SKU")
    page.goto(f"{live.base_url}{UI}/products")
    assert hostile in page.inner_text("#products")
    assert page.evaluate("window.__pwned === undefined")
    row = f'tr[data-product="{waiting}"]'
    assert "APPROVING" in page.inner_text(row)
    with page.expect_navigation():
        page.click(f'{row} button:has-text("Approve")')
    assert "APPROVED" in page.inner_text(row)
    assert page.locator(f'{row} button:has-text("Approve")').count() == 0
    shot(page, "05-products")


@pytest.mark.parametrize(
    ("panel", "source"),
    [("faults", "/_sandbox/faults"), ("snapshots", "/_sandbox/snapshots"),
     ("requests", "/_sandbox/requests")],
)  # fmt: skip
def test_control_panels_follow_their_routes(live: Live, page: Any, panel: str, source: str) -> None:
    """The request log, faults and snapshots panels read their control routes: "not available"
    while the sandbox answers 404 for them, their table once it serves them."""
    served = httpx.get(live.base_url + source).status_code != 404
    page.goto(f"{live.base_url}{UI}/{panel}")
    section = page.locator(f'[data-panel="{panel}"]')
    if served:
        page.wait_for_function(
            "s => !document.querySelector(s).classList.contains('unavailable')",
            arg=f'[data-panel="{panel}"]',
        )
        assert section.locator("table").is_visible()
    else:
        page.wait_for_selector(f'[data-panel="{panel}"].unavailable')
        assert "Not available" in section.inner_text()
        assert not section.locator("table").is_visible()
    shot(page, f"06-{panel}")
