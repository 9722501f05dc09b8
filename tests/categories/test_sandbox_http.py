"""The sandbox's category endpoints over signed HTTP (in-process ASGI)."""

from __future__ import annotations

from typing import Any

import httpx

from coupang_seller.catalog import load_catalog
from tests.categories.conftest import (
    OTHER_VENDOR,
    PREDICT_URL,
    TREE_URL,
    SignedApi,
    agreement_url,
    category_url,
    meta_by_id_url,
    meta_url,
    status_url,
)

JSON_CT = "application/json;charset=UTF-8"


def ok(response: httpx.Response) -> Any:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == JSON_CT
    body = response.json()
    assert body["code"] == "SUCCESS" and body["message"] == ""
    return body["data"]


def refused(response: httpx.Response, status: int) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["code"] == "ERROR" and body["data"] is None
    message: str = body["message"]
    assert message
    return message


def _count(node: dict[str, Any]) -> int:
    return 1 + sum(_count(c) for c in node["child"])


async def test_whole_tree(api: SignedApi) -> None:
    root = ok(await api.get(TREE_URL))
    catalog = load_catalog()
    assert root["displayCategoryCode"] == 0 and root["name"] == "ROOT"
    assert [c["displayCategoryCode"] for c in root["child"]] == [r.code for r in catalog.roots()]
    assert _count(root) == len(catalog) + 1
    leaf = root["child"][0]
    while leaf["child"]:
        leaf = leaf["child"][0]
    assert leaf["child"] == [] and catalog.is_leaf(leaf["displayCategoryCode"])


async def test_one_category_with_direct_children(api: SignedApi) -> None:
    catalog = load_catalog()
    top = ok(await api.get(category_url(0)))
    assert top["name"] == "ROOT"
    assert [c["displayItemCategoryCode"] for c in top["child"]] == [r.code for r in catalog.roots()]
    inner = ok(await api.get(category_url(63897)))
    assert inner["displayItemCategoryCode"] == inner["displayCategoryCode"] == 63897
    assert inner["name"] == "생활용품" and inner["status"] == "ACTIVE"
    children = catalog.children(63897)
    assert [c["displayCategoryCode"] for c in inner["child"]] == [c.code for c in children]
    assert all(c["child"] == [] for c in inner["child"]), "only one level of children"
    leaf = ok(await api.get(category_url(63950)))
    assert leaf["name"] == "일반 섬유유연제" and leaf["child"] == []


async def test_unknown_and_malformed_codes(api: SignedApi) -> None:
    for url in (category_url, status_url, meta_url, meta_by_id_url):
        assert "does not exist" in refused(await api.get(url(99999999)), 404)
        assert "must be a number" in refused(await api.get(url("abc")), 400)
        refused(await api.get(url("-5")), 400)
        refused(await api.get(url("99999999999999999999")), 400)


async def test_status(api: SignedApi) -> None:
    assert ok(await api.get(status_url(63950))) == "true"
    assert ok(await api.get(status_url(63897))) == "false"  # not a leaf
    assert ok(await api.get(status_url(0))) == "false"


async def test_meta_by_display_code_and_by_id(api: SignedApi) -> None:
    meta = ok(await api.get(meta_url(63950)))
    assert meta == load_catalog().meta(63950)
    assert ok(await api.get(meta_by_id_url(63950))) == meta
    assert "not a leaf" in refused(await api.get(meta_url(63897)), 400)
    assert "categoryId" in refused(await api.get(meta_by_id_url(63897)), 400)


async def test_predict(api: SignedApi) -> None:
    response = await api.post(
        PREDICT_URL,
        json={
            "productName": "[무료배송] 다우니 섬유유연제 실내건조 2.6L x 4개",
            "productDescription": "실내건조에도 냄새 걱정 없는 고농축 유연제",
            "brand": "다우니",
            "attributes": {"용량": "2.6L", "향": "레몬"},
            "sellerSkuCode": "SKU-1",
        },
    )
    assert response.status_code == 200
    assert response.json() == {
        "code": 200,
        "message": "OK",
        "data": {
            "autoCategorizationPredictionResultType": "SUCCESS",
            "predictedCategoryId": "63950",
            "predictedCategoryName": "일반 섬유유연제",
            "comment": None,
        },
    }
    listed = await api.post(
        PREDICT_URL, json={"productName": "양트임 싱글코트", "attributes": ["베이지", "FREE"]}
    )
    assert listed.json()["data"]["predictedCategoryName"] == "여성 코트"


async def test_predict_without_enough_information(api: SignedApi) -> None:
    for name in ("", "무료배송 2kg x 3"):
        data = (await api.post(PREDICT_URL, json={"productName": name})).json()["data"]
        assert data["autoCategorizationPredictionResultType"] == "INSUFFICIENT_INFORMATION"
        assert data["predictedCategoryId"] is None and data["comment"]
    data = (await api.post(PREDICT_URL, json={"productName": "오늘 날씨가 좋네요"})).json()["data"]
    assert data["autoCategorizationPredictionResultType"] == "FAILURE"
    assert data["predictedCategoryId"] is None and data["predictedCategoryName"] is None


async def test_predict_refuses_malformed_bodies(api: SignedApi) -> None:
    missing = await api.post(PREDICT_URL, json={"brand": "다우니"})
    assert missing.status_code == 400
    body = missing.json()
    assert body["code"] == 400 and body["data"] is None
    assert body["errors"][0]["field"] == "productName"
    wrong = await api.post(
        PREDICT_URL, json={"productName": 5, "brand": ["x"], "attributes": "색상"}
    )
    assert wrong.status_code == 400
    assert {e["field"] for e in wrong.json()["errors"]} == {"productName", "brand", "attributes"}
    too_long = await api.post(PREDICT_URL, json={"productName": "가" * 501})
    assert too_long.status_code == 400
    not_json = await api.post(PREDICT_URL, content=b"[1,2]", headers={"Content-Type": JSON_CT})
    assert not_json.status_code == 400


async def test_auto_category_agreement(api: SignedApi) -> None:
    assert ok(await api.get(agreement_url())) == "true"
    other = await api.get(agreement_url(OTHER_VENDOR))
    assert other.status_code == 404


async def test_signature_is_required(api: SignedApi) -> None:
    for url in (TREE_URL, meta_url(63950)):
        response = await api.get(url, sign=False)
        assert response.status_code == 401
    assert (await api.post(PREDICT_URL, sign=False, json={"productName": "x"})).status_code == 401
