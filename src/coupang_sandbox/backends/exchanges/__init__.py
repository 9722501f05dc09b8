"""Exchanges (교환): the backend (:mod:`.backend`: the seller's list and actions, the customer and
courier of the control API, and the rules) and its typed arguments and rows (:mod:`.rows`)."""

from __future__ import annotations

from coupang_sandbox.backends.exchanges.backend import (
    CUSTOMER_FAULT_REASONS,
    EXCHANGE_ID_START,
    EXCHANGE_ITEM_ID_START,
    REFER_TYPES,
    Exchanges,
    at_wire,
    new_box_visible,
)
from coupang_sandbox.backends.exchanges.rows import (
    ExchangeInvoice,
    ExchangeManualInvoice,
    ExchangePage,
    ExchangePickupInvoice,
    ExchangeRequest,
    ExchangeRow,
    Row,
    Scanned,
)

__all__ = [
    "CUSTOMER_FAULT_REASONS",
    "EXCHANGE_ID_START",
    "EXCHANGE_ITEM_ID_START",
    "REFER_TYPES",
    "ExchangeInvoice",
    "ExchangeManualInvoice",
    "ExchangePage",
    "ExchangePickupInvoice",
    "ExchangeRequest",
    "ExchangeRow",
    "Exchanges",
    "Row",
    "Scanned",
    "at_wire",
    "new_box_visible",
]
