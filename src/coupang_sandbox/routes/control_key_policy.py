"""Control API for the gateway's key rules (see :mod:`coupang_sandbox.key_policy`).

* ``GET /_sandbox/vendors/{vendorId}/key-policy``: the policy, the current key's issue and
  expiry dates on the sandbox clock, and the keys rotated out that still work.
* ``PUT /_sandbox/vendors/{vendorId}/key-policy`` ``{"allowedIps"?: ["127.0.0.1",
  "10.0.0.0/8"] | null, "lifetimeDays"?: 180}``: a field left out keeps its value;
  ``allowedIps: null`` allows any address again.
* ``POST /_sandbox/vendors/{vendorId}/keys/rotate`` ``{"overlapSeconds"?: 0, "accessKey"?,
  "secretKey"?}``: a new key, issued now; the old one works ``overlapSeconds`` more (never past
  its own expiry), then answers 401.
"""

from __future__ import annotations

import ipaddress
import math
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from starlette.responses import Response

from coupang_sandbox.errors import Conflict, NotFound, ValidationFailed
from coupang_sandbox.key_policy import KEEP, KeyTaken, UnknownVendor
from coupang_sandbox.responses import success
from coupang_sandbox.routes._base import Call, RouteSpec
from coupang_sandbox.routes._control_body import accepts
from coupang_sandbox.routes.control import MAX_ADVANCE_SECONDS, _key_field
from coupang_sandbox.views import key_policy as views
from coupang_seller.preflight import Violation

#: Key lifetimes accepted (days): a day to a century.
MAX_LIFETIME_DAYS = 36_500
#: Addresses and networks a policy may list.
MAX_ALLOWED_IPS = 100


@dataclass(frozen=True, slots=True)
class PolicyUpdate:
    """A parsed ``PUT .../key-policy`` body (``allowed_ips`` is ``KEEP`` when left out)."""

    allowed_ips: Any
    lifetime_days: int | None


def _allowed_ips(value: Any) -> tuple[Any, list[Violation]]:
    if value is None:
        return None, []
    if not isinstance(value, list):
        message = "allowedIps must be a list of IP addresses or CIDR networks, or null"
        return None, [Violation("allowedIps", "type", message)]
    if not value:
        message = "allowedIps must list at least one address (null allows any address)"
        return None, [Violation("allowedIps", "min_items", message)]
    if len(value) > MAX_ALLOWED_IPS:
        message = f"allowedIps lists at most {MAX_ALLOWED_IPS} addresses"
        return None, [Violation("allowedIps", "max_items", message)]
    found = []
    entries = []
    for index, entry in enumerate(value):
        field = f"allowedIps[{index}]"
        if not isinstance(entry, str):
            found.append(Violation(field, "type", f"{field} must be a string"))
            continue
        try:
            ipaddress.ip_network(entry.strip(), strict=True)
        except ValueError as exc:
            found.append(
                Violation(
                    field,
                    "ip_address",
                    f"{field} must be an IP address or a CIDR network ({exc})",
                )
            )
            continue
        entries.append(entry.strip())
    return entries, found


def _lifetime(value: Any) -> tuple[int | None, list[Violation]]:
    if isinstance(value, bool) or not isinstance(value, int):
        return None, [Violation("lifetimeDays", "type", "lifetimeDays must be a whole number")]
    if not 1 <= value <= MAX_LIFETIME_DAYS:
        message = f"lifetimeDays must be between 1 and {MAX_LIFETIME_DAYS}"
        return None, [Violation("lifetimeDays", "range", message)]
    return value, []


def parse_policy_update(body: Mapping[str, Any]) -> PolicyUpdate:
    """The body as typed arguments, or :class:`ValidationFailed` naming each field and rule."""
    found: list[Violation] = []
    ips: Any = KEEP
    if "allowedIps" in body:
        ips, broken = _allowed_ips(body["allowedIps"])
        found += broken
    days = None
    if "lifetimeDays" in body:
        days, broken = _lifetime(body["lifetimeDays"])
        found += broken
    if found:
        raise ValidationFailed(found)
    return PolicyUpdate(ips, days)


def parse_overlap(body: Mapping[str, Any]) -> float:
    """``overlapSeconds`` (0 when left out): a finite number of seconds, at least 0."""
    value = body.get("overlapSeconds", 0)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValidationFailed(
            [Violation("overlapSeconds", "type", "overlapSeconds must be a number of seconds")]
        )
    if not 0 <= value <= MAX_ADVANCE_SECONDS:
        raise ValidationFailed(
            [Violation("overlapSeconds", "range", "overlapSeconds must be between 0 and 100 years")]
        )
    return float(value)


def get_policy(call: Call) -> Response:
    """The vendor's key policy and key dates."""
    vendor_id = call.path["vendorId"]
    try:
        view = call.sandbox.keys.view(vendor_id)
    except UnknownVendor:
        raise NotFound(f"vendor {vendor_id} does not exist") from None
    return success(views.policy(view))


@accepts({"allowedIps": None, "lifetimeDays": None})
def put_policy(call: Call) -> Response:
    """Change the policy (an unknown vendor answers 404 before the body is judged)."""
    vendor_id = call.path["vendorId"]
    keys = call.sandbox.keys
    try:
        keys.view(vendor_id)
        update = parse_policy_update(call.body)
        view = keys.set_policy(
            vendor_id, allowed_ips=update.allowed_ips, lifetime_days=update.lifetime_days
        )
    except UnknownVendor:
        raise NotFound(f"vendor {vendor_id} does not exist") from None
    return success(views.policy(view))


@accepts({"overlapSeconds": None, "accessKey": None, "secretKey": None})
def rotate_key(call: Call) -> Response:
    """Issue a new key; the old one overlaps for ``overlapSeconds``."""
    vendor_id = call.path["vendorId"]
    keys = call.sandbox.keys
    try:
        keys.view(vendor_id)
        overlap = parse_overlap(call.body)
        result = keys.rotate(
            vendor_id,
            overlap_seconds=overlap,
            access_key=_key_field(call, "accessKey", 128),
            secret_key=_key_field(call, "secretKey", 256),
            new_secret=secrets.token_hex(20),
        )
    except UnknownVendor:
        raise NotFound(f"vendor {vendor_id} does not exist") from None
    except KeyTaken as exc:
        raise Conflict(f"access key {exc} is already in use") from None
    return success(views.rotated(result))


ROUTES: list[RouteSpec] = [
    ("GET", "/_sandbox/vendors/{vendorId}/key-policy", get_policy),
    ("PUT", "/_sandbox/vendors/{vendorId}/key-policy", put_policy),
    ("POST", "/_sandbox/vendors/{vendorId}/keys/rotate", rotate_key),
]
