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
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Final, TypeVar

import httpx
from pydantic import BaseModel

from coupang_seller import _endpoints as E
from coupang_seller._client import AsyncClient, Client
from coupang_seller._constants import KST
from coupang_seller._core import QueryParams, path_param
from coupang_seller._exceptions import BusinessRuleError, PreflightError
from coupang_seller.pagination import (
    MAX_WINDOW_PRODUCTS_TIMEFRAME,
    aiter_next_token,
    aiter_windows,
    iter_next_token,
    iter_windows,
)
from coupang_seller.preflight._core import Violation, as_int
from coupang_seller.resources._base import ClientT, Resource, envelope_data
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


@dataclass(frozen=True, slots=True)
class _Call:
    method: str
    path: str
    params: QueryParams | None = None
    body: Any = None
    operation: str = ""


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
    from coupang_seller.catalog import load_catalog

    catalog = load_catalog()

    def meta_for(code: int) -> Mapping[str, Any] | None:
        meta: Mapping[str, Any] | None = catalog.meta(code)
        return meta

    def is_leaf(code: int) -> bool | None:
        node = catalog.get(code)
        return None if node is None else bool(node.is_leaf)

    return meta_for, is_leaf


def _created_id(envelope: Any, call: _Call, base_url: str) -> int:
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
        from coupang_seller._exceptions import UnexpectedResponseError

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


#: The offline catalog is a seed, not Coupang's live tree: a category it does not know is
#: left for Coupang to judge (the category-dependent rules are then skipped).
_NOT_JUDGED_OFFLINE: Final = frozenset({"category_unknown"})


def _refuse(violations: Sequence[Violation], operation: str) -> None:
    found = [v for v in violations if v.rule not in _NOT_JUDGED_OFFLINE]
    if found:
        raise PreflightError(found, operation=operation)


# -- requests ------------------------------------------------------------------------------


class _ProductOps(Resource[ClientT]):
    @property
    def _checking(self) -> bool:
        return self._client.options.preflight

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
    ) -> _Call:
        payload = self._body_with(body, requested=requested, user_id=user_id)
        if self._checking:
            from coupang_seller.preflight import products as rules

            meta_for, is_leaf = _catalog_lookups()
            _refuse(
                rules.check_product_create(
                    payload,
                    meta_for=meta_for,
                    is_leaf=is_leaf,
                    now=datetime.now(UTC),
                    load_image=rules.local_image_loader(),
                ),
                "products.create",
            )
        return _Call("POST", E.PRODUCT_CREATE.path, body=payload, operation="products.create")

    def _update_call(
        self,
        body: ProductBody,
        existing: Mapping[str, Any] | None,
        *,
        requested: bool | None,
        user_id: str | None,
    ) -> _Call:
        payload = self._body_with(body, requested=requested, user_id=user_id)
        if payload.get("sellerProductId") in (None, ""):
            raise PreflightError(
                [
                    Violation(
                        "sellerProductId",
                        "required",
                        "a full update names the product: sellerProductId is required",
                    )
                ],
                operation="products.update",
            )
        if self._checking and existing is not None:
            from coupang_seller.preflight import products as rules

            meta_for, is_leaf = _catalog_lookups()
            _refuse(
                rules.check_product_update(
                    payload,
                    existing,
                    meta_for=meta_for,
                    is_leaf=is_leaf,
                    now=datetime.now(UTC),
                ),
                "products.update",
            )
        return _Call("PUT", E.PRODUCT_UPDATE.path, body=payload, operation="products.update")

    def _partial_call(
        self, seller_product_id: int | str, changes: ProductBody, existing: Mapping[str, Any] | None
    ) -> _Call:
        text = path_param(seller_product_id, "sellerProductId")
        payload = _dump(changes)
        payload["sellerProductId"] = int(text) if text.isdigit() else text
        if self._checking and existing is not None:
            from coupang_seller.preflight import products as rules

            _refuse(rules.check_partial_update(payload, existing), "products.update_partial")
        path = E.PRODUCT_PARTIAL_UPDATE.format(sellerProductId=text)
        return _Call("PUT", path, body=payload, operation="products.update_partial")

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
        status: str | None,
        seller_product_name: str | None,
        seller_product_id: int | None,
        manufacture: str | None,
        created_at: datetime | None,
    ) -> _Call:
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
        _refuse(found, "products.list")
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
        return _Call("GET", E.PRODUCT_LIST.path, params, operation="products.list")

    def _time_frame_call(self, start: datetime, end: datetime) -> _Call:
        if end - start > MAX_WINDOW_PRODUCTS_TIMEFRAME:  # pragma: no cover - split upstream
            raise ValueError("one time-frame call spans at most 10 minutes")
        params = {
            "vendorId": self._vendor_id,
            "createdAtFrom": wire_time(start),
            "createdAtTo": wire_time(end),
        }
        return _Call("GET", E.PRODUCT_TIME_FRAME.path, params, operation="products.time_frame")

    @staticmethod
    def _windows_of(start: datetime, end: datetime) -> tuple[datetime, datetime]:
        if (start.tzinfo is None) != (end.tzinfo is None):
            raise ValueError("start and end must both be naive or both be timezone-aware")
        return _whole_seconds(start, end)

    def _history_call(
        self, seller_product_id: int | str, *, next_token: str | None, max_per_page: int
    ) -> _Call:
        params = {"nextToken": next_token or None, "maxPerPage": max_per_page}
        return _Call("GET", self._product_path(E.PRODUCT_HISTORIES, seller_product_id), params)

    def _price_call(
        self, vendor_item_id: int | str, price: int, *, force: bool, current_price: int | None
    ) -> _Call:
        if self._checking and current_price is not None:
            from coupang_seller.preflight import products as rules

            _refuse(
                rules.check_price_change(current_price, price, force=force),
                "products.update_price",
            )
        path = self._item_path(E.ITEM_PRICE, vendor_item_id, price=path_param(price, "price"))
        # Only an explicit force=True lifts the guard; the SDK never adds it on its own.
        params = {"forceSalePriceUpdate": "true"} if force else None
        return _Call("PUT", path, params)

    def _quantity_call(self, vendor_item_id: int | str, quantity: int) -> _Call:
        if self._checking:
            from coupang_seller.preflight import products as rules

            _refuse(rules.check_quantity(quantity), "products.update_quantity")
        path = self._item_path(
            E.ITEM_QUANTITY, vendor_item_id, quantity=path_param(quantity, "quantity")
        )
        return _Call("PUT", path)

    def _original_price_call(self, vendor_item_id: int | str, original_price: int) -> _Call:
        if self._checking:
            from coupang_seller.preflight import products as rules

            _refuse(rules.check_original_price(original_price), "products.update_original_price")
        path = self._item_path(
            E.ITEM_ORIGINAL_PRICE,
            vendor_item_id,
            originalPrice=path_param(original_price, "originalPrice"),
        )
        return _Call("PUT", path)

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


class Products(_ProductOps[Client]):
    """``client.products``: seller products and their items."""

    def _send(self, call: _Call) -> Any:
        return self._client.request(call.method, call.path, params=call.params, json=call.body)

    def _model(self, call: _Call, model: type[M]) -> M:
        return self._client.request_model(
            call.method, call.path, model, params=call.params, json=call.body
        )

    # products

    def create(
        self, body: ProductBody, *, requested: bool | None = None, user_id: str | None = None
    ) -> int:
        """Create a product and return its ``sellerProductId``.

        ``requested=True`` asks for approval right away (otherwise the product stays
        임시저장 until :meth:`request_approval`). ``vendorId`` and ``vendorUserId`` default
        to the client's. Coupang has no idempotency key: after a lost answer, look the
        product up (:meth:`find_id_by_external_sku`) before creating it again.
        """
        call = self._create_call(body, requested=requested, user_id=user_id)
        return _created_id(self._send(call), call, self._client.options.base_url)

    def get(self, seller_product_id: int | str) -> SellerProduct:
        """One product with its items; ``vendorItemId`` is set on approved items."""
        path = self._product_path(E.PRODUCT_GET, seller_product_id)
        data = envelope_data(self._send(_Call("GET", path)))
        return SellerProduct.model_validate(data)

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
        """
        payload = _dump(body)
        current = self._existing_of(existing)
        if self._checking and current is None and payload.get("sellerProductId") not in (None, ""):
            current = self._existing_of(self.get(payload["sellerProductId"]))
        call = self._update_call(payload, current, requested=requested, user_id=user_id)
        return _created_id(self._send(call), call, self._client.options.base_url)

    def get_partial(self, seller_product_id: int | str) -> PartialSellerProduct:
        """The delivery/return fields that :meth:`update_partial` changes without approval."""
        path = self._product_path(E.PRODUCT_PARTIAL_GET, seller_product_id)
        return PartialSellerProduct.model_validate(envelope_data(self._send(_Call("GET", path))))

    def update_partial(
        self,
        seller_product_id: int | str,
        *,
        changes: PartialSellerProduct | Mapping[str, Any],
        existing: SellerProduct | Mapping[str, Any] | None = None,
    ) -> None:
        """Change delivery/return fields with no new approval (refused while 임시저장중 or
        승인대기중). Preflight reads the product once unless ``existing`` is given."""
        current = self._existing_of(existing)
        if self._checking and current is None:
            current = self._existing_of(self.get(seller_product_id))
        self._send(self._partial_call(seller_product_id, changes, current))

    def delete(self, seller_product_id: int | str) -> None:
        """Delete a product: allowed when it is not under review and every item is stopped."""
        self._send(_Call("DELETE", self._product_path(E.PRODUCT_DELETE, seller_product_id)))

    def request_approval(self, seller_product_id: int | str) -> None:
        """Ask for approval (only from 임시저장)."""
        self._send(_Call("PUT", self._product_path(E.PRODUCT_APPROVAL, seller_product_id)))

    def list(
        self,
        *,
        next_token: str | None = None,
        max_per_page: int = LIST_PAGE_DEFAULT,
        status: str | None = None,
        seller_product_name: str | None = None,
        seller_product_id: int | None = None,
        manufacture: str | None = None,
        created_at: datetime | None = None,
    ) -> SellerApiPage[SellerProductSummary]:
        """One page (``maxPerPage`` <= 100); ``page.next_token`` is ``None`` on the last."""
        call = self._list_call(
            next_token=next_token,
            max_per_page=max_per_page,
            status=status,
            seller_product_name=seller_product_name,
            seller_product_id=seller_product_id,
            manufacture=manufacture,
            created_at=created_at,
        )
        return self._model(call, _Page)

    def iter(
        self,
        *,
        max_per_page: int = LIST_PAGE_MAX,
        status: str | None = None,
        seller_product_name: str | None = None,
        manufacture: str | None = None,
        created_at: datetime | None = None,
        limit: int | None = None,
    ) -> Iterator[SellerProductSummary]:
        """Every product matching the filters, fetching pages lazily."""
        size = _page_size(max_per_page)

        def fetch(token: str | None) -> tuple[Sequence[SellerProductSummary], str | None]:
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
        envelope = self._model(self._time_frame_call(start, end), _Summaries)
        return envelope.data or []

    def iter_time_frame(self, start: datetime, end: datetime) -> Iterator[SellerProductSummary]:
        """Products created in ``[start, end]``, any span: cut into 10-minute calls (the API's
        cap), each product once. Naive datetimes are Korean time."""
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
        """:meth:`iter_time_frame` as a list."""
        return builtins.list(self.iter_time_frame(start, end))

    def histories(
        self,
        seller_product_id: int | str,
        *,
        next_token: str | None = None,
        max_per_page: int = HISTORY_PAGE_DEFAULT,
    ) -> SellerApiPage[ProductHistory]:
        """One page of status changes, newest first."""
        call = self._history_call(
            seller_product_id, next_token=next_token, max_per_page=max_per_page
        )
        return self._model(call, _HistoryPage)

    def iter_histories(
        self, seller_product_id: int | str, *, max_per_page: int = HISTORY_PAGE_DEFAULT
    ) -> Iterator[ProductHistory]:
        def fetch(token: str | None) -> tuple[Sequence[ProductHistory], str | None]:
            page = self.histories(seller_product_id, next_token=token, max_per_page=max_per_page)
            return page.items, page.next_token

        return iter_next_token(fetch)

    def get_by_external_sku(self, external_vendor_sku: str) -> builtins.list[SellerProductSummary]:
        """Products whose items carry this ``externalVendorSku`` (판매자상품코드)."""
        call = _Call("GET", self._sku_path(external_vendor_sku))
        return self._model(call, _Summaries).data or []

    def find_id_by_external_sku(self, external_vendor_sku: str) -> int | None:
        """The ``sellerProductId`` of the (newest) product with this SKU, or ``None``: the way
        to reconcile a create whose answer was lost."""
        return _summary_id(self.get_by_external_sku(external_vendor_sku))

    def inflow_status(self) -> InflowStatus:
        """How many products are registered and how many may be."""
        data = envelope_data(self._send(_Call("GET", E.PRODUCT_INFLOW_STATUS.path)))
        return InflowStatus.model_validate(data)

    # items (vendorItemId exists once the product is approved)

    def get_inventory(self, vendor_item_id: int | str) -> VendorItemInventory:
        path = self._item_path(E.ITEM_INVENTORY, vendor_item_id)
        return VendorItemInventory.model_validate(envelope_data(self._send(_Call("GET", path))))

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
        pass ``current_price`` to have preflight check the guard before sending."""
        self._send(
            self._price_call(vendor_item_id, price, force=force, current_price=current_price)
        )

    def update_quantity(self, vendor_item_id: int | str, *, quantity: int) -> None:
        self._send(self._quantity_call(vendor_item_id, quantity))

    def update_original_price(self, vendor_item_id: int | str, *, original_price: int) -> None:
        """Change the discount base price (할인율기준가), in 10-won steps."""
        self._send(self._original_price_call(vendor_item_id, original_price))

    def stop_sales(self, vendor_item_id: int | str) -> None:
        self._send(_Call("PUT", self._item_path(E.ITEM_SALES_STOP, vendor_item_id)))

    def resume_sales(self, vendor_item_id: int | str) -> None:
        self._send(_Call("PUT", self._item_path(E.ITEM_SALES_RESUME, vendor_item_id)))

    def opt_in_auto_generated_options(self, vendor_item_id: int | str) -> str:
        """Let Coupang generate bundle options of this item; the result code (SUCCESS or
        PROCESSING)."""
        path = self._item_path(E.ITEM_AUTO_OPTION_OPT_IN, vendor_item_id)
        return _result_code(self._send(_Call("POST", path)))

    def opt_out_auto_generated_options(self, vendor_item_id: int | str) -> str:
        path = self._item_path(E.ITEM_AUTO_OPTION_OPT_OUT, vendor_item_id)
        return _result_code(self._send(_Call("POST", path)))

    def opt_in_auto_generated_options_for_all(self) -> str:
        """Seller-wide opt-in to auto-generated options."""
        return _result_code(self._send(_Call("POST", E.SELLER_AUTO_OPTION_OPT_IN.path)))

    def opt_out_auto_generated_options_for_all(self) -> str:
        return _result_code(self._send(_Call("POST", E.SELLER_AUTO_OPTION_OPT_OUT.path)))

    # retired

    def list_exposed(
        self,
        *,
        product_name: str,
        next_token: str | None = None,
        max_per_page: int | None = None,
    ) -> Any:
        """RETIRED (removed 2020-01): the exposed-product paging list. Coupang answers 410,
        raised as :class:`~coupang_seller.GoneError`; use :meth:`list` / :meth:`iter`."""
        params = self._exposed_params(product_name, next_token, max_per_page)
        return self._send(_Call("GET", E.EXPOSED_PRODUCTS_RETIRED.path, params))

    def list_certifications(self) -> Any:
        """RETIRED: the season-1 certification list; Coupang answers 410, raised as
        :class:`~coupang_seller.GoneError`. A category's certifications come with its meta:
        ``client.categories.meta(code).certifications``."""
        return self._send(_Call("GET", E.CERTIFICATIONS_RETIRED.path))

    def set_best_price_guaranteed(self, vendor_item_id: int | str, *, enabled: bool) -> Any:
        """RETIRED: the best-price guarantee (쿠런티) switch. Coupang answers 410, raised as
        :class:`~coupang_seller.GoneError`."""
        return self._send(_Call("PUT", self._best_price_path(vendor_item_id, enabled)))


# -- async ---------------------------------------------------------------------------------


class AsyncProducts(_ProductOps[AsyncClient]):
    """Async twin of :class:`Products`."""

    async def _send(self, call: _Call) -> Any:
        return await self._client.request(
            call.method, call.path, params=call.params, json=call.body
        )

    async def _model(self, call: _Call, model: type[M]) -> M:
        return await self._client.request_model(
            call.method, call.path, model, params=call.params, json=call.body
        )

    async def create(
        self, body: ProductBody, *, requested: bool | None = None, user_id: str | None = None
    ) -> int:
        call = self._create_call(body, requested=requested, user_id=user_id)
        return _created_id(await self._send(call), call, self._client.options.base_url)

    async def get(self, seller_product_id: int | str) -> SellerProduct:
        path = self._product_path(E.PRODUCT_GET, seller_product_id)
        return SellerProduct.model_validate(envelope_data(await self._send(_Call("GET", path))))

    async def update(
        self,
        body: ProductBody,
        *,
        requested: bool | None = None,
        existing: SellerProduct | Mapping[str, Any] | None = None,
        user_id: str | None = None,
    ) -> int:
        payload = _dump(body)
        current = self._existing_of(existing)
        if self._checking and current is None and payload.get("sellerProductId") not in (None, ""):
            current = self._existing_of(await self.get(payload["sellerProductId"]))
        call = self._update_call(payload, current, requested=requested, user_id=user_id)
        return _created_id(await self._send(call), call, self._client.options.base_url)

    async def get_partial(self, seller_product_id: int | str) -> PartialSellerProduct:
        path = self._product_path(E.PRODUCT_PARTIAL_GET, seller_product_id)
        data = envelope_data(await self._send(_Call("GET", path)))
        return PartialSellerProduct.model_validate(data)

    async def update_partial(
        self,
        seller_product_id: int | str,
        *,
        changes: PartialSellerProduct | Mapping[str, Any],
        existing: SellerProduct | Mapping[str, Any] | None = None,
    ) -> None:
        current = self._existing_of(existing)
        if self._checking and current is None:
            current = self._existing_of(await self.get(seller_product_id))
        await self._send(self._partial_call(seller_product_id, changes, current))

    async def delete(self, seller_product_id: int | str) -> None:
        await self._send(_Call("DELETE", self._product_path(E.PRODUCT_DELETE, seller_product_id)))

    async def request_approval(self, seller_product_id: int | str) -> None:
        await self._send(_Call("PUT", self._product_path(E.PRODUCT_APPROVAL, seller_product_id)))

    async def list(
        self,
        *,
        next_token: str | None = None,
        max_per_page: int = LIST_PAGE_DEFAULT,
        status: str | None = None,
        seller_product_name: str | None = None,
        seller_product_id: int | None = None,
        manufacture: str | None = None,
        created_at: datetime | None = None,
    ) -> SellerApiPage[SellerProductSummary]:
        call = self._list_call(
            next_token=next_token,
            max_per_page=max_per_page,
            status=status,
            seller_product_name=seller_product_name,
            seller_product_id=seller_product_id,
            manufacture=manufacture,
            created_at=created_at,
        )
        return await self._model(call, _Page)

    def iter(
        self,
        *,
        max_per_page: int = LIST_PAGE_MAX,
        status: str | None = None,
        seller_product_name: str | None = None,
        manufacture: str | None = None,
        created_at: datetime | None = None,
        limit: int | None = None,
    ) -> AsyncIterator[SellerProductSummary]:
        size = _page_size(max_per_page)

        async def fetch(token: str | None) -> tuple[Sequence[SellerProductSummary], str | None]:
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
        envelope = await self._model(self._time_frame_call(start, end), _Summaries)
        return envelope.data or []

    def iter_time_frame(
        self, start: datetime, end: datetime
    ) -> AsyncIterator[SellerProductSummary]:
        start, end = self._windows_of(start, end)

        async def window(a: datetime, b: datetime) -> AsyncIterator[SellerProductSummary]:
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
        return [product async for product in self.iter_time_frame(start, end)]

    async def histories(
        self,
        seller_product_id: int | str,
        *,
        next_token: str | None = None,
        max_per_page: int = HISTORY_PAGE_DEFAULT,
    ) -> SellerApiPage[ProductHistory]:
        call = self._history_call(
            seller_product_id, next_token=next_token, max_per_page=max_per_page
        )
        return await self._model(call, _HistoryPage)

    def iter_histories(
        self, seller_product_id: int | str, *, max_per_page: int = HISTORY_PAGE_DEFAULT
    ) -> AsyncIterator[ProductHistory]:
        async def fetch(token: str | None) -> tuple[Sequence[ProductHistory], str | None]:
            page = await self.histories(
                seller_product_id, next_token=token, max_per_page=max_per_page
            )
            return page.items, page.next_token

        return aiter_next_token(fetch)

    async def get_by_external_sku(
        self, external_vendor_sku: str
    ) -> builtins.list[SellerProductSummary]:
        call = _Call("GET", self._sku_path(external_vendor_sku))
        return (await self._model(call, _Summaries)).data or []

    async def find_id_by_external_sku(self, external_vendor_sku: str) -> int | None:
        return _summary_id(await self.get_by_external_sku(external_vendor_sku))

    async def inflow_status(self) -> InflowStatus:
        data = envelope_data(await self._send(_Call("GET", E.PRODUCT_INFLOW_STATUS.path)))
        return InflowStatus.model_validate(data)

    async def get_inventory(self, vendor_item_id: int | str) -> VendorItemInventory:
        path = self._item_path(E.ITEM_INVENTORY, vendor_item_id)
        data = envelope_data(await self._send(_Call("GET", path)))
        return VendorItemInventory.model_validate(data)

    async def update_price(
        self,
        vendor_item_id: int | str,
        *,
        price: int,
        force: bool = False,
        current_price: int | None = None,
    ) -> None:
        await self._send(
            self._price_call(vendor_item_id, price, force=force, current_price=current_price)
        )

    async def update_quantity(self, vendor_item_id: int | str, *, quantity: int) -> None:
        await self._send(self._quantity_call(vendor_item_id, quantity))

    async def update_original_price(
        self, vendor_item_id: int | str, *, original_price: int
    ) -> None:
        await self._send(self._original_price_call(vendor_item_id, original_price))

    async def stop_sales(self, vendor_item_id: int | str) -> None:
        await self._send(_Call("PUT", self._item_path(E.ITEM_SALES_STOP, vendor_item_id)))

    async def resume_sales(self, vendor_item_id: int | str) -> None:
        await self._send(_Call("PUT", self._item_path(E.ITEM_SALES_RESUME, vendor_item_id)))

    async def opt_in_auto_generated_options(self, vendor_item_id: int | str) -> str:
        path = self._item_path(E.ITEM_AUTO_OPTION_OPT_IN, vendor_item_id)
        return _result_code(await self._send(_Call("POST", path)))

    async def opt_out_auto_generated_options(self, vendor_item_id: int | str) -> str:
        path = self._item_path(E.ITEM_AUTO_OPTION_OPT_OUT, vendor_item_id)
        return _result_code(await self._send(_Call("POST", path)))

    async def opt_in_auto_generated_options_for_all(self) -> str:
        return _result_code(await self._send(_Call("POST", E.SELLER_AUTO_OPTION_OPT_IN.path)))

    async def opt_out_auto_generated_options_for_all(self) -> str:
        return _result_code(await self._send(_Call("POST", E.SELLER_AUTO_OPTION_OPT_OUT.path)))

    async def list_exposed(
        self,
        *,
        product_name: str,
        next_token: str | None = None,
        max_per_page: int | None = None,
    ) -> Any:
        """RETIRED: raises :class:`~coupang_seller.GoneError` (HTTP 410)."""
        params = self._exposed_params(product_name, next_token, max_per_page)
        return await self._send(_Call("GET", E.EXPOSED_PRODUCTS_RETIRED.path, params))

    async def list_certifications(self) -> Any:
        """RETIRED: raises :class:`~coupang_seller.GoneError` (HTTP 410)."""
        return await self._send(_Call("GET", E.CERTIFICATIONS_RETIRED.path))

    async def set_best_price_guaranteed(self, vendor_item_id: int | str, *, enabled: bool) -> Any:
        """RETIRED: raises :class:`~coupang_seller.GoneError` (HTTP 410)."""
        return await self._send(_Call("PUT", self._best_price_path(vendor_item_id, enabled)))
