"""Weekly vs monthly settlement: payment dates on the revenue lines and the histories' rows."""

from __future__ import annotations

from datetime import date

from coupang_sandbox.backends.settlement import payment_dates, week_bounds
from tests.settlement.conftest import WEEK, Market, delivered


def _three_weeks_of_sales(market: Market) -> None:
    first, _ = market.items
    for _ in range(3):  # delivered 07-15, 07-22, 07-29: recognised 07-22, 07-29, 08-05
        delivered(market, {first: 1})
        market.client.sandbox.clock.advance(WEEK)


def test_monthly_one_payment_on_the_15th_of_the_next_month(market: Market) -> None:
    _three_weeks_of_sales(market)
    july = market.client.settlement.settlement_histories(date(2025, 7, 1))
    assert [(r.settlementType, r.settlementDate) for r in july] == [("MONTHLY", "2025-08-15")]
    [row] = july
    assert row.revenueRecognitionDateFrom == "2025-07-01"
    assert row.revenueRecognitionDateTo == "2025-07-31"
    assert row.settlementAmount == row.settlementTargetAmount and row.lastAmount == 0
    august = market.client.settlement.settlement_histories(date(2025, 8, 1))
    assert [r.settlementDate for r in august] == ["2025-09-15"]
    # two sales in July, one in August
    assert (july[0].totalSale or 0) == 2 * (august[0].totalSale or 0)


def test_weekly_pays_70_percent_per_week_and_the_reserve_later(market: Market) -> None:
    client = market.client
    terms = client.sandbox.settlement.set(client.vendor_id, cycle="WEEKLY")
    assert terms.cycle == "WEEKLY" and terms.commissionRate == 10.8  # rate kept
    _three_weeks_of_sales(market)
    [sale, *_] = client.settlement.iter_revenue_history(date(2025, 7, 1), date(2025, 7, 31))
    assert sale.recognitionDate == "2025-07-22"  # a Tuesday; the week ends Sunday 07-27
    assert sale.settlementDate == "2025-08-11" and sale.finalSettlementDate == "2025-09-01"
    rows = client.settlement.settlement_histories(date(2025, 7, 1))
    assert [(r.settlementType, r.revenueRecognitionDateFrom, r.revenueRecognitionDateTo,
             r.settlementDate) for r in rows] == [
        ("WEEKLY", "2025-07-21", "2025-07-27", "2025-08-11"),
        ("WEEKLY", "2025-07-28", "2025-07-31", "2025-08-18"),  # cut at the month end, paid by its Sunday
        ("RESERVE", "2025-07-01", "2025-07-31", "2025-09-01"),
    ]  # fmt: skip
    week, _, reserve = rows
    target = week.settlementTargetAmount or 0
    assert week.settlementAmount == round(target * 0.7)
    assert week.lastAmount == target - (week.settlementAmount or 0)
    assert reserve.lastAmount == sum(r.lastAmount or 0 for r in rows[:2])
    assert reserve.finalAmount == reserve.lastAmount
    assert reserve.settlementAmount == sum(r.settlementAmount or 0 for r in rows[:2])
    # the sandbox clock is now 2025-08-05: the first week was paid (08-11 not yet)
    assert [r.status for r in rows] == ["SUBJECT", "SUBJECT", "SUBJECT"]
    client.sandbox.clock.advance(6 * 86400)
    assert [r.status for r in client.settlement.settlement_histories(date(2025, 7, 1))] == [
        "DONE", "SUBJECT", "SUBJECT",
    ]  # fmt: skip
    # back to monthly: the same lines, one payment
    client.sandbox.settlement.set(client.vendor_id, cycle="MONTHLY")
    assert [r.settlementType for r in client.settlement.settlement_histories(date(2025, 7, 1))] == [
        "MONTHLY"
    ]


def test_empty_month_has_no_payment(market: Market) -> None:
    assert market.client.settlement.settlement_histories(date(2025, 6, 1)) == []


def test_week_bounds_and_payment_dates() -> None:
    assert week_bounds(date(2025, 7, 2)) == (date(2025, 7, 1), date(2025, 7, 6))
    assert week_bounds(date(2025, 7, 30)) == (date(2025, 7, 28), date(2025, 7, 31))
    assert week_bounds(date(2025, 7, 9)) == (date(2025, 7, 7), date(2025, 7, 13))
    assert payment_dates(date(2025, 12, 31), "MONTHLY") == (date(2026, 1, 15), date(2026, 1, 15))
    assert payment_dates(date(2025, 11, 3), "WEEKLY") == (date(2025, 11, 24), date(2026, 1, 1))
