"""Product sheets (CSV or XLSX) -> Coupang seller-product bodies, remembering where each value came from.

One row is one item (one option of a product). Rows that share a ``productKey`` (default: the
``sellerProductName``) form one product; product-level columns are read from the group's first
row and must not contradict it in later rows. Column names are Coupang's field names, plus:

* ``notice:<detail name>`` — one notice field of ``noticeCategoryName`` (e.g. ``notice:제조국``);
* ``attr:<attribute type>`` — a search attribute; ``option:<attribute type>`` — a purchase option
  (an attribute shown to buyers, ``exposed: EXPOSED``);
* ``representativeImage``, ``detailImages`` and ``usedProductImages`` (``|``-separated) for images;
* ``contentHtml`` for the detail page, ``searchTags`` (comma-separated);
* ``certificationType`` / ``certificationCode`` for one certification per item.

A CSV file is UTF-8 (a BOM is fine) or, as Excel saves it on Korean Windows, CP949. Row numbers
are the spreadsheet's: the header is row 1. Every ``externalVendorSku`` must be unique in the
sheet (``push`` finds a product whose answer was lost by its first item's SKU).

Every value in the built body is traced back to its ``(row, column)`` so a rule broken in
``items[1].notices[2].content`` is reported on the right line and column of the sheet.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

PRODUCT_KEY = "productKey"

PRODUCT_INT = (
    "displayCategoryCode",
    "deliveryCharge",
    "freeShipOverAmount",
    "deliveryChargeOnReturn",
    "returnCharge",
    "outboundShippingPlaceCode",
)
PRODUCT_TEXT = (
    "sellerProductName",
    "displayProductName",
    "brand",
    "generalProductName",
    "productGroup",
    "manufacture",
    "saleStartedAt",
    "saleEndedAt",
    "deliveryMethod",
    "deliveryCompanyCode",
    "deliveryChargeType",
    "remoteAreaDeliverable",
    "unionDeliveryType",
    "returnCenterCode",
    "returnChargeName",
    "companyContactNumber",
    "returnZipCode",
    "returnAddress",
    "returnAddressDetail",
    "returnChargeVendor",
    "afterServiceInformation",
    "afterServiceContactNumber",
    "vendorUserId",
)
PRODUCT_BOOL = ("requested",)
ITEM_INT = (
    "originalPrice",
    "salePrice",
    "maximumBuyCount",
    "maximumBuyForPerson",
    "maximumBuyForPersonPeriod",
    "outboundShippingTimeDay",
    "unitCount",
)
ITEM_TEXT = (
    "itemName",
    "adultOnly",
    "taxType",
    "parallelImported",
    "overseasPurchased",
    "externalVendorSku",
    "barcode",
    "emptyBarcodeReason",
    "modelNo",
    "offerCondition",
    "offerDescription",
)
ITEM_BOOL = ("pccNeeded", "emptyBarcode")

#: Values used when a column is absent or blank (the common case for most sellers).
ITEM_DEFAULTS: Mapping[str, Any] = {
    "maximumBuyForPerson": 0,
    "maximumBuyForPersonPeriod": 1,
    "unitCount": 0,
    "adultOnly": "EVERYONE",
    "taxType": "TAX",
    "parallelImported": "NOT_PARALLEL_IMPORTED",
    "overseasPurchased": "NOT_OVERSEAS_PURCHASED",
    "pccNeeded": False,
}
PRODUCT_DEFAULTS: Mapping[str, Any] = {"requested": True, "remoteAreaDeliverable": "N"}

_ITEM_PATH = re.compile(r"items\[(\d+)\]\.?([A-Za-z]*)")
_BARE_ITEM = re.compile(r"items\[\d+\]")
#: Item fields built from several columns, and the column that stands for them.
_STRUCTURED: Mapping[str, str] = {
    "images": "representativeImage",
    "notices": "noticeCategoryName",
    "attributes": "option:",
    "contents": "contentHtml",
    "certifications": "certificationType",
}
_SALE_TIME = "%Y-%m-%dT%H:%M:%S"


class SheetError(ValueError):
    """The file cannot be read as a product sheet at all."""


@dataclass(frozen=True, slots=True)
class Cell:
    """A sheet position: 1-based row (header = 1) and column name."""

    row: int  # 1-based row of the sheet, header = 1
    column: str


@dataclass
class SheetProduct:
    """One product built from sheet rows: its request body and, per JSON path, the cell it came from."""

    key: str
    rows: list[int]
    body: dict[str, Any]
    #: JSON path -> where it came from; paths are the preflight's (``items[0].salePrice``).
    origin: dict[str, Cell] = field(default_factory=dict)
    #: Problems found while reading the sheet itself (not Coupang's rules): (cell, rule, message).
    problems: list[tuple[Cell, str, str]] = field(default_factory=list)
    #: Per item: the ``notice:``/``attr:``/``option:`` columns left blank on its row.
    blank: list[list[str]] = field(default_factory=list)

    def locate(self, path: str, message: str = "") -> Cell:
        """The sheet cell behind a violation's JSON path (the closest known ancestor).

        An item field that has no column (``items[1].maximumBuyCount`` missing) is reported on
        the item's row under the field's own name; a missing notice detail or attribute on the
        blank ``notice:``/``attr:``/``option:`` cell the message names, when there is one.
        """
        item = _ITEM_PATH.match(path)
        index = int(item.group(1)) if item is not None else 0
        name = item.group(2) if item is not None else ""
        row = self.rows[index] if index < len(self.rows) else self.rows[0]
        whole = item is not None and path == f"items[{index}].{name}"
        if whole and name in ("notices", "attributes") and message and index < len(self.blank):
            named = _blank_named(self.blank[index], message)
            if named is not None:
                return Cell(row, named)
        if path in self.origin:
            return self.origin[path]
        if item is not None and name and name not in _STRUCTURED:
            return self.origin.get(f"items[{index}].{name}", Cell(row, name))
        probe = path
        while probe:
            if probe in self.origin and not _BARE_ITEM.fullmatch(probe):
                return self.origin[probe]
            cut = max(probe.rfind("."), probe.rfind("["))
            probe = probe[:cut] if cut > 0 else ""
        if item is not None:
            return Cell(row, _STRUCTURED.get(name, "itemName"))
        return Cell(self.rows[0], path.split(".", maxsplit=1)[0].split("[", maxsplit=1)[0])

    @property
    def external_sku(self) -> str | None:
        """The first item's externalVendorSku, or None when blank."""
        items = self.body.get("items") or []
        sku = items[0].get("externalVendorSku") if items else None
        return str(sku) if sku not in (None, "") else None


def _blank_named(columns: Sequence[str], message: str) -> str | None:
    """The blank column whose name the message lists (``requires: A, B`` / ``missing: A``)."""
    _, _, listed = message.rpartition(": ")
    listed = listed.removeprefix("one of ")
    names = [n.strip() for n in listed.split(", ")]
    for column in columns:
        name = column.split(":", 1)[1].strip()
        # whole names only ("제조국" must not match "제조국(원산지)"); a name may hold ", "
        if name in names or re.search(rf"(?:^|, ){re.escape(name)}(?:, |$)", listed):
            return column
    return None


def _text(value: object) -> str:
    """One cell as text: whole floats without ``.0``, dates in Coupang's format."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime(_SALE_TIME)
    if isinstance(value, date):
        return datetime.combine(value, time()).strftime(_SALE_TIME)
    return str(value).strip()


def _header(names: Sequence[object], path: Path) -> list[str]:
    header = [_text(name) for name in names]
    seen: set[str] = set()
    for name in header:
        if name and name in seen:
            raise SheetError(f"{path.name}: column {name!r} appears twice in the header")
        seen.add(name)
    return header


def read_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """Header and rows of a CSV (UTF-8 with or without BOM, or CP949) or XLSX file, as text."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = raw.decode("cp949")
            except UnicodeDecodeError:
                raise SheetError(
                    f"{path.name}: not UTF-8 or CP949 text; save the sheet as CSV UTF-8"
                ) from None
        records = list(csv.reader(text.splitlines(keepends=True)))
        if not records:
            return [], []
        header = _header(records[0], path)
        return header, [
            {name: _text(value) for name, value in zip(header, record, strict=False) if name}
            for record in records[1:]
        ]
    if suffix in (".xlsx", ".xlsm"):
        try:
            import openpyxl
        except ImportError:  # pragma: no cover - openpyxl is in the dev and xlsx extras
            raise SheetError(
                "reading .xlsx needs openpyxl: pip install 'coupang-seller[xlsx]'"
            ) from None
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            values = [list(row) for row in sheet.iter_rows(values_only=True)]
        finally:
            workbook.close()
        if not values:
            return [], []
        header = _header(values[0], path)
        return header, [
            {name: _text(value) for name, value in zip(header, row, strict=False) if name}
            for row in values[1:]
        ]
    raise SheetError(f"{path.name}: expected a .csv or .xlsx file")


def _int(text: str) -> int | str:
    cleaned = text.replace(",", "").strip()
    if re.fullmatch(r"-?[0-9]+", cleaned):
        return int(cleaned)
    if re.fullmatch(r"-?[0-9]+\.0+", cleaned):
        return int(float(cleaned))
    return text  # left as text: the rules report it as a wrong type, on the right cell


def _bool(text: str) -> bool | str:
    lowered = text.strip().lower()
    if lowered in ("true", "y", "yes", "1", "예"):
        return True
    if lowered in ("false", "n", "no", "0", "아니오"):
        return False
    return text


def _split(text: str, sep: str) -> list[str]:
    return [part.strip() for part in text.split(sep) if part.strip()]


def _product_value(name: str, text: str) -> Any:
    return _int(text) if name in PRODUCT_INT else _bool(text) if name in PRODUCT_BOOL else text


def build_products(
    header: Sequence[str],
    rows: Sequence[Mapping[str, str]],
    *,
    vendor_id: str,
    defaults: Mapping[str, Any] | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> list[SheetProduct]:
    """One :class:`SheetProduct` per product of the sheet.

    ``defaults`` fill product-level fields the sheet leaves blank (``vendorUserId``);
    ``overrides`` replace them on every product (``--outbound-place``, ``--return-center``).
    """
    groups: dict[str, SheetProduct] = {}
    skus: dict[str, int] = {}
    for index, row in enumerate(rows):
        line = index + 2
        if not any(row.values()):
            continue
        key = row.get(PRODUCT_KEY) or row.get("sellerProductName") or f"row {line}"
        product = groups.get(key)
        if product is None:
            product = groups[key] = SheetProduct(key, [], {"vendorId": vendor_id, "items": []})
            _product_fields(product, row, line, defaults or {}, overrides or {})
        else:
            _check_consistent(product, row, line, overrides or {})
        product.rows.append(line)
        _item(product, row, line, header)
        sku = row.get("externalVendorSku", "")
        if sku and sku in skus:
            product.problems.append(
                (
                    Cell(line, "externalVendorSku"),
                    "sku_duplicate",
                    f"externalVendorSku {sku!r} is already used on row {skus[sku]}; each item "
                    "needs its own seller SKU",
                )
            )
        elif sku:
            skus[sku] = line
    return list(groups.values())


def _product_fields(
    product: SheetProduct,
    row: Mapping[str, str],
    line: int,
    defaults: Mapping[str, Any],
    overrides: Mapping[str, Any],
) -> None:
    body = product.body
    body.update(PRODUCT_DEFAULTS)
    for name in (*PRODUCT_INT, *PRODUCT_TEXT, *PRODUCT_BOOL):
        text = row.get(name, "")
        if not text:
            continue
        body[name] = _product_value(name, text)
        product.origin[name] = Cell(line, name)
    for name, value in defaults.items():
        if body.get(name) in (None, ""):
            body[name] = value
    for name, value in overrides.items():
        body[name] = value


def _check_consistent(
    product: SheetProduct, row: Mapping[str, str], line: int, overrides: Mapping[str, Any]
) -> None:
    first_row = product.rows[0]
    for name in (*PRODUCT_INT, *PRODUCT_TEXT, *PRODUCT_BOOL):
        text = row.get(name, "")
        if not text or name in overrides:
            continue
        first = product.origin.get(name)
        if first is None:
            problem = (
                f"{name} is blank on row {first_row}, the first row of {product.key!r}, but set "
                "here; product-level values are read from a product's first row"
            )
        elif _product_value(name, text) != product.body.get(name):
            problem = (
                f"{name} differs from row {first.row} of the same product ({product.key}); "
                "product-level columns must match on every row of a product, or be left blank"
            )
        else:
            continue
        product.problems.append((Cell(line, name), "product_value_conflict", problem))


def _item(product: SheetProduct, row: Mapping[str, str], line: int, header: Sequence[str]) -> None:
    """Append the item of sheet row ``line`` to ``product``, noting each field's cell in its origin."""
    items: list[dict[str, Any]] = product.body["items"]
    prefix = f"items[{len(items)}]"
    origin = product.origin
    origin[prefix] = Cell(line, "itemName")
    item = _item_fields(row, line, prefix, origin)
    item["images"] = _item_images(row, line, prefix, origin)
    origin[f"{prefix}.images"] = Cell(line, "representativeImage")
    notices, attributes, blank = _item_notices_and_attributes(row, line, header, prefix, origin)
    product.blank.append(blank)
    item["notices"] = notices
    origin[f"{prefix}.notices"] = Cell(line, "noticeCategoryName")
    item["attributes"] = attributes
    origin[f"{prefix}.attributes"] = Cell(line, "option:")
    html = row.get("contentHtml", "")
    item["contents"] = (
        [{"contentsType": "TEXT", "contentDetails": [{"content": html, "detailType": "TEXT"}]}]
        if html
        else []
    )
    origin[f"{prefix}.contents"] = Cell(line, "contentHtml")
    if row.get("certificationType"):
        item["certifications"] = [
            {
                "certificationType": row["certificationType"],
                "certificationCode": row.get("certificationCode", ""),
            }
        ]
        origin[f"{prefix}.certifications"] = Cell(line, "certificationType")
        origin[f"{prefix}.certifications[0].certificationCode"] = Cell(line, "certificationCode")
    items.append(item)


def _item_fields(
    row: Mapping[str, str], line: int, prefix: str, origin: dict[str, Cell]
) -> dict[str, Any]:
    """The item's defaults overlaid with its plain columns (numbers, texts, flags, search tags)."""
    item: dict[str, Any] = dict(ITEM_DEFAULTS)
    for name in (*ITEM_INT, *ITEM_TEXT, *ITEM_BOOL):
        text = row.get(name, "")
        if not text:
            continue
        item[name] = _int(text) if name in ITEM_INT else _bool(text) if name in ITEM_BOOL else text
        origin[f"{prefix}.{name}"] = Cell(line, name)
    if row.get("searchTags"):
        item["searchTags"] = _split(row["searchTags"], ",")
        origin[f"{prefix}.searchTags"] = Cell(line, "searchTags")
    return item


def _item_images(
    row: Mapping[str, str], line: int, prefix: str, origin: dict[str, Cell]
) -> list[dict[str, Any]]:
    """The item's images in order: representative, then detail, then used-product images."""
    images: list[dict[str, Any]] = []
    for column, image_type, many in (
        ("representativeImage", "REPRESENTATION", False),
        ("detailImages", "DETAIL", True),
        ("usedProductImages", "USED_PRODUCT", True),
    ):
        text = row.get(column, "")
        values = _split(text, "|") if many else [text] if text else []
        for value in values:
            origin[f"{prefix}.images[{len(images)}]"] = Cell(line, column)
            images.append({"imageOrder": len(images), "imageType": image_type, "vendorPath": value})
    return images


def _item_notices_and_attributes(
    row: Mapping[str, str],
    line: int,
    header: Sequence[str],
    prefix: str,
    origin: dict[str, Cell],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[str]]:
    """The item's notices (``notice:`` columns), attributes (``attr:``/``option:`` columns) and
    the names of those columns left blank on its row, in header order.
    """
    notices: list[dict[str, Any]] = []
    category = row.get("noticeCategoryName", "")
    attributes: list[dict[str, Any]] = []
    blank: list[str] = []
    for column in header:
        value = row.get(column, "")
        if column.startswith(("notice:", "attr:", "option:")) and not value:
            blank.append(column)
        elif column.startswith("notice:"):
            path = f"{prefix}.notices[{len(notices)}]"
            origin[path] = Cell(line, column)
            origin[f"{path}.noticeCategoryName"] = Cell(line, "noticeCategoryName")
            notices.append(
                {
                    "noticeCategoryName": category,
                    "noticeCategoryDetailName": column[len("notice:") :].strip(),
                    "content": value,
                }
            )
        elif column.startswith(("attr:", "option:")):
            exposed = "EXPOSED" if column.startswith("option:") else "NONE"
            origin[f"{prefix}.attributes[{len(attributes)}]"] = Cell(line, column)
            attributes.append(
                {
                    "attributeTypeName": column.split(":", 1)[1].strip(),
                    "attributeValueName": value,
                    "exposed": exposed,
                }
            )
    return notices, attributes, blank
