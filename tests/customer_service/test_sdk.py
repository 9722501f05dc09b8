"""The SDK surface: preflight refusals before anything is sent (a recording transport), what is
put on the wire, and the flows through the sandbox over HTTP."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any, cast

import httpx
import pytest

from coupang_seller import Client
from coupang_seller._exceptions import NotFoundError, PreflightError, ValidationError
from coupang_seller._ratelimit import CircuitBreaker, RateLimiterRegistry
from tests.customer_service.conftest import DAY, START, USER, VENDOR, Market, placed_order
from tests.integration.asgi_sync import SyncASGITransport
from tests.products.conftest import make_client

# -- preflight, nothing sent -----------------------------------------------------------------


class Recorder:
    def __init__(self, answer: Any = None) -> None:
        self.requests: list[httpx.Request] = []
        self.answer = answer or {"code": "200", "message": "OK"}

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(200, json=self.answer)


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


def offline(recorder: Recorder, *, user_id: str | None = None) -> Client:
    return Client(
        VENDOR[1], VENDOR[2], VENDOR[0], base_url="http://127.0.0.1", user_id=user_id,
        transport=httpx.MockTransport(recorder), rate_limit=None, max_retries=0,
        rate_limiters=RateLimiterRegistry(), circuit_breaker=CircuitBreaker(),
    )  # fmt: skip


@pytest.fixture
def sdk(recorder: Recorder) -> Iterator[Client]:
    with offline(recorder, user_id="wing-user") as c:
        yield c


def rules_of(exc: pytest.ExceptionInfo[PreflightError]) -> set[tuple[str, str]]:
    return {(v.field, v.rule) for v in exc.value.violations}


@pytest.mark.parametrize(
    ("call", "field", "rule"),
    [
        (
            lambda c: c.online_inquiries.list(DAY, DAY + timedelta(days=8)),
            "inquiryEndAt",
            "max_window",
        ),
        (lambda c: c.online_inquiries.list(DAY, DAY - timedelta(days=1)), "inquiryEndAt", "order"),
        (lambda c: c.online_inquiries.list(), "inquiryStartAt", "required"),
        (lambda c: c.online_inquiries.list(DAY), "inquiryEndAt", "required"),
        (lambda c: c.online_inquiries.list(DAY, DAY, page_size=51), "pageSize", "max_value"),
        (lambda c: c.online_inquiries.list(DAY, DAY, page_num=0), "pageNum", "min_value"),
        (
            lambda c: c.online_inquiries.list(DAY, DAY, answered_type=cast(Any, "YES")),
            "answeredType",
            "enum",
        ),
        (lambda c: c.call_center_inquiries.list(DAY, DAY, page_size=31), "pageSize", "max_value"),
        (
            lambda c: c.call_center_inquiries.list(DAY, DAY, status=cast(Any, "OPEN")),
            "partnerCounselingStatus",
            "enum",
        ),
        (lambda c: c.call_center_inquiries.list(end=DAY), "inquiryStartAt", "required"),
        (lambda c: c.online_inquiries.answer(1, content=""), "content", "required"),
        (lambda c: c.online_inquiries.answer(1, content="a\x00b"), "content", "json_text"),
        (lambda c: c.online_inquiries.answer(1, content="x\x1bY"), "content", "json_text"),
        (lambda c: c.online_inquiries.answer(1, content="lone \ud800"), "content", "json_text"),
        (lambda c: c.online_inquiries.answer(1, content="ok", reply_by="a b"), "replyBy", "format"),
        (lambda c: c.online_inquiries.answer("x", content="ok"), "inquiryId", "format"),
        (
            lambda c: c.call_center_inquiries.answer(1, content=" ", parent_answer_id=5),
            "content",
            "required",
        ),
        (lambda c: c.call_center_inquiries.get(0), "inquiryId", "format"),
        (lambda c: c.call_center_inquiries.confirm(1, confirm_by="x\ty"), "confirmBy", "format"),
    ],
)
def test_preflight_refuses_before_sending(
    sdk: Client, recorder: Recorder, call: Any, field: str, rule: str
) -> None:
    with pytest.raises(PreflightError) as exc:
        call(sdk)
    assert (field, rule) in rules_of(exc)
    assert recorder.requests == []


def test_reply_by_and_confirm_by_are_mandatory(recorder: Recorder) -> None:
    with offline(recorder) as anonymous:
        with pytest.raises(PreflightError) as exc:
            anonymous.online_inquiries.answer(1, content="ok")
        assert rules_of(exc) == {("replyBy", "required")}
        with pytest.raises(PreflightError) as exc:
            anonymous.call_center_inquiries.confirm(1)
        assert rules_of(exc) == {("confirmBy", "required")}
        anonymous.online_inquiries.answer(1, content="ok", reply_by="given")
    assert json.loads(recorder.requests[0].content)["replyBy"] == "given"


def test_line_breaks_travel_escaped(sdk: Client, recorder: Recorder) -> None:
    sdk.online_inquiries.answer(846, content="안녕하세요\n입고 지연중입니다.\r\n\t감사합니다")
    request = recorder.requests[0]
    assert request.method == "POST"
    assert request.url.path == (
        f"/v2/providers/openapi/apis/api/v4/vendors/{VENDOR[0]}/onlineInquiries/846/replies"
    )
    raw = request.content
    assert b"\n" not in raw and b"\t" not in raw and b"\\n" in raw
    assert json.loads(raw) == {
        "content": "안녕하세요\n입고 지연중입니다.\r\n\t감사합니다",
        "vendorId": VENDOR[0],
        "replyBy": "wing-user",
    }


def test_list_query_on_the_wire(sdk: Client, recorder: Recorder) -> None:
    recorder.answer = {"code": "200", "message": "OK", "data": {"content": [], "pagination": {}}}
    evening = datetime(2025, 7, 14, 16, 0, tzinfo=UTC)  # 2025-07-15 01:00 in Korea
    page = sdk.online_inquiries.list(evening, evening + timedelta(days=2), answered_type="NOANSWER")
    assert page.items == []
    url = recorder.requests[0].url
    assert url.path == f"/v2/providers/openapi/apis/api/v5/vendors/{VENDOR[0]}/onlineInquiries"
    assert dict(url.params) == {
        "vendorId": VENDOR[0], "inquiryStartAt": "2025-07-15", "inquiryEndAt": "2025-07-17",
        "answeredType": "NOANSWER", "pageNum": "1", "pageSize": "10",
    }  # fmt: skip
    sdk.call_center_inquiries.list(vendor_item_id=77, status="TRANSFER", order_id=5)
    params = dict(recorder.requests[1].url.params)
    assert params == {
        "vendorId": VENDOR[0], "partnerCounselingStatus": "TRANSFER", "vendorItemId": "77",
        "orderId": "5", "pageNum": "1", "pageSize": "10",
    }  # fmt: skip
    recorder.answer = {"code": 200, "message": "OK", "data": {"inquiryId": 9}}
    assert sdk.call_center_inquiries.get(9).inquiryId == 9
    assert recorder.requests[2].url.path == (
        "/v2/providers/openapi/apis/api/v5/vendors/callCenterInquiries/9"
    )


def test_call_center_answer_with_parent_sends_once(sdk: Client, recorder: Recorder) -> None:
    sdk.call_center_inquiries.answer(12, content="ok", parent_answer_id=34)
    assert len(recorder.requests) == 1
    assert json.loads(recorder.requests[0].content) == {
        "content": "ok", "vendorId": VENDOR[0], "replyBy": "wing-user", "inquiryId": "12",
        "parentAnswerId": 34,
    }  # fmt: skip


# -- through the sandbox ----------------------------------------------------------------------


def test_online_flow(market: Market) -> None:
    seller = market.client
    asked = seller.sandbox.inquiries.ask(market.items[0], content="색상 문의")
    page = seller.online_inquiries.list(DAY, DAY, answered_type="NOANSWER")
    assert [x.inquiryId for x in page.items] == [asked.inquiryId]
    assert page.items[0].answered_type == "NOANSWER"
    seller.online_inquiries.answer(asked.inquiryId, content="블랙은\n19일 입고 예정입니다.")
    done = seller.online_inquiries.list(DAY, DAY, answered_type="ANSWERED").items
    assert [c.content for c in done[0].commentDtoList] == ["블랙은\n19일 입고 예정입니다."]
    assert done[0].answered
    assert seller.online_inquiries.list(DAY, DAY, answered_type="NOANSWER").items == []
    view = seller.sandbox.inquiries.get(asked.inquiryId, kind="online")
    assert view.repliedBy == USER
    with pytest.raises(ValidationError) as exc:
        seller.online_inquiries.answer(asked.inquiryId, content="again")
    assert [(v.field, v.rule) for v in exc.value.violations] == [("inquiryId", "already_answered")]


def test_call_center_flow(market: Market) -> None:
    seller = market.client
    order = placed_order(market)
    open_ = seller.sandbox.inquiries.open_call_center(content="출고 문의", order_id=order)
    transfer = seller.sandbox.inquiries.open_call_center(
        content="입고 확인", order_id=order, transfer=True
    )
    pending = open_.pending_answer_id
    seller.call_center_inquiries.answer(open_.inquiryId, content="오늘 출고합니다")
    got = seller.call_center_inquiries.get(open_.inquiryId)
    assert got.status == "ANSWER" and not got.needs_answer
    assert (got.inquiryStatus, got.csPartnerCounselingStatus) == ("progress", "answered")
    answer = got.replies[-1]
    assert (answer.answerType, answer.parentAnswerId, answer.receptionist) == (
        "vendor", pending, USER,
    )  # fmt: skip
    assert got.replies[0].partnerTransferStatus == "answered"
    # the SDK looked the inquiry up and refuses before posting
    with pytest.raises(PreflightError) as exc:
        seller.call_center_inquiries.answer(open_.inquiryId, content="again")
    assert rules_of(exc) == {("inquiryId", "already_answered")}
    with pytest.raises(PreflightError) as exc:
        seller.call_center_inquiries.answer(transfer.inquiryId, content="a")
    assert rules_of(exc) == {("inquiryId", "transfer_needs_confirm")}
    seller.call_center_inquiries.confirm(transfer.inquiryId)
    confirmed = seller.call_center_inquiries.get(transfer.inquiryId)
    assert confirmed.status == "ANSWER" and confirmed.inquiryStatus == "complete"
    assert confirmed.replies[0].partnerTransferCompleteReason == "DISPUTE_PROCESS_COMPLETE"
    with pytest.raises(ValidationError) as server:
        seller.call_center_inquiries.confirm(transfer.inquiryId)
    assert [(v.field, v.rule) for v in server.value.violations] == [
        ("inquiryId", "confirm_only_transfer")
    ]


def test_server_refuses_what_preflight_would(market: Market, transport: SyncASGITransport) -> None:
    sandbox = market.client.sandbox
    asked = sandbox.inquiries.ask(market.items[0], content="q")
    transfer = sandbox.inquiries.open_call_center(
        content="t", vendor_item_id=market.items[0], transfer=True
    )
    with make_client(VENDOR, transport, preflight=False) as raw:
        with pytest.raises(ValidationError) as exc:
            raw.online_inquiries.answer(asked.inquiryId, content="a\x00")
        assert [(v.field, v.rule) for v in exc.value.violations] == [("content", "json_text")]
        with pytest.raises(ValidationError) as exc:
            raw.online_inquiries.list(DAY, DAY + timedelta(days=9))
        assert ("inquiryEndAt", "max_window") in [(v.field, v.rule) for v in exc.value.violations]
        with pytest.raises(ValidationError) as exc:
            raw.call_center_inquiries.answer(transfer.inquiryId, content="a")
        assert [(v.field, v.rule) for v in exc.value.violations] == [
            ("inquiryId", "transfer_needs_confirm")
        ]


def test_iter_walks_long_periods_and_pages(market: Market) -> None:
    seller = market.client
    first = seller.sandbox.inquiries.ask(market.items[0], content="day 1").inquiryId
    seller.sandbox.clock.set(START + timedelta(days=9), freeze=True)
    second = seller.sandbox.inquiries.ask(market.items[0], content="day 10").inquiryId
    seller.sandbox.clock.set(START + timedelta(days=18), freeze=True)
    later = [
        seller.sandbox.inquiries.ask(market.items[1], content=f"day 19 #{n}").inquiryId
        for n in range(4)
    ]
    span = (date(2025, 7, 10), date(2025, 8, 5))
    got = [x.inquiryId for x in seller.online_inquiries.iter(*span, page_size=3)]
    # ranges in chronological order, each newest first
    assert got == [first, second, *reversed(later)]
    page = seller.online_inquiries.list(date(2025, 8, 1), date(2025, 8, 3), page_num=2, page_size=3)
    assert [x.inquiryId for x in page.items] == [later[0]]
    assert page.total_pages == 2 and page.data is not None
    assert page.data.pagination is not None and page.data.pagination.totalElements == 4
    by_item = list(seller.online_inquiries.iter(vendor_item_id=market.items[1], page_size=2))
    assert len(by_item) == 4


def test_call_center_iter_and_filters(market: Market) -> None:
    seller = market.client
    order = placed_order(market)
    ids = [
        seller.sandbox.inquiries.open_call_center(content=f"q{n}", order_id=order).inquiryId
        for n in range(3)
    ]
    transfer = seller.sandbox.inquiries.open_call_center(
        content="t", vendor_item_id=market.items[1], transfer=True
    ).inquiryId
    span = (DAY - timedelta(days=20), DAY + timedelta(days=3))
    assert {x.inquiryId for x in seller.call_center_inquiries.iter(*span, page_size=2)} == {
        *ids, transfer,
    }  # fmt: skip
    assert [x.inquiryId for x in seller.call_center_inquiries.iter(*span, status="TRANSFER")] == [
        transfer
    ]
    by_order = seller.call_center_inquiries.list(DAY, DAY, order_id=order).items
    assert {x.inquiryId for x in by_order} == set(ids)


def test_other_vendor_cannot_read(market: Market, other_client: Client) -> None:
    call = market.client.sandbox.inquiries.open_call_center(
        content="q", vendor_item_id=market.items[0]
    )
    with pytest.raises(NotFoundError):
        other_client.call_center_inquiries.get(call.inquiryId)
    assert other_client.call_center_inquiries.list(DAY, DAY).items == []
    assert market.client.call_center_inquiries.get(call.inquiryId).inquiryId == call.inquiryId


def test_models_accept_both_documented_vendor_item_id_forms() -> None:
    from coupang_seller.types.customer_service import CallCenterInquiry

    assert CallCenterInquiry(inquiryId=1, vendorItemId=[5, 6]).vendor_item_ids == [5, 6]
    assert CallCenterInquiry(inquiryId=1, vendorItemId=5).vendor_item_ids == [5]
    assert CallCenterInquiry(inquiryId=1).vendor_item_ids == []
    answered = CallCenterInquiry.model_validate(
        {"inquiryId": 1, "inquiryStatus": "progress", "csPartnerCounselingStatus": "answered",
         "replies": [{"answerId": 7, "answerType": "csAgent", "partnerTransferStatus": "answered"}]}
    )  # fmt: skip
    assert answered.pending_answer_id is None and answered.status == "ANSWER"


def test_empty_lookup_is_an_error(sdk: Client, recorder: Recorder) -> None:
    recorder.answer = {"code": 200, "message": "OK", "data": None}
    with pytest.raises(LookupError):
        sdk.call_center_inquiries.get(3)
