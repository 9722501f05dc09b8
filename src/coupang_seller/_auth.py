"""CEA HMAC-SHA256 request signing, as an :class:`httpx.Auth`.

Coupang signs ``signed-date + METHOD + path + query`` where the query is the raw,
already-encoded query string *as it goes on the wire*, without the ``?``. The body is
never signed. The most common bug in public clients is signing one query and sending
another (re-encoding, reordering, ``~`` handling); :class:`CEAAuth` avoids it by signing
``request.url.raw_path`` — the exact bytes httpx writes to the socket — at send time.

The signed-date is UTC formatted ``yyMMdd'T'HHmmss'Z'``. The clock is injectable and must
return an *aware* datetime; a naive one is refused rather than silently assumed to be UTC
(the other classic bug: local time labelled as UTC).
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable, Generator
from datetime import UTC, datetime

import httpx
import pydantic

from coupang_seller._secret import Secret, reveal

__all__ = [
    "CEAAuth",
    "authorization_header",
    "compute_signature",
    "format_signed_date",
    "signing_message",
    "utc_now",
]

SIGNED_DATE_FORMAT = "%y%m%dT%H%M%SZ"
ALGORITHM = "HmacSHA256"

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """The current time in UTC (the clock the HMAC signature's signed-date uses)."""
    return datetime.now(UTC)


def format_signed_date(moment: datetime) -> str:
    """Format an aware datetime as Coupang's signed-date (``yyMMdd'T'HHmmss'Z'``, UTC)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("signing clock returned a naive datetime; return an aware datetime (UTC)")
    return moment.astimezone(UTC).strftime(SIGNED_DATE_FORMAT)


def signing_message(signed_date: str, method: str, path: str, query: str) -> str:
    """The exact string that is signed. ``query`` has no leading ``?``; empty when absent."""
    if query.startswith("?"):
        raise ValueError("query must not start with '?'")
    return f"{signed_date}{method.upper()}{path}{query}"


def compute_signature(secret_key: str | pydantic.SecretStr, message: str) -> str:
    """Hex HMAC-SHA256 of ``message`` under ``secret_key`` (a ``str`` or a :class:`Secret`).

    The value of a :class:`Secret` is revealed inside the expression only, never bound to a
    local variable a traceback could show.
    """
    return hmac.new(
        reveal(secret_key).encode("utf-8"), message.encode("utf-8"), hashlib.sha256
    ).hexdigest()


def authorization_header(
    access_key: str,
    secret_key: str | pydantic.SecretStr,
    method: str,
    path: str,
    query: str,
    *,
    moment: datetime,
) -> str:
    """The ``Authorization`` header value for one request (CEA, HmacSHA256)."""
    signed_date = format_signed_date(moment)
    signature = compute_signature(secret_key, signing_message(signed_date, method, path, query))
    return (
        f"CEA algorithm={ALGORITHM}, access-key={access_key}, "
        f"signed-date={signed_date}, signature={signature}"
    )


def split_raw_path(raw_path: bytes) -> tuple[str, str]:
    """Split httpx's ``raw_path`` (``/path?query``) into the two signed parts."""
    path, _, query = raw_path.partition(b"?")
    return path.decode("ascii"), query.decode("ascii")


class CEAAuth(httpx.Auth):
    """Signs every request with Coupang's CEA scheme, right before it is sent."""

    def __init__(
        self,
        access_key: str,
        secret_key: str | pydantic.SecretStr,
        *,
        clock: Clock | None = None,
    ) -> None:
        self._secret_key = Secret.of(secret_key)
        del secret_key  # only the masked copy stays in this frame
        if not access_key or not len(self._secret_key):
            raise ValueError("access_key and secret_key are required")
        self._access_key = access_key
        self._clock: Clock = clock or utc_now
        # Keyed once: each request copies the keyed state instead of hashing the key again.
        # The HMAC state is not the secret (it cannot be read back from it) and shows nothing.
        self._keyed = hmac.new(reveal(self._secret_key).encode("utf-8"), digestmod=hashlib.sha256)
        self._prefix = f"CEA algorithm={ALGORITHM}, access-key={access_key}, signed-date="

    @property
    def access_key(self) -> str:
        """The access key this signer puts in the Authorization header."""
        return self._access_key

    def sign(self, request: httpx.Request) -> None:
        """Set the ``Authorization`` header over ``request.url.raw_path``, the exact path and
        query httpx writes to the socket, dated now (the clock given, else UTC)."""
        path, query = split_raw_path(request.url.raw_path)
        signed_date = format_signed_date(self._clock())
        mac = self._keyed.copy()
        mac.update(signing_message(signed_date, request.method, path, query).encode("utf-8"))
        request.headers["Authorization"] = (
            f"{self._prefix}{signed_date}, signature={mac.hexdigest()}"
        )

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        """httpx auth hook: sign the request with CEA HMAC-SHA256 and send it."""
        self.sign(request)
        yield request

    def __repr__(self) -> str:
        access_key = getattr(self, "_access_key", "")
        return f"CEAAuth(access_key={access_key[:4]}…, secret_key=[REDACTED])"
