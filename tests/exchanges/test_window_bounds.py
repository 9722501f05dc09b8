"""The exchange list's window includes its end instant (createdAtTo, ``yyyy-MM-ddTHH:mm:ss``,
inclusive as documented: the sample searches up to ``...T23:59:59``), the way the orders and
returns lists include the second (or, without seconds, the minute) of createdAtTo.

Regression: an exchange created at clock T (with a sub-second part) was missed by a list
ending at T, as the bound was compared with the second-truncated createdAtTo."""

from __future__ import annotations

from datetime import UTC, timedelta
from typing import Any

from coupang_seller import Client
from tests.exchanges.conftest import (
    Delivered,
    Market,
    RawApi,
    exchange_path,
)

KST_TEXT = "%Y-%m-%dT%H:%M:%S"


def _ask_at_odd_instant(market: Market, delivered: Delivered) -> tuple[Any, Any]:
    """Move the clock to a non-round instant (seconds and microseconds), then ask."""
    client: Client = market.client
    client.sandbox.clock.advance(37.25)
    moment = client.sandbox.clock.get().now
    assert moment.second != 0 and moment.microsecond != 0
    asked = client.sandbox.exchanges.request(
        delivered.order_id, delivered.items[0], quantity=1, reason_code="DEFECT"
    )
    return asked, moment


def _ids(client: Client, start: Any, end: Any) -> list[int]:
    return [x.exchangeId for x in client.exchanges.list(start, end).items]


def test_sdk_window_ending_at_creation_instant_finds_it(
    market: Market, delivered: Delivered
) -> None:
    client: Client = market.client
    asked, moment = _ask_at_odd_instant(market, delivered)
    since = moment - timedelta(days=1)
    assert _ids(client, since, moment) == [asked.exchangeId]
    assert _ids(client, since, moment - timedelta(seconds=1)) == []
    # The start bound is inclusive too.
    assert _ids(client, moment, moment + timedelta(hours=1)) == [asked.exchangeId]


def test_raw_bounds_are_inclusive_of_the_end_second(
    market: Market, delivered: Delivered, api: RawApi
) -> None:
    asked, moment = _ask_at_odd_instant(market, delivered)
    kst = moment.astimezone(UTC) + timedelta(hours=9)

    def listed(end: Any) -> list[int]:
        params = {
            "createdAtFrom": (kst - timedelta(days=1)).strftime(KST_TEXT),
            "createdAtTo": end.strftime(KST_TEXT),
        }
        answer = api.get(exchange_path(), params=params)
        assert answer.status_code == 200, answer.text
        return [x["exchangeId"] for x in answer.json()["data"]]

    assert listed(kst) == [asked.exchangeId]
    assert listed(kst - timedelta(seconds=1)) == []
