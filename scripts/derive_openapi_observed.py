"""Record what the sandbox really answers, per response schema, into the OpenAPI generator.

Run by maintainers (``python scripts/derive_openapi_observed.py``, no reference folder needed):
it starts an in-memory sandbox, drives it through the documented flows (the OpenAPI tests'
seed: a shop with outbound and return places, an approved product, orders in several states,
invoices, a delivery, returns, a withdrawn return, an exchange; then every lookup of
``tests/openapi/test_success_shapes.py`` and a coupon create with its request status) and
writes ``src/coupang_sandbox/openapi/_data/observed.json``: for each operation
(``METHOD path-template``) and each location in its 200 bodies (``""`` the body, ``/data`` a
property, ``/[]`` the items of an array), the JSON types seen, how often, and for objects the
properties present every time (``always``) and ever (``keys``).

The generator (``coupang_sandbox.openapi._build``) uses it as evidence: a property the sandbox
always sends is ``required``, ``null`` is allowed only where the docs or this file show it,
and untyped values and array items get the types seen. The output is deterministic (frozen
clock, sorted keys); ``tests/openapi/test_observed.py`` checks the committed file against a
fresh run.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "coupang_sandbox" / "openapi" / "_data" / "observed.json"
_PARAM = re.compile(r"\{([^}:]+)(?::[^}]+)?\}")


def _json_type(value: Any) -> str:
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


class Recorder:
    """Folds JSON bodies into per-location observations."""

    def __init__(self, templates: list[tuple[str, str]]) -> None:
        self.matchers = sorted(
            (
                (
                    method,
                    template,
                    re.compile(
                        "^"
                        + _PARAM.sub(
                            lambda m: "(?s:.+)" if m.group(0).endswith(":path}") else "[^/]+",
                            re.escape(template).replace(r"\{", "{").replace(r"\}", "}"),
                        )
                        + "$"
                    ),
                )
                for method, template in templates
            ),
            key=lambda t: (t[1].count("{"), -len(t[1])),  # literal segments win
        )
        self.operations: dict[str, dict[str, dict[str, Any]]] = {}

    def operation(self, method: str, path: str) -> str | None:
        """``METHOD template`` of a concrete request, or ``None``."""
        for candidate, template, regex in self.matchers:
            if candidate == method and regex.match(path):
                return f"{method} {template}"
        return None

    def record(self, method: str, path: str, status: int, body: Any) -> None:
        """Fold one 200 body into the observations of its operation."""
        key = self.operation(method, path)
        if key is None or status != 200:
            return
        self._fold(self.operations.setdefault(key, {}), "", body)

    def _fold(self, locations: dict[str, dict[str, Any]], where: str, value: Any) -> None:
        seen = locations.setdefault(where, {"count": 0, "types": []})
        seen["count"] += 1
        kind = _json_type(value)
        if kind not in seen["types"]:
            seen["types"] = sorted([*seen["types"], kind])
        if isinstance(value, dict):
            keys = sorted(value)
            seen["keys"] = sorted(set(seen.get("keys", [])) | set(keys))
            always = seen.get("always")
            seen["always"] = keys if always is None else sorted(set(always) & set(keys))
            seen["objects"] = seen.get("objects", 0) + 1
            for name, child in value.items():
                self._fold(locations, f"{where}/{name.replace('/', '~1')}", child)
        elif isinstance(value, list):
            for element in value:
                self._fold(locations, f"{where}/[]", element)


def _drive(recorder: Recorder) -> None:
    import httpx
    from tests.integration.asgi_sync import SyncASGITransport
    from tests.openapi.conftest import BASE_URL, Seeded, seed
    from tests.openapi.test_success_shapes import CALLS, fill
    from tests.products.conftest import OTHER, VENDOR, make_client

    from coupang_sandbox import SandboxSettings, create_app
    from coupang_sandbox.app import close_app

    class Recording(SyncASGITransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            response = super().handle_request(request)
            if response.headers.get("content-type", "").startswith("application/json"):
                response.read()
                recorder.record(
                    request.method, request.url.path, response.status_code, response.json()
                )
            return response

    settings = SandboxSettings(
        rate_limit_per_second=None, db_url="sqlite:///:memory:", vendors=[VENDOR, OTHER]
    )
    app = create_app(settings)
    try:
        with make_client(VENDOR, Recording(app)) as client:
            ids = seed(client)
        transport = Recording(app)
        try:
            with httpx.Client(transport=transport, base_url=BASE_URL) as http:
                seeded = Seeded(http, ids)
                for template, query in CALLS:
                    for one in _each_id(template, ids):
                        params = {k: fill(str(v), one) for k, v in query.items()}
                        seeded.send("GET", fill(template, one), params=params)
                _sweep(seeded)
        finally:
            transport.close()
    finally:
        close_app(app)


def _each_id(template: str, ids: dict[str, list[str]]) -> list[dict[str, list[str]]]:
    """One id table per seeded id of each path parameter (an accepted order, an instructed one,
    a delivered one...), so every state's answer is seen."""
    names = [n for n in _PARAM.findall(template) if len(ids.get(n, [])) > 1]
    tables = [ids]
    for name in names:
        tables = [{**t, name: [value]} for t in tables for value in ids[name]]
    return tables


def _sweep(seeded: Any) -> None:
    """Every operation with bounded, derandomized generated calls on the seeded ids, as the
    schemathesis test makes them (its documented examples first)."""
    import schemathesis
    from hypothesis import HealthCheck, given, settings
    from tests.openapi.test_schemathesis import MAX_EXAMPLES, send_case

    from coupang_sandbox.openapi._build import build_document

    schema = schemathesis.openapi.from_dict(build_document())
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(
            max_examples=MAX_EXAMPLES * 2,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def run(case: Any) -> None:
            send_case(case, seeded)

        run()


def observe() -> dict[str, Any]:
    """Drive a fresh sandbox and return the observations (the file's content)."""
    sys.path.insert(0, str(ROOT))
    from coupang_sandbox.openapi._build import build_document

    document = build_document()
    templates = [(m.upper(), p) for p, item in document["paths"].items() for m in item]
    recorder = Recorder(templates)
    _drive(recorder)
    return {
        "generated_by": "scripts/derive_openapi_observed.py",
        "operations": {k: recorder.operations[k] for k in sorted(recorder.operations)},
    }


def main(out: Path = OUT) -> None:
    """Write ``observed.json``."""
    data = observe()
    out.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"observed {len(data['operations'])} operations into {out}")


if __name__ == "__main__":
    main()
