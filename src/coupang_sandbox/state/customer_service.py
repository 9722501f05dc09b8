"""The state of a customer-service inquiry (고객문의), as transition tables.

Each list names its states with its own documented filter values (business rule 11)::

    online (answeredType):            NOANSWER ──answer──> ANSWERED

    call center (partnerCounselingStatus):
                                      NO_ANSWER ──answer───> ANSWER
                                      TRANSFER ───confirm──> ANSWER

A call-center inquiry is NO_ANSWER when the counsellor handed it to the seller for an answer
and TRANSFER when the counsellor already closed it and the seller only has to acknowledge it
(미확인). Nothing else moves: a second answer, an answer to a TRANSFER inquiry or a
confirmation of anything but TRANSFER are refused (the shared rules of
:mod:`coupang_seller.preflight.customer_service` word the refusal).

:func:`call_center_wire` maps a call-center state to the fields the list shows
(``inquiryStatus`` progress/complete, ``csPartnerCounselingStatus`` requestAnswer/answered);
the SDK maps them back with the same rule (``call_center_status``).
"""

from __future__ import annotations

from typing import Final

from coupang_sandbox.state.machine import TransitionTable
from coupang_seller.preflight import customer_service as rules

ONLINE: Final = "online"
CALL_CENTER: Final = "call_center"
KINDS: Final = (ONLINE, CALL_CENTER)

NOANSWER: Final = rules.NOANSWER
ANSWERED: Final = rules.ANSWERED
ONLINE_STATES: Final = (NOANSWER, ANSWERED)

NO_ANSWER: Final = rules.NO_ANSWER
ANSWER: Final = rules.ANSWER_CC
TRANSFER: Final = rules.TRANSFER
CALL_CENTER_STATES: Final = (NO_ANSWER, TRANSFER, ANSWER)

#: Korean meaning of every state (documented code tables).
STATE_NAMES: Final[dict[str, str]] = {
    NOANSWER: "미답변",
    ANSWERED: "답변완료",
    NO_ANSWER: "미답변",
    ANSWER: "답변완료",
    TRANSFER: "미확인",
}

ANSWER_EVENT: Final = "answer"
CONFIRM_EVENT: Final = "confirm"

online: TransitionTable[str] = TransitionTable(
    "online_inquiry", {(NOANSWER, ANSWER_EVENT): ANSWERED}
)

call_center: TransitionTable[str] = TransitionTable(
    "call_center_inquiry",
    {
        (NO_ANSWER, ANSWER_EVENT): ANSWER,
        (TRANSFER, CONFIRM_EVENT): ANSWER,
    },
)

#: partnerCounselingStatus filter -> the states it lists (NONE lists all).
COUNSELING_FILTER: Final[dict[str, tuple[str, ...]]] = {
    rules.NONE: CALL_CENTER_STATES,
    NO_ANSWER: (NO_ANSWER,),
    TRANSFER: (TRANSFER,),
    ANSWER: (ANSWER,),
}
#: answeredType filter -> the states it lists (ALL lists both).
ANSWERED_FILTER: Final[dict[str, tuple[str, ...]]] = {
    rules.ALL: ONLINE_STATES,
    NOANSWER: (NOANSWER,),
    ANSWERED: (ANSWERED,),
}


def table(kind: str) -> TransitionTable[str]:
    """The transition table of an inquiry ``kind`` (online or call center)."""
    return online if kind == ONLINE else call_center


def call_center_wire(state: str, confirmed: bool) -> tuple[str, str]:
    """``(inquiryStatus, csPartnerCounselingStatus)`` shown for a call-center state."""
    if state == NO_ANSWER:
        return "progress", "requestAnswer"
    if state == TRANSFER:
        return "complete", "requestAnswer"
    return ("complete" if confirmed else "progress"), "answered"
