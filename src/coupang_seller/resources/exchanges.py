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
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from coupang_seller import _endpoints as E
from coupang_seller._client import AsyncClient, Client
from coupang_seller._constants import KST
from coupang_seller._core import QueryParams, path_param
from coupang_seller.pagination import (
    MAX_WINDOW_SEVEN_DAYS,
    aiter_next_token,
    aiter_windows,
    iter_next_token,
    iter_windows,
)
from coupang_seller.preflight import exchanges as rules
from coupang_seller.preflight import returns as return_rules
from coupang_seller.resources._base import ClientT, Resource, envelope_data
from coupang_seller.types._base import ResultData
from coupang_seller.types.exchanges import ExchangeRequest, ExchangeRequestPage
from coupang_seller.types.returns import ManualInvoice

__all__ = ["AsyncExchanges", "Exchanges"]

RejectCode = Literal["SOLDOUT", "WITHDRAW"]


@dataclass(frozen=True, slots=True)
class _Call:
    method: str
    path: str
    params: QueryParams | None = None
    body: Any = None


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
        status: str | None,
        order_id: int | None,
        next_token: str | None,
        max_per_page: int,
    ) -> _Call:
        _same_kind(created_from, created_to)
        self._refuse(
            rules.check_window(created_from, created_to)
            + rules.check_status(status)
            + rules.check_max_per_page(max_per_page),
            "exchanges.list",
        )
        params: dict[str, Any] = {
            "createdAtFrom": _second(created_from),
            "createdAtTo": _second(created_to),
            "status": status or None,
            "orderId": order_id,
            "nextToken": next_token or None,
            "maxPerPage": max_per_page,
        }
        return _Call("GET", self._path(E.EXCHANGE_LIST), params)

    def _confirm_call(self, exchange_id: int | str) -> _Call:
        body = {"exchangeId": int(exchange_id), "vendorId": self._vendor_id}
        return _Call("PATCH", self._path(E.EXCHANGE_RECEIVE_CONFIRMATION, exchange_id), body=body)

    def _reject_call(self, exchange_id: int | str, reason: str, user_id: str | None) -> _Call:
        self._refuse(rules.check_reject_code(reason), "exchanges.reject")
        body: dict[str, Any] = {
            "exchangeId": int(exchange_id),
            "vendorId": self._vendor_id,
            "exchangeRejectCode": reason,
        }
        user = self._user_id(user_id)
        if user:
            body["userId"] = user
        return _Call("PATCH", self._path(E.EXCHANGE_REJECTION, exchange_id), body=body)

    def _invoice_call(
        self,
        exchange_id: int | str,
        shipment_box_id: int | str,
        goods_delivery_code: str,
        invoice_number: str,
    ) -> _Call:
        self._refuse(
            rules.check_invoice(shipment_box_id, goods_delivery_code, invoice_number),
            "exchanges.upload_invoice",
        )
        body = {
            "exchangeId": int(exchange_id),
            "vendorId": self._vendor_id,
            "shipmentBoxId": int(shipment_box_id),
            "goodsDeliveryCode": goods_delivery_code,
            "invoiceNumber": invoice_number,
        }
        return _Call("POST", self._path(E.EXCHANGE_INVOICES, exchange_id), body=body)

    def _pickup_call(
        self,
        exchange_id: int | str,
        delivery_company_code: str,
        invoice_number: str,
        reg_number: str | None,
    ) -> _Call:
        body: dict[str, Any] = {
            "returnExchangeDeliveryType": "EXCHANGE",
            "receiptId": int(exchange_id),
            "deliveryCompanyCode": delivery_company_code,
            "invoiceNumber": invoice_number,
        }
        if reg_number is not None:
            body["regNumber"] = reg_number
        self._refuse(return_rules.check_manual_invoice(body), "exchanges.upload_pickup_invoice")
        return _Call("POST", self._path(E.RETURN_MANUAL_INVOICE), body=body)


# -- sync ----------------------------------------------------------------------------------


class Exchanges(_ExchangeOps[Client]):
    """``client.exchanges``: exchange requests and the seller's answers."""

    def _send(self, call: _Call) -> Any:
        return self._client.request(call.method, call.path, params=call.params, json=call.body)

    def list(
        self,
        created_from: datetime,
        created_to: datetime,
        *,
        status: str | None = None,
        order_id: int | None = None,
        next_token: str | None = None,
        max_per_page: int = rules.DEFAULT_MAX_PER_PAGE,
    ) -> ExchangeRequestPage:
        """One page of exchanges requested in ``[created_from, created_to]`` (≤ 7 days)."""
        call = self._list_call(
            created_from, created_to, status=status, order_id=order_id,
            next_token=next_token, max_per_page=max_per_page,
        )  # fmt: skip
        return self._client.request_model(
            call.method, call.path, ExchangeRequestPage, params=call.params
        )

    def iter(
        self,
        created_from: datetime,
        created_to: datetime,
        *,
        status: str | None = None,
        order_id: int | None = None,
        max_per_page: int = rules.DEFAULT_MAX_PER_PAGE,
    ) -> Iterator[ExchangeRequest]:
        """Every exchange of any period: 7-day windows, each paged by ``nextToken``."""
        _same_kind(created_from, created_to)

        def window(a: datetime, b: datetime) -> Iterator[ExchangeRequest]:
            def fetch(token: str | None) -> tuple[builtins.list[ExchangeRequest], str | None]:
                page = self.list(
                    a, b, status=status, order_id=order_id, next_token=token,
                    max_per_page=max_per_page,
                )  # fmt: skip
                return page.items, page.next_token

            return iter_next_token(fetch)

        return iter_windows(
            window, created_from, created_to, MAX_WINDOW_SEVEN_DAYS, key=lambda x: x.exchangeId
        )

    def confirm_receipt(self, exchange_id: int | str) -> None:
        """The returned goods arrived: RECEIPT -> PROGRESS (collectStatus CompleteCollect)."""
        self._send(self._confirm_call(exchange_id))

    def reject(
        self, exchange_id: int | str, reason: RejectCode, *, user_id: str | None = None
    ) -> ResultData:
        """Refuse the exchange: ``SOLDOUT`` (no stock) or ``WITHDRAW`` (the customer withdrew)."""
        call = self._reject_call(exchange_id, reason, user_id)
        return ResultData.model_validate(envelope_data(self._send(call)))

    def upload_invoice(
        self,
        exchange_id: int | str,
        *,
        shipment_box_id: int | str,
        goods_delivery_code: str,
        invoice_number: str,
    ) -> ResultData:
        """PROGRESS -> SUCCESS; ``shipment_box_id`` is the NEW box of the exchange
        (:attr:`ExchangeRequest.new_shipment_box_id`), never the original one."""
        call = self._invoice_call(exchange_id, shipment_box_id, goods_delivery_code, invoice_number)
        return ResultData.model_validate(envelope_data(self._send(call)))

    def upload_pickup_invoice(
        self,
        exchange_id: int | str,
        *,
        delivery_company_code: str,
        invoice_number: str,
        reg_number: str | None = None,
    ) -> ManualInvoice:
        """Register the pickup invoice (회수 송장) of the goods to exchange, when the return
        center's courier does not pick up automatically; only while RECEIPT, before collection."""
        call = self._pickup_call(exchange_id, delivery_company_code, invoice_number, reg_number)
        return ManualInvoice.model_validate(envelope_data(self._send(call)))


# -- async ---------------------------------------------------------------------------------


class AsyncExchanges(_ExchangeOps[AsyncClient]):
    async def _send(self, call: _Call) -> Any:
        return await self._client.request(
            call.method, call.path, params=call.params, json=call.body
        )

    async def list(
        self,
        created_from: datetime,
        created_to: datetime,
        *,
        status: str | None = None,
        order_id: int | None = None,
        next_token: str | None = None,
        max_per_page: int = rules.DEFAULT_MAX_PER_PAGE,
    ) -> ExchangeRequestPage:
        call = self._list_call(
            created_from, created_to, status=status, order_id=order_id,
            next_token=next_token, max_per_page=max_per_page,
        )  # fmt: skip
        return await self._client.request_model(
            call.method, call.path, ExchangeRequestPage, params=call.params
        )

    def iter(
        self,
        created_from: datetime,
        created_to: datetime,
        *,
        status: str | None = None,
        order_id: int | None = None,
        max_per_page: int = rules.DEFAULT_MAX_PER_PAGE,
    ) -> AsyncIterator[ExchangeRequest]:
        _same_kind(created_from, created_to)

        def window(a: datetime, b: datetime) -> AsyncIterator[ExchangeRequest]:
            async def fetch(
                token: str | None,
            ) -> tuple[builtins.list[ExchangeRequest], str | None]:
                page = await self.list(
                    a, b, status=status, order_id=order_id, next_token=token,
                    max_per_page=max_per_page,
                )  # fmt: skip
                return page.items, page.next_token

            return aiter_next_token(fetch)

        return aiter_windows(
            window, created_from, created_to, MAX_WINDOW_SEVEN_DAYS, key=lambda x: x.exchangeId
        )

    async def confirm_receipt(self, exchange_id: int | str) -> None:
        await self._send(self._confirm_call(exchange_id))

    async def reject(
        self, exchange_id: int | str, reason: RejectCode, *, user_id: str | None = None
    ) -> ResultData:
        call = self._reject_call(exchange_id, reason, user_id)
        return ResultData.model_validate(envelope_data(await self._send(call)))

    async def upload_invoice(
        self,
        exchange_id: int | str,
        *,
        shipment_box_id: int | str,
        goods_delivery_code: str,
        invoice_number: str,
    ) -> ResultData:
        call = self._invoice_call(exchange_id, shipment_box_id, goods_delivery_code, invoice_number)
        return ResultData.model_validate(envelope_data(await self._send(call)))

    async def upload_pickup_invoice(
        self,
        exchange_id: int | str,
        *,
        delivery_company_code: str,
        invoice_number: str,
        reg_number: str | None = None,
    ) -> ManualInvoice:
        call = self._pickup_call(exchange_id, delivery_company_code, invoice_number, reg_number)
        return ManualInvoice.model_validate(envelope_data(await self._send(call)))
