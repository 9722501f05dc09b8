"""Display categories (노출카테고리), category meta and prediction, sync and async side by side.

Reads only: every call is a GET (retried when safe) except the prediction, a POST that changes
nothing on Coupang's side. :meth:`Categories.recommend_offline` needs no network at all: it
ranks the leaves of the packaged seed catalog (:mod:`coupang_seller.catalog`).
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import Any

from coupang_seller import _endpoints as E
from coupang_seller._client import AsyncClient, Client
from coupang_seller._core import path_param
from coupang_seller.catalog import Recommendation, recommend
from coupang_seller.preflight._core import Violation
from coupang_seller.resources._base import AsyncResource, Call, ClientT, Resource, SyncResource
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


def _flatten(root: DisplayCategory) -> builtins.list[DisplayCategory]:
    return [node for depth, node in root.walk() if depth > 0]


def _tree(envelope: _TreeEnvelope) -> DisplayCategory:
    return envelope.data


def _meta(envelope: _MetaEnvelope) -> CategoryMeta:
    return envelope.data


def _flag(envelope: _FlagEnvelope) -> bool:
    return as_flag(envelope.data)


class _CategoryOps(Resource[ClientT]):
    def _code(self, value: int | str, field: str, operation: str) -> str:
        """A category code for the path: digits only (0 is ROOT), checked before sending."""
        text = str(value).strip()
        if not (text.isascii() and text.isdigit()):
            self._gate(
                operation,
                [
                    Violation(
                        field, "type", f"{field} must be a non-negative integer (got {value!r})"
                    )
                ],
            )
        return path_param(text, field)

    def _code_call(self, endpoint: E.Endpoint, code: int | str, operation: str) -> Call:
        text = self._code(code, "displayCategoryCode", operation)
        return Call("GET", endpoint.format(displayCategoryCode=text))

    def _meta_by_id_call(self, category_id: int | str) -> Call:
        text = self._code(category_id, "categoryId", "categories.meta_by_id")
        return Call("GET", E.CATEGORY_META_BY_ID.format(categoryId=text))

    def _agreed_call(self) -> Call:
        vendor = path_param(self._vendor_id, "vendorId")
        return Call("GET", E.AUTO_CATEGORY_AGREED.format(vendorId=vendor))

    def _predict_call(
        self,
        product_name: str,
        *,
        brand: str | None,
        attributes: Mapping[str, str] | None,
        description: str | None,
        seller_sku_code: str | None,
    ) -> Call:
        if not isinstance(product_name, str):
            self._gate(
                "categories.predict",
                [Violation("productName", "type", "productName must be a string")],
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
        return Call("POST", E.CATEGORY_PREDICT.path, body=body)

    def recommend_offline(
        self,
        product_name: str,
        *,
        brand: str | None = None,
        attributes: Mapping[str, str] | None = None,
        top_k: int = 3,
    ) -> builtins.list[Recommendation]:
        """The ``top_k`` best leaves of the packaged seed catalog.

        Calls nothing: no network call, the same in both halves. Returns a list of
        :class:`Recommendation`, best first. Raises nothing for an unknown name (the list is
        then empty or weak). The seed catalog is realistic but is not Coupang's live tree:
        check a code with :meth:`status` / :meth:`meta` before listing a product on it.
        """
        return recommend(product_name, brand=brand, attributes=attributes, top_k=top_k)


class Categories(_CategoryOps[Client], SyncResource):
    """``client.categories``: the display-category tree, category meta and prediction."""

    def tree(self) -> DisplayCategory:
        """ROOT (code 0) with every display category under it (``child``, recursively).

        Returns the root :class:`DisplayCategory`. Raises an :class:`APIError` subclass when
        Coupang refuses or cannot be reached.

        Calls ``GET /v2/providers/seller_api/apis/api/v1/marketplace/meta/display-categories``.
        """
        return _tree(self._run(Call("GET", E.CATEGORY_TREE.path), _TreeEnvelope))

    def list(self) -> builtins.list[DisplayCategory]:
        """Every display category (ROOT excluded), depth first; each keeps its ``child``.

        Returns a list of :class:`DisplayCategory`. Raises as :meth:`tree`.

        Calls ``GET /v2/providers/seller_api/apis/api/v1/marketplace/meta/display-categories``.
        """
        return _flatten(self.tree())

    def get(self, code: int | str) -> DisplayCategory:
        """One category and its direct sub-categories; ``get(0)`` gives the top level.

        Returns a :class:`DisplayCategory`. Raises :class:`PreflightError` for a code that
        is not a non-negative integer, :class:`NotFoundError` for an unknown code.

        Calls ``GET
        /v2/providers/seller_api/apis/api/v1/marketplace/meta/display-categories/{displayCategoryCode}``.
        """
        return _tree(
            self._run(self._code_call(E.CATEGORY_GET, code, "categories.get"), _TreeEnvelope)
        )

    def children(self, code: int | str) -> builtins.list[DisplayCategory]:
        """The direct sub-categories of ``code`` (empty for a leaf).

        Returns a list of :class:`DisplayCategory`. Raises as :meth:`get`.

        Calls ``GET
        /v2/providers/seller_api/apis/api/v1/marketplace/meta/display-categories/{displayCategoryCode}``.
        """
        return self.get(code).children

    def status(self, code: int | str) -> bool:
        """Whether products can be registered on ``code`` now (an active leaf).

        Returns a ``bool``. Raises :class:`PreflightError` for a malformed code,
        :class:`NotFoundError` for an unknown one.

        Calls ``GET
        /v2/providers/seller_api/apis/api/v1/marketplace/meta/display-categories/{displayCategoryCode}/status``.
        """
        return _flag(
            self._run(self._code_call(E.CATEGORY_STATUS, code, "categories.status"), _FlagEnvelope)
        )

    def meta(self, code: int | str) -> CategoryMeta:
        """Attributes, notice categories, documents, certifications of a leaf category.

        Returns a :class:`CategoryMeta`. Raises :class:`PreflightError` for a malformed code,
        :class:`NotFoundError` for an unknown one.

        Calls ``GET
        /v2/providers/seller_api/apis/api/v1/marketplace/meta/category-related-metas/display-category-codes/{displayCategoryCode}``.
        """
        return _meta(
            self._run(self._code_call(E.CATEGORY_META, code, "categories.meta"), _MetaEnvelope)
        )

    def meta_by_id(self, category_id: int | str) -> CategoryMeta:
        """The same meta through the older ``meta/categories/{categoryId}`` path.

        Returns a :class:`CategoryMeta`. Raises :class:`PreflightError` for a malformed id,
        :class:`NotFoundError` for an unknown one.

        Calls ``GET /v2/providers/seller_api/apis/api/v1/marketplace/meta/categories/{categoryId}``.
        """
        return _meta(self._run(self._meta_by_id_call(category_id), _MetaEnvelope))

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

        Returns a :class:`CategoryPrediction`: check ``result.succeeded``, since
        ``FAILURE`` and ``INSUFFICIENT_INFORMATION`` come back as data, not as exceptions.
        Raises :class:`PreflightError` when ``product_name`` is not a string, an
        :class:`APIError` subclass when Coupang refuses.

        Calls ``POST /v2/providers/openapi/apis/api/v1/categorization/predict``.
        """
        call = self._predict_call(
            product_name,
            brand=brand,
            attributes=attributes,
            description=description,
            seller_sku_code=seller_sku_code,
        )
        return self._run(call, _PredictionEnvelope).data

    def auto_category_agreed(self) -> bool:
        """Whether the vendor agreed to automatic category matching (since 2020-11).

        Returns a ``bool``. Raises an :class:`APIError` subclass when Coupang refuses.

        Calls ``GET
        /v2/providers/seller_api/apis/api/v1/marketplace/vendors/{vendorId}/check-auto-category-agreed``.
        """
        return _flag(self._run(self._agreed_call(), _FlagEnvelope))


class AsyncCategories(_CategoryOps[AsyncClient], AsyncResource):
    """``client.categories`` of :class:`AsyncClient`: the twin of :class:`Categories`."""

    async def tree(self) -> DisplayCategory:
        """ROOT (code 0) with every display category under it (``child``, recursively).

        Returns the root :class:`DisplayCategory`. Raises an :class:`APIError` subclass when
        Coupang refuses or cannot be reached.

        Calls ``GET /v2/providers/seller_api/apis/api/v1/marketplace/meta/display-categories``.
        """
        return _tree(await self._run(Call("GET", E.CATEGORY_TREE.path), _TreeEnvelope))

    async def list(self) -> builtins.list[DisplayCategory]:
        """Every display category (ROOT excluded), depth first; each keeps its ``child``.

        Returns a list of :class:`DisplayCategory`. Raises as :meth:`tree`.

        Calls ``GET /v2/providers/seller_api/apis/api/v1/marketplace/meta/display-categories``.
        """
        return _flatten(await self.tree())

    async def get(self, code: int | str) -> DisplayCategory:
        """One category and its direct sub-categories; ``get(0)`` gives the top level.

        Returns a :class:`DisplayCategory`. Raises :class:`PreflightError` for a code that
        is not a non-negative integer, :class:`NotFoundError` for an unknown code.

        Calls ``GET
        /v2/providers/seller_api/apis/api/v1/marketplace/meta/display-categories/{displayCategoryCode}``.
        """
        return _tree(
            await self._run(self._code_call(E.CATEGORY_GET, code, "categories.get"), _TreeEnvelope)
        )

    async def children(self, code: int | str) -> builtins.list[DisplayCategory]:
        """The direct sub-categories of ``code`` (empty for a leaf).

        Returns a list of :class:`DisplayCategory`. Raises as :meth:`get`.

        Calls ``GET
        /v2/providers/seller_api/apis/api/v1/marketplace/meta/display-categories/{displayCategoryCode}``.
        """
        return (await self.get(code)).children

    async def status(self, code: int | str) -> bool:
        """Whether products can be registered on ``code`` now (an active leaf).

        Returns a ``bool``. Raises :class:`PreflightError` for a malformed code,
        :class:`NotFoundError` for an unknown one.

        Calls ``GET
        /v2/providers/seller_api/apis/api/v1/marketplace/meta/display-categories/{displayCategoryCode}/status``.
        """
        return _flag(
            await self._run(
                self._code_call(E.CATEGORY_STATUS, code, "categories.status"), _FlagEnvelope
            )
        )

    async def meta(self, code: int | str) -> CategoryMeta:
        """Attributes, notice categories, documents, certifications of a leaf category.

        Returns a :class:`CategoryMeta`. Raises :class:`PreflightError` for a malformed code,
        :class:`NotFoundError` for an unknown one.

        Calls ``GET
        /v2/providers/seller_api/apis/api/v1/marketplace/meta/category-related-metas/display-category-codes/{displayCategoryCode}``.
        """
        return _meta(
            await self._run(
                self._code_call(E.CATEGORY_META, code, "categories.meta"), _MetaEnvelope
            )
        )

    async def meta_by_id(self, category_id: int | str) -> CategoryMeta:
        """The same meta through the older ``meta/categories/{categoryId}`` path.

        Returns a :class:`CategoryMeta`. Raises :class:`PreflightError` for a malformed id,
        :class:`NotFoundError` for an unknown one.

        Calls ``GET /v2/providers/seller_api/apis/api/v1/marketplace/meta/categories/{categoryId}``.
        """
        return _meta(await self._run(self._meta_by_id_call(category_id), _MetaEnvelope))

    async def predict(
        self,
        product_name: str,
        *,
        brand: str | None = None,
        attributes: Mapping[str, str] | None = None,
        description: str | None = None,
        seller_sku_code: str | None = None,
    ) -> CategoryPrediction:
        """Coupang's category recommendation for a product (its ``displayCategoryCode``).

        Returns a :class:`CategoryPrediction`: check ``result.succeeded``, since
        ``FAILURE`` and ``INSUFFICIENT_INFORMATION`` come back as data, not as exceptions.
        Raises :class:`PreflightError` when ``product_name`` is not a string, an
        :class:`APIError` subclass when Coupang refuses.

        Calls ``POST /v2/providers/openapi/apis/api/v1/categorization/predict``.
        """
        call = self._predict_call(
            product_name,
            brand=brand,
            attributes=attributes,
            description=description,
            seller_sku_code=seller_sku_code,
        )
        return (await self._run(call, _PredictionEnvelope)).data

    async def auto_category_agreed(self) -> bool:
        """Whether the vendor agreed to automatic category matching (since 2020-11).

        Returns a ``bool``. Raises an :class:`APIError` subclass when Coupang refuses.

        Calls ``GET
        /v2/providers/seller_api/apis/api/v1/marketplace/vendors/{vendorId}/check-auto-category-agreed``.
        """
        return _flag(await self._run(self._agreed_call(), _FlagEnvelope))
