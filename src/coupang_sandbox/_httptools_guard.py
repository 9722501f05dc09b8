"""uvicorn's httptools protocol with the head deadline and cap (imported only when httptools is
installed; see :mod:`coupang_sandbox.http_limits`)."""

from __future__ import annotations

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from coupang_sandbox.http_limits import _HeadGuard


class HeadTooLarge(Exception):
    """Raised from a parser callback: httptools reports it as a parser error, answered 431."""


class SandboxHttpToolsProtocol(_HeadGuard, HttpToolsProtocol):
    """uvicorn's httptools protocol with the head deadline and cap (llhttp has no cap of its
    own on the head's size; a complete head that arrives in one piece is measured here)."""

    _head_size = 0

    def _count_head(self, size: int) -> None:
        self._head_size += size
        if self._head_size > self._limits()[1]:
            self._head_too_large = True
            raise HeadTooLarge

    def on_message_begin(self) -> None:
        """A new request head: its size starts at zero."""
        self._head_size = 0
        super().on_message_begin()

    def on_url(self, url: bytes) -> None:
        """Count the request target toward the head's size."""
        self._count_head(len(url))
        super().on_url(url)

    def on_header(self, name: bytes, value: bytes) -> None:
        """Count each header line toward the head's size."""
        self._count_head(len(name) + len(value) + 4)
        super().on_header(name, value)
