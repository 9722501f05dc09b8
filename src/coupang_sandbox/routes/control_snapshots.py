"""Control API for snapshots of the whole state (clock, vendors, faults and data included).

* ``POST /_sandbox/snapshots`` ``{"name", "replace"?}`` saves the state under ``name`` (409
  when the name is taken, unless ``"replace": true``).
* ``POST /_sandbox/snapshots/{name}/restore`` restores it (one transaction; 404 when unknown).
* ``GET /_sandbox/snapshots`` lists them: ``{"snapshots": [{"name", "createdAt", "clock",
  "tables", "rows", "bytes"}]}``.
* ``DELETE /_sandbox/snapshots/{name}`` deletes one.

A name is 1-64 characters without path characters (``/``, ``\\``, ``..``) or control
characters; a bad one is refused (400) naming the field and the rule.
"""

from __future__ import annotations

from dataclasses import dataclass

from starlette.responses import Response

from coupang_sandbox.errors import ValidationFailed
from coupang_sandbox.responses import success
from coupang_sandbox.routes._base import Call, RouteSpec
from coupang_sandbox.routes._control_body import NO_FIELDS, accepts
from coupang_sandbox.snapshots import Snapshots, name_violations
from coupang_sandbox.views import snapshots as view
from coupang_seller.preflight import Violation


@dataclass(frozen=True, slots=True)
class SaveInput:
    """The body of ``POST /_sandbox/snapshots``."""

    name: str
    replace: bool


def parse_save(call: Call) -> SaveInput:
    """``{"name", "replace"?}``: every broken rule in one 400."""
    body = call.body
    found = name_violations(body.get("name"))
    replace = body.get("replace", False)
    if not isinstance(replace, bool):
        found.append(Violation("replace", "type", "replace must be true or false"))
    if found:
        raise ValidationFailed(found)
    return SaveInput(str(body["name"]), replace)


def parse_name(call: Call) -> str:
    """The ``{name}`` of the path, checked like the body's."""
    name = str(call.path["name"])
    found = name_violations(name)
    if found:
        raise ValidationFailed(found)
    return name


@accepts({"name": None, "replace": None})
def save(call: Call) -> Response:
    """Save the state (the new snapshot's listing entry)."""
    args = parse_save(call)
    info = Snapshots(call.sandbox).save(args.name, replace=args.replace)
    return success(view.snapshot(info))


@accepts(NO_FIELDS)
def restore(call: Call) -> Response:
    """Restore a snapshot (its listing entry)."""
    info = Snapshots(call.sandbox).restore(parse_name(call))
    return success(view.snapshot(info))


def list_snapshots(call: Call) -> Response:
    """Every snapshot, oldest first."""
    return success(view.snapshots(Snapshots(call.sandbox).list()))


def delete(call: Call) -> Response:
    """Delete a snapshot."""
    name = parse_name(call)
    Snapshots(call.sandbox).delete(name)
    return success({"deleted": name})


ROUTES: list[RouteSpec] = [
    ("POST", "/_sandbox/snapshots", save),
    ("GET", "/_sandbox/snapshots", list_snapshots),
    ("POST", "/_sandbox/snapshots/{name}/restore", restore),
    ("DELETE", "/_sandbox/snapshots/{name}", delete),
]
