"""(b) Sandbox throughput: signed GET list, one uvicorn worker, SQLite file store.

The load generator runs in its own process (the machine has two cores: one for the
server, one for the client).
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass

from benchmarks._server import Server

DURATION_SECONDS = 6.0
CONNECTIONS = 8


@dataclass(frozen=True)
class ThroughputResult:
    requests: int
    elapsed: float
    p50_ms: float
    p99_ms: float
    statuses: dict[str, int]

    @property
    def rps(self) -> float:
        return self.requests / self.elapsed


def run(server: Server) -> ThroughputResult:
    subprocess.run(
        [sys.executable, "-m", "benchmarks.loadgen", str(server.port), "1", str(CONNECTIONS)],
        check=True,
        capture_output=True,
    )
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks.loadgen",
            str(server.port),
            str(DURATION_SECONDS),
            str(CONNECTIONS),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    data = json.loads(done.stdout.strip().splitlines()[-1])
    return ThroughputResult(
        requests=int(data["requests"]),
        elapsed=float(data["elapsed"]),
        p50_ms=float(data["p50"]),
        p99_ms=float(data["p99"]),
        statuses={str(k): int(v) for k, v in data["statuses"].items()},
    )
