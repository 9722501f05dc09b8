"""Settlement rows as Coupang's JSON: ``revenue-history`` lines (``data`` of the envelope),
``settlement-histories`` rows (a bare array) and the control API's terms.

Field order and spelling follow the documented samples: ``couapngDiscountCoupon`` (the field
table's spelling) is sent next to ``coupangDiscountCoupon``, and the fields the sandbox does not
model (Coupang-funded coupons, courantee fees, bank account) carry their neutral values.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from coupang_sandbox.backends.settlement import (
    DeliveryFee,
    HistoryRow,
    RevenueItem,
    RevenueLine,
    Terms,
)

MASKED: Final = "MASKED"


def terms(vendor_id: str, value: Terms) -> dict[str, Any]:
    """``{"vendorId", "cycle", "commissionRate"}`` of the control API."""
    return {"vendorId": vendor_id, "cycle": value.cycle, "commissionRate": float(value.rate)}


def delivery_fee(fee: DeliveryFee) -> dict[str, Any]:
    """A line's ``deliveryFee`` object."""
    return {
        "amount": fee.amount,
        "fee": fee.fee,
        "feeVat": fee.fee_vat,
        "feeRatio": fee.fee_ratio,
        "settlementAmount": fee.settlement_amount,
        "baseAmount": fee.base_amount,
        "baseFee": fee.base_fee,
        "baseFeeVat": fee.base_fee_vat,
        "remoteAmount": fee.remote_amount,
        "remoteFee": fee.remote_fee,
        "remoteFeeVat": fee.remote_fee_vat,
    }


def revenue_item(item: RevenueItem) -> dict[str, Any]:
    """One entry of a line's ``items``."""
    amounts = item.amounts
    ratio = float(amounts.service_fee_ratio)
    return {
        "taxType": item.tax_type,
        "productId": item.product_id,
        "productName": item.product_name,
        "vendorItemId": item.vendor_item_id,
        "vendorItemName": item.vendor_item_name,
        "salePrice": amounts.sale_price,
        "quantity": amounts.quantity,
        "coupangDiscountCoupon": amounts.coupang_discount,
        # The field table's spelling of the same amount, sent for clients that read it.
        "couapngDiscountCoupon": amounts.coupang_discount,
        "discountCouponPolicyAgreement": True,
        "saleAmount": amounts.sale_amount,
        "sellerDiscountCoupon": amounts.seller_discount,
        "downloadableCoupon": amounts.downloadable_discount,
        "serviceFee": amounts.service_fee,
        "serviceFeeVat": amounts.service_fee_vat,
        "serviceFeeRatio": int(ratio) if ratio.is_integer() else ratio,
        "settlementAmount": amounts.settlement_amount,
        "couranteeFeeRatio": 0,
        "couranteeFee": 0,
        "couranteeFeeVat": 0,
        "externalSellerSkuCode": item.external_sku,
    }


def revenue_line(line: RevenueLine) -> dict[str, Any]:
    """One SALE or REFUND line of the revenue history."""
    return {
        "orderId": line.order_id,
        "saleType": line.sale_type,
        "saleDate": None if line.sale_date is None else line.sale_date.isoformat(),
        "recognitionDate": line.recognition_date.isoformat(),
        "settlementDate": line.settlement_date.isoformat(),
        "finalSettlementDate": line.final_settlement_date.isoformat(),
        "deliveryFee": delivery_fee(line.delivery_fee),
        "items": [revenue_item(item) for item in line.items],
    }


def revenue_lines(lines: Sequence[RevenueLine]) -> list[dict[str, Any]]:
    """The ``data`` of a revenue-history page."""
    return [revenue_line(line) for line in lines]


def history_row(row: HistoryRow) -> dict[str, Any]:
    """One settlement-histories row."""
    totals = row.totals
    return {
        "settlementType": row.kind,
        "settlementDate": row.settlement_date.isoformat(),
        "revenueRecognitionYearMonth": row.first.strftime("%Y-%m"),
        "revenueRecognitionDateFrom": row.first.isoformat(),
        "revenueRecognitionDateTo": row.last.isoformat(),
        "totalSale": totals.total_sale,
        "serviceFee": totals.service_fee,
        "settlementTargetAmount": totals.target,
        "settlementAmount": row.settlement_amount,
        "lastAmount": row.last_amount,
        "pendingReleasedAmount": 0,
        "sellerDiscountCoupon": totals.seller_discount,
        "downloadableCoupon": totals.downloadable_discount,
        "dedicatedDeliveryAmount": 0,
        "sellerServiceFee": 0,
        "couranteeFee": 0,
        "couranteeCustomerReward": 0,
        "deductionAmount": totals.deduction,
        "debtOfLastWeek": 0,
        "finalAmount": row.final_amount,
        "bankAccountHolder": MASKED,
        "bankName": MASKED,
        "bankAccount": "100560****",
        "status": "DONE" if row.done else "SUBJECT",
        "storeFeeDiscount": 0,
    }


def history_rows(rows: Sequence[HistoryRow]) -> list[dict[str, Any]]:
    """The settlement-histories answer (a bare array)."""
    return [history_row(row) for row in rows]
