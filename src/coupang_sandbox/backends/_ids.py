"""Reading numeric ids and codes from paths, queries and bodies, one way for every backend."""

from __future__ import annotations

from coupang_seller.preflight._core import as_int

#: Ids are stored as signed 64-bit integers (shipmentBoxId has up to 18 digits).
ID_LIMIT = 2**63


def parse_id(text: object, *, minimum: int = 0) -> int | None:
    """ASCII digits that fit in a signed 64-bit integer and are at least ``minimum``; else ``None``."""
    value = as_int(text)
    if value is None or value < minimum or value >= ID_LIMIT:
        return None
    return value
