"""Pure state machines written as transition tables."""

from coupang_sandbox.state.machine import TransitionTable

__all__ = ["TransitionTable"]
