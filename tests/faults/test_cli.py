"""``coupang-seller sandbox faults add|list|remove|clear`` against a live sandbox."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from coupang_cli import main
from coupang_cli._embedded import RunningSandbox, embedded_sandbox
from coupang_sandbox.settings import SandboxSettings
from tests.faults.conftest import VENDOR

pytestmark = pytest.mark.e2e


@pytest.fixture
def running(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[RunningSandbox]:
    settings = SandboxSettings(
        db_url=f"sqlite:///{tmp_path / 'cli.db'}", vendors=[VENDOR], rate_limit_per_second=None
    )
    with embedded_sandbox(db_url=settings.db_url, settings=settings) as sandbox:
        monkeypatch.setenv("COUPANG_BASE_URL", sandbox.base_url)
        monkeypatch.setenv("COUPANG_VENDOR_ID", VENDOR[0])
        monkeypatch.setenv("COUPANG_ACCESS_KEY", VENDOR[1])
        monkeypatch.setenv("COUPANG_SECRET_KEY", VENDOR[2])
        yield sandbox


def test_add_list_clear(running: RunningSandbox, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["sandbox", "faults", "add", "error", "--status", "502", "--times", "2",
                 "--operation", "orders.acknowledge", "--seed", "4"])  # fmt: skip
    assert code == 0
    assert "error" in capsys.readouterr().out
    assert main(["sandbox", "faults", "add", "null_fields", "--field", "safeNumber"]) == 0
    capsys.readouterr()
    assert main(["sandbox", "faults", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert "operation=orders.acknowledge" in lines[0] and "hits=0" in lines[0]
    assert main(["--json", "sandbox", "faults", "list"]) == 0
    rules = json.loads(capsys.readouterr().out)
    assert [r["kind"] for r in rules] == ["error", "null_fields"]
    assert rules[1]["fields"] == ["safeNumber"]
    assert main(["sandbox", "faults", "remove", str(rules[0]["id"])]) == 0
    assert main(["sandbox", "faults", "clear"]) == 0
    assert "removed 1 rule(s)" in capsys.readouterr().out


def test_a_bad_rule_is_refused(running: RunningSandbox, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["sandbox", "faults", "add", "error", "--probability", "3"])
    assert code != 0
    assert "probability" in capsys.readouterr().err
