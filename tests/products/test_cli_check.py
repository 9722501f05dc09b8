"""``coupang-seller products check``: every problem with row, column, rule and fix (offline)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from coupang_cli import main
from coupang_cli._errors import EXIT_OK, EXIT_RULES, EXIT_USAGE
from coupang_cli._sheet import SheetError, build_products, read_rows
from tests.products.cli_sheets import REFUSED, SAMPLE, VALID, SheetFactory, sample_rows


@pytest.fixture(autouse=True)
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """No credentials at all: check must not need them."""
    for name in ("ACCESS_KEY", "SECRET_KEY", "VENDOR_ID", "BASE_URL", "USER_ID"):
        monkeypatch.delenv(f"COUPANG_{name}", raising=False)


def test_sample_text_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["products", "check", str(SAMPLE)]) == EXIT_RULES
    out, err = capsys.readouterr()
    assert err == ""
    lines = out.splitlines()
    assert lines == [
        "products_sample.csv row 6 [notice:사용기한 또는 개봉 후 사용기간] notice_detail_missing: "
        "notice category '화장품' requires: 사용기한 또는 개봉 후 사용기간",
        "    fix: fill in notice:사용기한 또는 개봉 후 사용기간",
        "products_sample.csv row 6 [representativeImage] image_not_square: "
        "REPRESENTATION image must be square (got 800 x 600)",
        "    fix: crop or pad the image to a square (e.g. 1000 x 1000 px)",
        "4 product(s): 3 ready, 1 with problems (2 problem(s))",
    ]


def test_sample_json_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--json", "products", "check", str(SAMPLE), "--vendor-id", "A00099999"]) == 3
    report = json.loads(capsys.readouterr().out)
    assert report["problems"] == 2
    by_name = {p["product"]: p for p in report["products"]}
    assert set(by_name) == {*VALID, REFUSED}
    assert by_name["봄날 퓨어 클렌징 오일"]["rows"] == [2, 3]
    assert all(by_name[name]["ready"] and not by_name[name]["problems"] for name in VALID)
    problems = sorted(by_name[REFUSED]["problems"], key=lambda p: p["rule"])
    assert problems == [
        {
            "row": 6,
            "column": "representativeImage",
            "field": "items[0].images[0].vendorPath",
            "rule": "image_not_square",
            "message": "REPRESENTATION image must be square (got 800 x 600)",
            "fix": "crop or pad the image to a square (e.g. 1000 x 1000 px)",
            "severity": "error",
        },
        {
            "row": 6,
            "column": "notice:사용기한 또는 개봉 후 사용기간",
            "field": "items[0].notices",
            "rule": "notice_detail_missing",
            "message": "notice category '화장품' requires: 사용기한 또는 개봉 후 사용기간",
            "fix": "fill in notice:사용기한 또는 개봉 후 사용기간",
            "severity": "error",
        },
    ]


def test_clean_sheet_exits_zero(
    make_sheet: SheetFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = make_sheet(edit=lambda rows: rows.pop())  # without the refused row
    assert main(["products", "check", str(sheet)]) == EXIT_OK
    assert capsys.readouterr().out.splitlines() == [
        "3 product(s): 3 ready, 0 with problems (0 problem(s))"
    ]


def test_problems_point_at_the_right_cells(
    make_sheet: SheetFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    def edit(rows: list[dict[str, str]]) -> None:
        rows.pop()
        rows[1]["salePrice"] = "25905"  # second item of the cleansing oil: not in 10-won steps
        rows[1]["maximumBuyCount"] = ""  # stock missing: no column value at all
        rows[1]["option:개당 용량"] = ""  # the mandatory pick-one attribute missing
        rows[2]["displayCategoryCode"] = "52669x"  # not a number
        rows[3]["brand"] = ""  # required product-level field

    assert main(["--json", "products", "check", str(make_sheet(edit=edit))]) == EXIT_RULES
    report = json.loads(capsys.readouterr().out)
    found = {
        (p["row"], p["column"], p["rule"])
        for entry in report["products"]
        for p in entry["problems"]
    }
    assert (3, "salePrice", "price_step") in found
    assert (3, "maximumBuyCount", "required") in found
    assert (3, "option:개당 용량", "attribute_mandatory_missing") in found
    assert (4, "displayCategoryCode", "type") in found
    assert (5, "brand", "required") in found
    fixes = {p["column"]: p["fix"] for e in report["products"] for p in e["problems"]}
    assert fixes["brand"] == "fill in the brand column"


def test_product_level_columns_must_agree(
    make_sheet: SheetFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    def edit(rows: list[dict[str, str]]) -> None:
        rows.pop()
        rows[0]["requested"] = "Y"
        rows[1]["requested"] = "true"  # the same value written differently: no conflict
        rows[1]["deliveryCharge"] = "2500"  # differs from row 2
        rows[0]["manufacture"] = ""
        rows[1]["manufacture"] = "다른 제조사"  # blank on the product's first row

    header = [*sample_rows()[0], "requested"]
    sheet = make_sheet(edit=edit, header=header)
    assert main(["--json", "products", "check", str(sheet)]) == EXIT_RULES
    report = json.loads(capsys.readouterr().out)
    problems = [p for e in report["products"] for p in e["problems"]]
    conflicts = {(p["row"], p["column"]) for p in problems if p["rule"] == "product_value_conflict"}
    assert conflicts == {(3, "deliveryCharge"), (3, "manufacture")}
    assert (2, "manufacture", "required") in {(p["row"], p["column"], p["rule"]) for p in problems}


def test_duplicate_sku_is_a_problem(
    make_sheet: SheetFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    def edit(rows: list[dict[str, str]]) -> None:
        rows.pop()
        rows[3]["externalVendorSku"] = "BN-CO-200"

    assert main(["--json", "products", "check", str(make_sheet(edit=edit))]) == EXIT_RULES
    problems = [p for e in json.loads(capsys.readouterr().out)["products"] for p in e["problems"]]
    assert [(p["row"], p["column"], p["rule"]) for p in problems] == [
        (5, "externalVendorSku", "sku_duplicate")
    ]


def test_cp949_csv_as_excel_saves_it(
    make_sheet: SheetFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = make_sheet(encoding="cp949")
    assert main(["products", "check", str(sheet)]) == EXIT_RULES
    assert "row 6 [representativeImage] image_not_square" in capsys.readouterr().out


def test_xlsx_sheet_reports_the_same(
    tmp_path: Path, make_sheet: SheetFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    header, rows = sample_rows()
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        values: list[object] = []
        for column in header:
            text = row[column]
            if column in ("salePrice", "originalPrice", "maximumBuyCount", "displayCategoryCode"):
                values.append(float(text))  # spreadsheets hold numbers, often as floats
            elif column == "saleStartedAt":
                values.append(datetime.fromisoformat(text))  # a real date cell
            else:
                values.append(text or None)
        sheet.append(values)
    make_sheet()  # copies the images next to the workbook
    path = tmp_path / "sheet.xlsx"
    workbook.save(path)
    assert main(["--json", "products", "check", str(path)]) == EXIT_RULES
    report = json.loads(capsys.readouterr().out)
    assert report["problems"] == 2
    problems = [p for e in report["products"] for p in e["problems"]]
    assert {(p["row"], p["column"]) for p in problems} == {
        (6, "representativeImage"),
        (6, "notice:사용기한 또는 개봉 후 사용기간"),
    }


def test_unreadable_inputs_are_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "sheet.txt"
    other.write_text("x", encoding="utf-8")
    assert main(["products", "check", str(other)]) == EXIT_USAGE
    assert "expected a .csv or .xlsx file" in capsys.readouterr().err
    twice = tmp_path / "twice.csv"
    twice.write_text("brand,brand\na,b\n", encoding="utf-8")
    with pytest.raises(SheetError, match="appears twice"):
        read_rows(twice)
    assert main(["products", "check", str(tmp_path / "missing.csv")]) == EXIT_USAGE


def test_locate_falls_back_to_the_item_row() -> None:
    header, rows = sample_rows()
    products = build_products(header, rows, vendor_id="A00000000")
    oil = products[0]
    assert oil.rows == [2, 3]
    assert oil.locate("items[1].salePrice").column == "salePrice"
    assert oil.locate("items[1].extraProperties").row == 3
    assert oil.locate("items[1].images[1].vendorPath").column == "detailImages"
    assert oil.locate("items[0].notices[3].noticeCategoryName").column == "noticeCategoryName"
    assert oil.locate("items[1].certifications[0].certificationCode").column == "certificationCode"
    assert oil.locate("requiredDocuments[0].templateName").column == "requiredDocuments"
    assert oil.locate("returnZipCode").row == 2
