"""The SDK refuses broken Rocket Growth calls before sending (PreflightError naming field and
rule), with the rule functions the sandbox runs. The transport fails the test if called."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import httpx
import pytest

from coupang_seller import Client, PreflightError
from coupang_seller._ratelimit import CircuitBreaker, RateLimiterRegistry
from coupang_seller.preflight import rocket_growth as rules
from coupang_seller.preflight._core import Violation


def _no_network(request: httpx.Request) -> httpx.Response:
    raise AssertionError(f"preflight should have refused before sending {request.url}")


@pytest.fixture
def offline() -> Iterator[Client]:
    with Client(
        "ak", "sk", "A00012345", transport=httpx.MockTransport(_no_network),
        rate_limiters=RateLimiterRegistry(), circuit_breaker=CircuitBreaker(),
    ) as client:  # fmt: skip
        yield client


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((date(2025, 7, 16), date(2025, 7, 15)), ("paidDateTo", "order")),
        ((date(2025, 6, 14), date(2025, 7, 15)), ("paidDateTo", "window")),
    ],
)
def test_list_orders_is_refused_before_sending(
    offline: Client, args: tuple[Any, Any], expected: tuple[str, str]
) -> None:
    with pytest.raises(PreflightError) as caught:
        offline.rocket_growth.list_orders(*args)
    assert expected in {(v.field, v.rule) for v in caught.value.violations}
    assert caught.value.operation == "rocket_growth.list_orders"


@pytest.mark.parametrize(
    ("args", "parameter"),
    [(("", "20250715"), "paid_from"), ((date(2025, 7, 1), "20250231"), "paid_to")],
)
def test_text_days_are_refused_with_a_type_error(
    offline: Client, args: tuple[Any, Any], parameter: str
) -> None:
    with pytest.raises(TypeError, match=rf"^{parameter} takes a datetime\.date"):
        offline.rocket_growth.list_orders(*args)


def test_other_reads_are_refused_before_sending(offline: Client) -> None:
    with pytest.raises(PreflightError, match=r"orderId.*\[type\]"):
        offline.rocket_growth.get_order(0)
    with pytest.raises(PreflightError, match=r"vendorItemId.*\[type\]"):
        offline.rocket_growth.inventory_summaries(vendor_item_id="abc")
    with pytest.raises(ValueError, match="must not be before"):
        list(offline.rocket_growth.iter_orders(date(2025, 7, 2), date(2025, 7, 1)))


def test_a_valid_call_is_sent(offline: Client) -> None:
    with pytest.raises(AssertionError, match="rg/orders"):
        offline.rocket_growth.list_orders(date(2025, 6, 15), date(2025, 7, 15))


def test_rules_directly() -> None:
    assert rules.check_paid_window("20250615", "20250715") == []
    assert rules.parse_date("20240229") == date(2024, 2, 29)
    assert rules.parse_date("20230229") is None
    assert rules.parse_date(20240229) is None
    assert rules.check_vendor_item_id(None) == []
    assert rules.check_order_id("") == [Violation("orderId", "required", "orderId is required")]
