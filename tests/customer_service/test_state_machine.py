"""The inquiry state tables (pure) and the shared status rules, against the documented codes."""

from __future__ import annotations

import pytest

from coupang_sandbox.errors import TransitionNotAllowed
from coupang_sandbox.state import customer_service as st
from coupang_seller.preflight import customer_service as rules
from tests.customer_service.conftest import sample

EVENTS = (st.ANSWER_EVENT, st.CONFIRM_EVENT)


def test_online_table() -> None:
    assert st.online.states == {"NOANSWER", "ANSWERED"}
    assert st.online.apply("NOANSWER", "answer") == "ANSWERED"
    for state in st.ONLINE_STATES:
        for event in EVENTS:
            if (state, event) != ("NOANSWER", "answer"):
                assert not st.online.can(state, event)
                with pytest.raises(TransitionNotAllowed):
                    st.online.apply(state, event)


def test_call_center_table() -> None:
    allowed = {("NO_ANSWER", "answer"): "ANSWER", ("TRANSFER", "confirm"): "ANSWER"}
    assert st.call_center.states == {"NO_ANSWER", "TRANSFER", "ANSWER"}
    for state in st.CALL_CENTER_STATES:
        for event in EVENTS:
            if (state, event) in allowed:
                assert st.call_center.apply(state, event) == allowed[(state, event)]
            else:
                with pytest.raises(TransitionNotAllowed):
                    st.call_center.apply(state, event)
    assert st.table(st.ONLINE) is st.online and st.table(st.CALL_CENTER) is st.call_center


def test_tables_agree_with_the_shared_rules() -> None:
    """The sandbox's tables and the rules the SDK shares refuse exactly the same moves."""
    for state in st.ONLINE_STATES:
        assert (rules.check_answer_online(state) == []) == st.online.can(state, "answer")
    for state in st.CALL_CENTER_STATES:
        assert (rules.check_answer_call_center(state) == []) == st.call_center.can(state, "answer")
        assert (rules.check_confirm(state) == []) == st.call_center.can(state, "confirm")
    assert rules.check_answer_call_center("TRANSFER")[0].rule == "transfer_needs_confirm"
    assert rules.check_answer_call_center("ANSWER")[0].rule == "already_answered"
    assert rules.check_answer_online("ANSWERED")[0].rule == "already_answered"
    assert rules.check_confirm("NO_ANSWER")[0].rule == "confirm_only_transfer"


@pytest.mark.parametrize(
    ("state", "confirmed", "wire"),
    [
        ("NO_ANSWER", False, ("progress", "requestAnswer")),
        ("TRANSFER", False, ("complete", "requestAnswer")),
        ("ANSWER", False, ("progress", "answered")),
        ("ANSWER", True, ("complete", "answered")),
    ],
)
def test_wire_fields_round_trip(state: str, confirmed: bool, wire: tuple[str, str]) -> None:
    assert st.call_center_wire(state, confirmed) == wire
    assert rules.call_center_status(*wire) == state


def test_filters_cover_the_documented_codes() -> None:
    codes = sample("codes")
    assert set(st.COUNSELING_FILTER) == set(codes["CallCenterPartnerCounselingStatus"])
    assert set(st.ANSWERED_FILTER) == set(codes["OnlineInquiryAnsweredType"])
    assert list(rules.COUNSELING_STATUSES) == codes["CallCenterPartnerCounselingStatus"]
    assert list(rules.ANSWERED_TYPES) == codes["OnlineInquiryAnsweredType"]
    assert set(st.COUNSELING_FILTER["NONE"]) == set(st.CALL_CENTER_STATES)
    assert set(st.ANSWERED_FILTER["ALL"]) == set(st.ONLINE_STATES)
    wire_statuses = {st.call_center_wire(s, c)[0] for s in st.CALL_CENTER_STATES for c in (0, 1)}
    assert wire_statuses == set(codes["CallCenterInquiryStatus"])
    counseling = {st.call_center_wire(s, c)[1] for s in st.CALL_CENTER_STATES for c in (0, 1)}
    assert counseling == set(codes["CallCenterPartnerTransferStatus"])
