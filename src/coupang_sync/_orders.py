"""The order-sheet stream of one vendor: new sheets in every status, then a refresh pass.

**New sheets.** The cursor ``mark`` is a minute: every sheet paid before it has been read.
The signpost, ``now - visibility_delay`` floored to the minute, is as far as the mark may go
(Coupang shows an order only ~10 minutes after payment). Recent data is read in ``timeFrame``
slices of at most 10 minutes (older stretches in one-hour slices), each starting ``overlap``
before the mark; a mark more than
``backfill_after`` behind reads whole Korean days in the daily mode instead, page by page with
``nextToken`` (the position keeps the status and token, so a restart resumes the day).

**Refresh.** Statuses and receivers change after the first read, so each run re-reads the
last ``refresh_days`` days in the daily mode, every status, page by page.

Every page is one transaction: its records, its events and the stream's next position. All
network I/O happens between transactions.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from coupang_seller import Client
from coupang_seller.types.orders import ORDER_SHEET_STATUSES, OrderSheet

__all__ = ["KST", "OrderSettings", "OrderStream", "Page"]

KST = __import__("zoneinfo").ZoneInfo("Asia/Seoul")
#: ``timeFrame`` slices are at most this long for recent data (Coupang's advice).
SLICE = timedelta(minutes=10)
#: Older stretches (catching up, less than ``backfill_after``) take slices this long.
CATCH_UP_SLICE = timedelta(hours=1)
MINUTE = timedelta(minutes=1)
NEW = "orders"
REFRESH = "orders.refresh"


@dataclass(frozen=True, slots=True)
class OrderSettings:
    """Timing of the order stream (every field can be set on :class:`coupang_sync.Sync`)."""

    #: How long after payment Coupang shows an order (the cursor never passes now - this).
    visibility_delay: timedelta = timedelta(minutes=10)
    #: Each ``timeFrame`` slice starts this long before the mark.
    overlap: timedelta = timedelta(minutes=2)
    #: Data younger than this (before the signpost) is read in 10-minute slices; older
    #: stretches in one-hour slices.
    recent: timedelta = timedelta(hours=1)
    #: A mark further behind than this reads whole days in the daily mode (backfill).
    backfill_after: timedelta = timedelta(days=1)
    #: Days re-read by each run's refresh pass (status and receiver changes); 0 turns it off.
    refresh_days: int = 7
    #: Where a new vendor's mark starts when it was added without ``since``.
    initial_lookback: timedelta = timedelta(days=1)
    #: ``maxPerPage`` of the daily mode.
    page_size: int = 50

    def __post_init__(self) -> None:
        """Refuse settings that would skip data or break Coupang's window limits."""
        if not timedelta(0) <= self.overlap < SLICE:
            raise ValueError("overlap must be at least 0 and shorter than 10 minutes")
        if self.visibility_delay < timedelta(0):
            raise ValueError("visibility_delay must not be negative")
        if not 0 <= self.refresh_days <= 30:
            raise ValueError("refresh_days must be between 0 and 30 (a daily window is 31 days)")
        if not 1 <= self.page_size <= 50:
            raise ValueError("page_size must be between 1 and 50")
        if self.backfill_after < timedelta(days=1):
            raise ValueError("backfill_after must be at least one day")


@dataclass(frozen=True, slots=True)
class Page:
    """One unit of work: the sheets read and the stream's position once they are stored."""

    stream: str
    sheets: list[dict[str, Any]]
    position: dict[str, Any]
    done: bool = False


def floor_minute(moment: datetime) -> datetime:
    """``moment`` without its seconds."""
    return moment.replace(second=0, microsecond=0)


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time(0), KST).astimezone(UTC)


def _docs(sheets: Sequence[OrderSheet]) -> list[dict[str, Any]]:
    return [sheet.model_dump(mode="json", by_alias=True) for sheet in sheets]


class OrderStream:
    """Reads pages of one vendor's order sheets; the caller stores each before the next."""

    def __init__(
        self, client: Client, settings: OrderSettings, now: Callable[[], datetime]
    ) -> None:
        """Read through ``client``; ``now`` is the sync's clock, read once per run."""
        self.client = client
        self.settings = settings
        self.now = now()
        if self.now.tzinfo is None:
            raise ValueError("the sync clock must return timezone-aware instants")
        self.signpost = floor_minute(self.now - settings.visibility_delay).astimezone(UTC)

    # -- new sheets ----------------------------------------------------------------------

    def initial_position(self, since: datetime | None) -> dict[str, Any]:
        """Where a vendor's first run starts: ``since``, else the configured lookback."""
        start = since if since is not None else self.signpost - self.settings.initial_lookback
        return {"mark": floor_minute(start.astimezone(UTC)).isoformat()}

    def next_new(self, position: dict[str, Any]) -> Page | None:
        """The next page of new sheets after ``position``, or ``None`` once at the signpost."""
        mark = datetime.fromisoformat(position["mark"])
        day_text = position.get("day")
        if day_text is None:
            day = mark.astimezone(KST).date()
            if (
                self.signpost - mark >= self.settings.backfill_after
                and _day_start(day + timedelta(days=1)) <= self.signpost
            ):
                return self._daily(mark, day, 0, None)
            if mark >= self.signpost:
                return None
            return self._slice(mark)
        return self._daily(
            mark, date.fromisoformat(day_text), int(position["status"]), position.get("token")
        )

    def _slice(self, mark: datetime) -> Page:
        start = mark - self.settings.overlap
        span = SLICE if self.signpost - mark <= self.settings.recent else CATCH_UP_SLICE
        end = min(start + span, self.signpost)
        sheets: list[OrderSheet] = []
        # Lifecycle order: a box that moves on between two calls is read twice (the later
        # read wins), never missed.
        for status in ORDER_SHEET_STATUSES:
            sheets.extend(self.client.orders.list_time_frame(start, end - MINUTE, status=status))
        return Page(NEW, _docs(sheets), {"mark": end.isoformat()})

    def _daily(self, mark: datetime, day: date, status: int, token: str | None) -> Page:
        page = self.client.orders.list(
            day,
            day,
            status=ORDER_SHEET_STATUSES[status],
            next_token=token,
            max_per_page=self.settings.page_size,
        )
        position: dict[str, Any]
        if page.next_token:
            position = {
                "mark": mark.isoformat(),
                "day": day.isoformat(),
                "status": status,
                "token": page.next_token,
            }
        elif status + 1 < len(ORDER_SHEET_STATUSES):
            position = {"mark": mark.isoformat(), "day": day.isoformat(), "status": status + 1}
        else:
            position = {"mark": _day_start(day + timedelta(days=1)).isoformat()}
        return Page(NEW, _docs(page.items), position)

    # -- refresh -------------------------------------------------------------------------

    def refresh_start(self) -> dict[str, Any] | None:
        """A new refresh pass over the last ``refresh_days`` days (``None`` when off)."""
        if self.settings.refresh_days == 0:
            return None
        last = self.signpost.astimezone(KST).date()
        first = last - timedelta(days=self.settings.refresh_days)
        return {"from": first.isoformat(), "to": last.isoformat(), "status": 0}

    def next_refresh(self, position: dict[str, Any]) -> Page:
        """The next page of the refresh pass at ``position`` (``done`` on its last page)."""
        status = int(position["status"])
        page = self.client.orders.list(
            date.fromisoformat(position["from"]),
            date.fromisoformat(position["to"]),
            status=ORDER_SHEET_STATUSES[status],
            next_token=position.get("token"),
            max_per_page=self.settings.page_size,
        )
        base = {"from": position["from"], "to": position["to"]}
        if page.next_token:
            return Page(
                REFRESH, _docs(page.items), {**base, "status": status, "token": page.next_token}
            )
        if status + 1 < len(ORDER_SHEET_STATUSES):
            return Page(REFRESH, _docs(page.items), {**base, "status": status + 1})
        return Page(REFRESH, _docs(page.items), {"last_pass_to": position["to"]}, done=True)
