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

from starlette.responses import Response

from coupang_sandbox.backends.coupons import Coupons
from coupang_sandbox.responses import success
from coupang_sandbox.routes._base import Call, RouteSpec
from coupang_sandbox.routes._control_body import NO_FIELDS, accepts
from coupang_sandbox.state import coupons as st
from coupang_sandbox.views import coupons as views


def _coupons(call: Call) -> Coupons:
    sandbox = call.sandbox
    return Coupons(sandbox.store, sandbox.clock, sandbox.settings)


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
    row = _coupons(call).create_contract(call.path["vendorId"], call.body)
    return success(views.seeded_contract(row), 201)


def view(call: Call) -> Response:
    return success(views.detail(_coupons(call).view(call.path["couponId"])))


@accepts(NO_FIELDS)
def pause(call: Call) -> Response:
    return success(views.detail(_coupons(call).move(call.path["couponId"], st.PAUSE)))


@accepts(NO_FIELDS)
def resume(call: Call) -> Response:
    return success(views.detail(_coupons(call).move(call.path["couponId"], st.RESUME)))


ROUTES: list[RouteSpec] = [
    ("POST", "/_sandbox/vendors/{vendorId}/coupon-contracts", create_contract),
    ("GET", "/_sandbox/coupons/{couponId}", view),
    ("POST", "/_sandbox/coupons/{couponId}/pause", pause),
    ("POST", "/_sandbox/coupons/{couponId}/resume", resume),
]
