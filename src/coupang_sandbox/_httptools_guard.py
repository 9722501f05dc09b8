"""uvicorn's httptools protocol with the head deadline and cap (imported only when httptools is
installed; see :mod:`coupang_sandbox.http_limits`)."""

from __future__ import annotations

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from coupang_sandbox.http_limits import _HeadGuard


class SandboxHttpToolsProtocol(_HeadGuard, HttpToolsProtocol):
    """uvicorn's httptools protocol with the head deadline and cap (llhttp has no cap of its
    own on the head's size)."""
