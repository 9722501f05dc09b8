"""uvicorn's HTTP protocols with a deadline and a size cap on the request head.

uvicorn has a keep-alive timeout but no header-read timeout: a client that opens a connection
and never finishes its request line and headers (slowloris) held its connection, and its
buffer, for as long as it liked. Here a connection whose request head is not complete
``header_read_timeout`` seconds after its first byte (or after the connection opened) is
answered 408 and closed, and a head larger than ``max_header_bytes`` is answered 431, both in
Coupang's JSON envelope. A request whose head is complete is never cut short: slow handlers
and slow bodies are not this deadline's business.
"""

from __future__ import annotations

import asyncio
import functools
import json
from typing import Any

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

DEFAULT_HEADER_READ_TIMEOUT = 10.0
DEFAULT_MAX_HEADER_BYTES = 16 * 1024
DEFAULT_KEEP_ALIVE_TIMEOUT = 5
#: The scope extension through which a request can drop its own connection (a no-argument
#: callable): the ``reset`` and ``commit_then_drop`` faults (see ``coupang_sandbox.faults``).
DROP_EXTENSION = "coupang_sandbox.drop"


class SandboxConfig(uvicorn.Config):
    """uvicorn's Config plus the head limits (picklable: ``--workers`` hands it to processes)."""

    def __init__(
        self,
        app: Any,
        *,
        header_read_timeout: float = DEFAULT_HEADER_READ_TIMEOUT,
        max_header_bytes: int = DEFAULT_MAX_HEADER_BYTES,
        **kwargs: Any,
    ) -> None:
        if header_read_timeout <= 0:
            raise ValueError(f"the header read timeout must be > 0 s, got {header_read_timeout}")
        if max_header_bytes < 1024:
            raise ValueError(f"the header size cap must be >= 1024 bytes, got {max_header_bytes}")
        kwargs.setdefault("h11_max_incomplete_event_size", max_header_bytes)
        super().__init__(app, **kwargs)
        self.header_read_timeout = header_read_timeout
        self.max_header_bytes = max_header_bytes


def _envelope(status: int, reason: str, message: str) -> bytes:
    body = json.dumps({"code": status, "message": message, "data": None}).encode()
    head = (
        f"HTTP/1.1 {status} {reason}\r\ncontent-type: application/json;charset=UTF-8\r\n"
        f"content-length: {len(body)}\r\nconnection: close\r\n\r\n"
    )
    return head.encode("ascii") + body


class _HeadGuard:
    """The head deadline and size cap, mixed into a uvicorn HTTP protocol class."""

    # Provided by the uvicorn protocol this is mixed into.
    config: Any
    loop: asyncio.AbstractEventLoop
    transport: asyncio.Transport
    cycle: Any

    _head_timer: asyncio.TimerHandle | None = None
    _head_cycle: Any = None
    _head_bytes = 0
    _head_too_large = False

    def _limits(self) -> tuple[float, int]:
        timeout = getattr(self.config, "header_read_timeout", DEFAULT_HEADER_READ_TIMEOUT)
        cap = getattr(self.config, "max_header_bytes", DEFAULT_MAX_HEADER_BYTES)
        return float(timeout), int(cap)

    def _idle(self) -> bool:
        """No request is being served: the next bytes belong to a new request head."""
        return self.cycle is None or bool(self.cycle.response_complete)

    def _arm_head_timer(self) -> None:
        if self._head_timer is None:
            self._head_cycle = self.cycle
            self._head_timer = self.loop.call_later(self._limits()[0], self._head_timed_out)

    def _disarm_head_timer(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None
        self._head_bytes = 0

    def _head_timed_out(self) -> None:
        self._head_timer = None
        if self.transport.is_closing() or self.cycle is not self._head_cycle or not self._idle():
            return  # a request started meanwhile: its head was complete in time
        if self._head_bytes:
            seconds = self._limits()[0]
            self.transport.write(
                _envelope(
                    408,
                    "Request Timeout",
                    f"the request line and headers were not complete within {seconds:g} s",
                )
            )
        self.transport.close()

    def _refuse_large_head(self) -> None:
        cap = self._limits()[1]
        self._disarm_head_timer()
        self._head_too_large = False
        self.transport.write(
            _envelope(
                431,
                "Request Header Fields Too Large",
                f"the request line and headers are larger than {cap} bytes",
            )
        )
        self.transport.close()

    def _offer_drop(self) -> None:
        """Give the request being served a way to drop its connection (before its task runs:
        the protocol only schedules it while feeding)."""
        cycle = self.cycle
        if cycle is None:
            return
        extensions = cycle.scope.setdefault("extensions", {})
        if DROP_EXTENSION not in extensions:
            extensions[DROP_EXTENSION] = functools.partial(self._drop, cycle)

    def _drop(self, cycle: Any) -> None:
        """Close the connection at once, with no answer: the request's answer is never sent
        (uvicorn skips sending to a disconnected cycle, and logs nothing)."""
        cycle.disconnected = True
        cycle.keep_alive = False
        self.transport.abort()

    def _head_data(self, data: bytes, feed: Any) -> None:
        """Feed ``data`` to the protocol, keeping the deadline and the byte count of the head."""
        idle = self._idle()
        if idle:
            self._arm_head_timer()
            self._head_bytes += len(data)
        feed(data)
        if self.transport.is_closing():
            return
        self._offer_drop()
        if self.cycle is not self._head_cycle:
            self._disarm_head_timer()  # a head completed: a request is being served
        elif idle and self._head_bytes > self._limits()[1]:
            self._refuse_large_head()

    # The protocol's own methods, wrapped (cooperative: the uvicorn class comes next in the MRO).

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        """Start the deadline of the first request head."""
        super().connection_made(transport)  # type: ignore[misc]
        self._arm_head_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        """No timer outlives its connection."""
        self._disarm_head_timer()
        super().connection_lost(exc)  # type: ignore[misc]

    def data_received(self, data: bytes) -> None:
        """Feed the bytes, keeping the head's deadline and size."""
        self._head_data(data, super().data_received)  # type: ignore[misc]

    def on_response_complete(self) -> None:
        """The next head's deadline starts with its first byte (the keep-alive timeout covers
        the wait before it)."""
        self._disarm_head_timer()
        super().on_response_complete()  # type: ignore[misc]

    def send_400_response(self, msg: str) -> None:
        """431 rather than 400 when the parser gave up on a head over the cap."""
        if self._head_too_large or self._head_bytes > self._limits()[1]:
            self._refuse_large_head()
            return
        super().send_400_response(msg)  # type: ignore[misc]


class SandboxH11Protocol(_HeadGuard, H11Protocol):
    """uvicorn's h11 protocol with the head deadline and cap (h11's own cap, set to the same
    size, refuses a head that is still incomplete beyond it)."""


def protocol_class() -> type[asyncio.Protocol]:
    """The httptools protocol with the guard when httptools is installed, else the h11 one."""
    try:
        from coupang_sandbox._httptools_guard import (  # httptools is optional
            SandboxHttpToolsProtocol,
        )
    except ImportError:
        return SandboxH11Protocol
    return SandboxHttpToolsProtocol
