"""Customer service (CS, 고객문의), sync and async side by side: ``client.online_inquiries`` and
``client.call_center_inquiries``.

* Online inquiries are customers' questions on a product page. :meth:`OnlineInquiries.list`
  reads one page (``answeredType`` ALL / ANSWERED / NOANSWER, ``pageSize`` <= 50);
  :meth:`OnlineInquiries.answer` answers an unanswered one, once.
* Call-center inquiries reach the seller through Coupang's counsellors.
  :meth:`CallCenterInquiries.list` (``partnerCounselingStatus`` NONE / ANSWER / NO_ANSWER /
  TRANSFER, ``pageSize`` <= 30) and :meth:`CallCenterInquiries.get` read them; a NO_ANSWER
  inquiry takes an answer (:meth:`CallCenterInquiries.answer`), a TRANSFER one (closed by
  the counsellor, handed over) takes a confirmation (:meth:`CallCenterInquiries.confirm`).

Dates are Korean calendar days (``yyyy-MM-dd``, both inclusive), at most 7 days apart per
call; ``iter`` walks any period in 7-day ranges and every page. Without dates, a
``vendor_item_id`` lists every inquiry of that option. ``reply_by`` / ``confirm_by`` (a WING
user id) is mandatory; it defaults to the client's ``user_id``. Line breaks in an answer are
fine: the SDK sends them JSON-escaped (``\\n``), as Coupang requires. Answers and
confirmations are not retried (no idempotency key): after a lost answer, re-read the list.
"""

from __future__ import annotations

import builtins
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from coupang_seller import _endpoints as E
from coupang_seller._client import AsyncClient, Client
from coupang_seller._constants import KST
from coupang_seller._core import QueryParams, path_param
from coupang_seller.pagination import aiter_page_num, iter_page_num, split_date_range
from coupang_seller.preflight import customer_service as rules
from coupang_seller.preflight._core import Violation
from coupang_seller.resources._base import ClientT, Resource
from coupang_seller.types.customer_service import (
    CallCenterInquiry,
    CallCenterInquiryEnvelope,
    CallCenterInquiryPage,
    OnlineInquiry,
    OnlineInquiryPage,
)

__all__ = [
    "AnsweredType",
    "AsyncCallCenterInquiries",
    "AsyncOnlineInquiries",
    "CallCenterInquiries",
    "CounselingStatus",
    "OnlineInquiries",
]

AnsweredType = Literal["ALL", "ANSWERED", "NOANSWER"]
CounselingStatus = Literal["NONE", "ANSWER", "NO_ANSWER", "TRANSFER"]


@dataclass(frozen=True, slots=True)
class _Call:
    method: str
    path: str
    params: QueryParams | None = None
    body: Any = None


def _day(value: date | None) -> date | None:
    """A Korean calendar day (aware datetimes are converted to Korean time)."""
    if isinstance(value, datetime):
        return value.astimezone(KST).date() if value.tzinfo is not None else value.date()
    return value


def _ranges(start: date | None, end: date | None) -> builtins.list[tuple[date | None, date | None]]:
    first, last = _day(start), _day(end)
    if first is None or last is None or last < first:
        return [(first, last)]  # the list call's preflight explains what is wrong
    return list(split_date_range(first, last, rules.WINDOW_DAYS))


class _CsOps(Resource[ClientT]):
    def _path(self, endpoint: E.Endpoint, inquiry_id: int | str | None = None) -> str:
        params: dict[str, str] = {}
        if "{vendorId}" in endpoint.path:
            params["vendorId"] = path_param(self._vendor_id, "vendorId")
        if inquiry_id is not None:
            params["inquiryId"] = path_param(inquiry_id, "inquiryId")
        return endpoint.format(**params)

    def _window(
        self, start: date | None, end: date | None, vendor_item_id: int | None
    ) -> tuple[dict[str, Any], builtins.list[Violation]]:
        first, last = _day(start), _day(end)
        found = rules.check_window(first, last, vendor_item_id=vendor_item_id)
        params = {
            "vendorId": self._vendor_id,
            "inquiryStartAt": None if first is None else first.isoformat(),
            "inquiryEndAt": None if last is None else last.isoformat(),
        }
        return params, found

    def _reply_by(self, given: str | None, operation: str, name: str) -> str:
        user = self._user_id(given)
        check = rules.check_reply_by if name == "replyBy" else rules.check_confirm_by
        self._refuse(check(user), operation)
        return user or ""

    def _answer_body(
        self, inquiry_id: int | str, content: str, reply_by: str | None, operation: str
    ) -> dict[str, Any]:
        self._refuse(rules.check_inquiry_id(inquiry_id) + rules.check_content(content), operation)
        user = self._reply_by(reply_by, operation, "replyBy")
        return {"content": content, "vendorId": self._vendor_id, "replyBy": user}


class _OnlineOps(_CsOps[ClientT]):
    def _list_call(
        self,
        start: date | None,
        end: date | None,
        *,
        answered_type: str,
        vendor_item_id: int | None,
        page_num: int,
        page_size: int,
    ) -> _Call:
        params, found = self._window(start, end, vendor_item_id)
        self._refuse(
            found
            + rules.check_answered_type(answered_type)
            + rules.check_page(page_num, page_size, max_size=rules.ONLINE_PAGE_SIZE_MAX),
            "online_inquiries.list",
        )
        params.update(
            answeredType=answered_type,
            vendorItemId=vendor_item_id,
            pageNum=page_num,
            pageSize=page_size,
        )
        return _Call("GET", self._path(E.CS_ONLINE_LIST), params)

    def _answer_call(self, inquiry_id: int | str, content: str, reply_by: str | None) -> _Call:
        body = self._answer_body(inquiry_id, content, reply_by, "online_inquiries.answer")
        return _Call("POST", self._path(E.CS_ONLINE_REPLY, inquiry_id), body=body)


class _CallCenterOps(_CsOps[ClientT]):
    def _list_call(
        self,
        start: date | None,
        end: date | None,
        *,
        status: str,
        vendor_item_id: int | None,
        order_id: int | None,
        page_num: int,
        page_size: int,
    ) -> _Call:
        params, found = self._window(start, end, vendor_item_id)
        self._refuse(
            found
            + rules.check_counseling_status(status)
            + rules.check_page(page_num, page_size, max_size=rules.CALL_CENTER_PAGE_SIZE_MAX),
            "call_center_inquiries.list",
        )
        params.update(
            partnerCounselingStatus=status,
            vendorItemId=vendor_item_id,
            orderId=order_id,
            pageNum=page_num,
            pageSize=page_size,
        )
        return _Call("GET", self._path(E.CS_CALL_CENTER_LIST), params)

    def _get_call(self, inquiry_id: int | str) -> _Call:
        self._refuse(rules.check_inquiry_id(inquiry_id), "call_center_inquiries.get")
        return _Call("GET", self._path(E.CS_CALL_CENTER_GET, inquiry_id))

    def _answer_call(
        self,
        inquiry_id: int | str,
        content: str,
        reply_by: str | None,
        parent_answer_id: int | None,
    ) -> _Call:
        body = self._answer_body(inquiry_id, content, reply_by, "call_center_inquiries.answer")
        body["inquiryId"] = str(inquiry_id)
        if parent_answer_id is not None:
            body["parentAnswerId"] = parent_answer_id
        return _Call("POST", self._path(E.CS_CALL_CENTER_REPLY, inquiry_id), body=body)

    def _check_answerable(self, inquiry: CallCenterInquiry) -> None:
        self._refuse(rules.check_answer_call_center(inquiry.status), "call_center_inquiries.answer")

    def _confirm_call(self, inquiry_id: int | str, confirm_by: str | None) -> _Call:
        operation = "call_center_inquiries.confirm"
        self._refuse(rules.check_inquiry_id(inquiry_id), operation)
        user = self._reply_by(confirm_by, operation, "confirmBy")
        return _Call(
            "POST", self._path(E.CS_CALL_CENTER_CONFIRM, inquiry_id), body={"confirmBy": user}
        )


# -- sync ----------------------------------------------------------------------------------


class OnlineInquiries(_OnlineOps[Client]):
    """``client.online_inquiries``: customers' questions on the seller's products."""

    def list(
        self,
        start: date | None = None,
        end: date | None = None,
        *,
        answered_type: AnsweredType = "ALL",
        vendor_item_id: int | None = None,
        page_num: int = 1,
        page_size: int = rules.DEFAULT_PAGE_SIZE,
    ) -> OnlineInquiryPage:
        """One page of the inquiries asked on ``[start, end]`` (Korean days, <= 7 days apart)."""
        call = self._list_call(
            start, end, answered_type=answered_type, vendor_item_id=vendor_item_id,
            page_num=page_num, page_size=page_size,
        )  # fmt: skip
        return self._client.request_model(
            call.method, call.path, OnlineInquiryPage, params=call.params
        )

    def iter(
        self,
        start: date | None = None,
        end: date | None = None,
        *,
        answered_type: AnsweredType = "ALL",
        vendor_item_id: int | None = None,
        page_size: int = rules.ONLINE_PAGE_SIZE_MAX,
    ) -> Iterator[OnlineInquiry]:
        """Every inquiry of any period: 7-day ranges, every page of each."""
        for first, last in _ranges(start, end):

            def fetch(
                page: int, first: date | None = first, last: date | None = last
            ) -> tuple[builtins.list[OnlineInquiry], int | None]:
                result = self.list(
                    first, last, answered_type=answered_type, vendor_item_id=vendor_item_id,
                    page_num=page, page_size=page_size,
                )  # fmt: skip
                return result.items, result.total_pages

            yield from iter_page_num(fetch)

    def answer(self, inquiry_id: int | str, *, content: str, reply_by: str | None = None) -> None:
        """Answer an unanswered (NOANSWER) inquiry; an inquiry is answered once."""
        call = self._answer_call(inquiry_id, content, reply_by)
        self._client.request(call.method, call.path, json=call.body)


class CallCenterInquiries(_CallCenterOps[Client]):
    """``client.call_center_inquiries``: inquiries handed over by Coupang's call center."""

    def list(
        self,
        start: date | None = None,
        end: date | None = None,
        *,
        status: CounselingStatus = "NONE",
        vendor_item_id: int | None = None,
        order_id: int | None = None,
        page_num: int = 1,
        page_size: int = rules.DEFAULT_PAGE_SIZE,
    ) -> CallCenterInquiryPage:
        """One page of the inquiries of ``[start, end]``; ``status`` is partnerCounselingStatus
        (NONE lists them all)."""
        call = self._list_call(
            start, end, status=status, vendor_item_id=vendor_item_id, order_id=order_id,
            page_num=page_num, page_size=page_size,
        )  # fmt: skip
        return self._client.request_model(
            call.method, call.path, CallCenterInquiryPage, params=call.params
        )

    def iter(
        self,
        start: date | None = None,
        end: date | None = None,
        *,
        status: CounselingStatus = "NONE",
        vendor_item_id: int | None = None,
        order_id: int | None = None,
        page_size: int = rules.CALL_CENTER_PAGE_SIZE_MAX,
    ) -> Iterator[CallCenterInquiry]:
        """Every inquiry of any period: 7-day ranges, every page of each."""
        for first, last in _ranges(start, end):

            def fetch(
                page: int, first: date | None = first, last: date | None = last
            ) -> tuple[builtins.list[CallCenterInquiry], int | None]:
                result = self.list(
                    first, last, status=status, vendor_item_id=vendor_item_id,
                    order_id=order_id, page_num=page, page_size=page_size,
                )  # fmt: skip
                return result.items, result.total_pages

            yield from iter_page_num(fetch)

    def get(self, inquiry_id: int | str) -> CallCenterInquiry:
        """One inquiry of this vendor (v5 lookup; another vendor's inquiry is not found)."""
        call = self._get_call(inquiry_id)
        found = self._client.request_model(call.method, call.path, CallCenterInquiryEnvelope)
        if found.data is None:
            raise LookupError(f"call-center inquiry {inquiry_id} came back empty")
        return found.data

    def answer(
        self,
        inquiry_id: int | str,
        *,
        content: str,
        reply_by: str | None = None,
        parent_answer_id: int | None = None,
    ) -> None:
        """Answer a NO_ANSWER inquiry, once. ``parent_answer_id`` is the answerId of the
        counsellor's transfer; when left out, the inquiry is looked up first (one GET) to find
        it, and an inquiry that cannot take an answer is refused before sending."""
        call = self._answer_call(inquiry_id, content, reply_by, parent_answer_id)
        if parent_answer_id is None:
            inquiry = self.get(inquiry_id)
            self._check_answerable(inquiry)
            if inquiry.pending_answer_id is not None:
                call.body["parentAnswerId"] = inquiry.pending_answer_id
        self._client.request(call.method, call.path, json=call.body)

    def confirm(self, inquiry_id: int | str, *, confirm_by: str | None = None) -> None:
        """Confirm a TRANSFER inquiry (closed by Coupang's counsellor, handed to the seller)."""
        call = self._confirm_call(inquiry_id, confirm_by)
        self._client.request(call.method, call.path, json=call.body)


# -- async ---------------------------------------------------------------------------------


class AsyncOnlineInquiries(_OnlineOps[AsyncClient]):
    async def list(
        self,
        start: date | None = None,
        end: date | None = None,
        *,
        answered_type: AnsweredType = "ALL",
        vendor_item_id: int | None = None,
        page_num: int = 1,
        page_size: int = rules.DEFAULT_PAGE_SIZE,
    ) -> OnlineInquiryPage:
        call = self._list_call(
            start, end, answered_type=answered_type, vendor_item_id=vendor_item_id,
            page_num=page_num, page_size=page_size,
        )  # fmt: skip
        return await self._client.request_model(
            call.method, call.path, OnlineInquiryPage, params=call.params
        )

    async def iter(
        self,
        start: date | None = None,
        end: date | None = None,
        *,
        answered_type: AnsweredType = "ALL",
        vendor_item_id: int | None = None,
        page_size: int = rules.ONLINE_PAGE_SIZE_MAX,
    ) -> AsyncIterator[OnlineInquiry]:
        for first, last in _ranges(start, end):

            async def fetch(
                page: int, first: date | None = first, last: date | None = last
            ) -> tuple[builtins.list[OnlineInquiry], int | None]:
                result = await self.list(
                    first, last, answered_type=answered_type, vendor_item_id=vendor_item_id,
                    page_num=page, page_size=page_size,
                )  # fmt: skip
                return result.items, result.total_pages

            async for item in aiter_page_num(fetch):
                yield item

    async def answer(
        self, inquiry_id: int | str, *, content: str, reply_by: str | None = None
    ) -> None:
        call = self._answer_call(inquiry_id, content, reply_by)
        await self._client.request(call.method, call.path, json=call.body)


class AsyncCallCenterInquiries(_CallCenterOps[AsyncClient]):
    async def list(
        self,
        start: date | None = None,
        end: date | None = None,
        *,
        status: CounselingStatus = "NONE",
        vendor_item_id: int | None = None,
        order_id: int | None = None,
        page_num: int = 1,
        page_size: int = rules.DEFAULT_PAGE_SIZE,
    ) -> CallCenterInquiryPage:
        call = self._list_call(
            start, end, status=status, vendor_item_id=vendor_item_id, order_id=order_id,
            page_num=page_num, page_size=page_size,
        )  # fmt: skip
        return await self._client.request_model(
            call.method, call.path, CallCenterInquiryPage, params=call.params
        )

    async def iter(
        self,
        start: date | None = None,
        end: date | None = None,
        *,
        status: CounselingStatus = "NONE",
        vendor_item_id: int | None = None,
        order_id: int | None = None,
        page_size: int = rules.CALL_CENTER_PAGE_SIZE_MAX,
    ) -> AsyncIterator[CallCenterInquiry]:
        for first, last in _ranges(start, end):

            async def fetch(
                page: int, first: date | None = first, last: date | None = last
            ) -> tuple[builtins.list[CallCenterInquiry], int | None]:
                result = await self.list(
                    first, last, status=status, vendor_item_id=vendor_item_id,
                    order_id=order_id, page_num=page, page_size=page_size,
                )  # fmt: skip
                return result.items, result.total_pages

            async for item in aiter_page_num(fetch):
                yield item

    async def get(self, inquiry_id: int | str) -> CallCenterInquiry:
        call = self._get_call(inquiry_id)
        found = await self._client.request_model(call.method, call.path, CallCenterInquiryEnvelope)
        if found.data is None:
            raise LookupError(f"call-center inquiry {inquiry_id} came back empty")
        return found.data

    async def answer(
        self,
        inquiry_id: int | str,
        *,
        content: str,
        reply_by: str | None = None,
        parent_answer_id: int | None = None,
    ) -> None:
        call = self._answer_call(inquiry_id, content, reply_by, parent_answer_id)
        if parent_answer_id is None:
            inquiry = await self.get(inquiry_id)
            self._check_answerable(inquiry)
            if inquiry.pending_answer_id is not None:
                call.body["parentAnswerId"] = inquiry.pending_answer_id
        await self._client.request(call.method, call.path, json=call.body)

    async def confirm(self, inquiry_id: int | str, *, confirm_by: str | None = None) -> None:
        call = self._confirm_call(inquiry_id, confirm_by)
        await self._client.request(call.method, call.path, json=call.body)
