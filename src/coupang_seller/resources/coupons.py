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

Dates are ``yyyy-MM-dd HH:mm:ss`` Korean time; ``datetime`` values are converted (naive ones
are taken as Korean time). Rules that depend on the present moment are left to Coupang.
"""

from __future__ import annotations

import asyncio
import builtins
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, Protocol, TypeVar

from coupang_seller import _endpoints as E
from coupang_seller._client import AsyncClient, Client
from coupang_seller._constants import KST
from coupang_seller._core import QueryParams, path_param
from coupang_seller.preflight import coupons as rules
from coupang_seller.resources._base import ClientT, Resource, envelope_data
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

DiscountType = Literal["RATE", "FIXED_WITH_QUANTITY", "PRICE"]
CouponStatus = Literal["STANDBY", "APPLIED", "PAUSED", "EXPIRED", "DETACHED"]
ItemStatus = Literal["STANDBY", "APPLIED", "PAUSED", "EXPIRED"]


@dataclass(frozen=True, slots=True)
class _Call:
    method: str
    path: str
    params: QueryParams | None = None
    body: Any = None


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


def _results(answer: Any) -> builtins.list[DownloadRequestResult]:
    """The downloadable answers: an array (observed) or one object (documented)."""
    entries = answer if isinstance(answer, list) else [answer]
    return [DownloadRequestResult.model_validate(e) for e in entries]


class _Finishing(Protocol):
    @property
    def finished(self) -> bool: ...


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


class _CouponOps(_Ops[ClientT]):
    def _create_call(
        self,
        *,
        contract_id: int,
        name: str,
        discount: int,
        max_discount_price: int,
        start_at: datetime | str,
        end_at: datetime | str,
        type: str,
    ) -> _Call:
        body = {
            "contractId": contract_id,
            "name": name,
            "maxDiscountPrice": max_discount_price,
            "discount": discount,
            "startAt": coupon_date(start_at),
            "endAt": coupon_date(end_at),
            "type": type,
        }
        self._refuse(rules.check_create_coupon(body), "coupons.create")
        return _Call("POST", self._path(E.COUPON_CREATE), body=body)

    def _items_call(self, coupon_id: int | str, vendor_items: Sequence[int], expire: bool) -> _Call:
        body = {"vendorItems": list(vendor_items)}
        operation = "coupons.expire_items" if expire else "coupons.add_items"
        self._refuse(rules.check_vendor_items(body), operation)
        if expire:
            path = self._path(E.COUPON_ITEMS_EXPIRE, couponId=coupon_id)
            return _Call("PUT", path, {"action": "expire"}, body)
        return _Call("POST", self._path(E.COUPON_ITEMS_ADD, couponId=coupon_id), body=body)

    def _list_call(
        self, endpoint: E.Endpoint, status: str, page: int, size: int, sort: str | None, **ids: Any
    ) -> _Call:
        allowed = rules.ITEM_STATUSES if endpoint is E.COUPON_ITEMS_LIST else rules.COUPON_STATUSES
        self._refuse(
            rules.check_status(status, allowed) + rules.check_paging(page, size, sort),
            f"coupons.{endpoint.sdk.split('.')[1].split(' ')[0]}",
        )
        params: dict[str, Any] = {"status": status, "page": page, "size": size, "sort": sort}
        return _Call("GET", self._path(endpoint, **ids), params)

    def _budget_params(self, contract_id: int | None, target_month: str | None) -> QueryParams:
        self._refuse(
            rules.check_contract_id(contract_id, required=False)
            + rules.check_target_month(target_month),
            "coupons.budgets",
        )
        return {"contractId": contract_id, "targetMonth": target_month}


class _DownloadOps(_Ops[ClientT]):
    def _create_call(
        self,
        *,
        contract_id: int,
        title: str,
        start_date: datetime | str,
        end_date: datetime | str,
        policies: Sequence[Mapping[str, Any]],
        user_id: str | None,
    ) -> _Call:
        body = {
            "title": title,
            "contractId": contract_id,
            "couponType": rules.DOWNLOAD_COUPON_TYPE,
            "startDate": coupon_date(start_date),
            "endDate": coupon_date(end_date),
            "userId": self._user_id(user_id),
            "policies": [dict(p) for p in policies],
        }
        self._refuse(rules.check_download_create(body), "download_coupons.create")
        return _Call("POST", E.DOWNLOAD_COUPON_CREATE.path, body=body)

    def _items_call(
        self, coupon_id: int, vendor_item_ids: Sequence[int], user_id: str | None
    ) -> _Call:
        entry = {
            "couponId": coupon_id,
            "userId": self._user_id(user_id),
            "vendorItemIds": list(vendor_item_ids),
        }
        body = {"couponItems": [entry]}
        self._refuse(rules.check_download_items(body), "download_coupons.add_items")
        return _Call("PUT", E.DOWNLOAD_COUPON_ITEMS.path, body=body)

    def _expire_call(self, coupon_id: int, user_id: str | None, reason: str) -> _Call:
        entry = {"couponId": coupon_id, "reason": reason, "userId": self._user_id(user_id)}
        body = {"expireCouponList": [entry]}
        self._refuse(rules.check_download_expire(body), "download_coupons.expire")
        return _Call("POST", E.DOWNLOAD_COUPON_EXPIRE.path, body=body)

    def _status_call(self, transaction_id: str) -> _Call:
        self._refuse(rules.check_transaction_id(transaction_id), "download_coupons.status")
        params = {"requestTransactionId": transaction_id}
        return _Call("GET", E.DOWNLOAD_COUPON_STATUS.path, params)


def _status_of(answer: Any) -> DownloadTransactionStatus:
    inner = answer.get("transactionStatusResponse", answer) if isinstance(answer, dict) else answer
    return DownloadTransactionStatus.model_validate(inner)


# -- sync ----------------------------------------------------------------------------------


class Coupons(_CouponOps[Client]):
    """``client.coupons``: instant-discount coupons (즉시할인쿠폰)."""

    def _send(self, call: _Call) -> Any:
        return self._client.request(call.method, call.path, params=call.params, json=call.body)

    def list_contracts(self) -> builtins.list[CouponContract]:
        """Every contract of the vendor (CONTRACT_BASED and NON_CONTRACT_BASED)."""
        content = _content(self._send(_Call("GET", self._path(E.COUPON_CONTRACTS))))
        return [CouponContract.model_validate(c) for c in content or []]

    def get_contract(self, contract_id: int) -> CouponContract:
        call = _Call("GET", self._path(E.COUPON_CONTRACT), {"contractId": contract_id})
        return CouponContract.model_validate(_content(self._send(call)))

    def create_free_contract(self) -> CouponContract:
        """Retired in 2019: Coupang answers 410 (raises :class:`GoneError`)."""
        call = _Call("POST", self._path(E.COUPON_FREE_CONTRACT_RETIRED))
        return CouponContract.model_validate(_content(self._send(call)))

    def budgets(
        self, *, contract_id: int | None = None, target_month: str | None = None
    ) -> builtins.list[CouponBudget]:
        """Budget and use per contract for ``target_month`` (``yyyy-MM``; default this month)."""
        call = _Call(
            "GET", self._path(E.COUPON_BUDGETS), self._budget_params(contract_id, target_month)
        )
        return [CouponBudget.model_validate(b) for b in _content(self._send(call)) or []]

    def create(
        self,
        *,
        contract_id: int,
        name: str,
        discount: int,
        max_discount_price: int,
        start_at: datetime | str,
        end_at: datetime | str,
        type: DiscountType,
    ) -> CouponRequested:
        """Ask for a new coupon; its ``couponId`` is in the request status once DONE."""
        call = self._create_call(
            contract_id=contract_id, name=name, discount=discount,
            max_discount_price=max_discount_price, start_at=start_at, end_at=end_at, type=type,
        )  # fmt: skip
        return CouponRequested.model_validate(_content(self._send(call)))

    def get(self, coupon_id: int) -> InstantCoupon:
        call = _Call("GET", self._path(E.COUPON_GET), {"couponId": coupon_id})
        return InstantCoupon.model_validate(_content(self._send(call)))

    def list(
        self, *, status: CouponStatus, page: int = 1, size: int = rules.DEFAULT_PAGE_SIZE,
        sort: Literal["asc", "desc"] | None = None,
    ) -> FmsPage[InstantCoupon]:  # fmt: skip
        call = self._list_call(E.COUPON_LIST, status, page, size, sort)
        return FmsPage[InstantCoupon].model_validate(envelope_data(self._send(call)))

    def add_items(self, coupon_id: int | str, *, vendor_items: Sequence[int]) -> CouponRequested:
        """Attach vendorItems (1–10,000) to the coupon."""
        call = self._items_call(coupon_id, vendor_items, expire=False)
        return CouponRequested.model_validate(_content(self._send(call)))

    def expire_items(self, coupon_id: int | str, *, vendor_items: Sequence[int]) -> CouponRequested:
        """Detach vendorItems from the coupon (``action=expire``)."""
        call = self._items_call(coupon_id, vendor_items, expire=True)
        return CouponRequested.model_validate(_content(self._send(call)))

    def expire(self, coupon_id: int | str) -> CouponRequested:
        """Expire the coupon; ``success`` is False while another request on it is pending."""
        path = self._path(E.COUPON_EXPIRE, couponId=coupon_id)
        return CouponRequested.model_validate(
            _content(self._send(_Call("PUT", path, {"action": "expire"})))
        )

    def list_items(
        self, coupon_id: int | str, *, status: ItemStatus, page: int = 1,
        size: int = rules.DEFAULT_PAGE_SIZE, sort: Literal["asc", "desc"] | None = None,
    ) -> FmsPage[CouponItem]:  # fmt: skip
        call = self._list_call(E.COUPON_ITEMS_LIST, status, page, size, sort, couponId=coupon_id)
        return FmsPage[CouponItem].model_validate(envelope_data(self._send(call)))

    def get_item(self, coupon_id: int | str, coupon_item_id: int | str) -> CouponItem:
        path = self._path(E.COUPON_ITEM_GET, couponId=coupon_id, couponItemId=coupon_item_id)
        call = _Call("GET", path, {"type": "couponItemId"})
        return CouponItem.model_validate(_content(self._send(call)))

    def get_item_by_vendor_item(
        self, coupon_id: int | str, vendor_item_id: int | str
    ) -> CouponItem:
        path = self._path(E.COUPON_ITEM_GET, couponId=coupon_id, couponItemId=vendor_item_id)
        call = _Call("GET", path, {"type": "vendorItemId"})
        return CouponItem.model_validate(_content(self._send(call)))

    def list_by_order(self, order_id: int | str) -> builtins.list[InstantCoupon]:
        """The coupons applied to an order's items (``vendorItemId`` names the item)."""
        path = self._path(E.COUPON_BY_ORDER, orderId=order_id)
        return [
            InstantCoupon.model_validate(c) for c in _content(self._send(_Call("GET", path))) or []
        ]

    def list_by_order_v1(self, order_id: int | str) -> builtins.list[InstantCoupon]:
        """Retired v1 path: Coupang answers 410 (raises :class:`GoneError`)."""
        path = self._path(E.COUPON_BY_ORDER_V1_RETIRED, orderId=order_id)
        return [
            InstantCoupon.model_validate(c) for c in _content(self._send(_Call("GET", path))) or []
        ]

    def request_status(self, requested_id: str) -> CouponRequestStatus:
        path = self._path(E.COUPON_REQUEST, requestedId=requested_id)
        return CouponRequestStatus.model_validate(_content(self._send(_Call("GET", path))))

    def wait(
        self, requested_id: str, *, timeout: float = 60.0, interval: float = 2.0
    ) -> CouponRequestStatus:
        """Poll the request until DONE or FAIL; :class:`TimeoutError` after ``timeout`` s."""
        what = f"coupon request {requested_id}"
        return _poll(lambda: self.request_status(requested_id), what, timeout, interval)


class DownloadCoupons(_DownloadOps[Client]):
    """``client.download_coupons``: downloadable coupons (다운로드쿠폰)."""

    def _send(self, call: _Call) -> Any:
        return self._client.request(call.method, call.path, params=call.params, json=call.body)

    def create(
        self,
        *,
        contract_id: int,
        title: str,
        start_date: datetime | str,
        end_date: datetime | str,
        policies: Sequence[Mapping[str, Any]],
        user_id: str | None = None,
    ) -> DownloadCoupon:
        """Create the coupon (STANDBY); ``user_id`` defaults to the client's ``user_id``."""
        call = self._create_call(
            contract_id=contract_id, title=title, start_date=start_date, end_date=end_date,
            policies=policies, user_id=user_id,
        )  # fmt: skip
        return DownloadCoupon.model_validate(self._send(call))

    def add_items(
        self, coupon_id: int, *, vendor_item_ids: Sequence[int], user_id: str | None = None
    ) -> builtins.list[DownloadRequestResult]:
        """Set the coupon's items (once; at most 100). Poll ``transaction_id`` of the result."""
        return _results(self._send(self._items_call(coupon_id, vendor_item_ids, user_id)))

    def expire(
        self, coupon_id: int, *, user_id: str | None = None, reason: str = "expired"
    ) -> builtins.list[DownloadRequestResult]:
        return _results(self._send(self._expire_call(coupon_id, user_id, reason)))

    def transaction_status(self, transaction_id: str) -> DownloadTransactionStatus:
        return _status_of(self._send(self._status_call(transaction_id)))

    def get(self, coupon_id: int | str) -> DownloadCoupon:
        path = E.DOWNLOAD_COUPON_GET.format(couponId=path_param(coupon_id, "couponId"))
        return DownloadCoupon.model_validate(self._send(_Call("GET", path)))

    def wait(
        self, transaction_id: str, *, timeout: float = 60.0, interval: float = 2.0
    ) -> DownloadTransactionStatus:
        what = f"transaction {transaction_id}"
        return _poll(lambda: self.transaction_status(transaction_id), what, timeout, interval)


# -- async ---------------------------------------------------------------------------------


class AsyncCoupons(_CouponOps[AsyncClient]):
    async def _send(self, call: _Call) -> Any:
        return await self._client.request(
            call.method, call.path, params=call.params, json=call.body
        )

    async def list_contracts(self) -> builtins.list[CouponContract]:
        content = _content(await self._send(_Call("GET", self._path(E.COUPON_CONTRACTS))))
        return [CouponContract.model_validate(c) for c in content or []]

    async def get_contract(self, contract_id: int) -> CouponContract:
        call = _Call("GET", self._path(E.COUPON_CONTRACT), {"contractId": contract_id})
        return CouponContract.model_validate(_content(await self._send(call)))

    async def create_free_contract(self) -> CouponContract:
        call = _Call("POST", self._path(E.COUPON_FREE_CONTRACT_RETIRED))
        return CouponContract.model_validate(_content(await self._send(call)))

    async def budgets(
        self, *, contract_id: int | None = None, target_month: str | None = None
    ) -> builtins.list[CouponBudget]:
        call = _Call(
            "GET", self._path(E.COUPON_BUDGETS), self._budget_params(contract_id, target_month)
        )
        return [CouponBudget.model_validate(b) for b in _content(await self._send(call)) or []]

    async def create(
        self,
        *,
        contract_id: int,
        name: str,
        discount: int,
        max_discount_price: int,
        start_at: datetime | str,
        end_at: datetime | str,
        type: DiscountType,
    ) -> CouponRequested:
        call = self._create_call(
            contract_id=contract_id, name=name, discount=discount,
            max_discount_price=max_discount_price, start_at=start_at, end_at=end_at, type=type,
        )  # fmt: skip
        return CouponRequested.model_validate(_content(await self._send(call)))

    async def get(self, coupon_id: int) -> InstantCoupon:
        call = _Call("GET", self._path(E.COUPON_GET), {"couponId": coupon_id})
        return InstantCoupon.model_validate(_content(await self._send(call)))

    async def list(
        self, *, status: CouponStatus, page: int = 1, size: int = rules.DEFAULT_PAGE_SIZE,
        sort: Literal["asc", "desc"] | None = None,
    ) -> FmsPage[InstantCoupon]:  # fmt: skip
        call = self._list_call(E.COUPON_LIST, status, page, size, sort)
        return FmsPage[InstantCoupon].model_validate(envelope_data(await self._send(call)))

    async def add_items(
        self, coupon_id: int | str, *, vendor_items: Sequence[int]
    ) -> CouponRequested:
        call = self._items_call(coupon_id, vendor_items, expire=False)
        return CouponRequested.model_validate(_content(await self._send(call)))

    async def expire_items(
        self, coupon_id: int | str, *, vendor_items: Sequence[int]
    ) -> CouponRequested:
        call = self._items_call(coupon_id, vendor_items, expire=True)
        return CouponRequested.model_validate(_content(await self._send(call)))

    async def expire(self, coupon_id: int | str) -> CouponRequested:
        path = self._path(E.COUPON_EXPIRE, couponId=coupon_id)
        return CouponRequested.model_validate(
            _content(await self._send(_Call("PUT", path, {"action": "expire"})))
        )

    async def list_items(
        self, coupon_id: int | str, *, status: ItemStatus, page: int = 1,
        size: int = rules.DEFAULT_PAGE_SIZE, sort: Literal["asc", "desc"] | None = None,
    ) -> FmsPage[CouponItem]:  # fmt: skip
        call = self._list_call(E.COUPON_ITEMS_LIST, status, page, size, sort, couponId=coupon_id)
        return FmsPage[CouponItem].model_validate(envelope_data(await self._send(call)))

    async def get_item(self, coupon_id: int | str, coupon_item_id: int | str) -> CouponItem:
        path = self._path(E.COUPON_ITEM_GET, couponId=coupon_id, couponItemId=coupon_item_id)
        call = _Call("GET", path, {"type": "couponItemId"})
        return CouponItem.model_validate(_content(await self._send(call)))

    async def get_item_by_vendor_item(
        self, coupon_id: int | str, vendor_item_id: int | str
    ) -> CouponItem:
        path = self._path(E.COUPON_ITEM_GET, couponId=coupon_id, couponItemId=vendor_item_id)
        call = _Call("GET", path, {"type": "vendorItemId"})
        return CouponItem.model_validate(_content(await self._send(call)))

    async def list_by_order(self, order_id: int | str) -> builtins.list[InstantCoupon]:
        path = self._path(E.COUPON_BY_ORDER, orderId=order_id)
        content = _content(await self._send(_Call("GET", path)))
        return [InstantCoupon.model_validate(c) for c in content or []]

    async def list_by_order_v1(self, order_id: int | str) -> builtins.list[InstantCoupon]:
        path = self._path(E.COUPON_BY_ORDER_V1_RETIRED, orderId=order_id)
        content = _content(await self._send(_Call("GET", path)))
        return [InstantCoupon.model_validate(c) for c in content or []]

    async def request_status(self, requested_id: str) -> CouponRequestStatus:
        path = self._path(E.COUPON_REQUEST, requestedId=requested_id)
        return CouponRequestStatus.model_validate(_content(await self._send(_Call("GET", path))))

    async def wait(
        self, requested_id: str, *, timeout: float = 60.0, interval: float = 2.0
    ) -> CouponRequestStatus:
        what = f"coupon request {requested_id}"
        return await _apoll(lambda: self.request_status(requested_id), what, timeout, interval)


class AsyncDownloadCoupons(_DownloadOps[AsyncClient]):
    async def _send(self, call: _Call) -> Any:
        return await self._client.request(
            call.method, call.path, params=call.params, json=call.body
        )

    async def create(
        self,
        *,
        contract_id: int,
        title: str,
        start_date: datetime | str,
        end_date: datetime | str,
        policies: Sequence[Mapping[str, Any]],
        user_id: str | None = None,
    ) -> DownloadCoupon:
        call = self._create_call(
            contract_id=contract_id, title=title, start_date=start_date, end_date=end_date,
            policies=policies, user_id=user_id,
        )  # fmt: skip
        return DownloadCoupon.model_validate(await self._send(call))

    async def add_items(
        self, coupon_id: int, *, vendor_item_ids: Sequence[int], user_id: str | None = None
    ) -> builtins.list[DownloadRequestResult]:
        return _results(await self._send(self._items_call(coupon_id, vendor_item_ids, user_id)))

    async def expire(
        self, coupon_id: int, *, user_id: str | None = None, reason: str = "expired"
    ) -> builtins.list[DownloadRequestResult]:
        return _results(await self._send(self._expire_call(coupon_id, user_id, reason)))

    async def transaction_status(self, transaction_id: str) -> DownloadTransactionStatus:
        return _status_of(await self._send(self._status_call(transaction_id)))

    async def get(self, coupon_id: int | str) -> DownloadCoupon:
        path = E.DOWNLOAD_COUPON_GET.format(couponId=path_param(coupon_id, "couponId"))
        return DownloadCoupon.model_validate(await self._send(_Call("GET", path)))

    async def wait(
        self, transaction_id: str, *, timeout: float = 60.0, interval: float = 2.0
    ) -> DownloadTransactionStatus:
        what = f"transaction {transaction_id}"
        return await _apoll(
            lambda: self.transaction_status(transaction_id), what, timeout, interval
        )
