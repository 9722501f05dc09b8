"""The request log's JSON: one logged request as ``GET /_sandbox/requests`` answers it.

A pure function of a stored row (or of a record not yet stored, whose ``seq`` is ``None``).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC
from typing import Any

from coupang_sandbox.clock import from_us


def iso_time(at_us: int) -> str:
    """``2024-05-01T09:30:00.123456Z``: an instant in UTC, to the microsecond."""
    return from_us(at_us).astimezone(UTC).isoformat().replace("+00:00", "Z")


def entry(row: Mapping[Any, Any]) -> dict[str, Any]:
    """One logged request: ``seq``, ``time``, the request line, the caller, the answer's
    status, latency and sizes, the refusal's ``field``/``rule``/``reason`` and the ``fault``."""
    seq = row.get("seq")
    return {
        "seq": None if seq is None else int(seq),
        "time": iso_time(int(row["at_us"])),
        "method": row["method"],
        "path": row["path"],
        "query": row["query"],
        "vendorId": row["vendor_id"],
        "accessKey": row["access_key"],
        "status": row["status"],
        "latencyMs": round(int(row["latency_us"]) / 1000, 3),
        "bytesIn": int(row["bytes_in"]),
        "bytesOut": int(row["bytes_out"]),
        "field": row["field"],
        "rule": row["rule"],
        "reason": row["reason"],
        "fault": row["fault"],
    }
