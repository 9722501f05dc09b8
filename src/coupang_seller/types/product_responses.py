"""Answers of the product APIs that :mod:`coupang_seller.types.products` does not model:
list rows, status history, registration quota, and the seller_api envelopes around them.

``statusName`` is Korean on the wire (승인완료, ...); :func:`status_code` maps it to the
``SellerProductStatus`` code that the list's ``status`` filter takes (APPROVED, ...).
"""

from __future__ import annotations

from typing import Final, Generic, TypeVar

from coupang_seller.types._base import CoupangModel
from coupang_seller.types.products import (
    PartialSellerProduct,
    SellerProduct,
    VendorItemInventory,
)

__all__ = [
    "STATUS_CODES",
    "STATUS_NAMES",
    "InflowStatus",
    "PartialSellerProduct",
    "ProductHistory",
    "SellerApiEnvelope",
    "SellerApiPage",
    "SellerProduct",
    "SellerProductSummary",
    "VendorItemInventory",
    "status_code",
]

T = TypeVar("T")

#: ``SellerProductStatus`` code -> Korean ``statusName``.
STATUS_NAMES: Final[dict[str, str]] = {
    "SAVING": "임시저장중",
    "SAVED": "임시저장",
    "APPROVING": "승인대기중",
    "APPROVED": "승인완료",
    "PARTIAL_APPROVED": "부분승인완료",
    "DENIED": "승인반려",
    "DELETED": "상품삭제",
}
#: Korean ``statusName`` -> code.
STATUS_CODES: Final[dict[str, str]] = {name: code for code, name in STATUS_NAMES.items()}


def status_code(status_name: str | None) -> str | None:
    """The status code of a ``statusName`` (a code given as is passes through)."""
    if status_name is None:
        return None
    if status_name in STATUS_NAMES:
        return status_name
    return STATUS_CODES.get(status_name)


class SellerApiEnvelope(CoupangModel, Generic[T]):
    """``{"code": "SUCCESS" | "ERROR", "message", "data"}`` of the seller_api provider."""

    code: int | str | None = None
    message: str | None = None
    data: T | None = None


class SellerApiPage(SellerApiEnvelope[list[T]], Generic[T]):
    """A ``nextToken`` page: ``nextToken`` is the next page number as text, ``""`` at the end."""

    nextToken: str | int | None = None

    @property
    def items(self) -> list[T]:
        """The entries of this page (empty when data is null)."""
        return self.data or []

    @property
    def next_token(self) -> str | None:
        """The token of the next page, or None on the last one (empty string included)."""
        token = self.nextToken
        if token is None or token == "":
            return None
        return str(token)


class SellerProductSummary(CoupangModel):
    """One row of the product lists (paging, time frame) and of the external-SKU summary."""

    sellerProductId: int
    sellerProductName: str | None = None
    displayCategoryCode: int | None = None
    categoryId: int | None = None
    productId: int | None = None
    vendorId: str | None = None
    mdId: str | None = None
    mdName: str | None = None
    saleStartedAt: str | None = None
    saleEndedAt: str | None = None
    brand: str | None = None
    statusName: str | None = None
    createdAt: str | None = None

    @property
    def status(self) -> str | None:
        """The status code for statusName (e.g. APPROVED), or None."""
        return status_code(self.statusName)


class ProductHistory(CoupangModel):
    """One status change of a product (``.../histories``); ``createdBy`` "쿠팡 셀러 시스템"
    means Coupang's system did it."""

    createdAt: str | None = None
    status: str | None = None
    statusName: str | None = None
    createdBy: str | None = None
    comment: str | None = None

    @property
    def status_code(self) -> str | None:
        """The status code for statusName (or status), or None."""
        return status_code(self.statusName or self.status)


class InflowStatus(CoupangModel):
    """How many products the seller may register (``permittedCount`` ``None`` = unlimited)."""

    vendorId: str | None = None
    restricted: bool | None = None
    registeredCount: int | None = None
    permittedCount: int | None = None
