"""Every documented limit refused over HTTP (400 in the fms envelope naming field and rule),
business failures shown as FAIL in the request status, and the retired paths (410)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.coupons.conftest import (
    FMS1,
    FMS2,
    LATER,
    LATER_AT,
    TOMORROW,
    TOMORROW_AT,
    RawApi,
    Shop,
    fms_errors,
)


def _create_body(shop: Shop, **overrides: Any) -> dict[str, Any]:
    return {
        "contractId": shop.contract.contractId,
        "name": "coupon",
        "maxDiscountPrice": 1000,
        "discount": 10,
        "startAt": TOMORROW,
        "endAt": LATER,
        "type": "RATE",
        **overrides,
    }


@pytest.mark.parametrize(
    ("overrides", "field", "rule"),
    [
        ({"discount": 101}, "discount", "range"),
        ({"discount": -1}, "discount", "range"),
        ({"maxDiscountPrice": 9}, "maxDiscountPrice", "min_value"),
        ({"name": "x" * 51}, "name", "max_length"),
        ({"name": ""}, "name", "required"),
        ({"type": "BOGUS"}, "type", "enum"),
        ({"startAt": "2025-13-05 00:00:00"}, "startAt", "format"),
        ({"endAt": "2025/07/31"}, "endAt", "format"),
        ({"startAt": "2025-07-15 23:00:00"}, "startAt", "start_next_day"),
        ({"endAt": "2025-07-15 23:00:00", "startAt": TOMORROW}, "endAt", "order"),
        ({"endAt": "2025-12-31 12:00:00"}, "endAt", "same_year"),
        ({"contractId": "abc"}, "contractId", "type"),
        ({"contractId": 999_999}, "contractId", "not_found"),
    ],
)
def test_create_limits(
    shop: Shop, api: RawApi, overrides: dict[str, Any], field: str, rule: str
) -> None:
    response = api.post(f"{FMS2}/coupon", json=_create_body(shop, **overrides))
    assert response.status_code == 400, response.text
    body = response.json()
    assert (field, rule) in fms_errors(body)
    assert body["httpStatus"] == 400 and body["errorMessage"]


def test_older_create_path_is_served_alike(shop: Shop, api: RawApi) -> None:
    response = api.post(f"{FMS1}/coupons", json=_create_body(shop, discount=200))
    assert response.status_code == 400
    assert ("discount", "range") in fms_errors(response.json())
    ok = api.post(f"{FMS1}/coupons", json=_create_body(shop))
    assert ok.status_code == 200 and ok.json()["data"]["content"]["requestedId"]


def test_coupon_outside_the_contract(market: Any, api: RawApi) -> None:
    from tests.coupons.conftest import open_coupon_shop

    shop = open_coupon_shop(market, start="2025-07-01 00:00:00", end="2025-07-20 23:59:59")
    response = api.post(f"{FMS2}/coupon", json=_create_body(shop))
    assert response.status_code == 400
    assert ("endAt", "contract_period") in fms_errors(response.json())


@pytest.mark.parametrize(
    ("items", "field", "rule"),
    [([], "vendorItems", "size"), (list(range(1, 10_002)), "vendorItems", "size"),
     (["x"], "vendorItems[0]", "type")],
)  # fmt: skip
def test_item_batch_limits(
    shop: Shop, api: RawApi, items: list[Any], field: str, rule: str
) -> None:
    coupon_id = shop.coupon()
    for method, query in (("POST", {}), ("PUT", {"action": "expire"})):
        response = api.request(
            method, f"{FMS1}/coupons/{coupon_id}/items", params=query, json={"vendorItems": items}
        )
        assert response.status_code == 400, response.text
        assert (field, rule) in fms_errors(response.json())


def test_expire_paths_need_action_expire(shop: Shop, api: RawApi) -> None:
    coupon_id = shop.coupon()
    response = api.put(f"{FMS1}/coupons/{coupon_id}", params={"action": "delete"})
    assert response.status_code == 400
    assert ("action", "enum") in fms_errors(response.json())
    response = api.put(f"{FMS1}/coupons/{coupon_id}/items", json={"vendorItems": [shop.items[0]]})
    assert ("action", "enum") in fms_errors(response.json())


@pytest.mark.parametrize(
    ("params", "field", "rule"),
    [
        ({"status": "NOPE"}, "status", "enum"),
        ({}, "status", "required"),
        ({"status": "APPLIED", "page": 0}, "page", "min_value"),
        ({"status": "APPLIED", "size": 1001}, "size", "range"),
        ({"status": "APPLIED", "sort": "up"}, "sort", "enum"),
    ],
)
def test_list_limits(
    shop: Shop, api: RawApi, params: dict[str, Any], field: str, rule: str
) -> None:
    response = api.get(f"{FMS2}/coupons", params=params)
    assert response.status_code == 400
    assert (field, rule) in fms_errors(response.json())


def test_item_list_and_lookup_limits(shop: Shop, api: RawApi) -> None:
    coupon_id = shop.coupon()
    response = api.get(f"{FMS1}/coupons/{coupon_id}/items", params={"status": "DETACHED"})
    assert ("status", "enum") in fms_errors(response.json())
    response = api.get(f"{FMS1}/coupons/{coupon_id}/items/1", params={"type": "sku"})
    assert ("type", "enum") in fms_errors(response.json())
    response = api.get(f"{FMS1}/budgets", params={"targetMonth": "2025-7"})
    assert ("targetMonth", "format") in fms_errors(response.json())
    response = api.get(f"{FMS2}/contract", params={})
    assert ("contractId", "required") in fms_errors(response.json())


def test_expire_refused_while_another_request_is_pending(shop: Shop) -> None:
    coupons = shop.client.coupons
    coupon_id = shop.coupon()
    attach = coupons.add_items(coupon_id, vendor_items=[shop.items[0]])
    refused = coupons.expire(coupon_id)
    assert refused.success is False
    status = coupons.request_status(refused.requestedId)
    assert (status.status, status.type) == ("FAIL", "COUPON_EXPIRE")
    assert shop.settle(attach.requestedId).status == "DONE"
    assert coupons.get(coupon_id).status != "EXPIRED"
    accepted = coupons.expire(coupon_id)
    assert accepted.success is True
    assert shop.settle(accepted.requestedId).status == "DONE"
    assert coupons.get(coupon_id).status == "EXPIRED"


def test_fail_paths_in_the_request_status(shop: Shop, other_client: Any) -> None:
    coupons = shop.client.coupons
    first, second = shop.items
    one = shop.coupon()
    two = shop.coupon()
    shop.settle(coupons.add_items(one, vendor_items=[first]).requestedId)
    # first sits in coupon one; 999 is nobody's item
    status = shop.settle(coupons.add_items(two, vendor_items=[first, 999, second]).requestedId)
    assert (status.status, status.total, status.succeeded, status.failed) == ("DONE", 3, 1, 2)
    reasons = {f.vendorItemId: f.reason or "" for f in status.failedVendorItems}
    assert reasons[first].startswith("[CIR08]") and reasons[999].startswith("[CIR06]")
    # every item refused -> FAIL
    status = shop.settle(coupons.add_items(two, vendor_items=[first]).requestedId)
    assert status.status == "FAIL"
    # an id that is no item of this vendor
    status = shop.settle(coupons.add_items(one, vendor_items=[424242]).requestedId)
    assert status.status == "FAIL"
    # removing an item that is not in the coupon
    status = shop.settle(coupons.expire_items(two, vendor_items=[first]).requestedId)
    assert status.status == "FAIL" and status.failedVendorItems[0].reason
    # removing the last item detaches the coupon
    status = shop.settle(coupons.expire_items(one, vendor_items=[first]).requestedId)
    assert status.status == "DONE"
    assert coupons.get(one).status == "DETACHED"
    assert coupons.get_item_by_vendor_item(one, first).status == "EXPIRED"


def test_budget_used_up_fails_the_creation(market: Any) -> None:
    from tests.coupons.conftest import open_coupon_shop

    shop = open_coupon_shop(market, budget_per_month=0)
    asked = shop.client.coupons.create(
        contract_id=shop.contract.contractId, name="n", discount=10, max_discount_price=100,
        start_at=TOMORROW_AT, end_at=LATER_AT, type="RATE",
    )  # fmt: skip
    status = shop.settle(asked.requestedId)
    assert status.status == "FAIL" and status.couponId is None


def test_other_vendor_sees_nothing(shop: Shop, other_client: Any) -> None:
    from coupang_seller import NotFoundError

    coupon_id = shop.coupon()
    with pytest.raises(NotFoundError):
        other_client.coupons.get(coupon_id)
    assert other_client.coupons.list_contracts() == []


def test_retired_paths_answer_410(shop: Shop, api: RawApi) -> None:
    from coupang_seller import GoneError

    response = api.post(f"{FMS2}/contract/create/non_contract_info")
    assert response.status_code == 410
    response = api.get(f"{FMS1}/8000000000294/coupons")
    assert response.status_code == 410
    with pytest.raises(GoneError):
        shop.client.coupons.create_free_contract()
    with pytest.raises(GoneError):
        shop.client.coupons.list_by_order_v1(1)
    assert api.get(f"{FMS2}/8000000000294/coupons").status_code == 404


def test_unknown_ids(shop: Shop, api: RawApi) -> None:
    assert api.get(f"{FMS1}/requested/123").status_code == 404
    assert api.get(f"{FMS2}/coupon", params={"couponId": 1}).status_code == 404
    response = api.get(f"{FMS2}/coupon", params={"couponId": "x"})
    assert ("couponId", "type") in fms_errors(response.json())
