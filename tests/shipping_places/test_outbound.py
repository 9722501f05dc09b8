"""Outbound shipping places (출고지): create, list (every version), update, rules."""

from __future__ import annotations

from typing import Any

import pytest

from tests.sandbox_helpers import (
    MARKETPLACE,
    VENDOR_A,
    Api,
    address,
    assert_envelope,
    create_outbound,
    fields_of,
    outbound_body,
    outbound_list_url,
    outbound_url,
    rules_of,
)

VERSIONS = ["v4", "v5"]


@pytest.mark.parametrize("version", VERSIONS)
async def test_create_and_list(api: Api, version: str) -> None:
    response = await api.post(outbound_url(version=version), json=outbound_body())
    body = assert_envelope(response, 200)
    assert body["message"] == "SUCCESS"
    assert body["data"]["resultCode"] == "SUCCESS"
    code = int(body["data"]["resultMessage"])

    listed = assert_envelope(await api.get(outbound_list_url(version=version)), 200)["data"]
    assert listed["pagination"] == {
        "currentPage": 1,
        "totalPages": 1,
        "totalElements": 1,
        "countPerPage": 10,
    }
    [place] = listed["content"]
    assert place["outboundShippingPlaceCode"] == code
    assert place["shippingPlaceName"] == "출고지 1"
    assert place["global"] is False
    assert place["usable"] is True
    assert len(place["createDate"]) == 10 and place["createDate"][4] == "/"
    assert place["placeAddresses"][0]["returnZipCode"] == "10516"
    [info] = place["remoteInfos"]
    assert isinstance(info["remoteInfoId"], int)
    assert info == {
        "remoteInfoId": info["remoteInfoId"],
        "deliveryCode": "KGB",
        "jeju": 5000,
        "notJeju": 2500,
        "usable": True,
    }


@pytest.mark.parametrize("version", VERSIONS)
async def test_duplicate_name_returns_existing_code(api: Api, version: str) -> None:
    code = await create_outbound(api, "창고")
    again = outbound_body("창고", placeAddresses=[address(returnAddressDetail="다른 곳")])
    response = await api.post(outbound_url(version=version), json=again)
    body = assert_envelope(response, 400)
    assert body["existingCode"] == str(code)
    assert body["data"] == {"resultCode": "FAIL", "resultMessage": str(code)}
    assert str(code) in body["message"] and "창고" in body["message"]


async def test_duplicate_address_refused_on_v5_only(api: Api) -> None:
    code = await create_outbound(api, "A", placeAddresses=[address(returnAddressDetail="같은 곳")])
    same_address = outbound_body("B", placeAddresses=[address(returnAddressDetail="같은 곳")])
    v5 = await api.post(outbound_url(version="v5"), json=same_address)
    assert assert_envelope(v5, 400)["existingCode"] == str(code)
    v4 = await api.post(outbound_url(version="v4"), json=same_address)
    assert v4.status_code == 200


async def test_pagination(api: Api) -> None:
    codes = [await create_outbound(api, f"place {i}") for i in range(7)]
    page = await api.get(outbound_url(), params={"searchType": "FULL", "pageNum": 2, "pageSize": 3})
    data = assert_envelope(page, 200)["data"]
    assert [p["outboundShippingPlaceCode"] for p in data["content"]] == codes[3:6]
    assert data["pagination"] == {
        "currentPage": 2,
        "totalPages": 3,
        "totalElements": 7,
        "countPerPage": 3,
    }
    past_end = await api.get(
        outbound_url(), params={"searchType": "FULL", "pageNum": 9, "pageSize": 3}
    )
    assert assert_envelope(past_end, 200)["data"]["content"] == []


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"pageSize": 51}, "pageSize"),
        ({"pageSize": 0}, "pageSize"),
        ({"pageSize": "x"}, "pageSize"),
        ({"pageNum": 0}, "pageNum"),
        ({"pageNum": "-1"}, "pageNum"),
        ({"searchType": "NOPE"}, "searchType"),
        ({"searchType": ""}, "searchType"),
        ({"searchType": "OSPC"}, "outboundShippingPlaceCodes"),
        ({"searchType": "OSPC", "outboundShippingPlaceCodes": "1,x"}, "outboundShippingPlaceCodes"),
    ],
)
async def test_list_parameter_rules(api: Api, params: dict[str, Any], field: str) -> None:
    response = await api.get(outbound_url(), params={"searchType": "FULL", **params})
    assert_envelope(response, 400)
    assert field in fields_of(response)


async def test_search_by_codes(api: Api) -> None:
    first = await create_outbound(api, "one")
    await create_outbound(api, "two")
    third = await create_outbound(api, "three")
    response = await api.get(
        outbound_url(),
        params={"searchType": "OSPC", "outboundShippingPlaceCodes": f"{first},{third}"},
    )
    content = assert_envelope(response, 200)["data"]["content"]
    assert [p["outboundShippingPlaceCode"] for p in content] == [first, third]


@pytest.mark.parametrize("version", ["v1", "v2"])
async def test_marketplace_list_shape(api: Api, version: str) -> None:
    url = f"{MARKETPLACE}/{version}/vendor/shipping-place/outbound"
    first = await create_outbound(api, "north")
    second = await create_outbound(api, "south")
    paged = await api.get(url, params={"pageNum": 1, "pageSize": 1})
    assert paged.status_code == 200
    body = paged.json()
    assert set(body) == {"content", "pagination"}
    assert [p["outboundShippingPlaceCode"] for p in body["content"]] == [first]
    assert body["pagination"]["totalElements"] == 2
    assert body["pagination"]["totalPages"] == 2
    by_code = (await api.get(url, params={"placeCodes": str(second)})).json()
    assert [p["shippingPlaceName"] for p in by_code["content"]] == ["south"]
    by_name = (await api.get(url, params={"placeNames": "north,south"})).json()
    assert len(by_name["content"]) == 2
    missing = await api.get(url)
    body = assert_envelope(missing, 400)
    assert body["message"] == "(pageNum & pageSize) or placeCodes or placeNames must be provided"
    only_page = await api.get(url, params={"pageNum": 1})
    assert_envelope(only_page, 400)


VALIDATION_CASES: list[tuple[dict[str, Any], str, str]] = [
    ({"shippingPlaceName": None}, "shippingPlaceName", "required"),
    ({"shippingPlaceName": "x" * 51}, "shippingPlaceName", "max_length"),
    ({"shippingPlaceName": 12}, "shippingPlaceName", "type"),
    ({"userId": ""}, "userId", "required"),
    ({"userId": "u" * 101}, "userId", "max_length"),
    ({"global": "maybe"}, "global", "type"),
    ({"usable": 3}, "usable", "type"),
    ({"placeAddresses": []}, "placeAddresses", "required"),
    ({"placeAddresses": "seoul"}, "placeAddresses", "type"),
    ({"placeAddresses": [address(addressType="HOME")]}, "placeAddresses[0].addressType", "enum"),
    ({"placeAddresses": [address(addressType=["JIBUN"])]}, "placeAddresses[0].addressType", "enum"),
    (
        {"placeAddresses": [address(countryCode="KOR")]},
        "placeAddresses[0].countryCode",
        "country_code_length",
    ),
    ({"placeAddresses": [address(countryCode=None)]}, "placeAddresses[0].countryCode", "required"),
    (
        {"placeAddresses": [address(companyContactNumber="021234")]},
        "placeAddresses[0].companyContactNumber",
        "phone_format",
    ),
    (
        {"placeAddresses": [address(companyContactNumber=None)]},
        "placeAddresses[0].companyContactNumber",
        "required",
    ),
    (
        {"placeAddresses": [address(phoneNumber2="12")]},
        "placeAddresses[0].phoneNumber2",
        "phone_format",
    ),
    (
        {"placeAddresses": [address(returnZipCode="12-34")]},
        "placeAddresses[0].returnZipCode",
        "postcode_format",
    ),
    (
        {"placeAddresses": [address(returnAddress="a" * 151)]},
        "placeAddresses[0].returnAddress",
        "max_length",
    ),
    (
        {"placeAddresses": [address(returnAddressDetail="a" * 201)]},
        "placeAddresses[0].returnAddressDetail",
        "max_length",
    ),
    (
        {"placeAddresses": [address(addressType="ROADNAME")]},
        "placeAddresses",
        "roadname_needs_jibun",
    ),
    (
        {"remoteInfos": [{"deliveryCode": "NOPE", "jeju": 0, "notJeju": 0}]},
        "remoteInfos[0].deliveryCode",
        "courier_code",
    ),
    ({"remoteInfos": [{"jeju": 0, "notJeju": 0}]}, "remoteInfos[0].deliveryCode", "required"),
    (
        {"remoteInfos": [{"deliveryCode": "CJGLS", "jeju": 20001, "notJeju": 0}]},
        "remoteInfos[0].jeju",
        "remote_fee_range",
    ),
    (
        {"remoteInfos": [{"deliveryCode": "KGB", "jeju": 999, "notJeju": 0}]},
        "remoteInfos[0].jeju",
        "remote_fee_range",
    ),
    (
        {"remoteInfos": [{"deliveryCode": "KGB", "jeju": "lots", "notJeju": 0}]},
        "remoteInfos[0].jeju",
        "type",
    ),
    ({"remoteInfos": [{"deliveryCode": "KGB", "jeju": 0}]}, "remoteInfos[0].notJeju", "required"),
    (
        {"remoteInfos": [{"deliveryCode": "KGB", "jeju": 0, "notJeju": 0}] * 2},
        "remoteInfos[1].deliveryCode",
        "courier_duplicate",
    ),
    ({"remoteInfos": {"deliveryCode": "KGB"}}, "remoteInfos", "type"),
]


@pytest.mark.parametrize(("overrides", "field", "rule"), VALIDATION_CASES)
async def test_create_rules(api: Api, overrides: dict[str, Any], field: str, rule: str) -> None:
    response = await api.post(outbound_url(), json=outbound_body(**overrides))
    body = assert_envelope(response, 400)
    assert any(e["field"] == field and e["rule"] == rule for e in body["errors"]), body
    assert field in body["message"]


async def test_all_violations_reported_at_once(api: Api) -> None:
    body = outbound_body("x" * 51, userId=None, placeAddresses=[address(returnZipCode="1")])
    response = await api.post(outbound_url(), json=body)
    assert_envelope(response, 400)
    assert {"shippingPlaceName", "userId", "placeAddresses[0].returnZipCode"} <= fields_of(response)


async def test_remote_fee_zero_and_string_numbers_normalised(api: Api) -> None:
    code = await create_outbound(
        api,
        "zero",
        remoteInfos=[
            {"deliveryCode": "CJGLS", "jeju": "0", "notJeju": 0},
            {"deliveryCode": "EPOST", "jeju": 70000.0, "notJeju": "1000", "usable": "true"},
        ],
        **{"global": False, "usable": "false"},
    )
    content = (await api.get(outbound_list_url())).json()["data"]["content"]
    [place] = [p for p in content if p["outboundShippingPlaceCode"] == code]
    assert place["usable"] is False
    assert [(i["deliveryCode"], i["jeju"], i["notJeju"]) for i in place["remoteInfos"]] == [
        ("CJGLS", 0, 0),
        ("EPOST", 70000, 1000),
    ]


async def _place(api: Api, code: int) -> dict[str, Any]:
    content = (await api.get(outbound_url(), params={"searchType": "FULL", "pageSize": 50})).json()[
        "data"
    ]["content"]
    [place] = [p for p in content if p["outboundShippingPlaceCode"] == code]
    return place


@pytest.mark.parametrize("method", ["PUT", "PATCH"])
@pytest.mark.parametrize("version", VERSIONS)
async def test_update(api: Api, method: str, version: str) -> None:
    code = await create_outbound(api, "before")
    place = await _place(api, code)
    kgb_id = place["remoteInfos"][0]["remoteInfoId"]
    update = {
        "vendorId": VENDOR_A[0],
        "userId": "wing-user",
        "outboundShippingPlaceCode": code,
        "shippingPlaceName": "after",
        "global": "false",
        "usable": "true",
        "placeAddresses": [address(returnZipCode="06236", returnAddressDetail="new")],
        "remoteInfos": [
            {"remoteInfoId": kgb_id, "deliveryCode": "KGB", "jeju": 6000, "notJeju": 3000},
            {"deliveryCode": "HANJIN", "jeju": 4000, "notJeju": 0},
        ],
    }
    response = await api.request(method, f"{outbound_url(version=version)}/{code}", json=update)
    body = assert_envelope(response, 200)
    assert body["data"] == {"resultCode": "SUCCESS", "resultMessage": "Modify successfully"}
    place = await _place(api, code)
    assert place["shippingPlaceName"] == "after"
    assert place["placeAddresses"][0]["returnZipCode"] == "06236"
    infos = {i["deliveryCode"]: i for i in place["remoteInfos"]}
    assert infos["KGB"]["remoteInfoId"] == kgb_id
    assert (infos["KGB"]["jeju"], infos["KGB"]["notJeju"]) == (6000, 3000)
    assert infos["HANJIN"]["jeju"] == 4000 and infos["HANJIN"]["usable"] is True


async def test_update_keeps_name_when_blank_and_disables(api: Api) -> None:
    code = await create_outbound(api, "keep me")
    response = await api.put(
        f"{outbound_url()}/{code}",
        json={"userId": "u", "shippingPlaceName": "", "usable": False},
    )
    assert_envelope(response, 200)
    place = await _place(api, code)
    assert place["shippingPlaceName"] == "keep me"
    assert place["usable"] is False
    enable = await api.put(f"{outbound_url()}/{code}", json={"userId": "u", "usable": True})
    assert_envelope(enable, 200)
    assert (await _place(api, code))["usable"] is True


async def test_update_remote_info_rules(api: Api) -> None:
    code = await create_outbound(api, "couriers")
    kgb_id = (await _place(api, code))["remoteInfos"][0]["remoteInfoId"]
    url = f"{outbound_url()}/{code}"

    wrong_courier = await api.put(
        url,
        json={
            "userId": "u",
            "remoteInfos": [
                {"remoteInfoId": kgb_id, "deliveryCode": "CJGLS", "jeju": 1000, "notJeju": 1000}
            ],
        },
    )
    assert_envelope(wrong_courier, 400)
    assert ("remoteInfos[0].deliveryCode", "courier_not_registered") in {
        (e["field"], e["rule"]) for e in wrong_courier.json()["errors"]
    }

    unknown_id = await api.put(
        url,
        json={
            "userId": "u",
            "remoteInfos": [
                {"remoteInfoId": 999, "deliveryCode": "KGB", "jeju": 1000, "notJeju": 1000}
            ],
        },
    )
    assert_envelope(unknown_id, 400)
    assert "remoteInfos[0].remoteInfoId" in fields_of(unknown_id)

    again = await api.put(
        url,
        json={
            "userId": "u",
            "remoteInfos": [{"deliveryCode": "KGB", "jeju": 1000, "notJeju": 1000}],
        },
    )
    assert_envelope(again, 400)
    assert "courier_already_registered" in rules_of(again)

    delete = await api.put(
        url,
        json={
            "userId": "u",
            "remoteInfos": [
                {
                    "remoteInfoId": kgb_id,
                    "deliveryCode": "KGB",
                    "jeju": 0,
                    "notJeju": 0,
                    "usable": False,
                }
            ],
        },
    )
    assert_envelope(delete, 200)
    [info] = (await _place(api, code))["remoteInfos"]
    assert info["usable"] is False

    edit_deleted = await api.put(
        url,
        json={
            "userId": "u",
            "remoteInfos": [
                {"remoteInfoId": kgb_id, "deliveryCode": "KGB", "jeju": 2000, "notJeju": 2000}
            ],
        },
    )
    assert_envelope(edit_deleted, 400)
    assert "state" in rules_of(edit_deleted)

    re_add = await api.put(
        url,
        json={
            "userId": "u",
            "remoteInfos": [{"deliveryCode": "KGB", "jeju": 1000, "notJeju": 1000}],
        },
    )
    assert_envelope(re_add, 200)
    infos = (await _place(api, code))["remoteInfos"]
    assert [i["usable"] for i in infos] == [False, True]


async def test_update_rules_and_errors(api: Api) -> None:
    first = await create_outbound(api, "first")
    second = await create_outbound(api, "second")
    rename = await api.put(
        f"{outbound_url()}/{second}", json={"userId": "u", "shippingPlaceName": "first"}
    )
    assert assert_envelope(rename, 400)["existingCode"] == str(first)
    same_name = await api.put(
        f"{outbound_url()}/{first}", json={"userId": "u", "shippingPlaceName": "first"}
    )
    assert_envelope(same_name, 200)
    missing = await api.put(f"{outbound_url()}/424242", json={"userId": "u"})
    assert_envelope(missing, 404)
    not_numeric = await api.put(f"{outbound_url()}/abc", json={"userId": "u"})
    assert_envelope(not_numeric, 404)
    mismatch = await api.put(
        f"{outbound_url()}/{first}", json={"userId": "u", "outboundShippingPlaceCode": second}
    )
    assert_envelope(mismatch, 400)
    assert "outboundShippingPlaceCode" in fields_of(mismatch)
    bad = await api.put(f"{outbound_url()}/{first}", json={"userId": None, "usable": "nah"})
    assert_envelope(bad, 400)
    assert {"userId", "usable"} <= fields_of(bad)
