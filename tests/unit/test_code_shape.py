"""The code keeps one shape: no sandbox backend module over about 600 lines, and no function
in ``src/`` over 60 lines (declared tables are module-level data, not functions)."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"
MAX_FUNCTION_LINES = 60
MAX_BACKEND_LINES = 600


def _functions(tree: ast.AST) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    return [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]


def _length(node: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    """Lines from the ``def`` (decorators excluded) to the last line of the body."""
    end = node.end_lineno or node.lineno
    return end - node.lineno + 1


def test_no_function_is_over_60_lines() -> None:
    long: list[str] = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        long += [
            f"{path.relative_to(SRC)}:{node.lineno} {node.name} ({_length(node)} lines)"
            for node in _functions(tree)
            if _length(node) > MAX_FUNCTION_LINES
        ]
    assert not long, "\n".join(long)


def test_no_backend_module_is_over_600_lines() -> None:
    backends = SRC / "coupang_sandbox" / "backends"
    big = [
        f"{path.relative_to(SRC)} ({n} lines)"
        for path in sorted(backends.rglob("*.py"))
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_BACKEND_LINES
    ]
    assert not big, "\n".join(big)


def test_the_checks_see_a_long_function() -> None:
    """The measure itself: a 61-line function is caught, a 60-line one is not."""
    body = "\n".join(f"    x{i} = {i}" for i in range(59))
    ok = ast.parse(f"def f():\n{body}\n")
    too_long = ast.parse(f"def f():\n{body}\n    y = 1\n")
    assert [_length(n) for n in _functions(ok)] == [60]
    assert [_length(n) for n in _functions(too_long)] == [61]
