"""Order refusals and edge paths not covered elsewhere, over real HTTP (hand-signed requests for
the seller API, the unsigned control API for the customer and the courier)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.orders.conftest import V4, V5, VENDOR, WING, Market, RawApi, line

VID = VENDOR[0]
DAY = {"createdAtFrom": "2025-07-15", "createdAtTo": "2025-07-15", "status": "ACCEPT"}


def _upload(api: RawApi, *lines: dict[str, Any], update: bool = False) -> dict[str, Any]:
    tail = "updateInvoices" if update else "invoices"
    response = api.post(
        f"{V4}/{VID}/orders/{tail}",
        json={"vendorId": VID, "orderSheetInvoiceApplyDtos": list(lines)},
    )
    assert response.status_code == 200, response.text
    data: dict[str, Any] = response.json()["data"]
    return data


def _only(data: dict[str, Any]) -> dict[str, Any]:
    assert len(data["responseList"]) == 1, data
    result: dict[str, Any] = data["responseList"][0]
    return result


def _both(box: int, order: int, items: list[int], invoice: str, **kw: Any) -> list[dict[str, Any]]:
    return [line(box, order, item, invoice, **kw) for item in items]


def _fields(response: Any) -> set[str]:
    return {e["field"] for e in response.json()["errors"]}


# -- lists and reads ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "field", "rule"),
    [
        ({"createdAtTo": "2025-07-15", "status": "ACCEPT"}, "createdAtFrom", "required"),
        ({**DAY, "createdAtFrom": "2025-02-30"}, "createdAtFrom", "format"),
        ({**DAY, "maxPerPage": "ten"}, "maxPerPage", "type"),
        ({**DAY, "nextToken": "not-a-token"}, "nextToken", "format"),
        ({"createdAtTo": "2025-07-15T10:00", "status": "ACCEPT", "searchType": "timeFrame"}, "createdAtFrom", "required"),
        ({"createdAtFrom": "2025-07-15 10:00", "createdAtTo": "2025-07-15T10:05", "status": "ACCEPT", "searchType": "timeFrame"}, "createdAtFrom", "format"),
        ({"createdAtFrom": "2025-07-15T25:00", "createdAtTo": "2025-07-15T10:05", "status": "ACCEPT", "searchType": "timeFrame"}, "createdAtFrom", "format"),
    ],
)  # fmt: skip
def test_list_parameter_refusals(
    market: Market, api: RawApi, params: dict[str, str], field: str, rule: str
) -> None:
    response = api.get(f"{V5}/{VID}/ordersheets", params=params)
    assert response.status_code == 400, response.text
    errors = {(e["field"], e["rule"]) for e in response.json()["errors"]}
    assert (field, rule) in errors


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("2025-07-15T14:00+09:00", "2025-07-15T14:10+09:00"),
        ("2025-07-15T05:00Z", "2025-07-15T05:10Z"),
        ("2025-07-15T00:00-05:00", "2025-07-15T00:10-05:00"),  # = 05:00 UTC
    ],
)
def test_time_frame_offsets_name_the_same_instant(
    market: Market, api: RawApi, start: str, end: str
) -> None:
    """START is 05:00 UTC = 14:00 KST; an order paid then is in every one of these windows."""
    placed = market.visible_order()
    params = {"createdAtFrom": start, "createdAtTo": end, "status": "ACCEPT"}
    response = api.get(f"{V4}/{VID}/ordersheets", params={**params, "searchType": "timeFrame"})
    assert response.status_code == 200, response.text
    assert [s["orderId"] for s in response.json()["data"]] == [placed.orderId]


def test_time_frame_outside_the_payment_is_empty(market: Market, api: RawApi) -> None:
    market.visible_order()
    params = {"createdAtFrom": "2025-07-15T05:00Z", "createdAtTo": "2025-07-15T05:10Z"}
    shifted = {"createdAtFrom": "2025-07-15T05:00+00:30", "createdAtTo": "2025-07-15T05:10+00:30"}
    for window, expected in ((params, 1), (shifted, 0)):
        response = api.get(
            f"{V4}/{VID}/ordersheets",
            params={**window, "status": "ACCEPT", "searchType": "timeFrame"},
        )
        assert len(response.json()["data"]) == expected, window


@pytest.mark.parametrize("box", ["abc", "0", str(2**63), "-5"])
def test_sheet_ids_that_cannot_exist_are_not_found(market: Market, api: RawApi, box: str) -> None:
    for tail in ("", "/history"):
        response = api.get(f"{V5}/{VID}/ordersheets/{box}{tail}")
        assert response.status_code == 400
        assert f"shipmentBoxId ({box}) is not found" in response.json()["message"]


def test_sheets_of_an_unknown_or_hidden_order(market: Market, api: RawApi) -> None:
    response = api.get(f"{V4}/{VID}/99999999/ordersheets")
    assert response.status_code == 400
    assert response.json()["message"].startswith("주문 정보가 없습니다.")
    hidden = market.order()  # paid, not yet visible
    response = api.get(f"{V4}/{VID}/{hidden.orderId}/ordersheets")
    assert response.status_code == 400
    market.client.sandbox.clock.advance(600)
    response = api.get(f"{V4}/{VID}/{hidden.orderId}/ordersheets")
    assert response.status_code == 200 and len(response.json()["data"]) == 1


# -- acknowledgement ---------------------------------------------------------------------------


def test_acknowledgement_refused_while_a_cancel_request_is_open(
    market: Market, api: RawApi
) -> None:
    placed = market.instructed()
    market.client.sandbox.orders.request_cancel(placed.orderId)
    response = api.put(
        f"{V5}/{VID}/ordersheets/acknowledgement",
        json={"vendorId": VID, "shipmentBoxIds": placed.shipment_box_ids},
    )
    result = _only(response.json()["data"])
    assert result["resultCode"] == "ORDER_DELIVERY_CANCELED_HOLDING_FOR_CANCEL"
    assert result["succeed"] is False and "cancel request" in result["resultMessage"]
    assert response.json()["data"]["responseCode"] == 99


# -- invoices ----------------------------------------------------------------------------------


def test_invoice_body_without_lines_is_refused(market: Market, api: RawApi) -> None:
    empty: list[Any] = []
    for lines in (empty, None):
        response = api.post(
            f"{V4}/{VID}/orders/invoices",
            json={"vendorId": VID, "orderSheetInvoiceApplyDtos": lines},
        )
        assert response.status_code == 400
        assert "orderSheetInvoiceApplyDtos" in {
            e["field"].split("[")[0] for e in response.json()["errors"]
        }


def test_invoice_line_without_a_vendor_item_is_a_400(market: Market, api: RawApi) -> None:
    placed = market.instructed()
    bad = line(placed.shipment_box_ids[0], placed.orderId, market.items[0])
    del bad["vendorItemId"]
    response = api.post(
        f"{V4}/{VID}/orders/invoices", json={"vendorId": VID, "orderSheetInvoiceApplyDtos": [bad]}
    )
    assert response.status_code == 400
    assert "orderSheetInvoiceApplyDtos[0].vendorItemId" in _fields(response)
    assert market.client.orders.get(placed.shipment_box_ids[0]).status == "INSTRUCT"


def test_invoice_for_an_unknown_box(market: Market, api: RawApi) -> None:
    placed = market.instructed()
    data = _upload(api, line(10**17 + 12345, placed.orderId, market.items[0], "312345678901"))
    assert _only(data)["resultCode"] == "NOT_FOUND_SHIPMENT_BOX"
    assert data["responseCode"] == 99


def test_numeric_invoice_numbers_are_taken_as_text(market: Market, api: RawApi) -> None:
    placed = market.instructed()
    box = placed.shipment_box_ids[0]
    data = _upload(api, *_both(box, placed.orderId, market.items, 412345678901))  # type: ignore[arg-type]
    assert _only(data)["succeed"] is True
    assert market.client.orders.get(box).invoiceNumber == "412345678901"


def test_invoice_for_a_cancelled_box(market: Market, api: RawApi) -> None:
    placed = market.visible_order()
    market.client.sandbox.orders.request_cancel(placed.orderId)  # at ACCEPT: immediate
    box = placed.shipment_box_ids[0]
    data = _upload(api, *_both(box, placed.orderId, market.items, "512345678901"))
    assert _only(data)["resultCode"] == "ORDER_DELIVERY_CANCELED"
    data = _upload(api, *_both(box, placed.orderId, market.items, "512345678901"), update=True)
    assert _only(data)["resultCode"] == "ORDER_DELIVERY_CANCELED"


def test_invoice_naming_an_item_not_in_the_box(market: Market, api: RawApi) -> None:
    placed = market.instructed()
    box = placed.shipment_box_ids[0]
    lines = [*_both(box, placed.orderId, market.items, "612345678901")]
    lines.append(line(box, placed.orderId, 99999, "612345678901"))
    result = _only(_upload(api, *lines))
    assert result["resultCode"] == "NOT_FOUND_VENDOR_ITEM" and "99999" in result["resultMessage"]
    assert market.client.orders.get(box).status == "INSTRUCT"


def test_invoice_update_naming_an_item_not_in_the_box(market: Market, api: RawApi) -> None:
    placed = market.instructed()
    box = placed.shipment_box_ids[0]
    assert _only(_upload(api, *_both(box, placed.orderId, market.items, "712345678901")))["succeed"]
    result = _only(_upload(api, line(box, placed.orderId, 99999, "712345678902"), update=True))
    assert result["resultCode"] == "NOT_FOUND_VENDOR_ITEM"
    assert market.client.orders.get(box).invoiceNumber == "712345678901"


def test_invoice_update_may_reuse_the_orders_own_number(market: Market, api: RawApi) -> None:
    placed = market.instructed()
    box = placed.shipment_box_ids[0]
    assert _only(_upload(api, *_both(box, placed.orderId, market.items, "812345678901")))["succeed"]
    again = _upload(api, *_both(box, placed.orderId, market.items, "812345678901"), update=True)
    assert _only(again)["succeed"] is True


def test_split_planned_item_needs_an_invoice_the_second_time(market: Market, api: RawApi) -> None:
    first, second = market.items
    placed = market.instructed()
    box = placed.shipment_box_ids[0]
    first_part = _upload(
        api,
        line(box, placed.orderId, first, "912345678901", splitShipping=True),
        line(
            box, placed.orderId, second, "", splitShipping=True, estimatedShippingDate="2025-07-18"
        ),
    )
    assert _only(first_part)["succeed"], first_part
    again = _upload(
        api,
        line(box, placed.orderId, second, "", splitShipping=True, preSplitShipped=True,
             estimatedShippingDate="2025-07-18"),
    )  # fmt: skip
    assert _only(again)["resultCode"] == "NOT_FOUND_INVOICE_NUMBER"


# -- stop-shipment answers and long-undelivered ------------------------------------------------


def test_answers_to_an_unknown_receipt(market: Market, api: RawApi) -> None:
    url = f"{V4}/{VID}/returnRequests/12345/stoppedShipment"
    response = api.put(url, json={"vendorId": VID, "receiptId": 12345, "cancelCount": 1})
    assert response.status_code == 400 and "접수 정보가 없습니다" in response.json()["message"]
    mismatch = api.put(url, json={"vendorId": VID, "receiptId": 54321, "cancelCount": 1})
    assert mismatch.status_code == 400 and _fields(mismatch) == {"receiptId"}


def test_completed_shipment_refusals(market: Market, api: RawApi) -> None:
    taken = market.instructed()
    box = taken.shipment_box_ids[0]
    assert _only(_upload(api, *_both(box, taken.orderId, market.items, "613345678901")))["succeed"]
    placed = market.instructed()
    receipt = market.client.sandbox.orders.request_cancel(placed.orderId).receipts[0].receiptId
    url = f"{V4}/{VID}/returnRequests/{receipt}/completedShipment"
    bad = api.put(url, json={"vendorId": VID, "deliveryCompanyCode": "NOPE", "invoiceNumber": "1"})
    assert bad.status_code == 400 and "deliveryCompanyCode" in _fields(bad)
    duplicate = api.put(
        url, json={"vendorId": VID, "deliveryCompanyCode": "CJGLS", "invoiceNumber": "613345678901"}
    )
    assert duplicate.status_code == 400
    assert "이미 저장된 송장번호가 있습니다" in duplicate.json()["message"]
    view = market.client.sandbox.orders.get(placed.orderId)
    assert view.receipts[0].receiptStatus == "RELEASE_STOP_UNCHECKED"


@pytest.mark.parametrize("default_shipped", [False, True])
def test_release_stop_without_an_answer_uses_the_method(
    market: Market, api: RawApi, default_shipped: bool
) -> None:
    """Season-1 mapping: with neither cancelCount nor invoiceNumber, POST = stopped and DELETE =
    already shipped; each is then refused for the missing field."""
    placed = market.instructed()
    receipt = market.client.sandbox.orders.request_cancel(placed.orderId).receipts[0].receiptId
    url = f"{WING}/v1/return/{receipt}/release-stop"
    response = api.delete(url) if default_shipped else api.post(url)
    assert response.status_code == 400, response.text
    if default_shipped:
        assert "deliveryCompanyCode" in _fields(response)
    else:
        assert "total count 3" in response.json()["message"]


def test_long_undelivered_refusals(market: Market, api: RawApi) -> None:
    url = f"{V4}/{VID}/completeLongTermUndelivery"
    response = api.post(url, json={"shipmentBoxId": "nope", "invoiceNumber": "1"})
    assert response.status_code == 400 and "(nope) is not found" in response.json()["message"]
    placed = market.instructed()
    box = placed.shipment_box_ids[0]
    assert _only(_upload(api, *_both(box, placed.orderId, market.items, "713345678901")))["succeed"]
    market.client.sandbox.courier.scan(box, "PICKUP")
    market.client.sandbox.clock.advance(31 * 86400)
    wrong = api.post(url, json={"shipmentBoxId": box, "invoiceNumber": "713345678902"})
    assert wrong.status_code == 400 and "송장번호가 일치하지 않습니다" in wrong.json()["message"]
    assert market.client.orders.get(box).status == "DELIVERING"


# -- seller cancel -----------------------------------------------------------------------------


def _cancel_body(order: int, pairs: dict[int, int]) -> dict[str, Any]:
    return {
        "orderId": order, "vendorItemIds": list(pairs), "receiptCounts": list(pairs.values()),
        "bigCancelCode": "CANERR", "middleCancelCode": "CCTTER", "userId": "wing", "vendorId": VID,
    }  # fmt: skip


def test_cancel_of_an_unknown_or_hidden_order(market: Market, api: RawApi) -> None:
    response = api.post(f"{V5}/{VID}/orders/123456/cancel", json=_cancel_body(123456, {1: 1}))
    assert response.status_code == 400 and response.json()["message"] == "주문 정보가 없습니다."
    hidden = market.order()
    response = api.post(
        f"{V5}/{VID}/orders/{hidden.orderId}/cancel",
        json=_cancel_body(hidden.orderId, {market.items[0]: 1}),
    )
    assert response.status_code == 400 and response.json()["message"] == "주문 정보가 없습니다."


def test_cancel_of_another_vendors_order(
    market: Market, api: RawApi, other_client: Any, catalog_module: Any
) -> None:
    from tests.orders.conftest import OTHER
    from tests.products.conftest import open_shop

    other_shop = open_shop(other_client, catalog_module)
    _, items = other_shop.approved(sku="OTHER-SKU")
    theirs = other_client.sandbox.orders.place({items[0]: 1})
    other_client.sandbox.clock.advance(601)
    body = _cancel_body(theirs.orderId, {items[0]: 1})
    response = api.post(f"{V5}/{VID}/orders/{theirs.orderId}/cancel", json=body)
    assert response.status_code == 400
    assert response.json()["message"] == "요청한 업체의 상품이 아닙니다."
    # Their own cancel works.
    own = api.as_vendor(OTHER).post(
        f"{V5}/{OTHER[0]}/orders/{theirs.orderId}/cancel", json={**body, "vendorId": OTHER[0]}
    )
    assert own.status_code == 200, own.text


def test_cancel_naming_an_item_not_in_the_order_is_partial(market: Market, api: RawApi) -> None:
    first = market.items[0]
    placed = market.instructed()
    response = api.post(
        f"{V5}/{VID}/orders/{placed.orderId}/cancel",
        json=_cancel_body(placed.orderId, {first: 1, 77777: 1}),
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["code"] == "PARTIAL"
    assert body["data"]["failedVendorItemIds"] == [77777]
    assert "주문정보가 없습니다.[77777]" in body["message"]


def test_stop_shipment_across_unbundled_boxes(market: Market) -> None:
    first, second = market.items
    placed = market.instructed({first: 1, second: 1}, bundle=False)
    assert len(placed.shipment_box_ids) == 2
    box_of = {b.vendorItemIds[0]: b.shipmentBoxId for b in placed.shipmentBoxes}
    # Only the first box holds the first item: the second box is left alone.
    result = market.client.orders.cancel(placed.orderId, {first: 1})
    assert result.code == "SUCCESS" and result.receiptMap is not None
    sheets = {s.shipmentBoxId: s for s in market.client.orders.by_order_id(placed.orderId)}
    assert all(i.canceled for i in sheets[box_of[first]].orderItems)
    assert not any(i.canceled for i in sheets[box_of[second]].orderItems)
    # The first box is now CANCEL: a later cancel of the second item skips it.
    later = market.client.orders.cancel(placed.orderId, {second: 1})
    assert later.code == "SUCCESS"
    view = market.client.sandbox.orders.get(placed.orderId)
    stops = [r for r in view.receipts if r.receiptType == "STOP_SHIPMENT"]
    assert [r.shipmentBoxId for r in stops] == [box_of[first], box_of[second]]


# -- the customer ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({}, {"vendorId", "items"}),
        ({"vendorId": " ", "items": []}, {"vendorId", "items"}),
        ({"vendorId": VID, "items": [{"vendorItemId": 1}], "receiver": "서울"}, {"receiver"}),
        ({"vendorId": VID, "items": [{"quantity": 1}]}, {"items[0].vendorItemId"}),
        ({"vendorId": VID, "items": [{"vendorItemId": 1, "quantity": 0}]}, {"items[0].quantity"}),
        ({"vendorId": VID, "items": ["x"]}, {"items[0].vendorItemId", "items[0].quantity"}),
    ],
)
def test_place_order_body_refusals(
    market: Market, api: RawApi, body: dict[str, Any], fields: set[str]
) -> None:
    response = api.http.post("/_sandbox/orders", json=body)
    assert response.status_code == 400, response.text
    assert _fields(response) == fields


def test_place_order_refuses_what_cannot_be_sold(market: Market, api: RawApi) -> None:
    first = market.items[0]
    client = market.client
    too_many = api.http.post(
        "/_sandbox/orders",
        json={"vendorId": VID, "items": [{"vendorItemId": first, "quantity": 10**6}]},
    )
    assert too_many.status_code == 400 and "in stock" in too_many.json()["message"]
    client.products.stop_sales(first)
    stopped = api.http.post(
        "/_sandbox/orders",
        json={"vendorId": VID, "items": [{"vendorItemId": first, "quantity": 1}]},
    )
    assert stopped.status_code == 400 and "not on sale" in stopped.json()["message"]


def test_postcodes_decide_the_region(market: Market) -> None:
    cases = {"06236": "MAINLAND", "063-100": "MAINLAND", "63100": "JEJU", "40210": "ISLAND"}
    for post_code, region in cases.items():
        placed = market.order({market.items[0]: 1}, receiver={"postCode": post_code})
        assert placed.region == region, post_code
        assert all(b.remoteArea is (region != "MAINLAND") for b in placed.shipmentBoxes)


def test_control_order_reads_and_edits_of_unknown_orders(market: Market, api: RawApi) -> None:
    assert api.http.get("/_sandbox/orders/404404").status_code == 404
    assert api.http.get("/_sandbox/orders/abc").status_code == 404
    moved = api.http.post("/_sandbox/orders/404404/address", json={"receiver": {"addr1": "x"}})
    assert moved.status_code == 404


def test_change_address_body_refusals(market: Market, api: RawApi) -> None:
    placed = market.order()
    url = f"/_sandbox/orders/{placed.orderId}/address"
    not_object = api.http.post(url, json={"receiver": ["서울"]})
    assert not_object.status_code == 400 and _fields(not_object) == {"receiver"}
    for receiver in ({}, {"addr1": ""}, {"addr1": 5}, {"city": "서울"}):
        response = api.http.post(url, json={"receiver": receiver})
        assert response.status_code == 400, receiver
    # The receiver may also be given at the top level.
    top = api.http.post(url, json={"postCode": "63100"})
    assert top.status_code == 200 and top.json()["data"]["region"] == "JEJU"


def test_customer_cancel_of_some_items_at_accept(market: Market) -> None:
    first, second = market.items
    placed = market.visible_order()
    result = market.client.sandbox.orders.request_cancel(placed.orderId, items={second: 1})
    assert [r.receiptType for r in result.receipts] == ["CANCEL"]
    sheet = market.client.orders.get(placed.shipment_box_ids[0])
    counts = {i.vendorItemId: (i.shippingCount, i.cancelCount) for i in sheet.orderItems}
    assert counts == {first: (1, 0), second: (1, 1)}
    assert sheet.status == "ACCEPT"


def test_customer_cancel_refusals(market: Market, api: RawApi) -> None:
    first, second = market.items
    placed = market.visible_order()
    url = f"/_sandbox/orders/{placed.orderId}/cancel-request"
    for items in ([{"vendorItemId": first}], [{"vendorItemId": first, "count": 0}], ["x"]):
        bad = api.http.post(url, json={"reasonCode": "CHANGEMIND", "items": items})
        assert bad.status_code == 400 and _fields(bad) == {"items"}, items
    too_many = api.http.post(
        url, json={"reasonCode": "CHANGEMIND", "items": [{"vendorItemId": second, "count": 5}]}
    )
    assert too_many.status_code == 409 and "nothing cancellable left" in too_many.json()["message"]
    # Nothing changed by the refused request.
    sheet = market.client.orders.get(placed.shipment_box_ids[0])
    assert all(i.cancelCount == 0 for i in sheet.orderItems)
    assert api.http.post(url, json={"reasonCode": "CHANGEMIND"}).status_code == 200
    again = api.http.post(url, json={"reasonCode": "CHANGEMIND"})
    assert again.status_code == 409 and "nothing left to cancel" in again.json()["message"]
    assert (
        api.http.post(
            "/_sandbox/orders/404404/cancel-request", json={"reasonCode": "CHANGEMIND"}
        ).status_code
        == 404
    )


def test_customer_cancel_after_shipping_is_refused(market: Market, api: RawApi) -> None:
    placed = market.instructed()
    box = placed.shipment_box_ids[0]
    assert _only(_upload(api, *_both(box, placed.orderId, market.items, "813345678901")))["succeed"]
    response = api.http.post(
        f"/_sandbox/orders/{placed.orderId}/cancel-request", json={"reasonCode": "CHANGEMIND"}
    )
    assert response.status_code == 409
    assert "is DEPARTURE" in response.json()["message"]
    assert "ask" in response.json()["message"] and "return" in response.json()["message"]


# -- the courier -------------------------------------------------------------------------------


def test_scan_refusals(market: Market, api: RawApi) -> None:
    placed = market.instructed()
    box = placed.shipment_box_ids[0]
    for event in ({}, {"event": "LOST"}):
        response = api.http.post(f"/_sandbox/shipments/{box}/scan", json=event)
        assert response.status_code == 400 and _fields(response) == {"event"}
    unknown = api.http.post("/_sandbox/shipments/123/scan", json={"event": "PICKUP"})
    assert unknown.status_code == 404 and "123 does not exist" in unknown.json()["message"]
    assert market.client.orders.get(box).status == "INSTRUCT"


def test_in_transit_then_delivered_keeps_the_first_transit_time(
    market: Market, api: RawApi
) -> None:
    placed = market.instructed()
    box = placed.shipment_box_ids[0]
    assert _only(_upload(api, *_both(box, placed.orderId, market.items, "913345678901")))["succeed"]
    market.client.sandbox.courier.scan(box, "IN_TRANSIT")
    first_transit = market.client.orders.get(box).inTrasitDateTime
    market.client.sandbox.clock.advance(3600)
    market.client.sandbox.courier.scan(box, "IN_TRANSIT")
    assert market.client.orders.get(box).inTrasitDateTime == first_transit
    market.client.sandbox.courier.scan(box, "DELIVERED")
    sheet = market.client.orders.get(box)
    assert sheet.status == "FINAL_DELIVERY" and sheet.inTrasitDateTime == first_transit
