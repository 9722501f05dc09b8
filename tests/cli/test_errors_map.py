"""Every branch of ``coupang_cli._errors.describe``: the exit code, the message a person reads and
the ``--json`` payload, for exceptions raised by real failing calls (an in-process sandbox over
real HTTP where it can produce the failure; Coupang's documented 403 bodies through the SDK's own
response mapping where the sandbox never answers 403)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from coupang_cli import main
from coupang_cli._errors import (
    EXIT_API_ERROR,
    EXIT_AUTH,
    EXIT_CONNECTION,
    EXIT_RULES,
    EXIT_THROTTLED,
    EXIT_USAGE,
    describe,
)
from coupang_sandbox import SandboxSettings, create_app
from coupang_sandbox.app import close_app
from coupang_seller import (
    APIConnectionError,
    AuthenticationError,
    CircuitOpenError,
    Client,
    ConfigurationError,
    CoupangError,
    DuplicateShippingPlaceError,
    GoneError,
    InvalidSignatureError,
    IPNotAllowedError,
    PermissionDeniedError,
    PreflightError,
    RateLimitError,
    SignatureExpiredError,
    ValidationError,
)
from coupang_seller._ratelimit import CircuitBreaker, RateLimiterRegistry
from coupang_seller.types.shipping_places import PlaceAddress, RemoteInfo
from tests.integration.asgi_sync import SyncASGITransport

VENDOR = ("A00077777", "ak-errors-map", "sk-errors-map-0123456789")
RETIRED_REFUND = f"/v2/providers/openapi/apis/api/v4/vendors/{VENDOR[0]}/orders/1/refunds"


@contextmanager
def _sandbox(rate_limit: float | None) -> Iterator[SyncASGITransport]:
    application = create_app(
        SandboxSettings(
            db_url="sqlite:///:memory:",
            vendors=[VENDOR],
            rate_limit_per_second=rate_limit,
            rate_limit_block_seconds=60.0,
        )
    )
    t = SyncASGITransport(application)
    try:
        yield t
    finally:
        t.close()
        close_app(application)


@pytest.fixture
def transport() -> Iterator[SyncASGITransport]:
    with _sandbox(rate_limit=None) as t:
        yield t


def _client(transport: httpx.BaseTransport, secret: str = VENDOR[2], **kw: Any) -> Client:
    kw.setdefault("rate_limiters", RateLimiterRegistry())
    kw.setdefault("circuit_breaker", CircuitBreaker())
    return Client(
        VENDOR[1],
        secret,
        VENDOR[0],
        base_url="http://127.0.0.1",
        user_id="wing-errors",
        transport=transport,
        rate_limit=None,
        max_retries=0,
        **kw,
    )


def _raised(call: Any) -> CoupangError:
    with pytest.raises(CoupangError) as caught:
        call()
    return caught.value


def _create_place(client: Client) -> str:
    return str(
        client.outbound_shipping_places.create(
            name="오류 출고지",
            addresses=[
                PlaceAddress(
                    addressType="JIBUN",
                    countryCode="KR",
                    companyContactNumber="02-1234-5678",
                    returnZipCode="10516",
                    returnAddress="경기도 파주시 탄현면 월롱산로 294-58",
                )
            ],
            remote_infos=[RemoteInfo(deliveryCode="CJGLS", jeju=5000, notJeju=3000)],
        )
    )


def _assert_json_payload(payload: dict[str, Any], exc: CoupangError) -> None:
    assert payload["type"] == type(exc).__name__
    assert payload["message"] == str(exc)
    json.dumps(payload)  # printable by --json


# -- before anything is sent -------------------------------------------------------------------


def test_preflight_error_is_rules(transport: SyncASGITransport) -> None:
    with _client(transport) as client:
        exc = _raised(lambda: client.outbound_shipping_places.create(name="", addresses=[]))
    assert isinstance(exc, PreflightError)
    code, message, payload = describe(exc)
    assert code == EXIT_RULES
    assert message.startswith(f"not sent, {len(exc.violations)} rule(s) broken:")
    assert payload["violations"] == [v.as_dict() for v in exc.violations]
    _assert_json_payload(payload, exc)


def test_configuration_error_is_usage(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("COUPANG_ACCESS_KEY", "COUPANG_SECRET_KEY", "COUPANG_VENDOR_ID"):
        monkeypatch.delenv(name, raising=False)
    exc = _raised(Client)
    assert isinstance(exc, ConfigurationError)
    code, message, payload = describe(exc)
    assert code == EXIT_USAGE and message.endswith("(see `coupang-seller --help`)")
    _assert_json_payload(payload, exc)


# -- refusals by the sandbox -------------------------------------------------------------------


def test_duplicate_place_is_rules_and_names_the_existing_code(
    transport: SyncASGITransport,
) -> None:
    with _client(transport) as client:
        existing = _create_place(client)
        exc = _raised(lambda: _create_place(client))
    assert isinstance(exc, DuplicateShippingPlaceError)
    code, message, payload = describe(exc)
    assert code == EXIT_RULES
    assert message.startswith(f"already exists as code {existing}: ")
    assert payload["existingCode"] == existing
    assert payload["status"] == exc.status_code and payload["code"] == exc.code
    _assert_json_payload(payload, exc)


def test_validation_error_is_rules_with_the_fields(transport: SyncASGITransport) -> None:
    with _client(transport, preflight=False) as client:
        exc = _raised(lambda: client.outbound_shipping_places.create(name="", addresses=[]))
    assert isinstance(exc, ValidationError) and exc.violations
    code, message, payload = describe(exc)
    assert code == EXIT_RULES
    assert message.startswith("refused by Coupang (HTTP 400): ")
    for violation in exc.violations:
        assert f"  - {violation.field}: {violation.message} [{violation.rule}]" in message
    assert payload["status"] == 400
    assert payload["violations"] == [v.as_dict() for v in exc.violations]


def test_validation_error_without_fields_has_no_detail_lines(
    transport: SyncASGITransport,
) -> None:
    with _client(transport) as client:
        exc = _raised(lambda: client.orders.get(123))
    assert isinstance(exc, ValidationError) and not exc.violations
    code, message, payload = describe(exc)
    assert code == EXIT_RULES and "\n" not in message
    assert payload["violations"] == []


def test_expired_signature_points_at_the_clock(transport: SyncASGITransport) -> None:
    skewed = lambda: datetime.now(UTC) - timedelta(hours=1)  # noqa: E731
    with _client(transport, clock=skewed) as client:
        exc = _raised(client.outbound_shipping_places.list)
    assert isinstance(exc, SignatureExpiredError)
    code, message, payload = describe(exc)
    assert code == EXIT_AUTH
    assert message == f"{exc.message} - check this machine's clock (UTC) and retry"
    assert payload["status"] == 401


def test_invalid_signature_points_at_the_keys(transport: SyncASGITransport) -> None:
    with _client(transport, secret="sk-wrong-0123456789") as client:
        exc = _raised(client.outbound_shipping_places.list)
    assert isinstance(exc, InvalidSignatureError) and isinstance(exc, AuthenticationError)
    code, message, payload = describe(exc)
    assert code == EXIT_AUTH
    assert message.endswith("- check COUPANG_ACCESS_KEY / COUPANG_SECRET_KEY")
    assert payload["status"] == 401


def test_gone_is_a_plain_api_error(transport: SyncASGITransport) -> None:
    with _client(transport) as client:
        exc = _raised(lambda: client.request("POST", RETIRED_REFUND, json={}))
    assert isinstance(exc, GoneError)
    code, message, payload = describe(exc)
    assert code == EXIT_API_ERROR
    assert message == f"HTTP 410: {exc.message}"
    assert payload["status"] == 410


def test_rate_limit_then_circuit_open_are_throttled() -> None:
    with _sandbox(rate_limit=1.0) as transport, _client(transport) as client:
        _create_place(client)  # the gateway's one call this second
        throttled = _raised(lambda: client.request("POST", RETIRED_REFUND, json={}))
        assert isinstance(throttled, RateLimitError)
        code, message, payload = describe(throttled)
        assert code == EXIT_THROTTLED
        assert message == f"HTTP 429: {throttled.message}"
        assert payload["status"] == 429
        # The vendor is blocked: the next call is not even sent.
        circuit = _raised(client.outbound_shipping_places.list)
    assert isinstance(circuit, CircuitOpenError)
    code, message, payload = describe(circuit)
    assert code == EXIT_THROTTLED and message == str(circuit)
    _assert_json_payload(payload, circuit)


# -- what the sandbox never answers: Coupang's 403s, a dead port -------------------------------


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ({"code": "ERROR", "message": "[FORBIDDEN] Not allowed IP"}, IPNotAllowedError),
        ({"code": "ERROR", "message": "forbidden"}, PermissionDeniedError),
    ],
)
def test_forbidden_is_throttled(body: dict[str, Any], error: type[Exception]) -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(403, json=body))
    with _client(transport) as client:
        exc = _raised(client.outbound_shipping_places.list)
    assert isinstance(exc, error) and isinstance(exc, PermissionDeniedError)
    code, message, payload = describe(exc)
    assert code == EXIT_THROTTLED
    assert message == f"HTTP 403: {exc.message}"
    assert payload["status"] == 403


def test_connection_refused_is_connection() -> None:
    with Client(
        *VENDOR[1:],
        VENDOR[0],
        base_url="http://127.0.0.1:9",  # discard port: nothing listens
        rate_limit=None,
        max_retries=0,
        rate_limiters=RateLimiterRegistry(),
        circuit_breaker=CircuitBreaker(),
    ) as client:
        exc = _raised(client.outbound_shipping_places.list)
    assert isinstance(exc, APIConnectionError)
    code, message, _ = describe(exc)
    assert code == EXIT_CONNECTION and message == str(exc)


def test_any_other_coupang_error_is_an_api_error() -> None:
    exc = CoupangError("something the SDK could not classify")
    assert describe(exc) == (
        EXIT_API_ERROR,
        "something the SDK could not classify",
        {"type": "CoupangError", "message": "something the SDK could not classify"},
    )


# -- through the command -----------------------------------------------------------------------


def test_main_prints_the_mapped_error_as_json(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("COUPANG_ACCESS_KEY", "COUPANG_SECRET_KEY", "COUPANG_VENDOR_ID"):
        monkeypatch.delenv(name, raising=False)
    code = main(["--json", "shipping-places", "outbound", "list"])
    assert code == EXIT_USAGE
    captured = capsys.readouterr()
    printed = json.loads(captured.out or captured.err)
    assert "ConfigurationError" in json.dumps(printed)
