"""Reading numeric ids and codes from paths, queries and bodies, one way for every backend.

The rule is the SDK preflight's :func:`coupang_seller.preflight._core.as_id` (an integer of at
most 18 digits, as a JSON integer or a digit string; never a boolean or a float), so the
sandbox refuses exactly what the SDK refuses before sending. Every id read from a request goes
through :func:`parse_id` (``None`` for a non-id); a refusal names the field with
:func:`~coupang_seller.preflight._core.id_violation` (rule ``id_format``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from coupang_seller.preflight import Violation
from coupang_seller.preflight._core import ID_MAX, as_id, id_violation

#: Ids are stored as signed 64-bit integers; an id has at most 18 digits, so any id fits.
ID_LIMIT = ID_MAX + 1


def parse_id(text: object, *, minimum: int = 1) -> int | None:
    """An id of at most 18 digits that is at least ``minimum``; else ``None``."""
    return as_id(text, minimum=minimum)


def body_id_mismatch(body: Mapping[str, Any], name: str, path_text: object) -> list[Violation]:
    """The id ``name`` repeated in the body must be the path's (absent is fine)."""
    given = body.get(name)
    if given is None:
        return []
    if as_id(given) is None:
        return [id_violation(name, given)]
    if as_id(given) == parse_id(path_text):
        return []
    return [Violation(name, "mismatch", f"{name} of the body differs from the path")]
