"""Derive the parameter, body and response shapes of every documented endpoint into the sandbox.

Run by maintainers only (``python scripts/derive_openapi_shapes.py PATH/TO/reference``); the
output, ``src/coupang_sandbox/openapi/_data/shapes.json``, is committed and deterministic, so
the OpenAPI generator (``coupang_sandbox.openapi``) never reads the reference folder.

For each catalog document with an endpoint and each post-2019 endpoint it writes one entry:

* ``key``, ``source`` (``catalog`` or ``newer``), ``group``, ``name`` and ``methods``;
* ``paths``: every documented path of the operation (current, older versions, season-1 and
  English-doc paths; the newer file's ``path`` may list several, split on ``;``);
* ``path_params`` / ``query_params``: ``{name, required, schema}`` (documented types mapped to
  JSON Schema 2020-12, enumerations from ``coupang-enums.json`` where a code table names the
  parameter); ``fixed_query`` when the documented path carries one (``action=expire``);
* ``body``: a JSON Schema of the request body (from the body tree, widened by the documented
  sample request where the two disagree), ``body_example`` (the sample request body);
* ``response``: a JSON Schema of the documented success body (response tree widened by the
  documented sample response: fields only in the sample are added, a field whose sample value
  has another JSON type accepts both, ``null`` only where the sample shows it); ``required``
  where the response table marks a field required. Extra fields are allowed everywhere.
* ``deprecated``: hidden from the site index, marked unavailable, or listed as removed.

Endpoints of the newer file that replace catalog documents (named in ``replaces``) inherit
their shapes; the others get the shape of their documented sample, or none (the generator
keeps those permissive).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

OUT = (
    Path(__file__).resolve().parent.parent
    / "src"
    / "coupang_sandbox"
    / "openapi"
    / "_data"
    / "shapes.json"
)

Schema = dict[str, Any]

_STRING = {"string", "datetime", "date", "char", "localdatetime", "localdate"}
_NUMBER = {"number", "double", "float", "bigdecimal"}
_INTEGER = {"integer", "long", "int", "short"}
_BOOLEAN = {"boolean", "bool"}
_ARRAY = {"array", "list", "set"}
_GENERIC = re.compile(r"^(?:list|array|set)\s*<\s*(\w+)\s*>$", re.IGNORECASE)
_PARAM = re.compile(r"\{[^}]+\}")
_VERSION = re.compile(r"/v\d+/")


def scalar_type(raw: str | None) -> str | None:
    """The JSON Schema type of a documented scalar type name (``None`` when unknown)."""
    name = (raw or "").strip().lower()
    if name in _STRING:
        return "string"
    if name in _NUMBER:
        return "number"
    if name in _INTEGER:
        return "integer"
    if name in _BOOLEAN:
        return "boolean"
    return None


def _types(schema: Schema) -> list[str]:
    value = schema.get("type")
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _set_types(schema: Schema, types: list[str]) -> None:
    order = ["object", "array", "string", "integer", "number", "boolean", "null"]
    unique = sorted(set(types), key=order.index)
    if "number" in unique and "integer" in unique:
        unique.remove("integer")
    if not unique:
        schema.pop("type", None)
    else:
        schema["type"] = unique[0] if len(unique) == 1 else unique


def node_schema(node: dict[str, Any], *, nullable: bool, required_flags: bool) -> Schema:
    """JSON Schema of one documented field (its children become properties or items)."""
    raw = (node.get("type") or "").strip()
    children = [c for c in node.get("children") or [] if c.get("name")]
    generic = _GENERIC.match(raw)
    lowered = raw.lower()
    schema: Schema = {}
    if len(children) == 1 and children[0]["name"].strip().lower() == "key":
        schema = {"type": "object", "additionalProperties": {}}  # a map: "Key" stands for any key
    elif children:
        inner = tree_schema(children, nullable=nullable, required_flags=required_flags)
        schema = {"type": "array", "items": inner} if lowered in _ARRAY or generic else inner
    elif generic:
        item_type = scalar_type(generic.group(1))
        schema = {"type": "array", "items": {"type": item_type} if item_type else {}}
    elif lowered in _ARRAY:
        schema = {"type": "array", "items": {}}
    elif lowered == "object":
        schema = {"type": "object"}
    else:
        kind = scalar_type(raw)
        if kind is not None:
            schema = {"type": kind}
        elif raw and raw[0].isupper() and raw.isascii() and raw.isalnum():
            schema = {"type": "object"}  # a named DTO (``OrderSheetResponse``)
    if nullable and schema.get("type"):
        _set_types(schema, [*_types(schema), "null"])
    return schema


def tree_schema(nodes: list[dict[str, Any]], *, nullable: bool, required_flags: bool) -> Schema:
    properties: dict[str, Schema] = {}
    required: list[str] = []
    for node in nodes:
        name = str(node.get("name") or "").strip()
        if not name or not re.fullmatch(r"[A-Za-z_$][\w$.\-]*", name):
            continue
        child = node_schema(node, nullable=nullable, required_flags=required_flags)
        if name in properties:
            merge_into(properties[name], child)
        else:
            properties[name] = child
        if required_flags and node.get("required") is True and name not in required:
            required.append(name)
    schema: Schema = {"type": "object", "properties": properties}
    if nullable:
        schema["type"] = ["object", "null"]
    if required:
        schema["required"] = required
    return schema


def json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def merge_into(schema: Schema, other: Schema) -> None:
    """Widen ``schema`` so it also accepts what ``other`` accepts (types, properties, items)."""
    if not schema:
        return
    if not other:
        schema.clear()
        return
    mine, theirs = _types(schema), _types(other)
    if not mine or not theirs:
        for key in ("type", "required", "enum"):
            schema.pop(key, None)
    else:
        _set_types(schema, mine + theirs)
    for name, sub in (other.get("properties") or {}).items():
        props = schema.setdefault("properties", {})
        if name in props:
            merge_into(props[name], sub)
        else:
            props[name] = sub
    if "items" in other:
        if "items" in schema:
            merge_into(schema["items"], other["items"])
        else:
            schema["items"] = other["items"]
    if "enum" in schema and "enum" not in other:
        schema.pop("enum")


def widen_with_sample(schema: Schema, sample: Any, *, nullable: bool) -> None:
    """Make ``schema`` accept the documented sample value (add types, fields, item shapes)."""
    if not schema:
        return  # already unconstrained
    kind = json_type(sample)
    types = _types(schema)
    if types and kind not in types and not (kind == "integer" and "number" in types):
        _set_types(schema, [*types, kind])
    if isinstance(sample, dict):
        if "additionalProperties" in schema:
            return  # a free-form map: the sample's keys and values are examples only
        props = schema.setdefault("properties", {})
        for key, value in sample.items():
            if key not in props:
                props[key] = sample_schema(value, nullable=nullable)
            else:
                widen_with_sample(props[key], value, nullable=nullable)
    elif isinstance(sample, list):
        items = schema.get("items")
        if items is None:
            schema["items"] = items = sample_schema(sample[0], nullable=nullable) if sample else {}
        for element in sample:
            widen_with_sample(items, element, nullable=nullable)
    if schema.get("enum") is not None and sample not in schema["enum"]:
        schema.pop("enum")


def sample_schema(value: Any, *, nullable: bool) -> Schema:
    """The shape of an undocumented sample value: its JSON type (``null`` gives no constraint)."""
    kind = json_type(value)
    if kind == "null":
        return {}
    schema: Schema = {"type": [kind, "null"] if nullable else kind}
    if isinstance(value, dict):
        schema["properties"] = {k: sample_schema(v, nullable=nullable) for k, v in value.items()}
    elif isinstance(value, list):
        schema["items"] = sample_schema(value[0], nullable=nullable) if value else {}
        for element in value[1:]:
            widen_with_sample(schema["items"], element, nullable=nullable)
    return schema


# -- enumerations ------------------------------------------------------------------------------

_ENUM_SOURCE = re.compile(r"^([\w-]+)/([\w-]+) (query|body|path):([\w.]+)$")


def enum_index(enums: list[dict[str, Any]]) -> dict[tuple[str, str, str], list[str]]:
    """``(document id, query|body|path, dotted field) -> codes`` for request parameters."""
    index: dict[tuple[str, str, str], list[str]] = {}
    for enum in enums:
        codes = [str(v["code"]) for v in enum.get("values") or [] if v.get("code") is not None]
        if not codes:
            continue
        for source in enum.get("sources") or []:
            found = _ENUM_SOURCE.match(source.strip())
            if found:
                key = (found.group(2), found.group(3), found.group(4))
                index[key] = sorted(set(index.get(key, [])) | set(codes))
    return index


def apply_enum(schema: Schema, codes: list[str]) -> None:
    types = _types(schema)
    if types and set(types) <= {"string", "null"}:
        schema["enum"] = codes
    elif not types:
        schema["type"] = "string"
        schema["enum"] = codes


def apply_body_enums(
    schema: Schema, doc_id: str, index: dict[tuple[str, str, str], list[str]]
) -> None:
    for (doc, kind, dotted), codes in index.items():
        if doc != doc_id or kind != "body":
            continue
        target: Schema | None = schema
        for part in dotted.split("."):
            if target is None:
                break
            if "items" in target and "properties" not in target:
                target = target["items"]
            target = (target.get("properties") or {}).get(part)
        if target is not None:
            apply_enum(target, codes)


# -- documents -> entries ----------------------------------------------------------------------


def params(
    nodes: list[dict[str, Any]],
    doc_id: str,
    kind: str,
    enums: dict[tuple[str, str, str], list[str]],
) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for node in nodes or []:
        name = str(node.get("name") or "").strip()
        if not name or not re.fullmatch(r"[A-Za-z_][\w.\-\[\]]*", name):
            continue
        schema = node_schema(node, nullable=False, required_flags=True)
        if not schema:
            schema = {"type": "string"}
        codes = enums.get((doc_id, kind, name))
        if codes:
            apply_enum(schema, codes)
        out.append({"name": name, "required": bool(node.get("required")), "schema": schema})
    return out


def _clean_path(raw: str | None) -> str | None:
    if not raw:
        return None
    path = raw.strip().split("?")[0].split(" ")[0]
    if not path.startswith("/"):
        path = "/" + path
    return path


def _fixed_query(path: str | None) -> str | None:
    if path and "?" in path:
        return path.split("?", 1)[1]
    return None


def catalog_entry(
    doc: dict[str, Any], enums: dict[tuple[str, str, str], list[str]]
) -> dict[str, Any]:
    paths = [_clean_path(doc["path"])]
    for other in (doc.get("season1_endpoint"), doc.get("en_doc_endpoint")):
        if other and other.get("path"):
            paths.append(_clean_path(other["path"]))
    for version in (doc.get("previous_versions") or []) + (doc.get("next_versions") or []):
        paths.append(_clean_path(version.get("path")))
    methods = [doc["method"].upper()]
    for alias in doc.get("method_aliases_observed") or []:
        name = str(alias.get("method") if isinstance(alias, dict) else alias).upper()
        if name not in methods:
            methods.append(name)
    season1 = doc.get("season1_endpoint") or {}
    if season1.get("method") and season1["method"].upper() not in methods:
        methods.append(season1["method"].upper())
    body_nodes = doc.get("body_params") or []
    request = doc.get("sample_request") or {}
    body: Schema | None = None
    if body_nodes:
        body = tree_schema(body_nodes, nullable=False, required_flags=True)
        apply_body_enums(body, doc["id"], enums)
    if request.get("body") is not None:
        if body is None:
            body = sample_schema(request["body"], nullable=False)
        else:
            widen_with_sample(body, request["body"], nullable=False)
    # a response field is nullable only where the documented sample shows null (the build
    # adds what the sandbox was seen to send, ``_data/observed.json``); required where the
    # response table marks it so
    response = tree_schema(doc.get("response_fields") or [], nullable=False, required_flags=True)
    response["type"] = "object"
    if doc.get("sample_response") is not None:
        widen_with_sample(response, doc["sample_response"], nullable=False)
    flags = " ".join(doc.get("flags") or [])
    deprecated = (
        doc.get("listed_in_site_index") is False
        or "marked_unavailable" in flags
        or "not_listed" in flags
    )
    return {
        "key": doc["id"],
        "source": "catalog",
        "group": doc.get("group"),
        "name": doc.get("suggested_sdk_name") or doc["id"],
        "methods": methods,
        "paths": sorted({p for p in paths if p}, key=paths.index),
        "fixed_query": doc.get("fixed_query"),
        "path_params": params(doc.get("path_params") or [], doc["id"], "path", enums),
        "query_params": params(doc.get("query_params") or [], doc["id"], "query", enums),
        "body": body,
        "body_example": request.get("body"),
        "response": response,
        "deprecated": deprecated,
    }


def newer_entry(
    item: dict[str, Any],
    by_id: dict[str, dict[str, Any]],
    by_path: dict[tuple[str, str], list[str]],
) -> dict[str, Any]:
    methods = [m.strip().upper() for m in str(item["method"]).split("|") if m.strip()]
    if methods == ["*"]:
        methods = ["GET", "POST", "PUT", "DELETE"]
    raw_paths = [p.strip() for p in str(item["path"]).split(";")]
    paths = [
        _clean_path(p.replace("/*", "/{rest}"))
        for p in raw_paths
        if p.startswith("/") or p.startswith("v2/")
    ]
    replaces = str(item.get("replaces") or "")
    bases = [doc_id for doc_id in by_id if re.search(rf"\b{re.escape(doc_id)}\b", replaces)]
    if not bases:
        for method in methods:
            for path in paths:
                key = (method, _VERSION.sub("/v{}/", _PARAM.sub("{}", path or "").lower()))
                bases += [b for b in by_path.get(key, []) if b not in bases]
    entry: dict[str, Any] = {
        "key": item["key"],
        "source": "newer",
        "group": None,
        "name": item["key"],
        "methods": methods,
        "paths": [p for p in paths if p],
        "fixed_query": None,
        "path_params": [],
        "query_params": [],
        "body": None,
        "body_example": None,
        "response": None,
        "deprecated": str(item.get("status", "")).startswith(("removed", "unavailable", "not in")),
        "inherits": bases,
    }
    own = {_VERSION.sub("/v{}/", _PARAM.sub("{}", p).lower()) for p in entry["paths"] if p}
    for base in bases:
        doc = by_id[base]
        same_operation = any(
            _VERSION.sub("/v{}/", _PARAM.sub("{}", p).lower()) in own for p in doc["paths"]
        )
        entry["group"] = entry["group"] or doc["group"]
        for field in ("path_params", "query_params"):
            known = {p["name"] for p in entry[field]}
            entry[field] += [p for p in doc[field] if p["name"] not in known]
        for field in ("body", "response"):
            if doc[field] is None:
                continue
            inherited = json.loads(json.dumps(doc[field]))
            if field == "body" and not same_operation:
                inherited = strip_required(inherited)  # another operation's fields, not its rules
            if entry[field] is None:
                entry[field] = inherited
            else:
                merge_into(entry[field], inherited)
        entry["body_example"] = entry["body_example"] or doc["body_example"]
    # path params of the new path that the base documents do not list
    names = {p["name"] for p in entry["path_params"]}
    for path in entry["paths"]:
        for name in re.findall(r"\{(\w+)\}", path):
            if name not in names:
                entry["path_params"].append(
                    {"name": name, "required": True, "schema": {"type": "string"}}
                )
                names.add(name)
    return entry


def strip_required(schema: Any) -> Any:
    if isinstance(schema, dict):
        return {k: strip_required(v) for k, v in schema.items() if k != "required"}
    if isinstance(schema, list):
        return [strip_required(v) for v in schema]
    return schema


def merge_same_operation(entries: list[dict[str, Any]]) -> None:
    """Two documents of one method + path (per-day / per-minute lists): a parameter is
    required only when every document requires it."""
    seen: dict[tuple[str, str], dict[str, Any]] = {}
    for entry in entries:
        key = (entry["methods"][0], entry["paths"][0])
        first = seen.get(key)
        if first is None:
            seen[key] = entry
            continue
        for target in (first, entry):
            other = entry if target is first else first
            names = {p["name"]: p for p in other["query_params"]}
            for param in target["query_params"]:
                twin = names.get(param["name"])
                if twin is None or not twin["required"]:
                    param["required"] = False
            known = {p["name"] for p in target["query_params"]}
            target["query_params"] += [
                dict(p, required=False) for p in other["query_params"] if p["name"] not in known
            ]
        both_hidden = bool(first["deprecated"] and entry["deprecated"])
        first["deprecated"] = entry["deprecated"] = both_hidden
        if first["response"] is not None and entry["response"] is not None:
            merge_into(first["response"], entry["response"])
            entry["response"] = json.loads(json.dumps(first["response"]))


def main(reference: Path, out: Path = OUT) -> None:
    catalog = json.loads((reference / "coupang-openapi-catalog.json").read_text(encoding="utf-8"))
    newer = json.loads((reference / "coupang-openapi-newer.json").read_text(encoding="utf-8"))
    enums = enum_index(json.loads((reference / "coupang-enums.json").read_text(encoding="utf-8")))
    entries = [
        catalog_entry(doc, enums) for doc in catalog if doc.get("method") and doc.get("path")
    ]
    merge_same_operation(entries)
    by_id = {e["key"]: e for e in entries}
    by_path: dict[tuple[str, str], list[str]] = {}
    for entry in entries:
        for path in entry["paths"]:
            for method in entry["methods"]:
                key = (method, _VERSION.sub("/v{}/", _PARAM.sub("{}", path).lower()))
                by_path.setdefault(key, []).append(entry["key"])
    entries += [newer_entry(item, by_id, by_path) for item in newer["endpoints"]]
    out.parent.mkdir(parents=True, exist_ok=True)
    document = {
        "generated_by": "scripts/derive_openapi_shapes.py",
        "sources": [
            "coupang-openapi-catalog.json",
            "coupang-openapi-newer.json",
            "coupang-enums.json",
        ],
        "operations": entries,
    }
    out.write_text(
        json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    print(f"wrote {len(entries)} operations to {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/reference"))
