"""Snapshots: save the whole sandbox state under a name and restore it later.

The state is every table of the store (:func:`coupang_sandbox.store.snapshots.snapshot_tables`:
business data, vendors, counters, the clock, fault rules...), so a restore leaves the store
row-for-row as it was saved. Snapshots live in the store (any process sees them) and survive
``POST /_sandbox/reset``. A restore runs in one transaction and bumps the store's generation,
so every process serving the store reloads its cached clock and vendor keys on its next
request (``Sandbox.refresh``); this process does it at once.
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from datetime import UTC
from typing import Any

from coupang_sandbox.clock import to_us
from coupang_sandbox.context import Sandbox
from coupang_sandbox.errors import Conflict, NotFound
from coupang_sandbox.store import repo
from coupang_sandbox.store import snapshots as db
from coupang_sandbox.store.snapshots import SnapshotInfo
from coupang_seller.preflight import Violation

#: The longest snapshot name.
NAME_MAX = 64

__all__ = ["NAME_MAX", "SnapshotInfo", "Snapshots", "name_violations"]


def name_violations(value: Any, field: str = "name") -> list[Violation]:
    """What is wrong with a snapshot name: required, a string of 1-64 characters, and no path
    characters (``/``, ``\\``, ``..``), control characters or leading/trailing spaces."""
    if value is None:
        return [Violation(field, "required", f"{field} is required")]
    if not isinstance(value, str):
        return [Violation(field, "type", f"{field} must be a string")]
    if not value or len(value) > NAME_MAX:
        return [Violation(field, "length", f"{field} must be 1 to {NAME_MAX} characters long")]
    if "/" in value or "\\" in value or ".." in value:
        return [
            Violation(
                field,
                "path_characters",
                f"{field} must not contain path characters (/, \\ or ..)",
            )
        ]
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in value):
        return [Violation(field, "control_characters", f"{field} must not hold control characters")]
    if value != value.strip():
        return [Violation(field, "whitespace", f"{field} must not start or end with spaces")]
    return []


def clock_state(sandbox: Sandbox) -> dict[str, Any]:
    """The sandbox clock as ``GET /_sandbox/clock`` answers it."""
    clock = sandbox.clock
    return {
        "now": clock.now().astimezone(UTC).isoformat().replace("+00:00", "Z"),
        "mode": clock.mode,
        "offsetSeconds": clock.offset_seconds,
    }


class Snapshots:
    """Save, restore, list and delete the snapshots of one sandbox's store."""

    def __init__(self, sandbox: Sandbox) -> None:
        """Snapshots of ``sandbox``'s store (saved in the store itself)."""
        self.sandbox = sandbox

    def save(self, name: str, *, replace: bool = False) -> SnapshotInfo:
        """Save the whole state under ``name`` (:class:`Conflict` when the name is taken and
        ``replace`` is false)."""
        sandbox = self.sandbox
        created = to_us(sandbox.settings.wall_clock())
        with sandbox.store.engine.begin() as conn:
            info = db.save(
                conn, name, created_at_us=created, clock=clock_state(sandbox), replace=replace
            )
        if info is None:
            raise Conflict(
                f'snapshot {name!r} already exists: delete it first, or save with "replace": true'
            )
        return info

    def restore(self, name: str) -> SnapshotInfo:
        """Replace the whole state by the snapshot ``name`` (:class:`NotFound` when unknown),
        in one transaction; then the caches (clock, vendor keys, throttles) follow."""
        with self.sandbox.store.engine.begin() as conn:
            data = db.load(conn, name)
            if data is None:
                raise NotFound(f"snapshot {name!r} does not exist")
            db.restore_rows(conn, data)
            repo.generation_bump(conn)
        self._caches_follow()
        return self.get(name)

    def put_back(self, data: Mapping[str, Sequence[Mapping[str, Any]]]) -> None:
        """Replace the whole state by rows taken with :meth:`dump` (one transaction)."""
        with self.sandbox.store.engine.begin() as conn:
            db.restore_rows(conn, data)
            repo.generation_bump(conn)
        self._caches_follow()

    def _caches_follow(self) -> None:
        sandbox = self.sandbox
        sandbox.refresh()
        sandbox.throttle.clear()
        sandbox.rg_throttle.clear()

    def get(self, name: str) -> SnapshotInfo:
        """The listing entry of ``name`` (:class:`NotFound` when unknown)."""
        for info in self.list():
            if info.name == name:
                return info
        raise NotFound(f"snapshot {name!r} does not exist")

    def list(self) -> builtins.list[SnapshotInfo]:
        """Every snapshot, oldest first."""
        with self.sandbox.store.engine.connect() as conn:
            return db.listing(conn)

    def delete(self, name: str) -> None:
        """Delete the snapshot ``name`` (:class:`NotFound` when unknown)."""
        with self.sandbox.store.engine.begin() as conn:
            if not db.remove(conn, name):
                raise NotFound(f"snapshot {name!r} does not exist")

    def dump(self) -> Mapping[str, builtins.list[dict[str, Any]]]:
        """The rows a snapshot would hold now (``{table: rows}``), without saving them."""
        with self.sandbox.store.engine.connect() as conn:
            return {t.name: list(db.dump_rows(conn, t)) for t in db.snapshot_tables()}
