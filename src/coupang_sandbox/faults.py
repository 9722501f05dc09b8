"""Fault injection: rules that make the sandbox answer as Coupang does on a bad day.

A rule (``POST /_sandbox/faults``) says *which* signed requests it applies to (method, a path
pattern, the SDK's operation name, the vendor, writes only), *how often* (a probability drawn
from a seeded sequence, at most ``times`` firings, within ``forSeconds`` of the sandbox clock)
and *what* happens (its ``kind``):

===================  ==============================================================================
``rate_limit``       429 with ``Retry-After``; the vendor is then blocked ``blockSeconds`` by the
                     gateway throttle (every call of the vendor answers 429 until it ends)
``block_page``       403 with the gateway's HTML "Access Denied" page (no JSON)
``redirect_block``   302 to a block page (``location``)
``error``            500, 502 or 503 (``status``) in Coupang's envelope
``gateway_timeout``  the provider takes ``latencySeconds``: when that is more than the gateway
                     waits (``gateway_timeout_seconds``, 3 s, or the request's
                     ``X-EXTENDED-TIMEOUT``), 504 once the wait is over (nothing processed);
                     else the answer after that latency
``latency``          the answer after ``latencySeconds`` plus up to ``jitterSeconds`` (seeded)
``reset``            the connection is dropped before any answer (nothing is processed)
``commit_then_drop`` the request is processed (a write commits), then the connection is dropped
                     (``then: "drop"``) or the gateway answers 504 (``then: "504"``)
``null_fields``      the answer with the named ``fields`` set to null wherever they appear
``late_visibility``  orders placed while the rule is active reach the seller's order reads
                     ``extraSeconds`` later than usual (Coupang: ~10 minutes)
===================  ==============================================================================

Determinism: a rule's draws are numbered by the requests it matched (a counter in the store,
shared by every process), and draw *k* comes from ``Random(f"{seed}:{k}")``: the same seed and
the same requests give the same firings, whatever the process or the restart.

Rules are tried oldest first; the first one that fires applies (one fault per request). They
are applied after the gateway's signature and throttle checks (a request with a bad signature
gets its 401), before the body is judged.

Dropping a connection (``reset``, ``commit_then_drop``): under the sandbox's uvicorn server the
protocol hands the request a way to abort its transport (:data:`DROP_EXTENSION`); the client
sees the connection closed with no answer (httpx: ``RemoteProtocolError: Server disconnected
without sending a response``). Without it (``httpx.ASGITransport`` in tests) the request raises
:class:`DroppedConnection`, an ``httpx.RemoteProtocolError`` that the transport hands to the
client as it would a dropped connection.
"""

from __future__ import annotations

import json
import math
import random
import re
import secrets
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Final, get_args

import anyio
import httpx
from sqlalchemy import Connection
from sqlalchemy.engine import RowMapping
from starlette.requests import Request
from starlette.responses import Response

from coupang_sandbox import gateway_pages
from coupang_sandbox.clock import SandboxClock, from_us, to_us
from coupang_sandbox.errors import ValidationFailed
from coupang_sandbox.http_limits import DROP_EXTENSION
from coupang_sandbox.responses import CoupangJSONResponse
from coupang_sandbox.store import Store
from coupang_sandbox.store import faults as db
from coupang_sandbox.store import repo as r
from coupang_seller import _endpoints
from coupang_seller.preflight import Violation
from coupang_seller.resources.sandbox_faults import FaultKind

#: The fault kinds: the SDK's ``FaultKind`` (the sandbox refuses any other).
KINDS: Final = get_args(FaultKind)
METHODS: Final = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")
WRITE_METHODS: Final = frozenset({"POST", "PUT", "PATCH", "DELETE"})
ERROR_STATUSES: Final = (500, 502, 503)
#: The longest latency a rule may ask for (Coupang's largest extended timeout is 90 s).
MAX_LATENCY_SECONDS: Final = 120.0
#: The header carrying the extended gateway timeout, in milliseconds.
EXTENDED_TIMEOUT_HEADER: Final = "x-extended-timeout"

#: Fields every rule takes, then the fields of each kind (with their defaults).
COMMON_FIELDS: Final = (
    "kind", "method", "path", "pathRegex", "operation", "vendorId", "writesOnly",
    "probability", "seed", "times", "forSeconds",
)  # fmt: skip
KIND_FIELDS: Final[Mapping[str, Mapping[str, Any]]] = {
    "rate_limit": {"blockSeconds": 60.0},
    "block_page": {},
    "redirect_block": {"location": gateway_pages.BLOCK_LOCATION},
    "error": {"status": 503},
    "gateway_timeout": {"latencySeconds": 10.0},
    "latency": {"latencySeconds": 1.0, "jitterSeconds": 0.0},
    "reset": {},
    "commit_then_drop": {"then": "drop"},
    "null_fields": {"fields": None},
    "late_visibility": {"extraSeconds": 3600.0},
}
#: Every field a rule body may carry (the control API refuses any other).
ALL_FIELDS: Final = tuple(
    dict.fromkeys([*COMMON_FIELDS, *(f for kind in KIND_FIELDS.values() for f in kind)])
)


class DroppedConnection(httpx.RemoteProtocolError):
    """A connection the sandbox dropped on purpose (``reset``, ``commit_then_drop``), where it
    cannot close the socket itself (an in-process ASGI transport): the transport raises it to
    the client, which sees what a real dropped connection gives it."""

    def __init__(self) -> None:
        """The message ``httpx`` gives for a connection closed before any response."""
        super().__init__("Server disconnected without sending a response.")


# -- patterns ------------------------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")


def glob_regex(pattern: str) -> str:
    """A path glob as a regular expression: ``**`` any characters, ``*`` any characters but
    ``/``, ``?`` one character but ``/``, ``{name}`` one path segment (as in the endpoint
    table); :class:`ValueError` for a malformed glob."""
    if not pattern.startswith("/"):
        raise ValueError("a path glob starts with '/'")
    if any(c.isspace() or ord(c) < 0x20 for c in pattern):
        raise ValueError("a path glob holds no spaces or control characters")
    out: list[str] = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if pattern.startswith("**", index):
            out.append(".*")
            index += 2
            continue
        if char == "{":
            placeholder = _PLACEHOLDER.match(pattern, index)
            if placeholder is None:
                raise ValueError(f"'{{' at {index} does not open a {{name}} placeholder")
            out.append("[^/]+")
            index = placeholder.end()
            continue
        if char in "}[]":
            raise ValueError(f"unexpected {char!r} at {index}: use * ** ? or {{name}}")
        out.append("[^/]*" if char == "*" else "[^/]" if char == "?" else re.escape(char))
        index += 1
    return "".join(out)


def _template_regex(template: str) -> str:
    return "".join(
        "[^/]+" if part.startswith("{") else re.escape(part)
        for part in re.split(r"(\{[^}]+\})", template)
        if part
    )


def _operations() -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    """Operation name -> its ``(method, path regex)`` list, from the SDK's endpoint table: the
    endpoint's key (``order_acknowledge``) and each SDK method (``orders.acknowledge``)."""
    found: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for endpoint in _endpoints.ENDPOINTS:
        targets = [
            (endpoint.method, re.compile(_template_regex(path)))
            for path in (endpoint.path, *endpoint.also)
        ]
        names = [endpoint.key]
        owner = ""
        for text in endpoint.sdk.split(" / "):
            method = text.strip()
            if "." in method:
                owner, _, method = method.partition(".")
            if owner and re.fullmatch(r"\w+", method):
                names.append(f"{owner}.{method}")
        for name in names:
            found.setdefault(name, []).extend(targets)
    return found


_OPERATIONS_CACHE: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
_OPERATIONS_LOCK = threading.Lock()


def operations() -> Mapping[str, list[tuple[str, re.Pattern[str]]]]:
    """The operation names a rule can match on (built once, on first use)."""
    with _OPERATIONS_LOCK:
        if not _OPERATIONS_CACHE:
            _OPERATIONS_CACHE.update(_operations())
    return _OPERATIONS_CACHE


# -- the rule ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FaultSpec:
    """A rule as defined (what ``POST /_sandbox/faults`` parsed); stored as JSON."""

    kind: str
    method: str | None = None
    path: str | None = None
    path_regex: str | None = None
    operation: str | None = None
    vendor_id: str | None = None
    writes_only: bool = False
    probability: float = 1.0
    seed: int = 0
    times: int | None = None
    for_seconds: float | None = None
    #: The kind's own fields (``blockSeconds``, ``status``...), defaults filled in.
    params: Mapping[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The rule's fields under their wire names (``None`` for a criterion not set)."""
        return {
            "kind": self.kind,
            "method": self.method,
            "path": self.path,
            "pathRegex": self.path_regex,
            "operation": self.operation,
            "vendorId": self.vendor_id,
            "writesOnly": self.writes_only,
            "probability": self.probability,
            "seed": self.seed,
            "times": self.times,
            "forSeconds": self.for_seconds,
            **self.params,
        }

    @classmethod
    def from_json(cls, doc: Mapping[str, Any]) -> FaultSpec:
        """The stored document back as a spec (trusted: it was parsed before it was stored)."""
        kind = str(doc["kind"])
        return cls(
            kind=kind,
            method=doc.get("method"),
            path=doc.get("path"),
            path_regex=doc.get("pathRegex"),
            operation=doc.get("operation"),
            vendor_id=doc.get("vendorId"),
            writes_only=bool(doc.get("writesOnly")),
            probability=float(doc.get("probability", 1.0)),
            seed=int(doc.get("seed", 0)),
            times=doc.get("times"),
            for_seconds=doc.get("forSeconds"),
            params={name: doc.get(name, default) for name, default in KIND_FIELDS[kind].items()},
        )


@dataclass(frozen=True, slots=True)
class FaultRule:
    """A stored rule: its id, spec, when it was added and until when it is active."""

    id: int
    spec: FaultSpec
    created_at: datetime
    matched: int = 0
    hits: int = 0
    #: The compiled path criteria (``None``: any path).
    path_re: re.Pattern[str] | None = None
    path_regex_re: re.Pattern[str] | None = None

    @property
    def kind(self) -> str:
        """The rule's fault kind."""
        return self.spec.kind

    @property
    def active_until(self) -> datetime | None:
        """The end of the rule's time span (sandbox clock), ``None`` when it has none."""
        seconds = self.spec.for_seconds
        return None if seconds is None else self.created_at + timedelta(seconds=seconds)

    def active(self, now: datetime) -> bool:
        """Inside its time span (if any) on the sandbox clock."""
        until = self.active_until
        return until is None or now < until

    def matches(self, method: str, path: str, vendor_id: str) -> bool:
        """Do the rule's criteria hold for this request? (Probability and limits aside.)"""
        spec = self.spec
        if spec.vendor_id is not None and spec.vendor_id != vendor_id:
            return False
        if spec.method is not None and spec.method != method:
            return False
        if spec.writes_only and method not in WRITE_METHODS:
            return False
        if self.path_re is not None and self.path_re.fullmatch(path) is None:
            return False
        if self.path_regex_re is not None and self.path_regex_re.fullmatch(path) is None:
            return False
        if spec.operation is not None:
            wanted = "GET" if method == "HEAD" else method
            targets = operations().get(spec.operation, [])
            if not any(m == wanted and rx.fullmatch(path) for m, rx in targets):
                return False
        return True

    def to_json(self) -> dict[str, Any]:
        """The rule as the control API answers it, with its counters."""
        until = self.active_until
        return {
            "id": self.id,
            **self.spec.to_json(),
            "createdAt": self.created_at.isoformat(),
            "activeUntil": None if until is None else until.isoformat(),
            "matched": self.matched,
            "hits": self.hits,
        }


def _compile(rule_id: int, spec: FaultSpec, created_at: datetime, **counts: int) -> FaultRule:
    path_re = None if spec.path is None else re.compile(glob_regex(spec.path))
    regex = None if spec.path_regex is None else re.compile(spec.path_regex)
    return FaultRule(rule_id, spec, created_at, path_re=path_re, path_regex_re=regex, **counts)


def _rule_of(row: RowMapping) -> FaultRule:
    spec = FaultSpec.from_json(json.loads(row["spec"]))
    created = from_us(int(row["created_at_us"]))
    return _compile(
        int(row["id"]), spec, created, matched=int(row["matched"]), hits=int(row["hits"])
    )


# -- parsing a rule body -------------------------------------------------------------------------


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def parse_spec(body: Mapping[str, Any]) -> FaultSpec:
    """A rule body as a :class:`FaultSpec`, or :class:`ValidationFailed` naming every field and
    rule broken (unknown kind, probability outside 0-1, malformed pattern, a field another kind
    takes, ...). Unknown fields are refused by the route before (``accepts``)."""
    found: list[Violation] = []
    kind = body.get("kind")
    _check_kind(kind, found)
    _check_selectors(body, found)
    _check_firing(body, found)
    params = _kind_params(kind, body, found)
    if found:
        raise ValidationFailed(found)
    assert isinstance(kind, str)  # noqa: S101 -- checked above
    method = body.get("method")
    seed = body.get("seed")
    for_seconds = body.get("forSeconds")
    return FaultSpec(
        kind=kind,
        method=None if method is None else str(method).upper(),
        path=body.get("path"),
        path_regex=body.get("pathRegex"),
        operation=body.get("operation"),
        vendor_id=body.get("vendorId"),
        writes_only=bool(body.get("writesOnly", False)),
        probability=float(body.get("probability", 1.0)),
        seed=int(seed) if seed is not None else secrets.randbelow(2**31),
        times=body.get("times"),
        for_seconds=None if for_seconds is None else float(for_seconds),
        params=params,
    )


def _check_kind(kind: Any, found: list[Violation]) -> None:
    """``kind``: required, one of :data:`KINDS`."""
    if kind is None:
        found.append(Violation("kind", "required", f"required; one of {', '.join(KINDS)}"))
    elif kind not in KINDS:
        found.append(
            Violation(
                "kind", "unknown_kind", f"{kind!r} is not a fault kind; one of {', '.join(KINDS)}"
            )
        )


def _check_selectors(body: Mapping[str, Any], found: list[Violation]) -> None:
    """What a rule matches on: ``method``, the non-empty strings (``path``, ``pathRegex``,
    ``operation``, ``vendorId``, ``location``), the patterns, then ``writesOnly``."""
    method = body.get("method")
    if method is not None and (not isinstance(method, str) or method.upper() not in METHODS):
        found.append(Violation("method", "enum", f"one of {', '.join(METHODS)}"))
    for name in ("path", "pathRegex", "operation", "vendorId", "location"):
        value = body.get(name)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            found.append(Violation(name, "type", "a non-empty string"))
    _check_patterns(body, found)
    if not isinstance(body.get("writesOnly", False), bool):
        found.append(Violation("writesOnly", "type", "true or false"))


def _check_patterns(body: Mapping[str, Any], found: list[Violation]) -> None:
    """``path`` must be a valid glob, ``pathRegex`` a valid regular expression and
    ``operation`` a key or method of the SDK's endpoint table (each when a non-empty string)."""
    path = body.get("path")
    if isinstance(path, str) and path.strip():
        try:
            glob_regex(path)
        except ValueError as exc:
            found.append(Violation("path", "malformed_pattern", f"malformed glob {path!r}: {exc}"))
    regex = body.get("pathRegex")
    if isinstance(regex, str) and regex.strip():
        try:
            re.compile(regex)
        except re.error as exc:
            message = f"malformed regular expression {regex!r}: {exc}"
            found.append(Violation("pathRegex", "malformed_pattern", message))
    operation = body.get("operation")
    if isinstance(operation, str) and operation.strip() and operation not in operations():
        found.append(
            Violation(
                "operation",
                "unknown_operation",
                f"{operation!r} is not an operation of the SDK's endpoint table "
                "(an endpoint key such as 'order_sheets' or a method such as 'orders.acknowledge')",
            )
        )


def _check_firing(body: Mapping[str, Any], found: list[Violation]) -> None:
    """When a matching rule fires: ``probability`` (0-1), ``seed`` (whole), ``times`` (>= 1)
    and ``forSeconds`` (> 0)."""
    probability = body.get("probability", 1.0)
    if not _number(probability) or not 0.0 <= float(probability) <= 1.0:
        found.append(
            Violation("probability", "range", f"a number from 0 to 1, got {probability!r}")
        )
    seed = body.get("seed")
    if seed is not None and (not isinstance(seed, int) or isinstance(seed, bool)):
        found.append(Violation("seed", "type", "a whole number"))
    times = body.get("times")
    if times is not None and (not isinstance(times, int) or isinstance(times, bool) or times < 1):
        found.append(Violation("times", "range", f"a whole number >= 1, got {times!r}"))
    for_seconds = body.get("forSeconds")
    if for_seconds is not None and (not _number(for_seconds) or for_seconds <= 0):
        found.append(
            Violation("forSeconds", "range", f"a number of seconds > 0, got {for_seconds!r}")
        )


def _kind_params(kind: Any, body: Mapping[str, Any], found: list[Violation]) -> dict[str, Any]:
    """The known ``kind``'s own parameters (defaults filled in, checked), after refusing the
    fields only other kinds take; ``{}`` for an unknown kind."""
    if not isinstance(kind, str) or kind not in KIND_FIELDS:
        return {}
    own = KIND_FIELDS[kind]
    for name in ALL_FIELDS:
        if name not in COMMON_FIELDS and name not in own and name in body:
            takers = [k for k, fields in KIND_FIELDS.items() if name in fields]
            found.append(
                Violation(
                    name,
                    "not_for_kind",
                    f"not a field of kind {kind} (only of {', '.join(takers)})",
                )
            )
    if kind == "late_visibility":
        for name in ("method", "path", "pathRegex", "operation", "writesOnly"):
            if name in body:
                found.append(
                    Violation(
                        name,
                        "not_for_kind",
                        "late_visibility applies to order placement: it matches on vendorId only",
                    )
                )
    params = {name: body.get(name, default) for name, default in own.items()}
    found += _check_params(kind, params)
    return params


def _check_seconds(
    params: dict[str, Any],
    name: str,
    found: list[Violation],
    *,
    low: float,
    high: float = MAX_LATENCY_SECONDS,
) -> None:
    """``params[name]`` must be seconds from ``low`` to ``high``; it is made a float when so."""
    value = params[name]
    if not _number(value) or not low <= float(value) <= high:
        found.append(Violation(name, "range", f"seconds from {low:g} to {high:g}, got {value!r}"))
    else:
        params[name] = float(value)


def _field_names_ok(names: Any) -> bool:
    """A non-empty list of non-blank strings (``null_fields``'s ``fields``)?"""
    return (
        isinstance(names, list)
        and bool(names)
        and all(isinstance(n, str) and n.strip() for n in names)
    )


def _check_params(kind: str, params: dict[str, Any]) -> list[Violation]:
    """The violations of a kind's own parameters (seconds in range, enums); seconds become
    floats in ``params``."""
    found: list[Violation] = []
    if kind == "rate_limit":
        _check_seconds(params, "blockSeconds", found, low=0.0, high=86400.0)
    elif kind == "error" and params["status"] not in ERROR_STATUSES:
        found.append(Violation("status", "enum", f"one of 500, 502, 503, got {params['status']!r}"))
    elif kind == "gateway_timeout":
        _check_seconds(params, "latencySeconds", found, low=0.0)
    elif kind == "latency":
        _check_seconds(params, "latencySeconds", found, low=0.0)
        _check_seconds(params, "jitterSeconds", found, low=0.0)
    elif kind == "commit_then_drop" and params["then"] not in ("drop", "504"):
        found.append(Violation("then", "enum", f"'drop' or '504', got {params['then']!r}"))
    elif kind == "null_fields" and not _field_names_ok(params["fields"]):
        found.append(Violation("fields", "required", "a non-empty list of field names"))
    elif kind == "late_visibility":
        _check_seconds(params, "extraSeconds", found, low=1.0, high=30 * 86400.0)
    return found


# -- a fired fault ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Fired:
    """A rule that fired for one request, with its draw (the jitter's share of this firing)."""

    rule: FaultRule
    draw: float

    @property
    def kind(self) -> str:
        """The fault kind applied."""
        return self.rule.kind

    def param(self, name: str) -> Any:
        """One of the rule's kind fields."""
        return self.rule.spec.params[name]


@dataclass(slots=True)
class Faulted:
    """What the event loop does with a faulted request: wait ``delay`` seconds, then answer
    ``response``, or drop the connection when it is ``None``."""

    response: Response | None
    delay: float = 0.0

    async def deliver(self, request: Request) -> Response:
        """Wait on the event loop (never in a worker thread), then answer or drop."""
        if self.delay > 0:
            await anyio.sleep(self.delay)
        if self.response is not None:
            return self.response
        drop: Callable[[], None] | None = request.scope.get("extensions", {}).get(DROP_EXTENSION)
        if drop is None:
            raise DroppedConnection
        drop()
        await anyio.sleep(0)  # let the transport report the lost connection
        return Response(b"", status_code=599)  # never sent: the connection is gone


def mark(request: Request, kind: str) -> None:
    """Record the applied fault where the request log reads it (``scope["state"]["fault"]``)."""
    request.scope.setdefault("state", {})["fault"] = kind


def gateway_timeout_response() -> Response:
    """The gateway's 504 (``{"code": "ERROR", "message": ...}``, as its other refusals)."""
    return CoupangJSONResponse(
        {
            "code": "ERROR",
            "message": "Gateway Timeout: the provider did not answer in time "
            "(send X-EXTENDED-TIMEOUT to wait longer)",
        },
        504,
    )


def error_response(status: int) -> Response:
    """A 5xx in Coupang's envelope."""
    messages = {500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable"}
    return CoupangJSONResponse({"code": status, "message": messages[status], "data": None}, status)


def extended_timeout(request: Request) -> float | None:
    """The request's ``X-EXTENDED-TIMEOUT`` in seconds (``None`` when absent or malformed)."""
    text = request.headers.get(EXTENDED_TIMEOUT_HEADER)
    if text is None or not text.strip().isdigit():
        return None
    return int(text.strip()) / 1000.0


def before_handler(fired: Fired, request: Request, gateway_timeout: float) -> Faulted | None:
    """The answer of a fault that replaces the handler, or ``None`` when the handler runs."""
    kind = fired.kind
    if kind == "block_page":
        return Faulted(gateway_pages.access_denied(str(request.url)))
    if kind == "redirect_block":
        return Faulted(gateway_pages.redirect_block(str(fired.param("location"))))
    if kind == "error":
        return Faulted(error_response(int(fired.param("status"))))
    if kind == "reset":
        return Faulted(None)
    if kind == "gateway_timeout":
        extended = extended_timeout(request)
        waits = gateway_timeout if extended is None else extended
        if float(fired.param("latencySeconds")) > waits:
            return Faulted(gateway_timeout_response(), delay=waits)
    return None


def after_handler(fired: Fired, response: Response) -> Response | Faulted:
    """The handler's answer as the fault changes it."""
    kind = fired.kind
    if kind == "gateway_timeout":
        return Faulted(response, delay=float(fired.param("latencySeconds")))
    if kind == "latency":
        jitter = float(fired.param("jitterSeconds")) * fired.draw
        return Faulted(response, delay=float(fired.param("latencySeconds")) + jitter)
    if kind == "commit_then_drop":
        return Faulted(None if fired.param("then") == "drop" else gateway_timeout_response())
    if kind == "null_fields":
        return null_fields(response, fired.param("fields"))
    return response


def _nulled(value: Any, names: frozenset[str]) -> Any:
    if isinstance(value, dict):
        return {k: None if k in names else _nulled(v, names) for k, v in value.items()}
    if isinstance(value, list):
        return [_nulled(v, names) for v in value]
    return value


def null_fields(response: Response, names: Sequence[str]) -> Response:
    """``response`` with every field named in ``names`` set to null, at any depth (a body that
    is not JSON is left as it is)."""
    try:
        document = json.loads(bytes(response.body))
    except ValueError:
        return response
    body = json.dumps(
        _nulled(document, frozenset(names)), ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")
    response.body = body
    response.headers["content-length"] = str(len(body))
    return response


# -- the service -----------------------------------------------------------------------------------


class Faults:
    """The fault rules of one app: stored in the store, cached per store generation.

    The cache holds the definitions only; the counters (and so ``times``) are updated in the
    store atomically when a rule matches, so every process sees one count.
    """

    def __init__(self, store: Store, clock: SandboxClock) -> None:
        """Bind the rules to ``store`` (where they and their counters live) and ``clock``."""
        self._store = store
        self._clock = clock
        self._lock = threading.Lock()
        self._rules: tuple[FaultRule, ...] | None = None
        #: Rules this process saw reach their ``times``: not counted again.
        self._spent: set[int] = set()

    def forget(self) -> None:
        """Drop the cached rules (another process changed them, or the store was reset)."""
        with self._lock:
            self._rules = None
            self._spent.clear()

    def rules(self) -> tuple[FaultRule, ...]:
        """The rules as cached (read from the store once per generation)."""
        rules = self._rules
        if rules is None:
            with self._store.engine.connect() as conn:
                rules = tuple(_rule_of(row) for row in db.all_rules(conn))
            self._rules = rules
        return rules

    @property
    def may_block(self) -> bool:
        """Could a rule have blocked a vendor? (Then a disabled throttle still checks blocks.)"""
        return any(rule.kind == "rate_limit" for rule in self.rules())

    # control API

    def add(self, spec: FaultSpec) -> FaultRule:
        """Store a new rule (active from the sandbox clock's now)."""
        now = self._clock.now()
        with self._store.engine.begin() as conn:
            rule_id = r.next_id(conn, "fault", 1)
            db.insert_rule(conn, rule_id, json.dumps(spec.to_json()), to_us(now))
            r.generation_bump(conn)
        self.forget()
        return _compile(rule_id, spec, from_us(to_us(now)))

    def listed(self) -> list[FaultRule]:
        """Every rule with its current counters, oldest first."""
        with self._store.engine.connect() as conn:
            return [_rule_of(row) for row in db.all_rules(conn)]

    def get(self, rule_id: int) -> FaultRule | None:
        """One rule with its counters, or ``None``."""
        with self._store.engine.connect() as conn:
            row = db.get_rule(conn, rule_id)
        return None if row is None else _rule_of(row)

    def remove(self, rule_id: int) -> bool:
        """Remove one rule; ``False`` when there is none with that id."""
        with self._store.engine.begin() as conn:
            removed = db.delete_rule(conn, rule_id)
            if removed:
                r.generation_bump(conn)
        self.forget()
        return removed

    def clear(self) -> int:
        """Remove every rule; the number removed."""
        with self._store.engine.begin() as conn:
            removed = db.delete_all(conn)
            r.generation_bump(conn)
        self.forget()
        return removed

    # the request path

    def _fire(self, conn: Connection, rule: FaultRule, now: datetime) -> tuple[bool, float] | None:
        """Count a match of ``rule`` and draw: ``(fired, jitter draw)``; ``None`` when the rule
        is gone or spent."""
        number = db.count_match(conn, rule.id)
        if number is None:
            return None
        draws = random.Random(f"{rule.spec.seed}:{number}")  # noqa: S311 -- a seeded sequence
        chance, jitter = draws.random(), draws.random()
        if chance >= rule.spec.probability:
            return False, jitter
        if db.count_hit(conn, rule.id, rule.spec.times) is None:
            self._spent.add(rule.id)
            return None
        return True, jitter

    def pick(
        self, method: str, path: str, vendor_id: str, *, kinds: frozenset[str] | None = None
    ) -> Fired | None:
        """The first rule that fires for this request (counting every rule it matched on the
        way), or ``None``. ``kinds`` limits the rules tried (the order placement asks for
        ``late_visibility`` only; signed requests for every other kind)."""
        rules = self.rules()
        if not rules:
            return None
        now = self._clock.now()
        candidates = [
            rule
            for rule in rules
            if rule.id not in self._spent
            and (rule.kind in kinds if kinds is not None else rule.kind != "late_visibility")
            and rule.active(now)
            and rule.matches(method, path, vendor_id)
        ]
        if not candidates:
            return None
        with self._store.engine.begin() as conn:
            for rule in candidates:
                outcome = self._fire(conn, rule, now)
                if outcome is not None and outcome[0]:
                    return Fired(rule, outcome[1])
        return None

    def visibility_delay(self, vendor_id: str) -> float:
        """Extra seconds before an order placed now reaches the seller's order reads: the
        ``extraSeconds`` of a ``late_visibility`` rule that fires for this vendor, else 0.
        Called by the orders backend when it places an order (before its transaction)."""
        fired = self.pick("POST", "/_sandbox/orders", vendor_id, kinds=_LATE)
        return 0.0 if fired is None else float(fired.param("extraSeconds"))


_LATE: Final = frozenset({"late_visibility"})


def visibility_delay(store: Store, clock: SandboxClock, vendor_id: str) -> float:
    """The hook of the orders backend: extra seconds before an order of ``vendor_id`` placed
    now shows in the seller's order reads (``late_visibility``; 0 without such a rule). Call it
    before the placement's transaction: it counts the rule's match in its own."""
    return Faults(store, clock).visibility_delay(vendor_id)
