"""The gateway's per-vendor rate limit, emulated.

Coupang allows roughly 10 calls per second per vendorId and answers 429 beyond it; the
vendor then stays blocked for minutes. Like signature checks, this is gateway behaviour:
it runs on the real monotonic clock, not on the sandbox's business clock.

Each vendor has a token bucket holding one second's worth of calls. A call that finds the
bucket empty is refused with 429, and the vendor is blocked for ``block_seconds``: every
call during the block is refused too, with ``Retry-After`` telling how long is left.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(slots=True)
class _Bucket:
    tokens: float
    updated: float
    blocked_until: float = 0.0


class GatewayThrottle:
    def __init__(
        self,
        rate_per_second: float | None,
        block_seconds: float,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if rate_per_second is not None and rate_per_second <= 0:
            raise ValueError("rate_per_second must be > 0, or None to disable the throttle")
        if block_seconds < 0:
            raise ValueError("block_seconds must be >= 0")
        self.rate = rate_per_second
        self.block_seconds = block_seconds
        self._clock = clock
        self._lock = threading.Lock()
        self._buckets: dict[str, _Bucket] = {}

    @property
    def capacity(self) -> float:
        return max(1.0, self.rate or 1.0)

    def check(self, vendor_id: str) -> float | None:
        """``None`` when the call may pass, else the seconds the vendor must wait."""
        if self.rate is None:
            return None
        now = self._clock()
        with self._lock:
            bucket = self._buckets.get(vendor_id)
            if bucket is None:
                bucket = self._buckets[vendor_id] = _Bucket(self.capacity, now)
            if now < bucket.blocked_until:
                return bucket.blocked_until - now
            bucket.tokens = min(self.capacity, bucket.tokens + (now - bucket.updated) * self.rate)
            bucket.updated = now
            if bucket.tokens >= 1.0:
                bucket.tokens -= 1.0
                return None
            wait = max(self.block_seconds, (1.0 - bucket.tokens) / self.rate)
            bucket.blocked_until = now + wait
            return wait

    def clear(self) -> None:
        with self._lock:
            self._buckets.clear()


class WindowThrottle:
    """A per-vendor limit of ``limit`` calls in any ``window_seconds`` (a sliding window).

    Used for the Rocket Growth endpoints (50 calls a minute per vendor), which Coupang counts
    per minute rather than per second: a token bucket refilling at 50/60 per second would
    let a burst of 50 plus the refill through in the first minute. A call beyond the limit
    is refused (and not counted); the wait is the time until the oldest counted call leaves
    the window. Real monotonic clock, like :class:`GatewayThrottle`.
    """

    def __init__(
        self,
        limit: float | None,
        window_seconds: float = 60.0,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if limit is not None and limit < 1:
            raise ValueError("limit must be >= 1, or None to disable the throttle")
        if window_seconds <= 0:
            raise ValueError("window_seconds must be > 0")
        self.limit = None if limit is None else int(limit)
        self.window = float(window_seconds)
        self._clock = clock
        self._lock = threading.Lock()
        self._calls: dict[str, deque[float]] = {}

    def check(self, vendor_id: str) -> float | None:
        """``None`` when the call may pass (and is counted), else the seconds to wait."""
        if self.limit is None:
            return None
        now = self._clock()
        with self._lock:
            calls = self._calls.setdefault(vendor_id, deque())
            while calls and calls[0] <= now - self.window:
                calls.popleft()
            if len(calls) >= self.limit:
                return max(0.0, calls[0] + self.window - now)
            calls.append(now)
            return None

    def clear(self) -> None:
        with self._lock:
            self._calls.clear()


def retry_after_header(seconds: float) -> str:
    return str(max(1, math.ceil(seconds)))
