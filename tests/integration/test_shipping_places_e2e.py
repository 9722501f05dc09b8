"""The SDK's shipping-place layer against the sandbox, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from coupang_seller import (
    AsyncClient,
    Client,
    DuplicateShippingPlaceError,
    NotFoundError,
    PreflightError,
    ValidationError,
)
from coupang_seller._constants import KST
from coupang_seller.types.shipping_places import PlaceAddress, RemoteInfo, ReturnFees

JIBUN = PlaceAddress(
    addressType="JIBUN",
    countryCode="KR",
    companyContactNumber="02-1234-5678",
    returnZipCode="10516",
    returnAddress="경기도 파주시 탄현면 월롱산로 294-58",
    returnAddressDetail="1층",
)


def addr(n: int) -> PlaceAddress:
    return JIBUN.model_copy(update={"returnAddressDetail": f"{n}층"})


def test_create_list_get_find_update(client: Client) -> None:
    places = client.outbound_shipping_places
    code = places.create(
        name="파주센터",
        addresses=[addr(1)],
        remote_infos=[RemoteInfo(deliveryCode="CJGLS", jeju=5000, notJeju=2500)],
    )
    place = places.get(code)
    assert place.shippingPlaceName == "파주센터"
    assert place.usable is True
    assert place.courier_codes == ["CJGLS"]
    assert place.remoteInfos[0].jeju == 5000
    assert places.find_by_name("파주센터") == place
    assert places.find_by_name("없는 출고지") is None

    remote_id = place.remoteInfos[0].remoteInfoId
    places.update(
        code,
        name="파주 1센터",
        remote_infos=[
            RemoteInfo(
                remoteInfoId=remote_id, deliveryCode="CJGLS", jeju=6000, notJeju=2500, usable=True
            ),
            RemoteInfo(deliveryCode="HANJIN", jeju=4000, notJeju=3000),
        ],
    )
    updated = places.get(code)
    assert updated.shippingPlaceName == "파주 1센터"
    assert sorted(updated.courier_codes) == ["CJGLS", "HANJIN"]
    assert {r.deliveryCode: r.jeju for r in updated.remoteInfos}["CJGLS"] == 6000


def test_pagination_walks_every_page(client: Client) -> None:
    codes = [
        client.outbound_shipping_places.create(name=f"창고{i:02d}", addresses=[addr(i)])
        for i in range(7)
    ]
    page = client.outbound_shipping_places.list(page_num=1, page_size=3)
    assert page.pagination is not None and page.pagination.totalPages == 3
    seen = [p.outboundShippingPlaceCode for p in client.outbound_shipping_places.iter(page_size=3)]
    assert sorted(seen) == sorted(codes)


def test_get_many_chunks_and_skips_unknown(client: Client) -> None:
    code = client.outbound_shipping_places.create(name="하나", addresses=[addr(1)])
    found = client.outbound_shipping_places.get_many([code, 99999999])
    assert [p.outboundShippingPlaceCode for p in found] == [code]
    with pytest.raises(NotFoundError):
        client.outbound_shipping_places.get(99999999)


def test_duplicate_name_answers_existing_code(client: Client) -> None:
    code = client.outbound_shipping_places.create(name="중복", addresses=[addr(1)])
    with pytest.raises(DuplicateShippingPlaceError) as info:
        client.outbound_shipping_places.create(name="중복", addresses=[addr(2)])
    assert info.value.existing_code == str(code)
    again = client.outbound_shipping_places.create(
        name="중복", addresses=[addr(3)], on_duplicate="return_existing"
    )
    assert again == code


def test_preflight_and_sandbox_refuse_the_same_rules(client: Client) -> None:
    bad = dict(
        name="x" * 51, addresses=[addr(1).model_copy(update={"companyContactNumber": "0212345678"})]
    )
    with pytest.raises(PreflightError) as pre:
        client.outbound_shipping_places.create(**bad)  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as server:
        client.with_options(preflight=False).outbound_shipping_places.create(**bad)  # type: ignore[arg-type]
    assert {(v.field, v.rule) for v in pre.value.violations} == {
        (v.field, v.rule) for v in server.value.violations
    }
    assert ("shippingPlaceName", "max_length") in {(v.field, v.rule) for v in pre.value.violations}
    assert client.outbound_shipping_places.find_by_name("x" * 51) is None  # nothing stored


def test_remote_fee_caps_per_courier(client: Client) -> None:
    places = client.with_options(preflight=False).outbound_shipping_places
    with pytest.raises(ValidationError) as info:
        places.create(
            name="캡",
            addresses=[addr(1)],
            remote_infos=[RemoteInfo(deliveryCode="HANJIN", jeju=20001, notJeju=999)],
        )
    rules = {(v.field, v.rule) for v in info.value.violations}
    assert rules == {
        ("remoteInfos[0].jeju", "remote_fee_range"),
        ("remoteInfos[0].notJeju", "remote_fee_range"),
    }
    code = places.create(
        name="캡2",
        addresses=[addr(2)],
        remote_infos=[RemoteInfo(deliveryCode="KDEXP", jeju=70000, notJeju=1000)],
    )
    assert client.outbound_shipping_places.get(code).remoteInfos[0].jeju == 70000


def test_vendor_isolation(client: Client, other_client: Client) -> None:
    code = client.outbound_shipping_places.create(name="내 출고지", addresses=[addr(1)])
    with pytest.raises(NotFoundError):
        other_client.outbound_shipping_places.get(code)
    assert list(other_client.outbound_shipping_places.iter()) == []
    with pytest.raises(NotFoundError):
        other_client.outbound_shipping_places.update(code, name="남의 것")
    assert client.outbound_shipping_places.get(code).shippingPlaceName == "내 출고지"


def test_return_center_lifecycle(client: Client, other_client: Client) -> None:
    centers = client.return_centers
    code = centers.create(
        name="반품센터",
        courier="CJGLS",
        contract_number="85500067",
        fees=ReturnFees.flat(2500),
        addresses=[addr(1)],
    )
    center = centers.get(code)
    assert center.deliverCode == "CJGLS" and center.deliverName == "CJ대한통운"
    assert center.returnFee05kg == 2500 and center.usable is True
    centers.update(code, name="반품센터2", fees=ReturnFees.flat(3000))
    assert centers.get(code).vendorCreditFee20kg == 3000
    assert [c.returnCenterCode for c in centers.iter()] == [code]
    assert other_client.return_centers.get_many([code]) == []
    with pytest.raises(PreflightError) as info:
        centers.create(
            name="x",
            courier="DONGBU",
            contract_number="1",
            fees=ReturnFees.flat(1),
            addresses=[addr(2)],
        )
    assert info.value.violations[0].rule == "return_courier"


def test_sandbox_clock_does_not_expire_real_signatures(client: Client) -> None:
    client.sandbox.clock.advance(86400 * 3)
    code = client.outbound_shipping_places.create(name="미래", addresses=[addr(1)])
    place = client.outbound_shipping_places.get(code)
    # createDate is a Korean calendar day (KST): compare in KST, whatever the hour in UTC.
    expected = (datetime.now(UTC) + timedelta(days=3)).astimezone(KST).strftime("%Y/%m/%d")
    assert place.createDate == expected


def test_signing_clock_skew_is_refused(app: object, transport: object) -> None:
    from coupang_seller import SignatureExpiredError
    from coupang_seller._ratelimit import CircuitBreaker, RateLimiterRegistry
    from tests.integration.conftest import VENDOR

    skewed = Client(
        VENDOR[1],
        VENDOR[2],
        VENDOR[0],
        base_url="http://127.0.0.1",
        transport=transport,  # type: ignore[arg-type]
        clock=lambda: datetime.now(UTC) - timedelta(minutes=10),
        rate_limiters=RateLimiterRegistry(),
        circuit_breaker=CircuitBreaker(),
    )
    with skewed, pytest.raises(SignatureExpiredError):
        skewed.outbound_shipping_places.list()


def test_sandbox_control_mirror(client: Client) -> None:
    vendor = client.sandbox.vendors.create()
    assert vendor.vendorId.startswith("A") and vendor.secretKey.reveal() not in repr(vendor)
    frozen = datetime(2027, 1, 1, tzinfo=UTC)
    clock = client.sandbox.clock.set(frozen, freeze=True)
    assert clock.mode == "frozen" and clock.now == frozen
    assert client.sandbox.clock.advance(60).now == frozen + timedelta(seconds=60)
    client.outbound_shipping_places.create(name="리셋 전", addresses=[addr(1)])
    client.sandbox.reset()
    assert list(client.outbound_shipping_places.iter()) == []
    assert client.sandbox.clock.get().mode == "real"


async def test_async_client_end_to_end(aclient: AsyncClient) -> None:
    places = aclient.outbound_shipping_places
    code = await places.create(name="비동기", addresses=[addr(1)])
    assert (await places.get(code)).shippingPlaceName == "비동기"
    await places.update(code, usable=False)
    assert (await places.get(code)).usable is False
    seen = [p.outboundShippingPlaceCode async for p in places.iter()]
    assert seen == [code]
    center = await aclient.return_centers.create(
        name="비동기 반품",
        courier="HANJIN",
        contract_number="1",
        fees=ReturnFees.flat(1000),
        addresses=[addr(2)],
    )
    assert [c.returnCenterCode async for c in aclient.return_centers.iter()] == [center]
    assert (await aclient.return_centers.get(center)).deliverCode == "HANJIN"
    assert (await aclient.sandbox.clock.get()).mode == "real"
