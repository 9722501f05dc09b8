"""``coupang-seller categories export | recommend | show``."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from coupang_cli import main
from coupang_cli._embedded import embedded_sandbox
from coupang_cli._main import CATEGORY_EXPORT_HEADER
from coupang_seller.catalog import load_catalog

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Run:
    def run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def test_export_csv_has_one_row_per_leaf(cli: Run, tmp_path: Path) -> None:
    target = tmp_path / "categories.csv"
    code, out, _ = cli("categories", "export", str(target))
    assert code == 0 and f"wrote {len(load_catalog().leaves())} leaf categories" in out
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert (
        tuple(rows[0])
        == CATEGORY_EXPORT_HEADER
        == (
            "displayCategoryCode",
            "categoryPath",
            "categoryName",
            "depth",
            "noticeCategories",
            "mandatoryAttributes",
            "isAllowSingleItem",
            "allowedOfferConditions",
        )
    )
    catalog = load_catalog()
    assert [int(r[0]) for r in rows[1:]] == [leaf.code for leaf in catalog.leaves()]
    softener = next(r for r in rows if r[0] == "63950")
    assert softener[1] == "생활용품>세제>섬유유연제>일반 섬유유연제"
    assert softener[2] == "일반 섬유유연제" and softener[3] == "4"
    assert softener[4] == "생활화학제품 | 기타 재화"
    assert softener[5] == "수량, 개당 용량|개당 중량 (택1)"


def test_export_xlsx(cli: Run, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    target = tmp_path / "categories.xlsx"
    code, _, _ = cli("categories", "export", str(target))
    assert code == 0
    sheet = openpyxl.load_workbook(target).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == CATEGORY_EXPORT_HEADER
    assert len(rows) == len(load_catalog().leaves()) + 1


def test_export_refuses_other_formats(cli: Run, tmp_path: Path) -> None:
    code, _, err = cli("categories", "export", str(tmp_path / "c.json"))
    assert code == 2 and ".csv or .xlsx" in err


def test_export_xlsx_without_openpyxl(
    cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib

    real = importlib.import_module

    def fake(name: str, package: str | None = None) -> object:
        if name == "openpyxl":
            raise ImportError(name)
        return real(name, package)

    monkeypatch.setattr(importlib, "import_module", fake)
    code, _, err = cli("categories", "export", str(tmp_path / "c.xlsx"))
    assert code == 2 and "pip install 'coupang-seller[xlsx]'" in err


def test_recommend(cli: Run) -> None:
    code, out, _ = cli("categories", "recommend", "다우니 섬유유연제 실내건조 2.6L x 4개")
    assert code == 0 and out.splitlines()[0].startswith("63950\t")
    code, out, _ = cli(
        "--json", "categories", "recommend", "퓨전 프로글라이드", "--brand", "질레트", "--top", "1"
    )
    assert code == 0
    found = json.loads(out)
    assert len(found) == 1 and found[0]["name"] == "면도기/면도날"
    code, _, err = cli("categories", "recommend", "2kg x 3")
    assert code == 1 and "too little" in err


def test_show(cli: Run) -> None:
    code, out, _ = cli("categories", "show", "63950")
    assert code == 0
    assert "생활용품>세제>섬유유연제>일반 섬유유연제" in out and "생활화학제품" in out
    code, out, _ = cli("--json", "categories", "show", "63897")
    assert code == 0
    shown = json.loads(out)
    assert shown["meta"] is None and shown["children"]
    assert cli("categories", "show", "1")[0] == 1
    assert cli("categories", "show", "abc")[0] == 2


@pytest.mark.e2e
def test_show_remote(cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    vendor = ("A00077777", "cli-cat-access", "cli-cat-secret-0123456789")
    with embedded_sandbox(
        db_url=f"sqlite:///{tmp_path / 's.sqlite3'}", vendors=[vendor]
    ) as sandbox:
        monkeypatch.setenv("COUPANG_VENDOR_ID", vendor[0])
        monkeypatch.setenv("COUPANG_ACCESS_KEY", vendor[1])
        monkeypatch.setenv("COUPANG_SECRET_KEY", vendor[2])
        monkeypatch.setenv("COUPANG_BASE_URL", sandbox.base_url)
        code, out, _ = cli("--json", "categories", "show", "63950", "--remote")
        assert code == 0
        shown = json.loads(out)
        assert shown["category"]["name"] == "일반 섬유유연제"
        assert shown["meta"]["noticeCategories"][0]["noticeCategoryName"] == "생활화학제품"
        code, _, _ = cli("categories", "show", "99999999", "--remote")
        assert code == 1
