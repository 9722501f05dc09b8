"""Error mapping, retries, circuit breaker and timeouts of the client core (mock transport)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from coupang_seller import (
    AccessDeniedError,
    APIConnectionError,
    APITimeoutError,
    BusinessRuleError,
    CircuitOpenError,
    ConfigurationError,
    GatewayTimeoutError,
    GoneError,
    InvalidSignatureError,
    IPNotAllowedError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
    SignatureExpiredError,
    ValidationError,
)
from tests.sdk.conftest import fail, reply

OK = {"code": 200, "message": "OK", "data": {"x": 1}}
PATH = "/v2/providers/openapi/apis/api/v4/vendors/A00012345/outboundShippingCenters"


@pytest.mark.parametrize(
    ("status", "body", "error"),
    [
        (400, {"code": 400, "message": "bad pageSize"}, ValidationError),
        (401, {"code": "ERROR", "message": "Invalid signature."}, InvalidSignatureError),
        (401, {"code": "ERROR", "message": "HMAC format is invalid."}, InvalidSignatureError),
        (
            401,
            {"code": "ERROR", "message": "Specified signature is expired."},
            SignatureExpiredError,
        ),
        (403, {"code": "ERROR", "message": "[FORBIDDEN] Not allowed IP"}, IPNotAllowedError),
        (
            403,
            "<html><head><title>Access Denied</title></head><body>no</body></html>",
            AccessDeniedError,
        ),
        (403, {"code": "ERROR", "message": "forbidden"}, PermissionDeniedError),
        (404, {"code": 404, "message": "not found"}, NotFoundError),
        (410, {"code": 410, "message": "retired"}, GoneError),
        (500, {"code": 500, "message": "validation exception"}, ServerError),
        (504, {"code": 504, "message": "timeout"}, GatewayTimeoutError),
        (200, {"code": "ERROR", "message": "배송상태를 변경할 수 없습니다"}, BusinessRuleError),
        (
            200,
            {"code": 200, "message": "OK", "data": {"resultCode": "FAIL", "resultMessage": "nope"}},
            BusinessRuleError,
        ),
    ],
)
def test_error_mapping(make_client: Any, status: int, body: Any, error: type[Exception]) -> None:
    client, recorder = make_client(reply(status, body), max_retries=0)
    with pytest.raises(error) as info:
        client.request("POST", PATH, json={})
    exc = info.value
    assert exc.status_code == status  # type: ignore[attr-defined]
    assert exc.request.method == "POST"  # type: ignore[attr-defined]
    assert exc.body is not None  # type: ignore[attr-defined]
    assert len(recorder.requests) == 1


def test_access_denied_message_is_the_html_title(make_client: Any) -> None:
    client, _ = make_client(reply(403, "<html><title>Access Denied</title></html>"), max_retries=0)
    with pytest.raises(AccessDeniedError, match="Access Denied"):
        client.request("GET", PATH)


def test_partial_failure_is_data_not_an_error(make_client: Any) -> None:
    body = {
        "code": 200,
        "message": "OK",
        "data": {
            "responseCode": 1,
            "responseMessage": "PARTIAL_ERROR",
            "responseList": [
                {"shipmentBoxId": 1, "succeed": True, "resultCode": "OK"},
                {"shipmentBoxId": 2, "succeed": False, "resultCode": "FAIL", "retryRequired": True},
            ],
        },
    }
    client, _ = make_client(reply(200, body))
    result = client.request("PUT", PATH, json={})
    failed = [r for r in result["data"]["responseList"] if not r["succeed"]]
    assert [r["shipmentBoxId"] for r in failed] == [2]


def test_get_retried_on_gateway_errors(make_client: Any, fake_time: Any) -> None:
    client, recorder = make_client(
        reply(502, {"message": "bad gateway"}), reply(503, {}), reply(200, OK)
    )
    assert client.request("GET", PATH) == OK
    assert len(recorder.requests) == 3
    assert len(fake_time.sleeps) == 2 and all(s > 0 for s in fake_time.sleeps)


def test_get_gives_up_after_max_retries(make_client: Any) -> None:
    client, recorder = make_client(reply(503, {"message": "down"}), max_retries=2)
    with pytest.raises(ServerError):
        client.request("GET", PATH)
    assert len(recorder.requests) == 3


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
def test_mutations_not_retried_on_server_errors(make_client: Any, method: str) -> None:
    client, recorder = make_client(reply(503, {"message": "down"}), reply(200, OK))
    with pytest.raises(ServerError):
        client.request(method, PATH, json={"a": 1})
    assert len(recorder.requests) == 1


def test_post_retried_when_connection_failed_before_sending(make_client: Any) -> None:
    client, recorder = make_client(fail(httpx.ConnectError), reply(200, OK))
    assert client.request("POST", PATH, json={}) == OK
    assert len(recorder.requests) == 2


def test_post_not_retried_after_read_timeout(make_client: Any) -> None:
    client, recorder = make_client(fail(httpx.ReadTimeout), reply(200, OK))
    with pytest.raises(APITimeoutError) as info:
        client.request("POST", PATH, json={})
    assert info.value.request_may_have_been_processed is True
    assert "reconcile" in str(info.value)
    assert len(recorder.requests) == 1


def test_get_retried_after_read_timeout(make_client: Any) -> None:
    client, recorder = make_client(fail(httpx.ReadTimeout), reply(200, OK))
    assert client.request("GET", PATH) == OK
    assert len(recorder.requests) == 2


def test_connection_error_exhausted(make_client: Any) -> None:
    client, recorder = make_client(fail(httpx.ConnectError), max_retries=1)
    with pytest.raises(APIConnectionError) as info:
        client.request("POST", PATH, json={})
    assert info.value.request_may_have_been_processed is False
    assert len(recorder.requests) == 2


def test_429_short_retry_after_is_waited_out_on_get(make_client: Any, fake_time: Any) -> None:
    client, recorder = make_client(
        reply(429, {"message": "Too many requests"}, {"Retry-After": "2"}), reply(200, OK)
    )
    assert client.request("GET", PATH) == OK
    assert 2.0 in fake_time.sleeps
    assert len(recorder.requests) == 2


def test_429_opens_circuit_and_next_calls_fail_fast(make_client: Any, fake_time: Any) -> None:
    client, recorder = make_client(
        reply(429, {"message": "Too many requests"}, {"Retry-After": "120"}), reply(200, OK)
    )
    with pytest.raises(RateLimitError) as info:
        client.request("GET", PATH)
    assert info.value.retry_after == 120
    with pytest.raises(CircuitOpenError) as blocked:
        client.request("POST", PATH, json={})
    assert blocked.value.retry_after > 100
    assert len(recorder.requests) == 1  # nothing sent while the circuit is open
    fake_time.now += 121
    assert client.request("GET", PATH) == OK
    assert len(recorder.requests) == 2


def test_429_on_post_is_not_retried(make_client: Any) -> None:
    client, recorder = make_client(
        reply(429, {"message": "Too many"}, {"Retry-After": "1"}), reply(200, OK)
    )
    with pytest.raises(RateLimitError):
        client.request("POST", PATH, json={})
    assert len(recorder.requests) == 1


def test_circuit_is_per_vendor_and_shared_between_clients(make_client: Any, fake_time: Any) -> None:
    from coupang_seller import Client

    client, _ = make_client(reply(429, {"message": "Too many"}, {"Retry-After": "60"}))
    with pytest.raises(RateLimitError):
        client.request("POST", PATH, json={})
    sibling = client.with_options(max_retries=0)
    with pytest.raises(CircuitOpenError):
        sibling.request("GET", PATH)
    other_vendor = Client(
        "AK2",
        "SK2",
        "A00099999",
        base_url="https://gateway.test",
        transport=httpx.MockTransport(lambda r: httpx.Response(200, json=OK)),
        circuit_breaker=client._breaker,
        rate_limit=None,
    )
    with other_vendor:
        assert other_vendor.request("GET", PATH) == OK


def test_access_denied_opens_circuit(make_client: Any) -> None:
    client, recorder = make_client(
        reply(403, "<html><title>Access Denied</title></html>"), reply(200, OK)
    )
    with pytest.raises(AccessDeniedError):
        client.request("GET", PATH)
    with pytest.raises(CircuitOpenError):
        client.request("GET", PATH)
    assert len(recorder.requests) == 1


def test_extended_timeout_header_per_client_and_per_call(make_client: Any) -> None:
    client, recorder = make_client(reply(200, OK), extended_timeout=30)
    client.request("GET", PATH)
    client.request("GET", PATH, extended_timeout=None)
    client.with_options(extended_timeout=90).request("GET", PATH)
    headers = [r.headers.get("X-EXTENDED-TIMEOUT") for r in recorder.requests]
    assert headers == ["30000", None, "90000"]
    read_timeouts = [r.extensions["timeout"]["read"] for r in recorder.requests]
    assert read_timeouts[0] >= 35 and read_timeouts[2] >= 95 and read_timeouts[1] < 30


def test_extended_timeout_out_of_range(make_client: Any) -> None:
    client, _ = make_client(reply(200, OK))
    with pytest.raises(ConfigurationError):
        client.request("GET", PATH, extended_timeout=600)


def test_content_type_and_json_body(make_client: Any) -> None:
    client, recorder = make_client(reply(200, OK))
    client.request("POST", PATH, json={"name": "출고지"})
    request = recorder.requests[0]
    assert request.headers["Content-Type"] == "application/json;charset=UTF-8"
    assert request.content.decode() == '{"name":"출고지"}'


def test_query_in_path_is_refused(make_client: Any) -> None:
    client, _ = make_client(reply(200, OK))
    with pytest.raises(ValueError, match="params"):
        client.request("GET", PATH + "?a=1")


def test_config_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    from coupang_seller import Client

    monkeypatch.setenv("COUPANG_ACCESS_KEY", "env-ak")
    monkeypatch.setenv("COUPANG_SECRET_KEY", "env-sk")
    monkeypatch.setenv("COUPANG_VENDOR_ID", "A00000001")
    monkeypatch.setenv("COUPANG_BASE_URL", "http://127.0.0.1:9999/")
    with Client() as client:
        assert client.vendor_id == "A00000001"
        assert client.options.base_url == "http://127.0.0.1:9999"
    with Client(vendor_id="A00000002", base_url="https://other.test") as client:
        assert client.vendor_id == "A00000002"
        assert client.options.access_key == "env-ak"


def test_missing_credentials_named(monkeypatch: pytest.MonkeyPatch) -> None:
    from coupang_seller import Client

    for name in (
        "COUPANG_ACCESS_KEY",
        "COUPANG_SECRET_KEY",
        "COUPANG_VENDOR_ID",
        "COUPANG_BASE_URL",
    ):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(ConfigurationError, match="COUPANG_SECRET_KEY"):
        Client(access_key="x", vendor_id="A1")


def test_plain_http_only_on_loopback() -> None:
    from coupang_seller import Client

    with pytest.raises(ConfigurationError, match="https"):
        Client("a", "b", "A1", base_url="http://api-gateway.example.com")
