"""Every public function has a docstring: the SDK, the CLI, the sandbox and the sync.

ruff's D1xx rules (pyproject.toml) skip functions inside ``_private.py`` modules and nested
functions; this walk covers them: every ``def``/``class`` whose name does not start with ``_``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
PACKAGES = ("coupang_seller", "coupang_cli", "coupang_sandbox", "coupang_sync")


def undocumented(package: str) -> list[str]:
    """``path:line name`` of every public def/class in ``package`` without a docstring."""
    missing = []
    for path in sorted((SRC / package).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
                and not node.name.startswith("_")
                and ast.get_docstring(node) is None
            ):
                missing.append(f"{path.relative_to(SRC)}:{node.lineno} {node.name}")
    return missing


@pytest.mark.parametrize("package", PACKAGES)
def test_every_public_function_and_class_has_a_docstring(package: str) -> None:
    assert undocumented(package) == []
