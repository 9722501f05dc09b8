"""Start-up refusals and a live server: ``coupang-seller sandbox serve`` and
``python -m coupang_sandbox`` as real subprocesses, and a real uvicorn on 127.0.0.1."""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from coupang_cli._embedded import embedded_sandbox
from coupang_cli._errors import EXIT_USAGE
from coupang_sandbox import SandboxSettings
from coupang_sandbox.server import SETTINGS_ENV, WorkerPool, app_from_env, binds_loopback_only
from coupang_seller._auth import CEAAuth
from tests.cli_robust.conftest import free_port, one_line_error, run_cli, wait_for_port
from tests.exposure.conftest import EVIL, LIST_PATH, MINTED, VENDOR

pytestmark = pytest.mark.e2e


def _module(*args: str) -> subprocess.CompletedProcess[str]:
    """``python -m coupang_sandbox ARGS`` (it must refuse before serving)."""
    return subprocess.run(
        [sys.executable, "-m", "coupang_sandbox", "--port", str(free_port()), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


def _module_error(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == EXIT_USAGE, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, done.stderr
    return lines[0]


def test_an_empty_admin_token_refuses_to_start(tmp_path: Path) -> None:
    token = ""  # (a blank one too: tests/exposure/test_control_exposure.py, at the settings)
    db = f"sqlite:///{tmp_path / 'never.db'}"
    done = run_cli(
        "sandbox",
        "serve",
        "--port",
        str(free_port()),
        "--db",
        db,
        "--admin-token",
        token,
        timeout=30,
    )
    assert done.returncode == EXIT_USAGE
    assert "admin token is empty" in one_line_error(done)
    assert done.stdout == ""
    assert "admin token is empty" in _module_error(_module("--db", db, "--admin-token", token))
    assert not (tmp_path / "never.db").exists()


@pytest.mark.parametrize("host", ["0.0.0.0", "::"])
def test_a_public_bind_without_a_token_refuses_to_start(tmp_path: Path, host: str) -> None:
    db = f"sqlite:///{tmp_path / 'never.db'}"
    port = free_port()
    done = run_cli("sandbox", "serve", "--host", host, "--port", str(port), "--db", db, timeout=30)
    assert done.returncode == EXIT_USAGE
    line = one_line_error(done)
    assert "not loopback" in line and "--allow-remote" in line and "--admin-token" in line
    assert done.stdout == ""
    assert "not loopback" in _module_error(_module("--host", host, "--db", db))
    assert not (tmp_path / "never.db").exists()
    with socket.socket() as sock:  # refused before the port was claimed
        sock.bind(("0.0.0.0", port))


def test_allow_remote_starts_with_a_warning(tmp_path: Path) -> None:
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "coupang_cli",
            "sandbox",
            "serve",
            "--host",
            "0.0.0.0",
            "--port",
            str(port),
            "--db",
            f"sqlite:///{tmp_path / 'remote.db'}",
            "--allow-remote",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env={**os.environ},
    )
    try:
        wait_for_port(port, process)
        with httpx.Client(base_url=f"http://127.0.0.1:{port}") as http:
            assert http.get("/_sandbox/clock").status_code == 200
    finally:
        process.terminate()
        _, err = process.communicate(timeout=15)
    assert "warning: the sandbox listens on 0.0.0.0 (not loopback) without an admin token" in err


def test_a_token_or_a_loopback_name_needs_no_flag() -> None:
    assert binds_loopback_only("127.0.0.1") and binds_loopback_only("::1")
    assert binds_loopback_only("localhost")
    assert not binds_loopback_only("0.0.0.0") and not binds_loopback_only("")
    assert not binds_loopback_only("::") and not binds_loopback_only("192.168.1.5")


# -- a live uvicorn on 127.0.0.1 ---------------------------------------------------------------


@pytest.fixture
def live(tmp_path: Path) -> Iterator[str]:
    with embedded_sandbox(db_url=f"sqlite:///{tmp_path / 'live.db'}", vendors=[VENDOR]) as sb:
        yield sb.base_url


def _raw_post(
    base_url: str, raw_path: str, body: bytes, headers: dict[str, str]
) -> tuple[int, dict]:
    """A POST whose path goes on the wire byte for byte (http.client does not normalise)."""
    host, port = base_url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        connection.request("POST", raw_path, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, json.loads(response.read())
    finally:
        connection.close()


def test_a_live_server_refuses_a_foreign_page_and_an_encoded_path(live: str) -> None:
    with httpx.Client(base_url=live) as http:
        assert http.post("/_sandbox/vendors", json=MINTED).status_code == 200
    text = {"Content-Type": "text/plain", "Origin": EVIL}
    for raw_path in ("/_sandbox/reset", "/%5Fsandbox/reset", "/v2/%2e%2e/_sandbox/reset"):
        status, body = _raw_post(live, raw_path, b"{}", text)
        assert status == 403, body
        assert body["errors"][0]["field"] == "Origin"
    status, body = _raw_post(live, "/_sandbox/reset", b"{}", {"Content-Type": "text/plain"})
    assert (status, body["errors"][0]["rule"]) == (415, "json_content_type")
    status, body = _raw_post(
        live,
        "/%5Fsandbox/clock/advance",
        b'{"seconds": 5}',
        {"Content-Type": "application/json", "Host": "rebound.evil.example"},
    )
    assert (status, body["errors"][0]["field"]) == (403, "Host")
    status, body = _raw_post(
        live, "/%255Fsandbox/reset", b"{}", {"Content-Type": "application/json"}
    )
    assert (status, body["errors"][0]["rule"]) == (400, "path_double_encoding")
    # The minted vendor survived every attempt (a reset would have wiped it).
    auth = CEAAuth(MINTED["accessKey"], MINTED["secretKey"])
    with httpx.Client(base_url=live, auth=auth) as signed:
        listed = signed.get(LIST_PATH, params={"pageNum": 1, "pageSize": 10})
        assert listed.status_code == 200, listed.text


# -- --workers: the settings reach every worker ------------------------------------------------


def test_worker_processes_get_the_allowed_hosts(monkeypatch: pytest.MonkeyPatch) -> None:
    """The settings travel as JSON (tuples come back as lists): the app each worker builds
    has the same allowed hosts and token."""
    import uvicorn

    settings = SandboxSettings(
        db_url="sqlite:///:memory:", allowed_hosts=("sandbox.lan",), admin_token="tok"
    )
    pool = WorkerPool(uvicorn.Config("x:y"), settings)
    monkeypatch.setenv(SETTINGS_ENV, pool._settings)
    app = app_from_env()
    try:
        assert app.state.sandbox.settings.allowed_hosts == ("sandbox.lan",)
        assert app.state.sandbox.settings.admin_token == "tok"
    finally:
        app.state.sandbox.close()


def test_workers_serve_with_an_allowed_host(tmp_path: Path) -> None:
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "coupang_sandbox",
            "--port",
            str(port),
            "--db",
            f"sqlite:///{tmp_path / 'workers.db'}",
            "--workers",
            "2",
            "--allowed-host",
            "sandbox.lan",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    try:
        wait_for_port(port, process)
        for _ in range(6):  # each on its own connection: either worker answers
            with httpx.Client(base_url=f"http://127.0.0.1:{port}") as http:
                allowed = http.get("/_sandbox/clock", headers={"Host": "sandbox.lan:80"})
                assert allowed.status_code == 200, allowed.text
                other = http.get("/_sandbox/clock", headers={"Host": "other.lan"})
                assert other.status_code == 403, other.text
    finally:
        process.terminate()
        process.communicate(timeout=20)
