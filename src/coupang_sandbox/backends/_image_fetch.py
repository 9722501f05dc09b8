"""Image URLs of a product body, fetched before the product's transaction opens.

The product rules look at image bytes (format, size, dimensions). The sandbox fetches an
``http(s)`` image URL only when its host is loopback (127.0.0.0/8, ::1, ``localhost``); it
never fetches from any other host (an emulator must not make calls to the internet on a
seller's behalf). A fetch:

* runs before any database transaction opens (:func:`fetch_images`, then the rules read the
  collected bytes), so a slow image server never holds a lock or a connection;
* is bounded: 2 s to connect, 3 s between reads, 5 s per image and 10 s for all the images of
  one request; an image server that does not answer in time is refused
  (``image_fetch_timeout``, naming the field);
* reads at most 3 MB + 64 KiB: a larger image (by ``Content-Length`` or by what arrives) is
  refused (``image_too_large``) without reading the rest;
* never targets the sandbox itself: a URL on the port of the server that received the request
  (:class:`ServerAddress`) is refused (``image_url_self``) at once; the request would wait on
  the server that is answering it. Loopback URLs on other ports are fetched.

Anything else that goes wrong (connection refused, a status other than 200, a compressed
answer) leaves the image unchecked: the rules get ``None`` for it and skip the checks that need
the bytes, as for a URL on another host (Coupang fetches those itself).
"""

from __future__ import annotations

import ipaddress
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Final
from urllib.parse import urlsplit

import httpx

from coupang_seller.preflight import Violation
from coupang_seller.preflight._images import IMAGE_BYTES_MAX

CONNECT_TIMEOUT: Final = 2.0
READ_TIMEOUT: Final = 3.0
IMAGE_DEADLINE: Final = 5.0
REQUEST_DEADLINE: Final = 10.0
#: Read no more than this: the 3 MB rule plus a margin (a larger image is refused unread).
IMAGE_FETCH_CAP: Final = IMAGE_BYTES_MAX + 64 * 1024
#: The image fields that may hold a URL.
URL_FIELDS: Final = ("vendorPath", "cdnPath")


def is_loopback_host(host: str | None) -> bool:
    """``localhost`` or a loopback address (127.0.0.0/8, ::1)."""
    if not host:
        return False
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _default_port(scheme: str) -> int:
    return 443 if scheme == "https" else 80


@dataclass(frozen=True, slots=True)
class ServerAddress:
    """Where the sandbox that received a request listens: the ASGI server's socket address
    and the request's ``Host`` (names lower-cased, ports resolved from the scheme)."""

    hosts: frozenset[str]
    ports: frozenset[int]

    @classmethod
    def of(
        cls, server: tuple[str, int | None] | None, host_header: str | None, scheme: str
    ) -> ServerAddress:
        """From ASGI's ``scope["server"]``, the ``Host`` header and the URL scheme."""
        hosts: set[str] = set()
        ports: set[int] = set()
        if server is not None and server[0]:
            hosts.add(server[0].lower().strip("[]"))
            ports.add(server[1] if server[1] is not None else _default_port(scheme))
        if host_header:
            try:
                parts = urlsplit(f"//{host_header.strip()}")
                port = parts.port
            except ValueError:
                parts, port = None, None
            if parts is not None and parts.hostname:
                hosts.add(parts.hostname.lower())
                ports.add(port if port is not None else _default_port(scheme))
        return cls(frozenset(hosts), frozenset(ports))

    def serves(self, host: str, port: int) -> bool:
        """Whether ``host:port`` reaches this server (its port, on loopback or its own name)."""
        return port in self.ports and (is_loopback_host(host) or host.lower() in self.hosts)


@dataclass(frozen=True, slots=True)
class _Target:
    url: str
    host: str
    port: int


def _loopback_target(location: str) -> _Target | None:
    """The URL's host and port when it is an ``http(s)`` URL on a loopback host."""
    try:
        parts = urlsplit(location.strip())
        host, port = parts.hostname, parts.port
    except ValueError:  # an unbalanced IPv6 bracket, a port out of range
        return None
    if parts.scheme not in ("http", "https") or host is None or not is_loopback_host(host):
        return None
    return _Target(
        location.strip(), host, port if port is not None else _default_port(parts.scheme)
    )


def image_locations(body: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """``(field, value)`` of every image path of the body's items that is a string."""
    items = body.get("items")
    if not isinstance(items, list):
        return
    for i, item in enumerate(items):
        images = item.get("images") if isinstance(item, Mapping) else None
        if not isinstance(images, list):
            continue
        for j, image in enumerate(images):
            if not isinstance(image, Mapping):
                continue
            for key in URL_FIELDS:
                value = image.get(key)
                if isinstance(value, str):
                    yield f"items[{i}].images[{j}].{key}", value


@dataclass(frozen=True, slots=True)
class _Outcome:
    data: bytes | None
    rule: str | None = None
    message: str = ""


def _timed_out(url: str) -> _Outcome:
    return _Outcome(
        None,
        "image_fetch_timeout",
        f"the image at {url:.160} did not answer in time (the sandbox waits {CONNECT_TIMEOUT:g} s "
        f"to connect, {READ_TIMEOUT:g} s between reads and {IMAGE_DEADLINE:g} s per image, "
        f"{REQUEST_DEADLINE:g} s for all the images of a request)",
    )


def _too_large(url: str, size: int, *, declared: bool) -> _Outcome:
    seen = f"it declares {size:,} bytes" if declared else f"more than {size:,} bytes arrived"
    return _Outcome(
        None,
        "image_too_large",
        f"an image file is at most 3 MB ({IMAGE_BYTES_MAX:,} bytes); the one at {url:.160} is "
        f"larger ({seen}; the sandbox stopped reading)",
    )


def _fetch(url: str, deadline: float) -> _Outcome:
    """One image, within ``deadline`` (``time.monotonic``) and the size cap."""
    left = deadline - time.monotonic()
    if left <= 0:
        return _timed_out(url)
    timeout = httpx.Timeout(
        connect=min(CONNECT_TIMEOUT, left),
        read=min(READ_TIMEOUT, left),
        write=min(READ_TIMEOUT, left),
        pool=min(CONNECT_TIMEOUT, left),
    )
    data = bytearray()
    try:
        with (
            httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False) as client,
            client.stream("GET", url, headers={"Accept-Encoding": "identity"}) as response,
        ):
            if response.status_code != 200:
                return _Outcome(None)
            if response.headers.get("content-encoding", "identity").lower() != "identity":
                return _Outcome(None)
            length = response.headers.get("content-length", "")
            if length.isdigit() and int(length) > IMAGE_FETCH_CAP:
                return _too_large(url, int(length), declared=True)
            for chunk in response.iter_raw():
                data += chunk
                if len(data) > IMAGE_FETCH_CAP:
                    return _too_large(url, IMAGE_FETCH_CAP, declared=False)
                if time.monotonic() > deadline:
                    return _timed_out(url)
    except httpx.TimeoutException:
        return _timed_out(url)
    except (httpx.HTTPError, httpx.InvalidURL):
        return _Outcome(None)
    return _Outcome(bytes(data))


@dataclass(slots=True)
class FetchedImages:
    """What :func:`fetch_images` collected: bytes per location, and the refused fields."""

    found: dict[str, bytes | None] = field(default_factory=dict)
    violations: list[Violation] = field(default_factory=list)

    def load(self, location: str) -> bytes | None:
        """The rules' image loader: collected bytes, ``None`` for anything not fetched."""
        if location in self.found:
            return self.found[location]
        return self.found.get(location.strip())


def fetch_images(body: Mapping[str, Any], server: ServerAddress | None) -> FetchedImages:
    """Fetch the loopback image URLs of a product body (each once), before any transaction.

    ``server`` is the sandbox that received the request: URLs that reach it are refused, not
    fetched. Refusals name the image field (``items[i].images[j].vendorPath``)."""
    fetched = FetchedImages()
    outcomes: dict[str, _Outcome] = {}
    deadline = time.monotonic() + REQUEST_DEADLINE
    for name, location in image_locations(body):
        target = _loopback_target(location)
        if target is None:
            continue
        if server is not None and server.serves(target.host, target.port):
            fetched.found[location] = None
            fetched.violations.append(
                Violation(
                    name,
                    "image_url_self",
                    f"{name} points at the sandbox itself ({target.host}:{target.port}); serve "
                    "the image from another server (a request cannot wait on the server that "
                    "is answering it)",
                )
            )
            continue
        outcome = outcomes.get(target.url)
        if outcome is None:
            outcome = _fetch(target.url, min(deadline, time.monotonic() + IMAGE_DEADLINE))
            outcomes[target.url] = outcome
        fetched.found[location] = outcome.data
        if outcome.rule is not None:
            fetched.violations.append(Violation(name, outcome.rule, outcome.message))
    return fetched
