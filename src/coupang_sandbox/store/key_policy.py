"""Key policies: a vendor's allowed addresses and key lifetime, and every key's issue date.

Two tables, both new (``create_all`` adds them to a store made before they existed):

* ``sandbox_key_policies``: one row per vendor that has a policy (allowed IPs as a JSON list,
  or ``NULL`` for any address; the key lifetime in days). A vendor without a row follows the
  settings' default lifetime and allows any address.
* ``sandbox_keys``: one row per access key the sandbox has dated. The vendor's current key
  (the one in ``sandbox_vendors``) has ``valid_until_us`` ``NULL``; a key rotated out keeps its
  secret here and works until ``valid_until_us`` (the end of the overlap). A seeded key gets
  its row, and so its issue date, at its first signed use.

Every write bumps the store's generation, so every process drops its cached view of the keys.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Integer,
    String,
    Table,
    Text,
    delete,
    select,
    update,
)
from sqlalchemy.engine import RowMapping

from coupang_sandbox.store.engine import insert_ignore
from coupang_sandbox.store.repo import generation_bump
from coupang_sandbox.store.schema import metadata, vendors

key_policies = Table(
    "sandbox_key_policies",
    metadata,
    Column("vendor_id", String(32), primary_key=True),
    #: JSON list of addresses / CIDR networks; ``NULL``: any address.
    Column("allowed_ips", Text, nullable=True),
    Column("lifetime_days", Integer, nullable=False),
)

keys = Table(
    "sandbox_keys",
    metadata,
    Column("access_key", String(128), primary_key=True),
    Column("vendor_id", String(32), nullable=False, index=True),
    Column("secret_key", String(256), nullable=False),
    Column("issued_at_us", BigInteger, nullable=False),
    #: ``NULL`` for the vendor's current key; the end of the overlap for a key rotated out.
    Column("valid_until_us", BigInteger, nullable=True),
)


def policy_get(conn: Connection, vendor_id: str) -> RowMapping | None:
    """The vendor's policy row, or ``None`` (defaults apply)."""
    query = select(key_policies).where(key_policies.c.vendor_id == vendor_id)
    return conn.execute(query).mappings().first()


def allowed_ips_of(row: RowMapping | None) -> tuple[str, ...] | None:
    """The allowed addresses stored in a policy row (``None``: any address)."""
    if row is None or row["allowed_ips"] is None:
        return None
    return tuple(str(entry) for entry in json.loads(row["allowed_ips"]))


def policy_put(
    conn: Connection, vendor_id: str, allowed_ips: Sequence[str] | None, lifetime_days: int
) -> None:
    """Write the vendor's whole policy (insert or replace) and bump the generation."""
    values = {
        "allowed_ips": None if allowed_ips is None else json.dumps(list(allowed_ips)),
        "lifetime_days": lifetime_days,
    }
    if not insert_ignore(conn, key_policies, {"vendor_id": vendor_id, **values}):
        conn.execute(
            update(key_policies).where(key_policies.c.vendor_id == vendor_id).values(**values)
        )
    generation_bump(conn)


def key_get(conn: Connection, access_key: str) -> RowMapping | None:
    """The dated key ``access_key`` (current or rotated out), or ``None``."""
    return conn.execute(select(keys).where(keys.c.access_key == access_key)).mappings().first()


def vendor_row(conn: Connection, vendor_id: str) -> RowMapping | None:
    """The vendor's row (its current keys)."""
    query = select(vendors).where(vendors.c.vendor_id == vendor_id)
    return conn.execute(query).mappings().first()


def rotated_out(conn: Connection, vendor_id: str, access_key: str) -> bool:
    """Whether ``access_key`` is a key the vendor had and rotated away from (the vendor's
    current key is another one)."""
    dated = select(keys.c.access_key).where(
        keys.c.access_key == access_key,
        keys.c.vendor_id == vendor_id,
        keys.c.valid_until_us.is_not(None),
    )
    current = select(vendors.c.access_key).where(vendors.c.vendor_id == vendor_id)
    now_key = conn.execute(current).scalar_one_or_none()
    return now_key not in (None, access_key) and conn.execute(dated).first() is not None


def access_key_taken(conn: Connection, access_key: str) -> bool:
    """Whether ``access_key`` is any vendor's current key or a dated key."""
    current = select(vendors.c.vendor_id).where(vendors.c.access_key == access_key)
    dated = select(keys.c.vendor_id).where(keys.c.access_key == access_key)
    return conn.execute(current).first() is not None or conn.execute(dated).first() is not None


def date_current_key(
    conn: Connection, vendor_id: str, access_key: str, secret_key: str, issued_at_us: int
) -> int:
    """Give the vendor's current key its issue date, unless another request (or process) did
    first; a stale row of the same access key (an earlier vendor's) is replaced. Returns the
    issue date in force. Bumps the generation when it wrote."""
    row = key_get(conn, access_key)
    if row is not None and row["vendor_id"] == vendor_id and row["valid_until_us"] is None:
        return int(row["issued_at_us"])
    if row is not None:
        conn.execute(delete(keys).where(keys.c.access_key == access_key))
    values = {
        "access_key": access_key,
        "vendor_id": vendor_id,
        "secret_key": secret_key,
        "issued_at_us": issued_at_us,
        "valid_until_us": None,
    }
    if not insert_ignore(conn, keys, values):
        return int(key_get(conn, access_key)["issued_at_us"])  # type: ignore[index]
    generation_bump(conn)
    return issued_at_us


def rotate(
    conn: Connection,
    vendor_id: str,
    old: RowMapping,
    *,
    old_issued_at_us: int,
    old_valid_until_us: int,
    new_access_key: str,
    new_secret_key: str,
    now_us: int,
) -> None:
    """Replace the vendor's key: the old one is kept (dated, valid until the end of the
    overlap), the new one becomes current, issued ``now_us``. Bumps the generation."""
    conn.execute(delete(keys).where(keys.c.access_key == old["access_key"]))
    conn.execute(
        keys.insert().values(
            access_key=old["access_key"],
            vendor_id=vendor_id,
            secret_key=old["secret_key"],
            issued_at_us=old_issued_at_us,
            valid_until_us=old_valid_until_us,
        )
    )
    conn.execute(
        update(vendors)
        .where(vendors.c.vendor_id == vendor_id)
        .values(access_key=new_access_key, secret_key=new_secret_key)
    )
    conn.execute(
        keys.insert().values(
            access_key=new_access_key,
            vendor_id=vendor_id,
            secret_key=new_secret_key,
            issued_at_us=now_us,
            valid_until_us=None,
        )
    )
    generation_bump(conn)


def previous_keys(conn: Connection, vendor_id: str, now_us: int) -> list[RowMapping]:
    """The vendor's keys rotated out that still work at ``now_us``, oldest first."""
    query = (
        select(keys)
        .where(
            keys.c.vendor_id == vendor_id,
            keys.c.valid_until_us.is_not(None),
            keys.c.valid_until_us > now_us,
        )
        .order_by(keys.c.valid_until_us, keys.c.access_key)
    )
    return list(conn.execute(query).mappings().all())
