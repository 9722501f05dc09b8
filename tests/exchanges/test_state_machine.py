"""The exchange transition table, cell by cell: every (state, event) pair not listed is refused,
naming the machine, the state and the event; refusal texts name the allowed states."""

from __future__ import annotations

import pytest

from coupang_sandbox.errors import TransitionNotAllowed
from coupang_sandbox.state import exchanges as st

EXPECTED: dict[tuple[str, str], str] = {
    (st.RECEIPT, st.CONFIRM_RECEIPT): st.PROGRESS,
    (st.PROGRESS, st.UPLOAD_INVOICE): st.SUCCESS,
    (st.RECEIPT, st.REJECT_EXCHANGE): st.REJECT,
    (st.PROGRESS, st.REJECT_EXCHANGE): st.REJECT,
    (st.RECEIPT, st.WITHDRAW): st.CANCEL,
}


@pytest.mark.parametrize("state", st.STATUSES)
@pytest.mark.parametrize("event", st.EVENTS)
def test_transition_table(state: str, event: str) -> None:
    expected = EXPECTED.get((state, event))
    if expected is None:
        assert not st.exchange.can(state, event)
        with pytest.raises(TransitionNotAllowed) as caught:
            st.exchange.apply(state, event)
        assert caught.value.state == state and caught.value.event == event
        assert "exchange" in caught.value.message
        text = st.refusal(1, state, event)
        assert state in text and all(s in text for s in st.allowed_states(event))
    else:
        assert st.exchange.apply(state, event) == expected


def test_table_has_no_cell_beyond_the_expected_ones() -> None:
    assert st.exchange.states == frozenset(st.STATUSES)
    for state in st.STATUSES:
        assert st.exchange.events(state) == {e for (s, e) in EXPECTED if s == state}


def test_collect_table() -> None:
    assert st.collect.apply(st.BEFORE_DIRECTION, st.PICKUP) == st.COLLECTING
    assert st.collect.apply(st.COLLECTING, st.ARRIVED) == st.COMPLETE_COLLECT
    for s in (st.BEFORE_DIRECTION, st.COLLECTING, st.COMPLETE_COLLECT):
        assert st.collect.apply(s, st.RECEIVED) == st.COMPLETE_COLLECT
    assert not st.collect.can(st.COLLECT_WITHDRAW, st.RECEIVED)
    assert not st.collect.can(st.BEFORE_DIRECTION, st.ARRIVED)
