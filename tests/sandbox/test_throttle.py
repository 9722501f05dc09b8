"""The emulated gateway throttle: per vendor, 429 with Retry-After, a block that lasts."""

from __future__ import annotations

import pytest

from coupang_sandbox.throttle import GatewayThrottle, retry_after_header


class Tick:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_one_second_of_calls_then_blocked() -> None:
    tick = Tick()
    throttle = GatewayThrottle(10, 60, clock=tick)
    assert [throttle.check("A") for _ in range(10)] == [None] * 10
    wait = throttle.check("A")
    assert wait == 60
    tick.now = 30
    assert throttle.check("A") == pytest.approx(30)  # still blocked, even with tokens refilled
    tick.now = 60.01
    assert throttle.check("A") is None


def test_vendors_are_independent() -> None:
    tick = Tick()
    throttle = GatewayThrottle(2, 5, clock=tick)
    assert throttle.check("A") is None and throttle.check("A") is None
    assert throttle.check("A") is not None
    assert throttle.check("B") is None


def test_even_pacing_at_the_rate_never_trips() -> None:
    tick = Tick()
    throttle = GatewayThrottle(10, 60, clock=tick)
    for i in range(500):
        tick.now = i * 0.1
        assert throttle.check("A") is None


def test_disabled_and_invalid() -> None:
    assert GatewayThrottle(None, 60).check("A") is None
    with pytest.raises(ValueError):
        GatewayThrottle(0, 60)
    with pytest.raises(ValueError):
        GatewayThrottle(1, -1)
    assert retry_after_header(0.2) == "1" and retry_after_header(59.5) == "60"
