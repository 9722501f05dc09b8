"""Fixtures of the customer-service tests: the order tests' market (an approved two-item
product on a frozen sandbox clock, SQLite and PostgreSQL), paths, and small helpers that put
inquiries in place through the control API."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import httpx

from tests.orders.conftest import START, Market, market  # noqa: F401  (fixture)
from tests.products.conftest import (  # noqa: F401  (fixtures, registered by import)
    OTHER,
    USER,
    VENDOR,
    RawApi,
    aclient,
    api,
    app,
    catalog_module,
    client,
    other_client,
    settings,
    transport,
)

OPENAPI = "/v2/providers/openapi/apis/api"
VID = VENDOR[0]
#: START is 2025-07-15 14:00 KST; a 7-day window around it.
DAY = date(2025, 7, 15)
FROM = "2025-07-12"
TO = "2025-07-18"
SAMPLES = Path(__file__).parent / "samples"


def sample(name: str) -> Any:
    return json.loads((SAMPLES / f"{name}.json").read_text(encoding="utf-8"))


def online_path(version: str = "v5", tail: str = "", vendor: str = VID) -> str:
    return f"{OPENAPI}/{version}/vendors/{vendor}/onlineInquiries{tail}"


def call_center_path(version: str = "v5", tail: str = "", vendor: str = VID) -> str:
    return f"{OPENAPI}/{version}/vendors/{vendor}/callCenterInquiries{tail}"


def single_path(inquiry_id: int | str) -> str:
    return f"{OPENAPI}/v5/vendors/callCenterInquiries/{inquiry_id}"


def online_params(**more: Any) -> dict[str, Any]:
    return {
        "vendorId": VID, "inquiryStartAt": FROM, "inquiryEndAt": TO, "answeredType": "ALL",
        **more,
    }  # fmt: skip


def call_center_params(**more: Any) -> dict[str, Any]:
    return {
        "vendorId": VID, "inquiryStartAt": FROM, "inquiryEndAt": TO,
        "partnerCounselingStatus": "NONE", **more,
    }  # fmt: skip


def ok(response: httpx.Response) -> Any:
    assert response.status_code == 200, response.text
    return response.json()


def refused(response: httpx.Response, field: str, rule: str, status: int = 400) -> dict[str, Any]:
    """The response is a refusal naming ``field`` and ``rule`` in Coupang's envelope."""
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    assert body["code"] == status
    assert {"field": field, "rule": rule} in [
        {"field": e["field"], "rule": e["rule"]} for e in body.get("errors", [])
    ], body
    return body


def placed_order(market: Market) -> int:  # noqa: F811
    placed = market.visible_order({market.items[0]: 1, market.items[1]: 1})
    return int(placed.orderId)


__all__ = [
    "DAY",
    "FROM",
    "OTHER",
    "START",
    "TO",
    "USER",
    "VENDOR",
    "VID",
    "Market",
    "RawApi",
    "call_center_params",
    "call_center_path",
    "ok",
    "online_params",
    "online_path",
    "placed_order",
    "refused",
    "sample",
    "single_path",
]  # fmt: skip
