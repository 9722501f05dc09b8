"""Against a real uvicorn server: ``sandbox logs --follow`` shows a seller journey live, and
``sandbox serve`` prints a banner a shell takes as it is, then access-log lines with the
reason of every refusal."""

from __future__ import annotations

import json
import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import httpx
import pytest

from coupang_cli._demo import _journey
from coupang_cli._embedded import RunningSandbox, embedded_sandbox
from coupang_cli._output import Output
from coupang_sandbox.store import Store, Vendor
from coupang_seller import Client
from coupang_seller._auth import CEAAuth
from tests.request_log.conftest import LIST_PATH, OTHER, VENDOR

pytestmark = pytest.mark.e2e

WAIT_SECONDS = 30.0


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "coupang_cli", *args]


class Lines:
    """A child process's stdout, read line by line on a thread (never blocking the test)."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process
        self.queue: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        assert process.stdout is not None
        stdout = process.stdout
        self.thread = threading.Thread(
            target=lambda: [self.queue.put(line.rstrip("\n")) for line in stdout], daemon=True
        )
        self.thread.start()

    def until(self, done: object, what: str) -> list[str]:
        """Read until ``done(lines)`` holds; every line read so far."""
        deadline = time.monotonic() + WAIT_SECONDS
        while not done(self.seen):  # type: ignore[operator]
            left = deadline - time.monotonic()
            if left <= 0:
                pytest.fail(f"{what} did not come; stdout so far:\n" + "\n".join(self.seen))
            try:
                self.seen.append(self.queue.get(timeout=min(left, 0.5)))
            except queue.Empty:
                if self.process.poll() is not None and self.queue.empty():
                    pytest.fail(f"the process ended ({self.process.returncode}) before {what}")
        return self.seen


def _stop(process: subprocess.Popen[str]) -> str:
    process.send_signal(signal.SIGINT)
    try:
        _, stderr = process.communicate(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        _, stderr = process.communicate()
    return stderr or ""


@pytest.fixture
def live(tmp_path: Path) -> Iterator[RunningSandbox]:
    with embedded_sandbox(
        db_url=f"sqlite:///{tmp_path / 'live.sqlite3'}", vendors=[VENDOR, OTHER]
    ) as running:
        yield running


def test_logs_follow_shows_a_seller_journey_as_it_happens(live: RunningSandbox) -> None:
    follow = subprocess.Popen(
        _cli("sandbox", "logs", "--follow", "--url", live.base_url, "--interval", "0.1"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    lines = Lines(follow)
    try:
        time.sleep(0.5)  # the follower has read the (empty) log: what comes next is live
        with Client(
            VENDOR[1], VENDOR[2], VENDOR[0], base_url=live.base_url, user_id="wing-user"
        ) as client:
            summary = _journey(client, Output(as_json=True))  # places, a return center, refusals
            today = date.today()
            assert list(client.orders.iter(today, today, status="ACCEPT")) == []
            logged = client.sandbox.requests.count()
        seen = lines.until(lambda got: len(got) >= logged, f"{logged} lines")
    finally:
        stderr = _stop(follow)
    assert "Traceback" not in stderr, stderr
    assert len(seen) == logged, seen
    journey = "\n".join(seen)
    creates = [x for x in seen if " 200 POST " in x and x.split()[4].endswith("Centers")]
    assert len(creates) == 3  # two outbound places and a return center
    assert any(" 200 PUT " in x for x in seen)  # the fee raised
    assert any(" 200 GET " in x and "ordersheets" in x for x in seen)
    refusals = [x for x in seen if " 400 POST " in x]
    # the sandbox's 400 (two rules broken in one body) and the duplicate; the preflight
    # refusal was never sent
    assert len(refusals) == 2 and summary["refusals"][0] == "remote_fee_range"
    assert all(" refused" in x for x in refusals)
    assert all(f" {VENDOR[0]} " in x for x in seen), seen
    assert "signature=" not in journey and VENDOR[2] not in journey
    # the same lines as a plain read of the log, in the same order
    plain = subprocess.run(
        _cli("sandbox", "logs", "--url", live.base_url, "--limit", "1000"),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    assert plain.stdout.splitlines() == seen
    jsonl = subprocess.run(
        _cli("sandbox", "logs", "--url", live.base_url, "--status", "4xx", "--jsonl"),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    entries = [json.loads(x) for x in jsonl.stdout.splitlines()]
    assert [e["status"] for e in entries] == [400] * len(refusals)
    assert all(e["reason"] and e["vendorId"] == VENDOR[0] for e in entries)
    assert (entries[0]["field"], entries[0]["rule"]) == ("shippingPlaceName", "max_length")
    assert "already exists" in entries[1]["reason"]  # the duplicate: a reason, no field


def test_logs_names_a_bad_filter(live: RunningSandbox) -> None:
    done = subprocess.run(
        _cli("sandbox", "logs", "--url", live.base_url, "--status", "4x"),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 3, done.stderr
    assert "status" in done.stderr and "[format]" in done.stderr


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_the_banner_is_pasteable_and_access_log_gives_reasons(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'banner.sqlite3'}"
    earlier = Store.open(db)  # a vendor created by an earlier run is already in the store
    try:
        earlier.add_vendor(Vendor("A00055555", "ak-earlier", "sk-earlier-$(rm -rf ~)'x"))
    finally:
        earlier.close()
    port = _free_port()
    serve = subprocess.Popen(
        _cli(
            "sandbox",
            "serve",
            "--port",
            str(port),
            "--db",
            db,
            "--vendor",
            ":".join(VENDOR),
            "--access-log",
            "--rate-limit",
            "0",
        ),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    lines = Lines(serve)
    base_url = f"http://127.0.0.1:{port}"
    try:
        banner = list(
            lines.until(lambda got: any("gateway rate limit" in x for x in got), "banner")
        )
        assert all(x.startswith(("# ", "export ")) for x in banner), banner
        assert f"# vendors in the store: {VENDOR[0]}, A00055555" in banner
        shell = subprocess.run(
            ["bash", "-c", "\n".join(banner) + "\nenv -0"],
            capture_output=True,
            check=True,
            env={"PATH": os.environ["PATH"]},
        )
        env = dict(x.split("=", 1) for x in shell.stdout.decode().split("\0") if "=" in x)
        assert env["COUPANG_BASE_URL"] == base_url
        assert env["COUPANG_VENDOR_ID"] == VENDOR[0]
        assert env["COUPANG_ACCESS_KEY"] == VENDOR[1]
        assert env["COUPANG_SECRET_KEY"] == VENDOR[2]
        # what the banner exports is enough for the CLI to work against this sandbox
        listed = subprocess.run(
            _cli("--json", "shipping-places", "outbound", "list"),
            capture_output=True,
            text=True,
            encoding="utf-8",
            env={**os.environ, **env},
            check=False,
        )
        assert listed.returncode == 0, listed.stderr
        create = f"/v2/providers/openapi/apis/api/v5/vendors/{VENDOR[0]}/outboundShippingCenters"
        with httpx.Client(base_url=base_url) as http:
            wrong = CEAAuth(VENDOR[1], "not-the-secret-0123456789")
            assert http.get(LIST_PATH, auth=wrong).status_code == 401
            assert http.get(LIST_PATH).status_code == 401
            refused = http.post(create, json={"vendorId": VENDOR[0]}, auth=CEAAuth(*VENDOR[1:]))
            assert refused.status_code == 400
        logged = lines.until(lambda got: any(" 400 POST " in x for x in got), "the 400 line")
    finally:
        stderr = _stop(serve)
    assert "Traceback" not in stderr, stderr
    access = [x for x in logged if x not in banner]
    assert any(" 200 GET " in x and f" {VENDOR[0]} " in x for x in access), access
    unauthorized = [x for x in access if " 401 GET " in x]
    assert unauthorized[0].endswith("refused Authorization [invalid_signature]: Invalid signature.")
    assert unauthorized[1].endswith(
        "refused Authorization [unauthorized]: Request is not authorized."
    )
    invalid = next(x for x in access if " 400 POST " in x)
    first = refused.json()["errors"][0]
    assert f"refused {first['field']} [{first['rule']}]: {first['field']}" in invalid
    assert "signature=" not in "\n".join(access)
    assert VENDOR[2] not in "\n".join(access)
