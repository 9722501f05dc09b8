"""Page numbers, page sizes and tokens beyond any page: a 400 naming the parameter, never the
500 of an offset that overflows 64 bits (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest

from tests.coupons.conftest import Shop
from tests.no500.queries import LISTINGS
from tests.products.conftest import RawApi

HOSTILE = [str(2**63 - 1), str(2**63), "1e308", "-1", "0", "1.5", "true"]


@pytest.mark.parametrize(("path", "query", "names"), LISTINGS)
def test_hostile_paging_is_a_400_naming_the_parameter(
    shop: Shop, api: RawApi, path: str, query: dict[str, str], names: tuple[str, ...]
) -> None:
    coupon = shop.coupon()
    url = path.format(coupon=coupon, product=shop.market.product_id)
    assert api.get(url, params=query).status_code == 200
    for name in names:
        for value in HOSTILE:
            response = api.get(url, params={**query, name: value})
            assert response.status_code in (200, 400), (name, value, response.text)
            if response.status_code == 400:
                fields = {e["field"] for e in response.json().get("errors") or []}
                assert name in fields or name in response.json()["message"], response.text
