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
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Final

from sqlalchemy import Connection
from sqlalchemy.engine import RowMapping

from coupang_sandbox.clock import SandboxClock, from_us, to_us
from coupang_sandbox.errors import NotFound, ValidationFailed
from coupang_sandbox.settings import SandboxSettings
from coupang_sandbox.state import order as order_st
from coupang_sandbox.state import returns as return_st
from coupang_sandbox.store import Store
from coupang_sandbox.store import orders as odb
from coupang_sandbox.store import settlement as db
from coupang_seller._constants import KST
from coupang_seller.preflight import Violation
from coupang_seller.preflight import settlement as rules

#: Commission on the shipping fee (%, VAT excluded): the documented sample's ``feeRatio``.
DELIVERY_FEE_RATIO: Final = Decimal(3)
VAT: Final = Decimal("0.1")
WEEKLY_SHARE: Final = Decimal("0.7")
MONTHLY_PAY_DAY: Final = 15
WEEKLY_PAY_AFTER_DAYS: Final = 15
#: A stop-shipment answered "stopped" is in the items' cancel_count already.
STOPPED: Final = "처리(출고중지)"
MASKED: Final = "MASKED"

SALE_TRACKED, SALE_DIRECT, REFUND = 0, 1, 2
_TOKEN_RE = re.compile(r"^(-?\d{1,19})_([0-2])_(\d{1,19})$")

Key = tuple[int, int, int]


def _round(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _kst_start(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=KST)


def _kst_day(us: int) -> date:
    return from_us(us).astimezone(KST).date()


def _month_after(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True, slots=True)
class Terms:
    cycle: str
    commission_bp: int

    @property
    def rate(self) -> Decimal:
        return Decimal(self.commission_bp) / 100

    def as_dict(self, vendor_id: str) -> dict[str, Any]:
        return {
            "vendorId": vendor_id,
            "cycle": self.cycle,
            "commissionRate": float(self.rate),
        }


def week_bounds(day: date) -> tuple[date, date]:
    """The settlement week of ``day``: Monday to Sunday, cut at the month's ends."""
    monday = day - timedelta(days=day.weekday())
    sunday = monday + timedelta(days=6)
    first = day.replace(day=1)
    last = day.replace(day=calendar.monthrange(day.year, day.month)[1])
    return max(monday, first), min(sunday, last)


def payment_dates(recognised: date, cycle: str) -> tuple[date, date]:
    """``(settlementDate, finalSettlementDate)`` of a line recognised on ``recognised``."""
    if cycle == "WEEKLY":
        sunday = recognised + timedelta(days=6 - recognised.weekday())
        return sunday + timedelta(days=WEEKLY_PAY_AFTER_DAYS), _month_after(recognised, 2)
    paid = _month_after(recognised, 1).replace(day=MONTHLY_PAY_DAY)
    return paid, paid


def encode_token(key: Key) -> str:
    return f"{key[0]}_{key[1]}_{key[2]}"


def decode_token(text: str | None) -> tuple[Key | None, list[Violation]]:
    if text is None or not text.strip():
        return None, []
    match = _TOKEN_RE.match(text.strip())
    if match is None:
        return None, [
            Violation("token", "format", f"token {text!r} is not a nextToken this API gave")
        ]
    return (int(match[1]), int(match[2]), int(match[3])), []


def _fee_parts(amount: int, ratio: Decimal) -> tuple[int, int]:
    fee = _round(Decimal(amount) * ratio / 100)
    return fee, _round(Decimal(fee) * VAT)


def delivery_fee(base: int, remote: int) -> dict[str, Any]:
    base_fee, base_vat = _fee_parts(base, DELIVERY_FEE_RATIO)
    remote_fee, remote_vat = _fee_parts(remote, DELIVERY_FEE_RATIO)
    amount = base + remote
    fee, vat = base_fee + remote_fee, base_vat + remote_vat
    return {
        "amount": amount,
        "fee": fee,
        "feeVat": vat,
        "feeRatio": int(DELIVERY_FEE_RATIO),
        "settlementAmount": amount - fee - vat,
        "baseAmount": base,
        "baseFee": base_fee,
        "baseFeeVat": base_vat,
        "remoteAmount": remote,
        "remoteFee": remote_fee,
        "remoteFeeVat": remote_vat,
    }


def item_amounts(
    unit_price: int,
    quantity: int,
    ordered: int,
    doc: Mapping[str, Any],
    rate: Decimal,
) -> dict[str, Any]:
    """The amounts of ``quantity`` units out of an order line of ``ordered`` units."""
    sale_price = unit_price * quantity
    share = Decimal(quantity) / Decimal(max(ordered, 1))
    instant = _round(Decimal(int(doc.get("instantCouponDiscount") or 0)) * share)
    downloadable = _round(Decimal(int(doc.get("downloadableCouponDiscount") or 0)) * share)
    coupang = 0
    sale_amount = sale_price - coupang
    fee, vat = _fee_parts(sale_amount, rate)
    ratio = float(rate)
    return {
        "salePrice": sale_price,
        "quantity": quantity,
        "coupangDiscountCoupon": coupang,
        # The field table's spelling of the same amount, sent for clients that read it.
        "couapngDiscountCoupon": coupang,
        "discountCouponPolicyAgreement": True,
        "saleAmount": sale_amount,
        "sellerDiscountCoupon": instant,
        "downloadableCoupon": downloadable,
        "serviceFee": fee,
        "serviceFeeVat": vat,
        "serviceFeeRatio": int(ratio) if ratio.is_integer() else ratio,
        "settlementAmount": sale_amount - fee - vat,
        "couranteeFeeRatio": 0,
        "couranteeFee": 0,
        "couranteeFeeVat": 0,
    }


@dataclass(frozen=True, slots=True)
class _Entry:
    key: Key
    row: RowMapping


class Settlement:
    def __init__(self, store: Store, clock: SandboxClock, settings: SandboxSettings) -> None:
        self.store = store
        self.clock = clock
        self.settings = settings

    # -- terms ---------------------------------------------------------------------------

    def _terms(self, conn: Connection, vendor_id: str) -> Terms:
        row = db.terms_get(conn, vendor_id)
        if row is None:
            return Terms(
                self.settings.default_settlement_cycle,
                round(self.settings.default_commission_rate * 100),
            )
        return Terms(str(row["cycle"]), int(row["commission_bp"]))

    def _vendor_or_404(self, vendor_id: str) -> None:
        if self.store.vendor_by_id(vendor_id) is None:
            raise NotFound(f"vendor {vendor_id} does not exist")

    def terms(self, vendor_id: str) -> dict[str, Any]:
        self._vendor_or_404(vendor_id)
        with self.store.engine.connect() as conn:
            return self._terms(conn, vendor_id).as_dict(vendor_id)

    def set_terms(self, vendor_id: str, body: Mapping[str, Any]) -> dict[str, Any]:
        self._vendor_or_404(vendor_id)
        found = rules.check_cycle(body.get("cycle"))
        rate = body.get("commissionRate")
        if rate is not None:
            found += rules.check_commission_rate(rate)
        if found:
            raise ValidationFailed(found)
        with self.store.engine.begin() as conn:
            current = self._terms(conn, vendor_id)
            bp = current.commission_bp if rate is None else round(float(rate) * 100)
            db.terms_put(
                conn,
                vendor_id,
                {
                    "cycle": str(body["cycle"]),
                    "commission_bp": bp,
                    "updated_at_us": to_us(self.clock.now()),
                },
            )
            return self._terms(conn, vendor_id).as_dict(vendor_id)

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
        for box in db.delivered_boxes(
            conn, vendor_id, from_us=from_us - delay, before_us=before_us - delay,
            rank=SALE_TRACKED, cursor=shifted, limit=fetch,
        ):  # fmt: skip
            key = (int(box["delivered_at_us"]) + delay, SALE_TRACKED, int(box["shipment_box_id"]))
            found.append(_Entry(key, box))
        for box in db.untracked_boxes(
            conn, vendor_id, status=order_st.NONE_TRACKING, from_us=from_us - delay,
            before_us=before_us - delay, rank=SALE_DIRECT, cursor=shifted, limit=fetch,
        ):  # fmt: skip
            key = (
                int(box["invoice_uploaded_at_us"]) + delay,
                SALE_DIRECT,
                int(box["shipment_box_id"]),
            )
            found.append(_Entry(key, box))
        for instant, receipt in db.completed_returns(
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

    def _render(
        self, conn: Connection, entries: Sequence[_Entry], terms: Terms
    ) -> list[dict[str, Any]]:
        refunds = [e for e in entries if e.key[1] == REFUND]
        box_ids = [int(e.row["shipment_box_id"]) for e in entries]
        boxes = db.boxes_by_ids(conn, [int(e.row["shipment_box_id"]) for e in refunds])
        items = odb.items_of_boxes(conn, sorted(set(box_ids)))
        details = db.return_details(conn, [int(e.row["receipt_id"]) for e in refunds])
        product_ids = [
            int(i["seller_product_id"])
            for e in refunds
            for i in items[int(e.row["shipment_box_id"])]
        ]
        docs = db.product_docs(conn, product_ids)
        out = []
        for entry in entries:
            recognised = _kst_day(entry.key[0])
            paid, final = payment_dates(recognised, terms.cycle)
            if entry.key[1] == REFUND:
                box = boxes.get(int(entry.row["shipment_box_id"]))
                lines, fee = self._refund_lines(
                    entry.row, box=box, items=items, details=details, docs=docs, terms=terms
                )
                sale_type = "REFUND"
            else:
                box = entry.row
                lines = self._sale_lines(items[int(box["shipment_box_id"])], terms)
                fee = delivery_fee(int(box["shipping_price"]), int(box["remote_price"] or 0))
                sale_type = "SALE"
            out.append(
                {
                    "orderId": int(entry.row["order_id"]),
                    "saleType": sale_type,
                    "saleDate": None
                    if box is None
                    else _kst_day(int(box["paid_at_us"])).isoformat(),
                    "recognitionDate": recognised.isoformat(),
                    "settlementDate": paid.isoformat(),
                    "finalSettlementDate": final.isoformat(),
                    "deliveryFee": fee,
                    "items": lines,
                }
            )
        return out

    @staticmethod
    def _describe(item: RowMapping) -> dict[str, Any]:
        doc = item["doc"] or {}
        return {
            "taxType": doc.get("taxType") or "TAX",
            "productId": item["product_id"],
            "productName": doc.get("sellerProductName"),
            "vendorItemId": int(item["vendor_item_id"]),
            "vendorItemName": doc.get("vendorItemName"),
        }

    def _sale_lines(self, items: Sequence[RowMapping], terms: Terms) -> list[dict[str, Any]]:
        lines = []
        for item in items:
            quantity = int(item["shipping_count"]) - int(item["cancel_count"])
            if quantity <= 0:
                continue
            doc = item["doc"] or {}
            lines.append(
                {
                    **self._describe(item),
                    **item_amounts(
                        int(item["sales_price"]), quantity, int(item["shipping_count"]), doc,
                        terms.rate,
                    ),
                    "externalSellerSkuCode": doc.get("externalVendorSkuCode"),
                }
            )  # fmt: skip
        return lines

    def _refund_lines(
        self,
        receipt: RowMapping,
        *,
        box: RowMapping | None,
        items: Mapping[int, Sequence[RowMapping]],
        details: Mapping[int, RowMapping],
        docs: Mapping[int, Mapping[str, Any]],
        terms: Terms,
    ) -> tuple[list[dict[str, Any]], dict[str, Any]]:
        wanted = {int(i["vendorItemId"]): int(i["count"]) for i in receipt["items"] or []}
        lines = []
        product_doc: Mapping[str, Any] = {}
        for item in items.get(int(receipt["shipment_box_id"]), []):
            count = wanted.pop(int(item["vendor_item_id"]), 0)
            if count <= 0:
                continue
            doc = item["doc"] or {}
            product_doc = product_doc or docs.get(int(item["seller_product_id"]), {})
            lines.append(
                {
                    **self._describe(item),
                    **item_amounts(
                        int(item["sales_price"]), count, int(item["shipping_count"]), doc,
                        terms.rate,
                    ),
                    "externalSellerSkuCode": doc.get("externalVendorSkuCode"),
                }
            )  # fmt: skip
        detail = details.get(int(receipt["receipt_id"]))
        seller_pays = 0
        if detail is not None and detail["fault_by_type"] != "CUSTOMER":
            seller_pays = int(product_doc.get("returnCharge") or 0)
            if box is not None and int(box["shipping_price"]) == 0:
                seller_pays += int(product_doc.get("deliveryChargeOnReturn") or 0)
        return lines, delivery_fee(-seller_pays, 0)

    # -- revenue history ------------------------------------------------------------------

    def revenue_history(
        self, vendor_id: str, query: Mapping[str, str | None], *, vendor_in_query: bool
    ) -> dict[str, Any]:
        found: list[Violation] = []
        if vendor_in_query or query.get("vendorId") is not None:
            found += rules.check_vendor(query.get("vendorId"))
        start, bad = rules.parse_day(query.get("recognitionDateFrom"), "recognitionDateFrom")
        found += bad
        end, bad = rules.parse_day(query.get("recognitionDateTo"), "recognitionDateTo")
        found += bad
        if start is not None and end is not None:
            found += rules.check_window(start, end)
        size_text = query.get("maxPerPage")
        found += rules.check_max_per_page(size_text)
        cursor, bad = decode_token(query.get("token"))
        found += bad
        if found or start is None or end is None:
            raise ValidationFailed(found)
        size = (
            int(size_text)
            if size_text is not None and size_text.strip()
            else rules.DEFAULT_MAX_PER_PAGE
        )
        now_us = to_us(self.clock.now())
        from_us = to_us(_kst_start(start))
        before_us = min(to_us(_kst_start(end + timedelta(days=1))), now_us + 1)
        with self.store.engine.connect() as conn:
            terms = self._terms(conn, vendor_id)
            entries, more = self._entries(
                conn, vendor_id, from_us=from_us, before_us=before_us, cursor=cursor, limit=size
            )
            data = self._render(conn, entries, terms)
        return {
            "code": 200,
            "message": "OK",
            "data": data,
            "hasNext": more,
            "nextToken": encode_token(entries[-1].key) if more and entries else "",
        }

    # -- settlement histories -------------------------------------------------------------

    def settlement_histories(
        self, vendor_id: str, year_month_text: str | None
    ) -> list[dict[str, Any]]:
        year_month, found = rules.parse_year_month(year_month_text)
        today = self.clock.now().astimezone(KST).date()
        if year_month is not None:
            found += rules.check_year_month(year_month, today)
        if found or year_month is None:
            raise ValidationFailed(found)
        first = date(year_month[0], year_month[1], 1)
        last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
        now_us = to_us(self.clock.now())
        with self.store.engine.connect() as conn:
            terms = self._terms(conn, vendor_id)
            entries, _ = self._entries(
                conn, vendor_id, from_us=to_us(_kst_start(first)),
                before_us=min(to_us(_kst_start(last + timedelta(days=1))), now_us + 1),
                cursor=None, limit=None,
            )  # fmt: skip
            lines = self._render(conn, entries, terms)
        return summarise(lines, terms.cycle, first, last, today)


def _totals(lines: Sequence[Mapping[str, Any]]) -> dict[str, int]:
    sale = fee = instant = downloadable = deduction = 0
    for line in lines:
        sign = -1 if line["saleType"] == "REFUND" else 1
        for item in line["items"]:
            sale += sign * int(item["saleAmount"])
            fee += sign * (int(item["serviceFee"]) + int(item["serviceFeeVat"]))
            instant += sign * int(item["sellerDiscountCoupon"])
            downloadable += sign * int(item["downloadableCoupon"])
        shipping = line["deliveryFee"]
        if sign > 0:
            sale += int(shipping["amount"])
            fee += int(shipping["fee"]) + int(shipping["feeVat"])
        else:
            deduction -= int(shipping["settlementAmount"])
    return {
        "totalSale": sale,
        "serviceFee": fee,
        "settlementTargetAmount": sale - fee,
        "sellerDiscountCoupon": instant,
        "downloadableCoupon": downloadable,
        "deductionAmount": deduction,
    }


def _history_row(
    kind: str,
    paid: date,
    first: date,
    last: date,
    totals: Mapping[str, int],
    *,
    settlement_amount: int,
    last_amount: int,
    final_amount: int,
    today: date,
) -> dict[str, Any]:
    return {
        "settlementType": kind,
        "settlementDate": paid.isoformat(),
        "revenueRecognitionYearMonth": first.strftime("%Y-%m"),
        "revenueRecognitionDateFrom": first.isoformat(),
        "revenueRecognitionDateTo": last.isoformat(),
        "totalSale": totals["totalSale"],
        "serviceFee": totals["serviceFee"],
        "settlementTargetAmount": totals["settlementTargetAmount"],
        "settlementAmount": settlement_amount,
        "lastAmount": last_amount,
        "pendingReleasedAmount": 0,
        "sellerDiscountCoupon": totals["sellerDiscountCoupon"],
        "downloadableCoupon": totals["downloadableCoupon"],
        "dedicatedDeliveryAmount": 0,
        "sellerServiceFee": 0,
        "couranteeFee": 0,
        "couranteeCustomerReward": 0,
        "deductionAmount": totals["deductionAmount"],
        "debtOfLastWeek": 0,
        "finalAmount": final_amount,
        "bankAccountHolder": MASKED,
        "bankName": MASKED,
        "bankAccount": "100560****",
        "status": "DONE" if paid <= today else "SUBJECT",
        "storeFeeDiscount": 0,
    }


def _deducted(totals: Mapping[str, int]) -> int:
    return totals["deductionAmount"] + totals["sellerDiscountCoupon"] + totals["downloadableCoupon"]


def summarise(
    lines: Sequence[Mapping[str, Any]], cycle: str, first: date, last: date, today: date
) -> list[dict[str, Any]]:
    """The payments of one recognition month ``[first, last]`` (see the module doc)."""
    if not lines:
        return []
    if cycle != "WEEKLY":
        totals = _totals(lines)
        paid, _ = payment_dates(first, "MONTHLY")
        target = totals["settlementTargetAmount"]
        return [
            _history_row(
                "MONTHLY",
                paid,
                first,
                last,
                totals,
                settlement_amount=target,
                last_amount=0,
                final_amount=target - _deducted(totals),
                today=today,
            )
        ]
    weeks: dict[tuple[date, date], list[Mapping[str, Any]]] = {}
    for line in lines:
        weeks.setdefault(week_bounds(date.fromisoformat(line["recognitionDate"])), []).append(line)
    rows = []
    paid_sum = held_sum = 0
    for (start, end), part in sorted(weeks.items()):
        totals = _totals(part)
        target = totals["settlementTargetAmount"]
        now_paid = _round(Decimal(target) * WEEKLY_SHARE)
        paid_sum += now_paid
        held_sum += target - now_paid
        paid, _ = payment_dates(start, "WEEKLY")
        rows.append(
            _history_row(
                "WEEKLY", paid, start, end, totals, settlement_amount=now_paid,
                last_amount=target - now_paid, final_amount=now_paid - _deducted(totals),
                today=today,
            )
        )  # fmt: skip
    month = _totals(lines)
    reserve_day = _month_after(first, 2)
    rows.append(
        _history_row(
            "RESERVE",
            reserve_day,
            first,
            last,
            month,
            settlement_amount=paid_sum,
            last_amount=held_sum,
            final_amount=held_sum,
            today=today,
        )
    )
    return rows
