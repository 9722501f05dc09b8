"""A snapshot round trip leaves every table as it was, row by row (SQLite and PostgreSQL)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from coupang_seller import APIStatusError, Client, NotFoundError
from coupang_seller.types.orders import InvoiceLine
from tests.snapshots.conftest import Shop, every_table

SNAPSHOT_FREE = {"sandbox_generation", "sandbox_throttle"}


def journey(shop: Shop) -> dict[str, Any]:
    """A seller's day: orders in several states, a coupon, an answered inquiry."""
    client, market = shop.client, shop.market
    coupon = shop.coupon()
    accepted = market.visible_order({market.items[0]: 1})
    sent = market.instructed({market.items[1]: 2})
    box = sent.shipment_box_ids[0]
    lines = [
        InvoiceLine(shipmentBoxId=box, orderId=sent.orderId, vendorItemId=market.items[1],
                    deliveryCompanyCode="CJGLS", invoiceNumber="123456789012")
    ]  # fmt: skip
    assert client.orders.upload_invoices(lines).all_succeeded
    client.sandbox.courier.scan(box, "DELIVERED")
    asked = client.sandbox.inquiries.ask(market.items[0], content="재입고 되나요?")
    client.online_inquiries.answer(asked.inquiryId, content="다음 주에 들어옵니다.")
    return {"coupon": coupon, "accepted": accepted.orderId, "sent": sent.orderId}


def test_a_round_trip_leaves_every_table_identical(shop: Shop, app: Starlette) -> None:
    client = shop.client
    done = journey(shop)
    before = every_table(app)
    # the journey touched the tables a snapshot is about (not an empty comparison)
    for name in ("sandbox_orders", "sandbox_coupons", "sandbox_inquiries", "sandbox_products",
                 "sandbox_shipment_boxes", "sandbox_vendors", "sandbox_clock"):  # fmt: skip
        assert before[name], name
    saved = client.sandbox.snapshots.save("after-journey")
    assert saved.name == "after-journey"
    assert saved.clock.now == client.sandbox.clock.get().now
    assert saved.rows == sum(len(v) for k, v in before.items() if k not in SNAPSHOT_FREE)

    # Change everything: more orders, a cancelled coupon... then the clock, a new vendor.
    shop.market.visible_order({shop.market.items[0]: 3})
    client.sandbox.vendors.create("A00099999")
    client.sandbox.clock.advance(86400 * 3)
    assert every_table(app) != before

    restored = client.sandbox.snapshots.restore("after-journey")
    assert restored.name == "after-journey"
    after = every_table(app)
    for name in before:
        if name in SNAPSHOT_FREE:
            continue
        assert after[name] == before[name], f"{name} differs after the restore"
    assert after.keys() == before.keys()
    # The state answers as before: the clock, the orders, the coupon.
    assert client.sandbox.clock.get().now == saved.clock.now
    accepted = client.sandbox.orders.get(done["accepted"]).sheets[0]
    assert client.orders.get(accepted.shipmentBoxId).status == "ACCEPT"
    assert client.coupons.get(done["coupon"]).couponId == done["coupon"]


def test_a_snapshot_survives_a_reset(shop: Shop, app: Starlette) -> None:
    client = shop.client
    journey(shop)
    before = every_table(app)
    client.sandbox.snapshots.save("keep-me")
    client.sandbox.reset()
    assert not every_table(app)["sandbox_orders"]
    assert [s.name for s in client.sandbox.snapshots.list()] == ["keep-me"]
    client.sandbox.snapshots.restore("keep-me")
    after = every_table(app)
    assert {k: v for k, v in after.items() if k not in SNAPSHOT_FREE} == {
        k: v for k, v in before.items() if k not in SNAPSHOT_FREE
    }
    # the vendor's keys work again at once (the signed API reads the restored vendors)
    assert client.orders.by_order_id(every_table(app)["sandbox_orders"][0]["order_id"])


def test_list_replace_and_delete(client: Client) -> None:
    snapshots = client.sandbox.snapshots
    first = snapshots.save("one")
    snapshots.save("two")
    assert [s.name for s in snapshots.list()] == ["one", "two"]
    with pytest.raises(APIStatusError) as taken:
        snapshots.save("one")
    assert taken.value.status_code == 409
    replaced = snapshots.save("one", replace=True)
    assert replaced.createdAt >= first.createdAt
    snapshots.delete("two")
    assert [s.name for s in snapshots.list()] == ["one"]
    with pytest.raises(NotFoundError):
        snapshots.delete("two")
    with pytest.raises(NotFoundError):
        snapshots.restore("two")


async def test_the_async_twin(aclient: Any) -> None:
    saved = await aclient.sandbox.snapshots.save("async")
    assert [s.name for s in await aclient.sandbox.snapshots.list()] == ["async"]
    assert (await aclient.sandbox.snapshots.restore("async")).name == saved.name
    await aclient.sandbox.snapshots.delete("async")
    assert await aclient.sandbox.snapshots.list() == []


def control(app: Starlette) -> httpx.Client:
    from tests.integration.asgi_sync import SyncASGITransport

    return httpx.Client(transport=SyncASGITransport(app), base_url="http://127.0.0.1")


@pytest.mark.parametrize(
    ("name", "rule"),
    [
        ("a/b", "path_characters"),
        ("..", "path_characters"),
        ("up..", "path_characters"),
        ("back\\slash", "path_characters"),
        ("tab\there", "control_characters"),
        ("bell\x07", "control_characters"),
        ("", "length"),
        ("x" * 65, "length"),
        (" padded", "whitespace"),
        (7, "type"),
        (None, "required"),
    ],
)
def test_bad_names_are_refused_naming_the_field_and_rule(
    app: Starlette, name: Any, rule: str
) -> None:
    with control(app) as http:
        body = {} if name is None else {"name": name}
        answer = http.post("/_sandbox/snapshots", json=body)
        assert answer.status_code == 400, answer.text
        assert {"field": "name", "rule": rule} in [
            {"field": e["field"], "rule": e["rule"]} for e in answer.json()["errors"]
        ]
        assert http.get("/_sandbox/snapshots").json()["data"] == {"snapshots": []}


def test_unknown_fields_and_names(app: Starlette) -> None:
    with control(app) as http:
        answer = http.post("/_sandbox/snapshots", json={"name": "ok", "label": "x"})
        assert answer.status_code == 400
        assert answer.json()["errors"][0]["field"] == "label"
        assert answer.json()["errors"][0]["rule"] == "unknown_field"
        answer = http.post("/_sandbox/snapshots", json={"name": "ok", "replace": "yes"})
        assert (answer.status_code, answer.json()["errors"][0]["rule"]) == (400, "type")
        answer = http.post("/_sandbox/snapshots/missing/restore")
        assert answer.status_code == 404
        assert "missing" in answer.json()["message"]
        answer = http.post("/_sandbox/snapshots/a..b/restore")
        assert (answer.status_code, answer.json()["errors"][0]["rule"]) == (400, "path_characters")
        answer = http.post("/_sandbox/snapshots/ok%01/restore")
        assert (answer.status_code, answer.json()["errors"][0]["rule"]) == (
            400,
            "path_control_character",
        )
        answer = http.post("/_sandbox/snapshots/missing/restore", json={"force": True})
        assert (answer.status_code, answer.json()["errors"][0]["rule"]) == (400, "unknown_field")


def test_the_sdk_refuses_a_path_name_before_sending(client: Client) -> None:
    with pytest.raises(ValueError, match="path characters"):
        client.sandbox.snapshots.restore("../etc")
