"""The async surface (``AsyncClient.cashback``) over httpx.ASGITransport."""

from __future__ import annotations

import pytest

from coupang_seller import AsyncClient
from coupang_seller._exceptions import NotFoundError, PreflightError
from tests.cashback.conftest import Market, real_future


async def test_async_cashback(market: Market, aclient: AsyncClient) -> None:
    first, second = market.items
    result = await aclient.cashback.apply(
        rule_id=12, value_type="FIXED_WITH_QUANTITY", value=300,
        vendor_item_ids=[first, second], start_at=real_future(1), end_at=real_future(3),
    )  # fmt: skip
    assert result.code == 200 and result.succeeded == [first, second]
    rule = await aclient.cashback.get(12, second)
    assert (rule.valueType, rule.value, rule.disabled) == ("FIXED_WITH_QUANTITY", 300, False)
    await aclient.cashback.remove(12, second)
    assert (await aclient.cashback.get(12, second)).disabled is True
    with pytest.raises(NotFoundError):
        await aclient.cashback.get(13, second)
    with pytest.raises(PreflightError, match="lead_time"):
        await aclient.cashback.apply(
            rule_id=12, value_type="FIXED", value=1, vendor_item_ids=[first],
            start_at=real_future(0.05), end_at=real_future(3),
        )  # fmt: skip
