"""Two real sandbox processes (``python -m coupang_sandbox``) on one database, SQLite file or
PostgreSQL schema, and a signed asynchronous HTTP client for each."""

from __future__ import annotations

import hashlib
import hmac
import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

VENDOR = ("A00077777", "ak-races-one", "sk-races-one-0123456789")
STARTUP_SECONDS = 30.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _wait_for_port(proc: subprocess.Popen[str], port: int, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            output = log.read_text(encoding="utf-8")
            raise AssertionError(f"the sandbox exited with {proc.returncode}:\n{output}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise AssertionError(f"nothing listens on port {port} after {STARTUP_SECONDS} s")


@contextmanager
def sandbox_process(db_url: str, log: Path) -> Iterator[int]:
    """A sandbox process on a free port (gateway throttle off), stopped afterwards. Its output
    goes to ``log`` (a pipe nobody reads would fill up and stall it)."""
    port = free_port()
    argv = [
        sys.executable, "-m", "coupang_sandbox", "--port", str(port), "--db", db_url,
        "--vendor", ":".join(VENDOR), "--rate-limit", "0",
    ]  # fmt: skip
    with log.open("w", encoding="utf-8") as out:
        proc = subprocess.Popen(
            argv,
            stdout=out,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        try:
            _wait_for_port(proc, port, log)
            yield port
        finally:
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()


@contextmanager
def pg_schema(base: str) -> Iterator[str]:
    """A fresh PostgreSQL schema (dropped afterwards) and the URL that selects it."""
    schema = f"race_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


@dataclass
class Signed:
    """Signs each request for :data:`VENDOR` (CEA HmacSHA256 over the exact wire path)."""

    http: httpx.AsyncClient

    async def call(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        request = self.http.build_request(method, path, **kwargs)
        raw, _, query = request.url.raw_path.decode("ascii").partition("?")
        date = datetime.now(UTC).strftime("%y%m%dT%H%M%SZ")
        message = f"{date}{method}{raw}{query}".encode()
        signature = hmac.new(VENDOR[2].encode(), message, hashlib.sha256).hexdigest()
        request.headers["Authorization"] = (
            f"CEA algorithm=HmacSHA256, access-key={VENDOR[1]}, "
            f"signed-date={date}, signature={signature}"
        )
        return await self.http.send(request)
