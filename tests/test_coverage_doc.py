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


def _table() -> list[dict[str, str]]:
    spec = importlib.util.spec_from_file_location(
        "gen_coverage", ROOT / "scripts" / "gen_coverage.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rows: list[dict[str, str]] = module.table()
    return rows


def test_every_typed_sdk_method_reaches_a_sandbox_route() -> None:
    rows = [row for row in _table() if row["sdk"]]
    assert len(rows) > 50
    unserved = [row["path"] for row in rows if row["status"] not in ("served", "retired (410)")]
    assert not unserved, unserved


def test_every_documented_endpoint_is_served_or_retired() -> None:
    rows = _table()
    assert len(rows) >= 134
    missing = [f"{row['method']} {row['path']}" for row in rows if row["status"] == "—"]
    assert not missing, missing
    # and every endpoint still in service has a typed SDK method
    untyped = [row["path"] for row in rows if row["status"] == "served" and not row["sdk"]]
    assert not untyped, untyped


def test_every_endpoint_has_one_group_name_in_every_layer() -> None:
    """The coverage table's group is the route module's name; the SDK resource module, the
    backend, the views and the tests directory carry the same name."""
    rows = _table()
    assert all(row["group"] for row in rows), [row["path"] for row in rows if not row["group"]]
    mismatched = [
        (row["path"], row["group"], row["sdk_group"])
        for row in rows
        if row["sdk_group"] and row["sdk_group"] != row["group"]
    ]
    assert not mismatched, mismatched
    src = ROOT / "src"
    for group in {row["group"] for row in rows}:
        assert (ROOT / "tests" / group).is_dir(), f"tests/{group}/ is missing"
        if group == "coupang_confirm":  # retired endpoints only: a route table, nothing else
            continue
        assert (src / "coupang_seller" / "resources" / f"{group}.py").is_file(), group
        backend = src / "coupang_sandbox" / "backends" / group
        assert backend.is_dir() or backend.with_suffix(".py").is_file(), f"backends/{group}"
