"""(h) Revenue history over a year of simulated orders.

:func:`seed_delivered` writes delivered orders straight into a sandbox SQLite file (the rows
the control API, the acknowledgement, the invoice upload and the courier's FINAL_DELIVERY
scan would have left: an order, one shipment box in FINAL_DELIVERY with ``delivered_at_us``,
one order item) spread over ``days`` days before ``now``, ``per_day`` a day, and turns a share
of them into completed returns (a RETURN receipt in RETURNS_COMPLETED and its details row,
half of them the seller's fault). Ids follow the backends' own sequence starts and the
store's sequences are moved past them.

:func:`run` seeds a one-year store and a one-month store, starts a sandbox on each, and
measures through signed HTTP:

* every page of 31-day windows (``maxPerPage`` 50, paged by ``token``) of the year store,
* the full-year walk (every window, every page) and its wall time,
* the first page of the same 31-day window in both stores: the ratio of their p50 shows
  whether a page costs the same with a year or a month of data behind it.
"""

from __future__ import annotations

import hashlib
import hmac
import random
import statistics
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
from sqlalchemy import create_engine, delete, insert

from benchmarks._server import ACCESS_KEY, SECRET_KEY, VENDOR_ID, Server, sandbox_process
from coupang_sandbox.backends.orders import (
    HISTORY_ID_START,
    ORDER_ID_START,
    ORDER_ITEM_ID_START,
    RECEIPT_ID_START,
    SHIPMENT_BOX_ID_START,
)
from coupang_sandbox.clock import to_us
from coupang_sandbox.store import orders as odb
from coupang_sandbox.store import returns as rdb
from coupang_sandbox.store.engine import create_tables
from coupang_sandbox.store.schema import sequences
from coupang_seller._constants import KST

PATH = "/v2/providers/openapi/apis/api/v1/revenue-history"
PER_DAY = 200
YEAR_DAYS = 365
MONTH_DAYS = 31
RETURN_SHARE = 0.03
FIRST_PAGE_ROUNDS = 60
BATCH = 5000


@dataclass(frozen=True)
class Seeded:
    orders: int
    returns: int
    seconds: float


def seed_delivered(
    db_url: str,
    *,
    vendor_id: str,
    days: int,
    per_day: int,
    now: datetime,
    return_share: float = RETURN_SHARE,
    seed: int = 20250715,
) -> Seeded:
    """Write ``days * per_day`` delivered one-line orders (and some completed returns)."""
    began = time.perf_counter()
    rng = random.Random(seed)
    engine = create_engine(db_url)
    create_tables(engine)
    orders: list[dict[str, Any]] = []
    boxes: list[dict[str, Any]] = []
    items: list[dict[str, Any]] = []
    receipts: list[dict[str, Any]] = []
    details: list[dict[str, Any]] = []
    count = days * per_day
    end_us = to_us(now) - 10 * 86_400_000_000  # the last deliveries are recognised already
    span_us = days * 86_400_000_000
    for n in range(count):
        paid_us = end_us - span_us + n * span_us // count
        delivered_us = paid_us + 2 * 86_400_000_000
        order_id, box_id = ORDER_ID_START + n, SHIPMENT_BOX_ID_START + n
        price = 1000 * rng.randint(5, 50)
        quantity = rng.randint(1, 3)
        orders.append({
            "order_id": order_id, "vendor_id": vendor_id, "ordered_at_us": paid_us,
            "paid_at_us": paid_us, "visible_at_us": paid_us + 600_000_000,
            "orderer": {"name": "김*팡", "email": "", "safeNumber": "0502-0000-0000"},
            "receiver": {"name": "김*팡", "safeNumber": "0502-0000-0000", "addr1": "서울",
                         "addr2": "1", "postCode": "06236"},
            "region": "MAINLAND", "parcel_print_message": None, "refer": "안드로이드앱",
        })  # fmt: skip
        boxes.append({
            "shipment_box_id": box_id, "order_id": order_id, "vendor_id": vendor_id,
            "status": "FINAL_DELIVERY", "status_before_cancel": None, "paid_at_us": paid_us,
            "visible_at_us": paid_us + 600_000_000, "shipping_price": rng.choice((0, 2500)),
            "remote_price": 0, "remote_area": False, "split_mode": "NORMAL", "split_from": None,
            "delivery_company_code": "CJGLS", "invoice_number": f"{800000000000 + n}",
            "invoice_uploaded_at_us": paid_us + 86_400_000_000,
            "in_transit_at_us": paid_us + 86_400_000_000, "delivered_at_us": delivered_us,
            "pickup_due_us": None, "delivery_due_us": None, "updated_at_us": delivered_us,
        })  # fmt: skip
        items.append({
            "id": ORDER_ITEM_ID_START + n, "shipment_box_id": box_id, "order_id": order_id,
            "vendor_id": vendor_id, "vendor_item_id": 3_000_000_001 + n % 50,
            "seller_product_id": 10_000_000_001, "product_id": 7_000_000_001,
            "shipping_count": quantity, "cancel_count": 0, "hold_count_for_cancel": 0,
            "sales_price": price, "estimated_shipping_date": "", "planned_shipping_date": "",
            "invoice_uploaded_at_us": paid_us + 86_400_000_000,
            "doc": {"sellerProductName": "벤치 상품", "sellerProductItemName": f"옵션 {n % 50}",
                    "vendorItemName": f"벤치 상품, 옵션 {n % 50}",
                    "externalVendorSkuCode": f"SKU-{n % 50}", "instantCouponDiscount": 500},
        })  # fmt: skip
        if rng.random() < return_share:
            receipt_id = RECEIPT_ID_START + len(receipts)
            done_us = delivered_us + 3 * 86_400_000_000
            fault = "VENDOR" if len(receipts) % 2 else "CUSTOMER"
            receipts.append({
                "receipt_id": receipt_id, "vendor_id": vendor_id, "order_id": order_id,
                "shipment_box_id": box_id, "receipt_type": "RETURN",
                "receipt_status": "RETURNS_COMPLETED", "release_stop_status": "비대상",
                "items": [{"vendorItemId": 3_000_000_001 + n % 50, "count": 1}],
                "total_count": 1, "requester": "CUSTOMER", "reason_code": "CHANGEMIND",
                "reason_text": None, "delivery_company_code": None, "invoice_number": None,
                "created_at_us": delivered_us + 86_400_000_000, "updated_at_us": done_us,
            })  # fmt: skip
            details.append({
                "receipt_id": receipt_id, "vendor_id": vendor_id, "order_id": order_id,
                "requested_stage": "FINAL_DELIVERY", "fault_by_type": fault,
                "refund_delivery_duty": "COM" if fault == "VENDOR" else "CUS",
                "return_shipping_charge": 0 if fault == "VENDOR" else 5000,
                "enclose_price": 0, "return_delivery_type": "연동택배", "auto_pickup": True,
                "pickup_courier": "CJGLS", "return_center_code": None,
                "return_delivery_id": receipt_id, "quick_refund": True, "pre_refund": True,
                "deliveries": [], "reason_text": None, "pickup_due_us": None,
                "picked_up_at_us": done_us, "complete_confirm_type": "VENDOR_CONFIRM",
                "complete_confirm_at_us": done_us, "withdrawn_at_us": None,
            })  # fmt: skip
    history = [
        {"id": HISTORY_ID_START + n, "shipment_box_id": b["shipment_box_id"],
         "status": "FINAL_DELIVERY", "at_us": b["delivered_at_us"]}
        for n, b in enumerate(boxes)
    ]  # fmt: skip
    with engine.begin() as conn:
        for table, rows in (
            (odb.orders, orders), (odb.shipment_boxes, boxes), (odb.order_items, items),
            (odb.shipment_history, history), (odb.receipts, receipts), (rdb.returns, details),
        ):  # fmt: skip
            for start in range(0, len(rows), BATCH):
                conn.execute(insert(table), rows[start : start + BATCH])
        conn.execute(delete(sequences))
        conn.execute(
            insert(sequences),
            [
                {"name": "order", "value": ORDER_ID_START + count - 1},
                {"name": "shipment_box", "value": SHIPMENT_BOX_ID_START + count - 1},
                {"name": "order_item", "value": ORDER_ITEM_ID_START + count - 1},
                {"name": "shipment_history", "value": HISTORY_ID_START + count - 1},
                {"name": "order_receipt", "value": RECEIPT_ID_START + max(len(receipts), 1) - 1},
            ],
        )
    engine.dispose()
    return Seeded(count, len(receipts), time.perf_counter() - began)


@contextmanager
def seeded_sandbox(days: int, per_day: int, now: datetime) -> Iterator[tuple[Server, Seeded]]:
    with tempfile.TemporaryDirectory(prefix="coupang-bench-settlement-") as tmp:
        url = f"sqlite:///{Path(tmp) / 'settlement.sqlite3'}"
        seeded = seed_delivered(url, vendor_id=VENDOR_ID, days=days, per_day=per_day, now=now)
        with sandbox_process("--rate-limit", "0", "--db", url) as server:
            yield server, seeded


def signed_get(http: httpx.Client, params: dict[str, Any]) -> httpx.Response:
    query = urlencode(params)
    signed_date = datetime.now(UTC).strftime("%y%m%dT%H%M%SZ")
    message = f"{signed_date}GET{PATH}{query}"
    signature = hmac.new(SECRET_KEY.encode(), message.encode(), hashlib.sha256).hexdigest()
    return http.get(
        f"{PATH}?{query}",
        headers={
            "Authorization": f"CEA algorithm=HmacSHA256, access-key={ACCESS_KEY}, "
            f"signed-date={signed_date}, signature={signature}",
            "Content-Type": "application/json;charset=UTF-8",
        },
    )


def _params(start: date, end: date, token: str) -> dict[str, Any]:
    return {
        "vendorId": VENDOR_ID,
        "recognitionDateFrom": start.isoformat(),
        "recognitionDateTo": end.isoformat(),
        "token": token,
        "maxPerPage": 50,
    }


def walk(http: httpx.Client, start: date, end: date, timings: list[float]) -> int:
    """Every page of one window; returns the number of lines."""
    token, lines = "", 0
    while True:
        began = time.perf_counter()
        answer = signed_get(http, _params(start, end, token))
        timings.append((time.perf_counter() - began) * 1000)
        if answer.status_code != 200:
            raise RuntimeError(f"revenue-history answered {answer.status_code}: {answer.text}")
        body = answer.json()
        lines += len(body["data"])
        if not body["hasNext"]:
            return lines
        token = body["nextToken"]


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


@dataclass(frozen=True)
class RevenueResult:
    year_orders: int
    year_returns: int
    seed_seconds: float
    page_p50_ms: float
    page_p99_ms: float
    pages: int
    walk_lines: int
    walk_seconds: float
    walk_p50_ms: float
    walk_p99_ms: float
    first_year_p50_ms: float
    first_month_p50_ms: float

    @property
    def ratio(self) -> float:
        return self.first_year_p50_ms / self.first_month_p50_ms


def run(
    per_day: int = PER_DAY,
    year_days: int = YEAR_DAYS,
    month_days: int = MONTH_DAYS,
    rounds: int = FIRST_PAGE_ROUNDS,
) -> RevenueResult:
    now = datetime.now(UTC)
    today = now.astimezone(KST).date()
    last = (today - timedelta(days=1), today - timedelta(days=month_days + 1))
    window = (last[1] + timedelta(days=1), last[0])  # the last 31 days, in both stores
    with (
        seeded_sandbox(year_days, per_day, now) as (year, seeded),
        seeded_sandbox(month_days, per_day, now) as (month, _),
        httpx.Client(base_url=year.base_url, timeout=60) as year_http,
        httpx.Client(base_url=month.base_url, timeout=60) as month_http,
    ):
        # 31-day windows: three of the year, every page
        pages: list[float] = []
        for offset in (40, 160, 300):
            start = today - timedelta(days=offset)
            walk(year_http, start, start + timedelta(days=30), pages)
        # the full-year walk
        walked: list[float] = []
        began = time.perf_counter()
        lines = 0
        start = today - timedelta(days=year_days + 10)
        while start <= today:
            end = min(start + timedelta(days=30), today)
            lines += walk(year_http, start, end, walked)
            start = end + timedelta(days=1)
        walk_seconds = time.perf_counter() - began
        # the first page of the same window at a year and at a month of data, alternating
        first = {"year": [], "month": []}  # type: dict[str, list[float]]
        for n in range(rounds):
            for name, http in (("year", year_http), ("month", month_http))[:: 1 if n % 2 else -1]:
                began = time.perf_counter()
                answer = signed_get(http, _params(window[0], window[1], ""))
                first[name].append((time.perf_counter() - began) * 1000)
                if answer.status_code != 200 or not answer.json()["data"]:
                    raise RuntimeError(f"first page failed: {answer.status_code} {answer.text}")
    return RevenueResult(
        year_orders=seeded.orders,
        year_returns=seeded.returns,
        seed_seconds=seeded.seconds,
        page_p50_ms=statistics.median(pages),
        page_p99_ms=_pct(pages, 0.99),
        pages=len(pages),
        walk_lines=lines,
        walk_seconds=walk_seconds,
        walk_p50_ms=statistics.median(walked),
        walk_p99_ms=_pct(walked, 0.99),
        first_year_p50_ms=statistics.median(first["year"][5:]),
        first_month_p50_ms=statistics.median(first["month"][5:]),
    )


if __name__ == "__main__":
    result = run()
    print(result)
    print(f"ratio {result.ratio:.2f}x")
