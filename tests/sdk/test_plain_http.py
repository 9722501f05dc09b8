"""Plain ``http://`` is accepted only for ``localhost`` and literal loopback IPs (parsed, not prefixed)."""

from __future__ import annotations

import pytest

from coupang_seller import AsyncClient, Client, ConfigurationError


@pytest.mark.parametrize(
    "base_url",
    [
        "http://127.evil.example",
        "http://127.0.0.1.nip.io",
        "http://127.0.0.1.nip.io:8000",
        "http://localhost.evil.example",
        "http://api-gateway.example.com",
        "http://evil.example#@127.0.0.1",
        "http://[::1",
    ],
)
def test_plain_http_to_a_name_or_remote_host_is_refused(base_url: str) -> None:
    with pytest.raises(ConfigurationError, match="https"):
        Client("ak", "sk", "A00012345", base_url=base_url)
    with pytest.raises(ConfigurationError, match="https"):
        AsyncClient("ak", "sk", "A00012345", base_url=base_url)


@pytest.mark.parametrize(
    "base_url",
    [
        "http://localhost:8000",
        "http://LOCALHOST",
        "http://127.0.0.1:8000",
        "http://127.0.0.2",
        "http://[::1]:8000",
        "https://api-gateway.example.com",
    ],
)
def test_loopback_and_https_are_accepted(base_url: str) -> None:
    with Client("ak", "sk", "A00012345", base_url=base_url) as client:
        assert client.options.base_url == base_url.rstrip("/")
