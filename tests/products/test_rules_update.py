"""Full update, partial (approval-free) update and the vendor-item price / stock rules."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from coupang_seller.preflight import products as rules
from tests.products.rule_cases import (
    create,
    pairs,
    product,
    stored,
    update,
    update_body,
)

# -- full update -------------------------------------------------------------------------------


def test_unchanged_product_passes_and_an_item_can_be_added() -> None:
    existing = stored()
    assert update(update_body(existing), existing) == []
    body = update_body(existing)
    new_item = copy.deepcopy(product()["items"][1])
    new_item["itemName"] = "200ml_3개"
    new_item["attributes"][0]["attributeValueName"] = "3개"
    body["items"].append(new_item)
    assert update(body, existing) == []


def test_update_does_not_require_what_the_update_body_lacks() -> None:
    existing = stored()
    body = update_body(existing)
    for item in body["items"]:
        del item["unitCount"], item["pccNeeded"]
    assert update(body, existing) == []
    body["saleStartedAt"], body["saleEndedAt"] = "2020-01-01T00:00:00", "2021-01-01T00:00:00"
    assert update(body, existing) == []  # an ended sale period is not refused on update


def test_category_is_fixed_after_listing() -> None:
    existing = stored()
    body = update_body(existing)
    body["displayCategoryCode"] = 56138
    found = update(body, existing)
    assert ("displayCategoryCode", "category_fixed") in pairs(found)
    (fixed,) = [v for v in found if v.rule == "category_fixed"]
    assert "56137" in fixed.message
    assert "56138" in fixed.message


def test_offer_condition_is_fixed() -> None:
    existing = stored()
    body = update_body(existing)
    body["items"][0]["offerCondition"] = "REFURBISHED"
    assert pairs(update(body, existing)) == {("items[0].offerCondition", "offer_condition_fixed")}
    body = update_body(existing)
    del body["items"][1]["sellerProductItemId"], body["items"][1]["vendorItemId"]
    body["items"][1]["offerCondition"] = "USED_GOOD"
    assert ("items[1].offerCondition", "offer_condition_fixed") in pairs(update(body, existing))


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        ("sellerProductId", None, ("sellerProductId", "required")),
        ("sellerProductId", 42, ("sellerProductId", "seller_product_id_mismatch")),
        ("items.0.sellerProductItemId", 999, ("items[0].sellerProductItemId", "unknown_item")),
        (
            "items.1.sellerProductItemId",
            770000,
            ("items[1].sellerProductItemId", "item_id_duplicate"),
        ),
        ("items.0.salePrice", 12000, ("items[0].salePrice", "use_vendor_item_api")),
        ("items.0.originalPrice", 14000, ("items[0].originalPrice", "use_vendor_item_api")),
        ("items.1.maximumBuyCount", 7, ("items[1].maximumBuyCount", "use_vendor_item_api")),
    ],
)
def test_update_rule(path: str, value: Any, expected: tuple[str, str]) -> None:
    existing = stored()
    body = update_body(existing)
    target: Any = body
    *parents, last = path.split(".")
    for key in parents:
        target = target[int(key)] if key.isdigit() else target[key]
    target[last] = value
    found = pairs(update(body, existing))
    assert expected in found
    assert {rule for _, rule in found} <= {expected[1], "approved_item_removed"}


def test_prices_of_items_not_yet_approved_change_in_the_update() -> None:
    existing = stored(approved=False)
    body = update_body(existing)
    body["items"][0]["salePrice"] = 12000
    body["items"][0]["originalPrice"] = 15000
    assert update(body, existing) == []


def test_approved_item_cannot_be_removed() -> None:
    existing = stored()
    body = update_body(existing)
    body["items"].pop()
    found = update(body, existing)
    assert pairs(found) == {("items", "approved_item_removed")}
    assert "880001" in found[0].message
    not_approved = stored(approved=False)
    body = update_body(not_approved)
    body["items"].pop()
    assert update(body, not_approved) == []


def test_update_runs_the_create_rules_too() -> None:
    existing = stored()
    body = update_body(existing)
    body["deliveryCharge"] = 2500
    assert pairs(update(body, existing)) == {("deliveryCharge", "free_delivery_charge")}


def test_update_with_a_malformed_existing_product() -> None:
    body = update_body()
    found = pairs(update(body, "nope"))  # type: ignore[arg-type]
    assert found == {(f"items[{i}].sellerProductItemId", "unknown_item") for i in range(2)}
    assert pairs(update([], stored())) == {("body", "type")}  # type: ignore[arg-type]


def test_rules_never_mutate_their_inputs() -> None:
    body, existing = update_body(), stored()
    before = copy.deepcopy((body, existing))
    update(body, existing)
    create(body)
    rules.check_partial_update(body, existing)
    assert (body, existing) == before


# -- partial update ----------------------------------------------------------------------------

PID = 1320567890


def partial(
    body: dict[str, Any], existing: dict[str, Any] | None = None, **kw: Any
) -> set[tuple[str, str]]:
    return pairs(
        rules.check_partial_update(body, existing if existing is not None else stored(), **kw)
    )


def test_partial_update_of_delivery_fields() -> None:
    assert partial({"sellerProductId": PID}) == set()
    assert (
        partial(
            {
                "sellerProductId": str(PID),
                "deliveryChargeType": "NOT_FREE",
                "deliveryCharge": 3000,
                "deliveryChargeOnReturn": 0,
                "returnCharge": 3000,
                "outboundShippingTimeDay": 2,
                "pccNeeded": False,
                "sameDayShipping": {"active": False},
                "returnCenterCode": 1000274593,
            }
        )
        == set()
    )


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({}, {("sellerProductId", "required")}),
        ({"sellerProductId": 1}, {("sellerProductId", "seller_product_id_mismatch")}),
        (
            {"sellerProductId": PID, "sellerProductName": "새 이름"},
            {("sellerProductName", "partial_field_not_allowed")},
        ),
        ({"sellerProductId": PID, "items": []}, {("items", "partial_field_not_allowed")}),
        ({"sellerProductId": PID, "deliveryCharge": -1}, {("deliveryCharge", "min_value")}),
        ({"sellerProductId": PID, "deliveryMethod": "DRONE"}, {("deliveryMethod", "enum")}),
        ({"sellerProductId": PID, "returnAddress": ""}, {("returnAddress", "required")}),
        ({"sellerProductId": PID, "pccNeeded": "sometimes"}, {("pccNeeded", "type")}),
        ({"sellerProductId": PID, "sameDayShipping": "yes"}, {("sameDayShipping", "type")}),
        (
            {"sellerProductId": PID, "outboundShippingTimeDay": "tomorrow"},
            {("outboundShippingTimeDay", "type")},
        ),
        # consistency of the product as it would become
        (
            {"sellerProductId": PID, "deliveryCharge": 2500},
            {("deliveryCharge", "free_delivery_charge")},
        ),
        (
            {"sellerProductId": PID, "deliveryChargeType": "NOT_FREE", "deliveryCharge": 2500},
            {("deliveryChargeOnReturn", "delivery_charge_on_return")},
        ),
        ({"sellerProductId": PID, "returnCharge": 9000}, {("returnCharge", "return_charge_range")}),
        (
            {"sellerProductId": PID, "outboundShippingPlaceCode": None},
            {("outboundShippingPlaceCode", "union_needs_outbound_place")},
        ),
        (
            {"sellerProductId": PID, "deliveryChargeType": "CHARGE_RECEIVED"},
            {("unionDeliveryType", "union_no_cash_on_delivery")},
        ),
    ],
)
def test_partial_rule(body: dict[str, Any], expected: set[tuple[str, str]]) -> None:
    assert partial(body) == expected


def test_partial_update_leaves_old_inconsistencies_alone() -> None:
    existing = stored()
    existing["deliveryCharge"] = 2500  # FREE with a charge: stored long ago
    assert partial({"sellerProductId": PID, "returnChargeName": "새 반품지"}, existing) == set()
    assert partial({"sellerProductId": PID, "deliveryChargeType": "FREE"}, existing) == {
        ("deliveryCharge", "free_delivery_charge")
    }


def test_partial_remote_area_courier() -> None:
    body = {"sellerProductId": PID, "remoteAreaDeliverable": "Y"}
    assert partial(body) == set()
    assert partial(body, outbound_couriers=["HANJIN"]) == {
        ("deliveryCompanyCode", "courier_not_registered")
    }
    assert partial({**body, "deliveryCompanyCode": "HANJIN"}, outbound_couriers=["HANJIN"]) == set()


def test_partial_odd_inputs() -> None:
    assert partial([]) == {("body", "type")}  # type: ignore[arg-type]
    assert pairs(rules.check_partial_update({"sellerProductId": PID, 3: "x"}, "no")) == {  # type: ignore[arg-type, dict-item]
        ("3", "partial_field_not_allowed")
    }


# -- vendor-item APIs --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("current", "new", "force", "expected"),
    [
        (10000, 5000, False, []),
        (10000, 20000, False, []),
        (10000, 4990, False, ["price_change_range"]),
        (10000, 20010, False, ["price_change_range"]),
        (10000, 4990, True, []),
        (10000, 90000, True, []),
        (10010, 5010, False, []),  # 50 % of 10,010 is 5,005: 5,010 is within
        (10000, 0, False, ["price_positive"]),
        (10000, -10, True, ["price_positive"]),
        (10000, 10005, False, ["price_step"]),
        (10000, "x", False, ["type"]),
        (0, 50000, False, []),  # no usable current price: only the price itself is checked
        ("?", 50000, False, []),
    ],
)
def test_price_change(current: Any, new: Any, force: bool, expected: list[str]) -> None:
    found = rules.check_price_change(current, new, force=force)
    assert [v.rule for v in found] == expected
    assert all(v.field == "price" for v in found)


def test_price_change_message_names_the_window() -> None:
    (violation,) = rules.check_price_change(10000, 30000, force=False)
    assert "5,000" in violation.message
    assert "20,000" in violation.message
    assert "forceSalePriceUpdate" in violation.message


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, []),
        (13000, []),
        ("13000", []),
        (13005, ["original_price_step"]),
        (-10, ["min_value"]),
        (None, ["type"]),
    ],
)
def test_original_price(value: Any, expected: list[str]) -> None:
    found = rules.check_original_price(value)
    assert [v.rule for v in found] == expected
    assert all(v.field == "originalPrice" for v in found)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, []),
        (99_999, []),
        (100_000, ["quantity_range"]),
        (-1, ["quantity_range"]),
        (1.5, ["type"]),
        (True, ["type"]),
    ],
)
def test_quantity(value: Any, expected: list[str]) -> None:
    found = rules.check_quantity(value)
    assert [v.rule for v in found] == expected
    assert all(v.field == "quantity" for v in found)
