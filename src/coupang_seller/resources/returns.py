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
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from coupang_seller import _endpoints as E
from coupang_seller._client import AsyncClient, Client
from coupang_seller._constants import KST
from coupang_seller._core import QueryParams, path_param
from coupang_seller.pagination import (
    aiter_next_token,
    aiter_page_index,
    iter_next_token,
    iter_page_index,
    split_date_range,
    split_window,
)
from coupang_seller.preflight import returns as rules
from coupang_seller.resources._base import ClientT, Resource, envelope_data
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
CancelType = Literal["RETURN", "CANCEL"]
Method = Literal["PATCH", "PUT"]
_VERSION = re.compile(r"/apis/api/v\d+/vendors/")


@dataclass(frozen=True, slots=True)
class _Call:
    method: str
    path: str
    params: QueryParams | None = None
    body: Any = None


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
        status: str | None, order_id: int | None, cancel_type: CancelType | None, version: str
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
        status: str | None,
        order_id: int | None,
        cancel_type: CancelType | None,
        next_token: str | None,
        max_per_page: int,
        version: ListVersion,
    ) -> _Call:
        self._refuse(
            rules.check_list_filters(status, order_id, cancel_type)
            + rules.check_daily_window(created_from, created_to),
            "returns.list",
        )
        params: dict[str, Any] = {
            "createdAtFrom": created_from.isoformat(),
            "createdAtTo": created_to.isoformat(),
            **self._filters(status, order_id, cancel_type, version),
            "maxPerPage": max_per_page,
            "nextToken": next_token or None,
        }
        return _Call("GET", self._path(E.RETURN_REQUESTS, version), params)

    def _time_frame_call(
        self,
        start: datetime,
        end: datetime,
        *,
        status: str | None,
        cancel_type: CancelType | None,
        version: ListVersion,
    ) -> _Call:
        self._refuse(
            rules.check_list_filters(status, None, cancel_type)
            + rules.check_time_frame(start, end),
            "returns.list_time_frame",
        )
        params = {
            "searchType": "timeFrame",
            "createdAtFrom": _minute(start),
            "createdAtTo": _minute(end),
            **self._filters(status, None, cancel_type, version),
        }
        return _Call("GET", self._path(E.RETURN_REQUESTS, version), params)

    def _confirm_call(self, receipt_id: int | str, version: ActionVersion, method: Method) -> _Call:
        body = {"vendorId": self._vendor_id, "receiptId": int(receipt_id)}
        path = self._receipt_path(E.RETURN_RECEIVE_CONFIRMATION, receipt_id, version)
        return _Call(method, path, body=body)

    def _approve_call(
        self, receipt_id: int | str, cancel_count: int, version: ActionVersion, method: Method
    ) -> _Call:
        body = {
            "vendorId": self._vendor_id,
            "receiptId": int(receipt_id),
            "cancelCount": cancel_count,
        }
        return _Call(method, self._receipt_path(E.RETURN_APPROVAL, receipt_id, version), body=body)

    def _withdrawals_call(
        self, date_from: date, date_to: date, page_index: int, size_per_page: int
    ) -> _Call:
        self._refuse(
            rules.check_withdraw_window(date_from, date_to)
            + rules.check_page_index(page_index)
            + rules.check_size_per_page(size_per_page),
            "returns.withdrawals",
        )
        params: dict[str, Any] = {
            "dateFrom": date_from.isoformat(),
            "dateTo": date_to.isoformat(),
            "pageIndex": page_index,
            "sizePerPage": size_per_page,
        }
        return _Call("GET", self._path(E.RETURN_WITHDRAW_REQUESTS, "v4"), params)

    def _by_ids_calls(self, cancel_ids: Sequence[int | str]) -> list[_Call]:
        ids = [int(i) for i in cancel_ids]
        path = self._path(E.RETURN_WITHDRAW_LIST, "v4")
        calls = []
        for chunk in rules.chunks(ids):
            self._refuse(rules.check_cancel_ids(chunk), "returns.withdrawals_by_ids")
            calls.append(_Call("POST", path, body={"cancelIds": chunk}))
        return calls

    def _invoice_call(
        self,
        receipt_id: int | str,
        delivery_company_code: str,
        invoice_number: str,
        reg_number: str | None,
    ) -> _Call:
        body: dict[str, Any] = {
            "returnExchangeDeliveryType": "RETURN",
            "receiptId": int(receipt_id),
            "deliveryCompanyCode": delivery_company_code,
            "invoiceNumber": invoice_number,
        }
        if reg_number is not None:
            body["regNumber"] = reg_number
        self._refuse(rules.check_manual_invoice(body), "returns.upload_pickup_invoice")
        return _Call("POST", self._path(E.RETURN_MANUAL_INVOICE, "v4"), body=body)


# -- sync ----------------------------------------------------------------------------------


class Returns(_ReturnOps[Client]):
    """``client.returns``: return receipts, their confirmation and approval, withdrawals."""

    def _send(self, call: _Call) -> Any:
        return self._client.request(call.method, call.path, params=call.params, json=call.body)

    def list(
        self,
        created_from: date,
        created_to: date,
        *,
        status: str | None = None,
        order_id: int | None = None,
        cancel_type: CancelType | None = None,
        next_token: str | None = None,
        max_per_page: int = rules.MAX_PER_PAGE,
        version: ListVersion = "v6",
    ) -> ReturnPage:
        """One page of the daily list (both days inclusive, at most 31 days apart)."""
        call = self._list_call(
            created_from, created_to, status=status, order_id=order_id,
            cancel_type=cancel_type, next_token=next_token, max_per_page=max_per_page,
            version=version,
        )  # fmt: skip
        return self._client.request_model(call.method, call.path, ReturnPage, params=call.params)

    def iter(
        self,
        created_from: date,
        created_to: date,
        *,
        status: str | None = None,
        order_id: int | None = None,
        cancel_type: CancelType | None = None,
        max_per_page: int = rules.MAX_PER_PAGE,
        version: ListVersion = "v6",
        limit: int | None = None,
    ) -> Iterator[ReturnRequest]:
        """Every return of any period: 31-day windows, each paged by ``nextToken``."""
        ranges = split_date_range(created_from, created_to, rules.DAILY_WINDOW_DAYS)

        def walk() -> Iterator[ReturnRequest]:
            seen: set[int] = set()
            for start, end in ranges:

                def fetch(
                    token: str | None, start: date = start, end: date = end
                ) -> tuple[builtins.list[ReturnRequest], str | None]:
                    page = self.list(
                        start, end, status=status, order_id=order_id, cancel_type=cancel_type,
                        next_token=token, max_per_page=max_per_page, version=version,
                    )  # fmt: skip
                    return page.items, page.next_token

                for item in iter_next_token(fetch):
                    if item.receiptId not in seen:
                        seen.add(item.receiptId)
                        yield item

        items = walk()
        if limit is None:
            return items
        return (item for _, item in zip(range(limit), items, strict=False))

    def list_time_frame(
        self,
        start: datetime,
        end: datetime,
        *,
        status: str | None = None,
        cancel_type: CancelType | None = None,
        version: ListVersion = "v6",
    ) -> builtins.list[ReturnRequest]:
        """Returns created in ``[start, end]`` (minute precision), any span, cut into 24-hour
        calls, each return once. Naive datetimes are Korean time."""
        start, end = _windows(start, end)
        seen: set[int] = set()
        found: builtins.list[ReturnRequest] = []
        for a, b in split_window(start, end, rules.TIME_FRAME_SLICE):
            call = self._time_frame_call(
                a, b, status=status, cancel_type=cancel_type, version=version
            )
            for item in _returns_of(envelope_data(self._send(call))):
                if item.receiptId not in seen:
                    seen.add(item.receiptId)
                    found.append(item)
        return found

    def get(self, receipt_id: int | str, *, version: ListVersion = "v6") -> ReturnRequest:
        path = self._receipt_path(E.RETURN_REQUEST, receipt_id, version)
        found = _returns_of(envelope_data(self._send(_Call("GET", path))))
        if not found:
            raise LookupError(f"receiptId {receipt_id} answered no return")
        return found[0]

    def confirm_receipt(
        self, receipt_id: int | str, *, version: ActionVersion = "v4", method: Method = "PATCH"
    ) -> None:
        """The returned goods arrived (RETURNS_UNCHECKED -> VENDOR_WAREHOUSE_CONFIRM; an
        untracked quick-refund return is refunded and completed)."""
        self._send(self._confirm_call(receipt_id, version, method))

    def approve(
        self,
        receipt_id: int | str,
        *,
        cancel_count: int,
        version: ActionVersion = "v4",
        method: Method = "PATCH",
    ) -> None:
        """Approve the return (-> RETURNS_COMPLETED); ``cancel_count`` = its total quantity."""
        self._send(self._approve_call(receipt_id, cancel_count, version, method))

    def withdrawals(
        self,
        date_from: date,
        date_to: date,
        *,
        page_index: int = 1,
        size_per_page: int = rules.MAX_SIZE_PER_PAGE,
    ) -> ReturnWithdrawalPage:
        """One page of the withdraw history (at most 7 days)."""
        call = self._withdrawals_call(date_from, date_to, page_index, size_per_page)
        return self._client.request_model(
            call.method, call.path, ReturnWithdrawalPage, params=call.params
        )

    def iter_withdrawals(
        self, date_from: date, date_to: date, *, size_per_page: int = rules.MAX_SIZE_PER_PAGE
    ) -> Iterator[ReturnWithdrawal]:
        """Every withdrawal of any period: 7-day windows, each paged by ``nextPageIndex``."""
        for start, end in split_date_range(date_from, date_to, rules.WITHDRAW_WINDOW_DAYS):

            def fetch(
                index: int, start: date = start, end: date = end
            ) -> tuple[builtins.list[ReturnWithdrawal], int | None]:
                page = self.withdrawals(start, end, page_index=index, size_per_page=size_per_page)
                return page.data, page.next_page_index

            yield from iter_page_index(fetch)

    def withdrawals_by_ids(
        self, cancel_ids: Sequence[int | str]
    ) -> builtins.list[ReturnWithdrawal]:
        """The withdrawals among ``cancel_ids`` (receiptIds), 50 per call."""
        found: builtins.list[ReturnWithdrawal] = []
        for call in self._by_ids_calls(cancel_ids):
            data = envelope_data(self._send(call)) or []
            found += [ReturnWithdrawal.model_validate(item) for item in data]
        return found

    def upload_pickup_invoice(
        self,
        receipt_id: int | str,
        *,
        delivery_company_code: str,
        invoice_number: str,
        reg_number: str | None = None,
    ) -> ManualInvoice:
        """Register the pickup invoice of a return collected by the seller's own courier."""
        call = self._invoice_call(receipt_id, delivery_company_code, invoice_number, reg_number)
        return ManualInvoice.model_validate(envelope_data(self._send(call)))


# -- async ---------------------------------------------------------------------------------


class AsyncReturns(_ReturnOps[AsyncClient]):
    async def _send(self, call: _Call) -> Any:
        return await self._client.request(
            call.method, call.path, params=call.params, json=call.body
        )

    async def list(
        self,
        created_from: date,
        created_to: date,
        *,
        status: str | None = None,
        order_id: int | None = None,
        cancel_type: CancelType | None = None,
        next_token: str | None = None,
        max_per_page: int = rules.MAX_PER_PAGE,
        version: ListVersion = "v6",
    ) -> ReturnPage:
        call = self._list_call(
            created_from, created_to, status=status, order_id=order_id,
            cancel_type=cancel_type, next_token=next_token, max_per_page=max_per_page,
            version=version,
        )  # fmt: skip
        return await self._client.request_model(
            call.method, call.path, ReturnPage, params=call.params
        )

    async def iter(
        self,
        created_from: date,
        created_to: date,
        *,
        status: str | None = None,
        order_id: int | None = None,
        cancel_type: CancelType | None = None,
        max_per_page: int = rules.MAX_PER_PAGE,
        version: ListVersion = "v6",
    ) -> AsyncIterator[ReturnRequest]:
        seen: set[int] = set()
        for start, end in split_date_range(created_from, created_to, rules.DAILY_WINDOW_DAYS):

            async def fetch(
                token: str | None, start: date = start, end: date = end
            ) -> tuple[builtins.list[ReturnRequest], str | None]:
                page = await self.list(
                    start, end, status=status, order_id=order_id, cancel_type=cancel_type,
                    next_token=token, max_per_page=max_per_page, version=version,
                )  # fmt: skip
                return page.items, page.next_token

            async for item in aiter_next_token(fetch):
                if item.receiptId not in seen:
                    seen.add(item.receiptId)
                    yield item

    async def list_time_frame(
        self,
        start: datetime,
        end: datetime,
        *,
        status: str | None = None,
        cancel_type: CancelType | None = None,
        version: ListVersion = "v6",
    ) -> builtins.list[ReturnRequest]:
        start, end = _windows(start, end)
        seen: set[int] = set()
        found: builtins.list[ReturnRequest] = []
        for a, b in split_window(start, end, rules.TIME_FRAME_SLICE):
            call = self._time_frame_call(
                a, b, status=status, cancel_type=cancel_type, version=version
            )
            for item in _returns_of(envelope_data(await self._send(call))):
                if item.receiptId not in seen:
                    seen.add(item.receiptId)
                    found.append(item)
        return found

    async def get(self, receipt_id: int | str, *, version: ListVersion = "v6") -> ReturnRequest:
        path = self._receipt_path(E.RETURN_REQUEST, receipt_id, version)
        found = _returns_of(envelope_data(await self._send(_Call("GET", path))))
        if not found:
            raise LookupError(f"receiptId {receipt_id} answered no return")
        return found[0]

    async def confirm_receipt(
        self, receipt_id: int | str, *, version: ActionVersion = "v4", method: Method = "PATCH"
    ) -> None:
        await self._send(self._confirm_call(receipt_id, version, method))

    async def approve(
        self,
        receipt_id: int | str,
        *,
        cancel_count: int,
        version: ActionVersion = "v4",
        method: Method = "PATCH",
    ) -> None:
        await self._send(self._approve_call(receipt_id, cancel_count, version, method))

    async def withdrawals(
        self,
        date_from: date,
        date_to: date,
        *,
        page_index: int = 1,
        size_per_page: int = rules.MAX_SIZE_PER_PAGE,
    ) -> ReturnWithdrawalPage:
        call = self._withdrawals_call(date_from, date_to, page_index, size_per_page)
        return await self._client.request_model(
            call.method, call.path, ReturnWithdrawalPage, params=call.params
        )

    async def iter_withdrawals(
        self, date_from: date, date_to: date, *, size_per_page: int = rules.MAX_SIZE_PER_PAGE
    ) -> AsyncIterator[ReturnWithdrawal]:
        for start, end in split_date_range(date_from, date_to, rules.WITHDRAW_WINDOW_DAYS):

            async def fetch(
                index: int, start: date = start, end: date = end
            ) -> tuple[builtins.list[ReturnWithdrawal], int | None]:
                page = await self.withdrawals(
                    start, end, page_index=index, size_per_page=size_per_page
                )
                return page.data, page.next_page_index

            async for item in aiter_page_index(fetch):
                yield item

    async def withdrawals_by_ids(
        self, cancel_ids: Sequence[int | str]
    ) -> builtins.list[ReturnWithdrawal]:
        found: builtins.list[ReturnWithdrawal] = []
        for call in self._by_ids_calls(cancel_ids):
            data = envelope_data(await self._send(call)) or []
            found += [ReturnWithdrawal.model_validate(item) for item in data]
        return found

    async def upload_pickup_invoice(
        self,
        receipt_id: int | str,
        *,
        delivery_company_code: str,
        invoice_number: str,
        reg_number: str | None = None,
    ) -> ManualInvoice:
        call = self._invoice_call(receipt_id, delivery_company_code, invoice_number, reg_number)
        return ManualInvoice.model_validate(envelope_data(await self._send(call)))
