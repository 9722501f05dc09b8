"""Raw control characters inside JSON strings: the body reader names every such field."""

from __future__ import annotations

import pytest

from coupang_sandbox.errors import BadRequest, ValidationFailed
from coupang_sandbox.routes._base import _raise_unescaped, _unescaped_fields


def test_paths_of_fields_with_raw_control_characters() -> None:
    value = {"a": {"b": ["ok", "x\ny"]}, "c": "t\tab", "d": 1, "e": "fine\\n"}
    assert _unescaped_fields(value) == ["a.b[1]", "c"]
    assert _unescaped_fields("\r") == ["$"]
    assert _unescaped_fields(["fine"]) == []


def test_raise_names_fields_and_rule() -> None:
    with pytest.raises(ValidationFailed) as refused:
        _raise_unescaped(b'{"content": "line one\nline two", "n": 1}')
    assert refused.value.body()["errors"] == [
        {
            "field": "content",
            "rule": "json_escape",
            "message": refused.value.body()["errors"][0]["message"],
        }
    ]


def test_broken_json_is_left_to_the_parse_error() -> None:
    _raise_unescaped(b'{"content": "a\nb"')  # not JSON even loosely: nothing raised here
    assert issubclass(ValidationFailed, BadRequest)
