"""Coupon endpoints: instant-discount coupons on the ``fms`` provider (v1 and v2 paths, as
documented) and downloadable coupons on ``marketplace_openapi``.

fms envelope: ``{code, message, httpStatus, httpStatusMessage, errorMessage, data: {success,
content, pagination}}``; refusals keep it (``httpStatus`` 400, ``errorMessage`` the reason,
``errors`` naming field and rule). Mutations answer ``content: {requestedId, success}``; the
outcome is read at ``requested/{requestedId}``.

Notes on the paths:

* Coupon creation: the Korean docs' ``POST v2/.../coupon`` and the English docs' older
  ``POST v1/.../coupons``, same body and answer.
* ``PUT v1/.../coupons/{couponId}`` and ``PUT .../coupons/{couponId}/items`` carry the fixed
  query ``action=expire`` (anything else is a 400 on ``action``).
* ``GET .../coupons/{couponId}/items/{id}``: one template for two lookups, told apart by the
  documented ``type`` query (``couponItemId`` or ``vendorItemId``); without it a coupon item
  id is tried first, then a vendorItemId.
* ``GET v1/.../{orderId}/coupons`` is retired (410): use the v2 path. The free-contract
  creation ``POST v2/.../contract/create/non_contract_info`` was removed in 2019 (410).

Downloadable coupons answer without envelope, as the docs show. The item attach
(``PUT v1/coupon-items``) is documented as one object but answers an ARRAY, one entry per
``couponItems`` element (``{requestResultStatus, body: {couponId, requestTransactionId},
errorCode, errorMessage}``), as clients observe; the expiry answers the same array form.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from starlette.responses import Response

from coupang_sandbox.backends._ids import parse_id
from coupang_sandbox.backends.coupons import (
    BudgetQuery,
    ContractQuery,
    CouponInput,
    Coupons,
    CouponsQuery,
    DownloadExpiry,
    DownloadInput,
    DownloadItems,
    DownloadItemsEntry,
    DownloadPolicy,
    ItemLookup,
    ItemsQuery,
    VendorItems,
    kst,
    number_of,
    page_args,
)
from coupang_sandbox.errors import SandboxError, ValidationFailed
from coupang_sandbox.responses import CoupangJSONResponse, raw
from coupang_sandbox.routes._base import Call, Handler, RouteSpec, optional_body, retired
from coupang_sandbox.views import coupons as views
from coupang_seller.preflight import Violation
from coupang_seller.preflight import coupons as rules
from coupang_seller.preflight._core import as_int, is_blank

FMS = "/v2/providers/fms/apis/api"
V1 = f"{FMS}/v1/vendors/{{vendorId}}"
V2 = f"{FMS}/v2/vendors/{{vendorId}}"
MARKET = "/v2/providers/marketplace_openapi/apis/api/v1"

_STATUS_TEXT = {400: "BAD_REQUEST", 404: "NOT_FOUND", 409: "CONFLICT", 410: "GONE"}


def _coupons(call: Call) -> Coupons:
    sandbox = call.sandbox
    return sandbox.backends.coupons


def fms_body(content: Any, pagination: Any = None, *, success: bool = True) -> dict[str, Any]:
    """The fms envelope around ``content`` and ``pagination`` (``data.success`` as given)."""
    return {
        "code": 200,
        "message": "OK",
        "httpStatus": 200,
        "httpStatusMessage": "OK",
        "errorMessage": "",
        "data": {"success": success, "content": content, "pagination": pagination},
    }


def _fms(content: Any, pagination: Any = None) -> Response:
    return CoupangJSONResponse(fms_body(content, pagination))


def fms(handler: Handler) -> Handler:
    """Refusals of an fms route keep the fms envelope's fields."""

    @functools.wraps(handler)
    def wrapped(call: Call) -> Response:
        """Run the handler; a refusal answers in the coupons envelope."""
        try:
            return handler(call)
        except SandboxError as exc:
            exc.extra.update(
                httpStatus=exc.status,
                httpStatusMessage=_STATUS_TEXT.get(exc.status, "ERROR"),
                errorMessage=exc.message,
            )
            raise

    return wrapped


def _requested(requested_id: str, success: bool = True) -> Response:
    body = fms_body({"requestedId": requested_id, "success": success}, success=success)
    return CoupangJSONResponse(body)


def _check_action(call: Call) -> None:
    found = rules.check_action(call.query("action"))
    if found:
        raise ValidationFailed(found)


def _refuse(found: list[Violation]) -> None:
    if found:
        raise ValidationFailed(found)


def parse_contract_query(call: Call) -> ContractQuery:
    """``contractId`` (required, a positive id)."""
    text = call.query("contractId")
    _refuse(rules.check_contract_id(text))
    return ContractQuery(number_of(text, "contractId"), str(text))


def parse_budget_query(call: Call) -> BudgetQuery:
    """``contractId`` (optional) and ``targetMonth`` (``yyyy-MM``, optional)."""
    text, month = call.query("contractId"), call.query("targetMonth")
    _refuse(rules.check_contract_id(text, required=False) + rules.check_target_month(month))
    contract = None if text is None else ContractQuery(number_of(text, "contractId"), text)
    return BudgetQuery(contract, month)


def parse_coupons_query(call: Call) -> CouponsQuery:
    """``status`` (required) and the paging parameters."""
    status, page, size, sort = (call.query(k) for k in ("status", "page", "size", "sort"))
    _refuse(rules.check_status(status) + rules.check_paging(page, size, sort))
    return CouponsQuery(str(status), *page_args(page, size, sort))


def parse_items_query(call: Call) -> ItemsQuery:
    """``status`` (an item status, required), the paging parameters, then the path's id."""
    status, page, size, sort = (call.query(k) for k in ("status", "page", "size", "sort"))
    found = rules.check_status(status, rules.ITEM_STATUSES)
    _refuse(found + rules.check_paging(page, size, sort))
    coupon_id = number_of(call.path["couponId"], "couponId")
    return ItemsQuery(coupon_id, str(status), *page_args(page, size, sort))


def parse_item_lookup(call: Call) -> ItemLookup:
    """The documented ``type`` (optional), then the path's two ids."""
    kind = call.query("type")
    _refuse(rules.check_item_lookup_type(kind))
    coupon_id = number_of(call.path["couponId"], "couponId")
    name = "vendorItemId" if kind == "vendorItemId" else "couponItemId"
    return ItemLookup(coupon_id, number_of(call.path["itemId"], name), kind)


def _now_kst(call: Call) -> datetime:
    return kst(call.sandbox.clock.now().astimezone(UTC))


def parse_coupon_input(call: Call) -> CouponInput:
    """The body of an instant coupon's creation (the rules read the sandbox clock)."""
    body = call.body
    found = rules.check_create_coupon(body, _now_kst(call))
    start = rules.parse_date(body.get("startAt"))
    end = rules.parse_date(body.get("endAt"))
    if found or start is None or end is None:
        raise ValidationFailed(found)
    return CouponInput(
        contract_id=number_of(body["contractId"], "contractId"),
        name=str(body["name"]),
        discount=as_int(body["discount"]),
        max_discount_price=as_int(body["maxDiscountPrice"]),
        start=start,
        end=end,
        discount_type=body["type"],
    )


def parse_vendor_items(call: Call) -> VendorItems:
    """``vendorItems`` of the body, then the path's ``couponId``."""
    _refuse(rules.check_vendor_items(call.body))
    coupon_id = number_of(call.path["couponId"], "couponId")
    return VendorItems(coupon_id, [parse_id(v) for v in call.body["vendorItems"]])


def _policy(policy: Mapping[str, Any]) -> DownloadPolicy:
    rate = policy["typeOfDiscount"] == "RATE"
    return DownloadPolicy(
        title=policy.get("title"),
        type_of_discount=str(policy["typeOfDiscount"]),
        description=policy.get("description") or "",
        minimum_price=as_int(policy.get("minimumPrice")),
        discount=as_int(policy.get("discount")),
        maximum_discount_price=as_int(policy.get("maximumDiscountPrice")) if rate else -1,
        maximum_per_daily=as_int(policy.get("maximumPerDaily")),
    )


def parse_download_input(call: Call) -> DownloadInput:
    """The body of a downloadable coupon's creation (the rules read the sandbox clock)."""
    body = call.body
    found = rules.check_download_create(body, _now_kst(call))
    start = rules.parse_date(body.get("startDate"))
    end = rules.parse_date(body.get("endDate"))
    if found or start is None or end is None:
        raise ValidationFailed(found)
    return DownloadInput(
        contract_id=number_of(body["contractId"], "contractId"),
        title=str(body["title"]),
        user_id=str(body["userId"]),
        start=start,
        end=end,
        policies=[_policy(policy) for policy in body["policies"]],
    )


def parse_download_items(call: Call) -> DownloadItems:
    """``couponItems[{couponId, vendorItemIds, userId}]``."""
    _refuse(rules.check_download_items(call.body))
    return DownloadItems(
        [
            DownloadItemsEntry(
                number_of(entry["couponId"], "couponId"),
                [parse_id(v) for v in entry["vendorItemIds"]],
            )
            for entry in call.body["couponItems"]
        ]
    )


def parse_download_expiry(call: Call) -> DownloadExpiry:
    """``expireCouponList[{couponId, reason, userId}]``."""
    _refuse(rules.check_download_expire(call.body))
    entries = call.body["expireCouponList"]
    return DownloadExpiry([number_of(entry["couponId"], "couponId") for entry in entries])


# -- contracts and budgets ---------------------------------------------------------------


@fms
def list_contracts(call: Call) -> Response:
    """``GET v2/.../contract/list``: the vendor's coupon contracts."""
    return _fms([views.contract(row) for row in _coupons(call).contracts(call.vendor_id)])


@fms
def get_contract(call: Call) -> Response:
    """``GET v2/.../contract``: one contract, chosen by the query."""
    query = parse_contract_query(call)
    return _fms(views.contract(_coupons(call).contract(call.vendor_id, query)))


@fms
def get_budgets(call: Call) -> Response:
    """``GET v1/.../budgets``: the contract's monthly budgets."""
    budgets = _coupons(call).budgets(call.vendor_id, parse_budget_query(call))
    return _fms([views.budget(entry) for entry in budgets])


# -- instant coupons --------------------------------------------------------------------


@fms
def create_coupon(call: Call) -> Response:
    """``POST v2/.../coupon`` (or v1 ``coupons``): request an instant coupon; answers its
    ``requestedId``."""
    return _requested(_coupons(call).create_coupon(call.vendor_id, parse_coupon_input(call)))


@fms
def get_coupon(call: Call) -> Response:
    """``GET v2/.../coupon?couponId=``: one instant coupon (``couponId`` is required)."""
    text = call.query("couponId")
    if is_blank(text):
        raise ValidationFailed([Violation("couponId", "required", "couponId is required")])
    found = _coupons(call).coupon(call.vendor_id, number_of(text, "couponId"))
    return _fms(views.coupon(found))


@fms
def list_coupons(call: Call) -> Response:
    """``GET v2/.../coupons``: a page of instant coupons, filtered by the query."""
    page = _coupons(call).coupons(call.vendor_id, parse_coupons_query(call))
    return _fms(*views.coupon_page(page))


@fms
def add_items(call: Call) -> Response:
    """``POST v1/.../coupons/{couponId}/items``: request adding vendor items to a coupon."""
    return _requested(_coupons(call).add_items(call.vendor_id, parse_vendor_items(call)))


@fms
def expire_items(call: Call) -> Response:
    """``PUT v1/.../coupons/{couponId}/items?action=expire``: request removing vendor items."""
    _check_action(call)
    requested = _coupons(call).expire_items(call.vendor_id, parse_vendor_items(call))
    return _requested(requested)


@fms
def expire_coupon(call: Call) -> Response:
    """``PUT v1/.../coupons/{couponId}?action=expire``: request expiring a coupon; a refused
    expiry answers ``success: false`` with the reason in ``errorMessage``."""
    _check_action(call)
    coupon_id = number_of(call.path["couponId"], "couponId")
    requested, accepted, reason = _coupons(call).expire(call.vendor_id, coupon_id)
    response = fms_body({"requestedId": requested, "success": accepted}, success=accepted)
    if reason:
        response["errorMessage"] = reason
    return CoupangJSONResponse(response)


@fms
def list_items(call: Call) -> Response:
    """``GET v1/.../coupons/{couponId}/items``: a page of the coupon's items."""
    page = _coupons(call).items(call.vendor_id, parse_items_query(call))
    return _fms(*views.item_page(page))


@fms
def get_item(call: Call) -> Response:
    """``GET v1/.../coupons/{couponId}/items/{itemId}``: one item, by coupon item id or
    vendorItemId (see ``type``)."""
    found = _coupons(call).item(call.vendor_id, parse_item_lookup(call))
    return _fms(views.item(found))


@fms
def by_order(call: Call) -> Response:
    """``GET v2/.../{orderId}/coupons``: the instant coupons applied to an order."""
    order_id = number_of(call.path["orderId"], "orderId")
    return _fms(views.order_coupons(_coupons(call).by_order(call.vendor_id, order_id)))


@fms
def request_status(call: Call) -> Response:
    """``GET v1/.../requested/{requestedId}``: the outcome of a create, attach or expire request."""
    row = _coupons(call).request_status(call.vendor_id, call.path["requestedId"])
    return _fms(views.request(row))


# -- downloadable coupons ---------------------------------------------------------------


def create_download(call: Call) -> Response:
    """``POST .../coupons`` (marketplace): create a downloadable coupon; no envelope."""
    row = _coupons(call).create_download(call.vendor_id, parse_download_input(call))
    return raw(views.download_created(row))


def download_items(call: Call) -> Response:
    """``PUT .../coupon-items``: attach items to downloadable coupons; one result per entry."""
    results = _coupons(call).download_items(call.vendor_id, parse_download_items(call))
    return raw(views.download_results(results))


def download_expire(call: Call) -> Response:
    """``POST .../coupons/expire``: expire downloadable coupons; one result per entry."""
    results = _coupons(call).download_expire(call.vendor_id, parse_download_expiry(call))
    return raw(views.download_results(results))


def download_status(call: Call) -> Response:
    """``GET .../coupons/transactionStatus?requestTransactionId=``: a download request's outcome."""
    transaction = call.query("requestTransactionId")
    found = rules.check_transaction_id(transaction)
    if found or transaction is None:
        raise ValidationFailed(found)
    row = _coupons(call).request_status(call.vendor_id, transaction, "DOWNLOAD")
    return raw(views.transaction(row))


def get_download(call: Call) -> Response:
    """``GET .../coupons/{couponId}`` (marketplace): one downloadable coupon; no envelope."""
    coupon_id = number_of(call.path["couponId"], "couponId")
    return raw(views.download(_coupons(call).download_coupon(call.vendor_id, coupon_id)))


free_contract_retired = retired(
    "POST /v2/providers/fms/apis/api/v2/vendors/{vendorId}/contract/create/non_contract_info",
    "Free contracts (자유계약) are no longer created through the API (removed in 2019); "
    "list the existing ones with GET .../v2/vendors/{vendorId}/contract/list.",
)
order_coupons_v1_retired = retired(
    "GET /v2/providers/fms/apis/api/v1/vendors/{vendorId}/{orderId}/coupons",
    "Use GET /v2/providers/fms/apis/api/v2/vendors/{vendorId}/{orderId}/coupons.",
)


#: ``(method, path template, handler)``; literal segments before the ``{orderId}`` templates.
ROUTES: list[RouteSpec] = [
    ("GET", f"{V2}/contract/list", list_contracts),
    ("POST", f"{V2}/contract/create/non_contract_info", free_contract_retired),
    ("GET", f"{V2}/contract", get_contract),
    ("GET", f"{V1}/budgets", get_budgets),
    ("POST", f"{V2}/coupon", create_coupon),
    ("GET", f"{V2}/coupon", get_coupon),
    ("POST", f"{V1}/coupons", create_coupon),
    ("GET", f"{V2}/coupons", list_coupons),
    ("GET", f"{V1}/requested/{{requestedId}}", request_status),
    ("POST", f"{V1}/coupons/{{couponId}}/items", add_items),
    ("PUT", f"{V1}/coupons/{{couponId}}/items", expire_items),
    ("GET", f"{V1}/coupons/{{couponId}}/items", list_items),
    ("GET", f"{V1}/coupons/{{couponId}}/items/{{itemId}}", get_item),
    ("PUT", f"{V1}/coupons/{{couponId}}", optional_body(expire_coupon)),
    ("GET", f"{V2}/{{orderId}}/coupons", by_order),
    ("GET", f"{V1}/{{orderId}}/coupons", order_coupons_v1_retired),
    ("POST", f"{MARKET}/coupons/expire", download_expire),
    ("GET", f"{MARKET}/coupons/transactionStatus", download_status),
    ("POST", f"{MARKET}/coupons", create_download),
    ("GET", f"{MARKET}/coupons/{{couponId}}", get_download),
    ("PUT", f"{MARKET}/coupon-items", download_items),
]
