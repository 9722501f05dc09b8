"""Item cashback endpoints (상품 캐시백) on the openapi provider, and the season-1 path.

* ``POST .../v4/vendors/{vendorId}/products/items/cashback``: apply a rule to 1-50 options.
  ``{"code": 200, "message": "OK", "data": {"successVendorItemIds", "failVendorItemIds"}}``,
  ``code`` 206 ``PARTIAL_CONTENT`` when some options failed (still HTTP 200); HTTP 400 when
  the body breaks a rule (``errors`` names field and rule) or no option took the rule.
* ``GET`` the same path ``?ruleId=&vendorItemId=``: the option's rule
  (``{"code": "200", "message": "OK", "data": {...}}``, as the sample).
* ``DELETE`` the same path ``?ruleId=&vendorItemId=``: stop the rule for the option.
* Season 1 (``greatwall_api .../product/vendorItems-cashbacks``): POST and DELETE, same
  bodies and queries.
"""

from __future__ import annotations

from starlette.responses import Response

from coupang_sandbox.backends._ids import parse_id
from coupang_sandbox.backends.cashback import Cashback, RuleKey
from coupang_sandbox.errors import BadRequest, NotFound, ValidationFailed
from coupang_sandbox.responses import CoupangJSONResponse
from coupang_sandbox.routes._base import Call, RouteSpec
from coupang_sandbox.views import cashback as view
from coupang_seller.preflight import cashback as rules

PATH = "/v2/providers/openapi/apis/api/v4/vendors/{vendorId}/products/items/cashback"
SEASON1 = "/v2/providers/greatwall_api/apis/api/v1/product/vendorItems-cashbacks"


def _cashback(call: Call) -> Cashback:
    sandbox = call.sandbox
    return Cashback(sandbox.store, sandbox.clock, sandbox.settings)


def parse_key(call: Call) -> RuleKey:
    """``ruleId`` and ``vendorItemId`` of the query: 400 naming the broken rules, 404 for ids
    beyond 64 bits (no such rule; the message quotes them as sent)."""
    rule_text, item_text = call.query("ruleId"), call.query("vendorItemId")
    found = rules.check_lookup(rule_text, item_text)
    if found:
        raise ValidationFailed(found)
    rule_id, vid = parse_id(rule_text), parse_id(item_text)
    if rule_id is None or vid is None:
        raise NotFound(f"no cashback rule {rule_text} on vendorItemId {item_text}")
    return RuleKey(rule_id, vid)


def apply(call: Call) -> Response:
    """Apply a rule: 200, or 206 ``PARTIAL_CONTENT`` when some options failed; 400 if none."""
    outcome = _cashback(call).apply(call.vendor_id, call.body)
    if not outcome.succeeded:
        raise BadRequest(
            "No vendorItemId took the cashback rule: " + "; ".join(r for _, r in outcome.failed),
            data=view.applied(outcome),
        )
    partial = bool(outcome.failed)
    return CoupangJSONResponse(
        {
            "code": 206 if partial else 200,
            "message": "PARTIAL_CONTENT" if partial else "OK",
            "data": view.applied(outcome),
        }
    )


def lookup(call: Call) -> Response:
    """One option's rule."""
    row = _cashback(call).get(call.vendor_id, parse_key(call))
    return CoupangJSONResponse({"code": "200", "message": "OK", "data": view.rule(row)})


def remove(call: Call) -> Response:
    """Stop the rule for the option."""
    _cashback(call).remove(call.vendor_id, parse_key(call))
    return CoupangJSONResponse({"code": "200", "message": "OK"})


ROUTES: list[RouteSpec] = [
    ("POST", PATH, apply),
    ("GET", PATH, lookup),
    ("DELETE", PATH, remove),
    ("POST", SEASON1, apply),
    ("DELETE", SEASON1, remove),
]
