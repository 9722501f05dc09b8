"""Printing for people (plain lines) and for scripts (``--json``)."""

from __future__ import annotations

import json
import sys
from typing import Any, TextIO

from pydantic import BaseModel


def to_jsonable(value: Any) -> Any:
    """Turn models (by alias, without None), lists and dicts into plain JSON-ready values."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_none=True)
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: to_jsonable(v) for k, v in value.items()}
    return value


class Output:
    """Where the CLI prints: human lines, or JSON with ``--json``; errors always go to stderr."""

    def __init__(
        self, *, as_json: bool, out: TextIO | None = None, err: TextIO | None = None
    ) -> None:
        self.as_json = as_json
        self.out = out or sys.stdout
        self.err = err or sys.stderr

    def line(self, text: str = "") -> None:
        """Print a human line (suppressed in ``--json`` mode)."""
        if not self.as_json:
            print(text, file=self.out)

    def data(self, value: Any) -> None:
        """Print ``value`` as indented JSON in ``--json`` mode (nothing otherwise: callers print lines)."""
        if self.as_json:
            print(json.dumps(to_jsonable(value), ensure_ascii=False, indent=2), file=self.out)

    def error(self, text: str, *, payload: dict[str, Any] | None = None) -> None:
        """Print ``error: text`` on stderr; in ``--json`` mode also a ``{"error": ...}`` object on stdout."""
        if self.as_json:
            print(
                json.dumps({"error": payload or {"message": text}}, ensure_ascii=False),
                file=self.out,
            )
        print(f"error: {text}", file=self.err)
