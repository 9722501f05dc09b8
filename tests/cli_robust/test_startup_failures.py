"""Start-up failures of ``sandbox serve`` and ``demo``, a closed stdout and Ctrl-C, each through a
real subprocess: one ``error:`` line on stderr, no traceback, and the exit code of the README's
table."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.parse
import uuid
from pathlib import Path

import pytest

from coupang_cli._demo import DEMO_VENDOR
from coupang_cli._errors import (
    EXIT_BROKEN_PIPE,
    EXIT_INTERRUPTED,
    EXIT_UNAVAILABLE,
    EXIT_USAGE,
)
from coupang_sandbox import SandboxSettings, create_app
from coupang_sandbox.app import close_app
from tests.cli_robust.conftest import cli, free_port, one_line_error, run_cli

pytestmark = pytest.mark.e2e

PG_URL = os.environ.get("COUPANG_SANDBOX_TEST_PG_URL")


def _store(path: Path, vendor: tuple[str, str, str]) -> str:
    """A SQLite store file that already holds ``vendor``."""
    url = f"sqlite:///{path}"
    close_app(create_app(SandboxSettings(db_url=url, vendors=[vendor])))
    return url


def _serve(*args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    return run_cli("sandbox", "serve", "--port", str(free_port()), *args, timeout=timeout)


# -- the port --------------------------------------------------------------------------------


def test_port_in_use_is_reported_before_the_banner(tmp_path: Path) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = run_cli(
            "sandbox", "serve", "--port", str(port), "--db", f"sqlite:///{tmp_path / 'p.db'}"
        )
    assert done.returncode == EXIT_UNAVAILABLE
    assert f"cannot listen on 127.0.0.1:{port}" in one_line_error(done)
    assert done.stdout == ""  # no banner announcing a server that is not there
    assert not (tmp_path / "p.db").exists()  # nor a store created for nothing


def test_port_zero_prints_the_port_it_got(tmp_path: Path) -> None:
    process = subprocess.Popen(
        cli("sandbox", "serve", "--port", "0", "--db", f"sqlite:///{tmp_path / 'z.db'}"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        port = int(first.split("http://127.0.0.1:")[1].split()[0])
        assert port > 0
        with socket.create_connection(("127.0.0.1", port), timeout=5):
            pass
    finally:
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=15)
    assert process.returncode == 0, err  # Ctrl-C is how a server is stopped: a clean 0


# -- the store ---------------------------------------------------------------------------------


def test_serve_vendor_conflict(tmp_path: Path) -> None:
    url = _store(tmp_path / "v.db", ("A00000777", "ak-1", "sk-1"))
    done = _serve("--db", url, "--vendor", "A00000777:ak-1:another-secret")
    assert done.returncode == EXIT_USAGE
    line = one_line_error(done)
    assert "vendor A00000777" in line and "already exists with different keys" in line
    assert "another-secret" not in line


def test_demo_on_a_store_that_has_the_demo_vendor(tmp_path: Path) -> None:
    """What ``demo --db X`` run twice meets: the demo vendor is there with other keys."""
    url = _store(tmp_path / "demo.db", (DEMO_VENDOR, "ak-earlier-demo", "sk-earlier-demo"))
    done = run_cli("demo", "--db", url)
    assert done.returncode == EXIT_USAGE
    line = one_line_error(done)
    assert f"vendor {DEMO_VENDOR}" in line and "give --db a new store" in line


def test_read_only_sqlite_store(tmp_path: Path) -> None:
    path = tmp_path / "ro.db"
    _store(path, ("A00000778", "ak-ro", "sk-ro"))
    url = f"sqlite:///file:{path}?mode=ro&uri=true"  # SQLite itself refuses every write
    for done in (_serve("--db", url), run_cli("demo", "--db", url)):
        assert done.returncode == EXIT_UNAVAILABLE, done.stderr
        assert "attempt to write a readonly database" in one_line_error(done)


def test_store_in_a_missing_directory(tmp_path: Path) -> None:
    done = _serve("--db", f"sqlite:///{tmp_path / 'nowhere' / 'x.db'}")
    assert done.returncode == EXIT_UNAVAILABLE
    assert "unable to open database file" in one_line_error(done)


def test_unparsable_store_url() -> None:
    done = _serve("--db", "not a url")
    assert done.returncode == EXIT_USAGE
    assert "is not a usable store URL" in one_line_error(done)


def test_unreachable_postgresql() -> None:
    url = f"postgresql+psycopg://postgres:hunter2@127.0.0.1:{free_port()}/nothing"
    done = _serve("--db", url, timeout=60)
    assert done.returncode == EXIT_UNAVAILABLE
    line = one_line_error(done)
    assert "cannot use the sandbox store" in line
    assert "hunter2" not in line  # the password is not printed


def _pg_url(database: str, query: str = "") -> str:
    assert PG_URL is not None
    parts = urllib.parse.urlsplit(PG_URL)
    return urllib.parse.urlunsplit(parts._replace(path=f"/{database}", query=query))


@pytest.mark.postgres
@pytest.mark.skipif(PG_URL is None, reason="COUPANG_SANDBOX_TEST_PG_URL not set")
def test_missing_postgresql_database() -> None:
    url = _pg_url(f"missing_{uuid.uuid4().hex[:12]}")
    for done in (_serve("--db", url), run_cli("demo", "--db", url)):
        assert done.returncode == EXIT_UNAVAILABLE, done.stderr
        line = one_line_error(done)
        assert "does not exist" in line and "createdb" in line


@pytest.mark.postgres
@pytest.mark.skipif(PG_URL is None, reason="COUPANG_SANDBOX_TEST_PG_URL not set")
def test_read_only_postgresql_store() -> None:
    assert PG_URL is not None
    close_app(create_app(SandboxSettings(db_url=PG_URL)))  # the tables exist
    database = urllib.parse.urlsplit(PG_URL).path.lstrip("/")
    url = _pg_url(database, "options=-c%20default_transaction_read_only%3Don")
    done = _serve("--db", url)
    assert done.returncode == EXIT_UNAVAILABLE, done.stderr
    assert "read-only transaction" in one_line_error(done)


# -- the output and the keyboard ------------------------------------------------------------


@pytest.mark.parametrize(
    "args", [("couriers",), ("--json", "couriers"), ("sandbox", "openapi")], ids=" ".join
)
def test_closed_stdout(args: tuple[str, ...]) -> None:
    """``coupang-seller ... | head -1``: the reader is gone before the output is written."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(
            cli(*args), stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=60, check=False
        )
    finally:
        os.close(write_end)
    assert done.returncode == EXIT_BROKEN_PIPE
    assert done.stderr == ""


def test_ctrl_c_is_130(tmp_path: Path) -> None:
    """Ctrl-C while a call waits for an answer that does not come."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()  # accepts connections, never answers
        env = {
            **os.environ,
            "COUPANG_ACCESS_KEY": "ak",
            "COUPANG_SECRET_KEY": "sk",
            "COUPANG_VENDOR_ID": "A00000001",
            "COUPANG_BASE_URL": f"http://127.0.0.1:{silent.getsockname()[1]}",
        }
        process = subprocess.Popen(
            cli("orders", "list", "--from", "2025-07-01", "--to", "2025-07-02"),
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        connection, _ = silent.accept()  # the request is on its way: the CLI is waiting
        try:
            time.sleep(0.2)
            process.send_signal(signal.SIGINT)
            _, err = process.communicate(timeout=15)
        finally:
            connection.close()
    assert process.returncode == EXIT_INTERRUPTED
    assert "Traceback" not in err
    assert err.strip() == "interrupted"


def test_refused_setting(tmp_path: Path) -> None:
    done = _serve("--db", f"sqlite:///{tmp_path / 's.db'}", "--rate-limit", "-1")
    assert done.returncode == EXIT_USAGE
    assert "rate" in one_line_error(done)
    assert done.stdout == ""
