"""Every rule over real HTTP: refusals name the current state and the allowed ones, and bulk
actions report per box inside HTTP 200 (partial failures are data, not exceptions)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from coupang_seller import PreflightError
from coupang_seller._exceptions import APIStatusError, ValidationError
from tests.orders.conftest import V4, V5, VENDOR, WING, Market, RawApi, line

VID = VENDOR[0]


def _upload(api: RawApi, *lines: dict[str, Any], update: bool = False) -> dict[str, Any]:
    tail = "updateInvoices" if update else "invoices"
    response = api.post(
        f"{V4}/{VID}/orders/{tail}",
        json={"vendorId": VID, "orderSheetInvoiceApplyDtos": list(lines)},
    )
    assert response.status_code == 200, response.text
    data: dict[str, Any] = response.json()["data"]
    return data


def _first(data: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = data["responseList"][0]
    return result


def _both(box: int, order: int, items: list[int], invoice: str, **kw: Any) -> list[dict[str, Any]]:
    return [line(box, order, item, invoice, **kw) for item in items]


# -- lists -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"createdAtFrom": "2025-06-01", "createdAtTo": "2025-07-15", "status": "ACCEPT"}, "createdAtTo"),
        ({"createdAtFrom": "2025-07-01", "createdAtTo": "2025-07-15", "status": "ACCEPT", "maxPerPage": "51"}, "maxPerPage"),
        ({"createdAtFrom": "2025-07-01", "createdAtTo": "2025-07-15"}, "status"),
        ({"createdAtFrom": "2025-07-01", "createdAtTo": "2025-07-15", "status": "SHIPPED"}, "status"),
        ({"createdAtFrom": "2025-07-14T00:00", "createdAtTo": "2025-07-15T00:01", "status": "ACCEPT", "searchType": "timeFrame"}, "createdAtTo"),
        ({"createdAtFrom": "07/01/2025", "createdAtTo": "2025-07-15", "status": "ACCEPT"}, "createdAtFrom"),
    ],
)  # fmt: skip
def test_list_refusals(market: Market, api: RawApi, params: dict[str, str], field: str) -> None:
    response = api.get(f"{V5}/{VID}/ordersheets", params=params)
    assert response.status_code == 400
    assert field in {e["field"] for e in response.json()["errors"]}


def test_daily_window_of_31_days_and_kst_offsets_are_accepted(market: Market, api: RawApi) -> None:
    response = api.get(
        f"{V4}/{VID}/ordersheets",
        params={"createdAtFrom": "2025-06-14+09:00", "createdAtTo": "2025-07-15+09:00", "status": "ACCEPT"},
    )  # fmt: skip
    assert response.status_code == 200 and response.json()["nextToken"] == ""


def test_paging_with_next_token(market: Market, api: RawApi) -> None:
    placed = [market.order({market.items[0]: 1}).orderId for _ in range(3)]
    market.client.sandbox.clock.advance(601)
    seen: list[int] = []
    token = None
    for _ in range(5):
        params = {
            "createdAtFrom": "2025-07-15",
            "createdAtTo": "2025-07-15",
            "status": "ACCEPT",
            "maxPerPage": "2",
        }
        if token:
            params["nextToken"] = token
        body = api.get(f"{V5}/{VID}/ordersheets", params=params).json()
        seen += [s["orderId"] for s in body["data"]]
        token = body["nextToken"]
        if not token:
            break
    assert seen == placed
    # The SDK's auto-pager gives the same.
    assert [
        s.orderId for s in market.client.orders.iter(*_day(), status="ACCEPT", max_per_page=1)
    ] == placed


def _day() -> tuple[Any, Any]:
    from datetime import date

    return date(2025, 7, 15), date(2025, 7, 15)


# -- acknowledgement ---------------------------------------------------------------------------


def test_acknowledgement_partial_failure_names_the_state(market: Market, api: RawApi) -> None:
    placed = market.instructed()
    fresh = market.visible_order()
    box, other = placed.shipment_box_ids[0], fresh.shipment_box_ids[0]
    response = api.request(
        "PATCH",
        f"{V4}/{VID}/ordersheets/acknowledgement",
        json={"vendorId": VID, "shipmentBoxIds": [box, other, 123]},
    )
    data = response.json()["data"]
    assert response.status_code == 200 and data["responseCode"] == 1
    by_box = {r["shipmentBoxId"]: r for r in data["responseList"]}
    assert by_box[other]["succeed"] is True
    assert by_box[box]["resultCode"] == "INVALID_STATUS"
    assert "배송상태를 변경할 수 없습니다" in by_box[box]["resultMessage"]
    assert (
        "is INSTRUCT" in by_box[box]["resultMessage"]
        and "only in ACCEPT" in by_box[box]["resultMessage"]
    )
    assert by_box[123]["resultCode"] == "NOT_FOUND_SHIPMENT_BOX"


def test_acknowledgement_over_50_ids_is_refused(market: Market, api: RawApi) -> None:
    response = api.put(
        f"{V4}/{VID}/ordersheets/acknowledgement",
        json={"vendorId": VID, "shipmentBoxIds": list(range(1, 52))},
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["rule"] == "max_items"


def test_sdk_acknowledges_in_chunks_and_keeps_failures(market: Market) -> None:
    placed = market.visible_order()
    ids = [*range(10**17, 10**17 + 60), placed.shipment_box_ids[0]]
    result = market.client.orders.acknowledge(ids)
    assert len(result.responseList) == 61 and result.responseCode == 1
    assert len(result.failed) == 60 and result.succeeded[0].shipmentBoxId == ids[-1]


def test_not_visible_before_ten_minutes(market: Market, api: RawApi) -> None:
    placed = market.order()
    box = placed.shipment_box_ids[0]
    assert api.get(f"{V5}/{VID}/ordersheets/{box}").status_code == 400
    market.client.sandbox.clock.advance(599)
    assert api.get(f"{V5}/{VID}/ordersheets/{box}").status_code == 400
    market.client.sandbox.clock.advance(1)
    assert api.get(f"{V5}/{VID}/ordersheets/{box}").status_code == 200


def test_other_vendor_sees_nothing(market: Market, api: RawApi) -> None:
    from tests.orders.conftest import OTHER

    placed = market.visible_order()
    response = api.as_vendor(OTHER).get(f"{V5}/{OTHER[0]}/ordersheets/{placed.shipment_box_ids[0]}")
    assert response.status_code == 400


# -- invoices ----------------------------------------------------------------------------------


def test_invoice_upload_only_from_instruct(market: Market, api: RawApi) -> None:
    placed = market.visible_order()
    box = placed.shipment_box_ids[0]
    result = _first(_upload(api, *_both(box, placed.orderId, market.items, "123456789012")))
    assert result["resultCode"] == "INVALID_STATUS"
    assert "is ACCEPT" in result["resultMessage"] and "only in INSTRUCT" in result["resultMessage"]


@pytest.mark.parametrize(
    ("courier", "invoice", "code"),
    [
        ("CJGLS", "12345", "INVALID_INVOICE_NUMBER"),
        ("EPOST", "123456789012", "INVALID_INVOICE_NUMBER"),
        ("HANJIN", "12345678901A", "INVALID_INVOICE_NUMBER"),
        ("NOPE", "123456789012", "INVALID_INVOICE_NUMBER"),
        ("KOREX", "123456789012", "INVALID_INVOICE_NUMBER"),
        ("EPOST", "1234567890123", "OK"),
        ("DIRECT", "7", "OK"),
    ],
)
def test_invoice_digits(market: Market, api: RawApi, courier: str, invoice: str, code: str) -> None:
    placed = market.instructed()
    box = placed.shipment_box_ids[0]
    result = _first(
        _upload(api, *_both(box, placed.orderId, market.items, invoice, courier=courier))
    )
    assert result["resultCode"] == code, result
    if code == "OK":
        status = market.client.orders.get(box).status
        assert status == ("NONE_TRACKING" if courier == "DIRECT" else "DEPARTURE")


def test_duplicate_invoice_within_six_months(market: Market, api: RawApi) -> None:
    a, b = market.instructed(), market.instructed()
    assert _first(
        _upload(api, *_both(a.shipment_box_ids[0], a.orderId, market.items, "555555555555"))
    )["succeed"]
    refused = _first(
        _upload(api, *_both(b.shipment_box_ids[0], b.orderId, market.items, "555555555555"))
    )
    assert refused["resultCode"] == "DUPLICATE_INVOICE_NUMBER"
    assert refused["resultMessage"].startswith("이미 저장된 송장번호가 있습니다.")
    assert refused["retryRequired"] is True
    # DIRECT is the fallback (no duplicate check); six months later the number is free again.
    # (A key lives 180 days on the sandbox clock: give this one longer than the jump.)
    market.client.sandbox.vendors.set_key_policy(lifetime_days=365)
    market.client.sandbox.clock.advance(190 * 86400)
    assert _first(
        _upload(api, *_both(b.shipment_box_ids[0], b.orderId, market.items, "555555555555"))
    )["succeed"]


def test_separate_orders_never_share_one_invoice_in_one_call(market: Market, api: RawApi) -> None:
    a, b = market.instructed(), market.instructed()
    data = _upload(
        api,
        *_both(a.shipment_box_ids[0], a.orderId, market.items, "777777777777"),
        *_both(b.shipment_box_ids[0], b.orderId, market.items, "777777777777"),
    )
    assert data["responseCode"] == 1
    assert [r["resultCode"] for r in data["responseList"]] == ["OK", "DUPLICATE_INVOICE_NUMBER"]


@pytest.mark.parametrize(
    ("case", "code"),
    [
        ("missing_item", "NOT_FOUND_VENDOR_ITEM"),
        ("wrong_order", "NOT_FOUND_SHIPMENT_BOX"),
        ("split_direct", "NOT_ALLOW_VENDOR_DIRECT"),
        ("split_single", "NOT_ALLOW_SEPARATE_WHEN_ONE_VENDOR_ITEM"),
        ("mixed_flags", "IS_SEPARATE_MUST_BE_TRUE_WHEN_SEPARATE_DELIVERY"),
        ("pre_split_first", "INVALID_STATUS"),
        ("split_after_normal", "NOT_ALLOW_SEPARATE_AFTER_NORMAL_DELIVERY"),
        ("normal_after_split", "IS_SEPARATE_MUST_BE_TRUE_WHEN_SEPARATE_DELIVERY"),
        ("date_twice", "PSD_NOT_ALLOW_TO_CHANGE"),
    ],
)
def test_split_shipping_rules(market: Market, api: RawApi, case: str, code: str) -> None:
    first, second = market.items
    placed = market.instructed({first: 1} if case == "split_single" else None)
    box, order = placed.shipment_box_ids[0], placed.orderId
    split: dict[str, Any] = {"splitShipping": True}
    lines: list[dict[str, Any]]
    if case == "missing_item":
        lines = [line(box, order, first)]
    elif case == "wrong_order":
        lines = _both(box, order + 1, market.items, "123456789012")
    elif case == "split_direct":
        lines = [line(box, order, first, "1", courier="DIRECT", **split)]
    elif case == "split_single":
        lines = [line(box, order, first, **split)]
    elif case == "mixed_flags":
        lines = [line(box, order, first, **split), line(box, order, second, "223456789012")]
    elif case == "pre_split_first":
        lines = [line(box, order, first, preSplitShipped=True, **split)]
    elif case == "split_after_normal":
        assert _first(_upload(api, *_both(box, order, market.items, "123456789012")))["succeed"]
        lines = [line(box, order, first, "323456789012", **split)]
    elif case == "normal_after_split":
        assert _first(
            _upload(api, line(box, order, first, "", estimatedShippingDate="2025-07-20", **split))
        )["succeed"]
        lines = _both(box, order, market.items, "423456789012")
    else:
        assert _first(
            _upload(api, line(box, order, first, "", estimatedShippingDate="2025-07-20", **split))
        )["succeed"]
        lines = [line(box, order, first, "", estimatedShippingDate="2025-07-21", **split)]
    result = _first(_upload(api, *lines))
    assert result["resultCode"] == code, result
    assert result["succeed"] is False


def test_upload_refused_while_a_stop_shipment_request_is_open(market: Market, api: RawApi) -> None:
    placed = market.instructed()
    market.client.sandbox.orders.request_cancel(placed.orderId)
    result = _first(
        _upload(
            api, *_both(placed.shipment_box_ids[0], placed.orderId, market.items, "123456789012")
        )
    )
    assert result["resultCode"] == "ORDER_DELIVERY_CANCELED"


def test_invoice_update_states(market: Market, api: RawApi) -> None:
    placed = market.instructed()
    box, order = placed.shipment_box_ids[0], placed.orderId
    refused = _first(_upload(api, *_both(box, order, market.items, "123456789012"), update=True))
    assert (
        refused["resultCode"] == "INVALID_STATUS"
        and "only in DEPARTURE" in refused["resultMessage"]
    )
    assert _first(_upload(api, *_both(box, order, market.items, "123456789012")))["succeed"]
    market.client.sandbox.courier.scan(box, "DELIVERED")
    assert _first(_upload(api, *_both(box, order, market.items, "923456789012"), update=True))[
        "succeed"
    ]
    sheet = market.client.orders.get(box)
    assert sheet.status == "DEPARTURE" and sheet.invoiceNumber == "923456789012"
    assert _first(
        _upload(api, *_both(box, order, market.items, "5", courier="DIRECT"), update=True)
    )["succeed"]
    assert market.client.orders.get(box).status == "NONE_TRACKING"


def test_direct_boxes_get_no_scans(market: Market, api: RawApi) -> None:
    placed = market.instructed()
    box = placed.shipment_box_ids[0]
    assert _first(_upload(api, *_both(box, placed.orderId, market.items, "42", courier="DIRECT")))[
        "succeed"
    ]
    response = api.http.post(f"/_sandbox/shipments/{box}/scan", json={"event": "DELIVERED"})
    assert response.status_code == 409 and "NONE_TRACKING" in response.json()["message"]


# -- stop-shipment answers ---------------------------------------------------------------------


def test_stopped_shipment_needs_the_total_count(market: Market, api: RawApi) -> None:
    placed = market.instructed()
    receipt = market.client.sandbox.orders.request_cancel(placed.orderId).receipts[0].receiptId
    url = f"{V4}/{VID}/returnRequests/{receipt}/stoppedShipment"
    response = api.request(
        "PATCH", url, json={"vendorId": VID, "receiptId": receipt, "cancelCount": 1}
    )
    assert response.status_code == 400 and "total count 3" in response.json()["message"]
    # Season-1 path, POST with cancelCount: stopped.
    response = api.post(f"{WING}/v1/return/{receipt}/release-stop", json={"cancelCount": 3})
    assert response.status_code == 200, response.text
    sheet = market.client.orders.get(placed.shipment_box_ids[0])
    assert all(i.canceled for i in sheet.orderItems)
    again = api.put(url, json={"vendorId": VID, "receiptId": receipt, "cancelCount": 3})
    assert again.status_code == 400 and "RELEASE_STOP_UNCHECKED" in again.json()["message"]


def test_completed_shipment_becomes_a_return(market: Market, api: RawApi) -> None:
    placed = market.instructed()
    receipt = market.client.sandbox.orders.request_cancel(placed.orderId).receipts[0].receiptId
    # The English docs' reversed method: DELETE with an invoice still means "already shipped".
    response = api.delete(
        f"{WING}/v1/return/{receipt}/release-stop",
        params={"deliveryCompanyCode": "CJGLS", "invoiceNumber": "612345678901"},
    )
    assert response.status_code == 200, response.text
    view = market.client.sandbox.orders.get(placed.orderId)
    assert view.receipts[0].receiptStatus == "RETURNS_UNCHECKED"
    assert view.receipts[0].releaseStopStatus == "처리(이미출고)"
    assert market.client.orders.get(placed.shipment_box_ids[0]).status == "DEPARTURE"


# -- long-undelivered --------------------------------------------------------------------------


def test_long_undelivered(market: Market, api: RawApi) -> None:
    url = f"{V4}/{VID}/completeLongTermUndelivery"
    placed = market.instructed()
    box = placed.shipment_box_ids[0]
    response = api.post(url, json={"shipmentBoxId": box, "invoiceNumber": "1"})
    assert response.status_code == 400
    assert response.json()["message"].startswith("배송완료 처리 실패. 배송상태: INSTRUCT")
    assert _first(_upload(api, *_both(box, placed.orderId, market.items, "812345678901")))[
        "succeed"
    ]
    response = api.post(url, json={"shipmentBoxId": box, "invoiceNumber": "812345678901"})
    assert response.json()["message"].startswith("배송완료 처리 실패. 배송상태: DEPARTURE")
    market.client.sandbox.courier.scan(box, "PICKUP")
    response = api.post(url, json={"shipmentBoxId": box, "invoiceNumber": "812345678901"})
    assert response.status_code == 400 and "1달" in response.json()["message"]
    market.client.sandbox.clock.advance(30 * 86400)
    assert market.client.orders.complete_long_undelivered(box, "812345678901") is True
    assert market.client.orders.get(box).status == "FINAL_DELIVERY"


# -- cancellation ------------------------------------------------------------------------------


def _cancel_body(order: int, pairs: dict[int, int], **kw: Any) -> dict[str, Any]:
    return {
        "orderId": order, "vendorItemIds": list(pairs), "receiptCounts": list(pairs.values()),
        "bigCancelCode": "CANERR", "middleCancelCode": "CCTTER", "userId": "wing", "vendorId": VID, **kw,
    }  # fmt: skip


def test_cancel_at_accept_is_whole_and_immediate(market: Market, api: RawApi) -> None:
    first, second = market.items
    placed = market.visible_order()
    url = f"{V5}/{VID}/orders/{placed.orderId}/cancel"
    partial = api.post(url, json=_cancel_body(placed.orderId, {first: 1}))
    assert partial.status_code == 400 and partial.json()["message"].startswith(
        "부분 취소는 불가능합니다."
    )
    result = market.client.orders.cancel(placed.orderId, {first: 1, second: 2})
    assert result.code == "SUCCESS" and result.receiptMap is not None
    assert result.receiptMap.receiptType == "CANCEL" and result.receiptMap.totalCount == 3
    sheet = market.client.orders.get(placed.shipment_box_ids[0])
    assert all(i.canceled for i in sheet.orderItems)
    listed = market.client.orders.list(*_day(), status="ACCEPT")
    assert placed.shipment_box_ids[0] not in [s.shipmentBoxId for s in listed.items]


def test_cancel_at_instruct_is_a_stop_shipment_and_may_be_partial(market: Market) -> None:
    first, second = market.items
    placed = market.instructed()
    result = market.client.orders.cancel(placed.orderId, {second: 1})
    assert result.code == "SUCCESS" and result.receiptMap is not None
    assert result.receiptMap.receiptType == "STOP_SHIPMENT"
    sheet = market.client.orders.get(placed.shipment_box_ids[0])
    assert {i.vendorItemId: (i.shippingCount, i.cancelCount) for i in sheet.orderItems} == {
        first: (1, 0),
        second: (1, 1),
    }


def test_cancel_after_shipping_fails(market: Market, api: RawApi) -> None:
    placed = market.instructed()
    assert _first(
        _upload(
            api, *_both(placed.shipment_box_ids[0], placed.orderId, market.items, "912345678901")
        )
    )["succeed"]
    with pytest.raises(ValidationError) as caught:
        market.client.orders.cancel(placed.orderId, {market.items[0]: 1})
    assert caught.value.code == "FAIL"
    assert "결제완료/상품지시 중 상태가 아닙니다" in str(caught.value)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"bigCancelCode": "OTHER"}, "취소사유 대분류 코드를 확인해 주세요."),
        ({"middleCancelCode": "CCSSER"}, "취소사유 중분류 코드를 확인해 주세요."),
        ({"receiptCounts": [1, 2]}, "요청한 상품 개수와 취소 개수를 확인해주세요."),
        ({"userId": ""}, "업체 ID에 맞는 올바른 유저 ID를 입력해주세요."),
    ],
)
def test_cancel_body_rules(
    market: Market, api: RawApi, changes: dict[str, Any], message: str
) -> None:
    placed = market.visible_order()
    body = _cancel_body(placed.orderId, {market.items[0]: 1}, **changes)
    response = api.post(f"{WING}/v5/vendors/{VID}/orders/{placed.orderId}/cancel", json=body)
    assert response.status_code == 400
    assert message in response.json()["message"]


# -- the customer and the courier --------------------------------------------------------------


def test_customer_rules(market: Market, api: RawApi) -> None:
    placed = market.visible_order()
    refused = api.http.post(
        f"/_sandbox/orders/{placed.orderId}/cancel-request", json={"reasonCode": "CCSSER"}
    )
    assert refused.status_code == 400 and refused.json()["errors"][0]["rule"] == "reason_deleted"
    market.client.orders.acknowledge(placed.shipment_box_ids)
    moved = api.http.post(
        f"/_sandbox/orders/{placed.orderId}/address", json={"receiver": {"addr1": "x"}}
    )
    assert moved.status_code == 409 and "INSTRUCT" in moved.json()["message"]
    scan = api.http.post(
        f"/_sandbox/shipments/{placed.shipment_box_ids[0]}/scan", json={"event": "DELIVERED"}
    )
    assert (
        scan.status_code == 409
        and "allowed only in DEPARTURE, DELIVERING" in scan.json()["message"]
    )
    unknown = api.http.post(
        "/_sandbox/orders", json={"vendorId": VID, "items": [{"vendorItemId": 1, "quantity": 1}]}
    )
    assert unknown.status_code == 400


def test_bundle_fee_once_and_jeju_remote_fee(market: Market) -> None:
    client = market.client
    _, items = market.shop.approved(
        sku="PAID-SKU", deliveryChargeType="NOT_FREE", deliveryCharge=2500, deliveryChargeOnReturn=0
    )
    placed = client.sandbox.orders.place(
        {items[0]: 1, items[1]: 1}, receiver={"postCode": "63100", "addr1": "제주특별자치도 제주시"}
    )
    assert len(placed.shipmentBoxes) == 1
    box = placed.shipmentBoxes[0]
    assert box.shippingPrice == 2500 and box.remoteArea is True and box.remotePrice == 5000
    single = client.sandbox.orders.place({items[0]: 1, items[1]: 1}, bundle=False)
    assert [b.shippingPrice for b in single.shipmentBoxes] == [2500, 2500]
    assert single.region == "MAINLAND"
    island = client.sandbox.orders.place({items[0]: 1}, receiver={"postCode": "40200"})
    assert island.region == "ISLAND" and island.shipmentBoxes[0].remotePrice == 3000


# -- SDK preflight -----------------------------------------------------------------------------


def test_sdk_preflight_stops_bad_invoices_before_sending(market: Market) -> None:
    sent: list[httpx.Request] = []
    client = market.client
    with pytest.raises(PreflightError) as caught:
        client.orders.upload_invoices(
            [line(1, 2, 3, "12", courier="CJGLS"), line(1, 2, 4, "", splitShipping=True)]
        )
    rules = {v.rule for v in caught.value.violations}
    assert {"invoice_digits", "split_flag_mixed", "split_invoice_or_date"} <= rules
    with pytest.raises(PreflightError):
        client.orders.list(*_wide(), status="ACCEPT")
    with pytest.raises(PreflightError):
        client.orders.cancel(1, {2: 0})
    assert not sent


def _wide() -> tuple[Any, Any]:
    from datetime import date

    return date(2025, 1, 1), date(2025, 7, 15)


def test_sdk_splits_long_periods(market: Market) -> None:
    from datetime import UTC, date, datetime

    placed = market.visible_order()
    sheets = list(market.client.orders.iter(date(2025, 1, 1), date(2025, 7, 31), status="ACCEPT"))
    assert [s.orderId for s in sheets] == [placed.orderId]
    frame = market.client.orders.list_time_frame(
        datetime(2025, 7, 13, tzinfo=UTC), datetime(2025, 7, 16, tzinfo=UTC), status="ACCEPT"
    )
    assert [s.orderId for s in frame] == [placed.orderId]
    v4 = market.client.orders.get(placed.shipment_box_ids[0], version="v4")
    assert v4.orderId == placed.orderId


def test_errors_are_exceptions(market: Market) -> None:
    with pytest.raises(APIStatusError):
        market.client.orders.get(10**17 + 5)
