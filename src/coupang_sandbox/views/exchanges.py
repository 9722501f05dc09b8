"""Exchange rows as Coupang's JSON: the ``exchangeRequests`` documents (the seller's list and
the control API's answers), the pickup invoice answer and the courier scan's answer.

Field order follows the documented sample. Pure functions: the backend hands each row with the
status of the original box and whether the new box shows yet (decided at the sandbox clock).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from coupang_sandbox.backends.exchanges import (
    ExchangePickupInvoice,
    ExchangeRow,
    Row,
    Scanned,
    at_wire,
)
from coupang_sandbox.state import exchanges as st
from coupang_sandbox.state import orders as order_st

_ITEM_STATUS: Final[dict[str, str]] = {
    st.RECEIPT: "RETURN_SEND_READY",
    st.PROGRESS: "CHANGE_SEND_READY",
    st.SUCCESS: "CHANGE_SEND_COMPLETE",
    st.CANCEL: "CHANGE_SEND_HOLD",
}


def _item_status(row: Row) -> str:
    """The collect item's ``statusCode``, from the exchange status (and the reject code)."""
    status = str(row["status"])
    if status == st.REJECT:
        return "CHANGE_SEND_FAIL" if row["reject_code"] == "SOLDOUT" else "CHANGE_SEND_HOLD"
    return _ITEM_STATUS.get(status, "CHANGE_SEND_HOLD")


def _invoice_groups(value: ExchangeRow) -> list[dict[str, Any]]:
    """``deliveryInvoiceGroupDtos``: the new box (once it shows) with its invoice."""
    if not value.new_box_visible:
        return []
    row = value.row
    courier = row["goods_delivery_code"]
    invoiced = row["invoice_number"] is not None
    box_status = order_st.INSTRUCT
    if invoiced:
        box_status = order_st.NONE_TRACKING if courier == "DIRECT" else order_st.DEPARTURE
    invoice = {
        "invoiceNumber": row["invoice_number"] or "",
        "estimatedDeliveryDate": None,
        "deliveredDate": None,
        "statusModifiedAt": at_wire(row["invoice_uploaded_at_us"]) or at_wire(row["new_box_at_us"]),
        "invoiceNumberUploadDate": at_wire(row["invoice_uploaded_at_us"]),
        "statusCode": box_status,
        "deliverCode": courier,
        "isMainShipmentInvoice": True,
        "parcelType": "NORMAL",
        "invoiceVendorItemDtos": [
            {
                "vendorItemId": int(row["vendor_item_id"]),
                "quantity": int(row["quantity"]),
                "hasAdditionalItem": False,
                "promiseDeliveryDate": None,
                "estimatedShippingDate": None,
            }
        ],
    }
    return [
        {
            "shipmentBoxId": int(row["new_shipment_box_id"]),
            "boxPrice": 0,
            "orderId": int(row["order_id"]),
            "orderType": "EXCHANGE",
            "customerType": "MEMBER",
            "bundleType": "SINGLE",
            "extraMessage": "",
            "shippingDeliveryType": "EXCHANGE_DELIVERY",
            "deliveryInvoiceDtos": [invoice],
        }
    ]


def _address(row: Row) -> dict[str, Any]:
    """``exchangeAddressDtoV1``: where the goods are collected and the new ones delivered."""
    exchange_id = int(row["exchange_id"])
    customer = dict(row["customer"] or {})
    safe = customer.get("safeNumber")
    return {
        "exchangeAddressId": exchange_id,
        "returnCustomerName": customer.get("name"),
        "returnAddressZipCode": customer.get("zipCode"),
        "returnAddress": customer.get("address"),
        "returnAddressDetail": customer.get("addressDetail"),
        "returnPhone": None,
        "returnMobile": safe,
        "returnMemo": None,
        "deliveryCustomerName": customer.get("name"),
        "deliveryAddressZipCode": customer.get("zipCode"),
        "deliveryAddress": customer.get("address"),
        "deliveryAddressDetail": customer.get("addressDetail"),
        "deliveryPhone": None,
        "deliveryMobile": safe,
        "deliveryMemo": None,
        "createdAt": at_wire(row["created_at_us"]),
        "modifiedAt": at_wire(row["modified_at_us"]),
        "exchangeId": exchange_id,
    }


def _collect_item(row: Row) -> dict[str, Any]:
    """The one ``returndeliveryItemDtos`` entry: the goods collected from the customer."""
    exchange_id = int(row["exchange_id"])
    quantity = int(row["quantity"])
    item = dict(row["item"] or {})
    return {
        "vendorItemId": int(row["vendor_item_id"]),
        "statusCode": _item_status(row),
        "returnCount": quantity if row["collected_at_us"] is not None else None,
        "releaseStatus": "RELEASED",
        "paymentReturnDeliveryMapId": exchange_id,
        "paymentItemId": int(item.get("orderItemId") or 0),
        "modifiedBy": row["modified_by_type"],
        "modifiedAt": at_wire(row["modified_at_us"]),
        "createdBy": "CUSTOMER",
        "createdAt": at_wire(row["created_at_us"]),
        "count": quantity,
        "confirmType": None,
        "collectStatus": "RETURN",
    }


def _destination(row: Row) -> dict[str, Any]:
    """``returndeliveryDestinationDto``: where the returned goods go, the product's return
    center (snapshot of the request), and the customer they come from."""
    exchange_id = int(row["exchange_id"])
    customer = dict(row["customer"] or {})
    safe = customer.get("safeNumber")
    center = dict(dict(row["item"] or {}).get("returnCenter") or {})
    return {
        "vendorZipCode": center.get("zipCode"),
        "vendorPhone": center.get("phone"),
        "vendorName": center.get("name") or row["vendor_id"],
        "vendorMobile": center.get("mobile"),
        "vendorAddressDetail": center.get("addressDetail"),
        "vendorAddress": center.get("address"),
        "safetyNumberStatus": "ENABLE" if _open(row) else "DISABLE",
        "safetyNumberId": exchange_id,
        "safetyNumber": safe,
        "returnDeliveryId": None,
        "returnCenterCode": center.get("code"),
        "receiptId": None,
        "orderedByMobile": None,
        "orderId": int(row["order_id"]),
        "message": None,
        "customerZipCode": customer.get("zipCode"),
        "customerPhone": safe,
        "customerName": customer.get("name"),
        "customerMobile": safe,
        "customerAddressDetail": customer.get("addressDetail"),
        "customerAddress": customer.get("address"),
    }


def _collect(row: Row) -> dict[str, Any]:
    """``collectInformationsDto``: the pickup of the goods to exchange."""
    return {
        "returnType": "EXCHANGE_RETURN",
        "expectedReturnDate": at_wire(int(row["created_at_us"]) + 3 * 86_400_000_000),
        "returndeliveryItemDtos": [_collect_item(row)],
        "returndeliveryDestinationDto": _destination(row),
    }


def _exchange_item(row: Row) -> dict[str, Any]:
    """The one ``exchangeItemDtoV1s`` entry: the same option, sent again."""
    item = dict(row["item"] or {})
    vendor_item_id = int(row["vendor_item_id"])
    return {
        "exchangeItemId": int(item.get("exchangeItemId") or 0),
        "orderItemId": vendor_item_id,
        "orderItemUnitPrice": int(item.get("unitPrice") or 0),
        "orderItemName": item.get("name"),
        "orderPackageId": None,
        "orderPackageName": item.get("packageName"),
        "targetItemId": vendor_item_id,
        "targetItemUnitPrice": int(item.get("unitPrice") or 0),
        "targetItemName": item.get("name"),
        "targetPackageId": -1,
        "targetPackageName": "",
        "quantity": int(row["quantity"]),
        "orderItemDeliveryComplete": True,
        "orderItemReturnComplete": row["collected_at_us"] is not None,
        "targetItemDeliveryComplete": False,
        "createdAt": at_wire(row["created_at_us"]),
        "modifiedAt": at_wire(row["modified_at_us"]),
        "originalShipmentBoxId": int(row["original_shipment_box_id"]),
    }


def _open(row: Row) -> bool:
    """Whether the exchange is still open (received or in progress)."""
    return str(row["status"]) in (st.RECEIPT, st.PROGRESS)


def exchange(value: ExchangeRow) -> dict[str, Any]:
    """One exchange as the list answers it (field names of the documented sample)."""
    row, order_box_status = value.row, value.order_box_status
    status = str(row["status"])
    can_invoice = status == st.PROGRESS and value.new_box_visible
    fault = str(row["fault_type"])
    return {
        "exchangeId": int(row["exchange_id"]),
        "orderId": int(row["order_id"]),
        "vendorId": row["vendor_id"],
        "orderDeliveryStatusCode": order_box_status,
        "exchangeStatus": status,
        "referType": row["refer_type"],
        "faultType": fault,
        # 교환배송비: settled outside Coupang (not part of Coupang's settlement).
        "exchangeAmount": int(row["exchange_amount"]),
        "reason": None,
        "reasonCode": row["reason_code"],
        "reasonCodeText": reason_text(str(row["reason_code"])),
        "reasonEtcDetail": row["reason_etc_detail"],
        "cancelReason": row["cancel_reason"],
        "createdByType": "CUSTOMER",
        "createdAt": at_wire(row["created_at_us"]),
        "modifiedByType": row["modified_by_type"],
        "modifiedAt": at_wire(row["modified_at_us"]),
        "exchangeItemDtoV1s": [_exchange_item(row)],
        "exchangeAddressDtoV1": _address(row),
        "deliveryInvoiceGroupDtos": _invoice_groups(value),
        "deliveryStatus": row["delivery_status"],
        "collectStatus": row["collect_status"],
        "collectCompleteDate": at_wire(row["collected_at_us"]),
        "collectInformationsDto": _collect(row),
        "returnDeliveryDtos": [dict(row["return_delivery"] or {})],
        "successable": can_invoice,
        "orderDeliveryStatusLabel": order_box_status,
        "exchangeStatusLabel": status,
        "referTypeLabel": row["refer_type"],
        "faultTypeLabel": fault,
        "createdByTypeLabel": "CUSTOMER",
        "rejectable": _open(row),
        "modifiedByTypeLabel": row["modified_by_type"],
        "deliveryInvoiceModifiable": can_invoice,
    }


#: VocReasonCode -> reasonCodeText (documented table).
REASON_TEXTS: Final[dict[str, str]] = {
    "CHANGEMIND": "필요 없어짐 (단순 변심)",
    "DIFFERENTOPT": "색상/ 사이즈가 기대와 다름",
    "CHEAPER": "다른 사이트의 가격이 더 저렴함",
    "WRONGOPT": "상품의 옵션 선택을 잘못함",
    "REORDER": "상품을 추가하여 재주문",
    "OTHERS": "기타",
    "DELIVERYLATER": "배송 예정일이 예상보다 늦음",
    "WRONGADDRESS": "배송지 입력 실수",
    "DELIVERYSTOP": "배송흐름이 멈춤",
    "CARRIERLOST": "택배사 상품 분실",
    "LOST": "배송 완료지만 상품 받지 못함",
    "PARTIALMISS": "주문상품 중 일부가 배송되지 않음",
    "COMPOMISS": "상품의 구성품, 부속품이 제대로 들어있지 않음",
    "LATEDELIVERED": "상품이 늦게 배송됨",
    "DAMAGED": "상품이 파손되어 배송됨",
    "DEFECT": "상품 결함/기능에 이상이 있음",
    "INACCURATE": "실제 상품이 상품 설명에 써있는 것과 다름",
    "BOTHDAMAGED": "포장과 상품 모두 훼손됨",
    "SHIPBOXOK": "포장은 괜찮으나 상품이 파손됨",
    "WRONGDELIVERY": "내가 주문한 상품과 아예 다른 상품이 배송됨",
    "WRONGSIZECOL": "내가 주문한 상품과 다른 색상/ 사이즈의 상품이 배송됨",
}


def reason_text(code: str) -> str:
    """The documented ``reasonCodeText`` of a VOC reason code (the code itself if unknown)."""
    return REASON_TEXTS.get(code, code)


def exchanges(rows: Sequence[ExchangeRow]) -> list[dict[str, Any]]:
    """The exchanges of a list page, in order."""
    return [exchange(row) for row in rows]


def pickup_invoice(value: ExchangePickupInvoice) -> dict[str, Any]:
    """The answer of ``return-exchange-invoices/manual`` for an exchange."""
    return {
        "deliveryCompanyCode": value.courier,
        "invoiceNumber": value.invoice_number,
        "invoiceNumberId": value.invoice_number_id,
        "receiptId": value.exchange_id,
        "regNumber": value.reg_number,
        "returnDeliveryId": value.exchange_id,
        "returnExchangeDeliveryType": "EXCHANGE",
    }


def scanned(value: Scanned) -> dict[str, Any]:
    """The control API's answer to a courier scan."""
    return {"exchangeId": value.exchange_id, "collectStatus": value.collect_status}
