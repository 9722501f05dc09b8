"""The coupon transition tables, row by row, and what they refuse."""

from __future__ import annotations

import pytest

from coupang_sandbox.errors import TransitionNotAllowed
from coupang_sandbox.state import coupons as st


@pytest.mark.parametrize(
    ("state", "event", "after"),
    [
        (st.REQUESTED, st.FINISH, st.DONE),
        (st.REQUESTED, st.REFUSE, st.FAIL),
    ],
)
def test_request_table(state: str, event: str, after: str) -> None:
    assert st.request.apply(state, event) == after


@pytest.mark.parametrize("state", [st.DONE, st.FAIL])
def test_finished_requests_stay(state: str) -> None:
    for event in (st.FINISH, st.REFUSE):
        with pytest.raises(TransitionNotAllowed):
            st.request.apply(state, event)


@pytest.mark.parametrize(
    ("state", "event", "after"),
    [
        (st.STANDBY, st.START, st.APPLIED),
        (st.APPLIED, st.END, st.EXPIRED),
        (st.STANDBY, st.END, st.EXPIRED),
        (st.APPLIED, st.PAUSE, st.PAUSED),
        (st.PAUSED, st.RESUME, st.APPLIED),
        (st.PAUSED, st.END, st.EXPIRED),
        (st.STANDBY, st.EXPIRE, st.EXPIRED),
        (st.APPLIED, st.EXPIRE, st.EXPIRED),
        (st.PAUSED, st.EXPIRE, st.EXPIRED),
        (st.APPLIED, st.DETACH, st.DETACHED),
    ],
)
def test_coupon_table(state: str, event: str, after: str) -> None:
    assert st.coupon.apply(state, event) == after


@pytest.mark.parametrize(
    ("state", "event"),
    [
        (st.EXPIRED, st.EXPIRE),
        (st.EXPIRED, st.START),
        (st.DETACHED, st.RESUME),
        (st.STANDBY, st.PAUSE),
        (st.APPLIED, st.START),
    ],
)
def test_coupon_refusals(state: str, event: str) -> None:
    with pytest.raises(TransitionNotAllowed):
        st.coupon.apply(state, event)


def test_status_names_are_the_documented_codes() -> None:
    assert set(st.coupon.states) == set(st.COUPON_STATUSES)
    assert st.item.apply(st.ACTIVE, st.EXPIRE) == st.ITEM_EXPIRED
    with pytest.raises(TransitionNotAllowed):
        st.item.apply(st.ITEM_EXPIRED, st.EXPIRE)
    assert st.item_status(st.ACTIVE, st.APPLIED) == "APPLIED"
    assert st.item_status(st.ACTIVE, st.DETACHED) == "EXPIRED"
    assert st.item_status(st.ITEM_EXPIRED, st.APPLIED) == "EXPIRED"


def test_pause_and_resume_over_http(market: object) -> None:
    from tests.coupons.conftest import TO_START, open_coupon_shop

    shop = open_coupon_shop(market)  # type: ignore[arg-type]
    coupon_id = shop.coupon()
    shop.client.sandbox.clock.advance(TO_START)
    assert shop.client.sandbox.coupons.pause(coupon_id).status == "PAUSED"
    assert shop.client.coupons.get(coupon_id).status == "PAUSED"
    assert shop.client.sandbox.coupons.resume(coupon_id).status == "APPLIED"
