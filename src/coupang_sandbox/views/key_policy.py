"""The control API's answers about keys: a vendor's key policy and a rotation."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from coupang_sandbox.key_policy import PolicyView, Rotated


def instant(moment: datetime | None) -> str | None:
    """An instant as ISO 8601 UTC with ``Z`` (as ``/_sandbox/clock`` answers), or ``None``."""
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def policy(view: PolicyView) -> dict[str, Any]:
    """``GET``/``PUT /_sandbox/vendors/{vendorId}/key-policy``'s ``data``."""
    allowed = view.policy.allowed_ips
    return {
        "vendorId": view.vendor_id,
        "accessKey": view.access_key,
        "allowedIps": None if allowed is None else list(allowed),
        "lifetimeDays": view.policy.lifetime_days,
        "issuedAt": instant(view.issued_at),
        "expiresAt": instant(view.expires_at),
        "previousKeys": [
            {"accessKey": key, "validUntil": instant(until)} for key, until in view.previous
        ],
    }


def rotated(result: Rotated) -> dict[str, Any]:
    """``POST /_sandbox/vendors/{vendorId}/keys/rotate``'s ``data`` (the new secret in clear,
    as ``POST /_sandbox/vendors`` answers it)."""
    return {
        "vendorId": result.vendor.vendor_id,
        "accessKey": result.vendor.access_key,
        "secretKey": result.vendor.secret_key,
        "issuedAt": instant(result.issued_at),
        "expiresAt": instant(result.expires_at),
        "previousAccessKey": result.previous_access_key,
        "previousValidUntil": instant(result.previous_valid_until),
    }
