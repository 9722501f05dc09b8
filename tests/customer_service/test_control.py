"""The control API that plays the customer and Coupang's call center, over HTTP (SDK mirrors
and raw control calls): what it creates and what it refuses."""

from __future__ import annotations

import pytest

from coupang_seller import Client
from coupang_seller._exceptions import APIStatusError, NotFoundError
from tests.customer_service.conftest import OTHER, VID, Market, RawApi, placed_order, refused


def test_product_question_carries_the_product(market: Market) -> None:
    sandbox = market.client.sandbox
    asked = sandbox.inquiries.ask(market.items[1], content="재입고 언제?", buyer="kim")
    assert asked.vendorItemId == market.items[1]
    assert asked.productId is not None and asked.commentDtoList == []
    assert asked.inquiryAt == "2025-07-15 14:00:00"  # the frozen sandbox clock, in KST
    view = sandbox.inquiries.get(asked.inquiryId, kind="online")
    assert view.sellerProductId == market.product_id
    assert view.status == "NOANSWER" and view.vendorId == VID
    assert view.buyerEmail == "" and view.orderIds is None


def test_product_question_with_order(market: Market) -> None:
    order = placed_order(market)
    asked = market.client.sandbox.inquiries.ask(
        market.items[0], content="언제 와요?", order_id=order
    )
    assert asked.orderIds == [order]


def test_call_center_inquiry_on_order_and_on_item(market: Market) -> None:
    sandbox = market.client.sandbox
    order = placed_order(market)
    whole = sandbox.inquiries.open_call_center(content="배송 문의", order_id=order)
    assert whole.vendor_item_ids == market.items and whole.orderId == order
    assert whole.status == "NO_ANSWER" and whole.needs_answer
    assert whole.orderDate is not None and whole.buyerEmail == ""
    one = sandbox.inquiries.open_call_center(
        content="한 품목", order_id=order, vendor_item_id=market.items[1]
    )
    assert one.vendor_item_ids == [market.items[1]]
    item = sandbox.inquiries.open_call_center(content="상품", vendor_item_id=market.items[0])
    assert item.orderId is None and item.orderDate is None
    transfer = sandbox.inquiries.open_call_center(content="이관", order_id=order, transfer=True)
    assert transfer.status == "TRANSFER" and transfer.needs_confirmation
    assert transfer.inquiryStatus == "complete"
    assert transfer.replies[0].answerType == "csAgent" and transfer.replies[0].needAnswer is False
    view = sandbox.inquiries.get(transfer.inquiryId, kind="call-center")
    assert view.status == "TRANSFER"


def test_unknown_and_foreign_items_and_orders_refused(market: Market, other_client: Client) -> None:
    sandbox = market.client.sandbox
    order = placed_order(market)
    with pytest.raises(NotFoundError):
        sandbox.inquiries.ask(999_999, content="q")
    with pytest.raises(NotFoundError):
        sandbox.inquiries.open_call_center(content="q", order_id=999_999)
    # the other vendor asks about this vendor's item and order (its vendorId is sent)
    with pytest.raises(NotFoundError, match="not an item of vendor"):
        other_client.sandbox.inquiries.ask(market.items[0], content="q")
    with pytest.raises(NotFoundError, match="not an order of vendor"):
        other_client.sandbox.inquiries.open_call_center(content="q", order_id=order)
    with pytest.raises(NotFoundError, match="not an item of vendor"):
        other_client.sandbox.inquiries.open_call_center(content="q", vendor_item_id=market.items[0])


def test_control_refusals(market: Market, api: RawApi) -> None:
    order = placed_order(market)
    post = api.http.post
    refused(post("/_sandbox/inquiries/online", json={"content": "q"}), "vendorItemId", "required")
    refused(
        post("/_sandbox/inquiries/online", json={"vendorItemId": "x", "content": "q"}),
        "vendorItemId", "type",
    )  # fmt: skip
    refused(
        post("/_sandbox/inquiries/online", json={"vendorItemId": market.items[0]}),
        "content", "required",
    )  # fmt: skip
    refused(
        post("/_sandbox/inquiries/online",
             json={"vendorItemId": market.items[0], "content": "q", "buyer": "a\u0000"}),
        "buyer", "json_text",
    )  # fmt: skip
    refused(post("/_sandbox/inquiries/call-center", json={"content": "q"}), "orderId", "required")
    refused(
        post("/_sandbox/inquiries/call-center",
             json={"orderId": order, "content": "q", "transfer": "maybe"}),
        "transfer", "type",
    )  # fmt: skip
    other_order = placed_order(market)
    first_only = market.client.sandbox.orders.place({market.items[0]: 1})
    refused(
        post("/_sandbox/inquiries/call-center",
             json={"orderId": first_only.orderId, "vendorItemId": market.items[1],
                   "content": "q"}),
        "vendorItemId", "not_in_order",
    )  # fmt: skip
    refused(
        post("/_sandbox/inquiries/online",
             json={"vendorItemId": market.items[1], "orderId": first_only.orderId,
                   "content": "q"}),
        "orderId", "not_in_order",
    )  # fmt: skip
    assert other_order
    response = post(
        "/_sandbox/inquiries/online",
        json={"vendorItemId": market.items[0], "content": "q", "vendorId": OTHER[0]},
    )
    assert response.status_code == 404
    assert api.http.get("/_sandbox/inquiries/phone/1").status_code == 404
    assert api.http.get("/_sandbox/inquiries/online/1").status_code == 404


def test_view_of_unknown_kind_through_sdk(market: Market) -> None:
    with pytest.raises(APIStatusError):
        market.client.sandbox.inquiries.get(1, kind="online")
