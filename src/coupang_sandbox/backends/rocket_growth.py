"""Rocket Growth (로켓그로스): orders Coupang fulfils from its warehouse, and the stock there.

The seller only reads (order list, one order, inventory summaries); the control API plays
Coupang's side: it sets the warehouse stock of an option and places paid RG orders, each of
which takes its units from that stock (refused when the stock is short). Only the vendor's
listed options (approved products, not deleted) can be stocked or ordered.

The list's query rules are the pure functions of :mod:`coupang_seller.preflight.rocket_growth`
(shared with the SDK). ``paidDateFrom``/``paidDateTo`` are Korean calendar days, both
included. ``paidAt`` is answered as epoch milliseconds in a string. The inventory's
``SALES_COUNT_LAST_THIRTY_DAYS`` counts the units of RG orders paid in the 30 days up to now
(the sandbox clock). Paging: ``nextToken`` is the last id of the page (``""`` at the end).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Any, Final

from sqlalchemy import Connection
from sqlalchemy.engine import RowMapping

from coupang_sandbox.backends._ids import parse_id
from coupang_sandbox.backends.products import Products
from coupang_sandbox.clock import SandboxClock, to_us
from coupang_sandbox.errors import NotFound, ValidationFailed, must_exist
from coupang_sandbox.settings import SandboxSettings
from coupang_sandbox.store import Store
from coupang_sandbox.store import products as product_db
from coupang_sandbox.store import repo as r
from coupang_sandbox.store import rocket_growth as db
from coupang_seller._constants import KST
from coupang_seller.preflight import Violation
from coupang_seller.preflight import rocket_growth as rules
from coupang_seller.preflight._core import is_blank

RG_ORDER_ID_START: Final = 700_000_000_001
RG_ITEM_ID_START: Final = 1
SALES_WINDOW: Final = timedelta(days=30)
APPROVED_STATUSES: Final = ("APPROVED", "PARTIAL_APPROVED")
#: The most units one control-API call may stock or order (keeps sums inside 64 bits).
MAX_UNITS: Final = 10**9


def _day_start(text: str, field: str) -> datetime:
    day = rules.parse_date(text)
    if day is None:
        raise ValidationFailed([Violation(field, "format", f"{field} must be yyyymmdd ({text!r})")])
    return datetime.combine(day, time(0), tzinfo=KST)


def _token(text: str | None) -> tuple[int | None, list[Violation]]:
    if text is None or not text.strip():
        return None, []
    after = parse_id(text)
    if after is None:
        return None, [Violation("nextToken", "format", f"nextToken {text!r} is not one we gave")]
    return after, []


@dataclass(frozen=True)
class RgOrder:
    """A Rocket Growth order's row and its item rows."""

    row: RowMapping
    items: list[RowMapping]


@dataclass(frozen=True)
class Stock:
    """An option's warehouse stock row and the units sold in the last 30 days."""

    row: RowMapping
    sold: int


@dataclass(frozen=True)
class StockInput:
    """The control API's stock setting, parsed by the route."""

    vendor_id: str
    vendor_item_id: int
    quantity: int
    external_sku_id: str | None


@dataclass(frozen=True)
class OrderInput:
    """The control API's order, parsed by the route: ``(vendorItemId, units)`` per option
    (repeats summed, in first-seen order); ``paid_at`` ``None`` means now."""

    vendor_id: str
    lines: list[tuple[int, int]]
    paid_at: datetime | None


@dataclass
class RocketGrowth:
    store: Store
    clock: SandboxClock
    settings: SandboxSettings

    def _now(self) -> datetime:
        return self.clock.now().astimezone(UTC)

    # -- the seller's reads ----------------------------------------------------------------

    def list_orders(
        self, vendor_id: str, paid_from: str | None, paid_to: str | None, token: str | None
    ) -> tuple[list[RgOrder], str]:
        found = rules.check_paid_window(paid_from, paid_to)
        after, bad_token = _token(token)
        found += bad_token
        if found or paid_from is None or paid_to is None:
            raise ValidationFailed(found)
        start = _day_start(paid_from, "paidDateFrom")
        before = _day_start(paid_to, "paidDateTo") + timedelta(days=1)
        with self.store.engine.connect() as conn:
            rows, more = db.orders_page(
                conn,
                vendor_id,
                paid_from_us=to_us(start),
                paid_before_us=to_us(before),
                after_id=after,
                limit=max(1, self.settings.rg_page_size),
            )
            items = db.items_of(conn, [int(row["order_id"]) for row in rows])
        data = [RgOrder(row, items[int(row["order_id"])]) for row in rows]
        return data, str(rows[-1]["order_id"]) if more and rows else ""

    def get_order(self, vendor_id: str, id_text: str) -> RgOrder:
        found = rules.check_order_id(id_text)
        if found:
            raise ValidationFailed(found)
        order_id = parse_id(id_text)
        with self.store.engine.connect() as conn:
            row = None if order_id is None else db.get_order(conn, vendor_id, order_id)
            if row is None:
                raise NotFound(f"Rocket Growth order {id_text} not found for vendor {vendor_id}")
            items = db.items_of(conn, [int(row["order_id"])])[int(row["order_id"])]
        return RgOrder(row, items)

    def inventory(
        self, vendor_id: str, item_text: str | None, token: str | None
    ) -> tuple[list[Stock], str]:
        found = rules.check_vendor_item_id(item_text)
        after, bad_token = _token(token)
        found += bad_token
        if found:
            raise ValidationFailed(found)
        only = None if is_blank(item_text) else parse_id(item_text)
        if not is_blank(item_text) and only is None:
            return [], ""
        now = self._now()
        with self.store.engine.connect() as conn:
            rows, more = db.stock_page(
                conn,
                vendor_id,
                vendor_item_id=only,
                after_id=None if only is not None else after,
                limit=max(1, self.settings.rg_page_size),
            )
            sold = db.units_sold(
                conn,
                vendor_id,
                [int(row["vendor_item_id"]) for row in rows],
                since_us=to_us(now - SALES_WINDOW),
                until_us=to_us(now),
            )
        data = [Stock(row, sold.get(int(row["vendor_item_id"]), 0)) for row in rows]
        return data, str(rows[-1]["vendor_item_id"]) if more and rows else ""

    # -- Coupang's side (control API) ------------------------------------------------------

    def _listed(self, conn: Connection, vendor_id: str, vid: int, field: str) -> RowMapping:
        item = product_db.item_by_vendor_item_id(conn, vendor_id, vid, lock=True)
        product = (
            None
            if item is None
            else product_db.product_get(conn, vendor_id, int(item["seller_product_id"]))
        )
        if item is None or product is None or product["status"] not in APPROVED_STATUSES:
            raise ValidationFailed(
                [
                    Violation(
                        field,
                        "not_listed",
                        f"vendorItemId {vid} is not an approved option of vendor {vendor_id}",
                    )
                ]
            )
        return item

    def set_stock(self, wanted: StockInput) -> Stock:
        """Set the warehouse stock of one of the vendor's approved options."""
        vendor_id, vid, quantity, sku = (
            wanted.vendor_id,
            wanted.vendor_item_id,
            wanted.quantity,
            wanted.external_sku_id,
        )
        now = self._now()
        with self.store.engine.begin() as conn:
            Products(self.store, self.clock, self.settings)._settle(conn, vendor_id)
            self._listed(conn, vendor_id, vid, "vendorItemId")
            row = db.get_stock(conn, vendor_id, vid, lock=True)
            values: dict[str, Any] = {"quantity": quantity, "updated_at_us": to_us(now)}
            if sku is not None:
                values["external_sku_id"] = sku
            if row is None:
                db.insert_stock(
                    conn,
                    {"vendor_id": vendor_id, "vendor_item_id": vid, "external_sku_id": None}
                    | values,
                )
            else:
                db.update_stock(conn, vendor_id, vid, values)
            stored = must_exist(db.get_stock(conn, vendor_id, vid), "the stock")
            sold = db.units_sold(
                conn,
                vendor_id,
                [vid],
                since_us=to_us(now - SALES_WINDOW),
                until_us=to_us(now),
            )
        return Stock(stored, sold.get(vid, 0))

    def place(self, order: OrderInput) -> RgOrder:
        """A paid order taking its units from the warehouse stock (refused when short)."""
        vendor_id, wanted = order.vendor_id, order.lines
        now = self._now()
        paid = now if order.paid_at is None else order.paid_at
        with self.store.engine.begin() as conn:
            Products(self.store, self.clock, self.settings)._settle(conn, vendor_id)
            picked: list[tuple[RowMapping, int, int]] = []
            for index, (vid, qty) in enumerate(wanted):
                item = self._listed(conn, vendor_id, vid, f"items[{index}].vendorItemId")
                stock = db.get_stock(conn, vendor_id, vid, lock=True)
                have = 0 if stock is None else int(stock["quantity"])
                if have < qty:
                    raise ValidationFailed(
                        [
                            Violation(
                                f"items[{index}].quantity",
                                "stock",
                                f"the warehouse holds {have} unit(s) of vendorItemId {vid}; "
                                f"{qty} ordered (set it with PUT /_sandbox/rg/inventory/{vid})",
                            )
                        ]
                    )
                picked.append((item, qty, have))
            order_id = r.next_id(conn, "rg_order", RG_ORDER_ID_START)
            db.insert_order(
                conn,
                {
                    "order_id": order_id,
                    "vendor_id": vendor_id,
                    "paid_at_us": to_us(paid),
                    "created_at_us": to_us(now),
                },
            )
            for item, qty, have in picked:
                vid = int(item["vendor_item_id"])
                product = must_exist(
                    product_db.product_get(conn, vendor_id, int(item["seller_product_id"])),
                    "the product",
                )
                name = str(product["seller_product_name"])
                option = (item["doc"] or {}).get("itemName")
                db.insert_item(
                    conn,
                    {
                        "id": r.next_id(conn, "rg_order_item", RG_ITEM_ID_START),
                        "order_id": order_id,
                        "vendor_id": vendor_id,
                        "vendor_item_id": vid,
                        "product_name": f"{name}, {option}" if option else name,
                        "sales_quantity": qty,
                        "unit_sales_price": int(item["sale_price"]),
                        "currency": "KRW",
                        "paid_at_us": to_us(paid),
                    },
                )
                db.update_stock(
                    conn, vendor_id, vid, {"quantity": have - qty, "updated_at_us": to_us(now)}
                )
            row = must_exist(db.get_order(conn, vendor_id, order_id), "the Rocket Growth order")
            items = db.items_of(conn, [order_id])[order_id]
        return RgOrder(row, items)
