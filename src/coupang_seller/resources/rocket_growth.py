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
from datetime import date, timedelta
from typing import Any

from coupang_seller import _endpoints as E
from coupang_seller._client import AsyncClient, Client
from coupang_seller._core import path_param
from coupang_seller._windows import require_dates
from coupang_seller.pagination import aiter_next_token, iter_next_token
from coupang_seller.preflight import rocket_growth as rules
from coupang_seller.resources._base import (
    AsyncResource,
    Call,
    ClientT,
    Resource,
    SyncResource,
    data_of,
)
from coupang_seller.types.rocket_growth import (
    RgInventoryPage,
    RgInventorySummary,
    RgOrder,
    RgOrderPage,
)

__all__ = ["AsyncRocketGrowth", "RocketGrowth"]


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
    ) -> Call:
        start, end = _day(paid_from), _day(paid_to)
        self._gate("rocket_growth.list_orders", rules.check_paid_window(start, end))
        params: dict[str, Any] = {
            "paidDateFrom": start,
            "paidDateTo": end,
            "nextToken": next_token or None,
        }
        return Call("GET", E.RG_ORDERS.format(vendorId=self._vendor()), params)

    def _order_call(self, order_id: int | str) -> Call:
        self._gate("rocket_growth.get_order", rules.check_order_id(order_id))
        path = E.RG_ORDER.format(vendorId=self._vendor(), orderId=path_param(order_id, "orderId"))
        return Call("GET", path)

    def _inventory_call(self, vendor_item_id: int | str | None, next_token: str | None) -> Call:
        self._gate("rocket_growth.inventory_summaries", rules.check_vendor_item_id(vendor_item_id))
        params: dict[str, Any] = {"vendorItemId": vendor_item_id, "nextToken": next_token or None}
        return Call("GET", E.RG_INVENTORY.format(vendorId=self._vendor()), params)


class RocketGrowth(_RgOps[Client], SyncResource):
    """``client.rocket_growth``: orders fulfilled by Coupang and warehouse stock."""

    def list_orders(
        self, paid_from: date, paid_to: date, *, next_token: str | None = None
    ) -> RgOrderPage:
        """One page of orders paid from ``paid_from`` to ``paid_to`` (days, <= 30 apart).

        Returns an :class:`RgOrderPage` (``next_token`` is ``None`` on the last page).
        Raises :class:`PreflightError` for a malformed or too long window, an
        :class:`APIError` subclass when Coupang refuses (50 calls a minute are paced for you).

        Calls ``GET /v2/providers/rg_open_api/apis/api/v1/vendors/{vendorId}/rg/orders``.
        """
        require_dates(paid_from=paid_from, paid_to=paid_to)
        return self._run(self._orders_call(paid_from, paid_to, next_token), RgOrderPage)

    def iter_orders(self, paid_from: date, paid_to: date) -> Iterator[RgOrder]:
        """Every order paid in ``[paid_from, paid_to]``: 30-day windows, each paged.

        Yields :class:`RgOrder` items, fetching pages lazily. Raises :class:`ValueError` when
        ``paid_to`` is before ``paid_from``; otherwise as :meth:`list_orders`.

        Calls ``GET /v2/providers/rg_open_api/apis/api/v1/vendors/{vendorId}/rg/orders``.
        """
        require_dates(paid_from=paid_from, paid_to=paid_to)
        for start, end in _windows(paid_from, paid_to):

            def fetch(
                token: str | None, a: date = start, b: date = end
            ) -> tuple[builtins.list[RgOrder], str | None]:
                """One page of Rocket Growth orders for these days and the nextToken."""
                page = self.list_orders(a, b, next_token=token)
                return page.items, page.next_token

            yield from iter_next_token(fetch)

    def get_order(self, order_id: int | str) -> RgOrder:
        """One Rocket Growth order by ``orderId``.

        Returns an :class:`RgOrder`. Raises :class:`PreflightError` for a malformed id,
        :class:`NotFoundError` for an order of another vendor or none.

        Calls ``GET /v2/providers/rg_open_api/apis/api/v1/vendors/{vendorId}/rg/order/{orderId}``.
        """
        return self._run(self._order_call(order_id), data_of(RgOrder))

    def inventory_summaries(
        self, *, vendor_item_id: int | str | None = None, next_token: str | None = None
    ) -> RgInventoryPage:
        """One page of warehouse stock; ``vendor_item_id`` narrows it to one option.

        Returns an :class:`RgInventoryPage`. Raises :class:`PreflightError` for a malformed
        id, an :class:`APIError` subclass when Coupang refuses.

        Calls ``GET
        /v2/providers/rg_open_api/apis/api/v1/vendors/{vendorId}/rg/inventory/summaries``.
        """
        return self._run(self._inventory_call(vendor_item_id, next_token), RgInventoryPage)

    def iter_inventory(self) -> Iterator[RgInventorySummary]:
        """Every option's warehouse stock, page by page.

        Yields :class:`RgInventorySummary` items, fetching pages lazily. Raises as
        :meth:`inventory_summaries`.

        Calls ``GET
        /v2/providers/rg_open_api/apis/api/v1/vendors/{vendorId}/rg/inventory/summaries``.
        """

        def fetch(token: str | None) -> tuple[builtins.list[RgInventorySummary], str | None]:
            """One page of Rocket Growth inventory summaries and the nextToken."""
            page = self.inventory_summaries(next_token=token)
            return page.items, page.next_token

        return iter_next_token(fetch)


class AsyncRocketGrowth(_RgOps[AsyncClient], AsyncResource):
    """``client.rocket_growth`` of :class:`AsyncClient`: the twin of :class:`RocketGrowth`."""

    async def list_orders(
        self, paid_from: date, paid_to: date, *, next_token: str | None = None
    ) -> RgOrderPage:
        """One page of orders paid from ``paid_from`` to ``paid_to`` (days, <= 30 apart).

        Returns an :class:`RgOrderPage` (``next_token`` is ``None`` on the last page).
        Raises :class:`PreflightError` for a malformed or too long window, an
        :class:`APIError` subclass when Coupang refuses (50 calls a minute are paced for you).

        Calls ``GET /v2/providers/rg_open_api/apis/api/v1/vendors/{vendorId}/rg/orders``.
        """
        require_dates(paid_from=paid_from, paid_to=paid_to)
        return await self._run(self._orders_call(paid_from, paid_to, next_token), RgOrderPage)

    async def iter_orders(self, paid_from: date, paid_to: date) -> AsyncIterator[RgOrder]:
        """Every order paid in ``[paid_from, paid_to]``: 30-day windows, each paged.

        Yields :class:`RgOrder` items, fetching pages lazily. Raises :class:`ValueError` when
        ``paid_to`` is before ``paid_from``; otherwise as :meth:`list_orders`.

        Calls ``GET /v2/providers/rg_open_api/apis/api/v1/vendors/{vendorId}/rg/orders``.
        """
        require_dates(paid_from=paid_from, paid_to=paid_to)
        for start, end in _windows(paid_from, paid_to):

            async def fetch(
                token: str | None, a: date = start, b: date = end
            ) -> tuple[builtins.list[RgOrder], str | None]:
                """One page of Rocket Growth orders for these days and the nextToken."""
                page = await self.list_orders(a, b, next_token=token)
                return page.items, page.next_token

            async for order in aiter_next_token(fetch):
                yield order

    async def get_order(self, order_id: int | str) -> RgOrder:
        """One Rocket Growth order by ``orderId``.

        Returns an :class:`RgOrder`. Raises :class:`PreflightError` for a malformed id,
        :class:`NotFoundError` for an order of another vendor or none.

        Calls ``GET /v2/providers/rg_open_api/apis/api/v1/vendors/{vendorId}/rg/order/{orderId}``.
        """
        return await self._run(self._order_call(order_id), data_of(RgOrder))

    async def inventory_summaries(
        self, *, vendor_item_id: int | str | None = None, next_token: str | None = None
    ) -> RgInventoryPage:
        """One page of warehouse stock; ``vendor_item_id`` narrows it to one option.

        Returns an :class:`RgInventoryPage`. Raises :class:`PreflightError` for a malformed
        id, an :class:`APIError` subclass when Coupang refuses.

        Calls ``GET
        /v2/providers/rg_open_api/apis/api/v1/vendors/{vendorId}/rg/inventory/summaries``.
        """
        return await self._run(self._inventory_call(vendor_item_id, next_token), RgInventoryPage)

    def iter_inventory(self) -> AsyncIterator[RgInventorySummary]:
        """Every option's warehouse stock, page by page.

        Yields :class:`RgInventorySummary` items, fetching pages lazily. Raises as
        :meth:`inventory_summaries`.

        Calls ``GET
        /v2/providers/rg_open_api/apis/api/v1/vendors/{vendorId}/rg/inventory/summaries``.
        """

        async def fetch(
            token: str | None,
        ) -> tuple[builtins.list[RgInventorySummary], str | None]:
            """One page of Rocket Growth inventory summaries and the nextToken."""
            page = await self.inventory_summaries(next_token=token)
            return page.items, page.next_token

        return aiter_next_token(fetch)
