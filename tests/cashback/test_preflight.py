"""The SDK refuses broken cashback calls before sending (PreflightError naming field and
rule), with the same rule functions the sandbox runs; the 2-hour lead time is measured on the
client's own clock. A transport that fails the test proves nothing was sent."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from coupang_seller import Client, PreflightError
from coupang_seller._constants import KST
from coupang_seller._ratelimit import CircuitBreaker, RateLimiterRegistry
from coupang_seller.preflight import cashback as rules

#: The client's clock: 2030-01-10 09:00 KST.
CLOCK = datetime(2030, 1, 10, 0, 0, tzinfo=UTC)
START = datetime(2030, 1, 10, 11, 0)  # naive = Korean time: exactly 2 hours ahead
END = datetime(2030, 1, 20, 11, 0)


def _no_network(request: httpx.Request) -> httpx.Response:
    raise AssertionError(f"preflight should have refused before sending {request.url}")


@pytest.fixture
def offline() -> Iterator[Client]:
    with Client(
        "ak", "sk", "A00012345", transport=httpx.MockTransport(_no_network), clock=lambda: CLOCK,
        rate_limiters=RateLimiterRegistry(), circuit_breaker=CircuitBreaker(),
    ) as client:  # fmt: skip
        yield client


def _apply(client: Client, **over: Any) -> None:
    kwargs: dict[str, Any] = {
        "rule_id": 3944, "value_type": "RATE", "value": 5, "max_amount": 1000,
        "vendor_item_ids": [3000001897], "start_at": START, "end_at": END,
    }  # fmt: skip
    kwargs.update(over)
    client.cashback.apply(**kwargs)


@pytest.mark.parametrize(
    ("over", "expected"),
    [
        ({"rule_id": "abc"}, ("ruleId", "type")),
        ({"value_type": "PERCENT"}, ("valueType", "enum")),
        ({"value": 0}, ("value", "min_value")),
        ({"value": 101}, ("value", "rate_range")),
        ({"max_amount": None}, ("maxAmount", "required_for_rate")),
        ({"max_amount": -1}, ("maxAmount", "min_value")),
        ({"vendor_item_ids": []}, ("vendorItemIds", "size")),
        ({"vendor_item_ids": list(range(1, 52))}, ("vendorItemIds", "size")),
        ({"vendor_item_ids": [1, "x"]}, ("vendorItemIds[1]", "type")),
        ({"start_at": START - timedelta(seconds=1)}, ("startAt", "lead_time")),
        ({"start_at": datetime(2030, 1, 10, 10, 59, 59)}, ("startAt", "lead_time")),
        ({"end_at": START}, ("endAt", "order")),
    ],
)
def test_apply_is_refused_before_sending(
    offline: Client, over: dict[str, Any], expected: tuple[str, str]
) -> None:
    with pytest.raises(PreflightError) as caught:
        _apply(offline, **over)
    assert expected in {(v.field, v.rule) for v in caught.value.violations}
    assert caught.value.operation == "cashback.apply"


def test_aware_times_are_converted_to_korean_time(offline: Client) -> None:
    # 02:00 UTC = 11:00 KST: exactly the earliest start, so it passes preflight and is sent
    with pytest.raises(AssertionError, match="preflight should have refused"):
        _apply(
            offline,
            start_at=datetime(2030, 1, 10, 2, 0, tzinfo=UTC),
            end_at=END.replace(tzinfo=KST),
        )
    with pytest.raises(PreflightError, match="lead_time"):
        _apply(
            offline,
            start_at=datetime(2030, 1, 10, 1, 59, tzinfo=UTC),
            end_at=END.replace(tzinfo=KST),
        )
    with pytest.raises(ValueError, match="both be naive or both be aware"):
        _apply(offline, start_at=datetime(2030, 1, 10, 2, 0, tzinfo=UTC), end_at=END)


@pytest.mark.parametrize("method", ["get", "remove"])
@pytest.mark.parametrize(
    ("args", "expected"),
    [(("", 1), ("ruleId", "required")), (("x", 1), ("ruleId", "type")),
     ((1, "0"), ("vendorItemId", "type"))],
)  # fmt: skip
def test_lookup_and_remove_are_refused_before_sending(
    offline: Client, method: str, args: tuple[Any, Any], expected: tuple[str, str]
) -> None:
    with pytest.raises(PreflightError) as caught:
        getattr(offline.cashback, method)(*args)
    assert expected in {(v.field, v.rule) for v in caught.value.violations}


def test_preflight_off_sends_anyway(offline: Client) -> None:
    relaxed = offline.with_options(preflight=False)
    with pytest.raises(AssertionError, match="preflight should have refused"):
        _apply(relaxed, value=0)


def test_rule_function_needs_an_aware_now() -> None:
    with pytest.raises(ValueError, match="aware"):
        rules.check_apply({}, now=datetime(2030, 1, 1))
    assert rules.parse_time("2030-01-10T11:00:00") == datetime(2030, 1, 10, 11, 0, tzinfo=KST)
    assert rules.parse_time("2030-01-10 11:00:00") == datetime(2030, 1, 10, 11, 0, tzinfo=KST)
    assert rules.parse_time(20300110) is None
