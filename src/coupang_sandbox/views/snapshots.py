"""Snapshots as the control API answers them (``GET /_sandbox/snapshots`` and friends)."""

from __future__ import annotations

from datetime import UTC
from typing import Any

from coupang_sandbox.clock import from_us
from coupang_sandbox.store.snapshots import SnapshotInfo


def snapshot(info: SnapshotInfo) -> dict[str, Any]:
    """One snapshot: ``name``, ``createdAt`` (real time, UTC), the sandbox ``clock`` when it
    was saved, and its size (``tables``, ``rows``, compressed ``bytes``)."""
    created = from_us(info.created_at_us).astimezone(UTC).isoformat().replace("+00:00", "Z")
    return {
        "name": info.name,
        "createdAt": created,
        "clock": dict(info.clock),
        "tables": info.tables,
        "rows": info.rows,
        "bytes": info.size,
    }


def snapshots(infos: list[SnapshotInfo]) -> dict[str, Any]:
    """The list: ``{"snapshots": [...]}``, oldest first."""
    return {"snapshots": [snapshot(info) for info in infos]}
