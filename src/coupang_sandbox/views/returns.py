"""Return rows as Coupang's JSON: the ``returnRequests`` documents (lists and one receipt), the
withdraw history, the pickup invoice answer, and the control API's answers.

Field order follows the documented samples. A receipt without pickup details (a stop-shipment
or a cancel) shows ``returnDeliveryType`` 연동택배, the value of the reference's stop-shipment
(RELEASE_STOP_UNCHECKED) sample, never ``""``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.engine import RowMapping

from coupang_sandbox.backends.returns import (
    AUTO,
    DUTY,
    REASONS,
    CoupangStep,
    FullReturn,
    NewReturns,
    PickedUp,
    PickupInvoice,
    ReturnRow,
    Withdrawal,
    Withdrawn,
    receipt_status,
)
from coupang_sandbox.clock import from_us
from coupang_sandbox.kst import wire
from coupang_sandbox.state import returns as st


def _masked(number: str | None) -> str | None:
    if not number:
        return number
    parts = number.split("-")
    if len(parts) == 3:
        return f"{parts[0]}-****-{parts[2]}"
    return number


def _fault(row: ReturnRow, reason: tuple[str, str, str] | None) -> str:
    """``faultByType``: the details', else the reason's when the customer asked, else VENDOR."""
    if row.details is not None:
        return str(row.details["fault_by_type"])
    if reason is not None and row.receipt["requester"] == "CUSTOMER":
        return reason[1]
    return "VENDOR"


def _return_items(row: ReturnRow) -> list[dict[str, Any]]:
    """``returnItems``: one entry per returned vendorItem, named from its order item."""
    receipt = row.receipt
    by_item = {int(i["vendor_item_id"]): i for i in row.items}
    return_items = []
    for entry in receipt["items"]:
        item = by_item.get(int(entry["vendorItemId"]))
        doc = (item["doc"] if item is not None else None) or {}
        return_items.append(
            {
                "vendorItemPackageId": 0,
                "vendorItemPackageName": doc.get("sellerProductName"),
                "vendorItemId": int(entry["vendorItemId"]),
                "vendorItemName": doc.get("vendorItemName"),
                "purchaseCount": 0 if item is None else int(item["shipping_count"]),
                "cancelCount": int(entry["count"]),
                "shipmentBoxId": int(receipt["shipment_box_id"]),
                "sellerProductId": None if item is None else int(item["seller_product_id"]),
                "sellerProductName": doc.get("sellerProductName"),
            }
        )
    return return_items


def _requester(row: ReturnRow) -> dict[str, Any]:
    """The ``requester*`` fields: the receiver (the orderer's name when it has none)."""
    receiver = dict(row.order["receiver"] or {})
    orderer = dict(row.order["orderer"] or {})
    return {
        "requesterName": receiver.get("name") or orderer.get("name"),
        "requesterPhoneNumber": _masked(receiver.get("safeNumber")),
        "requesterRealPhoneNumber": None,
        "requesterAddress": receiver.get("addr1"),
        "requesterAddressDetail": receiver.get("addr2"),
        "requesterZipCode": receiver.get("postCode"),
    }


def _deliveries(details: RowMapping | None) -> list[dict[str, Any]]:
    """``returnDeliveryDtos``: the pickup invoices (none without details)."""
    deliveries = [] if details is None else list(details["deliveries"] or [])
    return [
        {
            "deliveryCompanyCode": d.get("deliveryCompanyCode"),
            "deliveryInvoiceNo": d.get("deliveryInvoiceNo"),
        }
        for d in deliveries
    ]


def return_doc(row: ReturnRow) -> dict[str, Any]:
    """One ``returnRequests`` document: the receipt, its details, order and box items."""
    receipt, details = row.receipt, row.details
    code = str(receipt["reason_code"] or "")
    reason = REASONS.get(code)
    cancel = receipt["receipt_type"] == "CANCEL"
    fault = _fault(row, reason)
    confirmed = None if details is None else details["complete_confirm_at_us"]
    return {
        "receiptId": int(receipt["receipt_id"]),
        "orderId": int(receipt["order_id"]),
        "paymentId": int(receipt["order_id"]) + 1_000_000_000,
        "receiptType": "CANCEL" if cancel else "RETURN",
        "receiptStatus": receipt_status(receipt),
        "createdAt": wire(from_us(int(receipt["created_at_us"]))),
        "modifiedAt": wire(from_us(int(receipt["updated_at_us"]))),
        **_requester(row),
        "cancelReasonCategory1": reason[2] if reason else "판매자 취소",
        "cancelReasonCategory2": reason[0] if reason else "재고 연동 오류",
        "cancelReason": (None if details is None else details["reason_text"]) or "",
        "cancelCountSum": int(receipt["total_count"]),
        "returnDeliveryId": 0 if details is None else int(details["return_delivery_id"]),
        "returnDeliveryType": AUTO if details is None else details["return_delivery_type"],
        "releaseStopStatus": receipt["release_stop_status"],
        "enclosePrice": 0 if details is None else int(details["enclose_price"]),
        "faultByType": fault,
        "refundDeliveryDuty": DUTY.get(fault, "COM"),
        "returnShippingCharge": 0
        if details is None
        else int(details["return_shipping_charge"]),
        "preRefund": False if details is None else bool(details["pre_refund"]),
        "completeConfirmDate": "" if confirmed is None else wire(from_us(int(confirmed))),
        "completeConfirmType": "UNDEFINED"
        if details is None
        else details["complete_confirm_type"],
        "returnItems": _return_items(row),
        "returnDeliveryDtos": _deliveries(details),
        "reasonCode": code or None,
        "reasonCodeText": reason[0] if reason else None,
    }  # fmt: skip


def return_docs(rows: Sequence[ReturnRow]) -> list[dict[str, Any]]:
    """The ``data`` of a return list (or of one receipt: a one-element list)."""
    return [return_doc(row) for row in rows]


def withdrawal(row: Withdrawal) -> dict[str, Any]:
    """One entry of the withdraw history (``returnWithdrawRequests`` / ``returnWithdrawList``)."""
    details = row.details
    return {
        "cancelId": int(details["receipt_id"]),
        "orderId": int(details["order_id"]),
        "vendorId": details["vendor_id"],
        "refundDeliveryDuty": details["refund_delivery_duty"],
        "createdAt": wire(from_us(int(details["withdrawn_at_us"]))),
        "vendorItemIds": [int(i["vendorItemId"]) for i in row.receipt["items"]],
    }


def withdrawals(rows: Sequence[Withdrawal]) -> list[dict[str, Any]]:
    """The ``data`` of the withdraw history."""
    return [withdrawal(row) for row in rows]


def pickup_invoice(value: PickupInvoice) -> dict[str, Any]:
    """The answer to ``return-exchange-invoices/manual`` (type RETURN)."""
    return {
        "deliveryCompanyCode": value.courier,
        "invoiceNumber": value.number,
        "invoiceNumberId": value.invoice_id,
        "receiptId": value.receipt_id,
        "regNumber": value.reg_number,
        "returnDeliveryId": value.return_delivery_id,
        "returnExchangeDeliveryType": "RETURN",
    }


# -- the control API -------------------------------------------------------------------


def requested(value: NewReturns) -> dict[str, Any]:
    """The customer's return request: one receipt per shipment box."""
    return {
        "orderId": value.order_id,
        "vendorId": value.vendor_id,
        "receipts": [
            {
                "receiptId": new.receipt_id,
                "shipmentBoxId": new.shipment_box_id,
                "receiptStatus": st.RETURNS_UNCHECKED,
                "items": new.items,
                "faultByType": new.details["fault_by_type"],
                "returnShippingCharge": new.details["return_shipping_charge"],
                "returnDeliveryType": new.details["return_delivery_type"],
                "autoPickup": new.details["auto_pickup"],
                "quickRefund": new.details["quick_refund"],
            }
            for new in value.receipts
        ],
    }


def withdrawn(value: Withdrawn) -> dict[str, Any]:
    """The customer's withdrawal."""
    return {
        "receiptId": value.receipt_id,
        "receiptStatus": st.WITHDRAWN,
        "withdrawnAt": wire(value.at),
    }


def picked_up(value: PickedUp) -> dict[str, Any]:
    """The courier's pickup scan."""
    return {
        "receiptId": value.receipt_id,
        "receiptStatus": value.status,
        "preRefund": bool(value.details["pre_refund"]),
        "returnDeliveryDtos": value.details["deliveries"],
    }


def coupang_step(value: CoupangStep) -> dict[str, Any]:
    """A step of Coupang's CS (coupang-check, coupang-checked)."""
    return {"receiptId": value.receipt_id, "receiptStatus": value.status}


def control_view(value: FullReturn) -> dict[str, Any]:
    """Everything about a return, withdrawn or not, with the sandbox's own fields."""
    row, details = value.row, value.details
    withdrawn_at = details["withdrawn_at_us"]
    picked = details["picked_up_at_us"]
    return {
        **return_doc(row),
        "vendorId": row.receipt["vendor_id"],
        "requestedStage": details["requested_stage"],
        "autoPickup": bool(details["auto_pickup"]),
        "quickRefund": bool(details["quick_refund"]),
        "pickedUpAt": None if picked is None else wire(from_us(int(picked))),
        "withdrawnAt": None if withdrawn_at is None else wire(from_us(int(withdrawn_at))),
    }
