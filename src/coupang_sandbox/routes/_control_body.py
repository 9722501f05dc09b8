"""Strict control-API bodies: every ``/_sandbox`` handler that takes a body declares the fields
it reads, and a field it does not know is refused (400, rule ``unknown_field``, naming it).

A silently ignored field is a test that passes for the wrong reason: ``{"frozen": true}`` on
the clock used to answer 200 while the clock kept running. Declarations are nested where the
handler reads inside an object (or a list of objects): ``{"items": {"vendorItemId": None}}``
checks every entry of ``items``; ``None`` leaves a value's inside alone (a free-form map).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any, TypeAlias

from starlette.responses import Response

from coupang_sandbox.errors import ValidationFailed
from coupang_sandbox.routes._base import Call, Handler
from coupang_seller.preflight import Violation

#: Accepted field -> the fields of its object (or of each object of its list), or ``None``.
Fields: TypeAlias = Mapping[str, "Fields | None"]

#: An object without fields: the endpoint takes no body (``{}`` or none at all).
NO_FIELDS: Fields = {}

_DECLARED = "_sandbox_control_fields"


def unknown_fields(value: Any, fields: Fields, path: str = "") -> list[Violation]:
    """A violation per field of ``value`` (an object, or a list of objects) not in ``fields``,
    at any declared depth. Values of other types are left to the handler's own checks."""
    if isinstance(value, list):
        return [
            found
            for index, entry in enumerate(value)
            for found in unknown_fields(entry, fields, f"{path}[{index}]")
        ]
    if not isinstance(value, Mapping):
        return []
    out: list[Violation] = []
    for key, item in value.items():
        name = f"{path}.{key}" if path else str(key)
        if key not in fields:
            accepted = ", ".join(fields) if fields else "none: this endpoint takes no body"
            out.append(
                Violation(
                    name,
                    "unknown_field",
                    f"{name} is not a field of this request (accepted: {accepted})",
                )
            )
            continue
        inner = fields[key]
        if inner is not None:
            out += unknown_fields(item, inner, name)
    return out


def accepts(fields: Fields) -> Callable[[Handler], Handler]:
    """Declare the body fields of a control handler; any other field is refused before it runs."""

    def declare(handler: Handler) -> Handler:
        """Wrap ``handler`` so that an unknown body field is refused first."""

        @functools.wraps(handler)
        def checked(call: Call) -> Response:
            """Refuse unknown body fields (naming each), then run the handler."""
            found = unknown_fields(call.body, fields)
            if found:
                raise ValidationFailed(found)
            return handler(call)

        setattr(checked, _DECLARED, fields)
        return checked

    return declare


def declared_fields(handler: Handler) -> Fields | None:
    """The fields ``handler`` declared with :func:`accepts`, or ``None`` when it did not."""
    fields: Fields | None = getattr(handler, _DECLARED, None)
    return fields
