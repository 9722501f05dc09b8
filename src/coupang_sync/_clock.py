"""The sync's clock: the wall clock in production, the sandbox's business clock in tests."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Protocol

from coupang_seller import Client

__all__ = ["Clock", "SandboxClock", "WallClock"]


class Clock(Protocol):
    """Anything that tells the current instant (timezone-aware)."""

    def now(self) -> datetime:
        """The current instant, timezone-aware."""
        ...


class WallClock:
    """The machine's clock (UTC)."""

    def now(self) -> datetime:
        """``datetime.now(UTC)``."""
        return datetime.now(UTC)


class SandboxClock:
    """Follows the sandbox's business clock (``GET /_sandbox/clock``) through ``client``."""

    def __init__(self, client: Client) -> None:
        """Read the clock of the sandbox that ``client`` talks to."""
        self._client = client

    def now(self) -> datetime:
        """The sandbox's ``now`` (asked on every call: the clock may be frozen or moved)."""
        moment = self._client.sandbox.clock.get().now
        return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
