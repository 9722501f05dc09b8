"""``client.categories`` against the sandbox (sync and async), and envelope parsing."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from coupang_seller import AsyncClient, Client
from coupang_seller._exceptions import NotFoundError, PreflightError, ValidationError
from coupang_seller._ratelimit import CircuitBreaker, RateLimiterRegistry
from coupang_seller.catalog import load_catalog
from coupang_seller.types.categories import CategoryMeta, DisplayCategory, SellerEnvelope

SAMPLES = Path(__file__).resolve().parent / "samples"


def test_tree_list_get_children(client: Client) -> None:
    catalog = load_catalog()
    tree = client.categories.tree()
    assert tree.code == 0 and tree.name == "ROOT"
    assert [c.code for c in tree.children] == [r.code for r in catalog.roots()]
    flat = client.categories.list()
    assert [c.code for c in flat] == [n.code for n in catalog]
    detergents = client.categories.get(63897)
    assert detergents.name == "생활용품"
    assert [c.code for c in client.categories.children(63897)] == [
        c.code for c in catalog.children(63897)
    ]
    assert client.categories.children("63950") == []
    assert [c.name for c in client.categories.children(0)] == [r.name for r in catalog.roots()]


def test_status_meta_and_meta_by_id(client: Client) -> None:
    assert client.categories.status(63950) is True
    assert client.categories.status(63897) is False
    meta = client.categories.meta(63950)
    assert isinstance(meta, CategoryMeta)
    assert meta.model_dump(mode="json") == load_catalog().meta(63950)
    assert client.categories.meta_by_id(63950) == meta
    assert [a.attributeTypeName for a in meta.mandatory_attributes()] == [
        "개당 용량",
        "개당 중량",
        "수량",
    ]
    notice = meta.notice_category("기타 재화")
    assert notice is not None and notice.noticeCategoryDetailNames


def test_refusals_become_exceptions(client: Client) -> None:
    with pytest.raises(NotFoundError, match="does not exist"):
        client.categories.get(99999999)
    with pytest.raises(ValidationError, match="not a leaf"):
        client.categories.meta(63897)
    with pytest.raises(PreflightError) as caught:
        client.categories.meta("12a")
    assert caught.value.violations[0].field == "displayCategoryCode"
    with pytest.raises(PreflightError):
        client.categories.meta_by_id("")


def test_predict_and_agreement(client: Client) -> None:
    result = client.categories.predict(
        "[유한양행] 유한젠 가루세제 1kg 용기(살균표백제)x10개",
        brand="유한양행",
        attributes={"용량": "1kg"},
        description="살균 표백",
        seller_sku_code="YH-1",
    )
    assert result.succeeded and result.code == 63955
    assert result.predictedCategoryName == "분말형"
    weak = client.categories.predict("")
    assert not weak.succeeded and weak.code is None
    assert weak.autoCategorizationPredictionResultType == "INSUFFICIENT_INFORMATION"
    assert client.categories.auto_category_agreed() is True


def test_recommend_offline_needs_no_network() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise AssertionError("recommend_offline sent a request")

    with Client(
        "ak",
        "sk",
        "A00000001",
        transport=httpx.MockTransport(refuse),
        rate_limiters=RateLimiterRegistry(),
        circuit_breaker=CircuitBreaker(),
    ) as offline:
        found = offline.categories.recommend_offline("다우니 섬유유연제 2.6L", top_k=2)
    assert [r.code for r in found][:1] == [63950] and len(found) == 2


async def test_async_twin(aclient: AsyncClient) -> None:
    categories = aclient.categories
    tree = await categories.tree()
    assert len(await categories.list()) == sum(1 for _ in tree.walk()) - 1
    assert (await categories.get(63950)).name == "일반 섬유유연제"
    assert [c.code for c in await categories.children(63897)] == [
        c.code for c in load_catalog().children(63897)
    ]
    assert await categories.status(63950) is True
    assert (await categories.meta(63950)) == (await categories.meta_by_id(63950))
    prediction = await categories.predict("코데즈컴바인 양트임싱글코트", brand="코데즈컴바인")
    assert prediction.succeeded and prediction.predictedCategoryName == "여성 코트"
    assert await categories.auto_category_agreed() is True
    with pytest.raises(NotFoundError):
        await categories.status(99999999)
    assert categories.recommend_offline("코데즈컴바인 양트임싱글코트")[0].name == "여성 코트"


def test_documented_samples_parse() -> None:
    """The SDK reads the documents' samples, double-wrapped ones and the
    ``displayItemCategoryCode`` spelling included."""

    def response(name: str) -> str:
        return json.dumps(json.loads((SAMPLES / f"{name}.json").read_text("utf-8"))["response"])

    tree = SellerEnvelope[DisplayCategory].model_validate_json(response("list_display_categories"))
    assert [n.name for _, n in tree.data.walk()][-1] == "여성 긴소매 티셔츠"
    single = SellerEnvelope[DisplayCategory].model_validate_json(response("get_display_category"))
    assert single.data.code == 0 and single.data.children[0].code == 77834
    double = {
        "code": "200",
        "message": "",
        "data": {"code": "SUCCESS", "message": "", "data": "true"},
    }
    assert SellerEnvelope[str].model_validate(double).data == "true"
    meta = SellerEnvelope[CategoryMeta].model_validate_json(response("meta_by_display_code"))
    assert meta.data.isAllowSingleItem is True and len(meta.data.certifications) == 13
