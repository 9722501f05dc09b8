"""State (places, sequences, clock, vendors) survives an app restart."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from tests.sandbox_helpers import (
    VENDOR_A,
    Api,
    create_outbound,
    create_return,
    outbound_list_url,
)

from coupang_sandbox import SandboxSettings, create_app
from coupang_sandbox.app import close_app


@pytest.fixture(params=["sqlite-file", pytest.param("postgres", marks=pytest.mark.postgres)])
def durable_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite-file":
        return f"sqlite:///{tmp_path / 'sandbox.sqlite3'}"
    url: str = request.getfixturevalue("pg_schema_url")
    return url


async def test_state_survives_restart(durable_url: str) -> None:
    settings = SandboxSettings(rate_limit_per_second=None, db_url=durable_url, vendors=[VENDOR_A])
    app = create_app(settings)
    try:
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://127.0.0.1"
        ) as http:
            api = Api(http)
            code = await create_outbound(api, "durable")
            center = await create_return(api, "durable center")
            extra = (await http.post("/_sandbox/vendors", json={})).json()["data"]
            await http.post("/_sandbox/clock", json={"now": "2024-01-02T03:04:05Z", "freeze": True})
    finally:
        close_app(app)

    app = create_app(settings)  # same seeds again: idempotent
    try:
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://127.0.0.1"
        ) as http:
            api = Api(http)
            [place] = (await api.get(outbound_list_url())).json()["data"]["content"]
            assert place["outboundShippingPlaceCode"] == code
            assert place["shippingPlaceName"] == "durable"
            clock = (await http.get("/_sandbox/clock")).json()["data"]
            assert clock == {
                "now": "2024-01-02T03:04:05Z",
                "mode": "frozen",
                "offsetSeconds": clock["offsetSeconds"],
            }
            assert await create_outbound(api, "next") == code + 1
            assert int(await create_return(api, "next center")) == int(center) + 1
            dynamic = api.as_vendor((extra["vendorId"], extra["accessKey"], extra["secretKey"]))
            assert (await dynamic.get(outbound_list_url(extra["vendorId"]))).status_code == 200
    finally:
        close_app(app)


async def test_lifespan_disposes_engine(tmp_path: Path) -> None:
    app = create_app(
        SandboxSettings(
            rate_limit_per_second=None,
            db_url=f"sqlite:///{tmp_path / 'x.sqlite3'}",
            vendors=[VENDOR_A],
        )
    )
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://127.0.0.1"
        ) as http,
    ):
        assert (await Api(http).get(outbound_list_url())).status_code == 200
    # disposed: the pool holds no connections any more
    assert app.state.sandbox.store.engine.pool.checkedin() == 0
