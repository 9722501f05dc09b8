from __future__ import annotations

import itertools
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coupang_seller._windows import (
    MAX_WINDOW_ORDER_SHEETS_DAILY,
    MAX_WINDOW_ORDER_SHEETS_TIMEFRAME,
    MAX_WINDOW_PRODUCTS_TIMEFRAME,
    MAX_WINDOW_SEVEN_DAYS,
    aiter_windows,
    dedupe,
    iter_windows,
    split_date_range,
    split_window,
)

KST = timezone(timedelta(hours=9))
T0 = datetime(2024, 1, 1, 0, 0)


def test_constants() -> None:
    assert timedelta(days=31) == MAX_WINDOW_ORDER_SHEETS_DAILY
    assert timedelta(hours=24) == MAX_WINDOW_ORDER_SHEETS_TIMEFRAME
    assert timedelta(minutes=10) == MAX_WINDOW_PRODUCTS_TIMEFRAME
    assert timedelta(days=7) == MAX_WINDOW_SEVEN_DAYS


# --- split_window: examples -------------------------------------------------------------


def test_split_window_exact_multiple() -> None:
    windows = split_window(T0, T0 + timedelta(minutes=30), MAX_WINDOW_PRODUCTS_TIMEFRAME)
    assert windows == [
        (T0, T0 + timedelta(minutes=10)),
        (T0 + timedelta(minutes=10), T0 + timedelta(minutes=20)),
        (T0 + timedelta(minutes=20), T0 + timedelta(minutes=30)),
    ]


def test_split_window_remainder_and_overlap() -> None:
    h = timedelta(hours=1)
    windows = split_window(T0, T0 + 5 * h, 2 * h, overlap=timedelta(minutes=30))
    assert windows == [
        (T0, T0 + 2 * h),
        (T0 + timedelta(hours=1, minutes=30), T0 + timedelta(hours=3, minutes=30)),
        (T0 + timedelta(hours=3), T0 + 5 * h),
    ]


def test_split_window_short_and_empty_ranges() -> None:
    end = T0 + timedelta(minutes=3)
    assert split_window(T0, end, timedelta(minutes=10)) == [(T0, end)]
    assert split_window(T0, T0, timedelta(minutes=10)) == [(T0, T0)]


def test_split_window_validation() -> None:
    span = timedelta(hours=1)
    with pytest.raises(ValueError, match="before start"):
        split_window(T0, T0 - timedelta(seconds=1), span)
    with pytest.raises(ValueError, match="max_span"):
        split_window(T0, T0 + span, timedelta(0))
    with pytest.raises(ValueError, match="max_span"):
        split_window(T0, T0 + span, -span)
    with pytest.raises(ValueError, match="overlap"):
        split_window(T0, T0 + span, span, overlap=span)
    with pytest.raises(ValueError, match="overlap"):
        split_window(T0, T0 + span, span, overlap=-timedelta(seconds=1))
    with pytest.raises(ValueError, match="naive"):
        split_window(T0, T0.replace(tzinfo=UTC), span)
    with pytest.raises(ValueError, match="naive"):
        split_window(T0.replace(tzinfo=UTC), T0, span)
    with pytest.raises(TypeError):
        split_window(date(2024, 1, 1), T0, span)  # type: ignore[arg-type]


def test_split_window_aware_mixed_zones_keeps_start_zone() -> None:
    start = datetime(2024, 1, 1, 9, 0, tzinfo=KST)  # == 00:00 UTC
    end = datetime(2024, 1, 2, 12, 0, tzinfo=UTC)  # 36 h later
    windows = split_window(start, end, timedelta(hours=24))
    assert windows == [
        (start, start + timedelta(hours=24)),
        (start + timedelta(hours=24), end),
    ]
    assert all(a.tzinfo is KST and b.tzinfo is KST for a, b in windows)


def test_split_window_measures_real_time_across_dst() -> None:
    ny = ZoneInfo("America/New_York")
    start = datetime(2024, 3, 9, 12, 0, tzinfo=ny)  # the night of 10 March has 23 hours
    end = datetime(2024, 3, 11, 12, 0, tzinfo=ny)
    windows = split_window(start, end, timedelta(hours=24))
    assert [b.astimezone(UTC) - a.astimezone(UTC) for a, b in windows] == [
        timedelta(hours=24),
        timedelta(hours=23),
    ]
    assert windows[0][1] == datetime(2024, 3, 10, 13, 0, tzinfo=ny)


def test_split_window_near_datetime_max_does_not_overflow() -> None:
    end = datetime.max
    start = end - timedelta(minutes=15)
    windows = split_window(start, end, timedelta(minutes=10))
    assert windows == [(start, start + timedelta(minutes=10)), (start + timedelta(minutes=10), end)]


# --- split_window: properties -----------------------------------------------------------

spans = st.timedeltas(min_value=timedelta(seconds=1), max_value=timedelta(days=40))
naive_times = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1))
offsets = st.integers(min_value=-12 * 60, max_value=14 * 60).map(
    lambda m: timezone(timedelta(minutes=m))
)


@st.composite
def window_cases(
    draw: st.DrawFn, *, aware: bool
) -> tuple[datetime, datetime, timedelta, timedelta]:
    start = draw(naive_times)
    if aware:
        start = start.replace(tzinfo=draw(offsets))
    max_span = draw(spans)
    # Keep the number of windows bounded: the range is at most ~500 max_spans long.
    length = draw(st.timedeltas(min_value=timedelta(0), max_value=max_span * 500))
    end = start + length
    if aware:
        end = end.astimezone(draw(offsets))
    overlap = draw(st.timedeltas(min_value=timedelta(0), max_value=max_span * 0.9))
    return start, end, max_span, overlap


def check_windows(
    windows: list[tuple[datetime, datetime]],
    start: datetime,
    end: datetime,
    max_span: timedelta,
    overlap: timedelta,
) -> None:
    assert windows
    assert windows[0][0] == start
    assert windows[-1][1] == end
    for a, b in windows:
        assert a <= b
        assert b - a <= max_span
        assert start <= a and b <= end
    for (_, prev_end), (next_start, next_end) in itertools.pairwise(windows):
        # Each later window starts exactly `overlap` before the previous one ended...
        assert next_start == prev_end - overlap
        # ...and makes progress, so the walk terminates and covers [start, end] with no gap.
        assert next_end > prev_end
    # Only the last window may be shorter than max_span.
    for a, b in windows[:-1]:
        assert b - a == max_span


@given(window_cases(aware=False))
def test_split_window_properties_naive(
    case: tuple[datetime, datetime, timedelta, timedelta],
) -> None:
    start, end, max_span, overlap = case
    check_windows(
        split_window(start, end, max_span, overlap=overlap), start, end, max_span, overlap
    )


@given(window_cases(aware=True))
def test_split_window_properties_aware(
    case: tuple[datetime, datetime, timedelta, timedelta],
) -> None:
    start, end, max_span, overlap = case
    windows = split_window(start, end, max_span, overlap=overlap)
    check_windows(windows, start, end, max_span, overlap)
    assert all(a.tzinfo is start.tzinfo and b.tzinfo is start.tzinfo for a, b in windows)


# --- split_date_range -------------------------------------------------------------------


def test_split_date_range_examples() -> None:
    d = date(2024, 1, 1)
    assert split_date_range(d, d, 31) == [(d, d)]
    assert split_date_range(d, date(2024, 1, 31), 31) == [(d, date(2024, 1, 31))]
    assert split_date_range(d, date(2024, 2, 1), 31) == [
        (d, date(2024, 1, 31)),
        (date(2024, 2, 1), date(2024, 2, 1)),
    ]
    assert split_date_range(d, date(2024, 1, 3), 1) == [
        (d, d),
        (date(2024, 1, 2), date(2024, 1, 2)),
        (date(2024, 1, 3), date(2024, 1, 3)),
    ]
    assert split_date_range(date.max - timedelta(days=2), date.max, 2) == [
        (date.max - timedelta(days=2), date.max - timedelta(days=1)),
        (date.max, date.max),
    ]


def test_split_date_range_validation() -> None:
    d = date(2024, 1, 1)
    with pytest.raises(ValueError):
        split_date_range(d, d - timedelta(days=1), 31)
    with pytest.raises(ValueError):
        split_date_range(d, d, 0)
    with pytest.raises(TypeError):
        split_date_range(T0, T0, 31)


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)),
    st.integers(min_value=0, max_value=2000),
    st.integers(min_value=1, max_value=62),
)
def test_split_date_range_properties(start: date, length: int, max_days: int) -> None:
    end = start + timedelta(days=length)
    ranges = split_date_range(start, end, max_days)
    assert ranges[0][0] == start
    assert ranges[-1][1] == end
    covered: list[date] = []
    for a, b in ranges:
        assert a <= b
        days = (b - a).days + 1  # inclusive
        assert days <= max_days
        covered.extend(a + timedelta(days=i) for i in range(days))
    # Every day exactly once, in order: no gap, no overlap.
    assert covered == [start + timedelta(days=i) for i in range(length + 1)]
    for a, b in ranges[:-1]:
        assert (b - a).days + 1 == max_days


# --- dedupe -----------------------------------------------------------------------------


def test_dedupe_keeps_first_occurrence_and_is_lazy() -> None:
    pulled: list[tuple[str, int]] = []

    def source() -> Iterator[tuple[str, int]]:
        for item in [("a", 1), ("b", 2), ("a", 3), ("c", 4), ("b", 5)]:
            pulled.append(item)
            yield item

    it = dedupe(source(), key=lambda item: item[0])
    assert next(it) == ("a", 1)
    assert pulled == [("a", 1)]
    assert list(it) == [("b", 2), ("c", 4)]


@given(st.lists(st.tuples(st.integers(0, 20), st.integers())))
def test_dedupe_properties(items: list[tuple[int, int]]) -> None:
    result = list(dedupe(items, key=lambda item: item[0]))
    keys = [k for k, _ in result]
    assert len(keys) == len(set(keys))
    assert set(keys) == {k for k, _ in items}
    # Each kept item is the first item with that key, and order is preserved.
    first_index: dict[int, int] = {}
    for i, (k, _) in enumerate(items):
        first_index.setdefault(k, i)
    assert result == [items[i] for i in sorted(first_index.values())]


# --- iter_windows / aiter_windows -------------------------------------------------------

# Events at every 5 minutes; a window returns the events with a <= t <= b (inclusive bounds,
# so boundary events come back twice).
EVENTS = [(f"e{i}", T0 + timedelta(minutes=5 * i)) for i in range(13)]  # 0..60 minutes


def events_between(a: datetime, b: datetime) -> list[tuple[str, datetime]]:
    return [e for e in EVENTS if a <= e[1] <= b]


def test_iter_windows_dedupes_across_windows() -> None:
    calls: list[tuple[datetime, datetime]] = []

    def fetch(a: datetime, b: datetime) -> list[tuple[str, datetime]]:
        calls.append((a, b))
        return events_between(a, b)

    result = list(
        iter_windows(
            fetch,
            T0,
            T0 + timedelta(hours=1),
            timedelta(minutes=10),
            overlap=timedelta(minutes=2),
            key=lambda e: e[0],
        )
    )
    assert result == EVENTS
    assert calls == split_window(
        T0, T0 + timedelta(hours=1), timedelta(minutes=10), overlap=timedelta(minutes=2)
    )


def test_iter_windows_validates_eagerly_and_fetches_lazily() -> None:
    calls: list[tuple[datetime, datetime]] = []

    def fetch(a: datetime, b: datetime) -> list[tuple[str, datetime]]:
        calls.append((a, b))
        return events_between(a, b)

    with pytest.raises(ValueError):
        iter_windows(fetch, T0, T0 - timedelta(1), timedelta(minutes=10), key=lambda e: e[0])
    it = iter_windows(fetch, T0, T0 + timedelta(hours=1), timedelta(minutes=10), key=lambda e: e)
    assert calls == []
    assert next(it) == EVENTS[0]
    assert len(calls) == 1


async def test_aiter_windows_dedupes_across_windows() -> None:
    calls: list[tuple[datetime, datetime]] = []

    async def fetch(a: datetime, b: datetime) -> AsyncIterator[tuple[str, datetime]]:
        calls.append((a, b))
        for event in events_between(a, b):
            yield event

    result = [
        e
        async for e in aiter_windows(
            fetch, T0, T0 + timedelta(hours=1), timedelta(minutes=25), key=lambda e: e[0]
        )
    ]
    assert result == EVENTS
    assert len(calls) == 3
    with pytest.raises(ValueError):
        aiter_windows(fetch, T0, T0, timedelta(0), key=lambda e: e[0])
