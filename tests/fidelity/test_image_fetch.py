"""Product image fetches are safe: refused at once when the URL points back at the sandbox,
bounded in time against an image server that never answers, capped in size, and (on a real
uvicorn server) never in the way of other clients. Real sockets, no mocks.

A product create whose image URL pointed at the sandbox itself used to freeze every client for
the fetch's timeout (the sandbox waited on itself) and then accept the product.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from coupang_cli._embedded import RunningSandbox, embedded_sandbox
from coupang_sandbox.backends._image_fetch import IMAGE_DEADLINE, READ_TIMEOUT
from coupang_seller import Client
from coupang_seller._ratelimit import CircuitBreaker, RateLimiterRegistry
from tests.fidelity.conftest import VENDOR, Market, RawApi
from tests.products.conftest import Shop, open_shop

PRODUCTS = "/v2/providers/seller_api/apis/api/v1/marketplace/seller-products"
FIELD = "items[0].images[0].vendorPath"
PNG = b"\x89PNG\r\n\x1a\n"


def _errors(response: httpx.Response) -> set[tuple[str, str]]:
    assert response.status_code == 400, response.text
    return {(e["field"], e["rule"]) for e in response.json()["errors"]}


def _body(shop: Shop, sku: str, image_url: str) -> dict[str, Any]:
    body = shop.body(sku=sku)
    body["items"][0]["images"][0]["vendorPath"] = image_url
    return body


@contextmanager
def _stalled_port() -> Iterator[int]:
    """A port whose connections are accepted (by the kernel) and never answered."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        yield int(listener.getsockname()[1])


class _Streamer:
    """An image server streaming a PNG without Content-Length (``declared``: with a large one)
    until the client hangs up, counting the bytes it managed to send."""

    TOTAL = 64 * 1024 * 1024

    def __init__(self, *, declared: bool) -> None:
        self.declared = declared
        self.sent = 0
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self.listener.getsockname()[1])
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        connection, _ = self.listener.accept()
        with connection:
            connection.recv(65536)
            length = f"Content-Length: {self.TOTAL}\r\n" if self.declared else ""
            head = (
                f"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n{length}Connection: close\r\n\r\n"
            )
            chunk = b"\0" * 65536
            try:
                connection.sendall(head.encode() + PNG)
                while self.sent < self.TOTAL:
                    connection.sendall(chunk)
                    self.sent += len(chunk)
            except OSError:  # the client hung up
                pass

    def close(self) -> None:
        self.listener.close()
        self.thread.join(timeout=10)


def test_an_image_server_that_never_answers_is_refused_after_the_timeout(
    market: Market, api: RawApi
) -> None:
    with _stalled_port() as port:
        body = _body(market.shop, "STALL-1", f"http://127.0.0.1:{port}/a.png")
        started = time.monotonic()
        response = api.post(PRODUCTS, json=body)
        elapsed = time.monotonic() - started
    assert (FIELD, "image_fetch_timeout") in _errors(response)
    assert FIELD in response.json()["message"]
    assert READ_TIMEOUT - 0.5 < elapsed < IMAGE_DEADLINE + 2


@pytest.mark.parametrize("declared", [False, True])
def test_an_oversized_image_is_refused_by_the_cap_without_reading_it_all(
    market: Market, api: RawApi, declared: bool
) -> None:
    streamer = _Streamer(declared=declared)
    try:
        body = _body(market.shop, "HUGE-1", f"http://127.0.0.1:{streamer.port}/huge.png")
        response = api.post(PRODUCTS, json=body)
    finally:
        streamer.close()
    assert _errors(response) == {(FIELD, "image_too_large")}
    assert "stopped reading" in response.json()["message"]
    # What the server could push before the client hung up: the cap plus socket buffers.
    assert streamer.sent < _Streamer.TOTAL // 2


# -- a real uvicorn server ------------------------------------------------------------------------


@pytest.fixture
def running(tmp_path: Path) -> Iterator[RunningSandbox]:
    with embedded_sandbox(db_url=f"sqlite:///{tmp_path / 'sandbox.db'}", vendors=[VENDOR]) as sbx:
        yield sbx


@pytest.fixture
def real_shop(running: RunningSandbox, catalog_module: Any) -> Iterator[Shop]:
    with Client(
        VENDOR[1],
        VENDOR[2],
        VENDOR[0],
        base_url=running.base_url,
        user_id="wing-fidelity",
        rate_limiters=RateLimiterRegistry(),
        circuit_breaker=CircuitBreaker(),
        rate_limit=None,
        max_retries=0,
    ) as client:
        yield open_shop(client, catalog_module)


def test_an_image_url_on_the_sandbox_itself_is_refused_at_once(
    running: RunningSandbox, real_shop: Shop
) -> None:
    with httpx.Client(base_url=running.base_url, timeout=30) as http:
        api = RawApi(http, VENDOR)
        for n, url in enumerate(
            (
                f"{running.base_url}/_sandbox/clock",
                f"http://localhost:{running.port}/a.png",
                f"http://127.0.0.2:{running.port}/a.png",
            )
        ):
            started = time.monotonic()
            response = api.post(PRODUCTS, json=_body(real_shop, f"SELF-{n}", url))
            elapsed = time.monotonic() - started
            assert (FIELD, "image_url_self") in _errors(response), url
            assert elapsed < 1.0, (url, elapsed)


def test_other_clients_are_served_while_an_image_fetch_waits(
    running: RunningSandbox, real_shop: Shop
) -> None:
    answers: list[httpx.Response] = []
    with _stalled_port() as port, httpx.Client(base_url=running.base_url, timeout=30) as http:
        api = RawApi(http, VENDOR)
        body = _body(real_shop, "SLOW-1", f"http://127.0.0.1:{port}/a.png")
        slow = threading.Thread(target=lambda: answers.append(api.post(PRODUCTS, json=body)))
        slow.start()
        time.sleep(0.5)  # the fetch is waiting on the stalled port now
        started = time.monotonic()
        with httpx.Client(base_url=running.base_url, timeout=30) as other:
            clock = other.get("/_sandbox/clock")
        elapsed = time.monotonic() - started
        slow.join(timeout=30)
    assert clock.status_code == 200
    assert elapsed < 1.0, f"a GET waited {elapsed:.2f} s behind the image fetch"
    assert (FIELD, "image_fetch_timeout") in _errors(answers[0])
