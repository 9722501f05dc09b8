"""Exit codes and error messages a person can act on."""

from __future__ import annotations

from typing import Any

from coupang_seller import (
    AccessKeyExpiredError,
    APIConnectionError,
    APIStatusError,
    AuthenticationError,
    CircuitOpenError,
    ConfigurationError,
    CoupangError,
    DuplicateShippingPlaceError,
    PermissionDeniedError,
    PreflightError,
    RateLimitError,
    SignatureExpiredError,
    ValidationError,
)

EXIT_OK = 0
EXIT_API_ERROR = 1
EXIT_USAGE = 2
EXIT_RULES = 3
EXIT_AUTH = 4
EXIT_THROTTLED = 5
EXIT_CONNECTION = 6
#: The sandbox cannot start: its port is taken, or its store is missing, unreachable or read-only.
EXIT_UNAVAILABLE = 7
#: Stopped by Ctrl-C (128 + SIGINT, as shells report it). ``sandbox serve`` stops with 0.
EXIT_INTERRUPTED = 130
#: The reader of the output went away (``| head``): 128 + SIGPIPE, as shells report it.
EXIT_BROKEN_PIPE = 141


def describe(exc: CoupangError) -> tuple[int, str, dict[str, Any]]:
    """(exit code, message for a person, payload for --json)."""
    payload: dict[str, Any] = {"type": type(exc).__name__, "message": str(exc)}
    if isinstance(exc, PreflightError):
        payload["violations"] = [v.as_dict() for v in exc.violations]
        lines = "\n".join(f"  - {v.field}: {v.message} [{v.rule}]" for v in exc.violations)
        return EXIT_RULES, f"not sent, {len(exc.violations)} rule(s) broken:\n{lines}", payload
    if isinstance(exc, ConfigurationError):
        return EXIT_USAGE, f"{exc} (see `coupang-seller --help`)", payload
    if isinstance(exc, CircuitOpenError):
        return EXIT_THROTTLED, str(exc), payload
    if isinstance(exc, APIConnectionError):
        return EXIT_CONNECTION, str(exc), payload
    if isinstance(exc, APIStatusError):
        payload.update(status=exc.status_code, code=exc.code)
        if isinstance(exc, DuplicateShippingPlaceError):
            payload["existingCode"] = exc.existing_code
            return EXIT_RULES, f"already exists as code {exc.existing_code}: {exc.message}", payload
        if isinstance(exc, ValidationError):
            violations = exc.violations
            payload["violations"] = [v.as_dict() for v in violations]
            detail = "\n".join(f"  - {v.field}: {v.message} [{v.rule}]" for v in violations)
            return (
                EXIT_RULES,
                f"refused by Coupang (HTTP 400): {exc.message}" + (f"\n{detail}" if detail else ""),
                payload,
            )
        if isinstance(exc, AccessKeyExpiredError):
            return (
                EXIT_AUTH,
                f"{exc.message} - the OPEN API key is past its lifetime or was rotated out: "
                "reissue it in WING and set COUPANG_ACCESS_KEY / COUPANG_SECRET_KEY",
                payload,
            )
        if isinstance(exc, SignatureExpiredError):
            return EXIT_AUTH, f"{exc.message} - check this machine's clock (UTC) and retry", payload
        if isinstance(exc, AuthenticationError):
            return (
                EXIT_AUTH,
                f"{exc.message} - check COUPANG_ACCESS_KEY / COUPANG_SECRET_KEY",
                payload,
            )
        if isinstance(exc, RateLimitError | PermissionDeniedError):
            return EXIT_THROTTLED, f"HTTP {exc.status_code}: {exc.message}", payload
        return EXIT_API_ERROR, f"HTTP {exc.status_code}: {exc.message}", payload
    return EXIT_API_ERROR, str(exc), payload
