"""Order rows as Coupang's JSON: the order sheets (발주서) of the lists and reads, a box's
history, the per-box answers of the bulk actions, the cancel's answer, and the control API's
answers (placed order, address change, customer cancel, courier scan, order view).

Field order follows the documented samples. Pure functions: the backend decides everything
that depends on the sandbox clock (the safe numbers' expiry, the response key, the request
number) and hands it in the rows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from coupang_sandbox.backends._invoices import COURIER_NAMES, RESULT_CODES
from coupang_sandbox.backends.orders import (
    SPLIT_NORMAL,
    SPLIT_SPLIT,
    AddressChanged,
    BoxHistory,
    BoxResult,
    BulkResult,
    CancelOutcome,
    CustomerCancelled,
    OrderView,
    Placed,
    Scanned,
    SheetRow,
    active,
    shown_status,
)
from coupang_sandbox.clock import from_us
from coupang_sandbox.kst import wire
from coupang_sandbox.state import orders as st


def item(row: Mapping[str, Any]) -> dict[str, Any]:
    """One ``orderItems`` entry of a sheet."""
    doc = row["doc"] or {}
    count = active(row)
    price = int(row["sales_price"])
    uploaded = row["invoice_uploaded_at_us"]
    return {
        "vendorItemPackageId": 0,
        "vendorItemPackageName": doc.get("sellerProductName"),
        "productId": int(row["product_id"] or 0),
        "vendorItemId": int(row["vendor_item_id"]),
        "vendorItemName": doc.get("vendorItemName"),
        "shippingCount": count,
        "salesPrice": price,
        "orderPrice": price * count,
        # Coupon discounts of the line (instant + downloadable), 0 without any.
        "discountPrice": int(doc.get("instantCouponDiscount") or 0)
        + int(doc.get("downloadableCouponDiscount") or 0),
        "externalVendorSkuCode": doc.get("externalVendorSkuCode"),
        "etcInfoHeader": None,
        "etcInfoValue": None,
        "etcInfoValues": [],
        "sellerProductId": int(row["seller_product_id"]),
        "sellerProductName": doc.get("sellerProductName"),
        "sellerProductItemName": doc.get("sellerProductItemName"),
        "firstSellerProductItemName": doc.get("sellerProductItemName"),
        "cancelCount": int(row["cancel_count"]),
        "holdCountForCancel": int(row["hold_count_for_cancel"]),
        "estimatedShippingDate": row["estimated_shipping_date"],
        "plannedShippingDate": row["planned_shipping_date"],
        "invoiceNumberUploadDate": "" if uploaded is None else wire(from_us(int(uploaded))),
        "extraProperties": doc.get("extraProperties") or {},
        "pricingBadge": False,
        "usedProduct": bool(doc.get("usedProduct")),
        "confirmDate": None,
        "deliveryChargeTypeName": doc.get("deliveryChargeTypeName") or "무료",
        "canceled": active(row) <= 0,
    }


def _people(row: SheetRow) -> tuple[dict[str, Any], dict[str, Any]]:
    """The orderer and the receiver, their safe numbers blanked once expired."""
    orderer = dict(row.order["orderer"] or {})
    receiver = dict(row.order["receiver"] or {})
    if row.safe_numbers_expired:
        orderer["safeNumber"] = ""
        receiver["safeNumber"] = ""
    return orderer, receiver


def sheet(row: SheetRow) -> dict[str, Any]:
    """One order sheet (``OrderSheet``) as the v4/v5 reads answer it."""
    order, box, items = row.order, row.box, row.items
    orderer, receiver = _people(row)
    courier = box["delivery_company_code"]
    in_transit = box["in_transit_at_us"]
    delivered = box["delivered_at_us"]
    return {
        "shipmentBoxId": int(box["shipment_box_id"]),
        "orderId": int(order["order_id"]),
        "orderedAt": wire(from_us(int(order["ordered_at_us"]))),
        "orderer": {
            "name": orderer.get("name"),
            # Since 2024-08 Coupang returns the orderer's email as "".
            "email": "",
            "safeNumber": orderer.get("safeNumber"),
            "ordererNumber": None,
        },
        "paidAt": wire(from_us(int(order["paid_at_us"]))),
        "status": shown_status(box),
        "shippingPrice": int(box["shipping_price"]),
        "remotePrice": None if box["remote_price"] is None else int(box["remote_price"]),
        "remoteArea": bool(box["remote_area"]),
        "parcelPrintMessage": order["parcel_print_message"],
        "splitShipping": box["split_mode"] == SPLIT_SPLIT,
        "ableSplitShipping": box["split_mode"] != SPLIT_NORMAL
        and len({int(i["vendor_item_id"]) for i in items if active(i) > 0}) > 1,
        "receiver": {
            "name": receiver.get("name"),
            "safeNumber": receiver.get("safeNumber"),
            "receiverNumber": None,
            "addr1": receiver.get("addr1"),
            "addr2": receiver.get("addr2"),
            "postCode": receiver.get("postCode"),
        },
        "orderItems": [item(i) for i in items],
        "overseaShippingInfoDto": {
            "personalCustomsClearanceCode": "",
            "ordererSsn": "",
            "ordererPhoneNumber": "",
        },
        "deliveryCompanyName": None if courier is None else COURIER_NAMES.get(courier, courier),
        "deliveryCompanyCode": courier,
        "invoiceNumber": box["invoice_number"] or "",
        "inTrasitDateTime": "" if in_transit is None else wire(from_us(int(in_transit)), " "),
        "deliveredDate": "" if delivered is None else wire(from_us(int(delivered)), " "),
        "refer": order["refer"],
        "isCod": False,
        "extraProperties": {},
    }


def sheets(rows: Sequence[SheetRow]) -> list[dict[str, Any]]:
    """Order sheets in the order given."""
    return [sheet(row) for row in rows]


def history(value: BoxHistory) -> dict[str, Any]:
    """A box's delivery-status history (newest first)."""
    return {
        "shipmentBoxId": value.shipment_box_id,
        "details": [
            {
                "deliveryStatus": row["status"],
                "deliveryStatusDesc": st.status_name(str(row["status"])),
                "updatedAt": wire(from_us(int(row["at_us"]))),
            }
            for row in value.rows
        ],
    }


def box_result(result: BoxResult) -> dict[str, Any]:
    """One ``responseList`` entry of a bulk action."""
    retry, text = RESULT_CODES.get(result.code, (True, result.code))
    message = result.message
    if not result.succeed and message is None:
        message = text
    return {
        "shipmentBoxId": result.shipment_box_id,
        "succeed": result.succeed,
        "resultCode": result.code,
        "retryRequired": False if result.succeed else retry,
        "resultMessage": message,
    }


def bulk(value: BulkResult) -> dict[str, Any]:
    """A bulk action's answer: ``responseCode`` 0 (all), 1 (some), 99 (none) or -1 (empty)."""
    results = value.results
    ok = sum(1 for result in results if result.succeed)
    if not results:
        code, message = -1, "NONE"
    elif ok == len(results):
        code, message = 0, "SUCCESS"
    elif ok:
        code, message = 1, "PARTIAL_ERROR"
    else:
        code, message = 99, "FAILED"
    data: dict[str, Any] = {}
    if value.response_key is not None:
        data["responseKey"] = value.response_key
    data.update(
        {
            "responseCode": code,
            "responseMessage": message,
            "responseList": [box_result(result) for result in results],
        }
    )
    return data


def cancel(outcome: CancelOutcome) -> tuple[str, str, dict[str, Any]]:
    """The cancel's ``code``, ``message`` and ``data`` (SUCCESS, PARTIAL or FAIL)."""
    receipt = outcome.receipt
    failed_ids = [vendor_item_id for vendor_item_id, _ in outcome.failed]
    data = {
        "receiptMap": None
        if receipt is None
        else {
            "receiptId": receipt.receipt_id,
            "receiptType": receipt.receipt_type,
            "vendorItemIds": receipt.vendor_item_ids,
            "totalCount": receipt.total_count,
        },
        "orderId": outcome.order_id,
        "failedVendorItemIds": failed_ids,
        "failedItemIds": failed_ids,
    }
    if outcome.code == "SUCCESS":
        return "SUCCESS", "", data
    detail = "".join(f" \\r\\n[{v}]<= {m}" for v, m in outcome.failed)
    return outcome.code, f"[요청번호] {outcome.request_no}{detail}", data


def placed(value: Placed) -> dict[str, Any]:
    """The control API's answer to a placed order."""
    return {
        "orderId": value.order_id,
        "vendorId": value.vendor_id,
        "paidAt": wire(value.paid_at),
        "visibleAt": wire(value.visible_at),
        "region": value.region,
        "safeNumber": value.safe_number,
        "shipmentBoxes": [
            {
                "shipmentBoxId": box.shipment_box_id,
                "vendorItemIds": box.vendor_item_ids,
                "shippingPrice": box.shipping_price,
                "remotePrice": box.remote_price,
                "remoteArea": box.remote_area,
            }
            for box in value.boxes
        ],
    }


def address_changed(value: AddressChanged) -> dict[str, Any]:
    """The control API's answer to an address change."""
    return {"orderId": value.order_id, "receiver": value.receiver, "region": value.region}


def customer_cancelled(value: CustomerCancelled) -> dict[str, Any]:
    """The control API's answer to a customer's cancel request."""
    receipts: list[dict[str, Any]] = []
    for receipt in value.receipts:
        entry: dict[str, Any] = {
            "receiptId": receipt.receipt_id,
            "receiptType": receipt.receipt_type,
        }
        if receipt.receipt_status is not None:
            entry["receiptStatus"] = receipt.receipt_status
        entry["shipmentBoxId"] = receipt.shipment_box_id
        receipts.append(entry)
    return {"orderId": value.order_id, "receipts": receipts}


def scanned(value: Scanned) -> dict[str, Any]:
    """The control API's answer to a courier scan."""
    return {"shipmentBoxId": value.shipment_box_id, "status": value.status}


def order_view(value: OrderView) -> dict[str, Any]:
    """The control API's view of an order: its sheets and receipts, visible or not."""
    order = value.order
    return {
        "orderId": int(order["order_id"]),
        "vendorId": order["vendor_id"],
        "visibleAt": wire(from_us(int(order["visible_at_us"]))),
        "region": order["region"],
        "sheets": sheets(value.sheets),
        "receipts": [
            {
                "receiptId": int(x["receipt_id"]),
                "receiptType": x["receipt_type"],
                "receiptStatus": x["receipt_status"],
                "releaseStopStatus": x["release_stop_status"],
                "shipmentBoxId": int(x["shipment_box_id"]),
                "items": x["items"],
                "totalCount": int(x["total_count"]),
                "requester": x["requester"],
                "reasonCode": x["reason_code"],
            }
            for x in value.receipts
        ],
    }
