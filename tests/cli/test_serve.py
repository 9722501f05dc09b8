"""``coupang-seller sandbox serve`` as a real subprocess, used by clients that are not ours.

The HMAC signing below is written from Coupang's documentation with the standard library only
(no ``coupang_seller`` import), so a pass proves that any client can talk to the sandbox.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

VENDOR_ID = "A00012345"
ACCESS_KEY = "ak"
SECRET_KEY = "sk"
CREATE_PATH = f"/v2/providers/openapi/apis/api/v5/vendors/{VENDOR_ID}/outboundShippingCenters"
LIST_PATH = "/v2/providers/marketplace_openapi/apis/api/v2/vendor/shipping-place/outbound"
LIST_QUERY = "pageNum=1&pageSize=10"
JSON_CT = "application/json;charset=UTF-8"
STARTUP_SECONDS = 20.0

pytestmark = pytest.mark.e2e


def console_script() -> str:
    """The installed ``coupang-seller`` entry point of this venv."""
    beside = Path(sys.executable).parent / "coupang-seller"
    found = str(beside) if beside.exists() else shutil.which("coupang-seller")
    if found is None:
        pytest.fail("the coupang-seller console script is not installed (pip install -e .)")
    return found


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# -- a stand-alone client: urllib + hmac + hashlib ------------------------------------------
def authorization(method: str, path: str, query: str, *, secret: str = SECRET_KEY) -> str:
    signed_date = datetime.now(UTC).strftime("%y%m%dT%H%M%SZ")
    message = f"{signed_date}{method}{path}{query}"
    signature = hmac.new(secret.encode(), message.encode(), hashlib.sha256).hexdigest()
    return (
        f"CEA algorithm=HmacSHA256, access-key={ACCESS_KEY}, "
        f"signed-date={signed_date}, signature={signature}"
    )


@dataclass
class Reply:
    status: int
    content_type: str
    body: Any


def call(
    base_url: str,
    method: str,
    path: str,
    query: str = "",
    body: Any = None,
    *,
    secret: str = SECRET_KEY,
) -> Reply:
    url = f"{base_url}{path}" + (f"?{query}" if query else "")
    data = None if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(url, data=data, method=method)  # noqa: S310 - http to loopback
    request.add_header("Authorization", authorization(method, path, query, secret=secret))
    if data is not None:
        request.add_header("Content-Type", JSON_CT)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return Reply(
                response.status,
                response.headers["Content-Type"],
                json.loads(response.read().decode("utf-8")),
            )
    except urllib.error.HTTPError as exc:
        with exc:
            return Reply(exc.code, exc.headers["Content-Type"], json.loads(exc.read() or b"null"))


# -- the server process ------------------------------------------------------------------------
@dataclass
class Served:
    base_url: str
    process: subprocess.Popen[str]
    stdout_lines: list[str] = field(default_factory=list)


def _wait_for_port(port: int, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"coupang-seller sandbox serve exited early with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    pytest.fail(f"coupang-seller sandbox serve did not listen on port {port}")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    port = free_port()
    db = tmp_path_factory.mktemp("serve") / "x.sqlite3"
    args = [console_script(), "sandbox", "serve", "--port", str(port), "--db", f"sqlite:///{db}"]
    args += ["--vendor", f"{VENDOR_ID}:{ACCESS_KEY}:{SECRET_KEY}"]
    process = subprocess.Popen(
        args,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    handle = Served(f"http://127.0.0.1:{port}", process)
    assert process.stdout is not None
    stdout = process.stdout
    reader = threading.Thread(
        target=lambda: handle.stdout_lines.extend(iter(stdout.readline, "")), daemon=True
    )
    reader.start()
    try:
        _wait_for_port(port, process)
        yield handle
    finally:
        process.send_signal(signal.SIGINT)  # what Ctrl-C does
        try:
            _, stderr = process.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            _, stderr = process.communicate()
        reader.join(5)
        for pipe in (process.stdout, process.stderr):
            if pipe is not None:
                pipe.close()
    # Ctrl-C is a clean stop: exit code 0 and no traceback
    assert process.returncode == 0, stderr
    assert "Traceback" not in stderr, stderr
    assert "sandbox stopped" in stderr


def _stdout_text(served: Served) -> str:
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and not any("rate limit" in x for x in served.stdout_lines):
        time.sleep(0.02)
    return "".join(served.stdout_lines)


def test_serve_prints_base_url_and_credentials(served: Served) -> None:
    text = _stdout_text(served)
    assert f"coupang sandbox on {served.base_url}" in text
    assert f"export COUPANG_BASE_URL={served.base_url}" in text
    assert (
        f"vendor {VENDOR_ID}: COUPANG_ACCESS_KEY={ACCESS_KEY} COUPANG_SECRET_KEY={SECRET_KEY}"
        in text
    )
    assert "gateway rate limit: 10 calls/s per vendor, 60 s block" in text


def outbound_body(
    name: str, address: str = "경기도 파주시 탄현면 월롱산로 294-58"
) -> dict[str, Any]:
    """A create body as Coupang's documentation shows it (flags and fees as strings)."""
    return {
        "vendorId": VENDOR_ID,
        "userId": "stdlib-user",
        "shippingPlaceName": name,
        "global": "false",
        "usable": "true",
        "placeAddresses": [
            {
                "addressType": "JIBUN",
                "countryCode": "KR",
                "companyContactNumber": "02-1234-5678",
                "returnZipCode": "10516",
                "returnAddress": address,
                "returnAddressDetail": "1층",
            }
        ],
        "remoteInfos": [{"deliveryCode": "CJGLS", "jeju": "5000", "notJeju": "3000"}],
    }


def test_stdlib_client_creates_and_lists(served: Served) -> None:
    created = call(served.base_url, "POST", CREATE_PATH, body=outbound_body("표준 라이브러리 센터"))
    assert created.status == 200, created.body
    assert created.content_type == JSON_CT
    assert created.body["code"] == 200
    assert created.body["data"]["resultCode"] == "SUCCESS"
    code = int(created.body["data"]["resultMessage"])

    listed = call(served.base_url, "GET", LIST_PATH, LIST_QUERY)
    assert listed.status == 200, listed.body
    assert listed.content_type == JSON_CT
    places = {p["outboundShippingPlaceCode"]: p for p in listed.body["content"]}
    assert places[code]["shippingPlaceName"] == "표준 라이브러리 센터"
    assert [r["deliveryCode"] for r in places[code]["remoteInfos"]] == ["CJGLS"]
    assert listed.body["pagination"]["currentPage"] == 1


def test_stdlib_client_refusals(served: Served) -> None:
    forged = call(served.base_url, "GET", LIST_PATH, LIST_QUERY, secret="not-the-secret")
    assert forged.status == 401
    assert forged.content_type == JSON_CT
    assert "Invalid signature" in json.dumps(forged.body)

    # Coupang refuses a second place at the same address and names the existing one
    first = call(
        served.base_url,
        "POST",
        CREATE_PATH,
        body=outbound_body("주소 1", "서울특별시 중구 세종대로 110"),
    )
    assert first.status == 200, first.body
    existing = first.body["data"]["resultMessage"]
    again = call(
        served.base_url,
        "POST",
        CREATE_PATH,
        body=outbound_body("주소 2", "서울특별시 중구 세종대로 110"),
    )
    assert again.status == 400
    assert again.content_type == JSON_CT
    assert again.body["data"] == {"resultCode": "FAIL", "resultMessage": existing}
    assert existing in again.body["message"]


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
def test_curl_signed_get(served: Served) -> None:
    curl = shutil.which("curl")
    assert curl is not None
    result = subprocess.run(
        [
            curl,
            "--silent",
            "--show-error",
            "--dump-header",
            "-",
            "--header",
            f"Authorization: {authorization('GET', LIST_PATH, LIST_QUERY)}",
            f"{served.base_url}{LIST_PATH}?{LIST_QUERY}",
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=15,
        check=True,
    )
    head, _, body = result.stdout.replace("\r\n", "\n").partition("\n\n")
    assert head.splitlines()[0].split()[1] == "200"
    headers = dict(line.split(": ", 1) for line in head.splitlines()[1:])
    assert {k.lower(): v for k, v in headers.items()}["content-type"] == JSON_CT
    page = json.loads(body)
    assert "content" in page and "pagination" in page
