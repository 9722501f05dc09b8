"""Settlement (정산), sync and async side by side: ``client.settlement``.

* :meth:`Settlement.revenue_history`: one page of the revenue history (매출내역) by recognition
  day (매출인식일: delivery + 7 days, or the purchase confirmation), at most 31 days per call,
  ``maxPerPage`` 1..50, paged by ``token`` (empty on the first page, then ``nextToken``).
  ``vendorId`` travels in the query.
* :meth:`Settlement.iter_revenue_history`: every line of any period: 31-day windows, each
  walked page by page.
* :meth:`Settlement.settlement_histories`: the payments (지급내역) of one recognition month
  (``yyyy-MM``, up to the current month). Coupang answers a bare JSON array; an enveloped
  ``{code, message, data: [...]}`` is read too.

Days are ``datetime.date`` objects (a string raises :class:`TypeError`). The older settlement APIs
(``v4 .../orders/settlementDetails``, ``.../orders/{orderId}/settlementDetails``,
``.../retroactiveFees``) are retired (410) and have no method here.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import date
from typing import Any

from coupang_seller import _endpoints as E
from coupang_seller._client import AsyncClient, Client
from coupang_seller._windows import require_dates
from coupang_seller.pagination import split_date_range
from coupang_seller.preflight import settlement as rules
from coupang_seller.preflight._core import Violation
from coupang_seller.resources._base import (
    AsyncResource,
    Call,
    ClientT,
    Resource,
    SyncResource,
    envelope_data,
)
from coupang_seller.types.settlement import (
    RevenueHistory,
    RevenueHistoryPage,
    SettlementHistory,
)

__all__ = ["AsyncSettlement", "Settlement"]

Day = date | str


def _days(date_from: Day, date_to: Day) -> tuple[date, date, list[Violation]]:
    start, found = rules.parse_day(date_from, "recognitionDateFrom")
    end, more = rules.parse_day(date_to, "recognitionDateTo")
    found += more
    if found or start is None or end is None:
        return date.min, date.min, found
    return start, end, []


def _histories(answer: Any) -> list[SettlementHistory]:
    data = envelope_data(answer)
    if isinstance(data, dict):
        data = [data]
    return [SettlementHistory.model_validate(row) for row in data or []]


class _SettlementOps(Resource[ClientT]):
    def _revenue_call(
        self, date_from: Day, date_to: Day, token: str | None, max_per_page: int
    ) -> Call:
        start, end, found = _days(date_from, date_to)
        if not found:
            found += rules.check_window(start, end)
        found += rules.check_max_per_page(max_per_page)
        self._gate("settlement.revenue_history", found)
        sent = (str(date_from), str(date_to)) if found else (start.isoformat(), end.isoformat())
        # Without preflight, what was given is sent as it is and the server answers.
        params: dict[str, Any] = {
            "vendorId": self._vendor_id,
            "recognitionDateFrom": sent[0],
            "recognitionDateTo": sent[1],
            "token": token or "",
            "maxPerPage": max_per_page,
        }
        return Call("GET", E.REVENUE_HISTORY.path, params)

    def _windows(self, date_from: Day, date_to: Day) -> list[tuple[date, date]]:
        start, end, found = _days(date_from, date_to)
        if not found and end < start:
            found = rules.check_window(start, end)
        self._gate("settlement.iter_revenue_history", found, always=True)
        return split_date_range(start, end, rules.WINDOW_DAYS)

    def _histories_call(self, year_month: date | str) -> Call:
        text = year_month.strftime("%Y-%m") if isinstance(year_month, date) else str(year_month)
        _, found = rules.parse_year_month(text)
        self._gate("settlement.settlement_histories", found)
        return Call(
            "GET", E.SETTLEMENT_HISTORIES.path, {"revenueRecognitionYearMonth": text.strip()}
        )


class Settlement(_SettlementOps[Client], SyncResource):
    """``client.settlement``: revenue history and settlement histories."""

    def revenue_history(
        self,
        date_from: date,
        date_to: date,
        *,
        token: str | None = None,
        max_per_page: int = rules.DEFAULT_MAX_PER_PAGE,
    ) -> RevenueHistoryPage:
        """One page of revenue lines recognised in ``[date_from, date_to]`` (<= 31 days).

        Returns a :class:`RevenueHistoryPage` (``next_token`` is ``None`` on the last page).
        Raises :class:`PreflightError` for a malformed day, a window over 31 days or a page
        size out of 1..50; an :class:`APIError` subclass when Coupang refuses.

        Calls ``GET /v2/providers/openapi/apis/api/v1/revenue-history``.
        """
        require_dates(date_from=date_from, date_to=date_to)
        return self._run(
            self._revenue_call(date_from, date_to, token, max_per_page), RevenueHistoryPage
        )

    def iter_revenue_history(
        self,
        date_from: date,
        date_to: date,
        *,
        max_per_page: int = rules.DEFAULT_MAX_PER_PAGE,
    ) -> Iterator[RevenueHistory]:
        """Every revenue line of any period, in 31-day windows, page by page.

        Yields :class:`RevenueHistory` lines, fetching pages lazily. Raises
        :class:`PreflightError` at once for malformed days or an end before the start;
        otherwise as :meth:`revenue_history`.

        Calls ``GET /v2/providers/openapi/apis/api/v1/revenue-history``.
        """
        require_dates(date_from=date_from, date_to=date_to)
        windows = self._windows(date_from, date_to)

        def walk() -> Iterator[RevenueHistory]:
            """Revenue history rows of every window, following nextToken and skipping repeats."""
            for start, end in windows:
                token: str | None = None
                seen: set[str] = set()
                while True:
                    page = self.revenue_history(start, end, token=token, max_per_page=max_per_page)
                    yield from page.data
                    token = page.next_token
                    if token is None or token in seen:
                        break
                    seen.add(token)

        return walk()

    def settlement_histories(self, year_month: date) -> list[SettlementHistory]:
        """The payments of recognition month ``year_month`` (``yyyy-MM`` or a date in it).

        Returns a list of :class:`SettlementHistory` (a bare array or an envelope is read).
        Raises :class:`PreflightError` for a malformed or future month, an :class:`APIError`
        subclass when Coupang refuses.

        Calls ``GET /v2/providers/marketplace_openapi/apis/api/v1/settlement-histories``.
        """
        require_dates(year_month=year_month)
        return self._run(self._histories_call(year_month), _histories)


class AsyncSettlement(_SettlementOps[AsyncClient], AsyncResource):
    """``client.settlement`` of :class:`AsyncClient`: the twin of :class:`Settlement`."""

    async def revenue_history(
        self,
        date_from: date,
        date_to: date,
        *,
        token: str | None = None,
        max_per_page: int = rules.DEFAULT_MAX_PER_PAGE,
    ) -> RevenueHistoryPage:
        """One page of revenue lines recognised in ``[date_from, date_to]`` (<= 31 days).

        Returns a :class:`RevenueHistoryPage` (``next_token`` is ``None`` on the last page).
        Raises :class:`PreflightError` for a malformed day, a window over 31 days or a page
        size out of 1..50; an :class:`APIError` subclass when Coupang refuses.

        Calls ``GET /v2/providers/openapi/apis/api/v1/revenue-history``.
        """
        require_dates(date_from=date_from, date_to=date_to)
        return await self._run(
            self._revenue_call(date_from, date_to, token, max_per_page), RevenueHistoryPage
        )

    def iter_revenue_history(
        self,
        date_from: date,
        date_to: date,
        *,
        max_per_page: int = rules.DEFAULT_MAX_PER_PAGE,
    ) -> AsyncIterator[RevenueHistory]:
        """Every revenue line of any period, in 31-day windows, page by page.

        Yields :class:`RevenueHistory` lines, fetching pages lazily. Raises
        :class:`PreflightError` at once for malformed days or an end before the start;
        otherwise as :meth:`revenue_history`.

        Calls ``GET /v2/providers/openapi/apis/api/v1/revenue-history``.
        """
        require_dates(date_from=date_from, date_to=date_to)
        windows = self._windows(date_from, date_to)

        async def walk() -> AsyncIterator[RevenueHistory]:
            """Revenue history rows of every window, following nextToken and skipping repeats."""
            for start, end in windows:
                token: str | None = None
                seen: set[str] = set()
                while True:
                    page = await self.revenue_history(
                        start, end, token=token, max_per_page=max_per_page
                    )
                    for line in page.data:
                        yield line
                    token = page.next_token
                    if token is None or token in seen:
                        break
                    seen.add(token)

        return walk()

    async def settlement_histories(self, year_month: date) -> list[SettlementHistory]:
        """The payments of recognition month ``year_month`` (``yyyy-MM`` or a date in it).

        Returns a list of :class:`SettlementHistory` (a bare array or an envelope is read).
        Raises :class:`PreflightError` for a malformed or future month, an :class:`APIError`
        subclass when Coupang refuses.

        Calls ``GET /v2/providers/marketplace_openapi/apis/api/v1/settlement-histories``.
        """
        require_dates(year_month=year_month)
        return await self._run(self._histories_call(year_month), _histories)
