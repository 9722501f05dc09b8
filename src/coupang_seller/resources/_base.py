"""Plumbing shared by resource classes: preflight gate and envelope unwrapping."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Generic, TypeVar

from coupang_seller._client import AsyncClient, Client
from coupang_seller._exceptions import PreflightError
from coupang_seller.preflight._core import Violation

ClientT = TypeVar("ClientT", Client, AsyncClient)


class Resource(Generic[ClientT]):
    def __init__(self, client: ClientT) -> None:
        self._client: ClientT = client

    @property
    def _vendor_id(self) -> str:
        return self._client.vendor_id

    def _user_id(self, given: str | None) -> str | None:
        return given or self._client.options.user_id

    def _refuse(self, violations: list[Violation], operation: str) -> None:
        """Raise :class:`PreflightError` (nothing sent) when rules are broken and the client
        runs preflight checks."""
        if violations and self._client.options.preflight:
            raise PreflightError(violations, operation=operation)

    def _preflight(
        self,
        operation: str,
        check: Callable[[Mapping[str, Any]], list[Violation]],
        body: Mapping[str, Any],
    ) -> None:
        if not self._client.options.preflight:
            return
        violations = check(body)
        if violations:
            raise PreflightError(violations, operation=operation)


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
    data = envelope_data(envelope)
    if isinstance(data, dict):
        return str(data.get("resultMessage", ""))
    return "" if data is None else str(data)
