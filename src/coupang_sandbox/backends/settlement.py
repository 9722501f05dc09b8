"""Settlement (정산): revenue history and settlement histories, derived from what the sandbox
delivered, cancelled and returned, on the sandbox clock.

Revenue lines (``GET .../v1/revenue-history``), ordered by recognition instant:

* ``SALE``: one line per delivered shipment box. Recognised (매출인식일) ``revenue_recognition_days``
  (default 7) after the FINAL_DELIVERY scan (or the long-undelivered completion); a DIRECT box
  (NONE_TRACKING, no scan) that many days after its invoice upload. Items: the box's order items
  with ``shipping_count - cancel_count`` units (ACCEPT-stage cancels and stop-shipments never
  shipped, so they are not there); a box whose items were all cancelled never ships.
* ``REFUND``: one line per return that reached RETURNS_COMPLETED, recognised at completion
  but never before the sale it refunds (a return completed within the days before its box's
  sale is recognised comes right after that SALE line, on the same day), with the returned
  quantities. Item amounts are unsigned (as Coupang sends them; ``saleType``
  says it is a refund) while ``deliveryFee`` carries a sign: the return shipping the seller
  pays (fault VENDOR: the product's ``returnCharge``, plus ``deliveryChargeOnReturn`` when the
  first delivery was free) is a negative amount. When the customer pays (fault CUSTOMER) the
  charge comes off the customer's refund and the line shows no shipping.

Amounts per item (whole won, rounded half away from zero):

* ``salePrice`` = unit price x quantity; ``coupangDiscountCoupon`` = 0 (no Coupang-funded
  coupons here); ``saleAmount`` = salePrice - coupangDiscountCoupon;
* ``sellerDiscountCoupon`` / ``downloadableCoupon``: the order item's ``doc``
  ``instantCouponDiscount`` / ``downloadableCouponDiscount`` (won for the whole line, absent =
  0), pro rata of the quantity; they are the seller's and are deducted at payment;
* ``serviceFee`` = saleAmount x the vendor's commission rate (``serviceFeeRatio``, % VAT
  excluded, default 10.8, settable per vendor), ``serviceFeeVat`` = 10 % of it,
  ``settlementAmount`` = saleAmount - serviceFee - serviceFeeVat;
* shipping: ``deliveryFee.amount`` = base + remote-area fee of the box, commission 3 %
  (``feeRatio``, the documented sample's) plus 10 % VAT.

Payment dates from the vendor's cycle (``PUT /_sandbox/vendors/{vendorId}/settlement``):

* MONTHLY (default): ``settlementDate`` = the 15th of the month after recognition, 100 %;
* WEEKLY: weeks run Monday to Sunday (cut at month ends); 70 % of the week's target is paid
  on the Sunday + 15 days, the 30 % reserve (``lastAmount``) on the 1st day of the second
  month after recognition (``finalSettlementDate``, the RESERVE row).

Settlement histories (``GET .../v1/settlement-histories?revenueRecognitionYearMonth=yyyy-MM``)
group the month's recognised lines per payment: ``totalSale`` = sales + shipping - refunds,
``serviceFee`` = commission with VAT, ``settlementTargetAmount`` = totalSale - serviceFee,
``settlementAmount`` = the part paid on that date, ``deductionAmount`` = return shipping
charged to the seller, ``finalAmount`` = settlementAmount + pendingReleasedAmount -
(deductionAmount + sellerDiscountCoupon + downloadableCoupon); ``status`` DONE once the payment
date has passed on the sandbox clock, SUBJECT before. A RESERVE row repeats the month's weekly
totals and pays their ``lastAmount``.

The reads are keyset pages over indexed columns (see :mod:`coupang_sandbox.store.settlement`):
a page costs ``maxPerPage`` rows per source, whatever the size of the store.

Layers: :mod:`coupang_sandbox.routes.settlement` parses the query into :class:`RevenueQuery` /
:class:`HistoriesQuery` (the refusals come from :mod:`coupang_seller.preflight.settlement`);
this backend reads :mod:`coupang_sandbox.store.settlement` and returns :class:`RevenuePage` and
:class:`HistoryRow` values; :mod:`coupang_sandbox.views.settlement` renders them as Coupang's
JSON and the route wraps that in the provider's envelope.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any, Final

from sqlalchemy import Connection
from sqlalchemy.engine import RowMapping

from coupang_sandbox.backends._settlement_amounts import (
    DELIVERY_FEE_RATIO,
    MONTHLY_PAY_DAY,
    VAT,
    WEEKLY_PAY_AFTER_DAYS,
    WEEKLY_SHARE,
    DeliveryFee,
    HistoryRow,
    ItemAmounts,
    Key,
    RevenueItem,
    RevenueLine,
    Totals,
    delivery_fee,
    item_amounts,
    payment_dates,
    summarise,
    week_bounds,
)
from coupang_sandbox.clock import SandboxClock, from_us, to_us
from coupang_sandbox.errors import NotFound
from coupang_sandbox.settings import SandboxSettings
from coupang_sandbox.state import orders as order_st
from coupang_sandbox.state import returns as return_st
from coupang_sandbox.store import Store
from coupang_sandbox.store import orders as order_store
from coupang_sandbox.store import settlement as store
from coupang_seller._constants import KST

__all__ = [
    "DELIVERY_FEE_RATIO",
    "MONTHLY_PAY_DAY",
    "VAT",
    "WEEKLY_PAY_AFTER_DAYS",
    "WEEKLY_SHARE",
    "DeliveryFee",
    "HistoriesQuery",
    "HistoryRow",
    "ItemAmounts",
    "Key",
    "RevenueItem",
    "RevenueLine",
    "RevenuePage",
    "RevenueQuery",
    "Settlement",
    "Terms",
    "TermsUpdate",
    "Totals",
    "delivery_fee",
    "item_amounts",
    "payment_dates",
    "summarise",
    "week_bounds",
]

#: A stop-shipment answered "stopped" is in the items' cancel_count already.
STOPPED: Final = "처리(출고중지)"

SALE_TRACKED, SALE_DIRECT, REFUND = 0, 1, 2


def _kst_start(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=KST)


def _kst_day(us: int) -> date:
    return from_us(us).astimezone(KST).date()


# -- typed arguments (built by the routes) ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class RevenueQuery:
    """One revenue-history page: recognition days ``[start, end]`` (KST, both inclusive), after
    ``cursor`` (the decoded ``token``; ``None`` on the first page), ``size`` lines at most."""

    vendor_id: str
    start: date
    end: date
    cursor: Key | None
    size: int


@dataclass(frozen=True, slots=True)
class HistoriesQuery:
    """The settlement histories of the recognition month ``year``-``month``."""

    vendor_id: str
    year: int
    month: int


@dataclass(frozen=True, slots=True)
class TermsUpdate:
    """New settlement terms: the cycle, and the commission in % (``None``: kept as is)."""

    cycle: str
    commission_rate: float | None


# -- domain rows (rendered by coupang_sandbox.views.settlement) --------------------------------


@dataclass(frozen=True, slots=True)
class Terms:
    """A vendor's settlement terms: cycle and commission in hundredths of a percent."""

    cycle: str
    commission_bp: int

    @property
    def rate(self) -> Decimal:
        """The commission in % (VAT excluded), e.g. ``10.8``."""
        return Decimal(self.commission_bp) / 100


@dataclass(frozen=True, slots=True)
class RevenuePage:
    """The lines of one page; ``next_key`` is where the next page starts (``None``: last)."""

    lines: list[RevenueLine]
    next_key: Key | None


# -- the rules of the derivation --------------------------------------------------------------


def _item(item: RowMapping, quantity: int, rate: Decimal) -> RevenueItem:
    """``quantity`` units of the order item ``item`` as a revenue item."""
    doc = item["doc"] or {}
    return RevenueItem(
        tax_type=doc.get("taxType") or "TAX",
        product_id=item["product_id"],
        product_name=doc.get("sellerProductName"),
        vendor_item_id=int(item["vendor_item_id"]),
        vendor_item_name=doc.get("vendorItemName"),
        amounts=item_amounts(
            int(item["sales_price"]), quantity, int(item["shipping_count"]), doc, rate
        ),
        external_sku=doc.get("externalVendorSkuCode"),
    )


def _sale_items(items: Sequence[RowMapping], terms: Terms) -> tuple[RevenueItem, ...]:
    """The units a box shipped: ordered minus cancelled, items with none left out."""
    found = []
    for item in items:
        quantity = int(item["shipping_count"]) - int(item["cancel_count"])
        if quantity > 0:
            found.append(_item(item, quantity, terms.rate))
    return tuple(found)


# -- the revenue lines of the stores --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Entry:
    key: Key
    row: RowMapping


@dataclass(frozen=True, slots=True)
class _RefundContext:
    """What the refund lines of one page read in bulk."""

    boxes: Mapping[int, RowMapping]
    items: Mapping[int, Sequence[RowMapping]]
    details: Mapping[int, RowMapping]
    docs: Mapping[int, Mapping[str, Any]]


def _refund(
    receipt: RowMapping, context: _RefundContext, terms: Terms
) -> tuple[tuple[RevenueItem, ...], DeliveryFee]:
    """The returned units of a completed return, and the return shipping the seller pays."""
    wanted = {int(i["vendorItemId"]): int(i["count"]) for i in receipt["items"] or []}
    found = []
    product_doc: Mapping[str, Any] = {}
    for item in context.items.get(int(receipt["shipment_box_id"]), []):
        count = wanted.pop(int(item["vendor_item_id"]), 0)
        if count <= 0:
            continue
        product_doc = product_doc or context.docs.get(int(item["seller_product_id"]), {})
        found.append(_item(item, count, terms.rate))
    detail = context.details.get(int(receipt["receipt_id"]))
    box = context.boxes.get(int(receipt["shipment_box_id"]))
    seller_pays = 0
    if detail is not None and detail["fault_by_type"] != "CUSTOMER":
        seller_pays = int(product_doc.get("returnCharge") or 0)
        if box is not None and int(box["shipping_price"]) == 0:
            seller_pays += int(product_doc.get("deliveryChargeOnReturn") or 0)
    return tuple(found), delivery_fee(-seller_pays, 0)


class Settlement:
    """The settlement backend: terms per vendor, and the revenue derived from the order and
    return stores on the sandbox clock."""

    def __init__(self, store: Store, clock: SandboxClock, settings: SandboxSettings) -> None:
        """The backend on the sandbox's store, clock and settings."""
        self.store = store
        self.clock = clock
        self.settings = settings

    # -- terms ---------------------------------------------------------------------------

    def _terms(self, conn: Connection, vendor_id: str) -> Terms:
        row = store.terms_get(conn, vendor_id)
        if row is None:
            return Terms(
                self.settings.default_settlement_cycle,
                round(self.settings.default_commission_rate * 100),
            )
        return Terms(str(row["cycle"]), int(row["commission_bp"]))

    def require_vendor(self, vendor_id: str) -> None:
        """:class:`NotFound` unless ``vendor_id`` is a vendor of the store."""
        if self.store.vendor_by_id(vendor_id) is None:
            raise NotFound(f"vendor {vendor_id} does not exist")

    def terms(self, vendor_id: str) -> Terms:
        """The terms in force for ``vendor_id`` (the settings' defaults until set)."""
        self.require_vendor(vendor_id)
        with self.store.engine.connect() as conn:
            return self._terms(conn, vendor_id)

    def set_terms(self, vendor_id: str, update: TermsUpdate) -> Terms:
        """Store new terms (the commission kept when ``update`` leaves it out)."""
        self.require_vendor(vendor_id)
        rate = update.commission_rate
        with self.store.engine.begin() as conn:
            current = self._terms(conn, vendor_id)
            bp = current.commission_bp if rate is None else round(rate * 100)
            values = {"cycle": update.cycle, "commission_bp": bp,
                      "updated_at_us": to_us(self.clock.now())}  # fmt: skip
            store.terms_put(conn, vendor_id, values)
            return self._terms(conn, vendor_id)

    # -- the recognised lines -------------------------------------------------------------

    def _entries(
        self,
        conn: Connection,
        vendor_id: str,
        *,
        from_us: int,
        before_us: int,
        cursor: Key | None,
        limit: int | None,
    ) -> tuple[list[_Entry], bool]:
        """Lines recognised in ``[from, before)`` after ``cursor``, by (instant, source, id)."""
        delay = int(self.settings.revenue_recognition_days) * 86_400_000_000
        fetch = None if limit is None else limit + 1
        shifted = None if cursor is None else (cursor[0] - delay, cursor[1], cursor[2])
        found: list[_Entry] = []
        for box in store.delivered_boxes(
            conn, vendor_id, from_us=from_us - delay, before_us=before_us - delay,
            rank=SALE_TRACKED, cursor=shifted, limit=fetch,
        ):  # fmt: skip
            key = (int(box["delivered_at_us"]) + delay, SALE_TRACKED, int(box["shipment_box_id"]))
            found.append(_Entry(key, box))
        for box in store.untracked_boxes(
            conn, vendor_id, status=order_st.NONE_TRACKING, from_us=from_us - delay,
            before_us=before_us - delay, rank=SALE_DIRECT, cursor=shifted, limit=fetch,
        ):  # fmt: skip
            key = (
                int(box["invoice_uploaded_at_us"]) + delay,
                SALE_DIRECT,
                int(box["shipment_box_id"]),
            )
            found.append(_Entry(key, box))
        for instant, receipt in store.completed_returns(
            conn, vendor_id, status=return_st.RETURNS_COMPLETED, skip_release_stop=STOPPED,
            untracked=order_st.NONE_TRACKING, delay_us=delay, from_us=from_us,
            before_us=before_us, rank=REFUND, cursor=cursor, limit=fetch,
        ):  # fmt: skip
            key = (instant, REFUND, int(receipt["receipt_id"]))
            found.append(_Entry(key, receipt))
        found.sort(key=lambda e: e.key)
        if limit is None:
            return found, False
        return found[:limit], len(found) > limit

    def _lines(
        self, conn: Connection, entries: Sequence[_Entry], terms: Terms
    ) -> list[RevenueLine]:
        """The revenue lines of ``entries``, with what they need read in a few bulk queries."""
        refunds = [e for e in entries if e.key[1] == REFUND]
        box_ids = sorted({int(e.row["shipment_box_id"]) for e in entries})
        items = order_store.items_of_boxes(conn, box_ids)
        context = _RefundContext(
            boxes=store.boxes_by_ids(conn, [int(e.row["shipment_box_id"]) for e in refunds]),
            items=items,
            details=store.return_details(conn, [int(e.row["receipt_id"]) for e in refunds]),
            docs=store.product_docs(
                conn,
                [int(i["seller_product_id"]) for e in refunds
                 for i in items[int(e.row["shipment_box_id"])]],
            ),
        )  # fmt: skip
        out = []
        for entry in entries:
            recognised = _kst_day(entry.key[0])
            paid, final = payment_dates(recognised, terms.cycle)
            if entry.key[1] == REFUND:
                box = context.boxes.get(int(entry.row["shipment_box_id"]))
                lines, fee = _refund(entry.row, context, terms)
                sale_type = "REFUND"
            else:
                box = entry.row
                lines = _sale_items(items[int(box["shipment_box_id"])], terms)
                fee = delivery_fee(int(box["shipping_price"]), int(box["remote_price"] or 0))
                sale_type = "SALE"
            out.append(
                RevenueLine(
                    key=entry.key,
                    order_id=int(entry.row["order_id"]),
                    sale_type=sale_type,
                    sale_date=None if box is None else _kst_day(int(box["paid_at_us"])),
                    recognition_date=recognised,
                    settlement_date=paid,
                    final_settlement_date=final,
                    delivery_fee=fee,
                    items=lines,
                )
            )
        return out

    # -- revenue history ------------------------------------------------------------------

    def revenue_history(self, query: RevenueQuery) -> RevenuePage:
        """One page of the revenue history: lines recognised on ``query``'s days (never after
        the sandbox's now), after its cursor."""
        now_us = to_us(self.clock.now())
        from_us = to_us(_kst_start(query.start))
        before_us = min(to_us(_kst_start(query.end + timedelta(days=1))), now_us + 1)
        with self.store.engine.connect() as conn:
            terms = self._terms(conn, query.vendor_id)
            entries, more = self._entries(
                conn, query.vendor_id, from_us=from_us, before_us=before_us,
                cursor=query.cursor, limit=query.size,
            )  # fmt: skip
            lines = self._lines(conn, entries, terms)
        return RevenuePage(lines, entries[-1].key if more and entries else None)

    # -- settlement histories -------------------------------------------------------------

    def settlement_histories(self, query: HistoriesQuery) -> list[HistoryRow]:
        """The payments of the recognition month: one per week and the reserve (WEEKLY), or
        one (MONTHLY); none for a month without revenue."""
        today = self.clock.now().astimezone(KST).date()
        first = date(query.year, query.month, 1)
        last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
        now_us = to_us(self.clock.now())
        with self.store.engine.connect() as conn:
            terms = self._terms(conn, query.vendor_id)
            entries, _ = self._entries(
                conn, query.vendor_id, from_us=to_us(_kst_start(first)),
                before_us=min(to_us(_kst_start(last + timedelta(days=1))), now_us + 1),
                cursor=None, limit=None,
            )  # fmt: skip
            lines = self._lines(conn, entries, terms)
        return summarise(lines, terms.cycle, first, last, today)
