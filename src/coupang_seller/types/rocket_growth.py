"""Rocket Growth (로켓그로스) answers: orders fulfilled by Coupang and warehouse inventory.

The reference gives few fields for these newer endpoints; the models carry the documented
ones and keep any other field Coupang sends. ``paidAt`` arrives as epoch milliseconds (a
string or a number); :attr:`RgOrder.paid_at` reads it, or an ISO-8601 text, as a datetime.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Final

from pydantic import Field

from coupang_seller._constants import KST
from coupang_seller.types._base import CoupangModel

__all__ = [
    "SALES_COUNT_LAST_THIRTY_DAYS",
    "RgInventoryDetails",
    "RgInventoryPage",
    "RgInventorySummary",
    "RgOrder",
    "RgOrderItem",
    "RgOrderPage",
]

#: Key of :attr:`RgInventorySummary.salesCountMap`: units sold in the last 30 days.
SALES_COUNT_LAST_THIRTY_DAYS: Final = "SALES_COUNT_LAST_THIRTY_DAYS"
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class RgOrderItem(CoupangModel):
    """One line of a Rocket Growth order: vendorItemId, quantity and unit price."""

    vendorItemId: int | None = None
    productName: str | None = None
    salesQuantity: int = 0
    unitSalesPrice: int | str | None = None
    currency: str | None = None


class RgOrder(CoupangModel):
    """A Rocket Growth order (orderId) with its items."""

    orderId: int
    vendorId: str | None = None
    paidAt: int | str | None = None
    orderItems: list[RgOrderItem] = []

    @property
    def paid_at(self) -> datetime | None:
        """``paidAt`` as an aware datetime (Korean time), from epoch ms or ISO-8601 text."""
        value = self.paidAt
        if value is None or value == "":
            return None
        text = str(value).strip()
        if text.lstrip("-").isdigit():
            return (_EPOCH + timedelta(milliseconds=int(text))).astimezone(KST)
        moment = datetime.fromisoformat(text)
        return moment.replace(tzinfo=KST) if moment.tzinfo is None else moment


class RgOrderPage(CoupangModel):
    """One page of the order list: ``data`` and the top-level ``nextToken``."""

    code: int | str | None = None
    message: str | None = None
    data: list[RgOrder] = []
    nextToken: str | None = None

    @property
    def items(self) -> list[RgOrder]:
        """The Rocket Growth orders of this page."""
        return self.data

    @property
    def next_token(self) -> str | None:
        """The token of the next page, or None on the last one."""
        return self.nextToken or None


class RgInventoryDetails(CoupangModel):
    """Stock figures of a Rocket Growth item: totalOrderableQuantity."""

    totalOrderableQuantity: int = 0


class RgInventorySummary(CoupangModel):
    """Warehouse stock of one option: orderable units and the last 30 days' sales."""

    vendorId: str | None = None
    vendorItemId: int | None = None
    externalSkuId: int | str | None = None
    inventoryDetails: RgInventoryDetails = Field(default_factory=RgInventoryDetails)
    salesCountMap: dict[str, int] = {}

    @property
    def orderable(self) -> int:
        """inventoryDetails.totalOrderableQuantity."""
        return self.inventoryDetails.totalOrderableQuantity

    @property
    def sold_last_30_days(self) -> int:
        """Units sold in the last 30 days (salesCountMap), 0 when absent."""
        return int(self.salesCountMap.get(SALES_COUNT_LAST_THIRTY_DAYS, 0))


class RgInventoryPage(CoupangModel):
    """A page of Rocket Growth inventory summaries with the nextToken."""

    code: int | str | None = None
    message: str | None = None
    data: list[RgInventorySummary] = []
    nextToken: str | None = None

    @property
    def items(self) -> list[RgInventorySummary]:
        """The inventory summaries of this page."""
        return self.data

    @property
    def next_token(self) -> str | None:
        """The token of the next page, or None on the last one."""
        return self.nextToken or None
