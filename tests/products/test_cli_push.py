"""``coupang-seller products push``: every valid product listed exactly once, whatever happens.

Against an embedded sandbox (real uvicorn, the gateway's 10 calls/s throttle included; the SDK
paces itself). "No duplicates" is checked by reading every listed product back and counting the
``externalVendorSku`` of its items.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from coupang_cli import main
from coupang_cli._errors import EXIT_API_ERROR, EXIT_OK, EXIT_RULES
from coupang_cli._output import Output
from coupang_cli._products import EXIT_INTERRUPTED, Journal, load_sheet, run_push, with_image_urls
from tests.products.cli_sheets import (
    ALL_SKUS,
    IMAGE_BASE_URL,
    REFUSED,
    SAMPLE,
    VALID,
    CliShop,
    SheetFactory,
    journal_entries,
    sku_counts,
)

pytestmark = pytest.mark.e2e

CREATE_PATH = "/v2/providers/seller_api/apis/api/v1/marketplace/seller-products"


class Faulty(httpx.BaseTransport):
    """Forwards every request to the sandbox; on the n-th product create, after the sandbox has
    answered, replaces the answer with ``fault`` (the request reached the server, the answer
    was lost)."""

    def __init__(self, fault: Callable[[httpx.Request], BaseException], *, on_create: int) -> None:
        self.inner = httpx.HTTPTransport()
        self.fault = fault
        self.on_create = on_create
        self.creates = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        if request.method == "POST" and request.url.path == CREATE_PATH:
            self.creates += 1
            if self.creates == self.on_create:
                response.read()
                response.close()
                raise self.fault(request)
        return response

    def close(self) -> None:
        self.inner.close()


def read_timeout(request: httpx.Request) -> BaseException:
    return httpx.ReadTimeout("timed out waiting for the answer", request=request)


def ctrl_c(request: httpx.Request) -> BaseException:
    return KeyboardInterrupt()


def push(
    cli_shop: CliShop,
    sheet: Path,
    *,
    transport: httpx.BaseTransport | None = None,
    journal: Path | None = None,
) -> tuple[int, dict[str, Any], str]:
    """run_push with the --json document and the progress lines back."""
    data, progress = io.StringIO(), io.StringIO()
    with cli_shop.client(transport) as client:
        code = run_push(
            sheet,
            Output(as_json=True, out=data),
            client,
            image_base_url=IMAGE_BASE_URL,
            overrides=cli_shop.places,
            journal_path=journal,
            progress=progress,
        )
    return code, json.loads(data.getvalue()), progress.getvalue()


def listed(cli_shop: CliShop) -> dict[str, int]:
    with cli_shop.client() as client:
        return dict(sku_counts(client))


def test_push_lists_every_valid_product_once(cli_shop: CliShop, make_sheet: SheetFactory) -> None:
    sheet = make_sheet()
    code, report, progress = push(cli_shop, sheet)
    assert code == EXIT_RULES  # the refused row stays out
    assert [s["product"] for s in report["skipped"]] == [REFUSED]
    assert {s["rule"] for s in report["skipped"][0]["problems"]} == {
        "image_not_square",
        "notice_detail_missing",
    }
    assert [(r["product"], r["status"]) for r in report["results"]] == [
        (name, "created") for name in VALID
    ]
    assert progress.splitlines()[0].startswith(
        "[1/3] 봄날 퓨어 클렌징 오일: created sellerProductId "
    )
    assert listed(cli_shop) == dict.fromkeys(ALL_SKUS, 1)

    # the images went out as URLs under --image-base-url
    first = report["results"][0]["sellerProductId"]
    with cli_shop.client() as client:
        product = client.products.get(first)
    paths = [image.vendorPath for item in product.items or [] for image in item.images or []]
    assert f"{IMAGE_BASE_URL}/images/cleansing-oil-200ml.png" in paths

    # a second run sends nothing
    code, again, _ = push(cli_shop, sheet)
    assert code == EXIT_RULES
    assert [r["status"] for r in again["results"]] == ["already"] * 3
    assert listed(cli_shop) == dict.fromkeys(ALL_SKUS, 1)


def test_crash_after_sending_reconciles_instead_of_duplicating(
    cli_shop: CliShop, make_sheet: SheetFactory
) -> None:
    """A run died after the create reached Coupang but before the journal said ``created``."""
    sheet = make_sheet()
    journal_path = sheet.with_name(sheet.name + ".journal.jsonl")
    with cli_shop.client() as client:
        products = load_sheet(
            sheet, cli_shop.vendor_id, defaults={"vendorUserId": "u"}, overrides=cli_shop.places
        )
        oil = next(p for p in products if p.key == "봄날 퓨어 클렌징 오일")
        body, problems = with_image_urls(oil, IMAGE_BASE_URL)
        assert not problems
        created_before = client.products.create(body)  # what the dead run had sent
        journal = Journal(journal_path, target=f"{client.options.base_url} {cli_shop.vendor_id}")
        journal.record(oil.key, "sending", sku=oil.external_sku)
    with journal_path.open("a", encoding="utf-8") as handle:
        handle.write('{"key": "봄날 데일리 선크')  # and it died in the middle of a line

    code, report, _ = push(cli_shop, sheet)
    assert code == EXIT_RULES
    results = {r["product"]: r for r in report["results"]}
    assert results["봄날 퓨어 클렌징 오일"]["sellerProductId"] == created_before
    assert results["봄날 퓨어 클렌징 오일"]["reconciled"] is True
    assert {name: r["status"] for name, r in results.items()} == dict.fromkeys(VALID, "created")
    assert listed(cli_shop) == dict.fromkeys(ALL_SKUS, 1)


def test_sending_entry_without_a_product_is_sent(
    cli_shop: CliShop, make_sheet: SheetFactory
) -> None:
    """A run died before its create reached Coupang: the lookup finds nothing, so it is sent."""
    sheet = make_sheet()
    journal_path = sheet.with_name(sheet.name + ".journal.jsonl")
    with cli_shop.client() as client:
        Journal(journal_path, target=f"{client.options.base_url} {cli_shop.vendor_id}").record(
            "봄날 시어버터 핸드크림", "sending", sku="BN-HC-075"
        )
    code, report, _ = push(cli_shop, sheet)
    assert code == EXIT_RULES
    assert all(r["status"] == "created" and "reconciled" not in r for r in report["results"])
    assert listed(cli_shop) == dict.fromkeys(ALL_SKUS, 1)


def test_timeout_after_the_server_got_it_reconciles(
    cli_shop: CliShop, make_sheet: SheetFactory
) -> None:
    sheet = make_sheet()
    faulty = Faulty(read_timeout, on_create=2)  # the sun cream's answer is lost
    code, report, progress = push(cli_shop, sheet, transport=faulty)
    assert code == EXIT_RULES
    results = {r["product"]: r for r in report["results"]}
    assert results["봄날 데일리 선크림 SPF50+ PA++++"]["status"] == "created"
    assert results["봄날 데일리 선크림 SPF50+ PA++++"]["reconciled"] is True
    assert "answer lost" in progress
    assert faulty.creates == 3  # reconciled, not resent
    assert listed(cli_shop) == dict.fromkeys(ALL_SKUS, 1)
    statuses = [e["status"] for e in journal_entries(Path(report["journal"]))]
    assert statuses.count("uncertain") == 1


def test_ctrl_c_mid_run_then_rerun_completes(cli_shop: CliShop, make_sheet: SheetFactory) -> None:
    sheet = make_sheet()
    code, report, _ = push(cli_shop, sheet, transport=Faulty(ctrl_c, on_create=2))
    assert code == EXIT_INTERRUPTED
    assert report["interrupted"] is True
    assert report["counts"]["created"] == 1 and report["counts"]["pending"] == 2
    last = {e["key"]: e["status"] for e in journal_entries(Path(report["journal"]))}
    assert last["봄날 데일리 선크림 SPF50+ PA++++"] == "sending"  # sent, answer never read
    assert "봄날 시어버터 핸드크림" not in last

    code, report, _ = push(cli_shop, sheet)
    assert code == EXIT_RULES
    statuses = {r["product"]: (r["status"], r.get("reconciled", False)) for r in report["results"]}
    assert statuses == {
        "봄날 퓨어 클렌징 오일": ("already", False),
        "봄날 데일리 선크림 SPF50+ PA++++": ("created", True),
        "봄날 시어버터 핸드크림": ("created", False),
    }
    assert listed(cli_shop) == dict.fromkeys(ALL_SKUS, 1)


def test_refused_by_the_server_is_reported_on_the_cell(
    cli_shop: CliShop, make_sheet: SheetFactory
) -> None:
    """A rule only the server can judge (the return center must exist) maps back to the sheet."""
    sheet = make_sheet(edit=lambda rows: rows.pop())
    data = io.StringIO()
    with cli_shop.client() as client:
        code = run_push(
            sheet,
            Output(as_json=True, out=data),
            client,
            image_base_url=IMAGE_BASE_URL,
            overrides={
                "outboundShippingPlaceCode": cli_shop.outbound
            },  # the sheet's center: unknown
            progress=io.StringIO(),
        )
    assert code == EXIT_RULES
    report = json.loads(data.getvalue())
    first = report["results"][0]
    assert first["status"] == "failed"
    assert {(p["row"], p["column"], p["rule"]) for p in first["problems"]} == {
        (2, "returnCenterCode", "return_center_not_found")
    }
    assert listed(cli_shop) == {}
    # failed for sure: the next run simply tries again
    code, report, _ = push(cli_shop, sheet)
    assert code == EXIT_OK
    assert listed(cli_shop) == dict.fromkeys(ALL_SKUS, 1)


def test_local_images_need_a_base_url(cli_shop: CliShop, make_sheet: SheetFactory) -> None:
    sheet = make_sheet(edit=lambda rows: rows.pop())
    data = io.StringIO()
    with cli_shop.client() as client:
        code = run_push(
            sheet,
            Output(as_json=True, out=data),
            client,
            overrides=cli_shop.places,
            progress=io.StringIO(),
        )
    assert code == EXIT_RULES
    report = json.loads(data.getvalue())
    assert len(report["skipped"]) == 3 and report["results"] == []
    problem = report["skipped"][0]["problems"][0]
    assert (problem["row"], problem["column"], problem["rule"]) == (
        2,
        "representativeImage",
        "image_needs_url",
    )


def test_journal_is_scoped_to_the_api_and_vendor(
    cli_shop: CliShop, make_sheet: SheetFactory, tmp_path: Path
) -> None:
    """A journal written for another account (or the sandbox) never skips a product here."""
    sheet = make_sheet(edit=lambda rows: rows.pop())
    journal_path = tmp_path / "shared.journal.jsonl"
    other = Journal(journal_path, target="https://api-gateway.coupang.com A00000001")
    for key in VALID:
        other.record(key, "created", sellerProductId=1)
    code, report, _ = push(cli_shop, sheet, journal=journal_path)
    assert code == EXIT_OK
    assert [r["status"] for r in report["results"]] == ["created"] * 3


def test_xlsx_push(cli_shop: CliShop, make_sheet: SheetFactory, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    import csv

    make_sheet()  # the images next to the workbook
    with SAMPLE.open(encoding="utf-8-sig", newline="") as handle:
        records = list(csv.reader(handle))
    workbook = openpyxl.Workbook()
    for record in records:
        workbook.active.append(
            [int(v) if v.isdigit() and len(v) < 10 else (v or None) for v in record]
        )
    path = tmp_path / "sheet.xlsx"
    workbook.save(path)
    code, report, _ = push(cli_shop, path)
    assert code == EXIT_RULES
    assert [s["product"] for s in report["skipped"]] == [REFUSED]
    assert listed(cli_shop) == dict.fromkeys(ALL_SKUS, 1)


def test_cli_push_wiring(
    cli_env: CliShop, make_sheet: SheetFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = make_sheet()
    argv = [
        "products",
        "push",
        str(sheet),
        "--image-base-url",
        IMAGE_BASE_URL,
        "--outbound-place",
        str(cli_env.outbound),
        "--return-center",
        cli_env.return_center,
    ]
    assert main(argv) == EXIT_RULES
    out, err = capsys.readouterr()
    assert f"skipped {REFUSED} (rows 6):" in out
    assert out.splitlines()[-1].startswith("3 created, 0 already created, 0 failed, 1 skipped")
    assert "[3/3] 봄날 시어버터 핸드크림: created sellerProductId" in err  # progress on stderr
    assert main(["--json", *argv]) == EXIT_RULES
    report = json.loads(capsys.readouterr().out)
    assert report["counts"] == {
        "created": 0,
        "already": 3,
        "failed": 0,
        "skipped": 1,
        "pending": 0,
    }
    assert listed(cli_env) == dict.fromkeys(ALL_SKUS, 1)


def test_cli_push_without_credentials_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("ACCESS_KEY", "SECRET_KEY", "VENDOR_ID"):
        monkeypatch.delenv(f"COUPANG_{name}", raising=False)
    assert main(["products", "push", str(SAMPLE)]) == 2
    assert capsys.readouterr().err.startswith("error: ")


def test_api_failure_exit_code(cli_shop: CliShop, make_sheet: SheetFactory) -> None:
    """Two lost answers in a row and nothing found: failed (1), the journal keeps it uncertain."""

    class AlwaysTimeout(Faulty):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            if request.method == "POST" and request.url.path == CREATE_PATH:
                raise httpx.ReadTimeout("no answer", request=request)  # never reached the sandbox
            return self.inner.handle_request(request)

    def oil_only(rows: list[dict[str, str]]) -> None:
        del rows[2:]

    sheet = make_sheet(edit=oil_only)
    code, report, _ = push(cli_shop, sheet, transport=AlwaysTimeout(read_timeout, on_create=0))
    assert code == EXIT_API_ERROR
    assert report["results"][0]["status"] == "failed"
    last = {e["key"]: e["status"] for e in journal_entries(Path(report["journal"]))}
    assert last == {"봄날 퓨어 클렌징 오일": "uncertain"}
    code, report, _ = push(cli_shop, sheet)
    assert code == EXIT_OK
    assert listed(cli_shop) == {"BN-CO-200": 1, "BN-CO-400": 1}


def test_lookup_failure_keeps_the_journal_uncertain(
    cli_shop: CliShop, make_sheet: SheetFactory
) -> None:
    """When the reconciling lookup itself fails, nothing is sent and the next run looks again."""

    class NoLookups(Faulty):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            if "external-vendor-sku-codes" in request.url.path:
                raise httpx.ConnectError("unreachable", request=request)
            return self.inner.handle_request(request)

    def oil_only(rows: list[dict[str, str]]) -> None:
        del rows[2:]

    sheet = make_sheet(edit=oil_only)
    journal_path = sheet.with_name(sheet.name + ".journal.jsonl")
    with cli_shop.client() as client:
        Journal(journal_path, target=f"{client.options.base_url} {cli_shop.vendor_id}").record(
            "봄날 퓨어 클렌징 오일", "sending", sku="BN-CO-200"
        )
    faulty = NoLookups(read_timeout, on_create=0)
    code, report, _ = push(cli_shop, sheet, transport=faulty)
    assert code == EXIT_API_ERROR
    assert faulty.creates == 0
    assert report["results"][0]["error"].startswith("cannot look it up yet")
    assert journal_entries(journal_path)[-1]["status"] == "sending"
    code, report, _ = push(cli_shop, sheet)
    assert code == EXIT_OK
    assert listed(cli_shop) == {"BN-CO-200": 1, "BN-CO-400": 1}


def test_progress_bar_on_a_terminal() -> None:
    from coupang_cli._products import _Progress
    from coupang_cli._sheet import SheetProduct

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    bar = _Progress(stream, 2)
    product = SheetProduct("x", [2], {})
    bar.step(1, product, "created", "created sellerProductId 1")
    bar.step(2, product, "failed", "HTTP 500")
    bar.close()
    assert stream.getvalue() == (
        "\r[############............] 1/2  created 1  already 0  failed 0"
        "\r[########################] 2/2  created 1  already 0  failed 1\n"
    )
