"""Orders (발주서), sync and async side by side: ``client.orders``.

Reads (v5 by default, ``version="v4"`` for the older paths): the daily list with ``nextToken``
paging (:meth:`Orders.iter` walks any period, cut into 31-day windows), the minute list
(``searchType=timeFrame``, 24-hour windows, no paging; :meth:`Orders.iter_time_frame` cuts any
period), one sheet by ``shipmentBoxId``, the sheets of an ``orderId`` and the delivery
history. Coupang asks to re-read a sheet after acknowledgement: the buyer may have changed the
address while it was ACCEPT.

Actions: acknowledgement (chunks of 50, results merged, partial failures returned as data
— check :attr:`BulkResult.failed`), invoice upload and update, the answers to a stop-shipment
request (``stop_shipment`` / ``mark_already_shipped``), completion of long-undelivered boxes
and cancellation (v5). Preflight (:mod:`coupang_seller.preflight.orders`) checks courier codes,
invoice digits, split-shipping lines, the cancel body and the list windows before sending.
None of the actions is retried (Coupang has no idempotency key): after a lost answer, re-read
the sheet.
"""

from __future__ import annotations

import builtins
from collections.abc import AsyncIterator, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel

from coupang_seller import _endpoints as E
from coupang_seller._client import AsyncClient, Client
from coupang_seller._constants import KST
from coupang_seller._core import QueryParams, path_param
from coupang_seller.pagination import (
    MAX_WINDOW_ORDER_SHEETS_TIMEFRAME,
    aiter_next_token,
    iter_next_token,
    iter_windows,
    split_date_range,
    split_window,
)
from coupang_seller.preflight import orders as rules
from coupang_seller.resources._base import ClientT, Resource, envelope_data
from coupang_seller.types._base import ResultData
from coupang_seller.types.orders import (
    BulkResult,
    CancelResult,
    DeliveryHistory,
    InvoiceLine,
    OrderSheet,
    OrderSheetPage,
)

__all__ = ["AsyncOrders", "Orders"]

Version = Literal["v4", "v5"]
InvoiceLines = Sequence[InvoiceLine | Mapping[str, Any]]


@dataclass(frozen=True, slots=True)
class _Call:
    method: str
    path: str
    params: QueryParams | None = None
    body: Any = None


def _version_path(endpoint: E.Endpoint, version: Version, **params: str) -> str:
    path = endpoint.path
    if version == "v4":
        path = endpoint.also[0]
    elif version != "v5":
        raise ValueError(f"version must be 'v4' or 'v5', got {version!r}")
    return path.format(**params)


def _minute(moment: datetime) -> str:
    """``yyyy-MM-ddTHH:mm`` in Korean time (naive datetimes are taken as Korean time)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(KST)
    return moment.strftime("%Y-%m-%dT%H:%M")


def _line_dict(line: InvoiceLine | Mapping[str, Any]) -> dict[str, Any]:
    if isinstance(line, BaseModel):
        dumped: dict[str, Any] = line.model_dump(by_alias=True, mode="json")
        return dumped
    return dict(line)


def _sheets_of(data: Any) -> list[OrderSheet]:
    """``data`` of the by-orderId lookup: a list (what Coupang serves) or a single object
    (what the docs' sample shows)."""
    if data is None:
        return []
    if isinstance(data, dict):
        data = [data]
    return [OrderSheet.model_validate(item) for item in data]


class _OrderOps(Resource[ClientT]):
    def _vendor_path(self, endpoint: E.Endpoint, version: Version = "v5", **more: str) -> str:
        return _version_path(
            endpoint, version, vendorId=path_param(self._vendor_id, "vendorId"), **more
        )

    def _list_call(
        self,
        created_from: date,
        created_to: date,
        *,
        status: str,
        next_token: str | None,
        max_per_page: int,
        version: Version,
    ) -> _Call:
        self._refuse(
            rules.check_daily_window(created_from, created_to)
            + rules.check_max_per_page(max_per_page),
            "orders.list",
        )
        params: dict[str, Any] = {
            "createdAtFrom": created_from.isoformat(),
            "createdAtTo": created_to.isoformat(),
            "status": status,
            "maxPerPage": max_per_page,
            "nextToken": next_token or None,
        }
        return _Call("GET", self._vendor_path(E.ORDER_SHEETS, version), params)

    def _time_frame_call(
        self, start: datetime, end: datetime, *, status: str, version: Version
    ) -> _Call:
        params = {
            "createdAtFrom": _minute(start),
            "createdAtTo": _minute(end),
            "searchType": "timeFrame",
            "status": status,
        }
        return _Call("GET", self._vendor_path(E.ORDER_SHEETS, version), params)

    def _box_path(self, endpoint: E.Endpoint, shipment_box_id: int | str, version: Version) -> str:
        return self._vendor_path(
            endpoint, version, shipmentBoxId=path_param(shipment_box_id, "shipmentBoxId")
        )

    def _ack_calls(
        self, shipment_box_ids: Sequence[int | str], method: Literal["PUT", "PATCH"]
    ) -> list[_Call]:
        ids = list(shipment_box_ids)
        size = rules.ACKNOWLEDGEMENT_MAX
        chunks = [ids[i : i + size] for i in range(0, len(ids), size)] or [[]]
        for chunk in chunks:
            self._refuse(rules.check_acknowledgement(chunk), "orders.acknowledge")
        path = self._vendor_path(E.ORDER_ACKNOWLEDGE)
        return [
            _Call(method, path, body={"vendorId": self._vendor_id, "shipmentBoxIds": chunk})
            for chunk in chunks
        ]

    def _invoice_call(self, lines: InvoiceLines, *, update: bool) -> _Call:
        body = {
            "vendorId": self._vendor_id,
            "orderSheetInvoiceApplyDtos": [_line_dict(line) for line in lines],
        }
        operation = "orders.update_invoices" if update else "orders.upload_invoices"
        self._refuse(rules.check_invoice_lines(body, update=update), operation)
        endpoint = E.ORDER_UPDATE_INVOICES if update else E.ORDER_INVOICES
        return _Call("POST", self._vendor_path(endpoint, "v5"), body=body)

    def _receipt_path(self, endpoint: E.Endpoint, receipt_id: int | str) -> str:
        return self._vendor_path(endpoint, "v5", receiptId=path_param(receipt_id, "receiptId"))

    def _stop_call(self, receipt_id: int | str, cancel_count: int) -> _Call:
        body = {
            "vendorId": self._vendor_id,
            "receiptId": int(receipt_id),
            "cancelCount": cancel_count,
        }
        return _Call("PATCH", self._receipt_path(E.ORDER_STOPPED_SHIPMENT, receipt_id), body=body)

    def _shipped_call(
        self, receipt_id: int | str, delivery_company_code: str, invoice_number: str
    ) -> _Call:
        self._refuse(
            rules.check_courier(delivery_company_code)
            or rules.check_invoice_number(delivery_company_code, invoice_number),
            "orders.mark_already_shipped",
        )
        body = {
            "vendorId": self._vendor_id,
            "receiptId": int(receipt_id),
            "deliveryCompanyCode": delivery_company_code,
            "invoiceNumber": invoice_number,
        }
        return _Call("PATCH", self._receipt_path(E.ORDER_COMPLETED_SHIPMENT, receipt_id), body=body)

    def _long_undelivered_call(self, shipment_box_id: int, invoice_number: str) -> _Call:
        body = {"shipmentBoxId": shipment_box_id, "invoiceNumber": invoice_number}
        return _Call("POST", self._vendor_path(E.ORDER_LONG_UNDELIVERED, "v5"), body=body)

    def _cancel_call(
        self,
        order_id: int,
        items: Mapping[int, int],
        *,
        middle_cancel_code: str,
        user_id: str | None,
    ) -> _Call:
        body = {
            "orderId": order_id,
            "vendorItemIds": list(items),
            "receiptCounts": list(items.values()),
            "bigCancelCode": "CANERR",
            "middleCancelCode": middle_cancel_code,
            "vendorId": self._vendor_id,
            "userId": self._user_id(user_id),
        }
        self._refuse(rules.check_cancel(body, order_id), "orders.cancel")
        path = self._vendor_path(E.ORDER_CANCEL, "v5", orderId=path_param(order_id, "orderId"))
        return _Call("POST", path, body=body)


def _windows(start: datetime, end: datetime) -> tuple[datetime, datetime]:
    if (start.tzinfo is None) != (end.tzinfo is None):
        raise ValueError("start and end must both be naive or both be timezone-aware")
    return start.replace(second=0, microsecond=0), end


# -- sync ----------------------------------------------------------------------------------


class Orders(_OrderOps[Client]):
    """``client.orders``: order sheets and fulfilment actions."""

    def _send(self, call: _Call) -> Any:
        return self._client.request(call.method, call.path, params=call.params, json=call.body)

    def list(
        self,
        created_from: date,
        created_to: date,
        *,
        status: str,
        next_token: str | None = None,
        max_per_page: int = rules.MAX_PER_PAGE,
        version: Version = "v5",
    ) -> OrderSheetPage:
        """One page of the daily list (both days inclusive, at most 31 days apart)."""
        call = self._list_call(
            created_from,
            created_to,
            status=status,
            next_token=next_token,
            max_per_page=max_per_page,
            version=version,
        )
        return self._client.request_model(
            call.method, call.path, OrderSheetPage, params=call.params
        )

    def iter(
        self,
        created_from: date,
        created_to: date,
        *,
        status: str,
        max_per_page: int = rules.MAX_PER_PAGE,
        version: Version = "v5",
        limit: int | None = None,
    ) -> Iterator[OrderSheet]:
        """Every sheet of any period: 31-day windows, each paged by ``nextToken``."""
        ranges = split_date_range(created_from, created_to, rules.DAILY_WINDOW_DAYS)

        def walk() -> Iterator[OrderSheet]:
            seen: set[int] = set()
            for start, end in ranges:

                def fetch(
                    token: str | None, start: date = start, end: date = end
                ) -> tuple[builtins.list[OrderSheet], str | None]:
                    page = self.list(
                        start,
                        end,
                        status=status,
                        next_token=token,
                        max_per_page=max_per_page,
                        version=version,
                    )
                    return page.items, page.next_token

                for sheet in iter_next_token(fetch):
                    if sheet.shipmentBoxId not in seen:
                        seen.add(sheet.shipmentBoxId)
                        yield sheet

        items = walk()
        if limit is None:
            return items
        return (sheet for _, sheet in zip(range(limit), items, strict=False))

    def _time_frame_once(
        self, start: datetime, end: datetime, status: str, version: Version
    ) -> builtins.list[OrderSheet]:
        call = self._time_frame_call(start, end, status=status, version=version)
        return _sheets_of(envelope_data(self._send(call)))

    def iter_time_frame(
        self, start: datetime, end: datetime, *, status: str, version: Version = "v5"
    ) -> Iterator[OrderSheet]:
        """Sheets paid in ``[start, end]`` (minute precision), any span: cut into 24-hour
        calls, each sheet once. Naive datetimes are Korean time."""
        start, end = _windows(start, end)
        return iter_windows(
            lambda a, b: self._time_frame_once(a, b, status, version),
            start,
            end,
            MAX_WINDOW_ORDER_SHEETS_TIMEFRAME,
            key=lambda sheet: sheet.shipmentBoxId,
        )

    def list_time_frame(
        self, start: datetime, end: datetime, *, status: str, version: Version = "v5"
    ) -> builtins.list[OrderSheet]:
        return builtins.list(self.iter_time_frame(start, end, status=status, version=version))

    def get(self, shipment_box_id: int | str, *, version: Version = "v5") -> OrderSheet:
        path = self._box_path(E.ORDER_SHEET, shipment_box_id, version)
        return OrderSheet.model_validate(envelope_data(self._send(_Call("GET", path))))

    def by_order_id(
        self, order_id: int | str, *, version: Version = "v5"
    ) -> builtins.list[OrderSheet]:
        path = self._vendor_path(
            E.ORDER_SHEETS_BY_ORDER, version, orderId=path_param(order_id, "orderId")
        )
        return _sheets_of(envelope_data(self._send(_Call("GET", path))))

    def history(self, shipment_box_id: int | str, *, version: Version = "v5") -> DeliveryHistory:
        path = self._box_path(E.ORDER_HISTORY, shipment_box_id, version)
        return DeliveryHistory.model_validate(envelope_data(self._send(_Call("GET", path))))

    def acknowledge(
        self, shipment_box_ids: Sequence[int | str], *, method: Literal["PUT", "PATCH"] = "PUT"
    ) -> BulkResult:
        """ACCEPT -> INSTRUCT, 50 ids per call; per-box results merged (check ``.failed``)."""
        results = [
            BulkResult.model_validate(envelope_data(self._send(call)))
            for call in self._ack_calls(shipment_box_ids, method)
        ]
        return BulkResult.merge(results)

    def upload_invoices(self, lines: InvoiceLines) -> BulkResult:
        """INSTRUCT -> DEPARTURE (DIRECT: NONE_TRACKING); split shipping per vendorItemId."""
        return BulkResult.model_validate(
            envelope_data(self._send(self._invoice_call(lines, update=False)))
        )

    def update_invoices(self, lines: InvoiceLines) -> BulkResult:
        """Fix an invoice (DEPARTURE/DELIVERING/FINAL_DELIVERY/NONE_TRACKING -> DEPARTURE)."""
        return BulkResult.model_validate(
            envelope_data(self._send(self._invoice_call(lines, update=True)))
        )

    def stop_shipment(self, receipt_id: int | str, *, cancel_count: int) -> ResultData:
        """Answer a stop-shipment request: not sent (``cancel_count`` = the request's total)."""
        return ResultData.model_validate(
            envelope_data(self._send(self._stop_call(receipt_id, cancel_count)))
        )

    def mark_already_shipped(
        self, receipt_id: int | str, *, delivery_company_code: str, invoice_number: str
    ) -> ResultData:
        """Answer a stop-shipment request: already sent (it becomes a return)."""
        call = self._shipped_call(receipt_id, delivery_company_code, invoice_number)
        return ResultData.model_validate(envelope_data(self._send(call)))

    def complete_long_undelivered(self, shipment_box_id: int, invoice_number: str) -> bool:
        """Mark a box delivered a month after its invoice when tracking never finished."""
        data = envelope_data(
            self._send(self._long_undelivered_call(shipment_box_id, invoice_number))
        )
        return data is True

    def cancel(
        self,
        order_id: int,
        items: Mapping[int, int],
        *,
        middle_cancel_code: str = "CCTTER",
        user_id: str | None = None,
    ) -> CancelResult:
        """Cancel ``{vendorItemId: count}`` of an order (v5): at ACCEPT immediately and whole,
        at INSTRUCT as a stop-shipment (may be partial). Lowers the seller score."""
        call = self._cancel_call(
            order_id, items, middle_cancel_code=middle_cancel_code, user_id=user_id
        )
        return CancelResult.model_validate(self._send(call))


# -- async ---------------------------------------------------------------------------------


class AsyncOrders(_OrderOps[AsyncClient]):
    async def _send(self, call: _Call) -> Any:
        return await self._client.request(
            call.method, call.path, params=call.params, json=call.body
        )

    async def list(
        self,
        created_from: date,
        created_to: date,
        *,
        status: str,
        next_token: str | None = None,
        max_per_page: int = rules.MAX_PER_PAGE,
        version: Version = "v5",
    ) -> OrderSheetPage:
        call = self._list_call(
            created_from,
            created_to,
            status=status,
            next_token=next_token,
            max_per_page=max_per_page,
            version=version,
        )
        return await self._client.request_model(
            call.method, call.path, OrderSheetPage, params=call.params
        )

    async def iter(
        self,
        created_from: date,
        created_to: date,
        *,
        status: str,
        max_per_page: int = rules.MAX_PER_PAGE,
        version: Version = "v5",
    ) -> AsyncIterator[OrderSheet]:
        seen: set[int] = set()
        for start, end in split_date_range(created_from, created_to, rules.DAILY_WINDOW_DAYS):

            async def fetch(
                token: str | None, start: date = start, end: date = end
            ) -> tuple[builtins.list[OrderSheet], str | None]:
                page = await self.list(
                    start,
                    end,
                    status=status,
                    next_token=token,
                    max_per_page=max_per_page,
                    version=version,
                )
                return page.items, page.next_token

            async for sheet in aiter_next_token(fetch):
                if sheet.shipmentBoxId not in seen:
                    seen.add(sheet.shipmentBoxId)
                    yield sheet

    async def list_time_frame(
        self, start: datetime, end: datetime, *, status: str, version: Version = "v5"
    ) -> builtins.list[OrderSheet]:
        start, end = _windows(start, end)
        seen: set[int] = set()
        found: builtins.list[OrderSheet] = []
        for a, b in split_window(start, end, MAX_WINDOW_ORDER_SHEETS_TIMEFRAME):
            call = self._time_frame_call(a, b, status=status, version=version)
            for sheet in _sheets_of(envelope_data(await self._send(call))):
                if sheet.shipmentBoxId not in seen:
                    seen.add(sheet.shipmentBoxId)
                    found.append(sheet)
        return found

    async def get(self, shipment_box_id: int | str, *, version: Version = "v5") -> OrderSheet:
        path = self._box_path(E.ORDER_SHEET, shipment_box_id, version)
        return OrderSheet.model_validate(envelope_data(await self._send(_Call("GET", path))))

    async def by_order_id(
        self, order_id: int | str, *, version: Version = "v5"
    ) -> builtins.list[OrderSheet]:
        path = self._vendor_path(
            E.ORDER_SHEETS_BY_ORDER, version, orderId=path_param(order_id, "orderId")
        )
        return _sheets_of(envelope_data(await self._send(_Call("GET", path))))

    async def history(
        self, shipment_box_id: int | str, *, version: Version = "v5"
    ) -> DeliveryHistory:
        path = self._box_path(E.ORDER_HISTORY, shipment_box_id, version)
        return DeliveryHistory.model_validate(envelope_data(await self._send(_Call("GET", path))))

    async def acknowledge(
        self, shipment_box_ids: Sequence[int | str], *, method: Literal["PUT", "PATCH"] = "PUT"
    ) -> BulkResult:
        results = [
            BulkResult.model_validate(envelope_data(await self._send(call)))
            for call in self._ack_calls(shipment_box_ids, method)
        ]
        return BulkResult.merge(results)

    async def upload_invoices(self, lines: InvoiceLines) -> BulkResult:
        return BulkResult.model_validate(
            envelope_data(await self._send(self._invoice_call(lines, update=False)))
        )

    async def update_invoices(self, lines: InvoiceLines) -> BulkResult:
        return BulkResult.model_validate(
            envelope_data(await self._send(self._invoice_call(lines, update=True)))
        )

    async def stop_shipment(self, receipt_id: int | str, *, cancel_count: int) -> ResultData:
        return ResultData.model_validate(
            envelope_data(await self._send(self._stop_call(receipt_id, cancel_count)))
        )

    async def mark_already_shipped(
        self, receipt_id: int | str, *, delivery_company_code: str, invoice_number: str
    ) -> ResultData:
        call = self._shipped_call(receipt_id, delivery_company_code, invoice_number)
        return ResultData.model_validate(envelope_data(await self._send(call)))

    async def complete_long_undelivered(self, shipment_box_id: int, invoice_number: str) -> bool:
        call = self._long_undelivered_call(shipment_box_id, invoice_number)
        return envelope_data(await self._send(call)) is True

    async def cancel(
        self,
        order_id: int,
        items: Mapping[int, int],
        *,
        middle_cancel_code: str = "CCTTER",
        user_id: str | None = None,
    ) -> CancelResult:
        call = self._cancel_call(
            order_id, items, middle_cancel_code=middle_cancel_code, user_id=user_id
        )
        return CancelResult.model_validate(await self._send(call))
