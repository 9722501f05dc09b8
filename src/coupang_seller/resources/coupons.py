"""Coupons, sync and async side by side: ``client.coupons`` (instant-discount coupons,
즉시할인쿠폰, ``fms`` provider) and ``client.download_coupons`` (downloadable coupons,
다운로드쿠폰, ``marketplace_openapi``).

Instant coupons live under a contract (:meth:`Coupons.list_contracts`) whose monthly budget
(:meth:`Coupons.budgets`) bounds the discounts granted. Every mutation is asynchronous: it
answers a ``requestedId`` (:class:`CouponRequested`) and the outcome (REQUESTED -> DONE or FAIL,
with the failed vendorItems and their reasons) is read with :meth:`Coupons.request_status`, or
awaited with :meth:`Coupons.wait`. A coupon starts the next day at 00:00 at the earliest and
ends within its contract and by 31 December 00:00 of its year; it takes 1–10,000 vendorItems
per call and a vendorItem sits in one coupon at a time. An expiry asked while another request
on the coupon is still pending is refused (``success`` False).

Downloadable coupons are created at once (``couponId`` in the answer), take their items once
(at most 100 per call; if any item fails, Coupang discards the coupon), start at least one
hour after creation and carry 1–3 policies of one discount type. The item attach is documented
as answering one object, but answers an array (one entry per coupon); both are accepted.

Dates are ``datetime`` values, sent as ``yyyy-MM-dd HH:mm:ss`` Korean time (naive ones are
taken as Korean time; a string raises :class:`TypeError`). Rules that depend on the present moment are left to Coupang.
"""

from __future__ import annotations

import asyncio
import builtins
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import date, datetime
from typing import Any, Literal, Protocol, TypeVar

from coupang_seller import _endpoints as E
from coupang_seller._client import AsyncClient, Client
from coupang_seller._constants import KST
from coupang_seller._core import QueryParams, path_param
from coupang_seller._windows import require_dates, require_datetimes
from coupang_seller.preflight import coupons as rules
from coupang_seller.resources._base import (
    AsyncResource,
    Call,
    ClientT,
    M,
    Resource,
    SyncResource,
    data_of,
    envelope_data,
)
from coupang_seller.types.codes import CouponDiscountType, CouponItemStatus, CouponStatus
from coupang_seller.types.coupons import (
    CouponBudget,
    CouponContract,
    CouponItem,
    CouponRequested,
    CouponRequestStatus,
    DownloadCoupon,
    DownloadRequestResult,
    DownloadTransactionStatus,
    FmsPage,
    InstantCoupon,
)

__all__ = ["AsyncCoupons", "AsyncDownloadCoupons", "Coupons", "DownloadCoupons"]

DiscountType = CouponDiscountType
ItemStatus = CouponItemStatus


def coupon_date(moment: datetime | str) -> str:
    """``yyyy-MM-dd HH:mm:ss`` in Korean time (strings pass through)."""
    if isinstance(moment, str):
        return moment
    if moment.tzinfo is not None:
        moment = moment.astimezone(KST)
    return moment.strftime(rules.DATE_FORMAT)


def _content(envelope: Any) -> Any:
    """``data.content`` of an fms envelope."""
    data = envelope_data(envelope)
    if isinstance(data, dict) and "content" in data:
        return data["content"]
    return data


def _content_of(model: type[M]) -> Callable[[Any], M]:
    """A reader validating ``model`` from ``data.content`` of an fms envelope."""

    def read(answer: Any) -> M:
        """Validate the answer's ``content`` into the model."""
        return model.model_validate(_content(answer))

    return read


def _contents_of(model: type[M]) -> Callable[[Any], builtins.list[M]]:
    """A reader validating a list of ``model`` from ``data.content`` (``None`` is [])."""

    def read(answer: Any) -> builtins.list[M]:
        """Validate each entry of the answer's ``content`` into the model."""
        return [model.model_validate(item) for item in _content(answer) or []]

    return read


def _results(answer: Any) -> builtins.list[DownloadRequestResult]:
    """The downloadable answers: an array (observed) or one object (documented)."""
    entries = answer if isinstance(answer, list) else [answer]
    return [DownloadRequestResult.model_validate(e) for e in entries]


class _Finishing(Protocol):
    @property
    def finished(self) -> bool:
        """Whether the request left the REQUESTED state."""


_S = TypeVar("_S", bound=_Finishing)


def _poll(fetch: Callable[[], _S], what: str, timeout: float, interval: float) -> _S:
    """Read ``fetch()`` every ``interval`` s until it is finished (DONE or FAIL)."""
    deadline = time.monotonic() + timeout
    while True:
        status = fetch()
        if status.finished:
            return status
        if time.monotonic() + interval > deadline:
            raise TimeoutError(f"{what} still REQUESTED after {timeout} s")
        time.sleep(interval)


async def _apoll(
    fetch: Callable[[], Awaitable[_S]], what: str, timeout: float, interval: float
) -> _S:
    deadline = time.monotonic() + timeout
    while True:
        status = await fetch()
        if status.finished:
            return status
        if time.monotonic() + interval > deadline:
            raise TimeoutError(f"{what} still REQUESTED after {timeout} s")
        await asyncio.sleep(interval)


class _Ops(Resource[ClientT]):
    def _path(self, endpoint: E.Endpoint, **ids: str | int) -> str:
        params = {"vendorId": path_param(self._vendor_id, "vendorId")}
        params.update({k: path_param(v, k) for k, v in ids.items()})
        return endpoint.format(**params)

    def _call(
        self,
        method: str,
        endpoint: E.Endpoint,
        params: QueryParams | None = None,
        **ids: str | int,
    ) -> Call:
        return Call(method, self._path(endpoint, **ids), params)


class _CouponOps(_Ops[ClientT]):
    def _create_call(
        self,
        *,
        contract_id: int,
        name: str,
        discount: int,
        max_discount_price: int,
        start_at: datetime,
        end_at: datetime,
        type: str,
    ) -> Call:
        body = {
            "contractId": contract_id,
            "name": name,
            "maxDiscountPrice": max_discount_price,
            "discount": discount,
            "startAt": coupon_date(start_at),
            "endAt": coupon_date(end_at),
            "type": type,
        }
        self._gate("coupons.create", rules.check_create_coupon(body))
        return Call("POST", self._path(E.COUPON_CREATE), body=body)

    def _items_call(self, coupon_id: int | str, vendor_items: Sequence[int], expire: bool) -> Call:
        body = {"vendorItems": list(vendor_items)}
        operation = "coupons.expire_items" if expire else "coupons.add_items"
        self._gate(operation, rules.check_vendor_items(body))
        if expire:
            path = self._path(E.COUPON_ITEMS_EXPIRE, couponId=coupon_id)
            return Call("PUT", path, {"action": "expire"}, body)
        return Call("POST", self._path(E.COUPON_ITEMS_ADD, couponId=coupon_id), body=body)

    def _list_call(
        self, endpoint: E.Endpoint, status: str, page: int, size: int, sort: str | None, **ids: Any
    ) -> Call:
        allowed = rules.ITEM_STATUSES if endpoint is E.COUPON_ITEMS_LIST else rules.COUPON_STATUSES
        self._gate(
            f"coupons.{endpoint.sdk.split('.')[1].split(' ')[0]}",
            rules.check_status(status, allowed) + rules.check_paging(page, size, sort),
        )
        params: dict[str, Any] = {"status": status, "page": page, "size": size, "sort": sort}
        return Call("GET", self._path(endpoint, **ids), params)

    def _budgets_call(self, contract_id: int | None, target_month: date | None) -> Call:
        month = target_month.strftime("%Y-%m") if target_month is not None else None
        self._gate(
            "coupons.budgets",
            rules.check_contract_id(contract_id, required=False) + rules.check_target_month(month),
        )
        params = {"contractId": contract_id, "targetMonth": month}
        return self._call("GET", E.COUPON_BUDGETS, params)

    def _item_call(self, coupon_id: int | str, item_id: int | str, kind: str) -> Call:
        return self._call(
            "GET", E.COUPON_ITEM_GET, {"type": kind}, couponId=coupon_id, couponItemId=item_id
        )


class _DownloadOps(_Ops[ClientT]):
    def _create_call(
        self,
        *,
        contract_id: int,
        title: str,
        start_date: datetime,
        end_date: datetime,
        policies: Sequence[Mapping[str, Any]],
        user_id: str | None,
    ) -> Call:
        body = {
            "title": title,
            "contractId": contract_id,
            "couponType": rules.DOWNLOAD_COUPON_TYPE,
            "startDate": coupon_date(start_date),
            "endDate": coupon_date(end_date),
            "userId": self._user_id(user_id),
            "policies": [dict(p) for p in policies],
        }
        self._gate("download_coupons.create", rules.check_download_create(body))
        return Call("POST", E.DOWNLOAD_COUPON_CREATE.path, body=body)

    def _items_call(
        self, coupon_id: int, vendor_item_ids: Sequence[int], user_id: str | None
    ) -> Call:
        entry = {
            "couponId": coupon_id,
            "userId": self._user_id(user_id),
            "vendorItemIds": list(vendor_item_ids),
        }
        body = {"couponItems": [entry]}
        self._gate("download_coupons.add_items", rules.check_download_items(body))
        return Call("PUT", E.DOWNLOAD_COUPON_ITEMS.path, body=body)

    def _expire_call(self, coupon_id: int, user_id: str | None, reason: str) -> Call:
        entry = {"couponId": coupon_id, "reason": reason, "userId": self._user_id(user_id)}
        body = {"expireCouponList": [entry]}
        self._gate("download_coupons.expire", rules.check_download_expire(body))
        return Call("POST", E.DOWNLOAD_COUPON_EXPIRE.path, body=body)

    def _get_call(self, coupon_id: int | str) -> Call:
        return Call("GET", E.DOWNLOAD_COUPON_GET.format(couponId=path_param(coupon_id, "couponId")))

    def _status_call(self, transaction_id: str) -> Call:
        self._gate("download_coupons.status", rules.check_transaction_id(transaction_id))
        params = {"requestTransactionId": transaction_id}
        return Call("GET", E.DOWNLOAD_COUPON_STATUS.path, params)


def _status_of(answer: Any) -> DownloadTransactionStatus:
    inner = answer.get("transactionStatusResponse", answer) if isinstance(answer, dict) else answer
    return DownloadTransactionStatus.model_validate(inner)


# -- sync ----------------------------------------------------------------------------------


class Coupons(_CouponOps[Client], SyncResource):
    """``client.coupons``: instant-discount coupons (즉시할인쿠폰)."""

    def list_contracts(self) -> builtins.list[CouponContract]:
        """Every contract of the vendor (CONTRACT_BASED and NON_CONTRACT_BASED).

        Returns a list of :class:`CouponContract`. Raises an :class:`APIError` subclass when Coupang
        refuses.

        Calls ``GET /v2/providers/fms/apis/api/v2/vendors/{vendorId}/contract/list``.
        """
        return self._run(self._call("GET", E.COUPON_CONTRACTS), _contents_of(CouponContract))

    def get_contract(self, contract_id: int) -> CouponContract:
        """One contract by ``contractId``.

        Returns a :class:`CouponContract`. Raises :class:`NotFoundError` for an unknown
        contract, an :class:`APIError` subclass when Coupang refuses.

        Calls ``GET /v2/providers/fms/apis/api/v2/vendors/{vendorId}/contract``.
        """
        call = self._call("GET", E.COUPON_CONTRACT, {"contractId": contract_id})
        return self._run(call, _content_of(CouponContract))

    def create_free_contract(self) -> CouponContract:
        """Retired in 2019: the free-contract creation.

        Returns nothing usable. Raises :class:`GoneError` (Coupang answers 410).

        Calls ``POST
        /v2/providers/fms/apis/api/v2/vendors/{vendorId}/contract/create/non_contract_info``.
        """
        call = self._call("POST", E.COUPON_FREE_CONTRACT_RETIRED)
        return self._run(call, _content_of(CouponContract))

    def budgets(
        self, *, contract_id: int | None = None, target_month: date | None = None
    ) -> builtins.list[CouponBudget]:
        """Budget and use per contract for the month of ``target_month`` (a ``date``; default
        this month).

        Returns a list of :class:`CouponBudget`. Raises :class:`PreflightError` for a
        malformed contract id, :class:`TypeError` for a month given as text, an
        :class:`APIError` subclass when Coupang refuses.

        Calls ``GET /v2/providers/fms/apis/api/v1/vendors/{vendorId}/budgets``.
        """
        require_dates(target_month=target_month)
        return self._run(self._budgets_call(contract_id, target_month), _contents_of(CouponBudget))

    def create(
        self,
        *,
        contract_id: int,
        name: str,
        discount: int,
        max_discount_price: int,
        start_at: datetime,
        end_at: datetime,
        type: DiscountType,
    ) -> CouponRequested:
        """Ask for a new coupon; its ``couponId`` is in the request status once DONE.

        Returns the :class:`CouponRequested` (``requestedId`` to poll with :meth:`wait`).
        Raises :class:`PreflightError` for a broken rule (dates, discount, name), an
        :class:`APIError` subclass when Coupang refuses.

        Calls ``POST /v2/providers/fms/apis/api/v2/vendors/{vendorId}/coupon``.
        """
        require_datetimes(start_at=start_at, end_at=end_at)
        call = self._create_call(
            contract_id=contract_id,
            name=name,
            discount=discount,
            max_discount_price=max_discount_price,
            start_at=start_at,
            end_at=end_at,
            type=type,
        )
        return self._run(call, _content_of(CouponRequested))

    def get(self, coupon_id: int) -> InstantCoupon:
        """One instant coupon by ``couponId``.

        Returns an :class:`InstantCoupon`. Raises :class:`NotFoundError` for an unknown
        coupon, an :class:`APIError` subclass when Coupang refuses.

        Calls ``GET /v2/providers/fms/apis/api/v2/vendors/{vendorId}/coupon``.
        """
        call = self._call("GET", E.COUPON_GET, {"couponId": coupon_id})
        return self._run(call, _content_of(InstantCoupon))

    def list(
        self,
        *,
        status: CouponStatus,
        page: int = 1,
        size: int = rules.DEFAULT_PAGE_SIZE,
        sort: Literal["asc", "desc"] | None = None,
    ) -> FmsPage[InstantCoupon]:
        """One page of the vendor's coupons in ``status``.

        Returns an :class:`FmsPage` of :class:`InstantCoupon`. Raises :class:`PreflightError` for an
        unknown status or paging out of range, an :class:`APIError` subclass when Coupang refuses.

        Calls ``GET /v2/providers/fms/apis/api/v2/vendors/{vendorId}/coupons``.
        """
        call = self._list_call(E.COUPON_LIST, status, page, size, sort)
        return self._run(call, data_of(FmsPage[InstantCoupon]))

    def add_items(self, coupon_id: int | str, *, vendor_items: Sequence[int]) -> CouponRequested:
        """Attach vendorItems (1–10,000) to the coupon.

        Returns the :class:`CouponRequested` to poll. Raises :class:`PreflightError` for an
        empty or too long list, an :class:`APIError` subclass when Coupang refuses.

        Calls ``POST /v2/providers/fms/apis/api/v1/vendors/{vendorId}/coupons/{couponId}/items``.
        """
        call = self._items_call(coupon_id, vendor_items, expire=False)
        return self._run(call, _content_of(CouponRequested))

    def expire_items(self, coupon_id: int | str, *, vendor_items: Sequence[int]) -> CouponRequested:
        """Detach vendorItems from the coupon (``action=expire``).

        Returns the :class:`CouponRequested` to poll. Raises :class:`PreflightError` for an
        empty or too long list, an :class:`APIError` subclass when Coupang refuses.

        Calls ``PUT /v2/providers/fms/apis/api/v1/vendors/{vendorId}/coupons/{couponId}/items``.
        """
        call = self._items_call(coupon_id, vendor_items, expire=True)
        return self._run(call, _content_of(CouponRequested))

    def expire(self, coupon_id: int | str) -> CouponRequested:
        """Expire the coupon; ``success`` is False while another request on it is pending.

        Returns the :class:`CouponRequested` to poll. Raises an :class:`APIError` subclass when
        Coupang refuses.

        Calls ``PUT /v2/providers/fms/apis/api/v1/vendors/{vendorId}/coupons/{couponId}``.
        """
        call = self._call("PUT", E.COUPON_EXPIRE, {"action": "expire"}, couponId=coupon_id)
        return self._run(call, _content_of(CouponRequested))

    def list_items(
        self,
        coupon_id: int | str,
        *,
        status: ItemStatus,
        page: int = 1,
        size: int = rules.DEFAULT_PAGE_SIZE,
        sort: Literal["asc", "desc"] | None = None,
    ) -> FmsPage[CouponItem]:
        """One page of the coupon's items in ``status``.

        Returns an :class:`FmsPage` of :class:`CouponItem`. Raises :class:`PreflightError` for an
        unknown status or paging out of range, an :class:`APIError` subclass when Coupang refuses.

        Calls ``GET /v2/providers/fms/apis/api/v1/vendors/{vendorId}/coupons/{couponId}/items``.
        """
        call = self._list_call(E.COUPON_ITEMS_LIST, status, page, size, sort, couponId=coupon_id)
        return self._run(call, data_of(FmsPage[CouponItem]))

    def get_item(self, coupon_id: int | str, coupon_item_id: int | str) -> CouponItem:
        """One item of the coupon by ``couponItemId``.

        Returns a :class:`CouponItem`. Raises :class:`NotFoundError` for an unknown item, an
        :class:`APIError` subclass when Coupang refuses.

        Calls ``GET
        /v2/providers/fms/apis/api/v1/vendors/{vendorId}/coupons/{couponId}/items/{couponItemId}``.
        """
        call = self._item_call(coupon_id, coupon_item_id, "couponItemId")
        return self._run(call, _content_of(CouponItem))

    def get_item_by_vendor_item(
        self, coupon_id: int | str, vendor_item_id: int | str
    ) -> CouponItem:
        """One item of the coupon by its ``vendorItemId``.

        Returns a :class:`CouponItem`. Raises :class:`NotFoundError` for an item not in the
        coupon, an :class:`APIError` subclass when Coupang refuses.

        Calls ``GET
        /v2/providers/fms/apis/api/v1/vendors/{vendorId}/coupons/{couponId}/items/{couponItemId}``.
        """
        call = self._item_call(coupon_id, vendor_item_id, "vendorItemId")
        return self._run(call, _content_of(CouponItem))

    def list_by_order(self, order_id: int | str) -> builtins.list[InstantCoupon]:
        """The coupons applied to an order's items (``vendorItemId`` names the item).

        Returns a list of :class:`InstantCoupon`. Raises an :class:`APIError` subclass when Coupang
        refuses.

        Calls ``GET /v2/providers/fms/apis/api/v2/vendors/{vendorId}/{orderId}/coupons``.
        """
        call = self._call("GET", E.COUPON_BY_ORDER, orderId=order_id)
        return self._run(call, _contents_of(InstantCoupon))

    def list_by_order_v1(self, order_id: int | str) -> builtins.list[InstantCoupon]:
        """Retired v1 path of :meth:`list_by_order`.

        Returns nothing usable. Raises :class:`GoneError` (Coupang answers 410).

        Calls ``GET /v2/providers/fms/apis/api/v1/vendors/{vendorId}/{orderId}/coupons``.
        """
        call = self._call("GET", E.COUPON_BY_ORDER_V1_RETIRED, orderId=order_id)
        return self._run(call, _contents_of(InstantCoupon))

    def request_status(self, requested_id: str) -> CouponRequestStatus:
        """The outcome of a coupon request (REQUESTED, DONE or FAIL with the failed items).

        Returns a :class:`CouponRequestStatus`. Raises :class:`NotFoundError` for an unknown
        request, an :class:`APIError` subclass when Coupang refuses.

        Calls ``GET /v2/providers/fms/apis/api/v1/vendors/{vendorId}/requested/{requestedId}``.
        """
        call = self._call("GET", E.COUPON_REQUEST, requestedId=requested_id)
        return self._run(call, _content_of(CouponRequestStatus))

    def wait(
        self, requested_id: str, *, timeout: float = 60.0, interval: float = 2.0
    ) -> CouponRequestStatus:
        """Poll the request until DONE or FAIL, every ``interval`` seconds.

        Calls :meth:`request_status`
        (``GET /v2/providers/fms/apis/api/v1/vendors/{vendorId}/requested/{requestedId}``)
        repeatedly. Returns the finished
        :class:`CouponRequestStatus`. Raises :class:`TimeoutError` after ``timeout`` s, else
        as :meth:`request_status`.
        """
        what = f"coupon request {requested_id}"
        return _poll(lambda: self.request_status(requested_id), what, timeout, interval)


class DownloadCoupons(_DownloadOps[Client], SyncResource):
    """``client.download_coupons``: downloadable coupons (다운로드쿠폰)."""

    def create(
        self,
        *,
        contract_id: int,
        title: str,
        start_date: datetime,
        end_date: datetime,
        policies: Sequence[Mapping[str, Any]],
        user_id: str | None = None,
    ) -> DownloadCoupon:
        """Create the coupon (STANDBY); ``user_id`` defaults to the client's ``user_id``.

        Returns the :class:`DownloadCoupon` (its ``couponId``). Raises :class:`PreflightError` for a
        broken rule (dates, policies), an :class:`APIError` subclass when Coupang refuses.

        Calls ``POST /v2/providers/marketplace_openapi/apis/api/v1/coupons``.
        """
        require_datetimes(start_date=start_date, end_date=end_date)
        call = self._create_call(
            contract_id=contract_id,
            title=title,
            start_date=start_date,
            end_date=end_date,
            policies=policies,
            user_id=user_id,
        )
        return self._run(call, DownloadCoupon.model_validate)

    def add_items(
        self, coupon_id: int, *, vendor_item_ids: Sequence[int], user_id: str | None = None
    ) -> builtins.list[DownloadRequestResult]:
        """Set the coupon's items (once; at most 100). Poll ``transaction_id`` of the result.

        Returns a list of :class:`DownloadRequestResult`. Raises :class:`PreflightError` for
        an empty or too long list, an :class:`APIError` subclass when Coupang refuses.

        Calls ``PUT /v2/providers/marketplace_openapi/apis/api/v1/coupon-items``.
        """
        return self._run(self._items_call(coupon_id, vendor_item_ids, user_id), _results)

    def expire(
        self, coupon_id: int, *, user_id: str | None = None, reason: str = "expired"
    ) -> builtins.list[DownloadRequestResult]:
        """Expire the coupon.

        Returns a list of :class:`DownloadRequestResult`. Raises :class:`PreflightError` for a
        malformed request, an :class:`APIError` subclass when Coupang refuses.

        Calls ``POST /v2/providers/marketplace_openapi/apis/api/v1/coupons/expire``.
        """
        return self._run(self._expire_call(coupon_id, user_id, reason), _results)

    def transaction_status(self, transaction_id: str) -> DownloadTransactionStatus:
        """The outcome of an item attach or an expiry.

        Returns a :class:`DownloadTransactionStatus`. Raises :class:`PreflightError` for a
        malformed id, an :class:`APIError` subclass when Coupang refuses.

        Calls ``GET /v2/providers/marketplace_openapi/apis/api/v1/coupons/transactionStatus``.
        """
        return self._run(self._status_call(transaction_id), _status_of)

    def get(self, coupon_id: int | str) -> DownloadCoupon:
        """One downloadable coupon by ``couponId``.

        Returns a :class:`DownloadCoupon`. Raises :class:`NotFoundError` for an unknown
        coupon, an :class:`APIError` subclass when Coupang refuses.

        Calls ``GET /v2/providers/marketplace_openapi/apis/api/v1/coupons/{couponId}``.
        """
        return self._run(self._get_call(coupon_id), DownloadCoupon.model_validate)

    def wait(
        self, transaction_id: str, *, timeout: float = 60.0, interval: float = 2.0
    ) -> DownloadTransactionStatus:
        """Poll the transaction until it is finished, every ``interval`` seconds.

        Calls :meth:`transaction_status`
        (``GET /v2/providers/marketplace_openapi/apis/api/v1/coupons/transactionStatus``)
        repeatedly. Returns the finished
        :class:`DownloadTransactionStatus`. Raises :class:`TimeoutError` after ``timeout`` s,
        else as :meth:`transaction_status`.
        """
        what = f"transaction {transaction_id}"
        return _poll(lambda: self.transaction_status(transaction_id), what, timeout, interval)


# -- async ---------------------------------------------------------------------------------


class AsyncCoupons(_CouponOps[AsyncClient], AsyncResource):
    """``client.coupons`` of :class:`AsyncClient`: the twin of :class:`Coupons`."""

    async def list_contracts(self) -> builtins.list[CouponContract]:
        """Every contract of the vendor (CONTRACT_BASED and NON_CONTRACT_BASED).

        Returns a list of :class:`CouponContract`. Raises an :class:`APIError` subclass when Coupang
        refuses.

        Calls ``GET /v2/providers/fms/apis/api/v2/vendors/{vendorId}/contract/list``.
        """
        return await self._run(self._call("GET", E.COUPON_CONTRACTS), _contents_of(CouponContract))

    async def get_contract(self, contract_id: int) -> CouponContract:
        """One contract by ``contractId``.

        Returns a :class:`CouponContract`. Raises :class:`NotFoundError` for an unknown
        contract, an :class:`APIError` subclass when Coupang refuses.

        Calls ``GET /v2/providers/fms/apis/api/v2/vendors/{vendorId}/contract``.
        """
        call = self._call("GET", E.COUPON_CONTRACT, {"contractId": contract_id})
        return await self._run(call, _content_of(CouponContract))

    async def create_free_contract(self) -> CouponContract:
        """Retired in 2019: the free-contract creation.

        Returns nothing usable. Raises :class:`GoneError` (Coupang answers 410).

        Calls ``POST
        /v2/providers/fms/apis/api/v2/vendors/{vendorId}/contract/create/non_contract_info``.
        """
        call = self._call("POST", E.COUPON_FREE_CONTRACT_RETIRED)
        return await self._run(call, _content_of(CouponContract))

    async def budgets(
        self, *, contract_id: int | None = None, target_month: date | None = None
    ) -> builtins.list[CouponBudget]:
        """Budget and use per contract for the month of ``target_month`` (a ``date``; default
        this month).

        Returns a list of :class:`CouponBudget`. Raises :class:`PreflightError` for a
        malformed contract id, :class:`TypeError` for a month given as text, an
        :class:`APIError` subclass when Coupang refuses.

        Calls ``GET /v2/providers/fms/apis/api/v1/vendors/{vendorId}/budgets``.
        """
        require_dates(target_month=target_month)
        call = self._budgets_call(contract_id, target_month)
        return await self._run(call, _contents_of(CouponBudget))

    async def create(
        self,
        *,
        contract_id: int,
        name: str,
        discount: int,
        max_discount_price: int,
        start_at: datetime,
        end_at: datetime,
        type: DiscountType,
    ) -> CouponRequested:
        """Ask for a new coupon; its ``couponId`` is in the request status once DONE.

        Returns the :class:`CouponRequested` (``requestedId`` to poll with :meth:`wait`).
        Raises :class:`PreflightError` for a broken rule (dates, discount, name), an
        :class:`APIError` subclass when Coupang refuses.

        Calls ``POST /v2/providers/fms/apis/api/v2/vendors/{vendorId}/coupon``.
        """
        require_datetimes(start_at=start_at, end_at=end_at)
        call = self._create_call(
            contract_id=contract_id,
            name=name,
            discount=discount,
            max_discount_price=max_discount_price,
            start_at=start_at,
            end_at=end_at,
            type=type,
        )
        return await self._run(call, _content_of(CouponRequested))

    async def get(self, coupon_id: int) -> InstantCoupon:
        """One instant coupon by ``couponId``.

        Returns an :class:`InstantCoupon`. Raises :class:`NotFoundError` for an unknown
        coupon, an :class:`APIError` subclass when Coupang refuses.

        Calls ``GET /v2/providers/fms/apis/api/v2/vendors/{vendorId}/coupon``.
        """
        call = self._call("GET", E.COUPON_GET, {"couponId": coupon_id})
        return await self._run(call, _content_of(InstantCoupon))

    async def list(
        self,
        *,
        status: CouponStatus,
        page: int = 1,
        size: int = rules.DEFAULT_PAGE_SIZE,
        sort: Literal["asc", "desc"] | None = None,
    ) -> FmsPage[InstantCoupon]:
        """One page of the vendor's coupons in ``status``.

        Returns an :class:`FmsPage` of :class:`InstantCoupon`. Raises :class:`PreflightError` for an
        unknown status or paging out of range, an :class:`APIError` subclass when Coupang refuses.

        Calls ``GET /v2/providers/fms/apis/api/v2/vendors/{vendorId}/coupons``.
        """
        call = self._list_call(E.COUPON_LIST, status, page, size, sort)
        return await self._run(call, data_of(FmsPage[InstantCoupon]))

    async def add_items(
        self, coupon_id: int | str, *, vendor_items: Sequence[int]
    ) -> CouponRequested:
        """Attach vendorItems (1–10,000) to the coupon.

        Returns the :class:`CouponRequested` to poll. Raises :class:`PreflightError` for an
        empty or too long list, an :class:`APIError` subclass when Coupang refuses.

        Calls ``POST /v2/providers/fms/apis/api/v1/vendors/{vendorId}/coupons/{couponId}/items``.
        """
        call = self._items_call(coupon_id, vendor_items, expire=False)
        return await self._run(call, _content_of(CouponRequested))

    async def expire_items(
        self, coupon_id: int | str, *, vendor_items: Sequence[int]
    ) -> CouponRequested:
        """Detach vendorItems from the coupon (``action=expire``).

        Returns the :class:`CouponRequested` to poll. Raises :class:`PreflightError` for an
        empty or too long list, an :class:`APIError` subclass when Coupang refuses.

        Calls ``PUT /v2/providers/fms/apis/api/v1/vendors/{vendorId}/coupons/{couponId}/items``.
        """
        call = self._items_call(coupon_id, vendor_items, expire=True)
        return await self._run(call, _content_of(CouponRequested))

    async def expire(self, coupon_id: int | str) -> CouponRequested:
        """Expire the coupon; ``success`` is False while another request on it is pending.

        Returns the :class:`CouponRequested` to poll. Raises an :class:`APIError` subclass when
        Coupang refuses.

        Calls ``PUT /v2/providers/fms/apis/api/v1/vendors/{vendorId}/coupons/{couponId}``.
        """
        call = self._call("PUT", E.COUPON_EXPIRE, {"action": "expire"}, couponId=coupon_id)
        return await self._run(call, _content_of(CouponRequested))

    async def list_items(
        self,
        coupon_id: int | str,
        *,
        status: ItemStatus,
        page: int = 1,
        size: int = rules.DEFAULT_PAGE_SIZE,
        sort: Literal["asc", "desc"] | None = None,
    ) -> FmsPage[CouponItem]:
        """One page of the coupon's items in ``status``.

        Returns an :class:`FmsPage` of :class:`CouponItem`. Raises :class:`PreflightError` for an
        unknown status or paging out of range, an :class:`APIError` subclass when Coupang refuses.

        Calls ``GET /v2/providers/fms/apis/api/v1/vendors/{vendorId}/coupons/{couponId}/items``.
        """
        call = self._list_call(E.COUPON_ITEMS_LIST, status, page, size, sort, couponId=coupon_id)
        return await self._run(call, data_of(FmsPage[CouponItem]))

    async def get_item(self, coupon_id: int | str, coupon_item_id: int | str) -> CouponItem:
        """One item of the coupon by ``couponItemId``.

        Returns a :class:`CouponItem`. Raises :class:`NotFoundError` for an unknown item, an
        :class:`APIError` subclass when Coupang refuses.

        Calls ``GET
        /v2/providers/fms/apis/api/v1/vendors/{vendorId}/coupons/{couponId}/items/{couponItemId}``.
        """
        call = self._item_call(coupon_id, coupon_item_id, "couponItemId")
        return await self._run(call, _content_of(CouponItem))

    async def get_item_by_vendor_item(
        self, coupon_id: int | str, vendor_item_id: int | str
    ) -> CouponItem:
        """One item of the coupon by its ``vendorItemId``.

        Returns a :class:`CouponItem`. Raises :class:`NotFoundError` for an item not in the
        coupon, an :class:`APIError` subclass when Coupang refuses.

        Calls ``GET
        /v2/providers/fms/apis/api/v1/vendors/{vendorId}/coupons/{couponId}/items/{couponItemId}``.
        """
        call = self._item_call(coupon_id, vendor_item_id, "vendorItemId")
        return await self._run(call, _content_of(CouponItem))

    async def list_by_order(self, order_id: int | str) -> builtins.list[InstantCoupon]:
        """The coupons applied to an order's items (``vendorItemId`` names the item).

        Returns a list of :class:`InstantCoupon`. Raises an :class:`APIError` subclass when Coupang
        refuses.

        Calls ``GET /v2/providers/fms/apis/api/v2/vendors/{vendorId}/{orderId}/coupons``.
        """
        call = self._call("GET", E.COUPON_BY_ORDER, orderId=order_id)
        return await self._run(call, _contents_of(InstantCoupon))

    async def list_by_order_v1(self, order_id: int | str) -> builtins.list[InstantCoupon]:
        """Retired v1 path of :meth:`list_by_order`.

        Returns nothing usable. Raises :class:`GoneError` (Coupang answers 410).

        Calls ``GET /v2/providers/fms/apis/api/v1/vendors/{vendorId}/{orderId}/coupons``.
        """
        call = self._call("GET", E.COUPON_BY_ORDER_V1_RETIRED, orderId=order_id)
        return await self._run(call, _contents_of(InstantCoupon))

    async def request_status(self, requested_id: str) -> CouponRequestStatus:
        """The outcome of a coupon request (REQUESTED, DONE or FAIL with the failed items).

        Returns a :class:`CouponRequestStatus`. Raises :class:`NotFoundError` for an unknown
        request, an :class:`APIError` subclass when Coupang refuses.

        Calls ``GET /v2/providers/fms/apis/api/v1/vendors/{vendorId}/requested/{requestedId}``.
        """
        call = self._call("GET", E.COUPON_REQUEST, requestedId=requested_id)
        return await self._run(call, _content_of(CouponRequestStatus))

    async def wait(
        self, requested_id: str, *, timeout: float = 60.0, interval: float = 2.0
    ) -> CouponRequestStatus:
        """Poll the request until DONE or FAIL, every ``interval`` seconds.

        Calls :meth:`request_status`
        (``GET /v2/providers/fms/apis/api/v1/vendors/{vendorId}/requested/{requestedId}``)
        repeatedly. Returns the finished
        :class:`CouponRequestStatus`. Raises :class:`TimeoutError` after ``timeout`` s, else
        as :meth:`request_status`.
        """
        what = f"coupon request {requested_id}"
        return await _apoll(lambda: self.request_status(requested_id), what, timeout, interval)


class AsyncDownloadCoupons(_DownloadOps[AsyncClient], AsyncResource):
    """``client.download_coupons`` of :class:`AsyncClient`: the twin of
    :class:`DownloadCoupons`."""

    async def create(
        self,
        *,
        contract_id: int,
        title: str,
        start_date: datetime,
        end_date: datetime,
        policies: Sequence[Mapping[str, Any]],
        user_id: str | None = None,
    ) -> DownloadCoupon:
        """Create the coupon (STANDBY); ``user_id`` defaults to the client's ``user_id``.

        Returns the :class:`DownloadCoupon` (its ``couponId``). Raises :class:`PreflightError` for a
        broken rule (dates, policies), an :class:`APIError` subclass when Coupang refuses.

        Calls ``POST /v2/providers/marketplace_openapi/apis/api/v1/coupons``.
        """
        require_datetimes(start_date=start_date, end_date=end_date)
        call = self._create_call(
            contract_id=contract_id,
            title=title,
            start_date=start_date,
            end_date=end_date,
            policies=policies,
            user_id=user_id,
        )
        return await self._run(call, DownloadCoupon.model_validate)

    async def add_items(
        self, coupon_id: int, *, vendor_item_ids: Sequence[int], user_id: str | None = None
    ) -> builtins.list[DownloadRequestResult]:
        """Set the coupon's items (once; at most 100). Poll ``transaction_id`` of the result.

        Returns a list of :class:`DownloadRequestResult`. Raises :class:`PreflightError` for
        an empty or too long list, an :class:`APIError` subclass when Coupang refuses.

        Calls ``PUT /v2/providers/marketplace_openapi/apis/api/v1/coupon-items``.
        """
        return await self._run(self._items_call(coupon_id, vendor_item_ids, user_id), _results)

    async def expire(
        self, coupon_id: int, *, user_id: str | None = None, reason: str = "expired"
    ) -> builtins.list[DownloadRequestResult]:
        """Expire the coupon.

        Returns a list of :class:`DownloadRequestResult`. Raises :class:`PreflightError` for a
        malformed request, an :class:`APIError` subclass when Coupang refuses.

        Calls ``POST /v2/providers/marketplace_openapi/apis/api/v1/coupons/expire``.
        """
        return await self._run(self._expire_call(coupon_id, user_id, reason), _results)

    async def transaction_status(self, transaction_id: str) -> DownloadTransactionStatus:
        """The outcome of an item attach or an expiry.

        Returns a :class:`DownloadTransactionStatus`. Raises :class:`PreflightError` for a
        malformed id, an :class:`APIError` subclass when Coupang refuses.

        Calls ``GET /v2/providers/marketplace_openapi/apis/api/v1/coupons/transactionStatus``.
        """
        return await self._run(self._status_call(transaction_id), _status_of)

    async def get(self, coupon_id: int | str) -> DownloadCoupon:
        """One downloadable coupon by ``couponId``.

        Returns a :class:`DownloadCoupon`. Raises :class:`NotFoundError` for an unknown
        coupon, an :class:`APIError` subclass when Coupang refuses.

        Calls ``GET /v2/providers/marketplace_openapi/apis/api/v1/coupons/{couponId}``.
        """
        return await self._run(self._get_call(coupon_id), DownloadCoupon.model_validate)

    async def wait(
        self, transaction_id: str, *, timeout: float = 60.0, interval: float = 2.0
    ) -> DownloadTransactionStatus:
        """Poll the transaction until it is finished, every ``interval`` seconds.

        Calls :meth:`transaction_status`
        (``GET /v2/providers/marketplace_openapi/apis/api/v1/coupons/transactionStatus``)
        repeatedly. Returns the finished
        :class:`DownloadTransactionStatus`. Raises :class:`TimeoutError` after ``timeout`` s,
        else as :meth:`transaction_status`.
        """
        what = f"transaction {transaction_id}"
        return await _apoll(
            lambda: self.transaction_status(transaction_id), what, timeout, interval
        )
