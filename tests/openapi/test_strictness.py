"""The document is as strict as the docs and the evidence allow: integer ids and page sizes,
typed array items, ``null`` and ``required`` backed by the reference or by what the sandbox
was seen to send (``_data/observed.json``), and the committed evidence is consistent with the
document built from it."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

from coupang_sandbox.openapi import build_document
from coupang_sandbox.openapi._build import load_observed


def _types(schema: dict[str, Any]) -> list[str]:
    value = schema.get("type")
    return [] if value is None else [value] if isinstance(value, str) else list(value)


def figures(document: dict[str, Any]) -> dict[str, int]:
    """Counts over every response schema: properties, nullable ones, objects, objects listing
    ``required``, arrays without typed items; parameters typed ``number``."""
    out = dict.fromkeys(
        ("properties", "nullable", "objects", "required", "untyped", "number_params"), 0
    )

    def walk(schema: Any) -> None:
        if not isinstance(schema, dict):
            return
        if "object" in _types(schema) or "properties" in schema:
            out["objects"] += 1
            out["required"] += bool(schema.get("required"))
        if "array" in _types(schema) and not schema.get("items"):
            out["untyped"] += 1
        for sub in (schema.get("properties") or {}).values():
            out["properties"] += 1
            out["nullable"] += "null" in _types(sub)
            walk(sub)
        walk(schema.get("items"))
        for branch in schema.get("anyOf", []):
            walk(branch)

    for item in document["paths"].values():
        for operation in item.values():
            for parameter in operation.get("parameters", []):
                out["number_params"] += "number" in _types(parameter["schema"])
            for response in operation["responses"].values():
                if "content" in response:
                    walk(response["content"]["application/json"]["schema"])
    return out


def test_strictness_figures(document: dict[str, Any]) -> None:
    found = figures(document)
    assert found["number_params"] == 0, found
    assert found["untyped"] == 0, found
    assert found["nullable"] * 10 < found["properties"], found  # was 3,032 of 3,302
    assert found["required"] >= 150, found  # was 11 (the error envelopes)


def test_ids_and_page_sizes_are_integers(document: dict[str, Any]) -> None:
    sheets = document["paths"]["/v2/providers/openapi/apis/api/v4/vendors/{vendorId}/ordersheets"]
    params = {p["name"]: p["schema"] for p in sheets["get"]["parameters"]}
    assert params["maxPerPage"] == {"type": "integer", "minimum": 1}
    assert params["nextToken"] == {"type": "string"}
    box = document["paths"][
        "/v2/providers/openapi/apis/api/v4/vendors/{vendorId}/ordersheets/{shipmentBoxId}"
    ]["get"]
    schema = {p["name"]: p["schema"] for p in box["parameters"]}["shipmentBoxId"]
    assert schema == {"type": "integer", "minimum": 1, "maximum": 999_999_999_999_999_999}


def test_documented_vendor_id_query_parameters(document: dict[str, Any]) -> None:
    """The docs require ``vendorId`` in the query too on these lookups (beside the path)."""
    v4 = "/v2/providers/openapi/apis/api/v4/vendors/{vendorId}"
    for path in (
        f"{v4}/outboundShippingCenters",
        f"{v4}/returnShippingCenters",
        f"{v4}/callCenterInquiries",
        f"{v4}/onlineInquiries",
    ):
        params = document["paths"][path]["get"]["parameters"]
        query = [p for p in params if p["in"] == "query" and p["name"] == "vendorId"]
        assert query and query[0]["required"] is True, path
        assert [p for p in params if p["in"] == "path" and p["name"] == "vendorId"], path


def test_get_and_post_on_one_path_have_their_own_models(document: dict[str, Any]) -> None:
    item = document["paths"][
        "/v2/providers/openapi/apis/api/v5/vendors/{vendorId}/returnShippingCenters"
    ]
    get, post = item["get"], item["post"]
    assert {p["name"] for p in post["parameters"]} == {"vendorId"}  # no paging on a create
    assert {"pageNum", "pageSize"} <= {p["name"] for p in get["parameters"]}
    ok = "responses", "200", "content", "application/json", "schema"

    def dig(operation: dict[str, Any]) -> Any:
        value: Any = operation
        for key in ok:
            value = value[key]
        return value

    assert dig(get) != dig(post)
    assert "content" in dig(get)["properties"]["data"]["properties"]
    assert "resultCode" in dig(post)["properties"]["data"]["properties"]


def _at(schema: dict[str, Any], where: str) -> list[dict[str, Any]]:
    """The schemas describing body location ``where`` (``/data/[]/name``), every anyOf branch."""
    nodes = [schema]
    for part in [p for p in where.split("/") if p]:
        found: list[dict[str, Any]] = []
        for node in nodes:
            for branch in node.get("anyOf", [node]):
                if part == "[]":
                    if isinstance(branch.get("items"), dict):
                        found.append(branch["items"])
                else:
                    sub = (branch.get("properties") or {}).get(part.replace("~1", "/"))
                    if sub is None and isinstance(branch.get("additionalProperties"), dict):
                        sub = branch["additionalProperties"]  # a map's free keys
                    if sub is not None:
                        found.append(sub)
        nodes = found
    return nodes


def test_the_document_honours_the_committed_evidence(document: dict[str, Any]) -> None:
    """Every observed operation is served; every property always seen is required (maps with
    free keys aside), every type seen (null included) is allowed where it was recorded."""
    observed = load_observed()
    assert len(observed) >= 50
    for key, locations in observed.items():
        method, path = key.split(" ", 1)
        operation = document["paths"][path][method.lower()]
        schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
        for where, seen in locations.items():
            nodes = _at(schema, where)
            assert nodes, (key, where)
            for node in nodes:
                kinds = _types(node)
                if kinds:
                    for kind in seen["types"]:
                        allowed = kind in kinds or (kind == "integer" and "number" in kinds)
                        assert allowed or "anyOf" in node, (key, where, kind, kinds)
                if "object" in kinds and seen.get("always") and "additionalProperties" not in node:
                    assert set(seen["always"]) <= set(node.get("required", [])), (key, where)


def test_nullable_only_with_docs_or_evidence() -> None:
    """Without evidence for it, a documented field does not accept null (the docs' sample of
    the sheet lookup shows none for shipmentBoxId)."""
    document = build_document()
    sheet = document["paths"][
        "/v2/providers/openapi/apis/api/v4/vendors/{vendorId}/ordersheets/{shipmentBoxId}"
    ]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    data = sheet["properties"]["data"]
    assert _types(data["properties"]["shipmentBoxId"]) == ["integer"]
    assert "shipmentBoxId" in data["required"]


@pytest.mark.slow_fuzz
def test_the_committed_evidence_is_up_to_date() -> None:
    """``make fuzz``: a fresh run of the derive script gives the committed file (about 25 s)."""
    script = Path(__file__).resolve().parents[2] / "scripts" / "derive_openapi_observed.py"
    spec = importlib.util.spec_from_file_location("derive_openapi_observed", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.observe()["operations"] == load_observed()
