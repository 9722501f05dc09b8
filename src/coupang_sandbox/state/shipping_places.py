"""States of shipping places (출고지/반품지) and of a place's remote-area courier entries.

The only state is ``usable``: ``True`` (in use) or ``False`` (disabled).
"""

from __future__ import annotations

from coupang_sandbox.state.machine import TransitionTable

#: An outbound shipping place or a return center.
shipping_place: TransitionTable[bool] = TransitionTable(
    "shipping_place",
    {
        (True, "disable"): False,
        (False, "enable"): True,
    },
)

#: One ``remoteInfos`` entry of an outbound place; ``usable: false`` deletes (disables) it and
#: a disabled entry can only be re-enabled, not edited.
remote_info: TransitionTable[bool] = TransitionTable(
    "remote_info",
    {
        (True, "update"): True,
        (True, "disable"): False,
        (False, "disable"): False,
        (False, "enable"): True,
    },
)


def usable_event(current: bool, wanted: bool) -> str | None:
    """The event that moves ``current`` to ``wanted`` (``None`` when nothing changes)."""
    if current == wanted:
        return None
    return "enable" if wanted else "disable"
