"""Token paging, the SDK's window splitting and preflight, the async client, and the answers'
field names against the documented samples (recursively)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from coupang_seller import AsyncClient
from coupang_seller._exceptions import PreflightError
from coupang_seller.types.settlement import RevenueItem
from tests._conformance import missing_fields
from tests.settlement.conftest import (
    HISTORIES,
    REVENUE,
    WEEK,
    Market,
    RawApi,
    delivered,
    returned,
    revenue_params,
)

SAMPLES = Path(__file__).parent / "samples"


def sample(name: str) -> Any:
    return json.loads((SAMPLES / f"{name}.json").read_text(encoding="utf-8"))


def _field_tree(fields: dict[str, Any]) -> dict[str, Any]:
    """The documented field table as a shape: arrays of objects as one-element lists."""
    tree: dict[str, Any] = {}
    for name, children in fields.items():
        if children is None:
            tree[name] = None
        elif name in ("data", "items"):
            tree[name] = [_field_tree(children)]
        else:
            tree[name] = _field_tree(children)
    return tree


def test_answers_carry_the_documented_fields(market: Market, api: RawApi) -> None:
    first, _ = market.items
    placed = delivered(market, {first: 2})
    market.client.sandbox.clock.advance(WEEK)
    returned(market, placed, {first: 1}, "DEFECT")
    answer = api.get(REVENUE, params=revenue_params("2025-07-15", "2025-07-31"))
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert [d["saleType"] for d in body["data"]] == ["SALE", "REFUND"]
    doc = sample("revenue_history")
    assert missing_fields(doc["sample"], body) == []
    assert missing_fields(_field_tree(doc["fields"]), body) == []  # incl. couapngDiscountCoupon
    rows = api.get(HISTORIES, params={"revenueRecognitionYearMonth": "2025-07"})
    assert rows.status_code == 200 and isinstance(rows.json(), list) and rows.json()
    wanted = {name: None for name in sample("settlement_histories")["fields"]}
    assert missing_fields([wanted], rows.json()) == []


def test_token_paging_visits_every_line_once(market: Market, api: RawApi) -> None:
    first, second = market.items
    orders = [delivered(market, {first: 1}).orderId for _ in range(3)]
    orders.append(delivered(market, {second: 1}).orderId)
    market.client.sandbox.clock.advance(WEEK)
    seen: list[int] = []
    token = ""
    pages = 0
    while True:
        body = api.get(
            REVENUE, params=revenue_params("2025-07-20", "2025-07-25", token=token, maxPerPage="1")
        ).json()
        pages += 1
        seen += [d["orderId"] for d in body["data"]]
        if not body["hasNext"]:
            assert body["nextToken"] == ""
            break
        token = body["nextToken"]
    assert seen == orders and pages == 4
    page = market.client.settlement.revenue_history(
        date(2025, 7, 20), date(2025, 7, 25), max_per_page=3
    )
    assert len(page.items) == 3 and page.next_token
    rest = market.client.settlement.revenue_history(
        date(2025, 7, 20), date(2025, 7, 25), token=page.next_token, max_per_page=3
    )
    assert [x.orderId for x in page.items + rest.items] == orders and rest.next_token is None


def test_iter_splits_long_periods_into_31_day_windows(market: Market) -> None:
    first, _ = market.items
    early = delivered(market, {first: 1}).orderId  # recognised 07-22
    market.client.sandbox.clock.advance(40 * 86400)
    late = delivered(market, {first: 1}).orderId  # delivered 08-24, recognised 08-31
    market.client.sandbox.clock.advance(WEEK)
    got = market.client.settlement.iter_revenue_history(
        date(2025, 6, 1), date(2025, 9, 30), max_per_page=1
    )
    assert [x.orderId for x in got] == [early, late]


@pytest.mark.parametrize(
    ("args", "kwargs", "field", "rule"),
    [
        ((date(2025, 7, 1), date(2025, 8, 1)), {}, "recognitionDateTo", "max_window"),
        ((date(2025, 7, 2), date(2025, 7, 1)), {}, "recognitionDateTo", "order"),
        ((date(2025, 7, 1), date(2025, 7, 1)), {"max_per_page": 51}, "maxPerPage", "range"),
        ((date(2025, 7, 1), date(2025, 7, 1)), {"max_per_page": 0}, "maxPerPage", "range"),
    ],
)
def test_sdk_preflight(
    market: Market, args: tuple[date, date], kwargs: dict[str, Any], field: str, rule: str
) -> None:
    with pytest.raises(PreflightError) as caught:
        market.client.settlement.revenue_history(*args, **kwargs)
    assert (field, rule) in {(v.field, v.rule) for v in caught.value.violations}


def test_sdk_refuses_text_dates(market: Market) -> None:
    """A text date is ambiguous (format, zone): the SDK takes ``date`` values only."""
    with pytest.raises(TypeError, match=r"^year_month takes a datetime\.date"):
        market.client.settlement.settlement_histories("2025/07")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^date_from takes a datetime\.date"):
        market.client.settlement.revenue_history("2025/07/01", date(2025, 7, 1))  # type: ignore[arg-type]


def test_models_read_both_spellings_and_bare_or_enveloped_histories() -> None:
    assert RevenueItem.model_validate({"couapngDiscountCoupon": 5}).coupangDiscountCoupon == 5
    assert RevenueItem.model_validate({"coupangDiscountCoupon": 7}).coupangDiscountCoupon == 7
    from coupang_seller.resources.settlement import _histories

    row = {"settlementType": "MONTHLY", "finalAmount": 3}
    assert _histories([row])[0].finalAmount == 3
    assert _histories({"code": 200, "message": "OK", "data": [row]})[0].finalAmount == 3


async def test_async_client(market: Market, aclient: AsyncClient) -> None:
    first, _ = market.items
    placed = delivered(market, {first: 1})
    await aclient.sandbox.settlement.set(aclient.vendor_id, cycle="WEEKLY", commission_rate=9.5)
    await aclient.sandbox.clock.advance(WEEK)
    page = await aclient.settlement.revenue_history(date(2025, 7, 22), date(2025, 7, 22))
    assert [x.orderId for x in page.items] == [placed.orderId]
    assert page.items[0].items[0].serviceFeeRatio == 9.5
    walked = [
        x
        async for x in aclient.settlement.iter_revenue_history(date(2025, 5, 1), date(2025, 7, 31))
    ]
    assert [x.orderId for x in walked] == [placed.orderId]
    rows = await aclient.settlement.settlement_histories(date(2025, 7, 1))
    assert [r.settlementType for r in rows] == ["WEEKLY", "RESERVE"]
    assert (await aclient.sandbox.settlement.terms(aclient.vendor_id)).commissionRate == 9.5
