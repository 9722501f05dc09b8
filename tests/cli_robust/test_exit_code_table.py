"""The README's exit-code table, the ``EXIT_*`` constants and ``--help`` name the same codes."""

from __future__ import annotations

import re
from pathlib import Path

from coupang_cli import _errors
from coupang_cli._main import EXIT_CODES

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_table_matches_the_constants() -> None:
    text = README.read_text(encoding="utf-8")
    table = text[text.index("Exit codes (every failure") :].split("\n\n")[1]
    documented = {int(m) for m in re.findall(r"^\|\s*(\d+)\s*\|", table, re.MULTILINE)}
    constants = {v for k, v in vars(_errors).items() if k.startswith("EXIT_")}
    assert documented == constants
    in_help = {int(m) for m in re.findall(r"(\d+) [A-Za-z]", EXIT_CODES)}
    assert in_help == constants
