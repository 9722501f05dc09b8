"""(c) AsyncClient against the rate limiter: achieved / ideal calls per second, 429s counted.

Many concurrent coroutines share one vendor's token bucket; the ideal is the configured
rate (after the initial burst). A 429 from the sandbox would mean the client let too many
calls through.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

from benchmarks._server import ACCESS_KEY, SECRET_KEY, VENDOR_ID, Server
from coupang_seller import AsyncClient, RateLimitError
from coupang_seller._ratelimit import RateLimiterRegistry

RATE = 10.0
CALLS = 60
CONCURRENCY = 30


@dataclass(frozen=True)
class RateResult:
    calls: int
    elapsed: float
    rate: float
    burst: float
    rate_limited: int

    @property
    def ideal_seconds(self) -> float:
        return max(0.0, (self.calls - self.burst)) / self.rate

    @property
    def ratio(self) -> float:
        """achieved calls/s over ideal calls/s (1.0 = the limiter wastes nothing)."""
        return self.ideal_seconds / self.elapsed if self.elapsed else 0.0


async def _run(server: Server) -> RateResult:
    registry = RateLimiterRegistry()
    limited = 0
    async with AsyncClient(
        ACCESS_KEY,
        SECRET_KEY,
        VENDOR_ID,
        base_url=server.base_url,
        rate_limit=RATE,
        rate_limiters=registry,
        max_retries=0,
    ) as client:
        queue = list(range(CALLS))
        bucket = registry.get(VENDOR_ID, RATE)

        async def worker() -> None:
            nonlocal limited
            while queue:
                queue.pop()
                try:
                    await client.request(
                        "GET",
                        "/v2/providers/marketplace_openapi/apis/api/v2/vendor/shipping-place/outbound",
                        params={"pageNum": 1, "pageSize": 10},
                    )
                except RateLimitError:
                    limited += 1

        start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
        elapsed = time.perf_counter() - start
    return RateResult(
        calls=CALLS, elapsed=elapsed, rate=RATE, burst=bucket.burst, rate_limited=limited
    )


def run(server: Server) -> RateResult:
    return asyncio.run(_run(server))
