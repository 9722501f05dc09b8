"""Shipping-place endpoints (출고지 / 반품지), every documented path version."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from starlette.responses import Response

from coupang_sandbox.backends._ids import parse_id
from coupang_sandbox.backends.shipping_places import OutboundPlaces, ReturnCenters
from coupang_sandbox.errors import BadRequest, ValidationFailed, violations_or_raise
from coupang_sandbox.responses import raw_page, success, success_docs, success_page
from coupang_sandbox.routes._base import Call, RouteSpec
from coupang_sandbox.views.shipping_places import pagination
from coupang_seller.preflight import Violation
from coupang_seller.preflight import shipping_places as rules
from coupang_seller.preflight._core import as_int

OPENAPI = "/v2/providers/openapi/apis/api"
MARKETPLACE = "/v2/providers/marketplace_openapi/apis/api"
DEFAULT_PAGE_SIZE = 10
MSG_MARKETPLACE_PARAMS = "(pageNum & pageSize) or placeCodes or placeNames must be provided"
MSG_MODIFIED = "Modify successfully"
#: Codes (or names) one lookup may name.
CODE_LOOKUP_MAX = 100


def split_codes(text: str | None) -> list[str]:
    """A comma-separated query value as its non-blank parts."""
    if text is None:
        return []
    return [part.strip() for part in text.split(",") if part.strip()]


def _outbound(call: Call) -> OutboundPlaces:
    return OutboundPlaces(call.sandbox.store, call.sandbox.clock)


def _returns(call: Call) -> ReturnCenters:
    return ReturnCenters(call.sandbox.store, call.sandbox.clock)


def _page_params(
    call: Call, *, default_size: int | None = DEFAULT_PAGE_SIZE
) -> tuple[int, int | None, list[Violation]]:
    """``(pageNum, pageSize, violations)``; ``pageSize`` is ``None`` when absent and no default."""
    out: list[Violation] = []
    num_text = call.query("pageNum")
    page_num = 1
    if num_text is not None and num_text != "":
        value = as_int(num_text)
        if value is None or value < 1 or value > 1_000_000:
            out.append(
                Violation(
                    "pageNum", "page_num", f"pageNum must be a number >= 1 (got {num_text!r})"
                )
            )
        else:
            page_num = value
    size_text = call.query("pageSize")
    page_size = default_size
    if size_text is not None and size_text != "":
        found = rules.check_page_size(size_text)
        if found:
            out += found
        else:
            page_size = as_int(size_text)
    return page_num, page_size, out


def _numeric_codes(texts: Sequence[str], field: str, maximum: int) -> list[int]:
    violations_or_raise(rules.check_code_list(texts, field=field, maximum=maximum, numeric=True))
    codes = [parse_id(text) for text in texts]
    if any(code is None for code in codes):
        raise ValidationFailed([Violation(field, "type", "codes must be numbers")])
    return [code for code in codes if code is not None]


# -- outbound ----------------------------------------------------------------------------------


def create_outbound(call: Call, *, check_address: bool) -> Response:
    code = _outbound(call).create(call.vendor_id, call.body, check_address=check_address)
    return success({"resultCode": "SUCCESS", "resultMessage": str(code)})


def update_outbound(call: Call, *, check_address: bool) -> Response:
    _outbound(call).update(
        call.vendor_id,
        str(call.path["outboundShippingPlaceCode"]),
        call.body,
        check_address=check_address,
    )
    return success({"resultCode": "SUCCESS", "resultMessage": MSG_MODIFIED})


def list_outbound(call: Call) -> Response:
    page_num, page_size, violations = _page_params(call)
    search_type = (call.query("searchType") or "").strip().upper()
    codes: list[int] | None = None
    if not search_type:
        violations.append(
            Violation(
                "searchType",
                "required",
                "searchType is required: FULL (every place of the vendor) or OSPC "
                "(the places named in outboundShippingPlaceCodes)",
            )
        )
    elif search_type not in ("FULL", "OSPC"):
        violations.append(
            Violation(
                "searchType", "enum", f"searchType must be FULL or OSPC (got {search_type!r})"
            )
        )
    violations_or_raise(violations)
    if search_type == "OSPC":
        codes = _numeric_codes(
            split_codes(call.query("outboundShippingPlaceCodes")),
            "outboundShippingPlaceCodes",
            CODE_LOOKUP_MAX,
        )
    size = page_size or DEFAULT_PAGE_SIZE
    content, total = _outbound(call).page(
        call.vendor_id, codes=codes, page_num=page_num, page_size=size
    )
    return success_page(content, pagination(page_num, size, total))


def list_outbound_marketplace(call: Call) -> Response:
    has_paging = bool(call.query("pageNum")) and bool(call.query("pageSize"))
    place_codes = call.query("placeCodes")
    place_names = call.query("placeNames")
    if not has_paging and not place_codes and not place_names:
        raise BadRequest(MSG_MARKETPLACE_PARAMS)
    page_num, page_size, violations = _page_params(call, default_size=None)
    violations_or_raise(violations)
    codes = (
        _numeric_codes(split_codes(place_codes), "placeCodes", CODE_LOOKUP_MAX)
        if place_codes
        else None
    )
    names = None
    if place_names:
        names = split_codes(place_names)
        violations_or_raise(
            rules.check_code_list(names, field="placeNames", maximum=CODE_LOOKUP_MAX)
        )
    content, total = _outbound(call).page(
        call.vendor_id, codes=codes, names=names, page_num=page_num, page_size=page_size
    )
    size = page_size if page_size is not None else max(total, 1)
    return raw_page(content, pagination(page_num, size, total))


# -- return centers ----------------------------------------------------------------------------


def create_return(call: Call) -> Response:
    code = _returns(call).create(call.vendor_id, call.body)
    return success({"resultCode": "SUCCESS", "resultMessage": code})


def update_return(call: Call) -> Response:
    _returns(call).update(call.vendor_id, str(call.path["returnCenterCode"]), call.body)
    return success({"resultCode": "SUCCESS", "resultMessage": MSG_MODIFIED})


def list_returns(call: Call) -> Response:
    page_num, page_size, violations = _page_params(call)
    violations_or_raise(violations)
    size = page_size or DEFAULT_PAGE_SIZE
    content, total = _returns(call).page(call.vendor_id, page_num=page_num, page_size=size)
    return success_page(content, pagination(page_num, size, total))


def lookup_returns(call: Call) -> Response:
    codes = split_codes(call.query("returnCenterCodes"))
    violations_or_raise(
        rules.check_code_list(
            codes, field="returnCenterCodes", maximum=rules.RETURN_CENTER_LOOKUP_MAX
        )
    )
    content, _ = _returns(call).page(call.vendor_id, codes=codes)
    return success_docs(content)


def _routes() -> list[RouteSpec]:
    specs: list[RouteSpec] = []
    for version in ("v4", "v5"):
        v5 = version == "v5"
        base = f"{OPENAPI}/{version}/vendors/{{vendorId}}"
        outbound = f"{base}/outboundShippingCenters"
        returns = f"{base}/returnShippingCenters"
        specs += [
            ("POST", outbound, partial(create_outbound, check_address=v5)),
            ("GET", outbound, list_outbound),
            (
                "PUT",
                f"{outbound}/{{outboundShippingPlaceCode}}",
                partial(update_outbound, check_address=v5),
            ),
            (
                "PATCH",
                f"{outbound}/{{outboundShippingPlaceCode}}",
                partial(update_outbound, check_address=v5),
            ),
            ("POST", returns, create_return),
            ("GET", returns, list_returns),
            ("PUT", f"{returns}/{{returnCenterCode}}", update_return),
            ("PATCH", f"{returns}/{{returnCenterCode}}", update_return),
        ]
    for version in ("v1", "v2"):
        specs.append(
            (
                "GET",
                f"{MARKETPLACE}/{version}/vendor/shipping-place/outbound",
                list_outbound_marketplace,
            )
        )
    specs += [
        (
            "GET",
            "/v2/providers/greatwall_api/apis/api/v2/return/shipping-places/center-code",
            lookup_returns,
        ),
        ("GET", f"{OPENAPI}/v3/return/shipping-places/center-code", lookup_returns),
    ]
    return specs


#: ``(method, path template, handler)`` for every shipping-place endpoint.
ROUTES: list[RouteSpec] = _routes()
