"""Control API for coupons: seed contracts (with their monthly budget), and play Coupang's
operators on a coupon.

* ``POST /_sandbox/vendors/{vendorId}/coupon-contracts`` ``{"type"?: "CONTRACT_BASED" |
  "NON_CONTRACT_BASED", "start"?, "end"? ("yyyy-MM-dd HH:mm:ss", Korean time; default today
  00:00 to 31 December 23:59:59, or 2999 for a free contract), "budgetPerMonth"? (won, default
  ``coupon_budget_per_month``), "sellerShareRatio"?, "coupangShareRatio"?, "gmvRatio"?,
  "vendorContractId"?}`` -> the contract as the contract APIs show it.
* ``GET /_sandbox/coupons/{couponId}``: a coupon (either kind) with its items and usage.
* ``POST /_sandbox/coupons/{couponId}/pause`` and ``/resume``: APPLIED <-> PAUSED (발행중지).
"""

from __future__ import annotations

from datetime import UTC, datetime

from starlette.responses import Response

from coupang_sandbox.backends.coupons import (
    CONTRACT_BASED,
    CONTRACT_TYPES,
    NON_CONTRACT_BASED,
    ContractInput,
    Coupons,
    kst,
    number_of,
)
from coupang_sandbox.errors import ValidationFailed
from coupang_sandbox.responses import success
from coupang_sandbox.routes._base import Call, RouteSpec
from coupang_sandbox.routes._control_body import NO_FIELDS, accepts
from coupang_sandbox.state import coupons as st
from coupang_sandbox.views import coupons as views
from coupang_seller.preflight import Violation
from coupang_seller.preflight import coupons as rules
from coupang_seller.preflight._core import as_int


def _coupons(call: Call) -> Coupons:
    sandbox = call.sandbox
    return sandbox.backends.coupons


def parse_contract_input(call: Call) -> ContractInput:
    """The seeded contract's body, with the defaults: this year (today 00:00 to 31 December,
    or 2999 for a free contract) and the settings' monthly budget."""
    body = call.body
    now = call.sandbox.clock.now().astimezone(UTC)
    found: list[Violation] = []
    kind = body.get("type") or CONTRACT_BASED
    if kind not in CONTRACT_TYPES:
        found.append(Violation("type", "enum", "type: CONTRACT_BASED or NON_CONTRACT_BASED"))
    today = kst(now).replace(hour=0, minute=0, second=0, microsecond=0)
    start = today if body.get("start") is None else rules.parse_date(body.get("start"))
    default_end = (
        datetime(2999, 12, 31, 23, 59, 59)
        if kind == NON_CONTRACT_BASED
        else datetime(today.year, 12, 31, 23, 59, 59)
    )
    end = default_end if body.get("end") is None else rules.parse_date(body.get("end"))
    if start is None:
        found.append(Violation("start", "format", "start: yyyy-MM-dd HH:mm:ss"))
    if end is None:
        found.append(Violation("end", "format", "end: yyyy-MM-dd HH:mm:ss"))
    if start is not None and end is not None and end <= start:
        found.append(Violation("end", "order", "end must be after start"))
    budget = body.get("budgetPerMonth", call.sandbox.settings.coupon_budget_per_month)
    budget_value = as_int(budget)
    if budget_value is None or budget_value < 0:
        found.append(Violation("budgetPerMonth", "min_value", "budgetPerMonth must be >= 0"))
    ratios: dict[str, int] = {}
    for name, default in (("sellerShareRatio", 100), ("coupangShareRatio", 0), ("gmvRatio", 0)):
        number = as_int(body.get(name, default))
        if number is None or not 0 <= number <= 100:
            found.append(Violation(name, "range", f"{name} must be 0 to 100"))
        else:
            ratios[name] = number
    if found or start is None or end is None or budget_value is None:
        raise ValidationFailed(found)
    return ContractInput(
        kind=str(kind),
        start=start,
        end=end,
        budget_per_month=budget_value,
        seller_share_ratio=ratios["sellerShareRatio"],
        coupang_share_ratio=ratios["coupangShareRatio"],
        gmv_ratio=ratios["gmvRatio"],
        vendor_contract_id=as_int(body.get("vendorContractId")),
        modified_by=str(body.get("modifiedBy") or "sandbox"),
    )


@accepts(
    {
        "type": None,
        "start": None,
        "end": None,
        "budgetPerMonth": None,
        "sellerShareRatio": None,
        "coupangShareRatio": None,
        "gmvRatio": None,
        "vendorContractId": None,
        "modifiedBy": None,
    }
)
def create_contract(call: Call) -> Response:
    coupons, vendor_id = _coupons(call), call.path["vendorId"]
    coupons.require_vendor(vendor_id)
    row = coupons.create_contract(vendor_id, parse_contract_input(call))
    return success(views.seeded_contract(row), 201)


def view(call: Call) -> Response:
    coupon_id = number_of(call.path["couponId"], "couponId")
    return success(views.detail(_coupons(call).view(coupon_id)))


@accepts(NO_FIELDS)
def pause(call: Call) -> Response:
    coupon_id = number_of(call.path["couponId"], "couponId")
    return success(views.detail(_coupons(call).move(coupon_id, st.PAUSE)))


@accepts(NO_FIELDS)
def resume(call: Call) -> Response:
    coupon_id = number_of(call.path["couponId"], "couponId")
    return success(views.detail(_coupons(call).move(coupon_id, st.RESUME)))


ROUTES: list[RouteSpec] = [
    ("POST", "/_sandbox/vendors/{vendorId}/coupon-contracts", create_contract),
    ("GET", "/_sandbox/coupons/{couponId}", view),
    ("POST", "/_sandbox/coupons/{couponId}/pause", pause),
    ("POST", "/_sandbox/coupons/{couponId}/resume", resume),
]
