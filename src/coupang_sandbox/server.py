"""Run the sandbox with uvicorn (one worker; uvloop/httptools when installed).

``add_serve_arguments`` / ``settings_from_args`` are shared by ``python -m coupang_sandbox``
and ``coupang-seller sandbox serve`` so both accept the same flags.
"""

from __future__ import annotations

import argparse
import contextlib

import uvicorn

from coupang_sandbox.app import create_app
from coupang_sandbox.settings import DEFAULT_DB_URL, SandboxSettings, VendorSeed

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8089


def build_server(
    settings: SandboxSettings,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    *,
    access_log: bool = False,
    log_level: str = "warning",
) -> uvicorn.Server:
    config = uvicorn.Config(
        create_app(settings),
        host=host,
        port=port,
        loop="auto",
        http="auto",
        workers=1,
        access_log=access_log,
        log_level=log_level,
        lifespan="on",
    )
    return uvicorn.Server(config)


def _vendor(text: str) -> VendorSeed:
    parts = text.split(":")
    if len(parts) != 3 or not all(parts):
        raise argparse.ArgumentTypeError("expected VENDOR_ID:ACCESS_KEY:SECRET_KEY")
    return parts[0], parts[1], parts[2]


def add_serve_arguments(parser: argparse.ArgumentParser) -> None:
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
        "--admin-token", default=None, help="require this bearer token on /_sandbox"
    )
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
    parser.add_argument("--access-log", action="store_true")


def settings_from_args(args: argparse.Namespace) -> SandboxSettings:
    return SandboxSettings(
        db_url=args.db,
        vendors=list(args.vendor),
        admin_token=args.admin_token,
        signature_skew_seconds=args.signature_skew,
        rate_limit_per_second=args.rate_limit or None,
        rate_limit_block_seconds=args.block_seconds,
    )


def serve(
    settings: SandboxSettings,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    *,
    access_log: bool = False,
) -> None:
    """Serve the sandbox until interrupted; Ctrl-C returns quietly (uvicorn shuts down cleanly,
    then re-raises SIGINT). Binds to loopback by default."""
    with contextlib.suppress(KeyboardInterrupt):
        build_server(settings, host, port, access_log=access_log).run()
