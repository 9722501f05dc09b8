"""The products backend's interface: the typed arguments the routes parse (frozen dataclasses)
and the rows it returns, with the id counters' starting values."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from sqlalchemy.engine import RowMapping

SELLER_PRODUCT_ID_START: Final = 10_000_000_001
SELLER_PRODUCT_ITEM_ID_START: Final = 20_000_000_001
VENDOR_ITEM_ID_START: Final = 3_000_000_001
PRODUCT_ID_START: Final = 7_000_000_001
HISTORY_ID_START: Final = 1

NO_RETURN_CENTER_CODE: Final = "NO_RETURN_CENTERCODE"
SYSTEM_USER: Final = "쿠팡 셀러 시스템"


@dataclass(frozen=True, slots=True)
class Review:
    """A review outcome: ``result`` is APPROVED, PARTIAL_APPROVED or DENIED."""

    result: str
    reason: str = ""
    approved_item_ids: tuple[int, ...] | None = None
    by: str = SYSTEM_USER


@dataclass(frozen=True, slots=True)
class ListQuery:
    """The product list's filters, parsed by the route (``None``: no filter)."""

    statuses: tuple[str, ...] | None = None
    seller_product_id: int | None = None
    name: str | None = None
    manufacture: str | None = None
    created_from: datetime | None = None
    created_to: datetime | None = None


@dataclass(frozen=True, slots=True)
class ProductInput:
    """A product body for create or full update, as the route parsed it.

    ``document`` is the body itself: the shared rules read it, images are fetched from it and
    the stored document is normalised from it (unknown fields round-trip). The fields the
    backend acts on are parsed out: ``seller_product_id`` (full update only), ``name``,
    ``manufacture``, ``requested`` and ``items``.
    """

    document: Mapping[str, Any]
    name: str
    manufacture: str | None
    requested: bool
    items: tuple[Mapping[str, Any], ...]
    seller_product_id: int | None = None


@dataclass(frozen=True, slots=True)
class PartialUpdate:
    """A partial (no-approval) update: ``fields`` is the body, whose ``sellerProductId`` the
    route checked against the path; the rules read it and only ``PARTIAL_FIELDS`` and
    ``PARTIAL_ITEM_FIELDS`` (:mod:`coupang_sandbox.views.products`) are applied."""

    fields: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class ProductRows:
    """A product's row and its items' rows, in position order."""

    product: RowMapping
    items: list[RowMapping]


@dataclass(frozen=True, slots=True)
class ReviewOutcome:
    """A product after a review: its row (as loaded), the new status and its items."""

    product: RowMapping
    status: str
    items: list[RowMapping]
