"""The benchmark seeder (``benchmarks/_seed_orders.py``) writes orders the sandbox serves like
its own: seeded into a SQLite file, then listed through the real endpoint (paging by
nextToken), compared field by field in shape with an order placed through the control API,
acknowledged and invoiced, and numbered so that later orders continue the sequences."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from benchmarks._seed_orders import SeedResult, seed_orders
from sqlalchemy import create_engine, select

from coupang_sandbox import SandboxSettings, create_app
from coupang_sandbox.app import close_app
from coupang_sandbox.backends.orders import ORDER_ID_START, SHIPMENT_BOX_ID_START
from coupang_sandbox.store import orders as db
from coupang_seller import Client
from coupang_seller.types.orders import InvoiceLine
from tests.integration.asgi_sync import SyncASGITransport
from tests.orders.conftest import START, V5, VENDOR, open_market
from tests.products.conftest import catalog_module, make_client  # noqa: F401  (fixture)

TOTAL = 500
DAY_ORDERS = 200  # 120 ACCEPT and 80 INSTRUCT: two pages of 50 each


#: Free-form maps copied from the product (their keys are the product's, not the order's).
OPAQUE = {"extraProperties"}


def shape(value: Any) -> Any:
    """Keys and value types, recursively (the first element stands for a list)."""
    if isinstance(value, dict):
        return {
            key: type(item).__name__ if key in OPAQUE else shape(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [shape(value[0])] if value else []
    return type(value).__name__


def differences(left: Any, right: Any, path: str = "") -> list[str]:
    """Where two shapes differ (``path: left != right``)."""
    if isinstance(left, dict) and isinstance(right, dict):
        return [
            found
            for key in sorted(set(left) | set(right))
            for found in differences(left.get(key), right.get(key), f"{path}.{key}")
        ]
    if isinstance(left, list) and isinstance(right, list) and left and right:
        return differences(left[0], right[0], f"{path}[0]")
    return [] if left == right else [f"{path}: {left} != {right}"]


@pytest.fixture
def seeded_client(tmp_path: Path) -> Iterator[tuple[Client, SeedResult, str]]:
    url = f"sqlite:///{tmp_path / 'seeded.sqlite3'}"
    seeded = seed_orders(
        url, total=TOTAL, bench_vendor=VENDOR[0], vendors=5, day_orders=DAY_ORDERS, now=START
    )
    app = create_app(SandboxSettings(db_url=url, rate_limit_per_second=None, vendors=[VENDOR]))
    transport = SyncASGITransport(app)
    try:
        with make_client(VENDOR, transport) as client:
            yield client, seeded, url
    finally:
        transport.close()
        close_app(app)


def list_raw(client: Client, day: str, status: str) -> list[list[dict[str, Any]]]:
    pages: list[list[dict[str, Any]]] = []
    token = ""
    while True:
        params: dict[str, str | int] = {
            "createdAtFrom": day,
            "createdAtTo": day,
            "status": status,
            "maxPerPage": 50,
        }
        if token:
            params["nextToken"] = token
        body = client.request("GET", f"{V5}/{VENDOR[0]}/ordersheets", params=params)
        pages.append(body["data"])
        token = body["nextToken"]
        if not token:
            return pages


def test_seeded_orders_serve_like_placed_ones(
    seeded_client: tuple[Client, SeedResult, str],
    catalog_module: Any,  # noqa: F811
) -> None:
    client, seeded, url = seeded_client
    assert seeded.orders == TOTAL and seeded.vendors == 6
    assert seeded.day == (START + timedelta(hours=9) - timedelta(days=1)).date()
    assert (seeded.day_count("ACCEPT"), seeded.day_count("INSTRUCT")) == (120, 80)
    day = seeded.day.isoformat()

    # The benchmark vendor's day lists completely, in id order, paged by nextToken.
    for status in ("ACCEPT", "INSTRUCT"):
        pages = list_raw(client, day, status)
        want = [b.shipment_box_id for b in seeded.day_boxes if b.status == status]
        assert [len(p) for p in pages] == [min(50, len(want) - i) for i in range(0, len(want), 50)]
        assert [s["shipmentBoxId"] for p in pages for s in p] == want
        assert {s["status"] for p in pages for s in p} == {status}
    typed = list(client.orders.iter(seeded.day, seeded.day, status="ACCEPT"))
    assert len(typed) == 120 and all(s.orderItems for s in typed)
    history = client.orders.history(
        next(b for b in seeded.day_boxes if b.status == "INSTRUCT").shipment_box_id
    )
    assert [d.deliveryStatus for d in history.details] == ["INSTRUCT", "ACCEPT"]

    # A real order (a product approved, ordered through the control API) has the same shape.
    market = open_market(client, catalog_module)  # freezes the sandbox clock at START
    placed = market.visible_order({market.items[0]: 1})
    assert placed.orderId == ORDER_ID_START + TOTAL  # the seeded ids are taken
    (real_box,) = placed.shipment_box_ids
    assert real_box == SHIPMENT_BOX_ID_START + TOTAL
    real = client.request("GET", f"{V5}/{VENDOR[0]}/ordersheets/{real_box}")["data"]
    seeded_sheets = [s for p in list_raw(client, day, "ACCEPT") for s in p]
    twin = next(s for s in seeded_sheets if s["parcelPrintMessage"] is None and not s["remoteArea"])
    assert differences(shape(twin), shape(real)) == []

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            for table, key, seeded_id in (
                (db.orders, db.orders.c.order_id, twin["orderId"]),
                (db.shipment_boxes, db.shipment_boxes.c.shipment_box_id, twin["shipmentBoxId"]),
                (db.order_items, db.order_items.c.shipment_box_id, twin["shipmentBoxId"]),
                (db.shipment_history, db.shipment_history.c.shipment_box_id, twin["shipmentBoxId"]),
            ):
                real_id = placed.orderId if table is db.orders else real_box
                rows = [
                    conn.execute(select(table).where(key == i)).mappings().one()
                    for i in (seeded_id, real_id)
                ]
                assert differences(shape(dict(rows[0])), shape(dict(rows[1])), table.name) == []
    finally:
        engine.dispose()

    # Seeded boxes take the seller's actions.
    box = next(b for b in seeded.day_boxes if b.status == "ACCEPT")
    assert client.orders.acknowledge([box.shipment_box_id]).all_succeeded
    result = client.orders.upload_invoices(
        [
            InvoiceLine(
                shipmentBoxId=box.shipment_box_id,
                orderId=box.order_id,
                vendorItemId=box.vendor_item_id,
                deliveryCompanyCode="CJGLS",
                invoiceNumber="500000000001",
            )
        ]
    )
    assert result.all_succeeded, result.failed
    assert client.orders.get(box.shipment_box_id).status == "DEPARTURE"
