"""Rocket Growth (로켓그로스), sync and async side by side: ``client.rocket_growth``.

Rocket Growth orders are fulfilled by Coupang from the seller's stock in Coupang's
warehouses, so the seller only reads them: :meth:`RocketGrowth.list_orders` (orders paid
between two Korean calendar days, at most 30 days apart, ``nextToken`` paging),
:meth:`RocketGrowth.get_order` and :meth:`RocketGrowth.inventory_summaries` (orderable units
and last-30-days sales per option). :meth:`RocketGrowth.iter_orders` walks any period in
30-day windows.

These endpoints allow only 50 calls a minute per vendor. Besides the vendor's general
10/s bucket, the client paces every ``rg_open_api`` call through a second bucket of its own
(one call every 1.25 s per vendor, 48 a minute to leave room for network jitter, shared by
every client of the process; see :mod:`coupang_seller._ratelimit`), so a loop over many pages
waits instead of being blocked. ``rate_limit=None`` turns both off.
"""

from __future__ import annotations

import builtins
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from coupang_seller import _endpoints as E
from coupang_seller._client import AsyncClient, Client
from coupang_seller._core import QueryParams, path_param
from coupang_seller.pagination import aiter_next_token, iter_next_token
from coupang_seller.preflight import rocket_growth as rules
from coupang_seller.resources._base import ClientT, Resource, envelope_data
from coupang_seller.types.rocket_growth import (
    RgInventoryPage,
    RgInventorySummary,
    RgOrder,
    RgOrderPage,
)

__all__ = ["AsyncRocketGrowth", "RocketGrowth"]


@dataclass(frozen=True, slots=True)
class _Call:
    path: str
    params: QueryParams | None = None


def _day(value: date | str) -> str:
    return rules.format_date(value) if isinstance(value, date) else value


def _windows(start: date, end: date) -> list[tuple[date, date]]:
    """``[start, end]`` cut into windows of at most 30 days apart (both ends included)."""
    if end < start:
        raise ValueError("paid_to must not be before paid_from")
    out: list[tuple[date, date]] = []
    cursor = start
    while cursor <= end:
        last = min(end, cursor + rules.MAX_WINDOW)
        out.append((cursor, last))
        cursor = last + timedelta(days=1)
    return out


class _RgOps(Resource[ClientT]):
    def _vendor(self) -> str:
        return path_param(self._vendor_id, "vendorId")

    def _orders_call(
        self, paid_from: date | str, paid_to: date | str, next_token: str | None
    ) -> _Call:
        start, end = _day(paid_from), _day(paid_to)
        self._refuse(rules.check_paid_window(start, end), "rocket_growth.list_orders")
        params: dict[str, Any] = {
            "paidDateFrom": start,
            "paidDateTo": end,
            "nextToken": next_token or None,
        }
        return _Call(E.RG_ORDERS.format(vendorId=self._vendor()), params)

    def _order_call(self, order_id: int | str) -> _Call:
        self._refuse(rules.check_order_id(order_id), "rocket_growth.get_order")
        path = E.RG_ORDER.format(vendorId=self._vendor(), orderId=path_param(order_id, "orderId"))
        return _Call(path)

    def _inventory_call(self, vendor_item_id: int | str | None, next_token: str | None) -> _Call:
        self._refuse(
            rules.check_vendor_item_id(vendor_item_id), "rocket_growth.inventory_summaries"
        )
        params: dict[str, Any] = {"vendorItemId": vendor_item_id, "nextToken": next_token or None}
        return _Call(E.RG_INVENTORY.format(vendorId=self._vendor()), params)


class RocketGrowth(_RgOps[Client]):
    """``client.rocket_growth``: orders fulfilled by Coupang and warehouse stock."""

    def list_orders(
        self, paid_from: date | str, paid_to: date | str, *, next_token: str | None = None
    ) -> RgOrderPage:
        """One page of orders paid from ``paid_from`` to ``paid_to`` (days, <= 30 apart)."""
        call = self._orders_call(paid_from, paid_to, next_token)
        return self._client.request_model("GET", call.path, RgOrderPage, params=call.params)

    def iter_orders(self, paid_from: date, paid_to: date) -> Iterator[RgOrder]:
        """Every order paid in ``[paid_from, paid_to]``: 30-day windows, each paged."""
        for start, end in _windows(paid_from, paid_to):

            def fetch(
                token: str | None, a: date = start, b: date = end
            ) -> tuple[builtins.list[RgOrder], str | None]:
                page = self.list_orders(a, b, next_token=token)
                return page.items, page.next_token

            yield from iter_next_token(fetch)

    def get_order(self, order_id: int | str) -> RgOrder:
        call = self._order_call(order_id)
        return RgOrder.model_validate(envelope_data(self._client.request("GET", call.path)))

    def inventory_summaries(
        self, *, vendor_item_id: int | str | None = None, next_token: str | None = None
    ) -> RgInventoryPage:
        """One page of warehouse stock; ``vendor_item_id`` narrows it to one option."""
        call = self._inventory_call(vendor_item_id, next_token)
        return self._client.request_model("GET", call.path, RgInventoryPage, params=call.params)

    def iter_inventory(self) -> Iterator[RgInventorySummary]:
        def fetch(token: str | None) -> tuple[builtins.list[RgInventorySummary], str | None]:
            page = self.inventory_summaries(next_token=token)
            return page.items, page.next_token

        return iter_next_token(fetch)


class AsyncRocketGrowth(_RgOps[AsyncClient]):
    async def list_orders(
        self, paid_from: date | str, paid_to: date | str, *, next_token: str | None = None
    ) -> RgOrderPage:
        call = self._orders_call(paid_from, paid_to, next_token)
        return await self._client.request_model("GET", call.path, RgOrderPage, params=call.params)

    async def iter_orders(self, paid_from: date, paid_to: date) -> AsyncIterator[RgOrder]:
        for start, end in _windows(paid_from, paid_to):

            async def fetch(
                token: str | None, a: date = start, b: date = end
            ) -> tuple[builtins.list[RgOrder], str | None]:
                page = await self.list_orders(a, b, next_token=token)
                return page.items, page.next_token

            async for order in aiter_next_token(fetch):
                yield order

    async def get_order(self, order_id: int | str) -> RgOrder:
        call = self._order_call(order_id)
        return RgOrder.model_validate(envelope_data(await self._client.request("GET", call.path)))

    async def inventory_summaries(
        self, *, vendor_item_id: int | str | None = None, next_token: str | None = None
    ) -> RgInventoryPage:
        call = self._inventory_call(vendor_item_id, next_token)
        return await self._client.request_model(
            "GET", call.path, RgInventoryPage, params=call.params
        )

    def iter_inventory(self) -> AsyncIterator[RgInventorySummary]:
        async def fetch(
            token: str | None,
        ) -> tuple[builtins.list[RgInventorySummary], str | None]:
            page = await self.inventory_summaries(next_token=token)
            return page.items, page.next_token

        return aiter_next_token(fetch)
