"""Fixtures of the settlement tests: the order tests' market (an approved two-item product on a
frozen sandbox clock, SQLite and PostgreSQL) and helpers that deliver, return and age orders."""

from __future__ import annotations

import itertools
from typing import Any

from sqlalchemy import update
from starlette.applications import Starlette

from coupang_sandbox.store import orders as odb
from coupang_seller.resources.sandbox import PlacedOrder
from tests.orders.conftest import (  # noqa: F401  (fixtures, registered by import)
    OTHER,
    START,
    VENDOR,
    Market,
    RawApi,
    aclient,
    api,
    app,
    catalog_module,
    client,
    line,
    market,
    other_client,
    settings,
    transport,
)

VID = VENDOR[0]
REVENUE = "/v2/providers/openapi/apis/api/v1/revenue-history"
HISTORIES = "/v2/providers/marketplace_openapi/apis/api/v1/settlement-histories"
V4 = f"/v2/providers/openapi/apis/api/v4/vendors/{VID}"
GREATWALL = "/v2/providers/greatwall_api/apis/api/v1/settlement/goods"
#: START is 2025-07-15 14:00 KST (a Tuesday).
DAY = "2025-07-15"
WEEK = 7 * 86400

_INVOICES = itertools.count(700000000001)


def ship(market: Market, placed: PlacedOrder, courier: str = "CJGLS") -> None:  # noqa: F811
    lines = []
    for box in placed.shipmentBoxes:
        number = str(next(_INVOICES))
        lines += [line(box.shipmentBoxId, placed.orderId, v, number, courier)
                  for v in box.vendorItemIds]  # fmt: skip
    result = market.client.orders.upload_invoices(lines)
    assert result.all_succeeded, result.failed


def delivered(
    market: Market,  # noqa: F811
    quantities: dict[int, int] | None = None,
    **kw: Any,
) -> PlacedOrder:
    """Place, acknowledge, invoice (CJGLS) and deliver (FINAL_DELIVERY scan) an order."""
    placed = market.instructed(quantities, **kw)
    ship(market, placed)
    for box in placed.shipment_box_ids:
        market.client.sandbox.courier.scan(box, "DELIVERED")
    return placed


def returned(market: Market, placed: PlacedOrder, items: dict[int, int], reason: str) -> int:  # noqa: F811
    """The customer returns ``items``; the auto-pickup courier collects them (quick refund:
    RETURNS_COMPLETED at the pickup)."""
    answer = market.client.sandbox.returns.request(placed.orderId, items, reason_code=reason)
    receipt_id = int(answer.receipts[0].receiptId)
    scan = market.client.sandbox.courier.pick_up_return(receipt_id)
    assert scan.receiptStatus == "RETURNS_COMPLETED", scan
    return receipt_id


def revenue_params(date_from: str = DAY, date_to: str = DAY, **more: Any) -> dict[str, Any]:
    return {
        "vendorId": VID,
        "recognitionDateFrom": date_from,
        "recognitionDateTo": date_to,
        "token": "",
        "maxPerPage": "",
        **more,
    }


def set_coupons(app: Starlette, order_id: int, instant: int, downloadable: int) -> None:  # noqa: F811
    """Write the coupon amounts an order item carries (what the coupon helper stores at order
    placement) straight into the order store."""
    store = app.state.sandbox.store
    with store.engine.begin() as conn:
        for item in odb.items_of_order(conn, order_id):
            doc = dict(item["doc"] or {})
            doc["instantCouponDiscount"] = instant
            doc["downloadableCouponDiscount"] = downloadable
            conn.execute(
                update(odb.order_items).where(odb.order_items.c.id == item["id"]).values(doc=doc)
            )


__all__ = [
    "DAY", "GREATWALL", "HISTORIES", "OTHER", "REVENUE", "START", "V4", "VENDOR", "VID",
    "WEEK", "Market", "RawApi", "delivered", "returned", "revenue_params", "set_coupons",
    "ship",
]  # fmt: skip
