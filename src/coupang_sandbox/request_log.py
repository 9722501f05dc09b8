"""The request log: every request to the signed API, recorded in a bounded ring in the store.

Three parts:

- :class:`RequestLogMiddleware` (ASGI, the app's outermost middleware) times each request to
  the seller API (everything outside ``/_sandbox``), counts the bytes in and out and takes
  the status from the answer. What only the inner layers know they leave in
  ``scope["state"]``: the calling vendor and access key (:func:`note_caller`, after the
  gateway's check), the refusal (:func:`note_refusal`, in the error path) and the fault the
  injector applied (``scope["state"]["fault"]``, its kind).
- :class:`LogWriter` buffers the records in memory and writes them in batches, from a
  background thread about every :data:`FLUSH_SECONDS` (and before any read, and on close),
  trimming the ring in the same transaction. A request never waits for the store's write,
  and a failed write (a store locked elsewhere) is a warning, never a failed request.
- With ``access_log``, the middleware also prints one line per request on stdout, the same
  line ``coupang-seller sandbox logs`` shows (:func:`coupang_seller.types.sandbox.request_line`).

Never recorded: the signature, the secret key, the bodies.
"""

from __future__ import annotations

import contextlib
import re
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, MutableMapping
from datetime import datetime
from typing import Any, TextIO

from sqlalchemy import Engine
from sqlalchemy.engine import RowMapping
from sqlalchemy.exc import SQLAlchemyError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from coupang_sandbox.clock import to_us
from coupang_sandbox.errors import GatewayAuthError, SandboxError, logger
from coupang_sandbox.paths import PathRefused, normalise_path
from coupang_sandbox.settings import real_utc_now
from coupang_sandbox.store import request_log as store
from coupang_sandbox.store.request_log import RECORD_COLUMNS as COLUMNS
from coupang_sandbox.store.request_log import LogFilter, Record
from coupang_sandbox.views import request_log as views
from coupang_seller.types.sandbox import request_line

#: How long the writer gathers records before it writes them (seconds).
FLUSH_SECONDS = 0.2
#: Records kept in memory at most while the store does not take them (oldest dropped).
MAX_PENDING = 10_000

#: ``scope["state"]`` keys: set by the gateway (:func:`note_caller`), the error path
#: (:func:`note_refusal`) and the fault injector (``fault``: the kind it applied).
VENDOR_KEY = "vendor_id"
ACCESS_KEY = "access_key"
REFUSAL_KEY = "refusal"
FAULT_KEY = "fault"

#: Longest path, query or reason text kept (a record stays small whatever the client sent).
MAX_TEXT = 1000
MAX_REASON = 300

#: The gateway's 401 messages -> the rule a log line names.
_AUTH_RULES = {
    "Request is not authorized.": "unauthorized",
    "HMAC format is invalid.": "hmac_format",
    "Specified signature is expired.": "signature_expired",
    "Invalid signature.": "invalid_signature",
}
_ACCESS_KEY_RE = re.compile(rb"access-key=([^,\s]{1,128})")


def _state(scope: MutableMapping[str, Any]) -> dict[str, Any]:
    state: dict[str, Any] = scope.setdefault("state", {})
    return state


def note_caller(scope: MutableMapping[str, Any], vendor_id: str, access_key: str) -> None:
    """Record who called (after the gateway accepted the signature)."""
    state = _state(scope)
    state[VENDOR_KEY] = vendor_id
    state[ACCESS_KEY] = access_key


def note_refusal(scope: MutableMapping[str, Any], exc: SandboxError) -> None:
    """Record why the request was refused: the first violation's field and rule (``errors``
    of a 400 such as ``ValidationFailed``), the gateway's reason for a 401, and the message."""
    reason = exc.message[:MAX_REASON]
    field: str | None = None
    rule: str | None = None
    if isinstance(exc, GatewayAuthError):
        field, rule = "Authorization", _AUTH_RULES.get(exc.message, "gateway_auth")
    else:
        errors = exc.extra.get("errors")
        if isinstance(errors, list) and errors and isinstance(errors[0], dict):
            first = errors[0]
            field = None if first.get("field") is None else str(first["field"])[:MAX_TEXT]
            rule = None if first.get("rule") is None else str(first["rule"])[:64]
    _state(scope)[REFUSAL_KEY] = (field, rule, reason)


class LogWriter:
    """The ring's writer and reader for one app: records buffered in memory, written in batches.

    ``size`` 0 turns recording off (reads still answer, with what an earlier run kept).
    ``store_lock`` is held around each write when the store is one connection shared by every
    thread (in-memory SQLite); it must be re-entrant, since a read flushes while its request
    already holds it.
    """

    def __init__(
        self,
        engine: Engine,
        size: int,
        *,
        store_lock: threading.RLock | None = None,
        interval: float = FLUSH_SECONDS,
    ) -> None:
        """The writer and its ring bound; it starts writing when first used."""
        self.engine = engine
        self.size = max(0, int(size))
        self.interval = interval
        self._store_lock = store_lock
        #: Bounded (a store that stays unavailable must not grow it forever), yet larger
        #: than a small ring: every request gets its ``seq``, and the ring is trimmed in the
        #: store, so ``seq`` counts the requests.
        self._pending: deque[Record] = deque(maxlen=max(self.size, MAX_PENDING))
        self._cond = threading.Condition()
        self._flush_lock = threading.Lock()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._waiting = False
        self._closed = False

    @classmethod
    def open(
        cls, engine: Engine, size: int, *, store_lock: threading.RLock | None = None
    ) -> LogWriter:
        """Create the table when missing and return the writer (no thread yet: it starts
        with the first record)."""
        store.create_table(engine)
        return cls(engine, size, store_lock=store_lock)

    @property
    def enabled(self) -> bool:
        """Whether requests are recorded (``size`` > 0)."""
        return self.size > 0 and not self._closed

    def record(self, values: Record) -> None:
        """Queue one request's record (never blocks on the store)."""
        if not self.enabled:
            return
        with self._cond:
            self._pending.append(values)
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="sandbox-request-log", daemon=True
                )
                self._thread.start()
            elif self._waiting:
                self._cond.notify()

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._pending and not self._closed:
                    self._waiting = True
                    self._cond.wait()
                    self._waiting = False
                if self._closed:
                    return
            self._stopping.wait(self.interval)
            try:
                self.flush()
            except Exception:  # noqa: BLE001 - the writer thread must outlive any surprise
                logger.exception("request log: unexpected error while writing")

    @contextlib.contextmanager
    def _exclusive(self) -> Iterator[None]:
        # Always the store's lock first, then ours: a read holds the store's lock already.
        if self._store_lock is None:
            with self._flush_lock:
                yield
            return
        with self._store_lock, self._flush_lock:
            yield

    def flush(self) -> None:
        """Write what is buffered, in one transaction that also trims the ring. A store
        failure drops the batch with a warning (the requests themselves were answered)."""
        with self._exclusive():
            with self._cond:
                batch = list(self._pending)
                self._pending.clear()
            if not batch or self.size == 0:
                return
            try:
                with self.engine.begin() as conn:
                    store.append(conn, batch, self.size)
            except SQLAlchemyError as exc:
                first = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]
                logger.warning("request log: %d record(s) not saved: %s", len(batch), first)

    def read(self, wanted: LogFilter, limit: int) -> tuple[list[RowMapping], int]:
        """The matching records (after writing what is buffered) and the cursor to go on
        from (see :func:`coupang_sandbox.store.request_log.read`)."""
        self.flush()
        with self.engine.connect() as conn:
            return store.read(conn, wanted, limit)

    def count(self, wanted: LogFilter) -> tuple[int, int]:
        """How many records match (after writing what is buffered), and the newest ``seq``."""
        self.flush()
        with self.engine.connect() as conn:
            return store.count(conn, wanted)

    def clear(self) -> int:
        """Forget every record, buffered ones included; how many were dropped."""
        with self._exclusive():
            with self._cond:
                dropped = len(self._pending)
                self._pending.clear()
            with self.engine.begin() as conn:
                return dropped + store.clear(conn)

    def close(self) -> None:
        """Stop the thread and write what is left (called by ``Sandbox.close``)."""
        with self._cond:
            if self._closed:
                return
            self._closed = True
            self._cond.notify_all()
        self._stopping.set()
        thread = self._thread
        if thread is not None:
            thread.join(timeout=10)
        self.flush()


def _routed_path(scope: Scope) -> str:
    """The request's path as it routes. The server's decoded path is it unless it needs
    normalising (``//``, ``..``), which matters here only to tell a control path: a path that
    does not even mention ``_sandbox`` is taken as it is."""
    path = str(scope.get("path", ""))
    if "_sandbox" not in path:
        return path
    raw_path = scope.get("raw_path")
    if isinstance(raw_path, bytes | bytearray) and raw_path:
        raw = bytes(raw_path).split(b"?", 1)[0].decode("latin-1")
        try:
            return normalise_path(raw)
        except PathRefused:
            return path
    return path


def is_control_path(path: str) -> bool:
    """Is ``path`` the control API's (``/_sandbox`` and below), which is not logged?"""
    return path == "/_sandbox" or path.startswith("/_sandbox/")


def _record_of(
    scope: Scope,
    state: dict[str, Any],
    path: str,
    *,
    times: tuple[int, int],
    counts: list[int],
    status: list[int],
    failed: bool,
) -> Record:
    """One log record: what the request sent, what it got, and what the pipeline noted in
    ``state`` (vendor, access key, refusal, fault). ``times`` is (start us, latency us)."""
    method = str(scope.get("method", ""))
    fault = state.get(FAULT_KEY)
    code = status[0] if status else (500 if failed and fault is None else None)
    access_key = state.get(ACCESS_KEY) or _header_access_key(scope)
    field, rule, reason = state.get(REFUSAL_KEY) or (None, None, None)
    return (
        times[0],
        method[:16],
        path[:MAX_TEXT],
        scope.get("query_string", b"").decode("latin-1")[:MAX_TEXT],
        state.get(VENDOR_KEY),
        None if access_key is None else str(access_key)[:128],
        code,
        times[1],
        counts[0],
        counts[1],
        field,
        rule,
        reason,
        None if fault is None else str(getattr(fault, "kind", fault))[:32],
    )


def _header_access_key(scope: Scope) -> str | None:
    """The access key named in the ``Authorization`` header (a refused call's), never more."""
    for name, value in scope.get("headers", ()):
        if name == b"authorization":
            found = _ACCESS_KEY_RE.search(value)
            return None if found is None else found.group(1).decode("latin-1")
    return None


#: Methods whose body is counted (a GET's or HEAD's is not read).
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class RequestLogMiddleware:
    """ASGI middleware recording every request to the signed API (see the module's doc).

    The hot path is lean (a few microseconds): one record is a tuple in the columns' order,
    the time is read once, and the body is counted only for methods that send one.
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        writer: LogWriter | None,
        wall_clock: Callable[[], datetime],
        access_log: bool = False,
        stream: TextIO | None = None,
    ) -> None:
        """Wrap ``app``; record into ``writer`` and print lines when ``access_log``."""
        self.app = app
        self.writer = writer
        self.wall_clock = wall_clock
        self.access_log = access_log
        self.stream = stream

    def _now_us(self) -> int:
        if self.wall_clock is real_utc_now:
            return time.time_ns() // 1000
        return to_us(self.wall_clock())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Serve the request; record it afterwards (and print its line with access_log)."""
        writer = self.writer if self.writer is not None and self.writer.enabled else None
        if scope["type"] != "http" or not (writer or self.access_log):
            await self.app(scope, receive, send)
            return
        path = _routed_path(scope)
        control = is_control_path(path)
        if control and not self.access_log:
            await self.app(scope, receive, send)
            return
        state: dict[str, Any] = scope.setdefault("state", {})
        at_us = self._now_us()
        started = time.perf_counter()
        counts = [0, 0]  # bytes in, bytes out
        status: list[int] = []
        method = str(scope.get("method", ""))

        async def counting_receive() -> Message:
            """Receive, counting the request body's bytes."""
            message = await receive()
            if message["type"] == "http.request":
                counts[0] += len(message.get("body", b""))
            return message

        async def counting_send(message: Message) -> None:
            """Send, noting the status and counting the response body's bytes."""
            if message["type"] == "http.response.start":
                status.append(message["status"])
            else:
                counts[1] += len(message.get("body", b""))
            await send(message)

        failed = False
        try:
            await self.app(
                scope, counting_receive if method in _BODY_METHODS else receive, counting_send
            )
        except BaseException:
            failed = True
            raise
        finally:
            latency_us = int((time.perf_counter() - started) * 1_000_000)
            record = _record_of(
                scope,
                state,
                path,
                times=(at_us, latency_us),
                counts=counts,
                status=status,
                failed=failed,
            )
            if writer is not None and not control:
                writer.record(record)
            if self.access_log:
                self._print(record)

    def _print(self, record: Record) -> None:
        stream = self.stream or sys.stdout
        try:
            stream.write(request_line(views.entry(dict(zip(COLUMNS, record, strict=True)))) + "\n")
            stream.flush()
        except (OSError, ValueError):  # stdout closed: the log line is lost, not the request
            pass
