"""(i) The same signed GET list on PostgreSQL and on a SQLite file, side by side.

Two sandbox processes (one uvicorn worker each) hold the same 60 outbound places, one on a
SQLite file, one on a fresh PostgreSQL schema. The load generator (its own process, 8
keep-alive connections) drives them in alternating rounds, so drift on the machine hits both
stores alike; the ratio is PostgreSQL's requests per second over SQLite's, median of rounds.

The PostgreSQL URL comes from ``COUPANG_BENCH_PG_URL``, else ``COUPANG_SANDBOX_TEST_PG_URL``;
without either (or with the server unreachable) the measurement is skipped, not failed.
``python -m benchmarks.pg`` prints the figures.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from benchmarks._seed import seed_places
from benchmarks._server import Server, sandbox_process

PG_URL_ENVS = ("COUPANG_BENCH_PG_URL", "COUPANG_SANDBOX_TEST_PG_URL")
ROUNDS = 5
ROUND_SECONDS = 2.0
CONNECTIONS = 8


@dataclass(frozen=True)
class StoreComparison:
    sqlite_rps: float
    postgres_rps: float
    sqlite_p50_ms: float
    postgres_p50_ms: float
    statuses: dict[str, int]

    @property
    def ratio(self) -> float:
        return self.postgres_rps / self.sqlite_rps


def pg_url() -> str | None:
    """The PostgreSQL server to measure against, if one is configured."""
    for name in PG_URL_ENVS:
        value = os.environ.get(name)
        if value:
            return value
    return None


@contextmanager
def fresh_schema(base: str) -> Iterator[str]:
    """A URL whose search_path is a new schema, dropped afterwards."""
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
        try:
            yield url.render_as_string(hide_password=False)
        finally:
            with admin.begin() as conn:
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    finally:
        admin.dispose()


def _load(server: Server) -> dict[str, object]:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks.loadgen",
            str(server.port),
            str(ROUND_SECONDS),
            str(CONNECTIONS),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def run() -> StoreComparison | None:
    """Both stores measured in alternating rounds; ``None`` when no PostgreSQL is reachable."""
    base = pg_url()
    if base is None:
        return None
    with ExitStack() as stack:
        try:
            url = stack.enter_context(fresh_schema(base))
        except Exception:  # noqa: BLE001 - any driver error means "unreachable" here
            return None
        servers = [
            stack.enter_context(sandbox_process("--rate-limit", "0")),
            stack.enter_context(sandbox_process("--rate-limit", "0", "--db", url)),
        ]
        for server in servers:
            seed_places(server)
            _load(server)  # warm up
        rps: list[list[float]] = [[], []]
        p50: list[list[float]] = [[], []]
        statuses: dict[str, int] = {}
        for round_no in range(ROUNDS):
            order = (0, 1) if round_no % 2 == 0 else (1, 0)
            for k in order:
                data = _load(servers[k])
                rps[k].append(float(str(data["requests"])) / float(str(data["elapsed"])))
                p50[k].append(float(str(data["p50"])))
                for code, count in dict(data["statuses"]).items():  # type: ignore[call-overload]
                    statuses[str(code)] = statuses.get(str(code), 0) + int(count)
    return StoreComparison(
        sqlite_rps=statistics.median(rps[0]),
        postgres_rps=statistics.median(rps[1]),
        sqlite_p50_ms=statistics.median(p50[0]),
        postgres_p50_ms=statistics.median(p50[1]),
        statuses=statuses,
    )


if __name__ == "__main__":
    found = run()
    if found is None:
        print("skipped: no PostgreSQL (set COUPANG_BENCH_PG_URL)")
    else:
        print(
            f"SQLite {found.sqlite_rps:,.0f} req/s (p50 {found.sqlite_p50_ms:.2f} ms), "
            f"PostgreSQL {found.postgres_rps:,.0f} req/s (p50 {found.postgres_p50_ms:.2f} ms), "
            f"ratio {found.ratio:.2f}x, statuses {found.statuses}"
        )
