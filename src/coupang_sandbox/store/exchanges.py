"""The table and queries of exchange requests (교환요청).

One row per ``exchangeId``, hanging off the order tables by ``order_id`` and the original
``shipment_box_id``; the items, the addresses and the pickup of the returned goods are JSON
documents of the row. The new shipment box (재배송 박스) is allocated from the same global
``shipment_box`` sequence as the order boxes when the seller confirms receipt, and shows in
``deliveryInvoiceGroupDtos`` from ``new_box_at_us`` on (the sandbox clock). Timestamps are
microseconds since the epoch.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Connection,
    Index,
    Integer,
    String,
    Table,
    Text,
    insert,
    select,
    update,
)
from sqlalchemy.engine import RowMapping

from coupang_sandbox.store.schema import metadata

exchanges = Table(
    "sandbox_exchanges",
    metadata,
    Column("exchange_id", BigInteger, primary_key=True, autoincrement=False),
    Column("vendor_id", String(32), nullable=False),
    Column("order_id", BigInteger, nullable=False),
    Column("original_shipment_box_id", BigInteger, nullable=False),
    #: ExchangeStatus (see ``state/exchanges.py``).
    Column("status", String(16), nullable=False),
    #: ExchangeCollectStatus / ExchangeDeliveryStatus (wire spelling: ``CompleteCollect``).
    Column("collect_status", String(24), nullable=False),
    Column("delivery_status", String(24), nullable=False),
    Column("vendor_item_id", BigInteger, nullable=False),
    Column("quantity", Integer, nullable=False),
    Column("reason_code", String(32), nullable=False),
    Column("reason_etc_detail", Text, nullable=True),
    Column("fault_type", String(16), nullable=False),
    Column("refer_type", String(16), nullable=False),
    Column("exchange_amount", BigInteger, nullable=False),
    Column("modified_by_type", String(16), nullable=False),
    #: ``{"exchangeItemId", "orderItemId", "unitPrice", "name", "packageName"}``
    Column("item", JSON, nullable=False),
    #: ``{"name", "zipCode", "address", "addressDetail", "safeNumber"}`` (virtual numbers only)
    Column("customer", JSON, nullable=False),
    #: ``{"deliveryCompanyCode", "deliveryInvoiceNo"}`` of the pickup (회수).
    Column("return_delivery", JSON, nullable=False),
    Column("new_shipment_box_id", BigInteger, nullable=True),
    Column("new_box_at_us", BigInteger, nullable=True),
    Column("goods_delivery_code", String(32), nullable=True),
    Column("invoice_number", String(64), nullable=True),
    Column("invoice_uploaded_at_us", BigInteger, nullable=True),
    Column("reject_code", String(16), nullable=True),
    Column("cancel_reason", Text, nullable=True),
    Column("collected_at_us", BigInteger, nullable=True),
    Column("created_at_us", BigInteger, nullable=False),
    Column("modified_at_us", BigInteger, nullable=False),
    Index("ix_sandbox_exchanges_vendor_created", "vendor_id", "created_at_us"),
    Index("ix_sandbox_exchanges_order", "order_id"),
)

#: Exchange statuses still open (counted against the delivered quantity).
OPEN_STATUSES = ("RECEIPT", "PROGRESS")


def insert_exchange(conn: Connection, values: Mapping[str, Any]) -> None:
    """Store an exchange."""
    conn.execute(insert(exchanges).values(**values))


def update_exchange(conn: Connection, exchange_id: int, values: Mapping[str, Any]) -> None:
    """Change an exchange."""
    conn.execute(update(exchanges).where(exchanges.c.exchange_id == exchange_id).values(**values))


def get_exchange(
    conn: Connection, exchange_id: int, vendor_id: str | None = None, *, lock: bool = False
) -> RowMapping | None:
    """An exchange (the vendor's, when ``vendor_id`` is given); ``lock`` takes its row lock."""
    query = select(exchanges).where(exchanges.c.exchange_id == exchange_id)
    if vendor_id is not None:
        query = query.where(exchanges.c.vendor_id == vendor_id)
    if lock:
        query = query.with_for_update()
    return conn.execute(query).mappings().first()


def open_exchanges_of_order(conn: Connection, order_id: int) -> list[RowMapping]:
    """The order's exchanges that are still open (RECEIPT or PROGRESS)."""
    return list(
        conn.execute(
            select(exchanges).where(
                exchanges.c.order_id == order_id, exchanges.c.status.in_(OPEN_STATUSES)
            )
        )
        .mappings()
        .all()
    )


def exchanges_page(
    conn: Connection,
    vendor_id: str,
    *,
    created_from_us: int,
    created_before_us: int,
    status: str | None,
    order_id: int | None,
    after_id: int | None,
    limit: int,
) -> tuple[list[RowMapping], bool]:
    """Exchanges created in ``[from, before)``, by exchangeId, after the token."""
    where: list[Any] = [
        exchanges.c.vendor_id == vendor_id,
        exchanges.c.created_at_us >= created_from_us,
        exchanges.c.created_at_us < created_before_us,
    ]
    if status is not None:
        where.append(exchanges.c.status == status)
    if order_id is not None:
        where.append(exchanges.c.order_id == order_id)
    if after_id is not None:
        where.append(exchanges.c.exchange_id > after_id)
    query = select(exchanges).where(*where).order_by(exchanges.c.exchange_id).limit(limit + 1)
    rows = list(conn.execute(query).mappings().all())
    return rows[:limit], len(rows) > limit
