"""Auto-paging iterators over Coupang's three paging styles.

Each helper takes a ``fetch`` callable (the resource layer passes a closure that calls the
API for one page) and yields the items one by one, fetching the next page only when the
previous one is exhausted, like stripe-python's ``auto_paging_iter``:

* :func:`iter_next_token` / :func:`aiter_next_token`: ``nextToken`` paging (order sheets,
  products, settlement).  ``fetch(token)`` returns ``(items, next_token)``.
* :func:`iter_page_num` / :func:`aiter_page_num`: ``pageNum``/``pageSize`` paging
  (shipping places, CS inquiries).  ``fetch(page)`` returns ``(items, total_pages)``.
* :func:`iter_page_index` / :func:`aiter_page_index`: ``pageIndex``/``nextPageIndex``
  paging (return-withdraw history).  ``fetch(index)`` returns ``(items, next_index)``.

All accept ``limit``: stop after that many items without fetching further pages.  Arguments
are validated when the helper is called; no page is fetched before the first item is
requested.  A server that hands back a cursor it already gave raises
:class:`PaginationLoopError` instead of looping forever.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Hashable, Iterator, Sequence
from typing import TypeVar

__all__ = [
    "PaginationLoopError",
    "aiter_next_token",
    "aiter_page_index",
    "aiter_page_num",
    "iter_next_token",
    "iter_page_index",
    "iter_page_num",
]

T = TypeVar("T")


class PaginationLoopError(RuntimeError):
    """The server returned a page cursor that was already used (it would loop forever)."""

    def __init__(self, cursor: Hashable) -> None:
        super().__init__(f"pagination cursor {cursor!r} was returned twice; stopping")
        self.cursor = cursor


def _check_limit(limit: int | None) -> None:
    if limit is not None and limit < 0:
        raise ValueError(f"limit must be >= 0 or None, got {limit!r}")


# --- nextToken ------------------------------------------------------------------------


def iter_next_token(
    fetch: Callable[[str | None], tuple[Sequence[T], str | None]],
    *,
    limit: int | None = None,
) -> Iterator[T]:
    """Yield every item of a ``nextToken``-paged listing.

    Calls ``fetch(None)`` first, then ``fetch(token)`` while the returned token is truthy
    (``None`` and ``""`` end the listing).
    """
    _check_limit(limit)
    return _iter_next_token(fetch, limit)


def _iter_next_token(
    fetch: Callable[[str | None], tuple[Sequence[T], str | None]], limit: int | None
) -> Iterator[T]:
    if limit == 0:
        return
    seen: set[str] = set()
    token: str | None = None
    count = 0
    while True:
        items, next_token = fetch(token)
        for item in items:
            yield item
            count += 1
            if limit is not None and count >= limit:
                return
        if not next_token:
            return
        if next_token in seen:
            raise PaginationLoopError(next_token)
        seen.add(next_token)
        token = next_token


def aiter_next_token(
    fetch: Callable[[str | None], Awaitable[tuple[Sequence[T], str | None]]],
    *,
    limit: int | None = None,
) -> AsyncIterator[T]:
    """Async twin of :func:`iter_next_token`: ``fetch`` returns an awaitable page."""
    _check_limit(limit)
    return _aiter_next_token(fetch, limit)


async def _aiter_next_token(
    fetch: Callable[[str | None], Awaitable[tuple[Sequence[T], str | None]]],
    limit: int | None,
) -> AsyncIterator[T]:
    if limit == 0:
        return
    seen: set[str] = set()
    token: str | None = None
    count = 0
    while True:
        items, next_token = await fetch(token)
        for item in items:
            yield item
            count += 1
            if limit is not None and count >= limit:
                return
        if not next_token:
            return
        if next_token in seen:
            raise PaginationLoopError(next_token)
        seen.add(next_token)
        token = next_token


# --- pageNum / pageSize ---------------------------------------------------------------


def iter_page_num(
    fetch: Callable[[int], tuple[Sequence[T], int | None]],
    *,
    start: int = 1,
    limit: int | None = None,
) -> Iterator[T]:
    """Yield every item of a ``pageNum``-paged listing.

    Calls ``fetch(start)``, ``fetch(start + 1)``, ... and stops once ``page >=
    total_pages``, or, when the server does not report ``total_pages`` (``None``), at the
    first empty page.
    """
    _check_limit(limit)
    return _iter_page_num(fetch, start, limit)


def _iter_page_num(
    fetch: Callable[[int], tuple[Sequence[T], int | None]], start: int, limit: int | None
) -> Iterator[T]:
    if limit == 0:
        return
    page = start
    count = 0
    while True:
        items, total_pages = fetch(page)
        for item in items:
            yield item
            count += 1
            if limit is not None and count >= limit:
                return
        if total_pages is None:
            if not items:
                return
        elif page >= total_pages:
            return
        page += 1


def aiter_page_num(
    fetch: Callable[[int], Awaitable[tuple[Sequence[T], int | None]]],
    *,
    start: int = 1,
    limit: int | None = None,
) -> AsyncIterator[T]:
    """Async twin of :func:`iter_page_num`: ``fetch`` returns an awaitable page."""
    _check_limit(limit)
    return _aiter_page_num(fetch, start, limit)


async def _aiter_page_num(
    fetch: Callable[[int], Awaitable[tuple[Sequence[T], int | None]]],
    start: int,
    limit: int | None,
) -> AsyncIterator[T]:
    if limit == 0:
        return
    page = start
    count = 0
    while True:
        items, total_pages = await fetch(page)
        for item in items:
            yield item
            count += 1
            if limit is not None and count >= limit:
                return
        if total_pages is None:
            if not items:
                return
        elif page >= total_pages:
            return
        page += 1


# --- pageIndex / nextPageIndex --------------------------------------------------------


def iter_page_index(
    fetch: Callable[[int], tuple[Sequence[T], int | None]],
    *,
    start: int = 1,
    limit: int | None = None,
) -> Iterator[T]:
    """Yield every item of a ``pageIndex``/``nextPageIndex``-paged listing.

    Calls ``fetch(start)`` and then ``fetch(next_index)`` until ``next_index`` is ``None``
    or ``0``; an index that was already fetched raises :class:`PaginationLoopError`.
    """
    _check_limit(limit)
    return _iter_page_index(fetch, start, limit)


def _iter_page_index(
    fetch: Callable[[int], tuple[Sequence[T], int | None]], start: int, limit: int | None
) -> Iterator[T]:
    if limit == 0:
        return
    index = start
    seen = {start}
    count = 0
    while True:
        items, next_index = fetch(index)
        for item in items:
            yield item
            count += 1
            if limit is not None and count >= limit:
                return
        if not next_index:
            return
        if next_index in seen:
            raise PaginationLoopError(next_index)
        seen.add(next_index)
        index = next_index


def aiter_page_index(
    fetch: Callable[[int], Awaitable[tuple[Sequence[T], int | None]]],
    *,
    start: int = 1,
    limit: int | None = None,
) -> AsyncIterator[T]:
    """Async twin of :func:`iter_page_index`: ``fetch`` returns an awaitable page."""
    _check_limit(limit)
    return _aiter_page_index(fetch, start, limit)


async def _aiter_page_index(
    fetch: Callable[[int], Awaitable[tuple[Sequence[T], int | None]]],
    start: int,
    limit: int | None,
) -> AsyncIterator[T]:
    if limit == 0:
        return
    index = start
    seen = {start}
    count = 0
    while True:
        items, next_index = await fetch(index)
        for item in items:
            yield item
            count += 1
            if limit is not None and count >= limit:
                return
        if not next_index:
            return
        if next_index in seen:
            raise PaginationLoopError(next_index)
        seen.add(next_index)
        index = next_index
