"""Conformance: every customer-service endpoint answers with the field names of its documented
sample, recursively (objects by key, every list element against the sample's first element);
extra fields are allowed. The samples were derived from the reference into ``samples/*.json``
by ``scripts/derive_cs_samples.py``. The v4 and v5 lists answer alike, and the v5 single
call-center lookup answers one element of the list's shape.
"""

from __future__ import annotations

from typing import Any

from tests._conformance import missing_fields
from tests.customer_service.conftest import (
    SAMPLES,
    VID,
    Market,
    RawApi,
    call_center_params,
    call_center_path,
    ok,
    online_params,
    online_path,
    placed_order,
    sample,
    single_path,
)


def test_missing_fields_reports_what_is_absent() -> None:
    expected = {"data": {"content": [{"a": 1, "b": [{"c": 1}]}]}}
    assert missing_fields(expected, {"data": {"content": [{"a": 1, "b": [{"c": 2}]}]}}) == []
    assert missing_fields(expected, {"data": {"content": [{"a": 1, "b": [{}]}]}}) == [
        "$.data.content[].b[].c"
    ]
    assert missing_fields(expected, {"data": {"content": []}}) == [
        "$.data.content[] (expected a non-empty list)"
    ]


def test_every_cs_endpoint_matches_its_sample(market: Market, api: RawApi) -> None:
    sandbox = market.client.sandbox
    first, second = market.items
    order = placed_order(market)
    asked = sandbox.inquiries.ask(first, content="사이즈 문의", order_id=order)
    unanswered = sandbox.inquiries.ask(second, content="재입고 되나요?")
    to_answer = sandbox.inquiries.open_call_center(content="배송 문의", order_id=order)
    to_confirm = sandbox.inquiries.open_call_center(
        content="반품 입고 확인", vendor_item_id=second, transfer=True
    )
    got: dict[str, Any] = {}
    reply = sample("online_reply")["request"]
    got["online_reply"] = ok(
        api.post(online_path("v4", f"/{asked.inquiryId}/replies"), json={**reply, "vendorId": VID})
    )
    cc_reply = sample("call_center_reply")["request"]
    got["call_center_reply"] = ok(
        api.post(
            call_center_path("v4", f"/{to_answer.inquiryId}/replies"),
            json={**cc_reply, "vendorId": VID, "inquiryId": str(to_answer.inquiryId),
                  "parentAnswerId": str(to_answer.pending_answer_id)},
        )
    )  # fmt: skip
    got["call_center_confirm"] = ok(
        api.post(
            call_center_path("v4", f"/{to_confirm.inquiryId}/confirms"),
            json=sample("call_center_confirm")["request"],
        )
    )
    for version in ("v4", "v5"):
        online = ok(api.get(online_path(version), params=online_params()))
        assert {x["inquiryId"] for x in online["data"]["content"]} == {
            asked.inquiryId,
            unanswered.inquiryId,
        }
        assert online["code"] == "200"
        # the answered one (the sample's comment list is checked element by element)
        answered = ok(api.get(online_path(version), params=online_params(answeredType="ANSWERED")))
        assert [x["inquiryId"] for x in answered["data"]["content"]] == [asked.inquiryId]
        got["online_list"] = answered
        assert missing_fields(sample("online_list")["sample"], answered) == [], version
        calls = ok(api.get(call_center_path(version), params=call_center_params()))
        assert calls["code"] == 200 and len(calls["data"]["content"]) == 2
        assert missing_fields(sample("call_center_list")["sample"], calls) == [], version
    for name, body in got.items():
        assert missing_fields(sample(name)["sample"], body) == [], name
    one = ok(api.get(single_path(to_answer.inquiryId)))
    element = sample("call_center_list")["sample"]["data"]["content"][0]
    assert missing_fields({"code": 200, "message": "", "data": element}, one) == []
    # Since 2024 the customer's email is not given out.
    assert {x["buyerEmail"] for x in online["data"]["content"]} == {""}
    assert one["data"]["buyerEmail"] == ""


def test_samples_were_derived() -> None:
    names = {p.stem for p in SAMPLES.glob("*.json")}
    assert names == {
        "online_list", "online_reply", "call_center_list", "call_center_reply",
        "call_center_confirm", "codes", "newer",
    }  # fmt: skip
    newer = sample("newer")
    assert any("callCenterInquiries/{inquiryId}" in e["path"] for e in newer["endpoints"])
    assert any("email" in c["change"] for c in newer["changes"])
    assert sample("call_center_reply")["request"]["replyBy"]
    assert any("CTRL-CHAR" in e for e in sample("online_reply")["errors"])
