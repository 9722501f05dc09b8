"""Route tables -> Starlette routes, with the gateway work (HMAC, vendor, body) done once here."""

from __future__ import annotations

import functools
import hmac
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import anyio
import anyio.lowlevel
import anyio.to_thread
from sqlalchemy.exc import DBAPIError
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from coupang_sandbox import auth, faults, gateway_pages
from coupang_sandbox.context import Sandbox
from coupang_sandbox.errors import (
    AdminAuthError,
    BadRequest,
    NotFound,
    PayloadTooLarge,
    RetiredApi,
    SandboxError,
    TooManyRequests,
    ValidationFailed,
    internal_error_response,
    logger,
    store_failure,
    violations_or_raise,
)
from coupang_sandbox.exposure import check_control_request
from coupang_sandbox.request_log import note_caller, note_refusal
from coupang_sandbox.throttle import retry_after_header
from coupang_seller.preflight import Violation

BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})
#: Methods that change nothing: run once more when their database connection was dead.
SAFE_METHODS = frozenset({"GET", "HEAD"})
MSG_BODY_VENDOR = "params's vendorId not equals gateway's vendorId!"


class VendorMismatchError(BadRequest):
    """A ``vendorId`` in the query or the body that is not the access key's vendor: the
    gateway's refusal, for every endpoint (the path's vendorId answers 404 instead)."""

    def __init__(self) -> None:
        violation = Violation("vendorId", "vendor_mismatch", MSG_BODY_VENDOR)
        super().__init__(MSG_BODY_VENDOR, extra={"errors": [violation.as_dict()]})


@dataclass(slots=True)
class Call:
    """What a handler gets: the request, the services, the calling vendor and the JSON body."""

    request: Request
    sandbox: Sandbox
    vendor_id: str
    body: dict[str, Any]

    @property
    def path(self) -> dict[str, Any]:
        """The path parameters of the route."""
        return self.request.path_params

    def query(self, name: str) -> str | None:
        """The query parameter ``name`` as sent (``None`` when absent)."""
        return self.request.query_params.get(name)


Handler = Callable[[Call], Response]
#: ``(method, path template, handler)``
RouteSpec = tuple[str, str, Handler]

_OPTIONAL_BODY = "_sandbox_optional_body"
_ARRAY_BODY = "_sandbox_array_body"
#: Key under which a top-level JSON array body reaches an ``array_body`` handler.
ARRAY_KEY = "__array__"


def optional_body(handler: Handler) -> Handler:
    """Mark a PUT/POST handler whose endpoint takes no body (Coupang's path-only mutations)."""
    setattr(handler, _OPTIONAL_BODY, True)
    return handler


def array_body(handler: Handler) -> Handler:
    """Mark a handler whose endpoint also takes a JSON array of objects (documented samples
    send one); the handler finds it in ``call.body[ARRAY_KEY]``."""
    setattr(handler, _ARRAY_BODY, True)
    return handler


_RETIRED = "_sandbox_retired"


def retired(name: str, hint: str) -> Handler:
    """A handler for an API Coupang has retired: HTTP 410 naming the API and its replacement.

    The handler is marked, so the coverage table and the OpenAPI document can tell retired
    routes from served ones (:func:`is_retired`). It takes any body, or none.
    """

    def handler(call: Call) -> Response:
        """Answer 410 naming the replacement."""
        raise RetiredApi(name, hint)

    setattr(handler, _RETIRED, True)
    setattr(handler, _OPTIONAL_BODY, True)
    return handler


def is_retired(handler: Handler) -> bool:
    """Whether ``handler`` answers 410 for a retired endpoint."""
    return bool(getattr(handler, _RETIRED, False))


def _unescaped_fields(value: Any, path: str = "") -> list[str]:
    """The fields whose string holds a raw control character (newline, tab, ...)."""
    if isinstance(value, str):
        return [path or "$"] if any(ord(c) < 0x20 for c in value) else []
    if isinstance(value, dict):
        return [
            f for k, v in value.items() for f in _unescaped_fields(v, f"{path}.{k}" if path else k)
        ]
    if isinstance(value, list):
        return [f for i, v in enumerate(value) for f in _unescaped_fields(v, f"{path}[{i}]")]
    return []


def _raise_unescaped(raw: bytes) -> None:
    """A body that is JSON but for raw control characters inside strings: name the fields.

    JSON text must escape them (a line break is written ``\\n``); Coupang refuses such a body
    (its answer texts, e.g. CS replies, must be valid JSON text).
    """
    try:
        loose = json.loads(raw, strict=False, parse_constant=_reject_constant)
    except (ValueError, RecursionError):
        return
    fields = _unescaped_fields(loose)
    if fields:
        raise ValidationFailed(
            [
                Violation(
                    field,
                    "json_escape",
                    f"{field}: a raw control character (line break, tab, ...) inside a JSON "
                    "string is not valid JSON text; escape it (\\n, \\t)",
                )
                for field in fields
            ]
        )


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


#: Objects and arrays nested deeper than this are refused (Coupang's bodies nest a few levels).
MAX_JSON_DEPTH = 64


class _Pairs(dict[str, Any]):
    """A JSON object as parsed, remembering the keys it held more than once."""

    duplicates: list[str]


def _object_pairs(pairs: list[tuple[str, Any]]) -> _Pairs:
    obj = _Pairs()
    obj.duplicates = []
    for key, value in pairs:
        if key in obj and key not in obj.duplicates:
            obj.duplicates.append(key)
        obj[key] = value
    return obj


def _is_bad_char(char: str) -> bool:
    return char == "\0" or "\ud800" <= char <= "\udfff"


def _printable(key: str) -> str:
    """A key as it can be shown in a path: NULs and lone surrogates written as escapes (a lone
    surrogate cannot even be encoded in the UTF-8 answer)."""
    return "".join(f"\\u{ord(c):04x}" if _is_bad_char(c) or c < " " else c for c in key)


def _text_problem(text: str) -> str | None:
    if "\0" in text:
        return "holds a NUL character (\\u0000), which is not allowed in text"
    if any("\ud800" <= c <= "\udfff" for c in text):
        return (
            "holds a lone UTF-16 surrogate (such as \\ud800): not valid Unicode text; "
            "escape a character outside the BMP as a surrogate pair"
        )
    return None


def _json_violations(value: Any, path: str = "", depth: int = 0) -> list[Violation]:
    """What makes a parsed body unusable as text: NULs and lone surrogates in strings or keys
    (rule ``json_text``), keys given twice in one object (``json_duplicate_key``), nesting
    deeper than :data:`MAX_JSON_DEPTH` (``json_depth``), each naming its field path."""
    if isinstance(value, str):
        problem = _text_problem(value)
        return [] if problem is None else [Violation(path or "$", "json_text", problem)]
    if depth >= MAX_JSON_DEPTH and isinstance(value, dict | list):
        message = f"nested more than {MAX_JSON_DEPTH} levels deep"
        return [Violation(path or "$", "json_depth", message)]
    found: list[Violation] = []
    if isinstance(value, dict):
        for key in getattr(value, "duplicates", ()):
            where = f"{path}.{_printable(key)}" if path else _printable(key)
            found.append(Violation(where, "json_duplicate_key", "this key is given more than once"))
        for key, item in value.items():
            where = f"{path}.{_printable(key)}" if path else _printable(key)
            problem = _text_problem(key)
            if problem is not None:
                found.append(Violation(where, "json_text", f"the key {problem}"))
            found.extend(_json_violations(item, where, depth + 1))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(_json_violations(item, f"{path}[{index}]", depth + 1))
    return found


async def read_body(request: Request, limit: int) -> bytes | PayloadTooLarge:
    """The raw body, read on the event loop; the 413 is returned (not raised) so that the
    caller can still answer the gateway's own refusals (401, 429) first."""
    length = request.headers.get("content-length")
    if length is not None and length.isdigit() and int(length) > limit:
        return PayloadTooLarge(limit)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            return PayloadTooLarge(limit)
        chunks.append(chunk)
    return b"".join(chunks)


def parse_json_object(
    raw: bytes | PayloadTooLarge, *, required: bool, allow_array: bool = False
) -> dict[str, Any]:
    """The body as a JSON object; 413 for a body over the limit, 400 for anything but an object
    (or, with ``allow_array``, a non-empty array of objects, returned under ``ARRAY_KEY``) and
    for text no store can hold (see :func:`_json_violations`)."""
    if isinstance(raw, PayloadTooLarge):
        raise raw
    if not raw.strip():
        if required:
            raise BadRequest("Required request body is missing")
        return {}
    try:
        value = json.loads(raw, parse_constant=_reject_constant, object_pairs_hook=_object_pairs)
    except (ValueError, RecursionError) as exc:
        reason = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)[:200]
        if reason.startswith("Invalid control character"):
            _raise_unescaped(raw)
        raise BadRequest(f"JSON parse error: {reason}") from None
    violations_or_raise(_json_violations(value))
    if (
        allow_array
        and isinstance(value, list)
        and value
        and all(isinstance(v, dict) for v in value)
    ):
        return {ARRAY_KEY: value}
    if not isinstance(value, dict):
        raise BadRequest(
            f"JSON parse error: the request body must be a JSON object, not {type(value).__name__}"
        )
    return value


async def read_json_object(
    request: Request, limit: int, *, required: bool, allow_array: bool = False
) -> dict[str, Any]:
    """The body as a JSON object (:func:`read_body`, then :func:`parse_json_object`)."""
    raw = await read_body(request, limit)
    return parse_json_object(raw, required=required, allow_array=allow_array)


def _guarded(run: Callable[[Request], Any]) -> Callable[[Request], Any]:
    async def endpoint(request: Request) -> Response:
        """Run the route; any error answers in Coupang's envelope, never a framework page."""
        try:
            response: Response = await run(request)
            return response
        except SandboxError as exc:
            note_refusal(request.scope, exc)  # the request log's field, rule and reason
            return exc.response()
        except faults.DroppedConnection:
            raise  # a fault drops the connection: no answer at all (see coupang_sandbox.faults)
        except Exception as exc:  # noqa: BLE001 -- every error answers in the envelope, never a framework page
            failure = store_failure(exc)
            if failure is not None:
                note_refusal(request.scope, failure)
                logger.warning(
                    "store failure on %s %s: %s", request.method, request.url.path, failure.message
                )
                return failure.response()
            logger.exception("unexpected error on %s %s", request.method, request.url.path)
            return internal_error_response()

    return endpoint


def _group(specs: Sequence[RouteSpec]) -> dict[str, dict[str, Handler]]:
    grouped: dict[str, dict[str, Handler]] = {}
    for method, path, handler in specs:
        methods = grouped.setdefault(path, {})
        if method in methods:
            raise ValueError(f"duplicate route {method} {path}")
        methods[method] = handler
    return grouped


def _run_handler(handler: Handler, call: Call) -> Response:
    """Run ``handler``; a read whose pooled database connection turned out dead runs once more.

    The store pings a pooled connection only after it sat idle (not on every checkout), so a
    connection that died a moment ago fails the statement; SQLAlchemy then recycles the pool.
    A read has changed nothing, so it is simply run again on a fresh connection. A write is
    not repeated (its commit may have landed): it fails once, as on a real outage.
    """
    try:
        return handler(call)
    except DBAPIError as exc:
        if not exc.connection_invalidated or call.request.method not in SAFE_METHODS:
            raise
    return handler(call)


def signed_routes(specs: Sequence[RouteSpec]) -> list[Route]:
    """Routes behind the HMAC gateway: vendor from the key, vendorId checks, JSON body.

    The body is read on the event loop; everything that touches the store (the generation
    check, the vendor lookup, the throttle, the handler's transaction) runs in one threadpool
    hop, so that a slow store or a slow handler never stalls the other clients.
    """
    routes = []
    for path, handlers in _group(specs).items():

        async def run(request: Request, handlers: dict[str, Handler] = handlers) -> Response:
            """Read the body on the loop, then serve the signed call in one worker-thread hop."""
            sandbox: Sandbox = request.app.state.sandbox
            handler = handlers["GET" if request.method == "HEAD" else request.method]
            raw: bytes | PayloadTooLarge = b""
            if request.method in BODY_METHODS:
                raw = await read_body(request, sandbox.settings.max_body_bytes)
            serve = _serve_watched if sandbox.error_burst.enabled else _serve_signed
            result = await _in_thread(serve, request, sandbox, handler, raw)
            if isinstance(result, faults.Faulted):
                return await result.deliver(request)
            return result

        route = Route(path, _guarded(run), methods=list(handlers))
        # a ``{rest:path}`` remainder matches any character, a line break included: Starlette
        # compiles ``.*`` without DOTALL, so ``/a%0Ab`` fell through to a neighbour's 405
        route.path_regex = re.compile(route.path_regex.pattern, re.DOTALL)
        #: ``{method: handler}``, read by the coverage table and the OpenAPI generator.
        route.handlers = dict(handlers)  # type: ignore[attr-defined]
        routes.append(route)
    return routes


#: Requests doing store work in worker threads at once, per app and event loop; the others
#: wait on the event loop (not in a thread). A request may hold two pooled connections (its
#: transaction and a nested read), and SQLAlchemy's default pool has 5 + 10: 7 threads can
#: never wait on each other for a connection.
STORE_THREADS = 7


def _limiter(request: Request) -> anyio.CapacityLimiter:
    """The app's limiter for the running event loop (a limiter belongs to one loop)."""
    token = anyio.lowlevel.current_token()
    state = request.app.state
    held: tuple[object, anyio.CapacityLimiter] | None = getattr(state, "store_threads", None)
    if held is None or held[0] is not token:
        held = (token, anyio.CapacityLimiter(STORE_THREADS))
        state.store_threads = held
    return held[1]


async def _in_thread(
    serve: Callable[[Request, Sandbox, Handler, bytes | PayloadTooLarge], _R],
    request: Request,
    sandbox: Sandbox,
    handler: Handler,
    raw: bytes | PayloadTooLarge,
) -> _R:
    """One threadpool hop for the whole blocking part of a request."""
    run = functools.partial(_serialised, serve, request, sandbox, handler, raw)
    return await anyio.to_thread.run_sync(run, limiter=_limiter(request))


#: A blocking part's outcome: the answer, or what a fault makes of it (a wait, a drop), which
#: the event loop carries out (:meth:`coupang_sandbox.faults.Faulted.deliver`).
Served = Response | faults.Faulted
_R = TypeVar("_R", Response, Served)


def _serialised(
    serve: Callable[[Request, Sandbox, Handler, bytes | PayloadTooLarge], _R],
    request: Request,
    sandbox: Sandbox,
    handler: Handler,
    raw: bytes | PayloadTooLarge,
) -> _R:
    """Run ``serve`` in this worker thread, alone when the store is one shared connection."""
    if sandbox.one_at_a_time is None:
        return serve(request, sandbox, handler, raw)
    with sandbox.one_at_a_time:
        return serve(request, sandbox, handler, raw)


def _serve_watched(
    request: Request, sandbox: Sandbox, handler: Handler, raw: bytes | PayloadTooLarge
) -> Served:
    """:func:`_serve_signed` under the error-burst protection: a blocked peer gets the HTML
    block page; every other 4xx answer counts toward its burst."""
    peer = request.client.host if request.client else ""
    if sandbox.error_burst.blocked(peer) is not None:
        return gateway_pages.access_denied(str(request.url))
    try:
        result = _serve_signed(request, sandbox, handler, raw)
    except SandboxError as exc:
        result = exc.response()
    answer = result.response if isinstance(result, faults.Faulted) else result
    if answer is not None and 400 <= answer.status_code < 500:
        sandbox.error_burst.record(peer)
    return result


def _serve_signed(
    request: Request, sandbox: Sandbox, handler: Handler, raw: bytes | PayloadTooLarge
) -> Served:
    """The blocking part of a signed call (in a worker thread): gateway checks, the fault
    rules, body, handler."""
    sandbox.refresh()
    settings = sandbox.settings
    vendor = auth.verify(
        request.scope,
        request.headers.get("authorization"),
        lookup=sandbox.keys.lookup,
        wall_clock=settings.wall_clock,
        skew_seconds=settings.signature_skew_seconds,
    )
    note_caller(request.scope, vendor.vendor_id, vendor.access_key)  # for the request log
    sandbox.keys.admit(vendor.access_key, request.scope.get("client"))
    wait = sandbox.throttle.check(vendor.vendor_id, blocks=sandbox.faults.may_block)
    if wait is not None:
        raise TooManyRequests(vendor.vendor_id, wait, retry_after_header(wait))
    fired = sandbox.faults.pick(request.method, request.url.path, vendor.vendor_id)
    if fired is not None:
        return _serve_faulted(fired, request, sandbox, handler, raw, vendor_id=vendor.vendor_id)
    return _serve_checked(request, sandbox, handler, raw, vendor.vendor_id)


def _serve_faulted(
    fired: faults.Fired,
    request: Request,
    sandbox: Sandbox,
    handler: Handler,
    raw: bytes | PayloadTooLarge,
    *,
    vendor_id: str,
) -> Served:
    """A request a fault rule fired for: the fault's answer instead of the handler's, or the
    handler's answer as the fault changes it (a refusal included)."""
    faults.mark(request, fired.kind)
    if fired.kind == "rate_limit":
        seconds = sandbox.throttle.block(vendor_id, float(fired.param("blockSeconds")))
        raise TooManyRequests(vendor_id, seconds, retry_after_header(seconds))
    early = faults.before_handler(fired, request, sandbox.settings.gateway_timeout_seconds)
    if early is not None:
        return early
    try:
        response = _serve_checked(request, sandbox, handler, raw, vendor_id)
    except SandboxError as exc:
        note_refusal(request.scope, exc)  # the request log's field, rule and reason
        response = exc.response()
    return faults.after_handler(fired, response)


def _serve_checked(
    request: Request,
    sandbox: Sandbox,
    handler: Handler,
    raw: bytes | PayloadTooLarge,
    vendor_id: str,
) -> Response:
    """The vendorId checks, the body and the handler (after the gateway's checks)."""
    path_vendor = request.path_params.get("vendorId")
    if path_vendor is not None and path_vendor != vendor_id:
        raise NotFound(
            f"vendorId {path_vendor} does not exist or does not belong to this access key"
        )
    query_vendor = (request.query_params.get("vendorId") or "").strip()
    if query_vendor and query_vendor != vendor_id:
        raise VendorMismatchError()
    body: dict[str, Any] = {}
    if request.method in BODY_METHODS:
        body = parse_json_object(
            raw,
            required=not getattr(handler, _OPTIONAL_BODY, False),
            allow_array=getattr(handler, _ARRAY_BODY, False),
        )
        for part in body.get(ARRAY_KEY) or [body]:
            if part.get("vendorId") is not None and part["vendorId"] != vendor_id:
                raise VendorMismatchError()
    return _run_handler(handler, Call(request, sandbox, vendor_id, body))


def admin_routes(specs: Sequence[RouteSpec]) -> list[Route]:
    """Control routes: not signed; ``Authorization: Bearer <admin_token>`` when one is set.
    Like :func:`signed_routes`, the store's work runs in the threadpool."""
    routes = []
    for path, handlers in _group(specs).items():

        async def run(request: Request, handlers: dict[str, Handler] = handlers) -> Response:
            """Check the control request's exposure, read the body, serve it in a worker thread."""
            check_control_request(request, request.app.state.sandbox.settings)
            sandbox: Sandbox = request.app.state.sandbox
            handler = handlers["GET" if request.method == "HEAD" else request.method]
            raw: bytes | PayloadTooLarge = b""
            if request.method in BODY_METHODS:
                raw = await read_body(request, sandbox.settings.max_body_bytes)
            return await _in_thread(_serve_admin, request, sandbox, handler, raw)

        routes.append(Route(path, _guarded(run), methods=list(handlers)))
    return routes


def _serve_admin(
    request: Request, sandbox: Sandbox, handler: Handler, raw: bytes | PayloadTooLarge
) -> Response:
    """The blocking part of a control call (in a worker thread): token, body, handler."""
    sandbox.refresh()
    token = sandbox.settings.admin_token
    if token is not None:
        given = request.headers.get("authorization", "")
        scheme, _, value = given.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(
            value.strip().encode(), token.encode()
        ):
            raise AdminAuthError
    body: dict[str, Any] = {}
    if request.method in BODY_METHODS:
        body = parse_json_object(raw, required=False)
    return handler(Call(request, sandbox, "", body))
