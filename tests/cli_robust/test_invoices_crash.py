"""``orders invoices`` killed with SIGKILL mid-upload, then run again: every box ends up with
exactly one invoice, the rerun refuses nothing and exits 0.

Real processes and sockets: the sandbox is ``coupang-seller sandbox serve`` (uvicorn), the CLI
is a subprocess, and between them a small HTTP relay stalls the second upload call at a chosen
point so the ``kill -9`` lands there deterministically:

* ``answer_lost``: the sandbox processed the call, the CLI never read the answer (the journal
  says ``sending``; the rerun must find the invoices on the order sheets and not resend);
* ``request_lost``: the call never reached the sandbox (the rerun reads back, finds nothing,
  and sends it).
"""

from __future__ import annotations

import csv
import http.client
import json
import os
import signal
import subprocess
import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from coupang_cli._orders import UPLOAD_CHUNK_BOXES
from coupang_seller import Client
from tests.cli_robust.conftest import VENDOR, Served, cli, run_cli, served  # noqa: F401
from tests.orders.conftest import open_market
from tests.products.conftest import catalog_module  # noqa: F401

pytestmark = pytest.mark.e2e

BOXES = UPLOAD_CHUNK_BOXES + 10  # two upload calls: 50 boxes, then 10
HOLD_SECONDS = 30.0


class Relay(ThreadingHTTPServer):
    """Forwards every request to the sandbox; the ``hold_at``-th invoice upload is stalled
    before (``request_lost``) or after (``answer_lost``) the sandbox handled it."""

    daemon_threads = True

    def __init__(self, upstream_port: int) -> None:
        super().__init__(("127.0.0.1", 0), _RelayHandler)
        self.upstream_port = upstream_port
        self.mode = ""
        self.hold_at = 0
        self.uploads = 0
        self.forwarded_boxes: Counter[int] = Counter()
        self.holding = threading.Event()
        self.release = threading.Event()
        self.lock = threading.Lock()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _RelayHandler(BaseHTTPRequestHandler):
    server: Relay
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""

    def _relay(self) -> None:
        relay = self.server
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        upload = self.command == "POST" and self.path.split("?")[0].endswith("/orders/invoices")
        hold = False
        if upload:
            with relay.lock:
                relay.uploads += 1
                hold = relay.uploads == relay.hold_at
        if hold and relay.mode == "request_lost":
            relay.holding.set()
            relay.release.wait(HOLD_SECONDS)
            return
        if upload:
            for line in json.loads(body)["orderSheetInvoiceApplyDtos"]:
                relay.forwarded_boxes[int(line["shipmentBoxId"])] += 1
        upstream = http.client.HTTPConnection("127.0.0.1", relay.upstream_port, timeout=30)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
        upstream.request(self.command, self.path, body=body or None, headers=headers)
        answer = upstream.getresponse()
        data = answer.read()
        upstream.close()
        if hold:  # mode answer_lost: the sandbox has done it; the answer never leaves
            relay.holding.set()
            relay.release.wait(HOLD_SECONDS)
            return
        self.send_response(answer.status)
        for key, value in answer.getheaders():
            if key.lower() not in ("content-length", "connection", "transfer-encoding", "date", "server"):  # fmt: skip
                self.send_header(key, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _relay


@pytest.fixture
def relay(served: Served) -> Iterator[Relay]:  # noqa: F811
    server = Relay(served.port)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.release.set()
        server.shutdown()
        server.server_close()


def _instructed_boxes(base_url: str, catalog: Any) -> list[dict[str, Any]]:
    """BOXES one-item orders, acknowledged; one invoice row per box."""
    with Client(
        VENDOR[1], VENDOR[2], VENDOR[0], base_url=base_url, user_id="robust", rate_limit=None
    ) as client:
        market = open_market(client, catalog)
        placed = [client.sandbox.orders.place({market.items[0]: 1}) for _ in range(BOXES)]
        client.sandbox.clock.advance(601)
        assert client.orders.acknowledge([p.shipment_box_ids[0] for p in placed]).all_succeeded
    return [
        {
            "shipmentBoxId": p.shipment_box_ids[0],
            "orderId": p.orderId,
            "vendorItemId": market.items[0],
            "deliveryCompanyCode": "CJGLS",
            "invoiceNumber": f"62{n:010d}",
        }
        for n, p in enumerate(placed, start=1)
    ]


def _journal(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            entries.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return entries


@pytest.mark.parametrize("mode", ["answer_lost", "request_lost"])
def test_kill_9_mid_upload_then_rerun(
    mode: str,
    served: Served,  # noqa: F811
    relay: Relay,
    tmp_path: Path,
    catalog_module: Any,  # noqa: F811
) -> None:
    rows = _instructed_boxes(served.base_url, catalog_module)
    sheet = tmp_path / "invoices.csv"
    with sheet.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    journal = tmp_path / "invoices.csv.journal.jsonl"
    env = {
        **os.environ,
        "COUPANG_ACCESS_KEY": VENDOR[1],
        "COUPANG_SECRET_KEY": VENDOR[2],
        "COUPANG_VENDOR_ID": VENDOR[0],
        "COUPANG_BASE_URL": relay.base_url,
        "COUPANG_USER_ID": "robust",
    }
    command = cli("--json", "orders", "invoices", str(sheet))

    relay.mode, relay.hold_at = mode, 2
    first = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert relay.holding.wait(HOLD_SECONDS), "the second upload call never came"
        # the journal shows progress: the first chunk uploaded, the second one on its way
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            last = {e["key"]: e["status"] for e in _journal(journal)}
            if Counter(last.values())["sending"] == BOXES - UPLOAD_CHUNK_BOXES:
                break
            time.sleep(0.02)
        assert Counter(last.values()) == {
            "uploaded": UPLOAD_CHUNK_BOXES,
            "sending": BOXES - UPLOAD_CHUNK_BOXES,
        }
        os.kill(first.pid, signal.SIGKILL)
        first.communicate(timeout=15)
    finally:
        if first.poll() is None:
            first.kill()
            first.communicate()
    assert first.returncode == -signal.SIGKILL
    relay.release.set()
    relay.mode = ""

    again = run_cli(*command[3:], env=env, timeout=120)
    assert again.returncode == 0, again.stdout + again.stderr
    report = json.loads(again.stdout)
    statuses = Counter(r["status"] for r in report["results"])
    second_chunk = {r["shipmentBoxId"] for r in rows[UPLOAD_CHUNK_BOXES:]}
    if mode == "answer_lost":  # done by the killed run: found on the order sheets, not resent
        assert statuses == {"already": BOXES}
        assert all(
            r.get("reconciled") is True
            for r in report["results"]
            if r["shipmentBoxId"] in second_chunk
        )
    else:  # never reached the sandbox: read back, not found, sent now
        assert statuses == {"already": UPLOAD_CHUNK_BOXES, "uploaded": BOXES - UPLOAD_CHUNK_BOXES}
    assert report["counts"]["refused"] == 0 and report["counts"]["failed"] == 0
    # each box reached the sandbox in exactly one upload, and carries its own invoice
    assert relay.forwarded_boxes == Counter({r["shipmentBoxId"]: 1 for r in rows})
    with Client(
        VENDOR[1], VENDOR[2], VENDOR[0], base_url=served.base_url, rate_limit=None
    ) as client:
        for row in rows:
            box = client.orders.get(row["shipmentBoxId"])
            assert box.status == "DEPARTURE"
            assert box.invoiceNumber == row["invoiceNumber"]

    # a third run has nothing left to do
    third = run_cli(*command[3:], env=env)
    assert third.returncode == 0, third.stderr
    assert Counter(r["status"] for r in json.loads(third.stdout)["results"]) == {"already": BOXES}
