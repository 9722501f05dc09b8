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


def main(argv: list[str]) -> int:
    """Row (b) alone: ``python -m benchmarks.throughput [serve flags...]``, e.g.
    ``--request-log-size 0`` to measure without the request log."""
    from benchmarks._seed import seed_places
    from benchmarks._server import sandbox_process

    with sandbox_process("--rate-limit", "0", *argv) as server:
        seed_places(server)
        result = run(server)
    print(
        f"(b) sandbox signed GET list, 1 worker, SQLite {' '.join(argv)}: {result.rps:,.0f} req/s, "
        f"p50 {result.p50_ms:.2f} ms, p99 {result.p99_ms:.2f} ms, statuses {result.statuses}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
