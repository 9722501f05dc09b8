"""Domain errors and the exception handlers that answer every error in Coupang's envelope."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeVar

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from coupang_sandbox.responses import CoupangJSONResponse
from coupang_seller.preflight import Violation

logger = logging.getLogger("coupang_sandbox")


class SandboxError(Exception):
    """An error answered as ``{"code": status, "message": ..., "data": data, **extra}``."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        code: int | str | None = None,
        data: Any = None,
        extra: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code: int | str = status if code is None else code
        self.data = data
        self.extra = dict(extra or {})
        self.headers = dict(headers or {})

    def body(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "data": self.data, **self.extra}

    def response(self) -> CoupangJSONResponse:
        return CoupangJSONResponse(self.body(), self.status, headers=self.headers or None)


class RetiredApi(SandboxError):
    """What the gateway answers for an API Coupang has retired: HTTP 410."""

    def __init__(self, name: str, hint: str) -> None:
        super().__init__(410, f"{name} has been retired by Coupang and is no longer served. {hint}")


class BadRequest(SandboxError):
    def __init__(self, message: str, **kwargs: Any) -> None:
        super().__init__(400, message, **kwargs)


class ValidationFailed(BadRequest):
    """One or more broken rules; every violation is listed under ``errors``."""

    def __init__(self, violations: Sequence[Violation]) -> None:
        self.violations = list(violations)
        message = "; ".join(f"{v.field}: {v.message}" for v in self.violations)
        super().__init__(message, extra={"errors": [v.as_dict() for v in self.violations]})


class NotFound(SandboxError):
    def __init__(self, message: str, **kwargs: Any) -> None:
        super().__init__(404, message, **kwargs)


class Duplicate(BadRequest):
    """Coupang refuses duplicates with HTTP 400; the existing code is given back."""

    def __init__(self, message: str, existing_code: str) -> None:
        super().__init__(
            message,
            data={"resultCode": "FAIL", "resultMessage": existing_code},
            extra={"existingCode": existing_code},
        )
        self.existing_code = existing_code


class Conflict(SandboxError):
    def __init__(self, message: str, **kwargs: Any) -> None:
        super().__init__(409, message, **kwargs)


class PayloadTooLarge(SandboxError):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"Request body is larger than {limit} bytes")


class GatewayAuthError(SandboxError):
    """Refusals of the API gateway's HMAC check: ``{"code": "ERROR", "message", "transactionId"}``."""

    def __init__(self, message: str) -> None:
        super().__init__(401, message, code="ERROR")

    def body(self) -> dict[str, Any]:
        return {"code": "ERROR", "message": self.message, "transactionId": str(uuid.uuid4())}


class TooManyRequests(SandboxError):
    """The gateway's 429 after a vendor exceeded its rate limit (and while it stays blocked)."""

    def __init__(self, vendor_id: str, retry_after: float, header: str) -> None:
        super().__init__(
            429,
            f"Too many requests for vendor {vendor_id}: the limit is per vendorId; "
            f"blocked for {retry_after:.0f} more second(s)",
            code="ERROR",
            headers={"Retry-After": header},
        )


class AdminAuthError(SandboxError):
    def __init__(self) -> None:
        super().__init__(
            401,
            "Control API needs 'Authorization: Bearer <admin token>'",
            headers={"WWW-Authenticate": "Bearer"},
        )


class ControlRefused(SandboxError):
    """A control request (``/_sandbox``) the exposure rules refuse: HTTP 403 naming the header
    (or ``peer``) and the rule, so neither a web page nor a remote peer can drive the sandbox."""

    def __init__(self, field: str, rule: str, message: str) -> None:
        violation = Violation(field, rule, message)
        super().__init__(403, f"{field}: {message}", extra={"errors": [violation.as_dict()]})
        self.violation = violation


class UnsupportedMediaType(SandboxError):
    """A control request body that is not declared JSON: HTTP 415 naming ``Content-Type``."""

    def __init__(self, field: str, rule: str, message: str) -> None:
        violation = Violation(field, rule, message)
        super().__init__(415, f"{field}: {message}", extra={"errors": [violation.as_dict()]})
        self.violation = violation


class TransitionNotAllowed(SandboxError):
    """A state machine refused an event in the current state (HTTP 400)."""

    def __init__(self, machine: str, state: object, event: str) -> None:
        super().__init__(400, f"{machine}: event '{event}' is not allowed in state '{state}'")
        self.machine = machine
        self.state = state
        self.event = event


_T = TypeVar("_T")


def violations_or_raise(violations: Iterable[Violation]) -> None:
    found = list(violations)
    if found:
        raise ValidationFailed(found)


def must_exist(value: _T | None, what: str) -> _T:
    """``value`` when it is there; a 404 naming ``what`` when not (a row read back inside the
    transaction that wrote it, or one a checked reference points at, cannot be missing unless
    the store changed underneath: an explicit answer instead of an ``assert``)."""
    if value is None:
        raise NotFound(f"{what} does not exist")
    return value


# -- Starlette exception handlers -------------------------------------------------------------


async def sandbox_error_handler(request: Request, exc: Exception) -> Response:
    if not isinstance(exc, SandboxError):
        return internal_error_response()
    return exc.response()


async def http_exception_handler(request: Request, exc: Exception) -> Response:
    if not isinstance(exc, HTTPException):
        return internal_error_response()
    if exc.status_code == 404:
        message = f"No matched http method/path: {request.method} {request.url.path}"
    elif exc.status_code == 405:
        message = (
            f"No matched http method/path: {request.method} {request.url.path} (method not allowed)"
        )
    else:
        message = str(exc.detail)
    return CoupangJSONResponse(
        {"code": exc.status_code, "message": message, "data": None},
        exc.status_code,
        headers=dict(exc.headers) if exc.headers else None,
    )


def internal_error_response() -> CoupangJSONResponse:
    return CoupangJSONResponse(
        {"code": 500, "message": "Internal Server Error", "data": None}, status_code=500
    )


async def unexpected_error_handler(request: Request, exc: Exception) -> Response:
    logger.exception("unexpected sandbox error", exc_info=exc)
    return internal_error_response()


EXCEPTION_HANDLERS: dict[Any, Any] = {
    SandboxError: sandbox_error_handler,
    HTTPException: http_exception_handler,
    Exception: unexpected_error_handler,
}
