"""Several processes opening one fresh store at the same instant all succeed (issue 9: 2 of 4
fresh starts on PostgreSQL hit ``UniqueViolation`` on ``pg_type`` and a worker died).

Each child imports the sandbox, then opens the store (tables, seed vendor, clock) on the
parent's signal, so the openings really overlap; several rounds, each on a fresh store.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

PROCESSES = 4
ROUNDS = 3

CHILD = """
import sys
from coupang_sandbox.context import Sandbox
from coupang_sandbox.settings import SandboxSettings

print("ready", flush=True)
for url in sys.argv[1:]:
    sys.stdin.readline()
    settings = SandboxSettings(db_url=url, vendors=[("A00044444", "ak-fresh", "sk-fresh-01")])
    Sandbox.open(settings).close()
    print("done", flush=True)
"""


def _expect(children: list[subprocess.Popen[str]], word: str) -> None:
    for child in children:
        assert child.stdout is not None
        if child.stdout.readline().strip() != word:
            child.kill()
            _, err = child.communicate(timeout=30)
            pytest.fail(f"a process failed to open the fresh store:\n{err}")


def _open_at_once(urls: list[str]) -> None:
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, *urls],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        for _ in range(PROCESSES)
    ]
    try:
        _expect(children, "ready")
        for _ in urls:
            for child in children:  # all imported: the openings overlap
                assert child.stdin is not None
                child.stdin.write("go\n")
                child.stdin.flush()
            _expect(children, "done")
    finally:
        for child in children:
            child.communicate(timeout=60)  # closes the pipes too
    assert [child.returncode for child in children] == [0] * PROCESSES


def test_sqlite_file(tmp_path: Path) -> None:
    _open_at_once([f"sqlite:///{tmp_path / f'fresh-{n}.sqlite3'}" for n in range(ROUNDS)])


@pytest.fixture
def fresh_pg_urls(pg_schema_url: str) -> Iterator[list[str]]:
    """``ROUNDS`` empty schemas (the fixture's one and more beside it, dropped afterwards)."""
    url = make_url(pg_schema_url)
    schemas = [f"sbx_{uuid.uuid4().hex[:12]}" for _ in range(ROUNDS - 1)]
    admin = create_engine(url)
    with admin.begin() as conn:
        for schema in schemas:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield [pg_schema_url] + [
            url.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
                hide_password=False
            )
            for schema in schemas
        ]
    finally:
        with admin.begin() as conn:
            for schema in schemas:
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.mark.postgres
def test_postgres_schema(fresh_pg_urls: list[str]) -> None:
    _open_at_once(fresh_pg_urls)
