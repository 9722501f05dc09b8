"""``coupang-seller sandbox snapshot save|restore|list|delete``: a running sandbox's snapshots.

The commands call the sandbox's control API (``/_sandbox/snapshots``) through the SDK
(``client.sandbox.snapshots``). They need no seller keys: the base URL comes from ``--base-url``,
else ``COUPANG_BASE_URL``, else the local sandbox's default address; a sandbox started with
``--admin-token`` takes it from ``--admin-token`` or ``COUPANG_SANDBOX_ADMIN_TOKEN``.
"""

from __future__ import annotations

import argparse
import os
from typing import Any

from coupang_cli._errors import EXIT_OK
from coupang_cli._output import Output
from coupang_seller import Client
from coupang_seller.types.sandbox import SandboxSnapshot

#: Where ``coupang-seller sandbox serve`` listens by default.
LOCAL_SANDBOX_URL = "http://127.0.0.1:8089"
ENV_ADMIN_TOKEN = "COUPANG_SANDBOX_ADMIN_TOKEN"  # noqa: S105 - a variable name, not a secret


def add_snapshot_commands(sandbox: Any) -> None:
    """Register ``sandbox snapshot ...`` on the ``sandbox`` subparsers."""
    snapshot = sandbox.add_parser(
        "snapshot", help="save, restore and list snapshots of a running sandbox's whole state"
    )
    snapshot.add_argument(
        "--base-url",
        default=None,
        help=f"the sandbox (default: COUPANG_BASE_URL, else {LOCAL_SANDBOX_URL})",
    )
    snapshot.add_argument(
        "--admin-token",
        default=None,
        help=f"the sandbox's admin token (default: {ENV_ADMIN_TOKEN})",
    )
    actions = snapshot.add_subparsers(dest="snapshot_action", required=True)
    save = actions.add_parser("save", help="save the whole state under NAME")
    save.add_argument("name")
    save.add_argument("--replace", action="store_true", help="overwrite a snapshot of that name")
    restore = actions.add_parser("restore", help="restore the state saved under NAME")
    restore.add_argument("name")
    actions.add_parser("list", help="list the saved snapshots")
    delete = actions.add_parser("delete", help="delete the snapshot NAME")
    delete.add_argument("name")


def _client(args: argparse.Namespace) -> Client:
    base_url = args.base_url or os.environ.get("COUPANG_BASE_URL") or LOCAL_SANDBOX_URL
    token = args.admin_token or os.environ.get(ENV_ADMIN_TOKEN) or None
    # Control calls are not signed: any well-formed keys do (the environment's when set).
    return Client(
        os.environ.get("COUPANG_ACCESS_KEY") or "sandbox-control",
        os.environ.get("COUPANG_SECRET_KEY") or "sandbox-control",
        os.environ.get("COUPANG_VENDOR_ID") or "A00000000",
        base_url=base_url,
        sandbox_admin_token=token,
        max_retries=0,
    )


def _describe(snapshot: SandboxSnapshot) -> str:
    clock = snapshot.clock
    created = snapshot.createdAt.strftime("%Y-%m-%d %H:%M:%S")
    return (
        f"{snapshot.name:<24} saved {created} UTC  clock {clock.now.isoformat()} ({clock.mode})  "
        f"{snapshot.rows} rows, {snapshot.bytes} bytes"
    )


def run_snapshot(args: argparse.Namespace, out: Output) -> int:
    """Run one ``sandbox snapshot`` command; the exit code of the CLI's table."""
    with _client(args) as client:
        snapshots = client.sandbox.snapshots
        action = args.snapshot_action
        if action == "list":
            found = snapshots.list()
            for snapshot in found:
                out.line(_describe(snapshot))
            if not found:
                out.line("no snapshots yet: coupang-seller sandbox snapshot save NAME")
            out.data({"snapshots": found})
            return EXIT_OK
        if action == "delete":
            snapshots.delete(args.name)
            out.line(f"deleted snapshot {args.name}")
            out.data({"deleted": args.name})
            return EXIT_OK
        if action == "save":
            snapshot = snapshots.save(args.name, replace=args.replace)
            out.line(f"saved {_describe(snapshot)}")
        else:
            snapshot = snapshots.restore(args.name)
            out.line(f"restored {_describe(snapshot)}")
        out.data(snapshot)
        return EXIT_OK
