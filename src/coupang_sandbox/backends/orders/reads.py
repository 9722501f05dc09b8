"""The seller's reads of order sheets (발주서): the daily and time-frame lists, one sheet, the
sheets of an order and a box's delivery history; and the control API's view of an order.

Every read first applies what is due on the sandbox clock (courier scans, automatic return
pickups) and returns rows that :mod:`coupang_sandbox.views.orders` renders.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.engine import RowMapping

from coupang_sandbox.backends._ids import parse_id
from coupang_sandbox.backends.orders._base import OrdersBase
from coupang_sandbox.backends.orders._common import MSG_NO_ORDER, RETURNS_COMPLETED, Row, active
from coupang_sandbox.clock import from_us, to_us
from coupang_sandbox.errors import BadRequest
from coupang_sandbox.state import orders as st
from coupang_sandbox.store import orders as db
from coupang_seller._constants import KST


@dataclass(frozen=True, slots=True)
class DailyQuery:
    """The daily list: boxes in ``status`` paid from ``start`` to ``end`` (Korean days, both
    included), keyset-paged after the box ``after``, ``limit`` per page."""

    status: str
    start: date
    end: date
    after: int | None
    limit: int


@dataclass(frozen=True, slots=True)
class TimeFrameQuery:
    """The time-frame list (``searchType=timeFrame``): boxes in ``status`` paid from ``start``
    to ``end`` (the minute or second of ``end`` included), unpaged."""

    status: str
    start: datetime
    end: datetime


@dataclass(frozen=True, slots=True)
class SheetRow:
    """One order sheet: the order, its box and the box's items (``cancel_count`` counts the
    completed returns too), and whether the safe numbers have expired on the sandbox clock."""

    order: RowMapping
    box: RowMapping
    items: tuple[Mapping[str, Any], ...]
    safe_numbers_expired: bool


@dataclass(frozen=True, slots=True)
class SheetPage:
    """A page of the daily list and the token of the next one (``""`` on the last page)."""

    sheets: list[SheetRow]
    next_token: str


@dataclass(frozen=True, slots=True)
class BoxHistory:
    """A box's delivery-status history rows, newest first, ``OrderSheetStatus`` codes only."""

    shipment_box_id: int
    rows: list[RowMapping]


@dataclass(frozen=True, slots=True)
class OrderView:
    """Everything about an order, visible or not (the control API): its row, sheets and
    receipts (cancels, stop-shipment requests, returns)."""

    order: RowMapping
    sheets: list[SheetRow]
    receipts: list[RowMapping]


def completed_returns(conn: Connection, box_ids: Sequence[int]) -> dict[tuple[int, int], int]:
    """Quantities of completed returns (RETURNS_COMPLETED) per (shipmentBoxId, vendorItemId).

    Cancels and stop-shipments add to ``cancel_count`` when applied; a return is refunded on
    its completion, so the sheets show it as cancelled from then on (derived on read: the
    return backend never writes the order items). One query for a whole page of boxes.
    """
    found: dict[tuple[int, int], int] = {}
    completed = db.receipts_of_boxes(
        conn, box_ids, receipt_type="RETURN", receipt_status=RETURNS_COMPLETED
    )
    for receipt in completed:
        if receipt["release_stop_status"] == "처리(출고중지)":  # already in cancel_count
            continue
        for entry in receipt["items"]:
            key = (int(receipt["shipment_box_id"]), int(entry["vendorItemId"]))
            found[key] = found.get(key, 0) + int(entry["count"])
    return found


def with_returns(
    items: Sequence[Row], returned: Mapping[tuple[int, int], int]
) -> tuple[dict[str, Any], ...]:
    """Item rows with completed returns added to ``cancel_count`` (for presentation only)."""
    left = dict(returned)
    shown = []
    for item in items:
        row = dict(item)
        key = (int(item["shipment_box_id"]), int(item["vendor_item_id"]))
        take = min(left.get(key, 0), active(item))
        if take > 0:
            row["cancel_count"] = int(item["cancel_count"]) + take
            left[key] -= take
        shown.append(row)
    return tuple(shown)


class Reads(OrdersBase):
    """The seller's reads and the control API's order view."""

    def _sheets(self, conn: Connection, boxes: Sequence[RowMapping]) -> list[SheetRow]:
        if not boxes:
            return []
        ids = [int(b["shipment_box_id"]) for b in boxes]
        items = db.items_of_boxes(conn, ids)
        orders = db.orders_by_ids(conn, list({int(b["order_id"]) for b in boxes}))
        returned = completed_returns(conn, ids)
        now = self._now()
        ttl = timedelta(seconds=self.settings.safe_number_ttl_seconds)
        return [
            SheetRow(
                orders[int(b["order_id"])],
                b,
                with_returns(items[int(b["shipment_box_id"])], returned),
                b["delivered_at_us"] is not None
                and now >= from_us(int(b["delivered_at_us"])) + ttl,
            )
            for b in boxes
        ]

    def list_daily(self, vendor_id: str, query: DailyQuery) -> SheetPage:
        """A page of the vendor's visible sheets in ``query.status`` paid on those days."""
        begin = datetime(query.start.year, query.start.month, query.start.day, tzinfo=KST)
        stop = datetime(query.end.year, query.end.month, query.end.day, tzinfo=KST)
        with self.store.engine.begin() as conn:
            self._settle_reads(conn, vendor_id)
            boxes, more = db.boxes_page(
                conn,
                vendor_id,
                status=query.status,
                paid_from_us=to_us(begin),
                paid_to_us=to_us(stop + timedelta(days=1)),
                visible_by_us=to_us(self._now()),
                after_box_id=query.after,
                limit=query.limit,
            )
            sheets = self._sheets(conn, boxes)
        token = str(boxes[-1]["shipment_box_id"]) if more and boxes else ""
        return SheetPage(sheets, token)

    def list_time_frame(self, vendor_id: str, query: TimeFrameQuery) -> list[SheetRow]:
        """Every visible sheet of the vendor in ``query.status`` paid within the frame."""
        end = query.end
        with self.store.engine.begin() as conn:
            self._settle_reads(conn, vendor_id)
            boxes, _ = db.boxes_page(
                conn,
                vendor_id,
                status=query.status,
                paid_from_us=to_us(query.start),
                # The minute of createdAtTo is included.
                paid_to_us=to_us(end + timedelta(minutes=1))
                if end.second == 0
                else to_us(end + timedelta(seconds=1)),
                visible_by_us=to_us(self._now()),
                after_box_id=None,
                limit=None,
            )
            return self._sheets(conn, boxes)

    def _box_or_404(self, conn: Connection, vendor_id: str, id_text: object) -> RowMapping:
        box = self._visible_box(conn, vendor_id, parse_id(id_text))
        if box is None:
            raise BadRequest(
                f"shipmentBoxId ({id_text}) is not found. (no order sheet of vendor {vendor_id} "
                "with this id; new orders appear about 10 minutes after payment)"
            )
        return box

    def sheet(self, vendor_id: str, id_text: object) -> SheetRow:
        """The visible sheet of the box ``id_text`` (400 naming it when there is none)."""
        with self.store.engine.begin() as conn:
            self._settle_reads(conn, vendor_id)
            return self._sheets(conn, [self._box_or_404(conn, vendor_id, id_text)])[0]

    def sheets_of_order(self, vendor_id: str, id_text: object) -> list[SheetRow]:
        """Every sheet of the visible order ``id_text`` (400 when there is none)."""
        order_id = parse_id(id_text)
        with self.store.engine.begin() as conn:
            self._settle_reads(conn, vendor_id)
            order = None if order_id is None else db.order_get(conn, order_id, vendor_id)
            if order is None or int(order["visible_at_us"]) > to_us(self._now()):
                raise BadRequest(f"{MSG_NO_ORDER} (orderId {id_text} of vendor {vendor_id})")
            return self._sheets(conn, db.boxes_of_order(conn, int(order["order_id"])))

    def history(self, vendor_id: str, id_text: object) -> BoxHistory:
        """The box's delivery-status history, newest first, in ``OrderSheetStatus`` codes only.

        A cancel is not a delivery status (the box keeps the one it had, see
        :mod:`coupang_sandbox.state.orders`), so the sandbox's own ``CANCEL`` rows are left out.
        """
        with self.store.engine.begin() as conn:
            self._settle_reads(conn, vendor_id)
            box = self._box_or_404(conn, vendor_id, id_text)
            rows = db.history_of(conn, int(box["shipment_box_id"]))
        listable = [row for row in rows if row["status"] in st.LISTABLE]
        return BoxHistory(int(box["shipment_box_id"]), listable)

    def require_order(self, id_text: object) -> None:
        """404 unless the order ``id_text`` exists (visible or not): the control API asks this
        before refusing a broken body, so an unknown order is still 404 before 400."""
        with self.store.engine.begin() as conn:
            self._order_any(conn, id_text)

    def order_view(self, id_text: object) -> OrderView:
        """Everything about an order, visible or not (the control API)."""
        with self.store.engine.begin() as conn:
            self._settle_reads(conn, None)
            order = self._order_any(conn, id_text)
            order_id = int(order["order_id"])
            sheets = self._sheets(conn, db.boxes_of_order(conn, order_id))
            receipts = db.receipts_of_order(conn, order_id)
        return OrderView(order, sheets, receipts)
