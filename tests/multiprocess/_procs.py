"""Real sandbox processes on one store, and a signer for calling them (independent of the SDK)."""

from __future__ import annotations

import hashlib
import hmac
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime

import httpx

VENDOR = ("A00055555", "ak-multi-process", "sk-multi-process-0123456789")
LIST_PATH = "/v2/providers/marketplace_openapi/apis/api/v2/vendor/shipping-place/outbound"
LIST_QUERY = "pageNum=1&pageSize=10"
STARTUP_SECONDS = 60.0


def free_port() -> int:
    """A TCP port nobody listens on (yet)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait(proc: subprocess.Popen[str], port: int) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            out, err = proc.communicate()
            raise AssertionError(f"the sandbox exited with {proc.returncode}:\n{out}\n{err}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise AssertionError(f"nothing listens on port {port} after {STARTUP_SECONDS} s")


def _stop(proc: subprocess.Popen[str]) -> str:
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
    _, err = proc.communicate()
    return err


def argv(db_url: str, port: int, *extra: str) -> list[str]:
    """``python -m coupang_sandbox`` on ``db_url`` with the test vendor."""
    return [
        sys.executable, "-m", "coupang_sandbox", "--port", str(port), "--db", db_url,
        "--vendor", ":".join(VENDOR), *extra,
    ]  # fmt: skip


@contextmanager
def sandboxes(db_url: str, count: int = 2, extra: Sequence[str] = ()) -> Iterator[list[str]]:
    """``count`` sandbox processes on one store, started at once; their base URLs."""
    with processes(db_url, count, extra) as running:
        yield [url for url, _ in running]


@contextmanager
def processes(
    db_url: str, count: int, extra: Sequence[str] = ()
) -> Iterator[list[tuple[str, int]]]:
    """Like :func:`sandboxes`, with each process's pid."""
    ports = [free_port() for _ in range(count)]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    procs = [
        subprocess.Popen(
            argv(db_url, port, *extra),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for port in ports
    ]
    try:
        for proc, port in zip(procs, ports, strict=True):
            _wait(proc, port)
        yield [
            (f"http://127.0.0.1:{port}", proc.pid) for proc, port in zip(procs, ports, strict=True)
        ]
    finally:
        errors = [_stop(proc) for proc in procs]
    for err in errors:
        assert "Traceback" not in err, err


def authorization(vendor: tuple[str, str, str], method: str, path: str, query: str) -> str:
    """The ``CEA`` header for one call, signed now."""
    date = datetime.now(UTC).strftime("%y%m%dT%H%M%SZ")
    message = f"{date}{method}{path}{query}".encode()
    signature = hmac.new(vendor[2].encode(), message, hashlib.sha256).hexdigest()
    return (
        f"CEA algorithm=HmacSHA256, access-key={vendor[1]}, "
        f"signed-date={date}, signature={signature}"
    )


def list_places(
    http: httpx.Client, base_url: str, vendor: tuple[str, str, str] = VENDOR
) -> httpx.Response:
    """A signed ``GET`` of the vendor's outbound places."""
    headers = {"Authorization": authorization(vendor, "GET", LIST_PATH, LIST_QUERY)}
    return http.get(f"{base_url}{LIST_PATH}?{LIST_QUERY}", headers=headers)
