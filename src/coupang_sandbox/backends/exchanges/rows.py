"""The exchanges backend's typed arguments (parsed by the routes) and the rows it returns
(rendered by :mod:`coupang_sandbox.views.exchanges`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import RowMapping

Row = Mapping[Any, Any]


@dataclass(frozen=True, slots=True)
class ExchangeRequest:
    """The customer asks to exchange ``quantity`` of a delivered order item (control API)."""

    order_id: int
    vendor_item_id: int
    quantity: int
    reason_code: str
    reason_etc_detail: Any
    refer_type: str
    exchange_amount: int


@dataclass(frozen=True, slots=True)
class ExchangeInvoice:
    """The invoice of the exchange's new box (교환 송장)."""

    shipment_box_id: int | None
    courier: str
    number: str


@dataclass(frozen=True, slots=True)
class ExchangeManualInvoice:
    """A pickup invoice (``return-exchange-invoices/manual``, type EXCHANGE); ``receipt_id``
    is the exchangeId as the caller wrote it (the not-found refusal quotes it)."""

    receipt_id: Any
    courier: str
    number: str
    reg_number: str | None


@dataclass(frozen=True, slots=True)
class ExchangeRow:
    """One exchange as stored, with what its answer needs from outside the row: the status of
    the original delivery box and whether the new box shows yet (at the sandbox clock)."""

    row: RowMapping
    order_box_status: str | None
    new_box_visible: bool


@dataclass(frozen=True, slots=True)
class ExchangePage:
    """One page of the seller's list: the rows and the token of the next page (``""`` last)."""

    rows: list[ExchangeRow]
    next_token: str


@dataclass(frozen=True, slots=True)
class ExchangePickupInvoice:
    """A registered pickup invoice (회수 송장) of an exchange."""

    courier: str
    invoice_number: str
    invoice_number_id: int
    exchange_id: int
    reg_number: str | None


@dataclass(frozen=True, slots=True)
class Scanned:
    """The collect status of an exchange after a courier scan."""

    exchange_id: int
    collect_status: str
