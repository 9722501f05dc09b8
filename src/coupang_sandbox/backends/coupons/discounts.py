"""Coupons on orders: the instant and downloadable discounts granted to an order line, bounded
by the contract's monthly budget (called by the orders backend)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from coupang_sandbox.backends._ids import parse_id
from coupang_sandbox.backends.coupons._common import (
    DOWNLOAD,
    INSTANT,
    Row,
    month_of,
)
from coupang_sandbox.backends.coupons.settling import settle
from coupang_sandbox.clock import to_us
from coupang_sandbox.errors import ValidationFailed
from coupang_sandbox.state import coupons as st
from coupang_sandbox.store import coupons as cdb
from coupang_sandbox.store import orders as order_db
from coupang_seller.preflight import Violation

# -- order discounts ---------------------------------------------------------------------


def _budget_cap(conn: Connection, contract_id: int, month: str, wanted: int) -> int:
    used = cdb.budget_used(conn, contract_id, month, lock=True)
    return max(0, min(wanted, cdb.contract_budget(conn, contract_id) - used))


def _grant(conn: Connection, coupon: Row, amount: int, now: datetime) -> None:
    cdb.budget_add(conn, int(coupon["contract_id"]), month_of(now), amount)
    doc = dict(coupon["doc"] or {})
    doc["usageAmount"] = int(doc.get("usageAmount") or 0) + amount
    cdb.coupon_update(conn, int(coupon["coupon_id"]), {"doc": doc})


def _running(coupon: Row | None, now: datetime) -> bool:
    return (
        coupon is not None
        and coupon["status"] == st.APPLIED
        and int(coupon["start_us"]) <= to_us(now) < int(coupon["end_us"])
    )


def instant_discount(kind: str, discount: int, cap: int, unit_price: int, quantity: int) -> int:
    """The discount (won, whole line) of an instant coupon; see the module docstring."""
    line = unit_price * quantity
    if kind == "RATE":
        amount = min(unit_price * discount // 100, cap) * quantity
    elif kind == "FIXED_WITH_QUANTITY":
        amount = min(discount, cap, unit_price) * quantity
    else:
        amount = min(discount, cap)
    return max(0, min(amount, line))


def download_discount(policies: Sequence[Mapping[str, Any]], line: int) -> int | None:
    """The best policy's discount for a line of ``line`` won; ``None`` when none applies."""
    best: int | None = None
    for policy in policies:
        if line < int(policy.get("minimumPrice") or 0):
            continue
        value = int(policy.get("discount") or 0)
        if policy.get("typeOfDiscount") == "RATE":
            value = min(line * value // 100, int(policy.get("maximumDiscountPrice") or 0))
        best = value if best is None else max(best, value)
    return None if best is None else min(best, line)


def discounts_for(
    conn: Connection,
    vendor_id: str,
    vendor_item_id: int,
    *,
    unit_price: int,
    quantity: int,
    now: datetime,
) -> dict[str, Any]:
    """The instant-coupon part of an order line's ``doc`` (called by ``Orders._place_box``)."""
    settle(conn, vendor_id, now)
    out: dict[str, Any] = {
        "instantCouponDiscount": 0,
        "downloadableCouponDiscount": 0,
        "appliedCoupons": [],
    }
    for item in cdb.active_items_of_vendor_item(conn, vendor_item_id):
        coupon = cdb.coupon_get(conn, vendor_id, int(item["coupon_id"]), INSTANT)
        if coupon is None or not _running(coupon, now):
            continue
        wanted = instant_discount(
            str(coupon["discount_type"]),
            int(coupon["discount"]),
            int(coupon["max_discount_price"]),
            unit_price,
            quantity,
        )
        amount = _budget_cap(conn, int(coupon["contract_id"]), month_of(now), wanted)
        if amount <= 0:
            continue
        _grant(conn, coupon, amount, now)
        out["instantCouponDiscount"] = amount
        out["appliedCoupons"] = [
            {"couponId": int(coupon["coupon_id"]), "couponType": "INSTANT", "discount": amount}
        ]
        break
    return out


def _chosen_download_coupons(body: Mapping[str, Any]) -> dict[int, tuple[str, Any]]:
    """``{vendorItemId: (field, couponId)}`` from ``items[i].downloadableCouponId`` or a
    body-level ``downloadableCoupons: {vendorItemId: couponId}``."""
    chosen: dict[int, tuple[str, Any]] = {}
    by_item = body.get("downloadableCoupons")
    if isinstance(by_item, Mapping):
        for key, value in by_item.items():
            vid = parse_id(key)
            if vid is not None:
                chosen[vid] = (f"downloadableCoupons.{key}", value)
    for index, line in enumerate(body.get("items") or []):
        if isinstance(line, Mapping) and line.get("downloadableCouponId") is not None:
            vid = parse_id(line.get("vendorItemId"))
            if vid is not None:
                chosen[vid] = (f"items[{index}].downloadableCouponId", line["downloadableCouponId"])
    return chosen


def apply_download_coupons(
    conn: Connection, vendor_id: str, order_id: int, body: Mapping[str, Any], now: datetime
) -> None:
    """The customer's downloaded coupons on a just-placed order (called by ``Orders.place``).

    400 (``not_applicable``) when a named coupon does not apply to its line."""
    chosen = _chosen_download_coupons(body)
    if not chosen:
        return
    settle(conn, vendor_id, now)
    for item in order_db.items_of_order(conn, order_id):
        vid = int(item["vendor_item_id"])
        if vid not in chosen:
            continue
        field, raw = chosen.pop(vid)
        coupon_id = parse_id(raw)
        coupon = None if coupon_id is None else cdb.coupon_get(conn, vendor_id, coupon_id, DOWNLOAD)
        doc = dict(item["doc"] or {})
        line = int(item["sales_price"]) * int(item["shipping_count"])
        left = line - int(doc.get("instantCouponDiscount") or 0)
        holds = coupon is not None and any(
            int(i["vendor_item_id"]) == vid
            for i in cdb.items_of(conn, int(coupon["coupon_id"]), st.ACTIVE)
        )
        amount = None
        if coupon is not None and holds and _running(coupon, now):
            amount = download_discount((coupon["doc"] or {}).get("policies") or [], line)
        if coupon is None or amount is None:
            raise ValidationFailed(
                [
                    Violation(
                        field,
                        "not_applicable",
                        f"downloadable coupon {raw!r} does not apply to vendorItemId {vid} "
                        "(unknown, not running, not holding the item, or minimumPrice not met)",
                    )
                ]
            )
        amount = _budget_cap(conn, int(coupon["contract_id"]), month_of(now), min(amount, left))
        if amount > 0:
            _grant(conn, coupon, amount, now)
        doc["downloadableCouponDiscount"] = amount
        doc["appliedCoupons"] = [
            *(doc.get("appliedCoupons") or []),
            {"couponId": int(coupon["coupon_id"]), "couponType": "DOWNLOAD", "discount": amount},
        ]
        order_db.item_update(conn, int(item["id"]), {"doc": doc})
    if chosen:
        field, raw = next(iter(chosen.values()))
        raise ValidationFailed(
            [Violation(field, "not_applicable", f"no order line for downloadable coupon {raw!r}")]
        )
