"""Rocket Growth (로켓그로스): orders Coupang fulfils from its warehouse, and the stock there.

The seller only reads (order list, one order, inventory summaries); the control API plays
Coupang's side: it sets the warehouse stock of an option and places paid RG orders, each of
which takes its units from that stock (refused when the stock is short). Only the vendor's
listed options (approved products, not deleted) can be stocked or ordered.

The route checks the reads' queries with the pure functions of
:mod:`coupang_seller.preflight.rocket_growth` (shared with the SDK) and parses them
(:class:`PaidWindow`, :class:`OrderRef`, :class:`StockQuery`). ``paidDateFrom``/``paidDateTo`` are Korean calendar days, both
included. ``paidAt`` is answered as epoch milliseconds in a string. The inventory's
``SALES_COUNT_LAST_THIRTY_DAYS`` counts the units of RG orders paid in the 30 days up to now
(the sandbox clock). Paging: ``nextToken`` is the last id of the page (``""`` at the end).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, Final

from sqlalchemy import Connection
from sqlalchemy.engine import RowMapping

from coupang_sandbox.clock import SandboxClock, to_us
from coupang_sandbox.errors import NotFound, ValidationFailed, must_exist
from coupang_sandbox.settings import SandboxSettings
from coupang_sandbox.store import Store
from coupang_sandbox.store import products as product_db
from coupang_sandbox.store import repo as r
from coupang_sandbox.store import rocket_growth as db

if TYPE_CHECKING:
    from coupang_sandbox.backends.effects import Effects
from coupang_seller.preflight import Violation

RG_ORDER_ID_START: Final = 700_000_000_001
RG_ITEM_ID_START: Final = 1
SALES_WINDOW: Final = timedelta(days=30)
APPROVED_STATUSES: Final = ("APPROVED", "PARTIAL_APPROVED")
#: The most units one control-API call may stock or order (keeps sums inside 64 bits).
MAX_UNITS: Final = 10**9


@dataclass(frozen=True)
class PaidWindow:
    """The order list's query, parsed by the route: orders paid in ``[start, before)`` (Korean
    days), after the order id ``after`` (the ``nextToken``)."""

    start: datetime
    before: datetime
    after: int | None


@dataclass(frozen=True)
class OrderRef:
    """An ``orderId`` of the path: the id, and the text as sent (the not-found message quotes
    it)."""

    order_id: int
    shown: str


@dataclass(frozen=True)
class StockQuery:
    """The inventory summaries' query, parsed by the route: one option (``vendor_item_id``) or
    every stocked option after the id ``after`` (the ``nextToken``)."""

    vendor_item_id: int | None
    after: int | None


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
    """The Rocket Growth backend over the store, the sandbox clock and the settings."""

    store: Store
    clock: SandboxClock
    settings: SandboxSettings
    #: The other groups this one reaches (see :mod:`coupang_sandbox.backends.effects`).
    effects: Effects

    def _now(self) -> datetime:
        return self.clock.now().astimezone(UTC)

    # -- the seller's reads ----------------------------------------------------------------

    def list_orders(self, vendor_id: str, window: PaidWindow) -> tuple[list[RgOrder], str]:
        """One page of the orders paid in the window, and the next page's token (``""``)."""
        with self.store.engine.connect() as conn:
            rows, more = db.orders_page(
                conn,
                vendor_id,
                paid_from_us=to_us(window.start),
                paid_before_us=to_us(window.before),
                after_id=window.after,
                limit=max(1, self.settings.rg_page_size),
            )
            items = db.items_of(conn, [int(row["order_id"]) for row in rows])
        data = [RgOrder(row, items[int(row["order_id"])]) for row in rows]
        return data, str(rows[-1]["order_id"]) if more and rows else ""

    def get_order(self, vendor_id: str, ref: OrderRef) -> RgOrder:
        """One of the vendor's orders (404 quoting the id as sent)."""
        with self.store.engine.connect() as conn:
            row = db.get_order(conn, vendor_id, ref.order_id)
            if row is None:
                raise NotFound(f"Rocket Growth order {ref.shown} not found for vendor {vendor_id}")
            items = db.items_of(conn, [int(row["order_id"])])[int(row["order_id"])]
        return RgOrder(row, items)

    def inventory(self, vendor_id: str, query: StockQuery) -> tuple[list[Stock], str]:
        """One page of the warehouse stock, and the next page's token (``""``)."""
        only = query.vendor_item_id
        now = self._now()
        with self.store.engine.connect() as conn:
            rows, more = db.stock_page(
                conn,
                vendor_id,
                vendor_item_id=only,
                after_id=None if only is not None else query.after,
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
            self.effects.reviews_due(conn, vendor_id)
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

    def _take(
        self, conn: Connection, vendor_id: str, lines: list[tuple[int, int]]
    ) -> list[tuple[RowMapping, int, int]]:
        """Each line's listed item, units and warehouse stock (400 when the stock is short)."""
        picked: list[tuple[RowMapping, int, int]] = []
        for index, (vid, qty) in enumerate(lines):
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
        return picked

    def place(self, order: OrderInput) -> RgOrder:
        """A paid order taking its units from the warehouse stock (refused when short)."""
        vendor_id = order.vendor_id
        now = self._now()
        paid = now if order.paid_at is None else order.paid_at
        with self.store.engine.begin() as conn:
            self.effects.reviews_due(conn, vendor_id)
            picked = self._take(conn, vendor_id, order.lines)
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
