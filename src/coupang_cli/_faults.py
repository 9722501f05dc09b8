"""``coupang-seller sandbox faults add|list|remove|clear``: the sandbox's fault rules
(``client.sandbox.faults``), for the sandbox at ``COUPANG_BASE_URL``."""

from __future__ import annotations

import argparse
from typing import Any, get_args

from coupang_cli._errors import EXIT_OK
from coupang_cli._output import Output
from coupang_seller import Client
from coupang_seller.resources.sandbox_faults import FaultKind
from coupang_seller.types.sandbox import SandboxFault

#: The fault kinds, from the SDK's ``FaultKind`` (one list for the SDK, CLI and sandbox).
KINDS = get_args(FaultKind)

#: ``add`` option -> (keyword of ``client.sandbox.faults.add``, type, help).
_OPTIONS: dict[str, tuple[str, Any, str]] = {
    "--method": ("method", str, "match this HTTP method"),
    "--path": ("path", str, "match a path glob (* a segment, ** anything, {name} a segment)"),
    "--path-regex": ("path_regex", str, "match a path regular expression (whole path)"),
    "--operation": ("operation", str, "match an SDK operation (orders.acknowledge, order_sheets)"),
    "--vendor-id": ("vendor_id", str, "match this vendor"),
    "--probability": ("probability", float, "fire with this probability (0-1)"),
    "--seed": ("seed", int, "the seed of the rule's draws (same seed, same firings)"),
    "--times": ("times", int, "fire at most this many times"),
    "--for-seconds": ("for_seconds", float, "stay active this long on the sandbox clock"),
    "--block-seconds": ("block_seconds", float, "rate_limit: how long the vendor stays blocked"),
    "--location": ("location", str, "redirect_block: where the 302 points"),
    "--status": ("status", int, "error: 500, 502 or 503"),
    "--latency-seconds": ("latency_seconds", float, "latency, gateway_timeout: the delay"),
    "--jitter-seconds": ("jitter_seconds", float, "latency: up to this much more (seeded)"),
    "--then": ("then", str, "commit_then_drop: drop (default) or 504"),
    "--extra-seconds": ("extra_seconds", float, "late_visibility: how much later orders show"),
}


def add_fault_commands(sandbox: Any) -> None:
    """Register ``sandbox faults ...`` under the ``sandbox`` subparsers."""
    faults = sandbox.add_parser("faults", help="fault injection rules of a running sandbox")
    actions = faults.add_subparsers(dest="faults_action", required=True)
    add = actions.add_parser("add", help="add a rule (see docs/FAULTS.md)")
    add.add_argument("kind", choices=KINDS)
    for flag, (_, kind, text) in _OPTIONS.items():
        add.add_argument(flag, type=kind, default=None, help=text)
    add.add_argument("--writes-only", action="store_true", help="match POST/PUT/PATCH/DELETE")
    add.add_argument(
        "--field", action="append", dest="fields", help="null_fields: a field to null (repeat)"
    )
    actions.add_parser("list", help="list the rules with their hit counts")
    remove = actions.add_parser("remove", help="remove one rule")
    remove.add_argument("id", type=int)
    actions.add_parser("clear", help="remove every rule")


def _line(rule: SandboxFault) -> str:
    criteria = [
        f"{name}={value}"
        for name, value in (
            ("method", rule.method), ("path", rule.path), ("pathRegex", rule.pathRegex),
            ("operation", rule.operation), ("vendor", rule.vendorId),
        )
        if value is not None
    ]  # fmt: skip
    if rule.writesOnly:
        criteria.append("writes-only")
    limits = f"p={rule.probability:g} seed={rule.seed}"
    if rule.times is not None:
        limits += f" times={rule.times}"
    return (
        f"#{rule.id:<4} {rule.kind:<17} hits={rule.hits:<5} {limits}  "
        f"{' '.join(criteria) or 'every request'}"
    )


def run_faults(args: argparse.Namespace, out: Output, client: Client) -> int:
    """Run ``sandbox faults <action>``."""
    faults = client.sandbox.faults
    if args.faults_action == "add":
        given = {keyword: getattr(args, keyword) for keyword, _, _ in _OPTIONS.values()}
        rule = faults.add(args.kind, writes_only=args.writes_only, fields=args.fields, **given)
        out.line(f"added {_line(rule)}")
        out.data(rule)
    elif args.faults_action == "list":
        rules = faults.list()
        for rule in rules:
            out.line(_line(rule))
        if not rules:
            out.line("no fault rules")
        out.data(rules)
    elif args.faults_action == "remove":
        faults.remove(args.id)
        out.line(f"removed rule #{args.id}")
        out.data({"removed": args.id})
    else:
        removed = faults.clear()
        out.line(f"removed {removed} rule(s)")
        out.data({"removed": removed})
    return EXIT_OK
