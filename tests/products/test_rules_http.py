"""Every product rule, refused by the sandbox over HTTP.

The rule ids are collected from the preflight sources the way the preflight catalogue does
(``tests/products/test_rules_catalogue.py``), plus the rules of the shipping-place
checks that the product rules import and call. For each rule at least one request that breaks
it (and, unless the case lists ``also``, nothing else) is sent to the sandbox over HTTP, signed
by hand, and must come back HTTP 400 ``{"code": "ERROR", "errors": [...]}`` naming the field and
the rule. A rule without such a case must be listed in :data:`UNREACHABLE_OVER_HTTP` with its
reason, or the completeness test fails.

Bodies are built against real leaves of the seed category catalog:

* ``MAIN`` 69435 (살충제/모기약): mandatory notice details in two notice categories, mandatory
  attributes with a pick-one group, NUMBER attributes with units, CODE certifications, a
  mandatory document plus the parallel-import / overseas-purchase ones, only NEW allowed;
* ``SAME_META`` 63922 (락스/살균소독제): the very same meta, so moving a product there breaks
  only ``category_fixed``;
* ``PHONE`` 95881 (스마트폰): a MANDATORY certification, used offer conditions allowed.

Create rules go through ``POST seller-products``; the rules fixed once listed through
``PUT seller-products`` on a product saved (or approved through the control API) first;
partial-update rules through ``PUT .../partial``; price, stock and original price through the
vendor-item endpoints. Image files are generated with Pillow and served from a loopback HTTP
server (the sandbox fetches image URLs on loopback only). Refused requests change nothing, so
one app and one set of stored products serve every case; the checks that a valid request is
accepted run on a vendor of their own, registered through the control API.
"""

from __future__ import annotations

import ast
import contextlib
import copy
import inspect
import io
import random
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from coupang_sandbox import SandboxSettings, create_app
from coupang_sandbox.app import close_app
from coupang_seller.catalog import load_catalog
from coupang_seller.preflight import products as product_rules
from coupang_seller.preflight import shipping_places
from coupang_seller.types.shipping_places import PlaceAddress, RemoteInfo, ReturnFees
from tests.integration.asgi_sync import SyncASGITransport
from tests.products import factory
from tests.products.conftest import SELLER_API, RawApi, make_client
from tests.products.rule_cases import DELETE, setter
from tests.products.test_rules_catalogue import RULE_RE, rule_ids

PRODUCTS = f"{SELLER_API}/seller-products"
ITEMS = f"{SELLER_API}/vendor-items"
VENDOR = ("A00077001", "ak-rules-http-one", "sk-rules-http-one-0123456789")

MAIN = 69435
SAME_META = 63922
PHONE = 95881
CATEGORY_PARENT = 113822  # 생활용품 > ... > 살충/방충: MAIN's parent, not a leaf
UNKNOWN_CATEGORY = 999_999_999

#: Rules the product rules can answer that no request to the sandbox can provoke.
UNREACHABLE_OVER_HTTP: dict[str, str] = {
    "image_check_unavailable": "answered only when Pillow is missing; the sandbox (and this "
    "suite) run with Pillow installed",
    "image_unreadable": "only for a local file path; the sandbox never reads a seller's files and "
    "drops the rule (backends.products.IGNORED_RULES)",
    "overseas_vendor_agent_buy": "needs vendor_is_overseas=True; the sandbox has no overseas "
    "vendors and always checks with the default False",
    "seller_product_id_mismatch": "the full update loads the product named by the body's own "
    "sellerProductId, and the partial update refuses a differing id first as path_mismatch",
}

#: The sandbox's own refusals around the product rules (references to other resources, ids).
SANDBOX_RULES = frozenset(
    {"outbound_place_not_found", "return_center_not_found", "vendor_item_mismatch", "path_mismatch"}
)


# -- the rule ids ------------------------------------------------------------------------------


def delegated_rule_ids() -> set[str]:
    """Rules of the shipping-place checks that ``preflight/products.py`` imports (and calls)."""
    tree = ast.parse(Path(product_rules.__file__).read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == shipping_places.__name__:
            for alias in node.names:
                source = inspect.getsource(getattr(shipping_places, alias.name))
                found |= set(RULE_RE.findall(source))
    return found


def product_rule_ids() -> set[str]:
    return rule_ids() | delegated_rule_ids()


# -- bodies --------------------------------------------------------------------------------------

Change = Callable[[dict[str, Any]], None]


def _get(body: Any, path: str) -> Any:
    for key in path.split("."):
        body = body[int(key)] if key.isdigit() else body[key]
    return body


def combine(*changes: Change) -> Change:
    def apply(body: dict[str, Any]) -> None:
        for change in changes:
            change(body)

    return apply


def append(path: str, value: Any) -> Change:
    def apply(body: dict[str, Any]) -> None:
        _get(body, path).append(copy.deepcopy(value))

    return apply


def copy_to(source: str, target: str) -> Change:
    """Set ``target`` to a copy of what ``source`` holds (``append`` when ``target`` ends
    with ``+``)."""

    def apply(body: dict[str, Any]) -> None:
        value = copy.deepcopy(_get(body, source))
        if target.endswith("+"):
            _get(body, target[:-1]).append(value)
        else:
            setter(target, value)(body)

    return apply


def map_list(path: str, key: str, value: Any) -> Change:
    """Set ``key`` on every object of the list at ``path``."""

    def apply(body: dict[str, Any]) -> None:
        for entry in _get(body, path):
            entry[key] = value

    return apply


def notices(category: int, name: str) -> list[dict[str, Any]]:
    meta = load_catalog().meta(category) or {}
    (entry,) = [n for n in meta["noticeCategories"] if n["noticeCategoryName"] == name]
    return [
        {"noticeCategoryName": name, "noticeCategoryDetailName": d, "content": "상세페이지 참조"}
        for d in (
            detail["noticeCategoryDetailName"] for detail in entry["noticeCategoryDetailNames"]
        )
    ]


def attribute(name: str, value: str, exposed: str = "EXPOSED") -> dict[str, str]:
    return {"attributeTypeName": name, "attributeValueName": value, "exposed": exposed}


def image(image_type: str, n: int) -> dict[str, Any]:
    return {"imageOrder": n, "imageType": image_type, "cdnPath": f"vendor_inventory/{n}.jpg"}


REPRESENTATION = image("REPRESENTATION", 0)
BIOCIDE = "살생물제품"
OTHER_GOODS = "기타 재화"
PARALLEL_DOCUMENT = "수입신고필증(병행수입 선택시)"
# The valid bodies carry every MANDATORY* document of the category (factory.documents_for),
# the overseas-purchase invoice included.
OVERSEAS_ITEM = combine(
    setter("items.0.overseasPurchased", "OVERSEAS_PURCHASED"),
    setter("items.0.pccNeeded", True),
)


def drop_document(name: str) -> Change:
    def apply(body: dict[str, Any]) -> None:
        body["requiredDocuments"] = [
            d for d in body["requiredDocuments"] if d["templateName"] != name
        ]

    return apply


# -- the cases -----------------------------------------------------------------------------------


def _nothing(body: dict[str, Any]) -> None:
    return None


@dataclass(frozen=True)
class Case:
    """One refused request: ``via`` says where it goes.

    * ``create``: POST seller-products with a valid body of ``category``, changed;
    * ``update`` / ``update_approved``: PUT seller-products with the stored product (saved, or
      approved) of ``category`` as the single lookup answers it, changed;
    * ``partial``: PUT seller-products/{id}/partial with ``{"sellerProductId": id}``, changed;
    * ``vendor_item``: PUT vendor-items/{vendorItemId}/``target`` of an approved item
      (salePrice 10,000, originalPrice 13,000).
    """

    rule: str
    field: str
    change: Change = _nothing
    via: str = "create"
    category: int = MAIN
    also: frozenset[str] = frozenset()
    target: str = ""
    #: Serve this file from the loopback image server as ``items[0].images[0].vendorPath``.
    image: str = ""
    #: Tells apart cases of the same rule and field.
    note: str = ""

    @property
    def id(self) -> str:
        parts = (self.via, self.rule, self.field, self.target, self.image, self.note)
        return "-".join(part for part in parts if part)


MAIN_ATTRIBUTES = ("개당 용량", "수량")  # what the factory fills: group 1's first, then 수량


CREATE_CASES = [
    # generic field rules
    Case("required", "brand", setter("brand", DELETE)),
    Case("required", "items", setter("items", [])),
    Case("required", "items[0].itemName", setter("items.0.itemName", " ")),
    Case("required", "items[0].images", setter("items.0.images", [])),
    Case("required", "items[0].notices[0].content", setter("items.0.notices.0.content", "")),
    Case("type", "requested", setter("requested", "maybe")),
    Case("type", "items[0].searchTags", setter("items.0.searchTags", "태그")),
    Case("type", "items[0].extraProperties", setter("items.0.extraProperties", ["x"])),
    Case("type", "deliveryCharge", setter("deliveryCharge", "free")),
    Case("enum", "deliveryChargeType", setter("deliveryChargeType", "SOMETIMES")),
    Case("enum", "items[0].taxType", setter("items.0.taxType", "VAT")),
    Case("enum", "items[0].images[1].imageType", setter("items.0.images.1.imageType", "GIF")),
    Case("max_length", "sellerProductName", setter("sellerProductName", "가" * 101)),
    Case("max_length", "items[0].itemName", setter("items.0.itemName", "나" * 151)),
    Case("min_value", "items[0].originalPrice", setter("items.0.originalPrice", -10)),
    Case(
        "min_value",
        "items[0].maximumBuyForPersonPeriod",
        setter("items.0.maximumBuyForPersonPeriod", 0),
    ),
    # delivery
    Case("courier_code", "deliveryCompanyCode", setter("deliveryCompanyCode", "NOPE")),
    Case("delivery_method_retired", "deliveryMethod", setter("deliveryMethod", "INSTRUCTURE")),
    Case("free_delivery_charge", "deliveryCharge", setter("deliveryCharge", 2500)),
    Case(
        "delivery_charge_required",
        "deliveryCharge",
        combine(setter("deliveryChargeType", "NOT_FREE"), setter("deliveryChargeOnReturn", 0)),
    ),
    Case("free_ship_over_amount", "freeShipOverAmount", setter("freeShipOverAmount", 10000)),
    Case(
        "free_ship_over_amount",
        "freeShipOverAmount",
        combine(
            setter("deliveryChargeType", "CONDITIONAL_FREE"),
            setter("deliveryCharge", 2500),
            setter("deliveryChargeOnReturn", 0),
        ),
        note="conditional-free",
    ),
    Case(
        "delivery_charge_on_return",
        "deliveryChargeOnReturn",
        combine(
            setter("deliveryChargeType", "NOT_FREE"),
            setter("deliveryCharge", 2500),
            setter("deliveryChargeOnReturn", 2500),
            setter("returnCharge", 2500),
        ),
    ),
    Case("return_charge_range", "returnCharge", setter("returnCharge", 10000)),
    Case(
        "union_needs_outbound_place",
        "outboundShippingPlaceCode",
        setter("outboundShippingPlaceCode", DELETE),
    ),
    Case(
        "union_no_cash_on_delivery",
        "unionDeliveryType",
        setter("deliveryChargeType", "CHARGE_RECEIVED"),
    ),
    Case(
        "courier_not_registered",
        "deliveryCompanyCode",
        combine(setter("remoteAreaDeliverable", "Y"), setter("deliveryCompanyCode", "CJGLS")),
    ),
    Case("overseas_needs_agent_buy", "items[0].overseasPurchased", OVERSEAS_ITEM),
    Case(
        "pcc_needed_overseas",
        "items[0].pccNeeded",
        combine(
            OVERSEAS_ITEM,
            setter("deliveryMethod", "AGENT_BUY"),
            setter("items.0.pccNeeded", "false"),
        ),
    ),
    # sale period
    Case("datetime_format", "saleStartedAt", setter("saleStartedAt", "2024-05-01 00:00:00")),
    Case(
        "sale_period_order",
        "saleEndedAt",
        combine(
            setter("saleStartedAt", "2090-01-01T00:00:00"),
            setter("saleEndedAt", "2089-12-31T23:59:59"),
        ),
    ),
    Case("sale_end_max", "saleEndedAt", setter("saleEndedAt", "2100-01-01T00:00:00")),
    Case(
        "sale_ended_in_past",
        "saleEndedAt",
        combine(
            setter("saleStartedAt", "2020-01-01T00:00:00"),
            setter("saleEndedAt", "2021-01-01T00:00:00"),
        ),
    ),
    # category
    Case(
        "category_not_leaf",
        "displayCategoryCode",
        setter("displayCategoryCode", CATEGORY_PARENT),
    ),
    Case(
        "category_unknown",
        "displayCategoryCode",
        setter("displayCategoryCode", UNKNOWN_CATEGORY),
    ),
    # documents
    Case("required_document_missing", "requiredDocuments", setter("requiredDocuments", [])),
    Case(
        "required_document_missing",
        "requiredDocuments",
        combine(
            setter("items.0.parallelImported", "PARALLEL_IMPORTED"),
            drop_document(PARALLEL_DOCUMENT),
        ),
        note="parallel-imported",
    ),
    Case(
        "required_document_unknown",
        "requiredDocuments[3].templateName",  # after the category's three
        append(
            "requiredDocuments",
            {"templateName": "없는 서류", "vendorDocumentPath": "http://example.com/x.pdf"},
        ),
    ),
    Case(
        "document_path_required",
        "requiredDocuments[0].vendorDocumentPath",
        setter("requiredDocuments.0.vendorDocumentPath", DELETE),
    ),
    # offer condition
    Case(
        "offer_condition_not_allowed",
        "items[0].offerCondition",
        setter("items.0.offerCondition", "USED_BEST"),
    ),
    Case(
        "offer_description_used_only",
        "items[0].offerDescription",
        setter("items.0.offerDescription", "새 상품입니다"),
    ),
    # prices and stock
    Case(
        "original_price_below_sale",
        "items[0].originalPrice",
        setter("items.0.originalPrice", 9000),
    ),
    Case("original_price_step", "items[0].originalPrice", setter("items.0.originalPrice", 13005)),
    Case("price_positive", "items[0].salePrice", setter("items.0.salePrice", 0)),
    Case("price_step", "items[0].salePrice", setter("items.0.salePrice", 10005)),
    Case("quantity_range", "items[0].maximumBuyCount", setter("items.0.maximumBuyCount", 100_000)),
    # images: entries
    Case(
        "image_path_required",
        "items[0].images[1].vendorPath",
        setter("items.0.images.1.vendorPath", DELETE),
    ),
    Case(
        "image_representation_count",
        "items[0].images",
        setter("items.0.images.0.imageType", "DETAIL"),
    ),
    Case(
        "image_detail_max",
        "items[0].images",
        setter("items.0.images", [REPRESENTATION] + [image("DETAIL", n) for n in range(1, 11)]),
    ),
    Case(
        "image_used_max",
        "items[0].images",
        setter(
            "items.0.images", [REPRESENTATION] + [image("USED_PRODUCT", n) for n in range(1, 6)]
        ),
    ),
    # images: the files themselves, fetched from the loopback server
    Case("image_format", "items[0].images[0].vendorPath", image="format.gif"),
    Case("image_dimensions", "items[0].images[0].vendorPath", image="small.jpg"),
    Case("image_not_square", "items[0].images[0].vendorPath", image="oblong.png"),
    Case("image_too_large", "items[0].images[0].vendorPath", image="large.png"),
    Case("image_corrupt", "items[0].images[0].vendorPath", image="corrupt.jpg"),
    # across items
    Case(
        "item_name_duplicate",
        "items[1].itemName",
        copy_to("items.0.itemName", "items.1.itemName"),
    ),
    Case(
        "option_combination_duplicate",
        "items[1].attributes",
        copy_to("items.0.attributes", "items.1.attributes"),
    ),
    Case(
        "deal_listing",
        "items[1].notices",
        setter("items.1.notices", notices(MAIN, OTHER_GOODS)),
    ),
    Case(
        "deal_listing",
        "items[1].attributes",
        setter("items.1.attributes", [attribute("개당 중량", "2g"), attribute("수량", "2개")]),
    ),
    # notices
    Case(
        "notice_category_mixed",
        "items[0].notices",
        append("items.0.notices", notices(MAIN, OTHER_GOODS)[0]),
    ),
    Case(
        "notice_category_unknown",
        "items[0].notices[0].noticeCategoryName",
        map_list("items.0.notices", "noticeCategoryName", "화장품"),
    ),
    Case(
        "notice_detail_unknown",
        "items[0].notices[10].noticeCategoryDetailName",
        append(
            "items.0.notices",
            {
                "noticeCategoryName": BIOCIDE,
                "noticeCategoryDetailName": "없는 항목",
                "content": "상세페이지 참조",
            },
        ),
    ),
    Case(
        "notice_detail_duplicate",
        "items[0].notices[10].noticeCategoryDetailName",
        copy_to("items.0.notices.0", "items.0.notices+"),
    ),
    Case("notice_detail_missing", "items[0].notices", setter("items.0.notices.0", DELETE)),
    # attributes
    Case(
        "attribute_duplicate",
        "items[0].attributes[2].attributeTypeName",
        copy_to("items.0.attributes.1", "items.0.attributes+"),
    ),
    Case(
        "attribute_group_multiple",
        "items[0].attributes",
        combine(
            append("items.0.attributes", attribute("개당 중량", "1g")),
            append("items.1.attributes", attribute("개당 중량", "2g")),
        ),
    ),
    Case(
        "attribute_mandatory_missing",
        "items[0].attributes",
        combine(setter("items.0.attributes.1", DELETE), setter("items.1.attributes.1", DELETE)),
    ),
    Case(
        "attributes_required",
        "items[0].attributes",
        combine(setter("items.1", DELETE), setter("items.0.attributes", [])),
        also=frozenset({"attribute_mandatory_missing"}),  # every such leaf has mandatory ones
    ),
    Case(
        "attribute_number_format",
        "items[0].attributes[1].attributeValueName",
        setter("items.0.attributes.1.attributeValueName", "많이"),
    ),
    Case(
        "attribute_unit",
        "items[0].attributes[1].attributeValueName",
        setter("items.0.attributes.1.attributeValueName", "1kg"),
    ),
    Case(
        "attribute_unknown",
        "items[0].attributes[2].attributeTypeName",
        append("items.0.attributes", attribute("없는 속성", "값", exposed="NONE")),
    ),
    Case(
        "purchase_options_max",
        "items[0].attributes",
        combine(
            append("items.0.attributes", attribute("색상", "빨강")),
            append("items.0.attributes", attribute("향", "레몬")),
            append("items.1.attributes", attribute("색상", "파랑")),
            append("items.1.attributes", attribute("향", "라임")),
        ),
    ),
    # certifications
    Case(
        "certification_unknown",
        "items[0].certifications[0].certificationType",
        setter(
            "items.0.certifications",
            [{"certificationType": "KC_NO_SUCH_THING", "certificationCode": "X-1"}],
        ),
    ),
    Case(
        "certification_code_required",
        "items[0].certifications[0].certificationCode",
        setter(
            "items.0.certifications",
            [{"certificationType": "KC_HOUSEHOLD_CONFIRM", "certificationCode": ""}],
        ),
    ),
    Case(
        "certification_missing",
        "items[0].certifications",
        setter(
            "items.0.certifications",
            [{"certificationType": "NOT_REQUIRED", "certificationCode": ""}],
        ),
        category=PHONE,
    ),
]

UPDATE_CASES = [
    Case(
        "category_fixed",
        "displayCategoryCode",
        setter("displayCategoryCode", SAME_META),
        via="update",
    ),
    Case(
        "offer_condition_fixed",
        "items[0].offerCondition",
        setter("items.0.offerCondition", "USED_BEST"),
        via="update",
        category=PHONE,
    ),
    Case(
        "unknown_item",
        "items[0].sellerProductItemId",
        setter("items.0.sellerProductItemId", 1),
        via="update",
    ),
    Case(
        "item_id_duplicate",
        "items[1].sellerProductItemId",
        copy_to("items.0.sellerProductItemId", "items.1.sellerProductItemId"),
        via="update",
    ),
    Case("required", "sellerProductId", setter("sellerProductId", DELETE), via="update"),
    Case("approved_item_removed", "items", setter("items.1", DELETE), via="update_approved"),
    Case(
        "use_vendor_item_api",
        "items[0].salePrice",
        setter("items.0.salePrice", 11000),
        via="update_approved",
    ),
    Case(
        "use_vendor_item_api",
        "items[1].maximumBuyCount",
        setter("items.1.maximumBuyCount", 50),
        via="update_approved",
    ),
]

PARTIAL_CASES = [
    Case(
        "partial_field_not_allowed",
        "sellerProductName",
        setter("sellerProductName", "새 이름"),
        via="partial",
    ),
    Case("partial_field_not_allowed", "items", setter("items", []), via="partial"),
    Case("free_delivery_charge", "deliveryCharge", setter("deliveryCharge", 2500), via="partial"),
    Case(
        "delivery_charge_required",
        "deliveryCharge",
        combine(setter("deliveryChargeType", "NOT_FREE"), setter("deliveryChargeOnReturn", 0)),
        via="partial",
    ),
    Case("return_charge_range", "returnCharge", setter("returnCharge", 10000), via="partial"),
    Case(
        "courier_not_registered",
        "deliveryCompanyCode",
        combine(setter("remoteAreaDeliverable", "Y"), setter("deliveryCompanyCode", "CJGLS")),
        via="partial",
    ),
    Case(
        "union_no_cash_on_delivery",
        "unionDeliveryType",
        setter("deliveryChargeType", "CHARGE_RECEIVED"),
        via="partial",
    ),
    Case(
        "union_needs_outbound_place",
        "outboundShippingPlaceCode",
        setter("outboundShippingPlaceCode", ""),
        via="partial",
    ),
    Case(
        "courier_code", "deliveryCompanyCode", setter("deliveryCompanyCode", "NOPE"), via="partial"
    ),
    Case(
        "delivery_method_retired",
        "deliveryMethod",
        setter("deliveryMethod", "MAKE_ORDER_DIRECT"),
        via="partial",
    ),
    Case("enum", "remoteAreaDeliverable", setter("remoteAreaDeliverable", "YES"), via="partial"),
    Case("type", "sameDayShipping", setter("sameDayShipping", "yes"), via="partial"),
    Case("min_value", "returnCharge", setter("returnCharge", -100), via="partial"),
]

VENDOR_ITEM_CASES = [
    Case("price_change_range", "price", via="vendor_item", target="prices/30000"),
    Case("price_positive", "price", via="vendor_item", target="prices/0"),
    Case("price_step", "price", via="vendor_item", target="prices/10005"),
    Case("type", "price", via="vendor_item", target="prices/abc"),
    Case("original_price_step", "originalPrice", via="vendor_item", target="original-prices/13005"),
    Case("min_value", "originalPrice", via="vendor_item", target="original-prices/-10"),
    Case("type", "originalPrice", via="vendor_item", target="original-prices/lots"),
    Case("quantity_range", "quantity", via="vendor_item", target="quantities/100000"),
    Case("quantity_range", "quantity", via="vendor_item", target="quantities/-1"),
    Case("type", "quantity", via="vendor_item", target="quantities/many"),
]

SANDBOX_CASES = [
    Case(
        "outbound_place_not_found",
        "outboundShippingPlaceCode",
        setter("outboundShippingPlaceCode", 999_999),
    ),
    Case("return_center_not_found", "returnCenterCode", setter("returnCenterCode", "999999")),
    Case(
        "vendor_item_mismatch",
        "items[0].vendorItemId",
        setter("items.0.vendorItemId", 1),
        via="update_approved",
    ),
    Case("path_mismatch", "sellerProductId", setter("sellerProductId", 1), via="partial"),
]

CASES = CREATE_CASES + UPDATE_CASES + PARTIAL_CASES + VENDOR_ITEM_CASES + SANDBOX_CASES


# -- the loopback image server -------------------------------------------------------------------


def _picture(width: int, height: int, fmt: str, *, noise: bool = False) -> bytes:
    from PIL import Image

    if noise:
        data = random.Random(width * 31 + height).randbytes(width * height * 3)
        picture = Image.frombytes("RGB", (width, height), data)
    else:
        picture = Image.new("RGB", (width, height), (40, 160, 90))
    buffer = io.BytesIO()
    picture.save(buffer, format=fmt)
    return buffer.getvalue()


def image_files() -> dict[str, bytes]:
    png = _picture(600, 600, "PNG")
    noisy = _picture(600, 600, "JPEG", noise=True)
    return {
        "/ok.jpg": _picture(600, 600, "JPEG"),
        "/format.gif": _picture(600, 600, "GIF"),
        "/small.jpg": _picture(400, 400, "JPEG"),
        "/oblong.png": _picture(800, 600, "PNG"),
        # a sound PNG followed by padding: only its size is wrong
        "/large.png": png + b"\x00" * (product_rules.IMAGE_BYTES_MAX + 1024 - len(png)),
        "/corrupt.jpg": noisy[: len(noisy) * 2 // 3],
    }


class _ImageServer(ThreadingHTTPServer):
    daemon_threads = True
    files: dict[str, bytes]


class _ImageHandler(BaseHTTPRequestHandler):
    server: _ImageServer

    def do_GET(self) -> None:
        data = self.server.files.get(self.path)
        if data is None:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        # the sandbox stops reading after 3 MB + 1 byte
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        return None


@pytest.fixture(scope="module")
def image_base() -> Iterator[str]:
    """``http://127.0.0.1:<port>``, serving :func:`image_files`."""
    pytest.importorskip("PIL.Image")
    server = _ImageServer(("127.0.0.1", 0), _ImageHandler)
    server.files = image_files()
    thread = threading.Thread(target=server.serve_forever, name="image-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# -- the sandbox ---------------------------------------------------------------------------------


@dataclass
class Shop:
    """One vendor's outbound place (courier KGB) and return center, and its signed client."""

    api: RawApi
    vendor_id: str
    outbound: int
    center: str

    def body(self, category: int = MAIN, **options: Any) -> dict[str, Any]:
        meta = load_catalog().meta(category)
        assert meta is not None
        return factory.product_body(
            category,
            meta,
            vendor_id=self.vendor_id,
            outbound=self.outbound,
            return_center=self.center,
            **options,
        )

    def create(self, body: dict[str, Any]) -> int:
        response = self.api.post(PRODUCTS, json=body)
        assert response.status_code == 200, response.text
        assert response.json()["code"] == "SUCCESS"
        return int(response.json()["data"])

    def approved(self, category: int = MAIN) -> int:
        product_id = self.create(self.body(category, requested=True))
        review = self.api.http.post(
            f"/_sandbox/products/{product_id}/review", json={"result": "APPROVED"}
        )
        assert review.status_code == 200, review.text
        return product_id

    def stored(self, product_id: int) -> dict[str, Any]:
        """The product as the single lookup answers it: the body of a full update."""
        response = self.api.get(f"{PRODUCTS}/{product_id}")
        assert response.status_code == 200, response.text
        data: dict[str, Any] = response.json()["data"]
        return data


def open_shop(api: RawApi, app: Starlette, vendor: tuple[str, str, str]) -> Shop:
    # the SDK client closes its transport when done: it gets one of its own
    with make_client(vendor, SyncASGITransport(app)) as client:
        outbound = client.outbound_shipping_places.create(
            name="규칙 출고지",
            addresses=[
                PlaceAddress(
                    addressType="JIBUN",
                    countryCode="KR",
                    companyContactNumber="02-1234-5678",
                    returnZipCode="10516",
                    returnAddress="경기도 파주시 탄현면 월롱산로 294-58",
                    returnAddressDetail="1층",
                )
            ],
            remote_infos=[RemoteInfo(deliveryCode="KGB", jeju=5000, notJeju=3000)],
        )
        center = client.return_centers.create(
            name="규칙 반품지",
            courier="CJGLS",
            contract_number="12345678",
            fees=ReturnFees.flat(2500),
            addresses=[
                PlaceAddress(
                    addressType="JIBUN",
                    companyContactNumber="02-1234-5678",
                    returnZipCode="10516",
                    returnAddress="경기도 파주시",
                    returnAddressDetail="반품동",
                )
            ],
        )
    return Shop(api.as_vendor(vendor), vendor[0], outbound, center)


@dataclass
class World:
    shop: Shop
    app: Starlette
    saved: dict[int, int]
    approved: int
    vendor_item: int


@pytest.fixture(scope="module")
def world() -> Iterator[World]:
    settings = SandboxSettings(
        rate_limit_per_second=None,
        db_url="sqlite:///:memory:",
        vendors=[VENDOR],
        auto_review_seconds=None,
    )
    app = create_app(settings)
    transport = SyncASGITransport(app)
    try:
        with httpx.Client(transport=transport, base_url="http://127.0.0.1") as http:
            shop = open_shop(RawApi(http, VENDOR), app, VENDOR)
            saved = {category: shop.create(shop.body(category)) for category in (MAIN, PHONE)}
            approved = shop.approved()
            vendor_item = int(shop.stored(approved)["items"][0]["vendorItemId"])
            yield World(shop, app, saved, approved, vendor_item)
    finally:
        transport.close()
        close_app(app)


def send(world: World, case: Case, image_base: str | None) -> httpx.Response:
    shop = world.shop
    if case.via == "vendor_item":
        return shop.api.put(f"{ITEMS}/{world.vendor_item}/{case.target}")
    if case.via == "partial":
        product_id = world.saved[case.category]
        body: dict[str, Any] = {"sellerProductId": product_id}
        case.change(body)
        return shop.api.put(f"{PRODUCTS}/{product_id}/partial", json=body)
    if case.via in ("update", "update_approved"):
        product_id = world.approved if case.via == "update_approved" else world.saved[case.category]
        body = shop.stored(product_id)
        case.change(body)
        return shop.api.put(PRODUCTS, json=body)
    assert case.via == "create", case.via
    body = shop.body(case.category)
    case.change(body)
    if case.image:
        assert image_base is not None
        body["items"][0]["images"][0]["vendorPath"] = f"{image_base}/{case.image}"
    return shop.api.post(PRODUCTS, json=body)


def assert_refused(response: httpx.Response, case: Case) -> None:
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == "application/json;charset=UTF-8"
    envelope = response.json()
    assert envelope["code"] == "ERROR", envelope
    assert envelope["data"] is None
    assert isinstance(envelope["message"], str) and envelope["message"]
    errors = envelope["errors"]
    assert all(isinstance(e["message"], str) and e["message"] for e in errors), errors
    found = {(e["field"], e["rule"]) for e in errors}
    assert (case.field, case.rule) in found, found
    # the request breaks that rule and nothing else (but what the case declares)
    assert {rule for _, rule in found} <= {case.rule, *case.also}, found


# -- the tests -----------------------------------------------------------------------------------


def test_every_rule_has_an_http_case_or_a_reason() -> None:
    ids = product_rule_ids()
    assert {"category_fixed", "courier_not_registered", "image_corrupt", "required"} <= ids
    covered = {case.rule for case in CASES}
    missing = sorted(ids - covered - set(UNREACHABLE_OVER_HTTP))
    assert missing == [], f"product rules without a refusal over HTTP: {missing}"
    assert sorted(covered & set(UNREACHABLE_OVER_HTTP)) == []  # reached after all: unlist it
    assert sorted(set(UNREACHABLE_OVER_HTTP) - ids) == []  # a rule that no longer exists
    assert sorted(covered - ids - SANDBOX_RULES) == []  # a misspelt rule id
    assert len({case.id for case in CASES}) == len(CASES)


def test_the_chosen_categories_have_what_the_cases_need() -> None:
    catalog = load_catalog()
    main, same, phone = (catalog.meta(code) or {} for code in (MAIN, SAME_META, PHONE))
    assert catalog.get(MAIN).parent == CATEGORY_PARENT  # type: ignore[union-attr]
    assert catalog.get(CATEGORY_PARENT).is_leaf is False  # type: ignore[union-attr]
    assert catalog.get(UNKNOWN_CATEGORY) is None
    assert same == main
    assert main["isAllowSingleItem"] is False and main["allowedOfferConditions"] == ["NEW"]
    attributes = {a["attributeTypeName"]: a for a in main["attributes"]}
    assert (
        attributes["개당 용량"]["groupNumber"] == attributes["개당 중량"]["groupNumber"] != "NONE"
    )
    assert (
        attributes["수량"]["dataType"] == "NUMBER" and "kg" not in attributes["수량"]["usableUnits"]
    )
    assert {n["noticeCategoryName"] for n in main["noticeCategories"]} == {BIOCIDE, OTHER_GOODS}
    documents = {d["templateName"]: d["required"] for d in main["requiredDocumentNames"]}
    assert documents[PARALLEL_DOCUMENT] == "MANDATORY_PARALLEL_IMPORTED"
    assert "MANDATORY" in documents.values()
    certifications = {c["certificationType"]: c for c in main["certifications"]}
    assert certifications["KC_HOUSEHOLD_CONFIRM"]["dataType"] == "CODE"
    assert any(c["required"] == "MANDATORY" for c in phone["certifications"])
    assert "USED_BEST" in phone["allowedOfferConditions"]


@pytest.mark.parametrize("case", [c for c in CASES if not c.image], ids=lambda c: c.id)
def test_rule_is_refused_over_http(world: World, case: Case) -> None:
    assert_refused(send(world, case, None), case)


@pytest.mark.parametrize("case", [c for c in CASES if c.image], ids=lambda c: c.id)
def test_image_rule_is_refused_over_http(world: World, image_base: str, case: Case) -> None:
    assert_refused(send(world, case, image_base), case)


def test_the_unchanged_requests_are_accepted(world: World, image_base: str) -> None:
    """The valid bodies the cases start from pass, on a vendor of its own (control API)."""
    api = world.shop.api
    created = api.http.post("/_sandbox/vendors", json={})
    assert created.status_code == 200, created.text
    keys = created.json()["data"]
    vendor = (keys["vendorId"], keys["accessKey"], keys["secretKey"])
    shop = open_shop(api, world.app, vendor)

    main = shop.body(MAIN)
    main["items"][0]["images"][0]["vendorPath"] = f"{image_base}/ok.jpg"
    # a local path is the seller's file: the sandbox has nothing to say about it
    main["items"][1]["images"][0]["vendorPath"] = "images/not-on-this-machine.jpg"
    saved = shop.create(main)
    phone = shop.create(shop.body(PHONE))

    for product_id in (saved, phone):
        ok = shop.api.put(PRODUCTS, json=shop.stored(product_id))
        assert ok.status_code == 200, ok.text
    partial = shop.api.put(
        f"{PRODUCTS}/{saved}/partial",
        json={"sellerProductId": saved, "deliveryChargeOnReturn": 4000, "returnCharge": 6000},
    )
    assert partial.status_code == 200, partial.text

    approved = shop.approved()
    update = shop.api.put(PRODUCTS, json=shop.stored(approved))
    assert update.status_code == 200, update.text
    item = shop.stored(approved)["items"][0]["vendorItemId"]
    for target in ("prices/20000", "original-prices/0", "quantities/0", "quantities/99999"):
        changed = shop.api.put(f"{ITEMS}/{item}/{target}")
        assert changed.status_code == 200, (target, changed.text)


@pytest.mark.parametrize("path", ["http://127.0.0.1:abc/x.jpg", "http://[::1/x.jpg"])
def test_a_malformed_loopback_image_url_is_no_server_error(world: World, path: str) -> None:
    body = world.shop.body()
    body["items"][0]["images"][0]["vendorPath"] = path
    response = world.shop.api.post(PRODUCTS, json=body)
    assert response.status_code < 500, response.text
