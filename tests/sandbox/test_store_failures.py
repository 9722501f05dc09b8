"""A store that refuses work answers Coupang's 5xx envelope with a message naming the cause,
not a bare "Internal Server Error": a full database (SQLite's page limit reached: a real
SQLITE_FULL) is 507, and a read-only store is 503. A read-only store at start-up is one error
line and an exit code from ``python -m coupang_sandbox`` (as from ``sandbox serve``). Real
faults: a lowered ``max_page_count`` on every connection, SQLite's read-only mode."""

from __future__ import annotations

import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import event
from tests.integration.asgi_sync import SyncASGITransport

from coupang_cli._errors import EXIT_UNAVAILABLE
from coupang_sandbox import SandboxSettings, create_app
from coupang_sandbox.app import close_app

VENDORS = "/_sandbox/vendors"


@pytest.fixture
def store(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    close_app(create_app(SandboxSettings(db_url=url)))
    return url


@contextmanager
def _served_with(store: str, pragma: Callable[[Any], str]) -> Iterator[httpx.Client]:
    """A sandbox on ``store`` whose every connection, from now on, first runs ``pragma``."""
    app = create_app(SandboxSettings(db_url=store, rate_limit_per_second=None))
    engine = app.state.sandbox.store.engine

    @event.listens_for(engine, "connect")
    def _apply(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.execute(pragma(dbapi_conn))

    engine.dispose()
    transport = SyncASGITransport(app)
    try:
        with httpx.Client(transport=transport, base_url="http://127.0.0.1") as http:
            yield http
    finally:
        transport.close()
        close_app(app)


@pytest.fixture
def full_store(store: str) -> Iterator[httpx.Client]:
    """A sandbox whose database cannot grow past its current size."""

    def cap(dbapi_conn: Any) -> str:
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        return f"PRAGMA max_page_count={pages}"

    with _served_with(store, cap) as http:
        yield http


def test_a_full_database_answers_507_naming_the_cause(full_store: httpx.Client) -> None:
    statuses = []
    for _ in range(400):
        response = full_store.post(
            VENDORS, json={"vendorId": f"A{uuid.uuid4().hex[:12]}", "secretKey": "s" * 250}
        )
        statuses.append(response.status_code)
        if response.status_code != 200:
            break
    assert statuses[-1] == 507, (statuses[-3:], response.text)
    body = response.json()
    assert body["code"] == 507 and body["data"] is None
    assert "store is full" in body["message"]
    assert "database or disk is full" in body["message"]
    # Reads still work.
    assert full_store.get("/_sandbox/clock").status_code == 200


def test_a_read_only_store_answers_503_naming_the_cause(store: str) -> None:
    with _served_with(store, lambda _conn: "PRAGMA query_only=ON") as http:
        response = http.post(VENDORS, json={})
    assert response.status_code == 503, response.text
    body = response.json()
    assert "store is read-only" in body["message"]
    assert "readonly database" in body["message"]


def test_python_m_coupang_sandbox_on_a_read_only_store_is_one_line(
    store: str, tmp_path: Path
) -> None:
    read_only = f"sqlite:///file:{tmp_path / 'store.db'}?mode=ro&uri=true"
    done = subprocess.run(
        [sys.executable, "-m", "coupang_sandbox", "--port", "0", "--db", read_only],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == EXIT_UNAVAILABLE, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("coupang_sandbox: error: cannot use the sandbox store")
    assert "attempt to write a readonly database" in lines[0]
