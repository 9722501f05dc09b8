"""``python -m coupang_sandbox`` as a person runs it: a real process on a real port, a signed
request from the SDK, Ctrl-C (SIGINT) to stop it, and the SQLite file it was told to use."""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from coupang_sandbox.server import add_serve_arguments, settings_from_args
from coupang_seller import Client
from coupang_seller._ratelimit import CircuitBreaker, RateLimiterRegistry
from coupang_seller.types.shipping_places import PlaceAddress, RemoteInfo

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process is POSIX"),
]

VENDOR = ("A00088888", "ak-main-module", "sk-main-module-0123456789")
STARTUP_SECONDS = 30.0


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _wait_for_port(proc: subprocess.Popen[str], port: int) -> None:
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


@contextmanager
def _sandbox_process(port: int, db: Path, *extra: str) -> Iterator[subprocess.Popen[str]]:
    argv = [
        sys.executable, "-m", "coupang_sandbox", "--port", str(port),
        "--db", f"sqlite:///{db}", "--vendor", ":".join(VENDOR), "--rate-limit", "0", *extra,
    ]  # fmt: skip
    proc = subprocess.Popen(
        argv,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        _wait_for_port(proc, port)
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()


def _stop(proc: subprocess.Popen[str]) -> tuple[int, str]:
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    return proc.returncode, err


def _client(port: int) -> Client:
    return Client(
        VENDOR[1],
        VENDOR[2],
        VENDOR[0],
        base_url=f"http://127.0.0.1:{port}",
        user_id="wing-main-module",
        rate_limit=None,
        max_retries=0,
        rate_limiters=RateLimiterRegistry(),
        circuit_breaker=CircuitBreaker(),
    )


def test_python_m_serves_signed_requests_and_stops_on_sigint(tmp_path: Path) -> None:
    db = tmp_path / "x.sqlite3"
    port = _free_port()
    with _sandbox_process(port, db) as proc:
        with _client(port) as client:
            code = client.outbound_shipping_places.create(
                name="모듈 출고지",
                addresses=[
                    PlaceAddress(
                        addressType="JIBUN",
                        companyContactNumber="02-1234-5678",
                        returnZipCode="10516",
                        returnAddress="경기도 파주시 탄현면 월롱산로 294-58",
                    )
                ],
                remote_infos=[RemoteInfo(deliveryCode="CJGLS", jeju=5000, notJeju=3000)],
            )
            # --rate-limit 0 turns the gateway throttle (10 calls/s by default) off.
            for _ in range(15):
                names = [p.shippingPlaceName for p in client.outbound_shipping_places.iter()]
                assert names == ["모듈 출고지"]
        returncode, err = _stop(proc)
    assert returncode == 0, err
    assert "Traceback" not in err, err
    assert db.is_file() and db.stat().st_size > 0

    # The state lives in the file given by --db: a new process serves it.
    with _sandbox_process(port, db) as again:
        with _client(port) as client:
            assert client.outbound_shipping_places.get(code).shippingPlaceName == "모듈 출고지"
        returncode, err = _stop(again)
    assert returncode == 0, err


def test_python_m_refuses_a_malformed_vendor(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "coupang_sandbox", "--vendor", "A00012345:only-two"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "expected VENDOR_ID:ACCESS_KEY:SECRET_KEY" in result.stderr


@pytest.mark.parametrize("text", ["a:b", "a:b:c:d", "a::c", ":b:c"])
def test_vendor_flag_needs_three_non_empty_parts(text: str) -> None:
    parser = argparse.ArgumentParser(exit_on_error=False)
    add_serve_arguments(parser)
    with pytest.raises(argparse.ArgumentError, match="VENDOR_ID:ACCESS_KEY:SECRET_KEY"):
        parser.parse_args(["--vendor", text])


def test_flags_become_settings() -> None:
    parser = argparse.ArgumentParser()
    add_serve_arguments(parser)
    args = parser.parse_args(
        ["--db", "sqlite:///s.sqlite3", "--vendor", "A1:ak:sk", "--vendor", "A2:ak2:sk2",
         "--admin-token", "t0k", "--signature-skew", "60", "--rate-limit", "0",
         "--block-seconds", "5"]
    )  # fmt: skip
    settings = settings_from_args(args)
    assert settings.db_url == "sqlite:///s.sqlite3"
    assert settings.vendors == [("A1", "ak", "sk"), ("A2", "ak2", "sk2")]
    assert settings.admin_token == "t0k"
    assert settings.signature_skew_seconds == 60.0
    assert settings.rate_limit_per_second is None  # 0 = off
    assert settings.rate_limit_block_seconds == 5.0
    default = settings_from_args(parser.parse_args([]))
    assert default.rate_limit_per_second == 10.0 and default.admin_token is None
