"""Every refusal of the product APIs: state rules, delete rules, price guard, validation,
category fixed, vendor isolation, retired endpoints. SDK and raw HTTP."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from coupang_seller import (
    Client,
    GoneError,
    PreflightError,
    ValidationError,
)
from tests.products.conftest import OTHER, SELLER_API, RawApi, Shop, other_leaf

PRODUCTS = f"{SELLER_API}/seller-products"
ITEMS = f"{SELLER_API}/vendor-items"


def _error(response: httpx.Response, status: int = 400) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json;charset=UTF-8"
    body: dict[str, Any] = response.json()
    assert body["data"] is None
    assert isinstance(body["message"], str) and body["message"]
    return body


def _rules(response: httpx.Response) -> set[str]:
    return {e["rule"] for e in response.json().get("errors", [])}


# -- state --------------------------------------------------------------------------------------


def test_no_edits_while_waiting_for_approval(client: Client, shop: Shop, api: RawApi) -> None:
    product_id = shop.create(requested=True)
    body = client.products.get(product_id).model_dump(mode="json", exclude_none=True)

    response = api.put(PRODUCTS, json=body)
    error = _error(response)
    assert error["code"] == "ERROR"
    assert error["message"].startswith("승인 대기중 상품은 수정할 수 없습니다.")

    partial = api.put(
        f"{PRODUCTS}/{product_id}/partial",
        json={"sellerProductId": product_id, "returnCharge": 5000},
    )
    assert _error(partial)["message"].startswith("승인 대기중 상품은 수정할 수 없습니다.")

    with pytest.raises(ValidationError, match="승인중 상태가 아니며"):
        client.products.delete(product_id)


def test_delete_rules(client: Client, shop: Shop, api: RawApi) -> None:
    saved = shop.create(sku="DEL-SAVED")
    client.products.delete(saved)  # never approved: nothing on sale
    assert client.products.get(saved).statusName == "상품삭제"
    assert client.products.list().items == []  # deleted products leave the default list
    assert [p.sellerProductId for p in client.products.list(status="DELETED").items] == [saved]

    again = api.delete(f"{PRODUCTS}/{saved}")
    assert _error(again)["message"].startswith("삭제된 상품은 변경이 불가능합니다.")

    product_id, vendor_items = shop.approved(sku="DEL-APPROVED")
    refused = api.delete(f"{PRODUCTS}/{product_id}")
    message = _error(refused)["message"]
    assert "모두 판매중지된 경우에 삭제가 가능합니다" in message
    assert str(vendor_items[0]) in message and str(vendor_items[1]) in message

    client.products.stop_sales(vendor_items[0])
    with pytest.raises(ValidationError, match=str(vendor_items[1])):
        client.products.delete(product_id)
    client.products.stop_sales(vendor_items[1])
    ok = api.delete(f"{PRODUCTS}/{product_id}")
    assert ok.json() == {"code": "SUCCESS", "message": "삭제되었습니다", "data": str(product_id)}

    # the items of a deleted product cannot be changed any more
    with pytest.raises(ValidationError, match="삭제된 상품"):
        client.products.resume_sales(vendor_items[0])


def test_item_apis_need_an_approved_item(client: Client, shop: Shop, api: RawApi) -> None:
    shop.create()
    response = api.put(f"{ITEMS}/3999999999/quantities/10")
    assert "존재하지 않는 옵션아이디" in _error(response)["message"]
    assert _error(api.get(f"{ITEMS}/not-a-number/inventories"))["code"] == "ERROR"


def test_unknown_product(client: Client, api: RawApi) -> None:
    with pytest.raises(ValidationError, match=r"존재하지 않는 등록상품아이디 \[123\]"):
        client.products.get(123)
    assert _error(api.get(f"{PRODUCTS}/abc"))["code"] == "ERROR"
    assert _error(api.get(f"{PRODUCTS}/123/histories"))["code"] == "ERROR"


# -- price guard --------------------------------------------------------------------------------


def test_price_guard_with_and_without_force(client: Client, shop: Shop, api: RawApi) -> None:
    _, vendor_items = shop.approved()
    item = vendor_items[0]
    refused = api.put(f"{ITEMS}/{item}/prices/30000")
    body = _error(refused)
    assert body["message"].startswith(f"가격변경에 실패했습니다. [옵션ID[{item}] : ")
    assert _rules(refused) == {"price_change_range"}
    assert _error(api.put(f"{ITEMS}/{item}/prices/4990"))["code"] == "ERROR"

    with pytest.raises(ValidationError) as caught:
        client.products.update_price(item, price=30000)
    assert [v.rule for v in caught.value.violations] == ["price_change_range"]

    client.products.update_price(item, price=30000, force=True)
    assert client.products.get_inventory(item).salePrice == 30000
    client.products.update_price(item, price=15000)  # exactly -50 %
    assert client.products.get_inventory(item).salePrice == 15000

    with pytest.raises(PreflightError):  # preflight knows the guard when told the price
        client.products.update_price(item, price=40000, current_price=15000)
    assert _error(api.put(f"{ITEMS}/{item}/prices/abc"))["code"] == "ERROR"


def test_item_value_rules(client: Client, shop: Shop, api: RawApi) -> None:
    _, vendor_items = shop.approved()
    item = vendor_items[0]
    assert _rules(api.put(f"{ITEMS}/{item}/original-prices/10005")) != set()
    assert _error(api.put(f"{ITEMS}/{item}/original-prices/abc"))["code"] == "ERROR"
    assert _rules(api.put(f"{ITEMS}/{item}/quantities/100000")) != set()
    assert _error(api.put(f"{ITEMS}/{item}/quantities/x"))["code"] == "ERROR"
    with pytest.raises(PreflightError):
        client.products.update_quantity(item, quantity=-1)
    with pytest.raises(PreflightError):
        client.products.update_original_price(item, original_price=10005)
    unchecked = client.with_options(preflight=False)
    with pytest.raises(ValidationError, match="재고변경에 실패했습니다"):
        unchecked.products.update_quantity(item, quantity=100000)
    with pytest.raises(ValidationError, match="할인율기준가 변경에 실패했습니다"):
        unchecked.products.update_original_price(item, original_price=10005)


def test_sdk_never_forces_a_price_change() -> None:
    seen: list[httpx.URL] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url)
        return httpx.Response(200, json={"code": "SUCCESS", "message": "", "data": None})

    with Client(
        "ak",
        "sk",
        "A00000001",
        base_url="http://127.0.0.1",
        transport=httpx.MockTransport(handler),
        rate_limit=None,
    ) as client:
        client.products.update_price(3000000001, price=50000)
        client.products.update_price(3000000001, price=50000, force=True)
    assert seen[0].query == b""
    assert seen[1].query == b"forceSalePriceUpdate=true"


# -- validation ---------------------------------------------------------------------------------


def test_validation_envelope(shop: Shop, api: RawApi) -> None:
    body = shop.body()
    del body["brand"]
    body["items"][0]["salePrice"] = 10005
    response = api.post(PRODUCTS, json=body)
    error = _error(response)
    assert error["code"] == "ERROR"
    fields = {e["field"] for e in error["errors"]}
    assert "brand" in fields
    assert "items[0].salePrice" in fields
    assert "brand:" in error["message"]


def test_references_must_be_the_vendors(
    shop: Shop, other_shop: Shop, api: RawApi, client: Client
) -> None:
    body = shop.body(outboundShippingPlaceCode=other_shop.outbound)
    assert "outbound_place_not_found" in _rules(api.post(PRODUCTS, json=body))
    body = shop.body(returnCenterCode=other_shop.return_center)
    response = api.post(PRODUCTS, json=body)
    assert "return_center_not_found" in _rules(response)
    assert "올바른 반품지 센터코드를 입력 하세요." in response.json()["message"]
    # NO_RETURN_CENTERCODE: the return address is typed in
    product_id = client.products.create(shop.body(returnCenterCode="NO_RETURN_CENTERCODE"))
    assert client.products.get(product_id).returnCenterCode == "NO_RETURN_CENTERCODE"


def test_remote_area_needs_a_courier_of_the_outbound_place(shop: Shop, api: RawApi) -> None:
    body = shop.body(remoteAreaDeliverable="Y", deliveryCompanyCode="HANJIN")
    assert "courier_not_registered" in _rules(api.post(PRODUCTS, json=body))
    fine = shop.body(remoteAreaDeliverable="Y", deliveryCompanyCode="KGB")
    assert api.post(PRODUCTS, json=fine).status_code == 200


def test_preflight_refuses_before_sending(client: Client, shop: Shop) -> None:
    body = shop.body()
    body["items"][0]["salePrice"] = -10
    with pytest.raises(PreflightError) as caught:
        client.products.create(body)
    assert "items[0].salePrice" in {v.field for v in caught.value.violations}
    assert client.products.list().items == []
    with pytest.raises(PreflightError):
        client.products.list(max_per_page=101)
    with pytest.raises(PreflightError):
        client.products.list(seller_product_name="x" * 21)
    with pytest.raises(PreflightError, match="sellerProductId"):
        client.products.update(shop.body())


def test_category_is_fixed_on_full_update(
    client: Client, shop: Shop, api: RawApi, catalog_module: Any
) -> None:
    product_id = shop.create()
    body = client.products.get(product_id).model_dump(mode="json", exclude_none=True)
    body["displayCategoryCode"] = other_leaf(catalog_module, shop.category)
    with pytest.raises(PreflightError) as caught:
        client.products.update(body)
    assert "category_fixed" in {v.rule for v in caught.value.violations}
    response = api.put(PRODUCTS, json=body)
    assert "category_fixed" in _rules(response)


def test_full_update_keeps_approved_items(client: Client, shop: Shop, api: RawApi) -> None:
    product_id, vendor_items = shop.approved()
    product = client.products.get(product_id)
    body = product.model_dump(mode="json", exclude_none=True)

    dropped = {**body, "items": body["items"][:1]}
    response = api.put(PRODUCTS, json=dropped)
    assert "approved_item_removed" in _rules(response)
    assert "vendorItem로 생성된 아이템은 삭제가 불가능합니다." in response.json()["message"]

    repriced = {**body, "items": [{**body["items"][0], "salePrice": 99990}, body["items"][1]]}
    assert "use_vendor_item_api" in _rules(api.put(PRODUCTS, json=repriced))

    unknown = {**body, "items": [*body["items"], {**body["items"][1], "sellerProductItemId": 1}]}
    assert "unknown_item" in _rules(api.put(PRODUCTS, json=unknown))

    added = dict(body["items"][1])
    for key in ("sellerProductItemId", "vendorItemId"):
        added.pop(key)
    added["itemName"] = "새 옵션"
    added["externalVendorSku"] = "NEW-OPTION"
    added["attributes"] = [
        {**a, "attributeValueName": f"9{a['attributeValueName'][1:]}"}
        if a.get("exposed") == "EXPOSED"
        else a
        for a in added["attributes"]
    ]
    body["displayProductName"] = "새 이름"
    body["items"] = [*body["items"], added]
    client.products.update(body, existing=product, requested=False)
    updated = client.products.get(product_id)
    assert updated.statusName == "임시저장"
    assert updated.displayProductName == "새 이름"
    assert [i.vendorItemId for i in updated.items] == [*vendor_items, None]
    # approved items stay on sale and keep working while the change waits for approval
    client.products.update_quantity(vendor_items[0], quantity=7)
    client.products.request_approval(product_id)
    review = client.sandbox.products.review(product_id)
    assert review.items[0].vendorItemId == vendor_items[0]
    assert review.items[2].vendorItemId is not None


# -- vendor isolation ---------------------------------------------------------------------------


def test_vendor_isolation(client: Client, other_client: Client, shop: Shop, api: RawApi) -> None:
    product_id, vendor_items = shop.approved(sku="MINE")
    with pytest.raises(ValidationError, match="존재하지 않는 등록상품아이디"):
        other_client.products.get(product_id)
    with pytest.raises(ValidationError, match="존재하지 않는 옵션아이디"):
        other_client.products.update_price(vendor_items[0], price=10000)
    with pytest.raises(ValidationError):
        other_client.products.delete(product_id)
    assert other_client.products.list().items == []
    assert other_client.products.get_by_external_sku("MINE") == []
    assert other_client.products.inflow_status().registeredCount == 0

    foreign = api.get(PRODUCTS, params={"vendorId": OTHER[0]})
    assert _error(foreign)["message"] == "params's vendorId not equals gateway's vendorId!"
    missing = api.get(PRODUCTS)
    assert "vendorId" in {e["field"] for e in _error(missing)["errors"]}
    body = {**shop.body(), "vendorId": OTHER[0]}
    assert api.post(PRODUCTS, json=body).status_code == 400


# -- retired ------------------------------------------------------------------------------------


def test_retired_endpoints_answer_410(client: Client, api: RawApi) -> None:
    response = api.get(f"{SELLER_API}/meta/products", params={"productName": "나이키"})
    body = _error(response, 410)
    assert body["code"] == 410
    assert "retired" in body["message"]
    best = api.put(f"{ITEMS}/{client.vendor_id}/3000000001/best-price-guaranteed-3p/true")
    assert _error(best, 410)["code"] == 410
    with pytest.raises(GoneError):
        client.products.list_exposed(product_name="나이키")
    with pytest.raises(GoneError):
        client.products.set_best_price_guaranteed(3000000001, enabled=True)
    with pytest.raises(GoneError):
        client.products.list_certifications()


def test_certification_lookup_is_retired(api: RawApi) -> None:
    """The certification list exists only on a deprecated season-1 path: it answers 410 there,
    and the season-2 look-alike path is simply unknown (404)."""
    retired = api.get("/targets/wing/seller_api/apis/api/v1/marketplace/meta/certifications")
    assert _error(retired, 410)["code"] == 410
    response = api.get(f"{SELLER_API}/meta/certifications", params={"displayCategoryCode": 1})
    assert response.status_code == 404


def test_sdk_leaves_unknown_categories_to_coupang(client: Client, shop: Shop) -> None:
    """The offline catalog is a seed: preflight does not refuse a category it lacks, the
    sandbox (whose universe is that catalog) does."""
    body = shop.body(displayCategoryCode=987654321)
    with pytest.raises(ValidationError) as caught:
        client.products.create(body)
    assert "category_unknown" in {v.rule for v in caught.value.violations}
