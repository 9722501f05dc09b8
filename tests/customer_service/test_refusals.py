"""Every rule refused over HTTP (raw signed requests), naming the field and the rule, in
Coupang's envelope; and the accepted side of each boundary."""

from __future__ import annotations

from typing import Any

import pytest

from tests.customer_service.conftest import (
    OTHER,
    VID,
    Market,
    RawApi,
    call_center_params,
    call_center_path,
    ok,
    online_params,
    online_path,
    placed_order,
    refused,
    single_path,
)

# -- lists -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field", "rule"),
    [
        ({"inquiryStartAt": None, "inquiryEndAt": None}, "inquiryStartAt", "required"),
        ({"inquiryEndAt": None}, "inquiryEndAt", "required"),
        ({"inquiryStartAt": None}, "inquiryStartAt", "required"),
        ({"inquiryStartAt": "2025-07-18", "inquiryEndAt": "2025-07-12"}, "inquiryEndAt", "order"),
        (
            {"inquiryStartAt": "2025-07-10", "inquiryEndAt": "2025-07-18"},
            "inquiryEndAt",
            "max_window",
        ),
        ({"inquiryStartAt": "2025/07/12"}, "inquiryStartAt", "format"),
        ({"inquiryEndAt": "2025-02-30"}, "inquiryEndAt", "format"),
        ({"pageSize": "0"}, "pageSize", "min_value"),
        ({"pageNum": "0"}, "pageNum", "min_value"),
        ({"pageNum": "x"}, "pageNum", "min_value"),
        ({"vendorId": OTHER[0]}, "vendorId", "vendor_mismatch"),
        ({"vendorItemId": "abc"}, "vendorItemId", "type"),
        # the bounded id rule: 26 digits overflowed int64 once (a 500), 19 digits is too long
        ({"vendorItemId": "1" * 26}, "vendorItemId", "type"),
        ({"vendorItemId": "9" * 19}, "vendorItemId", "type"),
        ({"vendorItemId": "-1"}, "vendorItemId", "type"),
    ],
)
@pytest.mark.parametrize("kind", ["online", "call_center"])
def test_list_refusals(
    market: Market, api: RawApi, *, kind: str, changes: dict[str, Any], field: str, rule: str
) -> None:
    maker = online_params if kind == "online" else call_center_params
    params = {k: v for k, v in {**maker(), **changes}.items() if v is not None}
    path = online_path("v5") if kind == "online" else call_center_path("v4")
    refused(api.get(path, params=params), field, rule)


def test_online_list_filter_and_page_size(market: Market, api: RawApi) -> None:
    params = {k: v for k, v in online_params().items() if k != "answeredType"}
    refused(api.get(online_path(), params=params), "answeredType", "required")
    refused(
        api.get(online_path(), params=online_params(answeredType="YES")), "answeredType", "enum"
    )
    refused(api.get(online_path(), params=online_params(pageSize=51)), "pageSize", "max_value")
    assert (
        ok(api.get(online_path(), params=online_params(pageSize=50)))["data"]["pagination"][
            "countPerPage"
        ]
        == 50
    )
    # answeredType is read case-insensitively
    ok(api.get(online_path(), params=online_params(answeredType="noanswer")))


def test_call_center_list_filter_and_page_size(market: Market, api: RawApi) -> None:
    params = {k: v for k, v in call_center_params().items() if k != "partnerCounselingStatus"}
    refused(api.get(call_center_path(), params=params), "partnerCounselingStatus", "required")
    refused(
        api.get(call_center_path(), params=call_center_params(partnerCounselingStatus="OPEN")),
        "partnerCounselingStatus",
        "enum",
    )
    refused(
        api.get(call_center_path(), params=call_center_params(pageSize=31)), "pageSize",
        "max_value",
    )  # fmt: skip
    ok(api.get(call_center_path(), params=call_center_params(pageSize=30)))
    refused(api.get(call_center_path(), params=call_center_params(orderId="-5")), "orderId", "type")


@pytest.mark.parametrize("kind", ["online", "call_center"])
def test_window_boundaries_accepted(market: Market, api: RawApi, kind: str) -> None:
    maker = online_params if kind == "online" else call_center_params
    path = online_path() if kind == "online" else call_center_path()
    # 7 days apart is the maximum; the same day is fine; no dates with vendorItemId is fine
    ok(api.get(path, params=maker(inquiryStartAt="2025-07-11", inquiryEndAt="2025-07-18")))
    ok(api.get(path, params=maker(inquiryStartAt="2025-07-15", inquiryEndAt="2025-07-15")))
    params = {k: v for k, v in maker().items() if not k.startswith("inquiry")}
    ok(api.get(path, params={**params, "vendorItemId": market.items[0]}))
    # vendorId may be left out of the query (the path carries it)
    ok(api.get(path, params={k: v for k, v in maker().items() if k != "vendorId"}))


# -- answers ---------------------------------------------------------------------------------


def _online_reply(api: RawApi, inquiry_id: int, **body: Any) -> Any:
    return api.post(online_path("v4", f"/{inquiry_id}/replies"), json=body)


def _call_reply(api: RawApi, inquiry_id: int, **body: Any) -> Any:
    return api.post(call_center_path("v4", f"/{inquiry_id}/replies"), json=body)


def _confirm(api: RawApi, inquiry_id: int, **body: Any) -> Any:
    return api.post(call_center_path("v4", f"/{inquiry_id}/confirms"), json=body)


@pytest.mark.parametrize(
    ("body", "field", "rule"),
    [
        ({"replyBy": "wanger"}, "content", "required"),
        ({"content": "   ", "replyBy": "wanger"}, "content", "required"),
        ({"content": 12, "replyBy": "wanger"}, "content", "type"),
        ({"content": "a\u0000b", "replyBy": "wanger"}, "content", "json_text"),
        ({"content": "bell\u0007", "replyBy": "wanger"}, "content", "json_text"),
        ({"content": "ok"}, "replyBy", "required"),
        ({"content": "ok", "replyBy": ""}, "replyBy", "required"),
        ({"content": "ok", "replyBy": "kim min"}, "replyBy", "format"),
        ({"content": "ok", "replyBy": 7}, "replyBy", "type"),
    ],
)
@pytest.mark.parametrize("kind", ["online", "call_center"])
def test_answer_body_refusals(
    market: Market, api: RawApi, *, kind: str, body: dict[str, Any], field: str, rule: str
) -> None:
    sandbox = market.client.sandbox
    if kind == "online":
        inquiry_id = sandbox.inquiries.ask(market.items[0], content="q").inquiryId
        refused(_online_reply(api, inquiry_id, vendorId=VID, **body), field, rule)
        view = sandbox.inquiries.get(inquiry_id, kind="online")
    else:
        inquiry_id = sandbox.inquiries.open_call_center(
            content="q", vendor_item_id=market.items[0]
        ).inquiryId
        refused(_call_reply(api, inquiry_id, vendorId=VID, **body), field, rule)
        view = sandbox.inquiries.get(inquiry_id, kind="call-center")
    assert view.status in ("NOANSWER", "NO_ANSWER")  # nothing was stored


def reply_text(content_json: str) -> str:
    """A reply body written by hand, ``content_json`` pasted as is into the JSON text."""
    return '{"content": ' + content_json + ', "replyBy": "wanger", "vendorId": "' + VID + '"}'


def test_lone_surrogate_refused(market: Market, api: RawApi) -> None:
    """A lone UTF-16 surrogate is valid JSON escape syntax but not Unicode text."""
    inquiry_id = market.client.sandbox.inquiries.ask(market.items[0], content="q").inquiryId
    raw = reply_text('"broken \\ud800 text"')
    response = api.post(online_path("v4", f"/{inquiry_id}/replies"), content=raw.encode("utf-8"))
    refused(response, "content", "json_text")


def test_json_text_literal_newline_refused_escaped_newline_accepted(
    market: Market, api: RawApi
) -> None:
    """A literal line break inside the JSON string is not JSON (Coupang: "Illegal unquoted
    character"); the two-character escape ``\\n`` is, and reaches the customer as a line
    break."""
    sandbox = market.client.sandbox
    inquiry_id = sandbox.inquiries.ask(market.items[0], content="q").inquiryId
    path = online_path("v4", f"/{inquiry_id}/replies")
    literal = reply_text('"안녕하세요\n감사합니다"')
    response = api.post(path, content=literal.encode("utf-8"))
    refused(response, "content", "json_escape")
    assert "control character" in response.json()["message"]
    tab = reply_text('"a\tb"')
    refused(api.post(path, content=tab.encode("utf-8")), "content", "json_escape")
    assert sandbox.inquiries.get(inquiry_id, kind="online").status == "NOANSWER"
    escaped = reply_text('"안녕하세요\\n감사합니다\\t!"')
    ok(api.post(path, content=escaped.encode("utf-8")))
    view = sandbox.inquiries.get(inquiry_id, kind="online")
    assert view.status == "ANSWERED"
    assert view.commentDtoList[0]["content"] == "안녕하세요\n감사합니다\t!"


def test_online_reply_needs_body_vendor_id(market: Market, api: RawApi) -> None:
    inquiry_id = market.client.sandbox.inquiries.ask(market.items[0], content="q").inquiryId
    refused(_online_reply(api, inquiry_id, content="ok", replyBy="wanger"), "vendorId", "required")
    other = _online_reply(api, inquiry_id, content="ok", replyBy="wanger", vendorId=OTHER[0])
    assert other.status_code == 400 and "vendorId" in other.json()["message"]


def test_online_answered_once(market: Market, api: RawApi) -> None:
    inquiry_id = market.client.sandbox.inquiries.ask(market.items[0], content="q").inquiryId
    ok(_online_reply(api, inquiry_id, content="first", replyBy="wanger", vendorId=VID))
    body = refused(
        _online_reply(api, inquiry_id, content="second", replyBy="wanger", vendorId=VID),
        "inquiryId",
        "already_answered",
    )
    assert "inquiryStatus:progress" in body["message"]
    view = market.client.sandbox.inquiries.get(inquiry_id, kind="online")
    assert [c["content"] for c in view.commentDtoList] == ["first"]


def test_call_center_answer_rules(market: Market, api: RawApi) -> None:
    sandbox = market.client.sandbox
    order = placed_order(market)
    open_ = sandbox.inquiries.open_call_center(content="q", order_id=order)
    transfer = sandbox.inquiries.open_call_center(content="t", order_id=order, transfer=True)
    assert open_.pending_answer_id is not None
    refused(
        _call_reply(api, open_.inquiryId, content="a", replyBy="w", parentAnswerId=1),
        "parentAnswerId", "parent_answer",
    )  # fmt: skip
    refused(
        _call_reply(api, open_.inquiryId, content="a", replyBy="w", parentAnswerId="x1"),
        "parentAnswerId", "type",
    )  # fmt: skip
    refused(
        _call_reply(api, open_.inquiryId, content="a", replyBy="w", inquiryId="999"),
        "inquiryId", "mismatch",
    )  # fmt: skip
    refused(
        _call_reply(api, transfer.inquiryId, content="a", replyBy="w"),
        "inquiryId", "transfer_needs_confirm",
    )  # fmt: skip
    refused(_confirm(api, open_.inquiryId, confirmBy="w"), "inquiryId", "confirm_only_transfer")
    ok(
        _call_reply(
            api, open_.inquiryId, content="a", replyBy="w", vendorId=VID,
            inquiryId=str(open_.inquiryId), parentAnswerId=open_.pending_answer_id,
        )
    )  # fmt: skip
    refused(
        _call_reply(api, open_.inquiryId, content="again", replyBy="w"),
        "inquiryId", "already_answered",
    )  # fmt: skip
    refused(_confirm(api, open_.inquiryId, confirmBy="w"), "inquiryId", "confirm_only_transfer")


def test_confirm_rules(market: Market, api: RawApi) -> None:
    sandbox = market.client.sandbox
    transfer = sandbox.inquiries.open_call_center(
        content="t", vendor_item_id=market.items[1], transfer=True
    )
    refused(_confirm(api, transfer.inquiryId), "confirmBy", "required")
    refused(_confirm(api, transfer.inquiryId, confirmBy="a b"), "confirmBy", "format")
    ok(_confirm(api, transfer.inquiryId, confirmBy="wanger"))
    view = sandbox.inquiries.get(transfer.inquiryId, kind="call-center")
    assert view.status == "ANSWER" and view.confirmedBy == "wanger"
    refused(
        _confirm(api, transfer.inquiryId, confirmBy="wanger"), "inquiryId", "confirm_only_transfer"
    )
    refused(
        _call_reply(api, transfer.inquiryId, content="a", replyBy="w"),
        "inquiryId", "already_answered",
    )  # fmt: skip


def test_unknown_and_foreign_inquiries_are_not_found(market: Market, api: RawApi) -> None:
    sandbox = market.client.sandbox
    online = sandbox.inquiries.ask(market.items[0], content="q").inquiryId
    call = sandbox.inquiries.open_call_center(content="q", vendor_item_id=market.items[0]).inquiryId
    stranger = api.as_vendor(OTHER)
    assert _online_reply(api, 99, content="a", replyBy="w", vendorId=VID).status_code == 404
    assert _call_reply(api, 99, content="a", replyBy="w").status_code == 404
    assert _confirm(api, 99, confirmBy="w").status_code == 404
    assert api.get(single_path(99)).status_code == 404
    assert api.get(single_path("abc")).status_code == 404
    # another vendor's key: its own path, the first vendor's inquiry ids
    foreign = f"/v2/providers/openapi/apis/api/v4/vendors/{OTHER[0]}"
    assert (
        stranger.post(
            f"{foreign}/onlineInquiries/{online}/replies",
            json={"content": "a", "replyBy": "w", "vendorId": OTHER[0]},
        ).status_code
        == 404
    )
    assert (
        stranger.post(
            f"{foreign}/callCenterInquiries/{call}/replies", json={"content": "a", "replyBy": "w"}
        ).status_code
        == 404
    )
    assert stranger.get(single_path(call)).status_code == 404
    assert ok(api.get(single_path(call)))["data"]["inquiryId"] == call
    # and another vendor's path with this key
    assert api.get(online_path(vendor=OTHER[0]), params=online_params()).status_code == 404
    listed = ok(
        stranger.get(
            call_center_path(vendor=OTHER[0]), params=call_center_params(vendorId=OTHER[0])
        )
    )
    assert listed["data"]["content"] == []
    # nothing changed
    assert sandbox.inquiries.get(online, kind="online").status == "NOANSWER"
    assert sandbox.inquiries.get(call, kind="call-center").status == "NO_ANSWER"
