"""Fixtures of the gap tests: the order tests' market (an approved two-item product on a frozen
sandbox clock, SQLite and PostgreSQL), shipped and delivered orders, returns and exchanges."""

from __future__ import annotations

import itertools
from typing import Any

import httpx

from tests.exchanges.conftest import SINCE, UNTIL, Delivered, deliver, exchange_path
from tests.returns.conftest import (  # noqa: F401  (fixtures, registered by import)
    OTHER,
    START,
    V4,
    VENDOR,
    Market,
    RawApi,
    aclient,
    api,
    app,
    catalog_module,
    client,
    line,
    manual_items,
    market,
    other_client,
    request_return,
    settings,
    ship,
    shipped,
    transport,
    vpath,
)

MANUAL_PATH = vpath("v4", "/return-exchange-invoices/manual")
_NUMBERS = itertools.count(610000000001)


def fresh_number() -> str:
    """A 12-digit invoice number no other test of the run uses (CJGLS/HANJIN take 10 or 12)."""
    return str(next(_NUMBERS))


def manual_return(market: Market) -> int:  # noqa: F811
    """A return of a product without a return center: it waits for a pickup invoice."""
    items = manual_items(market, sku=f"MANUAL-{fresh_number()}")
    placed = shipped(market, {items[0]: 1})
    return request_return(market, placed, {items[0]: 1})


def manual_body(receipt_id: int, courier: str, number: str, **more: Any) -> dict[str, Any]:
    return {
        "returnExchangeDeliveryType": "RETURN",
        "receiptId": receipt_id,
        "deliveryCompanyCode": courier,
        "invoiceNumber": number,
        **more,
    }


def errors_of(response: httpx.Response) -> list[tuple[str, str]]:
    return [(e["field"], e["rule"]) for e in response.json().get("errors") or []]


__all__ = [
    "MANUAL_PATH", "OTHER", "SINCE", "START", "UNTIL", "V4", "VENDOR", "Delivered", "Market",
    "RawApi", "deliver", "errors_of", "exchange_path", "fresh_number", "line", "manual_body",
    "manual_items", "manual_return", "request_return", "ship", "shipped",
]  # fmt: skip
