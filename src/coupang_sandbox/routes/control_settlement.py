"""Control API for settlement: a vendor's settlement terms.

* ``PUT /_sandbox/vendors/{vendorId}/settlement`` ``{"cycle": "WEEKLY" | "MONTHLY",
  "commissionRate"?: 10.8}``: the payment cycle and the commission (``serviceFeeRatio``, %
  VAT excluded, two decimals at most; kept when left out). Applies to every read from then on.
* ``GET /_sandbox/vendors/{vendorId}/settlement``: the terms in force (defaults: MONTHLY,
  10.8 %, see ``SandboxSettings``).
"""

from __future__ import annotations

from starlette.responses import Response

from coupang_sandbox.backends.settlement import Settlement
from coupang_sandbox.responses import success
from coupang_sandbox.routes._base import Call, RouteSpec
from coupang_sandbox.routes._control_body import accepts


def _settlement(call: Call) -> Settlement:
    sandbox = call.sandbox
    return Settlement(sandbox.store, sandbox.clock, sandbox.settings)


def get_terms(call: Call) -> Response:
    return success(_settlement(call).terms(call.path["vendorId"]))


@accepts({"cycle": None, "commissionRate": None})
def put_terms(call: Call) -> Response:
    return success(_settlement(call).set_terms(call.path["vendorId"], call.body))


ROUTES: list[RouteSpec] = [
    ("GET", "/_sandbox/vendors/{vendorId}/settlement", get_terms),
    ("PUT", "/_sandbox/vendors/{vendorId}/settlement", put_terms),
]
