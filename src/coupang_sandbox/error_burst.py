"""The gateway's error-burst protection, emulated: a client (peer IP) whose calls draw a burst
of 4xx answers is blocked for a while, and gets the HTML "Access Denied" page meanwhile.

Coupang's gateway does this (the reference: "bursts of errors give a temporary 403 Access
Denied HTML page"). Here it is off unless configured (``SandboxSettings.error_burst``, ``sandbox
serve --error-burst N --error-block-seconds S``): ``limit`` 4xx answers within
``window_seconds`` block the peer for ``block_seconds``. Like the throttle it is gateway
behaviour on the wall clock, and its state lives in the store's throttle table (scope
``burst``), so every process serving the store counts one burst.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from typing import Any

from coupang_sandbox.store import Store
from coupang_sandbox.throttle import _States

#: The throttle table's key column holds 32 characters: a longer peer is keyed by its hash.
_KEY_LENGTH = 32


def _key(peer: str) -> str:
    if len(peer) <= _KEY_LENGTH:
        return peer
    return hashlib.sha256(peer.encode()).hexdigest()[:_KEY_LENGTH]


class ErrorBurst:
    """Counts each peer's 4xx answers in a sliding window; a full window blocks the peer."""

    def __init__(
        self,
        limit: int | None,
        window_seconds: float,
        block_seconds: float,
        *,
        store: Store | None = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        """``limit`` 4xx answers in ``window_seconds`` block a peer for ``block_seconds``
        (``None``: off); the state lives in ``store`` when given (shared by processes), else
        in memory."""
        if limit is not None and limit < 1:
            raise ValueError("the error burst must be >= 1 answers, or None to turn it off")
        if window_seconds <= 0 or block_seconds <= 0:
            raise ValueError("the error-burst window and block must be > 0 s")
        self.limit = limit
        self.window = float(window_seconds)
        self.block_seconds = float(block_seconds)
        self._clock = clock or (time.monotonic if store is None else time.time)
        self._states = _States(store, "burst")

    @property
    def enabled(self) -> bool:
        """Is the protection on?"""
        return self.limit is not None

    def blocked(self, peer: str) -> float | None:
        """Seconds the peer stays blocked, or ``None`` when it may call."""
        if self.limit is None:
            return None

        def step(state: Any, now: float) -> tuple[Any, float | None]:
            """Still blocked: the seconds left of the block (the state unchanged)."""
            if state is None or now >= state[1]:
                return state, None
            return state, state[1] - now

        return self._states.apply(_key(peer), self._clock(), step)

    def record(self, peer: str) -> None:
        """Count one 4xx answer to ``peer``; the ``limit``-th within the window blocks it."""
        if self.limit is None:
            return
        limit = self.limit

        def step(state: Any, now: float) -> tuple[Any, float | None]:
            """Count one more 4xx in the window; block for the block length once the burst is reached."""
            times, until = state or ([], 0.0)
            times = [at for at in times if at > now - self.window] + [now]
            if len(times) >= limit:
                return [[], now + self.block_seconds], self.block_seconds
            return [times, until], None

        self._states.apply(_key(peer), self._clock(), step)

    def clear(self) -> None:
        """Forget every peer's count and block."""
        self._states.clear()
