"""Paths are normalised once, before routing: another spelling of ``/_sandbox`` meets the same
exposure rules, what cannot be normalised safely answers 400 naming ``path``, signed calls
still verify over the path as sent, and a trailing slash answers the JSON 404 envelope."""

from __future__ import annotations

import httpx
import pytest

from coupang_seller._auth import CEAAuth
from tests.exposure.conftest import (
    EVIL,
    LIST_PATH,
    MINTED,
    VENDOR,
    Connect,
    minted_vendor_works,
    refusal,
)

OUTBOUND = f"/v2/providers/openapi/apis/api/v4/vendors/{VENDOR[0]}/outboundShippingCenters"


def _raw(client: httpx.AsyncClient, method: str, raw_path: str, **kw: object) -> httpx.Request:
    """A request whose path goes on the wire exactly as written (no client normalisation)."""
    request = client.build_request(method, "/", **kw)  # type: ignore[arg-type]
    request.url = request.url.copy_with(raw_path=raw_path.encode("ascii"))
    return request


@pytest.mark.parametrize(
    "spelling",
    [
        "/%5Fsandbox/reset",
        "/%5fsandbox/%72eset",
        "//_sandbox//reset",
        "/v2/../_sandbox/reset",
        "/v2/%2E%2E/_sandbox/./reset",
        "/_sandbox%2Freset",
    ],
)
async def test_another_spelling_of_a_control_path_meets_the_exposure_rules(
    local: httpx.AsyncClient, connect: Connect, spelling: str
) -> None:
    created = await local.post("/_sandbox/vendors", json=MINTED)
    assert created.status_code == 200, created.text
    foreign = _raw(local, "POST", spelling, json={}, headers={"Origin": EVIL})
    refusal(await local.send(foreign), 403, "Origin", "foreign_origin")
    assert await minted_vendor_works(connect)
    # From the developer's own tools the same spelling is the control route itself.
    answer = await local.send(_raw(local, "POST", spelling, json={}))
    assert answer.status_code == 200, answer.text
    assert answer.json()["data"] == {"reset": True}
    assert not await minted_vendor_works(connect)


@pytest.mark.parametrize(
    ("raw_path", "rule"),
    [
        ("/%255Fsandbox/reset", "path_double_encoding"),
        ("/_sandbox/reset%2500", "path_double_encoding"),
        ("/_sandbox/reset%00", "path_control_character"),
        ("/_sandbox/%0Areset", "path_control_character"),
        ("/_sandbox%5Creset", "path_backslash"),
        ("/_sandbox/%FFreset", "path_encoding"),
    ],
)
async def test_what_cannot_be_normalised_safely_is_refused(
    local: httpx.AsyncClient, raw_path: str, rule: str
) -> None:
    answer = await local.send(_raw(local, "POST", raw_path, json={}))
    refusal(answer, 400, "path", rule)


async def test_signed_calls_verify_over_the_path_as_sent(connect: Connect) -> None:
    """The HMAC covers the raw path; the route is found on its normalised form."""
    query = "pageNum=1&pageSize=10"
    spellings = (
        LIST_PATH.replace("shipping-place", "shipping%2Dplace"),
        LIST_PATH.replace("/v2/", "/v2//"),
        LIST_PATH.replace("outbound", "%6Futbound"),
    )
    async with connect(auth=CEAAuth(*VENDOR[1:])) as signed:
        for spelling in spellings:
            # CEAAuth signs request.url.raw_path: this very spelling.
            answer = await signed.send(_raw(signed, "GET", f"{spelling}?{query}"))
            assert answer.status_code == 200, (spelling, answer.text)
    # A signature over one spelling does not verify another (the path as sent is signed).
    async with connect() as plain:
        signed_one = _raw(plain, "GET", f"{LIST_PATH}?{query}")
        CEAAuth(*VENDOR[1:]).sign(signed_one)
        other = _raw(plain, "GET", f"{spellings[2]}?{query}")
        other.headers["Authorization"] = signed_one.headers["Authorization"]
        answer = await plain.send(other)
    assert answer.status_code == 401, answer.text
    assert answer.json()["message"] == "Invalid signature."


@pytest.mark.parametrize(
    "path",
    ["/_sandbox/clock/", f"{OUTBOUND}/", "/v2/providers/seller_api/apis/api/v1/marketplace/"],
)
async def test_a_trailing_slash_answers_the_json_404_envelope(
    local: httpx.AsyncClient, path: str
) -> None:
    answer = await local.get(path)
    assert answer.status_code == 404, answer.text
    assert "location" not in answer.headers
    assert answer.headers["content-type"].startswith("application/json")
    body = answer.json()
    assert body["code"] == 404
    assert body["message"] == f"No matched http method/path: GET {path}"


async def test_an_unknown_method_answers_the_json_405_envelope(local: httpx.AsyncClient) -> None:
    answer = await local.delete("/_sandbox/clock")
    assert answer.status_code == 405, answer.text
    assert answer.json()["code"] == 405
