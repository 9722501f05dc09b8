"""Run a real sandbox (uvicorn, real sockets) in a background thread: demo, e2e tests, benchmarks."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from coupang_cli._startup import check_writable, starting
from coupang_sandbox.server import build_server
from coupang_sandbox.settings import SandboxSettings, VendorSeed

STARTUP_TIMEOUT_SECONDS = 15.0


@dataclass(frozen=True)
class RunningSandbox:
    """A sandbox server the CLI started in-process: its base URL, host and port."""

    base_url: str
    host: str
    port: int


@contextmanager
def embedded_sandbox(
    *,
    db_url: str,
    vendors: Sequence[VendorSeed] = (),
    host: str = "127.0.0.1",
    port: int = 0,
    admin_token: str | None = None,
    conflict_hint: str = "",
    settings: SandboxSettings | None = None,
) -> Iterator[RunningSandbox]:
    """Start uvicorn on ``host:port`` (0 = a free port) and stop it on exit.

    A store that cannot be used (conflicting vendor, missing database, read-only) raises
    :class:`coupang_cli._startup.StartupError` before anything starts. ``settings``, when
    given, replaces the ones built from ``db_url``, ``vendors`` and ``admin_token``.
    """
    if settings is None:
        settings = SandboxSettings(db_url=db_url, vendors=list(vendors), admin_token=admin_token)
    with starting(settings.db_url, hint=conflict_hint):
        server = build_server(settings, host, port)
        check_writable(server.config.app)
    thread = threading.Thread(target=server.run, name="coupang-sandbox", daemon=True)
    thread.start()
    deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            raise RuntimeError(f"the embedded sandbox did not start on {host}:{port}")
        time.sleep(0.01)
    sockets = [s for srv in server.servers for s in srv.sockets]
    bound_port = int(sockets[0].getsockname()[1])
    try:
        yield RunningSandbox(f"http://{host}:{bound_port}", host, bound_port)
    finally:
        server.should_exit = True
        thread.join(timeout=STARTUP_TIMEOUT_SECONDS)
