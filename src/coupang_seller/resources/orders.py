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
from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel

from coupang_seller import _endpoints as E
from coupang_seller._client import AsyncClient, Client
from coupang_seller._constants import KST
from coupang_seller._core import path_param
from coupang_seller._windows import require_dates, require_datetimes
from coupang_seller.pagination import (
    MAX_WINDOW_ORDER_SHEETS_TIMEFRAME,
    aiter_windows,
    iter_windows,
    split_date_range,
)
from coupang_seller.preflight import orders as rules
from coupang_seller.resources._base import (
    AsyncResource,
    Call,
    ClientT,
    Resource,
    SyncResource,
    awalk_ranges,
    data_of,
    envelope_data,
    walk_ranges,
)
from coupang_seller.types._base import ResultData
from coupang_seller.types.codes import CancelMiddleCode, DeliveryCompanyCode, OrderSheetStatus
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


def _sheets_answer(answer: Any) -> list[OrderSheet]:
    return _sheets_of(envelope_data(answer))


def _merged(answers: list[BulkResult]) -> BulkResult:
    return BulkResult.merge(answers)


def _delivered(answer: Any) -> bool:
    return envelope_data(answer) is True


def _key(sheet: OrderSheet) -> int:
    return sheet.shipmentBoxId


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
        status: OrderSheetStatus,
        next_token: str | None,
        max_per_page: int,
        version: Version,
    ) -> Call:
        self._gate(
            "orders.list",
            rules.check_daily_window(created_from, created_to)
            + rules.check_status(status)
            + rules.check_max_per_page(max_per_page),
        )
        params: dict[str, Any] = {
            "createdAtFrom": created_from.isoformat(),
            "createdAtTo": created_to.isoformat(),
            "status": status,
            "maxPerPage": max_per_page,
            "nextToken": next_token or None,
        }
        return Call("GET", self._vendor_path(E.ORDER_SHEETS, version), params)

    def _time_frame_call(
        self, start: datetime, end: datetime, *, status: OrderSheetStatus, version: Version
    ) -> Call:
        self._gate("orders.list_time_frame", rules.check_status(status))
        params = {
            "createdAtFrom": _minute(start),
            "createdAtTo": _minute(end),
            "searchType": "timeFrame",
            "status": status,
        }
        return Call("GET", self._vendor_path(E.ORDER_SHEETS, version), params)

    def _box_call(self, endpoint: E.Endpoint, shipment_box_id: int | str, version: Version) -> Call:
        return Call("GET", self._box_path(endpoint, shipment_box_id, version))

    def _by_order_call(self, order_id: int | str, version: Version) -> Call:
        path = self._vendor_path(
            E.ORDER_SHEETS_BY_ORDER, version, orderId=path_param(order_id, "orderId")
        )
        return Call("GET", path)

    def _box_path(self, endpoint: E.Endpoint, shipment_box_id: int | str, version: Version) -> str:
        return self._vendor_path(
            endpoint, version, shipmentBoxId=path_param(shipment_box_id, "shipmentBoxId")
        )

    def _ack_calls(
        self, shipment_box_ids: Sequence[int | str], method: Literal["PUT", "PATCH"]
    ) -> list[Call]:
        ids = list(shipment_box_ids)
        size = rules.ACKNOWLEDGEMENT_MAX
        chunks = [ids[i : i + size] for i in range(0, len(ids), size)] or [[]]
        for chunk in chunks:
            self._gate("orders.acknowledge", rules.check_acknowledgement(chunk))
        path = self._vendor_path(E.ORDER_ACKNOWLEDGE)
        return [
            Call(method, path, body={"vendorId": self._vendor_id, "shipmentBoxIds": chunk})
            for chunk in chunks
        ]

    def _invoice_call(self, lines: InvoiceLines, *, update: bool) -> Call:
        body = {
            "vendorId": self._vendor_id,
            "orderSheetInvoiceApplyDtos": [_line_dict(line) for line in lines],
        }
        operation = "orders.update_invoices" if update else "orders.upload_invoices"
        self._gate(operation, rules.check_invoice_lines(body, update=update))
        endpoint = E.ORDER_UPDATE_INVOICES if update else E.ORDER_INVOICES
        return Call("POST", self._vendor_path(endpoint, "v5"), body=body)

    def _receipt_path(self, endpoint: E.Endpoint, receipt_id: int | str) -> str:
        return self._vendor_path(endpoint, "v5", receiptId=path_param(receipt_id, "receiptId"))

    def _stop_call(self, receipt_id: int | str, cancel_count: int) -> Call:
        body = {
            "vendorId": self._vendor_id,
            "receiptId": int(receipt_id),
            "cancelCount": cancel_count,
        }
        return Call("PATCH", self._receipt_path(E.ORDER_STOPPED_SHIPMENT, receipt_id), body=body)

    def _shipped_call(
        self, receipt_id: int | str, delivery_company_code: DeliveryCompanyCode, invoice_number: str
    ) -> Call:
        self._gate(
            "orders.mark_already_shipped",
            rules.check_courier(delivery_company_code)
            or rules.check_invoice_number(delivery_company_code, invoice_number),
        )
        body = {
            "vendorId": self._vendor_id,
            "receiptId": int(receipt_id),
            "deliveryCompanyCode": delivery_company_code,
            "invoiceNumber": invoice_number,
        }
        return Call("PATCH", self._receipt_path(E.ORDER_COMPLETED_SHIPMENT, receipt_id), body=body)

    def _long_undelivered_call(self, shipment_box_id: int, invoice_number: str) -> Call:
        body = {"shipmentBoxId": shipment_box_id, "invoiceNumber": invoice_number}
        return Call("POST", self._vendor_path(E.ORDER_LONG_UNDELIVERED, "v5"), body=body)

    def _cancel_call(
        self,
        order_id: int,
        items: Mapping[int, int],
        *,
        middle_cancel_code: CancelMiddleCode,
        user_id: str | None,
    ) -> Call:
        body = {
            "orderId": order_id,
            "vendorItemIds": list(items),
            "receiptCounts": list(items.values()),
            "bigCancelCode": "CANERR",
            "middleCancelCode": middle_cancel_code,
            "vendorId": self._vendor_id,
            "userId": self._user_id(user_id),
        }
        self._gate("orders.cancel", rules.check_cancel(body, order_id))
        path = self._vendor_path(E.ORDER_CANCEL, "v5", orderId=path_param(order_id, "orderId"))
        return Call("POST", path, body=body)


def _windows(start: datetime, end: datetime) -> tuple[datetime, datetime]:
    if (start.tzinfo is None) != (end.tzinfo is None):
        raise ValueError("start and end must both be naive or both be timezone-aware")
    return start.replace(second=0, microsecond=0), end


# -- sync ----------------------------------------------------------------------------------


class Orders(_OrderOps[Client], SyncResource):
    """``client.orders``: order sheets and fulfilment actions."""

    def list(
        self,
        created_from: date,
        created_to: date,
        *,
        status: OrderSheetStatus,
        next_token: str | None = None,
        max_per_page: int = rules.MAX_PER_PAGE,
        version: Version = "v5",
    ) -> OrderSheetPage:
        """One page of the daily list (both days inclusive, at most 31 days apart).

        Returns an :class:`OrderSheetPage` (``next_token`` is ``None`` on the last page).
        Raises :class:`PreflightError` for a window over 31 days or a page size out of range
        (nothing sent), an :class:`APIError` subclass when Coupang refuses.

        Calls ``GET /v2/providers/openapi/apis/api/v5/vendors/{vendorId}/ordersheets``.
        """
        require_dates(created_from=created_from, created_to=created_to)
        call = self._list_call(
            created_from,
            created_to,
            status=status,
            next_token=next_token,
            max_per_page=max_per_page,
            version=version,
        )
        return self._run(call, OrderSheetPage)

    def iter(
        self,
        created_from: date,
        created_to: date,
        *,
        status: OrderSheetStatus,
        max_per_page: int = rules.MAX_PER_PAGE,
        version: Version = "v5",
        limit: int | None = None,
    ) -> Iterator[OrderSheet]:
        """Every sheet of any period: 31-day windows, each paged by ``nextToken``.

        Yields :class:`OrderSheet` items, each box once, at most ``limit``, fetching pages
        lazily. Raises :class:`ValueError` when the end is before the start; otherwise as
        :meth:`list`, page by page.

        Calls ``GET /v2/providers/openapi/apis/api/v5/vendors/{vendorId}/ordersheets``.
        """
        require_dates(created_from=created_from, created_to=created_to)

        def fetch(
            start: date, end: date, token: str | None
        ) -> tuple[builtins.list[OrderSheet], str | None]:
            """One page of order sheets for these days and the nextToken."""
            page = self.list(
                start,
                end,
                status=status,
                next_token=token,
                max_per_page=max_per_page,
                version=version,
            )
            return page.items, page.next_token

        ranges = split_date_range(created_from, created_to, rules.DAILY_WINDOW_DAYS)
        return walk_ranges(ranges, fetch, _key, limit=limit)

    def iter_time_frame(
        self, start: datetime, end: datetime, *, status: OrderSheetStatus, version: Version = "v5"
    ) -> Iterator[OrderSheet]:
        """Sheets paid in ``[start, end]`` (minute precision), any span: cut into 24-hour
        calls, each sheet once. Naive datetimes are Korean time.

        Yields :class:`OrderSheet` items, one call per 24 hours, lazily. Raises
        :class:`ValueError` for a naive and an aware bound; an :class:`APIError` subclass
        when Coupang refuses.

        Calls ``GET /v2/providers/openapi/apis/api/v5/vendors/{vendorId}/ordersheets``.
        """
        require_datetimes(start=start, end=end)

        def window(a: datetime, b: datetime) -> builtins.list[OrderSheet]:
            """The order sheets of one minute-level time frame."""
            call = self._time_frame_call(a, b, status=status, version=version)
            return self._run(call, _sheets_answer)

        start, end = _windows(start, end)
        return iter_windows(window, start, end, MAX_WINDOW_ORDER_SHEETS_TIMEFRAME, key=_key)

    def list_time_frame(
        self, start: datetime, end: datetime, *, status: OrderSheetStatus, version: Version = "v5"
    ) -> builtins.list[OrderSheet]:
        """:meth:`iter_time_frame` as a list.

        Returns a list of :class:`OrderSheet`. Raises as :meth:`iter_time_frame`.

        Calls ``GET /v2/providers/openapi/apis/api/v5/vendors/{vendorId}/ordersheets``.
        """
        require_datetimes(start=start, end=end)
        return builtins.list(self.iter_time_frame(start, end, status=status, version=version))

    def get(self, shipment_box_id: int | str, *, version: Version = "v5") -> OrderSheet:
        """One sheet by ``shipmentBoxId`` (re-read it after acknowledgement: the buyer may
        have changed the address while it was ACCEPT).

        Returns an :class:`OrderSheet`. Raises :class:`ValueError` for an id that cannot be
        a path segment, :class:`NotFoundError` for a box of another vendor or none.

        Calls ``GET
        /v2/providers/openapi/apis/api/v5/vendors/{vendorId}/ordersheets/{shipmentBoxId}``.
        """
        return self._run(
            self._box_call(E.ORDER_SHEET, shipment_box_id, version), data_of(OrderSheet)
        )

    def by_order_id(
        self, order_id: int | str, *, version: Version = "v5"
    ) -> builtins.list[OrderSheet]:
        """The sheets (one per box) of an ``orderId``.

        Returns a list of :class:`OrderSheet`. Raises :class:`ValueError` for an id that
        cannot be a path segment, :class:`NotFoundError` for an order of another vendor.

        Calls ``GET /v2/providers/openapi/apis/api/v5/vendors/{vendorId}/{orderId}/ordersheets``.
        """
        return self._run(self._by_order_call(order_id, version), _sheets_answer)

    def history(self, shipment_box_id: int | str, *, version: Version = "v5") -> DeliveryHistory:
        """The delivery history (tracking events) of a box.

        Returns a :class:`DeliveryHistory`. Raises :class:`NotFoundError` for a box of
        another vendor or none.

        Calls ``GET
        /v2/providers/openapi/apis/api/v5/vendors/{vendorId}/ordersheets/{shipmentBoxId}/history``.
        """
        return self._run(
            self._box_call(E.ORDER_HISTORY, shipment_box_id, version), data_of(DeliveryHistory)
        )

    def acknowledge(
        self, shipment_box_ids: Sequence[int | str], *, method: Literal["PUT", "PATCH"] = "PUT"
    ) -> BulkResult:
        """ACCEPT -> INSTRUCT, 50 ids per call; per-box results merged (check ``.failed``).

        Returns one :class:`BulkResult` for all calls. Raises :class:`PreflightError` for
        malformed ids (nothing sent), an :class:`APIError` subclass when Coupang refuses.

        Calls ``PUT
        /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/ordersheets/acknowledgement`` and
        ``PATCH /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/ordersheets/acknowledgement``.
        """
        read = data_of(BulkResult)
        return _merged(
            [self._run(call, read) for call in self._ack_calls(shipment_box_ids, method)]
        )

    def upload_invoices(self, lines: InvoiceLines) -> BulkResult:
        """INSTRUCT -> DEPARTURE (DIRECT: NONE_TRACKING); split shipping per vendorItemId.

        Returns the :class:`BulkResult` (per-box failures are data: check ``.failed``).
        Raises :class:`PreflightError` for an unknown courier, a malformed invoice number or
        split-shipping lines that do not add up; an :class:`APIError` subclass otherwise.

        Calls ``POST /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/orders/invoices``.
        """
        return self._run(self._invoice_call(lines, update=False), data_of(BulkResult))

    def update_invoices(self, lines: InvoiceLines) -> BulkResult:
        """Fix an invoice (DEPARTURE/DELIVERING/FINAL_DELIVERY/NONE_TRACKING -> DEPARTURE).

        Returns the :class:`BulkResult`. Raises as :meth:`upload_invoices`.

        Calls ``POST /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/orders/updateInvoices``.
        """
        return self._run(self._invoice_call(lines, update=True), data_of(BulkResult))

    def stop_shipment(self, receipt_id: int | str, *, cancel_count: int) -> ResultData:
        """Answer a stop-shipment request: not sent (``cancel_count`` = the request's total).

        Returns the :class:`ResultData`. Raises an :class:`APIError` subclass when Coupang
        refuses (not retried: after a lost answer, re-read the sheet).

        Calls ``PATCH
        /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/returnRequests/{receiptId}/stoppedShipment``.
        """
        return self._run(self._stop_call(receipt_id, cancel_count), data_of(ResultData))

    def mark_already_shipped(
        self,
        receipt_id: int | str,
        *,
        delivery_company_code: DeliveryCompanyCode,
        invoice_number: str,
    ) -> ResultData:
        """Answer a stop-shipment request: already sent (it becomes a return).

        Returns the :class:`ResultData`. Raises :class:`PreflightError` for an unknown courier
        or a malformed invoice number, an :class:`APIError` subclass when Coupang refuses.

        Calls ``PATCH
        /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/returnRequests/{receiptId}/completedShipment``.
        """
        call = self._shipped_call(receipt_id, delivery_company_code, invoice_number)
        return self._run(call, data_of(ResultData))

    def complete_long_undelivered(self, shipment_box_id: int, invoice_number: str) -> bool:
        """Mark a box delivered a month after its invoice when tracking never finished.

        Returns ``True`` when Coupang completed it. Raises an :class:`APIError` subclass when
        Coupang refuses (too early, wrong state).

        Calls ``POST
        /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/completeLongTermUndelivery``.
        """
        return self._run(self._long_undelivered_call(shipment_box_id, invoice_number), _delivered)

    def cancel(
        self,
        order_id: int,
        items: Mapping[int, int],
        *,
        middle_cancel_code: CancelMiddleCode = "CCTTER",
        user_id: str | None = None,
    ) -> CancelResult:
        """Cancel ``{vendorItemId: count}`` of an order (v5): at ACCEPT immediately and whole,
        at INSTRUCT as a stop-shipment (may be partial). Lowers the seller score.

        Returns the :class:`CancelResult`. Raises :class:`PreflightError` for a malformed
        body (nothing sent), an :class:`APIError` subclass when Coupang refuses.

        Calls ``POST /v2/providers/openapi/apis/api/v5/vendors/{vendorId}/orders/{orderId}/cancel``.
        """
        call = self._cancel_call(
            order_id, items, middle_cancel_code=middle_cancel_code, user_id=user_id
        )
        return self._run(call, CancelResult.model_validate)


# -- async ---------------------------------------------------------------------------------


class AsyncOrders(_OrderOps[AsyncClient], AsyncResource):
    """``client.orders`` of :class:`AsyncClient`: the twin of :class:`Orders`."""

    async def list(
        self,
        created_from: date,
        created_to: date,
        *,
        status: OrderSheetStatus,
        next_token: str | None = None,
        max_per_page: int = rules.MAX_PER_PAGE,
        version: Version = "v5",
    ) -> OrderSheetPage:
        """One page of the daily list (both days inclusive, at most 31 days apart).

        Returns an :class:`OrderSheetPage` (``next_token`` is ``None`` on the last page).
        Raises :class:`PreflightError` for a window over 31 days or a page size out of range
        (nothing sent), an :class:`APIError` subclass when Coupang refuses.

        Calls ``GET /v2/providers/openapi/apis/api/v5/vendors/{vendorId}/ordersheets``.
        """
        require_dates(created_from=created_from, created_to=created_to)
        call = self._list_call(
            created_from,
            created_to,
            status=status,
            next_token=next_token,
            max_per_page=max_per_page,
            version=version,
        )
        return await self._run(call, OrderSheetPage)

    def iter(
        self,
        created_from: date,
        created_to: date,
        *,
        status: OrderSheetStatus,
        max_per_page: int = rules.MAX_PER_PAGE,
        version: Version = "v5",
        limit: int | None = None,
    ) -> AsyncIterator[OrderSheet]:
        """Every sheet of any period: 31-day windows, each paged by ``nextToken``.

        Yields :class:`OrderSheet` items, each box once, at most ``limit``, fetching pages
        lazily. Raises :class:`ValueError` when the end is before the start; otherwise as
        :meth:`list`, page by page.

        Calls ``GET /v2/providers/openapi/apis/api/v5/vendors/{vendorId}/ordersheets``.
        """
        require_dates(created_from=created_from, created_to=created_to)

        async def fetch(
            start: date, end: date, token: str | None
        ) -> tuple[builtins.list[OrderSheet], str | None]:
            """One page of order sheets for these days and the nextToken."""
            page = await self.list(
                start,
                end,
                status=status,
                next_token=token,
                max_per_page=max_per_page,
                version=version,
            )
            return page.items, page.next_token

        ranges = split_date_range(created_from, created_to, rules.DAILY_WINDOW_DAYS)
        return awalk_ranges(ranges, fetch, _key, limit=limit)

    def iter_time_frame(
        self, start: datetime, end: datetime, *, status: OrderSheetStatus, version: Version = "v5"
    ) -> AsyncIterator[OrderSheet]:
        """Sheets paid in ``[start, end]`` (minute precision), any span: cut into 24-hour
        calls, each sheet once. Naive datetimes are Korean time.

        Yields :class:`OrderSheet` items, one call per 24 hours, lazily. Raises
        :class:`ValueError` for a naive and an aware bound; an :class:`APIError` subclass
        when Coupang refuses.

        Calls ``GET /v2/providers/openapi/apis/api/v5/vendors/{vendorId}/ordersheets``.
        """
        require_datetimes(start=start, end=end)

        async def window(a: datetime, b: datetime) -> AsyncIterator[OrderSheet]:
            """The order sheets of one minute-level time frame."""
            call = self._time_frame_call(a, b, status=status, version=version)
            for sheet in await self._run(call, _sheets_answer):
                yield sheet

        start, end = _windows(start, end)
        return aiter_windows(window, start, end, MAX_WINDOW_ORDER_SHEETS_TIMEFRAME, key=_key)

    async def list_time_frame(
        self, start: datetime, end: datetime, *, status: OrderSheetStatus, version: Version = "v5"
    ) -> builtins.list[OrderSheet]:
        """:meth:`iter_time_frame` as a list.

        Returns a list of :class:`OrderSheet`. Raises as :meth:`iter_time_frame`.

        Calls ``GET /v2/providers/openapi/apis/api/v5/vendors/{vendorId}/ordersheets``.
        """
        require_datetimes(start=start, end=end)
        return [s async for s in self.iter_time_frame(start, end, status=status, version=version)]

    async def get(self, shipment_box_id: int | str, *, version: Version = "v5") -> OrderSheet:
        """One sheet by ``shipmentBoxId`` (re-read it after acknowledgement: the buyer may
        have changed the address while it was ACCEPT).

        Returns an :class:`OrderSheet`. Raises :class:`ValueError` for an id that cannot be
        a path segment, :class:`NotFoundError` for a box of another vendor or none.

        Calls ``GET
        /v2/providers/openapi/apis/api/v5/vendors/{vendorId}/ordersheets/{shipmentBoxId}``.
        """
        return await self._run(
            self._box_call(E.ORDER_SHEET, shipment_box_id, version), data_of(OrderSheet)
        )

    async def by_order_id(
        self, order_id: int | str, *, version: Version = "v5"
    ) -> builtins.list[OrderSheet]:
        """The sheets (one per box) of an ``orderId``.

        Returns a list of :class:`OrderSheet`. Raises :class:`ValueError` for an id that
        cannot be a path segment, :class:`NotFoundError` for an order of another vendor.

        Calls ``GET /v2/providers/openapi/apis/api/v5/vendors/{vendorId}/{orderId}/ordersheets``.
        """
        return await self._run(self._by_order_call(order_id, version), _sheets_answer)

    async def history(
        self, shipment_box_id: int | str, *, version: Version = "v5"
    ) -> DeliveryHistory:
        """The delivery history (tracking events) of a box.

        Returns a :class:`DeliveryHistory`. Raises :class:`NotFoundError` for a box of
        another vendor or none.

        Calls ``GET
        /v2/providers/openapi/apis/api/v5/vendors/{vendorId}/ordersheets/{shipmentBoxId}/history``.
        """
        return await self._run(
            self._box_call(E.ORDER_HISTORY, shipment_box_id, version), data_of(DeliveryHistory)
        )

    async def acknowledge(
        self, shipment_box_ids: Sequence[int | str], *, method: Literal["PUT", "PATCH"] = "PUT"
    ) -> BulkResult:
        """ACCEPT -> INSTRUCT, 50 ids per call; per-box results merged (check ``.failed``).

        Returns one :class:`BulkResult` for all calls. Raises :class:`PreflightError` for
        malformed ids (nothing sent), an :class:`APIError` subclass when Coupang refuses.

        Calls ``PUT
        /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/ordersheets/acknowledgement`` and
        ``PATCH /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/ordersheets/acknowledgement``.
        """
        read = data_of(BulkResult)
        calls = self._ack_calls(shipment_box_ids, method)
        return _merged([await self._run(call, read) for call in calls])

    async def upload_invoices(self, lines: InvoiceLines) -> BulkResult:
        """INSTRUCT -> DEPARTURE (DIRECT: NONE_TRACKING); split shipping per vendorItemId.

        Returns the :class:`BulkResult` (per-box failures are data: check ``.failed``).
        Raises :class:`PreflightError` for an unknown courier, a malformed invoice number or
        split-shipping lines that do not add up; an :class:`APIError` subclass otherwise.

        Calls ``POST /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/orders/invoices``.
        """
        return await self._run(self._invoice_call(lines, update=False), data_of(BulkResult))

    async def update_invoices(self, lines: InvoiceLines) -> BulkResult:
        """Fix an invoice (DEPARTURE/DELIVERING/FINAL_DELIVERY/NONE_TRACKING -> DEPARTURE).

        Returns the :class:`BulkResult`. Raises as :meth:`upload_invoices`.

        Calls ``POST /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/orders/updateInvoices``.
        """
        return await self._run(self._invoice_call(lines, update=True), data_of(BulkResult))

    async def stop_shipment(self, receipt_id: int | str, *, cancel_count: int) -> ResultData:
        """Answer a stop-shipment request: not sent (``cancel_count`` = the request's total).

        Returns the :class:`ResultData`. Raises an :class:`APIError` subclass when Coupang
        refuses (not retried: after a lost answer, re-read the sheet).

        Calls ``PATCH
        /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/returnRequests/{receiptId}/stoppedShipment``.
        """
        return await self._run(self._stop_call(receipt_id, cancel_count), data_of(ResultData))

    async def mark_already_shipped(
        self,
        receipt_id: int | str,
        *,
        delivery_company_code: DeliveryCompanyCode,
        invoice_number: str,
    ) -> ResultData:
        """Answer a stop-shipment request: already sent (it becomes a return).

        Returns the :class:`ResultData`. Raises :class:`PreflightError` for an unknown courier
        or a malformed invoice number, an :class:`APIError` subclass when Coupang refuses.

        Calls ``PATCH
        /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/returnRequests/{receiptId}/completedShipment``.
        """
        call = self._shipped_call(receipt_id, delivery_company_code, invoice_number)
        return await self._run(call, data_of(ResultData))

    async def complete_long_undelivered(self, shipment_box_id: int, invoice_number: str) -> bool:
        """Mark a box delivered a month after its invoice when tracking never finished.

        Returns ``True`` when Coupang completed it. Raises an :class:`APIError` subclass when
        Coupang refuses (too early, wrong state).

        Calls ``POST
        /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/completeLongTermUndelivery``.
        """
        call = self._long_undelivered_call(shipment_box_id, invoice_number)
        return await self._run(call, _delivered)

    async def cancel(
        self,
        order_id: int,
        items: Mapping[int, int],
        *,
        middle_cancel_code: CancelMiddleCode = "CCTTER",
        user_id: str | None = None,
    ) -> CancelResult:
        """Cancel ``{vendorItemId: count}`` of an order (v5): at ACCEPT immediately and whole,
        at INSTRUCT as a stop-shipment (may be partial). Lowers the seller score.

        Returns the :class:`CancelResult`. Raises :class:`PreflightError` for a malformed
        body (nothing sent), an :class:`APIError` subclass when Coupang refuses.

        Calls ``POST /v2/providers/openapi/apis/api/v5/vendors/{vendorId}/orders/{orderId}/cancel``.
        """
        call = self._cancel_call(
            order_id, items, middle_cancel_code=middle_cancel_code, user_id=user_id
        )
        return await self._run(call, CancelResult.model_validate)
