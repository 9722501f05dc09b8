"""The conformance check shared by every group's tests: the field names of a documented
sample, recursively, must be in the sandbox's answer (extra fields are allowed)."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any


def missing_fields(
    expected: Any, actual: Any, path: str = "$", *, opaque: Collection[str] = ()
) -> list[str]:
    """JSON paths of the fields of ``expected`` absent from ``actual``.

    Objects are compared by key; a list's elements each against the sample's first element.
    Keys in ``opaque`` must be present but their contents are free (e.g. maps of any keys).
    An empty sample object or list asks for nothing inside.
    """
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{path} (expected an object)"] if expected else []
        out: list[str] = []
        for key, value in expected.items():
            if key not in actual:
                out.append(f"{path}.{key}")
            elif key not in opaque:
                out += missing_fields(value, actual[key], f"{path}.{key}", opaque=opaque)
        return out
    if isinstance(expected, list) and expected:
        if not isinstance(actual, list) or not actual:
            return [f"{path}[] (expected a non-empty list)"]
        return [
            m
            for element in actual
            for m in missing_fields(expected[0], element, f"{path}[]", opaque=opaque)
        ]
    return []
