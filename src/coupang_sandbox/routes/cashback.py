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

from datetime import UTC

from starlette.responses import Response

from coupang_sandbox.backends._ids import ID_LIMIT, parse_id
from coupang_sandbox.backends.cashback import Cashback, RuleInput, RuleKey
from coupang_sandbox.errors import BadRequest, NotFound, ValidationFailed
from coupang_sandbox.responses import CoupangJSONResponse
from coupang_sandbox.routes._base import Call, RouteSpec
from coupang_sandbox.views import cashback as view
from coupang_seller.preflight import Violation
from coupang_seller.preflight import cashback as rules
from coupang_seller.preflight._core import as_id, as_int, id_violation

PATH = "/v2/providers/openapi/apis/api/v4/vendors/{vendorId}/products/items/cashback"
SEASON1 = "/v2/providers/greatwall_api/apis/api/v1/product/vendorItems-cashbacks"


def _cashback(call: Call) -> Cashback:
    sandbox = call.sandbox
    return sandbox.backends.cashback


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


def parse_apply(call: Call) -> RuleInput:
    """The apply body: the shared rules first (``check_apply``, "now" the sandbox clock), then
    the numbers that do not fit in 64 bits, then each ``vendorItemIds`` entry; each step
    refuses alone, with 400 naming the field and rule."""
    body = call.body
    now = call.sandbox.clock.now().astimezone(UTC)
    found = rules.check_apply(body, now=now)
    rule_id = as_id(body.get("ruleId"))
    value = as_int(body.get("value"))
    start, end = rules.parse_time(body.get("startAt")), rules.parse_time(body.get("endAt"))
    if found or rule_id is None or value is None or start is None or end is None:
        raise ValidationFailed(found)
    value_type = str(body["valueType"])
    cap = as_int(body.get("maxAmount")) if value_type == "RATE" else None
    too_big = [
        Violation(name, "range", f"{name} is too large (stored as a 64-bit integer)")
        for name, number in (("ruleId", rule_id), ("value", value), ("maxAmount", cap))
        if number is not None and number >= ID_LIMIT
    ]
    if too_big:
        raise ValidationFailed(too_big)
    wanted: list[int] = []
    for raw in body["vendorItemIds"]:
        vid = as_id(raw)
        if vid is None:
            raise ValidationFailed([id_violation("vendorItemIds", raw)])
        if vid not in wanted:
            wanted.append(vid)
    return RuleInput(rule_id, value_type, value, cap, start, end, tuple(wanted))


def apply(call: Call) -> Response:
    """Apply a rule: 200, or 206 ``PARTIAL_CONTENT`` when some options failed; 400 if none."""
    outcome = _cashback(call).apply(call.vendor_id, parse_apply(call))
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
