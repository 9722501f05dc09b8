"""The coupons backend's shared state and lookups."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.engine import RowMapping

from coupang_sandbox.backends.coupons._common import (
    DOWNLOAD,
    REQUEST_ID_START,
)
from coupang_sandbox.clock import SandboxClock, to_us
from coupang_sandbox.errors import NotFound, ValidationFailed
from coupang_sandbox.settings import SandboxSettings
from coupang_sandbox.state import coupons as st
from coupang_sandbox.store import Store
from coupang_sandbox.store import coupons as cdb
from coupang_sandbox.store import repo as r
from coupang_seller.preflight import Violation


@dataclass
class CouponsBase:
    """What every part of the coupons backend shares: the store, the clock, the settings, and
    the lookups that refuse (404/400) when a contract or coupon is not the vendor's."""

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

    def require_vendor(self, vendor_id: str) -> None:
        """404 unless ``vendor_id`` is a vendor of the sandbox (asked before the body is
        checked, so an unknown vendor is a 404 whatever the body)."""
        if self.store.vendor_by_id(vendor_id) is None:
            raise NotFound(f"vendor {vendor_id} does not exist")

    def _any_coupon(self, conn: Connection, coupon_id: int) -> RowMapping:
        row = cdb.coupon_by_id(conn, coupon_id)
        if row is None:
            raise NotFound(f"couponId {coupon_id} does not exist")
        return row
