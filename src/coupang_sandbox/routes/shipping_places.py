"""Shipping-place endpoints (출고지 / 반품지), every documented path version."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial
from typing import Any

from starlette.responses import Response

from coupang_sandbox.backends._ids import parse_id
from coupang_sandbox.backends.shipping_places import (
    OutboundPlaceInput,
    OutboundPlaces,
    OutboundPlaceUpdate,
    RemoteInfoChange,
    ReturnCenterInput,
    ReturnCenters,
    ReturnCenterUpdate,
)
from coupang_sandbox.errors import BadRequest, NotFound, ValidationFailed, violations_or_raise
from coupang_sandbox.responses import raw_page, success, success_docs, success_page
from coupang_sandbox.routes._base import Call, RouteSpec
from coupang_sandbox.views.shipping_places import pagination
from coupang_seller.preflight import Violation
from coupang_seller.preflight import shipping_places as rules
from coupang_seller.preflight._core import as_bool, as_int, is_blank, mapping_list

OPENAPI = "/v2/providers/openapi/apis/api"
MARKETPLACE = "/v2/providers/marketplace_openapi/apis/api"
DEFAULT_PAGE_SIZE = 10
MSG_MARKETPLACE_PARAMS = "(pageNum & pageSize) or placeCodes or placeNames must be provided"
MSG_MODIFIED = "Modify successfully"
#: Codes (or names) one lookup may name.
CODE_LOOKUP_MAX = 100
#: Coupang's Java backend caps ``userId`` (a storage limit on top of the shared rules).
USER_ID_MAX = 100


def split_codes(text: str | None) -> list[str]:
    """A comma-separated query value as its non-blank parts."""
    if text is None:
        return []
    return [part.strip() for part in text.split(",") if part.strip()]


def _common_violations(body: Mapping[str, Any]) -> list[Violation]:
    user_id = body.get("userId")
    if isinstance(user_id, str) and len(user_id) > USER_ID_MAX:
        return [Violation("userId", "max_length", f"userId is at most {USER_ID_MAX} characters")]
    return []


def normalize_address(address: Mapping[str, Any], *, default_country: str | None) -> dict[str, str]:
    """An address in the stored shape: every field a string (``""`` when not sent)."""

    def text(key: str) -> str:
        """The address field ``key`` as text (empty when missing or not a string)."""
        value = address.get(key)
        return value if isinstance(value, str) else ""

    return {
        "addressType": text("addressType"),
        "countryCode": text("countryCode") or (default_country or ""),
        "companyContactNumber": text("companyContactNumber"),
        "phoneNumber2": text("phoneNumber2"),
        "returnZipCode": text("returnZipCode"),
        "returnAddress": text("returnAddress"),
        "returnAddressDetail": text("returnAddressDetail"),
    }


def _addresses(value: Any, *, default_country: str | None) -> list[dict[str, str]] | None:
    """The addresses sent, normalised; ``None`` when there are none."""
    found = mapping_list(value)
    if not found:
        return None
    return [normalize_address(a, default_country=default_country) for a in found]


def _remote_infos(value: Any) -> tuple[RemoteInfoChange, ...]:
    return tuple(
        RemoteInfoChange(
            delivery_code=str(info.get("deliveryCode")),
            jeju=as_int(info.get("jeju")),
            not_jeju=as_int(info.get("notJeju")),
            usable=as_bool(info.get("usable")),
            remote_info_id=None
            if info.get("remoteInfoId") is None
            else parse_id(info["remoteInfoId"]),
        )
        for info in mapping_list(value) or []
    )


def _new_name(body: Mapping[str, Any]) -> str | None:
    name = body.get("shippingPlaceName")
    return None if is_blank(name) else str(name)


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def parse_outbound_create(body: Mapping[str, Any]) -> OutboundPlaceInput:
    """A new outbound place as typed arguments, or :class:`ValidationFailed` naming every field
    and rule broken (the shared rules, plus the ``userId`` length)."""
    violations_or_raise(rules.check_outbound_create(body) + _common_violations(body))
    return OutboundPlaceInput(
        name=str(body["shippingPlaceName"]),
        is_global=as_bool(body.get("global")) is True,
        usable=as_bool(body.get("usable")) is not False,
        addresses=_addresses(body.get("placeAddresses"), default_country=None) or [],
        remote_infos=_remote_infos(body.get("remoteInfos")),
        user_id=str(body["userId"]),
    )


def parse_outbound_update(call: Call, code: int) -> OutboundPlaceUpdate:
    """An outbound place update as typed arguments. A body that breaks a rule is refused
    (:class:`ValidationFailed`) once the place is known to exist (404 first)."""
    body = call.body
    violations = rules.check_outbound_update(body) + _common_violations(body)
    body_code = body.get("outboundShippingPlaceCode")
    if body_code is not None and parse_id(body_code) != code:
        violations.append(
            Violation(
                "outboundShippingPlaceCode",
                "path_mismatch",
                f"outboundShippingPlaceCode in the body ({body_code!r}) differs from the path ({code})",
            )
        )
    if violations:
        _outbound(call).require(call.vendor_id, code)
        raise ValidationFailed(violations)
    user_id = body.get("userId")
    return OutboundPlaceUpdate(
        name=_new_name(body),
        is_global=as_bool(body.get("global")),
        usable=as_bool(body.get("usable")),
        addresses=_addresses(body.get("placeAddresses"), default_country=None),
        remote_infos=None
        if body.get("remoteInfos") is None
        else _remote_infos(body["remoteInfos"]),
        user_id=user_id if isinstance(user_id, str) else None,
    )


def parse_return_create(body: Mapping[str, Any]) -> ReturnCenterInput:
    """A new return center as typed arguments, or :class:`ValidationFailed`."""
    violations_or_raise(rules.check_return_create(body) + _common_violations(body))
    info = rules.goodsflow_info(body)
    if not isinstance(info, Mapping):
        raise ValidationFailed(
            [
                Violation(
                    "goodsflowInfoOpenApiDto", "required", "goodsflowInfoOpenApiDto is required"
                )
            ]
        )
    return ReturnCenterInput(
        name=str(body["shippingPlaceName"]),
        usable=as_bool(body.get("usable")) is not False,
        deliver_code=str(info["deliverCode"]),
        contract_number=_text(info.get("contractNumber")),
        contract_customer_number=_text(info.get("contractCustomerNumber")),
        fees={key: as_int(info.get(key)) for key in rules.RETURN_FEE_FIELDS},
        addresses=_addresses(body.get("placeAddresses"), default_country="KR") or [],
        user_id=str(body["userId"]),
    )


def parse_return_update(call: Call, code: str) -> ReturnCenterUpdate:
    """A return center update as typed arguments; a body that breaks a rule is refused once the
    center is known to exist (404 first)."""
    body = call.body
    violations = rules.check_return_update(body) + _common_violations(body)
    if violations:
        _returns(call).require(call.vendor_id, code)
        raise ValidationFailed(violations)
    info = rules.goodsflow_info(body)
    contract: Mapping[str, Any] = info if isinstance(info, Mapping) else {}
    user_id = body.get("userId")
    return ReturnCenterUpdate(
        name=_new_name(body),
        usable=as_bool(body.get("usable")),
        deliver_code=None
        if is_blank(contract.get("deliverCode"))
        else str(contract["deliverCode"]),
        contract_number=_text(contract.get("contractNumber")),
        contract_customer_number=_text(contract.get("contractCustomerNumber")),
        fees=None
        if not isinstance(info, Mapping)
        else {
            key: as_int(info[key]) for key in rules.RETURN_FEE_FIELDS if info.get(key) is not None
        },
        addresses=_addresses(body.get("placeAddresses"), default_country="KR"),
        user_id=user_id if isinstance(user_id, str) else None,
    )


def _outbound(call: Call) -> OutboundPlaces:
    return call.sandbox.backends.outbound_places


def _returns(call: Call) -> ReturnCenters:
    return call.sandbox.backends.return_centers


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
    """``POST .../outboundShippingCenters``: create an outbound place; answers its code.
    ``check_address`` (v5) refuses a second place at the same address."""
    place = parse_outbound_create(call.body)
    code = _outbound(call).create(call.vendor_id, place, check_address=check_address)
    return success({"resultCode": "SUCCESS", "resultMessage": str(code)})


def update_outbound(call: Call, *, check_address: bool) -> Response:
    """``PUT``/``PATCH .../outboundShippingCenters/{code}``: change an outbound place; an
    unknown or non-numeric code is a 404."""
    code_text = str(call.path["outboundShippingPlaceCode"])
    code = parse_id(code_text)
    if code is None:
        raise NotFound(f"outboundShippingPlaceCode {code_text} does not exist")
    change = parse_outbound_update(call, code)
    _outbound(call).update(call.vendor_id, code, change, check_address=check_address)
    return success({"resultCode": "SUCCESS", "resultMessage": MSG_MODIFIED})


def list_outbound(call: Call) -> Response:
    """``GET .../outboundShippingCenters``: a page of outbound places; ``searchType`` FULL
    (all) or OSPC (the codes in ``outboundShippingPlaceCodes``)."""
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
    """``GET .../vendor/shipping-place/outbound`` (marketplace, no envelope): outbound places by
    page, ``placeCodes`` or ``placeNames``; one of them is required."""
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
    """``POST .../returnShippingCenters``: create a return center; answers its code."""
    code = _returns(call).create(call.vendor_id, parse_return_create(call.body))
    return success({"resultCode": "SUCCESS", "resultMessage": code})


def update_return(call: Call) -> Response:
    """``PUT``/``PATCH .../returnShippingCenters/{returnCenterCode}``: change a return center."""
    code = str(call.path["returnCenterCode"])
    _returns(call).update(call.vendor_id, code, parse_return_update(call, code))
    return success({"resultCode": "SUCCESS", "resultMessage": MSG_MODIFIED})


def list_returns(call: Call) -> Response:
    """``GET .../returnShippingCenters``: a page of the vendor's return centers."""
    page_num, page_size, violations = _page_params(call)
    violations_or_raise(violations)
    size = page_size or DEFAULT_PAGE_SIZE
    content, total = _returns(call).page(call.vendor_id, page_num=page_num, page_size=size)
    return success_page(content, pagination(page_num, size, total))


def lookup_returns(call: Call) -> Response:
    """``GET .../return/shipping-places/center-code?returnCenterCodes=``: the named return
    centers, as a list."""
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
