"""Pure rules of the exchange (교환) APIs, shared by the SDK (before sending) and the sandbox.

* The list's window (``createdAtFrom``/``createdAtTo``, ``yyyy-MM-ddTHH:mm:ss``) is at most
  7 days; ``status`` is an ``ExchangeStatus``; ``maxPerPage`` defaults to 10.
* A rejection takes only ``SOLDOUT`` or ``WITHDRAW`` (``exchangeRejectCode``).
* The exchange invoice needs a courier code, an invoice number and the NEW ``shipmentBoxId``
  of ``deliveryInvoiceGroupDtos`` (checked by the server, which knows the boxes).
* Only the same option is exchanged (same ``vendorItemId``): a different size or colour is a
  return and a new purchase.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Final, get_args

from coupang_seller.preflight import orders as order_rules
from coupang_seller.preflight._core import PAGE_MAX, Violation, as_id, as_page, is_blank
from coupang_seller.types.codes import ExchangeRejectCode, ExchangeStatus

__all__ = [
    "DEFAULT_MAX_PER_PAGE",
    "EXCHANGE_STATUSES",
    "REJECT_CODES",
    "WINDOW",
    "check_invoice",
    "check_max_per_page",
    "check_reject_code",
    "check_same_option",
    "check_status",
    "check_window",
]

WINDOW: Final = timedelta(days=7)
DEFAULT_MAX_PER_PAGE: Final = 10
EXCHANGE_STATUSES: Final[tuple[str, ...]] = get_args(ExchangeStatus)
REJECT_CODES: Final[tuple[str, ...]] = get_args(ExchangeRejectCode)


def check_window(start: datetime, end: datetime) -> list[Violation]:
    """Violations of the createdAtFrom/createdAtTo window: in order and no longer than WINDOW."""
    if end < start:
        return [Violation("createdAtTo", "order", "createdAtTo must not be before createdAtFrom")]
    if end - start > WINDOW:
        return [
            Violation(
                "createdAtTo",
                "window",
                "the exchange list covers at most 7 days (최대 7일 까지만 조회가 가능합니다); "
                f"got {end - start}",
            )
        ]
    return []


def check_status(status: Any) -> list[Violation]:
    """Violations of an exchange status filter: empty or one of EXCHANGE_STATUSES."""
    if status is None or status == "":
        return []
    if status not in EXCHANGE_STATUSES:
        return [
            Violation(
                "status",
                "enum",
                f"status must be one of {', '.join(EXCHANGE_STATUSES)} (got {status!r})",
            )
        ]
    return []


def check_max_per_page(value: Any) -> list[Violation]:
    """Violations of maxPerPage for the exchange list."""
    number = as_page(value)
    if number is None:
        return [
            Violation(
                "maxPerPage", "range", f"maxPerPage must be 1 to {PAGE_MAX:,} (got {value!r})"
            )
        ]
    return []


def check_reject_code(code: Any) -> list[Violation]:
    """Violations of exchangeRejectCode: required, SOLDOUT or WITHDRAW."""
    if is_blank(code):
        return [
            Violation(
                "exchangeRejectCode",
                "required",
                "exchangeRejectCode is required (SOLDOUT or WITHDRAW)",
            )
        ]
    if code not in REJECT_CODES:
        return [
            Violation(
                "exchangeRejectCode",
                "enum",
                f"exchangeRejectCode must be SOLDOUT or WITHDRAW (got {code!r}); "
                '교환거절코드는 "SOLDOUT" 또는 "WITHDRAW"만 입력할 수 있습니다',
            )
        ]
    return []


def check_invoice(
    shipment_box_id: Any, goods_delivery_code: Any, invoice_number: Any
) -> list[Violation]:
    """Violations of an exchange invoice: shipmentBoxId, goodsDeliveryCode and invoiceNumber."""
    found: list[Violation] = []
    box = as_id(shipment_box_id)
    if box is None:
        found.append(
            Violation(
                "shipmentBoxId",
                "required",
                "shipmentBoxId is required: the NEW box of deliveryInvoiceGroupDtos",
            )
        )
    courier = order_rules.check_courier(goods_delivery_code, "goodsDeliveryCode")
    found += courier
    if not courier:
        found += order_rules.check_invoice_number(goods_delivery_code, invoice_number)
    return found


def check_same_option(vendor_item_id: int, target_vendor_item_id: int | None) -> list[Violation]:
    """Only the same option is exchanged (same vendorItemId, no hand-in-hand exchange)."""
    if target_vendor_item_id is None or target_vendor_item_id == vendor_item_id:
        return []
    return [
        Violation(
            "targetVendorItemId",
            "same_option",
            f"only the same option can be exchanged (vendorItemId {vendor_item_id}); "
            f"a different size or colour (vendorItemId {target_vendor_item_id}) is a return "
            "and a new purchase (동일 옵션만 교환 가능)",
        )
    ]
