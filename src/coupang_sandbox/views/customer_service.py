"""Customer-service inquiries as Coupang's JSON: the online and call-center list entries (the
single call-center lookup answers the same object), a list page's ``data``, and the control
API's view of an inquiry (the seller's view plus what only the sandbox knows).

Since 2024 the customer's email is not given out: ``buyerEmail`` is ``""``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from coupang_sandbox.backends.customer_service import InquiryPage, wire_at
from coupang_sandbox.state import customer_service as st

Row = Mapping[Any, Any]


def online(row: Row) -> dict[str, Any]:
    """An online (product-page) inquiry with its replies (``commentDtoList``)."""
    doc = dict(row["doc"] or {})
    inquiry_id = int(row["inquiry_id"])
    return {
        "inquiryId": inquiry_id,
        "productId": None if row["product_id"] is None else int(row["product_id"]),
        "vendorItemId": None if row["vendor_item_id"] is None else int(row["vendor_item_id"]),
        "content": row["content"],
        "inquiryAt": wire_at(row["inquiry_at_us"]),
        "orderIds": doc.get("orderIds") or None,
        # Since 2024 the customer's email is no longer given out.
        "buyerEmail": "",
        "commentDtoList": [
            {
                "inquiryCommentId": int(c["inquiryCommentId"]),
                "inquiryId": inquiry_id,
                "content": c["content"],
                "inquiryCommentAt": wire_at(c["at_us"]),
            }
            for c in row["replies"] or []
        ],
    }


def _reply(reply: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "receptionistName": reply.get("receptionistName"),
        "receptionist": reply.get("receptionist"),
        "replyAt": wire_at(reply.get("at_us")),
        "content": reply.get("content"),
        "answerId": int(reply["answerId"]),
        "parentAnswerId": int(reply.get("parentAnswerId") or 0),
        "partnerTransferStatus": reply.get("partnerTransferStatus"),
        "partnerTransferCompleteReason": reply.get("partnerTransferCompleteReason"),
        "answerType": reply.get("answerType"),
        "needAnswer": bool(reply.get("needAnswer")),
    }


def call_center(row: Row) -> dict[str, Any]:
    """A call-center inquiry with the counsellor's transfer note and the answers."""
    doc = dict(row["doc"] or {})
    status = str(row["status"])
    inquiry_status, counseling = st.call_center_wire(status, row["confirmed_by"] is not None)
    return {
        "inquiryId": int(row["inquiry_id"]),
        "csPartnerCounselingStatus": counseling,
        "inquiryStatus": inquiry_status,
        "vendorItemId": list(doc.get("vendorItemIds") or []),
        "itemName": doc.get("itemName"),
        "content": row["content"],
        "answeredAt": wire_at(row["answered_at_us"]),
        "replies": [_reply(reply) for reply in row["replies"] or []],
        "inquiryAt": wire_at(row["inquiry_at_us"]),
        # Since 2024-08 the orderer's email is returned as "".
        "buyerEmail": "",
        "buyerPhone": doc.get("buyerPhone"),
        "orderId": None if row["order_id"] is None else int(row["order_id"]),
        "orderDate": doc.get("orderDate"),
        "receiptCategory": doc.get("receiptCategory"),
        "saleStartedAt": doc.get("saleStartedAt"),
        "saleEndedAt": doc.get("saleEndedAt"),
    }


def inquiry(row: Row) -> dict[str, Any]:
    """An inquiry of either kind, as its list shows it."""
    if row["kind"] == st.ONLINE:
        return online(row)
    return call_center(row)


def page(found: InquiryPage, page_number: int, size: int) -> dict[str, Any]:
    """A list's ``data``: ``{"content": [...], "pagination": {...}}``."""
    return {
        "content": [inquiry(row) for row in found.rows],
        "pagination": {
            "currentPage": page_number,
            "totalPages": (found.total + size - 1) // size,
            "totalElements": found.total,
            "countPerPage": size,
        },
    }


def control_view(row: Row) -> dict[str, Any]:
    """The inquiry as the seller's list shows it, plus what only the sandbox knows."""
    return {
        **inquiry(row),
        "kind": row["kind"],
        "vendorId": row["vendor_id"],
        "sellerProductId": row["seller_product_id"],
        "status": row["status"],
        "repliedBy": row["replied_by"],
        "confirmedBy": row["confirmed_by"],
    }
