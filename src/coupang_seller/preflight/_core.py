"""Shared vocabulary of the preflight rules: a :class:`Violation` names the field and the rule."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

_INT_RE = re.compile(r"^-?[0-9]+$")


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
        return {"field": self.field, "rule": self.rule, "message": self.message}


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def as_int(value: Any) -> int | None:
    """Coerce a JSON number or a digit string (the docs' samples send ``"5000"``) to ``int``."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        text = value.strip()
        if len(text) <= 30 and _INT_RE.match(text):
            return int(text)
    return None


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
