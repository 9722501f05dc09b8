"""Instant-discount coupons (``fms``): creation, item attach and expiry, reads."""

from __future__ import annotations

from sqlalchemy.engine import RowMapping

from coupang_sandbox.backends.coupons._common import (
    INSTANT,
    kst,
)
from coupang_sandbox.backends.coupons.base import CouponsBase
from coupang_sandbox.backends.coupons.rows import (
    CouponInput,
    CouponItem,
    CouponPage,
    CouponsQuery,
    InstantCoupon,
    ItemLookup,
    ItemPage,
    ItemsQuery,
    OrderCoupon,
    VendorItems,
)
from coupang_sandbox.backends.coupons.settling import finish, settle
from coupang_sandbox.clock import from_us
from coupang_sandbox.errors import NotFound, ValidationFailed, must_exist
from coupang_sandbox.state import coupons as st
from coupang_sandbox.store import coupons as cdb
from coupang_sandbox.store import orders as order_db
from coupang_seller.preflight import coupons as rules


class InstantOps(CouponsBase):
    """Instant-discount coupons."""

    def create_coupon(self, vendor_id: str, wanted: CouponInput) -> str:
        """Request an instant coupon (checked against the contract's period at once); the
        requestedId."""
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
        """Request attaching ``vendorItems`` to an instant coupon; the requestedId."""
        return self._items_request(vendor_id, wanted, st.COUPON_ITEM_PUBLISH)

    def expire_items(self, vendor_id: str, wanted: VendorItems) -> str:
        """Request expiring ``vendorItems`` of an instant coupon; the requestedId."""
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
            finish(conn, row, ok=False, total=1, reason=reason)
            return requested_id, False, reason

    def request_status(self, vendor_id: str, requested_id: str, kind: str = INSTANT) -> RowMapping:
        """A coupon request (either kind) after settling; 404 if it is not the vendor's."""
        now = self._now()
        with self.store.engine.begin() as conn:
            settle(conn, vendor_id, now)
            row = cdb.request_get(conn, vendor_id, requested_id, kind)
            if row is None:
                raise NotFound(f"requestedId {requested_id} does not exist for {vendor_id}")
            return row

    def coupon(self, vendor_id: str, coupon_id: int) -> InstantCoupon:
        """An instant coupon with its contract; 404 if it is not the vendor's."""
        now = self._now()
        with self.store.engine.begin() as conn:
            settle(conn, vendor_id, now)
            row = self._coupon(conn, vendor_id, coupon_id, INSTANT)
            contract = cdb.contract_get(conn, vendor_id, int(row["contract_id"]))
            return InstantCoupon(row, contract)

    def coupons(self, vendor_id: str, query: CouponsQuery) -> CouponPage:
        """One page of the vendor's instant coupons of a status."""
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
        """One page of an instant coupon's items of a status (the status follows the coupon's)."""
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
        """One item of an instant coupon, by couponItemId or vendorItemId; 404 if none matches."""
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
        """The coupons applied to an order's lines; 404 if the order is not the vendor's."""
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
