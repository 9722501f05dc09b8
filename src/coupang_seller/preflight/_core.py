"""Shared vocabulary of the preflight rules: a :class:`Violation` names the field and the rule."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

_INT_RE = re.compile(r"^-?[0-9]+$")
_ID_RE = re.compile(r"[0-9]{1,18}")

#: The range of a signed 64-bit integer (Coupang's Java ``long``, the store's BIGINT).
INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1
#: Coupang's ids are positive integers of at most 18 digits (shipmentBoxIds have had 18
#: since 2024-11); every such number fits in a signed 64-bit integer.
ID_MAX_DIGITS = 18
ID_MAX = 10**ID_MAX_DIGITS - 1
#: Rule id of a value that is not such an id.
ID_FORMAT = "id_format"
#: The largest page number (or page size) a listing takes, so that offsets and limits stay
#: far inside 64 bits whatever the page size.
PAGE_MAX = 1_000_000


@dataclass(frozen=True, slots=True)
class Violation:
    """One broken rule.

    ``field`` is a JSON path into the request body (``placeAddresses[0].returnZipCode``),
    ``rule`` a stable identifier for programs (``postcode_format``) and ``message`` the
    human explanation, worded after Coupang's own error text where the docs give one.
    """

    field: str
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message} [{self.rule}]"

    def as_dict(self) -> dict[str, str]:
        """The violation as a JSON-ready dict: field, rule, message."""
        return {"field": self.field, "rule": self.rule, "message": self.message}


def is_blank(value: Any) -> bool:
    """True for None and for strings that are empty or whitespace."""
    return value is None or (isinstance(value, str) and not value.strip())


def as_int(value: Any) -> int | None:
    """Coerce a JSON number or a digit string (the docs' samples send ``"5000"``) to ``int``.

    Only values within a signed 64-bit integer (what Coupang's Java ``long`` and the store's
    BIGINT hold) count as numbers; ``1e308`` or ``2**63`` is ``None`` like any non-number.
    """
    number: int | None = None
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    elif isinstance(value, str):
        text = value.strip()
        if len(text) <= 20 and _INT_RE.match(text):
            number = int(text)
    if number is None or not INT64_MIN <= number <= INT64_MAX:
        return None
    return number


def as_id(value: Any, *, minimum: int = 1) -> int | None:
    """An id: an integer of at most 18 digits, at least ``minimum``; else ``None``.

    The one bounded id rule of the SDK's preflight and the sandbox. A JSON integer or a
    string of ASCII digits (Coupang's paths, queries and many bodies carry ids as text);
    never a boolean, a float (``1.0``, ``1e308``) or a signed or spaced string.
    """
    number: int | None = None
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and _ID_RE.fullmatch(value):
        number = int(value)
    if number is None or not minimum <= number <= ID_MAX:
        return None
    return number


def as_page(value: Any) -> int | None:
    """A page number, page index or page size: a whole number from 1 to :data:`PAGE_MAX`."""
    number = as_int(value)
    if number is None or not 1 <= number <= PAGE_MAX:
        return None
    return number


def id_violation(field: str, value: Any) -> Violation:
    """The refusal of a value that is not an id, naming the field (rule ``id_format``)."""
    shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "..."
    return Violation(
        field,
        ID_FORMAT,
        f"{field} must be a positive integer of at most {ID_MAX_DIGITS} digits (got {shown})",
    )


def as_bool(value: Any) -> bool | None:
    """Coerce ``true``/``false`` or their string forms (the docs send ``"false"``)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return None


def mapping_list(value: Any) -> Sequence[Mapping[str, Any]] | None:
    """Return ``value`` when it is a list of JSON objects, else ``None``."""
    if isinstance(value, list) and all(isinstance(v, Mapping) for v in value):
        return value
    return None
