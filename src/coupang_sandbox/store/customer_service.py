"""Tables and queries of customer-service inquiries (고객문의).

One row per inquiry, keyed by ``(kind, inquiry_id)`` (``online`` or ``call_center``); the
vendorItemIds an inquiry is about sit in a child table so the lists can filter on any of them.
The replies (the seller's answers, the counsellor's transfer note) are a JSON list on the row,
rewritten in the same transaction as the state. Timestamps are microseconds since the epoch
on the sandbox clock. Every seller query filters on ``vendor_id``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Connection,
    Index,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.engine import RowMapping

from coupang_sandbox.store.products import product_items
from coupang_sandbox.store.schema import metadata

inquiries = Table(
    "sandbox_inquiries",
    metadata,
    #: ``online`` (product inquiry) or ``call_center``.
    Column("kind", String(16), nullable=False),
    Column("inquiry_id", BigInteger, nullable=False, autoincrement=False),
    Column("vendor_id", String(32), nullable=False),
    #: NOANSWER/ANSWERED (online) or NO_ANSWER/TRANSFER/ANSWER (call center).
    Column("status", String(16), nullable=False),
    #: The item asked about (the first one for a call-center inquiry on a whole order).
    Column("vendor_item_id", BigInteger, nullable=True),
    Column("seller_product_id", BigInteger, nullable=True),
    Column("product_id", BigInteger, nullable=True),
    Column("order_id", BigInteger, nullable=True),
    Column("content", Text, nullable=False),
    #: ``{"itemName", "vendorItemIds", "orderIds", "buyer", "buyerPhone", "orderDate",
    #: "saleStartedAt", "saleEndedAt", "receiptCategory"}``
    Column("doc", JSON, nullable=False),
    #: Online: ``[{"inquiryCommentId", "content", "at_us", "by"}]``; call center:
    #: ``[{"answerId", "parentAnswerId", "answerType", "partnerTransferStatus", ...}]``.
    Column("replies", JSON, nullable=False),
    Column("replied_by", String(128), nullable=True),
    Column("confirmed_by", String(128), nullable=True),
    Column("answered_at_us", BigInteger, nullable=True),
    Column("inquiry_at_us", BigInteger, nullable=False),
    Column("updated_at_us", BigInteger, nullable=False),
    PrimaryKeyConstraint("kind", "inquiry_id"),
    Index("ix_sandbox_inquiries_vendor_at", "vendor_id", "kind", "inquiry_at_us"),
)

inquiry_items = Table(
    "sandbox_inquiry_items",
    metadata,
    Column("kind", String(16), nullable=False),
    Column("inquiry_id", BigInteger, nullable=False, autoincrement=False),
    Column("vendor_item_id", BigInteger, nullable=False, autoincrement=False),
    PrimaryKeyConstraint("kind", "inquiry_id", "vendor_item_id"),
    Index("ix_sandbox_inquiry_items_item", "vendor_item_id"),
)


def insert_inquiry(
    conn: Connection, values: Mapping[str, Any], vendor_item_ids: Sequence[int]
) -> None:
    """Store an inquiry and the vendorItems it is about (each once)."""
    conn.execute(insert(inquiries).values(**values))
    for item in dict.fromkeys(vendor_item_ids):
        conn.execute(
            insert(inquiry_items).values(
                kind=values["kind"], inquiry_id=values["inquiry_id"], vendor_item_id=item
            )
        )


def update_inquiry(conn: Connection, kind: str, inquiry_id: int, values: Mapping[str, Any]) -> None:
    """Change an inquiry."""
    conn.execute(
        update(inquiries)
        .where(inquiries.c.kind == kind, inquiries.c.inquiry_id == inquiry_id)
        .values(**values)
    )


def get_inquiry(
    conn: Connection,
    kind: str,
    inquiry_id: int,
    vendor_id: str | None = None,
    *,
    lock: bool = False,
) -> RowMapping | None:
    """An inquiry of ``kind`` (the vendor's, when ``vendor_id`` is given); ``lock`` takes its row
    lock."""
    query = select(inquiries).where(inquiries.c.kind == kind, inquiries.c.inquiry_id == inquiry_id)
    if vendor_id is not None:
        query = query.where(inquiries.c.vendor_id == vendor_id)
    if lock:
        query = query.with_for_update()
    return conn.execute(query).mappings().first()


def inquiries_page(
    conn: Connection,
    kind: str,
    vendor_id: str,
    *,
    from_us: int | None,
    before_us: int | None,
    states: Sequence[str],
    vendor_item_id: int | None,
    order_id: int | None,
    offset: int,
    limit: int,
) -> tuple[list[RowMapping], int]:
    """One page of inquiries, newest first, and the number of all that match."""
    where: list[Any] = [
        inquiries.c.kind == kind,
        inquiries.c.vendor_id == vendor_id,
        inquiries.c.status.in_(list(states)),
    ]
    if from_us is not None:
        where.append(inquiries.c.inquiry_at_us >= from_us)
    if before_us is not None:
        where.append(inquiries.c.inquiry_at_us < before_us)
    if order_id is not None:
        where.append(inquiries.c.order_id == order_id)
    if vendor_item_id is not None:
        where.append(
            inquiries.c.inquiry_id.in_(
                select(inquiry_items.c.inquiry_id).where(
                    inquiry_items.c.kind == kind, inquiry_items.c.vendor_item_id == vendor_item_id
                )
            )
        )
    total = int(
        conn.execute(select(func.count()).select_from(inquiries).where(*where)).scalar_one()
    )
    rows = (
        conn.execute(
            select(inquiries)
            .where(*where)
            .order_by(inquiries.c.inquiry_at_us.desc(), inquiries.c.inquiry_id.desc())
            .offset(offset)
            .limit(limit)
        )
        .mappings()
        .all()
    )
    return list(rows), total


def listed_item(conn: Connection, vendor_item_id: int) -> RowMapping | None:
    """The product item ``vendor_item_id`` of any vendor (the control API's customer asks
    about any listed item; the caller checks the owner)."""
    query = select(product_items).where(product_items.c.vendor_item_id == vendor_item_id)
    return conn.execute(query).mappings().first()
