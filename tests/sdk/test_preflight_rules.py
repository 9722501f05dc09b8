"""Every shipping-place rule, one broken at a time, names its field and rule id."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from coupang_seller.preflight import shipping_places as rules


def outbound() -> dict[str, Any]:
    return {
        "vendorId": "A00012345",
        "userId": "wing",
        "shippingPlaceName": "출고지",
        "global": "false",
        "placeAddresses": [
            {
                "addressType": "JIBUN",
                "countryCode": "KR",
                "companyContactNumber": "02-1234-5678",
                "phoneNumber2": "010-1234-5678",
                "returnZipCode": "10516",
                "returnAddress": "경기도 파주시",
                "returnAddressDetail": "1층",
            }
        ],
        "remoteInfos": [{"deliveryCode": "KGB", "jeju": "5000", "notJeju": "2500"}],
    }


def return_center() -> dict[str, Any]:
    body = outbound()
    del body["remoteInfos"], body["global"]
    body["goodsflowInfoOpenApiDto"] = {
        "deliverCode": "CJGLS",
        "contractNumber": "85500067",
        **{key: 2500 for key in rules.RETURN_FEE_FIELDS},
    }
    return body


def test_valid_bodies_pass() -> None:
    assert rules.check_outbound_create(outbound()) == []
    assert rules.check_return_create(return_center()) == []
    assert rules.check_outbound_update({"userId": "wing"}) == []
    assert (
        rules.check_return_update({"userId": "wing", "goodsflowInfoDto": {"returnFee05kg": "1"}})
        == []
    )


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def apply(body: dict[str, Any]) -> None:
        target: Any = body
        *parents, last = path.split(".")
        for key in parents:
            target = target[int(key)] if key.isdigit() else target[key]
        if value is _DELETE:
            del target[last]
        else:
            target[last] = value

    return apply


_DELETE = object()

OUTBOUND_CASES = [
    ("userId", _DELETE, "userId", "required"),
    ("shippingPlaceName", "", "shippingPlaceName", "required"),
    ("shippingPlaceName", "가" * 51, "shippingPlaceName", "max_length"),
    ("global", "maybe", "global", "type"),
    ("placeAddresses", [], "placeAddresses", "required"),
    ("placeAddresses", "서울", "placeAddresses", "type"),
    ("placeAddresses.0.addressType", "HOME", "placeAddresses[0].addressType", "enum"),
    ("placeAddresses.0.addressType", "ROADNAME", "placeAddresses", "roadname_needs_jibun"),
    ("placeAddresses.0.countryCode", "KOR", "placeAddresses[0].countryCode", "country_code_length"),
    (
        "placeAddresses.0.companyContactNumber",
        _DELETE,
        "placeAddresses[0].companyContactNumber",
        "required",
    ),
    (
        "placeAddresses.0.companyContactNumber",
        "0212345678",
        "placeAddresses[0].companyContactNumber",
        "phone_format",
    ),
    (
        "placeAddresses.0.companyContactNumber",
        "02-12-5678",
        "placeAddresses[0].companyContactNumber",
        "phone_format",
    ),
    (
        "placeAddresses.0.companyContactNumber",
        "02-1234-56789",
        "placeAddresses[0].companyContactNumber",
        "phone_format",
    ),
    (
        "placeAddresses.0.phoneNumber2",
        "010 1234 5678",
        "placeAddresses[0].phoneNumber2",
        "phone_format",
    ),
    (
        "placeAddresses.0.returnZipCode",
        "1234",
        "placeAddresses[0].returnZipCode",
        "postcode_format",
    ),
    (
        "placeAddresses.0.returnZipCode",
        "1234567",
        "placeAddresses[0].returnZipCode",
        "postcode_format",
    ),
    (
        "placeAddresses.0.returnZipCode",
        "12a45",
        "placeAddresses[0].returnZipCode",
        "postcode_format",
    ),
    (
        "placeAddresses.0.returnZipCode",
        "١٢٣٤٥",
        "placeAddresses[0].returnZipCode",
        "postcode_format",
    ),
    ("placeAddresses.0.returnAddress", "", "placeAddresses[0].returnAddress", "required"),
    ("placeAddresses.0.returnAddress", "가" * 151, "placeAddresses[0].returnAddress", "max_length"),
    (
        "placeAddresses.0.returnAddressDetail",
        "가" * 201,
        "placeAddresses[0].returnAddressDetail",
        "max_length",
    ),
    ("remoteInfos.0.deliveryCode", "NOPE", "remoteInfos[0].deliveryCode", "courier_code"),
    ("remoteInfos.0.jeju", 999, "remoteInfos[0].jeju", "remote_fee_range"),
    ("remoteInfos.0.jeju", 70_001, "remoteInfos[0].jeju", "remote_fee_range"),
    ("remoteInfos.0.notJeju", "abc", "remoteInfos[0].notJeju", "type"),
    ("remoteInfos.0.notJeju", _DELETE, "remoteInfos[0].notJeju", "required"),
    ("remoteInfos", "CJGLS", "remoteInfos", "type"),
]


@pytest.mark.parametrize(("path", "value", "field", "rule"), OUTBOUND_CASES)
def test_outbound_rule(path: str, value: Any, field: str, rule: str) -> None:
    body = outbound()
    _set(path, value)(body)
    found = {(v.field, v.rule) for v in rules.check_outbound_create(body)}
    assert (field, rule) in found, found


@pytest.mark.parametrize("courier", ["HYUNDAI", "CJGLS", "HANJIN"])
def test_low_cap_couriers(courier: str) -> None:
    body = outbound()
    body["remoteInfos"] = [{"deliveryCode": courier, "jeju": 20_000, "notJeju": 1_000}]
    assert rules.check_outbound_create(body) == []
    body["remoteInfos"][0]["jeju"] = 20_001
    assert [v.rule for v in rules.check_outbound_create(body)] == ["remote_fee_range"]


def test_other_couriers_go_to_70000_and_zero_means_none() -> None:
    body = outbound()
    body["remoteInfos"] = [{"deliveryCode": "KDEXP", "jeju": 70_000, "notJeju": 0}]
    assert rules.check_outbound_create(body) == []


def test_duplicate_courier_and_disabled_duplicates() -> None:
    body = outbound()
    body["remoteInfos"] = [
        {"deliveryCode": "KGB", "jeju": 5000, "notJeju": 2500},
        {"deliveryCode": "KGB", "jeju": 6000, "notJeju": 2500},
    ]
    assert [v.rule for v in rules.check_outbound_create(body)] == ["courier_duplicate"]
    body["remoteInfos"][0]["usable"] = False  # removing one and adding it again is fine
    assert rules.check_outbound_create(body) == []


RETURN_CASES = [
    ("goodsflowInfoOpenApiDto", _DELETE, "goodsflowInfoOpenApiDto", "required"),
    (
        "goodsflowInfoOpenApiDto.deliverCode",
        "DONGBU",
        "goodsflowInfoOpenApiDto.deliverCode",
        "return_courier",
    ),
    (
        "goodsflowInfoOpenApiDto.deliverCode",
        ["CJGLS"],
        "goodsflowInfoOpenApiDto.deliverCode",
        "return_courier",
    ),
    (
        "goodsflowInfoOpenApiDto.contractNumber",
        "",
        "goodsflowInfoOpenApiDto.contractNumber",
        "required",
    ),
    (
        "goodsflowInfoOpenApiDto.contractNumber",
        "9" * 51,
        "goodsflowInfoOpenApiDto.contractNumber",
        "max_length",
    ),
    (
        "goodsflowInfoOpenApiDto.returnFee05kg",
        0,
        "goodsflowInfoOpenApiDto.returnFee05kg",
        "positive",
    ),
    (
        "goodsflowInfoOpenApiDto.returnFee20kg",
        _DELETE,
        "goodsflowInfoOpenApiDto.returnFee20kg",
        "required",
    ),
    (
        "goodsflowInfoOpenApiDto.vendorCashFee10kg",
        2**31,
        "goodsflowInfoOpenApiDto.vendorCashFee10kg",
        "max_value",
    ),
    ("placeAddresses.0.returnZipCode", "", "placeAddresses[0].returnZipCode", "required"),
]


@pytest.mark.parametrize(("path", "value", "field", "rule"), RETURN_CASES)
def test_return_rule(path: str, value: Any, field: str, rule: str) -> None:
    body = return_center()
    _set(path, value)(body)
    found = {(v.field, v.rule) for v in rules.check_return_create(body)}
    assert (field, rule) in found, found


def test_return_update_checks_what_is_sent() -> None:
    bad = {"userId": "wing", "goodsflowInfoDto": {"deliverCode": "KOREX", "returnFee05kg": -1}}
    found = {(v.field, v.rule) for v in rules.check_return_update(bad)}
    assert found == {
        ("goodsflowInfoOpenApiDto.deliverCode", "return_courier"),
        ("goodsflowInfoOpenApiDto.returnFee05kg", "positive"),
    }


def test_courier_registered_and_lists() -> None:
    assert rules.check_courier_registered("CJGLS", ["CJGLS", "KGB"]) == []
    (violation,) = rules.check_courier_registered("HANJIN", ["CJGLS"])
    assert violation.rule == "courier_not_registered" and "CJGLS" in violation.message
    assert rules.check_page_size(51)[0].rule == "page_size"
    assert rules.check_code_list([], field="placeCodes", maximum=50)[0].rule == "required"
    assert rules.check_code_list(["1"] * 101, field="c", maximum=100)[0].rule == "max_items"
    assert rules.check_code_list(["1", "x"], field="c", maximum=100, numeric=True)[0].rule == "type"


def test_rules_never_mutate_the_body() -> None:
    body = outbound()
    snapshot = copy.deepcopy(body)
    rules.check_outbound_create(body)
    assert body == snapshot
