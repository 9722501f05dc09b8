"""``coupang-seller sandbox logs``: read or follow the sandbox's request log.

One readable line per request (the line ``sandbox serve --access-log`` prints), or one JSON
object per line with ``--jsonl``. ``--follow`` polls ``GET /_sandbox/requests?since=`` and
prints each new request as it comes, until Ctrl-C.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from typing import Any

from coupang_cli._errors import EXIT_OK
from coupang_cli._output import Output
from coupang_seller import Client
from coupang_seller.types.sandbox import RequestLogEntry

DEFAULT_URL = "http://127.0.0.1:8089"
ADMIN_TOKEN_ENV = "COUPANG_SANDBOX_ADMIN_TOKEN"  # noqa: S105 (a variable name)


def add_logs_command(sandbox: Any) -> None:
    """Register ``sandbox logs`` on the ``sandbox`` sub-command parser."""
    logs = sandbox.add_parser(
        "logs",
        help="show the sandbox's request log, one line per signed-API request",
        description="The last requests the sandbox's signed API got: time, seq, status, method, "
        "path, caller, latency, bytes in>out, and the field and rule (or reason) of a refusal. "
        "--follow goes on printing new requests until Ctrl-C.",
    )
    logs.add_argument("--follow", "-f", action="store_true", help="print new requests as they come")
    logs.add_argument("--status", default=None, help="a code (401), a class (4xx), or a list")
    logs.add_argument("--vendor", default=None, help="only this vendorId's requests")
    logs.add_argument("--method", default=None, help="only this HTTP method")
    logs.add_argument("--path", default=None, help="only paths containing this text")
    logs.add_argument("--since", type=int, default=None, help="only requests after this seq")
    logs.add_argument(
        "--limit", type=int, default=20, help="how many of the last requests first (default 20)"
    )
    logs.add_argument("--jsonl", action="store_true", help="one JSON object per line")
    logs.add_argument(
        "--url",
        default=None,
        help=f"the sandbox (default: COUPANG_BASE_URL, else {DEFAULT_URL})",
    )
    logs.add_argument(
        "--admin-token",
        default=None,
        help=f"the sandbox's admin token (default: ${ADMIN_TOKEN_ENV})",
    )
    logs.add_argument(
        "--interval", type=float, default=0.5, help="seconds between polls with --follow"
    )


def _client(args: argparse.Namespace) -> Client:
    """A client of the control API: unsigned, so placeholder keys do when none are set."""
    env = os.environ
    return Client(
        env.get("COUPANG_ACCESS_KEY") or "sandbox-logs",
        env.get("COUPANG_SECRET_KEY") or "sandbox-logs",
        env.get("COUPANG_VENDOR_ID") or "A00000000",
        base_url=args.url or env.get("COUPANG_BASE_URL") or DEFAULT_URL,
        sandbox_admin_token=args.admin_token or env.get(ADMIN_TOKEN_ENV) or None,
    )


def _show(entry: RequestLogEntry, args: argparse.Namespace) -> None:
    text = (
        json.dumps(entry.model_dump(mode="json"), ensure_ascii=False)
        if args.jsonl
        else entry.line()
    )
    print(text, flush=True)


def run_logs(args: argparse.Namespace, out: Output) -> int:
    """Print the log (the last ``--limit`` requests, or those after ``--since``); with
    ``--follow``, keep polling for new ones until interrupted."""
    filters: dict[str, Any] = {
        "status": args.status,
        "vendor": args.vendor,
        "method": args.method,
        "path": args.path,
    }
    with _client(args) as client:
        page = client.sandbox.requests.list(
            since=args.since, limit=min(max(args.limit, 1), 1000), **filters
        )
        if out.as_json and not args.follow and not args.jsonl:
            out.data(page)
            return EXIT_OK
        for entry in page.requests:
            _show(entry, args)
        if not args.follow:
            return EXIT_OK
        last = page.last
        while True:
            time.sleep(max(args.interval, 0.05))
            page = client.sandbox.requests.list(since=last, limit=1000, **filters)
            for entry in page.requests:
                _show(entry, args)
            last = page.last
            sys.stdout.flush()
