"""Returns (반품), sync and async side by side: ``client.returns``.

Reads (v6 by default, ``version="v4"``/``"v5"`` for the older paths): the daily list with
``nextToken`` paging (:meth:`Returns.iter` walks any period in 31-day windows), the minute
list (``searchType=timeFrame``; cut into 24-hour slices, the FAQ's limit, though the endpoint
text allows 31 days), one receipt, and on v6 the orders cancelled at payment completion
(``cancel_type="CANCEL"``). Status filters: RU (stop-shipment requests, also listed under
UC), UC, CC, PR; without a status, pass ``order_id``. A return the customer withdrew vanishes
from the lists: keep its receiptId and read the withdraw history (:meth:`Returns.withdrawals`,
7-day windows paged by ``nextPageIndex``; :meth:`Returns.withdrawals_by_ids`, 50 ids a call).

Actions (v4 by default, ``version="v5"`` for the 2025 parallel paths): receipt confirmation,
approval (``cancel_count`` = the receipt's total quantity, :attr:`ReturnRequest.cancelCountSum`)
and the manual pickup invoice for sellers without auto pickup. None is retried: after a lost
answer, re-read the return.
"""

from __future__ import annotations

import builtins
import re
from collections.abc import AsyncIterator, Iterator, Sequence
from datetime import date, datetime
from typing import Any, Literal

from coupang_seller import _endpoints as E
from coupang_seller._client import AsyncClient, Client
from coupang_seller._constants import KST
from coupang_seller._core import path_param
from coupang_seller._windows import require_dates, require_datetimes
from coupang_seller.pagination import (
    aiter_page_index,
    iter_page_index,
    split_date_range,
    split_window,
)
from coupang_seller.preflight import returns as rules
from coupang_seller.resources._base import (
    AsyncResource,
    Call,
    ClientT,
    Resource,
    SyncResource,
    awalk_ranges,
    data_of,
    each_of,
    envelope_data,
    nothing,
    walk_ranges,
)
from coupang_seller.types.codes import (
    DeliveryCompanyCode,
    ReturnCancelTypeV6,
    ReturnRequestStatusFilter,
)
from coupang_seller.types.returns import (
    ManualInvoice,
    ReturnPage,
    ReturnRequest,
    ReturnWithdrawal,
    ReturnWithdrawalPage,
)

__all__ = ["AsyncReturns", "Returns"]

ListVersion = Literal["v4", "v5", "v6"]
ActionVersion = Literal["v4", "v5"]
CancelType = ReturnCancelTypeV6
Method = Literal["PATCH", "PUT"]
_VERSION = re.compile(r"/apis/api/v\d+/vendors/")


def _minute(moment: datetime) -> str:
    """``yyyy-MM-ddTHH:mm`` in Korean time (naive datetimes are taken as Korean time)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(KST)
    return moment.strftime("%Y-%m-%dT%H:%M")


def _returns_of(data: Any) -> list[ReturnRequest]:
    """``data`` of a list or of the one-receipt lookup: a list (the docs) or one object."""
    if data is None:
        return []
    if isinstance(data, dict):
        data = [data]
    return [ReturnRequest.model_validate(item) for item in data]


def _returns_answer(answer: Any) -> list[ReturnRequest]:
    return _returns_of(envelope_data(answer))


def _key(item: ReturnRequest) -> int:
    return item.receiptId


def _windows(start: datetime, end: datetime) -> tuple[datetime, datetime]:
    if (start.tzinfo is None) != (end.tzinfo is None):
        raise ValueError("start and end must both be naive or both be timezone-aware")
    return start.replace(second=0, microsecond=0), end


class _ReturnOps(Resource[ClientT]):
    def _path(self, endpoint: E.Endpoint, version: str, **more: str) -> str:
        if version not in ("v4", "v5", "v6"):
            raise ValueError(f"version must be 'v4', 'v5' or 'v6', got {version!r}")
        template = _VERSION.sub(f"/apis/api/{version}/vendors/", endpoint.path)
        return template.format(vendorId=path_param(self._vendor_id, "vendorId"), **more)

    def _receipt_path(self, endpoint: E.Endpoint, receipt_id: int | str, version: str) -> str:
        return self._path(endpoint, version, receiptId=path_param(receipt_id, "receiptId"))

    @staticmethod
    def _filters(
        status: ReturnRequestStatusFilter | None,
        order_id: int | None,
        cancel_type: CancelType | None,
        version: str,
    ) -> dict[str, Any]:
        if cancel_type is not None and version != "v6":
            raise ValueError("cancel_type is a v6 parameter: use version='v6'")
        return {
            "status": status,
            "orderId": order_id,
            "cancelType": cancel_type,
        }

    def _list_call(
        self,
        created_from: date,
        created_to: date,
        *,
        status: ReturnRequestStatusFilter | None,
        order_id: int | None,
        cancel_type: CancelType | None,
        next_token: str | None,
        max_per_page: int,
        version: ListVersion,
    ) -> Call:
        self._gate(
            "returns.list",
            rules.check_list_filters(status, order_id, cancel_type)
            + rules.check_daily_window(created_from, created_to),
        )
        params: dict[str, Any] = {
            "createdAtFrom": created_from.isoformat(),
            "createdAtTo": created_to.isoformat(),
            **self._filters(status, order_id, cancel_type, version),
            "maxPerPage": max_per_page,
            "nextToken": next_token or None,
        }
        return Call("GET", self._path(E.RETURN_REQUESTS, version), params)

    def _time_frame_call(
        self,
        start: datetime,
        end: datetime,
        *,
        status: ReturnRequestStatusFilter | None,
        cancel_type: CancelType | None,
        version: ListVersion,
    ) -> Call:
        self._gate(
            "returns.list_time_frame",
            rules.check_list_filters(status, None, cancel_type)
            + rules.check_time_frame(start, end),
        )
        params = {
            "searchType": "timeFrame",
            "createdAtFrom": _minute(start),
            "createdAtTo": _minute(end),
            **self._filters(status, None, cancel_type, version),
        }
        return Call("GET", self._path(E.RETURN_REQUESTS, version), params)

    def _confirm_call(self, receipt_id: int | str, version: ActionVersion, method: Method) -> Call:
        body = {"vendorId": self._vendor_id, "receiptId": int(receipt_id)}
        path = self._receipt_path(E.RETURN_RECEIVE_CONFIRMATION, receipt_id, version)
        return Call(method, path, body=body)

    def _approve_call(
        self, receipt_id: int | str, cancel_count: int, version: ActionVersion, method: Method
    ) -> Call:
        body = {
            "vendorId": self._vendor_id,
            "receiptId": int(receipt_id),
            "cancelCount": cancel_count,
        }
        return Call(method, self._receipt_path(E.RETURN_APPROVAL, receipt_id, version), body=body)

    def _withdrawals_call(
        self, date_from: date, date_to: date, page_index: int, size_per_page: int
    ) -> Call:
        self._gate(
            "returns.withdrawals",
            rules.check_withdraw_window(date_from, date_to)
            + rules.check_page_index(page_index)
            + rules.check_size_per_page(size_per_page),
        )
        params: dict[str, Any] = {
            "dateFrom": date_from.isoformat(),
            "dateTo": date_to.isoformat(),
            "pageIndex": page_index,
            "sizePerPage": size_per_page,
        }
        return Call("GET", self._path(E.RETURN_WITHDRAW_REQUESTS, "v4"), params)

    def _by_ids_calls(self, cancel_ids: Sequence[int | str]) -> list[Call]:
        ids = [int(i) for i in cancel_ids]
        path = self._path(E.RETURN_WITHDRAW_LIST, "v4")
        calls = []
        for chunk in rules.chunks(ids):
            self._gate("returns.withdrawals_by_ids", rules.check_cancel_ids(chunk))
            calls.append(Call("POST", path, body={"cancelIds": chunk}))
        return calls

    def _time_frame_calls(
        self,
        start: datetime,
        end: datetime,
        *,
        status: ReturnRequestStatusFilter | None,
        cancel_type: CancelType | None,
        version: ListVersion,
    ) -> list[Call]:
        start, end = _windows(start, end)
        return [
            self._time_frame_call(a, b, status=status, cancel_type=cancel_type, version=version)
            for a, b in split_window(start, end, rules.TIME_FRAME_SLICE)
        ]

    def _get_call(self, receipt_id: int | str, version: ListVersion) -> Call:
        return Call("GET", self._receipt_path(E.RETURN_REQUEST, receipt_id, version))

    def _invoice_call(
        self,
        receipt_id: int | str,
        delivery_company_code: DeliveryCompanyCode,
        invoice_number: str,
        reg_number: str | None,
    ) -> Call:
        body: dict[str, Any] = {
            "returnExchangeDeliveryType": "RETURN",
            "receiptId": int(receipt_id),
            "deliveryCompanyCode": delivery_company_code,
            "invoiceNumber": invoice_number,
        }
        if reg_number is not None:
            body["regNumber"] = reg_number
        self._gate("returns.upload_pickup_invoice", rules.check_manual_invoice(body))
        return Call("POST", self._path(E.RETURN_MANUAL_INVOICE, "v4"), body=body)


# -- sync ----------------------------------------------------------------------------------


def _once(found: builtins.list[builtins.list[ReturnRequest]]) -> builtins.list[ReturnRequest]:
    seen: set[int] = set()
    out: builtins.list[ReturnRequest] = []
    for item in (item for answer in found for item in answer):
        if item.receiptId not in seen:
            seen.add(item.receiptId)
            out.append(item)
    return out


def _first(found: builtins.list[ReturnRequest], receipt_id: int | str) -> ReturnRequest:
    if not found:
        raise LookupError(f"receiptId {receipt_id} answered no return")
    return found[0]


class Returns(_ReturnOps[Client], SyncResource):
    """``client.returns``: return receipts, their confirmation and approval, withdrawals."""

    def list(
        self,
        created_from: date,
        created_to: date,
        *,
        status: ReturnRequestStatusFilter | None = None,
        order_id: int | None = None,
        cancel_type: CancelType | None = None,
        next_token: str | None = None,
        max_per_page: int = rules.MAX_PER_PAGE,
        version: ListVersion = "v6",
    ) -> ReturnPage:
        """One page of the daily list (both days inclusive, at most 31 days apart).

        Returns a :class:`ReturnPage` (``next_token`` is ``None`` on the last page). Raises
        :class:`PreflightError` for a window over 31 days or filters that do not go together
        (nothing sent), an :class:`APIError` subclass when Coupang refuses.

        Calls ``GET /v2/providers/openapi/apis/api/v6/vendors/{vendorId}/returnRequests``.
        """
        require_dates(created_from=created_from, created_to=created_to)
        call = self._list_call(
            created_from,
            created_to,
            status=status,
            order_id=order_id,
            cancel_type=cancel_type,
            next_token=next_token,
            max_per_page=max_per_page,
            version=version,
        )
        return self._run(call, ReturnPage)

    def iter(
        self,
        created_from: date,
        created_to: date,
        *,
        status: ReturnRequestStatusFilter | None = None,
        order_id: int | None = None,
        cancel_type: CancelType | None = None,
        max_per_page: int = rules.MAX_PER_PAGE,
        version: ListVersion = "v6",
        limit: int | None = None,
    ) -> Iterator[ReturnRequest]:
        """Every return of any period: 31-day windows, each paged by ``nextToken``.

        Yields :class:`ReturnRequest` items, each once, at most ``limit``, fetching pages
        lazily. Raises as :meth:`list`, page by page.

        Calls ``GET /v2/providers/openapi/apis/api/v6/vendors/{vendorId}/returnRequests``.
        """
        require_dates(created_from=created_from, created_to=created_to)

        def fetch(
            start: date, end: date, token: str | None
        ) -> tuple[builtins.list[ReturnRequest], str | None]:
            """One page of return requests for these days and the nextToken."""
            page = self.list(
                start,
                end,
                status=status,
                order_id=order_id,
                cancel_type=cancel_type,
                next_token=token,
                max_per_page=max_per_page,
                version=version,
            )
            return page.items, page.next_token

        ranges = split_date_range(created_from, created_to, rules.DAILY_WINDOW_DAYS)
        return walk_ranges(ranges, fetch, _key, limit=limit)

    def list_time_frame(
        self,
        start: datetime,
        end: datetime,
        *,
        status: ReturnRequestStatusFilter | None = None,
        cancel_type: CancelType | None = None,
        version: ListVersion = "v6",
    ) -> builtins.list[ReturnRequest]:
        """Returns created in ``[start, end]`` (minute precision), any span, cut into 24-hour
        calls, each return once. Naive datetimes are Korean time.

        Returns a list of :class:`ReturnRequest`. Raises :class:`ValueError` for a naive and
        an aware bound, :class:`PreflightError` for filters that do not go together, an
        :class:`APIError` subclass when Coupang refuses.

        Calls ``GET /v2/providers/openapi/apis/api/v6/vendors/{vendorId}/returnRequests``.
        """
        require_datetimes(start=start, end=end)
        calls = self._time_frame_calls(
            start, end, status=status, cancel_type=cancel_type, version=version
        )
        return _once([self._run(call, _returns_answer) for call in calls])

    def get(self, receipt_id: int | str, *, version: ListVersion = "v6") -> ReturnRequest:
        """One return receipt by ``receiptId``.

        Returns a :class:`ReturnRequest`. Raises :class:`LookupError` when the answer holds
        no return, :class:`NotFoundError` for a receipt of another vendor or none.

        Calls ``GET
        /v2/providers/openapi/apis/api/v6/vendors/{vendorId}/returnRequests/{receiptId}``.
        """
        return _first(self._run(self._get_call(receipt_id, version), _returns_answer), receipt_id)

    def confirm_receipt(
        self, receipt_id: int | str, *, version: ActionVersion = "v4", method: Method = "PATCH"
    ) -> None:
        """The returned goods arrived (RETURNS_UNCHECKED -> VENDOR_WAREHOUSE_CONFIRM; an
        untracked quick-refund return is refunded and completed).

        Returns nothing. Raises an :class:`APIError` subclass when Coupang refuses (not
        retried: after a lost answer, re-read the return).

        Calls ``PATCH
        /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/returnRequests/{receiptId}/receiveConfirmation``.
        """
        self._run(self._confirm_call(receipt_id, version, method), nothing)

    def approve(
        self,
        receipt_id: int | str,
        *,
        cancel_count: int,
        version: ActionVersion = "v4",
        method: Method = "PATCH",
    ) -> None:
        """Approve the return (-> RETURNS_COMPLETED); ``cancel_count`` = its total quantity.

        Returns nothing. Raises an :class:`APIError` subclass when Coupang refuses (not
        retried: after a lost answer, re-read the return).

        Calls ``PATCH
        /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/returnRequests/{receiptId}/approval``.
        """
        self._run(self._approve_call(receipt_id, cancel_count, version, method), nothing)

    def withdrawals(
        self,
        date_from: date,
        date_to: date,
        *,
        page_index: int = 1,
        size_per_page: int = rules.MAX_SIZE_PER_PAGE,
    ) -> ReturnWithdrawalPage:
        """One page of the withdraw history (at most 7 days).

        Returns a :class:`ReturnWithdrawalPage` (``next_page_index`` is ``None`` on the
        last). Raises :class:`PreflightError` for a window over 7 days or a page out of
        range, an :class:`APIError` subclass when Coupang refuses.

        Calls ``GET /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/returnWithdrawRequests``.
        """
        require_dates(date_from=date_from, date_to=date_to)
        call = self._withdrawals_call(date_from, date_to, page_index, size_per_page)
        return self._run(call, ReturnWithdrawalPage)

    def iter_withdrawals(
        self, date_from: date, date_to: date, *, size_per_page: int = rules.MAX_SIZE_PER_PAGE
    ) -> Iterator[ReturnWithdrawal]:
        """Every withdrawal of any period: 7-day windows, each paged by ``nextPageIndex``.

        Yields :class:`ReturnWithdrawal` items, fetching pages lazily. Raises as
        :meth:`withdrawals`.

        Calls ``GET /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/returnWithdrawRequests``.
        """
        require_dates(date_from=date_from, date_to=date_to)
        for start, end in split_date_range(date_from, date_to, rules.WITHDRAW_WINDOW_DAYS):

            def fetch(
                index: int, start: date = start, end: date = end
            ) -> tuple[builtins.list[ReturnWithdrawal], int | None]:
                """One page of return withdrawals and the next pageIndex."""
                page = self.withdrawals(start, end, page_index=index, size_per_page=size_per_page)
                return page.data, page.next_page_index

            yield from iter_page_index(fetch)

    def withdrawals_by_ids(
        self, cancel_ids: Sequence[int | str]
    ) -> builtins.list[ReturnWithdrawal]:
        """The withdrawals among ``cancel_ids`` (receiptIds), 50 per call.

        Returns a list of :class:`ReturnWithdrawal`. Raises :class:`PreflightError` for a
        malformed id, an :class:`APIError` subclass when Coupang refuses.

        Calls ``POST /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/returnWithdrawList``.
        """
        read = each_of(ReturnWithdrawal)
        return [w for call in self._by_ids_calls(cancel_ids) for w in self._run(call, read)]

    def upload_pickup_invoice(
        self,
        receipt_id: int | str,
        *,
        delivery_company_code: DeliveryCompanyCode,
        invoice_number: str,
        reg_number: str | None = None,
    ) -> ManualInvoice:
        """Register the pickup invoice of a return collected by the seller's own courier.

        Returns the :class:`ManualInvoice`. Raises :class:`PreflightError` for an unknown
        courier or a malformed invoice number, an :class:`APIError` subclass when Coupang
        refuses (an invoice number already used, for one).

        Calls ``POST
        /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/return-exchange-invoices/manual`` and
        ``POST
        /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/return-exchange-invoices/manual``.
        """
        call = self._invoice_call(receipt_id, delivery_company_code, invoice_number, reg_number)
        return self._run(call, data_of(ManualInvoice))


# -- async ---------------------------------------------------------------------------------


class AsyncReturns(_ReturnOps[AsyncClient], AsyncResource):
    """``client.returns`` of :class:`AsyncClient`: the twin of :class:`Returns`."""

    async def list(
        self,
        created_from: date,
        created_to: date,
        *,
        status: ReturnRequestStatusFilter | None = None,
        order_id: int | None = None,
        cancel_type: CancelType | None = None,
        next_token: str | None = None,
        max_per_page: int = rules.MAX_PER_PAGE,
        version: ListVersion = "v6",
    ) -> ReturnPage:
        """One page of the daily list (both days inclusive, at most 31 days apart).

        Returns a :class:`ReturnPage` (``next_token`` is ``None`` on the last page). Raises
        :class:`PreflightError` for a window over 31 days or filters that do not go together
        (nothing sent), an :class:`APIError` subclass when Coupang refuses.

        Calls ``GET /v2/providers/openapi/apis/api/v6/vendors/{vendorId}/returnRequests``.
        """
        require_dates(created_from=created_from, created_to=created_to)
        call = self._list_call(
            created_from,
            created_to,
            status=status,
            order_id=order_id,
            cancel_type=cancel_type,
            next_token=next_token,
            max_per_page=max_per_page,
            version=version,
        )
        return await self._run(call, ReturnPage)

    def iter(
        self,
        created_from: date,
        created_to: date,
        *,
        status: ReturnRequestStatusFilter | None = None,
        order_id: int | None = None,
        cancel_type: CancelType | None = None,
        max_per_page: int = rules.MAX_PER_PAGE,
        version: ListVersion = "v6",
        limit: int | None = None,
    ) -> AsyncIterator[ReturnRequest]:
        """Every return of any period: 31-day windows, each paged by ``nextToken``.

        Yields :class:`ReturnRequest` items, each once, at most ``limit``, fetching pages
        lazily. Raises as :meth:`list`, page by page.

        Calls ``GET /v2/providers/openapi/apis/api/v6/vendors/{vendorId}/returnRequests``.
        """
        require_dates(created_from=created_from, created_to=created_to)

        async def fetch(
            start: date, end: date, token: str | None
        ) -> tuple[builtins.list[ReturnRequest], str | None]:
            """One page of return requests for these days and the nextToken."""
            page = await self.list(
                start,
                end,
                status=status,
                order_id=order_id,
                cancel_type=cancel_type,
                next_token=token,
                max_per_page=max_per_page,
                version=version,
            )
            return page.items, page.next_token

        ranges = split_date_range(created_from, created_to, rules.DAILY_WINDOW_DAYS)
        return awalk_ranges(ranges, fetch, _key, limit=limit)

    async def list_time_frame(
        self,
        start: datetime,
        end: datetime,
        *,
        status: ReturnRequestStatusFilter | None = None,
        cancel_type: CancelType | None = None,
        version: ListVersion = "v6",
    ) -> builtins.list[ReturnRequest]:
        """Returns created in ``[start, end]`` (minute precision), any span, cut into 24-hour
        calls, each return once. Naive datetimes are Korean time.

        Returns a list of :class:`ReturnRequest`. Raises :class:`ValueError` for a naive and
        an aware bound, :class:`PreflightError` for filters that do not go together, an
        :class:`APIError` subclass when Coupang refuses.

        Calls ``GET /v2/providers/openapi/apis/api/v6/vendors/{vendorId}/returnRequests``.
        """
        require_datetimes(start=start, end=end)
        calls = self._time_frame_calls(
            start, end, status=status, cancel_type=cancel_type, version=version
        )
        return _once([await self._run(call, _returns_answer) for call in calls])

    async def get(self, receipt_id: int | str, *, version: ListVersion = "v6") -> ReturnRequest:
        """One return receipt by ``receiptId``.

        Returns a :class:`ReturnRequest`. Raises :class:`LookupError` when the answer holds
        no return, :class:`NotFoundError` for a receipt of another vendor or none.

        Calls ``GET
        /v2/providers/openapi/apis/api/v6/vendors/{vendorId}/returnRequests/{receiptId}``.
        """
        found = await self._run(self._get_call(receipt_id, version), _returns_answer)
        return _first(found, receipt_id)

    async def confirm_receipt(
        self, receipt_id: int | str, *, version: ActionVersion = "v4", method: Method = "PATCH"
    ) -> None:
        """The returned goods arrived (RETURNS_UNCHECKED -> VENDOR_WAREHOUSE_CONFIRM; an
        untracked quick-refund return is refunded and completed).

        Returns nothing. Raises an :class:`APIError` subclass when Coupang refuses (not
        retried: after a lost answer, re-read the return).

        Calls ``PATCH
        /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/returnRequests/{receiptId}/receiveConfirmation``.
        """
        await self._run(self._confirm_call(receipt_id, version, method), nothing)

    async def approve(
        self,
        receipt_id: int | str,
        *,
        cancel_count: int,
        version: ActionVersion = "v4",
        method: Method = "PATCH",
    ) -> None:
        """Approve the return (-> RETURNS_COMPLETED); ``cancel_count`` = its total quantity.

        Returns nothing. Raises an :class:`APIError` subclass when Coupang refuses (not
        retried: after a lost answer, re-read the return).

        Calls ``PATCH
        /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/returnRequests/{receiptId}/approval``.
        """
        await self._run(self._approve_call(receipt_id, cancel_count, version, method), nothing)

    async def withdrawals(
        self,
        date_from: date,
        date_to: date,
        *,
        page_index: int = 1,
        size_per_page: int = rules.MAX_SIZE_PER_PAGE,
    ) -> ReturnWithdrawalPage:
        """One page of the withdraw history (at most 7 days).

        Returns a :class:`ReturnWithdrawalPage` (``next_page_index`` is ``None`` on the
        last). Raises :class:`PreflightError` for a window over 7 days or a page out of
        range, an :class:`APIError` subclass when Coupang refuses.

        Calls ``GET /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/returnWithdrawRequests``.
        """
        require_dates(date_from=date_from, date_to=date_to)
        call = self._withdrawals_call(date_from, date_to, page_index, size_per_page)
        return await self._run(call, ReturnWithdrawalPage)

    async def iter_withdrawals(
        self, date_from: date, date_to: date, *, size_per_page: int = rules.MAX_SIZE_PER_PAGE
    ) -> AsyncIterator[ReturnWithdrawal]:
        """Every withdrawal of any period: 7-day windows, each paged by ``nextPageIndex``.

        Yields :class:`ReturnWithdrawal` items, fetching pages lazily. Raises as
        :meth:`withdrawals`.

        Calls ``GET /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/returnWithdrawRequests``.
        """
        require_dates(date_from=date_from, date_to=date_to)
        for start, end in split_date_range(date_from, date_to, rules.WITHDRAW_WINDOW_DAYS):

            async def fetch(
                index: int, start: date = start, end: date = end
            ) -> tuple[builtins.list[ReturnWithdrawal], int | None]:
                """One page of return withdrawals and the next pageIndex."""
                page = await self.withdrawals(
                    start, end, page_index=index, size_per_page=size_per_page
                )
                return page.data, page.next_page_index

            async for item in aiter_page_index(fetch):
                yield item

    async def withdrawals_by_ids(
        self, cancel_ids: Sequence[int | str]
    ) -> builtins.list[ReturnWithdrawal]:
        """The withdrawals among ``cancel_ids`` (receiptIds), 50 per call.

        Returns a list of :class:`ReturnWithdrawal`. Raises :class:`PreflightError` for a
        malformed id, an :class:`APIError` subclass when Coupang refuses.

        Calls ``POST /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/returnWithdrawList``.
        """
        read = each_of(ReturnWithdrawal)
        return [w for call in self._by_ids_calls(cancel_ids) for w in await self._run(call, read)]

    async def upload_pickup_invoice(
        self,
        receipt_id: int | str,
        *,
        delivery_company_code: DeliveryCompanyCode,
        invoice_number: str,
        reg_number: str | None = None,
    ) -> ManualInvoice:
        """Register the pickup invoice of a return collected by the seller's own courier.

        Returns the :class:`ManualInvoice`. Raises :class:`PreflightError` for an unknown
        courier or a malformed invoice number, an :class:`APIError` subclass when Coupang
        refuses (an invoice number already used, for one).

        Calls ``POST
        /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/return-exchange-invoices/manual`` and
        ``POST
        /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/return-exchange-invoices/manual``.
        """
        call = self._invoice_call(receipt_id, delivery_company_code, invoice_number, reg_number)
        return await self._run(call, data_of(ManualInvoice))
