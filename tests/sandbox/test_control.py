"""The /_sandbox control API: reset, vendors, clock, admin token."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from starlette.applications import Starlette
from tests.sandbox_helpers import (
    VENDOR_A,
    Api,
    assert_envelope,
    create_outbound,
    outbound_list_url,
)

from coupang_sandbox import SandboxSettings, create_app
from coupang_sandbox.app import close_app


async def test_reset_wipes_data_keeps_seeded_vendors(http: httpx.AsyncClient, api: Api) -> None:
    await create_outbound(api)
    created = assert_envelope(await http.post("/_sandbox/vendors", json={}), 200)["data"]
    await http.post("/_sandbox/clock/advance", json={"seconds": 60})
    body = assert_envelope(await http.post("/_sandbox/reset"), 200)
    assert body == {"code": 200, "message": "SUCCESS", "data": {"reset": True}}
    assert (await api.get(outbound_list_url())).json()["data"]["content"] == []
    assert (await http.get("/_sandbox/clock")).json()["data"]["mode"] == "real"
    dynamic = api.as_vendor((created["vendorId"], created["accessKey"], created["secretKey"]))
    assert (await dynamic.get(outbound_list_url(created["vendorId"]))).status_code == 401
    # codes restart after a reset
    assert await create_outbound(api) == 100001


async def test_reset_can_keep_vendors(http: httpx.AsyncClient, api: Api) -> None:
    created = (await http.post("/_sandbox/vendors", json={})).json()["data"]
    assert_envelope(await http.post("/_sandbox/reset", json={"keepVendors": True}), 200)
    dynamic = api.as_vendor((created["vendorId"], created["accessKey"], created["secretKey"]))
    assert (await dynamic.get(outbound_list_url(created["vendorId"]))).status_code == 200


async def test_create_vendor(http: httpx.AsyncClient, api: Api) -> None:
    generated = assert_envelope(await http.post("/_sandbox/vendors"), 200)["data"]
    assert generated["vendorId"].startswith("A00") and len(generated["vendorId"]) == 9
    assert len(generated["secretKey"]) == 40
    given = {"vendorId": "A00777777", "accessKey": "ak-7", "secretKey": "sk-7"}
    assert assert_envelope(await http.post("/_sandbox/vendors", json=given), 200)["data"] == given
    assert assert_envelope(await http.post("/_sandbox/vendors", json=given), 200)["data"] == given
    conflict = await http.post("/_sandbox/vendors", json={**given, "secretKey": "other"})
    assert_envelope(conflict, 409)
    key_taken = await http.post(
        "/_sandbox/vendors", json={"vendorId": "A00777778", "accessKey": "ak-7"}
    )
    assert_envelope(key_taken, 409)
    new_vendor = api.as_vendor(("A00777777", "ak-7", "sk-7"))
    await create_outbound(new_vendor)
    bad = await http.post("/_sandbox/vendors", json={"vendorId": 5})
    assert_envelope(bad, 400)


async def test_clock_freeze_advance_offset_real(http: httpx.AsyncClient) -> None:
    state = assert_envelope(await http.get("/_sandbox/clock"), 200)["data"]
    assert state["mode"] == "real" and state["offsetSeconds"] == 0
    frozen = await http.post(
        "/_sandbox/clock", json={"now": "2024-03-01T10:00:00Z", "freeze": True}
    )
    assert assert_envelope(frozen, 200)["data"]["now"] == "2024-03-01T10:00:00Z"
    advanced = await http.post("/_sandbox/clock/advance", json={"seconds": 90})
    assert advanced.json()["data"]["now"] == "2024-03-01T10:01:30Z"
    assert advanced.json()["data"]["mode"] == "frozen"
    running = await http.post(
        "/_sandbox/clock", json={"now": "2030-01-01T00:00:00+09:00", "freeze": False}
    )
    data = assert_envelope(running, 200)["data"]
    assert data["mode"] == "offset"
    now = datetime.fromisoformat(data["now"].replace("Z", "+00:00"))
    assert abs(now - datetime(2029, 12, 31, 15, tzinfo=UTC)) < timedelta(seconds=5)
    later = (await http.post("/_sandbox/clock/advance", json={"seconds": 3600})).json()["data"]
    assert later["offsetSeconds"] == pytest.approx(data["offsetSeconds"] + 3600)
    real = assert_envelope(await http.post("/_sandbox/clock", json={"mode": "real"}), 200)["data"]
    assert real["mode"] == "real" and real["offsetSeconds"] == 0


@pytest.mark.parametrize(
    "body",
    [{"seconds": -1}, {"seconds": "5"}, {"seconds": True}, {}, {"seconds": 1e30}],
)
async def test_clock_advance_refusals(http: httpx.AsyncClient, body: dict[str, object]) -> None:
    assert_envelope(await http.post("/_sandbox/clock/advance", json=body), 400)


@pytest.mark.parametrize(
    "body",
    [
        {"now": "yesterday"},
        {"now": 5},
        {"freeze": True},
        {"now": "2024-01-01", "freeze": "y"},
        {"mode": "warp"},
    ],
)
async def test_clock_set_refusals(http: httpx.AsyncClient, body: dict[str, object]) -> None:
    assert_envelope(await http.post("/_sandbox/clock", json=body), 400)


async def test_frozen_clock_drives_create_date(http: httpx.AsyncClient, api: Api) -> None:
    await http.post("/_sandbox/clock", json={"now": "2023-12-31T16:30:00Z", "freeze": True})
    await create_outbound(api)
    [place] = (await api.get(outbound_list_url())).json()["data"]["content"]
    assert place["createDate"] == "2024/01/01"  # KST
    from tests.sandbox_helpers import create_return, return_url

    await create_return(api)
    [center] = (await api.get(return_url())).json()["data"]["content"]
    assert center["createdAt"] == int(datetime(2023, 12, 31, 16, 30, tzinfo=UTC).timestamp() * 1000)


@pytest.fixture
def guarded_app() -> Iterator[Starlette]:
    app = create_app(
        SandboxSettings(
            rate_limit_per_second=None,
            db_url="sqlite:///:memory:",
            vendors=[VENDOR_A],
            admin_token="s3cret",
        )
    )
    try:
        yield app
    finally:
        close_app(app)


async def test_admin_token(guarded_app: Starlette) -> None:
    transport = httpx.ASGITransport(app=guarded_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as http:
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "s3cret"}):
            response = await http.get("/_sandbox/clock", headers=headers)
            assert_envelope(response, 401)
        ok = await http.get("/_sandbox/clock", headers={"Authorization": "Bearer s3cret"})
        assert_envelope(ok, 200)
        reset = await http.post("/_sandbox/reset", headers={"Authorization": "Bearer s3cret"})
        assert_envelope(reset, 200)
