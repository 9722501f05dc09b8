"""Seed files as plain values that remember their line: JSON (the decoder's positions) or YAML
(PyYAML's node marks). Every object is a :class:`Obj` (a dict with ``line`` and, for YAML, the
line of each key), every array a :class:`Arr` (a list with ``line`` and each entry's line)."""

from __future__ import annotations

import json
import json.decoder
import json.scanner
from pathlib import Path
from typing import Any

#: The pure-Python pieces of :mod:`json` (not in its type stubs): an object, an array, and the
#: scanner that calls a decoder's ``parse_object``/``parse_array`` hooks.
_JSON_OBJECT: Any = vars(json.decoder)["JSONObject"]
_JSON_ARRAY: Any = vars(json.decoder)["JSONArray"]
_MAKE_SCANNER: Any = vars(json.scanner)["py_make_scanner"]


class SeedError(ValueError):
    """A seed file that cannot be loaded: ``path:line: where: what``. Nothing was loaded."""

    def __init__(self, path: Path | str, line: int | None, where: str, message: str) -> None:
        self.path = str(path)
        self.line = line
        self.where = where
        self.reason = message
        place = self.path if line is None else f"{self.path}:{line}"
        super().__init__(f"{place}: {where + ': ' if where else ''}{message}")


class Obj(dict[str, Any]):
    """A JSON/YAML object and the line it starts on (and its keys' lines, when known)."""

    line: int
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        """The line of ``key`` (of the object when the format does not say)."""
        return self.key_lines.get(key, self.line)


class Arr(list[Any]):
    """A JSON/YAML array and the line it starts on (and each entry's, when known)."""

    line: int
    item_lines: list[int]

    def line_at(self, index: int) -> int:
        """The line of entry ``index``: its own for objects and arrays, else the array's."""
        item = self[index]
        if isinstance(item, Obj | Arr):
            return item.line
        return self.item_lines[index] if index < len(self.item_lines) else self.line


def _obj(pairs: list[tuple[str, Any]], line: int, key_lines: dict[str, int]) -> Obj:
    obj = Obj()
    obj.line = line
    obj.key_lines = key_lines
    for key, value in pairs:
        obj[key] = value
    return obj


def _arr(values: list[Any], line: int, item_lines: list[int]) -> Arr:
    arr = Arr(values)
    arr.line = line
    arr.item_lines = item_lines
    return arr


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def parse_json(text: str, path: Path | str) -> Any:
    """JSON with lines: each object and array knows the line of its opening bracket."""
    decoder = json.JSONDecoder()

    def parse_object(  # noqa: PLR0917 - the signature json's scanner calls
        s_and_end: tuple[str, int], strict: bool, scan_once: Any, hook: Any, pairs_hook: Any,
        memo: Any = None,
    ) -> tuple[Obj, int]:  # fmt: skip
        """A JSON object that remembers its line and its keys' lines."""
        source, end = s_and_end
        line = _line_of(source, end - 1)
        pairs, after = _JSON_OBJECT(
            s_and_end, strict, scan_once, None, lambda p: p, {} if memo is None else memo
        )
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise SeedError(path, line, key, "this key is given more than once")
            seen.add(key)
        return _obj(pairs, line, {}), after

    def parse_array(s_and_end: tuple[str, int], scan_once: Any) -> tuple[Arr, int]:
        """A JSON array that remembers its line."""
        source, end = s_and_end
        values, after = _JSON_ARRAY(s_and_end, scan_once)
        return _arr(values, _line_of(source, end - 1), []), after

    # The scanner reads these hooks off the decoder (``json.scanner.py_make_scanner``).
    hooks: Any = decoder
    hooks.parse_object = parse_object
    hooks.parse_array = parse_array
    hooks.scan_once = _MAKE_SCANNER(decoder)
    try:
        return decoder.decode(text)
    except json.JSONDecodeError as exc:
        raise SeedError(path, exc.lineno, "", f"not valid JSON: {exc.msg}") from None
    except RecursionError:
        raise SeedError(path, None, "", "nested too deeply") from None


def parse_yaml(text: str, path: Path | str) -> Any:
    """YAML with lines, from PyYAML's node marks (safe: plain data only)."""
    import yaml  # the sandbox extra's dependency, imported when a YAML seed is read

    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = None if mark is None else mark.line + 1
        raise SeedError(path, line, "", f"not valid YAML: {exc.problem or exc}") from None
    except yaml.YAMLError as exc:
        raise SeedError(path, None, "", f"not valid YAML: {exc}") from None
    if node is None:
        return None
    return _YamlBuilder(yaml, path).build(node)


class _YamlBuilder:
    """Plain data from a composed YAML node tree, each object and array with its lines."""

    def __init__(self, yaml: Any, path: Path | str) -> None:
        self.yaml = yaml
        self.path = path
        self.constructor = yaml.SafeLoader("")

    def build(self, current: Any) -> Any:
        """The value of ``current``: an object, an array or a scalar."""
        yaml = self.yaml
        line = current.start_mark.line + 1
        if isinstance(current, yaml.MappingNode):
            return self._mapping(current, line)
        if isinstance(current, yaml.SequenceNode):
            values = [self.build(item) for item in current.value]
            return _arr(values, line, [item.start_mark.line + 1 for item in current.value])
        try:
            return self.constructor.construct_object(current, deep=True)
        except yaml.YAMLError as exc:
            raise SeedError(self.path, line, "", f"not valid YAML: {exc}") from None

    def _mapping(self, current: Any, line: int) -> Any:
        """A mapping: ``<<: *anchor`` merges first, then its own keys (each once)."""
        yaml, path = self.yaml, self.path
        own = len([k for k, _ in current.value if k.tag != "tag:yaml.org,2002:merge"])
        try:
            self.constructor.flatten_mapping(current)  # ``<<: *anchor`` merges, before own keys
        except yaml.YAMLError as exc:
            raise SeedError(path, line, "", f"not valid YAML: {exc}") from None
        merged = len(current.value) - own
        pairs: dict[str, Any] = {}
        key_lines: dict[str, int] = {}
        for index, (key_node, value_node) in enumerate(current.value):
            key = self.build(key_node)
            if not isinstance(key, str):
                raise SeedError(path, line, str(key), "keys must be strings")
            if key in key_lines and index >= merged and key_lines[key] > 0:
                raise SeedError(
                    path, key_node.start_mark.line + 1, key, "this key is given more than once"
                )
            # a merged key keeps the line of the mapping that merges it
            key_lines[key] = key_node.start_mark.line + 1 if index >= merged else -line
            pairs[key] = self.build(value_node)
        lines = {k: abs(v) for k, v in key_lines.items()}
        return _obj(list(pairs.items()), line, lines)


def read_seed_file(path: Path) -> Any:
    """The file's document with lines (:class:`SeedError` for a file that cannot be read or
    parsed). ``.json`` is JSON; ``.yaml``/``.yml`` is YAML."""
    suffix = path.suffix.lower()
    if suffix not in (".json", ".yaml", ".yml"):
        raise SeedError(path, None, "", "a seed file is .json, .yaml or .yml")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SeedError(path, None, "", f"cannot read the file: {exc}") from None
    return parse_json(text, path) if suffix == ".json" else parse_yaml(text, path)
