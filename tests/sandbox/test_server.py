"""End to end through a real uvicorn server: what is on the wire is what gets verified."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from tests.sandbox_helpers import (
    JSON_CT,
    MARKETPLACE,
    VENDOR_A,
    outbound_body,
    outbound_url,
    sign,
    signed_date,
)

from coupang_cli._embedded import embedded_sandbox


@pytest.fixture
def base_url(tmp_path: Path) -> Iterator[str]:
    with embedded_sandbox(
        db_url=f"sqlite:///{tmp_path / 'e2e.sqlite3'}", vendors=[VENDOR_A]
    ) as sandbox:
        yield sandbox.base_url


def _auth(method: str, path: str, query: str) -> str:
    date = signed_date()
    signature = sign(VENDOR_A[2], date, method, path, query)
    return f"CEA algorithm=HmacSHA256, access-key={VENDOR_A[1]}, signed-date={date}, signature={signature}"


@pytest.mark.e2e
def test_real_server_round_trip(base_url: str) -> None:
    with httpx.Client(base_url=base_url) as http:
        path = outbound_url()
        created = http.post(
            path,
            json=outbound_body("부산 창고"),
            headers={"Authorization": _auth("POST", path, "")},
        )
        assert created.status_code == 200, created.text
        assert created.headers["content-type"] == JSON_CT
        # a query string as a hand-written client would send it (percent-encoded UTF-8)
        market = f"{MARKETPLACE}/v2/vendor/shipping-place/outbound"
        query = "placeNames=%EB%B6%80%EC%82%B0%20%EC%B0%BD%EA%B3%A0"
        found = http.get(
            f"{market}?{query}", headers={"Authorization": _auth("GET", market, query)}
        )
        assert found.status_code == 200, found.text
        assert [p["shippingPlaceName"] for p in found.json()["content"]] == ["부산 창고"]
        # the same query re-encoded differently is a different wire string -> invalid signature
        other = "placeNames=%eb%b6%80%ec%82%b0%20%ec%b0%bd%ea%b3%a0"
        refused = http.get(
            f"{market}?{other}", headers={"Authorization": _auth("GET", market, query)}
        )
        assert refused.status_code == 401
        missing = http.get("/v2/unknown")
        assert missing.status_code == 404 and missing.json()["code"] == 404
