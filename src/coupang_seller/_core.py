"""The I/O-free heart of the SDK, shared by :class:`Client` and :class:`AsyncClient`.

Everything that decides — configuration, URL and query encoding, which error an answer
maps to, whether an attempt may be retried and after how long — lives here and never
touches the network or sleeps. The sync and async shells in ``_client.py`` only send,
sleep and loop.
"""

from __future__ import annotations

import functools
import ipaddress
import json
import logging
import os
import random
import re
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import Any, Final, Literal, Self, TypeVar
from urllib.parse import quote

import httpx
import pydantic

from coupang_seller import _constants as C
from coupang_seller._endpoints import LARGE_READS
from coupang_seller._exceptions import (
    AccessDeniedError,
    AccessKeyExpiredError,
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BusinessRuleError,
    CircuitOpenError,
    ConfigurationError,
    DeadlineExceededError,
    DuplicateShippingPlaceError,
    GatewayTimeoutError,
    GoneError,
    InvalidSignatureError,
    IPNotAllowedError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseTooLargeError,
    ServerError,
    SignatureExpiredError,
    UnexpectedResponseError,
    ValidationError,
)
from coupang_seller._ratelimit import (
    CircuitBreaker,
    RateLimiterRegistry,
    default_circuit_breaker,
    default_rate_limiters,
    parse_retry_after,
    scope_for_path,
)
from coupang_seller._redact import redact_headers, redact_json
from coupang_seller._secret import Secret
from coupang_seller._version import __version__

logger = logging.getLogger("coupang_seller")

ModelT = TypeVar("ModelT", bound=pydantic.BaseModel)

QueryValue = str | int | float | bool | date | datetime | None
QueryParams = Mapping[str, QueryValue | Sequence[str | int]]


class _NotGiven:
    """Sentinel for "argument not given" where ``None`` is a meaningful value."""

    _instance: _NotGiven | None = None

    def __new__(cls) -> _NotGiven:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __bool__(self) -> Literal[False]:
        return False


NOT_GIVEN: Final = _NotGiven()

#: Statuses worth retrying for a GET: transient gateway and provider failures. Coupang
#: also answers 500 for validation exceptions, so 500 is *not* retried.
RETRYABLE_STATUSES: Final = frozenset({502, 503, 504, 521, 524})
SAFE_METHODS: Final = frozenset({"GET", "HEAD", "OPTIONS"})


@dataclass(frozen=True)
class ClientOptions:
    """Resolved configuration of one client. The secret is a :class:`Secret`: it never
    appears in ``str``, ``repr`` or a traceback's locals (``secret_key.reveal()`` gives it)."""

    access_key: str
    secret_key: Secret = field(repr=False)
    vendor_id: str
    base_url: str
    user_id: str | None = None
    timeout: httpx.Timeout = field(default_factory=lambda: C.DEFAULT_TIMEOUT)
    extended_timeout: float | None = None
    max_retries: int = C.DEFAULT_MAX_RETRIES
    rate_limit: float | None = 10.0
    preflight: bool = True
    #: Body cap in bytes; ``None``: 8 MiB, 64 MiB for the known big reads.
    max_response_bytes: int | None = None
    #: Seconds one call may take, retries and waits included; ``None``: no deadline.
    deadline: float | None = C.DEFAULT_DEADLINE_SECONDS

    def __post_init__(self) -> None:
        if not isinstance(self.secret_key, Secret):  # a plain str given: mask it
            object.__setattr__(self, "secret_key", Secret.of(self.secret_key))
        if self.max_retries < 0:
            raise ConfigurationError("max_retries must be >= 0")
        check_max_response_bytes(self.max_response_bytes)
        check_deadline(self.deadline)
        if self.rate_limit is not None and self.rate_limit <= 0:
            raise ConfigurationError("rate_limit must be > 0 calls per second, or None to disable")
        check_extended_timeout(self.extended_timeout)
        if not self.base_url.startswith("https://") and not _is_loopback_http(self.base_url):
            raise ConfigurationError(
                f"base_url must use https:// (plain http is allowed only for a local sandbox "
                f"on loopback); got {self.base_url!r}"
            )


def _is_loopback_http(url: str) -> bool:
    """True for a plain ``http://`` URL whose host is ``localhost`` or a literal loopback IP.

    The host is parsed, never prefix-matched: ``http://127.evil.example`` and
    ``http://127.0.0.1.nip.io`` are names that DNS may point anywhere, so they are refused.
    """
    # httpx's own parser: the host checked is the host the connection will go to.
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL:
        return False
    host = parsed.host  # lower-cased, an IPv6 literal without its brackets
    if parsed.scheme != "http" or not host:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_max_response_bytes(value: int | None) -> None:
    """``max_response_bytes`` is ``None`` (the defaults) or a positive number of bytes."""
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value <= 0):
        raise ConfigurationError("max_response_bytes must be a positive int, or None")


def check_deadline(value: float | None) -> None:
    """``deadline`` is ``None`` (no deadline) or a positive, finite number of seconds."""
    if value is not None and not (0 < value < float("inf")):
        raise ConfigurationError("deadline must be > 0 seconds, or None for no deadline")


def check_extended_timeout(value: float | None) -> None:
    """Raise ConfigurationError unless ``value`` is None or in (0, MAX_EXTENDED_TIMEOUT_SECONDS]."""
    if value is not None and not (0 < value <= C.MAX_EXTENDED_TIMEOUT_SECONDS):
        raise ConfigurationError(
            f"extended_timeout must be between 0 and {C.MAX_EXTENDED_TIMEOUT_SECONDS:g} seconds"
        )


def _env(environ: Mapping[str, str] | None, name: str) -> str | None:
    return (os.environ if environ is None else environ).get(name)


def resolve_options(
    *,
    access_key: str | None,
    secret_key: pydantic.SecretStr | str | None,
    vendor_id: str | None,
    base_url: str | None,
    user_id: str | None,
    timeout: float | httpx.Timeout | None,
    extended_timeout: float | None,
    max_retries: int,
    rate_limit: float | None,
    preflight: bool,
    max_response_bytes: int | None = None,
    deadline: float | None = C.DEFAULT_DEADLINE_SECONDS,
    environ: Mapping[str, str] | None = None,
) -> ClientOptions:
    """Arguments first, then the environment. Called when a client is built, never at import."""
    # No local holds os.environ (its repr shows COUPANG_SECRET_KEY to any error tracker
    # capturing this frame's locals), and the secret is wrapped at once.
    access_key = access_key or _env(environ, C.ENV_ACCESS_KEY)
    secret_key = Secret.of(secret_key or _env(environ, C.ENV_SECRET_KEY) or "")
    vendor_id = vendor_id or _env(environ, C.ENV_VENDOR_ID)
    missing = [
        name
        for name, value in (
            (f"access_key ({C.ENV_ACCESS_KEY})", access_key),
            (f"secret_key ({C.ENV_SECRET_KEY})", secret_key),
            (f"vendor_id ({C.ENV_VENDOR_ID})", vendor_id),
        )
        if not value
    ]
    if missing or not access_key or not secret_key or not vendor_id:
        raise ConfigurationError("missing credentials: " + ", ".join(missing))
    resolved_timeout = (
        C.DEFAULT_TIMEOUT
        if timeout is None
        else timeout
        if isinstance(timeout, httpx.Timeout)
        else httpx.Timeout(timeout)
    )
    return ClientOptions(
        access_key=access_key,
        secret_key=secret_key,
        vendor_id=vendor_id,
        base_url=(base_url or _env(environ, C.ENV_BASE_URL) or C.DEFAULT_BASE_URL).rstrip("/"),
        user_id=user_id or _env(environ, C.ENV_USER_ID) or None,
        timeout=resolved_timeout,
        extended_timeout=extended_timeout,
        max_retries=max_retries,
        rate_limit=rate_limit,
        preflight=preflight,
        max_response_bytes=max_response_bytes,
        deadline=deadline,
    )


def _query_text(value: QueryValue | int | str) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def encode_query(params: QueryParams | None) -> str:
    """Encode query parameters once, deterministically, in the given order.

    Unreserved characters (RFC 3986: letters, digits, ``-._~``) stay literal; everything else,
    Korean text included, is percent-encoded as UTF-8 (space as ``%20``). A list value becomes a
    comma-separated value, the form Coupang documents (``returnCenterCodes=1,2``). ``None``
    values are dropped. The string returned is exactly what is sent and what is signed.
    """
    if not params:
        return ""
    parts: list[str] = []
    for key, value in params.items():
        if value is None:
            continue
        if isinstance(value, list | tuple):
            text = ",".join(_query_text(v) for v in value)
        else:
            text = _query_text(value)  # type: ignore[arg-type]
        parts.append(f"{quote(key, safe='-_.~')}={quote(text, safe='-_.~')}")
    return "&".join(parts)


#: A path made of plain segments only (letters, digits, ``-._~``; no ``.``/``..`` segment,
#: no empty one): what every typed resource sends. httpx would leave it as it is.
_PLAIN_PATH_RE: Final = re.compile(r"(?:/[A-Za-z0-9_~-][A-Za-z0-9_.~-]*)*/?")
#: What :func:`encode_query` produces: unreserved characters, ``%XX`` escapes, ``=`` and ``&``.
_PLAIN_QUERY_RE: Final = re.compile(r"(?:[A-Za-z0-9_.~=&-]|%[0-9A-F]{2})*")


class UrlComposer:
    """Builds each call's :class:`httpx.URL` on the client's base URL, parsing it at most once.

    A plain path (every typed call: fixed segments and :func:`path_param` values) and a query
    from :func:`encode_query` need no normalising or escaping, so their URL is composed onto
    the base's parsed form directly; anything else (a hand-written path with ``..``, spaces,
    Korean...) goes through httpx's parser. Both give the same URL
    (``tests/sdk/test_lean_path.py``); the signature is computed over the resulting
    ``raw_path`` either way.
    """

    __slots__ = ("_base", "_parsed", "_prefix")

    def __init__(self, base_url: str) -> None:
        self._base = base_url.rstrip("/")
        parsed = getattr(httpx.URL(self._base), "_uri_reference", None)
        plain = (
            _compose_supported()
            and parsed is not None
            and parsed.query is None
            and parsed.fragment is None
            and _PLAIN_PATH_RE.fullmatch(parsed.path) is not None
        )
        #: httpx's parsed form of the base (``None``: always parse).
        self._parsed = parsed if plain else None
        self._prefix = parsed.path.rstrip("/") if plain and parsed is not None else ""

    def url(self, path: str, query: str) -> httpx.URL:
        """The URL of ``path`` (starting with ``/``) and ``query`` (no ``?``; may be empty)."""
        if (
            self._parsed is not None
            and _PLAIN_PATH_RE.fullmatch(path)
            and _PLAIN_QUERY_RE.fullmatch(query)
        ):
            url = httpx.URL.__new__(httpx.URL)
            url._uri_reference = self._parsed._replace(
                path=self._prefix + path, query=query or None
            )
            return url
        return httpx.URL(self._base + path, query=query.encode("ascii") if query else None)


@functools.cache
def _compose_supported() -> bool:
    """Self-check of the private httpx structure :class:`UrlComposer` composes onto."""
    try:
        base = httpx.URL("http://127.0.0.1:8080/p")
        url = httpx.URL.__new__(httpx.URL)
        url._uri_reference = base._uri_reference._replace(path="/p/a-b/c", query="x=%EA%B0%80")
        expected = httpx.URL("http://127.0.0.1:8080/p/a-b/c?x=%EA%B0%80")
        return url == expected and url.raw_path == expected.raw_path
    except Exception:  # noqa: BLE001 - httpx's internals changed: parse every URL instead
        return False


_PATH_PARAM_RE = re.compile(r"^[A-Za-z0-9_.~-]+$")


def path_param(value: str | int, name: str) -> str:
    """Validate a value substituted into a path; refuse anything that could change the path."""
    text = str(value)
    if not _PATH_PARAM_RE.match(text):
        raise ValueError(f"{name} must be letters, digits, '-', '_', '.' or '~' (got {text!r})")
    return text


def extended_timeout_header(seconds: float | None) -> dict[str, str]:
    """The extended-timeout header (milliseconds) for ``seconds``; empty when None."""
    if seconds is None:
        return {}
    return {C.EXTENDED_TIMEOUT_HEADER: str(round(seconds * 1000))}


def effective_timeout(base: httpx.Timeout, extended: float | None) -> httpx.Timeout:
    """Our read timeout waits for the gateway's own timeout (3 s, or the extension) plus slack."""
    gateway = extended if extended is not None else C.GATEWAY_DEFAULT_TIMEOUT_SECONDS
    read = max(base.read or 0.0, gateway + C.TIMEOUT_SLACK_SECONDS)
    return httpx.Timeout(connect=base.connect, read=read, write=base.write, pool=base.pool)


def retry_delay(attempt: int, *, rng: random.Random | None = None) -> float:
    """Exponential backoff with full jitter: attempt 1 -> up to 0.5 s, 2 -> 1 s, ... capped."""
    ceiling = min(C.MAX_RETRY_DELAY, C.INITIAL_RETRY_DELAY * (2 ** (attempt - 1)))
    return (rng or random).uniform(ceiling / 2, ceiling)


def parse_body(response: httpx.Response) -> Any:
    """JSON when the body is JSON, else the text (the gateway's HTML pages, for instance)."""
    content = response.content
    if not content:
        return None
    try:
        return json.loads(content)
    except ValueError:
        return response.text


def _refusal_error(status: int, message: str, body: Any, kwargs: dict[str, Any]) -> APIStatusError:
    """400, 401 and 403: which refusal the body's message names."""
    lowered = message.lower()
    if status == 400:
        existing = body.get("existingCode") if isinstance(body, dict) else None
        if existing is not None:
            return DuplicateShippingPlaceError(message, existing_code=str(existing), **kwargs)
        return ValidationError(message, **kwargs)
    if status == 401:
        if "access key" in lowered and "expired" in lowered:
            return AccessKeyExpiredError(message, **kwargs)
        if "expired" in lowered:
            return SignatureExpiredError(message, **kwargs)
        if "signature" in lowered or "hmac" in lowered:
            return InvalidSignatureError(message, **kwargs)
        return AuthenticationError(message, **kwargs)
    if "not allowed ip" in lowered:
        return IPNotAllowedError(message, **kwargs)
    if "access denied" in lowered or isinstance(body, str):
        return AccessDeniedError(message, **kwargs)
    return PermissionDeniedError(message, **kwargs)


#: Statuses whose error type depends on the status alone.
_BY_STATUS: dict[int, type[APIStatusError]] = {
    404: NotFoundError,
    409: BusinessRuleError,
    410: GoneError,
}


def _status_error(
    status: int, message: str, response: httpx.Response, kwargs: dict[str, Any]
) -> APIStatusError:
    """Every other failed status: the gateway's 302 block, 404/409/410, 429, 504 and 5xx."""
    if status == 302:
        return PermissionDeniedError(
            f"blocked by the gateway (302 to {response.headers.get('Location', '?')})", **kwargs
        )
    if status in _BY_STATUS:
        return _BY_STATUS[status](message, **kwargs)
    if status == 429:
        return RateLimitError(
            message,
            retry_after=parse_retry_after(response.headers.get("Retry-After")),
            **kwargs,
        )
    if status == 504:
        return GatewayTimeoutError(
            message + " (the gateway waits 3 s by default; pass extended_timeout=...)", **kwargs
        )
    if status >= 500:
        return ServerError(message, **kwargs)
    return APIStatusError(message, **kwargs)


def _message_of(body: Any, response: httpx.Response) -> str:
    if isinstance(body, dict):
        for key in ("message", "errorMessage", "resultMessage", "responseMessage"):
            value = body.get(key)
            if isinstance(value, str) and value:
                return value
        # No message: show the body, without the buyer's data (error texts end up in logs).
        return json.dumps(redact_json(body), ensure_ascii=False)[:300]
    if isinstance(body, str):
        title = re.search(r"<title>(.*?)</title>", body, re.IGNORECASE | re.DOTALL)
        if title:
            return title.group(1).strip()
        return body.strip()[:300] or response.reason_phrase
    return response.reason_phrase or f"HTTP {response.status_code}"


def _is_error_code(code: Any) -> bool:
    if isinstance(code, str):
        if code.upper() in ("ERROR", "FAIL", "FAILED"):
            return True
        return code.isdigit() and int(code) >= 400
    return isinstance(code, int) and not isinstance(code, bool) and code >= 400


def _path_pattern(path: str) -> str:
    return "/".join(
        "[^/]+" if part.startswith("{") and part.endswith("}") else re.escape(part)
        for part in path.split("/")
    )


#: Paths of :data:`~coupang_seller._endpoints.LARGE_READS` (placeholders match one segment).
_LARGE_READ_RE: Final = re.compile(
    "(?:"
    + "|".join(
        _path_pattern(path) for endpoint in LARGE_READS for path in (endpoint.path, *endpoint.also)
    )
    + ")"
)


def default_max_response_bytes(method: str, path: str) -> int:
    """The body cap of a call nobody configured: larger for the known big reads."""
    if method in SAFE_METHODS and _LARGE_READ_RE.fullmatch(path):
        return C.LARGE_MAX_RESPONSE_BYTES
    return C.DEFAULT_MAX_RESPONSE_BYTES


class CallBudget:
    """The limits of one call: its body cap and the monotonic instant its deadline passes."""

    __slots__ = ("clipped", "deadline", "ends_at", "max_bytes", "timeouts")

    def __init__(self, *, max_bytes: int, deadline: float | None, ends_at: float | None) -> None:
        self.max_bytes = max_bytes
        self.deadline = deadline
        self.ends_at = ends_at
        #: The request's own timeouts, before an attempt clips them to the time left.
        self.timeouts: dict[str, float | None] | None = None
        #: Whether the running attempt's timeouts were clipped to the deadline.
        self.clipped = False

    def remaining(self) -> float | None:
        """Seconds left before the deadline (``None``: no deadline)."""
        return None if self.ends_at is None else self.ends_at - time.monotonic()


class CappedBody:
    """Collects a streamed body, refusing it past the cap or the deadline.

    The shells feed it the decoded chunks (``iter_bytes``), so a compressed bomb counts at
    its real size; :meth:`finish` hands the bytes to the response as if httpx had read it.
    """

    __slots__ = ("_budget", "_chunks", "_client", "_request", "_response", "_size")

    def __init__(
        self,
        client: BaseClient,
        request: httpx.Request,
        response: httpx.Response,
        budget: CallBudget,
    ) -> None:
        self._client = client
        self._request = request
        self._response = response
        self._budget = budget
        self._chunks: list[bytes] = []
        self._size = 0
        declared = response.headers.get("Content-Length")
        if declared is not None and declared.isdigit() and int(declared) > budget.max_bytes:
            raise client.too_large(request, response, budget, int(declared))

    def feed(self, chunk: bytes) -> None:
        """Keep one chunk; raise once the body passes the cap or the deadline has passed."""
        self._size += len(chunk)
        budget = self._budget
        if self._size > budget.max_bytes:
            raise self._client.too_large(self._request, self._response, budget, self._size)
        if budget.ends_at is not None and time.monotonic() >= budget.ends_at:
            raise self._client.deadline_exceeded(self._request, budget, processed=True)
        self._chunks.append(chunk)

    def finish(self) -> httpx.Response:
        """The response, its body read (``response.content`` works as usual)."""
        self._response._content = b"".join(self._chunks)
        return self._response


def release_stream(response: httpx.Response) -> None:
    """After :meth:`~httpx.Response.close`: swap the spent stream for an empty one.

    httpx binds a streamed response to its stream and the stream back to the response
    (``BoundSyncStream``/``BoundAsyncStream``), a cycle that keeps the request, the pool's
    wait event and its lock alive until the cyclic garbage collector runs: about 46 objects
    a call, which make every few calls pay a collection. Without the cycle they are freed
    at once, by reference counting. The body stays readable (``response.content``).
    """
    response.stream = _SPENT_STREAM


_SPENT_STREAM = httpx.ByteStream(b"")


class Decision:
    """What the shell should do after an attempt."""

    __slots__ = ("delay", "error", "retry")

    def __init__(self, *, retry: bool, delay: float = 0.0, error: Exception | None = None) -> None:
        self.retry = retry
        self.delay = delay
        self.error = error


class BaseClient:
    """State and decisions shared by the sync and async clients."""

    def __init__(
        self,
        options: ClientOptions,
        *,
        rate_limiters: RateLimiterRegistry | None = None,
        circuit_breaker: CircuitBreaker | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self._options = options
        #: ``effective_timeout(...).as_dict()`` per extended timeout (checked once each).
        self._timeouts: dict[float | None, dict[str, float | None]] = {}
        #: The base URL, parsed once; each call's URL is composed onto it.
        self._urls = UrlComposer(options.base_url)
        #: The HTTP client's default headers plus the JSON content type, built on first use.
        self._default_headers: httpx.Headers | None = None
        self._headers_of: httpx.Client | httpx.AsyncClient | None = None
        self._rate_limiters = rate_limiters or default_rate_limiters()
        self._breaker = circuit_breaker or default_circuit_breaker()
        #: The signing clock; also "now" of the time rules the SDK checks before sending.
        self._clock = clock

    @property
    def options(self) -> ClientOptions:
        """The resolved client options (base URL, vendorId, timeouts, retries)."""
        return self._options

    @property
    def vendor_id(self) -> str:
        """The vendorId this client signs for and puts in paths."""
        return self._options.vendor_id

    def now(self) -> datetime:
        """The SDK's one "now", an aware datetime: the ``clock`` the client was built with
        (a sandbox's business clock in tests and demos), else the system clock in UTC.

        It signs requests and it is the present of every time rule checked before sending
        (a cashback starts at least 2 hours ahead, a product's sale period).
        """
        return self._clock() if self._clock is not None else datetime.now(UTC)

    def __repr__(self) -> str:
        # Safe on a half-built client (its __init__ raised before the options were set).
        options: ClientOptions | None = getattr(self, "_options", None)
        if options is None:
            return f"{type(self).__name__}(<not initialised>)"
        return (
            f"{type(self).__name__}(vendor_id={options.vendor_id!r}, "
            f"base_url={options.base_url!r}, access_key={options.access_key[:4]}…)"
        )

    def _clone(self, options: ClientOptions) -> Self:
        raise NotImplementedError

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout | _NotGiven = NOT_GIVEN,
        extended_timeout: float | _NotGiven | None = NOT_GIVEN,
        max_retries: int | _NotGiven = NOT_GIVEN,
        rate_limit: float | _NotGiven | None = NOT_GIVEN,
        preflight: bool | _NotGiven = NOT_GIVEN,
        user_id: str | _NotGiven | None = NOT_GIVEN,
        max_response_bytes: int | _NotGiven | None = NOT_GIVEN,
        deadline: float | _NotGiven | None = NOT_GIVEN,
    ) -> Self:
        """A client sharing this one's connection pool, limiter and breaker, with some options changed."""
        options = with_replaced(
            self._options,
            timeout=timeout,
            extended_timeout=extended_timeout,
            max_retries=max_retries,
            rate_limit=rate_limit,
            preflight=preflight,
            user_id=user_id,
            max_response_bytes=max_response_bytes,
            deadline=deadline,
        )
        return self._clone(options)

    # -- request building ---------------------------------------------------------------
    def build_request(
        self,
        client: httpx.Client | httpx.AsyncClient,
        method: str,
        path: str,
        *,
        params: QueryParams | None,
        json_body: Any,
        extended_timeout: float | _NotGiven | None,
    ) -> httpx.Request:
        """The request to send: its URL built once (see :class:`UrlComposer`), the client's
        default headers (``User-Agent``...) and the timeouts set on it directly.

        No cookie is attached: the SDK's HTTP client keeps none (Coupang's API is stateless,
        every call is signed). The ``Authorization`` header is added at send time, over
        ``request.url.raw_path``, the exact path and query written to the socket.
        """
        if not path.startswith("/"):
            raise ValueError(f"path must start with '/' (got {path!r})")
        if "?" in path:
            raise ValueError("pass the query as params=..., not inside the path")
        extended = (
            self._options.extended_timeout
            if isinstance(extended_timeout, _NotGiven)
            else extended_timeout
        )
        headers = self._default_headers
        if headers is None or self._headers_of is not client:
            headers = self._default_headers = httpx.Headers(client.headers)
            headers["Content-Type"] = C.CONTENT_TYPE
            self._headers_of = client
        timeout = self._timeouts.get(extended)
        if timeout is None:
            check_extended_timeout(extended)
            timeout = self._timeouts[extended] = effective_timeout(
                self._options.timeout, extended
            ).as_dict()
        if extended is not None:
            headers = httpx.Headers(headers)
            headers.update(extended_timeout_header(extended))
        return httpx.Request(
            method.upper(),
            self._urls.url(path, encode_query(params)),
            headers=headers,
            content=None
            if json_body is None
            else json.dumps(json_body, ensure_ascii=False, separators=(",", ":")).encode(),
            extensions={"timeout": dict(timeout)},
        )

    # -- limits of one call ---------------------------------------------------------------
    def call_budget(
        self,
        request: httpx.Request,
        *,
        max_response_bytes: int | _NotGiven | None,
        deadline: float | _NotGiven | None,
    ) -> CallBudget:
        """Resolve a call's body cap and deadline (per call, else the client's, else defaults);
        the deadline clock starts now."""
        cap = (
            self._options.max_response_bytes
            if isinstance(max_response_bytes, _NotGiven)
            else max_response_bytes
        )
        if cap is None:
            cap = default_max_response_bytes(request.method, request.url.path)
        else:
            check_max_response_bytes(cap)
        seconds = self._options.deadline if isinstance(deadline, _NotGiven) else deadline
        check_deadline(seconds)
        ends_at = None if seconds is None else time.monotonic() + seconds
        return CallBudget(max_bytes=cap, deadline=seconds, ends_at=ends_at)

    def arm_attempt(self, request: httpx.Request, budget: CallBudget) -> None:
        """Before an attempt: raise if the deadline has passed, else clip the request's
        connect/read/write/pool timeouts to the time left."""
        remaining = budget.remaining()
        if remaining is None:
            return
        if remaining <= 0:
            raise self.deadline_exceeded(request, budget, processed=False)
        if budget.timeouts is None:
            budget.timeouts = dict(request.extensions.get("timeout") or {})
        clipped: dict[str, float | None] = {}
        budget.clipped = False
        for name in ("connect", "read", "write", "pool"):
            own = budget.timeouts.get(name)
            if own is None or own > remaining:
                clipped[name] = remaining
                budget.clipped = True
            else:
                clipped[name] = own
        request.extensions["timeout"] = clipped

    def check_wait(
        self,
        request: httpx.Request,
        budget: CallBudget,
        delay: float,
        *,
        processed: bool,
        cause: Exception | None = None,
    ) -> None:
        """Raise :class:`DeadlineExceededError` if waiting ``delay`` seconds would pass the
        deadline (no point sleeping to fail later)."""
        remaining = budget.remaining()
        if remaining is not None and delay >= remaining:
            error = self.deadline_exceeded(request, budget, processed=processed)
            if cause is None:
                raise error
            raise error from cause

    def deadline_exceeded(
        self, request: httpx.Request, budget: CallBudget, *, processed: bool
    ) -> DeadlineExceededError:
        """The error for a call past its deadline (also frees the breaker's probe slot)."""
        self._breaker.release_probe(self._options.vendor_id)
        return DeadlineExceededError(
            f"{request.method} {request.url.path} did not complete within its "
            f"{budget.deadline:g} s deadline"
            + ("; Coupang may have processed it - reconcile before resending" if processed else ""),
            request=request,
            request_may_have_been_processed=processed,
            deadline=budget.deadline or 0.0,
        )

    def too_large(
        self,
        request: httpx.Request,
        response: httpx.Response,
        budget: CallBudget,
        received: int,
    ) -> ResponseTooLargeError:
        """The error for a body past the cap (also frees the breaker's probe slot)."""
        self._breaker.release_probe(self._options.vendor_id)
        return ResponseTooLargeError(
            f"{request.method} {request.url.path}: the answer (HTTP {response.status_code}) "
            f"is larger than max_response_bytes={budget.max_bytes} "
            f"({received} bytes read or announced); reading stopped",
            request=request,
            status_code=response.status_code,
            limit=budget.max_bytes,
            received=received,
        )

    # -- gatekeeping before an attempt --------------------------------------------------
    def check_circuit(self) -> None:
        """Raise CircuitOpenError when this vendor's circuit breaker is open."""
        vendor = self._options.vendor_id
        if not self._breaker.allow(vendor):
            raise CircuitOpenError(vendor, self._breaker.remaining(vendor))

    def reserve_rate_slot(self, request: httpx.Request | str = "") -> float:
        """Seconds to wait before sending ``request`` (or a request to that path), per the
        vendor's shared token bucket, and for a path under a stricter limit (Rocket Growth:
        50/min) per that scope's bucket too."""
        if self._options.rate_limit is None:
            return 0.0
        vendor = self._options.vendor_id
        delay = self._rate_limiters.get(vendor, self._options.rate_limit).reserve()
        scoped = scope_for_path(request if isinstance(request, str) else request.url.path)
        if scoped is not None:
            scope, rate = scoped
            delay = max(delay, self._rate_limiters.get_scoped(scope, vendor, rate).reserve())
        return delay

    # -- after an attempt ---------------------------------------------------------------
    def on_transport_error(
        self,
        request: httpx.Request,
        exc: httpx.TransportError,
        attempt: int,
        budget: CallBudget | None = None,
    ) -> Decision:
        """Connection failures before sending are always safe to retry; the rest only for GETs.

        A timeout of an attempt whose timeouts were clipped to the deadline, or any failure
        once the deadline has passed, ends the call with :class:`DeadlineExceededError`.
        """
        self._breaker.release_probe(self._options.vendor_id)
        not_sent = isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout)
        if budget is not None and budget.ends_at is not None:
            remaining = budget.remaining()
            if (budget.clipped and isinstance(exc, httpx.TimeoutException)) or (
                remaining is not None and remaining <= 0
            ):
                return Decision(
                    retry=False,
                    error=self.deadline_exceeded(request, budget, processed=not not_sent),
                )
        safe = request.method in SAFE_METHODS
        error: APIConnectionError
        if isinstance(exc, httpx.TimeoutException):
            error = APITimeoutError(
                f"{request.method} {request.url.path} timed out ({type(exc).__name__})"
                + (
                    ""
                    if not_sent
                    else "; Coupang may have processed it - reconcile before resending"
                ),
                request=request,
                request_may_have_been_processed=not not_sent,
            )
        else:
            error = APIConnectionError(
                f"{request.method} {request.url.path} failed: {type(exc).__name__}: {exc}"
                + (
                    ""
                    if not_sent
                    else "; Coupang may have processed it - reconcile before resending"
                ),
                request=request,
                request_may_have_been_processed=not not_sent,
            )
        if (not_sent or safe) and attempt <= self._options.max_retries:
            return Decision(retry=True, delay=retry_delay(attempt), error=error)
        return Decision(retry=False, error=error)

    def on_response(
        self, request: httpx.Request, response: httpx.Response, attempt: int
    ) -> Decision | None:
        """``None`` for a 2xx answer (read it with :meth:`success_json` / :meth:`success_model`),
        a :class:`Decision` to retry, or raise the mapped error."""
        status = response.status_code
        vendor = self._options.vendor_id
        if 200 <= status < 300:
            self._breaker.record_success(vendor)
            if logger.isEnabledFor(logging.DEBUG):
                self._log(request, response, parse_body(response))
            return None
        body = parse_body(response)
        self._log(request, response, body)
        error = self.map_error(request, response, body)
        if error is None:  # map_error answers None only for a 2xx, handled above
            return None
        if status == 429:
            retry_after = parse_retry_after(response.headers.get("Retry-After"))
            self._breaker.record_rate_limited(vendor, retry_after)
            if (
                request.method in SAFE_METHODS
                and retry_after is not None
                and retry_after <= C.MAX_RETRY_AFTER_WAIT
                and attempt <= self._options.max_retries
            ):
                return Decision(retry=True, delay=retry_after, error=error)
            raise error
        if isinstance(error, AccessDeniedError) or status == 302:
            self._breaker.record_blocked(
                vendor, parse_retry_after(response.headers.get("Retry-After"))
            )
        else:
            self._breaker.record_success(vendor)
        if (
            status in RETRYABLE_STATUSES
            and request.method in SAFE_METHODS
            and attempt <= self._options.max_retries
        ):
            return Decision(retry=True, delay=retry_delay(attempt), error=error)
        raise error

    def success_json(self, request: httpx.Request, response: httpx.Response) -> Any:
        """The parsed body of a 2xx answer; refusals hidden in a 2xx raise BusinessRuleError."""
        body = parse_body(response)
        error = self.map_error(request, response, body)
        if error is not None:
            raise error
        return body

    def success_model(
        self, request: httpx.Request, response: httpx.Response, model: type[ModelT]
    ) -> ModelT:
        """A 2xx answer validated straight from bytes into ``model`` (one parse, in Rust).

        Refusals hidden in a 2xx still raise; a body that does not fit the model raises
        :class:`UnexpectedResponseError` with the body attached.
        """
        try:
            parsed = model.model_validate_json(response.content or b"null")
        except pydantic.ValidationError as exc:
            body = self.success_json(request, response)
            raise UnexpectedResponseError(
                f"unexpected response shape for {model.__name__}: {exc.error_count()} error(s), "
                f"first: {exc.errors()[0]['loc']} {exc.errors()[0]['msg']}",
                status_code=response.status_code,
                code=body.get("code") if isinstance(body, dict) else None,
                body=body,
                request=request,
                response=response,
            ) from exc
        # The declared fields by name, then the unknown ones kept as they came.
        values = parsed.__dict__
        extra = parsed.__pydantic_extra__ or {}

        def field(name: str) -> Any:
            """A field of the error body, from the parsed model or its extra keys."""
            return values[name] if name in values else extra.get(name)

        data = field("data")
        result_code = getattr(data, "resultCode", None) or (
            data.get("resultCode") if isinstance(data, dict) else None
        )
        if _is_error_code(field("code")) or field("success") is False or result_code == "FAIL":
            self.success_json(request, response)  # raises the mapped BusinessRuleError
        return parsed

    def map_error(
        self, request: httpx.Request, response: httpx.Response, body: Any
    ) -> APIStatusError | None:
        """The typed APIStatusError for a failed answer (HTTP status or an error ``code`` inside a
        2xx), or None on success.
        """
        status = response.status_code
        code = body.get("code") if isinstance(body, dict) else None
        if 200 <= status < 300 and not self._looks_like_error(code, body):
            return None
        message = _message_of(body, response)
        kwargs: dict[str, Any] = {
            "status_code": status,
            "code": code,
            "body": body,
            "request": request,
            "response": response,
        }
        if 200 <= status < 300:
            data = body.get("data") if isinstance(body, dict) else None
            if isinstance(data, dict) and data.get("resultCode") == "FAIL":
                return BusinessRuleError(_message_of(data, response), **kwargs)
            return BusinessRuleError(message, **kwargs)
        if status in (400, 401, 403):
            return _refusal_error(status, message, body, kwargs)
        return _status_error(status, message, response, kwargs)

    @staticmethod
    def _looks_like_error(code: Any, body: Any) -> bool:
        """A 2xx answer that is a refusal: ``code`` ERROR/FAIL, ``success: false`` or
        ``data.resultCode`` FAIL (shipping-place and return-step mutations)."""
        if not isinstance(body, dict):
            return False
        if _is_error_code(code) or body.get("success") is False:
            return True
        data = body.get("data")
        return isinstance(data, dict) and data.get("resultCode") == "FAIL"

    def _log(self, request: httpx.Request, response: httpx.Response, body: Any) -> None:
        if not logger.isEnabledFor(logging.DEBUG):
            return
        logger.debug(
            "%s %s -> %s headers=%s body=%s",
            request.method,
            request.url.raw_path.decode("ascii"),
            response.status_code,
            redact_headers(dict(request.headers)),
            json.dumps(redact_json(body), ensure_ascii=False)[:2000],
        )


def processed_of(error: Exception | None) -> bool:
    """Whether the failed attempt behind ``error`` may have been processed by Coupang."""
    return isinstance(error, APIConnectionError) and error.request_may_have_been_processed


def with_replaced(options: ClientOptions, **changes: Any) -> ClientOptions:
    """A copy of ``options`` with ``changes`` applied (``NOT_GIVEN`` values ignored)."""
    real = {k: v for k, v in changes.items() if not isinstance(v, _NotGiven)}
    if "timeout" in real and not isinstance(real["timeout"], httpx.Timeout):
        real["timeout"] = httpx.Timeout(real["timeout"])
    return replace(options, **real)


def user_agent() -> str:
    """The User-Agent header value: the SDK prefix and version."""
    return f"{C.USER_AGENT_PREFIX}/{__version__}"
