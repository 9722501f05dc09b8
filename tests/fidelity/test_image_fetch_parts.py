"""The parts of the image fetch: the sandbox's own address, what is never fetched, and the
answers that leave an image unchecked (real loopback sockets)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from coupang_sandbox.backends._image_fetch import ServerAddress, _fetch, fetch_images

PNG = b"\x89PNG\r\n\x1a\n" + b"0" * 64


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        if self.path == "/gzip.png":
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(PNG)))
        self.end_headers()
        self.wfile.write(PNG)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def image_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_server_address_from_the_socket_and_the_host_header() -> None:
    own = ServerAddress.of(("127.0.0.1", 8000), "sandbox.local:9000", "http")
    assert own.serves("127.0.0.1", 8000) and own.serves("localhost", 8000)
    assert own.serves("sandbox.local", 9000) and own.serves("::1", 9000)
    assert not own.serves("127.0.0.1", 8001) and not own.serves("10.0.0.1", 8000)
    assert ServerAddress.of(None, "[::1]:7000", "http").serves("::1", 7000)
    assert ServerAddress.of(("sandbox", None), None, "https").ports == {443}
    assert ServerAddress.of(None, "sandbox", "http").ports == {80}
    broken = ServerAddress.of(None, "host:port:x", "http")
    assert broken.ports == frozenset() and not broken.serves("127.0.0.1", 80)


def test_what_is_never_fetched_or_left_unchecked(image_server: str) -> None:
    own = ServerAddress.of(("127.0.0.1", 80), "127.0.0.1", "http")
    body = {
        "items": [
            "not an item",
            {"images": "none"},
            {
                "images": [
                    "not an image",
                    {"vendorPath": f"{image_server}/gzip.png", "cdnPath": 5},
                    {"vendorPath": "http://[::1/broken.png"},
                    {"vendorPath": f"{image_server}/a.png", "cdnPath": "http://127.0.0.1/a.png"},
                ]
            },
        ]
    }
    fetched = fetch_images(body, own)
    assert fetched.load(f"{image_server}/gzip.png") is None  # compressed: unchecked
    assert fetched.load(f" {image_server}/a.png ") == PNG
    assert [(v.field, v.rule) for v in fetched.violations] == [
        ("items[2].images[3].cdnPath", "image_url_self")
    ]


def test_a_spent_budget_refuses_without_connecting(image_server: str) -> None:
    started = time.monotonic()
    outcome = _fetch(f"{image_server}/a.png", started - 1)
    assert outcome.data is None and outcome.rule == "image_fetch_timeout"
    assert time.monotonic() - started < 0.5
