"""The async surface (``AsyncClient.online_inquiries`` / ``.call_center_inquiries`` /
``.sandbox``) over httpx.ASGITransport."""

from __future__ import annotations

from datetime import timedelta

import pytest

from coupang_seller import AsyncClient
from coupang_seller._exceptions import PreflightError, ValidationError
from tests.customer_service.conftest import DAY, Market, placed_order


async def test_async_customer_service(market: Market, aclient: AsyncClient) -> None:
    order = placed_order(market)
    asked = await aclient.sandbox.inquiries.ask(market.items[0], content="q1")
    other = await aclient.sandbox.inquiries.ask(market.items[1], content="q2")
    ids = [x.inquiryId async for x in aclient.online_inquiries.iter(DAY, DAY, page_size=1)]
    assert ids == [other.inquiryId, asked.inquiryId]
    await aclient.online_inquiries.answer(asked.inquiryId, content="a\nb")
    page = await aclient.online_inquiries.list(DAY, DAY, answered_type="ANSWERED")
    assert [(x.inquiryId, x.commentDtoList[0].content) for x in page.items] == [
        (asked.inquiryId, "a\nb")
    ]
    with pytest.raises(ValidationError):
        await aclient.online_inquiries.answer(asked.inquiryId, content="again")

    call = await aclient.sandbox.inquiries.open_call_center(content="c", order_id=order)
    transfer = await aclient.sandbox.inquiries.open_call_center(
        content="t", order_id=order, transfer=True
    )
    listed = [
        x.inquiryId
        async for x in aclient.call_center_inquiries.iter(
            DAY - timedelta(days=10), DAY, status="NO_ANSWER"
        )
    ]
    assert listed == [call.inquiryId]
    await aclient.call_center_inquiries.answer(call.inquiryId, content="ok")
    with pytest.raises(PreflightError):
        await aclient.call_center_inquiries.answer(call.inquiryId, content="ok")
    with pytest.raises(PreflightError):
        await aclient.call_center_inquiries.answer(transfer.inquiryId, content="ok")
    await aclient.call_center_inquiries.confirm(transfer.inquiryId, confirm_by="boss")
    got = await aclient.call_center_inquiries.get(transfer.inquiryId)
    assert got.status == "ANSWER"
    answered = await aclient.call_center_inquiries.list(DAY, DAY, status="ANSWER", page_size=30)
    assert {x.inquiryId for x in answered.items} == {call.inquiryId, transfer.inquiryId}
    assert answered.total_pages == 1
    view = await aclient.sandbox.inquiries.get(transfer.inquiryId, kind="call-center")
    assert view.confirmedBy == "boss"
    with pytest.raises(ValidationError):
        await aclient.call_center_inquiries.answer(
            call.inquiryId, content="x", parent_answer_id=call.pending_answer_id
        )
    with pytest.raises(PreflightError):
        await aclient.online_inquiries.list(DAY, DAY + timedelta(days=8))
