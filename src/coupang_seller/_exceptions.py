"""Exceptions raised by coupang-seller.

The hierarchy::

    CoupangError
    ├── ConfigurationError            missing credentials / vendor id / bad option
    ├── PreflightError                a rule was broken; nothing was sent (``.violations``)
    ├── CircuitOpenError              the vendor was rate limited or blocked recently; nothing was sent
    ├── APIConnectionError            the request could not be delivered, or no usable answer
    │   │                             came back (``.request_may_have_been_processed``)
    │   ├── APITimeoutError           no answer in time (httpx's connect/read/write timeouts)
    │   │   └── DeadlineExceededError   the call's overall deadline passed, retries included
    │   │                               (``.deadline``); never retried
    │   └── ResponseTooLargeError     the answer's body went past the size cap (``.limit``,
    │                                 ``.status_code``); reading stopped, never retried
    └── APIStatusError                Coupang answered with an error (``.status_code``, ``.code``,
        │                             ``.message``, ``.body``, ``.request``, ``.response``)
        ├── BadRequestError           400 in general
        │   └── ValidationError       400 naming fields (``.violations``)
        ├── AuthenticationError       401
        │   ├── InvalidSignatureError   "Invalid signature." / "HMAC format is invalid."
        │   ├── SignatureExpiredError   "Specified signature is expired." (check the clock)
        │   └── AccessKeyExpiredError   the key passed its 180 days, or was rotated out
        ├── PermissionDeniedError     403 and the 302 block answer
        │   ├── IPNotAllowedError       "[FORBIDDEN] Not allowed IP"
        │   └── AccessDeniedError       the gateway's HTML "Access Denied" page (temporary block)
        ├── NotFoundError             404 (wrong path or a vendorId that is not yours)
        ├── GoneError                 410 (retired API)
        ├── RateLimitError            429 (``.retry_after``)
        ├── BusinessRuleError         refused by a business rule, even with HTTP 200
        │   └── DuplicateShippingPlaceError (``.existing_code``)
        ├── ServerError               5xx
        │   └── GatewayTimeoutError     504 (send ``extended_timeout``)
        └── UnexpectedResponseError   a 2xx body that does not have the documented shape

Partial failures of bulk calls are *not* exceptions: they come back as data
(``responseCode`` 1, per-item ``succeed: false``) for the caller to act on.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import httpx

from coupang_seller.preflight._core import Violation

__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AccessDeniedError",
    "AccessKeyExpiredError",
    "AuthenticationError",
    "BadRequestError",
    "BusinessRuleError",
    "CircuitOpenError",
    "ConfigurationError",
    "CoupangError",
    "DeadlineExceededError",
    "DuplicateShippingPlaceError",
    "GatewayTimeoutError",
    "GoneError",
    "IPNotAllowedError",
    "InvalidSignatureError",
    "NotFoundError",
    "PermissionDeniedError",
    "PreflightError",
    "RateLimitError",
    "ResponseTooLargeError",
    "ServerError",
    "SignatureExpiredError",
    "UnexpectedResponseError",
    "ValidationError",
]


class CoupangError(Exception):
    """Base of every error this package raises."""


class ConfigurationError(CoupangError):
    """Bad client settings (credentials, timeouts, retries, limits), raised before any call."""


class PreflightError(CoupangError):
    """A request broke one of Coupang's rules; it was not sent."""

    def __init__(self, violations: Sequence[Violation], *, operation: str = "") -> None:
        self.violations = list(violations)
        self.operation = operation
        lines = "; ".join(str(v) for v in self.violations)
        where = f"{operation}: " if operation else ""
        super().__init__(f"{where}{len(self.violations)} rule violation(s): {lines}")


class CircuitOpenError(CoupangError):
    """Calls for this vendor are paused after a 429 or a block; nothing was sent."""

    def __init__(self, vendor_id: str, remaining: float) -> None:
        self.vendor_id = vendor_id
        self.retry_after = remaining
        super().__init__(
            f"calls for vendor {vendor_id} are paused for {remaining:.1f}s more after Coupang "
            "rate limited or blocked them; repeated abuse can turn a temporary block permanent"
        )


class APIConnectionError(CoupangError):
    """The request could not be delivered or no response came back."""

    def __init__(
        self, message: str, *, request: httpx.Request, request_may_have_been_processed: bool
    ) -> None:
        self.request = request
        self.request_may_have_been_processed = request_may_have_been_processed
        super().__init__(message)


class APITimeoutError(APIConnectionError):
    """No answer in time; ``request_may_have_been_processed`` says whether it was sent."""


class DeadlineExceededError(APITimeoutError):
    """The call's overall deadline (``deadline=``, retries and waits included) passed.

    Unlike httpx's per-read timeout, this also ends a server that drips its answer a byte
    at a time. It is never retried; a write may have been processed
    (``request_may_have_been_processed``): reconcile before resending.
    """

    def __init__(
        self,
        message: str,
        *,
        request: httpx.Request,
        request_may_have_been_processed: bool,
        deadline: float,
    ) -> None:
        self.deadline = deadline
        super().__init__(
            message,
            request=request,
            request_may_have_been_processed=request_may_have_been_processed,
        )


class ResponseTooLargeError(APIConnectionError):
    """The answer's body went past ``max_response_bytes``; the SDK stopped reading it.

    The server answered, so the request was processed (``request_may_have_been_processed``
    is true). ``status_code`` is the answer's status, ``limit`` the cap in bytes and
    ``received`` the bytes read (or announced by ``Content-Length``) when it stopped.
    """

    def __init__(
        self,
        message: str,
        *,
        request: httpx.Request,
        status_code: int,
        limit: int,
        received: int,
    ) -> None:
        self.status_code = status_code
        self.limit = limit
        self.received = received
        super().__init__(message, request=request, request_may_have_been_processed=True)


class APIStatusError(CoupangError):
    """Coupang answered, and the answer is an error."""

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        code: Any,
        body: Any,
        request: httpx.Request,
        response: httpx.Response,
    ) -> None:
        self.message = message
        self.status_code = status_code
        self.code = code
        self.body = body
        self.request = request
        self.response = response
        super().__init__(f"HTTP {status_code} {request.method} {request.url.path}: {message}")


class BadRequestError(APIStatusError):
    """HTTP 400: Coupang refused the request as malformed."""


class ValidationError(BadRequestError):
    """400 with the offending fields; ``violations`` lists them when the server names them."""

    @property
    def violations(self) -> list[Violation]:
        """The field-level violations listed in the error body's ``errors`` (empty when none)."""
        errors = self.body.get("errors") if isinstance(self.body, dict) else None
        if not isinstance(errors, list):
            return []
        return [
            Violation(str(e.get("field", "")), str(e.get("rule", "")), str(e.get("message", "")))
            for e in errors
            if isinstance(e, dict)
        ]


class AuthenticationError(APIStatusError):
    """HTTP 401: the HMAC Authorization header was not accepted."""


class InvalidSignatureError(AuthenticationError):
    """HTTP 401 naming the signature: the HMAC did not match (wrong secret key or signed message)."""


class SignatureExpiredError(AuthenticationError):
    """Usually a wrong system clock: the signed-date must be current UTC."""


class AccessKeyExpiredError(AuthenticationError):
    """HTTP 401 ``Specified access key is expired.``: the OPEN API key is past its lifetime
    (180 days since it was issued) or was replaced by a rotation; reissue it in WING and
    configure the new access and secret keys."""


class PermissionDeniedError(APIStatusError):
    """HTTP 403 (or a gateway 302): the vendor may not call this API."""


class IPNotAllowedError(PermissionDeniedError):
    """HTTP 403 ``not allowed ip``: the caller's IP is not registered in WING."""


class AccessDeniedError(PermissionDeniedError):
    """The gateway's temporary block after bursts of errors (an HTML page, not JSON)."""


class NotFoundError(APIStatusError):
    """HTTP 404: the path or the addressed object (product, order, coupon...) does not exist."""


class GoneError(APIStatusError):
    """HTTP 410: the API version or object is no longer served."""


class RateLimitError(APIStatusError):
    """HTTP 429: too many calls; ``retry_after`` holds the server's Retry-After seconds, if any."""

    def __init__(self, message: str, *, retry_after: float | None, **kwargs: Any) -> None:
        self.retry_after = retry_after
        super().__init__(message, **kwargs)


class BusinessRuleError(APIStatusError):
    """Coupang refused on a business rule (HTTP 409, or an error code inside a 2xx answer)."""


class DuplicateShippingPlaceError(BusinessRuleError):
    """The place already exists; ``existing_code`` is its code (use it instead of creating)."""

    def __init__(self, message: str, *, existing_code: str, **kwargs: Any) -> None:
        self.existing_code = existing_code
        super().__init__(message, **kwargs)


class ServerError(APIStatusError):
    """HTTP 5xx: a failure on Coupang's side."""


class GatewayTimeoutError(ServerError):
    """HTTP 504: the gateway gave up waiting (3 s by default; see ``extended_timeout``)."""


class UnexpectedResponseError(APIStatusError):
    """A successful answer whose body does not fit the documented shape (``.body`` has it)."""
