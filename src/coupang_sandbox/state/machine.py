"""A tiny, pure, reusable transition-table state machine."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Generic, TypeVar

from coupang_sandbox.errors import TransitionNotAllowed

S = TypeVar("S", bound=Hashable)


class TransitionTable(Generic[S]):
    """``(state, event) -> new state``; anything not in the table is refused.

    Pure: no I/O. :meth:`apply` raises :class:`TransitionNotAllowed` naming the machine, the
    current state and the event.
    """

    def __init__(self, name: str, transitions: Mapping[tuple[S, str], S]) -> None:
        """A table named ``name`` (for the refusal) of ``(state, event) -> state`` moves."""
        self.name = name
        self._transitions = dict(transitions)

    def can(self, state: S, event: str) -> bool:
        """Whether ``event`` is allowed in ``state``."""
        return (state, event) in self._transitions

    def apply(self, state: S, event: str) -> S:
        """The state ``event`` leads to from ``state``; :class:`TransitionNotAllowed` when it is not
        allowed."""
        try:
            return self._transitions[(state, event)]
        except KeyError:
            raise TransitionNotAllowed(self.name, state, event) from None

    def events(self, state: S) -> frozenset[str]:
        """The events allowed in ``state``."""
        return frozenset(e for (s, e) in self._transitions if s == state)

    @property
    def states(self) -> frozenset[S]:
        """Every state the table knows (as a source or a target)."""
        return frozenset(s for (s, _) in self._transitions) | frozenset(self._transitions.values())
