"""Reading numeric ids and codes from paths, queries and bodies, one way for every backend."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from coupang_seller.preflight import Violation
from coupang_seller.preflight._core import as_int

#: Ids are stored as signed 64-bit integers (shipmentBoxId has up to 18 digits).
ID_LIMIT = 2**63


def parse_id(text: object, *, minimum: int = 0) -> int | None:
    """ASCII digits that fit in a signed 64-bit integer and are at least ``minimum``; else ``None``."""
    value = as_int(text)
    if value is None or value < minimum or value >= ID_LIMIT:
        return None
    return value


def body_id_mismatch(body: Mapping[str, Any], name: str, path_text: object) -> list[Violation]:
    """The id ``name`` repeated in the body must be the path's (absent is fine)."""
    given = body.get(name)
    if given is None or as_int(given) == parse_id(path_text):
        return []
    return [Violation(name, "mismatch", f"{name} of the body differs from the path")]
