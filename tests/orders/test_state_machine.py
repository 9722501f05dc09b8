"""The shipment-box transition table, cell by cell: every (state, event) pair not listed is
refused, naming the machine, the state and the event."""

from __future__ import annotations

import pytest

from coupang_sandbox.errors import TransitionNotAllowed
from coupang_sandbox.state import orders as st

EXPECTED: dict[tuple[str, str], str] = {
    (st.ACCEPT, st.ACKNOWLEDGE): st.INSTRUCT,
    (st.ACCEPT, st.CANCEL_ORDER): st.CANCEL,
    (st.INSTRUCT, st.UPLOAD_INVOICE): st.DEPARTURE,
    (st.INSTRUCT, st.UPLOAD_INVOICE_DIRECT): st.NONE_TRACKING,
    (st.INSTRUCT, st.STOP_SHIPMENT): st.CANCEL,
    (st.INSTRUCT, st.ALREADY_SHIPPED): st.DEPARTURE,
    (st.INSTRUCT, st.ALREADY_SHIPPED_DIRECT): st.NONE_TRACKING,
    (st.DEPARTURE, st.PICKUP): st.DELIVERING,
    (st.DEPARTURE, st.IN_TRANSIT): st.DELIVERING,
    (st.DEPARTURE, st.DELIVERED): st.FINAL_DELIVERY,
    (st.DELIVERING, st.PICKUP): st.DELIVERING,
    (st.DELIVERING, st.IN_TRANSIT): st.DELIVERING,
    (st.DELIVERING, st.DELIVERED): st.FINAL_DELIVERY,
    (st.DELIVERING, st.COMPLETE_LONG_UNDELIVERED): st.FINAL_DELIVERY,
    (st.NONE_TRACKING, st.COMPLETE_LONG_UNDELIVERED): st.FINAL_DELIVERY,
    **{
        (s, st.UPDATE_INVOICE): st.DEPARTURE
        for s in (st.DEPARTURE, st.DELIVERING, st.FINAL_DELIVERY, st.NONE_TRACKING)
    },
    **{
        (s, st.UPDATE_INVOICE_DIRECT): st.NONE_TRACKING
        for s in (st.DEPARTURE, st.DELIVERING, st.FINAL_DELIVERY, st.NONE_TRACKING)
    },
}
STATES = (*st.LISTABLE, st.CANCEL)
EVENTS = (
    st.ACKNOWLEDGE, st.UPLOAD_INVOICE, st.UPLOAD_INVOICE_DIRECT, st.UPDATE_INVOICE,
    st.UPDATE_INVOICE_DIRECT, st.PICKUP, st.IN_TRANSIT, st.DELIVERED,
    st.COMPLETE_LONG_UNDELIVERED, st.CANCEL_ORDER, st.STOP_SHIPMENT, st.ALREADY_SHIPPED,
    st.ALREADY_SHIPPED_DIRECT,
)  # fmt: skip


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("event", EVENTS)
def test_transition_table(state: str, event: str) -> None:
    expected = EXPECTED.get((state, event))
    if expected is None:
        assert not st.shipment_box.can(state, event)
        with pytest.raises(TransitionNotAllowed) as caught:
            st.shipment_box.apply(state, event)
        assert caught.value.state == state and caught.value.event == event
        assert "shipment_box" in caught.value.message
    else:
        assert st.shipment_box.apply(state, event) == expected


def test_table_has_no_cell_beyond_the_expected_ones() -> None:
    assert st.shipment_box.states == frozenset(STATES)
    for state in STATES:
        assert st.shipment_box.events(state) == {e for (s, e) in EXPECTED if s == state}


def test_long_undelivered_is_refused_at_instruct_and_departure() -> None:
    allowed = st.allowed_states(st.COMPLETE_LONG_UNDELIVERED)
    assert st.INSTRUCT not in allowed and st.DEPARTURE not in allowed
    assert allowed == [st.DELIVERING, st.NONE_TRACKING]
