"""Return centers (반품지): create, list, lookups by code, update, rules."""

from __future__ import annotations

from typing import Any

import pytest

from tests.sandbox_helpers import (
    FEES,
    OPENAPI,
    VENDOR_A,
    Api,
    assert_envelope,
    create_return,
    fields_of,
    return_body,
    return_url,
)

LOOKUPS = [
    "/v2/providers/greatwall_api/apis/api/v2/return/shipping-places/center-code",
    f"{OPENAPI}/v3/return/shipping-places/center-code",
]


@pytest.mark.parametrize("version", ["v4", "v5"])
async def test_create_and_list(api: Api, version: str) -> None:
    response = await api.post(return_url(version=version), json=return_body())
    data = assert_envelope(response, 200)["data"]
    assert data["resultCode"] == "SUCCESS"
    code = data["resultMessage"]
    assert len(code) == 10 and code.isdigit()
    listed = assert_envelope(await api.get(return_url(version=version)), 200)["data"]
    assert listed["pagination"]["totalElements"] == 1
    [center] = listed["content"]
    assert center == {
        "vendorId": VENDOR_A[0],
        "returnCenterCode": code,
        "shippingPlaceName": "반품지 1",
        "deliverCode": "CJGLS",
        "deliverName": "CJ대한통운",
        "goodsflowStatus": "승인",
        "errorMessage": "",
        "createdAt": center["createdAt"],
        **FEES,
        "usable": True,
        "placeAddresses": [
            {
                "addressType": "JIBUN",
                "countryCode": "KR",
                "companyContactNumber": "02-1234-5678",
                "phoneNumber2": "",
                "returnZipCode": "10516",
                "returnAddress": "경기도 파주시",
                "returnAddressDetail": "반품지 1",
            }
        ],
    }
    assert isinstance(center["createdAt"], int) and center["createdAt"] > 1_600_000_000_000


async def test_codes_are_sequential_and_duplicates_refused(api: Api) -> None:
    first = await create_return(api, "one")
    second = await create_return(api, "two")
    assert int(second) == int(first) + 1
    dup = await api.post(return_url(), json=return_body("one"))
    body = assert_envelope(dup, 400)
    assert body["existingCode"] == first
    assert body["data"] == {"resultCode": "FAIL", "resultMessage": first}


@pytest.mark.parametrize("url", LOOKUPS)
async def test_lookup_by_codes(api: Api, api_b: Api, url: str) -> None:
    first = await create_return(api, "one")
    await create_return(api, "two")
    foreign = await create_return(api_b, "theirs")
    response = await api.get(url, params={"returnCenterCodes": f"{first},{foreign},9999999999"})
    data = assert_envelope(response, 200)["data"]
    assert [c["returnCenterCode"] for c in data] == [first]
    too_many = ",".join(str(1_000_000_000 + i) for i in range(101))
    refused = await api.get(url, params={"returnCenterCodes": too_many})
    assert_envelope(refused, 400)
    assert "returnCenterCodes" in fields_of(refused)
    assert_envelope(await api.get(url), 400)


async def test_pagination(api: Api) -> None:
    for i in range(5):
        await create_return(api, f"center {i}")
    page = assert_envelope(await api.get(return_url(), params={"pageNum": 2, "pageSize": 2}), 200)
    assert [c["shippingPlaceName"] for c in page["data"]["content"]] == ["center 2", "center 3"]
    assert page["data"]["pagination"]["totalPages"] == 3
    assert_envelope(await api.get(return_url(), params={"pageSize": 51}), 400)


def _dto(**overrides: Any) -> dict[str, Any]:
    dto: dict[str, Any] = {"deliverCode": "CJGLS", "contractNumber": "1", **FEES}
    dto.update(overrides)
    return dto


CASES: list[tuple[dict[str, Any], str]] = [
    ({"goodsflowInfoOpenApiDto": None}, "goodsflowInfoOpenApiDto"),
    ({"goodsflowInfoOpenApiDto": _dto(deliverCode="KDEXP")}, "goodsflowInfoOpenApiDto.deliverCode"),
    (
        {"goodsflowInfoOpenApiDto": _dto(deliverCode={"x": 1})},
        "goodsflowInfoOpenApiDto.deliverCode",
    ),
    (
        {"goodsflowInfoOpenApiDto": _dto(contractNumber="")},
        "goodsflowInfoOpenApiDto.contractNumber",
    ),
    (
        {"goodsflowInfoOpenApiDto": _dto(contractNumber=["1"])},
        "goodsflowInfoOpenApiDto.contractNumber",
    ),
    ({"goodsflowInfoOpenApiDto": _dto(returnFee05kg=0)}, "goodsflowInfoOpenApiDto.returnFee05kg"),
    (
        {"goodsflowInfoOpenApiDto": _dto(returnFee05kg=None)},
        "goodsflowInfoOpenApiDto.returnFee05kg",
    ),
    (
        {"goodsflowInfoOpenApiDto": _dto(vendorCashFee20kg="many")},
        "goodsflowInfoOpenApiDto.vendorCashFee20kg",
    ),
    (
        {"goodsflowInfoOpenApiDto": _dto(vendorCashFee20kg=2**40)},
        "goodsflowInfoOpenApiDto.vendorCashFee20kg",
    ),
    ({"shippingPlaceName": ""}, "shippingPlaceName"),
    ({"userId": 5}, "userId"),
    ({"placeAddresses": None}, "placeAddresses"),
]


@pytest.mark.parametrize(("overrides", "field"), CASES)
async def test_create_rules(api: Api, overrides: dict[str, Any], field: str) -> None:
    response = await api.post(return_url(), json=return_body(**overrides))
    assert_envelope(response, 400)
    assert field in fields_of(response)


async def test_goodsflow_info_dto_alias(api: Api) -> None:
    body = return_body()
    body["goodsflowInfoDto"] = body.pop("goodsflowInfoOpenApiDto")
    assert_envelope(await api.post(return_url(), json=body), 200)


@pytest.mark.parametrize("method", ["PUT", "PATCH"])
@pytest.mark.parametrize("block", ["goodsflowInfoOpenApiDto", "goodsflowInfoDto"])
async def test_update(api: Api, method: str, block: str) -> None:
    code = await create_return(api, "before")
    update = {
        "vendorId": VENDOR_A[0],
        "userId": "u",
        "shippingPlaceName": "after",
        "usable": "false",
        block: {"deliverCode": "HANJIN", "returnFee05kg": "3100"},
        "placeAddresses": [
            {
                "addressType": "JIBUN",
                "companyContactNumber": "031-123-4567",
                "returnZipCode": "06236",
                "returnAddress": "서울",
            }
        ],
    }
    response = await api.request(method, f"{return_url()}/{code}", json=update)
    body = assert_envelope(response, 200)
    assert body["data"] == {"resultCode": "SUCCESS", "resultMessage": "Modify successfully"}
    [center] = (await api.get(return_url())).json()["data"]["content"]
    assert center["shippingPlaceName"] == "after"
    assert center["usable"] is False
    assert center["deliverCode"] == "HANJIN" and center["deliverName"] == "한진택배"
    assert center["returnFee05kg"] == 3100 and center["returnFee10kg"] == 2500
    assert center["placeAddresses"][0]["countryCode"] == "KR"


async def test_update_errors(api: Api) -> None:
    first = await create_return(api, "first")
    second = await create_return(api, "second")
    rename = await api.put(
        f"{return_url()}/{second}", json={"userId": "u", "shippingPlaceName": "first"}
    )
    assert assert_envelope(rename, 400)["existingCode"] == first
    assert_envelope(await api.put(f"{return_url()}/1999999999", json={"userId": "u"}), 404)
    bad = await api.put(
        f"{return_url()}/{first}",
        json={
            "userId": "u",
            "goodsflowInfoOpenApiDto": {"deliverCode": "DHL", "returnFee05kg": -1},
        },
    )
    assert_envelope(bad, 400)
    assert {
        "goodsflowInfoOpenApiDto.deliverCode",
        "goodsflowInfoOpenApiDto.returnFee05kg",
    } <= fields_of(bad)
    not_object = await api.put(
        f"{return_url()}/{first}", json={"userId": "u", "goodsflowInfoOpenApiDto": [1]}
    )
    assert_envelope(not_object, 400)
