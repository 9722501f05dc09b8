"""Faults on a live uvicorn server (real sockets): a dropped connection is dropped (no answer,
no 500, under both HTTP protocols), sleeps happen on the event loop (a delayed request holds
nobody else up), the gateway's 504 comes after its wait."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from coupang_cli._embedded import RunningSandbox, embedded_sandbox
from coupang_sandbox import server
from coupang_sandbox.http_limits import SandboxH11Protocol
from coupang_sandbox.settings import SandboxSettings
from tests.faults.conftest import GATEWAY_TIMEOUT, LIST, OTHER, VENDOR, Control
from tests.orders.conftest import RawApi
from tests.sandbox_helpers import outbound_body, outbound_url

pytestmark = pytest.mark.e2e


@pytest.fixture(params=["httptools", "h11"])
def running(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[RunningSandbox]:
    if request.param == "h11":
        monkeypatch.setattr(server, "protocol_class", lambda: SandboxH11Protocol)
    settings = SandboxSettings(
        db_url=f"sqlite:///{tmp_path / 'live.db'}",
        vendors=[VENDOR, OTHER],
        rate_limit_per_second=None,
        gateway_timeout_seconds=GATEWAY_TIMEOUT,
    )
    with embedded_sandbox(db_url=settings.db_url, settings=settings) as sandbox:
        yield sandbox


@pytest.fixture
def http(running: RunningSandbox) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=running.base_url, timeout=10) as client:
        yield client


def _places(raw: RawApi) -> int:
    return len(raw.get(LIST).json()["content"])


def test_reset_closes_the_connection_without_an_answer(
    http: httpx.Client, running: RunningSandbox, caplog: pytest.LogCaptureFixture
) -> None:
    control, raw = Control(http), RawApi(http, VENDOR)
    control.add(kind="reset", times=1)
    with pytest.raises(httpx.RemoteProtocolError, match="without sending"):
        raw.get(LIST)
    assert raw.get(LIST).status_code == 200  # the next connection is served
    assert not [r for r in caplog.records if "Exception in ASGI" in r.getMessage()]
    # on the wire: the server sends nothing at all before closing
    control.add(kind="reset", times=1)
    with socket.create_connection((running.host, running.port), timeout=5) as sock:
        sock.sendall(_signed_bytes(raw, LIST))
        assert sock.recv(65536) == b""


def _signed_bytes(raw: RawApi, url: str) -> bytes:
    """A signed GET as bytes (signed by :class:`RawApi`'s own signer)."""
    captured: list[httpx.Request] = []

    def keep(request: httpx.Request) -> httpx.Response:
        captured.append(request)
        return httpx.Response(200)

    with httpx.Client(transport=httpx.MockTransport(keep), base_url="http://127.0.0.1") as c:
        RawApi(c, raw.vendor).get(url)
    request = captured[0]
    head = f"GET {request.url.raw_path.decode()} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    head += f"Authorization: {request.headers['authorization']}\r\n\r\n"
    return head.encode()


def test_commit_then_drop_commits_then_closes(http: httpx.Client) -> None:
    control, raw = Control(http), RawApi(http, VENDOR)
    control.add(kind="commit_then_drop", writesOnly=True, times=1)
    with pytest.raises(httpx.RemoteProtocolError):
        raw.post(outbound_url(VENDOR[0]), json=outbound_body("출고지 1", VENDOR[0]))
    assert _places(raw) == 1


def test_latency_sleeps_on_the_loop_and_holds_nobody_up(http: httpx.Client) -> None:
    control, raw = Control(http), RawApi(http, VENDOR)
    control.add(kind="latency", latencySeconds=1.5, vendorId=VENDOR[0])
    slow: list[float] = []
    clients = [httpx.Client(base_url=str(http.base_url), timeout=10) for _ in range(8)]

    def call(own: httpx.Client) -> None:
        started = time.monotonic()
        assert RawApi(own, VENDOR).get(LIST).status_code == 200
        slow.append(time.monotonic() - started)

    # more delayed requests than the store's worker threads (7): a sleep in a worker
    # thread would queue the last ones behind the first, and everyone else behind them
    threads = [threading.Thread(target=call, args=(c,)) for c in clients]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    time.sleep(0.5)
    quick_started = time.monotonic()
    assert RawApi(http, OTHER).get(LIST).status_code == 200
    quick = time.monotonic() - quick_started
    for thread in threads:
        thread.join()
    for client in clients:
        client.close()
    assert len(slow) == 8 and min(slow) >= 1.5
    assert time.monotonic() - started < 3.2  # the eight waited side by side
    assert quick < 1.0
    assert raw.get(LIST).status_code == 200


def test_gateway_timeout_after_the_wait(http: httpx.Client) -> None:
    control, raw = Control(http), RawApi(http, VENDOR)
    control.add(kind="gateway_timeout", latencySeconds=5)
    started = time.monotonic()
    response = raw.get(LIST)
    assert response.status_code == 504
    assert GATEWAY_TIMEOUT <= time.monotonic() - started < 3
