"""Coupons: contracts and budgets, instant-discount coupons (``fms``), downloadable coupons
(``marketplace_openapi``), and the discounts they grant to orders.

Every operation loads, applies a rule (the pure functions of
:mod:`coupang_seller.preflight.coupons`, shared with the SDK, and the transition tables of
:mod:`coupang_sandbox.state.coupons`) and persists, in one transaction.

Asynchrony, as Coupang's: a mutation (coupon creation, item attach, item expiry, coupon expiry)
is checked for the documented limits at once (400 naming field and rule) and stored as a
request (REQUESTED) due ``coupon_request_seconds`` later on the sandbox clock. Nothing runs in
the background: due requests are processed, oldest first, whenever anything of the vendor's
coupons is read or written (and when an order is placed). Business failures show there, as
FAIL with reasons: a vendorItem already in another live coupon ([CIR08], downloadable [CIR14]),
an unknown item or one of another vendor ([CIR06]), an exhausted monthly budget, an expired
coupon. An item attach with some good items is DONE (the good ones attached, the others listed
in ``failedVendorItems``); with none it is FAIL. A downloadable coupon takes its items once;
if any fails the coupon is discarded (EXPIRED), as documented. A coupon expiry asked while
another request on the same coupon is still pending fails at once (``success: false``, FAIL).

Coupon status follows the clock: STANDBY until ``startAt``, APPLIED until ``endAt``, EXPIRED
afterwards (settled on read as well).

Order discounts (called by the order backend when the customer pays): an APPLIED instant
coupon holding the vendorItem discounts the line — RATE: ``discount`` % of the unit price,
at most ``maxDiscountPrice`` per unit; FIXED_WITH_QUANTITY: ``discount`` won per unit (capped
by ``maxDiscountPrice``); PRICE: ``discount`` won once per line (capped the same way). A
downloadable coupon the customer names applies its best policy whose ``minimumPrice`` the line
reaches (RATE capped by ``maximumDiscountPrice``). A discount never exceeds the line, and is
bounded by what is left of the contract's budget for the month (Korean time); the budget use
grows by every discount granted. The order item keeps ``instantCouponDiscount``,
``downloadableCouponDiscount`` (won, whole line) and ``appliedCoupons`` in its ``doc``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Final

from sqlalchemy import Connection
from sqlalchemy.engine import RowMapping

from coupang_sandbox.backends._ids import parse_id
from coupang_sandbox.clock import SandboxClock, from_us, to_us
from coupang_sandbox.errors import NotFound, ValidationFailed, must_exist
from coupang_sandbox.settings import SandboxSettings
from coupang_sandbox.state import coupons as st
from coupang_sandbox.store import Store
from coupang_sandbox.store import coupons as cdb
from coupang_sandbox.store import orders as order_db
from coupang_sandbox.store import products as product_db
from coupang_sandbox.store import repo as r
from coupang_seller._constants import KST
from coupang_seller.preflight import Violation
from coupang_seller.preflight import coupons as rules
from coupang_seller.preflight._core import as_page

Row = Mapping[Any, Any]

INSTANT: Final = "INSTANT"
DOWNLOAD: Final = "DOWNLOAD"
CONTRACT_BASED: Final = "CONTRACT_BASED"
NON_CONTRACT_BASED: Final = "NON_CONTRACT_BASED"
CONTRACT_TYPES: Final = (CONTRACT_BASED, NON_CONTRACT_BASED)

CONTRACT_ID_START: Final = 9_001
COUPON_ID_START: Final = 15_000_001
COUPON_ITEM_ID_START: Final = 80_001
REQUEST_ID_START: Final = 4_080_133_932_843_441

MSG_NOT_FOUND_ITEM: Final = "[CIR06] 옵션 상품을 찾지 못했습니다."
MSG_INVALID_ITEM: Final = "[CIE00] 유효하지 않은 옵션아이디 입니다."
MSG_TAKEN: Final = "[CIR08] 해당 옵션은 이미 다른 쿠폰에 발행되어져 있습니다."
MSG_TAKEN_DOWNLOAD: Final = "[CIR14] 해당 옵션은 이미 다른 쿠폰({coupon})에 발행되어져 있습니다."
MSG_NOT_IN_COUPON: Final = "[CIR06] 쿠폰에 적용된 옵션이 아닙니다."


def kst(moment: datetime) -> datetime:
    """Naive Korean time of an aware instant."""
    return moment.astimezone(KST).replace(tzinfo=None)


def us_of(naive_kst: datetime) -> int:
    return to_us(naive_kst.replace(tzinfo=KST))


def month_of(moment: datetime) -> str:
    return kst(moment).strftime("%Y-%m")


# -- rows the backend returns (rendered by :mod:`coupang_sandbox.views.coupons`) ----------


@dataclass(frozen=True, slots=True)
class ContractBudget:
    """A contract's budget use for one month (``yyyy-MM``, Korean time)."""

    contract: Row
    target_month: str
    used: int


@dataclass(frozen=True, slots=True)
class InstantCoupon:
    """A coupon with its contract (``None`` if the contract is gone)."""

    coupon: Row
    contract: Row | None


@dataclass(frozen=True, slots=True)
class CouponPage:
    coupons: list[InstantCoupon]
    page: int
    size: int
    total: int


@dataclass(frozen=True, slots=True)
class CouponItem:
    item: Row
    coupon: Row


@dataclass(frozen=True, slots=True)
class ItemPage:
    items: list[CouponItem]
    page: int
    size: int
    total: int


@dataclass(frozen=True, slots=True)
class OrderCoupon:
    """A coupon applied to one order line, as the order item's ``appliedCoupons`` records it."""

    coupon: InstantCoupon
    vendor_item_id: int
    coupon_type: Any
    discount: Any


@dataclass(frozen=True, slots=True)
class DownloadCoupon:
    """A downloadable coupon and the number of options it holds."""

    coupon: Row
    applied: int


@dataclass(frozen=True, slots=True)
class DownloadResult:
    """One coupon of a downloadable-coupon bulk request: the transaction to poll, or the
    reason it was refused."""

    coupon_id: int
    transaction: str | None = None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class CouponDetail:
    """A coupon (either kind) with its contract and items, for the control API."""

    coupon: Row
    contract: Row | None
    items: list[RowMapping]


# -- settling (requests due, clock-driven statuses) ---------------------------------------


def _coupon_move(conn: Connection, row: Row, event: str, now: datetime) -> str:
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


def _finish(
    conn: Connection,
    row: Row,
    *,
    ok: bool,
    total: int,
    failed: Sequence[Mapping[str, Any]] = (),
    coupon_id: int | None = None,
    reason: str | None = None,
) -> None:
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
        _finish(conn, row, ok=False, total=max(1, len(given)), reason=reason)
        return
    if coupon is None or coupon["status"] not in st.OPEN_STATUSES:
        state = "deleted" if coupon is None else str(coupon["status"])
        reason = f"couponId {coupon_id} is {state}: 삭제된 프로모션 입니다."
        _finish(
            conn,
            row,
            ok=False,
            total=max(1, len(wanted)),
            failed=[{"vendorItemId": v, "reason": reason} for v in wanted],
            reason=reason,
        )
        return
    if rtype == st.COUPON_EXPIRE:
        _coupon_move(conn, coupon, st.EXPIRE, now)
        _expire_items(conn, coupon_id, now)
        _finish(conn, row, ok=True, total=1)
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
        _finish(conn, row, ok=False, total=1, reason=f"contractId {contract_id} is gone")
        return
    start = rules.parse_date(payload.get("startAt"))
    end = rules.parse_date(payload.get("endAt"))
    if start is None or end is None:
        _finish(conn, row, ok=False, total=1, reason="startAt/endAt of the request are unreadable")
        return
    month = start.strftime("%Y-%m")
    used = cdb.budget_used(conn, contract_id, month)
    if used >= int(contract["budget_per_month"]):
        _finish(
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
    _finish(conn, row, ok=True, total=1, coupon_id=coupon_id)


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
    _finish(conn, row, ok=bool(good), total=len(wanted), failed=failed)


def _attach_download(
    conn: Connection, row: Row, coupon: Row, wanted: Sequence[int], now: datetime
) -> None:
    coupon_id = int(coupon["coupon_id"])
    if cdb.items_of(conn, coupon_id):
        reason = "a downloadable coupon's items cannot be changed after they were set"
        _finish(
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
        _coupon_move(conn, coupon, st.EXPIRE, now)
        _finish(conn, row, ok=False, total=len(wanted), failed=failed)
        return
    _attach(conn, coupon, good, now)
    doc = dict(coupon["doc"] or {})
    doc["publishedDate"] = rules.format_date(kst(now))
    cdb.coupon_update(conn, coupon_id, {"doc": doc})
    _finish(conn, row, ok=True, total=len(wanted))


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
        _coupon_move(conn, coupon, st.DETACH, now)
    _finish(conn, row, ok=bool(hit), total=len(wanted), failed=failed)


def _follow_clock(conn: Connection, vendor_id: str, now: datetime) -> None:
    now_us = to_us(now)
    for row in cdb.coupons_live(conn, vendor_id, (st.STANDBY, st.APPLIED, st.PAUSED)):
        status = str(row["status"])
        if now_us >= int(row["end_us"]):
            _coupon_move(conn, row, st.END, now)
        elif status == st.STANDBY and now_us >= int(row["start_us"]):
            _coupon_move(conn, row, st.START, now)


def settle(conn: Connection, vendor_id: str, now: datetime) -> None:
    """Process the vendor's due requests (oldest first), then follow the clock."""
    for row in cdb.requests_due(conn, vendor_id, to_us(now)):
        _follow_clock(conn, vendor_id, from_us(int(row["due_us"])))
        _process(conn, row, from_us(int(row["due_us"])))
    _follow_clock(conn, vendor_id, now)


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


# -- the service -------------------------------------------------------------------------


def number_of(text: object, name: str) -> int:
    """A positive id read from a path, query or body; 400 (rule ``type``) naming ``name``."""
    value = parse_id(text, minimum=1)
    if value is None:
        raise ValidationFailed([Violation(name, "type", f"{name} must be a number ({text!r})")])
    return value


# -- the backend's arguments (parsed by the routes) -----------------------------------------


@dataclass(frozen=True, slots=True)
class ContractInput:
    """A contract to seed (control API); the period in Korean time."""

    kind: str
    start: datetime
    end: datetime
    budget_per_month: int
    seller_share_ratio: int
    coupang_share_ratio: int
    gmv_ratio: int
    vendor_contract_id: int | None
    modified_by: str


@dataclass(frozen=True, slots=True)
class ContractQuery:
    """``GET v2/.../contract?contractId=``; ``given`` is the id as asked (for the 404)."""

    contract_id: int
    given: str


@dataclass(frozen=True, slots=True)
class BudgetQuery:
    """``GET v1/.../budgets``: one contract (``None``: those running in the month), a month
    (``yyyy-MM``; ``None``: this month, Korean time)."""

    contract: ContractQuery | None
    target_month: str | None


@dataclass(frozen=True, slots=True)
class CouponsQuery:
    """``GET v2/.../coupons``: a status and a page (1-based, ascending unless ``desc``)."""

    status: str
    page: int
    size: int
    desc: bool


@dataclass(frozen=True, slots=True)
class ItemsQuery:
    """``GET v1/.../coupons/{couponId}/items``: the items of a status, one page."""

    coupon_id: int
    status: str
    page: int
    size: int
    desc: bool


@dataclass(frozen=True, slots=True)
class ItemLookup:
    """``GET v1/.../coupons/{couponId}/items/{id}``; ``kind`` is ``couponItemId``,
    ``vendorItemId`` or ``None`` (either id, a coupon item id first)."""

    coupon_id: int
    wanted: int
    kind: str | None


@dataclass(frozen=True, slots=True)
class CouponInput:
    """An instant coupon to create (``POST v2/.../coupon``); the period in Korean time."""

    contract_id: int
    name: str
    discount: int | None
    max_discount_price: int | None
    start: datetime
    end: datetime
    discount_type: str


@dataclass(frozen=True, slots=True)
class VendorItems:
    """The options of an item attach or expiry on an instant coupon (``vendorItems``)."""

    coupon_id: int
    vendor_items: list[int | None]


@dataclass(frozen=True, slots=True)
class DownloadPolicy:
    """One policy of a downloadable coupon, as stored (``maximumDiscountPrice`` is -1 unless
    the discount is a RATE)."""

    title: Any
    type_of_discount: str
    description: str
    minimum_price: int | None
    discount: int | None
    maximum_discount_price: int | None
    maximum_per_daily: int | None


@dataclass(frozen=True, slots=True)
class DownloadInput:
    """A downloadable coupon to create (``POST v1/coupons``); the period in Korean time."""

    contract_id: int
    title: str
    user_id: str
    start: datetime
    end: datetime
    policies: list[DownloadPolicy]


@dataclass(frozen=True, slots=True)
class DownloadItemsEntry:
    coupon_id: int
    vendor_item_ids: list[int | None]


@dataclass(frozen=True, slots=True)
class DownloadItems:
    """``PUT v1/coupon-items``: one entry per ``couponItems`` element."""

    entries: list[DownloadItemsEntry]


@dataclass(frozen=True, slots=True)
class DownloadExpiry:
    """``POST v1/coupons/expire``: the coupons of ``expireCouponList``, in order."""

    coupon_ids: list[int]


def page_args(page: Any, size: Any, sort: Any) -> tuple[int, int, bool]:
    """``(page, size, desc)`` of checked paging parameters, with the documented defaults."""
    return (
        as_page(page) or 1,
        as_page(size) or rules.DEFAULT_PAGE_SIZE,
        str(sort or "asc").lower() == "desc",
    )


@dataclass
class Coupons:
    store: Store
    clock: SandboxClock
    settings: SandboxSettings

    def _now(self) -> datetime:
        return self.clock.now().astimezone(UTC)

    def _new_request(
        self,
        conn: Connection,
        vendor_id: str,
        kind: str,
        rtype: str,
        *,
        coupon_id: int | None,
        payload: Mapping[str, Any],
        now: datetime,
    ) -> str:
        number = r.next_id(conn, "coupon_request", REQUEST_ID_START)
        requested_id = f"et5_{coupon_id}{number}" if kind == DOWNLOAD else str(number)
        due = now + timedelta(seconds=self.settings.coupon_request_seconds)
        cdb.request_insert(
            conn,
            {
                "requested_id": requested_id,
                "vendor_id": vendor_id,
                "kind": kind,
                "type": rtype,
                "coupon_id": coupon_id,
                "status": st.REQUESTED,
                "payload": dict(payload),
                "result": None,
                "created_at_us": to_us(now),
                "due_us": to_us(due),
            },
        )
        return requested_id

    def _contract(self, conn: Connection, vendor_id: str, contract_id: int) -> RowMapping:
        row = cdb.contract_get(conn, vendor_id, contract_id)
        if row is None:
            raise ValidationFailed(
                [
                    Violation(
                        "contractId",
                        "not_found",
                        f"contractId={contract_id} (으)로 계약이 판매자={vendor_id} 에 속하지 않습니다.",
                    )
                ]
            )
        return row

    def _coupon(
        self, conn: Connection, vendor_id: str, coupon_id: int, kind: str, *, lock: bool = False
    ) -> RowMapping:
        row = cdb.coupon_get(conn, vendor_id, coupon_id, kind, lock=lock)
        if row is None:
            raise NotFound(f"존재 하지 않는 프로모션 ({coupon_id})")
        return row

    # -- contracts and budgets (control API seeds them) --------------------------------

    def require_vendor(self, vendor_id: str) -> None:
        """404 unless ``vendor_id`` is a vendor of the sandbox (asked before the body is
        checked, so an unknown vendor is a 404 whatever the body)."""
        if self.store.vendor_by_id(vendor_id) is None:
            raise NotFound(f"vendor {vendor_id} does not exist")

    def create_contract(self, vendor_id: str, wanted: ContractInput) -> Row:
        self.require_vendor(vendor_id)
        now = self._now()
        kind = wanted.kind
        with self.store.engine.begin() as conn:
            contract_id = r.next_id(conn, "coupon_contract", CONTRACT_ID_START)
            vendor_contract = wanted.vendor_contract_id
            if vendor_contract is None:
                vendor_contract = -1 if kind == NON_CONTRACT_BASED else contract_id - 9_000
            values = {
                "contract_id": contract_id,
                "vendor_id": vendor_id,
                "vendor_contract_id": vendor_contract,
                "type": kind,
                "start_us": us_of(wanted.start),
                "end_us": us_of(wanted.end),
                "budget_per_month": wanted.budget_per_month,
                "doc": {
                    "sellerShareRatio": wanted.seller_share_ratio,
                    "coupangShareRatio": wanted.coupang_share_ratio,
                    "gmvRatio": wanted.gmv_ratio,
                    "modifiedBy": wanted.modified_by,
                },
                "modified_at_us": to_us(now),
            }
            cdb.contract_insert(conn, values)
            return values

    def contracts(self, vendor_id: str) -> list[RowMapping]:
        with self.store.engine.begin() as conn:
            return list(cdb.contracts_of(conn, vendor_id))

    def contract(self, vendor_id: str, query: ContractQuery) -> RowMapping:
        with self.store.engine.begin() as conn:
            row = cdb.contract_get(conn, vendor_id, query.contract_id)
            if row is None:
                raise NotFound(f"contractId {query.given} is not a contract of {vendor_id}")
            return row

    def budgets(self, vendor_id: str, query: BudgetQuery) -> list[ContractBudget]:
        now = self._now()
        target = query.target_month if query.target_month is not None else month_of(now)
        first = datetime.strptime(target, "%Y-%m")
        after = datetime(first.year + first.month // 12, first.month % 12 + 1, 1)
        with self.store.engine.begin() as conn:
            settle(conn, vendor_id, now)
            rows = cdb.contracts_of(conn, vendor_id)
            if query.contract is not None:
                wanted = query.contract.contract_id
                rows = [row for row in rows if int(row["contract_id"]) == wanted]
                if not rows:
                    raise NotFound(
                        f"contractId {query.contract.given} is not a contract of {vendor_id}"
                    )
            else:
                rows = [
                    row
                    for row in rows
                    if int(row["start_us"]) < us_of(after) and int(row["end_us"]) >= us_of(first)
                ]
            return [
                ContractBudget(row, target, cdb.budget_used(conn, int(row["contract_id"]), target))
                for row in rows
            ]

    # -- instant coupons ---------------------------------------------------------------

    def create_coupon(self, vendor_id: str, wanted: CouponInput) -> str:
        now = self._now()
        contract_id, start, end = wanted.contract_id, wanted.start, wanted.end
        with self.store.engine.begin() as conn:
            settle(conn, vendor_id, now)
            contract = self._contract(conn, vendor_id, contract_id)
            found = rules.check_within_contract(
                start,
                end,
                kst(from_us(int(contract["start_us"]))),
                kst(from_us(int(contract["end_us"]))),
            )
            if found:
                raise ValidationFailed(found)
            payload = {
                "contractId": contract_id,
                "name": wanted.name,
                "discount": wanted.discount,
                "maxDiscountPrice": wanted.max_discount_price,
                "startAt": rules.format_date(start),
                "endAt": rules.format_date(end),
                "type": wanted.discount_type,
            }
            return self._new_request(
                conn,
                vendor_id,
                INSTANT,
                st.COUPON_PUBLISH,
                coupon_id=None,
                payload=payload,
                now=now,
            )

    def _items_request(self, vendor_id: str, wanted: VendorItems, rtype: str) -> str:
        coupon_id, items = wanted.coupon_id, wanted.vendor_items
        now = self._now()
        with self.store.engine.begin() as conn:
            settle(conn, vendor_id, now)
            self._coupon(conn, vendor_id, coupon_id, INSTANT, lock=True)
            return self._new_request(
                conn,
                vendor_id,
                INSTANT,
                rtype,
                coupon_id=coupon_id,
                payload={"vendorItems": items},
                now=now,
            )

    def add_items(self, vendor_id: str, wanted: VendorItems) -> str:
        return self._items_request(vendor_id, wanted, st.COUPON_ITEM_PUBLISH)

    def expire_items(self, vendor_id: str, wanted: VendorItems) -> str:
        return self._items_request(vendor_id, wanted, st.COUPON_ITEM_EXPIRE)

    def expire(self, vendor_id: str, coupon_id: int) -> tuple[str, bool, str | None]:
        """``(requestedId, accepted, reason)``: refused at once while another request on the
        coupon is pending (the request is recorded as FAIL)."""
        now = self._now()
        with self.store.engine.begin() as conn:
            settle(conn, vendor_id, now)
            self._coupon(conn, vendor_id, coupon_id, INSTANT, lock=True)
            pending = cdb.pending_of_coupon(conn, coupon_id)
            requested_id = self._new_request(
                conn, vendor_id, INSTANT, st.COUPON_EXPIRE, coupon_id=coupon_id, payload={}, now=now
            )
            if not pending:
                return requested_id, True, None
            reason = (
                f"couponId {coupon_id} has {len(pending)} request(s) still in progress "
                f"({', '.join(str(p['requested_id']) for p in pending)}); "
                "쿠폰에 아직 끝나지 않은 다른 요청이 있어 파기할 수 없습니다"
            )
            row = must_exist(
                cdb.request_get(conn, vendor_id, requested_id, INSTANT), "the coupon request"
            )
            _finish(conn, row, ok=False, total=1, reason=reason)
            return requested_id, False, reason

    def request_status(self, vendor_id: str, requested_id: str, kind: str = INSTANT) -> RowMapping:
        now = self._now()
        with self.store.engine.begin() as conn:
            settle(conn, vendor_id, now)
            row = cdb.request_get(conn, vendor_id, requested_id, kind)
            if row is None:
                raise NotFound(f"requestedId {requested_id} does not exist for {vendor_id}")
            return row

    def coupon(self, vendor_id: str, coupon_id: int) -> InstantCoupon:
        now = self._now()
        with self.store.engine.begin() as conn:
            settle(conn, vendor_id, now)
            row = self._coupon(conn, vendor_id, coupon_id, INSTANT)
            contract = cdb.contract_get(conn, vendor_id, int(row["contract_id"]))
            return InstantCoupon(row, contract)

    def coupons(self, vendor_id: str, query: CouponsQuery) -> CouponPage:
        number, per, desc = query.page, query.size, query.desc
        now = self._now()
        with self.store.engine.begin() as conn:
            settle(conn, vendor_id, now)
            rows, total = cdb.coupons_page(
                conn,
                vendor_id,
                INSTANT,
                query.status,
                offset=(number - 1) * per,
                limit=per,
                desc=desc,
            )
            contracts = {int(c["contract_id"]): c for c in cdb.contracts_of(conn, vendor_id)}
            content = [InstantCoupon(row, contracts.get(int(row["contract_id"]))) for row in rows]
            return CouponPage(content, number, per, total)

    def items(self, vendor_id: str, query: ItemsQuery) -> ItemPage:
        coupon_id, status = query.coupon_id, query.status
        number, per, desc = query.page, query.size, query.desc
        now = self._now()
        with self.store.engine.begin() as conn:
            settle(conn, vendor_id, now)
            coupon = self._coupon(conn, vendor_id, coupon_id, INSTANT)
            rows = cdb.items_of(conn, coupon_id)
        coupon_status = str(coupon["status"])
        matching = [
            CouponItem(i, coupon)
            for i in rows
            if st.item_status(str(i["state"]), coupon_status) == status
        ]
        if desc:
            matching.reverse()
        start = (number - 1) * per
        return ItemPage(matching[start : start + per], number, per, len(matching))

    def item(self, vendor_id: str, lookup: ItemLookup) -> CouponItem:
        coupon_id, wanted, kind = lookup.coupon_id, lookup.wanted, lookup.kind
        now = self._now()
        with self.store.engine.begin() as conn:
            settle(conn, vendor_id, now)
            coupon = self._coupon(conn, vendor_id, coupon_id, INSTANT)
            rows = cdb.items_of(conn, coupon_id)
        by_item = [i for i in rows if int(i["coupon_item_id"]) == wanted]
        by_option = sorted(
            (i for i in rows if int(i["vendor_item_id"]) == wanted),
            key=lambda i: (i["state"] == st.ACTIVE, int(i["coupon_item_id"])),
        )
        if kind == "couponItemId":
            chosen = by_item
        elif kind == "vendorItemId":
            chosen = by_option[-1:]
        else:  # no type given: either id
            chosen = by_item or by_option[-1:]
        if not chosen:
            raise NotFound(
                f"no coupon item {wanted} ({kind or 'couponItemId/vendorItemId'}) in coupon {coupon_id}"
            )
        return CouponItem(chosen[0], coupon)

    def by_order(self, vendor_id: str, order_id: int) -> list[OrderCoupon]:
        now = self._now()
        with self.store.engine.begin() as conn:
            settle(conn, vendor_id, now)
            if order_db.order_get(conn, order_id, vendor_id) is None:
                raise NotFound(f"orderId {order_id} is not an order of {vendor_id}")
            contracts = {int(c["contract_id"]): c for c in cdb.contracts_of(conn, vendor_id)}
            out: list[OrderCoupon] = []
            for item in order_db.items_of_order(conn, order_id):
                for applied in (item["doc"] or {}).get("appliedCoupons") or []:
                    row = cdb.coupon_get(conn, vendor_id, int(applied["couponId"]))
                    if row is None:
                        continue
                    out.append(
                        OrderCoupon(
                            InstantCoupon(row, contracts.get(int(row["contract_id"]))),
                            int(item["vendor_item_id"]),
                            applied.get("couponType"),
                            applied.get("discount"),
                        )
                    )
            return out

    # -- downloadable coupons ----------------------------------------------------------

    def create_download(self, vendor_id: str, wanted: DownloadInput) -> Row:
        now = self._now()
        contract_id, start, end = wanted.contract_id, wanted.start, wanted.end
        kind = wanted.policies[0].type_of_discount
        with self.store.engine.begin() as conn:
            settle(conn, vendor_id, now)
            contract = self._contract(conn, vendor_id, contract_id)
            found = rules.check_within_contract(
                start,
                end,
                kst(from_us(int(contract["start_us"]))),
                kst(from_us(int(contract["end_us"]))),
            )
            if found:
                raise ValidationFailed(
                    [Violation(v.field.replace("At", "Date"), v.rule, v.message) for v in found]
                )
            coupon_id = r.next_id(conn, "coupon", COUPON_ID_START)
            stamp = to_us(now) // 100
            stored = []
            for index, policy in enumerate(wanted.policies):
                stored.append(
                    {
                        "title": policy.title,
                        "typeOfDiscount": policy.type_of_discount,
                        "description": policy.description,
                        "minimumPrice": policy.minimum_price,
                        "discount": policy.discount,
                        "maximumDiscountPrice": policy.maximum_discount_price,
                        "maximumPerDaily": policy.maximum_per_daily,
                        "manageCode": f"FMS_{contract_id}_{vendor_id}_{stamp}{index}",
                    }
                )
            doc = {"title": wanted.title, "userId": wanted.user_id, "policies": stored}
            row = {
                "coupon_id": coupon_id,
                "vendor_id": vendor_id,
                "kind": DOWNLOAD,
                "contract_id": contract_id,
                "status": st.STANDBY,
                "discount_type": kind,
                "discount": max(int(p["discount"] or 0) for p in stored),
                "max_discount_price": max(int(p["maximumDiscountPrice"] or 0) for p in stored),
                "start_us": us_of(start),
                "end_us": us_of(end),
                "doc": doc,
                "created_at_us": to_us(now),
                "modified_at_us": to_us(now),
            }
            cdb.coupon_insert(conn, row)
            return row

    def download_items(self, vendor_id: str, wanted: DownloadItems) -> list[DownloadResult]:
        now = self._now()
        out: list[DownloadResult] = []
        with self.store.engine.begin() as conn:
            settle(conn, vendor_id, now)
            for entry in wanted.entries:
                coupon_id = entry.coupon_id
                coupon = cdb.coupon_get(conn, vendor_id, coupon_id, DOWNLOAD, lock=True)
                error = None
                if coupon is None or coupon["status"] not in st.OPEN_STATUSES:
                    error = "삭제된 프로모션 입니다."
                elif cdb.items_of(conn, coupon_id) or cdb.pending_of_coupon(conn, coupon_id):
                    error = (
                        "a downloadable coupon's items are set once and cannot be changed: "
                        "expire it and create a new coupon"
                    )
                if error is not None:
                    out.append(DownloadResult(coupon_id, error=error))
                    continue
                items = entry.vendor_item_ids
                transaction = self._new_request(
                    conn,
                    vendor_id,
                    DOWNLOAD,
                    st.COUPON_ITEM_PUBLISH,
                    coupon_id=coupon_id,
                    payload={"vendorItems": items},
                    now=now,
                )
                out.append(DownloadResult(coupon_id, transaction=transaction))
        return out

    def download_expire(self, vendor_id: str, wanted: DownloadExpiry) -> list[DownloadResult]:
        now = self._now()
        out: list[DownloadResult] = []
        with self.store.engine.begin() as conn:
            settle(conn, vendor_id, now)
            for coupon_id in wanted.coupon_ids:
                coupon = cdb.coupon_get(conn, vendor_id, coupon_id, DOWNLOAD)
                if coupon is None or coupon["status"] not in st.OPEN_STATUSES:
                    out.append(
                        DownloadResult(coupon_id, error="expire할 쿠폰이 존재하지 않습니다.")
                    )
                    continue
                transaction = self._new_request(
                    conn,
                    vendor_id,
                    DOWNLOAD,
                    st.COUPON_EXPIRE,
                    coupon_id=coupon_id,
                    payload={},
                    now=now,
                )
                out.append(DownloadResult(coupon_id, transaction=transaction))
        return out

    def download_coupon(self, vendor_id: str, coupon_id: int) -> DownloadCoupon:
        now = self._now()
        with self.store.engine.begin() as conn:
            settle(conn, vendor_id, now)
            row = self._coupon(conn, vendor_id, coupon_id, DOWNLOAD)
            applied = len(cdb.items_of(conn, coupon_id, st.ACTIVE))
            return DownloadCoupon(row, applied)

    # -- control: pause / resume, view ------------------------------------------------

    def _any_coupon(self, conn: Connection, coupon_id: int) -> RowMapping:
        row = cdb.coupon_by_id(conn, coupon_id)
        if row is None:
            raise NotFound(f"couponId {coupon_id} does not exist")
        return row

    def move(self, coupon_id: int, event: str) -> CouponDetail:
        now = self._now()
        with self.store.engine.begin() as conn:
            row = self._any_coupon(conn, coupon_id)
            settle(conn, str(row["vendor_id"]), now)
            row = self._any_coupon(conn, coupon_id)
            _coupon_move(conn, row, event, now)
        return self.view(coupon_id)

    def view(self, coupon_id: int) -> CouponDetail:
        now = self._now()
        with self.store.engine.begin() as conn:
            row = self._any_coupon(conn, coupon_id)
            settle(conn, str(row["vendor_id"]), now)
            row = self._any_coupon(conn, coupon_id)
            items = cdb.items_of(conn, coupon_id)
            contract = cdb.contract_get(conn, str(row["vendor_id"]), int(row["contract_id"]))
            return CouponDetail(row, contract, list(items))
