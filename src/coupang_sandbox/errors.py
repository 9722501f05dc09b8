"""Domain errors and the exception handlers that answer every error in Coupang's envelope."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeVar

from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout
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
        """``status`` is the HTTP status; ``code`` the envelope's ``code`` (default: status)."""
        super().__init__(message)
        self.status = status
        self.message = message
        self.code: int | str = status if code is None else code
        self.data = data
        self.extra = dict(extra or {})
        self.headers = dict(headers or {})

    def body(self) -> dict[str, Any]:
        """The JSON body: the envelope plus ``extra`` keys."""
        return {"code": self.code, "message": self.message, "data": self.data, **self.extra}

    def response(self) -> CoupangJSONResponse:
        """The HTTP answer: :meth:`body` with :attr:`status` and the headers."""
        return CoupangJSONResponse(self.body(), self.status, headers=self.headers or None)


class RetiredApi(SandboxError):
    """What the gateway answers for an API Coupang has retired: HTTP 410."""

    def __init__(self, name: str, hint: str) -> None:
        """``name`` is the retired call; ``hint`` says what to use instead."""
        super().__init__(410, f"{name} has been retired by Coupang and is no longer served. {hint}")


class BadRequest(SandboxError):
    """HTTP 400: the request is malformed or breaks a rule; ``message`` says which."""

    def __init__(self, message: str, **kwargs: Any) -> None:
        """A 400 with ``message``; ``kwargs`` as for :class:`SandboxError`."""
        super().__init__(400, message, **kwargs)


class ValidationFailed(BadRequest):
    """One or more broken rules; every violation is listed under ``errors``."""

    def __init__(self, violations: Sequence[Violation]) -> None:
        """A 400 listing every violation (``field: message``, joined by ``; ``)."""
        self.violations = list(violations)
        message = "; ".join(f"{v.field}: {v.message}" for v in self.violations)
        super().__init__(message, extra={"errors": [v.as_dict() for v in self.violations]})


class NotFound(SandboxError):
    """HTTP 404: the named thing (order, product, place, ...) does not exist for this caller."""

    def __init__(self, message: str, **kwargs: Any) -> None:
        """A 404 with ``message``; ``kwargs`` as for :class:`SandboxError`."""
        super().__init__(404, message, **kwargs)


class Duplicate(BadRequest):
    """Coupang refuses duplicates with HTTP 400; the existing code is given back."""

    def __init__(self, message: str, existing_code: str) -> None:
        """A 400 naming the duplicate, with ``existing_code`` in ``data`` and ``existingCode``."""
        super().__init__(
            message,
            data={"resultCode": "FAIL", "resultMessage": existing_code},
            extra={"existingCode": existing_code},
        )
        self.existing_code = existing_code


class Conflict(SandboxError):
    """HTTP 409: the request clashes with the current state (nothing left to cancel, ...)."""

    def __init__(self, message: str, **kwargs: Any) -> None:
        """A 409 with ``message``; ``kwargs`` as for :class:`SandboxError`."""
        super().__init__(409, message, **kwargs)


class PayloadTooLarge(SandboxError):
    """HTTP 413: the request body is over the sandbox's size limit."""

    def __init__(self, limit: int) -> None:
        """A 413 naming ``limit`` in bytes."""
        super().__init__(413, f"Request body is larger than {limit} bytes")


class GatewayAuthError(SandboxError):
    """Refusals of the API gateway's HMAC check: ``{"code": "ERROR", "message", "transactionId"}``."""

    def __init__(self, message: str) -> None:
        """A 401 with ``message`` saying why the signature was refused."""
        super().__init__(401, message, code="ERROR")

    def body(self) -> dict[str, Any]:
        """The gateway's body (not the openapi envelope), with a fresh ``transactionId``."""
        return {"code": "ERROR", "message": self.message, "transactionId": str(uuid.uuid4())}


class TooManyRequests(SandboxError):
    """The gateway's 429 after a vendor exceeded its rate limit (and while it stays blocked)."""

    def __init__(self, vendor_id: str, retry_after: float, header: str) -> None:
        """A 429 for ``vendor_id`` with ``Retry-After: header``; ``retry_after`` in seconds."""
        super().__init__(
            429,
            f"Too many requests for vendor {vendor_id}: the limit is per vendorId; "
            f"blocked for {retry_after:.0f} more second(s)",
            code="ERROR",
            headers={"Retry-After": header},
        )


class AdminAuthError(SandboxError):
    """HTTP 401 with ``WWW-Authenticate: Bearer``: a control (``/_sandbox``) request without the
    admin token."""

    def __init__(self) -> None:
        """The 401 asking for the admin bearer token."""
        super().__init__(
            401,
            "Control API needs 'Authorization: Bearer <admin token>'",
            headers={"WWW-Authenticate": "Bearer"},
        )


class ControlRefused(SandboxError):
    """A control request (``/_sandbox``) the exposure rules refuse: HTTP 403 naming the header
    (or ``peer``) and the rule, so neither a web page nor a remote peer can drive the sandbox."""

    def __init__(self, field: str, rule: str, message: str) -> None:
        """A 403 with one violation: ``field``, ``rule`` and ``message``."""
        violation = Violation(field, rule, message)
        super().__init__(403, f"{field}: {message}", extra={"errors": [violation.as_dict()]})
        self.violation = violation


class UnsupportedMediaType(SandboxError):
    """A control request body that is not declared JSON: HTTP 415 naming ``Content-Type``."""

    def __init__(self, field: str, rule: str, message: str) -> None:
        """A 415 with one violation: ``field``, ``rule`` and ``message``."""
        violation = Violation(field, rule, message)
        super().__init__(415, f"{field}: {message}", extra={"errors": [violation.as_dict()]})
        self.violation = violation


class TransitionNotAllowed(SandboxError):
    """A state machine refused an event in the current state (HTTP 400)."""

    def __init__(self, machine: str, state: object, event: str) -> None:
        """A 400 naming the ``machine``, the ``state`` it is in and the refused ``event``."""
        super().__init__(400, f"{machine}: event '{event}' is not allowed in state '{state}'")
        self.machine = machine
        self.state = state
        self.event = event


class StoreUnavailable(SandboxError):
    """The store refused the work (full, locked, read-only): a 5xx in Coupang's envelope that
    says what is wrong with the store, never a bare "Internal Server Error"."""

    def __init__(self, status: int, message: str, *, retry_after: int | None = None) -> None:
        """A ``status`` (503 or 507) with ``message``; ``retry_after`` s when a retry helps."""
        headers = None if retry_after is None else {"Retry-After": str(retry_after)}
        super().__init__(status, message, headers=headers)


#: SQLite's primary result codes (``sqlite3.Error.sqlite_errorcode & 0xFF``).
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY, _SQLITE_FULL = 5, 6, 8, 13
#: PostgreSQL SQLSTATEs: disk full, read-only transaction, lock not available, deadlock,
#: serialization failure, and the "insufficient resources" / "cannot connect now" classes.
_PG_FULL = frozenset({"53100"})
_PG_READ_ONLY = frozenset({"25006"})
_PG_RETRY = frozenset({"55P03", "40P01", "40001", "57P03", "53300"})

_MSG_FULL = (
    "The sandbox store is full ({reason}): the write was not saved. Free disk space "
    "(or raise the database's size limit), then retry."
)
_MSG_BUSY = (
    "The sandbox store is busy ({reason}): another connection held its lock too long. "
    "Nothing was saved; retry shortly."
)
_MSG_READ_ONLY = (
    "The sandbox store is read-only ({reason}): the write was not saved. Give the sandbox a "
    "writable database file or a writable PostgreSQL database."
)


def store_failure(exc: BaseException) -> StoreUnavailable | None:
    """The answer for a store failure (507 full; 503 locked, busy or read-only, with
    Retry-After when a retry can succeed), or ``None`` when ``exc`` is not one of those."""
    if isinstance(exc, PoolTimeout):  # every pooled connection stayed busy
        return StoreUnavailable(503, _MSG_BUSY.format(reason=str(exc)[:120]), retry_after=1)
    if not isinstance(exc, DBAPIError):
        return None
    orig = exc.orig
    first = (str(orig).strip().splitlines() or [type(orig).__name__])[0][:200]
    sqlite_code = getattr(orig, "sqlite_errorcode", None)
    sqlstate = getattr(orig, "sqlstate", None)
    primary = sqlite_code & 0xFF if isinstance(sqlite_code, int) else None
    if primary == _SQLITE_FULL or sqlstate in _PG_FULL:
        return StoreUnavailable(507, _MSG_FULL.format(reason=first))
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED) or sqlstate in _PG_RETRY:
        return StoreUnavailable(503, _MSG_BUSY.format(reason=first), retry_after=1)
    if primary == _SQLITE_READONLY or sqlstate in _PG_READ_ONLY:
        return StoreUnavailable(503, _MSG_READ_ONLY.format(reason=first))
    return None


_T = TypeVar("_T")


def violations_or_raise(violations: Iterable[Violation]) -> None:
    """Raise :class:`ValidationFailed` (400) listing ``violations``, when there are any."""
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
    """Answer a :class:`SandboxError` with its own status and envelope."""
    if not isinstance(exc, SandboxError):
        return internal_error_response()
    return exc.response()


async def http_exception_handler(request: Request, exc: Exception) -> Response:
    """Answer Starlette's HTTP errors in Coupang's envelope (404/405: "No matched http
    method/path", as the gateway says)."""
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
    """The bare 500 in Coupang's envelope (no detail of the failure is given away)."""
    return CoupangJSONResponse(
        {"code": 500, "message": "Internal Server Error", "data": None}, status_code=500
    )


async def unexpected_error_handler(request: Request, exc: Exception) -> Response:
    """Answer any other exception: a store failure as 503/507, anything else as a logged 500."""
    failure = store_failure(exc)
    if failure is not None:
        logger.warning("sandbox store failure: %s", failure.message)
        return failure.response()
    logger.exception("unexpected sandbox error", exc_info=exc)
    return internal_error_response()


EXCEPTION_HANDLERS: dict[Any, Any] = {
    SandboxError: sandbox_error_handler,
    HTTPException: http_exception_handler,
    Exception: unexpected_error_handler,
}
