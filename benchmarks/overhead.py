"""(a) SDK per-call overhead vs a bare httpx call with a hand-made signature.

Both hit the same sandbox endpoint (outbound places list, 50 per page) on the same
keep-alive connection style, interleaved round by round so machine noise hits both.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import statistics
import time
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx

from benchmarks._server import ACCESS_KEY, SECRET_KEY, VENDOR_ID, Server
from coupang_seller import Client

PATH = "/v2/providers/marketplace_openapi/apis/api/v2/vendor/shipping-place/outbound"
QUERY = "pageNum=1&pageSize=50"
ROUNDS = 20
CALLS_PER_ROUND = 50


def _bare_call(http: httpx.Client, base_url: str) -> int:
    signed_date = datetime.now(UTC).strftime("%y%m%dT%H%M%SZ")
    message = f"{signed_date}GET{PATH}{QUERY}"
    signature = hmac.new(SECRET_KEY.encode(), message.encode(), hashlib.sha256).hexdigest()
    header = f"CEA algorithm=HmacSHA256, access-key={ACCESS_KEY}, signed-date={signed_date}, signature={signature}"
    response = http.get(
        f"{base_url}{PATH}?{QUERY}",
        headers={"Authorization": header, "Content-Type": "application/json;charset=UTF-8"},
    )
    response.raise_for_status()
    return len(json.loads(response.content)["content"])


@dataclass(frozen=True)
class OverheadResult:
    bare_ms: float
    sdk_raw_ms: float
    sdk_typed_ms: float

    @property
    def ratio_raw(self) -> float:
        return self.sdk_raw_ms / self.bare_ms

    @property
    def ratio_typed(self) -> float:
        return self.sdk_typed_ms / self.bare_ms


def run(server: Server) -> OverheadResult:
    bare: list[float] = []
    raw: list[float] = []
    typed: list[float] = []
    with (
        httpx.Client() as http,
        Client(
            ACCESS_KEY, SECRET_KEY, VENDOR_ID, base_url=server.base_url, rate_limit=None
        ) as client,
    ):
        for _ in range(5):  # warm up both paths
            _bare_call(http, server.base_url)
            client.outbound_shipping_places.list(page_size=50)
        clock = time.perf_counter
        for _ in range(ROUNDS):
            # Interleave call by call so drift and background load hit all three equally.
            spent = [0.0, 0.0, 0.0]
            calls = (
                lambda: _bare_call(http, server.base_url),
                lambda: client.request("GET", PATH, params={"pageNum": 1, "pageSize": 50}),
                lambda: client.outbound_shipping_places.list(page_size=50),
            )
            for i in range(CALLS_PER_ROUND):
                # Rotate the order call by call, so no kind always follows the same one.
                for k in range(3):
                    kind = (i + k) % 3
                    t0 = clock()
                    calls[kind]()
                    spent[kind] += clock() - t0
            bare.append(spent[0] / CALLS_PER_ROUND)
            raw.append(spent[1] / CALLS_PER_ROUND)
            typed.append(spent[2] / CALLS_PER_ROUND)
    return OverheadResult(
        bare_ms=statistics.median(bare) * 1000,
        sdk_raw_ms=statistics.median(raw) * 1000,
        sdk_typed_ms=statistics.median(typed) * 1000,
    )
