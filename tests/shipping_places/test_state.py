"""The pure transition-table helper and the shipping-place machines."""

from __future__ import annotations

import pytest

from coupang_sandbox.errors import TransitionNotAllowed
from coupang_sandbox.state import TransitionTable
from coupang_sandbox.state.shipping_places import remote_info, shipping_place, usable_event


def test_shipping_place_transitions() -> None:
    assert shipping_place.apply(True, "disable") is False
    assert shipping_place.apply(False, "enable") is True
    with pytest.raises(TransitionNotAllowed) as caught:
        shipping_place.apply(True, "enable")
    assert "enable" in caught.value.message and "True" in caught.value.message
    assert caught.value.status == 400
    assert shipping_place.events(True) == {"disable"}
    assert shipping_place.states == {True, False}


def test_remote_info_transitions() -> None:
    assert remote_info.apply(True, "update") is True
    assert not remote_info.can(False, "update")
    with pytest.raises(TransitionNotAllowed):
        remote_info.apply(False, "update")


def test_usable_event() -> None:
    assert usable_event(True, True) is None
    assert usable_event(True, False) == "disable"
    assert usable_event(False, True) == "enable"


def test_generic_table() -> None:
    order = TransitionTable("order", {("NEW", "pay"): "PAID", ("PAID", "ship"): "SHIPPED"})
    assert order.apply("NEW", "pay") == "PAID"
    with pytest.raises(TransitionNotAllowed, match="'ship' is not allowed in state 'NEW'"):
        order.apply("NEW", "ship")
