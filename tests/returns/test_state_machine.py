"""The return-receipt transition table, cell by cell: every (state, event) pair not listed is
refused, naming the machine, the state and the event; refusals name the allowed states."""

from __future__ import annotations

import pytest

from coupang_sandbox.errors import TransitionNotAllowed
from coupang_sandbox.state import returns as st

EXPECTED: dict[tuple[str, str], str] = {
    (st.RELEASE_STOP_UNCHECKED, st.ALREADY_SHIPPED): st.RETURNS_UNCHECKED,
    (st.RELEASE_STOP_UNCHECKED, st.STOP_SHIPMENT): st.RETURNS_COMPLETED,
    (st.RELEASE_STOP_UNCHECKED, st.WITHDRAW): st.WITHDRAWN,
    (st.RETURNS_UNCHECKED, st.PICKUP): st.RETURNS_UNCHECKED,
    (st.RETURNS_UNCHECKED, st.QUICK_REFUND): st.RETURNS_COMPLETED,
    (st.RETURNS_UNCHECKED, st.RECEIVE_CONFIRMATION): st.VENDOR_WAREHOUSE_CONFIRM,
    (st.RETURNS_UNCHECKED, st.RECEIVE_AND_REFUND): st.RETURNS_COMPLETED,
    (st.RETURNS_UNCHECKED, st.APPROVE): st.RETURNS_COMPLETED,
    (st.RETURNS_UNCHECKED, st.WITHDRAW): st.WITHDRAWN,
    (st.VENDOR_WAREHOUSE_CONFIRM, st.APPROVE): st.RETURNS_COMPLETED,
    (st.VENDOR_WAREHOUSE_CONFIRM, st.REQUEST_COUPANG_CHECK_EVENT): st.REQUEST_COUPANG_CHECK,
    (st.RETURNS_COMPLETED, st.REQUEST_COUPANG_CHECK_EVENT): st.REQUEST_COUPANG_CHECK,
    (st.REQUEST_COUPANG_CHECK, st.COUPANG_CHECKED): st.RETURNS_COMPLETED,
}
EVENTS = (
    st.ALREADY_SHIPPED, st.STOP_SHIPMENT, st.WITHDRAW, st.PICKUP, st.QUICK_REFUND,
    st.RECEIVE_CONFIRMATION, st.RECEIVE_AND_REFUND, st.APPROVE,
    st.REQUEST_COUPANG_CHECK_EVENT, st.COUPANG_CHECKED,
)  # fmt: skip


@pytest.mark.parametrize("state", st.ORDER)
@pytest.mark.parametrize("event", EVENTS)
def test_transition_table(state: str, event: str) -> None:
    expected = EXPECTED.get((state, event))
    if expected is None:
        assert not st.return_receipt.can(state, event)
        with pytest.raises(TransitionNotAllowed) as caught:
            st.return_receipt.apply(state, event)
        assert caught.value.state == state and caught.value.event == event
        assert "return_receipt" in caught.value.message
        message = st.refusal(1, state, event)
        assert state in message and all(s in message for s in st.allowed_states(event))
    else:
        assert st.return_receipt.apply(state, event) == expected


def test_table_has_no_cell_beyond_the_expected_ones() -> None:
    assert st.return_receipt.states == frozenset(st.ORDER)
    for state in st.ORDER:
        assert st.return_receipt.events(state) == {e for (s, e) in EXPECTED if s == state}


def test_withdrawn_is_final_and_status_filters_cover_the_documented_codes() -> None:
    assert st.return_receipt.events(st.WITHDRAWN) == frozenset()
    assert set(st.STATUS_FILTERS) == {"RU", "UC", "CC", "PR"}
    assert st.RELEASE_STOP_UNCHECKED in st.STATUS_FILTERS["UC"]  # RU also listed under UC
    assert all(st.WITHDRAWN not in shown for shown in st.STATUS_FILTERS.values())
