"""Field-level checks shared by the product rules: presence, JSON type, enum, length, bounds.

Every helper appends to ``out`` and returns the coerced value (``None`` when absent or
unusable), so the caller can go on with the cross-field rules only when the inputs are sound.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from typing import Any

from coupang_seller.preflight._core import Violation, as_bool, as_int, is_blank


def text(
    value: Any,
    field: str,
    out: list[Violation],
    *,
    required: bool,
    max_length: int | None = None,
    numbers_ok: bool = False,
) -> str | None:
    """A string field; ``numbers_ok`` also takes a JSON integer (codes typed String in the docs)."""
    name = field.rsplit(".", 1)[-1]
    if is_blank(value):
        if required:
            out.append(Violation(field, "required", f"{name} is required"))
        return None
    if numbers_ok and isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        out.append(
            Violation(field, "type", f"{name} must be a string (got {type(value).__name__})")
        )
        return None
    if max_length is not None and len(value) > max_length:
        out.append(
            Violation(
                field,
                "max_length",
                f"{name} is at most {max_length} characters (got {len(value)})",
            )
        )
    return value


def number(
    value: Any,
    field: str,
    out: list[Violation],
    *,
    required: bool,
    minimum: int | None = 0,
) -> int | None:
    """A whole number (JSON number or digit string, as the docs' samples send)."""
    name = field.rsplit(".", 1)[-1]
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            out.append(Violation(field, "required", f"{name} is required"))
        return None
    result = as_int(value)
    if result is None:
        out.append(Violation(field, "type", f"{name} must be a whole number (got {value!r:.40})"))
        return None
    if minimum is not None and result < minimum:
        out.append(
            Violation(field, "min_value", f"{name} must be at least {minimum:,} (got {result:,})")
        )
    return result


def flag(value: Any, field: str, out: list[Violation], *, required: bool) -> bool | None:
    """``true``/``false`` (or their string forms, which the docs' samples send)."""
    name = field.rsplit(".", 1)[-1]
    if value is None:
        if required:
            out.append(Violation(field, "required", f"{name} is required (true or false)"))
        return None
    result = as_bool(value)
    if result is None:
        out.append(Violation(field, "type", f"{name} must be true or false (got {value!r:.40})"))
    return result


def choice(
    value: Any,
    field: str,
    out: list[Violation],
    allowed: Collection[str],
    *,
    required: bool,
) -> str | None:
    """One of the documented code values."""
    name = field.rsplit(".", 1)[-1]
    if is_blank(value):
        if required:
            out.append(Violation(field, "required", f"{name} is required ({', '.join(allowed)})"))
        return None
    if not isinstance(value, str) or value not in allowed:
        out.append(
            Violation(
                field, "enum", f"{name} must be one of {', '.join(allowed)} (got {value!r:.60})"
            )
        )
        return None
    return value


def objects(
    value: Any, field: str, out: list[Violation], *, required: bool
) -> Iterator[tuple[int, Mapping[str, Any]]]:
    """The JSON objects of a list field, with their index; other entries become violations."""
    name = field.rsplit(".", 1)[-1]
    if value is None or value == []:
        if required:
            out.append(Violation(field, "required", f"{name} needs at least one entry"))
        return
    if not isinstance(value, list):
        out.append(Violation(field, "type", f"{name} must be a list of objects"))
        return
    for index, entry in enumerate(value):
        if isinstance(entry, Mapping):
            yield index, entry
        else:
            out.append(Violation(f"{field}[{index}]", "type", f"{name} entries must be objects"))


def strings(value: Any, field: str, out: list[Violation]) -> list[str]:
    """A list of strings (``searchTags``)."""
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        name = field.rsplit(".", 1)[-1]
        out.append(Violation(field, "type", f"{name} must be a list of strings"))
        return []
    return value
