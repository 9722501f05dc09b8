"""Every error answers in Coupang's JSON envelope with the exact content type."""

from __future__ import annotations

import httpx
from tests.sandbox_helpers import (
    JSON_CT,
    Api,
    assert_envelope,
    outbound_body,
    outbound_list_url,
    outbound_url,
)


async def test_content_type_exact(api: Api) -> None:
    response = await api.get(outbound_list_url())
    assert response.headers["content-type"] == "application/json;charset=UTF-8"


async def test_korean_text_is_not_escaped(api: Api) -> None:
    await api.post(outbound_url(), json=outbound_body("한글"))
    response = await api.get(outbound_list_url())
    assert "한글".encode() in response.content


async def test_unknown_path(http: httpx.AsyncClient, api: Api) -> None:
    for response in (
        await http.get("/v2/providers/openapi/apis/api/v9/nothing"),
        await api.get(
            "/v2/providers/openapi/apis/api/v3/vendors/A00012345/outboundShippingCenters"
        ),
    ):
        body = assert_envelope(response, 404)
        assert body["message"].startswith("No matched http method/path: GET /v2/")
        assert body["data"] is None


async def test_wrong_method(api: Api) -> None:
    response = await api.request("DELETE", outbound_url())
    assert_envelope(response, 405)


async def test_malformed_json(api: Api) -> None:
    for content in (b"{not json", b"[1, 2]", b'"text"', b"null", b"\xff\xfe", b"", b'{"a": NaN}'):
        response = await api.post(
            outbound_url(), content=content, headers={"Content-Type": "application/json"}
        )
        body = assert_envelope(response, 400)
        assert body["data"] is None


async def test_deeply_nested_json(api: Api) -> None:
    content = b"[" * 100_000 + b"]" * 100_000
    response = await api.post(outbound_url(), content=content)
    assert response.status_code in (400, 413)
    assert response.headers["content-type"] == JSON_CT


async def test_oversized_body(api: Api) -> None:
    body = outbound_body(padding="x" * 1_100_000)
    response = await api.post(outbound_url(), json=body)
    assert_envelope(response, 413)


async def test_oversized_chunked_body(api: Api) -> None:
    async def chunks():  # type: ignore[no-untyped-def]
        for _ in range(20):
            yield b" " * 100_000

    response = await api.post(outbound_url(), content=chunks())
    assert_envelope(response, 413)


async def test_wrong_types_are_400_not_500(api: Api) -> None:
    weird = [
        {"shippingPlaceName": {"a": 1}},
        {"placeAddresses": [1, 2]},
        {"placeAddresses": [{"addressType": {}}]},
        {"remoteInfos": [{"deliveryCode": ["KGB"], "jeju": [], "notJeju": {}}]},
        {"remoteInfos": [{"deliveryCode": "KGB", "jeju": "--5", "notJeju": "²"}]},
        {"global": [], "usable": {}},
        {"userId": ["me"]},
    ]
    for overrides in weird:
        response = await api.post(outbound_url(), json=outbound_body(**overrides))
        assert_envelope(response, 400)
