"""The control API under ``/_sandbox`` (not HMAC-signed; optional bearer admin token)."""

from __future__ import annotations

import math
import secrets
import uuid
from datetime import UTC, datetime
from typing import Any

from starlette.responses import Response

from coupang_sandbox.errors import BadRequest, Conflict, ValidationFailed
from coupang_sandbox.responses import success
from coupang_sandbox.routes._base import Call, RouteSpec
from coupang_sandbox.routes._control_body import accepts
from coupang_sandbox.store import Vendor, VendorConflict
from coupang_seller.preflight import Violation

MAX_ADVANCE_SECONDS = 100 * 366 * 86400


def _clock_state(call: Call) -> dict[str, Any]:
    clock = call.sandbox.clock
    return {
        "now": clock.now().astimezone(UTC).isoformat().replace("+00:00", "Z"),
        "mode": clock.mode,
        "offsetSeconds": clock.offset_seconds,
    }


@accepts({"keepVendors": None})
def reset(call: Call) -> Response:
    """``POST /_sandbox/reset``: wipe the business data (vendors too unless ``keepVendors``)."""
    keep = call.body.get("keepVendors", False)
    if not isinstance(keep, bool):
        raise ValidationFailed(
            [Violation("keepVendors", "type", "keepVendors must be true or false")]
        )
    call.sandbox.reset(keep_vendors=keep)
    return success({"reset": True})


def _key_field(call: Call, name: str, maximum: int) -> str | None:
    value = call.body.get(name)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip() or len(value) > maximum:
        raise ValidationFailed(
            [
                Violation(
                    name,
                    "type",
                    f"{name} must be a non-empty string of at most {maximum} characters",
                )
            ]
        )
    if any(ch.isspace() or ch == "," for ch in value):
        raise ValidationFailed(
            [Violation(name, "format", f"{name} must not contain spaces or commas")]
        )
    return value


@accepts({"vendorId": None, "accessKey": None, "secretKey": None})
def create_vendor(call: Call) -> Response:
    """``POST /_sandbox/vendors``: a vendor with its keys (generated when not given); 409 on a clash."""
    vendor_id = _key_field(call, "vendorId", 32) or f"A00{secrets.randbelow(10**6):06d}"
    access_key = _key_field(call, "accessKey", 128) or str(uuid.uuid4())
    secret_key = _key_field(call, "secretKey", 256) or secrets.token_hex(20)
    vendor = Vendor(vendor_id, access_key, secret_key)
    try:
        added = call.sandbox.store.add_vendor(vendor)
    except VendorConflict as exc:
        raise Conflict(str(exc)) from None
    if added:
        call.sandbox.keys.issue(vendor)
    return success({"vendorId": vendor_id, "accessKey": access_key, "secretKey": secret_key})


def get_clock(call: Call) -> Response:
    """``GET /_sandbox/clock``: the sandbox clock's time, mode and offset."""
    return success(_clock_state(call))


def _parse_instant(value: Any) -> datetime:
    if not isinstance(value, str):
        raise ValidationFailed([Violation("now", "type", "now must be an ISO 8601 date-time")])
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise ValidationFailed(
            [Violation("now", "format", f"now must be an ISO 8601 date-time (got {value!r})")]
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


@accepts({"mode": None, "now": None, "freeze": None})
def set_clock(call: Call) -> Response:
    """``POST /_sandbox/clock``: back to real time, frozen at ``now``, or running from ``now``."""
    body = call.body
    clock = call.sandbox.clock
    mode = body.get("mode")
    if mode is not None and mode not in ("real", "frozen", "offset"):
        raise ValidationFailed([Violation("mode", "enum", "mode must be real, frozen or offset")])
    if mode == "real":
        clock.set_real()
        return success(_clock_state(call))
    if "now" not in body:
        raise ValidationFailed([Violation("now", "required", "now (ISO 8601) is required")])
    moment = _parse_instant(body["now"])
    freeze = body.get("freeze", mode == "frozen")
    if not isinstance(freeze, bool):
        raise ValidationFailed([Violation("freeze", "type", "freeze must be true or false")])
    if freeze:
        clock.freeze(moment)
    else:
        clock.run_from(moment)
    return success(_clock_state(call))


@accepts({"seconds": None})
def advance_clock(call: Call) -> Response:
    """``POST /_sandbox/clock/advance``: move the clock ``seconds`` forward (never back)."""
    seconds = call.body.get("seconds")
    if (
        isinstance(seconds, bool)
        or not isinstance(seconds, int | float)
        or not math.isfinite(seconds)
    ):
        raise ValidationFailed([Violation("seconds", "type", "seconds must be a number")])
    if seconds < 0:
        raise BadRequest(
            "seconds: the sandbox clock only moves forward (got a negative value)",
            extra={
                "errors": [Violation("seconds", "non_negative", "seconds must be >= 0").as_dict()]
            },
        )
    if seconds > MAX_ADVANCE_SECONDS:
        raise ValidationFailed([Violation("seconds", "max_value", "seconds is at most 100 years")])
    call.sandbox.clock.advance(float(seconds))
    return success(_clock_state(call))


ROUTES: list[RouteSpec] = [
    ("POST", "/_sandbox/reset", reset),
    ("POST", "/_sandbox/vendors", create_vendor),
    ("GET", "/_sandbox/clock", get_clock),
    ("POST", "/_sandbox/clock", set_clock),
    ("POST", "/_sandbox/clock/advance", advance_clock),
]
