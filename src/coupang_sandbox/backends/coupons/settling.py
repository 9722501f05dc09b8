"""The settling engine: due requests processed oldest first, then the clock-driven statuses.

See :mod:`coupang_sandbox.backends.coupons` for the rules."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from coupang_sandbox.backends._ids import parse_id
from coupang_sandbox.backends.coupons._common import (
    COUPON_ID_START,
    COUPON_ITEM_ID_START,
    INSTANT,
    MSG_NOT_FOUND_ITEM,
    MSG_NOT_IN_COUPON,
    MSG_TAKEN,
    MSG_TAKEN_DOWNLOAD,
    Row,
    kst,
    us_of,
)
from coupang_sandbox.clock import from_us, to_us
from coupang_sandbox.state import coupons as st
from coupang_sandbox.store import coupons as cdb
from coupang_sandbox.store import products as product_db
from coupang_sandbox.store import repo as r
from coupang_seller.preflight import coupons as rules

# -- settling (requests due, clock-driven statuses) ---------------------------------------


def coupon_move(conn: Connection, row: Row, event: str, now: datetime) -> str:
    """Move a coupon by ``event`` (the transition table refuses an illegal move); its new status."""
    status = st.coupon.apply(str(row["status"]), event)
    cdb.coupon_update(conn, int(row["coupon_id"]), {"status": status, "modified_at_us": to_us(now)})
    return status


def _expire_items(conn: Connection, coupon_id: int, now: datetime) -> None:
    live = cdb.items_of(conn, coupon_id, st.ACTIVE)
    for item in live:
        st.item.apply(str(item["state"]), st.EXPIRE)
    cdb.items_update(
        conn,
        [int(i["coupon_item_id"]) for i in live],
        {"state": st.ITEM_EXPIRED, "modified_at_us": to_us(now)},
    )


def _holder(conn: Connection, vendor_item_id: int, kind: str, except_coupon: int) -> int | None:
    """The live coupon of ``kind`` already holding ``vendor_item_id`` (one coupon per item)."""
    for item in cdb.active_items_of_vendor_item(conn, vendor_item_id):
        coupon_id = int(item["coupon_id"])
        if coupon_id == except_coupon:
            continue
        other = cdb.coupon_get(conn, str(item["vendor_id"]), coupon_id, kind)
        if other is not None and other["status"] in st.OPEN_STATUSES:
            return coupon_id
    return None


def finish(
    conn: Connection,
    row: Row,
    *,
    ok: bool,
    total: int,
    failed: Sequence[Mapping[str, Any]] = (),
    coupon_id: int | None = None,
    reason: str | None = None,
) -> None:
    """Close a request as DONE (``ok``) or FAIL, with its counts, failed items and reason."""
    status = st.request.apply(str(row["status"]), st.FINISH if ok else st.REFUSE)
    failed_list = [dict(f) for f in failed]
    result = {
        "total": total,
        "succeeded": total - len(failed_list) if ok else 0,
        "failed": len(failed_list) if ok else total,
        "failedVendorItems": failed_list,
        "reason": reason,
    }
    values: dict[str, Any] = {"status": status, "result": result}
    if coupon_id is not None:
        values["coupon_id"] = coupon_id
    cdb.request_update(conn, str(row["requested_id"]), values)


def _process(conn: Connection, row: Row, now: datetime) -> None:
    vendor_id = str(row["vendor_id"])
    payload = dict(row["payload"] or {})
    kind, rtype = str(row["kind"]), str(row["type"])
    if rtype == st.COUPON_PUBLISH:
        _publish_coupon(conn, row, vendor_id, payload, now)
        return
    coupon_id = int(row["coupon_id"])
    coupon = cdb.coupon_get(conn, vendor_id, coupon_id, kind)
    given = list(payload.get("vendorItems") or [])
    wanted = [v for v in (parse_id(x) for x in given) if v is not None]
    if len(wanted) != len(given):
        # Written before the write-time check existed: refuse it rather than fail every read.
        reason = "vendorItems holds a value that is not a vendorItemId (an id of 1-18 digits)"
        finish(conn, row, ok=False, total=max(1, len(given)), reason=reason)
        return
    if coupon is None or coupon["status"] not in st.OPEN_STATUSES:
        state = "deleted" if coupon is None else str(coupon["status"])
        reason = f"couponId {coupon_id} is {state}: 삭제된 프로모션 입니다."
        finish(
            conn,
            row,
            ok=False,
            total=max(1, len(wanted)),
            failed=[{"vendorItemId": v, "reason": reason} for v in wanted],
            reason=reason,
        )
        return
    if rtype == st.COUPON_EXPIRE:
        coupon_move(conn, coupon, st.EXPIRE, now)
        _expire_items(conn, coupon_id, now)
        finish(conn, row, ok=True, total=1)
    elif rtype == st.COUPON_ITEM_EXPIRE:
        _expire_some(conn, row, coupon, wanted, now)
    elif kind == INSTANT:
        _attach_instant(conn, row, coupon, wanted, now)
    else:
        _attach_download(conn, row, coupon, wanted, now)


def _publish_coupon(
    conn: Connection, row: Row, vendor_id: str, payload: Mapping[str, Any], now: datetime
) -> None:
    contract_id = int(payload["contractId"])
    contract = cdb.contract_get(conn, vendor_id, contract_id)
    if contract is None:
        finish(conn, row, ok=False, total=1, reason=f"contractId {contract_id} is gone")
        return
    start = rules.parse_date(payload.get("startAt"))
    end = rules.parse_date(payload.get("endAt"))
    if start is None or end is None:
        finish(conn, row, ok=False, total=1, reason="startAt/endAt of the request are unreadable")
        return
    month = start.strftime("%Y-%m")
    used = cdb.budget_used(conn, contract_id, month)
    if used >= int(contract["budget_per_month"]):
        finish(
            conn,
            row,
            ok=False,
            total=1,
            reason=f"the budget of contract {contract_id} for {month} is used up "
            f"({used} of {contract['budget_per_month']} won): 예산 초과",
        )
        return
    coupon_id = r.next_id(conn, "coupon", COUPON_ID_START)
    cdb.coupon_insert(
        conn,
        {
            "coupon_id": coupon_id,
            "vendor_id": vendor_id,
            "kind": INSTANT,
            "contract_id": contract_id,
            "status": st.STANDBY,
            "discount_type": payload["type"],
            "discount": int(payload["discount"]),
            "max_discount_price": int(payload["maxDiscountPrice"]),
            "start_us": us_of(start),
            "end_us": us_of(end),
            "doc": {"name": payload["name"]},
            "created_at_us": to_us(now),
            "modified_at_us": to_us(now),
        },
    )
    finish(conn, row, ok=True, total=1, coupon_id=coupon_id)


def _vetted(
    conn: Connection, vendor_id: str, coupon: Row, wanted: Sequence[int], taken_msg: str
) -> tuple[list[int], list[dict[str, Any]]]:
    good: list[int] = []
    failed: list[dict[str, Any]] = []
    coupon_id = int(coupon["coupon_id"])
    held = {int(i["vendor_item_id"]) for i in cdb.items_of(conn, coupon_id, st.ACTIVE)}
    for vid in wanted:
        if vid in good or vid in held:
            failed.append({"vendorItemId": vid, "reason": taken_msg.format(coupon=coupon_id)})
        elif product_db.item_by_vendor_item_id(conn, vendor_id, vid) is None:
            failed.append({"vendorItemId": vid, "reason": MSG_NOT_FOUND_ITEM})
        else:
            holder = _holder(conn, vid, str(coupon["kind"]), coupon_id)
            if holder is not None:
                failed.append({"vendorItemId": vid, "reason": taken_msg.format(coupon=holder)})
            else:
                good.append(vid)
    return good, failed


def _attach(conn: Connection, coupon: Row, vendor_items: Sequence[int], now: datetime) -> None:
    for vid in vendor_items:
        cdb.item_insert(
            conn,
            {
                "coupon_item_id": r.next_id(conn, "coupon_item", COUPON_ITEM_ID_START),
                "coupon_id": int(coupon["coupon_id"]),
                "vendor_id": coupon["vendor_id"],
                "vendor_item_id": vid,
                "state": st.ACTIVE,
                "created_at_us": to_us(now),
                "modified_at_us": to_us(now),
            },
        )


def _attach_instant(
    conn: Connection, row: Row, coupon: Row, wanted: Sequence[int], now: datetime
) -> None:
    good, failed = _vetted(conn, str(coupon["vendor_id"]), coupon, wanted, MSG_TAKEN)
    _attach(conn, coupon, good, now)
    finish(conn, row, ok=bool(good), total=len(wanted), failed=failed)


def _attach_download(
    conn: Connection, row: Row, coupon: Row, wanted: Sequence[int], now: datetime
) -> None:
    coupon_id = int(coupon["coupon_id"])
    if cdb.items_of(conn, coupon_id):
        reason = "a downloadable coupon's items cannot be changed after they were set"
        finish(
            conn,
            row,
            ok=False,
            total=len(wanted),
            failed=[{"vendorItemId": v, "reason": reason} for v in wanted],
            reason=reason,
        )
        return
    good, failed = _vetted(conn, str(coupon["vendor_id"]), coupon, wanted, MSG_TAKEN_DOWNLOAD)
    if failed:
        # Documented: when adding the items fails, the coupon itself is discarded.
        coupon_move(conn, coupon, st.EXPIRE, now)
        finish(conn, row, ok=False, total=len(wanted), failed=failed)
        return
    _attach(conn, coupon, good, now)
    doc = dict(coupon["doc"] or {})
    doc["publishedDate"] = rules.format_date(kst(now))
    cdb.coupon_update(conn, coupon_id, {"doc": doc})
    finish(conn, row, ok=True, total=len(wanted))


def _expire_some(
    conn: Connection, row: Row, coupon: Row, wanted: Sequence[int], now: datetime
) -> None:
    coupon_id = int(coupon["coupon_id"])
    live = {int(i["vendor_item_id"]): i for i in cdb.items_of(conn, coupon_id, st.ACTIVE)}
    hit: list[int] = []
    failed: list[dict[str, Any]] = []
    for vid in wanted:
        item = live.pop(vid, None)
        if item is None:
            failed.append({"vendorItemId": vid, "reason": MSG_NOT_IN_COUPON})
            continue
        st.item.apply(str(item["state"]), st.EXPIRE)
        hit.append(int(item["coupon_item_id"]))
    cdb.items_update(conn, hit, {"state": st.ITEM_EXPIRED, "modified_at_us": to_us(now)})
    if hit and not live:
        coupon_move(conn, coupon, st.DETACH, now)
    finish(conn, row, ok=bool(hit), total=len(wanted), failed=failed)


def _follow_clock(conn: Connection, vendor_id: str, now: datetime) -> None:
    now_us = to_us(now)
    for row in cdb.coupons_live(conn, vendor_id, (st.STANDBY, st.APPLIED, st.PAUSED)):
        status = str(row["status"])
        if now_us >= int(row["end_us"]):
            coupon_move(conn, row, st.END, now)
        elif status == st.STANDBY and now_us >= int(row["start_us"]):
            coupon_move(conn, row, st.START, now)


def settle(conn: Connection, vendor_id: str, now: datetime) -> None:
    """Process the vendor's due requests (oldest first), then follow the clock."""
    for row in cdb.requests_due(conn, vendor_id, to_us(now)):
        _follow_clock(conn, vendor_id, from_us(int(row["due_us"])))
        _process(conn, row, from_us(int(row["due_us"])))
    _follow_clock(conn, vendor_id, now)
