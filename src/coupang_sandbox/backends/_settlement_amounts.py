"""The settlement arithmetic: the amounts of a revenue line (sale and delivery fee,
commission and VAT, coupons) and the payments of a recognition month (the weekly and monthly
cycles), with the rows they make. Pure functions, no database; see
:mod:`coupang_sandbox.backends.settlement` for the rules."""

from __future__ import annotations

import calendar
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Final

#: Commission on the shipping fee (%, VAT excluded): the documented sample's ``feeRatio``.
DELIVERY_FEE_RATIO: Final = Decimal(3)
VAT: Final = Decimal("0.1")
WEEKLY_SHARE: Final = Decimal("0.7")
MONTHLY_PAY_DAY: Final = 15
WEEKLY_PAY_AFTER_DAYS: Final = 15
#: A line's place in the revenue order: (recognition instant in us, source rank, id).
Key = tuple[int, int, int]


def round_won(value: Decimal) -> int:
    """``value`` rounded half up to whole won."""
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def month_after(day: date, months: int) -> date:
    """The first day of the month ``months`` after ``day``'s."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True, slots=True)
class DeliveryFee:
    """The shipping part of a revenue line (negative amounts: return shipping the seller pays)."""

    amount: int
    fee: int
    fee_vat: int
    fee_ratio: int
    settlement_amount: int
    base_amount: int
    base_fee: int
    base_fee_vat: int
    remote_amount: int
    remote_fee: int
    remote_fee_vat: int


@dataclass(frozen=True, slots=True)
class ItemAmounts:
    """The amounts of some units of one order line (whole won)."""

    sale_price: int
    quantity: int
    coupang_discount: int
    sale_amount: int
    seller_discount: int
    downloadable_discount: int
    service_fee: int
    service_fee_vat: int
    service_fee_ratio: Decimal
    settlement_amount: int


@dataclass(frozen=True, slots=True)
class RevenueItem:
    """One item of a revenue line: what was sold (or refunded) and its amounts."""

    tax_type: str
    product_id: int | None
    product_name: Any
    vendor_item_id: int
    vendor_item_name: Any
    amounts: ItemAmounts
    external_sku: Any


@dataclass(frozen=True, slots=True)
class RevenueLine:
    """One SALE or REFUND line of the revenue history."""

    key: Key
    order_id: int
    sale_type: str
    sale_date: date | None
    recognition_date: date
    settlement_date: date
    final_settlement_date: date
    delivery_fee: DeliveryFee
    items: tuple[RevenueItem, ...]


@dataclass(frozen=True, slots=True)
class Totals:
    """The sums of some revenue lines that a settlement-history row shows."""

    total_sale: int
    service_fee: int
    seller_discount: int
    downloadable_discount: int
    deduction: int

    @property
    def target(self) -> int:
        """``settlementTargetAmount``: total sale minus commission."""
        return self.total_sale - self.service_fee

    @property
    def deducted(self) -> int:
        """What ``finalAmount`` loses: return shipping and the seller's coupons."""
        return self.deduction + self.seller_discount + self.downloadable_discount


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One payment of a recognition period (settlement-histories row)."""

    kind: str
    settlement_date: date
    first: date
    last: date
    totals: Totals
    settlement_amount: int
    last_amount: int
    final_amount: int
    done: bool


# -- the rules of the derivation --------------------------------------------------------------


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
        return sunday + timedelta(days=WEEKLY_PAY_AFTER_DAYS), month_after(recognised, 2)
    paid = month_after(recognised, 1).replace(day=MONTHLY_PAY_DAY)
    return paid, paid


def _fee_parts(amount: int, ratio: Decimal) -> tuple[int, int]:
    fee = round_won(Decimal(amount) * ratio / 100)
    return fee, round_won(Decimal(fee) * VAT)


def delivery_fee(base: int, remote: int) -> DeliveryFee:
    """The shipping amounts of a box: base + remote-area fee, 3 % commission plus VAT."""
    base_fee, base_vat = _fee_parts(base, DELIVERY_FEE_RATIO)
    remote_fee, remote_vat = _fee_parts(remote, DELIVERY_FEE_RATIO)
    amount = base + remote
    fee, vat = base_fee + remote_fee, base_vat + remote_vat
    return DeliveryFee(
        amount=amount,
        fee=fee,
        fee_vat=vat,
        fee_ratio=int(DELIVERY_FEE_RATIO),
        settlement_amount=amount - fee - vat,
        base_amount=base,
        base_fee=base_fee,
        base_fee_vat=base_vat,
        remote_amount=remote,
        remote_fee=remote_fee,
        remote_fee_vat=remote_vat,
    )


def item_amounts(
    unit_price: int,
    quantity: int,
    ordered: int,
    doc: Mapping[str, Any],
    rate: Decimal,
) -> ItemAmounts:
    """The amounts of ``quantity`` units out of an order line of ``ordered`` units."""
    sale_price = unit_price * quantity
    share = Decimal(quantity) / Decimal(max(ordered, 1))
    instant = round_won(Decimal(int(doc.get("instantCouponDiscount") or 0)) * share)
    downloadable = round_won(Decimal(int(doc.get("downloadableCouponDiscount") or 0)) * share)
    coupang = 0
    sale_amount = sale_price - coupang
    fee, vat = _fee_parts(sale_amount, rate)
    return ItemAmounts(
        sale_price=sale_price,
        quantity=quantity,
        coupang_discount=coupang,
        sale_amount=sale_amount,
        seller_discount=instant,
        downloadable_discount=downloadable,
        service_fee=fee,
        service_fee_vat=vat,
        service_fee_ratio=rate,
        settlement_amount=sale_amount - fee - vat,
    )


def sum_lines(lines: Sequence[RevenueLine]) -> Totals:
    """The sums of ``lines`` (a REFUND line counts negative; its shipping is a deduction)."""
    sale = fee = instant = downloadable = deduction = 0
    for line in lines:
        sign = -1 if line.sale_type == "REFUND" else 1
        for item in line.items:
            amounts = item.amounts
            sale += sign * amounts.sale_amount
            fee += sign * (amounts.service_fee + amounts.service_fee_vat)
            instant += sign * amounts.seller_discount
            downloadable += sign * amounts.downloadable_discount
        shipping = line.delivery_fee
        if sign > 0:
            sale += shipping.amount
            fee += shipping.fee + shipping.fee_vat
        else:
            deduction -= shipping.settlement_amount
    return Totals(sale, fee, instant, downloadable, deduction)


def summarise(
    lines: Sequence[RevenueLine], cycle: str, first: date, last: date, today: date
) -> list[HistoryRow]:
    """The payments of one recognition month ``[first, last]`` (see the module doc)."""
    if not lines:
        return []
    if cycle != "WEEKLY":
        totals = sum_lines(lines)
        paid, _ = payment_dates(first, "MONTHLY")
        target = totals.target
        return [
            HistoryRow("MONTHLY", paid, first, last, totals, settlement_amount=target,
                       last_amount=0, final_amount=target - totals.deducted, done=paid <= today)
        ]  # fmt: skip
    weeks: dict[tuple[date, date], list[RevenueLine]] = {}
    for line in lines:
        weeks.setdefault(week_bounds(line.recognition_date), []).append(line)
    rows = []
    paid_sum = held_sum = 0
    for (start, end), part in sorted(weeks.items()):
        totals = sum_lines(part)
        target = totals.target
        now_paid = round_won(Decimal(target) * WEEKLY_SHARE)
        paid_sum += now_paid
        held_sum += target - now_paid
        paid, _ = payment_dates(start, "WEEKLY")
        rows.append(
            HistoryRow("WEEKLY", paid, start, end, totals, settlement_amount=now_paid,
                       last_amount=target - now_paid, final_amount=now_paid - totals.deducted,
                       done=paid <= today)
        )  # fmt: skip
    reserve_day = month_after(first, 2)
    rows.append(
        HistoryRow("RESERVE", reserve_day, first, last, sum_lines(lines),
                   settlement_amount=paid_sum, last_amount=held_sum, final_amount=held_sum,
                   done=reserve_day <= today)
    )  # fmt: skip
    return rows
