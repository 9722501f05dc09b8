"""Control API for fault injection (see :mod:`coupang_sandbox.faults` for the kinds).

* ``POST /_sandbox/faults`` ``{"kind": ..., criteria..., "probability"?, "seed"?, "times"?,
  "forSeconds"?, the kind's fields...}``: add a rule; answers it with its ``id``.
* ``GET /_sandbox/faults``: ``{"faults": [rule, ...]}``, each with its ``hits`` (times fired)
  and ``matched`` (requests it matched).
* ``DELETE /_sandbox/faults/{id}``: remove one rule (404 when there is none).
* ``DELETE /_sandbox/faults``: remove every rule, and lift the vendor blocks ``rate_limit``
  rules placed.

Every answer is in the control API's envelope (``{"code": 200, "message": "SUCCESS", "data"}``).
A bad rule is refused with 400 naming each field and rule.
"""

from __future__ import annotations

from starlette.responses import Response

from coupang_sandbox import faults
from coupang_sandbox.errors import NotFound
from coupang_sandbox.responses import success
from coupang_sandbox.routes._base import Call, RouteSpec
from coupang_sandbox.routes._control_body import accepts


def _rule_id(call: Call) -> int:
    text = str(call.path["id"])
    if not text.isdigit() or len(text) > 18:
        raise NotFound(f"fault rule {text} does not exist")
    return int(text)


@accepts(dict.fromkeys(faults.ALL_FIELDS))
def add_fault(call: Call) -> Response:
    """Add a rule; the answer is the rule with its id (and its seed, drawn when not given)."""
    rule = call.sandbox.faults.add(faults.parse_spec(call.body))
    return success(rule.to_json())


def list_faults(call: Call) -> Response:
    """Every rule with its counters, oldest first (the order they are tried in)."""
    return success({"faults": [rule.to_json() for rule in call.sandbox.faults.listed()]})


def remove_fault(call: Call) -> Response:
    """Remove one rule."""
    rule_id = _rule_id(call)
    if not call.sandbox.faults.remove(rule_id):
        raise NotFound(f"fault rule {rule_id} does not exist")
    return success({"id": rule_id, "removed": True})


def clear_faults(call: Call) -> Response:
    """Remove every rule and lift the blocks rate_limit rules placed."""
    removed = call.sandbox.faults.clear()
    call.sandbox.throttle.clear()
    return success({"removed": removed})


ROUTES: list[RouteSpec] = [
    ("POST", "/_sandbox/faults", add_fault),
    ("GET", "/_sandbox/faults", list_faults),
    ("DELETE", "/_sandbox/faults", clear_faults),
    ("DELETE", "/_sandbox/faults/{id}", remove_fault),
]
