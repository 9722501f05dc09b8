"""The state of a cashback rule on one option (``ruleId`` x ``vendorItemId``), as a table.

::

    (none) ──apply──> ENABLED ──remove──> DISABLED
                       │  ^                  │
                       └──┘ apply            └──apply──> ENABLED
                     (new terms)          (applied again)

Applying the rule again replaces its terms (value, cap, period) and enables it; removing it
disables it for the option (the lookup then shows ``disabled: true`` and ``disabledAt``). A
second removal is refused.
"""

from __future__ import annotations

from typing import Final

from coupang_sandbox.state.machine import TransitionTable

NONE: Final = "NONE"
ENABLED: Final = "ENABLED"
DISABLED: Final = "DISABLED"
STATES: Final = (NONE, ENABLED, DISABLED)

APPLY: Final = "apply"
REMOVE: Final = "remove"
EVENTS: Final = (APPLY, REMOVE)

cashback: TransitionTable[str] = TransitionTable(
    "cashback",
    {
        (NONE, APPLY): ENABLED,
        (ENABLED, APPLY): ENABLED,
        (DISABLED, APPLY): ENABLED,
        (ENABLED, REMOVE): DISABLED,
    },
)


def state_of(disabled: bool | None) -> str:
    """The state of a stored row (``None``: no row)."""
    if disabled is None:
        return NONE
    return DISABLED if disabled else ENABLED
