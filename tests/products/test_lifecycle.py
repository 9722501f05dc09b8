"""The product lifecycle through the SDK against the sandbox (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from coupang_seller import Client, ValidationError
from coupang_seller.types.product_responses import status_code
from tests.products.conftest import Shop


def test_create_request_review_items_history(client: Client, shop: Shop) -> None:
    products = client.products
    product_id = shop.create(sku="LIFE-1")
    product = products.get(product_id)
    assert product.sellerProductId == product_id
    assert product.statusName == "임시저장"
    assert [item.vendorItemId for item in product.items] == [None, None]
    assert all(item.sellerProductItemId for item in product.items)
    assert product.displayCategoryCode == shop.category
    assert product.outboundShippingPlaceCode == shop.outbound

    products.request_approval(product_id)
    assert products.get(product_id).statusName == "승인대기중"

    review = client.sandbox.products.review(product_id, result="APPROVED", reason="ok")
    assert review.status == "APPROVED"
    assert all(item.vendorItemId for item in review.items)
    approved = products.get(product_id)
    assert approved.statusName == "승인완료"
    vendor_item = approved.items[0].vendorItemId
    assert vendor_item is not None
    assert [i.vendorItemId for i in approved.items] == [i.vendorItemId for i in review.items]

    inventory = products.get_inventory(vendor_item)
    assert inventory.sellerItemId == vendor_item
    assert inventory.salePrice == 10000
    assert inventory.onSale is True

    products.update_price(vendor_item, price=12000)
    products.update_quantity(vendor_item, quantity=42)
    products.update_original_price(vendor_item, original_price=15000)
    inventory = products.get_inventory(vendor_item)
    assert (inventory.salePrice, inventory.amountInStock) == (12000, 42)
    item = products.get(product_id).items[0]
    assert (item.salePrice, item.originalPrice, item.maximumBuyCount) == (12000, 15000, 42)

    products.stop_sales(vendor_item)
    assert products.get_inventory(vendor_item).onSale is False
    products.stop_sales(vendor_item)  # stopping a stopped item succeeds, as on Coupang
    products.resume_sales(vendor_item)
    assert products.get_inventory(vendor_item).onSale is True

    history = list(products.iter_histories(product_id))
    assert [h.status_code for h in history] == ["APPROVED", "APPROVING", "SAVED"]
    assert history[0].comment is not None and "ok" in history[0].comment
    assert history[-1].createdBy == "et5"  # the body's vendorUserId


def test_requested_on_create_then_auto_approval_by_clock(client: Client, shop: Shop) -> None:
    frozen = datetime(2030, 5, 1, 3, 0, tzinfo=UTC)
    # The shop was set up (the key issued) at real time; a key lives 180 days on the sandbox
    # clock, so the jump years ahead needs a longer lifetime.
    client.sandbox.vendors.set_key_policy(lifetime_days=36500)
    client.sandbox.clock.set(frozen, freeze=True)
    product_id = shop.create(requested=True)
    assert client.products.get(product_id).statusName == "승인대기중"
    client.sandbox.clock.advance(599)
    assert client.products.get(product_id).statusName == "승인대기중"
    client.sandbox.clock.advance(2)
    product = client.products.get(product_id)
    assert product.statusName == "승인완료"
    assert all(item.vendorItemId for item in product.items)
    newest = client.products.histories(product_id).items[0]
    assert newest.status_code == "APPROVED"
    assert newest.createdBy == "쿠팡 셀러 시스템"
    # the review happened when it was due (600 s after the request), in Korean time
    assert newest.createdAt == (frozen + timedelta(hours=9, seconds=600)).strftime(
        "%Y-%m-%dT%H:%M:%S"
    )


def test_listing_also_settles_due_reviews(client: Client, shop: Shop) -> None:
    product_id = shop.create(requested=True)
    client.sandbox.clock.advance(601)
    rows = client.products.list(status="APPROVED").items
    assert [row.sellerProductId for row in rows] == [product_id]
    assert rows[0].status == "APPROVED"


def test_partial_approval_and_denial(client: Client, shop: Shop) -> None:
    first = shop.create(requested=True, items=3)
    items = client.products.get(first).items
    chosen = [int(items[1].sellerProductItemId or 0)]
    review = client.sandbox.products.review(
        first, result="PARTIAL_APPROVED", approved_item_ids=chosen
    )
    assert review.statusName == "부분승인완료"
    assert [i.vendorItemId is not None for i in review.items] == [False, True, False]

    second = shop.create(requested=True, sku="DENY")
    denied = client.sandbox.products.review(second, result="DENIED", reason="이미지 불량")
    assert denied.status == "DENIED"
    assert all(i.vendorItemId is None for i in denied.items)
    assert status_code(client.products.get(second).statusName) == "DENIED"
    assert "이미지 불량" in (client.products.histories(second).items[0].comment or "")

    # a denied product is fixed with a full update, which can ask for approval again
    body = client.products.get(second).model_dump(mode="json", exclude_none=True)
    client.products.update(body, requested=True)
    assert client.products.get(second).statusName == "승인대기중"


def test_partial_approval_default_is_first_item(client: Client, shop: Shop) -> None:
    product_id = shop.create(requested=True)
    review = client.sandbox.products.review(product_id, result="PARTIAL_APPROVED")
    assert [i.vendorItemId is not None for i in review.items] == [True, False]


def test_approval_request_only_from_saved(client: Client, shop: Shop) -> None:
    product_id = shop.create(requested=True)
    with pytest.raises(ValidationError) as caught:
        client.products.request_approval(product_id)
    assert caught.value.status_code == 400
    assert caught.value.code == "ERROR"
    assert "'임시저장' 상태에서만 '승인요청'이 가능합니다." in caught.value.message
    assert "APPROVING" in caught.value.message
