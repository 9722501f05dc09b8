"""Display categories (노출카테고리), category meta and prediction, sync and async side by side.

Reads only: every call is a GET (retried when safe) except the prediction, a POST that changes
nothing on Coupang's side. :meth:`Categories.recommend_offline` needs no network at all: it
ranks the leaves of the packaged seed catalog (:mod:`coupang_seller.catalog`).
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from coupang_seller import _endpoints as E
from coupang_seller._client import AsyncClient, Client
from coupang_seller._core import path_param
from coupang_seller._exceptions import PreflightError
from coupang_seller.catalog import Recommendation, recommend
from coupang_seller.preflight._core import Violation
from coupang_seller.resources._base import ClientT, Resource
from coupang_seller.types._base import CoupangModel
from coupang_seller.types.categories import (
    CategoryMeta,
    CategoryPrediction,
    DisplayCategory,
    SellerEnvelope,
    as_flag,
)

__all__ = ["AsyncCategories", "Categories"]

_TreeEnvelope = SellerEnvelope[DisplayCategory]
_MetaEnvelope = SellerEnvelope[CategoryMeta]
_FlagEnvelope = SellerEnvelope[bool | str]


class _PredictionEnvelope(CoupangModel):
    """``{"code": 200, "message": "OK", "data": {...}}`` (the openapi provider)."""

    code: int | str | None = None
    message: str | None = None
    data: CategoryPrediction


@dataclass(frozen=True, slots=True)
class _Call:
    method: str
    path: str
    body: Any = None


def _flatten(root: DisplayCategory) -> builtins.list[DisplayCategory]:
    return [node for depth, node in root.walk() if depth > 0]


class _CategoryOps(Resource[ClientT]):
    def _code(self, value: int | str, field: str, operation: str) -> str:
        """A category code for the path: digits only (0 is ROOT), checked before sending."""
        text = str(value).strip()
        if self._client.options.preflight and not (text.isascii() and text.isdigit()):
            raise PreflightError(
                [
                    Violation(
                        field, "type", f"{field} must be a non-negative integer (got {value!r})"
                    )
                ],
                operation=operation,
            )
        return path_param(text, field)

    def _tree_call(self) -> _Call:
        return _Call("GET", E.CATEGORY_TREE.path)

    def _get_call(self, code: int | str) -> _Call:
        text = self._code(code, "displayCategoryCode", "categories.get")
        return _Call("GET", E.CATEGORY_GET.format(displayCategoryCode=text))

    def _status_call(self, code: int | str) -> _Call:
        text = self._code(code, "displayCategoryCode", "categories.status")
        return _Call("GET", E.CATEGORY_STATUS.format(displayCategoryCode=text))

    def _meta_call(self, code: int | str) -> _Call:
        text = self._code(code, "displayCategoryCode", "categories.meta")
        return _Call("GET", E.CATEGORY_META.format(displayCategoryCode=text))

    def _meta_by_id_call(self, category_id: int | str) -> _Call:
        text = self._code(category_id, "categoryId", "categories.meta_by_id")
        return _Call("GET", E.CATEGORY_META_BY_ID.format(categoryId=text))

    def _agreed_call(self) -> _Call:
        vendor = path_param(self._vendor_id, "vendorId")
        return _Call("GET", E.AUTO_CATEGORY_AGREED.format(vendorId=vendor))

    def _predict_call(
        self,
        product_name: str,
        *,
        brand: str | None,
        attributes: Mapping[str, str] | None,
        description: str | None,
        seller_sku_code: str | None,
    ) -> _Call:
        if self._client.options.preflight and not isinstance(product_name, str):
            raise PreflightError(
                [Violation("productName", "type", "productName must be a string")],
                operation="categories.predict",
            )
        body: dict[str, Any] = {"productName": product_name}
        if description is not None:
            body["productDescription"] = description
        if brand is not None:
            body["brand"] = brand
        if attributes is not None:
            body["attributes"] = {str(k): str(v) for k, v in attributes.items()}
        if seller_sku_code is not None:
            body["sellerSkuCode"] = seller_sku_code
        return _Call("POST", E.CATEGORY_PREDICT.path, body)

    def recommend_offline(
        self,
        product_name: str,
        *,
        brand: str | None = None,
        attributes: Mapping[str, str] | None = None,
        top_k: int = 3,
    ) -> builtins.list[Recommendation]:
        """The ``top_k`` best leaves of the packaged seed catalog; no network call.

        The seed catalog is realistic but is not Coupang's live tree: check a code with
        :meth:`status` / :meth:`meta` before listing a product on it in production.
        """
        return recommend(product_name, brand=brand, attributes=attributes, top_k=top_k)


class Categories(_CategoryOps[Client]):
    """``client.categories``: the display-category tree, category meta and prediction."""

    def tree(self) -> DisplayCategory:
        """ROOT (code 0) with every display category under it (``child``, recursively)."""
        call = self._tree_call()
        envelope = self._client.request_model(call.method, call.path, _TreeEnvelope)
        return envelope.data

    def list(self) -> builtins.list[DisplayCategory]:
        """Every display category (ROOT excluded), depth first; each keeps its ``child``."""
        return _flatten(self.tree())

    def get(self, code: int | str) -> DisplayCategory:
        """One category and its direct sub-categories; ``get(0)`` gives the top level.

        An unknown code raises :class:`NotFoundError`.
        """
        call = self._get_call(code)
        envelope = self._client.request_model(call.method, call.path, _TreeEnvelope)
        return envelope.data

    def children(self, code: int | str) -> builtins.list[DisplayCategory]:
        """The direct sub-categories of ``code`` (empty for a leaf)."""
        return self.get(code).children

    def status(self, code: int | str) -> bool:
        """Whether products can be registered on ``code`` now (an active leaf)."""
        call = self._status_call(code)
        envelope = self._client.request_model(call.method, call.path, _FlagEnvelope)
        return as_flag(envelope.data)

    def meta(self, code: int | str) -> CategoryMeta:
        """Attributes, notice categories, documents, certifications of a leaf category."""
        call = self._meta_call(code)
        envelope = self._client.request_model(call.method, call.path, _MetaEnvelope)
        return envelope.data

    def meta_by_id(self, category_id: int | str) -> CategoryMeta:
        """The same meta through the older ``meta/categories/{categoryId}`` path."""
        call = self._meta_by_id_call(category_id)
        envelope = self._client.request_model(call.method, call.path, _MetaEnvelope)
        return envelope.data

    def predict(
        self,
        product_name: str,
        *,
        brand: str | None = None,
        attributes: Mapping[str, str] | None = None,
        description: str | None = None,
        seller_sku_code: str | None = None,
    ) -> CategoryPrediction:
        """Coupang's category recommendation for a product (its ``displayCategoryCode``).

        Check ``result.succeeded``: ``FAILURE`` and ``INSUFFICIENT_INFORMATION`` come back as
        data, not as exceptions.
        """
        call = self._predict_call(
            product_name,
            brand=brand,
            attributes=attributes,
            description=description,
            seller_sku_code=seller_sku_code,
        )
        envelope = self._client.request_model(
            call.method, call.path, _PredictionEnvelope, json=call.body
        )
        return envelope.data

    def auto_category_agreed(self) -> bool:
        """Whether the vendor agreed to automatic category matching (since 2020-11)."""
        call = self._agreed_call()
        envelope = self._client.request_model(call.method, call.path, _FlagEnvelope)
        return as_flag(envelope.data)


class AsyncCategories(_CategoryOps[AsyncClient]):
    """Async twin of :class:`Categories`."""

    async def tree(self) -> DisplayCategory:
        call = self._tree_call()
        envelope = await self._client.request_model(call.method, call.path, _TreeEnvelope)
        return envelope.data

    async def list(self) -> builtins.list[DisplayCategory]:
        return _flatten(await self.tree())

    async def get(self, code: int | str) -> DisplayCategory:
        call = self._get_call(code)
        envelope = await self._client.request_model(call.method, call.path, _TreeEnvelope)
        return envelope.data

    async def children(self, code: int | str) -> builtins.list[DisplayCategory]:
        return (await self.get(code)).children

    async def status(self, code: int | str) -> bool:
        call = self._status_call(code)
        envelope = await self._client.request_model(call.method, call.path, _FlagEnvelope)
        return as_flag(envelope.data)

    async def meta(self, code: int | str) -> CategoryMeta:
        call = self._meta_call(code)
        envelope = await self._client.request_model(call.method, call.path, _MetaEnvelope)
        return envelope.data

    async def meta_by_id(self, category_id: int | str) -> CategoryMeta:
        call = self._meta_by_id_call(category_id)
        envelope = await self._client.request_model(call.method, call.path, _MetaEnvelope)
        return envelope.data

    async def predict(
        self,
        product_name: str,
        *,
        brand: str | None = None,
        attributes: Mapping[str, str] | None = None,
        description: str | None = None,
        seller_sku_code: str | None = None,
    ) -> CategoryPrediction:
        call = self._predict_call(
            product_name,
            brand=brand,
            attributes=attributes,
            description=description,
            seller_sku_code=seller_sku_code,
        )
        envelope = await self._client.request_model(
            call.method, call.path, _PredictionEnvelope, json=call.body
        )
        return envelope.data

    async def auto_category_agreed(self) -> bool:
        call = self._agreed_call()
        envelope = await self._client.request_model(call.method, call.path, _FlagEnvelope)
        return as_flag(envelope.data)
