"""Seed paid orders straight into a sandbox SQLite file, before a sandbox process opens it.

Placing a million orders through ``POST /_sandbox/orders`` would take hours, so this writes
the rows the control API would have written into the store's own tables
(:mod:`coupang_sandbox.store.orders`): each table's Core ``insert()`` is compiled once and run
executemany in large batches, with values bound by the columns' own SQLAlchemy types (JSON and
Boolean values go through their type's bind processor; the rendered JSON of a product or a
customer is cached, since many orders share it).

Each order is what :meth:`coupang_sandbox.backends.orders.Orders.place` makes of a one-line
order: an order row, one shipment box (ACCEPT, visible ``order_visible_after_seconds`` after
payment), its item (names and flags copied from a product into ``doc``) and an ACCEPT history
row; an INSTRUCT box also carries what :meth:`Orders.acknowledge` leaves (the status,
``updated_at_us``, an INSTRUCT history row). Ids come from the backend's own sequence starts,
in payment order, and the store's named sequences are moved past them, so orders placed later
through the API continue the numbering. ``tests/bench_smoke`` lists seeded and placed orders
through the real endpoint and checks that rows and sheets have the same shape.

Orders are spread over ``days`` days and over ``vendors`` other vendors plus the benchmark
vendor (``bench_share`` of them). Every seeded box is ACCEPT or INSTRUCT: the worst case for
the daily list's ``(vendor_id, status, paid_at_us)`` index, since each of the benchmark
vendor's rows matches the vendor and the status and only the payment range narrows it. One
KST day (``day``, yesterday) holds exactly ``day_orders`` of the benchmark vendor's orders
whatever the store's size, so listing latencies at two sizes compare like with like.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Table, create_engine, insert, select, update
from sqlalchemy.dialects.sqlite.base import SQLiteDialect
from sqlalchemy.engine import make_url

from coupang_sandbox.backends.orders import (
    HISTORY_ID_START,
    JEJU,
    MAINLAND,
    ORDER_ID_START,
    ORDER_ITEM_ID_START,
    SHIPMENT_BOX_ID_START,
    SPLIT_NONE,
    region_of,
)
from coupang_sandbox.clock import from_us, to_us
from coupang_sandbox.kst import kst_day
from coupang_sandbox.settings import SandboxSettings
from coupang_sandbox.state import orders as st
from coupang_sandbox.store import orders as db
from coupang_sandbox.store.engine import create_tables
from coupang_sandbox.store.schema import sequences
from coupang_sandbox.store.schema import vendors as vendor_table
from coupang_seller._constants import KST

#: Sequence names of :mod:`coupang_sandbox.backends.orders` (``r.next_id``) and their starts.
SEQUENCES = {
    "order": ORDER_ID_START,
    "shipment_box": SHIPMENT_BOX_ID_START,
    "order_item": ORDER_ITEM_ID_START,
    "shipment_history": HISTORY_ID_START,
}
TABLES = (db.orders, db.shipment_boxes, db.order_items, db.shipment_history)
#: Columns whose type binds through a processor; every other value is bound as is.
PROCESSED = {
    "sandbox_orders": {"orderer", "receiver"},
    "sandbox_shipment_boxes": {"remote_area"},
    "sandbox_order_items": {"doc"},
    "sandbox_shipment_history": set(),
}
#: The rows' value order (checked against the tables when seeding starts).
COLUMNS = {
    "sandbox_orders": (
        "order_id", "vendor_id", "ordered_at_us", "paid_at_us", "visible_at_us", "orderer",
        "receiver", "region", "parcel_print_message", "refer",
    ),
    "sandbox_shipment_boxes": (
        "shipment_box_id", "order_id", "vendor_id", "status", "status_before_cancel",
        "paid_at_us", "visible_at_us", "shipping_price", "remote_price", "remote_area",
        "split_mode", "split_from", "delivery_company_code", "invoice_number",
        "invoice_uploaded_at_us", "in_transit_at_us", "delivered_at_us", "pickup_due_us",
        "delivery_due_us", "updated_at_us",
    ),
    "sandbox_order_items": (
        "id", "shipment_box_id", "order_id", "vendor_id", "vendor_item_id",
        "seller_product_id", "product_id", "shipping_count", "cancel_count",
        "hold_count_for_cancel", "sales_price", "estimated_shipping_date",
        "planned_shipping_date", "invoice_uploaded_at_us", "doc",
    ),
    "sandbox_shipment_history": ("id", "shipment_box_id", "status", "at_us"),
}  # fmt: skip
BATCH = 25_000
#: Synthetic catalogue ids, far above the products backend's sequences (3e9, 7e9, 1e10).
VENDOR_ITEM_BASE = 900_000_000_000
SELLER_PRODUCT_BASE = 800_000_000_000
PRODUCT_BASE = 700_000_000_000
PRODUCTS_PER_VENDOR = 40
CUSTOMERS = 4096
DAY_US = 86_400_000_000
KST_US = 9 * 3_600_000_000

_NAMES = ("김*팡", "이*민", "박*수", "최*영", "정*호", "강*희", "조*진", "윤*아")
_STREETS = (
    ("서울특별시 강남구 테헤란로 123", "06236"),
    ("서울특별시 송파구 올림픽로 300", "05551"),
    ("부산광역시 해운대구 센텀로 1", "48058"),
    ("경기도 파주시 탄현면 월롱산로 294-58", "10516"),
    ("대구광역시 중구 동성로 10", "41911"),
    ("광주광역시 서구 상무중앙로 7", "61945"),
    ("제주특별자치도 제주시 첨단로 242", "63309"),  # Jeju: remote area
    ("경상북도 울릉군 울릉읍 도동길 1", "40205"),  # island: remote area
)
_REFERS = ("안드로이드앱", "아이폰앱", "PC웹", "모바일웹")
_WORDS = ("섬유유연제", "세탁세제", "주방세제", "물티슈", "키친타월", "샴푸", "치약", "생수")
_MESSAGE = "문 앞에 놓아주세요"


@dataclass(frozen=True)
class SeededBox:
    shipment_box_id: int
    order_id: int
    vendor_item_id: int
    status: str


@dataclass
class SeedResult:
    orders: int
    vendors: int
    bench_vendor: str
    bench_orders: int
    #: The KST day holding exactly ``day_orders`` of the benchmark vendor's orders.
    day: date
    seconds: float = 0.0
    #: The benchmark vendor's boxes paid on ``day``, in id order.
    day_boxes: list[SeededBox] = field(default_factory=list)

    def day_count(self, status: str) -> int:
        return sum(1 for box in self.day_boxes if box.status == status)


@dataclass(frozen=True)
class _Product:
    vendor_item_id: int
    seller_product_id: int
    product_id: int
    price: int
    fee: int
    outbound_days: int
    doc: Any  # bound JSON


@dataclass(frozen=True)
class _Customer:
    orderer: Any  # bound JSON
    receiver: Any  # bound JSON
    region: str
    remote_price: int
    remote_area: Any  # bound Boolean


def _statement(table: Table, dialect: SQLiteDialect) -> str:
    """The table's compiled Core ``insert()``, positional in the order the rows are built."""
    names = tuple(c.name for c in table.columns)
    if names != COLUMNS[table.name]:
        raise RuntimeError(
            f"{table.name} has columns {names}, the seeder builds {COLUMNS[table.name]}; "
            "update benchmarks/_seed_orders.py"
        )
    compiled = insert(table).compile(dialect=dialect)
    assert tuple(compiled.positiontup or ()) == names, compiled.positiontup
    return str(compiled)


class _Binder:
    """Binds values through the columns' SQLAlchemy types (what ``conn.execute`` would do)."""

    def __init__(self, dialect: SQLiteDialect) -> None:
        self._procs: dict[tuple[str, str], Callable[[Any], Any] | None] = {}
        for table in TABLES:
            for column in table.columns:
                proc = column.type.bind_processor(dialect)
                self._procs[table.name, column.name] = proc
            processed = {c.name for c in table.columns if self._procs[table.name, c.name]}
            if processed != PROCESSED[table.name]:
                raise RuntimeError(
                    f"{table.name}: columns with bind processors are {sorted(processed)}, the "
                    f"seeder binds {sorted(PROCESSED[table.name])}; update benchmarks/_seed_orders"
                )

    def __call__(self, table: Table, column: str, value: Any) -> Any:
        proc = self._procs[table.name, column]
        return value if proc is None else proc(value)


def _catalogue(vendor_index: int, bind: _Binder) -> list[_Product]:
    """A vendor's products, with the item ``doc`` that ``place`` copies from each."""
    found = []
    for k in range(PRODUCTS_PER_VENDOR):
        serial = vendor_index * PRODUCTS_PER_VENDOR + k
        name = f"벤치 {_WORDS[serial % len(_WORDS)]} {serial:06d}"
        item_name = f"{k % 4 + 1}개"
        fee = 0 if k % 3 else 3000
        doc = {
            "sellerProductName": name,
            "sellerProductItemName": item_name,
            "vendorItemName": f"{name}, {item_name}",
            "externalVendorSkuCode": f"SEED-{serial:06d}",
            "extraProperties": {},
            "usedProduct": False,
            "deliveryChargeTypeName": "유료" if fee else "무료",
            # No coupon applies to a seeded order (see backends/coupons.discounts_for).
            "instantCouponDiscount": 0,
            "downloadableCouponDiscount": 0,
            "appliedCoupons": [],
        }
        found.append(
            _Product(
                vendor_item_id=VENDOR_ITEM_BASE + serial,
                seller_product_id=SELLER_PRODUCT_BASE + serial,
                product_id=PRODUCT_BASE + serial,
                price=(serial % 90 + 10) * 1000,
                fee=fee,
                outbound_days=1 + k % 3,
                doc=bind(db.order_items, "doc", doc),
            )
        )
    return found


def _customers(rng: random.Random, bind: _Binder) -> list[_Customer]:
    found = []
    for _ in range(CUSTOMERS):
        name = _NAMES[rng.randrange(len(_NAMES))]
        addr1, post_code = _STREETS[rng.randrange(len(_STREETS))]
        safe = f"0502-{rng.randrange(1000, 10000)}-{rng.randrange(1000, 10000)}"
        region = region_of(post_code)
        receiver = {
            "name": name,
            "safeNumber": safe,
            "addr1": addr1,
            "addr2": f"{rng.randrange(1, 30)}층",
            "postCode": post_code,
        }
        found.append(
            _Customer(
                orderer=bind(db.orders, "orderer", {"name": name, "email": "", "safeNumber": safe}),
                receiver=bind(db.orders, "receiver", receiver),
                region=region,
                remote_price=0 if region == MAINLAND else (5000 if region == JEJU else 3000),
                remote_area=bind(db.shipment_boxes, "remote_area", region != MAINLAND),
            )
        )
    return found


def _plan(
    rng: random.Random,
    *,
    total: int,
    vendors: int,
    bench_share: float,
    day_orders: int,
    day_accept: float,
    accept: float,
    span: tuple[int, int],
    day: tuple[int, int],
) -> list[tuple[int, int, bool]]:
    """``(paid_at_us, vendor_index, instructed)`` per order, in payment order.

    Vendor 0 is the benchmark vendor; its orders avoid ``day`` except the fixed ones.
    """
    start_us, end_us = span
    day_from_us, day_to_us = day
    fixed = min(day_orders, total)
    accepted = round(fixed * day_accept)
    width = day_to_us - day_from_us
    plan = [
        (day_from_us + (i * width) // max(1, fixed) + rng.randrange(1000), 0, i >= accepted)
        for i in range(fixed)
    ]
    outside = end_us - start_us - width
    draw = rng.random
    for _ in range(total - fixed):
        if vendors == 0 or draw() < bench_share:
            at = start_us + int(draw() * outside)
            plan.append((at + width if at >= day_from_us else at, 0, draw() >= accept))
        else:
            at = start_us + int(draw() * (end_us - start_us))
            plan.append((at, 1 + int(draw() * vendors), draw() >= accept))
    plan.sort()
    return plan


def _next_ids(conn: Connection) -> dict[str, int]:
    """The first free id of each sequence (the store keeps the last one handed out)."""
    query = select(sequences.c.name, sequences.c.value).where(sequences.c.name.in_(SEQUENCES))
    found = {str(name): int(value) for name, value in conn.execute(query).all()}
    return {name: found[name] + 1 if name in found else s for name, s in SEQUENCES.items()}


def _save_ids(conn: Connection, ids: dict[str, int]) -> None:
    for name, start in SEQUENCES.items():
        last = ids[name] - 1
        if last < start:
            continue
        done = conn.execute(update(sequences).where(sequences.c.name == name).values(value=last))
        if not done.rowcount:
            conn.execute(insert(sequences).values(name=name, value=last))


def vendor_ids(count: int) -> list[str]:
    """The other vendors' ids (registered by the seeder with throwaway keys)."""
    return [f"A9{i:07d}" for i in range(count)]


def seed_orders(
    db_url: str,
    *,
    total: int,
    bench_vendor: str,
    vendors: int = 200,
    bench_share: float = 0.05,
    days: int = 90,
    day_orders: int = 200,
    day_accept: float = 0.6,
    accept: float = 0.6,
    now: datetime | None = None,
    settings: SandboxSettings | None = None,
    seed: int = 20250715,
    batch: int = BATCH,
) -> SeedResult:
    """Write ``total`` one-line paid orders (ACCEPT or INSTRUCT) into the SQLite file store.

    ``now`` is the sandbox clock at seeding (default: the wall clock, as a fresh sandbox's);
    every order is paid between ``days`` days and one hour before it, so all are visible. The
    benchmark vendor is not registered here (start the sandbox with ``--vendor``).
    """
    began = time.perf_counter()
    url = make_url(db_url)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        raise ValueError(f"seed_orders writes a SQLite file store (got {db_url!r})")
    rng = random.Random(seed)
    settings = settings or SandboxSettings()
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    now_us = to_us(moment)
    end_us = now_us - 3_600_000_000
    start_us = end_us - days * DAY_US
    yesterday = (moment.astimezone(KST) - timedelta(days=1)).date()
    day_from_us = to_us(datetime(yesterday.year, yesterday.month, yesterday.day, tzinfo=KST))
    day_to_us = min(day_from_us + DAY_US, end_us)
    everyone = [bench_vendor, *vendor_ids(vendors)]
    plan = _plan(
        rng,
        total=total,
        vendors=vendors,
        bench_share=bench_share,
        day_orders=day_orders,
        day_accept=day_accept,
        accept=accept,
        span=(start_us, end_us),
        day=(day_from_us, day_to_us),
    )
    visible_after_us = round(settings.order_visible_after_seconds * 1_000_000)
    result = SeedResult(
        orders=total,
        vendors=len(everyone),
        bench_vendor=bench_vendor,
        bench_orders=sum(1 for _, v, _ in plan if v == 0),
        day=yesterday,
    )
    engine = create_engine(url)
    create_tables(engine)
    dialect = engine.dialect
    assert isinstance(dialect, SQLiteDialect)
    bind = _Binder(dialect)
    catalogues = [_catalogue(i, bind) for i in range(len(everyone))]
    customers = _customers(rng, bind)
    statements = [_statement(t, dialect) for t in TABLES]
    ship_dates: dict[int, str] = {}

    def ship_date(day_index: int) -> str:
        text = ship_dates.get(day_index)
        if text is None:
            text = ship_dates[day_index] = kst_day(from_us(day_index * DAY_US))
        return text

    try:
        with engine.begin() as conn:
            # One writer on a file nobody else has open yet: no fsync, and the secondary
            # indexes are built once at the end (cheaper than growing them row by row).
            conn.exec_driver_sql("PRAGMA synchronous=OFF")
            conn.exec_driver_sql("PRAGMA cache_size=-262144")
            indexes = [ix for t in TABLES for ix in t.indexes]
            for ix in indexes:
                ix.drop(conn)
            taken = set(conn.execute(select(vendor_table.c.vendor_id)).scalars())
            fresh = [
                {"vendor_id": v, "access_key": f"seed-ak-{v}", "secret_key": f"seed-sk-{v}"}
                for v in everyone[1:]
                if v not in taken
            ]
            if fresh:
                conn.execute(insert(vendor_table).values(seeded=False), fresh)
            ids = _next_ids(conn)
            order_id, box_id = ids["order"], ids["shipment_box"]
            item_id, history_id = ids["order_item"], ids["shipment_history"]
            buffers: tuple[list[tuple[Any, ...]], ...] = ([], [], [], [])
            orders, boxes, items, history = buffers
            getbits = rng.getrandbits

            def flush() -> None:
                for sql, rows in zip(statements, buffers, strict=True):
                    if rows:
                        conn.exec_driver_sql(sql, rows)
                        rows.clear()

            for paid_us, vendor, instructed in plan:
                bits = getbits(40)
                vendor_id = everyone[vendor]
                product = catalogues[vendor][bits % PRODUCTS_PER_VENDOR]
                customer = customers[(bits >> 6) % CUSTOMERS]
                visible_us = paid_us + visible_after_us
                # Acknowledged 1-120 minutes after the order showed up (never in the future).
                acked_us = min(now_us, visible_us + 60_000_000 * (1 + (bits >> 18) % 120))
                status = st.INSTRUCT if instructed else st.ACCEPT
                # Values in the order of ORDER_COLUMNS, BOX_COLUMNS, ITEM_COLUMNS, HISTORY_COLUMNS.
                orders.append(
                    (
                        order_id,
                        vendor_id,
                        paid_us,  # ordered_at_us
                        paid_us,
                        visible_us,
                        customer.orderer,
                        customer.receiver,
                        customer.region,
                        _MESSAGE if (bits >> 25) % 10 < 3 else None,  # parcel_print_message
                        _REFERS[(bits >> 29) % len(_REFERS)],
                    )
                )
                boxes.append(
                    (
                        box_id,
                        order_id,
                        vendor_id,
                        status,
                        None,  # status_before_cancel
                        paid_us,
                        visible_us,
                        product.fee,  # shipping_price
                        customer.remote_price,
                        customer.remote_area,
                        SPLIT_NONE,
                        None,  # split_from
                        None,  # delivery_company_code
                        None,  # invoice_number
                        None,  # invoice_uploaded_at_us
                        None,  # in_transit_at_us
                        None,  # delivered_at_us
                        None,  # pickup_due_us
                        None,  # delivery_due_us
                        acked_us if instructed else paid_us,  # updated_at_us
                    )
                )
                items.append(
                    (
                        item_id,
                        box_id,
                        order_id,
                        vendor_id,
                        product.vendor_item_id,
                        product.seller_product_id,
                        product.product_id,
                        1 + (bits >> 32) % 3,  # shipping_count
                        0,  # cancel_count
                        0,  # hold_count_for_cancel
                        product.price,  # sales_price
                        ship_date((paid_us + KST_US) // DAY_US + product.outbound_days),
                        "",  # planned_shipping_date
                        None,  # invoice_uploaded_at_us
                        product.doc,
                    )
                )
                history.append((history_id, box_id, st.ACCEPT, paid_us))
                history_id += 1
                if instructed:
                    history.append((history_id, box_id, st.INSTRUCT, acked_us))
                    history_id += 1
                if vendor == 0 and day_from_us <= paid_us < day_to_us:
                    result.day_boxes.append(
                        SeededBox(box_id, order_id, product.vendor_item_id, status)
                    )
                order_id += 1
                box_id += 1
                item_id += 1
                if len(orders) >= batch:
                    flush()
            flush()
            for ix in indexes:
                ix.create(conn)
            _save_ids(
                conn,
                {
                    "order": order_id,
                    "shipment_box": box_id,
                    "order_item": item_id,
                    "shipment_history": history_id,
                },
            )
    finally:
        engine.dispose()
    result.seconds = time.perf_counter() - began
    return result
