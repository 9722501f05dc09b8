"""The gateway's per-vendor rate limits, emulated.

Coupang allows roughly 10 calls per second per vendorId and answers 429 beyond it; the
vendor then stays blocked for minutes. Like signature checks, this is gateway behaviour:
it runs on a real clock, not on the sandbox's business clock.

Each vendor has a token bucket holding one second's worth of calls. A call that finds the
bucket empty is refused with 429, and the vendor is blocked for ``block_seconds``: every
call during the block is refused too, with ``Retry-After`` telling how long is left.

Where the state lives: given a ``store``, in the store's throttle table, one row per vendor
read and written under a row lock, so that every process serving one database counts against
the same limit (``sandbox serve --workers N``, or several servers). Such a throttle runs on
the wall clock (``time.time``): it is the one clock that all the processes share and that
still means the same after a restart (the block persists with the row); a monotonic clock
would be neither, and the database's clock would cost a round trip and could not be injected
in tests. A wall clock stepping back refills nothing (elapsed time is clamped at 0). Without a
store (unit tests, an injected clock), the state lives in this process, on ``time.monotonic``.
A disabled throttle (``None``) never touches either.
"""

from __future__ import annotations

import json
import math
import threading
import time
from collections.abc import Callable
from typing import Any

from coupang_sandbox.store import Store
from coupang_sandbox.store import repo as r

#: A throttle step: the vendor's state (``None`` when new) and the current time ->
#: the new state and ``None`` (the call passes) or the seconds to wait.
Step = Callable[[Any, float], tuple[Any, float | None]]


class _States:
    """Per-vendor throttle states: in this process, or in the store (shared by processes)."""

    def __init__(self, store: Store | None, scope: str) -> None:
        self._store = store
        self._scope = scope
        self._lock = threading.Lock()
        self._memory: dict[str, Any] = {}

    def apply(self, vendor_id: str, now: float, step: Step) -> float | None:
        """Apply ``step`` to the vendor's state (in the store when shared); the wait or None."""
        if self._store is None:
            with self._lock:
                self._memory[vendor_id], wait = step(self._memory.get(vendor_id), now)
            return wait
        with self._store.engine.begin() as conn:
            text = r.throttle_lock(conn, self._scope, vendor_id)
            state, wait = step(json.loads(text), now)
            new_text = json.dumps(state)
            if new_text != text:
                r.throttle_save(conn, self._scope, vendor_id, new_text)
        return wait

    def clear(self) -> None:
        """Forget every vendor's state."""
        with self._lock:
            self._memory.clear()
        if self._store is not None:
            with self._store.engine.begin() as conn:
                r.throttle_clear(conn, self._scope)


class GatewayThrottle:
    """The per-second limit of every signed call (a token bucket per vendor, then a block)."""

    def __init__(
        self,
        rate_per_second: float | None,
        block_seconds: float,
        *,
        clock: Callable[[], float] | None = None,
        store: Store | None = None,
    ) -> None:
        """``rate_per_second`` calls per vendor (``None``: off), then ``block_seconds`` of 429s;
        the state lives in ``store`` when given (shared by processes), else in memory."""
        if rate_per_second is not None and rate_per_second <= 0:
            raise ValueError("rate_per_second must be > 0, or None to disable the throttle")
        if block_seconds < 0:
            raise ValueError("block_seconds must be >= 0")
        self.rate = rate_per_second
        self.block_seconds = block_seconds
        self._clock = clock or (time.monotonic if store is None else time.time)
        self._states = _States(store, "gateway")

    @property
    def capacity(self) -> float:
        """Calls a full bucket lets through at once (one second's worth, at least 1)."""
        return max(1.0, self.rate or 1.0)

    def _step(self, state: list[float] | None, now: float) -> tuple[list[float], float | None]:
        tokens, updated, blocked_until = state or (self.capacity, now, 0.0)
        if now < blocked_until:
            return [tokens, updated, blocked_until], blocked_until - now
        rate = self.rate or 1.0
        tokens = min(self.capacity, tokens + max(0.0, now - updated) * rate)
        if tokens >= 1.0:
            return [tokens - 1.0, now, blocked_until], None
        wait = max(self.block_seconds, (1.0 - tokens) / rate)
        return [tokens, now, now + wait], wait

    def check(self, vendor_id: str, *, blocks: bool = False) -> float | None:
        """``None`` when the call may pass, else the seconds the vendor must wait.

        A disabled throttle (no rate) passes every call without reading any state, unless
        ``blocks``: then a block placed by :meth:`block` (a ``rate_limit`` fault) still holds.
        """
        if self.rate is None:
            if not blocks:
                return None
            return self._states.apply(vendor_id, self._clock(), _blocked_step)
        return self._states.apply(vendor_id, self._clock(), self._step)

    def block(self, vendor_id: str, seconds: float) -> float:
        """Block the vendor for ``seconds`` from now (as a 429 beyond the limit does); every
        call until then answers 429. Returns ``seconds``."""

        def step(state: list[float] | None, now: float) -> tuple[list[float], float | None]:
            """Block the vendor for ``seconds`` from ``now``."""
            tokens, updated, _ = state or (self.capacity, now, 0.0)
            return [tokens, updated, now + seconds], seconds

        self._states.apply(vendor_id, self._clock(), step)
        return seconds

    def clear(self) -> None:
        """Forget every vendor's bucket and block."""
        self._states.clear()


def _blocked_step(state: list[float] | None, now: float) -> tuple[Any, float | None]:
    """A disabled throttle's step: only a standing block refuses (nothing is counted)."""
    if state is None or now >= state[2]:
        return state, None
    return state, state[2] - now


class WindowThrottle:
    """A per-vendor limit of ``limit`` calls in any ``window_seconds`` (a sliding window).

    Used for the Rocket Growth endpoints (50 calls a minute per vendor), which Coupang counts
    per minute rather than per second: a token bucket refilling at 50/60 per second would
    let a burst of 50 plus the refill through in the first minute. A call beyond the limit
    is refused (and not counted); the wait is the time until the oldest counted call leaves
    the window. Same clocks and state as :class:`GatewayThrottle`.
    """

    def __init__(
        self,
        limit: float | None,
        window_seconds: float = 60.0,
        *,
        clock: Callable[[], float] | None = None,
        store: Store | None = None,
    ) -> None:
        """``limit`` calls per vendor in ``window_seconds`` (``None``: off); the state lives in
        ``store`` when given (shared by processes), else in memory."""
        if limit is not None and limit < 1:
            raise ValueError("limit must be >= 1, or None to disable the throttle")
        if window_seconds <= 0:
            raise ValueError("window_seconds must be > 0")
        self.limit = None if limit is None else int(limit)
        self.window = float(window_seconds)
        self._clock = clock or (time.monotonic if store is None else time.time)
        self._states = _States(store, "window")

    def _step(self, state: list[float] | None, now: float) -> tuple[list[float], float | None]:
        calls = [at for at in state or () if at > now - self.window]
        if len(calls) >= (self.limit or 0):
            return calls, max(0.0, min(calls) + self.window - now)
        calls.append(now)
        return calls, None

    def check(self, vendor_id: str) -> float | None:
        """``None`` when the call may pass (and is counted), else the seconds to wait."""
        if self.limit is None:
            return None
        return self._states.apply(vendor_id, self._clock(), self._step)

    def clear(self) -> None:
        """Forget every vendor's counted calls."""
        self._states.clear()


def retry_after_header(seconds: float) -> str:
    """``Retry-After`` in whole seconds (at least 1)."""
    return str(max(1, math.ceil(seconds)))
