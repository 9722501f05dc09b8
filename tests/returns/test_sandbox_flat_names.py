"""The flat ``client.sandbox`` names of earlier releases: each one warns (``DeprecationWarning``
naming the grouped call) and still works, sync and async, over the sandbox's real HTTP path.
"""

from __future__ import annotations

import inspect
import re
from typing import Any

import pytest

from coupang_seller import AsyncClient, Client
from coupang_seller.resources.sandbox import MOVED
from coupang_seller.types.sandbox import SandboxClock, SandboxVendor
from tests.returns.conftest import Market, shipped

SYNC = Client("ak", "sk", "A00000001", base_url="http://127.0.0.1:9")
ASYNC = AsyncClient("ak", "sk", "A00000001", base_url="http://127.0.0.1:9")


def _warning(old: str, new: str) -> Any:
    return pytest.warns(
        DeprecationWarning,
        match=re.escape(f"client.sandbox.{old} is deprecated") + ".*"
        + re.escape(f"use client.sandbox.{new}"),
    )  # fmt: skip


def _old(sandbox: Any, name: str) -> Any:
    """``sandbox.<name>``, asserting the warning names the grouped helper."""
    group, helper = MOVED[name]
    with _warning(f"{name}()", f"{group}.{helper}()"):
        return getattr(sandbox, name)


def test_every_flat_name_warns_and_runs_its_grouped_helper() -> None:
    # Built, never used to send: the alias is checked to be the grouped helper itself.
    for client in (SYNC, ASYNC):
        sandbox = client.sandbox
        for name, (group, helper) in MOVED.items():
            alias = _old(sandbox, name)
            target = getattr(getattr(sandbox, group), helper)
            if name == "pause_coupon":  # pause_coupon(resume=True) is coupons.resume
                assert alias.__qualname__.endswith("move")
            else:
                assert getattr(alias, "__wrapped__", alias) == target, name
    with pytest.raises(AttributeError, match="advance_clocks"):
        SYNC.sandbox.advance_clocks  # noqa: B018


def test_the_flat_journey_still_works(market: Market) -> None:
    sandbox = market.client.sandbox
    first, second = market.items
    with _warning("clock()", "clock.get()"):
        assert isinstance(sandbox.clock(), SandboxClock)
    assert isinstance(_old(sandbox, "advance_clock")(1), SandboxClock)
    assert isinstance(_old(sandbox, "create_vendor")(), SandboxVendor)
    # The names that answered a dict still answer the same dict.
    placed = _old(sandbox, "place_order")({first: 1})
    view = _old(sandbox, "order")(placed.orderId)
    assert view["orderId"] == placed.orderId and view["sheets"][0]["status"] == "ACCEPT"
    moved = _old(sandbox, "change_address")(placed.orderId, postCode="63000")
    assert moved == {"orderId": placed.orderId, "receiver": moved["receiver"], "region": "JEJU"}
    cancel = _old(sandbox, "request_cancel")(placed.orderId)
    assert cancel["receipts"][0]["receiptType"] == "CANCEL"
    gone = shipped(market, {first: 1, second: 1})
    box = gone.shipment_box_ids[0]
    assert _old(sandbox, "scan")(box, "DELIVERED") == {
        "shipmentBoxId": box,
        "status": "FINAL_DELIVERY",
    }
    asked = _old(sandbox, "request_return")(gone.orderId, {first: 1})
    receipt = asked["receipts"][0]["receiptId"]
    assert _old(sandbox, "return_view")(receipt)["receiptStatus"] == "RETURNS_UNCHECKED"
    withdrawn = _old(sandbox, "withdraw_return")(receipt)
    assert withdrawn["receiptStatus"] == "WITHDRAWN" and "withdrawnAt" in withdrawn
    again = _old(sandbox, "request_return")(gone.orderId, {first: 1})["receipts"][0]["receiptId"]
    assert _old(sandbox, "scan_return_pickup")(again)["receiptId"] == again
    exchange = _old(sandbox, "request_exchange")(gone.orderId, second)
    assert _old(sandbox, "exchange")(exchange.exchangeId).exchangeId == exchange.exchangeId
    scan = _old(sandbox, "scan_exchange_pickup")(exchange.exchangeId, "PICKUP")
    assert scan["exchangeId"] == exchange.exchangeId


async def test_the_async_flat_names_still_work(market: Market, aclient: AsyncClient) -> None:
    sandbox = aclient.sandbox
    with _warning("clock()", "clock.get()"):
        now = await sandbox.clock()
    assert (await _old(sandbox, "advance_clock")(60)).now > now.now
    placed = await _old(sandbox, "place_order")({market.items[0]: 1})
    assert (await _old(sandbox, "order")(placed.orderId))["orderId"] == placed.orderId


def test_no_grouped_helper_answers_a_plain_dict() -> None:
    groups = [getattr(SYNC.sandbox, name) for name in {group for group, _ in MOVED.values()}]
    groups += [getattr(ASYNC.sandbox, name) for name in {group for group, _ in MOVED.values()}]
    for group in groups:
        for name in dir(type(group)):
            method = getattr(type(group), name)
            if not name.startswith("_") and inspect.isfunction(method):
                returns = str(inspect.signature(method).return_annotation)
                assert "dict[" not in returns and returns != "Any", (type(group), name)
