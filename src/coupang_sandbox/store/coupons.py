"""Tables and queries of coupons: contracts and their monthly budget use, coupons (instant
and downloadable), coupon items and the asynchronous requests. Timestamps are microseconds
since the epoch; coupon dates are kept as such and shown in Korean time.
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
    String,
    Table,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.engine import RowMapping

from coupang_sandbox.store.schema import metadata

contracts = Table(
    "sandbox_coupon_contracts",
    metadata,
    Column("contract_id", BigInteger, primary_key=True, autoincrement=False),
    Column("vendor_id", String(32), nullable=False),
    Column("vendor_contract_id", BigInteger, nullable=False),
    #: CONTRACT_BASED | NON_CONTRACT_BASED
    Column("type", String(24), nullable=False),
    Column("start_us", BigInteger, nullable=False),
    Column("end_us", BigInteger, nullable=False),
    #: Monthly budget (won) of the contract.
    Column("budget_per_month", BigInteger, nullable=False),
    #: ``{"sellerShareRatio", "coupangShareRatio", "gmvRatio", "modifiedBy"}``
    Column("doc", JSON, nullable=False),
    Column("modified_at_us", BigInteger, nullable=False),
    Index("ix_sandbox_coupon_contracts_vendor", "vendor_id", "contract_id"),
)

budget_usage = Table(
    "sandbox_coupon_budget_usage",
    metadata,
    Column("contract_id", BigInteger, primary_key=True, autoincrement=False),
    #: ``yyyy-MM`` (Korean time)
    Column("target_month", String(7), primary_key=True),
    Column("used", BigInteger, nullable=False),
)

coupons = Table(
    "sandbox_coupons",
    metadata,
    Column("coupon_id", BigInteger, primary_key=True, autoincrement=False),
    Column("vendor_id", String(32), nullable=False),
    #: INSTANT | DOWNLOAD
    Column("kind", String(16), nullable=False),
    Column("contract_id", BigInteger, nullable=False),
    #: CouponStatus (see ``state/coupons.py``)
    Column("status", String(16), nullable=False),
    #: RATE | PRICE | FIXED_WITH_QUANTITY (instant); the policies' type (downloadable)
    Column("discount_type", String(24), nullable=False),
    Column("discount", BigInteger, nullable=False),
    Column("max_discount_price", BigInteger, nullable=False),
    Column("start_us", BigInteger, nullable=False),
    Column("end_us", BigInteger, nullable=False),
    #: name/title, policies, userId, usage...
    Column("doc", JSON, nullable=False),
    Column("created_at_us", BigInteger, nullable=False),
    Column("modified_at_us", BigInteger, nullable=False),
    Index("ix_sandbox_coupons_vendor_status", "vendor_id", "kind", "status"),
)

coupon_items = Table(
    "sandbox_coupon_items",
    metadata,
    Column("coupon_item_id", BigInteger, primary_key=True, autoincrement=False),
    Column("coupon_id", BigInteger, nullable=False),
    Column("vendor_id", String(32), nullable=False),
    Column("vendor_item_id", BigInteger, nullable=False),
    #: ACTIVE | EXPIRED
    Column("state", String(16), nullable=False),
    Column("created_at_us", BigInteger, nullable=False),
    Column("modified_at_us", BigInteger, nullable=False),
    Index("ix_sandbox_coupon_items_coupon", "coupon_id", "coupon_item_id"),
    Index("ix_sandbox_coupon_items_vendor_item", "vendor_item_id", "state"),
)

requests = Table(
    "sandbox_coupon_requests",
    metadata,
    Column("requested_id", String(40), primary_key=True),
    Column("vendor_id", String(32), nullable=False),
    #: INSTANT (fms requestedId) | DOWNLOAD (requestTransactionId)
    Column("kind", String(16), nullable=False),
    #: CouponRequestType
    Column("type", String(24), nullable=False),
    Column("coupon_id", BigInteger, nullable=True),
    #: REQUESTED | DONE | FAIL
    Column("status", String(16), nullable=False),
    #: What to do (the validated body) and, once processed, the outcome.
    Column("payload", JSON, nullable=False),
    Column("result", JSON, nullable=True),
    Column("created_at_us", BigInteger, nullable=False),
    Column("due_us", BigInteger, nullable=False),
    Index("ix_sandbox_coupon_requests_due", "vendor_id", "status", "due_us"),
)


def contract_insert(conn: Connection, values: Mapping[str, Any]) -> None:
    """Store a contract."""
    conn.execute(insert(contracts).values(**values))


def contract_get(conn: Connection, vendor_id: str, contract_id: int) -> RowMapping | None:
    """The vendor's contract, ``None`` if it has none of that id."""
    query = select(contracts).where(
        contracts.c.contract_id == contract_id, contracts.c.vendor_id == vendor_id
    )
    return conn.execute(query).mappings().first()


def contract_budget(conn: Connection, contract_id: int) -> int:
    """A contract's monthly budget (won); 0 when the contract is gone."""
    query = select(contracts.c.budget_per_month).where(contracts.c.contract_id == contract_id)
    value = conn.execute(query).scalar()
    return 0 if value is None else int(value)


def contracts_of(conn: Connection, vendor_id: str) -> list[RowMapping]:
    """The vendor's contracts, by id."""
    query = (
        select(contracts)
        .where(contracts.c.vendor_id == vendor_id)
        .order_by(contracts.c.contract_id)
    )
    return list(conn.execute(query).mappings().all())


def budget_used(conn: Connection, contract_id: int, month: str, *, lock: bool = False) -> int:
    """What the contract's budget granted in ``month`` (``yyyy-MM``); ``lock`` takes the row lock of
    that month."""
    query = select(budget_usage.c.used).where(
        budget_usage.c.contract_id == contract_id, budget_usage.c.target_month == month
    )
    if lock:
        query = query.with_for_update()
    value = conn.execute(query).scalar()
    return 0 if value is None else int(value)


def budget_add(conn: Connection, contract_id: int, month: str, amount: int) -> None:
    """Add ``amount`` won to the contract's budget use of ``month`` (the row is made when
    missing)."""
    result = conn.execute(
        update(budget_usage)
        .where(budget_usage.c.contract_id == contract_id, budget_usage.c.target_month == month)
        .values(used=budget_usage.c.used + amount)
    )
    if result.rowcount == 0:
        conn.execute(
            insert(budget_usage).values(contract_id=contract_id, target_month=month, used=amount)
        )


def coupon_insert(conn: Connection, values: Mapping[str, Any]) -> None:
    """Store a coupon (either kind)."""
    conn.execute(insert(coupons).values(**values))


def coupon_update(conn: Connection, coupon_id: int, values: Mapping[str, Any]) -> None:
    """Change a coupon."""
    conn.execute(update(coupons).where(coupons.c.coupon_id == coupon_id).values(**values))


def coupon_get(
    conn: Connection, vendor_id: str, coupon_id: int, kind: str | None = None, *, lock: bool = False
) -> RowMapping | None:
    """The vendor's coupon; ``lock`` takes its row lock (``FOR UPDATE`` on PostgreSQL): a new
    request on a coupon is decided under it, so two processes asking at once queue up and the
    second sees the first's pending request."""
    query = select(coupons).where(
        coupons.c.coupon_id == coupon_id, coupons.c.vendor_id == vendor_id
    )
    if kind is not None:
        query = query.where(coupons.c.kind == kind)
    if lock:
        query = query.with_for_update()
    return conn.execute(query).mappings().first()


def coupon_by_id(conn: Connection, coupon_id: int) -> RowMapping | None:
    """A coupon of any vendor and kind (the control API's lookup)."""
    return conn.execute(select(coupons).where(coupons.c.coupon_id == coupon_id)).mappings().first()


def coupons_live(conn: Connection, vendor_id: str, statuses: Sequence[str]) -> list[RowMapping]:
    """The vendor's coupons in one of ``statuses``."""
    query = select(coupons).where(coupons.c.vendor_id == vendor_id, coupons.c.status.in_(statuses))
    return list(conn.execute(query).mappings().all())


def coupons_page(
    conn: Connection, vendor_id: str, kind: str, status: str, *, offset: int, limit: int, desc: bool
) -> tuple[list[RowMapping], int]:
    """``(rows, total)``: one page of the vendor's coupons of ``kind`` and ``status``, by id, and
    how many there are in all."""
    where = (coupons.c.vendor_id == vendor_id, coupons.c.kind == kind, coupons.c.status == status)
    total = int(conn.execute(select(func.count()).select_from(coupons).where(*where)).scalar() or 0)
    order = coupons.c.coupon_id.desc() if desc else coupons.c.coupon_id
    query = select(coupons).where(*where).order_by(order).offset(offset).limit(limit)
    return list(conn.execute(query).mappings().all()), total


def item_insert(conn: Connection, values: Mapping[str, Any]) -> None:
    """Store a coupon item."""
    conn.execute(insert(coupon_items).values(**values))


def items_update(conn: Connection, ids: Sequence[int], values: Mapping[str, Any]) -> None:
    """Change these coupon items (nothing when ``ids`` is empty)."""
    if ids:
        conn.execute(
            update(coupon_items)
            .where(coupon_items.c.coupon_item_id.in_(list(ids)))
            .values(**values)
        )


def items_of(conn: Connection, coupon_id: int, state: str | None = None) -> list[RowMapping]:
    """The coupon's items (of ``state`` when given), by coupon item id."""
    query = select(coupon_items).where(coupon_items.c.coupon_id == coupon_id)
    if state is not None:
        query = query.where(coupon_items.c.state == state)
    return list(conn.execute(query.order_by(coupon_items.c.coupon_item_id)).mappings().all())


def active_items_of_vendor_item(conn: Connection, vendor_item_id: int) -> list[RowMapping]:
    """The live coupon items of a vendorItem, in any coupon."""
    query = select(coupon_items).where(
        coupon_items.c.vendor_item_id == vendor_item_id, coupon_items.c.state == "ACTIVE"
    )
    return list(conn.execute(query).mappings().all())


def request_insert(conn: Connection, values: Mapping[str, Any]) -> None:
    """Store a coupon request."""
    conn.execute(insert(requests).values(**values))


def request_update(conn: Connection, requested_id: str, values: Mapping[str, Any]) -> None:
    """Change a coupon request."""
    conn.execute(update(requests).where(requests.c.requested_id == requested_id).values(**values))


def request_get(
    conn: Connection, vendor_id: str, requested_id: str, kind: str
) -> RowMapping | None:
    """The vendor's coupon request of ``kind``, ``None`` if it has none of that id."""
    query = select(requests).where(
        requests.c.requested_id == requested_id,
        requests.c.vendor_id == vendor_id,
        requests.c.kind == kind,
    )
    return conn.execute(query).mappings().first()


def requests_due(conn: Connection, vendor_id: str, now_us: int) -> list[RowMapping]:
    """The vendor's requests still REQUESTED and due at ``now_us``, oldest first."""
    query = (
        select(requests)
        .where(
            requests.c.vendor_id == vendor_id,
            requests.c.status == "REQUESTED",
            requests.c.due_us <= now_us,
        )
        .order_by(requests.c.due_us, requests.c.created_at_us, requests.c.requested_id)
        .with_for_update()
    )
    return list(conn.execute(query).mappings().all())


def pending_of_coupon(conn: Connection, coupon_id: int) -> list[RowMapping]:
    """The coupon's requests still REQUESTED."""
    query = select(requests).where(
        requests.c.coupon_id == coupon_id, requests.c.status == "REQUESTED"
    )
    return list(conn.execute(query).mappings().all())
