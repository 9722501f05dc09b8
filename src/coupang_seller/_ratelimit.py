"""Client-side rate limiting and circuit breaking for the Coupang Open API.

Coupang allows roughly 10 calls per second per ``vendorId`` and answers ``429`` beyond
that; blocks last minutes and repeated abuse can become permanent.  Staying well-behaved
is therefore the SDK's job, not the caller's:

* :class:`TokenBucket` spaces calls out.  Its core is :meth:`TokenBucket.reserve`, which
  atomically books one token (letting the balance go negative) and tells the caller how
  long to wait.  Sync callers ``time.sleep`` that delay and async callers ``await
  asyncio.sleep`` it, so one bucket is shared fairly (first come, first served) between
  threads and event loops.
* :class:`RateLimiterRegistry` maps a vendor id to its bucket.  The process-wide
  :func:`default_rate_limiters` registry is shared by every client in the process, so two
  clients for the same vendor do not each get their own 10 calls/s.
* Some endpoints have a stricter limit of their own on top of the general one: the Rocket
  Growth endpoints (``/rg_open_api/`` paths) allow 50 calls a minute per vendor (paced at
  48 a minute, see :data:`RG_RATE_PER_SECOND`).
  :func:`scope_for_path` names such a scope and its rate, and
  :meth:`RateLimiterRegistry.get_scoped` keeps a second, independent bucket per
  ``(scope, vendor)``; a call on such a path waits for both buckets (the longer delay).
* :class:`CircuitBreaker` stops calls for a vendor after a ``429`` or a ``403`` block,
  for ``Retry-After`` seconds or an exponentially growing cooldown.
* :func:`parse_retry_after` reads a ``Retry-After`` header.

Nothing here performs I/O; clocks and sleepers are injectable for tests.
"""

from __future__ import annotations

import asyncio
import math
import re
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

__all__ = [
    "DEFAULT_RATE_PER_SECOND",
    "RG_LIMIT_PER_MINUTE",
    "RG_PATH_MARKER",
    "RG_RATE_PER_SECOND",
    "RG_SCOPE",
    "CircuitBreaker",
    "RateLimiterRegistry",
    "TokenBucket",
    "default_circuit_breaker",
    "default_rate_limiters",
    "parse_retry_after",
    "scope_for_path",
]

DEFAULT_RATE_PER_SECOND = 10.0
#: Registry buckets pace calls evenly (a burst of one): the gateway counts calls on arrival,
#: so a client burst plus network jitter could cross its limit even when the average rate
#: is right. Even pacing leaves the gateway's whole second of capacity as slack.
DEFAULT_BURST = 1.0
"""Coupang's documented per-vendor allowance, in calls per second."""


#: The Rocket Growth endpoints' own limit: 50 calls a minute per vendor, counted by the
#: gateway on arrival over any 60 s. Calls are paced evenly a little under it, 48 a minute
#: (one every 1.25 s): at exactly 50 the 51st call would be due the very instant the first
#: leaves the window, so any network jitter would cost a 429 (and a block); at 48 a window
#: holds at most 49 calls and each call may arrive up to 1.25 s late or early.
RG_SCOPE = "rocket_growth"
RG_PATH_MARKER = "/rg_open_api/"
RG_LIMIT_PER_MINUTE = 50.0
RG_RATE_PER_SECOND = 48.0 / 60.0


def scope_for_path(path: str) -> tuple[str, float] | None:
    """``(scope, calls per second)`` of the stricter limit a request path falls under, if any."""
    if RG_PATH_MARKER in path:
        return RG_SCOPE, RG_RATE_PER_SECOND
    return None


def _check_rate(rate: float) -> float:
    rate = float(rate)
    if not math.isfinite(rate) or rate <= 0:
        raise ValueError(f"rate must be a finite number > 0, got {rate!r}")
    return rate


class TokenBucket:
    """A thread-safe token bucket handing out *reservations*.

    ``rate`` tokens are added per second, up to ``burst`` tokens (default
    ``max(1.0, rate)``).  Each call takes one token.  When the bucket is empty the balance
    goes negative: the caller is scheduled behind those already waiting and told how long
    to wait, which keeps callers in reservation order without any queue.

    A reservation is final: a caller that gives up while waiting (an exception, a cancelled
    task) still consumed its slot.  That errs on the side of calling Coupang less often.
    """

    def __init__(
        self,
        rate: float,
        burst: float | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._rate = _check_rate(rate)
        if burst is not None:
            burst = float(burst)
            if not math.isfinite(burst) or burst < 1:
                raise ValueError(f"burst must be a finite number >= 1, got {burst!r}")
        self._explicit_burst = burst
        self._burst = burst if burst is not None else max(1.0, self._rate)
        self._clock = clock
        self._lock = threading.Lock()
        self._tokens = self._burst
        self._updated = clock()

    @property
    def rate(self) -> float:
        """Tokens added per second."""
        return self._rate

    @property
    def burst(self) -> float:
        """Capacity of the bucket (the largest number of back-to-back calls)."""
        return self._burst

    def set_rate(self, rate: float) -> None:
        """Change the refill rate from now on.

        Tokens accrued so far are credited at the old rate first.  When the bucket was
        created without an explicit ``burst``, the capacity follows the new rate
        (``max(1.0, rate)``); an explicit ``burst`` is kept.  Reservations already handed
        out are not recomputed.
        """
        rate = _check_rate(rate)
        with self._lock:
            self._refill(self._clock())
            self._rate = rate
            if self._explicit_burst is None:
                self._burst = max(1.0, rate)
                self._tokens = min(self._tokens, self._burst)

    def _refill(self, now: float) -> None:
        # Caller holds the lock.  A clock that goes backwards adds nothing.
        elapsed = max(0.0, now - self._updated)
        self._tokens = min(self._burst, self._tokens + elapsed * self._rate)
        self._updated = max(self._updated, now)

    def reserve(self) -> float:
        """Take one token and return how many seconds to wait before using it.

        Returns ``0.0`` when a token was available.  Otherwise the balance goes negative
        and the delay is the time the bucket needs to pay that debt back, so the n-th
        waiting caller waits about ``n / rate`` seconds.
        """
        with self._lock:
            self._refill(self._clock())
            self._tokens -= 1.0
            if self._tokens >= 0:
                return 0.0
            return -self._tokens / self._rate

    def acquire(self, *, sleep: Callable[[float], object] = time.sleep) -> float:
        """Reserve a token and block (with ``sleep``) until it is usable; return the wait."""
        delay = self.reserve()
        if delay > 0:
            sleep(delay)
        return delay

    async def acquire_async(
        self, *, sleep: Callable[[float], Awaitable[object]] = asyncio.sleep
    ) -> float:
        """Reserve a token and ``await sleep(delay)`` until it is usable; return the wait."""
        delay = self.reserve()
        if delay > 0:
            await sleep(delay)
        return delay

    def __repr__(self) -> str:
        return f"TokenBucket(rate={self._rate!r}, burst={self._burst!r})"


class RateLimiterRegistry:
    """A thread-safe map from vendor id to its :class:`TokenBucket`.

    :meth:`get` creates the bucket on first use.  When it is later called with a different
    rate the bucket's rate is updated: **the last configured rate wins**, for every client
    sharing the registry.

    The registry deliberately has no ``__len__``: an empty registry is truthy, so
    ``registry or default_rate_limiters()`` keeps a caller's own (still empty) registry.
    """

    def __init__(self, *, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._buckets: dict[str, TokenBucket] = {}
        self._scoped: dict[tuple[str, str], TokenBucket] = {}

    def get(self, vendor_id: str, rate: float = DEFAULT_RATE_PER_SECOND) -> TokenBucket:
        """Return the bucket for ``vendor_id``, creating it or updating its rate."""
        rate = _check_rate(rate)
        with self._lock:
            bucket = self._buckets.get(vendor_id)
            if bucket is None:
                bucket = TokenBucket(rate, burst=DEFAULT_BURST, clock=self._clock)
                self._buckets[vendor_id] = bucket
            elif bucket.rate != rate:
                bucket.set_rate(rate)
            return bucket

    def get_scoped(self, scope: str, vendor_id: str, rate: float) -> TokenBucket:
        """The bucket of ``vendor_id`` for a stricter per-endpoint limit named ``scope``
        (see :func:`scope_for_path`), independent of the vendor's general bucket; created on
        first use, its rate updated like :meth:`get`'s."""
        rate = _check_rate(rate)
        key = (scope, vendor_id)
        with self._lock:
            bucket = self._scoped.get(key)
            if bucket is None:
                bucket = TokenBucket(rate, burst=DEFAULT_BURST, clock=self._clock)
                self._scoped[key] = bucket
            elif bucket.rate != rate:
                bucket.set_rate(rate)
            return bucket

    def clear(self) -> None:
        """Forget every bucket (buckets already handed out keep working on their own)."""
        with self._lock:
            self._buckets.clear()
            self._scoped.clear()

    def __contains__(self, vendor_id: object) -> bool:
        with self._lock:
            return vendor_id in self._buckets


_DEFAULT_REGISTRY = RateLimiterRegistry()


def default_rate_limiters() -> RateLimiterRegistry:
    """The process-wide registry shared by every ``Client`` and ``AsyncClient``."""
    return _DEFAULT_REGISTRY


@dataclass(slots=True)
class _Circuit:
    trips: int = 0
    open_until: float = 0.0
    probe_started: float | None = None


class CircuitBreaker:
    """Per-vendor circuit breaker for ``429 Too Many Requests`` and ``403`` blocks.

    States, per vendor id:

    * **closed** (never tripped, or last reported a success): :meth:`allow` is always true.
    * **open** (tripped, cooldown running): :meth:`allow` is false and :meth:`remaining`
      tells how long to wait.
    * **half-open** (tripped, cooldown elapsed): :meth:`allow` returns true for exactly one
      caller, the *probe*, and false for everybody else until the probe reports its outcome
      with :meth:`record_success` (closes the circuit) or :meth:`record_rate_limited` /
      :meth:`record_blocked` (opens it again with a longer cooldown).  Report any response
      that is neither a 429 nor a block as a success.  A probe that ends without a response
      should call :meth:`release_probe`; a probe that never reports at all is presumed lost
      after ``probe_timeout`` seconds and another caller may probe.

    Cooldowns: an explicit ``Retry-After`` is honoured as given.  Without one, the n-th
    consecutive trip waits ``base_cooldown * 2**(n-1)`` seconds, capped at
    ``max_cooldown``.  Blocks wait at least that long even if ``Retry-After`` is shorter.
    """

    def __init__(
        self,
        *,
        clock: Callable[[], float] = time.monotonic,
        base_cooldown: float = 60.0,
        max_cooldown: float = 900.0,
        probe_timeout: float = 60.0,
    ) -> None:
        if not (math.isfinite(base_cooldown) and base_cooldown > 0):
            raise ValueError(f"base_cooldown must be > 0, got {base_cooldown!r}")
        if not (math.isfinite(max_cooldown) and max_cooldown >= base_cooldown):
            raise ValueError(f"max_cooldown must be >= base_cooldown, got {max_cooldown!r}")
        if not (math.isfinite(probe_timeout) and probe_timeout > 0):
            raise ValueError(f"probe_timeout must be > 0, got {probe_timeout!r}")
        self._clock = clock
        self._base = float(base_cooldown)
        self._max = float(max_cooldown)
        self._probe_timeout = float(probe_timeout)
        self._lock = threading.Lock()
        self._circuits: dict[str, _Circuit] = {}

    def _backoff(self, trips: int) -> float:
        # 2**exponent overflows floats long before the cap matters; clamp the exponent.
        return min(self._max, self._base * 2.0 ** min(trips - 1, 64))

    def _trip(self, vendor_id: str, cooldown_for: Callable[[int], float]) -> float:
        with self._lock:
            circuit = self._circuits.setdefault(vendor_id, _Circuit())
            circuit.trips += 1
            cooldown = cooldown_for(circuit.trips)
            circuit.open_until = self._clock() + cooldown
            circuit.probe_started = None
            return cooldown

    def record_rate_limited(self, vendor_id: str, retry_after: float | None) -> float:
        """Open the circuit after a 429; return the cooldown applied, in seconds.

        ``retry_after`` (seconds, e.g. from :func:`parse_retry_after`) is used as is when
        given; otherwise the exponential cooldown for this consecutive trip applies.
        """

        def cooldown(trips: int) -> float:
            """Seconds to stay open: the server's Retry-After when given, else the backoff for
            ``trips``.
            """
            if retry_after is not None:
                return max(0.0, float(retry_after))
            return self._backoff(trips)

        return self._trip(vendor_id, cooldown)

    def record_blocked(self, vendor_id: str, retry_after: float | None = None) -> float:
        """Open the circuit after a 403 block; return the cooldown applied, in seconds.

        The cooldown is ``max(exponential cooldown, retry_after)``: at least
        ``base_cooldown`` on the first block, growing on repeated blocks.
        """

        def cooldown(trips: int) -> float:
            """Seconds to stay open: the longer of the backoff for ``trips`` and the server's
            Retry-After.
            """
            server = 0.0 if retry_after is None else float(retry_after)
            return max(self._backoff(trips), server)

        return self._trip(vendor_id, cooldown)

    def record_success(self, vendor_id: str) -> None:
        """Close the circuit and reset the consecutive-trip count."""
        with self._lock:
            self._circuits.pop(vendor_id, None)

    def release_probe(self, vendor_id: str) -> None:
        """Give up the half-open probe slot without reporting an outcome."""
        with self._lock:
            circuit = self._circuits.get(vendor_id)
            if circuit is not None:
                circuit.probe_started = None

    def remaining(self, vendor_id: str) -> float:
        """Seconds until the cooldown ends (``0.0`` when closed or half-open)."""
        with self._lock:
            circuit = self._circuits.get(vendor_id)
            if circuit is None:
                return 0.0
            return max(0.0, circuit.open_until - self._clock())

    def is_open(self, vendor_id: str) -> bool:
        """Whether the cooldown is still running for ``vendor_id``."""
        return self.remaining(vendor_id) > 0.0

    def consecutive_trips(self, vendor_id: str) -> int:
        """How many 429s/blocks were recorded since the last success."""
        with self._lock:
            circuit = self._circuits.get(vendor_id)
            return 0 if circuit is None else circuit.trips

    def allow(self, vendor_id: str) -> bool:
        """Whether a call for ``vendor_id`` may go out now (see the class docs)."""
        with self._lock:
            circuit = self._circuits.get(vendor_id)
            if circuit is None:
                return True
            now = self._clock()
            if now < circuit.open_until:
                return False
            if (
                circuit.probe_started is not None
                and now - circuit.probe_started < self._probe_timeout
            ):
                return False
            circuit.probe_started = now
            return True

    def reset(self) -> None:
        """Forget every vendor's state."""
        with self._lock:
            self._circuits.clear()


_DEFAULT_CIRCUIT_BREAKER = CircuitBreaker()


def default_circuit_breaker() -> CircuitBreaker:
    """The process-wide circuit breaker shared by every client in the process."""
    return _DEFAULT_CIRCUIT_BREAKER


_DELTA_SECONDS = re.compile(r"\d+(?:\.\d+)?")


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Parse a ``Retry-After`` header into seconds to wait (``>= 0``).

    Accepts delta-seconds (``"120"``, and leniently ``"1.5"``) or an HTTP-date
    (``"Wed, 21 Oct 2015 07:28:00 GMT"``); a date in the past gives ``0.0``.  ``now``
    defaults to the current UTC time; a naive ``now`` is taken as UTC.  Returns ``None``
    when the value is absent or unparseable (including negative numbers).
    """
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    if _DELTA_SECONDS.fullmatch(text):
        seconds = float(text)
        return seconds if math.isfinite(seconds) else None
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    if now is None:
        now = datetime.now(UTC)
    elif now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())
