"""docs/COVERAGE.md is generated from code; this fails when it is stale."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _render() -> str:
    spec = importlib.util.spec_from_file_location(
        "gen_coverage", ROOT / "scripts" / "gen_coverage.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rendered: str = module.render()
    return rendered


def test_coverage_doc_is_current() -> None:
    committed = (ROOT / "docs" / "COVERAGE.md").read_text(encoding="utf-8")
    assert committed == _render(), "docs/COVERAGE.md is stale: run `make coverage-doc`"


def test_every_sdk_endpoint_is_served_by_the_sandbox() -> None:
    rendered = _render()
    sdk_rows = [
        line
        for line in rendered.splitlines()
        if "`outbound_shipping_places." in line or "`return_centers." in line
    ]
    assert sdk_rows
    assert all(row.rstrip().endswith("yes |") for row in sdk_rows)
