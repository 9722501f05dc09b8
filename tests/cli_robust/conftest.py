"""Helpers of the CLI robustness tests: the CLI and the sandbox as real subprocesses."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

STARTUP_SECONDS = 20.0
VENDOR = ("A00091919", "ak-robust", "sk-robust-0123456789")


def cli(*args: str) -> list[str]:
    """The ``coupang-seller`` command of this interpreter (``python -m coupang_cli``)."""
    return [sys.executable, "-m", "coupang_cli", *args]


def run_cli(
    *args: str, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cli(*args),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        env=env,
        check=False,
    )


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_port(port: int, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            _, err = process.communicate()
            pytest.fail(f"the server exited early with {process.returncode}: {err}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    pytest.fail(f"nothing listens on port {port}")


def one_line_error(done: subprocess.CompletedProcess[str]) -> str:
    """The single ``error: ...`` line the CLI printed on stderr (and no traceback)."""
    assert "Traceback" not in done.stderr, done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("error: "), done.stderr
    return lines[0]


@dataclass
class Served:
    base_url: str
    port: int
    db: Path
    process: subprocess.Popen[str]


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    """``coupang-seller sandbox serve`` (real uvicorn) with one vendor and no gateway throttle."""
    port = free_port()
    db = tmp_path / "sandbox.sqlite3"
    args: Sequence[str] = cli(
        "sandbox",
        "serve",
        "--port",
        str(port),
        "--db",
        f"sqlite:///{db}",
        "--vendor",
        ":".join(VENDOR),
        "--rate-limit",
        "0",
    )
    process = subprocess.Popen(
        args,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env={**os.environ},
    )
    try:
        wait_for_port(port, process)
        yield Served(f"http://127.0.0.1:{port}", port, db, process)
    finally:
        process.terminate()
        try:
            process.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
