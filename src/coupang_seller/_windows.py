"""Splitting long date ranges into the search windows Coupang's list APIs accept.

Several list APIs cap the span of one query: 31 days (order sheets in daily mode, returns,
revenue), 24 hours (order sheets in time-frame mode), 10 minutes (the product time-frame
list) and 7 days (exchanges, CS inquiries).  :func:`split_window` and
:func:`split_date_range` cut a range into allowed windows; :func:`iter_windows` /
:func:`aiter_windows` walk them and drop the duplicates that overlapping windows return.
"""

from __future__ import annotations

from collections.abc import AsyncIterable, AsyncIterator, Callable, Hashable, Iterable, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import TypeVar

__all__ = [
    "MAX_WINDOW_ORDER_SHEETS_DAILY",
    "MAX_WINDOW_ORDER_SHEETS_TIMEFRAME",
    "MAX_WINDOW_PRODUCTS_TIMEFRAME",
    "MAX_WINDOW_SEVEN_DAYS",
    "aiter_windows",
    "dedupe",
    "iter_windows",
    "require_dates",
    "require_datetimes",
    "split_date_range",
    "split_window",
]

T = TypeVar("T")

MAX_WINDOW_ORDER_SHEETS_DAILY = timedelta(days=31)
MAX_WINDOW_ORDER_SHEETS_TIMEFRAME = timedelta(hours=24)
MAX_WINDOW_PRODUCTS_TIMEFRAME = timedelta(minutes=10)
MAX_WINDOW_SEVEN_DAYS = timedelta(days=7)

_ZERO = timedelta(0)


def _refuse(name: str, value: object, wanted: str, example: str) -> TypeError:
    shown = f"{type(value).__name__} {value!r:.40}"
    return TypeError(f"{name} takes a {wanted}, not {shown}: pass {example}")


def require_dates(**values: object) -> None:
    """Raise :class:`TypeError` for a date parameter given anything but a ``date`` (or
    ``datetime``); ``None`` passes (optional parameters). A string is refused rather than
    guessed at: its format and time zone are ambiguous."""
    for name, value in values.items():
        if value is not None and not isinstance(value, date):
            raise _refuse(name, value, "datetime.date or datetime.datetime", "date(2024, 5, 31)")


def require_datetimes(**values: object) -> None:
    """Raise :class:`TypeError` for a moment parameter given anything but a ``datetime``
    (naive ones are Korean time); ``None`` passes (optional parameters)."""
    for name, value in values.items():
        if value is not None and not isinstance(value, datetime):
            example = "datetime(2024, 5, 31, 9, 30) (naive = Korean time)"
            raise _refuse(name, value, "datetime.datetime", example)


def _is_aware(value: datetime) -> bool:
    return value.tzinfo is not None and value.utcoffset() is not None


def split_window(
    start: datetime,
    end: datetime,
    max_span: timedelta,
    *,
    overlap: timedelta = _ZERO,
) -> list[tuple[datetime, datetime]]:
    """Cut ``[start, end]`` into consecutive windows no longer than ``max_span``.

    The first window starts at ``start`` and the last one ends at ``end``.  Every later
    window starts ``overlap`` before the previous one ended, so items stamped near a
    boundary are not lost whether the server treats bounds as inclusive or exclusive or
    its clock differs a little; pair it with :func:`dedupe`.  ``start == end`` gives one
    empty window.

    Naive and aware datetimes are both accepted, but ``start`` and ``end`` must be the
    same kind.  Aware ranges are measured in real (UTC) time and the boundaries are
    expressed in ``start``'s time zone.

    Raises ``ValueError`` when ``end < start``, ``max_span <= 0``, ``overlap < 0``,
    ``overlap >= max_span`` or naive and aware datetimes are mixed.
    """
    if not isinstance(start, datetime) or not isinstance(end, datetime):
        raise TypeError("start and end must be datetime instances")
    aware = _is_aware(start)
    if aware != _is_aware(end):
        raise ValueError("start and end must both be naive or both be timezone-aware")
    if end < start:
        raise ValueError(f"end ({end.isoformat()}) is before start ({start.isoformat()})")
    if max_span <= _ZERO:
        raise ValueError(f"max_span must be positive, got {max_span!r}")
    if overlap < _ZERO or overlap >= max_span:
        raise ValueError(f"overlap must satisfy 0 <= overlap < max_span, got {overlap!r}")

    tz = start.tzinfo
    cur, stop = (start.astimezone(UTC), end.astimezone(UTC)) if aware else (start, end)
    windows: list[tuple[datetime, datetime]] = []
    while True:
        # Compare before adding so a range ending near datetime.max cannot overflow.
        window_end = stop if stop - cur <= max_span else cur + max_span
        windows.append((cur, window_end))
        if window_end >= stop:
            break
        cur = window_end - overlap
    if aware:
        windows = [(a.astimezone(tz), b.astimezone(tz)) for a, b in windows]
    return windows


def split_date_range(start: date, end: date, max_days: int) -> list[tuple[date, date]]:
    """Cut the inclusive day range ``[start, end]`` into inclusive ranges of ``max_days``.

    For the daily-mode APIs whose ``createdAtFrom``/``createdAtTo`` (``yyyy-MM-dd``) are
    both inclusive: each returned ``(from, to)`` spans at most ``max_days`` calendar days
    counting both ends, consecutive ranges neither overlap nor leave a gap.

    Raises ``TypeError`` for ``datetime`` arguments (use :func:`split_window`) and
    ``ValueError`` when ``end < start`` or ``max_days < 1``.
    """
    if isinstance(start, datetime) or isinstance(end, datetime):
        raise TypeError("split_date_range takes date objects, not datetimes")
    if end < start:
        raise ValueError(f"end ({end.isoformat()}) is before start ({start.isoformat()})")
    if max_days < 1:
        raise ValueError(f"max_days must be >= 1, got {max_days!r}")
    span = timedelta(days=max_days - 1)
    ranges: list[tuple[date, date]] = []
    cur = start
    while True:
        range_end = end if end - cur <= span else cur + span
        ranges.append((cur, range_end))
        if range_end >= end:
            return ranges
        cur = range_end + timedelta(days=1)


def dedupe(items: Iterable[T], key: Callable[[T], Hashable]) -> Iterator[T]:
    """Yield the items whose ``key`` was not seen before, lazily and in order.

    Keeps the first occurrence.  Remembers every key, so memory grows with the number of
    distinct items.
    """
    seen: set[Hashable] = set()
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            yield item


def iter_windows(
    fetch_window: Callable[[datetime, datetime], Iterable[T]],
    start: datetime,
    end: datetime,
    max_span: timedelta,
    *,
    key: Callable[[T], Hashable],
    overlap: timedelta = _ZERO,
) -> Iterator[T]:
    """Yield the items of ``fetch_window(a, b)`` for every window of :func:`split_window`.

    Items seen in an earlier window (by ``key``) are skipped.  The windows are computed
    (and the arguments validated) immediately; ``fetch_window`` is called lazily, one
    window at a time, in chronological order.
    """
    windows = split_window(start, end, max_span, overlap=overlap)
    return dedupe(_chain_windows(fetch_window, windows), key)


def _chain_windows(
    fetch_window: Callable[[datetime, datetime], Iterable[T]],
    windows: list[tuple[datetime, datetime]],
) -> Iterator[T]:
    for window_start, window_end in windows:
        yield from fetch_window(window_start, window_end)


def aiter_windows(
    fetch_window: Callable[[datetime, datetime], AsyncIterable[T]],
    start: datetime,
    end: datetime,
    max_span: timedelta,
    *,
    key: Callable[[T], Hashable],
    overlap: timedelta = _ZERO,
) -> AsyncIterator[T]:
    """Async twin of :func:`iter_windows`: ``fetch_window`` returns an async iterable."""
    windows = split_window(start, end, max_span, overlap=overlap)
    return _aiter_windows(fetch_window, windows, key)


async def _aiter_windows(
    fetch_window: Callable[[datetime, datetime], AsyncIterable[T]],
    windows: list[tuple[datetime, datetime]],
    key: Callable[[T], Hashable],
) -> AsyncIterator[T]:
    seen: set[Hashable] = set()
    for window_start, window_end in windows:
        async for item in fetch_window(window_start, window_end):
            k = key(item)
            if k not in seen:
                seen.add(k)
                yield item
