"""Coupons as transition tables: the asynchronous request, the coupon and its items.

A mutation of the coupon APIs answers at once with a ``requestedId`` and is processed later
(``coupon_request_seconds`` of the sandbox clock, applied lazily when anything reads)::

    REQUESTED ──done──> DONE
        └─────fail────> FAIL

A coupon (``CouponStatus``; instant and downloadable coupons alike)::

    STANDBY ──start (startAt reached)──> APPLIED ──end (endAt reached)──> EXPIRED
       │                                 │  ▲
       │                          pause  ▼  │ resume
       │                               PAUSED ──end / expire──> EXPIRED
       ├──expire──> EXPIRED   (APPLIED ──expire──> EXPIRED as well)
       └──detach──> DETACHED  (every item expired; APPLIED and PAUSED too)

A coupon item (one vendorItem in one coupon): ACTIVE ──expire──> EXPIRED. Its shown status
(``CouponItemStatus``) is its coupon's while ACTIVE, EXPIRED afterwards.
"""

from __future__ import annotations

from typing import Final

from coupang_sandbox.state.machine import TransitionTable

# -- request (requestedId) -----------------------------------------------------------------
REQUESTED: Final = "REQUESTED"
DONE: Final = "DONE"
FAIL: Final = "FAIL"
REQUEST_STATUSES: Final = (REQUESTED, DONE, FAIL)

FINISH: Final = "done"
REFUSE: Final = "fail"

request: TransitionTable[str] = TransitionTable(
    "coupon_request", {(REQUESTED, FINISH): DONE, (REQUESTED, REFUSE): FAIL}
)

#: ``type`` of a request (CouponRequestType, documented).
COUPON_PUBLISH: Final = "COUPON_PUBLISH"
COUPON_EXPIRE: Final = "COUPON_EXPIRE"
COUPON_ITEM_PUBLISH: Final = "COUPON_ITEM_PUBLISH"
COUPON_ITEM_EXPIRE: Final = "COUPON_ITEM_EXPIRE"
REQUEST_TYPES: Final = (COUPON_PUBLISH, COUPON_EXPIRE, COUPON_ITEM_PUBLISH, COUPON_ITEM_EXPIRE)

# -- coupon (CouponStatus) -----------------------------------------------------------------
STANDBY: Final = "STANDBY"
APPLIED: Final = "APPLIED"
PAUSED: Final = "PAUSED"
EXPIRED: Final = "EXPIRED"
DETACHED: Final = "DETACHED"
COUPON_STATUSES: Final = (STANDBY, APPLIED, PAUSED, EXPIRED, DETACHED)
STATUS_NAMES: Final[dict[str, str]] = {
    STANDBY: "대기중",
    APPLIED: "사용중",
    PAUSED: "발행중지",
    EXPIRED: "사용종료",
    DETACHED: "아이템 파기",
}

START: Final = "start"
END: Final = "end"
PAUSE: Final = "pause"
RESUME: Final = "resume"
EXPIRE: Final = "expire"
DETACH: Final = "detach"

_LIVE = (STANDBY, APPLIED, PAUSED)

coupon: TransitionTable[str] = TransitionTable(
    "coupon",
    {
        (STANDBY, START): APPLIED,
        (APPLIED, END): EXPIRED,
        (PAUSED, END): EXPIRED,
        (STANDBY, END): EXPIRED,
        (APPLIED, PAUSE): PAUSED,
        (PAUSED, RESUME): APPLIED,
        **{(s, EXPIRE): EXPIRED for s in _LIVE},
        **{(s, DETACH): DETACHED for s in _LIVE},
    },
)

#: Statuses in which a coupon still takes items and still holds its vendorItems.
OPEN_STATUSES: Final = _LIVE

# -- coupon item ---------------------------------------------------------------------------
ACTIVE: Final = "ACTIVE"
ITEM_EXPIRED: Final = "EXPIRED"

item: TransitionTable[str] = TransitionTable("coupon_item", {(ACTIVE, EXPIRE): ITEM_EXPIRED})


def item_status(item_state: str, coupon_status: str) -> str:
    """The ``CouponItemStatus`` shown for an item (DETACHED coupons show EXPIRED items)."""
    if item_state != ACTIVE or coupon_status == DETACHED:
        return EXPIRED
    return coupon_status
