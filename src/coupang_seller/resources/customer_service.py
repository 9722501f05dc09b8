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
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from coupang_seller import _endpoints as E
from coupang_seller._client import AsyncClient, Client
from coupang_seller._constants import KST
from coupang_seller._core import path_param
from coupang_seller._windows import require_dates
from coupang_seller.pagination import aiter_page_num, iter_page_num, split_date_range
from coupang_seller.preflight import customer_service as rules
from coupang_seller.preflight._core import Violation
from coupang_seller.resources._base import (
    AsyncResource,
    Call,
    ClientT,
    Resource,
    SyncResource,
    nothing,
)
from coupang_seller.types.codes import CallCenterPartnerCounselingStatus, OnlineInquiryAnsweredType
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

AnsweredType = OnlineInquiryAnsweredType
CounselingStatus = CallCenterPartnerCounselingStatus


def _day(value: date | None) -> date | None:
    """A Korean calendar day (aware datetimes are converted to Korean time)."""
    if isinstance(value, datetime):
        return value.astimezone(KST).date() if value.tzinfo is not None else value.date()
    return value


def _inquiry(envelope: CallCenterInquiryEnvelope, inquiry_id: int | str) -> CallCenterInquiry:
    if envelope.data is None:
        raise LookupError(f"call-center inquiry {inquiry_id} came back empty")
    return envelope.data


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
        self._gate(operation, check(user))
        return user or ""

    def _answer_body(
        self, inquiry_id: int | str, content: str, reply_by: str | None, operation: str
    ) -> dict[str, Any]:
        self._gate(operation, rules.check_inquiry_id(inquiry_id) + rules.check_content(content))
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
    ) -> Call:
        params, found = self._window(start, end, vendor_item_id)
        self._gate(
            "online_inquiries.list",
            found
            + rules.check_answered_type(answered_type)
            + rules.check_page(page_num, page_size, max_size=rules.ONLINE_PAGE_SIZE_MAX),
        )
        params.update(
            answeredType=answered_type,
            vendorItemId=vendor_item_id,
            pageNum=page_num,
            pageSize=page_size,
        )
        return Call("GET", self._path(E.CS_ONLINE_LIST), params)

    def _answer_call(self, inquiry_id: int | str, content: str, reply_by: str | None) -> Call:
        body = self._answer_body(inquiry_id, content, reply_by, "online_inquiries.answer")
        return Call("POST", self._path(E.CS_ONLINE_REPLY, inquiry_id), body=body)


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
    ) -> Call:
        params, found = self._window(start, end, vendor_item_id)
        self._gate(
            "call_center_inquiries.list",
            found
            + rules.check_counseling_status(status)
            + rules.check_page(page_num, page_size, max_size=rules.CALL_CENTER_PAGE_SIZE_MAX),
        )
        params.update(
            partnerCounselingStatus=status,
            vendorItemId=vendor_item_id,
            orderId=order_id,
            pageNum=page_num,
            pageSize=page_size,
        )
        return Call("GET", self._path(E.CS_CALL_CENTER_LIST), params)

    def _get_call(self, inquiry_id: int | str) -> Call:
        self._gate("call_center_inquiries.get", rules.check_inquiry_id(inquiry_id))
        return Call("GET", self._path(E.CS_CALL_CENTER_GET, inquiry_id))

    def _answer_call(
        self,
        inquiry_id: int | str,
        content: str,
        reply_by: str | None,
        parent_answer_id: int | None,
    ) -> Call:
        body = self._answer_body(inquiry_id, content, reply_by, "call_center_inquiries.answer")
        body["inquiryId"] = str(inquiry_id)
        if parent_answer_id is not None:
            body["parentAnswerId"] = parent_answer_id
        return Call("POST", self._path(E.CS_CALL_CENTER_REPLY, inquiry_id), body=body)

    def _answer_with(self, call: Call, inquiry: CallCenterInquiry) -> Call:
        """The answer once the inquiry is known: refused unless it can take one, and sent to
        the counsellor's pending answer."""
        self._gate("call_center_inquiries.answer", rules.check_answer_call_center(inquiry.status))
        if inquiry.pending_answer_id is None:
            return call
        return replace(call, body={**call.body, "parentAnswerId": inquiry.pending_answer_id})

    def _confirm_call(self, inquiry_id: int | str, confirm_by: str | None) -> Call:
        operation = "call_center_inquiries.confirm"
        self._gate(operation, rules.check_inquiry_id(inquiry_id))
        user = self._reply_by(confirm_by, operation, "confirmBy")
        return Call(
            "POST", self._path(E.CS_CALL_CENTER_CONFIRM, inquiry_id), body={"confirmBy": user}
        )


# -- sync ----------------------------------------------------------------------------------


class OnlineInquiries(_OnlineOps[Client], SyncResource):
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
        """One page of the inquiries asked on ``[start, end]`` (Korean days, <= 7 days apart).

        Returns an :class:`OnlineInquiryPage`. Raises :class:`PreflightError` for a window
        over 7 days (or no window and no ``vendor_item_id``), an unknown answered type or
        paging out of range; an :class:`APIError` subclass when Coupang refuses.

        Calls ``GET /v2/providers/openapi/apis/api/v5/vendors/{vendorId}/onlineInquiries``.
        """
        require_dates(start=start, end=end)
        call = self._list_call(
            start,
            end,
            answered_type=answered_type,
            vendor_item_id=vendor_item_id,
            page_num=page_num,
            page_size=page_size,
        )
        return self._run(call, OnlineInquiryPage)

    def iter(
        self,
        start: date | None = None,
        end: date | None = None,
        *,
        answered_type: AnsweredType = "ALL",
        vendor_item_id: int | None = None,
        page_size: int = rules.ONLINE_PAGE_SIZE_MAX,
    ) -> Iterator[OnlineInquiry]:
        """Every inquiry of any period: 7-day ranges, every page of each.

        Yields :class:`OnlineInquiry` items, fetching pages lazily. Raises as :meth:`list`.

        Calls ``GET /v2/providers/openapi/apis/api/v5/vendors/{vendorId}/onlineInquiries``.
        """
        require_dates(start=start, end=end)
        for first, last in _ranges(start, end):

            def fetch(
                page: int, first: date | None = first, last: date | None = last
            ) -> tuple[builtins.list[OnlineInquiry], int | None]:
                """One page of online inquiries in this date range, with the total page count."""
                result = self.list(
                    first,
                    last,
                    answered_type=answered_type,
                    vendor_item_id=vendor_item_id,
                    page_num=page,
                    page_size=page_size,
                )
                return result.items, result.total_pages

            yield from iter_page_num(fetch)

    def answer(self, inquiry_id: int | str, *, content: str, reply_by: str | None = None) -> None:
        """Answer an unanswered (NOANSWER) inquiry; an inquiry is answered once.

        Returns nothing. Raises :class:`PreflightError` for an empty answer or no ``reply_by`` (nor
        client ``user_id``), an :class:`APIError` subclass when Coupang refuses (not retried).

        Calls ``POST
        /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/onlineInquiries/{inquiryId}/replies``.
        """
        self._run(self._answer_call(inquiry_id, content, reply_by), nothing)


class CallCenterInquiries(_CallCenterOps[Client], SyncResource):
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
        (NONE lists them all).

        Returns a :class:`CallCenterInquiryPage`. Raises :class:`PreflightError` for a window over 7
        days, an unknown status or paging out of range; an :class:`APIError` subclass when Coupang
        refuses.

        Calls ``GET /v2/providers/openapi/apis/api/v5/vendors/{vendorId}/callCenterInquiries``.
        """
        require_dates(start=start, end=end)
        call = self._list_call(
            start,
            end,
            status=status,
            vendor_item_id=vendor_item_id,
            order_id=order_id,
            page_num=page_num,
            page_size=page_size,
        )
        return self._run(call, CallCenterInquiryPage)

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
        """Every inquiry of any period: 7-day ranges, every page of each.

        Yields :class:`CallCenterInquiry` items, fetching pages lazily. Raises as :meth:`list`.

        Calls ``GET /v2/providers/openapi/apis/api/v5/vendors/{vendorId}/callCenterInquiries``.
        """
        require_dates(start=start, end=end)
        for first, last in _ranges(start, end):

            def fetch(
                page: int, first: date | None = first, last: date | None = last
            ) -> tuple[builtins.list[CallCenterInquiry], int | None]:
                """One page of call-center inquiries in this date range, with the total page count."""
                result = self.list(
                    first,
                    last,
                    status=status,
                    vendor_item_id=vendor_item_id,
                    order_id=order_id,
                    page_num=page,
                    page_size=page_size,
                )
                return result.items, result.total_pages

            yield from iter_page_num(fetch)

    def get(self, inquiry_id: int | str) -> CallCenterInquiry:
        """One inquiry of this vendor (v5 lookup; another vendor's inquiry is not found).

        Returns a :class:`CallCenterInquiry`. Raises :class:`PreflightError` for a malformed
        id, :class:`LookupError` for an empty answer, :class:`NotFoundError` for none.

        Calls ``GET /v2/providers/openapi/apis/api/v5/vendors/callCenterInquiries/{inquiryId}``.
        """
        return _inquiry(
            self._run(self._get_call(inquiry_id), CallCenterInquiryEnvelope), inquiry_id
        )

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
        it, and an inquiry that cannot take an answer is refused before sending.

        Returns nothing. Raises :class:`PreflightError` for an empty answer, no ``reply_by`` or an
        inquiry that cannot take an answer; an :class:`APIError` subclass when Coupang refuses (not
        retried).

        Calls ``POST
        /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/callCenterInquiries/{inquiryId}/replies``.
        """
        call = self._answer_call(inquiry_id, content, reply_by, parent_answer_id)
        if parent_answer_id is None:
            call = self._answer_with(call, self.get(inquiry_id))
        self._run(call, nothing)

    def confirm(self, inquiry_id: int | str, *, confirm_by: str | None = None) -> None:
        """Confirm a TRANSFER inquiry (closed by Coupang's counsellor, handed to the seller).

        Returns nothing. Raises :class:`PreflightError` for a malformed id or no ``confirm_by`` (nor
        client ``user_id``), an :class:`APIError` subclass when Coupang refuses (not retried).

        Calls ``POST
        /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/callCenterInquiries/{inquiryId}/confirms``.
        """
        self._run(self._confirm_call(inquiry_id, confirm_by), nothing)


# -- async ---------------------------------------------------------------------------------


class AsyncOnlineInquiries(_OnlineOps[AsyncClient], AsyncResource):
    """``client.online_inquiries`` of :class:`AsyncClient`: the twin of
    :class:`OnlineInquiries`."""

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
        """One page of the inquiries asked on ``[start, end]`` (Korean days, <= 7 days apart).

        Returns an :class:`OnlineInquiryPage`. Raises :class:`PreflightError` for a window
        over 7 days (or no window and no ``vendor_item_id``), an unknown answered type or
        paging out of range; an :class:`APIError` subclass when Coupang refuses.

        Calls ``GET /v2/providers/openapi/apis/api/v5/vendors/{vendorId}/onlineInquiries``.
        """
        require_dates(start=start, end=end)
        call = self._list_call(
            start,
            end,
            answered_type=answered_type,
            vendor_item_id=vendor_item_id,
            page_num=page_num,
            page_size=page_size,
        )
        return await self._run(call, OnlineInquiryPage)

    async def iter(
        self,
        start: date | None = None,
        end: date | None = None,
        *,
        answered_type: AnsweredType = "ALL",
        vendor_item_id: int | None = None,
        page_size: int = rules.ONLINE_PAGE_SIZE_MAX,
    ) -> AsyncIterator[OnlineInquiry]:
        """Every inquiry of any period: 7-day ranges, every page of each.

        Yields :class:`OnlineInquiry` items, fetching pages lazily. Raises as :meth:`list`.

        Calls ``GET /v2/providers/openapi/apis/api/v5/vendors/{vendorId}/onlineInquiries``.
        """
        require_dates(start=start, end=end)
        for first, last in _ranges(start, end):

            async def fetch(
                page: int, first: date | None = first, last: date | None = last
            ) -> tuple[builtins.list[OnlineInquiry], int | None]:
                """One page of online inquiries in this date range, with the total page count."""
                result = await self.list(
                    first,
                    last,
                    answered_type=answered_type,
                    vendor_item_id=vendor_item_id,
                    page_num=page,
                    page_size=page_size,
                )
                return result.items, result.total_pages

            async for item in aiter_page_num(fetch):
                yield item

    async def answer(
        self, inquiry_id: int | str, *, content: str, reply_by: str | None = None
    ) -> None:
        """Answer an unanswered (NOANSWER) inquiry; an inquiry is answered once.

        Returns nothing. Raises :class:`PreflightError` for an empty answer or no ``reply_by`` (nor
        client ``user_id``), an :class:`APIError` subclass when Coupang refuses (not retried).

        Calls ``POST
        /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/onlineInquiries/{inquiryId}/replies``.
        """
        await self._run(self._answer_call(inquiry_id, content, reply_by), nothing)


class AsyncCallCenterInquiries(_CallCenterOps[AsyncClient], AsyncResource):
    """``client.call_center_inquiries`` of :class:`AsyncClient`: the twin of
    :class:`CallCenterInquiries`."""

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
        """One page of the inquiries of ``[start, end]``; ``status`` is partnerCounselingStatus
        (NONE lists them all).

        Returns a :class:`CallCenterInquiryPage`. Raises :class:`PreflightError` for a window over 7
        days, an unknown status or paging out of range; an :class:`APIError` subclass when Coupang
        refuses.

        Calls ``GET /v2/providers/openapi/apis/api/v5/vendors/{vendorId}/callCenterInquiries``.
        """
        require_dates(start=start, end=end)
        call = self._list_call(
            start,
            end,
            status=status,
            vendor_item_id=vendor_item_id,
            order_id=order_id,
            page_num=page_num,
            page_size=page_size,
        )
        return await self._run(call, CallCenterInquiryPage)

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
        """Every inquiry of any period: 7-day ranges, every page of each.

        Yields :class:`CallCenterInquiry` items, fetching pages lazily. Raises as :meth:`list`.

        Calls ``GET /v2/providers/openapi/apis/api/v5/vendors/{vendorId}/callCenterInquiries``.
        """
        require_dates(start=start, end=end)
        for first, last in _ranges(start, end):

            async def fetch(
                page: int, first: date | None = first, last: date | None = last
            ) -> tuple[builtins.list[CallCenterInquiry], int | None]:
                """One page of call-center inquiries in this date range, with the total page count."""
                result = await self.list(
                    first,
                    last,
                    status=status,
                    vendor_item_id=vendor_item_id,
                    order_id=order_id,
                    page_num=page,
                    page_size=page_size,
                )
                return result.items, result.total_pages

            async for item in aiter_page_num(fetch):
                yield item

    async def get(self, inquiry_id: int | str) -> CallCenterInquiry:
        """One inquiry of this vendor (v5 lookup; another vendor's inquiry is not found).

        Returns a :class:`CallCenterInquiry`. Raises :class:`PreflightError` for a malformed
        id, :class:`LookupError` for an empty answer, :class:`NotFoundError` for none.

        Calls ``GET /v2/providers/openapi/apis/api/v5/vendors/callCenterInquiries/{inquiryId}``.
        """
        return _inquiry(
            await self._run(self._get_call(inquiry_id), CallCenterInquiryEnvelope), inquiry_id
        )

    async def answer(
        self,
        inquiry_id: int | str,
        *,
        content: str,
        reply_by: str | None = None,
        parent_answer_id: int | None = None,
    ) -> None:
        """Answer a NO_ANSWER inquiry, once. ``parent_answer_id`` is the answerId of the
        counsellor's transfer; when left out, the inquiry is looked up first (one GET) to find
        it, and an inquiry that cannot take an answer is refused before sending.

        Returns nothing. Raises :class:`PreflightError` for an empty answer, no ``reply_by`` or an
        inquiry that cannot take an answer; an :class:`APIError` subclass when Coupang refuses (not
        retried).

        Calls ``POST
        /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/callCenterInquiries/{inquiryId}/replies``.
        """
        call = self._answer_call(inquiry_id, content, reply_by, parent_answer_id)
        if parent_answer_id is None:
            call = self._answer_with(call, await self.get(inquiry_id))
        await self._run(call, nothing)

    async def confirm(self, inquiry_id: int | str, *, confirm_by: str | None = None) -> None:
        """Confirm a TRANSFER inquiry (closed by Coupang's counsellor, handed to the seller).

        Returns nothing. Raises :class:`PreflightError` for a malformed id or no ``confirm_by`` (nor
        client ``user_id``), an :class:`APIError` subclass when Coupang refuses (not retried).

        Calls ``POST
        /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/callCenterInquiries/{inquiryId}/confirms``.
        """
        await self._run(self._confirm_call(inquiry_id, confirm_by), nothing)
