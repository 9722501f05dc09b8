"""Return details: what a return receipt needs beyond the order store's receipt row.

The receipt itself (``receiptId``, type, ``receiptStatus``, items, counts, reason code) lives in
``sandbox_order_receipts`` (:mod:`coupang_sandbox.store.orders`): a stop-shipment request the
seller answers "already shipped" becomes a return there. This table adds, per return receipt::

    sandbox_returns (receipt_id) ──> sandbox_order_receipts (receipt_id)

who pays the return shipping (``fault_by_type``, ``refund_delivery_duty``,
``return_shipping_charge``), how the goods come back (auto pickup by the return center's
courier or a manual invoice, ``deliveries``), quick refund, the pickup scan, the seller's
confirmation and the withdrawal. Rows of returns created by the order backend are added
lazily on the first read. Timestamps are microseconds on the sandbox clock.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Connection,
    Index,
    String,
    Table,
    Text,
    insert,
    select,
    update,
)
from sqlalchemy.engine import RowMapping

from coupang_sandbox.store.orders import receipts
from coupang_sandbox.store.schema import metadata

returns = Table(
    "sandbox_returns",
    metadata,
    Column("receipt_id", BigInteger, primary_key=True, autoincrement=False),
    Column("vendor_id", String(32), nullable=False),
    Column("order_id", BigInteger, nullable=False),
    #: The delivery status of the box when the customer asked (INSTRUCT: a stop-shipment
    #: request the seller shipped anyway).
    Column("requested_stage", String(24), nullable=False),
    #: FaultType (VENDOR / CUSTOMER ...) and RefundDeliveryDuty (COM / CUS / COU).
    Column("fault_by_type", String(16), nullable=False),
    Column("refund_delivery_duty", String(8), nullable=False),
    #: Return shipping the customer pays (deducted from the refund); 0 when the seller pays.
    Column("return_shipping_charge", BigInteger, nullable=False),
    Column("enclose_price", BigInteger, nullable=False),
    #: ReturnDeliveryType (연동택배: auto pickup, 수기관리: manual invoice).
    Column("return_delivery_type", String(16), nullable=False),
    Column("auto_pickup", Boolean, nullable=False),
    Column("pickup_courier", String(32), nullable=True),
    Column("return_center_code", String(32), nullable=True),
    Column("return_delivery_id", BigInteger, nullable=False),
    #: Quick refund (빠른환불) applies: regular delivery, under 100,000 won.
    Column("quick_refund", Boolean, nullable=False),
    #: Refunded before the seller confirmed (선환불 / preRefund).
    Column("pre_refund", Boolean, nullable=False),
    #: ``[{"deliveryCompanyCode", "deliveryInvoiceNo", "invoiceNumberId", "regNumber"}]``
    Column("deliveries", JSON, nullable=False),
    Column("reason_text", Text, nullable=True),
    Column("pickup_due_us", BigInteger, nullable=True),
    Column("picked_up_at_us", BigInteger, nullable=True),
    #: ReturnCompleteConfirmType (UNDEFINED, VENDOR_CONFIRM, CS_CONFIRM, CS_LOSS_CONFIRM).
    Column("complete_confirm_type", String(24), nullable=False),
    Column("complete_confirm_at_us", BigInteger, nullable=True),
    Column("withdrawn_at_us", BigInteger, nullable=True),
    Index("ix_sandbox_returns_withdrawn", "vendor_id", "withdrawn_at_us"),
    Index("ix_sandbox_returns_pickup", "pickup_due_us"),
)


def insert_return(conn: Connection, values: Mapping[str, Any]) -> None:
    """Store the details of a return."""
    conn.execute(insert(returns).values(**values))


def update_return(conn: Connection, receipt_id: int, values: Mapping[str, Any]) -> None:
    """Change the details of a return."""
    conn.execute(update(returns).where(returns.c.receipt_id == receipt_id).values(**values))


def get_return(conn: Connection, receipt_id: int) -> RowMapping | None:
    """The details of a return, ``None`` if it has none yet."""
    return (
        conn.execute(select(returns).where(returns.c.receipt_id == receipt_id)).mappings().first()
    )


def returns_by_ids(conn: Connection, ids: Sequence[int]) -> dict[int, RowMapping]:
    """The details of these returns, by receiptId (those that have details)."""
    rows = conn.execute(select(returns).where(returns.c.receipt_id.in_(list(ids)))).mappings()
    return {int(r["receipt_id"]): r for r in rows}


def receipts_without_details(conn: Connection, vendor_id: str | None) -> list[RowMapping]:
    """Return receipts (type RETURN) the order backend created that have no row here yet."""
    where: list[Any] = [
        receipts.c.receipt_type == "RETURN",
        receipts.c.receipt_id.not_in(select(returns.c.receipt_id)),
    ]
    if vendor_id is not None:
        where.append(receipts.c.vendor_id == vendor_id)
    return list(conn.execute(select(receipts).where(*where)).mappings().all())


def receipts_page(
    conn: Connection,
    vendor_id: str,
    *,
    receipt_types: Sequence[str],
    statuses: Sequence[str] | None,
    created_from_us: int,
    created_to_us: int,
    order_id: int | None,
    after_receipt_id: int | None,
    limit: int | None,
) -> tuple[list[RowMapping], bool]:
    """Receipts created in ``[from, to)``, by receiptId, after the token."""
    where: list[Any] = [
        receipts.c.vendor_id == vendor_id,
        receipts.c.receipt_type.in_(list(receipt_types)),
        receipts.c.created_at_us >= created_from_us,
        receipts.c.created_at_us < created_to_us,
    ]
    if statuses is not None:
        where.append(receipts.c.receipt_status.in_(list(statuses)))
    if order_id is not None:
        where.append(receipts.c.order_id == order_id)
    if after_receipt_id is not None:
        where.append(receipts.c.receipt_id > after_receipt_id)
    query = select(receipts).where(*where).order_by(receipts.c.receipt_id)
    if limit is not None:
        query = query.limit(limit + 1)
    rows = list(conn.execute(query).mappings().all())
    if limit is None:
        return rows, False
    return rows[:limit], len(rows) > limit


def unscheduled_auto_pickups(
    conn: Connection, vendor_id: str | None, status: str
) -> list[tuple[int, int]]:
    """(receiptId, receipt updated_at_us) of auto-pickup returns in ``status`` with no pickup
    scheduled, not picked up and not withdrawn."""
    ret, rec = returns, receipts
    query = (
        select(ret.c.receipt_id, rec.c.updated_at_us)
        .join(rec, rec.c.receipt_id == ret.c.receipt_id)
        .where(
            ret.c.auto_pickup.is_(True),
            ret.c.pickup_due_us.is_(None),
            ret.c.picked_up_at_us.is_(None),
            ret.c.withdrawn_at_us.is_(None),
            rec.c.receipt_status == status,
        )
    )
    if vendor_id is not None:
        query = query.where(ret.c.vendor_id == vendor_id)
    return [(int(r[0]), int(r[1])) for r in conn.execute(query).all()]


def pickups_due(conn: Connection, vendor_id: str | None, now_us: int) -> list[RowMapping]:
    """Details of the returns whose automatic pickup is due at ``now_us`` (any vendor when
    ``vendor_id`` is ``None``), locked, by receiptId."""
    where: list[Any] = [returns.c.pickup_due_us <= now_us]
    if vendor_id is not None:
        where.append(returns.c.vendor_id == vendor_id)
    query = select(returns).where(*where).order_by(returns.c.receipt_id).with_for_update()
    return list(conn.execute(query).mappings().all())


def withdrawn_page(
    conn: Connection, vendor_id: str, *, from_us: int, to_us: int, offset: int, limit: int
) -> tuple[list[RowMapping], bool]:
    """Withdrawn returns in ``[from, to)``, newest first."""
    query = (
        select(returns)
        .where(
            returns.c.vendor_id == vendor_id,
            returns.c.withdrawn_at_us >= from_us,
            returns.c.withdrawn_at_us < to_us,
        )
        .order_by(returns.c.withdrawn_at_us.desc(), returns.c.receipt_id.desc())
        .offset(offset)
        .limit(limit + 1)
    )
    rows = list(conn.execute(query).mappings().all())
    return rows[:limit], len(rows) > limit


def withdrawn_by_ids(conn: Connection, vendor_id: str, ids: Sequence[int]) -> list[RowMapping]:
    """The vendor's withdrawn returns among ``ids``."""
    query = (
        select(returns)
        .where(
            returns.c.vendor_id == vendor_id,
            returns.c.receipt_id.in_(list(ids)),
            returns.c.withdrawn_at_us.is_not(None),
        )
        .order_by(returns.c.receipt_id)
    )
    return list(conn.execute(query).mappings().all())


# -- pickup invoices (회수 송장) ---------------------------------------------------------------

#: Pickup invoices the seller registered by hand (``return-exchange-invoices/manual``), one row
#: per registration, for the six-month duplicate check shared with the order invoices
#: (``sandbox_invoices``). ``kind`` is the ``returnExchangeDeliveryType``.
pickup_invoices = Table(
    "sandbox_pickup_invoices",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    Column("vendor_id", String(32), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("receipt_id", BigInteger, nullable=False),
    Column("delivery_company_code", String(32), nullable=False),
    Column("invoice_number", String(64), nullable=False),
    Column("registered_at_us", BigInteger, nullable=False),
    Index("ix_sandbox_pickup_invoices_number", "delivery_company_code", "invoice_number"),
)


def pickup_invoice_insert(conn: Connection, values: Mapping[str, Any]) -> None:
    """Store a pickup invoice (a return's or an exchange's)."""
    conn.execute(insert(pickup_invoices).values(**values))


def pickup_invoice_uses(
    conn: Connection, courier: str, number: str, since_us: int
) -> list[RowMapping]:
    """Pickup invoices with this courier and number registered since ``since_us`` (any vendor)."""
    return list(
        conn.execute(
            select(pickup_invoices)
            .where(
                pickup_invoices.c.delivery_company_code == courier,
                pickup_invoices.c.invoice_number == number,
                pickup_invoices.c.registered_at_us >= since_us,
            )
            .order_by(pickup_invoices.c.registered_at_us)
        )
        .mappings()
        .all()
    )
