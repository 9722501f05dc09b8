"""Seller products (등록상품) and their items (vendor items), sync and async side by side.

``client.products`` covers every product endpoint of the reference: create, look up, full
update (needs a new approval), partial update (delivery/return fields, no approval), delete,
approval request, the lists (``nextToken`` paging, 10-minute time frames), status history,
the external-SKU summary, the registration quota, and per approved item (``vendorItemId``):
stock/price/sale status, price, quantity, original price, sale stop/resume and the
auto-generated (bundle) option opt-in/opt-out. Two retired endpoints are callable for
completeness and raise :class:`~coupang_seller.GoneError` (HTTP 410).

Preflight (on by default, ``preflight=False`` turns it off) runs
:mod:`coupang_seller.preflight.products` before sending, with the category meta of the
offline catalog (:func:`coupang_seller.catalog.load_catalog`) when the category is in it (a
category the seed catalog does not know is left to Coupang: no category-dependent checks).
On create, image files named by a local path are read and checked (size, format, square,
500-5000 px); URLs are never fetched by the SDK (Coupang downloads them). A full update does
not read images again (its items usually carry the paths of images Coupang already has).

The SDK never sets ``forceSalePriceUpdate`` by itself: only ``update_price(..., force=True)``
lifts Coupang's -50 %/+100 % guard on a price change.
"""

from __future__ import annotations

import builtins
import math
from collections.abc import AsyncIterator, Callable, Iterator, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any, Final, TypeVar

import httpx
from pydantic import BaseModel

from coupang_seller import _endpoints as E
from coupang_seller._client import AsyncClient, Client
from coupang_seller._constants import KST
from coupang_seller._core import path_param
from coupang_seller._exceptions import BusinessRuleError, UnexpectedResponseError
from coupang_seller._windows import require_datetimes
from coupang_seller.catalog import load_catalog
from coupang_seller.pagination import (
    MAX_WINDOW_PRODUCTS_TIMEFRAME,
    aiter_next_token,
    aiter_windows,
    iter_next_token,
    iter_windows,
)
from coupang_seller.preflight import products as rules
from coupang_seller.preflight._core import Violation, as_int
from coupang_seller.resources._base import (
    AsyncResource,
    Call,
    ClientT,
    Resource,
    SyncResource,
    data_of,
    envelope_data,
    nothing,
    raw,
)
from coupang_seller.types.codes import SellerProductStatus
from coupang_seller.types.product_responses import (
    InflowStatus,
    ProductHistory,
    SellerApiEnvelope,
    SellerApiPage,
    SellerProductSummary,
)
from coupang_seller.types.products import (
    PartialSellerProduct,
    SellerProduct,
    VendorItemInventory,
)

__all__ = ["AsyncProducts", "Products"]

LIST_PAGE_DEFAULT: Final = 10
LIST_PAGE_MAX: Final = 100
NAME_FILTER_MAX: Final = 20
HISTORY_PAGE_DEFAULT: Final = 10
_WIRE_TIME: Final = "%Y-%m-%dT%H:%M:%S"
_ERROR_CODES: Final = frozenset({"ERROR", "FAIL", "FAILED"})

ProductBody = Mapping[str, Any] | BaseModel
M = TypeVar("M", bound=BaseModel)

_Page = SellerApiPage[SellerProductSummary]
_HistoryPage = SellerApiPage[ProductHistory]
_Summaries = SellerApiEnvelope[list[SellerProductSummary]]


# -- pure helpers --------------------------------------------------------------------------


def _dump(body: ProductBody) -> dict[str, Any]:
    if isinstance(body, BaseModel):
        dumped: dict[str, Any] = body.model_dump(by_alias=True, exclude_none=True, mode="json")
        return dumped
    return dict(body)


def wire_time(moment: datetime) -> str:
    """``yyyy-MM-dd'T'HH:mm:ss`` in Korean time (naive datetimes are taken as Korean time)."""
    if moment.tzinfo is None:
        return moment.strftime(_WIRE_TIME)
    return moment.astimezone(KST).strftime(_WIRE_TIME)


def _whole_seconds(start: datetime, end: datetime) -> tuple[datetime, datetime]:
    """Widen ``[start, end]`` to whole seconds (the wire format has no fractions)."""
    start = start.replace(microsecond=0)
    if end.microsecond:
        end = end.replace(microsecond=0) + timedelta(seconds=1)
    return start, end


def _catalog_lookups() -> tuple[
    Callable[[int], Mapping[str, Any] | None], Callable[[int], bool | None]
]:
    catalog = load_catalog()

    def meta_for(code: int) -> Mapping[str, Any] | None:
        """The bundled category meta for ``code``, or None."""
        meta: Mapping[str, Any] | None = catalog.meta(code)
        return meta

    def is_leaf(code: int) -> bool | None:
        """Whether ``code`` is a leaf category in the bundled catalog (None when unknown)."""
        node = catalog.get(code)
        return None if node is None else bool(node.is_leaf)

    return meta_for, is_leaf


def _created_id(envelope: Any, call: Call, base_url: str) -> int:
    """``sellerProductId`` of a create/update answer, in the spec form (``data`` is the id) or
    the doubly wrapped form of the docs' sample (``data`` is another envelope)."""
    data = envelope_data(envelope)
    if isinstance(data, Mapping) and "data" in data:
        code = data.get("code")
        if isinstance(code, str) and code.upper() in _ERROR_CODES:
            request = httpx.Request(call.method, base_url + call.path)
            raise BusinessRuleError(
                str(data.get("message") or code),
                status_code=200,
                code=code,
                body=envelope,
                request=request,
                response=httpx.Response(200, request=request),
            )
        data = data.get("data")
    value = as_int(data)
    if value is None:
        request = httpx.Request(call.method, base_url + call.path)
        raise UnexpectedResponseError(
            f"expected a sellerProductId in data, got {data!r}",
            status_code=200,
            code=envelope.get("code") if isinstance(envelope, Mapping) else None,
            body=envelope,
            request=request,
            response=httpx.Response(200, request=request),
        )
    return value


def _result_code(envelope: Any) -> str:
    code = envelope.get("code") if isinstance(envelope, Mapping) else None
    return str(code) if code is not None else ""


# -- requests ------------------------------------------------------------------------------


class _ProductOps(Resource[ClientT]):
    def _body_with(
        self, body: ProductBody, *, requested: bool | None, user_id: str | None
    ) -> dict[str, Any]:
        payload = _dump(body)
        payload.setdefault("vendorId", self._vendor_id)
        user = self._user_id(user_id)
        if user is not None and payload.get("vendorUserId") in (None, ""):
            payload["vendorUserId"] = user
        if requested is not None:
            payload["requested"] = requested
        return payload

    def _create_call(
        self, body: ProductBody, *, requested: bool | None, user_id: str | None
    ) -> Call:
        payload = self._body_with(body, requested=requested, user_id=user_id)
        if self._checks:
            meta_for, is_leaf = _catalog_lookups()
            self._gate(
                "products.create",
                rules.check_product_create(
                    payload,
                    meta_for=meta_for,
                    is_leaf=is_leaf,
                    now=self._now(),
                    load_image=rules.local_image_loader(),
                ),
            )
        return Call("POST", E.PRODUCT_CREATE.path, body=payload)

    def _update_call(
        self,
        body: ProductBody,
        existing: Mapping[str, Any] | None,
        *,
        requested: bool | None,
        user_id: str | None,
    ) -> Call:
        payload = self._body_with(body, requested=requested, user_id=user_id)
        if payload.get("sellerProductId") in (None, ""):
            missing = "a full update names the product: sellerProductId is required"
            self._gate(
                "products.update", [Violation("sellerProductId", "required", missing)], always=True
            )
        if self._checks and existing is not None:
            meta_for, is_leaf = _catalog_lookups()
            self._gate(
                "products.update",
                rules.check_product_update(
                    payload,
                    existing,
                    meta_for=meta_for,
                    is_leaf=is_leaf,
                    now=self._now(),
                ),
            )
        return Call("PUT", E.PRODUCT_UPDATE.path, body=payload)

    def _partial_call(
        self, seller_product_id: int | str, changes: ProductBody, existing: Mapping[str, Any] | None
    ) -> Call:
        text = path_param(seller_product_id, "sellerProductId")
        payload = _dump(changes)
        payload["sellerProductId"] = int(text) if text.isdigit() else text
        if self._checks and existing is not None:
            self._gate("products.update_partial", rules.check_partial_update(payload, existing))
        path = E.PRODUCT_PARTIAL_UPDATE.format(sellerProductId=text)
        return Call("PUT", path, body=payload)

    @staticmethod
    def _product_path(endpoint: E.Endpoint, seller_product_id: int | str) -> str:
        return endpoint.format(sellerProductId=path_param(seller_product_id, "sellerProductId"))

    @staticmethod
    def _item_path(endpoint: E.Endpoint, vendor_item_id: int | str, **more: str) -> str:
        return endpoint.format(vendorItemId=path_param(vendor_item_id, "vendorItemId"), **more)

    def _list_call(
        self,
        *,
        next_token: str | None,
        max_per_page: int,
        status: SellerProductStatus | None,
        seller_product_name: str | None,
        seller_product_id: int | None,
        manufacture: str | None,
        created_at: datetime | None,
    ) -> Call:
        found: list[Violation] = []
        if not 1 <= max_per_page <= LIST_PAGE_MAX:
            found.append(
                Violation(
                    "maxPerPage", "max_value", f"maxPerPage must be between 1 and {LIST_PAGE_MAX}"
                )
            )
        if seller_product_name is not None and len(seller_product_name) > NAME_FILTER_MAX:
            found.append(
                Violation(
                    "sellerProductName",
                    "max_length",
                    f"sellerProductName (search) is at most {NAME_FILTER_MAX} characters",
                )
            )
        self._gate("products.list", found, always=True)
        params: dict[str, Any] = {
            "vendorId": self._vendor_id,
            "nextToken": next_token or None,
            "maxPerPage": max_per_page,
            "sellerProductId": seller_product_id,
            "sellerProductName": seller_product_name,
            "status": status,
            "manufacture": manufacture,
            "createdAt": None if created_at is None else wire_time(created_at),
        }
        return Call("GET", E.PRODUCT_LIST.path, params)

    def _time_frame_call(self, start: datetime, end: datetime) -> Call:
        if end - start > MAX_WINDOW_PRODUCTS_TIMEFRAME:  # pragma: no cover - split upstream
            raise ValueError("one time-frame call spans at most 10 minutes")
        params = {
            "vendorId": self._vendor_id,
            "createdAtFrom": wire_time(start),
            "createdAtTo": wire_time(end),
        }
        return Call("GET", E.PRODUCT_TIME_FRAME.path, params)

    @staticmethod
    def _windows_of(start: datetime, end: datetime) -> tuple[datetime, datetime]:
        if (start.tzinfo is None) != (end.tzinfo is None):
            raise ValueError("start and end must both be naive or both be timezone-aware")
        return _whole_seconds(start, end)

    def _history_call(
        self, seller_product_id: int | str, *, next_token: str | None, max_per_page: int
    ) -> Call:
        params = {"nextToken": next_token or None, "maxPerPage": max_per_page}
        return Call("GET", self._product_path(E.PRODUCT_HISTORIES, seller_product_id), params)

    def _price_call(
        self, vendor_item_id: int | str, price: int, *, force: bool, current_price: int | None
    ) -> Call:
        if self._checks and current_price is not None:
            self._gate(
                "products.update_price", rules.check_price_change(current_price, price, force=force)
            )
        path = self._item_path(E.ITEM_PRICE, vendor_item_id, price=path_param(price, "price"))
        # Only an explicit force=True lifts the guard; the SDK never adds it on its own.
        params = {"forceSalePriceUpdate": "true"} if force else None
        return Call("PUT", path, params)

    def _quantity_call(self, vendor_item_id: int | str, quantity: int) -> Call:
        if self._checks:
            self._gate("products.update_quantity", rules.check_quantity(quantity))
        path = self._item_path(
            E.ITEM_QUANTITY, vendor_item_id, quantity=path_param(quantity, "quantity")
        )
        return Call("PUT", path)

    def _original_price_call(self, vendor_item_id: int | str, original_price: int) -> Call:
        if self._checks:
            self._gate("products.update_original_price", rules.check_original_price(original_price))
        path = self._item_path(
            E.ITEM_ORIGINAL_PRICE,
            vendor_item_id,
            originalPrice=path_param(original_price, "originalPrice"),
        )
        return Call("PUT", path)

    def _sku_path(self, external_vendor_sku: str) -> str:
        return E.PRODUCT_BY_EXTERNAL_SKU.format(
            externalVendorSkuCode=path_param(external_vendor_sku, "externalVendorSkuCode")
        )

    def _best_price_path(self, vendor_item_id: int | str, enabled: bool) -> str:
        return E.BEST_PRICE_GUARANTEED_RETIRED.format(
            vendorId=path_param(self._vendor_id, "vendorId"),
            vendorItemId=path_param(vendor_item_id, "vendorItemId"),
            bestPriceGuaranteed3P="true" if enabled else "false",
        )

    @staticmethod
    def _exposed_params(
        product_name: str, next_token: str | None, max_per_page: int | None
    ) -> dict[str, Any]:
        return {"productName": product_name, "nextToken": next_token, "maxPerPage": max_per_page}

    @staticmethod
    def _existing_of(product: SellerProduct | Mapping[str, Any] | None) -> Mapping[str, Any] | None:
        if product is None or isinstance(product, Mapping):
            return product
        dumped: dict[str, Any] = product.model_dump(by_alias=True, mode="json")
        return dumped


def _summary_id(rows: Sequence[SellerProductSummary]) -> int | None:
    return rows[0].sellerProductId if rows else None


def _page_size(value: int) -> int:
    return max(1, min(LIST_PAGE_MAX, math.floor(value)))


# -- sync ----------------------------------------------------------------------------------


class Products(_ProductOps[Client], SyncResource):
    """``client.products``: seller products and their items."""

    # products

    def create(
        self, body: ProductBody, *, requested: bool | None = None, user_id: str | None = None
    ) -> int:
        """Create a product and return its ``sellerProductId``.

        ``requested=True`` asks for approval right away (otherwise the product stays
        임시저장 until :meth:`request_approval`). ``vendorId`` and ``vendorUserId`` default
        to the client's. Coupang has no idempotency key: after a lost answer, look the
        product up (:meth:`find_id_by_external_sku`) before creating it again.

        Calls ``POST /v2/providers/seller_api/apis/api/v1/marketplace/seller-products``. Returns the
        new ``sellerProductId``. Raises :class:`PreflightError` for a broken product rule (category
        meta, items, images, notices; nothing sent), :class:`BusinessRuleError` for a refusal inside
        a 2xx answer, an :class:`APIError` subclass when Coupang refuses.
        """
        call = self._create_call(body, requested=requested, user_id=user_id)
        return _created_id(self._run(call, raw), call, self._client.options.base_url)

    def get(self, seller_product_id: int | str) -> SellerProduct:
        """One product with its items; ``vendorItemId`` is set on approved items.

        Calls ``GET
        /v2/providers/seller_api/apis/api/v1/marketplace/seller-products/{sellerProductId}``.
        Returns the :class:`SellerProduct`. Raises :class:`ValueError` for an id that cannot be a
        path segment, :class:`NotFoundError` for a product of another vendor or none.
        """
        path = self._product_path(E.PRODUCT_GET, seller_product_id)
        return self._run(Call("GET", path), data_of(SellerProduct))

    def update(
        self,
        body: ProductBody,
        *,
        requested: bool | None = None,
        existing: SellerProduct | Mapping[str, Any] | None = None,
        user_id: str | None = None,
    ) -> int:
        """Full update (승인필요): ``body`` is the whole product with ``sellerProductId`` (and
        ``sellerProductItemId`` on items to keep). The product goes back to approval.

        Approved items keep their price, stock and sale status: change those with the item
        methods. Preflight compares the body with the current product (what a full update
        may not change, such as the category); it reads it with one GET unless ``existing``
        is given.

        Calls ``PUT /v2/providers/seller_api/apis/api/v1/marketplace/seller-products``. Returns the
        ``sellerProductId``. Raises :class:`PreflightError` without ``sellerProductId`` (always) or
        for a change a full update may not make, an :class:`APIError` subclass when Coupang refuses.
        """
        payload = _dump(body)
        current = self._existing_of(existing)
        if self._checks and current is None and payload.get("sellerProductId") not in (None, ""):
            current = self._existing_of(self.get(payload["sellerProductId"]))
        call = self._update_call(payload, current, requested=requested, user_id=user_id)
        return _created_id(self._run(call, raw), call, self._client.options.base_url)

    def get_partial(self, seller_product_id: int | str) -> PartialSellerProduct:
        """The delivery/return fields that :meth:`update_partial` changes without approval.

        Calls ``GET
        /v2/providers/seller_api/apis/api/v1/marketplace/seller-products/{sellerProductId}/partial``.
        Returns the :class:`PartialSellerProduct`. Raises :class:`NotFoundError` for a product of
        another vendor or none.
        """
        path = self._product_path(E.PRODUCT_PARTIAL_GET, seller_product_id)
        return self._run(Call("GET", path), data_of(PartialSellerProduct))

    def update_partial(
        self,
        seller_product_id: int | str,
        *,
        changes: PartialSellerProduct | Mapping[str, Any],
        existing: SellerProduct | Mapping[str, Any] | None = None,
    ) -> None:
        """Change delivery/return fields with no new approval (refused while 임시저장중 or
        승인대기중). Preflight reads the product once unless ``existing`` is given.

        Calls ``PUT
        /v2/providers/seller_api/apis/api/v1/marketplace/seller-products/{sellerProductId}/partial``.
        Returns nothing. Raises :class:`PreflightError` for a field a partial update may not change,
        an :class:`APIError` subclass when Coupang refuses (while 임시저장중 or 승인대기중).
        """
        current = self._existing_of(existing)
        if self._checks and current is None:
            current = self._existing_of(self.get(seller_product_id))
        self._run(self._partial_call(seller_product_id, changes, current), nothing)

    def delete(self, seller_product_id: int | str) -> None:
        """Delete a product: allowed when it is not under review and every item is stopped.

        Calls ``DELETE
        /v2/providers/seller_api/apis/api/v1/marketplace/seller-products/{sellerProductId}``.
        Returns nothing. Raises an :class:`APIError` subclass when Coupang refuses (under review, an
        item still on sale).
        """
        self._run(Call("DELETE", self._product_path(E.PRODUCT_DELETE, seller_product_id)), nothing)

    def request_approval(self, seller_product_id: int | str) -> None:
        """Ask for approval (only from 임시저장).

        Calls ``PUT
        /v2/providers/seller_api/apis/api/v1/marketplace/seller-products/{sellerProductId}/approvals``.
        Returns nothing. Raises an :class:`APIError` subclass when Coupang refuses (not 임시저장).
        """
        self._run(Call("PUT", self._product_path(E.PRODUCT_APPROVAL, seller_product_id)), nothing)

    def list(
        self,
        *,
        next_token: str | None = None,
        max_per_page: int = LIST_PAGE_DEFAULT,
        status: SellerProductStatus | None = None,
        seller_product_name: str | None = None,
        seller_product_id: int | None = None,
        manufacture: str | None = None,
        created_at: datetime | None = None,
    ) -> SellerApiPage[SellerProductSummary]:
        """One page (``maxPerPage`` <= 100); ``page.next_token`` is ``None`` on the last.

        Calls ``GET /v2/providers/seller_api/apis/api/v1/marketplace/seller-products``. Returns a
        :class:`SellerApiPage` of :class:`SellerProductSummary`. Raises :class:`PreflightError`
        (always) for a page size out of 1..100 or a name filter over 20 characters, an
        :class:`APIError` subclass when Coupang refuses.
        """
        require_datetimes(created_at=created_at)
        call = self._list_call(
            next_token=next_token,
            max_per_page=max_per_page,
            status=status,
            seller_product_name=seller_product_name,
            seller_product_id=seller_product_id,
            manufacture=manufacture,
            created_at=created_at,
        )
        return self._run(call, _Page)

    def iter(
        self,
        *,
        max_per_page: int = LIST_PAGE_MAX,
        status: SellerProductStatus | None = None,
        seller_product_name: str | None = None,
        manufacture: str | None = None,
        created_at: datetime | None = None,
        limit: int | None = None,
    ) -> Iterator[SellerProductSummary]:
        """Every product matching the filters, fetching pages lazily.

        Calls ``GET /v2/providers/seller_api/apis/api/v1/marketplace/seller-products``. Yields :class:`SellerProductSummary` items, fetching pages lazily. Raises as the one-page call it walks (:meth:`list`, :meth:`histories`, or the 10-minute time-frame call), page by page.
        """
        require_datetimes(created_at=created_at)
        size = _page_size(max_per_page)

        def fetch(token: str | None) -> tuple[Sequence[SellerProductSummary], str | None]:
            """One page of seller products and the nextToken."""
            page = self.list(
                next_token=token,
                max_per_page=size,
                status=status,
                seller_product_name=seller_product_name,
                manufacture=manufacture,
                created_at=created_at,
            )
            return page.items, page.next_token

        return iter_next_token(fetch, limit=limit)

    def _time_frame_once(
        self, start: datetime, end: datetime
    ) -> builtins.list[SellerProductSummary]:
        envelope = self._run(self._time_frame_call(start, end), _Summaries)
        return envelope.data or []

    def iter_time_frame(self, start: datetime, end: datetime) -> Iterator[SellerProductSummary]:
        """Products created in ``[start, end]``, any span: cut into 10-minute calls (the API's
        cap), each product once. Naive datetimes are Korean time.

        Calls ``GET /v2/providers/seller_api/apis/api/v1/marketplace/seller-products/time-frame``.
        Yields :class:`SellerProductSummary` items, fetching pages lazily. Raises as the one-page call it walks (:meth:`list`, :meth:`histories`, or the 10-minute time-frame call), page by page.
        """
        require_datetimes(start=start, end=end)
        start, end = self._windows_of(start, end)
        return iter_windows(
            self._time_frame_once,
            start,
            end,
            MAX_WINDOW_PRODUCTS_TIMEFRAME,
            key=lambda product: product.sellerProductId,
        )

    def list_time_frame(
        self, start: datetime, end: datetime
    ) -> builtins.list[SellerProductSummary]:
        """:meth:`iter_time_frame` as a list.

        Calls ``GET /v2/providers/seller_api/apis/api/v1/marketplace/seller-products/time-frame``.
        Returns a list of :class:`SellerProductSummary`. Raises as :meth:`iter_time_frame`.
        """
        require_datetimes(start=start, end=end)
        return builtins.list(self.iter_time_frame(start, end))

    def histories(
        self,
        seller_product_id: int | str,
        *,
        next_token: str | None = None,
        max_per_page: int = HISTORY_PAGE_DEFAULT,
    ) -> SellerApiPage[ProductHistory]:
        """One page of status changes, newest first.

        Calls ``GET
        /v2/providers/seller_api/apis/api/v1/marketplace/seller-products/{sellerProductId}/histories``.
        Returns a :class:`SellerApiPage` of :class:`ProductHistory`. Raises :class:`NotFoundError`
        for a product of another vendor or none.
        """
        call = self._history_call(
            seller_product_id, next_token=next_token, max_per_page=max_per_page
        )
        return self._run(call, _HistoryPage)

    def iter_histories(
        self, seller_product_id: int | str, *, max_per_page: int = HISTORY_PAGE_DEFAULT
    ) -> Iterator[ProductHistory]:
        """Calls ``GET
        /v2/providers/seller_api/apis/api/v1/marketplace/seller-products/{sellerProductId}/histories``.
        Yields :class:`ProductHistory` items, fetching pages lazily. Raises as the one-page call it walks (:meth:`list`, :meth:`histories`, or the 10-minute time-frame call), page by page.
        """

        def fetch(token: str | None) -> tuple[Sequence[ProductHistory], str | None]:
            """One page of the product's status history and the nextToken."""
            page = self.histories(seller_product_id, next_token=token, max_per_page=max_per_page)
            return page.items, page.next_token

        return iter_next_token(fetch)

    def get_by_external_sku(self, external_vendor_sku: str) -> builtins.list[SellerProductSummary]:
        """Products whose items carry this ``externalVendorSku`` (판매자상품코드).

        Calls ``GET
        /v2/providers/seller_api/apis/api/v1/marketplace/seller-products/external-vendor-sku-codes/{externalVendorSkuCode}``.
        Returns a list of :class:`SellerProductSummary` (empty when none carries it). Raises
        :class:`ValueError` for a code that cannot be a path segment, an :class:`APIError` subclass
        when Coupang refuses.
        """
        call = Call("GET", self._sku_path(external_vendor_sku))
        return self._run(call, _Summaries).data or []

    def find_id_by_external_sku(self, external_vendor_sku: str) -> int | None:
        """The ``sellerProductId`` of the (newest) product with this SKU, or ``None``: the way
        to reconcile a create whose answer was lost.

        Calls ``GET
        /v2/providers/seller_api/apis/api/v1/marketplace/seller-products/external-vendor-sku-codes/{externalVendorSkuCode}``.
        Returns the ``sellerProductId`` or ``None``. Raises as :meth:`get_by_external_sku`.
        """
        return _summary_id(self.get_by_external_sku(external_vendor_sku))

    def inflow_status(self) -> InflowStatus:
        """How many products are registered and how many may be.

        Calls ``GET
        /v2/providers/seller_api/apis/api/v1/marketplace/seller-products/inflow-status``. Returns
        the :class:`InflowStatus`. Raises an :class:`APIError` subclass when Coupang refuses.
        """
        return self._run(Call("GET", E.PRODUCT_INFLOW_STATUS.path), data_of(InflowStatus))

    # items (vendorItemId exists once the product is approved)

    def get_inventory(self, vendor_item_id: int | str) -> VendorItemInventory:
        """Calls ``GET
        /v2/providers/seller_api/apis/api/v1/marketplace/vendor-items/{vendorItemId}/inventories``.
        Returns the item's :class:`VendorItemInventory` (stock, price, sale status). Raises
        :class:`NotFoundError` for an item of another vendor or none.
        """
        path = self._item_path(E.ITEM_INVENTORY, vendor_item_id)
        return self._run(Call("GET", path), data_of(VendorItemInventory))

    def update_price(
        self,
        vendor_item_id: int | str,
        *,
        price: int,
        force: bool = False,
        current_price: int | None = None,
    ) -> None:
        """Change the sale price. Coupang refuses a change beyond -50 %/+100 % of the current
        price unless ``force=True`` (``forceSalePriceUpdate=true``, never sent otherwise);
        pass ``current_price`` to have preflight check the guard before sending.

        Calls ``PUT
        /v2/providers/seller_api/apis/api/v1/marketplace/vendor-items/{vendorItemId}/prices/{price}``.
        Returns nothing. Raises :class:`PreflightError` for a change beyond the guard when
        ``current_price`` is given, an :class:`APIError` subclass when Coupang refuses.
        """
        self._run(
            self._price_call(vendor_item_id, price, force=force, current_price=current_price), raw
        )

    def update_quantity(self, vendor_item_id: int | str, *, quantity: int) -> None:
        """Calls ``PUT
        /v2/providers/seller_api/apis/api/v1/marketplace/vendor-items/{vendorItemId}/quantities/{quantity}``.
        Returns nothing. Raises :class:`PreflightError` for a quantity out of range, an
        :class:`APIError` subclass when Coupang refuses.
        """
        self._run(self._quantity_call(vendor_item_id, quantity), nothing)

    def update_original_price(self, vendor_item_id: int | str, *, original_price: int) -> None:
        """Change the discount base price (할인율기준가), in 10-won steps.

        Calls ``PUT
        /v2/providers/seller_api/apis/api/v1/marketplace/vendor-items/{vendorItemId}/original-prices/{originalPrice}``.
        Returns nothing. Raises :class:`PreflightError` for a price not in 10-won steps, an
        :class:`APIError` subclass when Coupang refuses.
        """
        self._run(self._original_price_call(vendor_item_id, original_price), nothing)

    def stop_sales(self, vendor_item_id: int | str) -> None:
        """Calls ``PUT
        /v2/providers/seller_api/apis/api/v1/marketplace/vendor-items/{vendorItemId}/sales/stop``.
        Returns nothing. Raises an :class:`APIError` subclass when Coupang refuses.
        """
        self._run(Call("PUT", self._item_path(E.ITEM_SALES_STOP, vendor_item_id)), nothing)

    def resume_sales(self, vendor_item_id: int | str) -> None:
        """Calls ``PUT
        /v2/providers/seller_api/apis/api/v1/marketplace/vendor-items/{vendorItemId}/sales/resume``.
        Returns nothing. Raises an :class:`APIError` subclass when Coupang refuses.
        """
        self._run(Call("PUT", self._item_path(E.ITEM_SALES_RESUME, vendor_item_id)), nothing)

    def opt_in_auto_generated_options(self, vendor_item_id: int | str) -> str:
        """Let Coupang generate bundle options of this item; the result code (SUCCESS or
        PROCESSING).

        Calls ``POST
        /v2/providers/seller_api/apis/api/v1/marketplace/vendor-items/{vendorItemId}/auto-generated/opt-in``.
        Returns the result code (SUCCESS or PROCESSING). Raises an :class:`APIError` subclass when
        Coupang refuses.
        """
        path = self._item_path(E.ITEM_AUTO_OPTION_OPT_IN, vendor_item_id)
        return _result_code(self._run(Call("POST", path), raw))

    def opt_out_auto_generated_options(self, vendor_item_id: int | str) -> str:
        """Calls ``POST
        /v2/providers/seller_api/apis/api/v1/marketplace/vendor-items/{vendorItemId}/auto-generated/opt-out``.
        Returns the result code. Raises an :class:`APIError` subclass when Coupang refuses.
        """
        path = self._item_path(E.ITEM_AUTO_OPTION_OPT_OUT, vendor_item_id)
        return _result_code(self._run(Call("POST", path), raw))

    def opt_in_auto_generated_options_for_all(self) -> str:
        """Seller-wide opt-in to auto-generated options.

        Calls ``POST
        /v2/providers/seller_api/apis/api/v1/marketplace/seller/auto-generated/opt-in``. Returns the
        result code. Raises an :class:`APIError` subclass when Coupang refuses.
        """
        return _result_code(self._run(Call("POST", E.SELLER_AUTO_OPTION_OPT_IN.path), raw))

    def opt_out_auto_generated_options_for_all(self) -> str:
        """Calls ``POST
        /v2/providers/seller_api/apis/api/v1/marketplace/seller/auto-generated/opt-out``. Returns
        the result code. Raises an :class:`APIError` subclass when Coupang refuses.
        """
        return _result_code(self._run(Call("POST", E.SELLER_AUTO_OPTION_OPT_OUT.path), raw))

    # retired

    def list_exposed(
        self,
        *,
        product_name: str,
        next_token: str | None = None,
        max_per_page: int | None = None,
    ) -> Any:
        """RETIRED (removed 2020-01): the exposed-product paging list. Coupang answers 410,
        raised as :class:`~coupang_seller.GoneError`; use :meth:`list` / :meth:`iter`.

        Calls ``GET /v2/providers/seller_api/apis/api/v1/marketplace/meta/products``. Returns
        nothing usable. Raises :class:`GoneError`.
        """
        params = self._exposed_params(product_name, next_token, max_per_page)
        return self._run(Call("GET", E.EXPOSED_PRODUCTS_RETIRED.path, params), raw)

    def list_certifications(self) -> Any:
        """RETIRED: the season-1 certification list; Coupang answers 410, raised as
        :class:`~coupang_seller.GoneError`. A category's certifications come with its meta:
        ``client.categories.meta(code).certifications``.

        Calls ``GET /targets/wing/seller_api/apis/api/v1/marketplace/meta/certifications``. Returns
        nothing usable. Raises :class:`GoneError`.
        """
        return self._run(Call("GET", E.CERTIFICATIONS_RETIRED.path), raw)

    def set_best_price_guaranteed(self, vendor_item_id: int | str, *, enabled: bool) -> Any:
        """RETIRED: the best-price guarantee (쿠런티) switch. Coupang answers 410, raised as
        :class:`~coupang_seller.GoneError`.

        Calls ``PUT
        /v2/providers/seller_api/apis/api/v1/marketplace/vendor-items/{vendorId}/{vendorItemId}/best-price-guaranteed-3p/{bestPriceGuaranteed3P}``.
        Returns nothing usable. Raises :class:`GoneError`.
        """
        return self._run(Call("PUT", self._best_price_path(vendor_item_id, enabled)), raw)


# -- async ---------------------------------------------------------------------------------


class AsyncProducts(_ProductOps[AsyncClient], AsyncResource):
    """Async twin of :class:`Products`."""

    async def create(
        self, body: ProductBody, *, requested: bool | None = None, user_id: str | None = None
    ) -> int:
        """Create a product and return its ``sellerProductId``.

        ``requested=True`` asks for approval right away (otherwise the product stays
        임시저장 until :meth:`request_approval`). ``vendorId`` and ``vendorUserId`` default
        to the client's. Coupang has no idempotency key: after a lost answer, look the
        product up (:meth:`find_id_by_external_sku`) before creating it again.

        Calls ``POST /v2/providers/seller_api/apis/api/v1/marketplace/seller-products``. Returns the
        new ``sellerProductId``. Raises :class:`PreflightError` for a broken product rule (category
        meta, items, images, notices; nothing sent), :class:`BusinessRuleError` for a refusal inside
        a 2xx answer, an :class:`APIError` subclass when Coupang refuses.
        """
        call = self._create_call(body, requested=requested, user_id=user_id)
        return _created_id(await self._run(call, raw), call, self._client.options.base_url)

    async def get(self, seller_product_id: int | str) -> SellerProduct:
        """One product with its items; ``vendorItemId`` is set on approved items.

        Calls ``GET
        /v2/providers/seller_api/apis/api/v1/marketplace/seller-products/{sellerProductId}``.
        Returns the :class:`SellerProduct`. Raises :class:`ValueError` for an id that cannot be a
        path segment, :class:`NotFoundError` for a product of another vendor or none.
        """
        path = self._product_path(E.PRODUCT_GET, seller_product_id)
        return await self._run(Call("GET", path), data_of(SellerProduct))

    async def update(
        self,
        body: ProductBody,
        *,
        requested: bool | None = None,
        existing: SellerProduct | Mapping[str, Any] | None = None,
        user_id: str | None = None,
    ) -> int:
        """Full update (승인필요): ``body`` is the whole product with ``sellerProductId`` (and
        ``sellerProductItemId`` on items to keep). The product goes back to approval.

        Approved items keep their price, stock and sale status: change those with the item
        methods. Preflight compares the body with the current product (what a full update
        may not change, such as the category); it reads it with one GET unless ``existing``
        is given.

        Calls ``PUT /v2/providers/seller_api/apis/api/v1/marketplace/seller-products``. Returns the
        ``sellerProductId``. Raises :class:`PreflightError` without ``sellerProductId`` (always) or
        for a change a full update may not make, an :class:`APIError` subclass when Coupang refuses.
        """
        payload = _dump(body)
        current = self._existing_of(existing)
        if self._checks and current is None and payload.get("sellerProductId") not in (None, ""):
            current = self._existing_of(await self.get(payload["sellerProductId"]))
        call = self._update_call(payload, current, requested=requested, user_id=user_id)
        return _created_id(await self._run(call, raw), call, self._client.options.base_url)

    async def get_partial(self, seller_product_id: int | str) -> PartialSellerProduct:
        """The delivery/return fields that :meth:`update_partial` changes without approval.

        Calls ``GET
        /v2/providers/seller_api/apis/api/v1/marketplace/seller-products/{sellerProductId}/partial``.
        Returns the :class:`PartialSellerProduct`. Raises :class:`NotFoundError` for a product of
        another vendor or none.
        """
        path = self._product_path(E.PRODUCT_PARTIAL_GET, seller_product_id)
        return await self._run(Call("GET", path), data_of(PartialSellerProduct))

    async def update_partial(
        self,
        seller_product_id: int | str,
        *,
        changes: PartialSellerProduct | Mapping[str, Any],
        existing: SellerProduct | Mapping[str, Any] | None = None,
    ) -> None:
        """Change delivery/return fields with no new approval (refused while 임시저장중 or
        승인대기중). Preflight reads the product once unless ``existing`` is given.

        Calls ``PUT
        /v2/providers/seller_api/apis/api/v1/marketplace/seller-products/{sellerProductId}/partial``.
        Returns nothing. Raises :class:`PreflightError` for a field a partial update may not change,
        an :class:`APIError` subclass when Coupang refuses (while 임시저장중 or 승인대기중).
        """
        current = self._existing_of(existing)
        if self._checks and current is None:
            current = self._existing_of(await self.get(seller_product_id))
        await self._run(self._partial_call(seller_product_id, changes, current), nothing)

    async def delete(self, seller_product_id: int | str) -> None:
        """Delete a product: allowed when it is not under review and every item is stopped.

        Calls ``DELETE
        /v2/providers/seller_api/apis/api/v1/marketplace/seller-products/{sellerProductId}``.
        Returns nothing. Raises an :class:`APIError` subclass when Coupang refuses (under review, an
        item still on sale).
        """
        await self._run(
            Call("DELETE", self._product_path(E.PRODUCT_DELETE, seller_product_id)), raw
        )

    async def request_approval(self, seller_product_id: int | str) -> None:
        """Ask for approval (only from 임시저장).

        Calls ``PUT
        /v2/providers/seller_api/apis/api/v1/marketplace/seller-products/{sellerProductId}/approvals``.
        Returns nothing. Raises an :class:`APIError` subclass when Coupang refuses (not 임시저장).
        """
        await self._run(
            Call("PUT", self._product_path(E.PRODUCT_APPROVAL, seller_product_id)), nothing
        )

    async def list(
        self,
        *,
        next_token: str | None = None,
        max_per_page: int = LIST_PAGE_DEFAULT,
        status: SellerProductStatus | None = None,
        seller_product_name: str | None = None,
        seller_product_id: int | None = None,
        manufacture: str | None = None,
        created_at: datetime | None = None,
    ) -> SellerApiPage[SellerProductSummary]:
        """One page (``maxPerPage`` <= 100); ``page.next_token`` is ``None`` on the last.

        Calls ``GET /v2/providers/seller_api/apis/api/v1/marketplace/seller-products``. Returns a
        :class:`SellerApiPage` of :class:`SellerProductSummary`. Raises :class:`PreflightError`
        (always) for a page size out of 1..100 or a name filter over 20 characters, an
        :class:`APIError` subclass when Coupang refuses.
        """
        require_datetimes(created_at=created_at)
        call = self._list_call(
            next_token=next_token,
            max_per_page=max_per_page,
            status=status,
            seller_product_name=seller_product_name,
            seller_product_id=seller_product_id,
            manufacture=manufacture,
            created_at=created_at,
        )
        return await self._run(call, _Page)

    def iter(
        self,
        *,
        max_per_page: int = LIST_PAGE_MAX,
        status: SellerProductStatus | None = None,
        seller_product_name: str | None = None,
        manufacture: str | None = None,
        created_at: datetime | None = None,
        limit: int | None = None,
    ) -> AsyncIterator[SellerProductSummary]:
        """Every product matching the filters, fetching pages lazily.

        Calls ``GET /v2/providers/seller_api/apis/api/v1/marketplace/seller-products``. Yields :class:`SellerProductSummary` items, fetching pages lazily. Raises as the one-page call it walks (:meth:`list`, :meth:`histories`, or the 10-minute time-frame call), page by page.
        """
        require_datetimes(created_at=created_at)
        size = _page_size(max_per_page)

        async def fetch(token: str | None) -> tuple[Sequence[SellerProductSummary], str | None]:
            """One page of seller products and the nextToken."""
            page = await self.list(
                next_token=token,
                max_per_page=size,
                status=status,
                seller_product_name=seller_product_name,
                manufacture=manufacture,
                created_at=created_at,
            )
            return page.items, page.next_token

        return aiter_next_token(fetch, limit=limit)

    async def _time_frame_once(
        self, start: datetime, end: datetime
    ) -> builtins.list[SellerProductSummary]:
        envelope = await self._run(self._time_frame_call(start, end), _Summaries)
        return envelope.data or []

    def iter_time_frame(
        self, start: datetime, end: datetime
    ) -> AsyncIterator[SellerProductSummary]:
        """Products created in ``[start, end]``, any span: cut into 10-minute calls (the API's
        cap), each product once. Naive datetimes are Korean time.

        Calls ``GET /v2/providers/seller_api/apis/api/v1/marketplace/seller-products/time-frame``.
        Yields :class:`SellerProductSummary` items, fetching pages lazily. Raises as the one-page call it walks (:meth:`list`, :meth:`histories`, or the 10-minute time-frame call), page by page.
        """
        require_datetimes(start=start, end=end)
        start, end = self._windows_of(start, end)

        async def window(a: datetime, b: datetime) -> AsyncIterator[SellerProductSummary]:
            """The seller products of one time frame."""
            for product in await self._time_frame_once(a, b):
                yield product

        return aiter_windows(
            window,
            start,
            end,
            MAX_WINDOW_PRODUCTS_TIMEFRAME,
            key=lambda product: product.sellerProductId,
        )

    async def list_time_frame(
        self, start: datetime, end: datetime
    ) -> builtins.list[SellerProductSummary]:
        """:meth:`iter_time_frame` as a list.

        Calls ``GET /v2/providers/seller_api/apis/api/v1/marketplace/seller-products/time-frame``.
        Returns a list of :class:`SellerProductSummary`. Raises as :meth:`iter_time_frame`.
        """
        require_datetimes(start=start, end=end)
        return [product async for product in self.iter_time_frame(start, end)]

    async def histories(
        self,
        seller_product_id: int | str,
        *,
        next_token: str | None = None,
        max_per_page: int = HISTORY_PAGE_DEFAULT,
    ) -> SellerApiPage[ProductHistory]:
        """One page of status changes, newest first.

        Calls ``GET
        /v2/providers/seller_api/apis/api/v1/marketplace/seller-products/{sellerProductId}/histories``.
        Returns a :class:`SellerApiPage` of :class:`ProductHistory`. Raises :class:`NotFoundError`
        for a product of another vendor or none.
        """
        call = self._history_call(
            seller_product_id, next_token=next_token, max_per_page=max_per_page
        )
        return await self._run(call, _HistoryPage)

    def iter_histories(
        self, seller_product_id: int | str, *, max_per_page: int = HISTORY_PAGE_DEFAULT
    ) -> AsyncIterator[ProductHistory]:
        """Calls ``GET
        /v2/providers/seller_api/apis/api/v1/marketplace/seller-products/{sellerProductId}/histories``.
        Yields :class:`ProductHistory` items, fetching pages lazily. Raises as the one-page call it walks (:meth:`list`, :meth:`histories`, or the 10-minute time-frame call), page by page.
        """

        async def fetch(token: str | None) -> tuple[Sequence[ProductHistory], str | None]:
            """One page of the product's status history and the nextToken."""
            page = await self.histories(
                seller_product_id, next_token=token, max_per_page=max_per_page
            )
            return page.items, page.next_token

        return aiter_next_token(fetch)

    async def get_by_external_sku(
        self, external_vendor_sku: str
    ) -> builtins.list[SellerProductSummary]:
        """Products whose items carry this ``externalVendorSku`` (판매자상품코드).

        Calls ``GET
        /v2/providers/seller_api/apis/api/v1/marketplace/seller-products/external-vendor-sku-codes/{externalVendorSkuCode}``.
        Returns a list of :class:`SellerProductSummary` (empty when none carries it). Raises
        :class:`ValueError` for a code that cannot be a path segment, an :class:`APIError` subclass
        when Coupang refuses.
        """
        call = Call("GET", self._sku_path(external_vendor_sku))
        return (await self._run(call, _Summaries)).data or []

    async def find_id_by_external_sku(self, external_vendor_sku: str) -> int | None:
        """The ``sellerProductId`` of the (newest) product with this SKU, or ``None``: the way
        to reconcile a create whose answer was lost.

        Calls ``GET
        /v2/providers/seller_api/apis/api/v1/marketplace/seller-products/external-vendor-sku-codes/{externalVendorSkuCode}``.
        Returns the ``sellerProductId`` or ``None``. Raises as :meth:`get_by_external_sku`.
        """
        return _summary_id(await self.get_by_external_sku(external_vendor_sku))

    async def inflow_status(self) -> InflowStatus:
        """How many products are registered and how many may be.

        Calls ``GET
        /v2/providers/seller_api/apis/api/v1/marketplace/seller-products/inflow-status``. Returns
        the :class:`InflowStatus`. Raises an :class:`APIError` subclass when Coupang refuses.
        """
        return await self._run(Call("GET", E.PRODUCT_INFLOW_STATUS.path), data_of(InflowStatus))

    async def get_inventory(self, vendor_item_id: int | str) -> VendorItemInventory:
        """Calls ``GET
        /v2/providers/seller_api/apis/api/v1/marketplace/vendor-items/{vendorItemId}/inventories``.
        Returns the item's :class:`VendorItemInventory` (stock, price, sale status). Raises
        :class:`NotFoundError` for an item of another vendor or none.
        """
        path = self._item_path(E.ITEM_INVENTORY, vendor_item_id)
        return await self._run(Call("GET", path), data_of(VendorItemInventory))

    async def update_price(
        self,
        vendor_item_id: int | str,
        *,
        price: int,
        force: bool = False,
        current_price: int | None = None,
    ) -> None:
        """Change the sale price. Coupang refuses a change beyond -50 %/+100 % of the current
        price unless ``force=True`` (``forceSalePriceUpdate=true``, never sent otherwise);
        pass ``current_price`` to have preflight check the guard before sending.

        Calls ``PUT
        /v2/providers/seller_api/apis/api/v1/marketplace/vendor-items/{vendorItemId}/prices/{price}``.
        Returns nothing. Raises :class:`PreflightError` for a change beyond the guard when
        ``current_price`` is given, an :class:`APIError` subclass when Coupang refuses.
        """
        await self._run(
            self._price_call(vendor_item_id, price, force=force, current_price=current_price), raw
        )

    async def update_quantity(self, vendor_item_id: int | str, *, quantity: int) -> None:
        """Calls ``PUT
        /v2/providers/seller_api/apis/api/v1/marketplace/vendor-items/{vendorItemId}/quantities/{quantity}``.
        Returns nothing. Raises :class:`PreflightError` for a quantity out of range, an
        :class:`APIError` subclass when Coupang refuses.
        """
        await self._run(self._quantity_call(vendor_item_id, quantity), nothing)

    async def update_original_price(
        self, vendor_item_id: int | str, *, original_price: int
    ) -> None:
        """Change the discount base price (할인율기준가), in 10-won steps.

        Calls ``PUT
        /v2/providers/seller_api/apis/api/v1/marketplace/vendor-items/{vendorItemId}/original-prices/{originalPrice}``.
        Returns nothing. Raises :class:`PreflightError` for a price not in 10-won steps, an
        :class:`APIError` subclass when Coupang refuses.
        """
        await self._run(self._original_price_call(vendor_item_id, original_price), nothing)

    async def stop_sales(self, vendor_item_id: int | str) -> None:
        """Calls ``PUT
        /v2/providers/seller_api/apis/api/v1/marketplace/vendor-items/{vendorItemId}/sales/stop``.
        Returns nothing. Raises an :class:`APIError` subclass when Coupang refuses.
        """
        await self._run(Call("PUT", self._item_path(E.ITEM_SALES_STOP, vendor_item_id)), nothing)

    async def resume_sales(self, vendor_item_id: int | str) -> None:
        """Calls ``PUT
        /v2/providers/seller_api/apis/api/v1/marketplace/vendor-items/{vendorItemId}/sales/resume``.
        Returns nothing. Raises an :class:`APIError` subclass when Coupang refuses.
        """
        await self._run(Call("PUT", self._item_path(E.ITEM_SALES_RESUME, vendor_item_id)), nothing)

    async def opt_in_auto_generated_options(self, vendor_item_id: int | str) -> str:
        """Let Coupang generate bundle options of this item; the result code (SUCCESS or
        PROCESSING).

        Calls ``POST
        /v2/providers/seller_api/apis/api/v1/marketplace/vendor-items/{vendorItemId}/auto-generated/opt-in``.
        Returns the result code (SUCCESS or PROCESSING). Raises an :class:`APIError` subclass when
        Coupang refuses.
        """
        path = self._item_path(E.ITEM_AUTO_OPTION_OPT_IN, vendor_item_id)
        return _result_code(await self._run(Call("POST", path), raw))

    async def opt_out_auto_generated_options(self, vendor_item_id: int | str) -> str:
        """Calls ``POST
        /v2/providers/seller_api/apis/api/v1/marketplace/vendor-items/{vendorItemId}/auto-generated/opt-out``.
        Returns the result code. Raises an :class:`APIError` subclass when Coupang refuses.
        """
        path = self._item_path(E.ITEM_AUTO_OPTION_OPT_OUT, vendor_item_id)
        return _result_code(await self._run(Call("POST", path), raw))

    async def opt_in_auto_generated_options_for_all(self) -> str:
        """Seller-wide opt-in to auto-generated options.

        Calls ``POST
        /v2/providers/seller_api/apis/api/v1/marketplace/seller/auto-generated/opt-in``. Returns the
        result code. Raises an :class:`APIError` subclass when Coupang refuses.
        """
        return _result_code(await self._run(Call("POST", E.SELLER_AUTO_OPTION_OPT_IN.path), raw))

    async def opt_out_auto_generated_options_for_all(self) -> str:
        """Calls ``POST
        /v2/providers/seller_api/apis/api/v1/marketplace/seller/auto-generated/opt-out``. Returns
        the result code. Raises an :class:`APIError` subclass when Coupang refuses.
        """
        return _result_code(await self._run(Call("POST", E.SELLER_AUTO_OPTION_OPT_OUT.path), raw))

    async def list_exposed(
        self,
        *,
        product_name: str,
        next_token: str | None = None,
        max_per_page: int | None = None,
    ) -> Any:
        """RETIRED (removed 2020-01): the exposed-product paging list. Coupang answers 410,
        raised as :class:`~coupang_seller.GoneError`; use :meth:`list` / :meth:`iter`.

        Calls ``GET /v2/providers/seller_api/apis/api/v1/marketplace/meta/products``. Returns
        nothing usable. Raises :class:`GoneError`.
        """
        params = self._exposed_params(product_name, next_token, max_per_page)
        return await self._run(Call("GET", E.EXPOSED_PRODUCTS_RETIRED.path, params), raw)

    async def list_certifications(self) -> Any:
        """RETIRED: the season-1 certification list; Coupang answers 410, raised as
        :class:`~coupang_seller.GoneError`. A category's certifications come with its meta:
        ``client.categories.meta(code).certifications``.

        Calls ``GET /targets/wing/seller_api/apis/api/v1/marketplace/meta/certifications``. Returns
        nothing usable. Raises :class:`GoneError`.
        """
        return await self._run(Call("GET", E.CERTIFICATIONS_RETIRED.path), raw)

    async def set_best_price_guaranteed(self, vendor_item_id: int | str, *, enabled: bool) -> Any:
        """RETIRED: the best-price guarantee (쿠런티) switch. Coupang answers 410, raised as
        :class:`~coupang_seller.GoneError`.

        Calls ``PUT
        /v2/providers/seller_api/apis/api/v1/marketplace/vendor-items/{vendorId}/{vendorItemId}/best-price-guaranteed-3p/{bestPriceGuaranteed3P}``.
        Returns nothing usable. Raises :class:`GoneError`.
        """
        return await self._run(Call("PUT", self._best_price_path(vendor_item_id, enabled)), raw)
