"""The coupons backend's rows (rendered by :mod:`coupang_sandbox.views.coupons`) and its
typed arguments (parsed by the routes)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.engine import RowMapping

from coupang_sandbox.backends.coupons._common import (
    Row,
)

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
    """One page of instant coupons (1-based ``page``, ``total`` coupons in all)."""

    coupons: list[InstantCoupon]
    page: int
    size: int
    total: int


@dataclass(frozen=True, slots=True)
class CouponItem:
    """An item of a coupon, with the coupon (whose status its own follows)."""

    item: Row
    coupon: Row


@dataclass(frozen=True, slots=True)
class ItemPage:
    """One page of a coupon's items (1-based ``page``, ``total`` items in all)."""

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
    """One ``couponItems`` element: a downloadable coupon and the options to attach."""

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
