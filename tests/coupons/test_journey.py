"""The instant-coupon journey through HTTP (SDK -> sandbox): contract -> create (REQUESTED) ->
clock -> DONE -> items -> the coupon starts -> an order gets the discount on its sheet ->
lookup by order; budget use grows by the discount."""

from __future__ import annotations

from datetime import date, datetime

from coupang_seller.types.orders import OrderSheet
from tests.coupons.conftest import TO_START, Shop


def _sheet_item(shop: Shop, box: int) -> dict[str, object]:
    sheet: OrderSheet = shop.client.orders.get(box)
    item = sheet.orderItems[0].model_dump()
    return item


def test_journey_discount_on_the_order_sheet(shop: Shop) -> None:
    coupons = shop.client.coupons
    first = shop.items[0]
    contracts = coupons.list_contracts()
    assert [c.contractId for c in contracts] == [shop.contract.contractId]
    asked = coupons.create(
        contract_id=shop.contract.contractId, name="여름 10%", discount=10,
        max_discount_price=700, start_at=datetime(2025, 7, 16, 0, 0, 0), end_at=datetime(2025, 7, 31, 23, 59, 0),
        type="RATE",
    )  # fmt: skip
    assert asked.success is True
    pending = coupons.request_status(asked.requestedId)
    assert (pending.status, pending.type, pending.couponId) == ("REQUESTED", "COUPON_PUBLISH", None)
    done = shop.settle(asked.requestedId)
    assert done.status == "DONE" and done.succeeded == 1 and done.couponId is not None
    coupon_id = done.couponId
    assert coupons.get(coupon_id).status == "STANDBY"
    attach = shop.settle(coupons.add_items(coupon_id, vendor_items=[first]).requestedId)
    assert (attach.status, attach.total, attach.succeeded, attach.failed) == ("DONE", 1, 1, 0)
    item = coupons.get_item_by_vendor_item(coupon_id, first)
    assert (item.vendorItemId, item.status) == (first, "STANDBY")
    assert coupons.get_item(coupon_id, item.couponItemId).vendorItemId == first
    shop.client.sandbox.clock.advance(TO_START)
    assert coupons.get(coupon_id).status == "APPLIED"
    assert [c.couponId for c in coupons.list(status="APPLIED").content] == [coupon_id]
    placed = shop.market.visible_order({first: 2})
    line = _sheet_item(shop, placed.shipment_box_ids[0])
    price = int(str(line["salesPrice"]))
    expected = min(price * 10 // 100, 700) * 2
    assert line["discountPrice"] == expected
    found = coupons.list_by_order(placed.orderId)
    assert [(c.couponId, c.vendorItemId) for c in found] == [(coupon_id, first)]
    budget = coupons.budgets(contract_id=shop.contract.contractId, target_month=date(2025, 7, 1))
    assert [(b.totalBudgetAmount, b.usedBudgetAmount) for b in budget] == [(100_000, expected)]


def test_no_discount_before_the_start_or_without_items(shop: Shop) -> None:
    first, second = shop.items
    coupon_id = shop.coupon()
    shop.settle(shop.client.coupons.add_items(coupon_id, vendor_items=[first]).requestedId)
    placed = shop.market.visible_order({first: 1, second: 1})  # still STANDBY (before 16 Jul)
    for box in placed.shipment_box_ids:
        assert _sheet_item(shop, box)["discountPrice"] == 0
    shop.client.sandbox.clock.advance(TO_START)
    later = shop.market.visible_order({second: 1})  # running, but not on this item
    assert _sheet_item(shop, later.shipment_box_ids[0])["discountPrice"] == 0


def test_the_budget_bounds_the_discount(market: object) -> None:
    from tests.coupons.conftest import open_coupon_shop

    shop = open_coupon_shop(market, budget_per_month=150)  # type: ignore[arg-type]
    first = shop.items[0]
    coupon_id = shop.coupon(discount=50, max_discount_price=100_000)
    shop.settle(shop.client.coupons.add_items(coupon_id, vendor_items=[first]).requestedId)
    shop.client.sandbox.clock.advance(TO_START)
    one = shop.market.visible_order({first: 1})
    assert _sheet_item(shop, one.shipment_box_ids[0])["discountPrice"] == 150
    two = shop.market.visible_order({first: 1})
    assert _sheet_item(shop, two.shipment_box_ids[0])["discountPrice"] == 0
    [budget] = shop.client.coupons.budgets(target_month=date(2025, 7, 1))
    assert budget.usedBudgetAmount == 150
    assert shop.client.sandbox.coupons.get(coupon_id).usageAmount == 150


def test_expire_stops_the_discount(shop: Shop) -> None:
    first = shop.items[0]
    coupon_id = shop.coupon()
    shop.settle(shop.client.coupons.add_items(coupon_id, vendor_items=[first]).requestedId)
    shop.client.sandbox.clock.advance(TO_START)
    expired = shop.settle(shop.client.coupons.expire(coupon_id).requestedId)
    assert (expired.status, expired.type) == ("DONE", "COUPON_EXPIRE")
    assert shop.client.coupons.get(coupon_id).status == "EXPIRED"
    items = shop.client.coupons.list_items(coupon_id, status="EXPIRED")
    assert [i.vendorItemId for i in items.content] == [first]
    placed = shop.market.visible_order({first: 1})
    assert _sheet_item(shop, placed.shipment_box_ids[0])["discountPrice"] == 0
