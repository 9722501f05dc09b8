"""The display-category tree and per-leaf meta, read from the packaged seed catalog.

``coupang_seller/_data/categories.json`` is written by ``scripts/build_category_catalog.py``. To
keep it small, each attribute list, notice category, certification set and required-document
set is stored once and a leaf's ``meta`` names them; :meth:`Catalog.meta` expands the names into
the documented ``data`` shape of ``GET .../meta/category-related-metas/display-category-codes/{code}``.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["ROOT_CODE", "ROOT_NAME", "Catalog", "CategoryNode", "load_catalog"]

#: ``displayCategoryCode`` 0 asks Coupang for the (virtual) root, whose children are depth 1.
ROOT_CODE = 0
ROOT_NAME = "ROOT"
PATH_SEPARATOR = ">"


@dataclass(frozen=True, slots=True)
class CategoryNode:
    """One display category. ``depth`` 1 is the top level (the children of ROOT)."""

    code: int
    name: str
    parent: int | None
    depth: int
    status: str
    children: tuple[int, ...]

    @property
    def is_leaf(self) -> bool:
        """Products are registered on leaves only."""
        return not self.children


class Catalog:
    """The display-category tree, read-only. Build it with :func:`load_catalog`."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        raw_nodes: list[dict[str, Any]] = list(data["nodes"])
        children: dict[int | None, list[int]] = {}
        for raw in raw_nodes:
            children.setdefault(raw["parent"], []).append(int(raw["code"]))
        self._nodes: dict[int, CategoryNode] = {}
        self._order: list[int] = []
        self._leaf_data: dict[int, dict[str, Any]] = {}
        depth: dict[int, int] = {}
        for raw in raw_nodes:  # parents come before their children in the file
            code = int(raw["code"])
            parent = raw["parent"]
            if code in self._nodes or code == ROOT_CODE:
                raise ValueError(f"category code {code} is used twice")
            if parent is not None and parent not in self._nodes:
                raise ValueError(f"category {code}: parent {parent} is not defined before it")
            depth[code] = 1 if parent is None else depth[parent] + 1
            self._nodes[code] = CategoryNode(
                code=code,
                name=str(raw["name"]),
                parent=parent,
                depth=depth[code],
                status=str(raw.get("status", "ACTIVE")),
                children=tuple(children.get(code, ())),
            )
            self._order.append(code)
            if "meta" in raw:
                self._leaf_data[code] = raw
        self._roots = tuple(children.get(None, ()))
        self._attribute_sets: dict[str, list[dict[str, Any]]] = dict(data["attributeSets"])
        self._notices: dict[str, list[dict[str, Any]]] = dict(data["noticeCategories"])
        self._certifications: dict[str, list[dict[str, Any]]] = dict(data["certificationSets"])
        self._documents: dict[str, list[dict[str, Any]]] = dict(data["requiredDocumentSets"])
        self._meta_cache: dict[int, dict[str, Any]] = {}
        for code, node in self._nodes.items():
            if node.is_leaf != (code in self._leaf_data):
                raise ValueError(f"category {code}: only leaves carry meta, and every leaf does")

    @classmethod
    def from_json(cls, text: str) -> Catalog:
        """Build a catalog from its JSON text; raises ValueError when it is not a JSON object."""
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("a category catalog is a JSON object")
        return cls(data)

    # -- the tree -----------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._nodes)

    def __iter__(self) -> Iterator[CategoryNode]:
        """Every node, depth first, parents before children."""
        return (self._nodes[code] for code in self._order)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, int) and code in self._nodes

    def get(self, code: int) -> CategoryNode | None:
        """The category node for displayCategoryCode ``code``, or None."""
        return self._nodes.get(code)

    def roots(self) -> list[CategoryNode]:
        """The top-level categories, in catalog order."""
        return [self._nodes[c] for c in self._roots]

    def children(self, code: int) -> list[CategoryNode]:
        """Direct children; ``children(0)`` is the top level, like Coupang's ROOT."""
        if code == ROOT_CODE:
            return self.roots()
        node = self._nodes.get(code)
        return [] if node is None else [self._nodes[c] for c in node.children]

    def path(self, code: int) -> list[CategoryNode]:
        """Top level ... ``code``; empty for an unknown code."""
        out: list[CategoryNode] = []
        node = self._nodes.get(code)
        while node is not None:
            out.append(node)
            node = self._nodes.get(node.parent) if node.parent is not None else None
        out.reverse()
        return out

    def path_name(self, code: int, separator: str = PATH_SEPARATOR) -> str:
        """``"생활용품>세제>섬유유연제>일반 섬유유연제"``; empty for an unknown code."""
        return separator.join(n.name for n in self.path(code))

    def leaves(self) -> list[CategoryNode]:
        """All leaf categories (the only ones a product can be registered in), in catalog order."""
        return [self._nodes[c] for c in self._order if c in self._leaf_data]

    def is_leaf(self, code: int) -> bool | None:
        """True for a leaf, False for an inner node, None for an unknown code."""
        node = self._nodes.get(code)
        return None if node is None else node.is_leaf

    # -- leaf data ----------------------------------------------------------------------

    def meta(self, code: int) -> dict[str, Any] | None:
        """A leaf's meta in the documented shape (a fresh copy); None for other codes."""
        if code not in self._leaf_data:
            return None
        cached = self._meta_cache.get(code)
        if cached is None:
            cached = self._expand(self._leaf_data[code]["meta"])
            self._meta_cache[code] = cached
        return copy.deepcopy(cached)

    def keywords(self, code: int) -> tuple[str, ...]:
        """Names and synonyms a seller may use for the leaf (they train the recommender)."""
        return tuple(self._leaf_data.get(code, {}).get("keywords", ()))

    def brands(self, code: int) -> tuple[str, ...]:
        """Brands typical of the leaf."""
        return tuple(self._leaf_data.get(code, {}).get("brands", ()))

    def _expand(self, meta: Mapping[str, Any]) -> dict[str, Any]:
        return {
            "isAllowSingleItem": bool(meta["isAllowSingleItem"]),
            "attributes": copy.deepcopy(self._attribute_sets[meta["attributes"]]),
            "noticeCategories": [
                {
                    "noticeCategoryName": name,
                    "noticeCategoryDetailNames": copy.deepcopy(self._notices[name]),
                }
                for name in meta["noticeCategories"]
            ],
            "requiredDocumentNames": copy.deepcopy(self._documents[meta["requiredDocumentNames"]]),
            "certifications": copy.deepcopy(self._certifications[meta["certifications"]]),
            "allowedOfferConditions": list(meta["allowedOfferConditions"]),
        }


@cache
def load_catalog() -> Catalog:
    """The packaged seed catalog, read once per process."""
    text = (
        resources.files("coupang_seller")
        .joinpath("_data/categories.json")
        .read_text(encoding="utf-8")
    )
    return Catalog.from_json(text)
