"""Error-burst protection: a burst of 4xx answers to one client (peer IP) turns into the
gateway's HTML 403 block page for a while; other clients are served; it is off by default."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

import httpx
import pytest
from starlette.applications import Starlette

from coupang_sandbox import SandboxSettings, create_app
from coupang_sandbox.app import close_app
from coupang_sandbox.server import add_serve_arguments, settings_from_args
from tests.faults.conftest import LIST, VENDOR
from tests.integration.asgi_sync import SyncASGITransport
from tests.orders.conftest import RawApi


def _client(app: Starlette, peer: str) -> httpx.Client:
    inner = httpx.ASGITransport(app=app, client=(peer, 40000))
    transport = SyncASGITransport(app)
    transport._inner = inner  # the same app, seen from another peer address
    return httpx.Client(transport=transport, base_url="http://127.0.0.1")


@pytest.fixture
def burst_app(db_url: str) -> Iterator[Starlette]:
    app = create_app(
        SandboxSettings(
            db_url=db_url,
            vendors=[VENDOR],
            rate_limit_per_second=None,
            error_burst=3,
            error_burst_window_seconds=30,
            error_block_seconds=60,
        )
    )
    try:
        yield app
    finally:
        close_app(app)


def test_a_burst_of_4xx_blocks_the_peer(burst_app: Starlette) -> None:
    with _client(burst_app, "127.0.0.1") as http, _client(burst_app, "127.0.0.2") as other:
        raw = RawApi(http, VENDOR)
        assert raw.get(LIST).status_code == 200
        bad = [http.get(LIST, headers={"Authorization": "CEA nonsense"}) for _ in range(2)]
        assert [r.status_code for r in bad] == [401, 401]
        assert raw.get(LIST.split("?")[0]).status_code == 400  # the third 4xx
        blocked = raw.get(LIST)  # even a good call now gets the block page
        assert blocked.status_code == 403
        assert blocked.headers["content-type"].startswith("text/html")
        assert "<TITLE>Access Denied</TITLE>" in blocked.text
        assert RawApi(other, VENDOR).get(LIST).status_code == 200
        # a reset lifts the block
        assert http.post("/_sandbox/reset", json={"keepVendors": True}).status_code == 200
        assert raw.get(LIST).status_code == 200


def test_off_by_default(app: Starlette, http: httpx.Client, raw: RawApi) -> None:
    for _ in range(30):
        assert http.get(LIST, headers={"Authorization": "CEA nonsense"}).status_code == 401
    assert raw.get(LIST).status_code == 200


def test_serve_flags() -> None:
    parser = argparse.ArgumentParser()
    add_serve_arguments(parser)
    settings = settings_from_args(
        parser.parse_args(["--error-burst", "5", "--error-block-seconds", "30"])
    )
    assert (settings.error_burst, settings.error_block_seconds) == (5, 30.0)
    assert settings_from_args(parser.parse_args([])).error_burst is None
    with pytest.raises(SystemExit):
        parser.parse_args(["--error-burst", "0"])
