"""Control API for settlement: a vendor's settlement terms.

* ``PUT /_sandbox/vendors/{vendorId}/settlement`` ``{"cycle": "WEEKLY" | "MONTHLY",
  "commissionRate"?: 10.8}``: the payment cycle and the commission (``serviceFeeRatio``, %
  VAT excluded, two decimals at most; kept when left out). Applies to every read from then on.
* ``GET /_sandbox/vendors/{vendorId}/settlement``: the terms in force (defaults: MONTHLY,
  10.8 %, see ``SandboxSettings``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from starlette.responses import Response

from coupang_sandbox.backends.settlement import TermsUpdate
from coupang_sandbox.errors import ValidationFailed
from coupang_sandbox.responses import success
from coupang_sandbox.routes._base import Call, RouteSpec
from coupang_sandbox.routes._control_body import accepts
from coupang_sandbox.routes.settlement import backend
from coupang_sandbox.views import settlement as views
from coupang_seller.preflight import settlement as rules


def parse_terms_update(body: Mapping[str, Any]) -> TermsUpdate:
    """The body as typed arguments, or :class:`ValidationFailed` naming the field and rule."""
    found = rules.check_cycle(body.get("cycle"))
    rate = body.get("commissionRate")
    if rate is not None:
        found += rules.check_commission_rate(rate)
    if found:
        raise ValidationFailed(found)
    return TermsUpdate(str(body["cycle"]), None if rate is None else float(rate))


def get_terms(call: Call) -> Response:
    """The terms in force."""
    vendor_id = call.path["vendorId"]
    return success(views.terms(vendor_id, backend(call).terms(vendor_id)))


@accepts({"cycle": None, "commissionRate": None})
def put_terms(call: Call) -> Response:
    """Set the terms (an unknown vendor answers 404 before the body is judged)."""
    vendor_id = call.path["vendorId"]
    settlement = backend(call)
    settlement.require_vendor(vendor_id)
    terms = settlement.set_terms(vendor_id, parse_terms_update(call.body))
    return success(views.terms(vendor_id, terms))


ROUTES: list[RouteSpec] = [
    ("GET", "/_sandbox/vendors/{vendorId}/settlement", get_terms),
    ("PUT", "/_sandbox/vendors/{vendorId}/settlement", put_terms),
]
