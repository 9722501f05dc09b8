"""PostgreSQL connections killed under the sandbox: requests still succeed.

The store no longer pings a pooled connection on every checkout (a round trip per request);
it pings one that sat idle, and a read whose connection died a moment ago runs once more.
The faults are real: the server terminates the sandbox's own backends (found by their
``application_name``), the probe connection and the pooled ones alike.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from starlette.applications import Starlette
from tests.conftest import postgres_base_url
from tests.sandbox_helpers import VENDOR_A, Api, create_outbound, outbound_list_url

from coupang_sandbox import SandboxSettings, create_app
from coupang_sandbox.app import close_app
from coupang_sandbox.store import engine as store_engine

pytestmark = pytest.mark.postgres


@pytest.fixture
def app_name() -> str:
    return f"sbx_dead_{uuid.uuid4().hex[:10]}"


@pytest.fixture
def killer() -> Iterator[Engine]:
    admin = create_engine(postgres_base_url())
    try:
        yield admin
    finally:
        admin.dispose()


@pytest.fixture
def app(pg_schema_url: str, app_name: str) -> Iterator[Starlette]:
    url = make_url(pg_schema_url).update_query_dict({"application_name": app_name})
    settings = SandboxSettings(
        rate_limit_per_second=None,
        db_url=url.render_as_string(hide_password=False),
        vendors=[VENDOR_A],
    )
    application = create_app(settings)
    try:
        yield application
    finally:
        close_app(application)


@pytest.fixture
async def api(app: Starlette) -> AsyncIterator[Api]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://sandbox") as http:
        yield Api(http)


def _terminate(killer: Engine, app_name: str, *, spare: int = 0) -> int:
    """Kill the server backends of the sandbox under test (but ``spare``); how many died."""
    with killer.begin() as conn:
        killed = conn.execute(
            text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE application_name = :name AND pid <> :spare"
            ),
            {"name": app_name, "spare": spare},
        ).scalar_one()
    return int(killed)


async def test_a_read_on_a_connection_killed_a_moment_ago_succeeds(
    api: Api, killer: Engine, app_name: str
) -> None:
    await create_outbound(api, "살아있는 출고지")
    assert (await api.get(outbound_list_url())).status_code == 200
    assert _terminate(killer, app_name) >= 2  # the probe and the pooled connection

    response = await api.get(outbound_list_url())

    assert response.status_code == 200, response.text
    assert [p["shippingPlaceName"] for p in response.json()["data"]["content"]] == [
        "살아있는 출고지"
    ]


async def test_a_write_on_an_idle_killed_connection_succeeds(
    api: Api, killer: Engine, app_name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert (await api.get(outbound_list_url())).status_code == 200
    monkeypatch.setattr(store_engine, "IDLE_PING_SECONDS", 0.0)  # every pooled one counts as idle
    assert _terminate(killer, app_name) >= 2

    await create_outbound(api, "새 출고지")  # asserts 200

    listed = (await api.get(outbound_list_url())).json()["data"]["content"]
    assert [p["shippingPlaceName"] for p in listed] == ["새 출고지"]


async def test_a_read_whose_pooled_connection_died_runs_once_more(
    app: Starlette, api: Api, killer: Engine, app_name: str
) -> None:
    await create_outbound(api, "출고지")
    assert (await api.get(outbound_list_url())).status_code == 200
    # The generation probe stays alive, so only the pooled connection the read takes is dead.
    probe = app.state.sandbox.store._probe
    assert _terminate(killer, app_name, spare=probe.driver_connection.info.backend_pid) >= 1

    response = await api.get(outbound_list_url())

    assert response.status_code == 200, response.text
    assert [p["shippingPlaceName"] for p in response.json()["data"]["content"]] == ["출고지"]
