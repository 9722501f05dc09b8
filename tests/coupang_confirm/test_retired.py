"""Retired coupang-confirm requests (쿠팡확인요청): every documented path of the catalog's
``coupang-confirm-api`` group (the two season-1 ``internal-api/v1/exchange/{exchangeId}/...``
paths and the upload-token path with its lower-case ``{vendorid}`` included) and anything else
under ``.../v2/vendors/{vendorId}/coupang-confirmations/`` answer HTTP 410 in Coupang's
envelope, for every method, behind the same gateway checks as served APIs."""

from __future__ import annotations

import pytest
from starlette.applications import Starlette

from coupang_sandbox.routes import coupang_confirm
from coupang_sandbox.routes._base import is_retired
from coupang_seller import Client
from coupang_seller._exceptions import GoneError
from tests.coupang_confirm.conftest import VENDOR, RawApi

V = VENDOR[0]
WING = "/v2/providers/wing_api/apis/internal-api"
#: ``(method, path)`` of every catalog document of the group that has an endpoint.
DOCUMENTED = [
    ("DELETE", f"{WING}/v1/exchange/3000012345/coupang-confirm-requests"),
    ("POST", f"{WING}/v2/vendors/{V}/coupang-confirmations/shipping-fee"),
    ("POST", f"{WING}/v2/vendors/{V}/coupang-confirmations/vendor-item-with-shipping-fee"),
    ("POST", f"{WING}/v2/vendors/{V}/coupang-confirmations/vendor-item"),
    ("POST", f"{WING}/v1/exchange/3000012345/coupang-confirm-request-creations"),
    ("GET", f"{WING}/v2/vendors/{V}/coupang-confirmations/token"),
    ("GET", f"{WING}/v2/vendors/{V}/coupang-confirmations/123456"),
    ("PUT", f"{WING}/v2/vendors/{V}/coupang-confirmations/withdraw"),
]
OTHER_PATHS = [
    f"{WING}/v2/vendors/{V}/coupang-confirmations/123456/files",
    f"{WING}/v2/vendors/{V}/coupang-confirmations/a/b/c",
    f"{WING}/v2/vendors/{V}/coupang-confirmations/token",
    f"{WING}/v2/vendors/{V}/coupang-confirmations/shipping-fee",
]


def _gone(api: RawApi, method: str, path: str) -> str:
    kwargs = {"json": {"vendorId": V, "content": "x"}} if method in ("POST", "PUT") else {}
    response = api.request(method, path, **kwargs)
    assert response.status_code == 410, (method, path, response.text)
    body = response.json()
    assert body["code"] == 410 and body["data"] is None
    assert "retired" in body["message"] and "쿠팡확인요청" in body["message"]
    return str(body["message"])


@pytest.mark.parametrize(("method", "path"), DOCUMENTED)
def test_every_documented_path_is_gone(api: RawApi, method: str, path: str) -> None:
    message = _gone(api, method, path)
    assert "WING" in message


@pytest.mark.parametrize("method", ["GET", "POST", "PUT", "DELETE"])
@pytest.mark.parametrize("path", OTHER_PATHS)
def test_any_path_under_coupang_confirmations_is_gone(api: RawApi, method: str, path: str) -> None:
    _gone(api, method, path)


def test_documented_names_come_before_the_catch_all(api: RawApi) -> None:
    token = _gone(api, "GET", f"{WING}/v2/vendors/{V}/coupang-confirmations/token")
    assert "upload token" in token
    lookup = _gone(api, "GET", f"{WING}/v2/vendors/{V}/coupang-confirmations/99")
    assert "request lookup" in lookup
    anything = _gone(api, "GET", f"{WING}/v2/vendors/{V}/coupang-confirmations/99/x")
    assert "쿠팡확인요청 API" in anything


def test_gateway_checks_still_apply(api: RawApi) -> None:
    unsigned = api.http.get(f"{WING}/v2/vendors/{V}/coupang-confirmations/99")
    assert unsigned.status_code == 401
    other_vendor = api.get(f"{WING}/v2/vendors/A00044444/coupang-confirmations/99")
    assert other_vendor.status_code == 404


def test_sdk_maps_410_to_gone(client: Client) -> None:
    with pytest.raises(GoneError):
        client.request("PUT", f"{WING}/v2/vendors/{V}/coupang-confirmations/withdraw", json={})


def test_every_route_is_marked_retired(app: Starlette) -> None:
    assert coupang_confirm.ROUTES
    assert all(is_retired(handler) for _, _, handler in coupang_confirm.ROUTES)
    assert len({(m, p) for m, p, _ in coupang_confirm.ROUTES}) == len(coupang_confirm.ROUTES)
    paths = {getattr(r, "path", "") for r in app.routes}
    assert f"{WING}/v2/vendors/{{vendorid}}/coupang-confirmations/token" in paths
