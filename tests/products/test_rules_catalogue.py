"""Every rule id the product rules can answer is exercised by a pure rule test of this package
(``test_rules_*.py`` and ``test_models.py``; ``test_rules_http.py`` checks the same ids over
HTTP on its own)."""

from __future__ import annotations

import re
from pathlib import Path

from coupang_seller import preflight

SOURCES = ("products.py", "_items.py", "_images.py", "_fields.py")
RULE_RE = re.compile(r'Violation\(\s*[^,()]+(?:\([^()]*\))?[^,()]*,\s*"([a-z_]+)"', re.S)


def rule_ids() -> set[str]:
    root = Path(preflight.__file__).parent
    found: set[str] = set()
    for name in SOURCES:
        found |= set(RULE_RE.findall((root / name).read_text(encoding="utf-8")))
    return found


def test_every_rule_is_tested() -> None:
    ids = rule_ids()
    assert {"category_fixed", "deal_listing", "image_corrupt", "partial_field_not_allowed"} <= ids
    here = Path(__file__).parent
    files = [p for p in here.glob("test_rules_*.py") if p.name != "test_rules_http.py"]
    tests = "".join(p.read_text(encoding="utf-8") for p in [*files, here / "test_models.py"])
    untested = sorted(rule for rule in ids if f'"{rule}"' not in tests)
    assert untested == []
