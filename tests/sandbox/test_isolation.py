"""Vendor isolation: a key's vendor is the caller, and only its own rows exist for it."""

from __future__ import annotations

from tests.sandbox_helpers import (
    MARKETPLACE,
    VENDOR_A,
    VENDOR_B,
    Api,
    assert_envelope,
    create_outbound,
    create_return,
    outbound_body,
    outbound_list_url,
    outbound_url,
    return_url,
)


async def test_path_vendor_mismatch_is_404(api: Api, api_b: Api) -> None:
    await create_outbound(api)
    for url in (outbound_url(VENDOR_A[0]), return_url(VENDOR_A[0])):
        response = await api_b.get(url)
        body = assert_envelope(response, 404)
        assert VENDOR_A[0] in body["message"]
    created = await api_b.post(outbound_url(VENDOR_A[0]), json=outbound_body(vendor_id=VENDOR_B[0]))
    assert_envelope(created, 404)


async def test_body_vendor_mismatch_is_400(api: Api) -> None:
    response = await api.post(outbound_url(), json=outbound_body(vendor_id=VENDOR_B[0]))
    body = assert_envelope(response, 400)
    assert body["message"] == "params's vendorId not equals gateway's vendorId!"
    response = await api.post(outbound_url(), json=outbound_body(vendor_id=123))
    assert_envelope(response, 400)


async def test_vendor_cannot_see_or_change_other_vendors_places(api: Api, api_b: Api) -> None:
    code = await create_outbound(api, "A's")
    center = await create_return(api, "A's center")
    listed = (await api_b.get(outbound_list_url(VENDOR_B[0]))).json()["data"]
    assert listed["content"] == [] and listed["pagination"]["totalElements"] == 0
    ospc = await api_b.get(
        outbound_url(VENDOR_B[0]),
        params={"searchType": "OSPC", "outboundShippingPlaceCodes": str(code)},
    )
    assert assert_envelope(ospc, 200)["data"]["content"] == []
    market = await api_b.get(
        f"{MARKETPLACE}/v2/vendor/shipping-place/outbound", params={"placeCodes": str(code)}
    )
    assert market.json()["content"] == []
    update = await api_b.put(
        f"{outbound_url(VENDOR_B[0])}/{code}", json={"userId": "b", "shippingPlaceName": "mine"}
    )
    assert_envelope(update, 404)
    update_center = await api_b.put(
        f"{return_url(VENDOR_B[0])}/{center}", json={"userId": "b", "shippingPlaceName": "mine"}
    )
    assert_envelope(update_center, 404)
    # the same name is free for another vendor; codes are global sequences
    other = await create_outbound(api_b, "A's")
    assert other != code
    [mine] = (await api.get(outbound_list_url())).json()["data"]["content"]
    assert mine["shippingPlaceName"] == "A's"


async def test_query_vendor_mismatch_is_400_on_every_endpoint(api: Api) -> None:
    """The gateway refuses another vendor's vendorId in the query, naming field and rule,
    even on an endpoint that takes no vendorId query (a blank one is ignored)."""
    for url, more in ((outbound_url(), {"searchType": "FULL"}), (return_url(), {})):
        response = await api.get(url, params={"vendorId": VENDOR_B[0], **more})
        body = assert_envelope(response, 400)
        assert body["message"] == "params's vendorId not equals gateway's vendorId!"
        assert body["errors"] == [
            {"field": "vendorId", "rule": "vendor_mismatch", "message": body["message"]}
        ]
        assert (await api.get(url, params={"vendorId": VENDOR_A[0], **more})).status_code == 200
        assert (await api.get(url, params={"vendorId": " ", **more})).status_code == 200
