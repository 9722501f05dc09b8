"""The async twin of ``client.products`` over ``httpx.ASGITransport``."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from coupang_seller import AsyncClient, Client, GoneError, PreflightError, ValidationError
from tests.products.conftest import Shop


async def test_async_lifecycle(aclient: AsyncClient, shop: Shop) -> None:
    products = aclient.products
    product_id = await products.create(shop.body(sku="ASYNC-1"), requested=True)
    assert (await products.get(product_id)).statusName == "승인대기중"
    with pytest.raises(ValidationError):
        await products.request_approval(product_id)
    review = await aclient.sandbox.products.review(product_id, result="APPROVED")
    item = review.items[0].vendorItemId
    assert item is not None

    await products.update_price(item, price=11000)
    await products.update_quantity(item, quantity=3)
    await products.update_original_price(item, original_price=20000)
    await products.stop_sales(item)
    inventory = await products.get_inventory(item)
    assert (inventory.salePrice, inventory.amountInStock, inventory.onSale) == (11000, 3, False)
    await products.resume_sales(item)
    assert await products.opt_in_auto_generated_options(item) == "SUCCESS"
    assert await products.opt_out_auto_generated_options(item) == "SUCCESS"
    assert await products.opt_in_auto_generated_options_for_all() == "SUCCESS"
    assert await products.opt_out_auto_generated_options_for_all() == "SUCCESS"

    partial = await products.get_partial(product_id)
    assert partial.sellerProductId == product_id
    await products.update_partial(product_id, changes={"returnCharge": 5000})

    history = [h.status_code async for h in products.iter_histories(product_id)]
    assert history == ["APPROVED", "APPROVING", "SAVED"]
    assert (await products.histories(product_id, max_per_page=1)).next_token == "2"

    found = [p.sellerProductId async for p in products.iter(max_per_page=1)]
    assert found == [product_id]
    assert (await products.list(status="APPROVED")).items[0].sellerProductId == product_id
    assert await products.find_id_by_external_sku("ASYNC-1") == product_id
    assert [p.sellerProductId for p in await products.get_by_external_sku("ASYNC-1")] == [
        product_id
    ]
    assert (await products.inflow_status()).registeredCount == 1

    now = datetime.now(UTC)
    window = await products.list_time_frame(now - timedelta(minutes=25), now + timedelta(minutes=1))
    assert [p.sellerProductId for p in window] == [product_id]

    body = (await products.get(product_id)).model_dump(mode="json", exclude_none=True)
    assert await products.update(body, requested=False) == product_id
    assert (await products.get(product_id)).statusName == "임시저장"

    await products.stop_sales(item)
    await products.stop_sales(int(review.items[1].vendorItemId or 0))
    await products.delete(product_id)
    assert (await products.get(product_id)).statusName == "상품삭제"


async def test_async_retired_and_preflight(aclient: AsyncClient, shop: Shop) -> None:
    with pytest.raises(GoneError):
        await aclient.products.list_exposed(product_name="x", next_token="2", max_per_page=5)
    with pytest.raises(GoneError):
        await aclient.products.set_best_price_guaranteed(3000000001, enabled=False)
    with pytest.raises(GoneError):
        await aclient.products.list_certifications()
    with pytest.raises(PreflightError):
        await aclient.products.create(shop.body(brand=""))
    with pytest.raises(PreflightError):
        await aclient.products.update_price(1, price=100000, current_price=1000)


async def test_async_update_reads_the_product_for_preflight(
    aclient: AsyncClient, client: Client, shop: Shop, catalog_module: Any
) -> None:
    from tests.products.conftest import other_leaf

    product_id = shop.create()
    body = client.products.get(product_id).model_dump(mode="json", exclude_none=True)
    body["displayCategoryCode"] = other_leaf(catalog_module, shop.category)
    with pytest.raises(PreflightError, match="category"):
        await aclient.products.update(body)
    with pytest.raises(PreflightError):
        await aclient.products.update_partial(product_id, changes={"brand": "x"})
