"""Seller-product endpoints (상품 API) on the seller_api provider, plus the retired ones.

Envelopes: ``{"code": "SUCCESS", "message", "data"}``; lists page with ``nextToken`` (a page
number as text, ``""`` on the last page) next to ``data``; refusals answer
``{"code": "ERROR", "message", "data": null}`` (HTTP 400, with ``errors`` for broken rules).
Create and full update answer the documented spec form ``{"code": "SUCCESS", "data":
sellerProductId}``, not the doubly wrapped form of the docs' sample.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from functools import partial
from typing import Any, Final

from starlette.responses import Response

from coupang_sandbox.backends._ids import parse_id
from coupang_sandbox.backends._image_fetch import ServerAddress
from coupang_sandbox.backends.products import (
    ListQuery,
    PartialUpdate,
    ProductInput,
    Products,
    item_not_found,
    product_not_found,
    raise_violations,
)
from coupang_sandbox.responses import CoupangJSONResponse
from coupang_sandbox.routes._base import Call, RouteSpec, optional_body, retired
from coupang_sandbox.state import products as st
from coupang_sandbox.views import products as views
from coupang_seller._constants import KST
from coupang_seller.preflight import Violation
from coupang_seller.preflight._core import (
    PAGE_MAX,
    as_bool,
    as_int,
    as_page,
    is_blank,
    mapping_list,
)

SELLER_API = "/v2/providers/seller_api/apis/api/v1/marketplace"
PRODUCTS = f"{SELLER_API}/seller-products"
ITEMS = f"{SELLER_API}/vendor-items"
LIST_PAGE_DEFAULT: Final = 10
LIST_PAGE_MAX: Final = 100
HISTORY_PAGE_DEFAULT: Final = 10
HISTORY_PAGE_MAX: Final = 100
NAME_FILTER_MAX: Final = 20
TIME_FRAME_MAX: Final = timedelta(minutes=10)

MSG_APPROVAL_REQUESTED = (
    "{id} 승인 요청되었습니다. 승인 내용에 문제가 있을 경우 승인 요청이 처리되지 않을 수 있습니다."
)
MSG_DELETED = "삭제되었습니다"
MSG_PRICE_CHANGED = "가격 변경을 완료했습니다."
MSG_QUANTITY_CHANGED = "재고 변경을 완료했습니다."
MSG_SALE_STOPPED = "판매 중지 처리되었습니다."
MSG_SALE_RESUMED = "판매가 재개되었습니다."
MSG_ORIGINAL_PRICE_CHANGED = "Original price changing completed"
MSG_AUTO_OPTION_IN = "자동생성옵션이 활성화되었습니다."
MSG_AUTO_OPTION_OUT = "자동생성옵션이 비활성화되었습니다."


def parse_kst(text: str | None, field: str) -> tuple[datetime | None, list[Violation]]:
    """A ``yyyy-MM-dd'T'HH:mm:ss`` query value, read as Korean time."""
    if text is None or not text.strip():
        return None, [Violation(field, "required", f"{field} is required (yyyy-MM-dd'T'HH:mm:ss)")]
    try:
        naive = datetime.strptime(text.strip(), views.WIRE_TIME)
    except ValueError:
        return None, [
            Violation(field, "format", f"{field} must be yyyy-MM-dd'T'HH:mm:ss (got {text!r})")
        ]
    return naive.replace(tzinfo=KST), []


def parse_product_id(call: Call) -> int:
    """The path's ``sellerProductId``; the seller_api 400 quoting the text as sent when it is
    not an id."""
    text = call.path["sellerProductId"]
    value = parse_id(text)
    if value is None:
        raise product_not_found(text)
    return value


def parse_vendor_item_id(call: Call) -> int:
    """The path's ``vendorItemId``; the seller_api 400 quoting the text as sent when it is
    not an id."""
    text = call.path["vendorItemId"]
    value = parse_id(text)
    if value is None:
        raise item_not_found(text)
    return value


def _products(call: Call) -> Products:
    sandbox = call.sandbox
    return sandbox.backends.products


def ok(data: Any = None, message: str = "", **extra: Any) -> Response:
    """The seller_api success envelope."""
    return CoupangJSONResponse({"code": "SUCCESS", "message": message, **extra, "data": data})


def _query_vendor(call: Call) -> None:
    """``vendorId`` of the list queries is required (the gateway refuses another vendor's)."""
    given = call.query("vendorId")
    if given is None or not given.strip():
        raise_violations([Violation("vendorId", "required", "vendorId is required")])


def _paging(call: Call, *, default: int, maximum: int) -> tuple[int, int, list[Violation]]:
    found: list[Violation] = []
    page = 1
    token = call.query("nextToken")
    if token is not None and token.strip():
        value = as_page(token)
        if value is None:
            found.append(
                Violation(
                    "nextToken",
                    "format",
                    f"nextToken must be a page number from 1 to {PAGE_MAX:,} (got {token!r})",
                )
            )
        else:
            page = value
    size = default
    text = call.query("maxPerPage")
    if text is not None and text.strip():
        value = as_int(text)
        if value is None or not 1 <= value <= maximum:
            found.append(
                Violation(
                    "maxPerPage",
                    "max_value",
                    f"maxPerPage must be between 1 and {maximum} (got {text!r})",
                )
            )
        else:
            size = value
    return page, size, found


def _next_token(page: int, more: bool) -> str:
    return str(page + 1) if more else ""


# -- products ----------------------------------------------------------------------------------


def _server(call: Call) -> ServerAddress:
    """The sandbox's own address, as this request reached it (image URLs must not)."""
    request = call.request
    return ServerAddress.of(
        request.scope.get("server"), request.headers.get("host"), request.url.scheme
    )


def parse_product(body: Mapping[str, Any], *, seller_product_id: int | None = None) -> ProductInput:
    """A create or full-update body as the backend's argument (the rules read the body)."""
    return ProductInput(
        document=body,
        name=str(body.get("sellerProductName") or ""),
        manufacture=None if is_blank(body.get("manufacture")) else str(body["manufacture"]),
        requested=as_bool(body.get("requested")) is True,
        items=tuple(mapping_list(body.get("items")) or []),
        seller_product_id=seller_product_id,
    )


def parse_update(body: Mapping[str, Any]) -> ProductInput:
    """A full-update body: ``sellerProductId`` is required and names the product."""
    raw = body.get("sellerProductId")
    if is_blank(raw):
        raise_violations(
            [Violation("sellerProductId", "required", "업체상품아이디를 반드시 입력해주세요.")]
        )
    product_id = parse_id(raw)
    if product_id is None:
        raise product_not_found(raw)
    return parse_product(body, seller_product_id=product_id)


def parse_partial(call: Call) -> PartialUpdate:
    """A partial-update body: its ``sellerProductId`` is required and must match the path."""
    body = call.body
    if is_blank(body.get("sellerProductId")):
        raise_violations(
            [Violation("sellerProductId", "required", "업체상품아이디를 반드시 입력해주세요.")]
        )
    if parse_id(body.get("sellerProductId")) != parse_id(call.path["sellerProductId"]):
        raise_violations(
            [
                Violation(
                    "sellerProductId",
                    "path_mismatch",
                    "업체상품아이디를 다시 확인해주세요. (sellerProductId in the body differs "
                    "from the path)",
                )
            ]
        )
    return PartialUpdate(body)


def create_product(call: Call) -> Response:
    """``POST seller-products``: register a product; ``data`` is its sellerProductId."""
    product = parse_product(call.body)
    return ok(_products(call).create(call.vendor_id, product, server=_server(call)))


def update_product(call: Call) -> Response:
    """``PUT seller-products``: the full update (승인필요); ``data`` is the sellerProductId."""
    product = parse_update(call.body)
    return ok(_products(call).update(call.vendor_id, product, server=_server(call)))


def get_product(call: Call) -> Response:
    """``GET seller-products/{sellerProductId}``: the product as Coupang answers it."""
    found = _products(call).get(call.vendor_id, parse_product_id(call))
    return ok(views.product(found.product, found.items))


def delete_product(call: Call) -> Response:
    """``DELETE seller-products/{sellerProductId}``: delete a product whose items are stopped."""
    product_id = _products(call).delete(call.vendor_id, parse_product_id(call))
    return ok(str(product_id), MSG_DELETED)


def request_approval(call: Call) -> Response:
    """``PUT seller-products/{sellerProductId}/approvals``: ask for approval."""
    product_id = _products(call).request_approval(call.vendor_id, parse_product_id(call))
    return ok(str(product_id), MSG_APPROVAL_REQUESTED.format(id=product_id))


def get_partial(call: Call) -> Response:
    """``GET seller-products/{sellerProductId}/partial``: the partial lookup."""
    found = _products(call).partial(call.vendor_id, parse_product_id(call))
    return ok(views.partial(found.product, found.items))


def update_partial(call: Call) -> Response:
    """``PUT seller-products/{sellerProductId}/partial``: the update without approval."""
    update = parse_partial(call)
    product_id = _products(call).partial_update(call.vendor_id, parse_product_id(call), update)
    return ok(product_id)


def list_products(call: Call) -> Response:
    """``GET seller-products``: one page of the vendor's products, filtered."""
    _query_vendor(call)
    page, size, found = _paging(call, default=LIST_PAGE_DEFAULT, maximum=LIST_PAGE_MAX)
    statuses: tuple[str, ...] | None = None
    status = call.query("status")
    if status is not None and status.strip():
        code = status.strip().upper()
        if code not in st.STATUS_NAMES:
            found.append(
                Violation(
                    "status",
                    "enum",
                    f"status must be one of {', '.join(st.STATUS_NAMES)} (got {status!r})",
                )
            )
        statuses = (code,)
    name = call.query("sellerProductName")
    if name is not None and len(name) > NAME_FILTER_MAX:
        found.append(
            Violation(
                "sellerProductName",
                "max_length",
                f"sellerProductName (등록상품명 검색) is at most {NAME_FILTER_MAX} characters",
            )
        )
    product_text = call.query("sellerProductId")
    product_id = None
    if product_text is not None and product_text.strip():
        product_id = parse_id(product_text)
        if product_id is None:
            found.append(Violation("sellerProductId", "type", "sellerProductId must be a number"))
    created_from = created_to = None
    created = call.query("createdAt")
    if created is not None and created.strip():
        created_from, bad = parse_kst(created, "createdAt")
        found += bad
        if created_from is not None:
            # 2015-12-17T00:00:00 -> that day; 2015-12-17T12:28:38 -> the next 24 hours.
            created_to = created_from + timedelta(days=1)
    raise_violations(found)
    query = ListQuery(
        statuses=statuses,
        seller_product_id=product_id,
        name=name or None,
        manufacture=call.query("manufacture") or None,
        created_from=created_from,
        created_to=created_to,
    )
    rows, more = _products(call).page(call.vendor_id, query, page=page, size=size)
    return ok([views.summary(row) for row in rows], nextToken=_next_token(page, more))


def list_time_frame(call: Call) -> Response:
    """``GET seller-products/time-frame``: products created in a 10-minute window."""
    _query_vendor(call)
    start, found = parse_kst(call.query("createdAtFrom"), "createdAtFrom")
    end, more = parse_kst(call.query("createdAtTo"), "createdAtTo")
    found += more
    if start is not None and end is not None:
        if end < start:
            found.append(
                Violation("createdAtTo", "order", "createdAtTo must not be before createdAtFrom")
            )
        elif end - start > TIME_FRAME_MAX:
            found.append(
                Violation(
                    "createdAtTo",
                    "max_window",
                    "the createdAtFrom ~ createdAtTo window is at most 10 minutes "
                    f"(got {end - start}); split longer periods into 10-minute slices",
                )
            )
    raise_violations(found)
    if start is None or end is None:
        raise_violations([Violation("createdAtFrom", "required", "createdAtFrom/To are required")])
        return ok([])
    rows = _products(call).time_frame(call.vendor_id, start, end)
    return ok([views.summary(row) for row in rows])


def inflow_status(call: Call) -> Response:
    """``GET seller-products/inflow-status``: how many products the vendor may still add."""
    count = _products(call).registered_count(call.vendor_id)
    return ok(views.inflow(call.vendor_id, count))


def by_external_sku(call: Call) -> Response:
    """``GET seller-products/external-vendor-sku-codes/{code}``: products by their SKU."""
    sku = str(call.path["externalVendorSkuCode"])
    rows = _products(call).by_external_sku(call.vendor_id, sku)
    return ok([views.summary(row) for row in rows])


def histories(call: Call) -> Response:
    """``GET seller-products/{sellerProductId}/histories``: one page of the status history."""
    page, size, found = _paging(call, default=HISTORY_PAGE_DEFAULT, maximum=HISTORY_PAGE_MAX)
    raise_violations(found)
    rows, more = _products(call).histories(
        call.vendor_id, parse_product_id(call), page=page, size=size
    )
    return ok([views.history(row) for row in rows], nextToken=_next_token(page, more))


# -- vendor items ------------------------------------------------------------------------------


def inventory(call: Call) -> Response:
    """``GET vendor-items/{vendorItemId}/inventories``: an item's price, stock and sale status."""
    item = _products(call).inventory(call.vendor_id, parse_vendor_item_id(call))
    return ok(views.inventory(item))


def _whole_number(text: str, field: str, what: str, *, minimum: int | None = None) -> int:
    """A path segment as a whole number, or a 400 naming ``field``."""
    value = as_int(text) if minimum is None else parse_id(text, minimum=minimum)
    if value is None:
        raise_violations([Violation(field, "type", f"{field} must be {what} (got {text!r})")])
        raise AssertionError("unreachable")
    return value


def change_price(call: Call) -> Response:
    """``PUT vendor-items/{vendorItemId}/prices/{price}``: change the sale price."""
    force = (call.query("forceSalePriceUpdate") or "").strip().lower() == "true"
    price = _whole_number(str(call.path["price"]), "price", "a whole number of won", minimum=0)
    _products(call).change_price(call.vendor_id, parse_vendor_item_id(call), price, force=force)
    return ok(None, MSG_PRICE_CHANGED)


def change_quantity(call: Call) -> Response:
    """``PUT vendor-items/{vendorItemId}/quantities/{quantity}``: change the stock."""
    quantity = _whole_number(str(call.path["quantity"]), "quantity", "a whole number")
    _products(call).change_quantity(call.vendor_id, parse_vendor_item_id(call), quantity)
    return ok(None, MSG_QUANTITY_CHANGED)


def change_original_price(call: Call) -> Response:
    """``PUT vendor-items/{vendorItemId}/original-prices/{originalPrice}``: the 할인율기준가."""
    value = _whole_number(str(call.path["originalPrice"]), "originalPrice", "a whole number")
    _products(call).change_original_price(call.vendor_id, parse_vendor_item_id(call), value)
    return ok(None, MSG_ORIGINAL_PRICE_CHANGED)


def stop_sales(call: Call) -> Response:
    """``PUT vendor-items/{vendorItemId}/sales/stop``: stop selling the item."""
    _products(call).change_sale(call.vendor_id, parse_vendor_item_id(call), st.STOP)
    return ok(None, MSG_SALE_STOPPED)


def resume_sales(call: Call) -> Response:
    """``PUT vendor-items/{vendorItemId}/sales/resume``: resume selling the item."""
    _products(call).change_sale(call.vendor_id, parse_vendor_item_id(call), st.RESUME)
    return ok(None, MSG_SALE_RESUMED)


def item_auto_option(call: Call, *, opt_in: bool) -> Response:
    """``POST vendor-items/{vendorItemId}/auto-generated/opt-in|opt-out`` for one item."""
    _products(call).item_auto_option(call.vendor_id, parse_vendor_item_id(call), opt_in=opt_in)
    return ok("success", MSG_AUTO_OPTION_IN if opt_in else MSG_AUTO_OPTION_OUT)


def seller_auto_option(call: Call, *, opt_in: bool) -> Response:
    """``POST seller/auto-generated/opt-in|opt-out`` for the whole vendor."""
    _products(call).seller_auto_option(call.vendor_id, opt_in=opt_in)
    return ok("success", MSG_AUTO_OPTION_IN if opt_in else MSG_AUTO_OPTION_OUT)


# -- retired -----------------------------------------------------------------------------------


exposed_products_retired = retired(
    "The exposed-product paging list (GET .../marketplace/meta/products)",
    "It was removed in 2020-01; look products up with GET .../seller-products instead.",
)


best_price_guaranteed_retired = retired(
    "The best-price guarantee (쿠런티) change (PUT .../best-price-guaranteed-3p/...)",
    "The Courantee program and its API are no longer offered.",
)


certifications_retired = retired(
    "The certification list (GET /targets/wing/seller_api/.../meta/certifications)",
    "It was a season-1 path; a category's certifications come with its meta "
    "(GET .../meta/category-related-metas/display-category-codes/{code}).",
)


def _routes() -> list[RouteSpec]:
    item = f"{ITEMS}/{{vendorItemId}}"
    product = f"{PRODUCTS}/{{sellerProductId}}"
    # Literal paths come before ``{sellerProductId}``: the first matching route wins.
    return [
        ("POST", PRODUCTS, create_product),
        ("PUT", PRODUCTS, update_product),
        ("GET", PRODUCTS, list_products),
        ("GET", f"{PRODUCTS}/time-frame", list_time_frame),
        ("GET", f"{PRODUCTS}/inflow-status", inflow_status),
        (
            "GET",
            f"{PRODUCTS}/external-vendor-sku-codes/{{externalVendorSkuCode}}",
            by_external_sku,
        ),
        ("GET", product, get_product),
        ("DELETE", product, delete_product),
        ("GET", f"{product}/partial", get_partial),
        ("PUT", f"{product}/partial", update_partial),
        ("PUT", f"{product}/approvals", optional_body(request_approval)),
        ("GET", f"{product}/histories", histories),
        ("GET", f"{item}/inventories", inventory),
        ("PUT", f"{item}/prices/{{price}}", optional_body(change_price)),
        ("PUT", f"{item}/quantities/{{quantity}}", optional_body(change_quantity)),
        ("PUT", f"{item}/original-prices/{{originalPrice}}", optional_body(change_original_price)),
        ("PUT", f"{item}/sales/stop", optional_body(stop_sales)),
        ("PUT", f"{item}/sales/resume", optional_body(resume_sales)),
        (
            "POST",
            f"{item}/auto-generated/opt-in",
            optional_body(partial(item_auto_option, opt_in=True)),
        ),
        (
            "POST",
            f"{item}/auto-generated/opt-out",
            optional_body(partial(item_auto_option, opt_in=False)),
        ),
        (
            "POST",
            f"{SELLER_API}/seller/auto-generated/opt-in",
            optional_body(partial(seller_auto_option, opt_in=True)),
        ),
        (
            "POST",
            f"{SELLER_API}/seller/auto-generated/opt-out",
            optional_body(partial(seller_auto_option, opt_in=False)),
        ),
        ("GET", f"{SELLER_API}/meta/products", exposed_products_retired),
        (
            "GET",
            "/targets/wing/seller_api/apis/api/v1/marketplace/meta/certifications",
            certifications_retired,
        ),
        (
            "PUT",
            f"{ITEMS}/{{vendorId}}/{{vendorItemId}}/best-price-guaranteed-3p/{{bestPriceGuaranteed3P}}",
            best_price_guaranteed_retired,
        ),
    ]


#: ``(method, path template, handler)`` for every product endpoint (active, newer, retired).
ROUTES: list[RouteSpec] = _routes()
