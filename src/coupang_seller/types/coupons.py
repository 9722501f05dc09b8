"""Models of the coupon APIs: instant-discount coupons (``fms``) and downloadable coupons.

Known codes: coupon ``status`` STANDBY, APPLIED, PAUSED, EXPIRED, DETACHED; request ``status``
REQUESTED, DONE, FAIL; request ``type`` COUPON_PUBLISH, COUPON_EXPIRE, COUPON_ITEM_PUBLISH,
COUPON_ITEM_EXPIRE; contract ``type`` CONTRACT_BASED, NON_CONTRACT_BASED; instant coupon
``type`` RATE, FIXED_WITH_QUANTITY, PRICE; downloadable policy ``typeOfDiscount`` RATE, PRICE.
"""

from __future__ import annotations

from typing import Final, Generic, TypeVar

from coupang_seller.types._base import CoupangModel, Pagination

T = TypeVar("T")

REQUESTED: Final = "REQUESTED"
DONE: Final = "DONE"
FAIL: Final = "FAIL"


class CouponContract(CoupangModel):
    """An instant-coupon contract (contractId) and its seller/Coupang share ratios."""

    contractId: int
    vendorContractId: int | None = None
    sellerId: str | None = None
    sellerShareRatio: float | None = None
    coupangShareRatio: float | None = None
    gmvRatio: float | None = None
    start: str | None = None
    end: str | None = None
    type: str | None = None
    useBudget: bool | None = None
    modifiedAt: str | None = None
    modifiedBy: str | None = None


class CouponBudget(CoupangModel):
    """A contract's monthly coupon budget: totalBudgetAmount and usedBudgetAmount."""

    contractId: int
    targetMonth: str | None = None
    vendorShareRatio: float | None = None
    totalBudgetAmount: float | None = None
    usedBudgetAmount: float | None = None

    @property
    def remaining(self) -> float:
        """Budget left: totalBudgetAmount minus usedBudgetAmount."""
        return (self.totalBudgetAmount or 0) - (self.usedBudgetAmount or 0)


class InstantCoupon(CoupangModel):
    """An instant-discount coupon (즉시할인쿠폰) as Coupang lists it."""

    couponId: int
    contractId: int | None = None
    vendorContractId: int | None = None
    promotionName: str | None = None
    status: str | None = None
    type: str | None = None
    maxDiscountPrice: float | None = None
    discount: float | None = None
    startAt: str | None = None
    endAt: str | None = None
    #: Only in the by-order lookup.
    vendorItemId: int | None = None


class CouponItem(CoupangModel):
    """A vendor item attached to an instant coupon (couponItemId)."""

    couponItemId: int
    couponId: int | None = None
    vendorItemId: int | None = None
    startAt: str | None = None
    endAt: str | None = None
    status: str | None = None


class CouponRequested(CoupangModel):
    """The answer of an asynchronous coupon mutation: poll ``requestedId``."""

    requestedId: str
    #: ``False`` when Coupang refused the request at once (e.g. an expiry while another
    #: request on the coupon is pending); the request status then says why.
    success: bool = True


class FailedVendorItem(CoupangModel):
    """A vendorItemId an instant-coupon request could not apply, with the reason."""

    vendorItemId: int | None = None
    reason: str | None = None


class CouponRequestStatus(CoupangModel):
    """The state of an asynchronous instant-coupon request (requestedId): REQUESTED, DONE or FAIL."""

    requestedId: str
    couponId: int | None = None
    type: str | None = None
    status: str
    total: int = 0
    succeeded: int = 0
    failed: int = 0
    failedVendorItems: list[FailedVendorItem] = []

    @property
    def finished(self) -> bool:
        """True once the request left REQUESTED."""
        return self.status != REQUESTED

    @property
    def done(self) -> bool:
        """True when the request ended DONE."""
        return self.status == DONE


class FmsPage(CoupangModel, Generic[T]):
    """``data`` of an fms list: ``{success, content: [...], pagination}``."""

    success: bool | None = None
    content: list[T] = []
    pagination: Pagination | None = None


# -- downloadable coupons --------------------------------------------------------------


class DownloadPolicy(CoupangModel):
    """One policy of a download coupon: discount type, amount and minimum price."""

    title: str | None = None
    typeOfDiscount: str | None = None
    description: str | None = None
    minimumPrice: int | None = None
    discount: int | None = None
    maximumDiscountPrice: int | None = None
    #: The create answer's spelling of the daily cap ...
    maximumPerDaily: int | None = None
    #: ... and the lookup's.
    maximumPerDay: int | None = None
    manageCode: str | None = None


class DownloadCoupon(CoupangModel):
    """A download coupon (다운로드쿠폰) as Coupang returns it."""

    couponId: int
    vendorId: str | None = None
    title: str | None = None
    couponType: str | None = None
    couponStatus: str | None = None
    publishedDate: str | None = None
    startDate: str | None = None
    endDate: str | None = None
    appliedOptionCount: int | None = None
    usageAmount: int | None = None
    lastModifiedBy: str | None = None
    lastModifiedDate: str | None = None
    couponPolicies: list[DownloadPolicy] = []


class DownloadRequestBody(CoupangModel):
    """The body of a download-coupon request answer: couponId and requestTransactionId."""

    couponId: int | None = None
    requestTransactionId: str | None = None


class DownloadRequestResult(CoupangModel):
    """One entry of the item-attach / expiry answers (an array, one per coupon)."""

    requestResultStatus: str
    body: DownloadRequestBody | None = None
    errorCode: str | None = None
    errorMessage: str | None = None

    @property
    def succeeded(self) -> bool:
        """True when requestResultStatus is SUCCESS."""
        return self.requestResultStatus == "SUCCESS"

    @property
    def transaction_id(self) -> str | None:
        """The body's requestTransactionId, to poll the request with."""
        return None if self.body is None else self.body.requestTransactionId


class DownloadFailedItem(CoupangModel):
    """A vendorItemId a download-coupon request could not apply, with the failureReason."""

    vendorItemId: int | None = None
    failureReason: str | None = None


class DownloadTransactionStatus(CoupangModel):
    """The state of a download-coupon item request, polled by requestTransactionId."""

    requestedId: str
    type: str | None = None
    status: str
    total: int = 0
    succeeded: int = 0
    failed: int = 0
    couponId: int | None = None
    couponFailedVendorItemIdResponses: list[DownloadFailedItem] = []

    @property
    def finished(self) -> bool:
        """True once the request left REQUESTED."""
        return self.status != REQUESTED
