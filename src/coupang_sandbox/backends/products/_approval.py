"""The approval workflow's steps, shared by every products operation: the status history, the
request for approval (with the automatic review's due time) and a review's outcome (items
opened for sale with a ``vendorItemId``, the exposed product id, the history row)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.engine import RowMapping

from coupang_sandbox.backends.products._errors import transition
from coupang_sandbox.backends.products._types import (
    HISTORY_ID_START,
    PRODUCT_ID_START,
    SYSTEM_USER,
    VENDOR_ITEM_ID_START,
    Review,
)
from coupang_sandbox.clock import to_us
from coupang_sandbox.errors import Conflict, TransitionNotAllowed, ValidationFailed
from coupang_sandbox.state import products as st
from coupang_sandbox.store import products as db
from coupang_sandbox.store import repo
from coupang_sandbox.views.products import Row
from coupang_seller.preflight import Violation
from coupang_seller.preflight._core import is_blank

_REVIEW_COMMENTS = {
    st.APPROVED: "승인완료 - Items 생성 완료",
    st.PARTIAL_APPROVED: "부분승인완료 - 일부 Items 생성 완료",
    st.DENIED: "승인반려",
}


def record_history(
    conn: Connection, row: Row, status: str, *, comment: str, by: str, at: datetime
) -> None:
    """A status history row of the product ``row``."""
    db.history_insert(
        conn,
        {
            "id": repo.next_id(conn, "product_history", HISTORY_ID_START),
            "seller_product_id": int(row["seller_product_id"]),
            "vendor_id": row["vendor_id"],
            "status": status,
            "comment": comment,
            "created_by": by or SYSTEM_USER,
            "created_at_us": to_us(at),
        },
    )


def seller_of(row: Row) -> str:
    """Who acts for the seller in the history: the document's ``vendorUserId`` or the vendor."""
    doc = row["doc"] or {}
    user = doc.get("vendorUserId")
    return str(user) if not is_blank(user) else str(row["vendor_id"])


def request_approval(
    conn: Connection, row: Row, now: datetime, auto_review_seconds: float | None
) -> None:
    """Move the product to 승인대기중; the automatic review is due ``auto_review_seconds``
    later (never when ``None``)."""
    status = transition(row, st.REQUEST_APPROVAL)
    due = (
        None if auto_review_seconds is None else to_us(now + timedelta(seconds=auto_review_seconds))
    )
    db.product_update(
        conn,
        int(row["seller_product_id"]),
        {"status": status, "review_due_us": due, "updated_at_us": to_us(now)},
    )
    record_history(conn, row, status, comment="판매자 승인요청", by=seller_of(row), at=now)


def _reviewed_status(row: Row, review: Review) -> str:
    """The status the review leads to (400 for an unknown result, 409 when not waiting)."""
    event = st.REVIEW_EVENTS.get(review.result)
    if event is None:
        raise ValidationFailed(
            [
                Violation(
                    "result",
                    "enum",
                    f"result must be APPROVED, PARTIAL_APPROVED or DENIED (got {review.result!r})",
                )
            ]
        )
    try:
        return st.seller_product.apply(str(row["status"]), event)
    except TransitionNotAllowed:
        raise Conflict(
            f"sellerProductId {int(row['seller_product_id'])} is {row['status']} "
            f"({st.status_name(row['status'])}), "
            "not waiting for a review (승인대기중); request approval first"
        ) from None


def _approved_items(
    product_id: int, status: str, review: Review, items: Sequence[RowMapping]
) -> list[RowMapping]:
    """The items the review approves: all, the named ones (or the first) or none."""
    if status == st.APPROVED:
        return list(items)
    if status != st.PARTIAL_APPROVED:
        return []
    wanted = review.approved_item_ids
    if wanted is None:
        return list(items[:1])
    known = {int(i["seller_product_item_id"]) for i in items}
    unknown = sorted(set(wanted) - known)
    if unknown or not wanted:
        raise ValidationFailed(
            [
                Violation(
                    "sellerProductItemIds",
                    "unknown_item" if unknown else "required",
                    f"sellerProductItemIds must name items of product {product_id}"
                    + (f" (unknown: {unknown})" if unknown else ""),
                )
            ]
        )
    return [i for i in items if int(i["seller_product_item_id"]) in set(wanted)]


def apply_review(conn: Connection, row: Row, review: Review, at: datetime) -> str:
    """Decide the product waiting for approval; its new status."""
    status = _reviewed_status(row, review)
    product_id = int(row["seller_product_id"])
    items = db.items_of(conn, [product_id])[product_id]
    approve = _approved_items(product_id, status, review, items)
    for item in approve:
        if item["vendor_item_id"] is None:
            db.item_update(
                conn,
                int(item["seller_product_item_id"]),
                {
                    "vendor_item_id": repo.next_id(conn, "vendor_item", VENDOR_ITEM_ID_START),
                    "on_sale": True,
                },
            )
    values: dict[str, Any] = {"status": status, "review_due_us": None, "updated_at_us": to_us(at)}
    if approve and row["product_id"] is None:
        values["product_id"] = repo.next_id(conn, "exposed_product", PRODUCT_ID_START)
    db.product_update(conn, product_id, values)
    comment = _REVIEW_COMMENTS[status]
    if review.reason:
        comment = f"{comment}: {review.reason}"
    record_history(conn, row, status, comment=comment, by=review.by, at=at)
    return status
