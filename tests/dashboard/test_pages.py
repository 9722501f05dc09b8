"""The dashboard's pages over real HTTP (the app through an ASGI transport, from a loopback
peer): every page renders, data is escaped, lists are paged by key, orders show their state
timeline on the sandbox clock, and the control API's exposure rules apply."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from coupang_sandbox import SandboxSettings, create_app
from coupang_sandbox.app import close_app
from coupang_sandbox.dashboard import PAGES
from coupang_sandbox.store import dashboard as db
from coupang_seller import Client
from tests.dashboard.conftest import OTHER, UI, VENDOR, Market, RawApi
from tests.returns.conftest import ship


def page(api: RawApi, path: str, **params: Any) -> str:
    response = api.http.get(UI + path, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def box_rows(html: str) -> list[int]:
    return [int(v) for v in re.findall(r'<tr data-box="(\d+)">', html)]


def row_of(html: str, box_id: int) -> str:
    start = html.index(f'<tr data-box="{box_id}">')
    return html[start : html.index("</tr>", start)]


def step_class(row: str, step: str) -> str:
    found = re.search(rf'<li class="(\w+)" data-step="{step}">', row)
    assert found is not None, row
    return found.group(1)


@pytest.mark.parametrize("path", [p for p, *_ in PAGES])
def test_every_page_renders_with_a_strict_policy(api: RawApi, path: str) -> None:
    response = api.http.get(UI + path)
    assert response.status_code == 200
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert response.headers["x-frame-options"] == "DENY"
    assert '<script src="/_sandbox/ui/static/dashboard.js"' in response.text


def test_pages_stay_out_of_the_openapi_document() -> None:
    from coupang_sandbox.openapi import build_document

    paths = build_document(include_control=True)["paths"]
    assert "/_sandbox/clock" in paths
    assert not [p for p in paths if p.startswith(UI)]


def test_static_files_and_unknown_names(api: RawApi) -> None:
    script = api.http.get(f"{UI}/static/dashboard.js")
    assert script.status_code == 200
    assert script.headers["content-type"].startswith("text/javascript")
    assert "textContent" in script.text and "innerHTML" not in script.text
    assert api.http.get(f"{UI}/static/dashboard.css").status_code == 200
    missing = api.http.get(f"{UI}/static/..%2Fpages.py")
    assert missing.status_code == 404


def test_secret_keys_are_masked(api: RawApi) -> None:
    html = page(api, "")
    for vendor_id, access_key, secret in (VENDOR, OTHER):
        assert vendor_id in html and access_key in html
        assert secret not in html
        assert "••••••••" + secret[-4:] in html


def test_a_product_named_script_renders_as_text(market: Market, api: RawApi) -> None:
    name = '<script>alert("x")</script> & <b>bold</b>'
    market.shop.create(sellerProductName=name, sku="ESCAPE-SKU")
    html = page(api, "/products")
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in html
    assert "<script>alert" not in html and "<b>bold" not in html
    # the only script element is the dashboard's own file
    assert html.count("<script") == 1


def test_orders_timeline_follows_the_box(market: Market, api: RawApi) -> None:
    placed = market.order({market.items[0]: 1})
    box_id = placed.shipment_box_ids[0]
    html = page(api, "/orders", status="ACCEPT")
    assert box_rows(html) == [box_id]
    row = row_of(html, box_id)
    # paid at the frozen clock (14:00 KST); the seller sees it 600 s later
    assert "seller sees it from 2025-07-15 14:10:00" in row
    assert step_class(row, "payment") == "done"
    assert step_class(row, "ACCEPT") == "done"
    assert step_class(row, "INSTRUCT") == "todo"
    assert "<time>2025-07-15 14:00:00</time>" in row

    market.client.sandbox.clock.advance(601)
    result = market.client.orders.acknowledge([box_id])
    assert result.all_succeeded
    assert box_rows(page(api, "/orders", status="ACCEPT")) == []
    row = row_of(page(api, "/orders", status="INSTRUCT"), box_id)
    assert step_class(row, "INSTRUCT") == "done"
    assert "<time>2025-07-15 14:10:01</time>" in row
    assert "seller sees it" not in row

    placed_again = market.instructed({market.items[0]: 1})
    ship(market, placed_again)
    other_box = placed_again.shipment_box_ids[0]
    market.client.sandbox.courier.scan(other_box, "PICKUP")
    row = row_of(page(api, "/orders"), other_box)
    assert [step_class(row, s) for s in ("DEPARTURE", "DELIVERING", "FINAL_DELIVERY")] == [
        "done",
        "done",
        "todo",
    ]


def test_orders_are_paged_by_key(market: Market, api: RawApi) -> None:
    boxes = [market.order({market.items[0]: 1}).shipment_box_ids[0] for _ in range(5)]
    newest_first = sorted(boxes, reverse=True)
    first = page(api, "/orders", limit=2)
    assert box_rows(first) == newest_first[:2]
    assert f"before={newest_first[1]}" in first
    second = page(api, "/orders", limit=2, before=newest_first[1])
    assert box_rows(second) == newest_first[2:4]
    third = page(api, "/orders", limit=2, before=newest_first[3])
    assert box_rows(third) == newest_first[4:]
    assert "last page" in third and 'rel="next"' not in third
    # another vendor's filter shows none of them
    assert box_rows(page(api, "/orders", vendor=OTHER[0])) == []
    assert box_rows(page(api, "/orders", vendor=VENDOR[0], limit=50)) == newest_first


def test_bad_query_is_refused_naming_each_field(api: RawApi) -> None:
    response = api.http.get(
        f"{UI}/orders", params={"status": "SHIPPED", "before": "-1", "limit": "0"}
    )
    assert response.status_code == 400
    fields = {(e["field"], e["rule"]) for e in response.json()["errors"]}
    assert fields == {("status", "enum"), ("before", "type"), ("limit", "range")}
    days = api.http.get(f"{UI}/settlement", params={"days": "40"})
    assert days.status_code == 400
    assert days.json()["errors"][0]["field"] == "days"


def test_products_show_approval_history_and_review_forms(market: Market, api: RawApi) -> None:
    waiting = market.shop.create(requested=True, sku="WAITING-SKU")
    html = page(api, "/products")
    start = html.index(f'<tr data-product="{waiting}">')
    row = html[start : html.index("</tr>", start)]
    assert "APPROVING" in row
    assert f'data-path="/_sandbox/products/{waiting}/review"' in row
    approved = html[html.index(f'<tr data-product="{market.product_id}">') :]
    approved = approved[: approved.index("</tr>")]
    assert "APPROVED" in approved and "/review" not in approved
    assert "change(s)" in approved


def test_settlement_chart_shows_delivered_revenue(market: Market, api: RawApi) -> None:
    placed = market.instructed({market.items[0]: 2})
    ship(market, placed)
    box_id = placed.shipment_box_ids[0]
    market.client.sandbox.courier.scan(box_id, "DELIVERED")
    # a sale is recognised revenue_recognition_days (7) after delivery
    market.client.sandbox.clock.advance(8 * 86400)
    html = page(api, "/settlement", vendor=VENDOR[0], days=7)
    assert '<svg id="revenue-chart"' in html
    assert html.count('<rect class="revenue"') == 7
    totals = re.search(r"revenue <strong>([\d,]+) KRW</strong>, fees <strong>([\d,]+) KRW", html)
    assert totals is not None
    revenue, fees = (int(v.replace(",", "")) for v in totals.groups())
    assert revenue > fees > 0


def test_claims_and_inquiries_pages_list_their_rows(market: Market, api: RawApi) -> None:
    placed = market.instructed({market.items[0]: 1})
    ship(market, placed)
    market.client.sandbox.courier.scan(placed.shipment_box_ids[0], "DELIVERED")
    answer = market.client.sandbox.returns.request(
        placed.orderId, {market.items[0]: 1}, reason_code="CHANGEMIND"
    )
    receipt = int(answer.receipts[0].receiptId)
    html = page(api, "/claims")
    start = html.index(f"<tr><td>{receipt}</td>")
    assert "customer (" in html[start : html.index("</tr>", start)]
    market.client.sandbox.inquiries.ask(market.items[0], content="<img src=x onerror=alert(1)>?")
    inquiries = page(api, "/inquiries")
    assert "&lt;img src=x onerror=alert(1)&gt;?" in inquiries
    assert "<img" not in inquiries


# -- who may see it ------------------------------------------------------------------------------


@pytest.fixture
def token_app() -> Iterator[Any]:
    application = create_app(
        SandboxSettings(db_url="sqlite:///:memory:", vendors=[VENDOR], admin_token="t0ken-dash")
    )
    try:
        yield application
    finally:
        close_app(application)


async def test_non_loopback_peers_and_foreign_pages_are_refused(app: Any) -> None:
    remote = httpx.ASGITransport(app=app, client=("10.1.2.3", 40000))
    async with httpx.AsyncClient(transport=remote, base_url="http://127.0.0.1") as http:
        response = await http.get(f"{UI}/orders")
        assert response.status_code == 403
        assert response.json()["errors"][0] == {
            "field": "peer",
            "rule": "loopback_peer",
            "message": response.json()["errors"][0]["message"],
        }
        assert (await http.get(f"{UI}/static/dashboard.js")).status_code == 403
    local = httpx.ASGITransport(app=app, client=("127.0.0.1", 40000))
    async with httpx.AsyncClient(transport=local, base_url="http://127.0.0.1") as http:
        foreign = await http.get(f"{UI}/orders", headers={"Origin": "http://evil.example"})
        assert foreign.status_code == 403
        assert foreign.json()["errors"][0]["rule"] == "foreign_origin"
        rebinding = await http.get(f"{UI}/orders", headers={"Host": "evil.example"})
        assert rebinding.status_code == 403
        assert rebinding.json()["errors"][0]["rule"] == "host_not_allowed"


async def test_admin_token_once_by_query_then_by_cookie(token_app: Any) -> None:
    transport = httpx.ASGITransport(app=token_app, client=("127.0.0.1", 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as http:
        assert (await http.get(f"{UI}/orders")).status_code == 401
        assert (await http.get(f"{UI}/orders", params={"token": "wrong"})).status_code == 401
        login = await http.get(f"{UI}/orders", params={"token": "t0ken-dash", "status": "ACCEPT"})
        assert login.status_code == 303
        assert login.headers["location"] == f"{UI}/orders?status=ACCEPT"
        cookie = login.headers["set-cookie"]
        assert "HttpOnly" in cookie and "SameSite=strict" in cookie and f"Path={UI}" in cookie
        # the client keeps the cookie: the pages answer, and hand the token to the script
        html = await http.get(f"{UI}/orders", params={"status": "ACCEPT"})
        assert html.status_code == 200
        assert '<meta name="sandbox-admin-token" content="t0ken-dash">' in html.text
        http.cookies.clear()
        bearer = await http.get(f"{UI}", headers={"Authorization": "Bearer t0ken-dash"})
        assert bearer.status_code == 200


# -- bounded pages -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("vendor", "status"), [(None, None), ("A1", None), (None, "ACCEPT"), ("A1", "ACCEPT")]
)
def test_order_pages_read_through_an_index(
    app: Any, client: Client, vendor: str | None, status: str | None
) -> None:
    """Each filter combination of the order page is an ordered index range (no sort, no scan
    of the table), so a page costs the same at any store size. SQLite's plan says so."""
    engine = app.state.sandbox.store.engine
    if engine.dialect.name != "sqlite":
        pytest.skip("the plan check reads SQLite's EXPLAIN QUERY PLAN")
    with engine.connect() as conn:
        statement = db.boxes_page_query(vendor, status, before=12345, limit=50)
        compiled = statement.compile(conn, compile_kwargs={"literal_binds": True})
        plan = " | ".join(
            str(row[-1]) for row in conn.execute(text(f"EXPLAIN QUERY PLAN {compiled}"))
        )
    # one indexed range search, no scan of the table and no sort
    assert plan.startswith("SEARCH sandbox_shipment_boxes USING INDEX"), plan
    assert "|" not in plan and "TEMP B-TREE" not in plan, plan
