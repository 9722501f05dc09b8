"""``coupang-seller sync ...`` against a real sandbox server (uvicorn on a free port)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from coupang_cli import main
from coupang_cli._embedded import RunningSandbox, embedded_sandbox
from coupang_seller import Client
from coupang_sync._lock import RunLock
from coupang_sync._store import make_engine
from tests.products.conftest import open_shop
from tests.sync.conftest import START, VENDOR


@pytest.fixture
def server(tmp_path: Path) -> Iterator[RunningSandbox]:
    with embedded_sandbox(
        db_url=f"sqlite:///{tmp_path / 'sandbox.db'}", vendors=[VENDOR]
    ) as running:
        yield running


@pytest.fixture
def seller(server: RunningSandbox, catalog_module: Any) -> Iterator[Client]:
    with Client(
        VENDOR[1], VENDOR[2], VENDOR[0], base_url=server.base_url, user_id="wing-sync"
    ) as client:
        client.sandbox.clock.set(START, freeze=True)
        yield client


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    done = capsys.readouterr()
    return code, done.out, done.err


def test_migrate_add_run_events_status(  # noqa: PLR0917 (fixtures)
    server: RunningSandbox,
    seller: Client,
    catalog_module: Any,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    sync_key: str,
) -> None:
    db = f"sqlite:///{tmp_path / 'sync.db'}"
    shop = open_shop(seller, catalog_module)
    _, items = shop.approved(sku="SYNC-CLI")
    boxes = seller.sandbox.orders.place({items[0]: 1}).shipment_box_ids
    seller.sandbox.clock.advance(700)

    code, out, _ = run(capsys, "sync", "migrate", "--db", db)
    assert code == 0 and "revision 0002" in out

    with pytest.raises(SystemExit) as refused:  # never a secret in argv
        main(["sync", "vendors", "add", VENDOR[0], "--secret-key", "x"])
    assert refused.value.code == 2 and "unrecognized arguments" in capsys.readouterr().err

    monkeypatch.setenv("COUPANG_ACCESS_KEY", VENDOR[1])
    monkeypatch.setenv("COUPANG_SECRET_KEY", VENDOR[2])
    code, out, _ = run(
        capsys, "sync", "vendors", "add", VENDOR[0], "--db", db,
        "--base-url", server.base_url, "--since", START.isoformat(),
    )  # fmt: skip
    assert code == 0 and "credentials encrypted" in out and VENDOR[2] not in out
    code, out, _ = run(capsys, "sync", "vendors", "list", "--db", db)
    assert code == 0 and out.startswith(f"{VENDOR[0]}\t{server.base_url}")

    code, out, _ = run(capsys, "sync", "run", "--once", "--clock", "sandbox", "--db", db)
    assert code == 0 and f"{VENDOR[0]}: " in out and "1 new" in out

    code, out, _ = run(capsys, "sync", "events", "--jsonl", "--db", db)
    (line,) = out.splitlines()
    event = json.loads(line)
    assert event["type"] == "order.created" and event["recordId"] == str(boxes[0])
    assert event["seq"] == 1 and len(event["eventId"]) == 36

    code, out, _ = run(capsys, "sync", "events", "--after", "1", "--db", db)
    assert code == 0 and out == ""

    code, out, _ = run(capsys, "sync", "status", "--json", "--db", db)
    status = json.loads(out)
    assert status["records"] == 1 and status["events"] == 1
    streams = {s["stream"]: s for s in status["streams"]}
    assert set(streams) == {"orders", "orders.refresh"}
    assert streams["orders"]["lastError"] is None
    code, out, _ = run(capsys, "sync", "status", "--db", db)
    assert code == 0 and "1 records, 1 events" in out

    holder = RunLock(make_engine(db))
    holder.acquire()
    try:
        code, _, err = run(capsys, "sync", "run", "--once", "--clock", "sandbox", "--db", db)
    finally:
        holder.release()
        holder.engine.dispose()
    assert code == 7 and "another `coupang-seller sync run`" in err

    code, out, _ = run(capsys, "sync", "vendors", "remove", VENDOR[0], "--db", db)
    assert code == 0 and "removed" in out


def test_refusals_have_clear_messages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = f"sqlite:///{tmp_path / 'sync.db'}"
    code, _, err = run(capsys, "sync", "status", "--db", db)
    assert code == 2 and "sync migrate" in err  # an empty store: migrate first

    code, out, _ = run(capsys, "sync", "key")
    key = out.strip()
    assert code == 0 and len(key) == 44
    monkeypatch.setenv("COUPANG_SYNC_KEY", key)
    monkeypatch.setenv("COUPANG_ACCESS_KEY", "ak")
    monkeypatch.setenv("COUPANG_SECRET_KEY", "sk")
    assert run(capsys, "sync", "vendors", "add", "A00000001", "--db", db)[0] == 0
    monkeypatch.delenv("COUPANG_SYNC_KEY")
    code, _, err = run(capsys, "sync", "run", "--once", "--db", db)
    assert code == 2 and "COUPANG_SYNC_KEY is not set" in err
    monkeypatch.setenv("COUPANG_SYNC_KEY", key)
    monkeypatch.delenv("COUPANG_SECRET_KEY")
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    code, _, err = run(capsys, "sync", "vendors", "add", "A00000002", "--db", db)
    assert code == 2 and "COUPANG_SECRET_KEY is not set" in err
