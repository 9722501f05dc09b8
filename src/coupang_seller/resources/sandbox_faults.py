"""``client.sandbox.faults``: the sandbox's fault injection (``/_sandbox/faults``).

A rule makes the sandbox answer as Coupang does on a bad day (a 429 with a block, the HTML
block page, a 5xx, a 504 after 3 s, a dropped connection, a write whose answer is lost, null
fields, late orders); ``docs/FAULTS.md`` lists the kinds and what the SDK does about each.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from coupang_seller._core import path_param
from coupang_seller.resources._base import (
    AsyncResource,
    Call,
    SyncResource,
    data_of,
    envelope_data,
)
from coupang_seller.types.sandbox import SandboxFault

__all__ = ["AsyncSandboxFaultHelpers", "FaultKind", "SandboxFaultHelpers"]

FaultKind = Literal[
    "rate_limit",
    "block_page",
    "redirect_block",
    "error",
    "gateway_timeout",
    "latency",
    "reset",
    "commit_then_drop",
    "null_fields",
    "late_visibility",
]


def _fault_body(kind: str, **given: Any) -> dict[str, Any]:
    """The rule's body: ``kind`` and every option given (camelCase), ``None`` left out."""
    names = {
        "path_regex": "pathRegex",
        "vendor_id": "vendorId",
        "writes_only": "writesOnly",
        "for_seconds": "forSeconds",
        "block_seconds": "blockSeconds",
        "latency_seconds": "latencySeconds",
        "jitter_seconds": "jitterSeconds",
        "extra_seconds": "extraSeconds",
    }
    body: dict[str, Any] = {"kind": kind}
    for name, value in given.items():
        if value is None or (name == "writes_only" and value is False):
            continue
        body[names.get(name, name)] = list(value) if name == "fields" else value
    return body


def _faults_of(answer: Any) -> list[SandboxFault]:
    """The rules of ``GET /_sandbox/faults``."""
    data = envelope_data(answer) or {}
    return [SandboxFault.model_validate(rule) for rule in data.get("faults") or []]


def _removed_of(answer: Any) -> int:
    """How many rules ``DELETE /_sandbox/faults`` removed."""
    data = envelope_data(answer) or {}
    return int(data.get("removed") or 0)


def _fault_path(fault_id: int | str) -> str:
    return f"/_sandbox/faults/{path_param(fault_id, 'id')}"


def _nothing(answer: Any) -> None:
    """A removal answers nothing the caller needs."""


class SandboxFaultHelpers(SyncResource):
    """``client.sandbox.faults``: add, list, remove and clear fault rules."""

    def add(
        self,
        kind: FaultKind,
        *,
        method: str | None = None,
        path: str | None = None,
        path_regex: str | None = None,
        operation: str | None = None,
        vendor_id: str | None = None,
        writes_only: bool = False,
        probability: float | None = None,
        seed: int | None = None,
        times: int | None = None,
        for_seconds: float | None = None,
        block_seconds: float | None = None,
        location: str | None = None,
        status: int | None = None,
        latency_seconds: float | None = None,
        jitter_seconds: float | None = None,
        then: Literal["drop", "504"] | None = None,
        fields: Sequence[str] | None = None,
        extra_seconds: float | None = None,
    ) -> SandboxFault:
        """Add a fault rule: which signed requests it applies to (``method``, a ``path`` glob
        or ``path_regex``, an SDK ``operation`` such as ``"orders.acknowledge"``,
        ``vendor_id``, ``writes_only``), how often (``probability`` drawn from ``seed``, at
        most ``times``, within ``for_seconds`` of the sandbox clock) and what it does
        (``kind`` and its fields: ``block_seconds``, ``location``, ``status``,
        ``latency_seconds``, ``jitter_seconds``, ``then``, ``fields``, ``extra_seconds``).

        Calls ``POST /_sandbox/faults`` (the sandbox's control API). Returns the
        :class:`SandboxFault` with its ``id`` (and its ``seed``, drawn when not given). Raises
        an :class:`APIError` subclass when the sandbox refuses (:class:`ValidationError`
        naming the field and rule for an unknown kind, a probability outside 0-1, a malformed
        pattern or a field of another kind; :class:`NotFoundError` on a production server).
        """
        body = _fault_body(
            kind, method=method, path=path, path_regex=path_regex, operation=operation,
            vendor_id=vendor_id, writes_only=writes_only, probability=probability, seed=seed,
            times=times, for_seconds=for_seconds, block_seconds=block_seconds,
            location=location, status=status, latency_seconds=latency_seconds,
            jitter_seconds=jitter_seconds, then=then, fields=fields, extra_seconds=extra_seconds,
        )  # fmt: skip
        return self._run(
            Call("POST", "/_sandbox/faults", body=body, control=True), data_of(SandboxFault)
        )

    def list(self) -> list[SandboxFault]:
        """Every fault rule with its counters (``hits``, ``matched``), oldest first.

        Calls ``GET /_sandbox/faults`` (the sandbox's control API). Returns a list of
        :class:`SandboxFault`. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` on a production server).
        """
        return self._run(Call("GET", "/_sandbox/faults", control=True), _faults_of)

    def remove(self, fault_id: int | str) -> None:
        """Remove one fault rule.

        Calls ``DELETE /_sandbox/faults/{id}`` (the sandbox's control API). Returns nothing.
        Raises an :class:`APIError` subclass when the sandbox refuses (:class:`NotFoundError`
        for an unknown id or a production server).
        """
        self._run(Call("DELETE", _fault_path(fault_id), control=True), _nothing)

    def clear(self) -> int:
        """Remove every fault rule (and lift the vendor blocks ``rate_limit`` rules placed).

        Calls ``DELETE /_sandbox/faults`` (the sandbox's control API). Returns the number of
        rules removed. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` on a production server).
        """
        return self._run(Call("DELETE", "/_sandbox/faults", control=True), _removed_of)


class AsyncSandboxFaultHelpers(AsyncResource):
    """``client.sandbox.faults``: add, list, remove and clear fault rules."""

    async def add(
        self,
        kind: FaultKind,
        *,
        method: str | None = None,
        path: str | None = None,
        path_regex: str | None = None,
        operation: str | None = None,
        vendor_id: str | None = None,
        writes_only: bool = False,
        probability: float | None = None,
        seed: int | None = None,
        times: int | None = None,
        for_seconds: float | None = None,
        block_seconds: float | None = None,
        location: str | None = None,
        status: int | None = None,
        latency_seconds: float | None = None,
        jitter_seconds: float | None = None,
        then: Literal["drop", "504"] | None = None,
        fields: Sequence[str] | None = None,
        extra_seconds: float | None = None,
    ) -> SandboxFault:
        """Add a fault rule: which signed requests it applies to (``method``, a ``path`` glob
        or ``path_regex``, an SDK ``operation`` such as ``"orders.acknowledge"``,
        ``vendor_id``, ``writes_only``), how often (``probability`` drawn from ``seed``, at
        most ``times``, within ``for_seconds`` of the sandbox clock) and what it does
        (``kind`` and its fields: ``block_seconds``, ``location``, ``status``,
        ``latency_seconds``, ``jitter_seconds``, ``then``, ``fields``, ``extra_seconds``).

        Calls ``POST /_sandbox/faults`` (the sandbox's control API). Returns the
        :class:`SandboxFault` with its ``id`` (and its ``seed``, drawn when not given). Raises
        an :class:`APIError` subclass when the sandbox refuses (:class:`ValidationError`
        naming the field and rule for an unknown kind, a probability outside 0-1, a malformed
        pattern or a field of another kind; :class:`NotFoundError` on a production server).
        """
        body = _fault_body(
            kind, method=method, path=path, path_regex=path_regex, operation=operation,
            vendor_id=vendor_id, writes_only=writes_only, probability=probability, seed=seed,
            times=times, for_seconds=for_seconds, block_seconds=block_seconds,
            location=location, status=status, latency_seconds=latency_seconds,
            jitter_seconds=jitter_seconds, then=then, fields=fields, extra_seconds=extra_seconds,
        )  # fmt: skip
        return await self._run(
            Call("POST", "/_sandbox/faults", body=body, control=True), data_of(SandboxFault)
        )

    async def list(self) -> list[SandboxFault]:
        """Every fault rule with its counters (``hits``, ``matched``), oldest first.

        Calls ``GET /_sandbox/faults`` (the sandbox's control API). Returns a list of
        :class:`SandboxFault`. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` on a production server).
        """
        return await self._run(Call("GET", "/_sandbox/faults", control=True), _faults_of)

    async def remove(self, fault_id: int | str) -> None:
        """Remove one fault rule.

        Calls ``DELETE /_sandbox/faults/{id}`` (the sandbox's control API). Returns nothing.
        Raises an :class:`APIError` subclass when the sandbox refuses (:class:`NotFoundError`
        for an unknown id or a production server).
        """
        await self._run(Call("DELETE", _fault_path(fault_id), control=True), _nothing)

    async def clear(self) -> int:
        """Remove every fault rule (and lift the vendor blocks ``rate_limit`` rules placed).

        Calls ``DELETE /_sandbox/faults`` (the sandbox's control API). Returns the number of
        rules removed. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` on a production server).
        """
        return await self._run(Call("DELETE", "/_sandbox/faults", control=True), _removed_of)
