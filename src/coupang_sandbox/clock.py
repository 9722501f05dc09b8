"""The sandbox clock: persisted in the store so it survives restarts.

Modes: ``real`` (wall clock), ``frozen`` (a fixed instant) and ``offset`` (wall clock + N s).
Every business rule and stored timestamp reads :meth:`SandboxClock.now`; signature freshness
does not (it uses the real wall clock, as Coupang's gateway does).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal

from sqlalchemy.engine import RowMapping

from coupang_sandbox.settings import real_utc_now
from coupang_sandbox.store import Store
from coupang_sandbox.store import repo as r

ClockMode = Literal["real", "frozen", "offset"]
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def to_us(moment: datetime) -> int:
    """Microseconds since the epoch."""
    return (moment - _EPOCH) // timedelta(microseconds=1)


def from_us(value: int) -> datetime:
    """The aware UTC instant ``value`` microseconds after the epoch."""
    return _EPOCH + timedelta(microseconds=value)


def to_ms(moment: datetime) -> int:
    """Milliseconds since the epoch."""
    return (moment - _EPOCH) // timedelta(milliseconds=1)


@dataclass(frozen=True, slots=True)
class _State:
    mode: ClockMode = "real"
    frozen_at: datetime | None = None
    offset: float = 0.0

    @classmethod
    def of_row(cls, row: RowMapping | None) -> _State:
        """The clock state stored in ``row`` (real time when none or unreadable)."""
        if row is None or row["mode"] not in ("real", "frozen", "offset"):
            return cls()
        frozen = row["frozen_at_us"]
        state = cls(
            row["mode"],
            None if frozen is None else from_us(int(frozen)),
            float(row["offset_seconds"] or 0.0),
        )
        return cls() if state.mode == "frozen" and state.frozen_at is None else state


class SandboxClock:
    """The store's clock, cached in memory as a snapshot of its row.

    Every change is a read-modify-write of the row under its lock (so concurrent advances by
    two processes add up) and bumps the store's generation; :meth:`reload` runs on the first
    request after a change by any process (see ``Sandbox.refresh``), so :meth:`now` costs no
    query and every process agrees on the time.
    """

    def __init__(self, store: Store, real: Callable[[], datetime] = real_utc_now) -> None:
        """Bind the clock to ``store`` and read its row; ``real`` gives the wall-clock time."""
        self._store = store
        self._real = real
        self._state = _State()
        self.reload()

    @property
    def mode(self) -> ClockMode:
        """``real``, ``frozen`` or ``offset``."""
        return self._state.mode

    def reload(self) -> None:
        """Read the clock from the store."""
        with self._store.engine.connect() as conn:
            self._state = _State.of_row(r.clock_load(conn))

    def now(self) -> datetime:
        """The sandbox's current time (aware UTC)."""
        state = self._state
        if state.mode == "frozen" and state.frozen_at is not None:
            return state.frozen_at
        real = self._real()
        if state.mode == "offset":
            return real + timedelta(seconds=state.offset)
        return real

    @property
    def offset_seconds(self) -> float:
        """Sandbox time minus real time (for a frozen clock, at this instant)."""
        if self.mode == "real":
            return 0.0
        if self.mode == "offset":
            return self._state.offset
        return (self.now() - self._real()).total_seconds()

    def _change(self, change: Callable[[_State], _State]) -> None:
        with self._store.engine.begin() as conn:
            state = change(_State.of_row(r.clock_lock(conn)))
            frozen = None if state.frozen_at is None else to_us(state.frozen_at)
            r.clock_save(conn, state.mode, frozen, state.offset)
        self._state = state

    def set_real(self) -> None:
        """Back to the wall clock."""
        self._change(lambda _old: _State())

    def freeze(self, at: datetime) -> None:
        """Stop the clock at ``at``."""
        self._change(lambda _old: _State("frozen", at.astimezone(UTC)))

    def run_from(self, at: datetime) -> None:
        """Let time run on from ``at`` (stored as an offset from the wall clock)."""
        offset = (at.astimezone(UTC) - self._real()).total_seconds()
        self._change(lambda _old: _State("offset", None, offset))

    def advance(self, seconds: float) -> None:
        """Move the clock forward by ``seconds`` (from its value in the store, not the cache)."""

        def forward(old: _State) -> _State:
            """The state ``seconds`` later: a frozen clock moves its instant, a running one its offset."""
            if old.mode == "frozen" and old.frozen_at is not None:
                return _State("frozen", old.frozen_at + timedelta(seconds=seconds))
            return _State("offset", None, old.offset + seconds)

        self._change(forward)

    def forget(self) -> None:
        """After a store reset: back to real time (the row is already gone)."""
        self._state = _State()
