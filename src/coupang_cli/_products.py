"""``coupang-seller products check|push FILE``: a product sheet, checked and listed safely.

``check`` runs every listing rule (the same functions the sandbox enforces) on every product of
the sheet and reports each problem as row, column, rule and how to fix it.

``push`` lists the valid products one by one with a progress line and a journal next to the
sheet (``FILE.journal.jsonl``, or ``--journal``). Before a create is sent the journal records
``sending``; after it ``created`` with the sellerProductId. When the answer is lost (a timeout,
a 5xx, Ctrl-C, a crash) the product may or may not exist at Coupang, which has no idempotency
keys: the journal keeps it as ``sending``/``uncertain`` and the product is looked up by its
first item's ``externalVendorSku`` (and its name) before anything is resent — in the same run
after a timeout, in the next run after a crash. A create refused for sure (HTTP 4xx, preflight)
is ``failed`` and simply tried again next time. Entries are scoped to the API and vendor they
were made for, so pushing the same sheet to a sandbox and then to production never mixes up.

Images: Coupang downloads every image from a URL (``vendorPath``). A sheet cell may hold a URL
(sent as is) or a file path relative to the sheet; ``check`` and ``push`` check local files
(JPG/PNG, square, 500-5000 px, <= 3 MB), and ``push --image-base-url URL`` sends
``URL/<relative path>`` for them (upload the files there first). Without it, ``push`` refuses
rows that name local files.
"""

from __future__ import annotations

import copy
import os
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any, Final, TextIO
from urllib.parse import quote

from coupang_cli._errors import EXIT_API_ERROR, EXIT_INTERRUPTED, EXIT_OK, EXIT_RULES, describe
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
from coupang_cli._output import Output
from coupang_cli._sheet import Cell, SheetProduct, build_products, read_rows
from coupang_seller import Client, CoupangError, PreflightError, ValidationError
from coupang_seller.preflight import Violation

#: ``check`` without credentials: a placeholder vendor id (the rules only need one).
PLACEHOLDER_VENDOR_ID: Final = "A00000000"
PLACEHOLDER_USER_ID: Final = "wing-user"
#: Rules the seed catalog cannot judge (a real category it does not know): a warning, as in the SDK.
WARNING_RULES: Final = frozenset({"category_unknown"})

#: How to fix a broken rule, by rule id (the message says what was wrong).
FIX_HINTS: Mapping[str, str] = {
    "required": "fill in this column",
    "type": "write a plain number or text as the column expects",
    "enum": "use one of the values listed in the message",
    "max_length": "shorten the text",
    "min_value": "use a larger number",
    "datetime_format": "write the date as 2025-01-31T00:00:00",
    "sale_period_order": "make saleEndedAt later than saleStartedAt",
    "sale_ended_in_past": "move saleEndedAt into the future (2099-12-31T23:59:59 = no end)",
    "category_not_leaf": "pick a leaf category (`coupang-seller categories recommend NAME`)",
    "category_unknown": "check the code (`coupang-seller categories show CODE`); "
    "the offline catalog is a seed, Coupang has the last word",
    "price_step": "use a price in 10-won steps",
    "original_price_step": "round the original price to 10 won",
    "original_price_below_sale": "set originalPrice to at least salePrice",
    "quantity_range": "stock is 0 to 99,999",
    "image_not_square": "crop or pad the image to a square (e.g. 1000 x 1000 px)",
    "image_dimensions": "resize the image to 500-5000 px a side",
    "image_too_large": "save the image smaller than 3 MB (JPG quality 85 is plenty)",
    "image_format": "save the image as JPG or PNG",
    "image_corrupt": "export the image again; the file is damaged",
    "image_unreadable": "fix the path: relative paths start at the sheet's folder",
    "image_representation_count": "give each row exactly one representativeImage",
    "image_needs_url": "upload the image and write its URL, or pass --image-base-url",
    "notice_detail_missing": "fill in the notice: column of every detail the message lists",
    "notice_detail_unknown": "rename the notice: column to a detail of this notice category "
    "(`coupang-seller categories show CODE`)",
    "notice_category_unknown": "use a notice category of this category "
    "(`coupang-seller categories show CODE`)",
    "notice_category_mixed": "give every notice of a row the same noticeCategoryName",
    "attribute_mandatory_missing": "add an option:<attribute> column with a value "
    "(`coupang-seller categories show CODE` lists the mandatory attributes)",
    "attributes_required": "add at least one option:<attribute> column with a value",
    "attribute_number_format": "write a number then a unit, e.g. 200ml",
    "attribute_unit": "use one of the units listed in the message",
    "attribute_unknown": "use an attribute of this category, or make it a purchase option "
    "(option:<name>)",
    "attribute_group_multiple": "fill in only one of the pick-one attributes",
    "option_combination_duplicate": "give each row of a product different option: values",
    "deal_listing": "list different kinds of products as separate products",
    "item_name_duplicate": "give each row of a product its own itemName",
    "certification_missing": "add certificationType/certificationCode columns",
    "phone_format": "write it like 02-1234-5678",
    "postcode_format": "use the 5-digit postcode",
    "return_charge_range": "returnCharge is 100-150 % of deliveryChargeOnReturn",
    "free_delivery_charge": "with FREE delivery, deliveryCharge and freeShipOverAmount are 0",
    "free_ship_over_amount": "set freeShipOverAmount as the delivery charge type requires",
    "delivery_charge_required": "set a deliveryCharge above 0 for paid delivery",
    "delivery_charge_on_return": "set deliveryChargeOnReturn to 0 for this delivery charge type",
    "union_needs_outbound_place": "fill in outboundShippingPlaceCode (or --outbound-place)",
    "outbound_place_not_found": "use a code from `coupang-seller shipping-places outbound list` "
    "(or --outbound-place)",
    "return_center_not_found": "use a code from `coupang-seller shipping-places return list` "
    "(or --return-center)",
    "product_value_conflict": "make product-level columns identical on every row of a product, "
    "or fill them in on its first row only",
    "sku_duplicate": "give every row its own externalVendorSku",
    "push_needs_sku": "fill in externalVendorSku (your own code for the item)",
}


def fix_for(rule: str, column: str) -> str:
    """The hint that tells the seller how to fix ``rule`` in sheet column ``column``."""
    if rule == "required":
        return f"fill in the {column} column"
    if rule == "notice_detail_missing" and column.startswith("notice:"):
        return f"fill in {column}"
    return FIX_HINTS.get(rule, "see the message")


@dataclass(frozen=True, slots=True)
class Problem:
    """A problem at one sheet cell: preflight field, rule, message, and whether it only warns."""

    cell: Cell
    field: str
    rule: str
    message: str
    warning: bool = False

    @property
    def fix(self) -> str:
        """How to fix this problem (see :func:`fix_for`)."""
        return fix_for(self.rule, self.cell.column)

    def as_dict(self) -> dict[str, Any]:
        """The problem as a JSON-ready dict: row, column, rule, message, fix and warning flag."""
        return {
            "row": self.cell.row,
            "column": self.cell.column,
            "field": self.field,
            "rule": self.rule,
            "message": self.message,
            "fix": self.fix,
            "severity": "warning" if self.warning else "error",
        }

    def line(self, sheet: str) -> str:
        """One human line: ``<sheet> row N [column] rule: message``."""
        kind = "warning: " if self.warning else ""
        return (
            f"{sheet} row {self.cell.row} [{self.cell.column}] {kind}{self.rule}: {self.message}"
            f"\n    fix: {self.fix}"
        )


Checker = Callable[[dict[str, Any]], list[Violation]]


def default_checker(sheet_dir: Path) -> Checker:
    """Every create rule, with the offline category catalog and local image files."""
    from coupang_seller.catalog import load_catalog
    from coupang_seller.preflight import products as rules

    catalog = load_catalog()
    loader = rules.local_image_loader(sheet_dir)

    def is_leaf(code: int) -> bool | None:
        """Whether ``code`` is a leaf category in the bundled catalog (None when unknown)."""
        node = catalog.get(code)
        return None if node is None else node.is_leaf

    def check(body: dict[str, Any]) -> list[Violation]:
        """Run the SDK's product-create preflight on one product body."""
        return rules.check_product_create(
            body, meta_for=catalog.meta, is_leaf=is_leaf, now=datetime.now(UTC), load_image=loader
        )

    return check


def problems_of(product: SheetProduct, checker: Checker) -> list[Problem]:
    """All problems of one sheet product: the sheet's own parse problems plus the preflight
    violations, located on cells.
    """
    found = [Problem(cell, cell.column, rule, message) for cell, rule, message in product.problems]
    found += located(product, checker(product.body))
    return found


def located(product: SheetProduct, violations: Iterable[Violation]) -> list[Problem]:
    """Map preflight violations (by field path) back to the sheet cells they came from."""
    return [
        Problem(
            product.locate(v.field, v.message),
            v.field,
            v.rule,
            v.message,
            warning=v.rule in WARNING_RULES,
        )
        for v in violations
    ]


def errors(problems: Iterable[Problem]) -> list[Problem]:
    """Only the blocking problems (warnings dropped)."""
    return [p for p in problems if not p.warning]


def load_sheet(
    path: Path,
    vendor_id: str,
    *,
    defaults: Mapping[str, Any] | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> list[SheetProduct]:
    """Read a product sheet (CSV/XLSX) into products for ``vendor_id``, applying column ``defaults``
    and ``overrides``.

    Raises ValueError when the sheet has no header row.
    """
    header, rows = read_rows(path)
    if not header:
        raise ValueError(f"{path}: the sheet is empty")
    return build_products(header, rows, vendor_id=vendor_id, defaults=defaults, overrides=overrides)


def place_overrides(outbound_place: str | None, return_center: str | None) -> dict[str, Any]:
    """``--outbound-place`` / ``--return-center``: the same codes for every product."""
    found: dict[str, Any] = {}
    if outbound_place is not None:
        text = outbound_place.strip()
        found["outboundShippingPlaceCode"] = int(text) if text.isdigit() else text
    if return_center is not None:
        found["returnCenterCode"] = return_center.strip()
    return found


def run_check(
    path: Path,
    out: Output,
    *,
    vendor_id: str | None = None,
    user_id: str | None = None,
    overrides: Mapping[str, Any] | None = None,
    checker: Checker | None = None,
) -> int:
    """Report every problem of the sheet; ``EXIT_RULES`` (3) when there is one. Offline."""
    vendor = vendor_id or os.environ.get("COUPANG_VENDOR_ID") or PLACEHOLDER_VENDOR_ID
    user = user_id or os.environ.get("COUPANG_USER_ID") or PLACEHOLDER_USER_ID
    products = load_sheet(path, vendor, defaults={"vendorUserId": user}, overrides=overrides)
    check = checker or default_checker(path.parent)
    report: list[dict[str, Any]] = []
    every: list[Problem] = []
    for product in products:
        problems = problems_of(product, check)
        every += problems
        report.append(
            {
                "product": product.key,
                "rows": product.rows,
                "ready": not errors(problems),
                "problems": [p.as_dict() for p in problems],
            }
        )
    for p in sorted(every, key=lambda p: (p.cell.row, p.cell.column, p.rule)):
        out.line(p.line(path.name))
    total = len(errors(every))
    ready = sum(1 for entry in report if entry["ready"])
    out.line(
        f"{len(products)} product(s): {ready} ready, {len(products) - ready} with problems "
        f"({total} problem(s))"
    )
    out.data({"file": str(path), "products": report, "problems": total})
    return EXIT_OK if total == 0 else EXIT_RULES


# -- push ------------------------------------------------------------------------------------

CREATED: Final = "created"


class _Progress:
    """A bar redrawn in place on a terminal; one line per product anywhere else."""

    def __init__(self, stream: TextIO, total: int) -> None:
        self.stream = stream
        self.total = total
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self.counts = {"created": 0, "already": 0, "failed": 0}

    def step(self, done: int, product: SheetProduct, outcome: str, detail: str) -> None:
        """Record one finished product (created, skipped or failed) and redraw the progress bar on a
        TTY.
        """
        self.counts["failed" if outcome == FAILED else outcome] += 1
        if self.tty:
            width = 24
            filled = int(width * done / self.total) if self.total else width
            c = self.counts
            self.stream.write(
                f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{self.total}  "
                f"created {c['created']}  already {c['already']}  failed {c['failed']}"
            )
        else:
            self.stream.write(f"[{done}/{self.total}] {product.key}: {detail}\n")
        self.stream.flush()

    def close(self) -> None:
        """End the progress line on a TTY."""
        if self.tty and self.total:
            self.stream.write("\n")
            self.stream.flush()


@dataclass
class _Outcome:
    status: str  # created | already | failed
    seller_product_id: int | None = None
    detail: str = ""
    error: CoupangError | None = None
    problems: list[Problem] = field(default_factory=list)
    reconciled: bool = False


def with_image_urls(
    product: SheetProduct, image_base_url: str | None
) -> tuple[dict[str, Any], list[Problem]]:
    """The body to send: local image paths mapped to ``image_base_url`` (URLs kept as they are)."""
    from coupang_seller.preflight._images import is_url

    body = copy.deepcopy(product.body)
    problems: list[Problem] = []
    for i, item in enumerate(body.get("items") or []):
        for j, image in enumerate(item.get("images") or []):
            value = str(image.get("vendorPath") or "")
            if not value or is_url(value):
                continue
            path = f"items[{i}].images[{j}].vendorPath"
            relative = PurePosixPath(value.replace("\\", "/"))
            if image_base_url and not relative.is_absolute() and ".." not in relative.parts:
                image["vendorPath"] = image_base_url.rstrip("/") + "/" + quote(str(relative))
                continue
            problems.append(
                Problem(
                    product.locate(path),
                    path,
                    "image_needs_url",
                    f"{value!r} is a local file; Coupang downloads images from URLs"
                    + ("" if image_base_url else " (no --image-base-url given)"),
                )
            )
    return body, problems


def _find_existing(client: Client, product: SheetProduct) -> int | None:
    """The product a lost create made, if any: same first SKU and same name, newest first."""
    sku = product.external_sku
    if not sku:
        return None
    name = product.body.get("sellerProductName")
    found = [
        s.sellerProductId
        for s in client.products.get_by_external_sku(sku)
        if s.sellerProductName in (None, name)
    ]
    return max(found) if found else None


def _push_one(
    client: Client, journal: Journal, product: SheetProduct, body: dict[str, Any]
) -> _Outcome:
    key, sku = product.key, product.external_sku
    if journal.status(key) in (SENDING, UNCERTAIN):  # an earlier run lost the answer
        try:
            existing = _find_existing(client, product)
        except CoupangError as exc:  # the journal keeps saying "look it up first"
            return _Outcome("failed", detail=f"cannot look it up yet: {exc}", error=exc)
        if existing is not None:
            journal.record(key, CREATED, sellerProductId=existing, sku=sku, reconciled=True)
            return _Outcome(
                "created", existing, "found (created by an earlier run)", reconciled=True
            )
    for attempt in (1, 2):
        journal.record(key, SENDING, sku=sku, attempt=attempt)
        try:
            product_id = client.products.create(body)
        except CoupangError as exc:
            if not answer_may_be_lost(exc):
                journal.record(key, FAILED, sku=sku, error=str(exc))
                problems = (
                    located(product, exc.violations)
                    if isinstance(exc, ValidationError | PreflightError)
                    else []
                )
                return _Outcome("failed", detail=str(exc), error=exc, problems=problems)
            journal.record(key, UNCERTAIN, sku=sku, error=str(exc))
            try:
                existing = _find_existing(client, product)
            except CoupangError as lookup_error:
                return _Outcome(
                    "failed",
                    detail=f"{exc}; the lookup failed too ({lookup_error}): run push again, "
                    "it looks the product up before resending",
                    error=lookup_error,
                )
            if existing is not None:
                journal.record(key, CREATED, sellerProductId=existing, sku=sku, reconciled=True)
                return _Outcome(
                    "created", existing, f"created (answer lost: {exc})", reconciled=True
                )
            if attempt == 2:
                return _Outcome("failed", detail=f"{exc} (not created; run push again)", error=exc)
            continue
        journal.record(key, CREATED, sellerProductId=product_id, sku=sku)
        return _Outcome("created", product_id, f"created sellerProductId {product_id}")
    raise AssertionError("unreachable")  # pragma: no cover


def run_push(
    path: Path,
    out: Output,
    client: Client,
    *,
    image_base_url: str | None = None,
    overrides: Mapping[str, Any] | None = None,
    journal_path: Path | None = None,
    checker: Checker | None = None,
    progress: TextIO | None = None,
) -> int:
    """List the sheet's valid products once each; safe to run again after any interruption."""
    defaults = {"vendorUserId": client.options.user_id} if client.options.user_id else {}
    products = load_sheet(path, client.vendor_id, defaults=defaults, overrides=overrides)
    check = checker or default_checker(path.parent)
    journal = Journal(journal_path or journal_beside(path), target=journal_target(client))
    ready, skipped = _ready_or_skipped(products, check, image_base_url, out=out, path=path)
    bar = _Progress(progress if progress is not None else sys.stderr, len(ready))
    results: list[dict[str, Any]] = []
    code = EXIT_OK
    interrupted = False
    try:
        code = _push_ready(client, journal, ready, results=results, bar=bar, out=out, path=path)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        bar.close()
    counts = {
        status: sum(1 for r in results if r["status"] == status)
        for status in ("created", "already", "failed")
    }
    pending = len(ready) - len(results)
    out.line(
        f"{counts['created']} created, {counts['already']} already created, "
        f"{counts['failed']} failed, {len(skipped)} skipped"
        + (f", {pending} not attempted" if pending else "")
        + f" (journal: {journal.path})"
    )
    if interrupted:
        out.line("interrupted: run the same push again to finish; nothing will be listed twice")
    out.data(
        {
            "file": str(path),
            "journal": str(journal.path),
            "results": results,
            "skipped": skipped,
            "counts": {**counts, "skipped": len(skipped), "pending": pending},
            "interrupted": interrupted,
        }
    )
    if interrupted:
        return EXIT_INTERRUPTED
    if code != EXIT_OK:
        return code
    return _exit_code(results, skipped)


def _ready_or_skipped(
    products: Iterable[SheetProduct],
    check: Checker,
    image_base_url: str | None,
    *,
    out: Output,
    path: Path,
) -> tuple[list[tuple[SheetProduct, dict[str, Any]]], list[dict[str, Any]]]:
    """Split the sheet's products into those ready to push (with their request bodies) and
    those skipped for problems; each skipped product is printed with its problems.
    """
    ready: list[tuple[SheetProduct, dict[str, Any]]] = []
    skipped: list[dict[str, Any]] = []
    for product in products:
        problems = errors(problems_of(product, check))
        body, image_problems = with_image_urls(product, image_base_url)
        problems += image_problems
        if not product.external_sku:
            problems.append(
                Problem(
                    Cell(product.rows[0], "externalVendorSku"),
                    "items[0].externalVendorSku",
                    "push_needs_sku",
                    "push needs an externalVendorSku on each product so that a lost answer can "
                    "be reconciled",
                )
            )
        if problems:
            skipped.append(
                {
                    "product": product.key,
                    "rows": product.rows,
                    "problems": [p.as_dict() for p in problems],
                }
            )
            out.line(f"skipped {product.key} (rows {', '.join(map(str, product.rows))}):")
            for p in sorted(problems, key=lambda p: (p.cell.row, p.cell.column, p.rule)):
                out.line("  " + p.line(path.name))
        else:
            ready.append((product, body))
    return ready, skipped


def _push_ready(
    client: Client,
    journal: Journal,
    ready: Sequence[tuple[SheetProduct, dict[str, Any]]],
    *,
    results: list[dict[str, Any]],
    bar: _Progress,
    out: Output,
    path: Path,
) -> int:
    """Push the ready products in order, appending each one's result to ``results`` as it is
    known (so an interruption keeps them); return the exit code of an error that stops the
    run, else ``EXIT_OK``.
    """
    for done, (product, body) in enumerate(ready, start=1):
        entry = journal.state.get(product.key, {})
        if entry.get("status") == CREATED:
            outcome = _Outcome("already", entry.get("sellerProductId"), "already created")
        else:
            outcome = _push_one(client, journal, product, body)
        results.append(_result_of(product, outcome))
        bar.step(done, product, outcome.status, outcome.detail)
        if outcome.status == FAILED and bar.tty:
            out.line(f"\nfailed {product.key}: {outcome.detail}")
        if outcome.status == FAILED and outcome.error is not None:
            for p in outcome.problems:
                out.line("  " + p.line(path.name))
            if isinstance(outcome.error, ABORT_ERRORS):
                code, message, _ = describe(outcome.error)
                out.line(f"stopped: {message}")
                return code
    return EXIT_OK


def _result_of(product: SheetProduct, outcome: _Outcome) -> dict[str, Any]:
    """The ``--json`` result entry of one pushed product."""
    return {
        "product": product.key,
        "rows": product.rows,
        "sku": product.external_sku,
        "status": outcome.status,
        "sellerProductId": outcome.seller_product_id,
        **({"reconciled": True} if outcome.reconciled else {}),
        **({"error": outcome.detail} if outcome.status == FAILED else {}),
        **({"problems": [p.as_dict() for p in outcome.problems]} if outcome.problems else {}),
    }


def _exit_code(results: list[dict[str, Any]], skipped: list[dict[str, Any]]) -> int:
    """1 when the API failed, 3 when only rules stopped products (skipped or HTTP 400), else 0."""
    failed = [r for r in results if r["status"] == FAILED]
    if any("problems" not in r for r in failed):
        return EXIT_API_ERROR
    if failed or skipped:
        return EXIT_RULES
    return EXIT_OK


__all__ = [
    "EXIT_INTERRUPTED",
    "Journal",
    "Problem",
    "default_checker",
    "load_sheet",
    "place_overrides",
    "problems_of",
    "run_check",
    "run_push",
    "with_image_urls",
]
