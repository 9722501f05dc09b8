"""Downloadable coupons (marketplace_openapi) through HTTP: create, items (array answer),
transaction status, lookup, expiry; the customer's coupon on an order; the limits refused."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from coupang_seller import PreflightError
from tests.coupons.conftest import MARKET_API, TO_START, RawApi, Shop

POLICY = {
    "title": "1만원 이상 1천원",
    "typeOfDiscount": "PRICE",
    "description": "d",
    "minimumPrice": 10000,
    "discount": 1000,
    "maximumDiscountPrice": 1000,
    "maximumPerDaily": 1,
}
#: START is 2025-07-15 14:00 KST: a downloadable coupon may start at 15:00.
START_DATE = "2025-07-15 15:00:00"
END_DATE = "2025-07-31 23:00:00"
START_AT, END_AT = datetime(2025, 7, 15, 15), datetime(2025, 7, 31, 23)


def _create(shop: Shop, **overrides: Any) -> int:
    args: dict[str, Any] = {
        "contract_id": shop.contract.contractId, "title": "쿠폰", "start_date": START_AT,
        "end_date": END_AT, "policies": [POLICY], "user_id": "wing-user", **overrides,
    }  # fmt: skip
    coupon = shop.client.download_coupons.create(**args)
    assert coupon.couponStatus == "STANDBY"
    return coupon.couponId


def test_download_journey(shop: Shop, api: RawApi) -> None:
    first, second = shop.items
    download = shop.client.download_coupons
    coupon_id = _create(shop)
    raw = api.put(
        f"{MARKET_API}/coupon-items",
        json={"couponItems": [{"couponId": coupon_id, "userId": "u", "vendorItemIds": [first]}]},
    )
    assert raw.status_code == 200 and isinstance(raw.json(), list)
    [result] = [r for r in raw.json()]
    assert result["requestResultStatus"] == "SUCCESS"
    transaction = result["body"]["requestTransactionId"]
    assert download.transaction_status(transaction).status == "REQUESTED"
    shop.client.sandbox.clock.advance(11)
    assert download.wait(transaction, timeout=1, interval=0.01).status == "DONE"
    again = download.add_items(coupon_id, vendor_item_ids=[second], user_id="u")
    assert again[0].succeeded is False  # items are set once
    shop.client.sandbox.clock.advance(3600)
    got = download.get(coupon_id)
    assert (got.couponStatus, got.appliedOptionCount) == ("APPLIED", 1)
    placed = shop.client.sandbox.orders.place(
        {first: 1}, downloadableCoupons={str(first): coupon_id}
    )
    shop.client.sandbox.clock.advance(601)
    sheet = shop.client.orders.get(placed.shipment_box_ids[0])
    line = sheet.orderItems[0]
    assert (line.salesPrice or 0) >= 10000  # reaches the policy's minimumPrice
    assert line.discountPrice == 1000
    assert download.get(coupon_id).usageAmount == line.discountPrice
    [expired] = download.expire(coupon_id, user_id="u")
    assert expired.succeeded and expired.transaction_id
    shop.client.sandbox.clock.advance(11)
    assert download.transaction_status(expired.transaction_id).status == "DONE"
    assert download.get(coupon_id).couponStatus == "EXPIRED"
    [gone] = download.expire(coupon_id, user_id="u")
    assert gone.requestResultStatus == "FAIL"


def test_a_failed_item_discards_the_coupon(shop: Shop) -> None:
    first = shop.items[0]
    download = shop.client.download_coupons
    holder = _create(shop)
    [ok] = download.add_items(holder, vendor_item_ids=[first], user_id="u")
    shop.client.sandbox.clock.advance(11)
    assert ok.transaction_id and download.transaction_status(ok.transaction_id).status == "DONE"
    other = _create(shop, start_date=datetime(2025, 7, 15, 16, 0, 0))
    [result] = download.add_items(other, vendor_item_ids=[first], user_id="u")
    assert result.transaction_id
    shop.client.sandbox.clock.advance(11)
    status = download.transaction_status(result.transaction_id)
    assert status.status == "FAIL"
    assert (status.couponFailedVendorItemIdResponses[0].failureReason or "").startswith("[CIR14]")
    assert download.get(other).couponStatus == "EXPIRED"


def test_a_coupon_the_line_does_not_reach_is_refused(shop: Shop) -> None:
    first = shop.items[0]
    coupon_id = _create(shop, policies=[{**POLICY, "minimumPrice": 10_000_000}])
    shop.client.download_coupons.add_items(coupon_id, vendor_item_ids=[first], user_id="u")
    shop.client.sandbox.clock.advance(TO_START)
    from coupang_seller import ValidationError

    line = {"vendorItemId": first, "quantity": 1, "downloadableCouponId": coupon_id}
    with pytest.raises(ValidationError) as caught:
        shop.client.send_control(
            "POST",
            "/_sandbox/orders",
            json={"vendorId": shop.market.shop.vendor_id, "items": [line]},
        )
    assert "items[0].downloadableCouponId" in str(caught.value.body)


@pytest.mark.parametrize(
    ("overrides", "field", "rule"),
    [
        ({"startDate": "2025-07-15 14:30:00"}, "startDate", "lead_time"),
        ({"policies": [POLICY] * 4}, "policies", "size"),
        ({"policies": [POLICY, {**POLICY, "typeOfDiscount": "RATE", "discount": 10}]},
         "policies", "same_type"),
        ({"policies": [{**POLICY, "discount": 1005}]}, "policies[0].discount", "unit"),
        ({"policies": [{**POLICY, "typeOfDiscount": "RATE", "discount": 100}]},
         "policies[0].discount", "range"),
        ({"policies": [{**POLICY, "maximumPerDaily": 10_000}]}, "policies[0].maximumPerDaily",
         "range"),
        ({"title": ""}, "title", "required"),
        ({"couponType": "INSTANT"}, "couponType", "enum"),
        ({"contractId": 999_999}, "contractId", "not_found"),
    ],
)  # fmt: skip
def test_download_create_limits(
    shop: Shop, api: RawApi, overrides: dict[str, Any], field: str, rule: str
) -> None:
    body = {
        "title": "t", "contractId": shop.contract.contractId, "couponType": "DOWNLOAD",
        "startDate": START_DATE, "endDate": END_DATE, "userId": "u", "policies": [POLICY],
        **overrides,
    }  # fmt: skip
    response = api.post(f"{MARKET_API}/coupons", json=body)
    assert response.status_code == 400, response.text
    assert (field, rule) in {(e["field"], e["rule"]) for e in response.json()["errors"]}


def test_download_item_and_expire_limits(shop: Shop, api: RawApi) -> None:
    too_many = {"couponItems": [{"couponId": 1, "vendorItemIds": list(range(1, 102))}]}
    response = api.put(f"{MARKET_API}/coupon-items", json=too_many)
    assert ("couponItems[0].vendorItemIds", "size") in {
        (e["field"], e["rule"]) for e in response.json()["errors"]
    }
    response = api.post(
        f"{MARKET_API}/coupons/expire", json={"expireCouponList": [{"couponId": 1}]}
    )
    assert ("expireCouponList[0].userId", "required") in {
        (e["field"], e["rule"]) for e in response.json()["errors"]
    }
    response = api.get(f"{MARKET_API}/coupons/transactionStatus")
    assert response.status_code == 400
    assert api.get(f"{MARKET_API}/coupons/transactionStatus",
                   params={"requestTransactionId": "et5_1"}).status_code == 404  # fmt: skip
    assert api.get(f"{MARKET_API}/coupons/12345").status_code == 404


def test_sdk_preflight_download(shop: Shop) -> None:
    with pytest.raises(PreflightError) as caught:
        shop.client.download_coupons.create(
            contract_id=1, title="t", start_date=START_AT, end_date=END_AT,
            policies=[{**POLICY, "maximumPerDaily": 0}], user_id="u",
        )  # fmt: skip
    assert ("policies[0].maximumPerDaily", "range") in {
        (v.field, v.rule) for v in caught.value.violations
    }
    with pytest.raises(PreflightError):
        shop.client.download_coupons.add_items(1, vendor_item_ids=[], user_id="u")
