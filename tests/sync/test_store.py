"""The sync store: migrations keep rows, newer and corrupt stores are refused, credentials are
sealed at rest, one collector per store, events and consumer offsets."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from coupang_sync import (
    CredentialKeyError,
    NewerSchemaError,
    StoreLockedError,
    StoreNotReadyError,
    Sync,
    current_revision,
    generate_key,
    head_revision,
    migrate,
)
from coupang_sync._lock import RunLock
from coupang_sync._store import make_engine
from tests.sync.conftest import VENDOR, Market

SECRET = VENDOR[2]


def test_an_old_store_upgrades_in_place_and_keeps_its_rows(sync_url: str, sync_key: str) -> None:
    assert migrate(sync_url, revision="0001") == "0001"
    engine = make_engine(sync_url)
    try:
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO sync_records (vendor_id, kind, record_id, status, paid_at, "
                    "document, content_hash, first_seen_at, updated_at) VALUES ('A1', 'order', "
                    "'987654321098765432', 'ACCEPT', NULL, '{\"shipmentBoxId\": "
                    "987654321098765432}', 'h', 't', 't')"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO sync_events (event_id, vendor_id, type, record_kind, record_id, "
                    "payload, created_at) VALUES ('e-1', 'A1', 'order.created', 'order', "
                    "'987654321098765432', '{}', 't')"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO sync_cursors (vendor_id, stream, position, updated_at) "
                    "VALUES ('A1', 'orders', '{\"mark\": \"2025-07-15T05:00:00+00:00\"}', 't')"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO sync_consumers (name, position, updated_at) VALUES ('erp', 1, 't')"
                )
            )
        with pytest.raises(StoreNotReadyError, match="behind"):
            Sync(sync_url, migrate=False)
        assert migrate(engine) == head_revision() == "0002"
        with Sync(sync_url, migrate=False) as sync:
            (event,) = sync.events()
            assert (event.seq, event.event_id, event.record_id) == (1, "e-1", "987654321098765432")
            assert sync.offset("erp") == 1
            (status,) = sync.status()
            assert status.position == {"mark": "2025-07-15T05:00:00+00:00"}
            assert status.last_error is None and status.last_success_at is None  # new columns
            assert sync.counts()["records"] == 1
    finally:
        engine.dispose()


def test_a_store_from_a_newer_version_is_refused_untouched(sync_url: str, sync_key: str) -> None:
    migrate(sync_url)
    engine = make_engine(sync_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("UPDATE sync_alembic_version SET version_num = '0099'"))
        with pytest.raises(NewerSchemaError, match="0099, newer"):
            Sync(sync_url)
        with pytest.raises(NewerSchemaError):
            migrate(sync_url)
        assert current_revision(engine) == "0099"
    finally:
        engine.dispose()


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path, sync_key: str) -> None:
    path = tmp_path / "sync.db"
    path.write_bytes(b"this is a spreadsheet, not a database" * 200)
    with pytest.raises(StoreNotReadyError, match="cannot be read as a database"):
        Sync(f"sqlite:///{path}")
    assert path.read_bytes().startswith(b"this is a spreadsheet")


def test_credentials_are_encrypted_at_rest(
    tmp_path: Path, sync_key: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'sync.db'}"
    with Sync(url) as sync:
        sync.add_vendor(VENDOR[0], VENDOR[1], SECRET)
    raw = (tmp_path / "sync.db").read_bytes()
    assert SECRET.encode() not in raw and VENDOR[1].encode() not in raw
    assert VENDOR[0].encode() in raw  # the vendor id is not a secret

    monkeypatch.delenv("COUPANG_SYNC_KEY")
    with pytest.raises(CredentialKeyError, match="COUPANG_SYNC_KEY is not set"):
        Sync(url)
    monkeypatch.setenv("COUPANG_SYNC_KEY", generate_key())
    with pytest.raises(CredentialKeyError, match="does not open the credentials of vendor"):
        Sync(url)
    monkeypatch.setenv("COUPANG_SYNC_KEY", "not-a-key")
    with pytest.raises(CredentialKeyError, match="not a valid key"):
        Sync(url)
    monkeypatch.setenv("COUPANG_SYNC_KEY", sync_key)
    with Sync(url) as sync:
        assert [v.vendor_id for v in sync.vendors()] == [VENDOR[0]]
        assert SECRET not in repr(sync._credentials(VENDOR[0]))


def test_a_store_without_credentials_opens_without_a_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COUPANG_SYNC_KEY", raising=False)
    with Sync(f"sqlite:///{tmp_path / 'sync.db'}") as sync:
        assert sync.vendors() == []
        with pytest.raises(CredentialKeyError):
            sync.add_vendor(VENDOR[0], VENDOR[1], SECRET)


def test_a_second_run_on_the_same_store_exits_with_a_clear_message(
    sync: Sync, market: Market, sync_url: str
) -> None:
    market.order()
    market.advance(700)
    other = RunLock(make_engine(sync_url))  # another process's run, holding the store
    other.acquire()
    try:
        with pytest.raises(StoreLockedError, match="another `coupang-seller sync run`"):
            sync.run_once()
        assert sync.counts()["events"] == 0  # nothing collected by the refused run
    finally:
        other.release()
        other.engine.dispose()
    assert sync.run_once().events == 1


def test_an_expired_lease_is_taken_over(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'sync.db'}"
    migrate(url)
    engine = make_engine(url)
    try:
        dead = RunLock(engine, lease_seconds=-1)  # a run that died: its lease has expired
        dead.acquire()
        alive = RunLock(engine)
        alive.acquire()
        late = RunLock(engine)
        with pytest.raises(StoreLockedError, match="lease runs until"):
            late.acquire()
        with engine.begin() as conn, pytest.raises(StoreLockedError, match="lost its lease"):
            dead.renew(conn)
        alive.release()
        late.acquire()
        late.release()
    finally:
        engine.dispose()


def test_consumers_resume_after_their_offset_at_least_once(sync: Sync, market: Market) -> None:
    for _ in range(3):
        market.order()
        market.advance(200)
    market.advance(700)
    sync.run_once()
    every = list(sync.events())
    assert [e.seq for e in every] == sorted(e.seq for e in every) and len(every) == 3
    assert list(sync.events(after=every[0].seq)) == every[1:]
    assert list(sync.events(limit=2, batch=1)) == every[:2]

    seen: list[int] = []
    with pytest.raises(RuntimeError):
        for event in sync.consume("erp"):
            seen.append(event.seq)
            if len(seen) == 2:
                raise RuntimeError("the handler failed on the second event")
    assert sync.offset("erp") == every[0].seq  # the failed one was not committed
    again = [e.seq for e in sync.consume("erp")]
    assert again == [e.seq for e in every[1:]]
    assert list(sync.consume("erp")) == []
    assert sync.offset("erp") == every[-1].seq
    sync.commit("erp", 1)  # never backwards
    assert sync.offset("erp") == every[-1].seq
    assert every[0].to_dict()["eventId"] == every[0].event_id


def test_vendors_are_added_listed_and_removed(
    open_sync: Callable[..., Sync], market: Market
) -> None:
    sync = open_sync()
    sync.add_vendor(VENDOR[0], VENDOR[1], SECRET, base_url="http://127.0.0.1:1")
    sync.add_vendor(VENDOR[0], VENDOR[1], SECRET)  # replaces the keys
    assert [(v.vendor_id, v.base_url) for v in sync.vendors()] == [(VENDOR[0], None)]
    sync.remove_vendor(VENDOR[0])
    assert sync.vendors() == []
    with pytest.raises(Exception, match="no vendor"):
        sync.remove_vendor(VENDOR[0])
