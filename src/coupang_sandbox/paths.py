"""Request paths normalised once, before routing (an ASGI middleware of the app factory).

The server hands the app a percent-decoded ``path`` next to the ``raw_path`` the client sent.
:class:`NormalisedPaths` derives the routed path from the raw one in one pass: percent-decode
once (UTF-8), collapse repeated slashes, resolve ``.`` and ``..`` segments. So
``/%5Fsandbox/reset`` or ``/v2//../_sandbox/reset`` route to ``/_sandbox/reset``, where the
control API's exposure rules apply to them like to any other spelling. What cannot be
normalised safely is refused with Coupang's 400 envelope naming ``path``: a ``%`` escape still
there after the one decode (double encoding), a control character (NUL, ...), a backslash,
bytes that are not UTF-8, a path that does not start with ``/``.

``raw_path`` is left as sent: the HMAC signature covers the path exactly as the client put
it on the wire (``coupang_sandbox.auth``).
"""

from __future__ import annotations

import re
from urllib.parse import unquote_to_bytes

from starlette.types import ASGIApp, Receive, Scope, Send

from coupang_sandbox.errors import ValidationFailed
from coupang_seller.preflight import Violation

_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")
_SLASHES = re.compile(r"/{2,}")
#: Nothing to do for a path without any of these (the common case, checked first).
_SUSPECT = re.compile(r"%|//|/\.|\\|[^\x21-\x7e]")


class PathRefused(ValueError):
    """A path that cannot be normalised safely; ``rule`` names why."""

    def __init__(self, rule: str, message: str) -> None:
        """``rule`` names the broken rule (``path_encoding``, ...); ``message`` explains it."""
        super().__init__(message)
        self.rule = rule


def normalise_path(raw: str, *, decoded: bool = False) -> str:
    """The routed form of a raw (still percent-encoded) request path, or :class:`PathRefused`;
    ``decoded``: the path was decoded once already (a server that gives no ``raw_path``)."""
    if not raw.startswith("/"):
        raise PathRefused("path_absolute", "a request path must start with '/'")
    if not _SUSPECT.search(raw):
        return raw
    if decoded:
        text = raw
    else:
        try:
            # ``raw`` holds the wire bytes one per character (latin-1).
            text = unquote_to_bytes(raw.encode("latin-1")).decode("utf-8")
        except UnicodeDecodeError:
            raise PathRefused("path_encoding", "the decoded path is not UTF-8") from None
    return _checked(text)


def _checked(decoded: str) -> str:
    if _ESCAPE.search(decoded):
        raise PathRefused(
            "path_double_encoding", "a '%' escape is still there after decoding the path once"
        )
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in decoded):
        raise PathRefused("path_control_character", "a control character (NUL, ...) in the path")
    if "\\" in decoded:
        raise PathRefused("path_backslash", "a backslash in the path (use '/')")
    return _remove_dot_segments(_SLASHES.sub("/", decoded))


def _remove_dot_segments(path: str) -> str:
    """RFC 3986 section 5.2.4 for an absolute path (``..`` never climbs above the root)."""
    segments = path.split("/")[1:]
    out: list[str] = []
    for segment in segments:
        if segment == ".":
            continue
        if segment == "..":
            if out:
                out.pop()
            continue
        out.append(segment)
    # A path ending in '.' or '..' names a directory: it keeps its trailing slash.
    if segments and segments[-1] in (".", ".."):
        out.append("")
    return "/" + "/".join(out)


class NormalisedPaths:
    """ASGI middleware: ``scope["path"]`` becomes :func:`normalise_path` of the raw path, or
    the request is answered 400 (``path``) without reaching the router."""

    def __init__(self, app: ASGIApp) -> None:
        """Wrap the ASGI ``app``."""
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Normalise an HTTP request's path, then hand it on."""
        if scope["type"] == "http":
            raw_path = scope.get("raw_path")
            has_raw = False
            if isinstance(raw_path, bytes | bytearray) and raw_path:
                has_raw = True
                raw = bytes(raw_path).split(b"?", 1)[0].decode("latin-1")
            else:  # a server that gives no raw path: its decoded path, checked as such
                raw = str(scope.get("path", ""))
            try:
                path = normalise_path(raw, decoded=not has_raw)
            except PathRefused as exc:
                refusal = ValidationFailed([Violation("path", exc.rule, str(exc))])
                await refusal.response()(scope, receive, send)
                return
            if path != scope.get("path"):
                scope = dict(scope, path=path)
        await self.app(scope, receive, send)
