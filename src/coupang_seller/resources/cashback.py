"""Item cashback (상품 캐시백), sync and async side by side: ``client.cashback``.

A cashback rule is a contract with Coupang's sales team; its ``ruleId`` comes with the
contract. :meth:`Cashback.apply` puts the rule on up to 50 approved options at once, from a
start at least 2 hours ahead (checked against the client's clock before sending) to an end
after it; :meth:`Cashback.get` reads the rule of one option and :meth:`Cashback.remove`
stops it for that option (the lookup then shows ``disabled``). The newer docs title these
endpoints as books (도서) cashback; the path and body are unchanged.

Value types: ``FIXED`` (``value`` won per order line), ``RATE`` (``value`` % of the paid
amount, 1-100, capped by ``max_amount``, which RATE requires) and ``FIXED_WITH_QUANTITY``
(``value`` won per unit). Naive datetimes are Korean time. An apply is not retried (no
idempotency key); it answers 200, or 206 when only some options took the rule
(:attr:`CashbackApplyResult.failures` says why for the others).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from coupang_seller import _endpoints as E
from coupang_seller._client import AsyncClient, Client
from coupang_seller._core import path_param
from coupang_seller._windows import require_datetimes
from coupang_seller.preflight import cashback as rules
from coupang_seller.resources._base import (
    AsyncResource,
    Call,
    ClientT,
    Resource,
    SyncResource,
    data_of,
    envelope_data,
    nothing,
)
from coupang_seller.types.cashback import CashbackApplyResult, CashbackRule
from coupang_seller.types.codes import CashbackValueType

__all__ = ["AsyncCashback", "Cashback"]

ValueType = CashbackValueType


def _time_text(value: datetime | str) -> str:
    return rules.format_time(value) if isinstance(value, datetime) else value


def _apply_result(envelope: Any) -> CashbackApplyResult:
    data = envelope_data(envelope)
    fields: dict[str, Any] = dict(data) if isinstance(data, dict) else {}
    if isinstance(envelope, dict):
        fields["code"] = envelope.get("code")
        fields["message"] = envelope.get("message")
    return CashbackApplyResult.model_validate(fields)


class _CashbackOps(Resource[ClientT]):
    def _path(self) -> str:
        return E.CASHBACK_APPLY.format(vendorId=path_param(self._vendor_id, "vendorId"))

    def _apply_call(
        self,
        *,
        rule_id: int | str,
        value_type: str,
        value: int,
        vendor_item_ids: Sequence[int | str],
        start_at: datetime,
        end_at: datetime,
        max_amount: int | None,
    ) -> Call:
        if (
            isinstance(start_at, datetime)
            and isinstance(end_at, datetime)
            and (start_at.tzinfo is None) != (end_at.tzinfo is None)
        ):
            raise ValueError("start_at and end_at must both be naive or both be aware")
        body: dict[str, Any] = {
            "ruleId": rule_id,
            "valueType": value_type,
            "value": value,
            "vendorItemIds": list(vendor_item_ids),
            "startAt": _time_text(start_at),
            "endAt": _time_text(end_at),
        }
        if max_amount is not None:
            body["maxAmount"] = max_amount
        if self._checks:
            self._gate("cashback.apply", rules.check_apply(body, now=self._now()))
        return Call("POST", self._path(), body=body)

    def _lookup_call(
        self, method: str, rule_id: int | str, vendor_item_id: int | str, operation: str
    ) -> Call:
        self._gate(operation, rules.check_lookup(rule_id, vendor_item_id))
        params = {"ruleId": str(rule_id), "vendorItemId": str(vendor_item_id)}
        return Call(method, self._path(), params)


class Cashback(_CashbackOps[Client], SyncResource):
    """``client.cashback``: cashback rules on options (contracted with Coupang)."""

    def apply(
        self,
        *,
        rule_id: int | str,
        value_type: ValueType,
        value: int,
        vendor_item_ids: Sequence[int | str],
        start_at: datetime,
        end_at: datetime,
        max_amount: int | None = None,
    ) -> CashbackApplyResult:
        """Put rule ``rule_id`` on 1-50 approved options from ``start_at`` (>= now + 2 h,
        :meth:`Client.now`) to ``end_at``. ``max_amount`` caps a RATE cashback (required).

        Returns the :class:`CashbackApplyResult` (``failures`` lists the options that did not
        take the rule, HTTP 206). Raises :class:`PreflightError` for a broken rule (nothing
        sent), an :class:`APIError` subclass when Coupang refuses or cannot be reached.

        Calls ``POST /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/products/items/cashback``.
        """
        require_datetimes(start_at=start_at, end_at=end_at)
        call = self._apply_call(
            rule_id=rule_id, value_type=value_type, value=value,
            vendor_item_ids=vendor_item_ids, start_at=start_at, end_at=end_at,
            max_amount=max_amount,
        )  # fmt: skip
        return self._run(call, _apply_result)

    def get(self, rule_id: int | str, vendor_item_id: int | str) -> CashbackRule:
        """The rule ``rule_id`` as applied to one option (``disabled`` once removed).

        Returns a :class:`CashbackRule`. Raises :class:`PreflightError` for a malformed id,
        :class:`NotFoundError` when the option has no such rule.

        Calls ``GET /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/products/items/cashback``.
        """
        return self._run(self._lookup_call("GET", rule_id, vendor_item_id, "cashback.get"),
                         data_of(CashbackRule))  # fmt: skip

    def remove(self, rule_id: int | str, vendor_item_id: int | str) -> None:
        """Stop rule ``rule_id`` for one option.

        Returns nothing. Raises :class:`PreflightError` for a malformed id, an
        :class:`APIError` subclass when Coupang refuses.

        Calls ``DELETE
        /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/products/items/cashback``.
        """
        self._run(self._lookup_call("DELETE", rule_id, vendor_item_id, "cashback.remove"), nothing)


class AsyncCashback(_CashbackOps[AsyncClient], AsyncResource):
    """``client.cashback`` of :class:`AsyncClient`: the async twin of :class:`Cashback`."""

    async def apply(
        self,
        *,
        rule_id: int | str,
        value_type: ValueType,
        value: int,
        vendor_item_ids: Sequence[int | str],
        start_at: datetime,
        end_at: datetime,
        max_amount: int | None = None,
    ) -> CashbackApplyResult:
        """Put rule ``rule_id`` on 1-50 approved options from ``start_at`` (>= now + 2 h,
        :meth:`Client.now`) to ``end_at``. ``max_amount`` caps a RATE cashback (required).

        Returns the :class:`CashbackApplyResult` (``failures`` lists the options that did not
        take the rule, HTTP 206). Raises :class:`PreflightError` for a broken rule (nothing
        sent), an :class:`APIError` subclass when Coupang refuses or cannot be reached.

        Calls ``POST /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/products/items/cashback``.
        """
        require_datetimes(start_at=start_at, end_at=end_at)
        call = self._apply_call(
            rule_id=rule_id, value_type=value_type, value=value,
            vendor_item_ids=vendor_item_ids, start_at=start_at, end_at=end_at,
            max_amount=max_amount,
        )  # fmt: skip
        return await self._run(call, _apply_result)

    async def get(self, rule_id: int | str, vendor_item_id: int | str) -> CashbackRule:
        """The rule ``rule_id`` as applied to one option (``disabled`` once removed).

        Returns a :class:`CashbackRule`. Raises :class:`PreflightError` for a malformed id,
        :class:`NotFoundError` when the option has no such rule.

        Calls ``GET /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/products/items/cashback``.
        """
        return await self._run(self._lookup_call("GET", rule_id, vendor_item_id, "cashback.get"),
                               data_of(CashbackRule))  # fmt: skip

    async def remove(self, rule_id: int | str, vendor_item_id: int | str) -> None:
        """Stop rule ``rule_id`` for one option.

        Returns nothing. Raises :class:`PreflightError` for a malformed id, an
        :class:`APIError` subclass when Coupang refuses.

        Calls ``DELETE
        /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/products/items/cashback``.
        """
        await self._run(
            self._lookup_call("DELETE", rule_id, vendor_item_id, "cashback.remove"), nothing
        )
