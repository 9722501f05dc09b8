"""``coupang-seller sandbox openapi``: the document on stdout, or in a file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coupang_cli import main


def test_prints_the_document_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sandbox", "openapi"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["openapi"] == "3.1.0"
    assert "/v2/providers/openapi/apis/api/v4/vendors/{vendorId}/ordersheets" in document["paths"]
    assert not [p for p in document["paths"] if p.startswith("/_sandbox")]


def test_writes_a_file_with_control_routes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "coupang-openapi.json"
    assert main(["sandbox", "openapi", "--include-control", "--output", str(target)]) == 0
    assert capsys.readouterr().out == ""
    document = json.loads(target.read_text(encoding="utf-8"))
    assert "/_sandbox/reset" in document["paths"]
    assert "sandbox-control" in {t["name"] for t in document["tags"]}
