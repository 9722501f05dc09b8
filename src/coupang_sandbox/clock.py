"""The sandbox clock: persisted in the store so it survives restarts.

Modes: ``real`` (wall clock), ``frozen`` (a fixed instant) and ``offset`` (wall clock + N s).
Every business rule and stored timestamp reads :meth:`SandboxClock.now`; signature freshness
does not (it uses the real wall clock, as Coupang's gateway does).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Literal

from coupang_sandbox.settings import real_utc_now
from coupang_sandbox.store import Store
from coupang_sandbox.store import repo as r

ClockMode = Literal["real", "frozen", "offset"]
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def to_us(moment: datetime) -> int:
    return (moment - _EPOCH) // timedelta(microseconds=1)


def from_us(value: int) -> datetime:
    return _EPOCH + timedelta(microseconds=value)


def to_ms(moment: datetime) -> int:
    return (moment - _EPOCH) // timedelta(milliseconds=1)


class SandboxClock:
    """Cached in memory, written through to the store on every change."""

    def __init__(self, store: Store, real: Callable[[], datetime] = real_utc_now) -> None:
        self._store = store
        self._real = real
        self.mode: ClockMode = "real"
        self._frozen_at: datetime | None = None
        self._offset = 0.0
        self.reload()

    def reload(self) -> None:
        with self._store.engine.connect() as conn:
            row = r.clock_load(conn)
        if row is None or row["mode"] not in ("real", "frozen", "offset"):
            self.mode, self._frozen_at, self._offset = "real", None, 0.0
            return
        self.mode = row["mode"]
        frozen = row["frozen_at_us"]
        self._frozen_at = None if frozen is None else from_us(int(frozen))
        self._offset = float(row["offset_seconds"] or 0.0)
        if self.mode == "frozen" and self._frozen_at is None:
            self.mode = "real"

    def now(self) -> datetime:
        if self.mode == "frozen" and self._frozen_at is not None:
            return self._frozen_at
        real = self._real()
        if self.mode == "offset":
            return real + timedelta(seconds=self._offset)
        return real

    @property
    def offset_seconds(self) -> float:
        """Sandbox time minus real time (for a frozen clock, at this instant)."""
        if self.mode == "real":
            return 0.0
        if self.mode == "offset":
            return self._offset
        return (self.now() - self._real()).total_seconds()

    def _save(self) -> None:
        frozen = None if self._frozen_at is None else to_us(self._frozen_at)
        with self._store.engine.begin() as conn:
            r.clock_save(conn, self.mode, frozen, self._offset)

    def set_real(self) -> None:
        self.mode, self._frozen_at, self._offset = "real", None, 0.0
        self._save()

    def freeze(self, at: datetime) -> None:
        self.mode, self._frozen_at, self._offset = "frozen", at.astimezone(UTC), 0.0
        self._save()

    def run_from(self, at: datetime) -> None:
        """Let time run on from ``at`` (stored as an offset from the wall clock)."""
        self.mode, self._frozen_at = "offset", None
        self._offset = (at.astimezone(UTC) - self._real()).total_seconds()
        self._save()

    def advance(self, seconds: float) -> None:
        if self.mode == "frozen" and self._frozen_at is not None:
            self._frozen_at = self._frozen_at + timedelta(seconds=seconds)
        else:
            self.mode = "offset"
            self._offset += seconds
        self._save()

    def forget(self) -> None:
        """After a store reset: back to real time (the row is already gone)."""
        self.mode, self._frozen_at, self._offset = "real", None, 0.0
