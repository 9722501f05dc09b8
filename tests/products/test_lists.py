"""Lists: nextToken paging, filters, the 10-minute time frame (and the SDK's splitting),
external-SKU summary, registration quota, partial lookup/update, auto-generated options."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import httpx
import pytest

from coupang_seller import Client, ValidationError
from tests.products.conftest import SELLER_API, RawApi, Shop

PRODUCTS = f"{SELLER_API}/seller-products"
KST = timezone(timedelta(hours=9))


def _kst(moment: datetime) -> str:
    return moment.astimezone(KST).strftime("%Y-%m-%dT%H:%M:%S")


def test_paging_and_filters(client: Client, shop: Shop, api: RawApi) -> None:
    ids = [shop.create(name=f"필터 상품 {n}", sku=f"P-{n}") for n in range(5)]
    client.products.request_approval(ids[0])

    first = client.products.list(max_per_page=2)
    assert [p.sellerProductId for p in first.items] == ids[::-1][:2]
    assert first.next_token == "2"
    last = client.products.list(max_per_page=2, next_token="3")
    assert last.next_token is None
    assert last.nextToken == ""
    assert [p.sellerProductId for p in client.products.iter(max_per_page=2)] == ids[::-1]
    assert len(list(client.products.iter(limit=3))) == 3

    assert [p.sellerProductId for p in client.products.list(status="APPROVING").items] == [ids[0]]
    assert [
        p.sellerProductId for p in client.products.list(seller_product_name="상품 3").items
    ] == [ids[3]]
    assert [p.sellerProductId for p in client.products.list(seller_product_id=ids[2]).items] == [
        ids[2]
    ]
    assert len(client.products.list(manufacture=shop.body()["manufacture"]).items) == 5
    assert client.products.list(manufacture="없는 제조사").items == []
    today = datetime.now(UTC)
    assert len(client.products.list(created_at=today - timedelta(hours=1)).items) == 5
    assert client.products.list(created_at=today + timedelta(days=2)).items == []

    raw = api.get(PRODUCTS, params={"vendorId": shop.vendor_id, "maxPerPage": 2})
    body = raw.json()
    assert body["code"] == "SUCCESS" and body["nextToken"] == "2"
    row = body["data"][0]
    assert row["statusName"] == "임시저장" and row["vendorId"] == shop.vendor_id

    def refused(**params: Any) -> set[str]:
        response = api.get(PRODUCTS, params={"vendorId": shop.vendor_id, **params})
        assert response.status_code == 400, response.text
        return {e["field"] for e in response.json()["errors"]}

    assert refused(maxPerPage=101) == {"maxPerPage"}
    assert refused(maxPerPage="x") == {"maxPerPage"}
    assert refused(nextToken="0") == {"nextToken"}
    assert refused(sellerProductName="가" * 21) == {"sellerProductName"}
    assert refused(status="SOLD") == {"status"}
    assert refused(sellerProductId="x") == {"sellerProductId"}
    assert refused(createdAt="2024-01-01") == {"createdAt"}


def test_time_frame_window(client: Client, shop: Shop, api: RawApi) -> None:
    start = datetime(2031, 1, 1, 0, 0, tzinfo=UTC)
    # The shop was set up (the key issued) at real time; a key lives 180 days on the sandbox
    # clock, so the jump years ahead needs a longer lifetime.
    client.sandbox.vendors.set_key_policy(lifetime_days=36500)
    client.sandbox.clock.set(start, freeze=True)
    created = [shop.create(sku="TF-0")]
    for n in (1, 2):
        client.sandbox.clock.advance(12 * 60)
        created.append(shop.create(sku=f"TF-{n}"))

    window = {"vendorId": shop.vendor_id, "createdAtFrom": _kst(start)}
    ok = api.get(
        f"{PRODUCTS}/time-frame",
        params={**window, "createdAtTo": _kst(start + timedelta(minutes=10))},
    )
    assert ok.status_code == 200
    assert [p["sellerProductId"] for p in ok.json()["data"]] == created[:1]

    wide = api.get(
        f"{PRODUCTS}/time-frame",
        params={**window, "createdAtTo": _kst(start + timedelta(minutes=10, seconds=1))},
    )
    assert wide.status_code == 400
    assert wide.json()["code"] == "ERROR"
    assert {e["rule"] for e in wide.json()["errors"]} == {"max_window"}
    backwards = api.get(
        f"{PRODUCTS}/time-frame",
        params={**window, "createdAtTo": _kst(start - timedelta(minutes=1))},
    )
    assert {e["rule"] for e in backwards.json()["errors"]} == {"order"}
    missing = api.get(f"{PRODUCTS}/time-frame", params={"vendorId": shop.vendor_id})
    assert {e["field"] for e in missing.json()["errors"]} == {"createdAtFrom", "createdAtTo"}

    # the SDK cuts a 30-minute period into 10-minute calls and returns each product once
    found = client.products.list_time_frame(
        start - timedelta(seconds=1), start + timedelta(minutes=30)
    )
    assert sorted(p.sellerProductId for p in found) == sorted(created)
    naive = client.products.list_time_frame(
        datetime(2031, 1, 1, 9, 0), datetime(2031, 1, 1, 9, 12, 0, 500)
    )
    assert sorted(p.sellerProductId for p in naive) == sorted(created[:2])
    with pytest.raises(ValueError, match="naive"):
        client.products.list_time_frame(datetime(2031, 1, 1), start)


def test_time_frame_calls_are_ten_minutes_at_most() -> None:
    windows: list[tuple[str, str]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        params = request.url.params
        windows.append((params["createdAtFrom"], params["createdAtTo"]))
        data = [{"sellerProductId": 1, "statusName": "승인완료"}]
        return httpx.Response(200, json={"code": "SUCCESS", "message": "", "data": data})

    with Client(
        "ak",
        "sk",
        "A00000001",
        base_url="http://127.0.0.1",
        transport=httpx.MockTransport(handler),
        rate_limit=None,
    ) as client:
        rows = client.products.list_time_frame(
            datetime(2024, 3, 1, 0, 0, tzinfo=KST), datetime(2024, 3, 1, 0, 25, tzinfo=KST)
        )
    assert [row.sellerProductId for row in rows] == [1]  # de-duplicated
    assert windows == [
        ("2024-03-01T00:00:00", "2024-03-01T00:10:00"),
        ("2024-03-01T00:10:00", "2024-03-01T00:20:00"),
        ("2024-03-01T00:20:00", "2024-03-01T00:25:00"),
    ]


def test_external_sku_summary_and_quota(client: Client, shop: Shop, api: RawApi) -> None:
    assert client.products.find_id_by_external_sku("ABC-1") is None
    first = shop.create(sku="ABC-1")
    second = shop.create(sku="ABC-2")
    assert client.products.find_id_by_external_sku("ABC-1") == first
    assert client.products.find_id_by_external_sku("ABC-2-2") == second  # the second item's
    rows = client.products.get_by_external_sku("ABC-1")
    assert rows[0].createdAt is not None
    status = client.products.inflow_status()
    assert (status.vendorId, status.registeredCount, status.restricted) == (
        shop.vendor_id,
        2,
        False,
    )
    assert status.permittedCount is None
    client.products.delete(second)
    assert client.products.inflow_status().registeredCount == 1
    raw = api.get(f"{PRODUCTS}/external-vendor-sku-codes/NONE").json()
    assert raw == {"code": "SUCCESS", "message": "", "data": []}


def test_partial_lookup_and_update(client: Client, shop: Shop, api: RawApi) -> None:
    product_id, _ = shop.approved()
    partial = client.products.get_partial(product_id)
    assert partial.sellerProductId == product_id
    assert partial.returnCenterCode == shop.return_center
    assert partial.outboundShippingPlaceCode == shop.outbound
    client.products.update_partial(
        product_id, changes={"deliveryChargeOnReturn": 3000, "returnCharge": 4000}
    )
    client.products.update_partial(
        product_id,
        changes={"outboundShippingTimeDay": 2, "pccNeeded": False},
        existing=client.products.get(product_id),
    )
    after = client.products.get(product_id)
    assert (after.deliveryChargeOnReturn, after.returnCharge) == (3000, 4000)
    assert after.statusName == "승인완료"  # no new approval
    assert all(item.outboundShippingTimeDay == 2 for item in after.items)

    path = f"{PRODUCTS}/{product_id}/partial"
    mismatch = api.put(path, json={"sellerProductId": product_id + 1, "returnCharge": 4000})
    assert "업체상품아이디를 다시 확인해주세요." in mismatch.json()["message"]
    missing = api.put(path, json={"returnCharge": 4000})
    assert "업체상품아이디를 반드시 입력해주세요." in missing.json()["message"]
    wrong_field = api.put(path, json={"sellerProductId": product_id, "brand": "x"})
    assert "partial_field_not_allowed" in {e["rule"] for e in wrong_field.json()["errors"]}
    place = api.put(path, json={"sellerProductId": product_id, "outboundShippingPlaceCode": 1})
    assert "outbound_place_not_found" in {e["rule"] for e in place.json()["errors"]}
    with pytest.raises(ValidationError, match="cannot be changed by the approval-free update"):
        client.with_options(preflight=False).products.update_partial(
            product_id, changes={"brand": "x"}
        )

    saved = shop.create(sku="PARTIAL-SAVED")
    client.products.update_partial(saved, changes={"returnCharge": 5000})
    assert client.products.get(saved).returnCharge == 5000


def test_partial_of_a_deleted_product(client: Client, shop: Shop, api: RawApi) -> None:
    product_id = shop.create()
    client.products.delete(product_id)
    response = api.get(f"{PRODUCTS}/{product_id}/partial")
    assert response.status_code == 400
    assert "데이터가 없습니다" in response.json()["message"]


def test_auto_generated_options(client: Client, shop: Shop, api: RawApi) -> None:
    _, vendor_items = shop.approved()
    assert client.products.opt_in_auto_generated_options(vendor_items[0]) == "SUCCESS"
    assert client.products.opt_out_auto_generated_options(vendor_items[0]) == "SUCCESS"
    assert client.products.opt_in_auto_generated_options_for_all() == "SUCCESS"
    assert client.products.opt_out_auto_generated_options_for_all() == "SUCCESS"
    raw = api.post(f"{SELLER_API}/vendor-items/{vendor_items[1]}/auto-generated/opt-in")
    assert raw.json()["data"] == "success"
    assert api.post(f"{SELLER_API}/vendor-items/1/auto-generated/opt-in").status_code == 400
