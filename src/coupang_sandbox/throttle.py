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


def retry_after_header(seconds: float) -> str:
    return str(max(1, math.ceil(seconds)))
