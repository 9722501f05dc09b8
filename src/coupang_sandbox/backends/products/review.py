"""The approval workflow's entry points: the seller's approval request and the control API's
review (the sandbox playing Coupang's reviewer)."""

from __future__ import annotations

from coupang_sandbox.backends.products._approval import apply_review
from coupang_sandbox.backends.products._core import ProductsCore
from coupang_sandbox.backends.products._types import Review, ReviewOutcome
from coupang_sandbox.errors import NotFound
from coupang_sandbox.store import products as db


class ProductReviews(ProductsCore):
    """Approval request (seller) and review (control API)."""

    def request_approval(self, vendor_id: str, seller_product_id: int) -> int:
        """Ask for approval (임시저장 -> 승인대기중); the product's id."""
        now = self._now()
        with self.store.engine.begin() as conn:
            row = self._load(conn, vendor_id, seller_product_id)
            self._request_approval(conn, row, now)
            return int(row["seller_product_id"])

    def review(self, seller_product_id: int, review: Review) -> ReviewOutcome:
        """The control API's review of a product waiting for approval (any vendor)."""
        with self.store.engine.begin() as conn:
            self.settle_due(conn, None, seller_product_id)
            row = db.product_by_id(conn, seller_product_id)
            if row is None:
                raise NotFound(f"sellerProductId {seller_product_id} does not exist")
            status = apply_review(conn, row, review, self._now())
            items = db.items_of(conn, [seller_product_id])[seller_product_id]
        return ReviewOutcome(row, status, items)
