"""The async clients: the same journey through AsyncCoupons / AsyncDownloadCoupons."""

from __future__ import annotations

from datetime import datetime

import pytest

from coupang_seller import AsyncClient, GoneError, PreflightError
from tests.orders.conftest import START


async def test_async_coupon_journey(aclient: AsyncClient) -> None:
    await aclient.sandbox.clock.set(START, freeze=True)
    contract = await aclient.sandbox.coupons.create_contract(budget_per_month=5000)
    assert [c.contractId for c in await aclient.coupons.list_contracts()] == [contract.contractId]
    got = await aclient.coupons.get_contract(contract.contractId)
    assert got.type == "CONTRACT_BASED"
    asked = await aclient.coupons.create(
        contract_id=contract.contractId, name="a", discount=5, max_discount_price=100,
        start_at=datetime(2025, 7, 16, 0, 0, 0), end_at=datetime(2025, 7, 20, 0, 0, 0), type="RATE",
    )  # fmt: skip
    assert (await aclient.coupons.request_status(asked.requestedId)).status == "REQUESTED"
    await aclient.sandbox.clock.advance(11)
    done = await aclient.coupons.wait(asked.requestedId, timeout=1, interval=0.01)
    assert done.status == "DONE" and done.couponId is not None
    attach = await aclient.coupons.add_items(done.couponId, vendor_items=[987654])
    await aclient.sandbox.clock.advance(11)
    failed = await aclient.coupons.request_status(attach.requestedId)
    assert failed.status == "FAIL" and failed.failedVendorItems[0].vendorItemId == 987654
    page = await aclient.coupons.list(status="STANDBY")
    assert [c.couponId for c in page.content] == [done.couponId]
    [budget] = await aclient.coupons.budgets()
    assert budget.totalBudgetAmount == 5000
    with pytest.raises(GoneError):
        await aclient.coupons.list_by_order_v1(1)
    with pytest.raises(PreflightError):
        await aclient.coupons.add_items(done.couponId, vendor_items=[])
    with pytest.raises(TimeoutError):
        again = await aclient.coupons.expire(done.couponId)
        await aclient.coupons.wait(again.requestedId, timeout=0.05, interval=0.01)


async def test_async_download(aclient: AsyncClient) -> None:
    await aclient.sandbox.clock.set(START, freeze=True)
    contract = await aclient.sandbox.coupons.create_contract(type="NON_CONTRACT_BASED")
    assert contract.vendorContractId == -1
    coupon = await aclient.download_coupons.create(
        contract_id=contract.contractId, title="t", start_date=datetime(2025, 7, 15, 15, 0, 0),
        end_date=datetime(2025, 7, 20, 0, 0, 0), user_id="u",
        policies=[{"title": "p", "typeOfDiscount": "RATE", "discount": 10, "minimumPrice": 1000,
                   "maximumDiscountPrice": 500, "maximumPerDaily": 1}],
    )  # fmt: skip
    assert coupon.couponPolicies[0].maximumPerDaily == 1
    got = await aclient.download_coupons.get(coupon.couponId)
    assert got.couponPolicies[0].maximumPerDay == 1
    [result] = await aclient.download_coupons.expire(coupon.couponId, user_id="u")
    assert result.transaction_id is not None
    await aclient.sandbox.clock.advance(11)
    status = await aclient.download_coupons.wait(result.transaction_id, timeout=1, interval=0.01)
    assert status.status == "DONE"
    assert (await aclient.download_coupons.get(coupon.couponId)).couponStatus == "EXPIRED"
