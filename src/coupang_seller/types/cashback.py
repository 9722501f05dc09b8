"""Item cashback (상품 캐시백) answers: the apply result and one option's rule.

Field names are Coupang's. The apply answer lists the options that took the rule
(``successVendorItemIds``, ids as strings in the documented sample) and the ones that did not
(``failVendorItemIds``: one ``{vendorItemId: reason}`` object each); its envelope ``code`` is
200 when every option took the rule and 206 (``PARTIAL_CONTENT``) when some did not.
"""

from __future__ import annotations

from typing import Any, Final

from coupang_seller.types._base import CoupangModel

__all__ = ["CASHBACK_VALUE_TYPES", "CashbackApplyResult", "CashbackRule"]

#: valueType: 정액 (per order line), 정률 (percentage, capped by maxAmount), 수량별 정액.
CASHBACK_VALUE_TYPES: Final = ("FIXED", "RATE", "FIXED_WITH_QUANTITY")


class CashbackApplyResult(CoupangModel):
    """``data`` of an apply, with the envelope's ``code`` (200, or 206 when partial)."""

    code: int | str | None = None
    message: str | None = None
    successVendorItemIds: list[int | str] = []
    failVendorItemIds: list[dict[str, Any]] = []

    @property
    def succeeded(self) -> list[int]:
        """The option ids that took the rule."""
        return [int(v) for v in self.successVendorItemIds]

    @property
    def failures(self) -> dict[int, str]:
        """``{vendorItemId: reason}`` of the options that did not."""
        out: dict[int, str] = {}
        for entry in self.failVendorItemIds:
            for key, reason in entry.items():
                out[int(key)] = str(reason)
        return out

    @property
    def partial(self) -> bool:
        """True when some vendor items failed (failVendorItemIds is not empty)."""
        return bool(self.failVendorItemIds)


class CashbackRule(CoupangModel):
    """The cashback rule applied to one option (the lookup's ``data``)."""

    ruleId: int | None = None
    vendorId: str | None = None
    vendorItemId: int | str | None = None
    valueType: str | None = None
    value: int | str | None = None
    maxAmount: int | str | None = None
    #: ``yyyy-MM-dd HH:mm:ss`` in Korean time.
    startAt: str | None = None
    endAt: str | None = None
    #: True once the rule was removed from the option (DELETE).
    disabled: bool | None = None
    disabledAt: str | None = None
