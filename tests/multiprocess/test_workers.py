"""``python -m coupang_sandbox --workers 2``: two server processes on one socket and one store."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from coupang_cli._main import main
from tests.multiprocess._procs import argv, free_port, list_places, processes

pytestmark = pytest.mark.e2e


def _children(pid: int) -> list[int]:
    """The processes under uvicorn's supervisor: the workers (and ``spawn``'s helper)."""
    return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_two_workers_serve_one_store(shared_db: str) -> None:
    extra = ["--workers", "2", "--rate-limit", "0"]
    with processes(shared_db, 1, extra) as [(base, pid)]:
        assert len(_children(pid)) >= 2
        keys = {"vendorId": "A00067676", "accessKey": "ak-workers", "secretKey": "sk-workers-1"}
        vendor = (keys["vendorId"], keys["accessKey"], keys["secretKey"])
        clock = {"now": "2031-05-05T05:05:05Z", "freeze": True}
        with httpx.Client() as http:
            assert http.post(f"{base}/_sandbox/vendors", json=keys).status_code == 200
            # The key is issued now and lives 180 days on the sandbox clock: the jump to 2031
            # needs a longer lifetime (which either worker then applies).
            policy = {"lifetimeDays": 36500}
            put = http.put(f"{base}/_sandbox/vendors/{keys['vendorId']}/key-policy", json=policy)
            assert put.status_code == 200, put.text
            assert http.post(f"{base}/_sandbox/clock", json=clock).status_code == 200
        # Every call on its own connection: the kernel hands them to either worker.
        for _ in range(12):
            with httpx.Client() as http:
                assert list_places(http, base).status_code == 200
                assert list_places(http, base, vendor).status_code == 200
                now = http.get(f"{base}/_sandbox/clock").json()["data"]["now"]
                assert now == "2031-05-05T05:05:05Z"


def test_workers_refuse_an_in_memory_store() -> None:
    done = subprocess.run(
        [*argv("sqlite:///:memory:", free_port()), "--workers", "2"],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2, done.stderr
    assert "--workers 2 needs a store the processes share" in done.stderr
    assert "Traceback" not in done.stderr


def test_workers_must_be_a_positive_number() -> None:
    done = subprocess.run(
        [*argv("sqlite:///:memory:", free_port()), "--workers", "0"],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and "expected a whole number >= 1" in done.stderr


def test_the_cli_refuses_workers_on_an_in_memory_store(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["sandbox", "serve", "--workers", "3", "--db", "sqlite:///:memory:"]
    assert main(argv) == 2
    assert "--workers 3 needs a store the processes share" in capsys.readouterr().err
