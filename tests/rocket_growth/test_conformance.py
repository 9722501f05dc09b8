"""Conformance of the Rocket Growth answers with the fields the reference documents.

The reference (post-2019 notes) gives no sample bodies for these endpoints, only the query
parameters and paging (``paidDateFrom``/``paidDateTo`` yyyymmdd, ``nextToken`` at the top level)
and, from the public client code it cites, these field names: orders
``{orderId, vendorId, paidAt, orderItems: [{vendorItemId, productName, salesQuantity,
unitSalesPrice, currency}]}`` and inventory summaries ``{vendorItemId, externalSkuId,
inventoryDetails: {totalOrderableQuantity}, salesCountMap: {SALES_COUNT_LAST_THIRTY_DAYS}}``.
The shapes below are those names, checked recursively (extra fields allowed); the single
order answers ``data`` as an object.
"""

from __future__ import annotations

from typing import Any

import httpx

from tests.cashback.test_conformance import missing_fields
from tests.rocket_growth.conftest import BASE, Market, RawApi

ORDER = {
    "orderId": 0, "vendorId": "", "paidAt": "",
    "orderItems": [{"vendorItemId": 0, "productName": "", "salesQuantity": 0,
                    "unitSalesPrice": 0, "currency": ""}],
}  # fmt: skip
LIST = {"code": 200, "message": "", "data": [ORDER], "nextToken": ""}
ONE = {"code": 200, "message": "", "data": ORDER}
INVENTORY = {
    "code": 200, "message": "", "nextToken": "",
    "data": [{"vendorItemId": 0, "externalSkuId": "",
              "inventoryDetails": {"totalOrderableQuantity": 0},
              "salesCountMap": {"SALES_COUNT_LAST_THIRTY_DAYS": 0}}],
}  # fmt: skip


def _json(response: httpx.Response) -> Any:
    assert response.status_code == 200, response.text
    return response.json()


def test_rocket_growth_answers_have_the_documented_fields(market: Market, api: RawApi) -> None:
    first, _ = market.items
    market.client.sandbox.rocket_growth.set_inventory(first, 3, external_sku_id="10000001")
    order = market.client.sandbox.rocket_growth.place_order({first: 1})
    listed = _json(
        api.get(f"{BASE}/orders", params={"paidDateFrom": "20250715", "paidDateTo": "20250715"})
    )
    assert missing_fields(LIST, listed) == []
    assert isinstance(listed["nextToken"], str)
    one = _json(api.get(f"{BASE}/order/{order.orderId}"))
    assert missing_fields(ONE, one) == [] and isinstance(one["data"], dict)
    assert one["data"]["paidAt"].isdigit()  # epoch milliseconds, as a string
    stock = _json(api.get(f"{BASE}/inventory/summaries"))
    assert missing_fields(INVENTORY, stock) == []
    assert stock["data"][0]["salesCountMap"]["SALES_COUNT_LAST_THIRTY_DAYS"] == 1
