"""coupang-seller: a typed SDK (sync and async) for the Coupang seller Open API.

Nothing is read or printed at import time: credentials are resolved when a client is
built. See ``Client`` and ``AsyncClient``.
"""

from coupang_seller._auth import (
    CEAAuth,
    authorization_header,
    compute_signature,
    format_signed_date,
)
from coupang_seller._client import AsyncClient, Client
from coupang_seller._constants import DEFAULT_BASE_URL, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT
from coupang_seller._core import NOT_GIVEN, ClientOptions
from coupang_seller._exceptions import (
    AccessDeniedError,
    AccessKeyExpiredError,
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    BusinessRuleError,
    CircuitOpenError,
    ConfigurationError,
    CoupangError,
    DeadlineExceededError,
    DuplicateShippingPlaceError,
    GatewayTimeoutError,
    GoneError,
    InvalidSignatureError,
    IPNotAllowedError,
    NotFoundError,
    PermissionDeniedError,
    PreflightError,
    RateLimitError,
    ResponseTooLargeError,
    ServerError,
    SignatureExpiredError,
    UnexpectedResponseError,
    ValidationError,
)
from coupang_seller._secret import Secret
from coupang_seller._version import __version__
from coupang_seller.preflight import Violation

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "NOT_GIVEN",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AccessDeniedError",
    "AccessKeyExpiredError",
    "AsyncClient",
    "AuthenticationError",
    "BadRequestError",
    "BusinessRuleError",
    "CEAAuth",
    "CircuitOpenError",
    "Client",
    "ClientOptions",
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
    "Secret",
    "ServerError",
    "SignatureExpiredError",
    "UnexpectedResponseError",
    "ValidationError",
    "Violation",
    "__version__",
    "authorization_header",
    "compute_signature",
    "format_signed_date",
]
