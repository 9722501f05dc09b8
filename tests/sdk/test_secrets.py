"""Secrets never show in ``str``/``repr`` nor in a traceback's captured locals."""

from __future__ import annotations

import traceback
from collections.abc import Iterator
from datetime import datetime

import httpx
import pytest

from coupang_seller import (
    AsyncClient,
    CEAAuth,
    Client,
    ClientOptions,
    ConfigurationError,
    Secret,
    compute_signature,
)
from coupang_seller._ratelimit import CircuitBreaker
from coupang_seller._redact import RedactingFilter, redact_text
from coupang_seller.resources.sandbox import SandboxVendor
from tests.sdk.conftest import SECRET

TOKEN = "admin-token-very-private-42"
VENDOR = "A00012345"


def _locals_text(exc: BaseException) -> str:
    return "".join(traceback.TracebackException.from_exception(exc, capture_locals=True).format())


def test_secret_masks_itself_and_reveals_on_demand() -> None:
    secret = Secret(SECRET)
    for shown in (str(secret), repr(secret), f"{secret}", f"{secret!r}", str([secret])):
        assert SECRET not in shown
    assert secret.reveal() == SECRET == secret.get_secret_value()
    assert Secret.of(secret) is secret and Secret.of(SECRET) == secret
    assert compute_signature(secret, "m") == compute_signature(SECRET, "m")
    assert redact_text(f"x {SECRET} y", [secret]) == "x [REDACTED] y"
    assert RedactingFilter([secret]) is not None


def test_sandbox_vendor_str_and_repr_hide_the_secret_key() -> None:
    vendor = SandboxVendor.model_validate(
        {"vendorId": VENDOR, "accessKey": "ak-visible", "secretKey": SECRET}
    )
    for shown in (str(vendor), repr(vendor), vendor.model_dump_json(), str(vendor.model_dump())):
        assert SECRET not in shown, shown
    assert "ak-visible" in repr(vendor)
    assert vendor.secretKey.reveal() == SECRET


@pytest.fixture
def client() -> Iterator[Client]:
    with Client(
        "ACCESSKEY-1234",
        SECRET,
        VENDOR,
        base_url="https://gateway.test",
        sandbox_admin_token=TOKEN,
        transport=httpx.MockTransport(lambda r: httpx.Response(404, json={"code": 404})),
        rate_limit=None,
        max_retries=0,
        circuit_breaker=CircuitBreaker(),
    ) as made:
        yield made


def test_client_str_and_repr_hide_the_secrets(client: Client) -> None:
    for shown in (
        str(client),
        repr(client),
        repr(client.options),
        str(client.options.secret_key),
        repr(client._http.auth),
        repr(vars(client)),
    ):
        assert SECRET not in shown and TOKEN not in shown, shown
    assert "ACCE" in repr(client)  # the access key may show partially


def test_options_given_a_plain_str_mask_it() -> None:
    options = ClientOptions(
        access_key="ak",
        secret_key=SECRET,  # type: ignore[arg-type]
        vendor_id=VENDOR,
        base_url="https://gateway.test",
    )
    assert isinstance(options.secret_key, Secret) and SECRET not in repr(options)


def test_repr_of_a_half_built_client_does_not_raise() -> None:
    for cls in (Client, AsyncClient):
        bare = object.__new__(cls)
        assert repr(bare) == f"{cls.__name__}(<not initialised>)"
    half = object.__new__(CEAAuth)
    assert "REDACTED" in repr(half)


def test_repr_inside_a_failing_init_does_not_raise() -> None:
    with pytest.raises(ConfigurationError) as caught:
        Client("ak", SECRET, VENDOR, base_url="http://127.evil.example")
    tb = caught.value.__traceback__
    halves = []
    while tb is not None:
        if tb.tb_frame.f_code.co_name == "__init__" and isinstance(
            tb.tb_frame.f_locals.get("self"), Client
        ):
            halves.append(tb.tb_frame.f_locals["self"])
        tb = tb.tb_next
    assert halves and all(repr(half) == "Client(<not initialised>)" for half in halves)
    assert SECRET not in _locals_text(caught.value)


def test_traceback_locals_of_a_failing_call_hide_the_secrets(client: Client) -> None:
    with pytest.raises(Exception) as caught:
        client.request("GET", "/v2/providers/openapi/apis/api/v5/vendors/A00012345/ordersheets")
    text = _locals_text(caught.value)
    assert "CEAAuth(" in text or "Client(" in text  # locals were captured
    assert SECRET not in text and TOKEN not in text


def test_traceback_locals_of_a_failure_while_signing_hide_the_secret() -> None:
    # A naive clock fails inside the signing code itself, the deepest frame holding the key.
    with (
        Client(
            "ak",
            SECRET,
            VENDOR,
            base_url="https://gateway.test",
            clock=lambda: datetime(2026, 1, 1),
            transport=httpx.MockTransport(lambda r: httpx.Response(200, json={})),
            rate_limit=None,
        ) as naive,
        pytest.raises(ValueError, match="naive") as caught,
    ):
        naive.request("GET", "/x")
    assert SECRET not in _locals_text(caught.value)


def test_traceback_locals_of_a_failing_control_call_hide_the_token(client: Client) -> None:
    with pytest.raises(Exception) as caught:
        client.sandbox.reset()
    text = _locals_text(caught.value)
    assert TOKEN not in text and SECRET not in text


def test_traceback_locals_of_a_failing_init_hide_the_environment_secret(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COUPANG_SECRET_KEY", SECRET)
    with pytest.raises(ConfigurationError) as caught:
        Client("ak", None, VENDOR, base_url="http://127.0.0.1.nip.io")
    text = _locals_text(caught.value)
    assert "resolve_options" in text or "__post_init__" in text
    assert SECRET not in text
