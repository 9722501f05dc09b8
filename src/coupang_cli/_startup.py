"""Starting the sandbox from the CLI (``sandbox serve``, ``demo``): one clear line, not a traceback.

Nothing here imports the sandbox at module level: the bare ``pip install coupang-seller`` has no
Starlette, SQLAlchemy or uvicorn, and every production command must work without them.
:func:`import_sandbox` turns the missing extra into a :class:`StartupError`; :func:`starting`
turns the store's start-up failures (a vendor that conflicts with the store, a missing or
unreachable database, a read-only store) into one; :func:`claim_port` binds the port before
anything is printed.
"""

from __future__ import annotations

import importlib
import socket
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any, Final

from coupang_cli._errors import EXIT_UNAVAILABLE, EXIT_USAGE

SANDBOX_EXTRA: Final = "pip install 'coupang-seller[sandbox]'"
#: uvicorn's default backlog.
LISTEN_BACKLOG: Final = 2048


class StartupError(Exception):
    """The sandbox cannot start; ``code`` is the CLI's exit code (README's table)."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def import_sandbox(module: str) -> ModuleType:
    """Import a ``coupang_sandbox`` module, or say which extra is missing."""
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as exc:
        top = (exc.name or "").split(".")[0]
        if not top or top.startswith("coupang_"):
            raise
        raise StartupError(
            f"the sandbox needs the [sandbox] extra (module {top!r} is not installed): "
            f"{SANDBOX_EXTRA}",
            EXIT_USAGE,
        ) from None


def claim_port(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port`` (the same options uvicorn uses), or a StartupError."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(LISTEN_BACKLOG)  # connections wait in the queue until uvicorn serves
    except OSError as exc:
        sock.close()
        reason = exc.strerror or str(exc)
        raise StartupError(
            f"cannot listen on {host}:{port}: {reason}"
            + (" (another server uses it: pick another --port)" if port else ""),
            EXIT_UNAVAILABLE,
        ) from None
    return sock


def safe_url(db_url: str) -> str:
    """The store URL without its password."""
    sqlalchemy_engine = sys.modules.get("sqlalchemy.engine")
    if sqlalchemy_engine is None:
        return db_url
    try:
        return str(sqlalchemy_engine.make_url(db_url).render_as_string(hide_password=True))
    except Exception:  # noqa: BLE001 - an unparsable URL is reported by its own error
        return "(the given URL)"


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def store_failure(exc: BaseException, db_url: str, *, hint: str = "") -> StartupError | None:
    """The StartupError for a failure to open the store, or ``None`` when ``exc`` is not one."""
    repo = sys.modules.get("coupang_sandbox.store.repo")
    if repo is not None and isinstance(exc, repo.VendorConflict):
        return StartupError(
            f"the store {safe_url(db_url)} refuses --vendor: {exc} "
            f"({hint or 'pass the keys it has, or use another --db'})",
            EXIT_USAGE,
        )
    sa_exc = sys.modules.get("sqlalchemy.exc")
    if sa_exc is None:
        return None
    if isinstance(exc, sa_exc.ArgumentError | sa_exc.NoSuchModuleError):
        return StartupError(f"--db {db_url!r} is not a usable store URL: {exc}", EXIT_USAGE)
    if isinstance(exc, sa_exc.DBAPIError):
        reason = _first_line(exc)
        lowered = reason.lower()
        if "does not exist" in lowered:
            reason += " (create it first, e.g. createdb NAME)"
        elif "readonly" in lowered or "read-only" in lowered or "read only" in lowered:
            reason += " (the sandbox writes to its store: use a writable file or database)"
        return StartupError(
            f"cannot use the sandbox store {safe_url(db_url)}: {reason}", EXIT_UNAVAILABLE
        )
    return None


@contextmanager
def starting(db_url: str, *, hint: str = "") -> Iterator[None]:
    """Turn a store failure raised inside the block into a :class:`StartupError`."""
    try:
        yield
    except Exception as exc:
        failure = store_failure(exc, db_url, hint=hint)
        if failure is None:
            raise
        raise failure from None


def check_writable(app: Any) -> None:
    """Fail at start-up, not on the first write, when the store refuses writes (read-only file,
    read-only transaction): an UPDATE that matches no row still needs a write transaction."""
    sqlalchemy = importlib.import_module("sqlalchemy")
    repo = importlib.import_module("coupang_sandbox.store.repo")
    sandbox = app.state.sandbox
    sequences = repo.sequences
    try:
        with sandbox.store.engine.begin() as conn:
            conn.execute(
                sqlalchemy.update(sequences)
                .where(sqlalchemy.false())
                .values(value=sequences.c.value)
            )
    except BaseException:
        sandbox.close()
        raise


__all__ = [
    "SANDBOX_EXTRA",
    "StartupError",
    "check_writable",
    "claim_port",
    "import_sandbox",
    "safe_url",
    "starting",
    "store_failure",
]
