"""``coupang-seller sync ...``: the durable sync's store, vendors, runs, events and status.

coupang_sync (and SQLAlchemy, Alembic, cryptography: the ``[sync]`` extra) is imported only
when a ``sync`` command runs, so every other command works without the extra. Credentials
come from the environment or a prompt, never from the command line.
"""

from __future__ import annotations

import argparse
import getpass
import importlib
import json
import os
import sys
from datetime import datetime
from types import ModuleType
from typing import Any

from coupang_cli._errors import EXIT_OK, EXIT_USAGE
from coupang_cli._output import Output
from coupang_cli._startup import StartupError

__all__ = ["add_sync_commands", "run_sync"]

DB_ENV = "COUPANG_SYNC_DB"
SYNC_EXTRA = "pip install 'coupang-seller[sync]'"


def _with_db(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add the ``--db`` option (the sync store's URL) to ``parser``."""
    parser.add_argument(
        "--db",
        default=None,
        help=f"store URL (default: ${DB_ENV}, else sqlite:///coupang-sync.db)",
    )
    return parser


def add_sync_commands(sub: Any) -> None:
    """Register ``sync migrate|key|vendors|run|events|status``."""
    sync = sub.add_parser(
        "sync",
        help="durable sync of orders into a store, with an event log (in progress)",
        description="The store is a SQLite file by default (coupang-sync.db) or PostgreSQL by "
        f"URL (--db or ${DB_ENV}). Vendor credentials are stored encrypted with the key in "
        "$COUPANG_SYNC_KEY (`sync key` makes one).",
    ).add_subparsers(dest="action", required=True)

    _with_db(sync.add_parser("migrate", help="create the store or upgrade it in place"))
    sync.add_parser("key", help="print a new COUPANG_SYNC_KEY")
    vendors = sync.add_parser("vendors", help="the vendors the sync collects for")
    actions = vendors.add_subparsers(dest="vendors_action", required=True)
    add = _with_db(
        actions.add_parser(
            "add",
            help="add a vendor (keys from COUPANG_ACCESS_KEY/COUPANG_SECRET_KEY or a prompt)",
        )
    )
    add.add_argument("vendor_id")
    add.add_argument("--base-url", default=None, help="API base URL (a sandbox, for example)")
    add.add_argument(
        "--since", default=None, help="collect orders paid from this ISO instant (default: 1 day)"
    )
    _with_db(actions.add_parser("list", help="list the vendors"))
    remove = _with_db(actions.add_parser("remove", help="forget a vendor's keys and cursors"))
    remove.add_argument("vendor_id")

    run = _with_db(sync.add_parser("run", help="collect every vendor's orders"))
    run.add_argument("--once", action="store_true", required=True, help="one pass, then exit")
    run.add_argument("--vendor", action="append", default=None, help="only this vendor (repeat)")
    run.add_argument(
        "--clock",
        choices=("wall", "sandbox"),
        default="wall",
        help="'sandbox' follows the sandbox's business clock (GET /_sandbox/clock)",
    )
    run.add_argument(
        "--visibility-delay",
        type=float,
        default=600.0,
        help="seconds after payment an order becomes visible (default 600)",
    )

    events = _with_db(sync.add_parser("events", help="print the event log"))
    events.add_argument("--after", type=int, default=0, help="events with seq > N")
    events.add_argument("--limit", type=int, default=None)
    events.add_argument("--jsonl", action="store_true", help="one JSON object per line")

    status = _with_db(sync.add_parser("status", help="each vendor's streams: cursor and health"))
    status.add_argument("--json", dest="sync_json", action="store_true", help="as JSON")


def _import_sync() -> ModuleType:
    try:
        return importlib.import_module("coupang_sync")
    except ModuleNotFoundError as exc:
        top = (exc.name or "").split(".")[0]
        if not top or top.startswith("coupang_"):
            raise
        raise StartupError(
            f"the sync needs the [sync] extra (module {top!r} is not installed): {SYNC_EXTRA}",
            EXIT_USAGE,
        ) from None


def _url(args: argparse.Namespace, sync_module: ModuleType) -> str:
    return str(args.db or os.environ.get(DB_ENV) or sync_module.DEFAULT_URL)


def _safe(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def run_sync(args: argparse.Namespace, out: Output) -> int:
    """Run one ``sync`` command; the sync's own errors exit with their code."""
    sync_module = _import_sync()
    if getattr(args, "sync_json", False):
        out = Output(as_json=True)
    try:
        return _run(args, out, sync_module)
    except sync_module.SyncError as exc:
        out.error(str(exc))
        return int(exc.exit_code)


def _run(args: argparse.Namespace, out: Output, sync: ModuleType) -> int:
    if args.action == "key":
        key = sync.generate_key()
        out.line(key)
        out.data({"key": key})
        return EXIT_OK
    url = _url(args, sync)
    if args.action == "migrate":
        revision = sync.migrate(url)
        out.line(f"sync store {_safe(url)} is at schema revision {revision}")
        out.data({"db": _safe(url), "revision": revision})
        return EXIT_OK
    if args.action == "vendors":
        return _vendors(args, out, sync, url)
    if args.action == "run":
        return _run_once(args, out, sync, url)
    if args.action == "events":
        return _events(args, out, sync, url)
    return _status(out, sync, url)


def _secret(name: str, prompt: str) -> str:
    value = os.environ.get(name)
    if value:
        return value
    if not sys.stdin.isatty():
        raise ValueError(f"{name} is not set and there is no terminal to ask for it")
    return getpass.getpass(prompt)


def _vendors(args: argparse.Namespace, out: Output, sync: ModuleType, url: str) -> int:
    with sync.Sync(url, migrate=args.vendors_action == "add") as store:
        if args.vendors_action == "add":
            since = None
            if args.since is not None:
                since = datetime.fromisoformat(args.since)
                if since.tzinfo is None:
                    raise ValueError("--since needs a time zone, e.g. 2025-07-15T00:00:00+09:00")
            access = _secret("COUPANG_ACCESS_KEY", "access key: ")
            secret = _secret("COUPANG_SECRET_KEY", "secret key: ")
            vendor = store.add_vendor(
                args.vendor_id, access, secret, base_url=args.base_url, since=since
            )
            out.line(f"vendor {vendor.vendor_id} stored (credentials encrypted)")
            out.data({"vendorId": vendor.vendor_id, "baseUrl": vendor.base_url})
        elif args.vendors_action == "remove":
            store.remove_vendor(args.vendor_id)
            out.line(f"vendor {args.vendor_id} removed")
            out.data({"removed": args.vendor_id})
        else:
            found = store.vendors()
            for v in found:
                out.line(f"{v.vendor_id}\t{v.base_url or '(production)'}\tsince {v.since or '-'}")
            if not found:
                out.line("no vendors yet: coupang-seller sync vendors add VENDOR_ID")
            out.data(
                [{"vendorId": v.vendor_id, "baseUrl": v.base_url, "since": v.since} for v in found]
            )
    return EXIT_OK


def _run_once(args: argparse.Namespace, out: Output, sync: ModuleType, url: str) -> int:
    from datetime import timedelta

    settings = sync.OrderSettings(visibility_delay=timedelta(seconds=args.visibility_delay))
    with sync.Sync(url, migrate=False, clock=args.clock, settings=settings) as store:
        report = store.run_once(args.vendor)
    for v in report.vendors:
        line = (
            f"{v.vendor_id}: {v.pages} pages, {v.inserted} new, {v.changed} changed, "
            f"{v.events} events, cursor {v.mark or '-'}"
        )
        out.line(line if v.error is None else f"{line}; error: {v.error}")
    out.data(
        [
            {
                "vendorId": v.vendor_id,
                "pages": v.pages,
                "inserted": v.inserted,
                "changed": v.changed,
                "events": v.events,
                "cursor": v.mark,
                "error": v.error,
            }
            for v in report.vendors
        ]
    )
    return EXIT_OK if report.ok else 1


def _events(args: argparse.Namespace, out: Output, sync: ModuleType, url: str) -> int:
    with sync.Sync(url, migrate=False) as store:
        found = store.events(after=args.after, limit=args.limit)
        if args.jsonl:
            for event in found:
                print(json.dumps(event.to_dict(), ensure_ascii=False), file=out.out)
            return EXIT_OK
        items = []
        for event in found:
            items.append(event.to_dict())
            out.line(f"{event.seq}\t{event.type}\t{event.vendor_id}\t{event.record_id}")
        out.data(items)
    return EXIT_OK


def _status(out: Output, sync: ModuleType, url: str) -> int:
    with sync.Sync(url, migrate=False) as store:
        streams = store.status()
        counts = store.counts()
        vendor_ids = [v.vendor_id for v in store.vendors()]
    out.line(f"store {_safe(url)}: {counts['records']} records, {counts['events']} events")
    for s in streams:
        where = s.position.get("mark") or s.position.get("last_pass_to") or "-"
        health = f"error: {s.last_error}" if s.last_error else f"ok {s.last_success_at or '-'}"
        out.line(f"{s.vendor_id}\t{s.stream:<15}\tcursor {where}\t{health}")
    for vendor_id in vendor_ids:
        if not any(s.vendor_id == vendor_id for s in streams):
            out.line(f"{vendor_id}\t(not run yet)")
    out.data(
        {
            "db": _safe(url),
            **counts,
            "vendors": vendor_ids,
            "streams": [
                {
                    "vendorId": s.vendor_id,
                    "stream": s.stream,
                    "position": s.position,
                    "updatedAt": s.updated_at,
                    "lastSuccessAt": s.last_success_at,
                    "lastError": s.last_error,
                }
                for s in streams
            ],
        }
    )
    return EXIT_OK
