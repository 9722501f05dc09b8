"""Who may drive the control API (``/_sandbox``): the rules checked before any control handler.

The control API is unsigned: it resets the store, mints vendor keys and moves the clock. A web
page in the developer's browser can reach a sandbox on ``localhost`` (a cross-site ``fetch`` or
form post, or DNS rebinding: a name the attacker controls re-pointed at 127.0.0.1), and so can
any machine when the sandbox listens on a public address. :func:`check_control_request`
refuses, in Coupang's JSON envelope naming the header and the rule:

* ``peer`` / ``loopback_peer``: a peer that is not a loopback address, unless an admin token
  is set (the token itself is checked afterwards, by the route runner);
* ``Origin`` / ``foreign_origin``: an ``Origin`` that is not ``http(s)://`` localhost, a
  loopback address or an allowed host (any port). No ``Origin`` at all is fine: command-line
  tools and the SDK send none, while browsers send one on every cross-origin request and on
  every POST;
* ``Host`` / ``host_not_allowed``: a ``Host`` that is not localhost, a loopback address or an
  allowed host (any port): what a DNS-rebinding page sends is its own name;
* ``Content-Type`` / ``json_content_type`` (HTTP 415): a POST/PUT/PATCH/DELETE whose body is
  not declared JSON. A page can send ``text/plain`` or a form without a CORS preflight, never
  ``application/json``; a body-less POST needs no content type.

Allowed hosts come from ``SandboxSettings.allowed_hosts`` (``--allowed-host``).
"""

from __future__ import annotations

import functools
import ipaddress

from starlette.requests import Request

from coupang_sandbox.errors import ControlRefused, UnsupportedMediaType
from coupang_sandbox.settings import SandboxSettings

#: Methods whose body the control handlers read, or may read, as JSON.
BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_WEB_SCHEMES = ("http://", "https://")


def check_control_request(request: Request, settings: SandboxSettings) -> None:
    """Raise :class:`ControlRefused` (403) or :class:`UnsupportedMediaType` (415) unless the
    control request comes from an allowed peer, origin and host with a JSON body (or none)."""
    allowed = settings.allowed_hosts
    if settings.admin_token is None and not _peer_is_loopback(request):
        raise ControlRefused(
            "peer",
            "loopback_peer",
            "the control API answers loopback clients only while no admin token is set "
            "(start the sandbox with --admin-token and send 'Authorization: Bearer <token>')",
        )
    origins = request.headers.getlist("origin")
    if origins and (len(origins) > 1 or not origin_is_allowed(origins[0], allowed)):
        raise ControlRefused(
            "Origin",
            "foreign_origin",
            f"cross-origin control request from {origins[0][:100]!r} refused: only "
            "http(s)://localhost, a loopback address or an --allowed-host may call /_sandbox",
        )
    hosts = request.headers.getlist("host")
    # No Host at all comes from no browser (HTTP/1.1 requires it; HTTP/1.0 tools may omit it).
    if hosts and (len(hosts) > 1 or not host_header_is_allowed(hosts[0], allowed)):
        raise ControlRefused(
            "Host",
            "host_not_allowed",
            f"Host {hosts[0][:100]!r} is not localhost, a loopback address or an allowed host "
            "(DNS rebinding); start the sandbox with --allowed-host NAME to use that name",
        )
    if request.method in BODY_METHODS:
        _check_json_body(request)


def _check_json_body(request: Request) -> None:
    # Hook for the dashboard (later): its HTML forms post application/x-www-form-urlencoded
    # and will be accepted here only when they carry a valid CSRF token; until then every
    # control body must be declared JSON.
    content_type = request.headers.get("content-type")
    if content_type is None:
        length = request.headers.get("content-length")
        has_body = "transfer-encoding" in request.headers or (
            length is not None and length.strip() not in ("", "0")
        )
        if has_body:
            raise UnsupportedMediaType(
                "Content-Type",
                "json_content_type",
                "a control request body must be sent with Content-Type: application/json",
            )
        return
    if not is_json_media_type(content_type):
        raise UnsupportedMediaType(
            "Content-Type",
            "json_content_type",
            f"Content-Type {content_type[:100]!r} refused: the control API takes "
            "application/json bodies only",
        )


def is_json_media_type(content_type: str) -> bool:
    """``application/json`` or ``application/<anything>+json``, parameters (charset) allowed."""
    media = content_type.split(";", 1)[0].strip().lower()
    kind, _, subtype = media.partition("/")
    return kind == "application" and (subtype == "json" or subtype.endswith("+json"))


def _peer_is_loopback(request: Request) -> bool:
    client = request.client
    # No peer address: a Unix socket, reachable only through the file system's permissions.
    if client is None or not client.host:
        return True
    return is_loopback_address(client.host)


@functools.lru_cache(maxsize=1024)
def is_loopback_address(host: str) -> bool:
    """Is ``host`` a literal loopback IP address (127.0.0.0/8, ::1, or an IPv4-mapped 127.x)?
    Names are not resolved here."""
    try:
        address = ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped.is_loopback
    return address.is_loopback


def is_loopback_name(host: str) -> bool:
    """``localhost`` or a literal loopback address (the host part of a header, no port)."""
    return host.lower().rstrip(".") == "localhost" or is_loopback_address(host)


def split_host_port(value: str) -> str | None:
    """The host of ``host``, ``host:port``, ``[v6]`` or ``[v6]:port`` (brackets removed);
    ``None`` when the value is not of that form."""
    value = value.strip()
    if value.startswith("["):
        end = value.find("]")
        if end < 0:
            return None
        host, rest = value[1:end], value[end + 1 :]
        if rest and not (rest.startswith(":") and rest[1:].isdigit()):
            return None
        return host or None
    host, sep, port = value.rpartition(":")
    if not sep:
        host = value
    elif not port.isdigit() or ":" in host:
        return None
    if not host or any(c in host for c in "/@?#\\ \t"):
        return None
    return host


def host_is_allowed(host: str, allowed_hosts: tuple[str, ...]) -> bool:
    """Is ``host`` (no port) loopback or one of the allowed hosts (case-insensitive)?"""
    return is_loopback_name(host) or host.lower().rstrip(".") in allowed_hosts


def host_header_is_allowed(value: str, allowed_hosts: tuple[str, ...]) -> bool:
    """Is a ``Host`` header value a loopback or allowed host, with any port?"""
    host = split_host_port(value)
    return host is not None and host_is_allowed(host, allowed_hosts)


def origin_is_allowed(origin: str, allowed_hosts: tuple[str, ...]) -> bool:
    """Is an ``Origin`` header ``http(s)://`` + a loopback or allowed host, with any port?
    (``null``, other schemes, user info and paths are foreign.)"""
    lowered = origin.strip().lower()
    scheme = next((s for s in _WEB_SCHEMES if lowered.startswith(s)), None)
    if scheme is None:
        return False
    authority = lowered[len(scheme) :]
    if any(c in authority for c in "/@?#"):
        return False
    host = split_host_port(authority)
    return host is not None and host_is_allowed(host, allowed_hosts)
