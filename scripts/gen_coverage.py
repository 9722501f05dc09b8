"""Render docs/COVERAGE.md: every documented endpoint, the SDK method that calls it, and
whether the sandbox serves it. Built from code (the SDK's endpoint table and the sandbox's
route table), so a test can check the committed file is current.

    python scripts/gen_coverage.py > docs/COVERAGE.md
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
from collections import Counter
from importlib import resources

from coupang_sandbox import routes as route_package
from coupang_sandbox.routes import all_routes
from coupang_sandbox.routes._base import is_retired
from coupang_seller import Client
from coupang_seller._endpoints import ENDPOINTS

_PARAM = re.compile(r"\{[^}]+\}")


def _norm(path: str) -> str:
    return _PARAM.sub("{}", path.strip().lower())


def documented() -> list[dict[str, object]]:
    text = (
        resources.files("coupang_seller")
        .joinpath("_data/endpoints.json")
        .read_text(encoding="utf-8")
    )
    data: list[dict[str, object]] = json.loads(text)
    return data


def sdk_index() -> dict[tuple[str, str], str]:
    index: dict[tuple[str, str], str] = {}
    for endpoint in ENDPOINTS:
        for path in (endpoint.path, *endpoint.also):
            index[(endpoint.method, _norm(path))] = f"`{endpoint.sdk}`" + (
                "" if path == endpoint.path else " (other version)"
            )
    return index


_ALL_METHODS = ("GET", "POST", "PUT", "DELETE")


def route_groups() -> dict[tuple[str, str], str]:
    """``(method, normalised path) -> group`` for every signed route: the group is the name of
    the route module that declares it (``routes/<group>.py``)."""
    groups: dict[tuple[str, str], str] = {}
    for info in pkgutil.iter_modules(route_package.__path__):
        if info.name.startswith(("_", "control")):
            continue
        module = importlib.import_module(f"{route_package.__name__}.{info.name}")
        for method, path, _handler in getattr(module, "ROUTES", []):
            groups[(method, _norm(path))] = info.name
    return groups


def sdk_group(sdk: str) -> str:
    """The SDK resource module (``resources/<group>.py``) behind a method such as
    ``download_coupons.create``; empty when the table names no client attribute."""
    attribute = sdk.strip("`").split(".")[0]
    # a placeholder client, never used for a call: only its resource attributes are read
    client = Client(vendor_id="A0", access_key="a", secret_key="s", base_url="http://127.0.0.1:9")  # noqa: S106
    try:
        resource = getattr(client, attribute, None)
        if resource is None:
            return ""
        return str(type(resource).__module__).rsplit(".", 1)[-1]
    finally:
        client.close()


def sandbox_index() -> dict[tuple[str, str], str]:
    """``(method, normalised path) -> "served" | "retired"`` for every signed route."""
    served: dict[tuple[str, str], str] = {}
    for route in all_routes():
        path = getattr(route, "path", "")
        handlers = getattr(route, "handlers", None)
        if handlers is None:  # control routes: not part of Coupang's API
            continue
        for method, handler in handlers.items():
            served[(method, _norm(path))] = "retired" if is_retired(handler) else "served"
    return served


def _pairs(entry: dict[str, object]) -> list[tuple[str, str]]:
    methods = [m.strip() for m in str(entry["method"]).split("|")]
    if methods == ["*"]:
        methods = list(_ALL_METHODS)
    paths = [p.strip().split(" ")[0] for p in str(entry["path"]).split(";")]
    return [(m, _norm(p.replace("/*", "/{rest}"))) for m in methods for p in paths]


def status_of(entry: dict[str, object], served: dict[tuple[str, str], str]) -> str:
    """``served``, ``retired (410)`` or ``—`` (not served) for one documented endpoint."""
    found = {served.get(pair) for pair in _pairs(entry)}
    if found == {"served"}:
        return "served"
    if found == {"retired"}:
        return "retired (410)"
    if None in found:
        return "—"
    return "served / retired (410)"


def table() -> list[dict[str, str]]:
    """One row per documented endpoint: our group (the one name used by the route, backend,
    views, store, SDK resource and tests), Coupang's docs group, method, path, reference, sdk,
    the SDK resource's group, status."""
    sdk = sdk_index()
    served = sandbox_index()
    groups = route_groups()
    rows: list[dict[str, str]] = []
    for entry in documented():
        pairs = _pairs(entry)
        method = next((sdk[pair] for pair in pairs if pair in sdk), "")
        rows.append(
            {
                "group": next((groups[pair] for pair in pairs if pair in groups), ""),
                "docs_group": str(entry["group"]),
                "sdk_group": sdk_group(method) if method else "",
                "method": str(entry["method"]),
                "path": str(entry["path"]),
                "reference": "active" if entry.get("active", True) else "hidden in the docs index",
                "sdk": method,
                "status": status_of(entry, served),
            }
        )
    return rows


def render() -> str:
    rows: list[str] = []
    counts: Counter[str] = Counter()
    for row in table():
        counts["documented"] += 1
        counts["sdk"] += bool(row["sdk"])
        counts[row["status"]] += 1
        rows.append(
            f"| {row['group'] or '—'} | {row['docs_group']} | {row['method']} | `{row['path']}` | {row['reference']} | "
            f"{row['sdk'] or '—'} | {row['status']} |"
        )
    header = [
        "# Endpoint coverage",
        "",
        "Generated by `scripts/gen_coverage.py` from the SDK's endpoint table",
        "(`coupang_seller/_endpoints.py`) and the sandbox's route table; `tests/test_coverage_doc.py`",
        "fails when this file is stale. Regenerate with `make coverage-doc`.",
        "",
        "Status: `served` — the sandbox serves it (and `client.request()` reaches it even without a",
        "typed method); `retired (410)` — Coupang retired it and the sandbox answers HTTP 410 naming",
        "the replacement; `—` — not served.",
        "",
        "Group: the one name the project uses for the endpoint in every layer — the SDK resource",
        "(`coupang_seller/resources/<group>.py`), the sandbox route, backend, views and store",
        "modules, and the tests (`tests/<group>/`). Docs group: the section of Coupang's docs.",
        "",
        f"Documented endpoints: {counts['documented']}. Typed SDK methods: {counts['sdk']}. "
        f"Served: {counts['served']}. Retired (410): {counts['retired (410)']}. "
        f"Not served: {counts['—']}.",
        "",
        "| group | docs group | method | path | reference | SDK | sandbox |",
        "|---|---|---|---|---|---|---|",
    ]
    return "\n".join(header + rows) + "\n"


if __name__ == "__main__":
    print(render(), end="")
