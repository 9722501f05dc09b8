"""The dashboard's pages: each reads one bounded page of the store and renders a template.

A handler takes the request's query (already checked by the route) and the sandbox, reads in
one connection through :mod:`coupang_sandbox.store.dashboard`, and returns the template's
context. Rendering (Jinja2, autoescaped) is done by the caller. Nothing here writes: every
action of the dashboard is a ``fetch`` of the control API from the page's script.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy.engine import RowMapping

from coupang_sandbox.backends.settlement import RevenueQuery
from coupang_sandbox.clock import from_us, to_us
from coupang_sandbox.context import Sandbox
from coupang_sandbox.errors import ValidationFailed
from coupang_sandbox.state import orders as order_state
from coupang_sandbox.state import products as product_state
from coupang_sandbox.store import dashboard as db
from coupang_seller._constants import KST
from coupang_seller.preflight import Violation

PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
#: Vendors offered in the pickers (a sandbox rarely has more; the vendor page pages them all).
PICKER_VENDORS = 200
#: The order timeline's steps, in delivery order (``payment`` is the box's payment time).
TIMELINE = (
    "payment",
    order_state.ACCEPT,
    order_state.INSTRUCT,
    order_state.DEPARTURE,
    order_state.DELIVERING,
    order_state.FINAL_DELIVERY,
)
BOX_STATUSES = (*order_state.LISTABLE, order_state.CANCEL)
SETTLEMENT_DAYS = 14
#: Revenue lines read at most for the chart (pages of 50); the chart says when it stopped.
SETTLEMENT_MAX_LINES = 5_000
INQUIRY_KINDS = ("online", "call_center")


def when(value_us: int | None) -> str:
    """A sandbox-clock instant as ``YYYY-MM-DD HH:MM:SS`` in KST (Coupang's zone); ``""``
    for none."""
    if value_us is None:
        return ""
    return from_us(int(value_us)).astimezone(KST).strftime("%Y-%m-%d %H:%M:%S")


def when_ms(value_ms: int | None) -> str:
    """Like :func:`when`, for the millisecond timestamps of the shipping-place tables."""
    return "" if value_ms is None else when(int(value_ms) * 1000)


def mask(secret: str) -> str:
    """A secret key as the dashboard shows it: its length in dots and the last four characters."""
    tail = secret[-4:] if len(secret) > 8 else ""
    return "•" * 8 + tail


@dataclass(frozen=True, slots=True)
class Query:
    """The checked query string of a list page."""

    vendor: str | None
    before: int | None
    limit: int
    status: str | None = None
    kind: str = "online"
    days: int = SETTLEMENT_DAYS
    before_other: int | None = None


def _int(params: Mapping[str, str], name: str, found: list[Violation]) -> int | None:
    text = (params.get(name) or "").strip()
    if not text:
        return None
    if not text.isdigit() or len(text) > 19:
        found.append(Violation(name, "type", f"{name} must be a positive integer (got {text!r})"))
        return None
    return int(text)


def parse_query(params: Mapping[str, str]) -> Query:
    """Check the list pages' query: ``vendor``, ``before``, ``limit``, ``status``, ``kind``,
    ``days`` and ``xbefore`` (the exchanges' own cursor); 400 naming each broken one."""
    found: list[Violation] = []
    vendor = (params.get("vendor") or "").strip() or None
    if vendor is not None and len(vendor) > 32:
        found.append(Violation("vendor", "max_length", "vendor is at most 32 characters"))
    before = _int(params, "before", found)
    before_other = _int(params, "xbefore", found)
    limit = _int(params, "limit", found)
    limit = PAGE_SIZE if limit is None else limit
    if not 1 <= limit <= MAX_PAGE_SIZE:
        found.append(Violation("limit", "range", f"limit must be between 1 and {MAX_PAGE_SIZE}"))
    status = (params.get("status") or "").strip().upper() or None
    if status is not None and status not in BOX_STATUSES:
        found.append(
            Violation("status", "enum", f"status must be one of {', '.join(BOX_STATUSES)}")
        )
    kind = (params.get("kind") or "online").strip()
    if kind not in INQUIRY_KINDS:
        found.append(Violation("kind", "enum", "kind must be online or call_center"))
    days = _int(params, "days", found)
    days = SETTLEMENT_DAYS if days is None else days
    if not 1 <= days <= 31:
        found.append(Violation("days", "range", "days must be between 1 and 31"))
    if found:
        raise ValidationFailed(found)
    return Query(vendor, before, limit, status, kind, days, before_other)


def _ids(rows: Sequence[RowMapping], key: str) -> list[int]:
    return [int(r[key]) for r in rows]


def _picker(sandbox: Sandbox) -> list[str]:
    with sandbox.store.engine.connect() as conn:
        return db.vendor_ids(conn, PICKER_VENDORS)


def overview(sandbox: Sandbox, query: Query) -> dict[str, Any]:
    """Vendors with their keys (secret masked), and the shipping places."""
    with sandbox.store.engine.connect() as conn:
        vendors = db.vendors(conn, None, MAX_PAGE_SIZE)
        outbound = db.outbound_places(conn, query.vendor, query.before, query.limit)
        centers = db.return_centers(conn, query.vendor, query.before_other, query.limit)
    return {
        "vendors": [
            {
                "vendor_id": v["vendor_id"],
                "access_key": v["access_key"],
                "secret": mask(str(v["secret_key"])),
                "seeded": bool(v["seeded"]),
            }
            for v in vendors.rows
        ],
        "more_vendors": vendors.next_before is not None,
        "outbound": [{**dict(p), "created": when_ms(p["created_at_ms"])} for p in outbound.rows],
        "outbound_next": outbound.next_before,
        "centers": [{**dict(c), "created": when_ms(c["created_at_ms"])} for c in centers.rows],
        "centers_next": centers.next_before,
    }


def products(sandbox: Sandbox, query: Query) -> dict[str, Any]:
    """Products with their approval state, items and approval history."""
    with sandbox.store.engine.connect() as conn:
        page = db.products(conn, query.vendor, query.before, query.limit)
        ids = _ids(page.rows, "seller_product_id")
        items = db.product_items(conn, ids)
        history = db.product_histories(conn, ids)
    rows = []
    for product in page.rows:
        pid = int(product["seller_product_id"])
        status = str(product["status"])
        rows.append(
            {
                "id": pid,
                "vendor_id": product["vendor_id"],
                "name": product["seller_product_name"],
                "status": status,
                "status_name": product_state.STATUS_NAMES.get(status, status),
                "reviewable": status == product_state.APPROVING,
                "updated": when(product["updated_at_us"]),
                "items": [
                    {
                        "vendor_item_id": i["vendor_item_id"],
                        "name": (i["doc"] or {}).get("itemName"),
                        "price": i["sale_price"],
                        "quantity": i["quantity"],
                        "on_sale": bool(i["on_sale"]),
                    }
                    for i in items.get(pid, [])
                ],
                "history": [
                    {
                        "at": when(h["created_at_us"]),
                        "status": h["status"],
                        "by": h["created_by"],
                        "comment": h["comment"],
                    }
                    for h in history.get(pid, [])
                ],
            }
        )
    return {"products": rows, "next": page.next_before, "vendors": _picker(sandbox)}


def _timeline(box: RowMapping, history: Sequence[RowMapping]) -> list[dict[str, Any]]:
    reached: dict[str, int] = {"payment": int(box["paid_at_us"])}
    extra: list[tuple[str, int]] = []
    for change in history:
        status = str(change["status"])
        if status in TIMELINE:
            reached.setdefault(status, int(change["at_us"]))
        else:
            extra.append((status, int(change["at_us"])))
    steps = [
        {"name": name, "at": when(reached.get(name)), "done": name in reached} for name in TIMELINE
    ]
    steps += [{"name": name, "at": when(at), "done": True} for name, at in extra]
    return steps


def orders(sandbox: Sandbox, query: Query) -> dict[str, Any]:
    """Shipment boxes (newest first) with their order, items and status timeline."""
    now_us = to_us(sandbox.clock.now())
    with sandbox.store.engine.connect() as conn:
        page = db.boxes_page(conn, query.vendor, query.status, query.before, query.limit)
        box_ids = _ids(page.rows, "shipment_box_id")
        items = db.box_items(conn, box_ids)
        history = db.box_history(conn, box_ids)
        order_rows = db.orders_by_ids(conn, _ids(page.rows, "order_id"))
    rows = []
    for box in page.rows:
        box_id = int(box["shipment_box_id"])
        order = order_rows.get(int(box["order_id"]))
        receiver = (order["receiver"] if order is not None else None) or {}
        rows.append(
            {
                "box_id": box_id,
                "order_id": box["order_id"],
                "vendor_id": box["vendor_id"],
                "status": box["status"],
                "receiver": receiver.get("name"),
                "invoice": box["invoice_number"],
                "courier": box["delivery_company_code"],
                "hidden_until": (
                    when(box["visible_at_us"]) if int(box["visible_at_us"]) > now_us else ""
                ),
                "items": [
                    {
                        "name": (i["doc"] or {}).get("vendorItemName")
                        or (i["doc"] or {}).get("sellerProductName"),
                        "vendor_item_id": i["vendor_item_id"],
                        "count": i["shipping_count"],
                        "price": i["sales_price"],
                    }
                    for i in items.get(box_id, [])
                ],
                "timeline": _timeline(box, history.get(box_id, [])),
            }
        )
    return {
        "boxes": rows,
        "next": page.next_before,
        "statuses": BOX_STATUSES,
        "vendors": _picker(sandbox),
    }


def _who_pays_return(row: RowMapping) -> str:
    if row["fault_by_type"] == "CUSTOMER":
        return f"customer ({int(row['return_shipping_charge']):,} KRW)"
    return f"seller ({row['fault_by_type']})"


def claims(sandbox: Sandbox, query: Query) -> dict[str, Any]:
    """Returns and exchanges, with who pays the shipping."""
    with sandbox.store.engine.connect() as conn:
        returns = db.returns(conn, query.vendor, query.before, query.limit)
        exchanges = db.exchanges(conn, query.vendor, query.before_other, query.limit)
    return {
        "returns": [
            {
                "receipt_id": r["receipt_id"],
                "vendor_id": r["vendor_id"],
                "order_id": r["order_id"],
                "stage": r["requested_stage"],
                "fault": r["fault_by_type"],
                "who_pays": _who_pays_return(r),
                "charge": r["return_shipping_charge"],
                "delivery_type": r["return_delivery_type"],
                "confirm": r["complete_confirm_type"],
                "withdrawn": when(r["withdrawn_at_us"]),
                "reason": r["reason_text"],
            }
            for r in returns.rows
        ],
        "returns_next": returns.next_before,
        "exchanges": [
            {
                "exchange_id": x["exchange_id"],
                "vendor_id": x["vendor_id"],
                "order_id": x["order_id"],
                "status": x["status"],
                "collect": x["collect_status"],
                "delivery": x["delivery_status"],
                "fault": x["fault_type"],
                "who_pays": "customer" if x["fault_type"] == "CUSTOMER" else "seller",
                "amount": x["exchange_amount"],
                "reason": x["reason_code"],
                "created": when(x["created_at_us"]),
            }
            for x in exchanges.rows
        ],
        "exchanges_next": exchanges.next_before,
        "vendors": _picker(sandbox),
    }


def inquiries(sandbox: Sandbox, query: Query) -> dict[str, Any]:
    """Product and call-center inquiries, newest first."""
    with sandbox.store.engine.connect() as conn:
        page = db.inquiries(conn, query.kind, query.vendor, query.before, query.limit)
    return {
        "inquiries": [
            {
                "id": q["inquiry_id"],
                "vendor_id": q["vendor_id"],
                "status": q["status"],
                "item": (q["doc"] or {}).get("itemName"),
                "order_id": q["order_id"],
                "content": q["content"],
                "replies": len(q["replies"] or []),
                "at": when(q["inquiry_at_us"]),
            }
            for q in page.rows
        ],
        "next": page.next_before,
        "kinds": INQUIRY_KINDS,
        "vendors": _picker(sandbox),
    }


@dataclass(frozen=True, slots=True)
class Day:
    """One day of the settlement chart: revenue (sales and shipping, refunds subtracted) and
    Coupang's fees (commission and VAT)."""

    day: date
    revenue: int
    fees: int


def _revenue_days(sandbox: Sandbox, vendor: str, days: int) -> tuple[list[Day], bool]:
    today = sandbox.clock.now().astimezone(KST).date()
    start = today - timedelta(days=days - 1)
    totals = {start + timedelta(days=n): [0, 0] for n in range(days)}
    backend = sandbox.backends.settlement
    cursor = None
    read = 0
    while True:
        page = backend.revenue_history(RevenueQuery(vendor, start, today, cursor, 50))
        for line in page.lines:
            sign = -1 if line.sale_type == "REFUND" else 1
            bucket = totals.setdefault(line.recognition_date, [0, 0])
            for item in line.items:
                bucket[0] += sign * item.amounts.sale_amount
                bucket[1] += sign * (item.amounts.service_fee + item.amounts.service_fee_vat)
            fee = line.delivery_fee
            bucket[0] += fee.amount
            bucket[1] += fee.fee + fee.fee_vat
        read += len(page.lines)
        cursor = page.next_key
        if cursor is None or read >= SETTLEMENT_MAX_LINES:
            break
    return [Day(d, v[0], v[1]) for d, v in sorted(totals.items())], cursor is not None


def _chart(days: Sequence[Day]) -> dict[str, Any]:
    """Bar positions for the inline SVG (computed here so the template only draws)."""
    width, height, pad = 720, 220, 30
    top = max([1, *(abs(d.revenue) for d in days), *(abs(d.fees) for d in days)])
    slot = (width - pad) / max(len(days), 1)
    bar = max(slot / 2 - 2, 1)
    bars = []
    for n, d in enumerate(days):
        x = pad + n * slot
        rev_h = (height - pad) * max(d.revenue, 0) / top
        fee_h = (height - pad) * max(d.fees, 0) / top
        bars.append(
            {
                "label": d.day.strftime("%m-%d"),
                "x": round(x, 1),
                "fee_x": round(x + bar, 1),
                "width": round(bar, 1),
                "rev_y": round(height - pad - rev_h, 1),
                "rev_h": round(rev_h, 1),
                "fee_y": round(height - pad - fee_h, 1),
                "fee_h": round(fee_h, 1),
                "revenue": d.revenue,
                "fees": d.fees,
                "text_x": round(x + slot / 2, 1),
            }
        )
    return {"width": width, "height": height, "pad": pad, "top": top, "bars": bars}


def settlement(sandbox: Sandbox, query: Query) -> dict[str, Any]:
    """Daily revenue and fees of one vendor over the last ``days`` days, as an SVG chart."""
    vendors = _picker(sandbox)
    vendor = query.vendor or (vendors[0] if vendors else None)
    if vendor is None:
        return {"vendor": None, "vendors": vendors, "chart": None, "days": []}
    terms = sandbox.backends.settlement.terms(vendor)
    days, truncated = _revenue_days(sandbox, vendor, query.days)
    return {
        "vendor": vendor,
        "vendors": vendors,
        "chart": _chart(days),
        "days": days,
        "truncated": truncated,
        "total_revenue": sum(d.revenue for d in days),
        "total_fees": sum(d.fees for d in days),
        "terms": terms,
        "span": query.days,
    }
