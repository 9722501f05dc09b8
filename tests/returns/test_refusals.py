"""Every rule refused over HTTP, in Coupang's envelope, naming the field/state and the rule;
and the SDK's preflight refusing the same before anything is sent."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import httpx
import pytest

from coupang_seller._exceptions import PreflightError
from tests.returns.conftest import (
    DAY,
    OTHER,
    VENDOR,
    Market,
    RawApi,
    manual_items,
    request_return,
    shipped,
    vpath,
)

TODAY = date(2025, 7, 15)


def refused(response: httpx.Response, *needles: str, status: int = 400) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    text = response.text
    for needle in needles:
        assert needle in text, (needle, text)
    return body


def rules_of(response: httpx.Response) -> set[str]:
    return {e["rule"] for e in response.json().get("errors", [])}


def refused_rules(response: httpx.Response, *needles: str) -> set[str]:
    refused(response, *needles)
    return rules_of(response)


def control(api: RawApi, path: str, body: dict[str, Any] | None = None) -> httpx.Response:
    return api.http.post(path, json=body or {})


@pytest.fixture
def returned(market: Market) -> tuple[int, int]:
    """(orderId, receiptId) of an auto-pickup quick-refund return, not picked up yet."""
    placed = shipped(market, {market.items[0]: 1, market.items[1]: 1})
    return placed.orderId, request_return(market, placed, {market.items[0]: 1})


@pytest.mark.parametrize(
    ("params", "rule"),
    [
        ({"status": "XX"}, "enum"),
        ({}, "required_without_status"),
        ({"status": "UC", "createdAtTo": "2025-08-20"}, "max_window"),
        ({"status": "UC", "createdAtTo": "2025-07-14"}, "order"),
        ({"status": "UC", "createdAtFrom": "2025/07/15"}, "format"),
        ({"status": "UC", "nextToken": "abc"}, "format"),
        ({"status": "UC", "maxPerPage": "0"}, "min_value"),
        ({"status": "UC", "orderId": "x1"}, "type"),
    ],
)
def test_daily_list_refusals(
    market: Market, api: RawApi, params: dict[str, str], rule: str
) -> None:
    query = {"createdAtFrom": DAY, "createdAtTo": DAY, **params}
    for version in ("v4", "v6"):
        response = api.get(vpath(version, "/returnRequests"), params=query)
        refused(response)
        assert rule in rules_of(response)


def test_time_frame_and_v6_cancel_type_refusals(market: Market, api: RawApi) -> None:
    base = {"searchType": "timeFrame", "createdAtFrom": f"{DAY}T00:00"}
    too_long = api.get(vpath("v5", "/returnRequests"),
                       params={**base, "createdAtTo": "2025-08-20T00:00", "status": "UC"})  # fmt: skip
    refused(too_long, "31 days")
    # 31 days is accepted (the endpoint text; the FAQ's 24 hours is only the SDK's slice).
    ok = api.get(vpath("v5", "/returnRequests"),
                 params={**base, "createdAtTo": "2025-08-15T00:00", "status": "UC"})  # fmt: skip
    assert ok.status_code == 200, ok.text
    no_status = api.get(vpath("v4", "/returnRequests"),
                        params={**base, "createdAtTo": f"{DAY}T10:00"})  # fmt: skip
    assert "required" in refused_rules(no_status)
    bad_minute = api.get(vpath("v4", "/returnRequests"),
                         params={**base, "createdAtTo": DAY, "status": "UC"})  # fmt: skip
    assert "format" in refused_rules(bad_minute)
    daily = {"createdAtFrom": DAY, "createdAtTo": DAY}
    with_status = api.get(vpath("v6", "/returnRequests"),
                          params={**daily, "cancelType": "CANCEL", "status": "UC"})  # fmt: skip
    assert "not_with_cancel" in refused_rules(with_status)
    bad_type = api.get(vpath("v6", "/returnRequests"), params={**daily, "cancelType": "X"})
    assert "enum" in refused_rules(bad_type)


def test_get_refusals(market: Market, api: RawApi, returned: tuple[int, int]) -> None:
    _, receipt = returned
    refused(api.get(vpath("v6", "/returnRequests/999999")), "999999")
    other = api.as_vendor(OTHER).get(vpath("v4", f"/returnRequests/{receipt}", OTHER[0]))
    refused(other, str(receipt))
    foreign_path = api.get(vpath("v4", f"/returnRequests/{receipt}", OTHER[0]))
    assert foreign_path.status_code in (400, 404)
    market.client.sandbox.returns.withdraw(receipt)
    refused(api.get(vpath("v6", f"/returnRequests/{receipt}")), "returnWithdrawRequests")


def test_action_refusals_name_the_state(
    market: Market, api: RawApi, returned: tuple[int, int]
) -> None:
    vendor = VENDOR[0]
    _, receipt = returned
    approve = vpath("v4", f"/returnRequests/{receipt}/approval")
    confirm = vpath("v5", f"/returnRequests/{receipt}/receiveConfirmation")
    body = {"vendorId": vendor, "receiptId": receipt, "cancelCount": 1}
    # Approval before the goods were collected.
    refused(api.request("PATCH", approve, json=body), "picked up", "RETURNS_UNCHECKED")
    mismatch = api.request("PUT", confirm, json={"vendorId": vendor, "receiptId": receipt + 1})
    assert "mismatch" in refused_rules(mismatch)
    wrong_vendor = api.request("PUT", confirm, json={"vendorId": OTHER[0], "receiptId": receipt})
    refused(wrong_vendor, "vendorId")
    market.client.sandbox.courier.pick_up_return(receipt)  # quick refund: RETURNS_COMPLETED
    for path, method in ((confirm, "PATCH"), (approve, "PUT")):
        response = api.request(method, path, json=body)
        refused(response, "RETURNS_COMPLETED", "RETURNS_UNCHECKED", "is allowed only in")
    refused(api.request("PATCH", vpath("v4", "/returnRequests/77/approval"), json={}), "77")


def test_approval_count_must_equal_the_total(market: Market, api: RawApi) -> None:
    _, items = market.shop.approved(sku="COUNT", price=150000)
    placed = shipped(market, {items[0]: 3})
    receipt = request_return(market, placed, {items[0]: 3})
    market.client.sandbox.courier.pick_up_return(receipt)
    path = vpath("v4", f"/returnRequests/{receipt}/approval")
    response = api.request("PATCH", path, json={"receiptId": receipt, "cancelCount": 1})
    assert "equals_total" in refused_rules(response, "3")
    missing = api.request("PATCH", path, json={"receiptId": receipt})
    assert "required" in refused_rules(missing)


@pytest.mark.parametrize(
    ("params", "text"),
    [
        ({"dateTo": DAY}, "Required String parameter 'dateFrom' is not present"),
        ({"dateFrom": DAY}, "Required String parameter 'dateTo' is not present"),
        (
            {"dateFrom": DAY, "dateTo": "2025-07-14"},
            "종료일자는 시작일자보다 작거나 같아야 합니다.",
        ),
        ({"dateFrom": "2025-07-01", "dateTo": DAY}, "최대 조회 기간은 7 일 입니다."),
        ({"dateFrom": "2025.07.01", "dateTo": DAY}, "날짜입력을 확인해 주세요."),
        ({"dateFrom": DAY, "dateTo": DAY, "sizePerPage": "101"}, "sizePerPage)는 100 입니다."),
        (
            {"dateFrom": DAY, "dateTo": DAY, "pageIndex": "0"},
            "pageindex 는 음수 또는 0 일 수 없습니다.",
        ),
    ],
)
def test_withdraw_history_refusals(
    market: Market, api: RawApi, params: dict[str, str], text: str
) -> None:
    refused(api.get(vpath("v4", "/returnWithdrawRequests"), params=params), text)


def test_withdraw_list_refusals(market: Market, api: RawApi) -> None:
    path = vpath("v4", "/returnWithdrawList")
    refused(api.post(path, json={"cancelIds": list(range(1, 52))}), "최대 50개")
    refused(api.post(path, json={"cancelIds": ["abc"]}), "number 타입")
    refused(api.post(path, json={}), "cancelIds")
    ok = api.post(path, json={"cancelIds": ["123", 456]})  # digit strings are taken too
    assert ok.status_code == 200 and ok.json()["data"] == []


def test_manual_invoice_refusals(market: Market, api: RawApi, returned: tuple[int, int]) -> None:
    path = vpath("v4", "/return-exchange-invoices/manual")
    _, receipt = returned
    base = {"returnExchangeDeliveryType": "RETURN", "receiptId": receipt,
            "deliveryCompanyCode": "CJGLS", "invoiceNumber": "123456789012"}  # fmt: skip
    refused(api.post(path, json={k: v for k, v in base.items() if k != "invoiceNumber"}),
            "Object is null")  # fmt: skip
    refused(api.post(path, json={**base, "deliveryCompanyCode": "NOPE"}), "deliveryCompanyCode")
    refused(api.post(path, json={**base, "invoiceNumber": "12"}), "invoiceNumber")
    refused(
        api.post(path, json={**base, "returnExchangeDeliveryType": "GIFT"}), "RETURN or EXCHANGE"
    )
    refused(api.post(path, json={**base, "receiptId": 12345}), "12345")
    market.client.sandbox.courier.pick_up_return(receipt)
    refused(api.post(path, json=base), "RETURNS_COMPLETED", "RETURNS_UNCHECKED")


def test_control_refusals(market: Market, api: RawApi) -> None:
    first, second = market.items
    instructed = market.instructed({first: 1})
    before = control(api, "/_sandbox/returns", {"orderId": instructed.orderId,
                     "items": [{"vendorItemId": first, "quantity": 1}], "reasonCode": "CHANGEMIND"})  # fmt: skip
    refused(before, "INSTRUCT", "cancel-request", status=409)
    placed = shipped(market, {first: 1})
    ask = {"orderId": placed.orderId, "vendorItemIds": [first], "quantities": [1]}
    refused(control(api, "/_sandbox/returns", {**ask, "reasonCode": "CCSSER"}), "deleted")
    refused(control(api, "/_sandbox/returns", {**ask, "reasonCode": "NOPE"}), "VOC")
    refused(control(api, "/_sandbox/returns", {**ask, "reasonCode": "DEFECT",
                                                "quantities": [2]}), "left over", status=409)  # fmt: skip
    refused(control(api, "/_sandbox/returns", {**ask, "reasonCode": "DEFECT",
                                                "vendorItemIds": [second]}), "left over", status=409)  # fmt: skip
    refused(control(api, "/_sandbox/returns", {"orderId": 1, "items": [], "reasonCode": "DEFECT"}),
            status=404)  # fmt: skip
    receipt = request_return(market, placed, {first: 1})
    control(api, f"/_sandbox/returns/{receipt}/pickup")
    refused(control(api, f"/_sandbox/returns/{receipt}/withdraw"), "RETURNS_COMPLETED", status=409)
    refused(control(api, f"/_sandbox/returns/{receipt}/pickup"), "allowed only in", status=409)
    refused(control(api, f"/_sandbox/returns/{receipt}/coupang-checked"), "REQUEST_COUPANG_CHECK",
            status=409)  # fmt: skip
    # A manual-pickup return cannot be scanned before its invoice; nor withdrawn after pickup.
    items = manual_items(market)
    other = shipped(market, {items[0]: 1})
    manual = request_return(market, other, {items[0]: 1})
    refused(control(api, f"/_sandbox/returns/{manual}/pickup"), "return-exchange-invoices/manual",
            status=409)  # fmt: skip
    market.client.returns.upload_pickup_invoice(
        manual, delivery_company_code="HANJIN", invoice_number="1234567890"
    )
    control(api, f"/_sandbox/returns/{manual}/pickup")
    refused(control(api, f"/_sandbox/returns/{manual}/withdraw"), "picked", status=409)


def test_sdk_preflight_refuses_before_sending(market: Market) -> None:
    returns = market.client.returns
    cases: list[Callable[[], object]] = [
        lambda: returns.list(TODAY, TODAY),
        lambda: returns.list(TODAY, TODAY, status="XX"),
        lambda: returns.list(date(2025, 6, 1), TODAY, status="UC"),
        lambda: returns.withdrawals(date(2025, 7, 1), TODAY),
        lambda: returns.withdrawals(TODAY, TODAY, size_per_page=101),
        lambda: returns.withdrawals(TODAY, TODAY, page_index=0),
        lambda: returns.upload_pickup_invoice(1, delivery_company_code="NOPE", invoice_number="1"),
    ]
    for case in cases:
        with pytest.raises(PreflightError):
            case()
    with pytest.raises(ValueError, match="v6"):
        returns.list(TODAY, TODAY, cancel_type="CANCEL", version="v4")
