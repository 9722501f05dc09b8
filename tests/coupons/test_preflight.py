"""The SDK refuses broken coupon requests before sending (same rule functions as the
sandbox), and the pure rules themselves, including the time-relative ones."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from coupang_seller import PreflightError
from coupang_seller.preflight import coupons as rules
from tests.coupons.conftest import LATER_AT, TOMORROW_AT, Shop


def _rules_of(caught: pytest.ExceptionInfo[PreflightError]) -> set[tuple[str, str]]:
    return {(v.field, v.rule) for v in caught.value.violations}


@pytest.mark.parametrize(
    ("overrides", "field", "rule"),
    [
        ({"discount": 150}, "discount", "range"),
        ({"max_discount_price": 5}, "max_discount_price", "min_value"),
        ({"name": "n" * 60}, "name", "max_length"),
        ({"end_at": datetime(2025, 12, 31, 0, 0, 1)}, "endAt", "same_year"),
    ],
)
def test_sdk_refuses_before_sending(
    shop: Shop, overrides: dict[str, Any], field: str, rule: str
) -> None:
    field = "maxDiscountPrice" if field == "max_discount_price" else field
    args: dict[str, Any] = {
        "contract_id": shop.contract.contractId, "name": "n", "discount": 10,
        "max_discount_price": 100, "start_at": TOMORROW_AT, "end_at": LATER_AT, "type": "RATE",
        **overrides,
    }  # fmt: skip
    with pytest.raises(PreflightError) as caught:
        shop.client.coupons.create(**args)
    assert (field, rule) in _rules_of(caught)
    assert shop.client.coupons.list(status="STANDBY").content == []  # nothing was sent


def test_sdk_item_and_list_preflight(shop: Shop) -> None:
    with pytest.raises(PreflightError) as caught:
        shop.client.coupons.add_items(1, vendor_items=[])
    assert ("vendorItems", "size") in _rules_of(caught)
    with pytest.raises(PreflightError) as caught:
        shop.client.coupons.expire_items(1, vendor_items=list(range(1, 10_002)))
    assert ("vendorItems", "size") in _rules_of(caught)
    with pytest.raises(PreflightError) as caught:
        shop.client.coupons.list(status="GONE")  # type: ignore[arg-type]
    assert ("status", "enum") in _rules_of(caught)
    with pytest.raises(TypeError, match=r"^target_month takes a datetime\.date"):
        shop.client.coupons.budgets(target_month="07-2025")  # type: ignore[arg-type]


def test_datetimes_are_sent_in_korean_time(shop: Shop) -> None:
    asked = shop.client.coupons.create(
        contract_id=shop.contract.contractId, name="n", discount=10, max_discount_price=100,
        start_at=datetime(2025, 7, 16), end_at=datetime(2025, 7, 20, 12), type="PRICE",
    )  # fmt: skip
    coupon_id = shop.settle(asked.requestedId).couponId
    assert coupon_id is not None
    got = shop.client.coupons.get(coupon_id)
    assert (got.startAt, got.endAt, got.type) == (
        "2025-07-16 00:00:00",
        "2025-07-20 12:00:00",
        "PRICE",
    )


def _body(**overrides: Any) -> dict[str, Any]:
    return {
        "contractId": 1, "name": "n", "maxDiscountPrice": 10, "discount": 100,
        "startAt": "2025-07-16 00:00:00", "endAt": "2025-12-31 00:00:00", "type": "RATE",
        **overrides,
    }  # fmt: skip


def test_pure_create_rules_at_the_bounds() -> None:
    now = datetime(2025, 7, 15, 23, 59, 59)
    assert rules.check_create_coupon(_body(), now) == []
    assert rules.check_create_coupon(_body(discount=0), now) == []
    late = rules.check_create_coupon(_body(startAt="2025-07-15 23:59:59"), now)
    assert [(v.field, v.rule) for v in late] == [("startAt", "start_next_day")]
    assert rules.check_create_coupon(_body(startAt="2025-07-15 23:59:59")) == []  # no clock
    over = rules.check_create_coupon(_body(endAt="2025-12-31 00:00:01"), now)
    assert [(v.field, v.rule) for v in over] == [("endAt", "same_year")]
    assert [v.rule for v in rules.check_create_coupon(_body(maxDiscountPrice=9))] == ["min_value"]
    assert rules.check_create_coupon(_body(type="PRICE", discount=5000)) == []
    assert [v.rule for v in rules.check_create_coupon(_body(type="PRICE", discount=0))] == [
        "min_value"
    ]


def test_pure_item_and_download_rules() -> None:
    assert rules.check_vendor_items({"vendorItems": list(range(1, 10_001))}) == []
    assert [v.rule for v in rules.check_vendor_items({"vendorItems": list(range(1, 10_002))})] == [
        "size"
    ]
    assert (
        rules.check_download_items({"couponItems": [{"couponId": 1, "vendorItemIds": [1] * 100}]})
        == []
    )
    policy = {"title": "p", "typeOfDiscount": "RATE", "discount": 99, "minimumPrice": 10,
              "maximumDiscountPrice": 10, "maximumPerDaily": 9999}  # fmt: skip
    assert rules.check_policies([policy]) == []
    assert [v.rule for v in rules.check_policies([{**policy, "maximumDiscountPrice": 9}])] == [
        "min_value"
    ]
    base = {"title": "t", "contractId": 1, "couponType": "DOWNLOAD", "userId": "u",
            "startDate": "2025-07-15 15:00:00", "endDate": "2025-07-16 00:00:00",
            "policies": [policy]}  # fmt: skip
    assert rules.check_download_create(base, datetime(2025, 7, 15, 14, 0)) == []
    late = rules.check_download_create(base, datetime(2025, 7, 15, 14, 0, 1))
    assert [(v.field, v.rule) for v in late] == [("startDate", "lead_time")]
    assert rules.check_action("expire") == [] and rules.check_action(None)[0].rule == "enum"
