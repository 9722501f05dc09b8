"""The cashback transition table, cell by cell: every (state, event) pair not listed is refused
naming the machine, the state and the event."""

from __future__ import annotations

import pytest

from coupang_sandbox.errors import TransitionNotAllowed
from coupang_sandbox.state import cashback as st

EXPECTED: dict[tuple[str, str], str] = {
    (st.NONE, st.APPLY): st.ENABLED,
    (st.ENABLED, st.APPLY): st.ENABLED,
    (st.DISABLED, st.APPLY): st.ENABLED,
    (st.ENABLED, st.REMOVE): st.DISABLED,
}


@pytest.mark.parametrize("state", st.STATES)
@pytest.mark.parametrize("event", st.EVENTS)
def test_transition_table(state: str, event: str) -> None:
    expected = EXPECTED.get((state, event))
    if expected is None:
        assert not st.cashback.can(state, event)
        with pytest.raises(TransitionNotAllowed) as caught:
            st.cashback.apply(state, event)
        assert (caught.value.state, caught.value.event) == (state, event)
        assert "cashback" in caught.value.message
    else:
        assert st.cashback.apply(state, event) == expected


def test_state_of_a_row() -> None:
    assert [st.state_of(None), st.state_of(False), st.state_of(True)] == [
        st.NONE, st.ENABLED, st.DISABLED,
    ]  # fmt: skip
    assert st.cashback.states == set(st.STATES)
