"""Gaps closed in the returns emulation, over real HTTP (SQLite and PostgreSQL fixtures):
stop-shipments (the seller's cancel at INSTRUCT, the customer's cancel request at INSTRUCT)
in the return lists, and completed returns / stop-shipments on the order sheet's items."""

from __future__ import annotations

from datetime import date

import pytest

from coupang_seller._exceptions import APIStatusError
from tests.returns.conftest import Market, request_return, shipped

TODAY = date(2025, 7, 15)


def _ids(market: Market, status: str) -> list[int]:
    return [r.receiptId for r in market.client.returns.iter(TODAY, TODAY, status=status)]


def test_stop_shipments_are_listed_as_returns(market: Market) -> None:
    client = market.client
    first, second = market.items
    # The seller cancels at INSTRUCT: a stop-shipment completed at once (출고정지완료).
    mine = market.instructed({first: 1, second: 2})
    result = client.orders.cancel(mine.orderId, {first: 1})
    assert result.code == "SUCCESS" and result.receiptMap is not None
    stop_id = result.receiptMap.receiptId
    assert stop_id is not None
    assert result.receiptMap.receiptType == "STOP_SHIPMENT"
    # The customer cancels at INSTRUCT: a stop-shipment request (RU, also under UC).
    theirs = market.instructed({first: 1})
    asked = client.sandbox.orders.request_cancel(theirs.orderId)
    request_id = int(asked.receipts[0].receiptId)
    assert _ids(market, "RU") == [request_id]
    assert _ids(market, "UC") == [request_id]
    assert _ids(market, "CC") == [stop_id]
    stop = client.returns.get(stop_id).model_dump()
    assert stop["receiptType"] == "RETURN" and stop["receiptStatus"] == "RETURNS_COMPLETED"
    assert stop["releaseStopStatus"] == "처리(출고중지)" and stop["cancelCountSum"] == 1
    assert stop["faultByType"] == "VENDOR" and stop["orderId"] == mine.orderId
    request = client.returns.get(request_id).model_dump()
    assert request["receiptStatus"] == "RELEASE_STOP_UNCHECKED"
    assert request["releaseStopStatus"] == "미처리" and request["receiptType"] == "RETURN"
    # Nothing to act on for the completed stop-shipment.
    with pytest.raises(APIStatusError):
        client.returns.approve(stop_id, cancel_count=1)
    # The seller answers the request: not sent, the request completes.
    client.orders.stop_shipment(request_id, cancel_count=1)
    assert _ids(market, "RU") == [] and sorted(_ids(market, "CC")) == sorted([stop_id, request_id])


def test_completed_returns_and_stops_show_on_the_order_sheet(market: Market) -> None:
    client = market.client
    first, second = market.items
    # A completed return (quick refund at the pickup scan).
    placed = shipped(market, {first: 1, second: 2})
    receipt_id = request_return(market, placed, {second: 2})
    box_id = placed.shipment_box_ids[0]
    before = {i.vendorItemId: i.cancelCount for i in client.orders.get(box_id).orderItems}
    assert before == {first: 0, second: 0}
    assert client.sandbox.courier.pick_up_return(receipt_id).receiptStatus == "RETURNS_COMPLETED"
    after = {i.vendorItemId: i for i in client.orders.get(box_id).orderItems}
    assert after[second].cancelCount == 2 and after[first].cancelCount == 0
    assert after[second].model_dump()["canceled"] is True
    # Nothing is left to return for that item.
    with pytest.raises(APIStatusError):
        client.sandbox.returns.request(placed.orderId, {second: 1}, reason_code="CHANGEMIND")
    # A completed stop-shipment request.
    held = market.instructed({first: 2})
    asked = client.sandbox.orders.request_cancel(held.orderId, items={first: 1})
    request_id = int(asked.receipts[0].receiptId)
    held_box = held.shipment_box_ids[0]
    item = client.orders.get(held_box).orderItems[0]
    assert item.cancelCount == 0 and item.holdCountForCancel == 1
    client.orders.stop_shipment(request_id, cancel_count=1)
    item = client.orders.get(held_box).orderItems[0]
    assert item.cancelCount == 1 and item.holdCountForCancel == 0
