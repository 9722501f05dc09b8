"""A small, fast HTTP/1.1 load generator (raw asyncio streams, keep-alive), run as its own process.

``python -m benchmarks.loadgen PORT DURATION CONNECTIONS`` prints one JSON line:
requests, errors, status counts, elapsed seconds and latency percentiles (ms).
Every request carries a valid CEA signature, re-signed once per second (the signature
covers the second-resolution signed-date, so this is what a real client produces).
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import sys
import time
from datetime import UTC, datetime

from benchmarks._server import ACCESS_KEY, SECRET_KEY

PATH = "/v2/providers/marketplace_openapi/apis/api/v2/vendor/shipping-place/outbound"
QUERY = "pageNum=1&pageSize=10"


class Signer:
    def __init__(self, port: int) -> None:
        self._port = port
        self._second = ""
        self._bytes = b""

    def request(self) -> bytes:
        signed_date = datetime.now(UTC).strftime("%y%m%dT%H%M%SZ")
        if signed_date != self._second:
            message = f"{signed_date}GET{PATH}{QUERY}"
            signature = hmac.new(SECRET_KEY.encode(), message.encode(), hashlib.sha256).hexdigest()
            self._second = signed_date
            self._bytes = (
                f"GET {PATH}?{QUERY} HTTP/1.1\r\nHost: 127.0.0.1:{self._port}\r\n"
                f"Authorization: CEA algorithm=HmacSHA256, access-key={ACCESS_KEY}, "
                f"signed-date={signed_date}, signature={signature}\r\n"
                "Content-Type: application/json;charset=UTF-8\r\n\r\n"
            ).encode()
        return self._bytes


async def worker(
    port: int, signer: Signer, stop_at: float, latencies: list[float], statuses: dict[int, int]
) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while time.perf_counter() < stop_at:
            start = time.perf_counter()
            writer.write(signer.request())
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head[9:12])
            length = 0
            for line in head.split(b"\r\n"):
                if line[:15].lower() == b"content-length:":
                    length = int(line[15:])
            await reader.readexactly(length)
            latencies.append((time.perf_counter() - start) * 1000)
            statuses[status] = statuses.get(status, 0) + 1
    finally:
        writer.close()


async def main(port: int, duration: float, connections: int) -> dict[str, object]:
    signer = Signer(port)
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    start = time.perf_counter()
    stop_at = start + duration
    await asyncio.gather(
        *(worker(port, signer, stop_at, latencies, statuses) for _ in range(connections))
    )
    elapsed = time.perf_counter() - start
    latencies.sort()

    def pct(p: float) -> float:
        return (
            latencies[min(len(latencies) - 1, int(p * len(latencies)))]
            if latencies
            else float("nan")
        )

    return {
        "requests": len(latencies),
        "elapsed": elapsed,
        "statuses": statuses,
        "p50": pct(0.50),
        "p99": pct(0.99),
        "max": latencies[-1] if latencies else float("nan"),
    }


if __name__ == "__main__":
    try:
        import uvloop

        uvloop.install()
    except ImportError:  # pragma: no cover - uvloop comes with the sandbox extra
        pass
    port_arg, duration_arg, conns_arg = sys.argv[1:4]
    result = asyncio.run(main(int(port_arg), float(duration_arg), int(conns_arg)))
    print(json.dumps(result))
