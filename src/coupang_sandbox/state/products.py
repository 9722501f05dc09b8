"""The seller-product approval workflow and the sale state of an approved item (vendor item).

Statuses are the documented ``SellerProductStatus`` codes (the ``status`` query filter of the
product list); responses carry the Korean ``statusName``. ``SAVING`` (임시저장중) is the
moment Coupang is still writing a new product: the sandbox stores a product in one
transaction, so it never rests there, but the status exists for the list filter and for the
partial-update refusal.

Workflow (business rule 8 of the reference)::

    create ──> SAVED ──request_approval──> APPROVING ──review_approved──> APPROVED
                 ^                             │ ──review_partial───> PARTIAL_APPROVED
                 │                             └──review_denied────> DENIED
                 └───────── full_update (from SAVED, DENIED, APPROVED, PARTIAL_APPROVED)

    delete: SAVED, DENIED, APPROVED, PARTIAL_APPROVED ──> DELETED (terminal)
    partial_update (delivery/return fields, no approval): every state but SAVING,
    APPROVING and DELETED, and it keeps the state.

``requested: true`` on create or full update chains ``request_approval`` right after.
"""

from __future__ import annotations

from typing import Final

from coupang_sandbox.state.machine import TransitionTable

SAVING: Final = "SAVING"
SAVED: Final = "SAVED"
APPROVING: Final = "APPROVING"
APPROVED: Final = "APPROVED"
PARTIAL_APPROVED: Final = "PARTIAL_APPROVED"
DENIED: Final = "DENIED"
DELETED: Final = "DELETED"

#: ``status`` code -> ``statusName`` (SellerProductStatus in the reference enums).
STATUS_NAMES: Final[dict[str, str]] = {
    SAVING: "임시저장중",
    SAVED: "임시저장",
    APPROVING: "승인대기중",
    APPROVED: "승인완료",
    PARTIAL_APPROVED: "부분승인완료",
    DENIED: "승인반려",
    DELETED: "상품삭제",
}

REQUEST_APPROVAL: Final = "request_approval"
REVIEW_APPROVED: Final = "review_approved"
REVIEW_PARTIAL: Final = "review_partial"
REVIEW_DENIED: Final = "review_denied"
FULL_UPDATE: Final = "full_update"
PARTIAL_UPDATE: Final = "partial_update"
DELETE: Final = "delete"

#: Review outcome of the control API -> event.
REVIEW_EVENTS: Final[dict[str, str]] = {
    APPROVED: REVIEW_APPROVED,
    PARTIAL_APPROVED: REVIEW_PARTIAL,
    DENIED: REVIEW_DENIED,
}

_EDITABLE = (SAVED, DENIED, APPROVED, PARTIAL_APPROVED)

seller_product: TransitionTable[str] = TransitionTable(
    "seller_product",
    {
        (SAVED, REQUEST_APPROVAL): APPROVING,
        (APPROVING, REVIEW_APPROVED): APPROVED,
        (APPROVING, REVIEW_PARTIAL): PARTIAL_APPROVED,
        (APPROVING, REVIEW_DENIED): DENIED,
        **{(state, FULL_UPDATE): SAVED for state in _EDITABLE},
        **{(state, PARTIAL_UPDATE): state for state in _EDITABLE},
        **{(state, DELETE): DELETED for state in _EDITABLE},
    },
)

ON_SALE: Final = True
STOPPED: Final = False
STOP: Final = "stop"
RESUME: Final = "resume"

#: ``onSale`` of an approved item. Stopping a stopped item (or resuming one on sale)
#: succeeds and changes nothing, as Coupang answers SUCCESS for it.
vendor_item_sale: TransitionTable[bool] = TransitionTable(
    "vendor_item_sale",
    {
        (ON_SALE, STOP): STOPPED,
        (STOPPED, STOP): STOPPED,
        (STOPPED, RESUME): ON_SALE,
        (ON_SALE, RESUME): ON_SALE,
    },
)


def status_name(status: str) -> str:
    """The Korean name Coupang shows for a product status (the code itself when unknown)."""
    return STATUS_NAMES.get(status, status)
