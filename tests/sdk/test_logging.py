"""The SDK logs at DEBUG without the secret, the signature or buyer personal data."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from tests.sdk.conftest import SECRET, reply

PATH = "/v2/providers/openapi/apis/api/v4/vendors/A00012345/ordersheets"


def test_debug_log_is_redacted(make_client: Any, caplog: pytest.LogCaptureFixture) -> None:
    body = {
        "code": 200,
        "message": "OK",
        "data": [
            {
                "orderId": 1,
                "orderer": {"name": "홍길동", "email": "hong@example.com"},
                "receiver": {"addr1": "서울시 비밀구"},
            }
        ],
    }
    client, recorder = make_client(reply(200, body))
    with caplog.at_level(logging.DEBUG, logger="coupang_seller"):
        client.request("GET", PATH, params={"createdAtFrom": "2026-11-01"})
    text = caplog.text
    signature = recorder.requests[0].headers["Authorization"].rsplit("signature=", 1)[1]
    assert PATH in text  # it did log the call
    for secret in (SECRET, signature, "홍길동", "hong@example.com", "서울시 비밀구"):
        assert secret not in text, secret
    assert "[REDACTED]" in text


def test_sdk_prints_nothing(make_client: Any, capsys: pytest.CaptureFixture[str]) -> None:
    client, _ = make_client(reply(200, {"code": 200, "data": None}))
    client.request("GET", PATH)
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""


def test_error_message_built_from_a_body_hides_buyer_data(make_client: Any) -> None:
    from coupang_seller import ValidationError

    body = {"code": 400, "data": {"receiver": {"name": "홍길동", "addr1": "서울시 비밀구"}}}
    client, _ = make_client(reply(400, body))
    with pytest.raises(ValidationError) as caught:
        client.request("GET", PATH)
    text = str(caught.value)
    assert "receiver" in text and "홍길동" not in text and "서울시 비밀구" not in text
    assert caught.value.body == body  # the caller still has the data
