"""The request log's writer: batched in the background, flushed on close, never failing or
blocking a request when the store does not take its writes; and the access-log lines."""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select
from starlette.applications import Starlette

from coupang_sandbox import SandboxSettings, create_app
from coupang_sandbox.app import close_app
from coupang_sandbox.request_log import LogWriter
from coupang_sandbox.store import Store
from coupang_sandbox.store.request_log import request_log
from tests.request_log.conftest import LIST_PATH, OTHER, VENDOR, signer

LIST_QUERY = {"pageNum": "1", "pageSize": "10"}


def _file_app(tmp_path: Path, **settings: object) -> Starlette:
    return create_app(
        SandboxSettings(
            db_url=f"sqlite:///{tmp_path / 'log.sqlite3'}",
            vendors=[VENDOR, OTHER],
            rate_limit_per_second=None,
            **settings,  # type: ignore[arg-type]
        )
    )


async def _gets(app: Starlette, count: int, auth: httpx.Auth | None = None) -> list[int]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(
        transport=transport, base_url="http://127.0.0.1", auth=auth or signer()
    ) as http:
        return [(await http.get(LIST_PATH, params=LIST_QUERY)).status_code for _ in range(count)]


def _stored(app: Starlette) -> int:
    """Rows in the table, read straight from the store (no flush first)."""
    with app.state.sandbox.store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(request_log)).scalar_one())


def _record(seq: int) -> tuple[object, ...]:
    return (seq, "GET", "/x", "", VENDOR[0], VENDOR[1], 200, 100, 0, 10, None, None, None, None)


async def test_records_reach_the_store_in_the_background(tmp_path: Path) -> None:
    app = _file_app(tmp_path)
    try:
        assert await _gets(app, 4) == [200] * 4
        deadline = time.monotonic() + 5
        while _stored(app) < 4 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _stored(app) == 4  # nobody read the log: the writer's thread wrote them
    finally:
        close_app(app)


async def test_closing_the_sandbox_writes_what_is_buffered(tmp_path: Path) -> None:
    app = _file_app(tmp_path)
    writer: LogWriter = app.state.sandbox.request_log
    writer.interval = 60.0  # the thread would wait a minute: only close() can write them
    assert await _gets(app, 3) == [200] * 3
    assert _stored(app) == 0
    close_app(app)
    store = Store.open(f"sqlite:///{tmp_path / 'log.sqlite3'}")
    try:
        with store.engine.connect() as conn:
            assert conn.execute(select(func.count()).select_from(request_log)).scalar_one() == 3
    finally:
        store.close()


async def test_a_store_that_refuses_the_write_is_a_warning_not_a_failed_request(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    app = _file_app(tmp_path)
    try:
        writer: LogWriter = app.state.sandbox.request_log
        writer.interval = 60.0
        request_log.drop(app.state.sandbox.store.engine)
        with caplog.at_level(logging.WARNING, logger="coupang_sandbox"):
            assert await _gets(app, 2) == [200, 200]
            writer.flush()  # must not raise
        warnings = [r.getMessage() for r in caplog.records if "request log" in r.getMessage()]
        assert len(warnings) == 1 and "2 record(s) not saved" in warnings[0]
        assert await _gets(app, 1) == [200]  # requests go on being answered
    finally:
        request_log.create(app.state.sandbox.store.engine)
        close_app(app)


def test_a_store_locked_elsewhere_never_blocks_recording(tmp_path: Path) -> None:
    app = _file_app(tmp_path)
    writer: LogWriter = app.state.sandbox.request_log
    writer.interval = 60.0
    holder = sqlite3.connect(tmp_path / "log.sqlite3", isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")  # another process holds the write lock
        writer.record(_record(1))
        flushing = threading.Thread(target=writer.flush)
        flushing.start()
        time.sleep(0.2)
        assert flushing.is_alive()  # the write waits for the lock...
        started = time.perf_counter()
        for seq in range(2, 202):
            writer.record(_record(seq))  # ...while recording goes on at once
        assert time.perf_counter() - started < 0.5
        holder.execute("ROLLBACK")
        flushing.join(10)
        assert not flushing.is_alive()
        writer.flush()
        assert _stored(app) == 201
    finally:
        holder.close()
        close_app(app)


async def test_access_log_prints_a_line_per_request_with_the_reason_of_refusals(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    app = _file_app(tmp_path, access_log=True)
    try:
        assert await _gets(app, 1) == [200]
        assert await _gets(app, 1, signer(secret="wrong-secret-0123456789")) == [401]
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(
            transport=transport, base_url="http://127.0.0.1", auth=signer()
        ) as http:
            path = f"/v2/providers/openapi/apis/api/v5/vendors/{VENDOR[0]}/outboundShippingCenters"
            refused = await http.post(path, json={"vendorId": VENDOR[0]})
            assert refused.status_code == 400
            assert (await http.get("/_sandbox/clock")).status_code == 200
    finally:
        close_app(app)
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 4, lines
    ok, unauthorized, invalid, control = lines
    # the same line as `sandbox logs`, but printed before the store numbers it: no seq yet
    assert f"Z - 200 GET {LIST_PATH}?pageNum=1&pageSize=10 {VENDOR[0]} " in ok
    assert "Z - 401 GET " in unauthorized and f"key={VENDOR[1]}" in unauthorized
    assert unauthorized.endswith("refused Authorization [invalid_signature]: Invalid signature.")
    assert "Z - 400 POST " in invalid
    field = refused.json()["errors"][0]
    assert f"refused {field['field']} [{field['rule']}]: " in invalid
    assert "Z - 200 GET /_sandbox/clock " in control  # printed, though not logged
    assert "signature=" not in "\n".join(lines) and VENDOR[2] not in "\n".join(lines)
