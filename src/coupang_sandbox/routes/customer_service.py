"""Customer-service endpoints (CS 고객문의 API) on the openapi provider.

* ``GET .../{v4,v5}/vendors/{vendorId}/onlineInquiries`` and ``.../callCenterInquiries``:
  ``{"code", "message": "OK", "data": {"content": [...], "pagination": {...}}}`` (the online
  list answers ``code: "200"``, the call-center list ``code: 200``, as their samples do).
  ``vendorId`` may also come as a query parameter; it must be the key's.
* ``GET .../v5/vendors/callCenterInquiries/{inquiryId}`` (no vendorId in the path: the vendor
  is the key's; another vendor's inquiry is not found).
* ``POST .../v4/vendors/{vendorId}/onlineInquiries/{inquiryId}/replies``,
  ``.../callCenterInquiries/{inquiryId}/replies`` and ``.../confirms``: ``{"code": "200",
  "message": "OK"}``.

Refusals answer HTTP 400 in the same envelope, ``errors`` naming each field and rule. A body
whose JSON text holds a literal newline or tab inside a string is not JSON: the body reader
refuses it with HTTP 400 before any handler runs (Coupang: "Could not read JSON: Illegal
unquoted character").
"""

from __future__ import annotations

from datetime import date

from starlette.responses import Response

from coupang_sandbox.backends._ids import body_id_mismatch, parse_id
from coupang_sandbox.backends.customer_service import Answer, CustomerService, ListQuery
from coupang_sandbox.errors import ValidationFailed
from coupang_sandbox.kst import parse_day
from coupang_sandbox.responses import CoupangJSONResponse
from coupang_sandbox.routes._base import Call, RouteSpec
from coupang_sandbox.state import customer_service as st
from coupang_sandbox.views import customer_service as views
from coupang_seller.preflight import Violation
from coupang_seller.preflight import customer_service as rules
from coupang_seller.preflight._core import as_page, is_blank

OPENAPI = "/v2/providers/openapi/apis/api"


def backend(call: Call) -> CustomerService:
    """The customer-service backend over the call's sandbox."""
    sandbox = call.sandbox
    return sandbox.backends.customer_service


def _ok() -> Response:
    return CoupangJSONResponse({"code": "200", "message": "OK"})


def _optional_day(call: Call, name: str, found: list[Violation]) -> date | None:
    text = call.query(name)
    if text is None or not text.strip():
        return None
    day, problems = parse_day(text, name)
    found += problems
    return day


def _optional_id(call: Call, name: str, found: list[Violation]) -> int | None:
    text = call.query(name)
    if text is None or not text.strip():
        return None
    number = parse_id(text)
    if number is None:
        found.append(Violation(name, "type", f"{name} must be a positive number ({text!r})"))
        return None
    return number


def _page_number(call: Call, name: str, default: int) -> object:
    text = call.query(name)
    return default if text is None or not text.strip() else text.strip()


def _list_query(call: Call, *, filter_name: str, max_size: int) -> ListQuery:
    found: list[Violation] = []  # a foreign vendorId in the query: refused by the gateway
    start = _optional_day(call, "inquiryStartAt", found)
    end = _optional_day(call, "inquiryEndAt", found)
    item = _optional_id(call, "vendorItemId", found)
    order = _optional_id(call, "orderId", found) if filter_name != "answeredType" else None
    if not any(v.field.startswith("inquiry") for v in found):
        found += rules.check_window(start, end, vendor_item_id=item)
    value = (call.query(filter_name) or "").strip().upper()
    if filter_name == "answeredType":
        found += rules.check_answered_type(value)
    else:
        found += rules.check_counseling_status(value)
    page = _page_number(call, "pageNum", 1)
    size = _page_number(call, "pageSize", rules.DEFAULT_PAGE_SIZE)
    found += rules.check_page(page, size, max_size=max_size)
    number, per = as_page(page), as_page(size)
    if found or number is None or per is None:
        raise ValidationFailed(found)
    states = (st.ANSWERED_FILTER if filter_name == "answeredType" else st.COUNSELING_FILTER)[value]
    return ListQuery(start, end, states, item, order, number, per)


def list_online(call: Call) -> Response:
    query = _list_query(call, filter_name="answeredType", max_size=rules.ONLINE_PAGE_SIZE_MAX)
    data = views.page(
        backend(call).list_page(st.ONLINE, call.vendor_id, query), query.page, query.size
    )
    return CoupangJSONResponse({"code": "200", "message": "OK", "data": data})


def list_call_center(call: Call) -> Response:
    query = _list_query(
        call, filter_name="partnerCounselingStatus", max_size=rules.CALL_CENTER_PAGE_SIZE_MAX
    )
    found = backend(call).list_page(st.CALL_CENTER, call.vendor_id, query)
    data = views.page(found, query.page, query.size)
    return CoupangJSONResponse({"code": 200, "message": "OK", "data": data})


def get_call_center(call: Call) -> Response:
    data = views.call_center(backend(call).get_call_center(call.vendor_id, call.path["inquiryId"]))
    return CoupangJSONResponse({"code": 200, "message": "OK", "data": data})


def _answer_rules(call: Call) -> list[Violation]:
    body = call.body
    return rules.check_content(body.get("content")) + rules.check_reply_by(body.get("replyBy"))


def _answer(call: Call, parent_answer_id: int | None = None) -> Answer:
    return Answer(str(call.body["content"]), str(call.body["replyBy"]).strip(), parent_answer_id)


def parse_online_answer(call: Call) -> Answer:
    """The body of an online answer (``content``, ``replyBy``, ``vendorId``) as typed
    arguments, or :class:`ValidationFailed` naming every field and rule broken."""
    found = _answer_rules(call)
    if is_blank(call.body.get("vendorId")):
        found.append(Violation("vendorId", "required", "vendorId is required in the body"))
    if found:
        raise ValidationFailed(found)
    return _answer(call)


def parse_call_center_answer(call: Call) -> Answer:
    """The body of a call-center answer (``content``, ``replyBy``, optional ``inquiryId``
    repeating the path's and ``parentAnswerId``) as typed arguments, or
    :class:`ValidationFailed`."""
    body = call.body
    found = _answer_rules(call)
    found += body_id_mismatch(body, "inquiryId", call.path["inquiryId"])
    parent = body.get("parentAnswerId")
    parent_id = None if parent is None or parent == "" else parse_id(parent)
    if parent is not None and parent != "" and parent_id is None:
        found.append(
            Violation("parentAnswerId", "type", f"parentAnswerId must be a number ({parent!r})")
        )
    if found:
        raise ValidationFailed(found)
    return _answer(call, parent_id)


def parse_confirm_by(call: Call) -> str:
    """The WING user who confirms (``confirmBy``), or :class:`ValidationFailed`."""
    found = rules.check_confirm_by(call.body.get("confirmBy"))
    if found:
        raise ValidationFailed(found)
    return str(call.body["confirmBy"]).strip()


def answer_online(call: Call) -> Response:
    """Answer an online inquiry: ``{"code": "200", "message": "OK"}``."""
    answer = parse_online_answer(call)
    backend(call).answer_online(call.vendor_id, call.path["inquiryId"], answer)
    return _ok()


def answer_call_center(call: Call) -> Response:
    """Answer a call-center inquiry: ``{"code": "200", "message": "OK"}``."""
    answer = parse_call_center_answer(call)
    backend(call).answer_call_center(call.vendor_id, call.path["inquiryId"], answer)
    return _ok()


def confirm(call: Call) -> Response:
    """Confirm a TRANSFER call-center inquiry: ``{"code": "200", "message": "OK"}``."""
    confirm_by = parse_confirm_by(call)
    backend(call).confirm(call.vendor_id, call.path["inquiryId"], confirm_by)
    return _ok()


def _routes() -> list[RouteSpec]:
    v4 = f"{OPENAPI}/v4/vendors/{{vendorId}}"
    specs: list[RouteSpec] = []
    for version in ("v4", "v5"):
        base = f"{OPENAPI}/{version}/vendors/{{vendorId}}"
        specs += [
            ("GET", f"{base}/onlineInquiries", list_online),
            ("GET", f"{base}/callCenterInquiries", list_call_center),
        ]
    return [
        *specs,
        ("GET", f"{OPENAPI}/v5/vendors/callCenterInquiries/{{inquiryId}}", get_call_center),
        ("POST", f"{v4}/onlineInquiries/{{inquiryId}}/replies", answer_online),
        ("POST", f"{v4}/callCenterInquiries/{{inquiryId}}/replies", answer_call_center),
        ("POST", f"{v4}/callCenterInquiries/{{inquiryId}}/confirms", confirm),
    ]


#: ``(method, path template, handler)`` of every customer-service endpoint served.
ROUTES: list[RouteSpec] = _routes()
