"""Pure rules of the customer-service (CS, 고객문의) APIs, shared by the SDK and the sandbox.

Two kinds of inquiries reach a seller:

* online (product) inquiries (상품별 고객문의), listed with ``answeredType`` ALL / ANSWERED /
  NOANSWER and ``pageSize`` <= 50;
* call-center inquiries (쿠팡 콜센터 문의), listed with ``partnerCounselingStatus`` NONE (all) /
  ANSWER / NO_ANSWER / TRANSFER and ``pageSize`` <= 30.

Both lists take ``inquiryStartAt``/``inquiryEndAt`` (``yyyy-MM-dd``, Korean dates, both
inclusive) at most 7 days apart; the dates may be left out only when ``vendorItemId`` is
given (then every inquiry of that option is listed).

Answers (business rule 11): only an unanswered inquiry (NOANSWER / NO_ANSWER) takes an
answer, and only once. A TRANSFER call-center inquiry (Coupang's counsellor closed it and
handed it to the seller) takes a confirmation (``confirms``), never an answer; and only a
TRANSFER inquiry can be confirmed. ``replyBy`` / ``confirmBy`` (a WING user id) is mandatory.

The answer text and JSON: Coupang parses the body strictly, so a literal (unescaped) newline,
carriage return or tab inside the JSON string fails with "Could not read JSON: Illegal
unquoted character ((CTRL-CHAR, code 10))". A line break must travel as the two-character
escape ``\\n``. That is a property of the JSON *text*: the decoded ``content`` may perfectly
hold line breaks (the documented samples do). So :func:`check_content` (run on the decoded
value) accepts line feeds, carriage returns and tabs, and refuses what no JSON text carries
faithfully to the customer: other C0 control characters (NUL, BEL, ESC, ...) and lone UTF-16
surrogates (not encodable as UTF-8). The SDK always encodes the body with a JSON encoder, so
line breaks are escaped for the caller; the sandbox refuses a body whose JSON text carries a
literal control character (HTTP 400, like Coupang).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Final

from coupang_seller.preflight._core import PAGE_MAX, Violation, as_id, as_int, as_page, is_blank

__all__ = [
    "ALL",
    "ANSWERED",
    "ANSWERED_TYPES",
    "ANSWER_CC",
    "CALL_CENTER_PAGE_SIZE_MAX",
    "CALL_CENTER_STATUSES",
    "COUNSELING_STATUSES",
    "DEFAULT_PAGE_SIZE",
    "NOANSWER",
    "NONE",
    "NO_ANSWER",
    "ONLINE_PAGE_SIZE_MAX",
    "TRANSFER",
    "WINDOW_DAYS",
    "call_center_status",
    "check_answer_call_center",
    "check_answer_online",
    "check_answered_type",
    "check_confirm",
    "check_confirm_by",
    "check_content",
    "check_counseling_status",
    "check_inquiry_id",
    "check_page",
    "check_reply_by",
    "check_window",
]

WINDOW_DAYS: Final = 7
DEFAULT_PAGE_SIZE: Final = 10
ONLINE_PAGE_SIZE_MAX: Final = 50
CALL_CENTER_PAGE_SIZE_MAX: Final = 30

# answeredType of the online list (OnlineInquiryAnsweredType); the two real states are the
# last two.
ALL: Final = "ALL"
ANSWERED: Final = "ANSWERED"
NOANSWER: Final = "NOANSWER"
ANSWERED_TYPES: Final = (ALL, ANSWERED, NOANSWER)

# partnerCounselingStatus of the call-center list (CallCenterPartnerCounselingStatus); NONE is
# the "all" filter, the other three are states.
NONE: Final = "NONE"
ANSWER_CC: Final = "ANSWER"
NO_ANSWER: Final = "NO_ANSWER"
TRANSFER: Final = "TRANSFER"
COUNSELING_STATUSES: Final = (NONE, ANSWER_CC, NO_ANSWER, TRANSFER)
CALL_CENTER_STATUSES: Final = (NO_ANSWER, ANSWER_CC, TRANSFER)

MSG_CANNOT_ANSWER: Final = (
    "The inquiry can't be answer. It can do only inquiryStatus:progress, "
    "partnerTransferStatus:requestAnswer"
)

#: Decoded control characters refused in an answer (line feed, carriage return, tab allowed).
_BAD_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_WHITESPACE = re.compile(r"\s")
#: Longest WING user id accepted (the docs give none; WING login ids are short).
USER_ID_MAX: Final = 100


# -- lists ---------------------------------------------------------------------------------


def check_window(
    start: date | None, end: date | None, *, vendor_item_id: Any = None
) -> list[Violation]:
    """``inquiryStartAt``/``inquiryEndAt``: both or none (none only with ``vendorItemId``),
    end not before start, at most 7 days apart."""
    if start is None and end is None:
        if vendor_item_id is None or vendor_item_id == "":
            return [
                Violation(
                    "inquiryStartAt",
                    "required",
                    "inquiryStartAt and inquiryEndAt (yyyy-MM-dd) are required unless "
                    "vendorItemId is given",
                )
            ]
        return []
    if start is None or end is None:
        missing = "inquiryStartAt" if start is None else "inquiryEndAt"
        return [
            Violation(missing, "required", f"{missing} is required when the other date is given")
        ]
    if end < start:
        return [
            Violation("inquiryEndAt", "order", "inquiryEndAt must not be before inquiryStartAt")
        ]
    if (end - start).days > WINDOW_DAYS:
        return [
            Violation(
                "inquiryEndAt",
                "max_window",
                f"the inquiry window is at most {WINDOW_DAYS} days (최대 조회 기간 7일); "
                f"got {(end - start).days} days",
            )
        ]
    return []


def check_page(page_num: Any, page_size: Any, *, max_size: int) -> list[Violation]:
    """Violations of pageNum and pageSize (pageSize up to ``max_size``)."""
    found: list[Violation] = []
    number = as_page(page_num)
    if number is None:
        found.append(
            Violation(
                "pageNum", "min_value", f"pageNum must be 1 to {PAGE_MAX:,} (got {page_num!r})"
            )
        )
    size = as_int(page_size)
    if size is None or size < 1:
        found.append(
            Violation("pageSize", "min_value", f"pageSize must be >= 1 (got {page_size!r})")
        )
    elif size > max_size:
        found.append(
            Violation("pageSize", "max_value", f"pageSize is at most {max_size} (got {size})")
        )
    return found


def check_answered_type(value: Any) -> list[Violation]:
    """Violations of answeredType: required and one of the online inquiry answer states."""
    if is_blank(value):
        return [
            Violation(
                "answeredType", "required", "answeredType is required (ALL/ANSWERED/NOANSWER)"
            )
        ]
    if value not in ANSWERED_TYPES:
        return [
            Violation(
                "answeredType",
                "enum",
                f"answeredType must be one of {', '.join(ANSWERED_TYPES)} (got {value!r})",
            )
        ]
    return []


def check_counseling_status(value: Any) -> list[Violation]:
    """Violations of partnerCounselingStatus: required and one of the call-center states."""
    if is_blank(value):
        return [
            Violation(
                "partnerCounselingStatus",
                "required",
                "partnerCounselingStatus is required (NONE/ANSWER/NO_ANSWER/TRANSFER)",
            )
        ]
    if value not in COUNSELING_STATUSES:
        return [
            Violation(
                "partnerCounselingStatus",
                "enum",
                f"partnerCounselingStatus must be one of {', '.join(COUNSELING_STATUSES)} "
                f"(got {value!r})",
            )
        ]
    return []


# -- answers -------------------------------------------------------------------------------


def check_inquiry_id(value: Any) -> list[Violation]:
    """Violations of an inquiryId: it must be a positive number."""
    number = as_id(value)
    if number is None:
        return [
            Violation("inquiryId", "format", f"inquiryId must be a positive number ({value!r})")
        ]
    return []


def check_content(content: Any) -> list[Violation]:
    """The decoded answer text: a non-blank string without characters JSON cannot carry to the
    customer. Line breaks (sent as ``\\n``), carriage returns and tabs are fine."""
    if content is None or (isinstance(content, str) and not content.strip()):
        return [Violation("content", "required", "content (the answer text) is required")]
    if not isinstance(content, str):
        return [Violation("content", "type", "content must be a string")]
    bad = _BAD_CONTROL.search(content)
    if bad is not None:
        return [
            Violation(
                "content",
                "json_text",
                f"content holds the control character U+{ord(bad.group()):04X} at index "
                f"{bad.start()}; only line feed, carriage return and tab are allowed",
            )
        ]
    lone = _SURROGATE.search(content)
    if lone is not None:
        return [
            Violation(
                "content",
                "json_text",
                f"content holds a lone surrogate U+{ord(lone.group()):04X} at index "
                f"{lone.start()}: not valid Unicode, it cannot be sent as JSON text",
            )
        ]
    return []


def _check_user(value: Any, name: str) -> list[Violation]:
    if is_blank(value):
        return [
            Violation(
                name,
                "required",
                f"{name} is required: the WING user id of the person answering (2019 change)",
            )
        ]
    if not isinstance(value, str):
        return [Violation(name, "type", f"{name} must be a string (a WING user id)")]
    text = value.strip()
    if (
        _WHITESPACE.search(text)
        or _BAD_CONTROL.search(text)
        or _SURROGATE.search(text)
        or len(text) > USER_ID_MAX
    ):
        return [
            Violation(
                name,
                "format",
                f"{name} must be a WING user id (no spaces, at most {USER_ID_MAX} characters)",
            )
        ]
    return []


def check_reply_by(value: Any) -> list[Violation]:
    """Violations of replyBy: the WING user id answering the inquiry."""
    return _check_user(value, "replyBy")


def check_confirm_by(value: Any) -> list[Violation]:
    """Violations of confirmBy: the WING user id confirming a transferred inquiry."""
    return _check_user(value, "confirmBy")


# -- state rules (the sandbox knows the state; SDK users may check a listed inquiry) --------


def call_center_status(inquiry_status: Any, counseling_status: Any) -> str:
    """The ``partnerCounselingStatus`` of a call-center inquiry from its wire fields:
    ``answered`` -> ANSWER; ``requestAnswer`` while ``progress`` -> NO_ANSWER (the seller
    must answer); ``requestAnswer`` once ``complete`` -> TRANSFER (Coupang closed it and
    handed it over: the seller confirms)."""
    if counseling_status == "answered":
        return ANSWER_CC
    if inquiry_status == "complete":
        return TRANSFER
    return NO_ANSWER


def check_answer_online(status: str) -> list[Violation]:
    """Violations when answering an online inquiry: only an unanswered (NOANSWER) one can take a
    reply.
    """
    if status == NOANSWER:
        return []
    return [
        Violation(
            "inquiryId",
            "already_answered",
            f"{MSG_CANNOT_ANSWER}: the inquiry is {status}; an inquiry is answered once, "
            "only while NOANSWER (미답변)",
        )
    ]


def check_answer_call_center(status: str) -> list[Violation]:
    """Violations when answering a call-center inquiry: only NO_ANSWER ones (TRANSFER ones need
    confirming).
    """
    if status == NO_ANSWER:
        return []
    if status == TRANSFER:
        return [
            Violation(
                "inquiryId",
                "transfer_needs_confirm",
                f"{MSG_CANNOT_ANSWER}: the inquiry is TRANSFER (미확인, closed by Coupang's "
                "counsellor and handed over); it takes a confirmation (confirms), not an answer",
            )
        ]
    return [
        Violation(
            "inquiryId",
            "already_answered",
            f"{MSG_CANNOT_ANSWER}: the inquiry is {status}; an inquiry is answered once, "
            "only while NO_ANSWER (미답변)",
        )
    ]


def check_confirm(status: str) -> list[Violation]:
    """Violations when confirming a call-center inquiry: only TRANSFER ones can be confirmed."""
    if status == TRANSFER:
        return []
    hint = " (answer it instead: replies)" if status == NO_ANSWER else ""
    return [
        Violation(
            "inquiryId",
            "confirm_only_transfer",
            f"only a TRANSFER (미확인) call-center inquiry can be confirmed; this one is "
            f"{status}{hint}",
        )
    ]
