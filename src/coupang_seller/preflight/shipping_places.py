"""Rules for outbound shipping places (출고지) and return centers (반품지).

Pure functions: a request body in, a list of :class:`Violation` out. The SDK runs them
before a call is made; the sandbox runs the very same functions before it changes state.

Facts encoded here (from Coupang's distribution-center API docs):

* ``shippingPlaceName`` is required and at most 50 characters.
* every address needs ``companyContactNumber`` shaped ``xx-yyy-zzzz`` (2-4, 3-4 and 4 digits,
  11 to 14 characters including ``-``); ``phoneNumber2`` has the same shape when given.
* ``returnZipCode`` is 5 or 6 digits; ``returnAddress`` at most 150 characters,
  ``returnAddressDetail`` at most 200; ``countryCode`` exactly 2 characters.
* a ROADNAME address must be registered together with a JIBUN address.
* remote-area surcharges (``jeju``/``notJeju``) are at least 1,000 won and at most 20,000 won for
  HYUNDAI, CJGLS and HANJIN, 70,000 won for every other courier. ``0`` means "no surcharge";
  Coupang's own samples send it, so it is accepted.
* a courier appears at most once in ``remoteInfos``.
* a return center's pick-up courier is one of the couriers Coupang contracts for returns,
  with a contract number and positive fees for every weight band.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from coupang_seller.preflight._core import (
    Violation,
    as_bool,
    as_int,
    is_blank,
    mapping_list,
)
from coupang_seller.types.couriers import (
    COURIERS,
    REMOTE_FEE_MIN,
    RETURN_PICKUP_COURIERS,
    remote_fee_cap,
)

NAME_MAX = 50
ADDRESS_MAX = 150
ADDRESS_DETAIL_MAX = 200
PHONE_MIN = 11
PHONE_MAX = 14
RETURN_CENTER_LOOKUP_MAX = 100
PAGE_SIZE_MAX = 50
#: Contract numbers are short codes; Coupang's fee fields are Java ints.
CONTRACT_MAX = 50
FEE_MAX = 2**31 - 1

OUTBOUND_ADDRESS_TYPES = frozenset({"JIBUN", "ROADNAME", "OVERSEA"})
RETURN_ADDRESS_TYPES = frozenset({"JIBUN", "ROADNAME", "OVERSEA"})

#: Fee fields of a return center's pick-up contract, one per weight band and payer.
RETURN_FEE_FIELDS: tuple[str, ...] = tuple(
    f"{kind}{band}"
    for band in ("05kg", "10kg", "20kg")
    for kind in ("vendorCreditFee", "vendorCashFee", "consumerCashFee", "returnFee")
)

_PHONE_RE = re.compile(r"^[0-9]{2,4}-[0-9]{3,4}-[0-9]{4}$")
_ZIP_RE = re.compile(r"^[0-9]{5,6}$")

MSG_NULL = "params are not allowed null..."
MSG_NAME = "The max length of the shipping place name is 50, please input the correct length name"
MSG_NO_ADDRESS = "The address detail info can't be null(placeAddress)"
MSG_NO_PHONE = "Must input the default phone number(phoneNumber1)"
MSG_NO_ADDRESS1 = "Must input the default address(address1)"
MSG_COUNTRY = "The length of country code is 2, please input correct length country code"
MSG_PHONE = (
    "The format of phone number is invalid, min length is 11 and max length is 14 "
    "include the character '-'"
)
MSG_ZIP = "The format of postal code is invalid, it can only be number, min length is 5 and max length is 6"


def _check_phone(value: Any, field: str, *, required: bool) -> list[Violation]:
    if is_blank(value):
        return [Violation(field, "required", MSG_NO_PHONE)] if required else []
    if not isinstance(value, str):
        return [Violation(field, "type", "must be a string such as 02-1234-5678")]
    if not (PHONE_MIN <= len(value) <= PHONE_MAX) or not _PHONE_RE.match(value):
        return [Violation(field, "phone_format", f"{MSG_PHONE} (got {value!r})")]
    return []


def check_address(
    address: Mapping[str, Any],
    prefix: str,
    *,
    allowed_types: frozenset[str],
    country_required: bool,
) -> list[Violation]:
    """Rules for one entry of ``placeAddresses``."""
    out: list[Violation] = []
    address_type = address.get("addressType")
    if is_blank(address_type):
        out.append(Violation(f"{prefix}.addressType", "required", "addressType is required"))
    elif not isinstance(address_type, str) or address_type not in allowed_types:
        out.append(
            Violation(
                f"{prefix}.addressType",
                "enum",
                f"addressType must be one of {', '.join(sorted(allowed_types))} (got {address_type!r})",
            )
        )
    country = address.get("countryCode")
    if is_blank(country):
        if country_required:
            out.append(Violation(f"{prefix}.countryCode", "required", MSG_COUNTRY))
    elif not isinstance(country, str) or len(country) != 2:
        out.append(Violation(f"{prefix}.countryCode", "country_code_length", MSG_COUNTRY))
    out += _check_phone(
        address.get("companyContactNumber"), f"{prefix}.companyContactNumber", required=True
    )
    out += _check_phone(address.get("phoneNumber2"), f"{prefix}.phoneNumber2", required=False)
    out += _postal_address(address, prefix)
    return out


def _postal_address(address: Mapping[str, Any], prefix: str) -> list[Violation]:
    """The postcode, the address and its detail line of one ``placeAddresses`` entry."""
    out: list[Violation] = []
    zip_code = address.get("returnZipCode")
    if is_blank(zip_code):
        out.append(Violation(f"{prefix}.returnZipCode", "required", MSG_ZIP))
    elif not isinstance(zip_code, str) or not _ZIP_RE.match(zip_code):
        out.append(
            Violation(f"{prefix}.returnZipCode", "postcode_format", f"{MSG_ZIP} (got {zip_code!r})")
        )
    addr1 = address.get("returnAddress")
    if is_blank(addr1):
        out.append(Violation(f"{prefix}.returnAddress", "required", MSG_NO_ADDRESS1))
    elif not isinstance(addr1, str):
        out.append(Violation(f"{prefix}.returnAddress", "type", "returnAddress must be a string"))
    elif len(addr1) > ADDRESS_MAX:
        out.append(
            Violation(
                f"{prefix}.returnAddress",
                "max_length",
                f"returnAddress is at most {ADDRESS_MAX} characters",
            )
        )
    detail = address.get("returnAddressDetail")
    if detail is not None:
        if not isinstance(detail, str):
            out.append(
                Violation(
                    f"{prefix}.returnAddressDetail", "type", "returnAddressDetail must be a string"
                )
            )
        elif len(detail) > ADDRESS_DETAIL_MAX:
            out.append(
                Violation(
                    f"{prefix}.returnAddressDetail",
                    "max_length",
                    f"returnAddressDetail is at most {ADDRESS_DETAIL_MAX} characters",
                )
            )
    return out


def check_addresses(
    value: Any, *, required: bool, allowed_types: frozenset[str], country_required: bool
) -> list[Violation]:
    """Rules for the whole ``placeAddresses`` list."""
    if value is None or value == []:
        return [Violation("placeAddresses", "required", MSG_NO_ADDRESS)] if required else []
    addresses = mapping_list(value)
    if addresses is None:
        return [
            Violation("placeAddresses", "type", "placeAddresses must be a list of address objects")
        ]
    out: list[Violation] = []
    for i, address in enumerate(addresses):
        out += check_address(
            address,
            f"placeAddresses[{i}]",
            allowed_types=allowed_types,
            country_required=country_required,
        )
    types = {a.get("addressType") for a in addresses if isinstance(a.get("addressType"), str)}
    if "ROADNAME" in types and "JIBUN" not in types:
        out.append(
            Violation(
                "placeAddresses",
                "roadname_needs_jibun",
                "a ROADNAME address must be registered together with a JIBUN address",
            )
        )
    return out


def check_place_name(value: Any, *, required: bool) -> list[Violation]:
    """Violations of shippingPlaceName: required when ``required``, a string of at most NAME_MAX characters."""
    if is_blank(value):
        return (
            [
                Violation(
                    "shippingPlaceName", "required", f"{MSG_NULL} shippingPlaceName is required"
                )
            ]
            if required
            else []
        )
    if not isinstance(value, str):
        return [Violation("shippingPlaceName", "type", "shippingPlaceName must be a string")]
    if len(value) > NAME_MAX:
        return [
            Violation(
                "shippingPlaceName", "max_length", f"{MSG_NAME} (got {len(value)} characters)"
            )
        ]
    return []


def check_remote_fee(value: Any, field: str, courier: str) -> list[Violation]:
    """Violations of a remote-area fee (도서산간 배송비): 0, or between REMOTE_FEE_MIN and ``courier``'s cap."""
    fee = as_int(value)
    if fee is None:
        return [
            Violation(field, "type", f"{field.rsplit('.', 1)[-1]} must be a whole number of won")
        ]
    cap = remote_fee_cap(courier)
    if fee == 0:
        return []
    if fee < REMOTE_FEE_MIN or fee > cap:
        return [
            Violation(
                field,
                "remote_fee_range",
                f"remote-area fee for {courier} must be 0 (none) or between {REMOTE_FEE_MIN:,} and "
                f"{cap:,} won (got {fee:,})",
            )
        ]
    return []


def check_remote_infos(value: Any, *, for_update: bool) -> list[Violation]:
    """Rules for ``remoteInfos``: known courier, once each, fees within the courier's cap."""
    if value is None:
        return []
    infos = mapping_list(value)
    if infos is None:
        return [Violation("remoteInfos", "type", "remoteInfos must be a list of objects")]
    out: list[Violation] = []
    seen: set[str] = set()
    for i, info in enumerate(infos):
        prefix = f"remoteInfos[{i}]"
        code = info.get("deliveryCode")
        if is_blank(code) or not isinstance(code, str):
            out.append(
                Violation(
                    f"{prefix}.deliveryCode", "required", "deliveryCode (courier code) is required"
                )
            )
            continue
        if code not in COURIERS:
            out.append(
                Violation(
                    f"{prefix}.deliveryCode", "courier_code", f"unknown courier code {code!r}"
                )
            )
            continue
        active = as_bool(info.get("usable", True)) is not False
        if code in seen and active:
            out.append(
                Violation(
                    f"{prefix}.deliveryCode",
                    "courier_duplicate",
                    f"courier {code} is listed twice; a courier can be registered once per place",
                )
            )
        if active:
            seen.add(code)
        for key in ("jeju", "notJeju"):
            if key not in info or info[key] is None:
                out.append(Violation(f"{prefix}.{key}", "required", f"{key} is required"))
            else:
                out += check_remote_fee(info[key], f"{prefix}.{key}", code)
        if "usable" in info and info["usable"] is not None and as_bool(info["usable"]) is None:
            out.append(Violation(f"{prefix}.usable", "type", "usable must be true or false"))
        if (
            for_update
            and info.get("remoteInfoId") is not None
            and as_int(info.get("remoteInfoId")) is None
        ):
            out.append(Violation(f"{prefix}.remoteInfoId", "type", "remoteInfoId must be a number"))
    return out


def _check_flag(body: Mapping[str, Any], key: str) -> list[Violation]:
    if key in body and body[key] is not None and as_bool(body[key]) is None:
        return [Violation(key, "type", f"{key} must be true or false")]
    return []


def _check_user_id(body: Mapping[str, Any]) -> list[Violation]:
    user_id = body.get("userId")
    if is_blank(user_id):
        return [
            Violation("userId", "required", f"{MSG_NULL} userId (the WING login id) is required")
        ]
    if not isinstance(user_id, str):
        return [Violation("userId", "type", "userId must be a string")]
    return []


def check_outbound_create(body: Mapping[str, Any]) -> list[Violation]:
    """Everything Coupang checks when an outbound shipping place is created."""
    out = _check_user_id(body)
    out += check_place_name(body.get("shippingPlaceName"), required=True)
    out += _check_flag(body, "global")
    out += _check_flag(body, "usable")
    out += check_addresses(
        body.get("placeAddresses"),
        required=True,
        allowed_types=OUTBOUND_ADDRESS_TYPES,
        country_required=True,
    )
    out += check_remote_infos(body.get("remoteInfos"), for_update=False)
    return out


def check_outbound_update(body: Mapping[str, Any]) -> list[Violation]:
    """Rules for an outbound place update: every part is optional, what is sent must be valid."""
    out = _check_user_id(body)
    out += check_place_name(body.get("shippingPlaceName"), required=False)
    out += _check_flag(body, "global")
    out += _check_flag(body, "usable")
    out += check_addresses(
        body.get("placeAddresses"),
        required=False,
        allowed_types=OUTBOUND_ADDRESS_TYPES,
        country_required=True,
    )
    out += check_remote_infos(body.get("remoteInfos"), for_update=True)
    return out


def goodsflow_info(body: Mapping[str, Any]) -> Any:
    """The pick-up contract block; the docs name it ``goodsflowInfoOpenApiDto`` and ``goodsflowInfoDto``."""
    if body.get("goodsflowInfoOpenApiDto") is not None:
        return body["goodsflowInfoOpenApiDto"]
    return body.get("goodsflowInfoDto")


def check_return_fees(info: Mapping[str, Any], prefix: str, *, required: bool) -> list[Violation]:
    """Violations of a return center's return-fee fields under ``prefix``."""
    out: list[Violation] = []
    for key in RETURN_FEE_FIELDS:
        field = f"{prefix}.{key}"
        if key not in info or info[key] is None:
            if required:
                out.append(Violation(field, "required", f"{key} is required"))
            continue
        fee = as_int(info[key])
        if fee is None:
            out.append(Violation(field, "type", f"{key} must be a whole number of won"))
        elif fee <= 0:
            out.append(Violation(field, "positive", f"{key} must be greater than 0 (got {fee})"))
        elif fee > FEE_MAX:
            out.append(Violation(field, "max_value", f"{key} is at most {FEE_MAX:,} (got {fee:,})"))
    return out


def check_return_contract(info: Any, *, required: bool) -> list[Violation]:
    """The pick-up courier contract of a return center (all of it on create, what is sent on update)."""
    prefix = "goodsflowInfoOpenApiDto"
    if info is None and not required:
        return []
    if not isinstance(info, Mapping):
        message = f"the pick-up courier contract ({prefix}) must be an object"
        return [Violation(prefix, "required" if info is None else "type", message)]
    out: list[Violation] = []
    code = info.get("deliverCode")
    if is_blank(code):
        if required:
            out.append(
                Violation(
                    f"{prefix}.deliverCode", "required", "deliverCode (pick-up courier) is required"
                )
            )
    elif not isinstance(code, str) or code not in RETURN_PICKUP_COURIERS:
        out.append(
            Violation(
                f"{prefix}.deliverCode",
                "return_courier",
                f"return pick-up courier must be one of {', '.join(sorted(RETURN_PICKUP_COURIERS))} (got {code!r})",
            )
        )
    if (required or "contractNumber" in info) and is_blank(info.get("contractNumber")):
        out.append(Violation(f"{prefix}.contractNumber", "required", "contractNumber is required"))
    for key in ("contractNumber", "contractCustomerNumber"):
        value = info.get(key)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, str | int):
            out.append(Violation(f"{prefix}.{key}", "type", f"{key} must be a string"))
        elif len(str(value)) > CONTRACT_MAX:
            out.append(
                Violation(
                    f"{prefix}.{key}", "max_length", f"{key} is at most {CONTRACT_MAX} characters"
                )
            )
    out += check_return_fees(info, prefix, required=required)
    return out


def check_return_create(body: Mapping[str, Any]) -> list[Violation]:
    """Everything Coupang checks when a return center is created."""
    out = _check_user_id(body)
    out += check_place_name(body.get("shippingPlaceName"), required=True)
    out += check_return_contract(goodsflow_info(body), required=True)
    out += check_addresses(
        body.get("placeAddresses"),
        required=True,
        allowed_types=RETURN_ADDRESS_TYPES,
        country_required=False,
    )
    return out


def check_return_update(body: Mapping[str, Any]) -> list[Violation]:
    """Rules for a return center update."""
    out = _check_user_id(body)
    out += check_place_name(body.get("shippingPlaceName"), required=False)
    out += _check_flag(body, "usable")
    out += check_return_contract(goodsflow_info(body), required=False)
    out += check_addresses(
        body.get("placeAddresses"),
        required=False,
        allowed_types=RETURN_ADDRESS_TYPES,
        country_required=False,
    )
    return out


def check_courier_registered(
    courier_code: str, registered: Iterable[str], *, field: str = "deliveryCompanyCode"
) -> list[Violation]:
    """A courier used for remote-area delivery must be one the outbound place registered."""
    codes = sorted(set(registered))
    if courier_code in codes:
        return []
    return [
        Violation(
            field,
            "courier_not_registered",
            f"courier {courier_code} is not registered at this outbound shipping place "
            f"(registered: {', '.join(codes) or 'none'})",
        )
    ]


def check_page_size(
    value: Any, *, field: str = "pageSize", maximum: int = PAGE_SIZE_MAX
) -> list[Violation]:
    """Violations of a page size: between 1 and ``maximum``."""
    size = as_int(value)
    if size is None or not (1 <= size <= maximum):
        return [
            Violation(
                field, "page_size", f"{field} must be between 1 and {maximum} (got {value!r})"
            )
        ]
    return []


def check_code_list(
    codes: Sequence[str], *, field: str, maximum: int, numeric: bool = False
) -> list[Violation]:
    """Violations of a code list filter: 1 to ``maximum`` codes (digits only when ``numeric``)."""
    if not codes:
        return [Violation(field, "required", f"{field} needs at least one code")]
    if len(codes) > maximum:
        return [
            Violation(field, "max_items", f"at most {maximum} codes per call (got {len(codes)})")
        ]
    if numeric:
        bad = [c for c in codes if not c.strip().isdigit()]
        if bad:
            return [
                Violation(
                    field, "type", f"codes must be numbers (got {', '.join(map(repr, bad[:3]))})"
                )
            ]
    return []
