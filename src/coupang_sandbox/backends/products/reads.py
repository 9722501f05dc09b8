"""Product reads: one product (whole or the partial lookup), the lists (filtered pages, a
10-minute creation window, by external SKU), the status history and the inflow count.

Every read first approves the vendor's products whose automatic review is due."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.engine import RowMapping

from coupang_sandbox.backends.products._core import ProductsCore
from coupang_sandbox.backends.products._errors import SellerApiError
from coupang_sandbox.backends.products._types import ListQuery, ProductRows
from coupang_sandbox.clock import to_us
from coupang_sandbox.state import products as st
from coupang_sandbox.store import products as db


class ProductReads(ProductsCore):
    """The seller's product lookups and lists."""

    def get(self, vendor_id: str, seller_product_id: int) -> ProductRows:
        """The product and its items (after any due review)."""
        with self.store.engine.begin() as conn:
            row = self._load(conn, vendor_id, seller_product_id, lock=False)
            product_id = int(row["seller_product_id"])
            return ProductRows(row, db.items_of(conn, [product_id])[product_id])

    def partial(self, vendor_id: str, seller_product_id: int) -> ProductRows:
        """The product and its items, for the partial lookup (a deleted one is refused)."""
        with self.store.engine.begin() as conn:
            row = self._load(conn, vendor_id, seller_product_id, lock=False)
            if row["status"] == st.DELETED:
                raise SellerApiError(
                    f"상품({row['seller_product_id']})의 데이터가 없습니다. (the product was deleted)"
                )
            product_id = int(row["seller_product_id"])
            return ProductRows(row, db.items_of(conn, [product_id])[product_id])

    def page(
        self, vendor_id: str, query: ListQuery, *, page: int, size: int
    ) -> tuple[list[RowMapping], bool]:
        """One page of the vendor's products, and whether another follows."""
        statuses = query.statuses
        if statuses is None:
            statuses = tuple(s for s in st.STATUS_NAMES if s != st.DELETED)
        with self.store.engine.begin() as conn:
            self.settle_due(conn, vendor_id)
            rows, more = db.products_page(
                conn,
                vendor_id,
                statuses=statuses,
                seller_product_id=query.seller_product_id,
                name=query.name,
                manufacture=query.manufacture,
                created_from_us=None if query.created_from is None else to_us(query.created_from),
                created_to_us=None if query.created_to is None else to_us(query.created_to),
                offset=(page - 1) * size,
                limit=size,
            )
        return rows, more

    def time_frame(self, vendor_id: str, start: datetime, end: datetime) -> Sequence[RowMapping]:
        """The vendor's products created in ``[start, end]``."""
        with self.store.engine.begin() as conn:
            self.settle_due(conn, vendor_id)
            return db.products_created_between(conn, vendor_id, to_us(start), to_us(end))

    def by_external_sku(self, vendor_id: str, sku: str) -> Sequence[RowMapping]:
        """The vendor's products with an item of this ``externalVendorSku``."""
        with self.store.engine.begin() as conn:
            self.settle_due(conn, vendor_id)
            ids = db.product_ids_by_sku(conn, vendor_id, sku)
            return db.products_by_ids(conn, vendor_id, ids) if ids else []

    def histories(
        self, vendor_id: str, seller_product_id: int, *, page: int, size: int
    ) -> tuple[list[RowMapping], bool]:
        """One page of a product's status history, and whether another follows."""
        with self.store.engine.begin() as conn:
            row = self._load(conn, vendor_id, seller_product_id, lock=False)
            return db.histories_page(
                conn, int(row["seller_product_id"]), offset=(page - 1) * size, limit=size
            )

    def registered_count(self, vendor_id: str) -> int:
        """How many products the vendor has (deleted ones aside)."""
        with self.store.engine.begin() as conn:
            self.settle_due(conn, vendor_id)
            return db.count_products(conn, vendor_id, exclude_status=st.DELETED)
