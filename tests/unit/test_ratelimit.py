from __future__ import annotations

import asyncio
import threading
from datetime import UTC, datetime, timedelta, timezone
from email.utils import format_datetime

import pytest

from coupang_seller._ratelimit import (
    DEFAULT_RATE_PER_SECOND,
    CircuitBreaker,
    RateLimiterRegistry,
    TokenBucket,
    default_circuit_breaker,
    default_rate_limiters,
    parse_retry_after,
)


class FakeClock:
    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


# --- TokenBucket ------------------------------------------------------------------------


@pytest.mark.parametrize("rate", [0, -1, float("nan"), float("inf")])
def test_bucket_rejects_bad_rate(rate: float) -> None:
    with pytest.raises(ValueError):
        TokenBucket(rate)


def test_bucket_rejects_bad_burst() -> None:
    with pytest.raises(ValueError):
        TokenBucket(10, burst=0.5)


def test_default_burst_is_max_one_rate() -> None:
    assert TokenBucket(10).burst == 10.0
    assert TokenBucket(0.5).burst == 1.0
    assert TokenBucket(10, burst=3).burst == 3.0


def test_burst_then_schedules_callers_in_order() -> None:
    clock = FakeClock()
    bucket = TokenBucket(10, burst=3, clock=clock)
    assert [bucket.reserve() for _ in range(3)] == [0.0, 0.0, 0.0]
    # The bucket is empty: each further caller is booked 1/rate behind the previous one.
    delays = [bucket.reserve() for _ in range(3)]
    assert delays == pytest.approx([0.1, 0.2, 0.3])


def test_refill_over_time_is_capped_at_burst() -> None:
    clock = FakeClock()
    bucket = TokenBucket(2, burst=2, clock=clock)
    bucket.reserve()
    bucket.reserve()
    assert bucket.reserve() == pytest.approx(0.5)
    # Pay back the debt (0.5 s) and accrue 2 tokens more, then a long idle period.
    clock.advance(100)
    assert bucket.reserve() == 0.0
    assert bucket.reserve() == 0.0
    assert bucket.reserve() == pytest.approx(0.5)


def test_debt_is_paid_back_by_elapsed_time() -> None:
    clock = FakeClock()
    bucket = TokenBucket(10, burst=1, clock=clock)
    assert bucket.reserve() == 0.0
    assert bucket.reserve() == pytest.approx(0.1)
    assert bucket.reserve() == pytest.approx(0.2)
    clock.advance(0.2)  # both waiters have now gone; the bucket is at exactly 0
    assert bucket.reserve() == pytest.approx(0.1)


def test_sustained_rate_is_respected() -> None:
    clock = FakeClock()
    bucket = TokenBucket(10, clock=clock)
    start = clock.now
    for _ in range(100):
        clock.advance(bucket.reserve())
    # 10 burst tokens, then 90 at 10/s.
    assert clock.now - start == pytest.approx(9.0)


def test_clock_going_backwards_does_not_mint_tokens() -> None:
    clock = FakeClock()
    bucket = TokenBucket(1, burst=1, clock=clock)
    assert bucket.reserve() == 0.0
    clock.advance(-50)
    assert bucket.reserve() == pytest.approx(1.0)
    clock.advance(50)  # back to where we were: no time has really passed
    assert bucket.reserve() == pytest.approx(2.0)


def test_acquire_sleeps_for_the_reserved_delay() -> None:
    clock = FakeClock()
    bucket = TokenBucket(4, burst=1, clock=clock)
    slept: list[float] = []
    assert bucket.acquire(sleep=slept.append) == 0.0
    assert slept == []  # no sleep at all when a token is there
    assert bucket.acquire(sleep=slept.append) == pytest.approx(0.25)
    assert slept == [pytest.approx(0.25)]


async def test_acquire_async_awaits_the_sleeper() -> None:
    clock = FakeClock()
    bucket = TokenBucket(4, burst=1, clock=clock)
    slept: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        slept.append(seconds)

    assert await bucket.acquire_async(sleep=fake_sleep) == 0.0
    assert await bucket.acquire_async(sleep=fake_sleep) == pytest.approx(0.25)
    assert await bucket.acquire_async(sleep=fake_sleep) == pytest.approx(0.5)
    assert slept == [pytest.approx(0.25), pytest.approx(0.5)]


async def test_acquire_async_with_real_sleep_is_short() -> None:
    bucket = TokenBucket(1000, burst=1)
    await bucket.acquire_async()
    waited = await bucket.acquire_async()
    assert 0 < waited <= 0.002


def test_sync_and_async_callers_share_one_schedule() -> None:
    clock = FakeClock()
    bucket = TokenBucket(10, burst=1, clock=clock)
    slept: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        slept.append(seconds)

    bucket.acquire(sleep=slept.append)
    asyncio.run(bucket.acquire_async(sleep=fake_sleep))
    bucket.acquire(sleep=slept.append)
    assert slept == [pytest.approx(0.1), pytest.approx(0.2)]


def test_set_rate_credits_old_rate_then_uses_new() -> None:
    clock = FakeClock()
    bucket = TokenBucket(1, burst=5, clock=clock)
    for _ in range(5):
        bucket.reserve()
    clock.advance(2)  # 2 tokens at the old rate
    bucket.set_rate(10)
    assert bucket.rate == 10
    assert bucket.burst == 5  # explicit burst is kept
    assert bucket.reserve() == 0.0
    assert bucket.reserve() == 0.0
    assert bucket.reserve() == pytest.approx(0.1)


def test_set_rate_moves_default_burst() -> None:
    clock = FakeClock()
    bucket = TokenBucket(10, clock=clock)
    bucket.set_rate(2)
    assert bucket.burst == 2
    assert [bucket.reserve() for _ in range(3)] == pytest.approx([0.0, 0.0, 0.5])
    with pytest.raises(ValueError):
        bucket.set_rate(0)


def test_reserve_is_thread_safe() -> None:
    clock = FakeClock()
    bucket = TokenBucket(100, burst=1, clock=clock)
    results: list[float] = []
    lock = threading.Lock()

    def worker() -> None:
        mine = [bucket.reserve() for _ in range(250)]
        with lock:
            results.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    # With a frozen clock, 2000 reservations must get 2000 distinct slots 0, 0.01, ... 19.99.
    assert sorted(round(r * 100) for r in results) == list(range(2000))


# --- RateLimiterRegistry ----------------------------------------------------------------


def test_registry_creates_once_per_vendor_and_last_rate_wins() -> None:
    registry = RateLimiterRegistry(clock=FakeClock())
    a = registry.get("A00012345", 10)
    assert registry.get("A00012345", 10) is a
    b = registry.get("A00099999", 10)
    assert b is not a
    assert "A00012345" in registry
    assert "A00099999" in registry
    same = registry.get("A00012345", 3)
    assert same is a
    assert a.rate == 3
    registry.clear()
    assert "A00012345" not in registry
    assert registry.get("A00012345", 10) is not a


def test_empty_registry_is_truthy() -> None:
    # Callers write ``rate_limiters or default_rate_limiters()``: an empty registry of
    # their own must not be swapped for the process-wide one.
    assert RateLimiterRegistry()
    assert CircuitBreaker()


def test_registry_default_rate_and_validation() -> None:
    registry = RateLimiterRegistry()
    assert registry.get("V").rate == DEFAULT_RATE_PER_SECOND == 10.0
    with pytest.raises(ValueError):
        registry.get("V", -1)


def test_registry_concurrent_get_returns_one_bucket() -> None:
    registry = RateLimiterRegistry()
    seen: list[TokenBucket] = []
    barrier = threading.Barrier(8)

    def worker() -> None:
        barrier.wait()
        seen.append(registry.get("V", 10))

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({id(b) for b in seen}) == 1


def test_default_singletons() -> None:
    assert default_rate_limiters() is default_rate_limiters()
    assert isinstance(default_rate_limiters(), RateLimiterRegistry)
    assert default_circuit_breaker() is default_circuit_breaker()
    assert isinstance(default_circuit_breaker(), CircuitBreaker)


# --- CircuitBreaker ---------------------------------------------------------------------


def test_breaker_closed_by_default() -> None:
    breaker = CircuitBreaker(clock=FakeClock())
    assert breaker.allow("V")
    assert breaker.allow("V")
    assert not breaker.is_open("V")
    assert breaker.remaining("V") == 0.0


def test_breaker_validates_arguments() -> None:
    with pytest.raises(ValueError):
        CircuitBreaker(base_cooldown=0)
    with pytest.raises(ValueError):
        CircuitBreaker(base_cooldown=10, max_cooldown=5)
    with pytest.raises(ValueError):
        CircuitBreaker(probe_timeout=0)


def test_retry_after_is_honoured() -> None:
    clock = FakeClock()
    breaker = CircuitBreaker(clock=clock)
    assert breaker.record_rate_limited("V", 5.0) == 5.0
    assert breaker.is_open("V")
    assert breaker.remaining("V") == pytest.approx(5.0)
    assert not breaker.allow("V")
    assert breaker.allow("OTHER")  # per vendor
    clock.advance(4.5)
    assert breaker.remaining("V") == pytest.approx(0.5)
    clock.advance(0.5)
    assert not breaker.is_open("V")
    assert breaker.remaining("V") == 0.0


def test_exponential_cooldown_capped() -> None:
    clock = FakeClock()
    breaker = CircuitBreaker(clock=clock, base_cooldown=60, max_cooldown=900)
    cooldowns = [breaker.record_rate_limited("V", None) for _ in range(7)]
    assert cooldowns == [60, 120, 240, 480, 900, 900, 900]
    assert breaker.consecutive_trips("V") == 7
    assert breaker.remaining("V") == pytest.approx(900)
    breaker.record_success("V")
    assert breaker.consecutive_trips("V") == 0
    assert not breaker.is_open("V")
    assert breaker.record_rate_limited("V", None) == 60


def test_huge_trip_count_does_not_overflow() -> None:
    breaker = CircuitBreaker(clock=FakeClock())
    for _ in range(2000):
        cooldown = breaker.record_rate_limited("V", None)
    assert cooldown == 900


def test_negative_retry_after_is_clamped() -> None:
    breaker = CircuitBreaker(clock=FakeClock())
    assert breaker.record_rate_limited("V", -3) == 0.0


def test_blocked_uses_at_least_base_and_grows() -> None:
    clock = FakeClock()
    breaker = CircuitBreaker(clock=clock, base_cooldown=60, max_cooldown=900)
    assert breaker.record_blocked("V") == 60
    assert breaker.record_blocked("V", retry_after=10) == 120  # second trip
    assert breaker.record_blocked("V", retry_after=3600) == 3600  # server knows better
    breaker.record_success("V")
    assert breaker.record_blocked("V", retry_after=5) == 60


def test_half_open_allows_exactly_one_probe() -> None:
    clock = FakeClock()
    breaker = CircuitBreaker(clock=clock)
    breaker.record_rate_limited("V", 10)
    assert not breaker.allow("V")
    clock.advance(10)
    assert breaker.allow("V")  # the probe
    assert not breaker.allow("V")
    assert not breaker.allow("V")
    breaker.record_success("V")
    assert breaker.allow("V")
    assert breaker.allow("V")


def test_failed_probe_reopens_with_longer_cooldown() -> None:
    clock = FakeClock()
    breaker = CircuitBreaker(clock=clock, base_cooldown=1, max_cooldown=100)
    breaker.record_rate_limited("V", None)
    clock.advance(1)
    assert breaker.allow("V")
    assert breaker.record_rate_limited("V", None) == 2
    assert not breaker.allow("V")
    clock.advance(2)
    assert breaker.allow("V")  # a new probe after the new cooldown
    assert not breaker.allow("V")


def test_release_probe_and_probe_timeout() -> None:
    clock = FakeClock()
    breaker = CircuitBreaker(clock=clock, probe_timeout=30)
    breaker.record_rate_limited("V", 1)
    clock.advance(1)
    assert breaker.allow("V")
    breaker.release_probe("V")
    assert breaker.allow("V")  # a released slot can be taken again
    assert not breaker.allow("V")
    clock.advance(29.9)
    assert not breaker.allow("V")
    clock.advance(0.1)
    assert breaker.allow("V")  # the lost probe is presumed dead
    breaker.release_probe("UNKNOWN")  # no-op


def test_half_open_probe_is_unique_across_threads() -> None:
    clock = FakeClock()
    breaker = CircuitBreaker(clock=clock)
    breaker.record_rate_limited("V", 1)
    clock.advance(1)
    barrier = threading.Barrier(16)
    answers: list[bool] = []

    def worker() -> None:
        barrier.wait()
        answers.append(breaker.allow("V"))

    threads = [threading.Thread(target=worker) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert answers.count(True) == 1


def test_reset_forgets_everything() -> None:
    breaker = CircuitBreaker(clock=FakeClock())
    breaker.record_blocked("V")
    breaker.reset()
    assert breaker.allow("V")
    assert breaker.consecutive_trips("V") == 0


# --- parse_retry_after ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("120", 120.0),
        (" 7 ", 7.0),
        ("0", 0.0),
        ("1.5", 1.5),
        (None, None),
        ("", None),
        ("   ", None),
        ("-5", None),
        ("abc", None),
        ("1e3", None),
        ("inf", None),
        ("nan", None),
        ("1_000", None),
        ("Mon, 99 Foo 2024 00:00:00 GMT", None),
    ],
)
def test_parse_retry_after_values(value: str | None, expected: float | None) -> None:
    assert parse_retry_after(value) == expected


def test_parse_retry_after_http_date() -> None:
    now = datetime(2024, 5, 1, 12, 0, 0, tzinfo=UTC)
    future = format_datetime(now + timedelta(seconds=90), usegmt=True)
    assert future.endswith("GMT")
    assert parse_retry_after(future, now=now) == 90.0
    past = format_datetime(now - timedelta(seconds=90), usegmt=True)
    assert parse_retry_after(past, now=now) == 0.0
    assert parse_retry_after("Wed, 01 May 2024 12:02:00 GMT", now=now) == 120.0


def test_parse_retry_after_http_date_with_naive_now_and_offsets() -> None:
    naive_now = datetime(2024, 5, 1, 12, 0, 0)
    assert parse_retry_after("Wed, 01 May 2024 12:00:30 GMT", now=naive_now) == 30.0
    kst_now = datetime(2024, 5, 1, 21, 0, 0, tzinfo=timezone(timedelta(hours=9)))
    assert parse_retry_after("Wed, 01 May 2024 12:00:30 GMT", now=kst_now) == 30.0
    # "-0000" makes parsedate_to_datetime return a naive datetime: taken as UTC.
    assert parse_retry_after("Wed, 01 May 2024 12:00:30 -0000", now=naive_now) == 30.0


def test_parse_retry_after_http_date_default_now_is_current_time() -> None:
    soon = format_datetime(datetime.now(UTC) + timedelta(hours=1), usegmt=True)
    result = parse_retry_after(soon)
    assert result is not None
    assert 3590 <= result <= 3600
