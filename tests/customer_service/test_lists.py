"""The lists over raw HTTP: Korean-day window bounds, newest first, filters, paging, versions."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.customer_service.conftest import (
    Market,
    RawApi,
    call_center_params,
    call_center_path,
    ok,
    online_params,
    online_path,
    placed_order,
)


def _ids(body: dict[str, object]) -> list[int]:
    data = body["data"]
    assert isinstance(data, dict)
    return [int(x["inquiryId"]) for x in data["content"]]


def test_window_is_whole_korean_days(market: Market, api: RawApi) -> None:
    sandbox = market.client.sandbox
    # 2025-07-17 23:59:59 KST = 14:59:59 UTC; 2025-07-18 00:00 KST = 15:00 UTC
    sandbox.clock.set(datetime(2025, 7, 17, 14, 59, 59, tzinfo=UTC), freeze=True)
    late = sandbox.inquiries.ask(market.items[0], content="late").inquiryId
    sandbox.clock.set(datetime(2025, 7, 17, 15, 0, tzinfo=UTC), freeze=True)
    next_day = sandbox.inquiries.ask(market.items[0], content="next").inquiryId
    day = {"inquiryStartAt": "2025-07-17", "inquiryEndAt": "2025-07-17"}
    assert _ids(ok(api.get(online_path(), params=online_params(**day)))) == [late]
    following = {"inquiryStartAt": "2025-07-18", "inquiryEndAt": "2025-07-18"}
    assert _ids(ok(api.get(online_path(), params=online_params(**following)))) == [next_day]
    listed = ok(api.get(online_path(), params=online_params(inquiryEndAt="2025-07-18")))
    assert _ids(listed) == [next_day, late]  # newest first
    assert listed["data"]["content"][1]["inquiryAt"] == "2025-07-17 23:59:59"


def test_paging_and_versions(market: Market, api: RawApi) -> None:
    sandbox = market.client.sandbox
    made = []
    for n in range(5):
        made.append(sandbox.inquiries.ask(market.items[0], content=f"q{n}").inquiryId)
        sandbox.clock.advance(60)
    newest_first = list(reversed(made))
    pages = [
        ok(api.get(online_path(version), params=online_params(pageNum=n, pageSize=2)))
        for version, n in (("v4", 1), ("v5", 2), ("v4", 3), ("v5", 4))
    ]
    assert [_ids(p) for p in pages] == [newest_first[:2], newest_first[2:4], newest_first[4:], []]
    assert pages[0]["data"]["pagination"] == {
        "currentPage": 1, "totalPages": 3, "totalElements": 5, "countPerPage": 2,
    }  # fmt: skip
    assert pages[3]["data"]["pagination"]["currentPage"] == 4
    default = ok(api.get(online_path(), params=online_params()))
    assert default["data"]["pagination"]["countPerPage"] == 10


def test_call_center_filters(market: Market, api: RawApi) -> None:
    sandbox = market.client.sandbox
    first, second = market.items
    order = placed_order(market)
    whole = sandbox.inquiries.open_call_center(content="whole order", order_id=order).inquiryId
    only_second = sandbox.inquiries.open_call_center(
        content="second", vendor_item_id=second, transfer=True
    ).inquiryId
    other_order = placed_order(market)
    on_other = sandbox.inquiries.open_call_center(
        content="other", order_id=other_order, vendor_item_id=first
    ).inquiryId

    def listed(**more: object) -> set[int]:
        return set(_ids(ok(api.get(call_center_path(), params=call_center_params(**more)))))

    assert listed() == {whole, only_second, on_other}
    assert listed(vendorItemId=first) == {whole, on_other}
    assert listed(vendorItemId=second) == {whole, only_second}
    assert listed(orderId=order) == {whole}
    assert listed(partnerCounselingStatus="TRANSFER") == {only_second}
    assert listed(partnerCounselingStatus="NO_ANSWER") == {whole, on_other}
    assert listed(partnerCounselingStatus="ANSWER") == set()
    # without dates, vendorItemId alone lists every inquiry of that option
    no_dates = {
        k: v for k, v in call_center_params(vendorItemId=second).items()
        if not k.startswith("inquiry")
    }  # fmt: skip
    assert set(_ids(ok(api.get(call_center_path("v4"), params=no_dates)))) == {
        whole, only_second,
    }  # fmt: skip
    # and the online list keeps to its own kind
    assert _ids(ok(api.get(online_path(), params=online_params()))) == []
