"""The products backend's plumbing, shared by its parts: the sandbox clock, the lazy automatic
review (``settle_due``) and loading a product or a vendor item by its parsed id."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection
from sqlalchemy.engine import RowMapping

from coupang_sandbox.backends.products._approval import apply_review, request_approval
from coupang_sandbox.backends.products._errors import (
    MSG_DELETED_PRODUCT,
    SellerApiError,
    item_not_found,
    product_not_found,
)
from coupang_sandbox.backends.products._types import Review
from coupang_sandbox.clock import SandboxClock, from_us, to_us
from coupang_sandbox.errors import must_exist
from coupang_sandbox.settings import SandboxSettings
from coupang_sandbox.state import products as st
from coupang_sandbox.store import Store
from coupang_sandbox.store import products as db
from coupang_sandbox.views.products import Row


@dataclass
class ProductsCore:
    """The store, the sandbox clock and the settings every part of the backend works with."""

    store: Store
    clock: SandboxClock
    settings: SandboxSettings

    def _now(self) -> datetime:
        return self.clock.now().astimezone(UTC)

    def _request_approval(self, conn: Connection, row: Row, now: datetime) -> None:
        request_approval(conn, row, now, self.settings.auto_review_seconds)

    def settle_due(
        self, conn: Connection, vendor_id: str | None, product_id: int | None = None
    ) -> None:
        """Approve every product whose automatic review is due (lazily, see the package doc)."""
        if self.settings.auto_review_seconds is None:
            return
        now_us = to_us(self._now())
        for row in db.products_due_for_review(conn, vendor_id, now_us, product_id):
            apply_review(conn, row, Review(st.APPROVED), from_us(int(row["review_due_us"])))

    def _load(
        self, conn: Connection, vendor_id: str, product_id: int, *, lock: bool = True
    ) -> RowMapping:
        """The vendor's product (after its due review); the seller_api 400 when unknown."""
        self.settle_due(conn, vendor_id, product_id)
        row = db.product_get(conn, vendor_id, product_id, lock=lock)
        if row is None:
            raise product_not_found(product_id)
        return row

    def _load_item(
        self, conn: Connection, vendor_id: str, vendor_item_id: int, *, lock: bool = True
    ) -> tuple[RowMapping, RowMapping]:
        """The vendor item and its product (after due reviews); 400 when unknown or deleted."""
        self.settle_due(conn, vendor_id)
        item = db.item_by_vendor_item_id(conn, vendor_id, vendor_item_id, lock=lock)
        if item is None:
            raise item_not_found(vendor_item_id)
        row = must_exist(
            db.product_get(conn, vendor_id, int(item["seller_product_id"])), "the product"
        )
        if row["status"] == st.DELETED:
            raise SellerApiError(MSG_DELETED_PRODUCT)
        return item, row
