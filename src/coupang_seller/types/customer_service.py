"""Customer-service inquiries (고객문의) as the lists and the lookup answer them.

Field names are Coupang's. Enumerated fields are plain ``str`` (known values below); unknown
fields are kept. Since 2024 the customer's email is no longer given out: ``buyerEmail`` is
``""``. The call-center list documents ``vendorItemId`` as a number but its sample sends a
list; both are accepted (:attr:`CallCenterInquiry.vendor_item_ids` is always a list).
"""

from __future__ import annotations

from typing import Final

from coupang_seller.preflight import customer_service as rules
from coupang_seller.types._base import CoupangModel, Envelope, Page

__all__ = [
    "ANSWERED_TYPES",
    "ANSWER_TYPES",
    "COUNSELING_STATUSES",
    "CS_INQUIRY_STATUSES",
    "PARTNER_COUNSELING_STATUSES",
    "PARTNER_TRANSFER_COMPLETE_REASONS",
    "PARTNER_TRANSFER_STATUSES",
    "CallCenterInquiry",
    "CallCenterInquiryEnvelope",
    "CallCenterInquiryPage",
    "CallCenterReply",
    "OnlineInquiry",
    "OnlineInquiryComment",
    "OnlineInquiryPage",
]

#: answeredType filter of the online list.
ANSWERED_TYPES: Final = rules.ANSWERED_TYPES
#: partnerCounselingStatus filter of the call-center list (NONE = all).
PARTNER_COUNSELING_STATUSES: Final = rules.COUNSELING_STATUSES
#: inquiryStatus of a call-center inquiry.
CS_INQUIRY_STATUSES: Final = ("progress", "complete")
#: csPartnerCounselingStatus of a call-center inquiry.
COUNSELING_STATUSES: Final = ("requestAnswer", "answered")
#: partnerTransferStatus of a reply.
PARTNER_TRANSFER_STATUSES: Final = ("none", "requestAnswer", "answered")
#: partnerTransferCompleteReason of a reply.
PARTNER_TRANSFER_COMPLETE_REASONS: Final = (
    "NONE", "DISPUTE_PROCESS", "DISPUTE_PROCESS_COMPLETE", "CANCEL",
)  # fmt: skip
#: answerType of a reply: Coupang's counsellor or the seller.
ANSWER_TYPES: Final = ("csAgent", "vendor")


class OnlineInquiryComment(CoupangModel):
    """An answer to a product inquiry."""

    inquiryCommentId: int | None = None
    inquiryId: int | None = None
    content: str | None = None
    inquiryCommentAt: str | None = None


class OnlineInquiry(CoupangModel):
    """A customer's question on a product (상품별 고객문의)."""

    inquiryId: int
    productId: int | None = None
    vendorItemId: int | None = None
    content: str | None = None
    inquiryAt: str | None = None
    orderIds: list[int] | None = None
    buyerEmail: str | None = None
    commentDtoList: list[OnlineInquiryComment] = []

    @property
    def answered(self) -> bool:
        """True when the inquiry has at least one answer in commentDtoList."""
        return bool(self.commentDtoList)

    @property
    def answered_type(self) -> str:
        """``ANSWERED`` or ``NOANSWER`` (the answeredType this inquiry is listed under)."""
        return rules.ANSWERED if self.answered else rules.NOANSWER


class CallCenterReply(CoupangModel):
    """One message of a call-center inquiry: the counsellor's transfer or the seller's answer."""

    answerId: int | None = None
    parentAnswerId: int | None = None
    partnerTransferStatus: str | None = None
    partnerTransferCompleteReason: str | None = None
    answerType: str | None = None
    needAnswer: bool | None = None
    receptionistName: str | None = None
    receptionist: str | None = None
    replyAt: str | None = None
    content: str | None = None


class CallCenterInquiry(CoupangModel):
    """An inquiry the customer made at Coupang's call center about the seller's item."""

    inquiryId: int
    inquiryStatus: str | None = None
    csPartnerCounselingStatus: str | None = None
    vendorItemId: list[int] | int | None = None
    itemName: str | None = None
    content: str | None = None
    answeredAt: str | None = None
    replies: list[CallCenterReply] = []
    inquiryAt: str | None = None
    buyerEmail: str | None = None
    buyerPhone: str | None = None
    orderId: int | None = None
    orderDate: str | None = None
    receiptCategory: str | None = None
    saleStartedAt: str | None = None
    saleEndedAt: str | None = None

    @property
    def vendor_item_ids(self) -> list[int]:
        """vendorItemId as a list (Coupang sends one id, a list or none)."""
        if self.vendorItemId is None:
            return []
        if isinstance(self.vendorItemId, int):
            return [self.vendorItemId]
        return list(self.vendorItemId)

    @property
    def status(self) -> str:
        """partnerCounselingStatus: NO_ANSWER, ANSWER or TRANSFER."""
        return rules.call_center_status(self.inquiryStatus, self.csPartnerCounselingStatus)

    @property
    def needs_answer(self) -> bool:
        """True while the inquiry waits for an answer (NO_ANSWER)."""
        return self.status == rules.NO_ANSWER

    @property
    def needs_confirmation(self) -> bool:
        """True when the call center transferred the inquiry and it waits for confirmation
        (TRANSFER).
        """
        return self.status == rules.TRANSFER

    @property
    def pending_answer_id(self) -> int | None:
        """The answerId of the counsellor's transfer awaiting the seller (``parentAnswerId``
        of the answer), if any."""
        for reply in self.replies:
            if reply.answerType == "csAgent" and reply.partnerTransferStatus == "requestAnswer":
                return reply.answerId
        return None


class OnlineInquiryPage(Envelope[Page[OnlineInquiry]]):
    """One page of the online list: ``data.content`` and ``data.pagination``."""

    @property
    def items(self) -> list[OnlineInquiry]:
        """The inquiries of this page (empty without data)."""
        return [] if self.data is None else self.data.content

    @property
    def total_pages(self) -> int | None:
        """The total page count, or None without data."""
        return None if self.data is None else self.data.total_pages


class CallCenterInquiryPage(Envelope[Page[CallCenterInquiry]]):
    """One page of the call-center list: ``data.content`` and ``data.pagination``."""

    @property
    def items(self) -> list[CallCenterInquiry]:
        """The inquiries of this page (empty without data)."""
        return [] if self.data is None else self.data.content

    @property
    def total_pages(self) -> int | None:
        """The total page count, or None without data."""
        return None if self.data is None else self.data.total_pages


class CallCenterInquiryEnvelope(Envelope[CallCenterInquiry]):
    """The v5 single lookup: ``data`` is one inquiry."""
