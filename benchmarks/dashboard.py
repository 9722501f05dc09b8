"""(j) The dashboard's orders page (``/_sandbox/ui/orders``) at 100,000 orders versus 1,000.

Both stores are seeded straight into SQLite files (:mod:`benchmarks._seed_orders`) and served
by a real sandbox process each, side by side. Two figures per store:

* server time: the wall time of ``GET /_sandbox/ui/orders`` (the whole HTML page, first page
  of 50) as a plain HTTP client sees it, for the three filters the page offers (none, a
  status, a vendor and a status), in alternating rounds so drift hits both stores alike;
* browser first paint, when Chromium is installed: Playwright loads the page in Debian's
  Chromium and reads ``first-contentful-paint`` from the Performance API (navigation start
  to first paint: the request, the HTML, the stylesheet and the script).

Target: under 1 s at 100k, and within 1.5x of the 1k figure (the page reads a keyset range
of an index, so its cost does not grow with the store).

``python -m benchmarks.dashboard`` prints the figures.
"""

from __future__ import annotations

import shutil
import statistics
import time
from contextlib import ExitStack
from dataclasses import dataclass

import httpx

from benchmarks._server import VENDOR_ID
from benchmarks.orders import seeded_sandbox

SMALL = 1_000
LARGE = 100_000
WARMUP = 5
ROUNDS = 40
PAINTS = 9
QUERIES = ("", "?status=ACCEPT", f"?vendor={VENDOR_ID}&status=INSTRUCT")
PAGE = "/_sandbox/ui/orders"


@dataclass(frozen=True)
class PageTimes:
    orders: int
    seed_seconds: float
    server_p50_ms: float
    server_p99_ms: float
    paint_ms: float | None


@dataclass(frozen=True)
class DashboardComparison:
    small: PageTimes
    large: PageTimes

    @property
    def server_ratio(self) -> float:
        return self.large.server_p50_ms / self.small.server_p50_ms

    @property
    def paint_ratio(self) -> float | None:
        if self.large.paint_ms is None or self.small.paint_ms is None:
            return None
        return self.large.paint_ms / self.small.paint_ms


def _get(http: httpx.Client, query: str) -> float:
    start = time.perf_counter()
    response = http.get(PAGE + query)
    elapsed = (time.perf_counter() - start) * 1000
    if response.status_code != 200 or "<tr data-box=" not in response.text:
        raise RuntimeError(f"GET {PAGE}{query}: {response.status_code} {response.text[:200]}")
    return elapsed


def _paints(base_urls: list[str]) -> list[float] | None:
    """Median first-contentful-paint per sandbox (alternating loads), or None without Chromium."""
    executable = shutil.which("chromium")
    if executable is None:
        return None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    found: list[list[float]] = [[] for _ in base_urls]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            page = browser.new_page(viewport={"width": 1440, "height": 900})
            for round_no in range(PAINTS + 2):
                order = range(len(base_urls)) if round_no % 2 else reversed(range(len(base_urls)))
                for index in order:
                    page.goto(base_urls[index] + PAGE, wait_until="load")
                    paint = page.evaluate(
                        "() => new Promise(done => { const look = () => {"
                        " const e = performance.getEntriesByName('first-contentful-paint')[0];"
                        " e ? done(e.startTime) : setTimeout(look, 10); }; look(); })"
                    )
                    if round_no >= 2:
                        found[index].append(float(paint))
        finally:
            browser.close()
    return [statistics.median(values) for values in found]


def run(small: int = SMALL, large: int = LARGE) -> DashboardComparison:
    """Seed both stores, start a sandbox on each, and measure the orders page on both."""
    with ExitStack() as stack:
        servers = []
        for total in (small, large):
            server, seeded = stack.enter_context(seeded_sandbox(total))
            http = stack.enter_context(httpx.Client(base_url=server.base_url, timeout=30))
            servers.append((server, seeded, http))
        times: list[list[float]] = [[] for _ in servers]
        for round_no in range(WARMUP + ROUNDS):
            order = range(len(servers)) if round_no % 2 else reversed(range(len(servers)))
            for index in order:
                for query in QUERIES:
                    elapsed = _get(servers[index][2], query)
                    if round_no >= WARMUP:
                        times[index].append(elapsed)
        paints = _paints([s[0].base_url for s in servers])
        results = []
        for index, (_, seeded, _) in enumerate(servers):
            ordered = sorted(times[index])
            results.append(
                PageTimes(
                    orders=seeded.orders,
                    seed_seconds=seeded.seconds,
                    server_p50_ms=statistics.median(ordered),
                    server_p99_ms=ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))],
                    paint_ms=None if paints is None else paints[index],
                )
            )
    return DashboardComparison(results[0], results[1])


def main() -> None:
    result = run()
    for times in (result.small, result.large):
        paint = "n/a (no chromium)" if times.paint_ms is None else f"{times.paint_ms:.0f} ms"
        print(
            f"{times.orders:>8,} orders: server p50 {times.server_p50_ms:.1f} ms, "
            f"p99 {times.server_p99_ms:.1f} ms, first paint {paint} "
            f"(seeded in {times.seed_seconds:.1f} s)"
        )
    paint_ratio = result.paint_ratio
    print(
        f"ratio server {result.server_ratio:.2f}x"
        + ("" if paint_ratio is None else f", first paint {paint_ratio:.2f}x")
    )


if __name__ == "__main__":
    main()
