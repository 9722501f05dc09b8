from __future__ import annotations

from collections.abc import AsyncIterator, Sequence

import pytest

from coupang_seller._pagination import (
    PaginationLoopError,
    aiter_next_token,
    aiter_page_index,
    aiter_page_num,
    iter_next_token,
    iter_page_index,
    iter_page_num,
)


async def collect(iterator: AsyncIterator[int]) -> list[int]:
    return [item async for item in iterator]


# --- nextToken --------------------------------------------------------------------------


class TokenServer:
    """pages: token -> (items, next token)."""

    def __init__(self, pages: dict[str | None, tuple[list[int], str | None]]) -> None:
        self.pages = pages
        self.calls: list[str | None] = []

    def __call__(self, token: str | None) -> tuple[Sequence[int], str | None]:
        self.calls.append(token)
        return self.pages[token]

    async def async_fetch(self, token: str | None) -> tuple[Sequence[int], str | None]:
        return self(token)


THREE_TOKEN_PAGES: dict[str | None, tuple[list[int], str | None]] = {
    None: ([1, 2], "t1"),
    "t1": ([3], "t2"),
    "t2": ([4, 5], None),
}


def test_next_token_walks_all_pages() -> None:
    server = TokenServer(THREE_TOKEN_PAGES)
    assert list(iter_next_token(server)) == [1, 2, 3, 4, 5]
    assert server.calls == [None, "t1", "t2"]


async def test_aiter_next_token_walks_all_pages() -> None:
    server = TokenServer(THREE_TOKEN_PAGES)
    assert await collect(aiter_next_token(server.async_fetch)) == [1, 2, 3, 4, 5]
    assert server.calls == [None, "t1", "t2"]


@pytest.mark.parametrize("end", ["", None])
def test_next_token_empty_string_or_none_ends(end: str | None) -> None:
    server = TokenServer({None: ([1], "a"), "a": ([2], end)})
    assert list(iter_next_token(server)) == [1, 2]
    assert server.calls == [None, "a"]


def test_next_token_empty_page_with_token_continues() -> None:
    server = TokenServer({None: ([], "a"), "a": ([7], None)})
    assert list(iter_next_token(server)) == [7]


def test_next_token_is_lazy() -> None:
    server = TokenServer(THREE_TOKEN_PAGES)
    it = iter_next_token(server)
    assert server.calls == []
    assert next(it) == 1
    assert next(it) == 2
    assert server.calls == [None]
    assert next(it) == 3
    assert server.calls == [None, "t1"]


@pytest.mark.parametrize(
    "pages",
    [
        {None: ([1], "a"), "a": ([2], "a")},
        {None: ([1], "a"), "a": ([2], "b"), "b": ([3], "a")},
    ],
)
def test_next_token_repeat_raises(pages: dict[str | None, tuple[list[int], str | None]]) -> None:
    server = TokenServer(pages)
    got: list[int] = []
    with pytest.raises(PaginationLoopError) as info:
        got.extend(iter_next_token(server))
    assert info.value.cursor == "a"
    assert isinstance(info.value, RuntimeError)
    # Items of every page fetched before the loop was detected were delivered.
    assert got == list(range(1, len(server.calls) + 1))


async def test_aiter_next_token_repeat_raises() -> None:
    server = TokenServer({None: ([1], "a"), "a": ([2], "a")})
    with pytest.raises(PaginationLoopError):
        await collect(aiter_next_token(server.async_fetch))


@pytest.mark.parametrize(
    ("limit", "items", "calls"), [(0, [], 0), (2, [1, 2], 1), (3, [1, 2, 3], 2)]
)
def test_next_token_limit_stops_fetching(limit: int, items: list[int], calls: int) -> None:
    server = TokenServer(THREE_TOKEN_PAGES)
    assert list(iter_next_token(server, limit=limit)) == items
    assert len(server.calls) == calls


async def test_aiter_next_token_limit() -> None:
    server = TokenServer(THREE_TOKEN_PAGES)
    assert await collect(aiter_next_token(server.async_fetch, limit=2)) == [1, 2]
    assert server.calls == [None]
    assert await collect(aiter_next_token(server.async_fetch, limit=0)) == []
    assert server.calls == [None]


def test_negative_limit_rejected_eagerly() -> None:
    def never(_: object) -> tuple[list[int], None]:
        raise AssertionError("must not fetch")

    with pytest.raises(ValueError):
        iter_next_token(never, limit=-1)
    with pytest.raises(ValueError):
        aiter_next_token(never, limit=-1)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        iter_page_num(never, limit=-1)
    with pytest.raises(ValueError):
        aiter_page_num(never, limit=-1)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        iter_page_index(never, limit=-1)
    with pytest.raises(ValueError):
        aiter_page_index(never, limit=-1)  # type: ignore[arg-type]


def test_fetch_errors_propagate() -> None:
    def failing(token: str | None) -> tuple[Sequence[int], str | None]:
        if token is None:
            return [1], "x"
        raise ConnectionError("boom")

    it = iter_next_token(failing)
    assert next(it) == 1
    with pytest.raises(ConnectionError):
        next(it)


# --- pageNum ----------------------------------------------------------------------------


class PageServer:
    def __init__(self, pages: dict[int, tuple[list[int], int | None]]) -> None:
        self.pages = pages
        self.calls: list[int] = []

    def __call__(self, page: int) -> tuple[Sequence[int], int | None]:
        self.calls.append(page)
        return self.pages[page]

    async def async_fetch(self, page: int) -> tuple[Sequence[int], int | None]:
        return self(page)


def test_page_num_stops_at_total_pages() -> None:
    server = PageServer({1: ([1, 2], 3), 2: ([3, 4], 3), 3: ([5], 3), 4: ([99], 3)})
    assert list(iter_page_num(server)) == [1, 2, 3, 4, 5]
    assert server.calls == [1, 2, 3]


async def test_aiter_page_num_stops_at_total_pages() -> None:
    server = PageServer({1: ([1, 2], 3), 2: ([3, 4], 3), 3: ([5], 3), 4: ([99], 3)})
    assert await collect(aiter_page_num(server.async_fetch)) == [1, 2, 3, 4, 5]
    assert server.calls == [1, 2, 3]


def test_page_num_zero_total_pages_means_one_fetch() -> None:
    server = PageServer({1: ([], 0)})
    assert list(iter_page_num(server)) == []
    assert server.calls == [1]


def test_page_num_without_total_stops_on_empty_page() -> None:
    server = PageServer({1: ([1], None), 2: ([2], None), 3: ([], None), 4: ([99], None)})
    assert list(iter_page_num(server)) == [1, 2]
    assert server.calls == [1, 2, 3]


def test_page_num_with_total_continues_past_empty_page() -> None:
    server = PageServer({1: ([], 2), 2: ([5], 2)})
    assert list(iter_page_num(server)) == [5]


def test_page_num_custom_start_and_limit() -> None:
    server = PageServer({0: ([1, 2], 3), 1: ([3, 4], 3), 2: ([5], 3)})
    # page 0 of 3 pages would be weird, but start is honoured as given.
    assert list(iter_page_num(server, start=0, limit=3)) == [1, 2, 3]
    assert server.calls == [0, 1]


async def test_aiter_page_num_without_total_and_limit() -> None:
    server = PageServer({1: ([1], None), 2: ([2], None), 3: ([], None)})
    assert await collect(aiter_page_num(server.async_fetch)) == [1, 2]
    server.calls.clear()
    assert await collect(aiter_page_num(server.async_fetch, limit=1)) == [1]
    assert server.calls == [1]


# --- pageIndex --------------------------------------------------------------------------


def test_page_index_follows_next_index() -> None:
    server = PageServer({1: ([1], 2), 2: ([2, 3], 5), 5: ([4], None)})
    assert list(iter_page_index(server)) == [1, 2, 3, 4]
    assert server.calls == [1, 2, 5]


async def test_aiter_page_index_follows_next_index() -> None:
    server = PageServer({1: ([1], 2), 2: ([2, 3], 5), 5: ([4], 0)})
    assert await collect(aiter_page_index(server.async_fetch)) == [1, 2, 3, 4]
    assert server.calls == [1, 2, 5]


def test_page_index_zero_ends() -> None:
    server = PageServer({3: ([1], 0)})
    assert list(iter_page_index(server, start=3)) == [1]


@pytest.mark.parametrize(
    "pages",
    [
        {1: ([1], 1)},  # points at itself
        {1: ([1], 2), 2: ([2], 1)},  # points back at the start
    ],
)
def test_page_index_repeat_raises(pages: dict[int, tuple[list[int], int | None]]) -> None:
    server = PageServer(pages)
    with pytest.raises(PaginationLoopError) as info:
        list(iter_page_index(server))
    assert info.value.cursor == 1


async def test_aiter_page_index_repeat_raises_and_limit() -> None:
    server = PageServer({1: ([1], 2), 2: ([2], 1)})
    with pytest.raises(PaginationLoopError):
        await collect(aiter_page_index(server.async_fetch))
    server.calls.clear()
    assert await collect(aiter_page_index(server.async_fetch, limit=1)) == [1]
    assert server.calls == [1]


def test_page_index_limit_exactly_at_page_end_does_not_fetch_more() -> None:
    server = PageServer({1: ([1, 2], 2), 2: ([3], None)})
    assert list(iter_page_index(server, limit=2)) == [1, 2]
    assert server.calls == [1]
