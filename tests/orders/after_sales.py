"""Helpers of the order tests that reach into returns and exchanges: shipped and delivered
orders, returns waiting for a pickup invoice, and fresh invoice numbers (the fixtures are the
order tests' own, from ``conftest.py``)."""

from __future__ import annotations

import itertools
from typing import Any

import httpx

from tests.exchanges.conftest import SINCE, UNTIL, Delivered, deliver, exchange_path
from tests.returns.conftest import (
    OTHER,
    START,
    V4,
    VENDOR,
    Market,
    RawApi,
    line,
    manual_items,
    request_return,
    ship,
    shipped,
    vpath,
)

MANUAL_PATH = vpath("v4", "/return-exchange-invoices/manual")
_NUMBERS = itertools.count(610000000001)


def fresh_number() -> str:
    """A 12-digit invoice number no other test of the run uses (CJGLS/HANJIN take 10 or 12)."""
    return str(next(_NUMBERS))


def manual_return(market: Market) -> int:
    """A return of a product without a return center: it waits for a pickup invoice."""
    items = manual_items(market, sku=f"MANUAL-{fresh_number()}")
    placed = shipped(market, {items[0]: 1})
    return request_return(market, placed, {items[0]: 1})


def manual_body(receipt_id: int, courier: str, number: str, **more: Any) -> dict[str, Any]:
    """A ``return-exchange-invoices/manual`` body for a return's pickup invoice."""
    return {
        "returnExchangeDeliveryType": "RETURN",
        "receiptId": receipt_id,
        "deliveryCompanyCode": courier,
        "invoiceNumber": number,
        **more,
    }


def errors_of(response: httpx.Response) -> list[tuple[str, str]]:
    """The ``(field, rule)`` of each refusal in a 400 answer."""
    return [(e["field"], e["rule"]) for e in response.json().get("errors") or []]


__all__ = [
    "MANUAL_PATH", "OTHER", "SINCE", "START", "UNTIL", "V4", "VENDOR", "Delivered", "Market",
    "RawApi", "deliver", "errors_of", "exchange_path", "fresh_number", "line", "manual_body",
    "manual_items", "manual_return", "request_return", "ship", "shipped",
]  # fmt: skip
