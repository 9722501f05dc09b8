"""A tiny stand-in for :mod:`coupang_seller.catalog`, used only while that module is absent.

It follows the documented contract (``load_catalog().get(code).is_leaf``, ``.meta(code)`` in
the shape of the category-meta API) with one root and two leaves; the conftest installs it
as ``coupang_seller.catalog`` for the duration of a test when the real module is missing.
"""

from __future__ import annotations

import types
from dataclasses import dataclass
from typing import Any

COSMETICS = 56137  # the category of the docs' create sample (클렌징 오일)
OTHER_LEAF = 56138
ROOT = 56000


@dataclass(frozen=True)
class Node:
    code: int
    name: str
    parent: int | None
    depth: int
    children: tuple[int, ...]
    status: str = "ACTIVE"

    @property
    def is_leaf(self) -> bool:
        return not self.children


def _notice(name: str, required: str = "OPTIONAL") -> dict[str, str]:
    return {"noticeCategoryDetailName": name, "required": required}


_META: dict[str, Any] = {
    "isAllowSingleItem": False,
    "attributes": [
        {
            "attributeTypeName": "수량",
            "dataType": "NUMBER",
            "basicUnit": "개",
            "usableUnits": ["개"],
            "required": "MANDATORY",
            "groupNumber": "NONE",
            "exposed": "EXPOSED",
        },
        {
            "attributeTypeName": "개당 용량",
            "dataType": "NUMBER",
            "basicUnit": "ml",
            "usableUnits": ["ml", "g"],
            "required": "MANDATORY",
            "groupNumber": "NONE",
            "exposed": "EXPOSED",
        },
    ],
    "noticeCategories": [
        {
            "noticeCategoryName": "화장품",
            "noticeCategoryDetailNames": [
                _notice("용량(중량)", "MANDATORY"),
                _notice("제품 주요 사양"),
                _notice("사용기한 또는 개봉 후 사용기간"),
                _notice("사용방법"),
                _notice("제조업자 및 제조판매업자", "MANDATORY"),
                _notice("제조국"),
                _notice("화장품법에 따라 기재, 표시하여야 하는 모든 성분"),
                _notice("식품의약품안전처 심사 필 유무"),
                _notice("사용할 때 주의사항"),
                _notice("품질보증기준"),
                _notice("소비자상담관련 전화번호"),
            ],
        }
    ],
    "requiredDocumentNames": [],
    "certifications": [],
    "allowedOfferConditions": ["NEW", "REFURBISHED", "USED_BEST", "USED_GOOD", "USED_NORMAL"],
}

_NODES = {
    ROOT: Node(ROOT, "뷰티", None, 1, (COSMETICS, OTHER_LEAF)),
    COSMETICS: Node(COSMETICS, "클렌징 오일", ROOT, 2, ()),
    OTHER_LEAF: Node(OTHER_LEAF, "클렌징 폼", ROOT, 2, ()),
}


class Catalog:
    def get(self, code: int) -> Node | None:
        return _NODES.get(code)

    def meta(self, code: int) -> dict[str, Any] | None:
        node = _NODES.get(code)
        return _META if node is not None and node.is_leaf else None

    def leaves(self) -> list[Node]:
        return [node for node in _NODES.values() if node.is_leaf]


def load_catalog() -> Catalog:
    return Catalog()


def as_module() -> types.ModuleType:
    module = types.ModuleType("coupang_seller.catalog")
    module.load_catalog = load_catalog  # type: ignore[attr-defined]
    return module
