"""(f) Order-sheet listing latency at two store sizes, and (g) acknowledgement plus invoice
throughput, each against a real sandbox process (one uvicorn worker, SQLite file).

The stores are seeded straight into the SQLite file before the sandbox starts on it
(:mod:`benchmarks._seed_orders`); the sandbox then serves them like orders it placed itself.

(f) The same query at both sizes: the benchmark vendor's order sheets of one KST day (which
holds the same 200 of its orders, 120 ACCEPT and 80 INSTRUCT, in both stores), status ACCEPT or
INSTRUCT in turn, ``maxPerPage=50``, then the follow-up page by ``nextToken``. Signed GETs, one
at a time, one keep-alive connection per sandbox; every page is checked against the seeded
ids. The two sandboxes (seeded one after the other) are measured in alternating rounds, so
drift on the machine hits both sizes alike. Flat (indexed) listing keeps the large/small p50
ratio near 1.

(g) A fresh sandbox whose benchmark vendor has ``FULFIL_BOXES`` visible ACCEPT orders: the SDK
acknowledges them 50 ``shipmentBoxIds`` per call, then uploads one CJGLS invoice per box, 50
boxes per call (unique 12-digit numbers); every per-box result must have succeeded.

``python -m benchmarks.orders`` runs both and prints the figures.
"""

from __future__ import annotations

import hashlib
import hmac
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

from benchmarks._seed_orders import SeededBox, SeedResult, seed_orders
from benchmarks._server import ACCESS_KEY, SECRET_KEY, VENDOR_ID, Server, sandbox_process
from coupang_seller import Client
from coupang_seller.types.orders import InvoiceLine

SMALL = 10_000
LARGE = 1_000_000
PAGE = 50
STATUSES = ("ACCEPT", "INSTRUCT")
WARMUP_ROUNDS = 10
#: Each round is two GETs (a first page and its follow-up by nextToken).
ROUNDS = 200
PATH = f"/v2/providers/openapi/apis/api/v5/vendors/{VENDOR_ID}/ordersheets"

FULFIL_BOXES = 2_000
FULFIL_STORE = 20_000
CHUNK = 50
COURIER = "CJGLS"
#: CJGLS invoice numbers are 10 or 12 digits.
INVOICE_BASE = 500_000_000_000


def _pct(values: Sequence[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))]


@contextmanager
def seeded_sandbox(total: int, **seed: Any) -> Iterator[tuple[Server, SeedResult]]:
    """Seed ``total`` orders into a fresh SQLite file, then start a sandbox process on it."""
    with tempfile.TemporaryDirectory(prefix="coupang-bench-orders-") as tmp:
        url = f"sqlite:///{Path(tmp) / 'orders.sqlite3'}"
        seeded = seed_orders(url, total=total, bench_vendor=VENDOR_ID, **seed)
        # A later --db overrides the throwaway file sandbox_process names first.
        with sandbox_process("--rate-limit", "0", "--db", url) as server:
            yield server, seeded


# -- (f) listing latency -------------------------------------------------------------------


@dataclass(frozen=True)
class ListingResult:
    orders: int
    seed_seconds: float
    requests: int
    p50_ms: float
    p99_ms: float
    statuses: dict[int, int]


@dataclass(frozen=True)
class ListingComparison:
    small: ListingResult
    large: ListingResult

    @property
    def ratio_p50(self) -> float:
        return self.large.p50_ms / self.small.p50_ms

    @property
    def ratio_p99(self) -> float:
        return self.large.p99_ms / self.small.p99_ms


def _signed_get(http: httpx.Client, query: str) -> httpx.Response:
    signed_date = datetime.now(UTC).strftime("%y%m%dT%H%M%SZ")
    message = f"{signed_date}GET{PATH}{query}"
    signature = hmac.new(SECRET_KEY.encode(), message.encode(), hashlib.sha256).hexdigest()
    return http.get(
        f"{PATH}?{query}",
        headers={
            "Authorization": f"CEA algorithm=HmacSHA256, access-key={ACCESS_KEY}, "
            f"signed-date={signed_date}, signature={signature}",
            "Content-Type": "application/json;charset=UTF-8",
        },
    )


class _Lister:
    """The measured query against one seeded sandbox, each page checked against the seed."""

    def __init__(self, server: Server, seeded: SeedResult) -> None:
        self.seeded = seeded
        self.http = httpx.Client(base_url=server.base_url, timeout=30)
        self.latencies: list[float] = []
        self.statuses: dict[int, int] = {}
        self.expected = {
            status: [b.shipment_box_id for b in seeded.day_boxes if b.status == status]
            for status in STATUSES
        }
        for status, ids in self.expected.items():
            if len(ids) <= PAGE:
                raise RuntimeError(f"the measured day needs more than {PAGE} {status} boxes")

    def round(self, status: str, *, record: bool) -> None:
        day = self.seeded.day.isoformat()
        base = f"createdAtFrom={day}&createdAtTo={day}&status={status}&maxPerPage={PAGE}"
        token = ""
        for page in range(2):
            query = base if page == 0 else f"{base}&nextToken={token}"
            start = time.perf_counter()
            response = _signed_get(self.http, query)
            elapsed = (time.perf_counter() - start) * 1000
            if record:
                self.latencies.append(elapsed)
                code = response.status_code
                self.statuses[code] = self.statuses.get(code, 0) + 1
            if response.status_code != 200:
                raise RuntimeError(f"GET ordersheets: {response.status_code} {response.text}")
            body = response.json()
            got = [sheet["shipmentBoxId"] for sheet in body["data"]]
            want = self.expected[status][page * PAGE : (page + 1) * PAGE]
            if got != want:
                raise RuntimeError(f"{status} page {page + 1}: got {got[:2]}.., want {want[:2]}..")
            token = body["nextToken"]

    def result(self) -> ListingResult:
        return ListingResult(
            orders=self.seeded.orders,
            seed_seconds=self.seeded.seconds,
            requests=len(self.latencies),
            p50_ms=_pct(self.latencies, 0.50),
            p99_ms=_pct(self.latencies, 0.99),
            statuses=self.statuses,
        )


def run_listing(small: int = SMALL, large: int = LARGE) -> ListingComparison:
    """Both sandboxes run at once, idle but for the request in flight: the rounds alternate
    between them, one request at a time, so drift on the machine hits both sizes alike."""
    with ExitStack() as stack:
        listers = []
        for total in (small, large):
            lister = _Lister(*stack.enter_context(seeded_sandbox(total)))
            stack.callback(lister.http.close)
            listers.append(lister)
        for round_no in range(WARMUP_ROUNDS + ROUNDS):
            for lister in listers if round_no % 2 else reversed(listers):
                lister.round(STATUSES[round_no // 2 % 2], record=round_no >= WARMUP_ROUNDS)
        small_result, large_result = (lister.result() for lister in listers)
    return ListingComparison(small_result, large_result)


# -- (g) acknowledgement + invoice throughput ------------------------------------------------


@dataclass(frozen=True)
class FulfilmentResult:
    boxes: int
    ack_seconds: float
    invoice_seconds: float
    ack_failed: int
    invoice_failed: int

    @property
    def ack_per_second(self) -> float:
        return self.boxes / self.ack_seconds

    @property
    def invoice_per_second(self) -> float:
        return self.boxes / self.invoice_seconds


def _chunks(boxes: Sequence[SeededBox]) -> list[Sequence[SeededBox]]:
    return [boxes[i : i + CHUNK] for i in range(0, len(boxes), CHUNK)]


def run_fulfilment(boxes: int = FULFIL_BOXES, store: int = FULFIL_STORE) -> FulfilmentResult:
    seed = {"day_orders": boxes, "day_accept": 1.0}
    with seeded_sandbox(max(store, boxes), **seed) as (server, seeded):
        targets = seeded.day_boxes
        if len(targets) != boxes or any(b.status != "ACCEPT" for b in targets):
            raise RuntimeError("the seeder did not give the benchmark vendor the ACCEPT boxes")
        with Client(
            ACCESS_KEY,
            SECRET_KEY,
            VENDOR_ID,
            base_url=server.base_url,
            user_id="bench",
            rate_limit=None,
        ) as client:
            ack_failed = ack_ok = 0
            start = time.perf_counter()
            for chunk in _chunks(targets):
                result = client.orders.acknowledge([b.shipment_box_id for b in chunk])
                ack_failed += len(result.failed)
                ack_ok += len(result.succeeded)
            ack_seconds = time.perf_counter() - start
            invoice_failed = invoice_ok = 0
            start = time.perf_counter()
            for offset, chunk in enumerate(_chunks(targets)):
                result = client.orders.upload_invoices(
                    [
                        InvoiceLine(
                            shipmentBoxId=b.shipment_box_id,
                            orderId=b.order_id,
                            vendorItemId=b.vendor_item_id,
                            deliveryCompanyCode=COURIER,
                            invoiceNumber=str(INVOICE_BASE + offset * CHUNK + i),
                        )
                        for i, b in enumerate(chunk)
                    ]
                )
                invoice_failed += len(result.failed)
                invoice_ok += len(result.succeeded)
            invoice_seconds = time.perf_counter() - start
            if ack_ok + ack_failed != boxes or invoice_ok + invoice_failed != boxes:
                raise RuntimeError("a bulk call answered for fewer boxes than it was sent")
            last = client.orders.get(targets[-1].shipment_box_id)
            if not invoice_failed and last.status != "DEPARTURE":
                raise RuntimeError(f"box {last.shipmentBoxId} is {last.status} after its invoice")
    return FulfilmentResult(boxes, ack_seconds, invoice_seconds, ack_failed, invoice_failed)


if __name__ == "__main__":
    listing = run_listing()
    for result in (listing.small, listing.large):
        print(
            f"{result.orders:>9,} orders (seeded in {result.seed_seconds:.1f} s): "
            f"p50 {result.p50_ms:.2f} ms, p99 {result.p99_ms:.2f} ms over {result.requests} GETs"
        )
    print(f"ratio p50 {listing.ratio_p50:.2f}, p99 {listing.ratio_p99:.2f}")
    fulfil = run_fulfilment()
    print(
        f"{fulfil.boxes} boxes: ack {fulfil.ack_per_second:,.0f}/s ({fulfil.ack_failed} failed), "
        f"invoice {fulfil.invoice_per_second:,.0f}/s ({fulfil.invoice_failed} failed)"
    )
