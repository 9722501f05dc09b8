"""The packaged seed catalog: shape of the tree, leaf meta in the documented shape, generator."""

from __future__ import annotations

import importlib.util
import itertools
import json
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from coupang_seller.catalog import ROOT_CODE, Catalog, load_catalog
from coupang_seller.types.categories import (
    ATTRIBUTE_DATA_TYPES,
    CERTIFICATION_REQUIRED_VALUES,
    DISPLAY_CATEGORY_STATUSES,
    DOCUMENT_REQUIRED_VALUES,
    OFFER_CONDITIONS,
    REQUIRED_VALUES,
    CategoryMeta,
)

ROOT = Path(__file__).resolve().parents[2]
#: Certification types the documents list (the sample meta answer and the product docs).
CERTIFICATION_TYPES = {
    "NOT_REQUIRED",
    "PRESENTED_IN_DETAIL_PAGE",
    "KC_KID_CERTIFICATION",
    "KC_KID_CONFIRM",
    "KC_KID_PROVIDER",
    "KC_ELECTRONICS_CERTIFICATION",
    "KC_ELECTRONICS_CONFIRM",
    "KC_ELECTRONICS_PROVIDER",
    "KC_HOUSEHOLD_CERTIFICATION",
    "KC_HOUSEHOLD_CONFIRM",
    "KC_HOUSEHOLD_QUALITY",
    "KC_HOUSEHOLD_PACKAGING",
    "COMMUNICATION_EQUIPMENT",
}
VERTICALS = {
    "패션의류잡화",
    "뷰티",
    "출산/유아동",
    "식품",
    "주방용품",
    "생활용품",
    "홈인테리어",
    "가전디지털",
    "스포츠/레저",
    "자동차용품",
    "도서/음반/DVD",
    "완구/취미",
    "문구/오피스",
    "반려동물용품",
    "헬스/건강식품",
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def test_load_catalog_is_cached(catalog: Catalog) -> None:
    assert load_catalog() is catalog


def test_size_depth_and_verticals(catalog: Catalog) -> None:
    leaves = catalog.leaves()
    assert 300 <= len(leaves) <= 450
    assert {r.name for r in catalog.roots()} == VERTICALS
    depths = [leaf.depth for leaf in leaves]
    assert max(depths) == 6
    assert all(node.depth <= 6 for node in catalog)
    assert sum(d >= 4 for d in depths) >= 50


def test_codes_are_unique_five_or_six_digit_integers(catalog: Catalog) -> None:
    codes = [node.code for node in catalog]
    assert len(codes) == len(set(codes)) == len(catalog)
    assert all(isinstance(c, int) and 10_000 <= c <= 999_999 for c in codes)
    assert ROOT_CODE not in catalog


def test_parents_children_and_paths_agree(catalog: Catalog) -> None:
    for node in catalog:
        path = catalog.path(node.code)
        assert path[-1] == node
        assert [n.depth for n in path] == list(range(1, node.depth + 1))
        assert all(child.parent == parent.code for parent, child in itertools.pairwise(path))
        assert catalog.path_name(node.code) == ">".join(n.name for n in path)
        for child in catalog.children(node.code):
            assert child.parent == node.code and child.depth == node.depth + 1
        assert node.status in DISPLAY_CATEGORY_STATUSES
        assert node.is_leaf == (catalog.meta(node.code) is not None)
        assert catalog.is_leaf(node.code) is node.is_leaf
    assert catalog.children(ROOT_CODE) == catalog.roots()
    assert catalog.path(123) == [] and catalog.is_leaf(123) is None and catalog.meta(123) is None


def _check_meta(meta: dict[str, Any]) -> None:
    assert set(meta) == {
        "isAllowSingleItem",
        "attributes",
        "noticeCategories",
        "requiredDocumentNames",
        "certifications",
        "allowedOfferConditions",
    }
    assert isinstance(meta["isAllowSingleItem"], bool)
    groups: dict[str, int] = {}
    for a in meta["attributes"]:
        assert a["dataType"] in ATTRIBUTE_DATA_TYPES
        assert a["required"] in REQUIRED_VALUES
        assert a["exposed"] in ("EXPOSED", "NONE")
        assert a["groupNumber"] == "NONE" or re.fullmatch(r"[1-9]", a["groupNumber"])
        assert isinstance(a["usableUnits"], list) and a["basicUnit"]
        if a["dataType"] == "NUMBER":
            assert a["basicUnit"] in a["usableUnits"]
        if a["groupNumber"] != "NONE":
            groups[a["groupNumber"]] = groups.get(a["groupNumber"], 0) + 1
    assert all(count >= 2 for count in groups.values()), "a pick-one group needs two attributes"
    names = [a["attributeTypeName"] for a in meta["attributes"]]
    assert len(names) == len(set(names))
    assert meta["noticeCategories"], "every leaf has at least one notice category"
    for notice in meta["noticeCategories"]:
        assert notice["noticeCategoryName"]
        assert notice["noticeCategoryDetailNames"]
        for detail in notice["noticeCategoryDetailNames"]:
            assert detail["noticeCategoryDetailName"]
            assert detail["required"] in REQUIRED_VALUES
    for document in meta["requiredDocumentNames"]:
        assert document["templateName"] and document["required"] in DOCUMENT_REQUIRED_VALUES
    assert meta["certifications"]
    for cert in meta["certifications"]:
        assert cert["certificationType"] in CERTIFICATION_TYPES
        assert cert["dataType"] in ("CODE", "NONE") and cert["name"]
        assert cert["required"] in CERTIFICATION_REQUIRED_VALUES
    assert meta["allowedOfferConditions"] and "NEW" in meta["allowedOfferConditions"]
    assert set(meta["allowedOfferConditions"]) <= set(OFFER_CONDITIONS)


def test_every_leaf_has_meta_in_the_documented_shape(catalog: Catalog) -> None:
    notice_names: set[str] = set()
    for leaf in catalog.leaves():
        meta = catalog.meta(leaf.code)
        assert meta is not None
        _check_meta(meta)
        CategoryMeta.model_validate(meta)
        notice_names |= {n["noticeCategoryName"] for n in meta["noticeCategories"]}
        assert catalog.keywords(leaf.code), f"{leaf.name} has no keywords"
    for expected in ("의류", "구두/신발", "가방", "화장품", "식품(농수산물)", "가공식품"):
        assert expected in notice_names
    for expected in ("건강기능식품", "영유아용품", "휴대폰", "서적", "완구", "기타 재화"):
        assert expected in notice_names
    assert "가정용 전기제품(냉장고/세탁기/식기세척기/전자레인지)" in notice_names
    with_specific = [
        leaf
        for leaf in catalog.leaves()
        if len((catalog.meta(leaf.code) or {})["noticeCategories"]) >= 2
    ]
    assert len(with_specific) >= 0.8 * len(catalog.leaves())


def test_codes_from_the_documents_sit_where_the_documents_put_them(catalog: Catalog) -> None:
    assert catalog.path_name(63955) == "생활용품>세제>세탁세제>표백제>분말형"
    assert catalog.path_name(63954) == "생활용품>세제>세탁세제>표백제>액상형"
    assert catalog.path_name(63922) == "생활용품>세제>청소세제>락스/살균소독제"
    node = catalog.get(63950)
    assert node is not None and node.name == "일반 섬유유연제" and node.is_leaf
    meta = catalog.meta(78877)
    assert meta is not None
    assert {a["attributeTypeName"] for a in meta["attributes"]} == {
        "수량",
        "자동차거치용품 거치대고정",
        "헤드 회전 가능여부",
        "각도조절 가능여부",
    }
    assert [n["noticeCategoryName"] for n in meta["noticeCategories"]] == [
        "자동차용품(자동차부품/기타 자동차용품)",
        "기타 재화",
    ]


def test_meta_is_a_fresh_copy(catalog: Catalog) -> None:
    meta = catalog.meta(63950)
    assert meta is not None
    meta["attributes"].clear()
    meta["noticeCategories"][0]["noticeCategoryDetailNames"].clear()
    again = catalog.meta(63950)
    assert again is not None and again["attributes"]
    assert again["noticeCategories"][0]["noticeCategoryDetailNames"]


def test_malformed_catalogs_are_refused() -> None:
    base: dict[str, Any] = {
        "attributeSets": {},
        "noticeCategories": {},
        "certificationSets": {},
        "requiredDocumentSets": {},
    }
    with pytest.raises(ValueError, match="used twice"):
        Catalog({**base, "nodes": [{"code": 1, "name": "a", "parent": None}] * 2})
    with pytest.raises(ValueError, match="parent"):
        Catalog({**base, "nodes": [{"code": 2, "name": "b", "parent": 9}]})
    with pytest.raises(ValueError, match="leaves"):
        Catalog({**base, "nodes": [{"code": 3, "name": "c", "parent": None}]})
    with pytest.raises(ValueError, match="JSON object"):
        Catalog.from_json("[]")


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_category_catalog", ROOT / "scripts" / "build_category_catalog.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    return module


def test_the_committed_catalog_is_what_the_generator_writes() -> None:
    generator = _generator()
    first = generator.render(generator.build())
    assert first == generator.render(generator.build()), "the generator is not deterministic"
    committed = (ROOT / "src" / "coupang_seller" / "_data" / "categories.json").read_text(
        encoding="utf-8"
    )
    assert committed == first, "run scripts/build_category_catalog.py"
    assert json.loads(committed)["seed"] == generator.SEED
