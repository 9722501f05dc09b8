"""``coupang-seller orders list|ack|invoices``: the daily order work from a terminal.

* ``list --from DATE --to DATE [--status S]`` walks every page and every 31-day window of the
  daily order-sheet list through the SDK (every listable status when ``--status`` is not
  given), one line per shipment box.
* ``ack SHIPMENT_BOX_ID...`` acknowledges (ACCEPT -> INSTRUCT) in calls of at most 50 boxes
  and prints the result of every box; the exit code is 1 when any box failed.
* ``invoices FILE.csv`` uploads invoices from a sheet with the columns of
  ``orderSheetInvoiceApplyDtos``. Every row is checked offline first with the rules the SDK and
  the sandbox share (courier codes, invoice digits, split shipping, one invoice per box) and
  each problem is printed as row, column and rule. A box with a broken row is not sent at all
  (its lines travel together); the other boxes are uploaded, 50 boxes per call, and the result
  of every box is printed. Exit code: 3 when rows were refused offline, else 1 when Coupang
  refused a box, else 0.

``invoices`` keeps a journal next to the sheet (``FILE.journal.jsonl``, or ``--journal``; the
mechanism of ``products push``, :mod:`coupang_cli._journal`): every box is recorded as
``sending`` before its call and ``uploaded``/``failed`` after. Coupang has no idempotency key,
so a box whose answer was lost (a timeout or 5xx after sending, Ctrl-C, ``kill -9``) is read
back first (its order's sheets show the invoice number with that courier: uploaded) and sent
again only when it is not there. A rerun reports boxes done earlier as already uploaded, not
as refused. ``ack`` is not journaled: acknowledging twice is harmless.
"""

from __future__ import annotations

import argparse
import csv
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, cast

from coupang_cli._errors import (
    EXIT_API_ERROR,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_RULES,
    EXIT_USAGE,
    describe,
)
from coupang_cli._journal import (
    ABORT_ERRORS,
    FAILED,
    SENDING,
    UNCERTAIN,
    Journal,
    answer_may_be_lost,
    journal_beside,
    journal_target,
)
from coupang_cli._output import Output, to_jsonable
from coupang_seller import Client, CoupangError
from coupang_seller.preflight import Violation
from coupang_seller.preflight import orders as rules
from coupang_seller.types.couriers import COURIERS
from coupang_seller.types.orders import ORDER_SHEET_STATUSES, BulkItemResult, OrderSheet

if TYPE_CHECKING:
    from coupang_seller.types.codes import OrderSheetStatus

__all__ = [
    "ACK_CHUNK",
    "INVOICE_COLUMNS",
    "INVOICE_OPTIONAL_COLUMNS",
    "UPLOAD_CHUNK_BOXES",
    "InvoiceProblem",
    "InvoiceSheet",
    "add_order_commands",
    "already_uploaded",
    "read_invoice_sheet",
    "run_ack",
    "run_invoices",
    "run_list",
    "run_orders",
]

#: At most this many shipmentBoxIds per acknowledgement call (Coupang's limit).
ACK_CHUNK: Final = rules.ACKNOWLEDGEMENT_MAX
#: Boxes per invoice upload call: the CLI's own choice, to keep each request small.
UPLOAD_CHUNK_BOXES: Final = 50
INVOICE_COLUMNS: Final = (
    "shipmentBoxId",
    "orderId",
    "vendorItemId",
    "deliveryCompanyCode",
    "invoiceNumber",
)
INVOICE_OPTIONAL_COLUMNS: Final = ("splitShipping", "preSplitShipped", "estimatedShippingDate")
_ID_COLUMNS: Final = ("shipmentBoxId", "orderId", "vendorItemId")
_FLAG_COLUMNS: Final = ("splitShipping", "preSplitShipped")
_TRUE: Final = frozenset({"true", "y", "yes", "1"})
_FALSE: Final = frozenset({"false", "n", "no", "0", ""})
_LINE_FIELD = re.compile(r"^orderSheetInvoiceApplyDtos\[(\d+)\](?:\.(\w+))?$")


# -- argument parsing --------------------------------------------------------------------------


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date like 2025-07-15, got {text!r}") from None


def add_order_commands(sub: Any) -> None:
    """Register the ``orders`` sub-commands (list, ack, invoices) on the argparse ``sub`` parsers."""
    orders = sub.add_parser(
        "orders", help="order sheets: list, acknowledge, upload invoices from a CSV"
    ).add_subparsers(dest="action", required=True)
    listing = orders.add_parser(
        "list",
        help="every order sheet paid between two days (both inclusive), all pages",
        description="Walks 31-day windows and nextToken pages through the SDK.",
    )
    listing.add_argument("--from", dest="date_from", type=_day, required=True, metavar="DATE")
    listing.add_argument("--to", dest="date_to", type=_day, required=True, metavar="DATE")
    listing.add_argument(
        "--status",
        type=str.upper,
        choices=ORDER_SHEET_STATUSES,
        default=None,
        help="one status (default: every status)",
    )
    ack = orders.add_parser(
        "ack",
        help="acknowledge shipment boxes (ACCEPT -> INSTRUCT), 50 per call",
        description="Prints the result of every box; exit code 1 when any box failed.",
    )
    ack.add_argument("shipment_box_ids", nargs="+", metavar="SHIPMENT_BOX_ID")
    invoices = orders.add_parser(
        "invoices",
        help="upload invoices from a CSV (checked offline first, valid boxes uploaded)",
        description="Columns: "
        + ", ".join(INVOICE_COLUMNS)
        + " [, "
        + ", ".join(INVOICE_OPTIONAL_COLUMNS)
        + "]. Exit code 3 when rows were refused offline, 1 when Coupang refused a box. "
        "The journal (FILE.journal.jsonl) lets a rerun finish an interrupted upload: boxes "
        "already uploaded are not sent again, and a box whose answer was lost is read back "
        "from its order sheet before it is sent again.",
    )
    invoices.add_argument("file", type=Path)
    invoices.add_argument("--journal", type=Path, default=None, help="default: FILE.journal.jsonl")
    for command in (listing, ack, invoices):
        # `coupang-seller orders list --json` as well as `coupang-seller --json orders list`.
        command.add_argument(
            "--json", action="store_true", default=argparse.SUPPRESS, help="machine-readable output"
        )


def run_orders(args: argparse.Namespace, out: Output, client: Client) -> int:
    """Dispatch a parsed ``orders`` command to its runner; return the exit code."""
    if args.action == "list":
        return run_list(client, out, start=args.date_from, end=args.date_to, status=args.status)
    if args.action == "ack":
        return run_ack(client, out, args.shipment_box_ids)
    return run_invoices(client, out, args.file, journal_path=args.journal)


# -- list --------------------------------------------------------------------------------------


def _sheet_line(sheet: OrderSheet) -> str:
    receiver = sheet.receiver
    items = ", ".join(f"{i.vendorItemId} x{i.shippingCount}" for i in sheet.orderItems)
    post_code = receiver.postCode if receiver is not None else None
    return (
        f"{sheet.shipmentBoxId}\t{sheet.orderId}\t{sheet.status}\t{sheet.paidAt or '-'}"
        f"\t{post_code or '-'}\t{items}"
    )


def run_list(client: Client, out: Output, *, start: date, end: date, status: str | None) -> int:
    """Print the order sheets created between ``start`` and ``end`` (optionally one status); return
    the exit code.

    Raises ValueError when ``--to`` is before ``--from``.
    """
    if end < start:
        raise ValueError(f"--to {end} is before --from {start}")
    # argparse's choices= keeps the text to the OrderSheetStatus codes.
    statuses = [cast("OrderSheetStatus", status)] if status else list(ORDER_SHEET_STATUSES)
    sheets: list[OrderSheet] = []
    for each in statuses:
        for sheet in client.orders.iter(start, end, status=each):
            sheets.append(sheet)
            out.line(_sheet_line(sheet))
    out.line(f"{len(sheets)} order sheet(s) paid {start} ~ {end} ({', '.join(statuses)})")
    out.data(sheets)
    return EXIT_OK


# -- acknowledgement ---------------------------------------------------------------------------


def _result_line(item: BulkItemResult) -> str:
    if item.succeed:
        return f"box {item.shipmentBoxId}: OK"
    retry = " (retry later)" if item.retryRequired else ""
    return f"box {item.shipmentBoxId}: FAILED {item.resultCode}{retry}: {item.resultMessage}"


def run_ack(client: Client, out: Output, ids: Sequence[str]) -> int:
    """Acknowledge the given shipmentBoxIds (발주확인); non-numeric ids are refused before any call.
    Return the exit code.
    """
    bad = [text for text in ids if not text.strip().isdigit() or int(text) <= 0]
    if bad:
        out.error(f"shipmentBoxIds are positive numbers; not sent: {', '.join(bad)}")
        return EXIT_USAGE
    numbers = [int(text) for text in ids]
    results: list[BulkItemResult] = []
    for start in range(0, len(numbers), ACK_CHUNK):
        answer = client.orders.acknowledge(numbers[start : start + ACK_CHUNK])
        for item in answer.responseList:
            out.line(_result_line(item))
        results += answer.responseList
    failed = [item for item in results if not item.succeed]
    out.line(f"{len(results) - len(failed)} acknowledged, {len(failed)} failed")
    out.data(
        {
            "succeeded": len(results) - len(failed),
            "failed": len(failed),
            "results": results,
        }
    )
    return EXIT_API_ERROR if failed else EXIT_OK


# -- invoices ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class InvoiceProblem:
    """A broken rule of one row (``row`` is the line number in the file, the header is 1)."""

    row: int
    column: str
    rule: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        """The problem as a JSON-ready dict: row, column, rule, message."""
        return {"row": self.row, "column": self.column, "rule": self.rule, "message": self.message}


@dataclass
class InvoiceSheet:
    """The rows of an invoice CSV as upload lines, and what the offline check found."""

    lines: list[dict[str, Any]]
    problems: list[InvoiceProblem]

    def bad_rows(self) -> set[int]:
        """Sheet rows that carry at least one problem."""
        return {p.row for p in self.problems}

    def boxes(self) -> dict[Any, list[int]]:
        """Line indexes per shipmentBoxId, in first-seen order."""
        found: dict[Any, list[int]] = {}
        for index, line in enumerate(self.lines):
            found.setdefault(line.get("shipmentBoxId"), []).append(index)
        return found

    def valid_boxes(self) -> list[list[dict[str, Any]]]:
        """The lines of every box whose rows all passed, box by box."""
        bad = self.bad_rows()
        return [
            [self.lines[i] for i in indexes]
            for indexes in self.boxes().values()
            if not any(row_of(i) in bad for i in indexes)
        ]

    def refused_boxes(self) -> list[Any]:
        """Boxes with at least one bad row: none of their invoices are uploaded."""
        bad = self.bad_rows()
        return [
            box for box, indexes in self.boxes().items() if any(row_of(i) in bad for i in indexes)
        ]


def row_of(index: int) -> int:
    """The file line of the ``index``-th data row (the header is line 1)."""
    return index + 2


def _id_value(text: str) -> Any:
    value = text.strip()
    return int(value) if value.isdigit() else value


def _flag_value(text: str) -> Any:
    value = text.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    return text  # left as text: the rule reports it (splitShipping must be true or false)


def _line_of(row: Mapping[str, str | None]) -> dict[str, Any]:
    def cell(name: str) -> str:
        """The stripped text of column ``name`` in this row (empty when missing)."""
        return (row.get(name) or "").strip()

    line: dict[str, Any] = {name: _id_value(cell(name)) for name in _ID_COLUMNS}
    line["deliveryCompanyCode"] = cell("deliveryCompanyCode").upper()
    line["invoiceNumber"] = cell("invoiceNumber")
    for name in _FLAG_COLUMNS:
        line[name] = _flag_value(cell(name))
    line["estimatedShippingDate"] = cell("estimatedShippingDate")
    return line


def _locate(violation: Violation) -> tuple[int, str]:
    match = _LINE_FIELD.match(violation.field)
    if match is None:
        return 1, violation.field
    return row_of(int(match.group(1))), match.group(2) or "shipmentBoxId"


def read_invoice_sheet(path: Path) -> InvoiceSheet:
    """Read and check the sheet offline. A missing column is a usage error (ValueError)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        header = [name.strip() for name in reader.fieldnames or []]
        missing = [name for name in INVOICE_COLUMNS if name not in header]
        if missing:
            raise ValueError(
                f"{path}: missing column(s) {', '.join(missing)} "
                f"(expected {', '.join(INVOICE_COLUMNS)}"
                f"[, {', '.join(INVOICE_OPTIONAL_COLUMNS)}])"
            )
        reader.fieldnames = header
        rows = [row for row in reader if any((value or "").strip() for value in row.values())]
    if not rows:
        raise ValueError(f"{path}: no invoice rows")
    lines = [_line_of(row) for row in rows]
    violations = rules.check_invoice_lines({"orderSheetInvoiceApplyDtos": lines})
    problems = []
    for violation in violations:
        row, column = _locate(violation)
        problems.append(InvoiceProblem(row, column, violation.rule, violation.message))
    return InvoiceSheet(lines, problems)


def _chunks(boxes: list[list[dict[str, Any]]]) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(boxes), UPLOAD_CHUNK_BOXES):
        yield [line for box in boxes[start : start + UPLOAD_CHUNK_BOXES] for line in box]


#: Journal status of a box whose invoices Coupang accepted.
UPLOADED: Final = "uploaded"


def _box_key(lines: Sequence[Mapping[str, Any]]) -> str:
    return f"box {lines[0].get('shipmentBoxId')}"


def _squeeze(text: str | None) -> str:
    return "".join((text or "").split()).upper()


def _courier_matches(sheet: OrderSheet, code: str) -> bool:
    """Does the order sheet name the courier ``code``? (Coupang answers its name; the sandbox
    answers the code too.)"""
    answered = (sheet.model_extra or {}).get("deliveryCompanyCode")
    if answered:
        return str(answered).strip().upper() == code
    if not sheet.deliveryCompanyName:
        return True  # nothing to compare: the invoice number decides
    known = COURIERS.get(code)
    names = {_squeeze(code)} | ({_squeeze(known.name)} if known else set())
    return _squeeze(sheet.deliveryCompanyName) in names


def _line_shipped(sheets: Sequence[OrderSheet], line: Mapping[str, Any]) -> bool:
    number = str(line.get("invoiceNumber") or "").strip()
    item = line.get("vendorItemId")
    code = str(line.get("deliveryCompanyCode") or "").strip().upper()
    if not number:  # a split-shipping line that only plans a shipping date
        wanted = str(line.get("estimatedShippingDate") or "").strip()
        return any(
            i.vendorItemId == item and (i.plannedShippingDate or "") == wanted
            for s in sheets
            for i in s.orderItems
        )
    return any(
        (s.invoiceNumber or "").strip() == number
        and _courier_matches(s, code)
        and item in s.vendor_item_ids
        for s in sheets
    )


def already_uploaded(
    client: Client, lines: Sequence[Mapping[str, Any]], cache: dict[Any, list[OrderSheet]]
) -> bool:
    """Read the order back: does every line of this box show its invoice (number and courier)?

    A split shipment moves items to new boxes of the same order, so every box of the order is
    read (``cache`` keeps them per orderId for one pass).
    """
    order_id = lines[0]["orderId"]
    if order_id not in cache:
        cache[order_id] = client.orders.by_order_id(order_id)
    sheets = cache[order_id]
    numbered = [line for line in lines if str(line.get("invoiceNumber") or "").strip()]
    return all(_line_shipped(sheets, line) for line in (numbered or lines))


@dataclass
class _Upload:
    """What happened to every box of one ``invoices`` run."""

    out: Output
    journal: Journal
    results: list[dict[str, Any]] = field(default_factory=list)
    stop: CoupangError | None = None

    def report(self, lines: Sequence[Mapping[str, Any]], status: str, **fields: Any) -> None:
        """Print the box's line and keep its result (``succeed`` as in Coupang's answer)."""
        box = lines[0].get("shipmentBoxId")
        entry = {
            "shipmentBoxId": box,
            "status": status,
            "succeed": status in (UPLOADED, "already"),
            **fields,
        }
        self.results.append(entry)
        if status == UPLOADED:
            self.out.line(
                f"box {box}: OK"
                + (" (answer lost; found uploaded)" if fields.get("reconciled") else "")
            )
        elif status == "already":
            how = "found on the order sheet" if fields.get("reconciled") else "journal"
            self.out.line(f"box {box}: already uploaded ({how})")
        elif status == "refused":
            retry = " (retry later)" if fields.get("retryRequired") else ""
            self.out.line(
                f"box {box}: FAILED {fields.get('resultCode')}{retry}: {fields.get('resultMessage')}"
            )
        else:
            self.out.line(f"box {box}: NOT CONFIRMED: {fields.get('error')}")

    def upload(self, client: Client, boxes: Sequence[list[dict[str, Any]]]) -> None:
        """Upload the boxes the journal does not show uploaded: first read back those whose
        answer an earlier run lost, then send the rest in chunks, until an error stops the run."""
        fresh: list[list[dict[str, Any]]] = []
        lost: list[list[dict[str, Any]]] = []
        for lines in boxes:
            status = self.journal.status(_box_key(lines))
            if status == UPLOADED:
                self.report(lines, "already", succeed=True, resultCode="ALREADY_UPLOADED")
            elif status in (SENDING, UNCERTAIN):  # an earlier run lost the answer
                lost.append(lines)
            else:
                fresh.append(lines)
        unsent = self.reconcile(client, lost, status="already") + fresh
        for start in range(0, len(unsent), UPLOAD_CHUNK_BOXES):
            self.send(client, unsent[start : start + UPLOAD_CHUNK_BOXES])
            if self.stop is not None:
                break

    def reconcile(
        self, client: Client, boxes: Sequence[list[dict[str, Any]]], *, status: str
    ) -> list[list[dict[str, Any]]]:
        """Boxes whose answer was lost: those found uploaded are recorded and reported as
        ``status``; the others are returned, to be sent (again)."""
        cache: dict[Any, list[OrderSheet]] = {}
        unsent: list[list[dict[str, Any]]] = []
        for lines in boxes:
            if self.stop is not None:
                return unsent
            try:
                done = already_uploaded(client, lines, cache)
            except CoupangError as exc:  # the journal keeps saying "read it back first"
                self.report(lines, FAILED, error=f"cannot read the order back yet: {exc}")
                if isinstance(exc, ABORT_ERRORS):
                    self.stop = exc
                continue
            if done:
                self.journal.record(_box_key(lines), UPLOADED, reconciled=True)
                self.report(
                    lines,
                    status,
                    succeed=True,
                    resultCode="ALREADY_UPLOADED" if status == "already" else "SUCCESS",
                    reconciled=True,
                )
            else:
                unsent.append(lines)
        return unsent

    def send(self, client: Client, boxes: list[list[dict[str, Any]]]) -> None:
        """Upload one chunk: intent first, outcome after; a lost answer is read back, and the
        boxes not found uploaded are sent once more."""
        for attempt in (1, 2):
            if not boxes or self.stop is not None:
                return
            self.journal.record_many(
                (_box_key(lines), SENDING, {"attempt": attempt, "lines": len(lines)})
                for lines in boxes
            )
            try:
                answer = client.orders.upload_invoices([line for lines in boxes for line in lines])
            except CoupangError as exc:
                if not answer_may_be_lost(exc):
                    self.journal.record_many(
                        (_box_key(lines), FAILED, {"error": str(exc)}) for lines in boxes
                    )
                    for lines in boxes:
                        self.report(lines, FAILED, error=str(exc))
                    if isinstance(exc, ABORT_ERRORS):
                        self.stop = exc
                    return
                self.journal.record_many(
                    (_box_key(lines), UNCERTAIN, {"error": str(exc)}) for lines in boxes
                )
                boxes = self.reconcile(client, boxes, status=UPLOADED)
                if attempt == 2:
                    for lines in boxes:
                        self.report(lines, FAILED, error=f"{exc} (not uploaded; run it again)")
                continue
            by_box = {item.shipmentBoxId: item for item in answer.responseList}
            missing: list[list[dict[str, Any]]] = []
            outcomes: list[tuple[str, str, dict[str, Any]]] = []
            for lines in boxes:
                item = by_box.get(lines[0].get("shipmentBoxId"))
                if item is None:
                    missing.append(lines)
                    continue
                outcomes.append(
                    (
                        _box_key(lines),
                        UPLOADED if item.succeed else FAILED,
                        {} if item.succeed else {"resultCode": item.resultCode},
                    )
                )
            self.journal.record_many(outcomes)
            for lines in boxes:
                item = by_box.get(lines[0].get("shipmentBoxId"))
                if item is not None:
                    fields = to_jsonable(item)
                    fields.pop("shipmentBoxId", None)
                    self.report(lines, UPLOADED if item.succeed else "refused", **fields)
            # A box the answer does not mention: read it back rather than guess.
            boxes = self.reconcile(client, missing, status=UPLOADED)
            if attempt == 2:
                for lines in boxes:
                    self.report(lines, FAILED, error="the answer did not mention this box")
        return


def _report_sheet_problems(out: Output, path: Path, sheet: InvoiceSheet) -> list[Any]:
    """Print the sheet's problems (row, column, rule) and the boxes they keep from being sent;
    return those boxes.
    """
    for problem in sheet.problems:
        out.line(
            f"{path.name} row {problem.row} [{problem.column}] {problem.rule}: {problem.message}"
        )
    refused = sheet.refused_boxes()
    if refused:
        out.line(
            f"not sent: {len(refused)} box(es) with broken rows "
            f"({', '.join(str(b) for b in refused)})"
        )
    return refused


def run_invoices(
    client: Client, out: Output, path: Path, *, journal_path: Path | None = None
) -> int:
    """Upload the sheet's valid boxes once each; safe to run again after any interruption."""
    sheet = read_invoice_sheet(path)
    refused = _report_sheet_problems(out, path, sheet)
    journal = Journal(journal_path or journal_beside(path), target=journal_target(client))
    run = _Upload(out, journal)
    interrupted = False
    try:
        run.upload(client, sheet.valid_boxes())
    except KeyboardInterrupt:
        interrupted = True
    counts = {
        status: sum(1 for r in run.results if r["status"] == status)
        for status in (UPLOADED, "already", "refused", FAILED)
    }
    pending = len(sheet.valid_boxes()) - len(run.results)
    out.line(
        f"{counts[UPLOADED]} box(es) uploaded, {counts['refused']} refused by Coupang, "
        f"{len(refused)} not sent"
        + (f", {counts['already']} already uploaded" if counts["already"] else "")
        + (f", {counts[FAILED]} not confirmed" if counts[FAILED] else "")
        + (f", {pending} not attempted" if pending else "")
        + f" (journal: {journal.path})"
    )
    if run.stop is not None:
        out.line(f"stopped: {describe(run.stop)[1]}")
    if interrupted:
        out.line("interrupted: run the same command again to finish; no box is uploaded twice")
    out.data(
        {
            "problems": [p.as_dict() for p in sheet.problems],
            "notSent": refused,
            "results": run.results,
            "counts": {**counts, "notSent": len(refused), "pending": pending},
            "journal": str(journal.path),
            "interrupted": interrupted,
        }
    )
    if interrupted:
        return EXIT_INTERRUPTED
    if run.stop is not None:
        return describe(run.stop)[0]
    if sheet.problems:
        return EXIT_RULES
    return EXIT_API_ERROR if counts["refused"] or counts[FAILED] else EXIT_OK
