"""Every served endpoint with a documented response sample has that sample in the project
(``tests/<group>/samples/*.json``), where its group's conformance test checks the sandbox's
answer against it. A new endpoint served without its sample fails here."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
_PARAM = re.compile(r"\{[^}]+\}")


def _norm(path: str) -> str:
    return _PARAM.sub("{}", path.strip().lower())


def _coverage() -> Any:
    spec = importlib.util.spec_from_file_location(
        "gen_coverage", ROOT / "scripts" / "gen_coverage.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _sampled() -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for file in ROOT.glob("tests/*/samples/*.json"):
        data = json.loads(file.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or "path" not in data or "method" not in data:
            continue
        for method in str(data["method"]).split("|"):
            for path in str(data["path"]).split(";"):
                found.add((method.strip().upper(), _norm(path.split(" ")[0])))
    return found


def test_every_served_sample_backed_endpoint_has_its_sample() -> None:
    coverage = _coverage()
    sampled = _sampled()
    status = {(row["method"], row["path"]): row["status"] for row in coverage.table()}
    missing = []
    checked = 0
    for entry in coverage.documented():
        if not entry.get("sample") or status[(entry["method"], entry["path"])] != "served":
            continue
        checked += 1
        if not any(pair in sampled for pair in coverage._pairs(entry)):
            missing.append(f"{entry['method']} {entry['path']}")
    assert checked > 40
    assert not missing, "served endpoints without their documented sample:\n" + "\n".join(missing)
