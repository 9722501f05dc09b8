"""``/_sandbox/requests``: read (and clear) the request log.

``GET /_sandbox/requests?since=&status=&vendor=&method=&path=&limit=`` answers
``{"requests": [...], "last": seq}`` in the control envelope; ``GET /_sandbox/requests/count``
the number of matches. Every filter is parsed here into a
:class:`~coupang_sandbox.store.request_log.LogFilter`; a bad one (or an unknown parameter) is
refused with 400 naming it.
"""

from __future__ import annotations

import re

from starlette.responses import Response

from coupang_sandbox.errors import ValidationFailed
from coupang_sandbox.request_log import LogWriter
from coupang_sandbox.responses import success
from coupang_sandbox.routes._base import Call, RouteSpec
from coupang_sandbox.routes._control_body import NO_FIELDS, accepts
from coupang_sandbox.store.request_log import LogFilter
from coupang_sandbox.views import request_log as views
from coupang_seller.preflight import Violation

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000
FILTERS = ("since", "status", "vendor", "method", "path")
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
_STATUS = re.compile(r"^(?:[1-5]\d\d|[1-5]xx)$")
_MAX_SEQ = 2**63 - 1


def _whole(call: Call, name: str, low: int, high: int, found: list[Violation]) -> int | None:
    text = call.query(name)
    if text is None:
        return None
    value = int(text) if text.isascii() and text.isdigit() else None
    if value is None or not low <= value <= high:
        found.append(
            Violation(name, "range", f"{name} must be a whole number from {low} to {high}")
        )
        return None
    return value


def _statuses(text: str | None, found: list[Violation]) -> tuple[frozenset[int], frozenset[int]]:
    """``401``, ``4xx`` or a comma-separated list of either -> (codes, class digits)."""
    if text is None:
        return frozenset(), frozenset()
    codes: set[int] = set()
    classes: set[int] = set()
    for part in text.split(","):
        item = part.strip().lower()
        if not _STATUS.match(item):
            found.append(
                Violation(
                    "status",
                    "format",
                    f"status must be a status code (401) or class (4xx), or a comma-separated "
                    f"list of them; got {part.strip()!r}",
                )
            )
            continue
        if item.endswith("xx"):
            classes.add(int(item[0]))
        else:
            codes.add(int(item))
    return frozenset(codes), frozenset(classes)


def _text(call: Call, name: str, maximum: int, found: list[Violation]) -> str | None:
    value = call.query(name)
    if value is None:
        return None
    if not value.strip() or len(value) > maximum:
        found.append(
            Violation(name, "length", f"{name} must be 1 to {maximum} characters when given")
        )
        return None
    return value


def parse_filter(call: Call, *, paged: bool) -> tuple[LogFilter, int]:
    """The filters (and, for a page, the limit) of a log read; every refusal at once."""
    found: list[Violation] = []
    accepted = (*FILTERS, "limit") if paged else FILTERS
    for name in call.request.query_params:
        if name not in accepted:
            found.append(
                Violation(
                    name,
                    "unknown_field",
                    f"{name} is not a filter of the request log (accepted: {', '.join(accepted)})",
                )
            )
    since = _whole(call, "since", 0, _MAX_SEQ, found)
    statuses, classes = _statuses(call.query("status"), found)
    vendor = _text(call, "vendor", 32, found)
    method = _text(call, "method", 16, found)
    if method is not None and method.upper() not in METHODS:
        found.append(
            Violation("method", "enum", f"method must be one of {', '.join(sorted(METHODS))}")
        )
    path = _text(call, "path", 1000, found)
    limit = _whole(call, "limit", 1, MAX_LIMIT, found) if paged else None
    if found:
        raise ValidationFailed(found)
    wanted = LogFilter(
        since=since,
        statuses=statuses,
        classes=classes,
        vendor_id=vendor,
        method=None if method is None else method.upper(),
        path=path,
    )
    return wanted, limit or DEFAULT_LIMIT


def _writer(call: Call) -> LogWriter:
    writer = call.sandbox.request_log
    assert writer is not None, "Sandbox.open always builds the request log's writer"  # noqa: S101
    return writer


def list_requests(call: Call) -> Response:
    """``GET /_sandbox/requests``: a page of the log, oldest first, and the cursor ``last``."""
    wanted, limit = parse_filter(call, paged=True)
    rows, last = _writer(call).read(wanted, limit)
    return success({"requests": [views.entry(row) for row in rows], "last": last})


def count_requests(call: Call) -> Response:
    """``GET /_sandbox/requests/count``: how many logged requests match, and ``last``."""
    wanted, _ = parse_filter(call, paged=False)
    matched, last = _writer(call).count(wanted)
    return success({"count": matched, "last": last})


@accepts(NO_FIELDS)
def clear_requests(call: Call) -> Response:
    """``DELETE /_sandbox/requests``: forget every logged request (``seq`` goes on growing)."""
    return success({"cleared": _writer(call).clear()})


ROUTES: list[RouteSpec] = [
    ("GET", "/_sandbox/requests", list_requests),
    ("DELETE", "/_sandbox/requests", clear_requests),
    ("GET", "/_sandbox/requests/count", count_requests),
]
