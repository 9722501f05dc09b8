"""``Secret``: a string that never shows itself in ``str``, ``repr``, logs or tracebacks.

Error trackers (Sentry and the like) capture every frame's local variables with ``repr``;
a secret key held as a plain ``str`` anywhere on the stack ends up in their reports. The SDK
therefore holds the secret key, the sandbox admin token and a sandbox vendor's secret key
as :class:`Secret`, and reveals the value only inside the expression that uses it.
"""

from __future__ import annotations

from typing import Final

import pydantic

__all__ = ["Secret", "reveal"]

_MASK: Final = "[REDACTED]"


class Secret(pydantic.SecretStr):
    """A masked string: ``str()`` and ``repr()`` show ``[REDACTED]``; :meth:`reveal` (or
    pydantic's :meth:`get_secret_value`) gives the value.

    It is a :class:`pydantic.SecretStr`, so it works as a model field (JSON dumps show
    ``**********``). Comparison with another ``Secret`` compares the values.
    """

    def reveal(self) -> str:
        """The secret value. Use it inline; do not keep it in a variable."""
        return self.get_secret_value()

    def __str__(self) -> str:
        return _MASK

    def __repr__(self) -> str:
        return f"Secret('{_MASK}')"

    @classmethod
    def of(cls, value: str | pydantic.SecretStr) -> Secret:
        """Wrap a plain string (a ``Secret`` is returned as it is)."""
        if isinstance(value, Secret):
            return value
        if isinstance(value, pydantic.SecretStr):
            return cls(value.get_secret_value())
        return cls(value)


def reveal(value: str | pydantic.SecretStr) -> str:
    """The plain value of a secret given either as a ``str`` or as a :class:`Secret`."""
    return value.get_secret_value() if isinstance(value, pydantic.SecretStr) else value
