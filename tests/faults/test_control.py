"""The fault rules' control API: add, list with hit counts, remove one, clear; every bad rule
refused naming its field and rule; the same seed giving the same firings; rules surviving a
restart (the store reopened) with their counts."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from coupang_sandbox import SandboxSettings, create_app
from coupang_sandbox.app import close_app
from tests.faults.conftest import LIST, OTHER, OUTBOUND, VENDOR, Control, FaultRecorder
from tests.integration.asgi_sync import SyncASGITransport
from tests.orders.conftest import RawApi


def test_add_list_remove_clear(control: Control, raw: RawApi) -> None:
    first = control.add(kind="error", status=502, path=OUTBOUND, seed=5)
    second = control.add(kind="block_page", vendorId=OTHER[0])
    assert first["id"] != second["id"]
    assert first["seed"] == 5 and first["status"] == 502 and first["hits"] == 0
    assert isinstance(second["seed"], int)  # drawn, and reported for a rerun

    assert raw.get(LIST).status_code == 502
    listed = control.rules()
    assert [(r["id"], r["hits"], r["matched"]) for r in listed] == [
        (first["id"], 1, 1),
        (second["id"], 0, 0),
    ]

    assert control.http.delete(f"/_sandbox/faults/{first['id']}").status_code == 200
    assert [r["id"] for r in control.rules()] == [second["id"]]
    assert raw.get(LIST).status_code == 200
    gone = control.http.delete(f"/_sandbox/faults/{first['id']}")
    assert gone.status_code == 404 and "does not exist" in gone.json()["message"]

    cleared = control.http.delete("/_sandbox/faults")
    assert cleared.json() == {"code": 200, "message": "SUCCESS", "data": {"removed": 1}}
    assert control.rules() == []


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        ({"kind": "explode"}, [("kind", "unknown_kind")]),
        ({}, [("kind", "required")]),
        ({"kind": "error", "probability": 1.5}, [("probability", "range")]),
        ({"kind": "error", "probability": -0.1}, [("probability", "range")]),
        ({"kind": "error", "probability": "half"}, [("probability", "range")]),
        ({"kind": "error", "path": "/v2/{vendorId"}, [("path", "malformed_pattern")]),
        ({"kind": "error", "path": "no-slash"}, [("path", "malformed_pattern")]),
        ({"kind": "error", "path": "/a/[bc]"}, [("path", "malformed_pattern")]),
        ({"kind": "error", "pathRegex": "(unclosed"}, [("pathRegex", "malformed_pattern")]),
        ({"kind": "error", "operation": "orders.explode"}, [("operation", "unknown_operation")]),
        ({"kind": "error", "method": "FETCH"}, [("method", "enum")]),
        ({"kind": "error", "status": 501}, [("status", "enum")]),
        ({"kind": "error", "times": 0}, [("times", "range")]),
        ({"kind": "error", "forSeconds": 0}, [("forSeconds", "range")]),
        ({"kind": "error", "writesOnly": "yes"}, [("writesOnly", "type")]),
        ({"kind": "error", "blockSeconds": 5}, [("blockSeconds", "not_for_kind")]),
        ({"kind": "latency", "latencySeconds": 500}, [("latencySeconds", "range")]),
        ({"kind": "commit_then_drop", "then": "maybe"}, [("then", "enum")]),
        ({"kind": "null_fields"}, [("fields", "required")]),
        ({"kind": "null_fields", "fields": []}, [("fields", "required")]),
        ({"kind": "late_visibility", "path": "/x"}, [("path", "not_for_kind")]),
        ({"kind": "error", "colour": "red"}, [("colour", "unknown_field")]),
        (
            {"kind": "nope", "probability": 2, "pathRegex": "("},
            [
                ("kind", "unknown_kind"),
                ("pathRegex", "malformed_pattern"),
                ("probability", "range"),
            ],
        ),
    ],
)
def test_bad_rules_are_refused_naming_field_and_rule(
    control: Control, rule: dict[str, object], expected: list[tuple[str, str]]
) -> None:
    assert control.refused(**rule) == expected
    assert control.rules() == []


def _firings(app_settings: SandboxSettings, seed: int, calls: int = 24) -> list[bool]:
    app = create_app(app_settings)
    try:
        with (
            SyncASGITransport(app) as transport,
            httpx.Client(transport=transport, base_url="http://127.0.0.1") as http,
        ):
            http.delete("/_sandbox/faults")  # a shared store (PostgreSQL) keeps earlier rules
            Control(http).add(kind="error", status=503, probability=0.5, seed=seed)
            raw = RawApi(http, VENDOR)
            return [raw.get(LIST).status_code == 503 for _ in range(calls)]
    finally:
        close_app(app)


def test_the_same_seed_gives_the_same_sequence(settings: SandboxSettings) -> None:
    first = _firings(settings, seed=1234)
    again = _firings(settings, seed=1234)
    other = _firings(settings, seed=99)
    assert first == again
    assert 0 < sum(first) < len(first)  # a probability, not all or nothing
    assert other != first


def test_rules_survive_a_restart_with_their_counts(tmp_path: Path) -> None:
    settings = SandboxSettings(
        rate_limit_per_second=None, db_url=f"sqlite:///{tmp_path / 'f.db'}", vendors=[VENDOR]
    )
    app = create_app(settings)
    with (
        SyncASGITransport(app) as transport,
        httpx.Client(transport=transport, base_url="http://127.0.0.1") as http,
    ):
        added = Control(http).add(kind="error", status=500, times=3)
        assert RawApi(http, VENDOR).get(LIST).status_code == 500
    close_app(app)

    reopened = create_app(settings)
    try:
        with (
            SyncASGITransport(reopened) as transport,
            httpx.Client(transport=transport, base_url="http://127.0.0.1") as http,
        ):
            control, raw = Control(http), RawApi(http, VENDOR)
            assert [(r["id"], r["hits"]) for r in control.rules()] == [(added["id"], 1)]
            assert [raw.get(LIST).status_code for _ in range(3)] == [500, 500, 200]
            assert control.hits() == [3]
    finally:
        close_app(reopened)


def test_a_reset_wipes_the_rules(control: Control, raw: RawApi) -> None:
    control.add(kind="error")
    assert control.http.post("/_sandbox/reset", json={"keepVendors": True}).status_code == 200
    assert control.rules() == []
    assert raw.get(LIST).status_code == 200


def test_the_applied_fault_is_recorded_for_the_request_log(
    control: Control, raw: RawApi, recorder: FaultRecorder
) -> None:
    control.add(kind="error", times=1)
    raw.get(LIST)
    raw.get(LIST)
    assert recorder.seen == ["error", None]
