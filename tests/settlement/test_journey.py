"""Through HTTP: orders placed, delivered and returned on the sandbox show in the revenue history
(SALE and REFUND lines with commission) and the settlement histories, on the sandbox clock."""

from __future__ import annotations

from datetime import date

from starlette.applications import Starlette

from coupang_seller.types.settlement import RevenueHistory
from tests.settlement.conftest import (
    DAY,
    WEEK,
    Market,
    delivered,
    returned,
    set_coupons,
    ship,
)

END = "2025-07-31"


def lines(market: Market, date_from: str = DAY, date_to: str = END) -> list[RevenueHistory]:
    days = date.fromisoformat(date_from), date.fromisoformat(date_to)
    return list(market.client.settlement.iter_revenue_history(*days))


def test_sale_recognised_seven_days_after_delivery_then_refund(market: Market) -> None:
    client = market.client
    first, second = market.items  # 10,000 won each? read the sale price from the line
    placed = delivered(market, {first: 2, second: 1})
    assert lines(market) == []  # delivered today: recognised 7 days later
    client.sandbox.clock.advance(WEEK - 3600)
    assert lines(market) == []
    client.sandbox.clock.advance(3600)
    [sale] = lines(market)
    assert sale.saleType == "SALE" and sale.orderId == placed.orderId
    assert sale.saleDate == DAY and sale.recognitionDate == "2025-07-22"
    assert sale.settlementDate == "2025-08-15"  # MONTHLY: the 15th of the next month
    by_item = {i.vendorItemId: i for i in sale.items}
    a = by_item[first]
    assert a.quantity == 2 and a.salePrice is not None and a.salePrice > 0
    assert a.saleAmount == a.salePrice and a.coupangDiscountCoupon == 0
    assert a.serviceFeeRatio == 10.8
    assert a.serviceFee == round(a.salePrice * 0.108)
    assert a.serviceFeeVat == round(a.serviceFee / 10)
    assert a.settlementAmount == a.saleAmount - a.serviceFee - a.serviceFeeVat
    assert by_item[second].quantity == 1
    # The customer returns one unit, the seller's fault (DEFECT): the seller pays the return
    # shipping (returnCharge 5,000 + deliveryChargeOnReturn 5,000 on a free delivery).
    returned(market, placed, {first: 1}, "DEFECT")
    sale_again, refund = lines(market)
    assert sale_again == sale
    assert refund.saleType == "REFUND" and refund.sign == -1
    assert refund.recognitionDate == "2025-07-22"
    [item] = refund.items
    assert item.vendorItemId == first and item.quantity == 1
    assert item.salePrice == a.salePrice // 2 and item.serviceFee == round(item.salePrice * 0.108)
    assert refund.deliveryFee is not None and refund.deliveryFee.amount == -10000
    assert refund.deliveryFee.fee == -300 and refund.deliveryFee.settlementAmount == -9670
    # The month's payment: sales - refunds - commission, minus the return shipping.
    [row] = client.settlement.settlement_histories(date(2025, 7, 1))
    sold = sum(i.saleAmount or 0 for i in sale.items) - (item.saleAmount or 0)
    fees = sum((i.serviceFee or 0) + (i.serviceFeeVat or 0) for i in sale.items)
    fees -= (item.serviceFee or 0) + (item.serviceFeeVat or 0)
    assert row.settlementType == "MONTHLY" and row.settlementDate == "2025-08-15"
    assert row.totalSale == sold and row.serviceFee == fees
    assert row.settlementTargetAmount == sold - fees == row.settlementAmount
    assert row.deductionAmount == 9670 and row.finalAmount == sold - fees - 9670
    assert row.status == "SUBJECT" and row.lastAmount == 0


def test_customer_fault_return_charges_no_shipping_to_the_seller(market: Market) -> None:
    first, _ = market.items
    placed = delivered(market, {first: 1})
    returned(market, placed, {first: 1}, "CHANGEMIND")
    market.client.sandbox.clock.advance(WEEK)
    sale, refund = lines(market)  # by recognition instant: the sale, then its refund
    assert (sale.saleType, refund.saleType) == ("SALE", "REFUND")
    # completed on the day of delivery, but a refund is never recognised before its sale
    assert sale.recognitionDate == refund.recognitionDate == "2025-07-22"
    assert refund.deliveryFee is not None and refund.deliveryFee.amount == 0


def test_refunds_before_and_after_recognition_page_in_order(market: Market) -> None:
    """A return completed before its sale is recognised comes with that sale; one completed
    afterwards on its own day. Paged one line at a time, nothing is lost or repeated."""
    first, second = market.items
    early = delivered(market, {first: 1})
    returned(market, early, {first: 1}, "CHANGEMIND")  # day 0: before the sale (day 7)
    late = delivered(market, {second: 1})
    market.client.sandbox.clock.advance(WEEK + 86400)
    returned(market, late, {second: 1}, "CHANGEMIND")  # day 8: after its sale (day 7)
    walked = [
        (line.saleType, line.orderId, line.recognitionDate)
        for line in market.client.settlement.iter_revenue_history(
            date.fromisoformat(DAY), date.fromisoformat(END), max_per_page=1
        )
    ]
    assert walked == [  # by recognition instant; a sale before its own refund
        ("SALE", early.orderId, "2025-07-22"),
        ("REFUND", early.orderId, "2025-07-22"),
        ("SALE", late.orderId, "2025-07-22"),
        ("REFUND", late.orderId, "2025-07-23"),
    ]
    assert walked == [(line.saleType, line.orderId, line.recognitionDate) for line in lines(market)]


def test_cancelled_before_shipping_never_shows(market: Market) -> None:
    first, second = market.items
    placed = market.visible_order({first: 1})
    market.client.sandbox.orders.request_cancel(placed.orderId)
    kept = delivered(market, {second: 1})
    market.client.sandbox.clock.advance(WEEK)
    assert [line.orderId for line in lines(market)] == [kept.orderId]


def test_direct_shipment_recognised_seven_days_after_the_invoice(market: Market) -> None:
    first, _ = market.items
    placed = market.instructed({first: 1})
    ship(market, placed, courier="DIRECT")  # NONE_TRACKING: no delivery scan ever
    market.client.sandbox.clock.advance(WEEK - 60)
    assert lines(market) == []
    market.client.sandbox.clock.advance(60)
    [sale] = lines(market)
    assert sale.orderId == placed.orderId and sale.recognitionDate == "2025-07-22"


def test_coupon_amounts_come_from_the_order_item(market: Market, app: Starlette) -> None:
    first, _ = market.items
    placed = delivered(market, {first: 2})
    set_coupons(app, placed.orderId, instant=1000, downloadable=600)
    market.client.sandbox.clock.advance(WEEK)
    returned(market, placed, {first: 1}, "DEFECT")
    sale, refund = lines(market)
    [item] = sale.items
    assert item.sellerDiscountCoupon == 1000 and item.downloadableCoupon == 600
    assert refund.items[0].sellerDiscountCoupon == 500  # half the line came back
    assert refund.items[0].downloadableCoupon == 300
    [row] = market.client.settlement.settlement_histories(date(2025, 7, 1))
    assert row.sellerDiscountCoupon == 500 and row.downloadableCoupon == 300
    assert row.finalAmount == (row.settlementAmount or 0) - (row.deductionAmount or 0) - 800


def test_commission_rate_per_vendor(market: Market) -> None:
    first, _ = market.items
    terms = market.client.sandbox.settlement.set(
        market.client.vendor_id, cycle="MONTHLY", commission_rate=8
    )
    assert terms.commissionRate == 8 and terms.cycle == "MONTHLY"
    delivered(market, {first: 1})
    market.client.sandbox.clock.advance(WEEK)
    [sale] = lines(market)
    item = sale.items[0]
    assert item.serviceFeeRatio == 8 and item.serviceFee == round((item.salePrice or 0) * 0.08)
