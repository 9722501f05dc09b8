"""Every route the sandbox marks as retired answers HTTP 410 through the signed gateway,
in Coupang's envelope, naming what replaced it; no served route answers 410 for a bare call."""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest
from starlette.applications import Starlette

from coupang_sandbox import SandboxSettings, create_app
from coupang_sandbox.app import close_app
from coupang_sandbox.routes import all_routes
from coupang_sandbox.routes._base import is_retired
from tests.integration.asgi_sync import SyncASGITransport
from tests.products.conftest import VENDOR, RawApi

_PARAM = re.compile(r"\{([^}:]+)(?::[^}]+)?\}")


def _retired() -> list[tuple[str, str]]:
    found = []
    for route in all_routes():
        handlers = getattr(route, "handlers", None) or {}
        for method, handler in handlers.items():
            if is_retired(handler):
                found.append((method, route.path))
    return sorted(found)


def _concrete(path: str) -> str:
    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        return VENDOR[0] if name.lower() == "vendorid" else "12345"

    return _PARAM.sub(value, path)


@pytest.fixture(scope="module")
def api() -> Iterator[RawApi]:
    app: Starlette = create_app(
        SandboxSettings(db_url="sqlite:///:memory:", rate_limit_per_second=None, vendors=[VENDOR])
    )
    transport = SyncASGITransport(app)
    try:
        with httpx.Client(transport=transport, base_url="http://127.0.0.1") as http:
            yield RawApi(http)
    finally:
        transport.close()
        close_app(app)


def test_there_are_retired_routes() -> None:
    assert len(_retired()) >= 4


@pytest.mark.parametrize(("method", "path"), _retired())
def test_retired_route_answers_410(api: RawApi, method: str, path: str) -> None:
    body = {} if method in ("POST", "PUT", "PATCH") else None
    response = api.request(method, _concrete(path), json=body)
    assert response.status_code == 410, response.text
    payload = response.json()
    assert payload["code"] == 410
    assert "retired" in payload["message"]


CONFIRMATIONS = (
    f"/v2/providers/wing_api/apis/internal-api/v2/vendors/{VENDOR[0]}/coupang-confirmations"
)


@pytest.mark.parametrize("method", ["GET", "POST", "PUT", "DELETE"])
@pytest.mark.parametrize("remainder", ["a", "x/y/z", "%E3%81%82/%20", "a/b/c/%7E", "a%20b/c"])
def test_retired_catch_all_answers_410_for_any_remainder(
    api: RawApi, method: str, remainder: str
) -> None:
    """Any remainder reaches the catch-all (410), for every method it declares, never a 405
    from a neighbouring route."""
    body = {} if method in ("POST", "PUT") else None
    response = api.request(method, f"{CONFIRMATIONS}/{remainder}", json=body)
    assert response.status_code == 410, (method, remainder, response.text)
    assert response.json()["code"] == 410


@pytest.mark.parametrize("method", ["GET", "POST", "PUT", "DELETE"])
@pytest.mark.parametrize("remainder", ["a%0Ab", "x/y%0Az", "%0A", "a%0D%0Ab/c", "%E3%81%82%09/%20"])
def test_a_control_character_in_the_remainder_is_refused_naming_the_path(
    api: RawApi, method: str, remainder: str
) -> None:
    """A line break or tab in the path is refused before routing (400 naming ``path``): not a
    405 from a neighbouring route, not a 500."""
    body = {} if method in ("POST", "PUT") else None
    response = api.request(method, f"{CONFIRMATIONS}/{remainder}", json=body)
    assert response.status_code == 400, (method, remainder, response.text)
    assert response.json()["errors"][0]["field"] == "path"
