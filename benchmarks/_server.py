"""Start a real sandbox (one uvicorn worker, SQLite file) in a child process."""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

VENDOR_ID = "A00077777"
ACCESS_KEY = "bench-access-key"
SECRET_KEY = "bench-secret-key-0123456789abcdef"


@dataclass(frozen=True)
class Server:
    base_url: str
    host: str
    port: int


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def sandbox_process(*extra: str) -> Iterator[Server]:
    with tempfile.TemporaryDirectory(prefix="coupang-bench-") as tmp:
        port = _free_port()
        db = f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        cmd = [
            sys.executable,
            "-m",
            "coupang_sandbox",
            "--port",
            str(port),
            "--db",
            db,
            "--vendor",
            f"{VENDOR_ID}:{ACCESS_KEY}:{SECRET_KEY}",
            *extra,
        ]
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            deadline = time.monotonic() + 20
            while True:
                try:
                    with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                        break
                except OSError:
                    if proc.poll() is not None or time.monotonic() > deadline:
                        err = proc.stderr.read().decode() if proc.stderr else ""
                        raise RuntimeError(f"sandbox did not start: {err}") from None
                    time.sleep(0.05)
            yield Server(f"http://127.0.0.1:{port}", "127.0.0.1", port)
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            if proc.stderr:
                proc.stderr.close()
