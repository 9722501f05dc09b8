"""Models of the settlement APIs: revenue history (매출내역) and settlement histories (지급내역).

Amounts are whole won. On a ``REFUND`` line of the revenue history the item amounts come
unsigned, like on a sale (``saleType`` gives the direction: :attr:`RevenueHistory.sign`), while
``deliveryFee`` already carries its sign (negative: return shipping charged to the seller).
"""

from __future__ import annotations

from typing import Final

from pydantic import AliasChoices, Field

from coupang_seller.types._base import CoupangModel

__all__ = [
    "REVENUE_SALE_TYPES",
    "SETTLEMENT_HISTORY_TYPES",
    "SETTLEMENT_STATUSES",
    "RevenueDeliveryFee",
    "RevenueHistory",
    "RevenueHistoryPage",
    "RevenueItem",
    "SettlementHistory",
    "SettlementTerms",
]

#: RevenueSaleType: SALE (주문 건), REFUND (반품 건).
REVENUE_SALE_TYPES: Final = ("SALE", "REFUND")
#: SettlementHistoryType: MONTHLY, WEEKLY, ADDITIONAL (추가 지급), RESERVE (최종액 지급).
SETTLEMENT_HISTORY_TYPES: Final = ("MONTHLY", "WEEKLY", "ADDITIONAL", "RESERVE")
#: ``status`` of a settlement history: DONE (지급 완료), SUBJECT (지급 예정).
SETTLEMENT_STATUSES: Final = ("DONE", "SUBJECT")


class RevenueDeliveryFee(CoupangModel):
    """Shipping fee part of a revenue line (``amount`` = base + remote-area fee)."""

    amount: int | None = None
    fee: int | None = None
    feeVat: int | None = None
    feeRatio: float | None = None
    settlementAmount: int | None = None
    baseAmount: int | None = None
    baseFee: int | None = None
    baseFeeVat: int | None = None
    remoteAmount: int | None = None
    remoteFee: int | None = None
    remoteFeeVat: int | None = None


class RevenueItem(CoupangModel):
    """One option (vendorItemId) of a revenue line.

    The field table spells the Coupang-funded discount ``couapngDiscountCoupon``, the sample
    ``coupangDiscountCoupon``: both are read into :attr:`coupangDiscountCoupon`.
    """

    taxType: str | None = None
    productId: int | None = None
    productName: str | None = None
    vendorItemId: int | None = None
    vendorItemName: str | None = None
    #: Total sale price of the line (unit price x quantity).
    salePrice: int | None = None
    quantity: int | None = None
    coupangDiscountCoupon: int | None = Field(
        default=None,
        validation_alias=AliasChoices("coupangDiscountCoupon", "couapngDiscountCoupon"),
    )
    discountCouponPolicyAgreement: bool | None = None
    #: Sale amount = salePrice - coupangDiscountCoupon (매출금액).
    saleAmount: int | None = None
    #: Seller-funded instant discount coupon (즉시할인쿠폰).
    sellerDiscountCoupon: int | None = None
    #: Seller-funded downloadable coupon (다운로드쿠폰, 2019 addition).
    downloadableCoupon: int | None = None
    serviceFee: int | None = None
    serviceFeeVat: int | None = None
    #: Commission rate in percent, VAT excluded.
    serviceFeeRatio: float | None = None
    #: settlementAmount = saleAmount - (serviceFee + serviceFeeVat).
    settlementAmount: int | None = None
    couranteeFeeRatio: float | None = None
    couranteeFee: int | None = None
    couranteeFeeVat: int | None = None
    externalSellerSkuCode: str | None = None


class RevenueHistory(CoupangModel):
    """One line of the revenue history: a sale (delivered box) or a refund (completed return)."""

    orderId: int | None = None
    saleType: str | None = None
    #: Payment day (결제완료일), yyyy-MM-dd.
    saleDate: str | None = None
    #: Revenue recognition day (매출인식일), yyyy-MM-dd.
    recognitionDate: str | None = None
    #: Expected payment day (지급예정일).
    settlementDate: str | None = None
    #: Payment day of the reserve (유보액지급 예정일, weekly settlement).
    finalSettlementDate: str | None = None
    deliveryFee: RevenueDeliveryFee | None = None
    items: list[RevenueItem] = []

    @property
    def sign(self) -> int:
        """``-1`` for a REFUND line, ``+1`` otherwise (apply it to the item amounts)."""
        return -1 if self.saleType == "REFUND" else 1


class RevenueHistoryPage(CoupangModel):
    """``{code, message, data: [...], hasNext, nextToken}``."""

    code: int | str | None = None
    message: str | None = None
    data: list[RevenueHistory] = []
    hasNext: bool | None = None
    nextToken: str | None = None

    @property
    def items(self) -> list[RevenueHistory]:
        """The revenue history rows of this page."""
        return self.data

    @property
    def next_token(self) -> str | None:
        """The token of the next page, ``None`` on the last one."""
        if not self.hasNext:
            return None
        return self.nextToken or None


class SettlementHistory(CoupangModel):
    """One payment (지급) of a recognition month: a weekly or monthly settlement, its reserve."""

    settlementType: str | None = None
    settlementDate: str | None = None
    revenueRecognitionYearMonth: str | None = None
    revenueRecognitionDateFrom: str | None = None
    revenueRecognitionDateTo: str | None = None
    #: Sales + shipping fees - refunds (총판매액).
    totalSale: int | None = None
    #: Commission, VAT included (판매수수료).
    serviceFee: int | None = None
    #: totalSale - serviceFee (정산 대상액).
    settlementTargetAmount: int | None = None
    #: Paid now: 70 % of the target on a weekly cycle, 100 % on a monthly one (지급액).
    settlementAmount: int | None = None
    #: Held back (30 % on a weekly cycle), paid by the RESERVE row (최종액).
    lastAmount: int | None = None
    pendingReleasedAmount: int | None = None
    sellerDiscountCoupon: int | None = None
    downloadableCoupon: int | None = None
    dedicatedDeliveryAmount: int | None = None
    sellerServiceFee: int | None = None
    couranteeFee: int | None = None
    couranteeCustomerReward: int | None = None
    deductionAmount: int | None = None
    debtOfLastWeek: int | None = None
    #: What reaches the bank account (최종 지급액).
    finalAmount: int | None = None
    bankAccountHolder: str | None = None
    bankName: str | None = None
    bankAccount: str | None = None
    status: str | None = None
    storeFeeDiscount: int | None = None


class SettlementTerms(CoupangModel):
    """A sandbox vendor's settlement terms (``client.sandbox.settlement.set``)."""

    vendorId: str
    #: WEEKLY or MONTHLY.
    cycle: str
    #: Commission (serviceFeeRatio) in percent, VAT excluded.
    commissionRate: float
