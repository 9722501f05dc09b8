"""Item-level product rules: one item's fields, its images, notices, attributes and certificates,
and the rules across the items of one listing. Used by :mod:`coupang_seller.preflight.products`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from coupang_seller.preflight import _fields as f
from coupang_seller.preflight._core import Violation, as_bool, as_int, is_blank
from coupang_seller.preflight._images import ImageLoader, check_image_bytes, is_url
from coupang_seller.types.products import (
    ADULT_ONLY,
    ATTRIBUTE_EXPOSED,
    CERTIFICATION_NOT_REQUIRED,
    CONTENT_DETAIL_TYPES,
    CONTENTS_TYPES,
    EXPOSED,
    IMAGE_DETAIL,
    IMAGE_REP_OBLONG_ORIGIN,
    IMAGE_REPRESENTATION,
    IMAGE_TYPES,
    IMAGE_USED_PRODUCT,
    NOT_EXPOSED,
    OFFER_CONDITION_NEW,
    OFFER_CONDITIONS,
    OVERSEAS_PURCHASED,
    PARALLEL_IMPORTED,
    TAX_TYPES,
    USED_OFFER_CONDITIONS,
)

ITEM_NAME_MAX: Final = 150
EMPTY_BARCODE_REASON_MAX: Final = 100
OFFER_DESCRIPTION_MAX: Final = 700
IMAGE_PATH_MAX: Final = 150
DOCUMENT_PATH_MAX: Final = 150
DETAIL_IMAGES_MAX: Final = 9
USED_PRODUCT_IMAGES_MAX: Final = 4
#: Purchase options (attributes with ``exposed=EXPOSED``) per item, since 2020-10-12 (was 2).
PURCHASE_OPTIONS_MAX: Final = 3
#: Stock an item may hold. Coupang documents no maximum; this is the emulator's bound.
QUANTITY_MAX: Final = 99_999
PRICE_STEP: Final = 10

MANDATORY: Final = "MANDATORY"
NO_GROUP: Final = "NONE"
DOC_MANDATORY_PARALLEL: Final = "MANDATORY_PARALLEL_IMPORTED"
DOC_MANDATORY_OVERSEAS: Final = "MANDATORY_OVERSEAS_PURCHASED"

_ALL_IMAGE_TYPES: Final = (*IMAGE_TYPES, IMAGE_REP_OBLONG_ORIGIN)
_NUMBER_VALUE_RE = re.compile(r"^\s*([0-9]+(?:[.,][0-9]+)*)\s*(.*?)\s*$")


# -- the category meta, read defensively -----------------------------------------------------


def _entries(meta: Mapping[str, Any] | None, key: str) -> list[Mapping[str, Any]]:
    value = meta.get(key) if meta is not None else None
    if not isinstance(value, list):
        return []
    return [entry for entry in value if isinstance(entry, Mapping)]


def _name(entry: Mapping[str, Any], key: str) -> str | None:
    value = entry.get(key)
    return value if isinstance(value, str) and value else None


def meta_attributes(meta: Mapping[str, Any] | None) -> dict[str, Mapping[str, Any]]:
    """The category meta's attributes by attributeTypeName."""
    return {
        name: entry
        for entry in _entries(meta, "attributes")
        if (name := _name(entry, "attributeTypeName"))
    }


def meta_notices(meta: Mapping[str, Any] | None) -> dict[str, dict[str, bool]]:
    """Notice category -> {detail name: mandatory?}."""
    out: dict[str, dict[str, bool]] = {}
    for entry in _entries(meta, "noticeCategories"):
        name = _name(entry, "noticeCategoryName")
        if name is None:
            continue
        details = out.setdefault(name, {})
        for detail in _entries(entry, "noticeCategoryDetailNames"):
            detail_name = _name(detail, "noticeCategoryDetailName")
            if detail_name is not None:
                details[detail_name] = detail.get("required") == MANDATORY
    return out


def meta_certifications(meta: Mapping[str, Any] | None) -> dict[str, Mapping[str, Any]]:
    """The category meta's certifications by certificationType."""
    return {
        name: entry
        for entry in _entries(meta, "certifications")
        if (name := _name(entry, "certificationType"))
    }


def meta_documents(meta: Mapping[str, Any] | None) -> dict[str, str]:
    """Document template -> its ``required`` code."""
    return {
        name: str(entry.get("required") or "")
        for entry in _entries(meta, "requiredDocumentNames")
        if (name := _name(entry, "templateName"))
    }


def meta_offer_conditions(meta: Mapping[str, Any] | None) -> list[str]:
    """The category's allowedOfferConditions (empty when the meta has none)."""
    value = meta.get("allowedOfferConditions") if meta is not None else None
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


# -- one item ----------------------------------------------------------------------------------


@dataclass
class ItemContext:
    """What the item rules need to know about the whole listing."""

    meta: Mapping[str, Any] | None
    creating: bool
    #: ``isAllowSingleItem`` and a single item: mandatory attributes are not enforced.
    attributes_exempt: bool
    load_image: ImageLoader | None = None
    image_cache: dict[tuple[str, str], list[Violation]] = field(default_factory=dict)


@dataclass
class ItemSummary:
    """Facts about one item that the cross-item rules compare."""

    index: int
    name: str | None = None
    options: tuple[tuple[str, str], ...] = ()
    notice_category: str | None = None
    offer_condition: str = OFFER_CONDITION_NEW
    overseas: bool = False
    parallel_imported: bool = False


def price_rules(value: int, field_name: str) -> list[Violation]:
    """Violations of a sale price: it must be above 0 and a multiple of 10 won."""
    name = field_name.rsplit(".", 1)[-1]
    if value <= 0:
        return [Violation(field_name, "price_positive", f"{name} must be above 0 (got {value:,})")]
    if value % PRICE_STEP:
        return [
            Violation(
                field_name,
                "price_step",
                f"{name} is set in {PRICE_STEP}-won units (got {value:,})",
            )
        ]
    return []


def original_price_rules(value: int, field_name: str) -> list[Violation]:
    """Violations of originalPrice: at least 0 and a multiple of 10 won."""
    name = field_name.rsplit(".", 1)[-1]
    if value < 0:
        return [Violation(field_name, "min_value", f"{name} must be at least 0 (got {value:,})")]
    if value % PRICE_STEP:
        return [
            Violation(
                field_name,
                "original_price_step",
                f"{name} goes from 0 in {PRICE_STEP}-won steps (got {value:,})",
            )
        ]
    return []


def quantity_rules(value: int, field_name: str) -> list[Violation]:
    """Violations of a quantity (maximumBuyCount, stock): between 0 and QUANTITY_MAX (99,999)."""
    if 0 <= value <= QUANTITY_MAX:
        return []
    name = field_name.rsplit(".", 1)[-1]
    return [
        Violation(
            field_name,
            "quantity_range",
            f"{name} must be between 0 and {QUANTITY_MAX:,} (got {value:,})",
        )
    ]


def check_item(
    item: Mapping[str, Any], index: int, ctx: ItemContext
) -> tuple[list[Violation], ItemSummary]:
    """Every rule about one entry of ``items``."""
    prefix = f"items[{index}]"
    out: list[Violation] = []
    summary = ItemSummary(index)

    summary.name = f.text(
        item.get("itemName"), f"{prefix}.itemName", out, required=True, max_length=ITEM_NAME_MAX
    )
    _prices(item, prefix, out)
    _buy_limits(item, prefix, out, ctx.creating)
    _import_flags(item, prefix, out, summary, ctx.creating)
    _codes(item, prefix, out)

    out += _offer(item, prefix, ctx, summary)
    out += _images(item, prefix, ctx)
    out += _contents(item, prefix)
    out += _certifications(item, prefix, ctx.meta)
    notice_out, summary.notice_category = _notices(item, prefix, ctx.meta)
    out += notice_out
    attribute_out, summary.options = _attributes(item, prefix, ctx)
    out += attribute_out
    return out, summary


def _prices(item: Mapping[str, Any], prefix: str, out: list[Violation]) -> None:
    """originalPrice and salePrice: each in range, and the original not below the sale."""
    original = f.number(
        item.get("originalPrice"), f"{prefix}.originalPrice", out, required=True, minimum=None
    )
    if original is not None:
        out += original_price_rules(original, f"{prefix}.originalPrice")
    sale = f.number(item.get("salePrice"), f"{prefix}.salePrice", out, required=True, minimum=None)
    if sale is not None:
        out += price_rules(sale, f"{prefix}.salePrice")
    if original is not None and sale is not None and 0 < original < sale:
        out.append(
            Violation(
                f"{prefix}.originalPrice",
                "original_price_below_sale",
                f"originalPrice (the price before discount) cannot be below salePrice "
                f"({original:,} < {sale:,}); send the sale price itself for no discount",
            )
        )


def _buy_limits(item: Mapping[str, Any], prefix: str, out: list[Violation], creating: bool) -> None:
    """Stock, the per-person limits, the shipping lead time and the unit count."""
    stock = f.number(
        item.get("maximumBuyCount"), f"{prefix}.maximumBuyCount", out, required=True, minimum=None
    )
    if stock is not None:
        out += quantity_rules(stock, f"{prefix}.maximumBuyCount")
    f.number(item.get("maximumBuyForPerson"), f"{prefix}.maximumBuyForPerson", out, required=True)
    f.number(
        item.get("outboundShippingTimeDay"), f"{prefix}.outboundShippingTimeDay", out, required=True
    )
    f.number(
        item.get("maximumBuyForPersonPeriod"),
        f"{prefix}.maximumBuyForPersonPeriod",
        out,
        required=True,
        minimum=1,
    )
    f.number(item.get("unitCount"), f"{prefix}.unitCount", out, required=creating)


def _import_flags(
    item: Mapping[str, Any],
    prefix: str,
    out: list[Violation],
    summary: ItemSummary,
    creating: bool,
) -> None:
    """adultOnly, taxType, parallel import, overseas purchase and the PCC it needs."""
    f.choice(item.get("adultOnly"), f"{prefix}.adultOnly", out, ADULT_ONLY, required=True)
    f.choice(item.get("taxType"), f"{prefix}.taxType", out, TAX_TYPES, required=True)
    parallel = f.choice(
        item.get("parallelImported"),
        f"{prefix}.parallelImported",
        out,
        PARALLEL_IMPORTED,
        required=True,
    )
    summary.parallel_imported = parallel == PARALLEL_IMPORTED[1]
    overseas = f.choice(
        item.get("overseasPurchased"),
        f"{prefix}.overseasPurchased",
        out,
        OVERSEAS_PURCHASED,
        required=True,
    )
    summary.overseas = overseas == OVERSEAS_PURCHASED[1]
    pcc = f.flag(item.get("pccNeeded"), f"{prefix}.pccNeeded", out, required=creating)
    if summary.overseas and pcc is False:
        out.append(
            Violation(
                f"{prefix}.pccNeeded",
                "pcc_needed_overseas",
                "an overseas purchase-agency item (overseasPurchased=OVERSEAS_PURCHASED) must set "
                "pccNeeded=true so that buyers enter their personal customs clearance code (PCC)",
            )
        )


def _codes(item: Mapping[str, Any], prefix: str, out: list[Violation]) -> None:
    """SKU, barcode and model codes, search tags, extraProperties and the item ids."""
    for key in ("externalVendorSku", "barcode", "modelNo"):
        f.text(item.get(key), f"{prefix}.{key}", out, required=False, numbers_ok=True)
    f.flag(item.get("emptyBarcode"), f"{prefix}.emptyBarcode", out, required=False)
    f.text(
        item.get("emptyBarcodeReason"),
        f"{prefix}.emptyBarcodeReason",
        out,
        required=False,
        max_length=EMPTY_BARCODE_REASON_MAX,
    )
    f.strings(item.get("searchTags"), f"{prefix}.searchTags", out)
    extra = item.get("extraProperties")
    if extra is not None and not isinstance(extra, Mapping):
        out.append(
            Violation(
                f"{prefix}.extraProperties",
                "type",
                "extraProperties must be an object of key: value",
            )
        )
    for key in ("sellerProductItemId", "vendorItemId"):
        f.number(item.get(key), f"{prefix}.{key}", out, required=False, minimum=1)


def _offer(
    item: Mapping[str, Any], prefix: str, ctx: ItemContext, summary: ItemSummary
) -> list[Violation]:
    out: list[Violation] = []
    condition = f.choice(
        item.get("offerCondition"),
        f"{prefix}.offerCondition",
        out,
        OFFER_CONDITIONS,
        required=False,
    )
    if is_blank(item.get("offerCondition")):
        condition = OFFER_CONDITION_NEW
    if condition is not None:
        summary.offer_condition = condition
        allowed = meta_offer_conditions(ctx.meta)
        if allowed and condition not in allowed:
            out.append(
                Violation(
                    f"{prefix}.offerCondition",
                    "offer_condition_not_allowed",
                    f"this category allows offerCondition {', '.join(allowed)} (got {condition})",
                )
            )
    description = f.text(
        item.get("offerDescription"),
        f"{prefix}.offerDescription",
        out,
        required=False,
        max_length=OFFER_DESCRIPTION_MAX,
    )
    if description is not None and condition is not None and condition not in USED_OFFER_CONDITIONS:
        out.append(
            Violation(
                f"{prefix}.offerDescription",
                "offer_description_used_only",
                f"offerDescription describes a used item; it is written only with offerCondition "
                f"{', '.join(USED_OFFER_CONDITIONS)} (got {condition})",
            )
        )
    return out


# -- images ------------------------------------------------------------------------------------


def _images(item: Mapping[str, Any], prefix: str, ctx: ItemContext) -> list[Violation]:
    """The item's images: each entry's fields, the per-type counts, then their contents."""
    out: list[Violation] = []
    field_name = f"{prefix}.images"
    counts: Counter[str] = Counter()
    to_load: list[tuple[str, str, str]] = []
    for j, image in f.objects(item.get("images"), field_name, out, required=True):
        _image_entry(image, f"{field_name}[{j}]", out, counts, to_load)
    images = item.get("images")
    out += _image_counts(field_name, counts, isinstance(images, list) and bool(images))
    if ctx.load_image is not None:
        for image_field, location, image_type in to_load:
            out += _image_contents(image_field, location, image_type, ctx)
    return out


def _image_entry(
    image: Mapping[str, Any],
    path: str,
    out: list[Violation],
    counts: Counter[str],
    to_load: list[tuple[str, str, str]],
) -> None:
    """One entry of ``images``: its type (counted), order and paths (queued for loading)."""
    image_type = f.choice(
        image.get("imageType"), f"{path}.imageType", out, _ALL_IMAGE_TYPES, required=True
    )
    if image_type is not None:
        counts[image_type] += 1
    f.number(image.get("imageOrder"), f"{path}.imageOrder", out, required=False)
    cdn = f.text(
        image.get("cdnPath"), f"{path}.cdnPath", out, required=False, max_length=IMAGE_PATH_MAX
    )
    vendor = f.text(
        image.get("vendorPath"),
        f"{path}.vendorPath",
        out,
        required=False,
        max_length=IMAGE_PATH_MAX,
    )
    if is_blank(image.get("cdnPath")) and is_blank(image.get("vendorPath")):
        out.append(
            Violation(
                f"{path}.vendorPath",
                "image_path_required",
                "cdnPath or vendorPath (or both) is required",
            )
        )
    if image_type is not None:
        if vendor is not None:
            to_load.append((f"{path}.vendorPath", vendor, image_type))
        elif cdn is not None:
            to_load.append((f"{path}.cdnPath", cdn, image_type))


def _image_counts(field_name: str, counts: Counter[str], any_images: bool) -> list[Violation]:
    """One REPRESENTATION image, and at most so many DETAIL and USED_PRODUCT images."""
    out: list[Violation] = []
    if any_images and counts[IMAGE_REPRESENTATION] != 1:
        out.append(
            Violation(
                field_name,
                "image_representation_count",
                f"exactly one REPRESENTATION (main) image is required "
                f"(got {counts[IMAGE_REPRESENTATION]})",
            )
        )
    if counts[IMAGE_DETAIL] > DETAIL_IMAGES_MAX:
        out.append(
            Violation(
                field_name,
                "image_detail_max",
                f"at most {DETAIL_IMAGES_MAX} DETAIL images per item (got {counts[IMAGE_DETAIL]})",
            )
        )
    if counts[IMAGE_USED_PRODUCT] > USED_PRODUCT_IMAGES_MAX:
        out.append(
            Violation(
                field_name,
                "image_used_max",
                f"at most {USED_PRODUCT_IMAGES_MAX} USED_PRODUCT images per item "
                f"(got {counts[IMAGE_USED_PRODUCT]})",
            )
        )
    return out


def _image_contents(
    image_field: str, location: str, image_type: str, ctx: ItemContext
) -> list[Violation]:
    if ctx.load_image is None:
        return []
    key = (location, image_type)
    if key not in ctx.image_cache:
        data = ctx.load_image(location)
        if data is None:
            # A URL is fetched by Coupang itself; only a local file that cannot be read is an error.
            ctx.image_cache[key] = (
                []
                if is_url(location)
                else [
                    Violation(
                        "", "image_unreadable", f"cannot read the image file {location!r:.160}"
                    )
                ]
            )
        else:
            ctx.image_cache[key] = check_image_bytes(data, "", image_type=image_type)
    return [Violation(image_field, v.rule, v.message) for v in ctx.image_cache[key]]


# -- detail page, certifications ---------------------------------------------------------------


def _contents(item: Mapping[str, Any], prefix: str) -> list[Violation]:
    out: list[Violation] = []
    for j, content in f.objects(item.get("contents"), f"{prefix}.contents", out, required=True):
        path = f"{prefix}.contents[{j}]"
        f.choice(
            content.get("contentsType"), f"{path}.contentsType", out, CONTENTS_TYPES, required=True
        )
        for k, detail in f.objects(
            content.get("contentDetails"), f"{path}.contentDetails", out, required=True
        ):
            detail_path = f"{path}.contentDetails[{k}]"
            f.text(detail.get("content"), f"{detail_path}.content", out, required=True)
            f.choice(
                detail.get("detailType"),
                f"{detail_path}.detailType",
                out,
                CONTENT_DETAIL_TYPES,
                required=True,
            )
    return out


def _certifications(
    item: Mapping[str, Any], prefix: str, meta: Mapping[str, Any] | None
) -> list[Violation]:
    out: list[Violation] = []
    known = meta_certifications(meta)
    given: set[str] = set()
    field_name = f"{prefix}.certifications"
    for j, cert in f.objects(item.get("certifications"), field_name, out, required=False):
        path = f"{field_name}[{j}]"
        cert_type = f.text(
            cert.get("certificationType"), f"{path}.certificationType", out, required=True
        )
        code = f.text(
            cert.get("certificationCode"),
            f"{path}.certificationCode",
            out,
            required=False,
            numbers_ok=True,
        )
        if cert_type is None or meta is None:
            continue
        given.add(cert_type)
        entry = known.get(cert_type)
        if entry is None and cert_type != CERTIFICATION_NOT_REQUIRED:
            out.append(
                Violation(
                    f"{path}.certificationType",
                    "certification_unknown",
                    f"certification {cert_type!r:.60} is not one this category takes "
                    f"({', '.join(known) or CERTIFICATION_NOT_REQUIRED})",
                )
            )
        elif entry is not None and entry.get("dataType") == "CODE" and code is None:
            out.append(
                Violation(
                    f"{path}.certificationCode",
                    "certification_code_required",
                    f"certification {cert_type} needs the code issued by the certifying body",
                )
            )
    mandatory = [name for name, entry in known.items() if entry.get("required") == MANDATORY]
    if meta is not None and mandatory and not given.intersection(mandatory):
        out.append(
            Violation(
                field_name,
                "certification_missing",
                f"this category requires a certification: one of {', '.join(mandatory)}",
            )
        )
    return out


# -- notices -----------------------------------------------------------------------------------


def _notices(
    item: Mapping[str, Any], prefix: str, meta: Mapping[str, Any] | None
) -> tuple[list[Violation], str | None]:
    """All notices of an item come from ONE notice category of the meta, mandatory details filled."""
    out: list[Violation] = []
    field_name = f"{prefix}.notices"
    known = meta_notices(meta)
    required = meta is None or bool(known)
    entries: list[tuple[int, str, str | None]] = []
    for j, notice in f.objects(item.get("notices"), field_name, out, required=required):
        path = f"{field_name}[{j}]"
        category = f.text(
            notice.get("noticeCategoryName"), f"{path}.noticeCategoryName", out, required=True
        )
        detail = f.text(
            notice.get("noticeCategoryDetailName"),
            f"{path}.noticeCategoryDetailName",
            out,
            required=True,
        )
        f.text(notice.get("content"), f"{path}.content", out, required=True)
        if category is not None:
            entries.append((j, category, detail))
    if meta is None or not entries:
        return out, None
    category = _notice_category(field_name, entries, known, out)
    if category is not None:
        out += _notice_details(field_name, category, known[category], entries)
    return out, category


def _notice_category(
    field_name: str,
    entries: list[tuple[int, str, str | None]],
    known: Mapping[str, Mapping[str, bool]],
    out: list[Violation],
) -> str | None:
    """The one notice category the entries use, or None (unknown or mixed ones are refused)."""
    used: list[str] = []
    for j, category, _ in entries:
        if category not in known:
            out.append(
                Violation(
                    f"{field_name}[{j}].noticeCategoryName",
                    "notice_category_unknown",
                    f"notice category {category!r:.60} is not one of this category's: "
                    f"{', '.join(known) or 'none'}",
                )
            )
        elif category not in used:
            used.append(category)
    if len(used) > 1:
        out.append(
            Violation(
                field_name,
                "notice_category_mixed",
                f"all notices of an item must belong to exactly one notice category "
                f"(got {', '.join(used)})",
            )
        )
        return None
    return used[0] if used else None


def _notice_details(
    field_name: str,
    category: str,
    details: Mapping[str, bool],
    entries: list[tuple[int, str, str | None]],
) -> list[Violation]:
    """Each detail of the category known and given once, and every mandatory one given."""
    out: list[Violation] = []
    seen: set[str] = set()
    for j, entry_category, detail in entries:
        if entry_category != category or detail is None:
            continue
        if detail not in details:
            out.append(
                Violation(
                    f"{field_name}[{j}].noticeCategoryDetailName",
                    "notice_detail_unknown",
                    f"{detail!r:.60} is not a detail of notice category {category!r}",
                )
            )
        elif detail in seen:
            out.append(
                Violation(
                    f"{field_name}[{j}].noticeCategoryDetailName",
                    "notice_detail_duplicate",
                    f"notice detail {detail!r} is given twice",
                )
            )
        seen.add(detail)
    missing = [name for name, mandatory in details.items() if mandatory and name not in seen]
    if missing:
        out.append(
            Violation(
                field_name,
                "notice_detail_missing",
                f"notice category {category!r} requires: {', '.join(missing)}",
            )
        )
    return out


# -- attributes --------------------------------------------------------------------------------


def _attributes(
    item: Mapping[str, Any], prefix: str, ctx: ItemContext
) -> tuple[list[Violation], tuple[tuple[str, str], ...]]:
    """Attributes: mandatory ones (pick-one groups), NUMBER units, at most 3 purchase options.

    An attribute's kind is its ``exposed`` flag when sent, else the meta's, else EXPOSED: since
    2020-10 free-text purchase options need not come from the meta (search attributes must).
    Returns the item's purchase options as sorted ``(type, value)`` pairs.
    """
    out: list[Violation] = []
    field_name = f"{prefix}.attributes"
    meta = ctx.meta
    known = meta_attributes(meta)
    filled: dict[str, str] = {}
    options: list[tuple[str, str]] = []
    for j, attribute in f.objects(item.get("attributes"), field_name, out, required=False):
        _attribute_entry(
            attribute,
            f"{field_name}[{j}]",
            ctx=ctx,
            known=known,
            filled=filled,
            options=options,
            out=out,
        )
    if len(options) > PURCHASE_OPTIONS_MAX:
        out.append(
            Violation(
                field_name,
                "purchase_options_max",
                f"at most {PURCHASE_OPTIONS_MAX} purchase options (exposed=EXPOSED) per item "
                f"(got {len(options)}: {', '.join(name for name, _ in options)})",
            )
        )
    raw = item.get("attributes")
    if meta is not None and (raw is None or isinstance(raw, list)):
        out += _mandatory_attributes(known, filled, field_name, ctx.attributes_exempt)
    return out, tuple(sorted(options))


def _attribute_entry(
    attribute: Mapping[str, Any],
    path: str,
    *,
    ctx: ItemContext,
    known: Mapping[str, Mapping[str, Any]],
    filled: dict[str, str],
    options: list[tuple[str, str]],
    out: list[Violation],
) -> None:
    """One entry of ``attributes``: its fields, a duplicate, a search attribute unknown to the
    meta, a NUMBER value's unit; a purchase option is added to ``options``."""
    type_name = f.text(
        attribute.get("attributeTypeName"), f"{path}.attributeTypeName", out, required=True
    )
    raw_value = attribute.get("attributeValueName")
    if isinstance(raw_value, int | float) and not isinstance(raw_value, bool):
        raw_value = str(raw_value)
    value = f.text(raw_value, f"{path}.attributeValueName", out, required=False)
    exposed = f.choice(
        attribute.get("exposed"), f"{path}.exposed", out, ATTRIBUTE_EXPOSED, required=False
    )
    if type_name is None or value is None:
        return  # blank value: "not entered", as the docs allow
    value = value.strip()
    if type_name in filled:
        out.append(
            Violation(
                f"{path}.attributeTypeName",
                "attribute_duplicate",
                f"attribute {type_name!r:.60} is given twice in one item",
            )
        )
        return
    filled[type_name] = value
    entry = known.get(type_name)
    if exposed is None:
        meta_exposed = entry.get("exposed") if entry is not None else None
        exposed = meta_exposed if meta_exposed in ATTRIBUTE_EXPOSED else EXPOSED
    if ctx.meta is not None and entry is None and exposed == NOT_EXPOSED:
        out.append(
            Violation(
                f"{path}.attributeTypeName",
                "attribute_unknown",
                f"search attribute {type_name!r:.60} is not in this category's meta; only "
                f"purchase options (exposed=EXPOSED) may be free text",
            )
        )
    if entry is not None and entry.get("dataType") == "NUMBER":
        out += _number_value(value, entry, f"{path}.attributeValueName", type_name)
    if exposed == EXPOSED:
        options.append((type_name, value))


def _number_value(
    value: str, entry: Mapping[str, Any], field_name: str, type_name: str
) -> list[Violation]:
    units_raw = entry.get("usableUnits")
    units = (
        [u for u in units_raw if isinstance(u, str) and u] if isinstance(units_raw, list) else []
    )
    match = _NUMBER_VALUE_RE.match(value)
    example = f"e.g. '1{units[0]}'" if units else "e.g. '1'"
    if match is None:
        return [
            Violation(
                field_name,
                "attribute_number_format",
                f"{type_name!r:.60} is a NUMBER attribute: a number then a unit ({example}), "
                f"got {value!r:.60}",
            )
        ]
    unit = match.group(2)
    if units and unit not in units and unit.casefold() not in {u.casefold() for u in units}:
        return [
            Violation(
                field_name,
                "attribute_unit",
                f"{type_name!r:.60} takes one of the units {', '.join(units)} "
                f"(got {unit or 'no unit'!s:.30} in {value!r:.60})",
            )
        ]
    return []


def _mandatory_attributes(
    known: Mapping[str, Mapping[str, Any]], filled: Mapping[str, str], field_name: str, exempt: bool
) -> list[Violation]:
    """MANDATORY attributes present (pick-one groups: exactly one of the group), unless exempt."""
    out: list[Violation] = []
    groups: dict[str, list[str]] = {}
    mandatory_groups: set[str] = set()
    for name, entry in known.items():
        group = entry.get("groupNumber")
        key = (
            f"group {group}"
            if isinstance(group, str | int) and str(group) not in ("", NO_GROUP)
            else name
        )
        groups.setdefault(key, []).append(name)
        if entry.get("required") == MANDATORY:
            mandatory_groups.add(key)
    for key, members in groups.items():
        present = [name for name in members if name in filled]
        if len(members) > 1 and len(present) > 1:
            out.append(
                Violation(
                    field_name,
                    "attribute_group_multiple",
                    f"pick one of {', '.join(members)} ({key}); got {', '.join(present)}",
                )
            )
        if not present and key in mandatory_groups and not exempt:
            what = members[0] if len(members) == 1 else f"one of {', '.join(members)}"
            out.append(
                Violation(
                    field_name,
                    "attribute_mandatory_missing",
                    f"the category's mandatory attribute is missing: {what}",
                )
            )
    if not filled and not exempt:
        out.append(
            Violation(
                field_name,
                "attributes_required",
                "this listing needs at least one attribute: the category does not allow a single "
                "item without attributes (isAllowSingleItem=false) or the listing has several items",
            )
        )
    return out


# -- across items ------------------------------------------------------------------------------


def check_across_items(summaries: Sequence[ItemSummary]) -> list[Violation]:
    """Unique item names, one item per option combination, no deal-type listings."""
    out: list[Violation] = []
    if len(summaries) < 2:
        return out
    names: dict[str, int] = {}
    combos: dict[tuple[tuple[str, str], ...], int] = {}
    first = summaries[0]
    for s in summaries:
        out += _unique_item(s, names, combos)
        if s is not first:
            out += _same_product(s, first)
    return out


def _unique_item(
    s: ItemSummary, names: dict[str, int], combos: dict[tuple[tuple[str, str], ...], int]
) -> list[Violation]:
    """An item's name and its purchase-option combination are its own in the listing."""
    out: list[Violation] = []
    if s.name is not None:
        if s.name in names:
            out.append(
                Violation(
                    f"items[{s.index}].itemName",
                    "item_name_duplicate",
                    f"itemName {s.name!r:.60} is already used by items[{names[s.name]}]; "
                    f"each item needs its own name",
                )
            )
        else:
            names[s.name] = s.index
    if s.options in combos:
        shown = ", ".join(f"{k}={v}" for k, v in s.options) or "no purchase options"
        out.append(
            Violation(
                f"items[{s.index}].attributes",
                "option_combination_duplicate",
                f"items[{s.index}] has the same purchase options as items[{combos[s.options]}] "
                f"({shown:.120}); a listing has one item per option combination",
            )
        )
    else:
        combos[s.options] = s.index
    return out


def _same_product(s: ItemSummary, first: ItemSummary) -> list[Violation]:
    """A later item is the first one's product: same notice category, same option axes."""
    out: list[Violation] = []
    if (
        s.notice_category is not None
        and first.notice_category is not None
        and s.notice_category != first.notice_category
    ):
        out.append(
            Violation(
                f"items[{s.index}].notices",
                "deal_listing",
                f"items[{s.index}] is a different kind of product (notice category "
                f"{s.notice_category!r}) than items[0] ({first.notice_category!r}); deal-type "
                f"listings of different products are refused, list them separately",
            )
        )
    axes = {name for name, _ in s.options}
    first_axes = {name for name, _ in first.options}
    if axes != first_axes:
        out.append(
            Violation(
                f"items[{s.index}].attributes",
                "deal_listing",
                f"items[{s.index}] has purchase options ({', '.join(sorted(axes)) or 'none'}) "
                f"different from items[0] ({', '.join(sorted(first_axes)) or 'none'}); the items "
                f"of one listing are one product varied along the same options",
            )
        )
    return out


def check_documents(
    body: Mapping[str, Any], meta: Mapping[str, Any] | None, summaries: Sequence[ItemSummary]
) -> list[Violation]:
    """``requiredDocuments``: known templates, a path each, the ones the category and items need."""
    out: list[Violation] = []
    known = meta_documents(meta)
    given: set[str] = set()
    for j, document in f.objects(
        body.get("requiredDocuments"), "requiredDocuments", out, required=False
    ):
        path = f"requiredDocuments[{j}]"
        _document_entry(document, path, meta=meta, known=known, given=given, out=out)
    if meta is None:
        return out
    return out + _missing_documents(known, given, summaries)


def _document_entry(
    document: Mapping[str, Any],
    path: str,
    *,
    meta: Mapping[str, Any] | None,
    known: Mapping[str, str],
    given: set[str],
    out: list[Violation],
) -> None:
    """One entry of ``requiredDocuments``: a known template with a path."""
    name = f.text(document.get("templateName"), f"{path}.templateName", out, required=True)
    cdn = f.text(
        document.get("documentPath"),
        f"{path}.documentPath",
        out,
        required=False,
        max_length=DOCUMENT_PATH_MAX,
    )
    vendor = f.text(
        document.get("vendorDocumentPath"),
        f"{path}.vendorDocumentPath",
        out,
        required=False,
        max_length=DOCUMENT_PATH_MAX,
    )
    if (
        cdn is None
        and vendor is None
        and is_blank(document.get("documentPath"))
        and is_blank(document.get("vendorDocumentPath"))
    ):
        out.append(
            Violation(
                f"{path}.vendorDocumentPath",
                "document_path_required",
                "documentPath or vendorDocumentPath is required",
            )
        )
    if name is None:
        return
    given.add(name)
    if meta is not None and name not in known:
        out.append(
            Violation(
                f"{path}.templateName",
                "required_document_unknown",
                f"document template {name!r:.60} is not one of this category's: "
                f"{', '.join(known) or 'none'}",
            )
        )


def _missing_documents(
    known: Mapping[str, str], given: set[str], summaries: Sequence[ItemSummary]
) -> list[Violation]:
    """The documents the category requires (some only for parallel or overseas items)."""
    out: list[Violation] = []
    parallel = any(s.parallel_imported for s in summaries)
    overseas = any(s.overseas for s in summaries)
    for name, required in known.items():
        needed = (
            required == MANDATORY
            or (required == DOC_MANDATORY_PARALLEL and parallel)
            or (required == DOC_MANDATORY_OVERSEAS and overseas)
        )
        if needed and name not in given:
            why = {
                DOC_MANDATORY_PARALLEL: " (an item is parallel-imported)",
                DOC_MANDATORY_OVERSEAS: " (an item is an overseas purchase)",
            }.get(required, "")
            out.append(
                Violation(
                    "requiredDocuments",
                    "required_document_missing",
                    f"document {name!r} is required{why}",
                )
            )
    return out


def attributes_exempt(meta: Mapping[str, Any] | None, item_count: int) -> bool:
    """``isAllowSingleItem=true`` lets a single-item listing go without its mandatory attributes."""
    return meta is not None and as_bool(meta.get("isAllowSingleItem")) is True and item_count == 1


def existing_offer_condition(item: Mapping[str, Any]) -> str:
    """The item's offerCondition, NEW when missing."""
    value = item.get("offerCondition")
    return value if isinstance(value, str) and value else OFFER_CONDITION_NEW


def item_id(item: Mapping[str, Any]) -> int | None:
    """The item's sellerProductItemId as an int, or None."""
    return as_int(item.get("sellerProductItemId"))
