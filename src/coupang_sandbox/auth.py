"""Verification of Coupang's ``CEA`` HMAC-SHA256 request signatures (independent implementation).

``Authorization: CEA algorithm=HmacSHA256, access-key=..., signed-date=yyMMddTHHmmssZ, signature=hex``
where ``signature = hex(HMAC-SHA256(secret, signed-date + METHOD + path + query))`` over the path
and raw query string exactly as they came on the wire.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from coupang_sandbox.errors import GatewayAuthError
from coupang_sandbox.store import Vendor

MSG_UNAUTHORIZED = "Request is not authorized."
MSG_FORMAT = "HMAC format is invalid."
MSG_EXPIRED = "Specified signature is expired."
MSG_SIGNATURE = "Invalid signature."

_DATE_RE = re.compile(r"^\d{6}T\d{6}Z$")
_HEX_RE = re.compile(r"^[0-9a-f]{64}$")
_FIELDS = frozenset({"algorithm", "access-key", "signed-date", "signature"})


@dataclass(frozen=True, slots=True)
class CeaAuthorization:
    """The parsed ``Authorization: CEA algorithm=..., access-key=..., signed-date=..., signature=...`` header."""

    algorithm: str
    access_key: str
    signed_date: str
    signature: str


def parse_authorization(header: str) -> CeaAuthorization:
    """Parse the ``CEA`` header; raise ``HMAC format is invalid.`` when it is malformed."""
    scheme, _, rest = header.strip().partition(" ")
    if scheme != "CEA" or not rest:
        raise GatewayAuthError(MSG_FORMAT)
    fields: dict[str, str] = {}
    for part in rest.split(","):
        key, sep, value = part.strip().partition("=")
        key = key.strip()
        if not sep or key not in _FIELDS or key in fields:
            raise GatewayAuthError(MSG_FORMAT)
        fields[key] = value.strip()
    if set(fields) != _FIELDS or fields["algorithm"] != "HmacSHA256":
        raise GatewayAuthError(MSG_FORMAT)
    if not fields["access-key"] or not _DATE_RE.match(fields["signed-date"]):
        raise GatewayAuthError(MSG_FORMAT)
    return CeaAuthorization(
        fields["algorithm"], fields["access-key"], fields["signed-date"], fields["signature"]
    )


def parse_signed_date(value: str) -> datetime:
    """The header's ``signed-date`` (``yyMMdd'T'HHmmss'Z'``, UTC) as an aware datetime."""
    try:  # yyMMdd'T'HHmmss'Z' (already matched by _DATE_RE); faster than strptime
        return datetime(
            2000 + int(value[0:2]),
            int(value[2:4]),
            int(value[4:6]),
            int(value[7:9]),
            int(value[9:11]),
            int(value[11:13]),
            tzinfo=UTC,
        )
    except ValueError:
        raise GatewayAuthError(MSG_FORMAT) from None


def string_to_sign(signed_date: str, method: str, path: str, query: str) -> str:
    """Coupang's message to sign: signed date, method, path and query, concatenated."""
    return f"{signed_date}{method}{path}{query}"


def compute_signature(secret_key: str, message: str) -> str:
    """HMAC-SHA256 of ``message`` under ``secret_key``, as lowercase hex."""
    return hmac.new(secret_key.encode("utf-8"), message.encode("utf-8"), hashlib.sha256).hexdigest()


def wire_path_and_query(scope: MutableMapping[str, Any]) -> tuple[str, str]:
    """Path and query string as they were on the wire (not a re-encoded version)."""
    raw_path = scope.get("raw_path")
    if isinstance(raw_path, bytes | bytearray) and raw_path:
        # Some ASGI servers/clients include the query in raw_path; the path ends at '?'.
        path = bytes(raw_path).split(b"?", 1)[0].decode("latin-1")
    else:
        path = str(scope.get("path", ""))
    query = bytes(scope.get("query_string", b"")).decode("latin-1")
    return path, query


def verify(
    scope: MutableMapping[str, Any],
    authorization: str | None,
    *,
    lookup: Callable[[str], Vendor | None],
    wall_clock: Callable[[], datetime],
    skew_seconds: float,
) -> Vendor:
    """Return the calling vendor or raise :class:`GatewayAuthError` (HTTP 401)."""
    if not authorization or not authorization.strip():
        raise GatewayAuthError(MSG_UNAUTHORIZED)
    cea = parse_authorization(authorization)
    signed_at = parse_signed_date(cea.signed_date)
    vendor = lookup(cea.access_key)
    if vendor is None:
        raise GatewayAuthError(MSG_UNAUTHORIZED)
    if abs((wall_clock() - signed_at).total_seconds()) > skew_seconds:
        raise GatewayAuthError(MSG_EXPIRED)
    if not _HEX_RE.match(cea.signature):
        raise GatewayAuthError(MSG_SIGNATURE)
    path, query = wire_path_and_query(scope)
    expected = compute_signature(
        vendor.secret_key, string_to_sign(cea.signed_date, str(scope["method"]), path, query)
    )
    if not hmac.compare_digest(expected, cea.signature):
        raise GatewayAuthError(MSG_SIGNATURE)
    return vendor
