"""Run the sandbox with uvicorn (uvloop/httptools when installed), in one process or several.

``add_serve_arguments`` / ``settings_from_args`` are shared by ``python -m coupang_sandbox``
and ``coupang-seller sandbox serve`` so both accept the same flags.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import ipaddress
import json
import os
import shlex
import socket
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import uvicorn
from starlette.applications import Starlette
from uvicorn.supervisors import Multiprocess

from coupang_sandbox.app import create_app
from coupang_sandbox.context import Sandbox
from coupang_sandbox.exposure import is_loopback_address
from coupang_sandbox.http_limits import SandboxConfig, protocol_class
from coupang_sandbox.settings import (
    DEFAULT_DB_URL,
    ConfigError,
    SandboxSettings,
    VendorSeed,
    real_utc_now,
)
from coupang_sandbox.store import Store, Vendor
from coupang_sandbox.store.engine import is_memory_sqlite
from coupang_sandbox.store.schema import vendors as vendors_table

if TYPE_CHECKING:
    from coupang_sandbox.seeds import SeedSummary

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8089


#: How ``--workers N`` hands the settings to each worker process (JSON; set while serving).
SETTINGS_ENV = "COUPANG_SANDBOX_SETTINGS_JSON"


def app_from_env() -> Starlette:
    """The app factory of each worker process: the settings the parent serialised."""
    data: dict[str, Any] = json.loads(os.environ[SETTINGS_ENV])
    data["vendors"] = [tuple(vendor) for vendor in data["vendors"]]
    return create_app(SandboxSettings(**data))


class WorkerPool:
    """``workers`` uvicorn processes sharing one socket and one store (uvicorn's supervisor
    restarts a worker that dies). Every invariant lives in the store (see ``Sandbox``)."""

    #: What ``--seed`` loaded into the store (``None`` without a seed).
    seed_summary: SeedSummary | None = None

    def __init__(self, config: uvicorn.Config, settings: SandboxSettings) -> None:
        """The pool for ``config``; each worker rebuilds ``settings`` from their JSON."""
        self.config = config
        fields = dataclasses.fields(settings)
        self._settings = json.dumps(
            {f.name: getattr(settings, f.name) for f in fields if f.name != "wall_clock"}
        )

    def run(self, sockets: list[socket.socket] | None = None) -> None:
        """Serve until interrupted on ``sockets`` (default: bind the configured address); the
        settings reach the workers through the environment."""
        os.environ[SETTINGS_ENV] = self._settings
        try:
            Multiprocess(self.config, sockets=sockets or [self.config.bind_socket()]).run()
        finally:
            os.environ.pop(SETTINGS_ENV, None)


def build_server(
    settings: SandboxSettings,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    *,
    access_log: bool = False,
    log_level: str = "warning",
    seed: Path | None = None,
) -> uvicorn.Server:
    """One uvicorn server on ``host:port`` (bound when it runs), with the HTTP limits of
    ``settings`` (head deadline and size, keep-alive timeout); its store starts from ``seed``
    when given (:class:`coupang_sandbox.seeds.SeedError` for a refused seed file)."""
    if access_log and not settings.access_log:
        settings = dataclasses.replace(settings, access_log=True)
    app = create_app(settings)
    summary = _seed(app, seed)
    config = _config(app, settings, host, port, log_level=log_level)
    server = uvicorn.Server(config)
    server.seed_summary = summary  # type: ignore[attr-defined]
    return server


def _seed(app: Starlette, seed: Path | None) -> SeedSummary | None:
    """Load ``seed`` into ``app``'s store (the app is closed when the seed is refused)."""
    if seed is None:
        return None
    from coupang_sandbox.seeds import load_seed

    try:
        return load_seed(app, seed)
    except BaseException:
        app.state.sandbox.close()
        raise


def _config(
    app: Any,
    settings: SandboxSettings,
    host: str,
    port: int,
    *,
    workers: int = 1,
    log_level: str,
) -> SandboxConfig:
    """uvicorn's options, shared by one server and by ``workers`` processes (``app`` is then an
    import string; the config, protocol class included, is pickled to each process).

    uvicorn's own access log stays off: with ``settings.access_log`` the app prints the
    request log's lines instead (:mod:`coupang_sandbox.request_log`), refusal reasons included.
    """
    return SandboxConfig(
        app,
        factory=isinstance(app, str),
        host=host,
        port=port,
        loop="auto",
        http=protocol_class(),
        workers=workers,
        access_log=False,
        log_level=log_level,
        lifespan="on",
        timeout_keep_alive=settings.keep_alive_timeout_seconds,
        header_read_timeout=settings.header_read_timeout_seconds,
        max_header_bytes=settings.max_header_bytes,
    )


def build_workers(
    settings: SandboxSettings,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    *,
    workers: int,
    access_log: bool = False,
    log_level: str = "warning",
    seed: Path | None = None,
) -> WorkerPool:
    """``workers`` server processes on one store; refused for an in-memory SQLite store."""
    if is_memory_sqlite(settings.db_url):
        raise ValueError(
            f"--workers {workers} needs a store the processes share: an in-memory SQLite "
            "database exists in one process only; use a SQLite file or PostgreSQL (--db URL)"
        )
    if settings.wall_clock is not real_utc_now:
        raise ValueError("several workers serve the real wall clock only")
    if access_log and not settings.access_log:
        settings = dataclasses.replace(settings, access_log=True)
    if seed is None:
        Sandbox.open(settings).close()  # fail fast (a bad URL); tables and vendors ready once
        summary = None
    else:  # the seed is loaded once, here, into the store the workers share
        app = create_app(settings)
        summary = _seed(app, seed)
        app.state.sandbox.close()
    # The options of build_server's, but an import string: each worker builds its own app.
    config = _config(
        f"{__name__}:app_from_env", settings, host, port, workers=workers, log_level=log_level
    )
    pool = WorkerPool(config, settings)
    pool.seed_summary = summary
    return pool


def binds_loopback_only(host: str) -> bool:
    """Does binding ``host`` listen on loopback addresses only? A literal address is checked
    as such (0.0.0.0 and :: listen everywhere); a name must resolve to loopback addresses only.
    A name that does not resolve counts as loopback: the bind itself then fails and says so."""
    literal = host.strip("[]")
    if not literal:
        return False  # "" binds every interface
    try:
        ipaddress.ip_address(literal.split("%", 1)[0])
    except ValueError:
        pass
    else:
        return is_loopback_address(literal)
    try:
        infos = socket.getaddrinfo(literal, None, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return True
    return all(is_loopback_address(str(info[4][0])) for info in infos)


def check_bind(
    host: str, settings: SandboxSettings, allow_remote: bool, *, stream: TextIO | None = None
) -> None:
    """Refuse (:class:`ConfigError`) to listen beyond loopback without an admin token, unless
    ``allow_remote`` (``--allow-remote``), which prints a warning on ``stream`` (stderr)."""
    if settings.admin_token is not None or binds_loopback_only(host):
        return
    if not allow_remote:
        raise ConfigError(
            f"refusing to listen on {host or 'every interface'} (not loopback) without "
            "--admin-token: other machines could reach the sandbox; set a token, or pass "
            "--allow-remote to serve the seller API remotely anyway"
        )
    (stream or sys.stderr).write(
        f"warning: the sandbox listens on {host or 'every interface'} (not loopback) without "
        "an admin token: other machines can call the seller API with the vendors' keys; the "
        "control API (/_sandbox) still answers loopback clients only\n"
    )


def _vendor(text: str) -> VendorSeed:
    parts = text.split(":")
    if len(parts) != 3 or not all(parts):
        raise argparse.ArgumentTypeError("expected VENDOR_ID:ACCESS_KEY:SECRET_KEY")
    return parts[0], parts[1], parts[2]


def add_serve_arguments(parser: argparse.ArgumentParser) -> None:
    """The serve flags, shared by ``python -m coupang_sandbox`` and ``coupang-seller sandbox
    serve``."""
    # The order of the groups is the order ``--help`` lists the flags in.
    _add_bind_arguments(parser)
    _add_gateway_arguments(parser)
    _add_run_arguments(parser)


def _add_bind_arguments(parser: argparse.ArgumentParser) -> None:
    """Where the sandbox listens, its store, its vendors and who may reach ``/_sandbox``."""
    parser.add_argument(
        "--host", default=DEFAULT_HOST, help="bind address (default: loopback only)"
    )
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    parser.add_argument(
        "--db", default=DEFAULT_DB_URL, help="SQLAlchemy URL: SQLite file (default) or PostgreSQL"
    )
    parser.add_argument(
        "--vendor",
        type=_vendor,
        action="append",
        default=[],
        metavar="VENDOR_ID:ACCESS_KEY:SECRET_KEY",
    )
    parser.add_argument(
        "--admin-token",
        default=None,
        help="require this bearer token on /_sandbox (then also from non-loopback clients)",
    )
    parser.add_argument(
        "--allow-remote",
        action="store_true",
        help="listen on a non-loopback --host without --admin-token (prints a warning)",
    )
    parser.add_argument(
        "--allowed-host",
        action="append",
        default=[],
        metavar="HOST",
        help="a host name (besides localhost and loopback addresses) accepted in the Host "
        "and Origin headers of /_sandbox requests; repeatable",
    )


def _add_gateway_arguments(parser: argparse.ArgumentParser) -> None:
    """The gateway's checks: signature skew, the per-vendor rate limit, the 4xx-burst block."""
    parser.add_argument(
        "--signature-skew",
        type=float,
        default=300.0,
        help="accepted signed-date skew in seconds (default ±300)",
    )
    parser.add_argument(
        "--rate-limit",
        type=float,
        default=10.0,
        help="gateway limit in calls/s per vendor (0 = off)",
    )
    parser.add_argument(
        "--block-seconds",
        type=float,
        default=60.0,
        help="how long a vendor stays blocked after a 429",
    )
    parser.add_argument(
        "--error-burst",
        type=_positive_int,
        default=None,
        metavar="N",
        help="block a client (peer IP) after N 4xx answers within --error-burst-window "
        "seconds: the gateway's HTML 403 Access Denied page meanwhile (default: off)",
    )
    parser.add_argument(
        "--error-burst-window",
        type=_positive_float,
        default=10.0,
        metavar="S",
        help="the window of --error-burst in seconds (default 10)",
    )
    parser.add_argument(
        "--error-block-seconds",
        type=_positive_float,
        default=60.0,
        metavar="S",
        help="how long --error-burst blocks a client (default 60)",
    )


def _add_run_arguments(parser: argparse.ArgumentParser) -> None:
    """How the server runs: access log, request log size, seed file, worker processes."""
    parser.add_argument(
        "--access-log",
        action="store_true",
        help="print one line per request on stdout (the request log's line: status, caller, "
        "latency, and the field and rule or reason of every refusal)",
    )
    parser.add_argument(
        "--request-log-size",
        type=_whole_number,
        default=10_000,
        metavar="N",
        help="keep the last N signed-API requests in the request log "
        "(GET /_sandbox/requests, coupang-seller sandbox logs); 0 = off (default 10000)",
    )
    parser.add_argument(
        "--seed",
        type=Path,
        default=None,
        metavar="FILE",
        help="start from the state declared in FILE (.json or .yaml): vendors, places, "
        "products, orders, inquiries; replaces the store's state (snapshots are kept)",
    )
    parser.add_argument(
        "--workers",
        type=_positive_int,
        default=1,
        help="server processes sharing the store (a SQLite file or PostgreSQL; default 1)",
    )


def _whole_number(text: str) -> int:
    if not (text.isascii() and text.isdigit()):
        raise argparse.ArgumentTypeError(f"expected a whole number >= 0, got {text!r}")
    return int(text)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 1, got {text!r}")
    return value


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"expected a number of seconds > 0, got {text!r}")
    return value


def settings_from_args(args: argparse.Namespace) -> SandboxSettings:
    """The settings the serve flags ask for; :class:`ConfigError` for refused values."""
    return SandboxSettings(
        db_url=args.db,
        vendors=list(args.vendor),
        admin_token=args.admin_token,
        allowed_hosts=tuple(args.allowed_host),
        signature_skew_seconds=args.signature_skew,
        rate_limit_per_second=args.rate_limit or None,
        rate_limit_block_seconds=args.block_seconds,
        error_burst=args.error_burst,
        error_burst_window_seconds=args.error_burst_window,
        error_block_seconds=args.error_block_seconds,
        request_log_size=getattr(args, "request_log_size", 10_000),
        access_log=bool(getattr(args, "access_log", False)),
    )


def serve(
    settings: SandboxSettings,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    *,
    access_log: bool = False,
    workers: int = 1,
    allow_remote: bool = False,
) -> None:
    """Serve the sandbox until interrupted; Ctrl-C returns quietly (uvicorn shuts down cleanly,
    then re-raises SIGINT). Binds to loopback by default; a non-loopback ``host`` needs an
    admin token or ``allow_remote`` (:func:`check_bind`)."""
    check_bind(host, settings, allow_remote)
    run_server(settings, host, port, access_log=access_log, workers=workers)


def run_server(
    settings: SandboxSettings,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    *,
    access_log: bool = False,
    workers: int = 1,
    seed: Path | None = None,
) -> None:
    """:func:`serve` after its bind check (for callers that ran :func:`check_bind` first)."""
    server = (
        build_workers(settings, host, port, workers=workers, access_log=access_log, seed=seed)
        if workers > 1
        else build_server(settings, host, port, access_log=access_log, seed=seed)
    )
    with contextlib.suppress(KeyboardInterrupt):
        server.run()


#: Vendors listed one per line in the banner; beyond, a count.
BANNER_VENDORS = 20


def store_vendors(store: Store, first: Sequence[VendorSeed] = ()) -> list[Vendor]:
    """The vendors in the store: those of ``first`` (the ``--vendor`` flags) in their order,
    then the others by id."""
    with store.engine.connect() as conn:
        rows = conn.execute(vendors_table.select().order_by(vendors_table.c.vendor_id)).all()
    found = {row.vendor_id: Vendor(row.vendor_id, row.access_key, row.secret_key) for row in rows}
    order = [seed[0] for seed in first if seed[0] in found]
    order += [vendor_id for vendor_id in found if vendor_id not in order]
    return [found[vendor_id] for vendor_id in order]


def _comment(text: str) -> str:
    """``# text`` with no control character (a line break would end the comment)."""
    return "# " + "".join("?" if ord(c) < 0x20 or c == "\x7f" else c for c in text)


def banner_lines(
    base_url: str, store: str, vendors: Sequence[Vendor], rate_limit: str
) -> list[str]:
    """The serve banner: a block that can be pasted into a shell as it is. Comments say where
    the sandbox listens, its store and the vendors in it (with their keys: a local sandbox's
    test keys); one ``export`` line points the SDK and the CLI at the first vendor."""
    lines = [_comment(f"coupang sandbox on {base_url}  (store: {store})")]
    if vendors:
        ids = ", ".join(v.vendor_id for v in vendors[:BANNER_VENDORS])
        more = len(vendors) - BANNER_VENDORS
        lines.append(
            _comment(f"vendors in the store: {ids}" + (f" and {more} more" if more > 0 else ""))
        )
        for vendor in vendors[:BANNER_VENDORS]:
            lines.append(
                _comment(
                    f"  vendor {vendor.vendor_id}: COUPANG_ACCESS_KEY={shlex.quote(vendor.access_key)} "
                    f"COUPANG_SECRET_KEY={shlex.quote(vendor.secret_key)}"
                )
            )
    else:
        lines.append(
            _comment(
                "no vendors yet: POST /_sandbox/vendors or pass --vendor VENDOR_ID:ACCESS_KEY:SECRET_KEY"
            )
        )
    exports = [f"COUPANG_BASE_URL={shlex.quote(base_url)}"]
    if vendors:
        first = vendors[0]
        exports += [
            f"COUPANG_VENDOR_ID={shlex.quote(first.vendor_id)}",
            f"COUPANG_ACCESS_KEY={shlex.quote(first.access_key)}",
            f"COUPANG_SECRET_KEY={shlex.quote(first.secret_key)}",
        ]
    lines.append("export " + " ".join(exports))
    lines.append(_comment(f"gateway rate limit: {rate_limit}"))
    return lines
