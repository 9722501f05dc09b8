"""Display categories, category meta and prediction, served from the packaged seed catalog.

The tree is read-only and shared by every vendor (:func:`coupang_seller.catalog.load_catalog`),
so nothing is stored. The backend answers with the catalog's own nodes, meta documents and
predictions; :mod:`coupang_sandbox.views.categories` renders them and the route wraps them in
the seller_api envelope ``{"code": "SUCCESS", "message": "", "data": ...}`` (the prediction in
the openapi one, ``{"code": 200, "message": "OK", "data": ...}``).

Refusals: ``{"code": "ERROR", "message": ..., "data": null}`` with HTTP 400 (a code that is
not a number, meta of a non-leaf) or 404 (an unknown code).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from coupang_sandbox.errors import SandboxError
from coupang_seller.catalog import (
    ROOT_CODE,
    Catalog,
    CategoryNode,
    Prediction,
    load_catalog,
    predict,
)


class CategoryError(SandboxError):
    """A refusal in the seller_api envelope: ``{"code": "ERROR", "message", "data": null}``."""

    def __init__(self, status: int, message: str) -> None:
        """A refusal with HTTP ``status``."""
        super().__init__(status, message, code="ERROR")


@dataclass(frozen=True, slots=True)
class PredictInput:
    """A prediction body, parsed by the route: the product's texts and attributes."""

    name: str
    brand: Any = None
    attributes: Any = None
    description: Any = None


@dataclass(frozen=True, slots=True)
class CategoryRows:
    """One category (``None``: ROOT) and its direct children."""

    node: CategoryNode | None
    children: tuple[CategoryNode, ...]


class Categories:
    """Category answers over one catalog (the packaged one unless given)."""

    def __init__(self, catalog: Catalog | None = None) -> None:
        """Serve ``catalog`` (the packaged seed catalog when ``None``)."""
        self.catalog = catalog or load_catalog()

    # -- tree -----------------------------------------------------------------------------

    def tree(self) -> Catalog:
        """The catalog whose whole tree the list answers."""
        return self.catalog

    def category(self, code: int) -> CategoryRows:
        """One category with its direct children; 0 is ROOT."""
        if code == ROOT_CODE:
            return CategoryRows(None, tuple(self.catalog.roots()))
        node = self._known(code, "displayCategoryCode")
        return CategoryRows(node, tuple(self.catalog.children(code)))

    def usable(self, code: int) -> bool:
        """Products can be registered on active leaves only (ROOT and inner nodes: false)."""
        if code == ROOT_CODE:
            return False
        node = self._known(code, "displayCategoryCode")
        return node.is_leaf and node.status == "ACTIVE"

    def meta(self, code: int, field: str = "displayCategoryCode") -> dict[str, Any]:
        """A leaf's meta document (400 for an inner category, 404 for an unknown one)."""
        node = self._known(code, field)
        meta = self.catalog.meta(node.code)
        if meta is None:
            raise CategoryError(
                400,
                f"{field} {code} ({node.name}) is not a leaf category: "
                "meta exists for leaf categories only",
            )
        return meta

    def _known(self, code: int, field: str) -> CategoryNode:
        node = self.catalog.get(code)
        if node is None:
            raise CategoryError(404, f"{field} {code} does not exist")
        return node

    # -- prediction -----------------------------------------------------------------------

    def predict(self, wanted: PredictInput) -> Prediction:
        """The best leaf for the product (the prediction's result type and candidates)."""
        return predict(
            wanted.name,
            brand=wanted.brand,
            attributes=wanted.attributes,
            description=wanted.description,
            top_k=1,
            catalog=self.catalog,
        )
