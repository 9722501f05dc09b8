"""Cashback journeys through the SDK and the sandbox over HTTP: apply to listed options
(partial answers name the options that failed and why), look up, remove, apply again."""

from __future__ import annotations

from datetime import timedelta

import pytest

from coupang_seller import Client
from coupang_seller._exceptions import NotFoundError, ValidationError
from tests.cashback.conftest import NOW_KST, Market, RawApi, body, real_future


def test_apply_lookup_remove_and_apply_again(market: Market) -> None:
    seller = market.client
    first, second = market.items
    start, end = real_future(1), real_future(8)
    result = seller.cashback.apply(
        rule_id=3944, value_type="RATE", value=5, max_amount=1000,
        vendor_item_ids=[first, second, 999_999_999], start_at=start, end_at=end,
    )  # fmt: skip
    assert result.code == 206 and result.message == "PARTIAL_CONTENT"
    assert result.partial and result.succeeded == [first, second]
    assert list(result.failures) == [999_999_999]
    assert "doesn't belong to corresponding vendorId" in result.failures[999_999_999]

    rule = seller.cashback.get(3944, first)
    assert (rule.ruleId, rule.vendorId, str(rule.vendorItemId)) == (3944, "A00033333", str(first))
    assert (rule.valueType, rule.value, rule.maxAmount) == ("RATE", 5, 1000)
    assert rule.startAt == start.strftime("%Y-%m-%d %H:%M:%S")
    assert rule.endAt == end.strftime("%Y-%m-%d %H:%M:%S")
    assert rule.disabled is False and rule.disabledAt is None

    seller.cashback.remove(3944, first)
    removed = seller.cashback.get(3944, first)
    # removed at the sandbox clock's now, answered in Korean time
    assert removed.disabled is True
    assert removed.disabledAt == NOW_KST.strftime("%Y-%m-%d %H:%M:%S")
    assert seller.cashback.get(3944, second).disabled is False  # the other option keeps it
    with pytest.raises(ValidationError, match="event 'remove' is not allowed in state 'DISABLED'"):
        seller.cashback.remove(3944, first)

    again = seller.cashback.apply(
        rule_id=3944, value_type="FIXED", value=1000, vendor_item_ids=[first],
        start_at=start, end_at=end,
    )  # fmt: skip
    assert again.code == 200 and again.message == "OK" and not again.partial
    back = seller.cashback.get(3944, first)
    assert (back.disabled, back.disabledAt, back.valueType, back.value, back.maxAmount) == (
        False, None, "FIXED", 1000, 0,
    )  # fmt: skip


def test_overlapping_rule_fails_per_option_and_all_failed_is_400(market: Market) -> None:
    seller = market.client
    first, second = market.items
    start, end = real_future(1), real_future(8)
    seller.cashback.apply(
        rule_id=1, value_type="FIXED_WITH_QUANTITY", value=100, vendor_item_ids=[first],
        start_at=start, end_at=end,
    )  # fmt: skip
    partial = seller.cashback.apply(
        rule_id=2, value_type="FIXED", value=500, vendor_item_ids=[first, second],
        start_at=start + timedelta(days=2), end_at=end + timedelta(days=2),
    )  # fmt: skip
    assert partial.succeeded == [second]
    assert "already has cashback rule 1" in partial.failures[first]
    # after rule 1 ends, rule 2 fits on the first option too
    later = seller.cashback.apply(
        rule_id=3, value_type="FIXED", value=500, vendor_item_ids=[first],
        start_at=end, end_at=end + timedelta(days=1),
    )  # fmt: skip
    assert later.succeeded == [first]
    with pytest.raises(ValidationError, match="No vendorItemId took the cashback rule") as caught:
        seller.cashback.apply(
            rule_id=4, value_type="FIXED", value=500, vendor_item_ids=[first],
            start_at=start, end_at=end,
        )  # fmt: skip
    assert caught.value.body["data"]["successVendorItemIds"] == []
    # removing rule 1 frees the period
    seller.cashback.remove(1, first)
    assert seller.cashback.apply(
        rule_id=4, value_type="FIXED", value=500, vendor_item_ids=[first],
        start_at=start, end_at=end,
    ).succeeded == [first]  # fmt: skip


def test_options_of_another_vendor_are_not_listed(
    market: Market, other_client: Client, api: RawApi
) -> None:
    first, _ = market.items
    start, end = real_future(1), real_future(2)
    with pytest.raises(ValidationError, match="doesn't belong to corresponding vendorId"):
        other_client.cashback.apply(
            rule_id=7, value_type="FIXED", value=10, vendor_item_ids=[first],
            start_at=start, end_at=end,
        )  # fmt: skip
    market.client.cashback.apply(
        rule_id=7, value_type="FIXED", value=10, vendor_item_ids=[first], start_at=start,
        end_at=end,
    )  # fmt: skip
    with pytest.raises(NotFoundError):
        other_client.cashback.get(7, first)
    with pytest.raises(NotFoundError):
        other_client.cashback.remove(7, first)
    with pytest.raises(NotFoundError, match="no cashback rule 8"):
        market.client.cashback.get(8, first)
    # the path's vendorId must be the key owner's
    wrong = api.get(
        "/v2/providers/openapi/apis/api/v4/vendors/A00044444/products/items/cashback",
        params={"ruleId": 7, "vendorItemId": first},
    )
    assert wrong.status_code == 404


def test_season1_path_applies_and_removes(market: Market, api: RawApi) -> None:
    first, _ = market.items
    applied = api.post(
        "/v2/providers/greatwall_api/apis/api/v1/product/vendorItems-cashbacks",
        json=body([str(first)]),
    )
    assert applied.status_code == 200, applied.text
    assert applied.json()["data"]["successVendorItemIds"] == [str(first)]
    removed = api.request(
        "DELETE",
        "/v2/providers/greatwall_api/apis/api/v1/product/vendorItems-cashbacks",
        params={"ruleId": "3944", "vendorItemId": str(first)},
    )
    assert removed.status_code == 200 and removed.json() == {"code": "200", "message": "OK"}


def test_duplicate_ids_are_applied_once(market: Market, api: RawApi) -> None:
    first, _ = market.items
    answer = api.post(
        "/v2/providers/openapi/apis/api/v4/vendors/A00033333/products/items/cashback",
        json=body([first, str(first)]),
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["code"] == 200
    assert answer.json()["data"] == {"successVendorItemIds": [str(first)], "failVendorItemIds": []}
