"""``coupang-seller orders list|ack|invoices`` against the sandbox app: the command functions
with the in-process SDK client (SQLite and PostgreSQL), and the whole CLI (argument parsing,
credentials from the environment, exit codes) against an embedded sandbox."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from coupang_cli import main
from coupang_cli._errors import EXIT_API_ERROR, EXIT_OK, EXIT_RULES, EXIT_USAGE
from coupang_cli._orders import read_invoice_sheet, run_ack, run_invoices, run_list
from coupang_cli._output import Output
from coupang_seller import Client
from coupang_seller.resources.sandbox import PlacedOrder
from tests.orders.after_sales import START, Market, fresh_number

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
HEADER = [
    "shipmentBoxId", "orderId", "vendorItemId", "deliveryCompanyCode", "invoiceNumber",
    "splitShipping", "preSplitShipped", "estimatedShippingDate",
]  # fmt: skip
DAY = START.date()


class Captured:
    def __init__(self, *, as_json: bool = False) -> None:
        self.out, self.err = io.StringIO(), io.StringIO()
        self.output = Output(as_json=as_json, out=self.out, err=self.err)

    @property
    def text(self) -> str:
        return self.out.getvalue()

    def json(self) -> Any:
        return json.loads(self.out.getvalue())


def _write(path: Path, rows: list[dict[str, Any]], header: list[str] = HEADER) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, header, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


def _rows(placed: PlacedOrder, number: str, courier: str = "CJGLS") -> list[dict[str, Any]]:
    return [
        {"shipmentBoxId": box.shipmentBoxId, "orderId": placed.orderId, "vendorItemId": item,
         "deliveryCompanyCode": courier, "invoiceNumber": number}
        for box in placed.shipmentBoxes for item in box.vendorItemIds
    ]  # fmt: skip


# -- list ----------------------------------------------------------------------------------


def test_list_walks_every_page_and_status(market: Market) -> None:
    client = market.client
    placed = [market.visible_order({market.items[0]: 1}) for _ in range(53)]
    client.orders.acknowledge(placed[0].shipment_box_ids)
    boxes = {b for p in placed for b in p.shipment_box_ids}
    cap = Captured(as_json=True)
    assert run_list(client, cap.output, start=DAY, end=DAY, status=None) == EXIT_OK
    listed = cap.json()
    assert {s["shipmentBoxId"] for s in listed} == boxes and len(listed) == len(boxes)
    assert {s["status"] for s in listed} == {"ACCEPT", "INSTRUCT"}
    only = Captured()
    assert run_list(client, only.output, start=DAY, end=DAY, status="INSTRUCT") == EXIT_OK
    lines = only.text.splitlines()
    assert lines[0].startswith(f"{placed[0].shipment_box_ids[0]}\t{placed[0].orderId}\tINSTRUCT")
    assert lines[-1].startswith("1 order sheet(s) paid")


def test_list_refuses_a_reversed_period(market: Market) -> None:
    with pytest.raises(ValueError, match="before --from"):
        run_list(market.client, Captured().output, start=DAY, end=DAY.replace(day=1), status=None)


# -- acknowledgement -----------------------------------------------------------------------


def test_ack_splits_long_lists_and_reports_every_box(market: Market) -> None:
    client = market.client
    placed = [market.order({market.items[0]: 1}) for _ in range(51)]
    client.sandbox.clock.advance(601)
    ids = [str(b) for p in placed for b in p.shipment_box_ids]
    assert len(ids) > 50
    calls: list[int] = []
    original = client.orders.acknowledge

    def spy(chunk: Any, **kw: Any) -> Any:
        calls.append(len(chunk))
        return original(chunk, **kw)

    client.orders.acknowledge = spy  # type: ignore[method-assign]
    cap = Captured()
    assert run_ack(client, cap.output, ids) == EXIT_OK
    assert calls == [50, len(ids) - 50]
    assert cap.text.count(": OK") == len(ids)
    assert f"{len(ids)} acknowledged, 0 failed" in cap.text
    assert {client.orders.get(int(i)).status for i in ids} == {"INSTRUCT"}


def test_ack_failures_give_a_non_zero_exit(market: Market) -> None:
    placed = market.instructed({market.items[0]: 1})
    fresh = market.visible_order({market.items[0]: 1})
    ids = [str(placed.shipment_box_ids[0]), str(fresh.shipment_box_ids[0]), "999999999"]
    cap = Captured(as_json=True)
    assert run_ack(market.client, cap.output, ids) == EXIT_API_ERROR
    results = {r["shipmentBoxId"]: r for r in cap.json()["results"]}
    assert results[placed.shipment_box_ids[0]]["resultCode"] == "INVALID_STATUS"
    assert results[fresh.shipment_box_ids[0]]["succeed"] is True
    assert results[999999999]["resultCode"] == "NOT_FOUND_SHIPMENT_BOX"
    assert cap.json()["failed"] == 2


def test_ack_refuses_non_numeric_ids_before_sending(market: Market) -> None:
    fresh = market.visible_order({market.items[0]: 1})
    cap = Captured()
    assert run_ack(market.client, cap.output, [str(fresh.shipment_box_ids[0]), "abc"]) == EXIT_USAGE
    assert "abc" in cap.err.getvalue()
    assert market.client.orders.get(fresh.shipment_box_ids[0]).status == "ACCEPT"


# -- invoices ------------------------------------------------------------------------------


def test_invoices_preflight_reports_row_column_rule_and_uploads_the_rest(
    market: Market, tmp_path: Path
) -> None:
    client = market.client
    good = market.instructed({market.items[0]: 1})
    bad = market.instructed({market.items[0]: 1})
    direct = market.instructed({market.items[0]: 1})
    rows = _rows(good, fresh_number())
    rows += _rows(bad, "12345")  # CJGLS numbers are 10 or 12 digits
    rows += _rows(direct, "42", courier="direct")  # DIRECT takes any digits
    sheet = _write(tmp_path / "invoices.csv", rows)
    cap = Captured()
    assert run_invoices(client, cap.output, sheet) == EXIT_RULES
    text = cap.text
    assert "invoices.csv row 3 [invoiceNumber] invoice_digits:" in text
    assert f"not sent: 1 box(es) with broken rows ({bad.shipment_box_ids[0]})" in text
    assert f"box {good.shipment_box_ids[0]}: OK" in text
    assert f"box {direct.shipment_box_ids[0]}: OK" in text
    assert "2 box(es) uploaded, 0 refused by Coupang, 1 not sent" in text
    assert client.orders.get(good.shipment_box_ids[0]).status == "DEPARTURE"
    assert client.orders.get(direct.shipment_box_ids[0]).status == "NONE_TRACKING"
    assert client.orders.get(bad.shipment_box_ids[0]).status == "INSTRUCT"


def test_invoices_box_refused_by_the_server_exits_1(market: Market, tmp_path: Path) -> None:
    client = market.client
    number = fresh_number()
    first = market.instructed({market.items[0]: 1})
    second = market.instructed({market.items[0]: 1})
    accepted = market.visible_order({market.items[0]: 1})  # not acknowledged: INVALID_STATUS
    rows = _rows(first, number) + _rows(second, number) + _rows(accepted, fresh_number())
    cap = Captured(as_json=True)
    assert run_invoices(client, cap.output, _write(tmp_path / "dup.csv", rows)) == EXIT_API_ERROR
    results = {r["shipmentBoxId"]: r for r in cap.json()["results"]}
    assert results[first.shipment_box_ids[0]]["succeed"] is True
    assert results[second.shipment_box_ids[0]]["resultCode"] == "DUPLICATE_INVOICE_NUMBER"
    assert results[accepted.shipment_box_ids[0]]["resultCode"] == "INVALID_STATUS"
    assert cap.json()["problems"] == [] and cap.json()["notSent"] == []


def test_invoices_split_shipping_from_the_sheet(market: Market, tmp_path: Path) -> None:
    first, second = market.items
    placed = market.instructed({first: 1, second: 1})
    [box] = placed.shipmentBoxes
    assert sorted(box.vendorItemIds) == sorted([first, second])
    rows = [
        {"shipmentBoxId": box.shipmentBoxId, "orderId": placed.orderId, "vendorItemId": first,
         "deliveryCompanyCode": "CJGLS", "invoiceNumber": fresh_number(),
         "splitShipping": "Y", "preSplitShipped": "N"},
        {"shipmentBoxId": box.shipmentBoxId, "orderId": placed.orderId, "vendorItemId": second,
         "deliveryCompanyCode": "CJGLS", "invoiceNumber": "", "splitShipping": "true",
         "preSplitShipped": "false", "estimatedShippingDate": "2025-07-20"},
    ]  # fmt: skip
    cap = Captured()
    assert run_invoices(market.client, cap.output, _write(tmp_path / "s.csv", rows)) == EXIT_OK
    sheets = market.client.orders.by_order_id(placed.orderId)
    assert any(s.splitShipping for s in sheets)
    assert {s.status for s in sheets} >= {"DEPARTURE"}


def test_invoice_sheet_offline_rules(tmp_path: Path) -> None:
    rows = [
        {"shipmentBoxId": "x1", "orderId": "1", "vendorItemId": "2",
         "deliveryCompanyCode": "NOPE", "invoiceNumber": "1234567890"},
        {"shipmentBoxId": "5", "orderId": "1", "vendorItemId": "2",
         "deliveryCompanyCode": "CJGLS", "invoiceNumber": "1234567890", "splitShipping": "maybe"},
        {"shipmentBoxId": "6", "orderId": "1", "vendorItemId": "2",
         "deliveryCompanyCode": "CJGLS", "invoiceNumber": "1234567890"},
        {"shipmentBoxId": "6", "orderId": "1", "vendorItemId": "3",
         "deliveryCompanyCode": "CJGLS", "invoiceNumber": "1234567891"},
    ]  # fmt: skip
    sheet = read_invoice_sheet(_write(tmp_path / "rules.csv", rows))
    found = {(p.row, p.column, p.rule) for p in sheet.problems}
    assert (2, "shipmentBoxId", "required") in found
    assert (2, "deliveryCompanyCode", "courier_unknown") in found
    assert (3, "splitShipping", "type") in found
    assert (4, "invoiceNumber", "box_one_invoice") in found
    assert sheet.valid_boxes() == []


def test_invoice_sheet_needs_its_columns(tmp_path: Path) -> None:
    path = _write(tmp_path / "cols.csv", [{"shipmentBoxId": "1"}], header=["shipmentBoxId"])
    with pytest.raises(ValueError, match="missing column"):
        read_invoice_sheet(path)


def test_example_sheet_passes_the_offline_check() -> None:
    sheet = read_invoice_sheet(EXAMPLES / "invoices_sample.csv")
    assert sheet.problems == [] and len(sheet.valid_boxes()) == 4


# -- the whole command line ----------------------------------------------------------------


def test_cli_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as bad_date:
        main(["orders", "list", "--from", "2025-13-01", "--to", "2025-07-15"])
    assert bad_date.value.code == EXIT_USAGE
    with pytest.raises(SystemExit) as bad_status:
        main(["orders", "list", "--from", "2025-07-01", "--to", "2025-07-15", "--status", "NOPE"])
    assert bad_status.value.code == EXIT_USAGE
    assert "orders" in capsys.readouterr().err


@pytest.mark.e2e
def test_cli_end_to_end(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    catalog_module: Any,
) -> None:
    from coupang_cli._embedded import embedded_sandbox
    from tests.orders.conftest import open_market
    from tests.products.conftest import VENDOR

    with embedded_sandbox(db_url=f"sqlite:///{tmp_path / 'sb.sqlite3'}", vendors=[VENDOR]) as sb:
        seller = Client(VENDOR[1], VENDOR[2], VENDOR[0], base_url=sb.base_url, user_id="cli")
        with seller:
            market = open_market(seller, catalog_module)
            placed = market.visible_order({market.items[0]: 1})
        for name, value in (("COUPANG_ACCESS_KEY", VENDOR[1]), ("COUPANG_SECRET_KEY", VENDOR[2]),
                            ("COUPANG_VENDOR_ID", VENDOR[0]), ("COUPANG_BASE_URL", sb.base_url),
                            ("COUPANG_USER_ID", "cli")):  # fmt: skip
            monkeypatch.setenv(name, value)
        box = placed.shipment_box_ids[0]
        assert main(["orders", "ack", str(box)]) == EXIT_OK
        assert f"box {box}: OK" in capsys.readouterr().out
        assert main(["orders", "list", "--from", str(DAY), "--to", str(DAY), "--json"]) == EXIT_OK
        [listed] = json.loads(capsys.readouterr().out)
        assert listed["shipmentBoxId"] == box and listed["status"] == "INSTRUCT"
        sheet = _write(tmp_path / "e2e.csv", _rows(placed, fresh_number()))
        assert main(["orders", "invoices", str(sheet)]) == EXIT_OK
        assert "1 box(es) uploaded" in capsys.readouterr().out
        assert main(["--json", "orders", "ack", str(box)]) == EXIT_API_ERROR
        answer = json.loads(capsys.readouterr().out)
        assert answer["results"][0]["resultCode"] == "INVALID_STATUS"
