"""Seller products (업체상품): create, full and partial update, approval workflow, item APIs.

Every operation loads the product, applies a rule (the SDK's preflight rules in
:mod:`coupang_seller.preflight.products`, the single source of truth, and the transition
tables of :mod:`coupang_sandbox.state.products`) and persists, in one transaction.

The automatic review is lazy: there is no background job. Whenever a vendor's products are
read or changed, every product of that vendor still waiting for approval (APPROVING) whose
review is due on the sandbox clock (``SandboxSettings.auto_review_seconds`` after the
request) is approved first, with the due instant as the time of the history row. So
``advance_clock(601)`` followed by a GET shows 승인완료.

Images: the rules may look at image bytes (size, dimensions). Loopback image URLs are fetched
by :mod:`coupang_sandbox.backends._image_fetch` before the transaction opens (bounded in time
and size, never from the sandbox itself); any other URL is reported to the rules as
unloadable (``None``), and the rules then skip the checks that need the bytes.

The package is split by job: :mod:`.writes` (create, full and partial update, delete),
:mod:`.reads` (lookups and lists), :mod:`.review` (approval request and the control API's
review), :mod:`.inventory` (the vendor-item APIs); ``_core`` holds the shared plumbing,
``_approval`` the workflow's steps, ``_documents`` the stored documents, ``_errors`` the
refusals and ``_types`` the typed arguments and rows. :class:`Products` joins the parts.
"""

from __future__ import annotations

from dataclasses import dataclass

from coupang_sandbox.backends.products._documents import (
    normalize_item_fields,
    normalize_product_fields,
)
from coupang_sandbox.backends.products._errors import (
    IGNORED_RULES,
    SellerApiError,
    SellerValidationFailed,
    item_not_found,
    merge_violations,
    product_not_found,
    raise_violations,
    state_refusal,
)
from coupang_sandbox.backends.products._types import (
    ListQuery,
    PartialUpdate,
    ProductInput,
    ProductRows,
    Review,
    ReviewOutcome,
)
from coupang_sandbox.backends.products.inventory import VendorItems
from coupang_sandbox.backends.products.reads import ProductReads
from coupang_sandbox.backends.products.review import ProductReviews
from coupang_sandbox.backends.products.writes import ProductWrites

__all__ = [
    "IGNORED_RULES",
    "ListQuery",
    "PartialUpdate",
    "ProductInput",
    "ProductRows",
    "Products",
    "Review",
    "ReviewOutcome",
    "SellerApiError",
    "SellerValidationFailed",
    "item_not_found",
    "merge_violations",
    "normalize_item_fields",
    "normalize_product_fields",
    "product_not_found",
    "raise_violations",
    "state_refusal",
]


@dataclass
class Products(ProductWrites, ProductReads, ProductReviews, VendorItems):
    """The products backend: every part over one store, sandbox clock and settings."""
