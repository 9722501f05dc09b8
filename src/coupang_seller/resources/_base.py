"""Plumbing shared by every resource class, sync and async (after anthropic-sdk-python's
``_resource.py``): one call description, one way to run it, one preflight gate, one clock.

A resource method builds a :class:`Call` (pure: path, query, body; the preflight rules run
while it is built) and hands it to ``self._run(call, into)``. ``into`` says how the answer is
read: a pydantic model is validated straight from the response bytes
(:meth:`BaseClient.success_model <coupang_seller._core.BaseClient.success_model>`, the one
parse of a typed answer), any other callable gets the parsed JSON (answers that need
unwrapping first, see :func:`data_of`). The sync and async halves differ only in
:meth:`SyncResource._run` and :meth:`AsyncResource._run`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Hashable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from typing import Any, Final, Generic, TypeVar, overload

from pydantic import BaseModel

from coupang_seller._client import AsyncClient, Client
from coupang_seller._core import QueryParams
from coupang_seller._exceptions import PreflightError
from coupang_seller.pagination import aiter_next_token, iter_next_token
from coupang_seller.preflight._core import Violation

ClientT = TypeVar("ClientT", Client, AsyncClient)
M = TypeVar("M", bound=BaseModel)
R = TypeVar("R")
T = TypeVar("T")
Page = tuple[Sequence[T], str | None]

#: Rules the SDK cannot judge offline: the packaged catalog is a seed, not Coupang's live
#: tree, so a category it does not know is left for Coupang to judge.
NOT_JUDGED_OFFLINE: Final = frozenset({"category_unknown"})


@dataclass(frozen=True, slots=True)
class Call:
    """One request to send: method, path (placeholders filled), query and JSON body.

    ``control`` marks a call to the sandbox's control API (``/_sandbox``): unsigned, never
    rate-limited or retried. Every other call is signed and goes through the client's retry
    loop, which retries only safe methods (GET): a mutation is never sent twice.
    """

    method: str
    path: str
    params: QueryParams | None = None
    body: Any = None
    control: bool = False


def envelope_data(envelope: Any) -> Any:
    """``data`` of a ``{code, message, data}`` envelope; the body itself when there is none."""
    if (
        isinstance(envelope, dict)
        and "data" in envelope
        and ("code" in envelope or "message" in envelope)
    ):
        return envelope["data"]
    return envelope


def result_message(envelope: Any) -> str:
    """``data.resultMessage`` of an envelope (where the shipping-place calls put the code)."""
    data = envelope_data(envelope)
    if isinstance(data, dict):
        return str(data.get("resultMessage", ""))
    return "" if data is None else str(data)


def data_of(model: type[M]) -> Callable[[Any], M]:
    """A reader validating ``model`` from the envelope's ``data`` (or the bare body)."""

    def read(answer: Any) -> M:
        """Validate the envelope's ``data`` into the model."""
        return model.model_validate(envelope_data(answer))

    return read


def each_of(model: type[M]) -> Callable[[Any], list[M]]:
    """A reader validating a list of ``model`` from the envelope's ``data`` (``None`` is [])."""

    def read(answer: Any) -> list[M]:
        """Validate each entry of the envelope's ``data`` into the model."""
        return [model.model_validate(item) for item in envelope_data(answer) or []]

    return read


def nothing(answer: Any) -> None:
    """A reader for calls whose answer carries nothing the caller needs."""


def raw(answer: Any) -> Any:
    """A reader returning the parsed JSON as it is."""
    return answer


class Resource(Generic[ClientT]):
    """What both halves share: the client, the vendor, the preflight gate and the clock."""

    def __init__(self, client: ClientT) -> None:
        self._client: ClientT = client

    @property
    def _vendor_id(self) -> str:
        return self._client.vendor_id

    @property
    def _checks(self) -> bool:
        """Whether the client runs the preflight rules before sending."""
        return self._client.options.preflight

    def _user_id(self, given: str | None) -> str | None:
        return given or self._client.options.user_id

    def _now(self) -> datetime:
        return self._client.now()

    def _gate(
        self, operation: str, violations: Sequence[Violation], *, always: bool = False
    ) -> None:
        """The preflight gate: raise :class:`PreflightError` (nothing sent) when rules are
        broken and the client runs preflight checks. ``always`` is for requests that cannot
        be sent as given whatever the option (a page size the SDK would loop on, a missing
        id). Rules the SDK cannot judge offline are dropped."""
        if not violations or not (always or self._client.options.preflight):
            return
        found = [v for v in violations if v.rule not in NOT_JUDGED_OFFLINE]
        if found:
            raise PreflightError(found, operation=operation)


class SyncResource(Resource[Client]):
    """Base of the sync resources: ``_run`` sends a :class:`Call` and reads the answer."""

    @overload
    def _run(self, call: Call, into: type[M]) -> M: ...
    @overload
    def _run(self, call: Call, into: Callable[[Any], R]) -> R: ...
    def _run(self, call: Call, into: Any) -> Any:
        client = self._client
        if call.control:
            answer = client.send_control(call.method, call.path, json=call.body)
            return into.model_validate(answer) if _is_model(into) else into(answer)
        if _is_model(into):
            return client.request_model(
                call.method, call.path, into, params=call.params, json=call.body
            )
        return into(client.request(call.method, call.path, params=call.params, json=call.body))


class AsyncResource(Resource[AsyncClient]):
    """Base of the async resources: the awaitable twin of :meth:`SyncResource._run`."""

    @overload
    async def _run(self, call: Call, into: type[M]) -> M: ...
    @overload
    async def _run(self, call: Call, into: Callable[[Any], R]) -> R: ...
    async def _run(self, call: Call, into: Any) -> Any:
        client = self._client
        if call.control:
            answer = await client.send_control(call.method, call.path, json=call.body)
            return into.model_validate(answer) if _is_model(into) else into(answer)
        if _is_model(into):
            return await client.request_model(
                call.method, call.path, into, params=call.params, json=call.body
            )
        answer = await client.request(call.method, call.path, params=call.params, json=call.body)
        return into(answer)


def _is_model(into: Any) -> bool:
    return isinstance(into, type) and issubclass(into, BaseModel)


def walk_ranges(
    ranges: Sequence[tuple[date, date]],
    fetch: Callable[[date, date, str | None], Page[T]],
    key: Callable[[T], Hashable],
    *,
    limit: int | None = None,
) -> Iterator[T]:
    """Every item of every range (each paged by ``nextToken``: ``fetch(start, end, token)``),
    each item once by ``key``, at most ``limit`` items; pages are fetched lazily."""
    return _walk_ranges(ranges, fetch, key, limit)


def _walk_ranges(
    ranges: Sequence[tuple[date, date]],
    fetch: Callable[[date, date, str | None], Page[T]],
    key: Callable[[T], Hashable],
    limit: int | None,
) -> Iterator[T]:
    seen: set[Hashable] = set()
    if limit is not None and limit <= 0:
        return
    for start, end in ranges:
        for item in iter_next_token(partial(fetch, start, end)):
            if key(item) not in seen:
                seen.add(key(item))
                yield item
                if limit is not None and len(seen) >= limit:
                    return


def awalk_ranges(
    ranges: Sequence[tuple[date, date]],
    fetch: Callable[[date, date, str | None], Awaitable[Page[T]]],
    key: Callable[[T], Hashable],
    *,
    limit: int | None = None,
) -> AsyncIterator[T]:
    """Async twin of :func:`walk_ranges`: ``fetch`` returns an awaitable page."""
    return _awalk_ranges(ranges, fetch, key, limit)


async def _awalk_ranges(
    ranges: Sequence[tuple[date, date]],
    fetch: Callable[[date, date, str | None], Awaitable[Page[T]]],
    key: Callable[[T], Hashable],
    limit: int | None,
) -> AsyncIterator[T]:
    seen: set[Hashable] = set()
    if limit is not None and limit <= 0:
        return
    for start, end in ranges:
        async for item in aiter_next_token(partial(fetch, start, end)):
            if key(item) not in seen:
                seen.add(key(item))
                yield item
                if limit is not None and len(seen) >= limit:
                    return
