"""The inputs of issue 9 that answered HTTP 500, through the real HTTP path (SQLite and
PostgreSQL): each is now a 400 in Coupang's envelope naming the field, and nothing is stored."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from coupang_sandbox.store import coupons as cdb
from tests.coupons.conftest import FMS1, VID, Shop
from tests.orders.conftest import V4, V5, WING, Market
from tests.products.conftest import RawApi

BIG = 2**63


def refused(response: httpx.Response) -> set[tuple[str, str]]:
    """The ``(field, rule)`` pairs of a 400 in the envelope (never a 500)."""
    assert response.status_code == 400, response.text
    payload = response.json()
    assert payload["code"] == 400 and payload["message"]
    return {(e["field"], e["rule"]) for e in payload.get("errors") or []}


def cancel_body(market: Market, order_id: Any) -> dict[str, Any]:
    return {
        "orderId": order_id,
        "vendorItemIds": [market.items[0]],
        "receiptCounts": [1],
        "bigCancelCode": "CANERR",
        "middleCancelCode": "CCPNER",
        "userId": "wing-user",
        "vendorId": VID,
    }


@pytest.mark.parametrize("base", [f"{V5}", f"{WING}/v5/vendors"])
@pytest.mark.parametrize("path_id", ["abc", "0", "-1", str(BIG)])
def test_cancel_with_a_path_order_id_that_is_not_an_id(
    market: Market, api: RawApi, base: str, path_id: str
) -> None:
    placed = market.visible_order()
    response = api.post(
        f"{base}/{VID}/orders/{path_id}/cancel", json=cancel_body(market, placed.orderId)
    )
    assert ("orderId", "id_format") in refused(response)
    # nothing was cancelled
    sheets = api.get(f"{V4}/{VID}/{placed.orderId}/ordersheets").json()["data"]
    assert {sheet["status"] for sheet in sheets} == {"ACCEPT"}


@pytest.mark.parametrize("order_id", [1e308, 1.0, True, "x"])
def test_cancel_with_a_body_order_id_that_is_not_an_id(
    market: Market, api: RawApi, order_id: Any
) -> None:
    placed = market.visible_order()
    response = api.post(
        f"{V5}/{VID}/orders/{placed.orderId}/cancel", json=cancel_body(market, order_id)
    )
    assert ("orderId", "id_format") in refused(response)


def test_next_token_beyond_18_digits(market: Market, api: RawApi) -> None:
    market.visible_order()
    params = {
        "createdAtFrom": "2025-07-15",
        "createdAtTo": "2025-07-15",
        "status": "ACCEPT",
        "nextToken": str(BIG - 1),
    }
    response = api.get(f"{V5}/{VID}/ordersheets", params=params)
    assert ("nextToken", "format") in refused(response)


@pytest.mark.parametrize("value", [BIG, -1, 0, 1e308, 1.5, True])
def test_cancel_ids_that_are_not_ids(market: Market, api: RawApi, value: Any) -> None:
    response = api.post(f"{V4}/{VID}/returnWithdrawList", json={"cancelIds": [value]})
    assert ("cancelIds", "type") in refused(response)


@pytest.mark.parametrize("value", [1e308, BIG, 1.0, True])
def test_shipment_box_id_that_is_not_an_id_in_an_invoice(
    market: Market, api: RawApi, value: Any
) -> None:
    placed = market.instructed()
    line = {
        "shipmentBoxId": value,
        "orderId": placed.orderId,
        "vendorItemId": market.items[0],
        "deliveryCompanyCode": "CJGLS",
        "invoiceNumber": "123456789012",
        "splitShipping": False,
        "preSplitShipped": False,
        "estimatedShippingDate": "",
    }
    body = {"vendorId": VID, "orderSheetInvoiceApplyDtos": [line]}
    for tail in ("orders/invoices", "orders/updateInvoices"):
        response = api.post(f"{V4}/{VID}/{tail}", json=body)
        assert ("orderSheetInvoiceApplyDtos[0].shipmentBoxId", "required") in refused(response)


@pytest.mark.parametrize("value", [1e308, BIG, 1.0, True])
def test_shipment_box_ids_that_are_not_ids_in_an_acknowledgement(
    market: Market, api: RawApi, value: Any
) -> None:
    response = api.put(
        f"{V4}/{VID}/ordersheets/acknowledgement",
        json={"vendorId": VID, "shipmentBoxIds": [value]},
    )
    assert ("shipmentBoxIds[0]", "type") in refused(response)


@pytest.mark.parametrize("value", [BIG, 10**30, 1e308, 1.0, True, -5])
def test_coupon_items_that_are_not_ids_are_refused_at_the_write(
    shop: Shop, api: RawApi, value: Any
) -> None:
    coupon_id = shop.coupon()
    for method in ("POST", "PUT"):
        response = api.request(
            method,
            f"{FMS1}/coupons/{coupon_id}/items",
            params={"action": "expire"} if method == "PUT" else None,
            json={"vendorItems": [value]},
        )
        assert ("vendorItems[0]", "type") in refused(response)
    # nothing poisoned: the vendor's coupon reads still answer
    shop.client.sandbox.clock.advance(60)
    items = api.get(f"{FMS1}/coupons/{coupon_id}/items", params={"status": "APPLIED"})
    assert items.status_code == 200, items.text
    assert shop.client.coupons.get(coupon_id).couponId == coupon_id


def test_a_stored_request_with_a_poisoned_item_fails_instead_of_every_read(
    shop: Shop, api: RawApi, app: Starlette
) -> None:
    """A request row written by an older sandbox (before the write-time check) holding
    ``vendorItems: [2**63]``: settling it fails that request, the vendor's reads go on."""
    coupon_id = shop.coupon()
    requested = shop.client.coupons.add_items(coupon_id, vendor_items=[shop.items[0]])
    store = app.state.sandbox.store
    with store.engine.begin() as conn:
        cdb.request_update(conn, requested.requestedId, {"payload": {"vendorItems": [BIG]}})
    status = shop.settle(requested.requestedId)
    assert status.status == "FAIL"
    assert shop.client.coupons.get(coupon_id).couponId == coupon_id
    listed = api.get(f"{FMS1}/coupons/{coupon_id}/items", params={"status": "APPLIED"})
    assert listed.status_code == 200, listed.text
