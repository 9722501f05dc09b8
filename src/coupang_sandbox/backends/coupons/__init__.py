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

This package splits the backend by job: :mod:`.settling` (the due requests and the clock),
:mod:`.discounts` (coupons on orders), :mod:`.contracts`, :mod:`.instant` and :mod:`.download`
(the seller's operations), :mod:`.rows` (the rows returned and the typed arguments taken).
"""

from __future__ import annotations

from coupang_sandbox.backends.coupons._common import (
    CONTRACT_BASED,
    CONTRACT_TYPES,
    DOWNLOAD,
    INSTANT,
    NON_CONTRACT_BASED,
    Row,
    kst,
    month_of,
    number_of,
    page_args,
    us_of,
)
from coupang_sandbox.backends.coupons.contracts import ContractOps
from coupang_sandbox.backends.coupons.discounts import (
    apply_download_coupons,
    discounts_for,
    download_discount,
    instant_discount,
)
from coupang_sandbox.backends.coupons.download import DownloadOps
from coupang_sandbox.backends.coupons.instant import InstantOps
from coupang_sandbox.backends.coupons.rows import (
    BudgetQuery,
    ContractBudget,
    ContractInput,
    ContractQuery,
    CouponDetail,
    CouponInput,
    CouponItem,
    CouponPage,
    CouponsQuery,
    DownloadCoupon,
    DownloadExpiry,
    DownloadInput,
    DownloadItems,
    DownloadItemsEntry,
    DownloadPolicy,
    DownloadResult,
    InstantCoupon,
    ItemLookup,
    ItemPage,
    ItemsQuery,
    OrderCoupon,
    VendorItems,
)
from coupang_sandbox.backends.coupons.settling import settle

__all__ = [
    "CONTRACT_BASED",
    "CONTRACT_TYPES",
    "DOWNLOAD",
    "INSTANT",
    "NON_CONTRACT_BASED",
    "BudgetQuery",
    "ContractBudget",
    "ContractInput",
    "ContractQuery",
    "CouponDetail",
    "CouponInput",
    "CouponItem",
    "CouponPage",
    "Coupons",
    "CouponsQuery",
    "DownloadCoupon",
    "DownloadExpiry",
    "DownloadInput",
    "DownloadItems",
    "DownloadItemsEntry",
    "DownloadPolicy",
    "DownloadResult",
    "InstantCoupon",
    "ItemLookup",
    "ItemPage",
    "ItemsQuery",
    "OrderCoupon",
    "Row",
    "VendorItems",
    "apply_download_coupons",
    "discounts_for",
    "download_discount",
    "instant_discount",
    "kst",
    "month_of",
    "number_of",
    "page_args",
    "settle",
    "us_of",
]


class Coupons(ContractOps, InstantOps, DownloadOps):
    """The coupons backend: contracts and budgets, instant and downloadable coupons (built on the
    sandbox's store, clock and settings)."""
