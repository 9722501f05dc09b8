"""Downloadable coupons (``marketplace_openapi``) and the control API's pause/resume and view."""

from __future__ import annotations

from coupang_sandbox.backends.coupons._common import (
    COUPON_ID_START,
    DOWNLOAD,
    Row,
    kst,
    us_of,
)
from coupang_sandbox.backends.coupons.base import CouponsBase
from coupang_sandbox.backends.coupons.rows import (
    CouponDetail,
    DownloadCoupon,
    DownloadExpiry,
    DownloadInput,
    DownloadItems,
    DownloadResult,
)
from coupang_sandbox.backends.coupons.settling import coupon_move, settle
from coupang_sandbox.clock import from_us, to_us
from coupang_sandbox.errors import ValidationFailed
from coupang_sandbox.state import coupons as st
from coupang_sandbox.store import coupons as cdb
from coupang_sandbox.store import repo as r
from coupang_seller.preflight import Violation
from coupang_seller.preflight import coupons as rules


class DownloadOps(CouponsBase):
    """Downloadable coupons, and the control API's view of either kind."""

    def create_download(self, vendor_id: str, wanted: DownloadInput) -> Row:
        """Create a downloadable coupon (STANDBY, no items yet); the stored row. 400 when the period
        leaves the contract's."""
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
        """Request the items of each coupon (set once); one result per entry, the transaction to
        poll or the reason it was refused."""
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
        """Request the expiry of each coupon; one result per coupon."""
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
        """A downloadable coupon with the number of options it holds; 404 if it is not the
        vendor's."""
        now = self._now()
        with self.store.engine.begin() as conn:
            settle(conn, vendor_id, now)
            row = self._coupon(conn, vendor_id, coupon_id, DOWNLOAD)
            applied = len(cdb.items_of(conn, coupon_id, st.ACTIVE))
            return DownloadCoupon(row, applied)

    def move(self, coupon_id: int, event: str) -> CouponDetail:
        """Pause or resume any coupon by ``event`` (control API); the coupon after the move."""
        now = self._now()
        with self.store.engine.begin() as conn:
            row = self._any_coupon(conn, coupon_id)
            settle(conn, str(row["vendor_id"]), now)
            row = self._any_coupon(conn, coupon_id)
            coupon_move(conn, row, event, now)
        return self.view(coupon_id)

    def view(self, coupon_id: int) -> CouponDetail:
        """Any coupon with its contract and items (control API), settled first."""
        now = self._now()
        with self.store.engine.begin() as conn:
            row = self._any_coupon(conn, coupon_id)
            settle(conn, str(row["vendor_id"]), now)
            row = self._any_coupon(conn, coupon_id)
            items = cdb.items_of(conn, coupon_id)
            contract = cdb.contract_get(conn, str(row["vendor_id"]), int(row["contract_id"]))
            return CouponDetail(row, contract, list(items))
