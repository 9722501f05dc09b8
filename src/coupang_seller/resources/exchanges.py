"""Exchanges (교환), sync and async side by side: ``client.exchanges``.

Flow (business rule 7): the customer asks for an exchange (RECEIPT); once the returned goods
arrive the seller confirms receipt (:meth:`Exchanges.confirm_receipt`: PROGRESS, collectStatus
CompleteCollect); about 10 minutes later the list shows a NEW shipmentBoxId under
``deliveryInvoiceGroupDtos`` (:attr:`ExchangeRequest.new_shipment_box_id`) and the seller
uploads the exchange invoice on it (:meth:`Exchanges.upload_invoice`: SUCCESS). The original
shipmentBoxId is refused. :meth:`Exchanges.reject` takes only SOLDOUT or WITHDRAW.

The list covers at most 7 days per call (``maxPerPage`` default 10, ``nextToken`` paging);
:meth:`Exchanges.iter` walks any period in 7-day windows. Naive datetimes are Korean time.
None of the actions is retried (no idempotency key): after a lost answer, re-read the list.
"""

from __future__ import annotations

import builtins
from collections.abc import AsyncIterator, Iterator
from datetime import datetime
from typing import Any

from coupang_seller import _endpoints as E
from coupang_seller._client import AsyncClient, Client
from coupang_seller._constants import KST
from coupang_seller._core import path_param
from coupang_seller._windows import require_datetimes
from coupang_seller.pagination import (
    MAX_WINDOW_SEVEN_DAYS,
    aiter_next_token,
    aiter_windows,
    iter_next_token,
    iter_windows,
)
from coupang_seller.preflight import exchanges as rules
from coupang_seller.preflight import returns as return_rules
from coupang_seller.resources._base import (
    AsyncResource,
    Call,
    ClientT,
    Resource,
    SyncResource,
    data_of,
    nothing,
)
from coupang_seller.types._base import ResultData
from coupang_seller.types.codes import DeliveryCompanyCode, ExchangeRejectCode, ExchangeStatus
from coupang_seller.types.exchanges import ExchangeRequest, ExchangeRequestPage
from coupang_seller.types.returns import ManualInvoice

__all__ = ["AsyncExchanges", "Exchanges"]

RejectCode = ExchangeRejectCode


def _second(moment: datetime) -> str:
    """``yyyy-MM-ddTHH:mm:ss`` in Korean time (naive datetimes are taken as Korean time)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(KST)
    return moment.strftime("%Y-%m-%dT%H:%M:%S")


def _same_kind(start: datetime, end: datetime) -> None:
    if (start.tzinfo is None) != (end.tzinfo is None):
        raise ValueError("start and end must both be naive or both be timezone-aware")


class _ExchangeOps(Resource[ClientT]):
    def _path(self, endpoint: E.Endpoint, exchange_id: int | str | None = None) -> str:
        params = {"vendorId": path_param(self._vendor_id, "vendorId")}
        if exchange_id is not None:
            params["exchangeId"] = path_param(exchange_id, "exchangeId")
        return endpoint.format(**params)

    def _list_call(
        self,
        created_from: datetime,
        created_to: datetime,
        *,
        status: ExchangeStatus | None,
        order_id: int | None,
        next_token: str | None,
        max_per_page: int,
    ) -> Call:
        _same_kind(created_from, created_to)
        self._gate(
            "exchanges.list",
            rules.check_window(created_from, created_to)
            + rules.check_status(status)
            + rules.check_max_per_page(max_per_page),
        )
        params: dict[str, Any] = {
            "createdAtFrom": _second(created_from),
            "createdAtTo": _second(created_to),
            "status": status or None,
            "orderId": order_id,
            "nextToken": next_token or None,
            "maxPerPage": max_per_page,
        }
        return Call("GET", self._path(E.EXCHANGE_LIST), params)

    def _confirm_call(self, exchange_id: int | str) -> Call:
        body = {"exchangeId": int(exchange_id), "vendorId": self._vendor_id}
        return Call("PATCH", self._path(E.EXCHANGE_RECEIVE_CONFIRMATION, exchange_id), body=body)

    def _reject_call(self, exchange_id: int | str, reason: str, user_id: str | None) -> Call:
        self._gate("exchanges.reject", rules.check_reject_code(reason))
        body: dict[str, Any] = {
            "exchangeId": int(exchange_id),
            "vendorId": self._vendor_id,
            "exchangeRejectCode": reason,
        }
        user = self._user_id(user_id)
        if user:
            body["userId"] = user
        return Call("PATCH", self._path(E.EXCHANGE_REJECTION, exchange_id), body=body)

    def _invoice_call(
        self,
        exchange_id: int | str,
        shipment_box_id: int | str,
        goods_delivery_code: DeliveryCompanyCode,
        invoice_number: str,
    ) -> Call:
        self._gate(
            "exchanges.upload_invoice",
            rules.check_invoice(shipment_box_id, goods_delivery_code, invoice_number),
        )
        body = {
            "exchangeId": int(exchange_id),
            "vendorId": self._vendor_id,
            "shipmentBoxId": int(shipment_box_id),
            "goodsDeliveryCode": goods_delivery_code,
            "invoiceNumber": invoice_number,
        }
        return Call("POST", self._path(E.EXCHANGE_INVOICES, exchange_id), body=body)

    def _pickup_call(
        self,
        exchange_id: int | str,
        delivery_company_code: DeliveryCompanyCode,
        invoice_number: str,
        reg_number: str | None,
    ) -> Call:
        body: dict[str, Any] = {
            "returnExchangeDeliveryType": "EXCHANGE",
            "receiptId": int(exchange_id),
            "deliveryCompanyCode": delivery_company_code,
            "invoiceNumber": invoice_number,
        }
        if reg_number is not None:
            body["regNumber"] = reg_number
        self._gate("exchanges.upload_pickup_invoice", return_rules.check_manual_invoice(body))
        return Call("POST", self._path(E.RETURN_MANUAL_INVOICE), body=body)


# -- sync ----------------------------------------------------------------------------------


class Exchanges(_ExchangeOps[Client], SyncResource):
    """``client.exchanges``: exchange requests and the seller's answers."""

    def list(
        self,
        created_from: datetime,
        created_to: datetime,
        *,
        status: ExchangeStatus | None = None,
        order_id: int | None = None,
        next_token: str | None = None,
        max_per_page: int = rules.DEFAULT_MAX_PER_PAGE,
    ) -> ExchangeRequestPage:
        """One page of exchanges requested in ``[created_from, created_to]`` (≤ 7 days).

        Returns an :class:`ExchangeRequestPage` (``next_token`` is ``None`` on the last
        page). Raises :class:`PreflightError` for a window over 7 days, an unknown status or
        a page size out of range; an :class:`APIError` subclass when Coupang refuses.

        Calls ``GET /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/exchangeRequests``.
        """
        require_datetimes(created_from=created_from, created_to=created_to)
        call = self._list_call(
            created_from,
            created_to,
            status=status,
            order_id=order_id,
            next_token=next_token,
            max_per_page=max_per_page,
        )
        return self._run(call, ExchangeRequestPage)

    def iter(
        self,
        created_from: datetime,
        created_to: datetime,
        *,
        status: ExchangeStatus | None = None,
        order_id: int | None = None,
        max_per_page: int = rules.DEFAULT_MAX_PER_PAGE,
    ) -> Iterator[ExchangeRequest]:
        """Every exchange of any period: 7-day windows, each paged by ``nextToken``.

        Yields :class:`ExchangeRequest` items, each once, fetching pages lazily. Raises
        :class:`ValueError` for a naive and an aware bound; otherwise as :meth:`list`.

        Calls ``GET /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/exchangeRequests``.
        """
        require_datetimes(created_from=created_from, created_to=created_to)
        _same_kind(created_from, created_to)

        def window(a: datetime, b: datetime) -> Iterator[ExchangeRequest]:
            """Exchange requests created in one window, following nextToken."""

            def fetch(token: str | None) -> tuple[builtins.list[ExchangeRequest], str | None]:
                """One page of exchange requests and the nextToken."""
                page = self.list(
                    a,
                    b,
                    status=status,
                    order_id=order_id,
                    next_token=token,
                    max_per_page=max_per_page,
                )
                return page.items, page.next_token

            return iter_next_token(fetch)

        return iter_windows(
            window, created_from, created_to, MAX_WINDOW_SEVEN_DAYS, key=lambda x: x.exchangeId
        )

    def confirm_receipt(self, exchange_id: int | str) -> None:
        """The returned goods arrived: RECEIPT -> PROGRESS (collectStatus CompleteCollect).

        Returns nothing. Raises an :class:`APIError` subclass when Coupang refuses (not
        retried: after a lost answer, re-read the list).

        Calls ``PATCH
        /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/exchangeRequests/{exchangeId}/receiveConfirmation``.
        """
        self._run(self._confirm_call(exchange_id), nothing)

    def reject(
        self, exchange_id: int | str, reason: RejectCode, *, user_id: str | None = None
    ) -> ResultData:
        """Refuse the exchange: ``SOLDOUT`` (no stock) or ``WITHDRAW`` (the customer withdrew).

        Returns the :class:`ResultData` of the answer. Raises :class:`PreflightError` for
        another reason code, an :class:`APIError` subclass when Coupang refuses.

        Calls ``PATCH
        /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/exchangeRequests/{exchangeId}/rejection``.
        """
        return self._run(self._reject_call(exchange_id, reason, user_id), data_of(ResultData))

    def upload_invoice(
        self,
        exchange_id: int | str,
        *,
        shipment_box_id: int | str,
        goods_delivery_code: DeliveryCompanyCode,
        invoice_number: str,
    ) -> ResultData:
        """PROGRESS -> SUCCESS; ``shipment_box_id`` is the NEW box of the exchange
        (:attr:`ExchangeRequest.new_shipment_box_id`), never the original one.

        Returns the :class:`ResultData` of the answer. Raises :class:`PreflightError` for an
        unknown courier or a malformed invoice number, an :class:`APIError` subclass when
        Coupang refuses.

        Calls ``POST
        /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/exchangeRequests/{exchangeId}/invoices``.
        """
        call = self._invoice_call(exchange_id, shipment_box_id, goods_delivery_code, invoice_number)
        return self._run(call, data_of(ResultData))

    def upload_pickup_invoice(
        self,
        exchange_id: int | str,
        *,
        delivery_company_code: DeliveryCompanyCode,
        invoice_number: str,
        reg_number: str | None = None,
    ) -> ManualInvoice:
        """Register the pickup invoice (회수 송장) of the goods to exchange, when the return
        center's courier does not pick up automatically; only while RECEIPT, before collection.

        Calls ``POST /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/return-exchange-invoices/manual``.

        Returns the :class:`ManualInvoice`. Raises :class:`PreflightError` for an unknown
        courier or a malformed invoice number, an :class:`APIError` subclass when Coupang
        refuses.
        """
        call = self._pickup_call(exchange_id, delivery_company_code, invoice_number, reg_number)
        return self._run(call, data_of(ManualInvoice))


# -- async ---------------------------------------------------------------------------------


class AsyncExchanges(_ExchangeOps[AsyncClient], AsyncResource):
    """``client.exchanges`` of :class:`AsyncClient`: the twin of :class:`Exchanges`."""

    async def list(
        self,
        created_from: datetime,
        created_to: datetime,
        *,
        status: ExchangeStatus | None = None,
        order_id: int | None = None,
        next_token: str | None = None,
        max_per_page: int = rules.DEFAULT_MAX_PER_PAGE,
    ) -> ExchangeRequestPage:
        """One page of exchanges requested in ``[created_from, created_to]`` (≤ 7 days).

        Returns an :class:`ExchangeRequestPage` (``next_token`` is ``None`` on the last
        page). Raises :class:`PreflightError` for a window over 7 days, an unknown status or
        a page size out of range; an :class:`APIError` subclass when Coupang refuses.

        Calls ``GET /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/exchangeRequests``.
        """
        require_datetimes(created_from=created_from, created_to=created_to)
        call = self._list_call(
            created_from,
            created_to,
            status=status,
            order_id=order_id,
            next_token=next_token,
            max_per_page=max_per_page,
        )
        return await self._run(call, ExchangeRequestPage)

    def iter(
        self,
        created_from: datetime,
        created_to: datetime,
        *,
        status: ExchangeStatus | None = None,
        order_id: int | None = None,
        max_per_page: int = rules.DEFAULT_MAX_PER_PAGE,
    ) -> AsyncIterator[ExchangeRequest]:
        """Every exchange of any period: 7-day windows, each paged by ``nextToken``.

        Yields :class:`ExchangeRequest` items, each once, fetching pages lazily. Raises
        :class:`ValueError` for a naive and an aware bound; otherwise as :meth:`list`.

        Calls ``GET /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/exchangeRequests``.
        """
        require_datetimes(created_from=created_from, created_to=created_to)
        _same_kind(created_from, created_to)

        def window(a: datetime, b: datetime) -> AsyncIterator[ExchangeRequest]:
            """Exchange requests created in one window, following nextToken."""

            async def fetch(
                token: str | None,
            ) -> tuple[builtins.list[ExchangeRequest], str | None]:
                """One page of exchange requests and the nextToken."""
                page = await self.list(
                    a,
                    b,
                    status=status,
                    order_id=order_id,
                    next_token=token,
                    max_per_page=max_per_page,
                )
                return page.items, page.next_token

            return aiter_next_token(fetch)

        return aiter_windows(
            window, created_from, created_to, MAX_WINDOW_SEVEN_DAYS, key=lambda x: x.exchangeId
        )

    async def confirm_receipt(self, exchange_id: int | str) -> None:
        """The returned goods arrived: RECEIPT -> PROGRESS (collectStatus CompleteCollect).

        Returns nothing. Raises an :class:`APIError` subclass when Coupang refuses (not
        retried: after a lost answer, re-read the list).

        Calls ``PATCH
        /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/exchangeRequests/{exchangeId}/receiveConfirmation``.
        """
        await self._run(self._confirm_call(exchange_id), nothing)

    async def reject(
        self, exchange_id: int | str, reason: RejectCode, *, user_id: str | None = None
    ) -> ResultData:
        """Refuse the exchange: ``SOLDOUT`` (no stock) or ``WITHDRAW`` (the customer withdrew).

        Returns the :class:`ResultData` of the answer. Raises :class:`PreflightError` for
        another reason code, an :class:`APIError` subclass when Coupang refuses.

        Calls ``PATCH
        /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/exchangeRequests/{exchangeId}/rejection``.
        """
        return await self._run(self._reject_call(exchange_id, reason, user_id), data_of(ResultData))

    async def upload_invoice(
        self,
        exchange_id: int | str,
        *,
        shipment_box_id: int | str,
        goods_delivery_code: DeliveryCompanyCode,
        invoice_number: str,
    ) -> ResultData:
        """PROGRESS -> SUCCESS; ``shipment_box_id`` is the NEW box of the exchange
        (:attr:`ExchangeRequest.new_shipment_box_id`), never the original one.

        Returns the :class:`ResultData` of the answer. Raises :class:`PreflightError` for an
        unknown courier or a malformed invoice number, an :class:`APIError` subclass when
        Coupang refuses.

        Calls ``POST
        /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/exchangeRequests/{exchangeId}/invoices``.
        """
        call = self._invoice_call(exchange_id, shipment_box_id, goods_delivery_code, invoice_number)
        return await self._run(call, data_of(ResultData))

    async def upload_pickup_invoice(
        self,
        exchange_id: int | str,
        *,
        delivery_company_code: DeliveryCompanyCode,
        invoice_number: str,
        reg_number: str | None = None,
    ) -> ManualInvoice:
        """Register the pickup invoice (회수 송장) of the goods to exchange, when the return
        center's courier does not pick up automatically; only while RECEIPT, before collection.

        Calls ``POST /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/return-exchange-invoices/manual``.

        Returns the :class:`ManualInvoice`. Raises :class:`PreflightError` for an unknown
        courier or a malformed invoice number, an :class:`APIError` subclass when Coupang
        refuses.
        """
        call = self._pickup_call(exchange_id, delivery_company_code, invoice_number, reg_number)
        return await self._run(call, data_of(ManualInvoice))
