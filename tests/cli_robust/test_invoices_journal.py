"""``orders invoices`` journal in-process, against the sandbox app over HTTP (SQLite and
PostgreSQL): a lost answer within one run, Ctrl-C, a rerun after a refusal, and the read-back
rule (invoice number *and* courier)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from coupang_cli._errors import EXIT_API_ERROR, EXIT_AUTH, EXIT_INTERRUPTED, EXIT_OK
from coupang_cli._journal import Journal, journal_target
from coupang_cli._orders import _line_shipped, already_uploaded, run_invoices
from coupang_cli._output import Output
from coupang_seller import Client
from coupang_seller.resources.sandbox import PlacedOrder
from coupang_seller.types.orders import OrderSheet
from tests.orders.after_sales import VENDOR, Market, fresh_number
from tests.products.conftest import make_client
from tests.returns.conftest import (  # noqa: F401  (fixtures)
    app,
    catalog_module,
    client,
    market,
    settings,
    transport,
)

UPLOAD = "/orders/invoices"


class LoseAnswer(httpx.BaseTransport):
    """Forwards everything; on the n-th invoice upload the sandbox does the work, then the
    answer is replaced by ``fault`` (a timeout: it may have been processed; Ctrl-C)."""

    def __init__(
        self, inner: httpx.BaseTransport, fault: Callable[[httpx.Request], BaseException], n: int
    ) -> None:
        self.inner, self.fault, self.n = inner, fault, n
        self.uploads = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        if request.method == "POST" and request.url.path.endswith(UPLOAD):
            self.uploads += 1
            if self.uploads == self.n:
                response.read()
                raise self.fault(request)
        return response


def _timeout(request: httpx.Request) -> BaseException:
    return httpx.ReadTimeout("timed out waiting for the answer", request=request)


def _ctrl_c(request: httpx.Request) -> BaseException:
    return KeyboardInterrupt()


def _sheet(path: Path, placed: list[PlacedOrder], courier: str = "CJGLS") -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["shipmentBoxId", "orderId", "vendorItemId", "deliveryCompanyCode", "invoiceNumber"]
        )
        for p in placed:
            for box in p.shipmentBoxes:
                for item in box.vendorItemIds:
                    writer.writerow([box.shipmentBoxId, p.orderId, item, courier, fresh_number()])
    return path


def _run(seller: Client, sheet: Path) -> tuple[int, dict[str, Any]]:
    out = io.StringIO()
    code = run_invoices(seller, Output(as_json=True, out=out, err=io.StringIO()), sheet)
    return code, json.loads(out.getvalue())


def test_lost_answer_is_read_back_not_resent(
    market: Market,  # noqa: F811
    transport: httpx.BaseTransport,  # noqa: F811
    tmp_path: Path,
) -> None:
    placed = [market.instructed({market.items[0]: 1}) for _ in range(3)]
    sheet = _sheet(tmp_path / "lost.csv", placed)
    faulty = LoseAnswer(transport, _timeout, n=1)
    with make_client(VENDOR, faulty) as seller:
        code, report = _run(seller, sheet)
    assert code == EXIT_OK, report
    assert faulty.uploads == 1  # found uploaded on the order sheets: never sent again
    assert {r["status"] for r in report["results"]} == {"uploaded"}
    assert all(r["reconciled"] for r in report["results"])
    statuses = [
        json.loads(line)["status"] for line in Path(report["journal"]).read_text().splitlines()
    ]
    assert statuses == ["sending"] * 3 + ["uncertain"] * 3 + ["uploaded"] * 3


def test_ctrl_c_then_rerun(
    market: Market,  # noqa: F811
    transport: httpx.BaseTransport,  # noqa: F811
    tmp_path: Path,
) -> None:
    placed = [market.instructed({market.items[0]: 1}) for _ in range(2)]
    sheet = _sheet(tmp_path / "ctrl-c.csv", placed)
    with make_client(VENDOR, LoseAnswer(transport, _ctrl_c, n=1)) as seller:
        code, report = _run(seller, sheet)
    assert code == EXIT_INTERRUPTED and report["interrupted"] is True
    assert report["counts"]["pending"] == 2
    code, report = _run(market.client, sheet)
    assert code == EXIT_OK
    assert [(r["status"], r.get("reconciled")) for r in report["results"]] == [
        ("already", True),
        ("already", True),
    ]


def test_refused_box_is_tried_again_and_done_ones_are_not(
    market: Market,  # noqa: F811
    tmp_path: Path,
) -> None:
    ready = market.instructed({market.items[0]: 1})
    early = market.visible_order({market.items[0]: 1})  # not acknowledged yet: INVALID_STATUS
    sheet = _sheet(tmp_path / "refused.csv", [ready, early])
    code, report = _run(market.client, sheet)
    assert code == EXIT_API_ERROR
    assert [r["status"] for r in report["results"]] == ["uploaded", "refused"]
    market.client.orders.acknowledge(early.shipment_box_ids)
    code, report = _run(market.client, sheet)
    assert code == EXIT_OK
    assert [r["status"] for r in report["results"]] == ["already", "uploaded"]


def test_read_back_needs_the_same_number_and_courier(
    market: Market,  # noqa: F811
    tmp_path: Path,
) -> None:
    placed = market.instructed({market.items[0]: 1})
    number = fresh_number()
    line = {
        "shipmentBoxId": placed.shipment_box_ids[0],
        "orderId": placed.orderId,
        "vendorItemId": market.items[0],
        "deliveryCompanyCode": "CJGLS",
        "invoiceNumber": number,
    }
    assert not already_uploaded(market.client, [line], {})
    assert market.client.orders.upload_invoices([line]).all_succeeded
    assert already_uploaded(market.client, [line], {})
    assert not already_uploaded(market.client, [{**line, "deliveryCompanyCode": "HANJIN"}], {})
    assert not already_uploaded(market.client, [{**line, "invoiceNumber": fresh_number()}], {})


def test_journal_of_another_target_is_ignored(
    market: Market,  # noqa: F811
    tmp_path: Path,
) -> None:
    placed = market.instructed({market.items[0]: 1})
    sheet = _sheet(tmp_path / "scoped.csv", [placed])
    other = Journal(sheet.with_name(sheet.name + ".journal.jsonl"), "https://elsewhere A1")
    other.record(f"box {placed.shipment_box_ids[0]}", "uploaded")
    assert journal_target(market.client) != other.target
    code, report = _run(market.client, sheet)
    assert code == EXIT_OK
    assert [r["status"] for r in report["results"]] == ["uploaded"]


def test_split_shipment_lost_answer_is_read_back(
    market: Market,  # noqa: F811
    transport: httpx.BaseTransport,  # noqa: F811
    tmp_path: Path,
) -> None:
    """A split shipment moves the first item to a new box: the read-back looks at every box of
    the order, and a line without a number matches on its planned shipping date."""
    first, second = market.items
    placed = market.instructed({first: 1, second: 1})
    [box] = placed.shipmentBoxes
    sheet = tmp_path / "split.csv"
    with sheet.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["shipmentBoxId", "orderId", "vendorItemId", "deliveryCompanyCode", "invoiceNumber",
             "splitShipping", "preSplitShipped", "estimatedShippingDate"]
        )  # fmt: skip
        writer.writerow([box.shipmentBoxId, placed.orderId, first, "CJGLS", fresh_number(), "Y", "N", ""])  # fmt: skip
        writer.writerow([box.shipmentBoxId, placed.orderId, second, "CJGLS", "", "Y", "N", "2025-07-20"])  # fmt: skip
    faulty = LoseAnswer(transport, _timeout, n=1)
    with make_client(VENDOR, faulty) as seller:
        code, report = _run(seller, sheet)
    assert code == EXIT_OK, report
    assert faulty.uploads == 1
    assert [(r["status"], r.get("reconciled")) for r in report["results"]] == [("uploaded", True)]


def test_an_authentication_failure_stops_the_run(
    market: Market,  # noqa: F811
    transport: httpx.BaseTransport,  # noqa: F811
    tmp_path: Path,
) -> None:
    placed = market.instructed({market.items[0]: 1})
    sheet = _sheet(tmp_path / "auth.csv", [placed])
    relay = LoseAnswer(transport, _timeout, n=0)  # closing the client leaves the app's transport
    with make_client((VENDOR[0], VENDOR[1], "not-the-secret"), relay) as seller:
        code, report = _run(seller, sheet)
    assert code == EXIT_AUTH
    assert [r["status"] for r in report["results"]] == ["failed"]
    code, report = _run(market.client, sheet)  # refused for sure: simply sent next time
    assert code == EXIT_OK
    assert [r["status"] for r in report["results"]] == ["uploaded"]


def _sheet_of(**fields: Any) -> OrderSheet:
    return OrderSheet.model_validate(
        {"shipmentBoxId": 1, "orderId": 2, "status": "DEPARTURE",
         "orderItems": [{"vendorItemId": 3}], **fields}
    )  # fmt: skip


def test_read_back_by_courier_name_as_coupang_answers_it() -> None:
    """Coupang's order sheet names the courier (``deliveryCompanyName``), not its code."""
    line = {"vendorItemId": 3, "deliveryCompanyCode": "CJGLS", "invoiceNumber": "123456789012"}
    named = _sheet_of(deliveryCompanyName="CJ 대한통운", invoiceNumber="123456789012")
    assert _line_shipped([named], line)
    assert not _line_shipped([named], {**line, "deliveryCompanyCode": "HANJIN"})
    assert not _line_shipped([named], {**line, "vendorItemId": 4})
    unnamed = _sheet_of(invoiceNumber="123456789012")
    assert _line_shipped([unnamed], line)  # nothing to compare: the number decides
