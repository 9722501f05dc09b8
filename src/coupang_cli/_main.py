"""Argument parsing and dispatch for ``coupang-seller``."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from coupang_cli._errors import (
    EXIT_BROKEN_PIPE,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_UNAVAILABLE,
    EXIT_USAGE,
    describe,
)
from coupang_cli._output import Output
from coupang_cli._startup import StartupError, check_writable, import_sandbox
from coupang_seller import Client, CoupangError, __version__
from coupang_seller.types.couriers import COURIERS

EXIT_CODES = (
    "Exit codes: 0 ok, 1 API error, 2 usage/configuration, 3 rules broken, 4 auth, "
    "5 rate limited/blocked, 6 connection, 7 sandbox cannot start (port or store), "
    "130 interrupted, 141 output closed (broken pipe)."
)


def _wants_serve(argv: Sequence[str] | None) -> bool:
    """Does the command line ask for ``sandbox serve``? (Global options take no values.)"""
    words = [a for a in (sys.argv[1:] if argv is None else argv) if not a.startswith("-")]
    return words[:2] == ["sandbox", "serve"]


def _add_serve_parser(sandbox: Any, wanted: bool) -> None:
    """``sandbox serve``: its options come from the sandbox, imported only when it is asked for
    (so ``--help`` and every production command run without the [sandbox] extra)."""
    help_text = "serve the sandbox over HTTP"
    if wanted:
        server = import_sandbox("coupang_sandbox.server")
        server.add_serve_arguments(sandbox.add_parser("serve", help=help_text))
        return
    # Only listed (another command was asked for): its options are not needed.
    stub = sandbox.add_parser("serve", help=help_text, add_help=False)
    stub.add_argument("rest", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The ``coupang-seller`` parser; ``argv`` only decides whether the sandbox is imported."""
    parser = argparse.ArgumentParser(
        prog="coupang-seller",
        description="Coupang seller Open API toolkit: SDK commands and a local sandbox.",
        epilog="Credentials come from COUPANG_ACCESS_KEY, COUPANG_SECRET_KEY, COUPANG_VENDOR_ID "
        "(and COUPANG_BASE_URL, COUPANG_USER_ID). " + EXIT_CODES,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    sub = parser.add_subparsers(dest="command", required=True)
    # The order of the groups is the order ``--help`` lists them in.
    _add_sandbox_commands(sub, _wants_serve(argv))
    _add_demo_command(sub)
    sub.add_parser("couriers", help="list courier (delivery company) codes")
    _add_place_commands(sub)
    _add_category_commands(sub)
    _add_product_commands(sub)
    from coupang_cli._orders import add_order_commands

    add_order_commands(sub)
    from coupang_cli._sync import add_sync_commands

    add_sync_commands(sub)
    return parser


def _add_sandbox_commands(sub: Any, wants_serve: bool) -> None:
    """``sandbox serve|openapi|faults|snapshot|logs``: the local emulator's commands."""
    sandbox = sub.add_parser("sandbox", help="the local emulator").add_subparsers(
        dest="action", required=True
    )
    _add_serve_parser(sandbox, wants_serve)
    openapi = sandbox.add_parser(
        "openapi", help="print the OpenAPI 3.1 document of the seller API the sandbox serves"
    )
    openapi.add_argument(
        "--include-control",
        action="store_true",
        help="also list the /_sandbox/... control routes (tag sandbox-control)",
    )
    openapi.add_argument("--output", "-o", type=Path, help="write to FILE instead of stdout")
    from coupang_cli._faults import add_fault_commands

    add_fault_commands(sandbox)
    from coupang_cli._snapshots import add_snapshot_commands

    add_snapshot_commands(sandbox)
    from coupang_cli._logs import add_logs_command

    add_logs_command(sandbox)


def _add_demo_command(sub: Any) -> None:
    """``demo [--db URL]``: a seller journey against an embedded sandbox."""
    demo = sub.add_parser("demo", help="run a seller journey against an embedded sandbox")
    demo.add_argument("--db", default=None, help="store URL (default: a fresh SQLite file)")


def _add_place_commands(sub: Any) -> None:
    """``shipping-places outbound|return ...``: outbound shipping places and return centers."""
    places = sub.add_parser("shipping-places", help="outbound shipping places and return centers")
    kinds = places.add_subparsers(dest="kind", required=True)
    _add_outbound_commands(
        kinds.add_parser("outbound").add_subparsers(dest="action", required=True)
    )
    _add_return_commands(kinds.add_parser("return").add_subparsers(dest="action", required=True))


def _add_outbound_commands(outbound: Any) -> None:
    """``shipping-places outbound list|get|find|create|update``."""
    outbound.add_parser("list")
    get = outbound.add_parser("get")
    get.add_argument("code")
    find = outbound.add_parser("find")
    find.add_argument("name")
    create = outbound.add_parser(
        "create", help="create from a JSON file shaped like Coupang's body"
    )
    create.add_argument("file", type=Path)
    update = outbound.add_parser("update")
    update.add_argument("code")
    update.add_argument("file", type=Path)


def _add_return_commands(returns: Any) -> None:
    """``shipping-places return list|get|create|update``."""
    returns.add_parser("list")
    rget = returns.add_parser("get")
    rget.add_argument("codes", nargs="+")
    rcreate = returns.add_parser("create")
    rcreate.add_argument("file", type=Path)
    rupdate = returns.add_parser("update")
    rupdate.add_argument("code")
    rupdate.add_argument("file", type=Path)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; the exit code follows the README's table (and ``EXIT_CODES``)."""
    try:
        return _main(argv)
    except BrokenPipeError:
        # The reader went away (`| head`): say nothing more, and keep the interpreter's final
        # flush of stdout from failing again (the Python docs' recipe for SIGPIPE).
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is not a file (a test's capture): nothing to flush
        pass


def _main(argv: Sequence[str] | None) -> int:
    try:
        parser = build_parser(argv)
    except StartupError as exc:  # `sandbox serve ...` without the [sandbox] extra
        Output(as_json="--json" in (sys.argv[1:] if argv is None else argv)).error(str(exc))
        return exc.code
    args = parser.parse_args(argv)
    out = Output(as_json=args.json)
    try:
        return _dispatch(args, out)
    except CoupangError as exc:
        code, message, payload = describe(exc)
        out.error(message, payload=payload)
        return code
    except StartupError as exc:
        out.error(str(exc))
        return exc.code
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as exc:
        out.error(str(exc))
        return EXIT_USAGE


def _dispatch(args: argparse.Namespace, out: Output) -> int:
    """Run the handler of ``args.command`` (argparse allows only the names in the table)."""
    return _COMMANDS[args.command](args, out)


def _sandbox(args: argparse.Namespace, out: Output) -> int:
    """``sandbox ...``: every action but ``serve`` has its handler in the table."""
    return _SANDBOX_ACTIONS.get(args.action, _serve)(args, out)


def _sandbox_openapi(args: argparse.Namespace, out: Output) -> int:
    """``sandbox openapi``: the document goes to stdout or ``--output`` (never ``--json``)."""
    return _openapi(args)


def _sandbox_logs(args: argparse.Namespace, out: Output) -> int:
    """``sandbox logs``: a running sandbox's request log."""
    from coupang_cli._logs import run_logs

    return run_logs(args, out)


def _sandbox_faults(args: argparse.Namespace, out: Output) -> int:
    """``sandbox faults ...``: a running sandbox's fault rules, through the signed client."""
    from coupang_cli._faults import run_faults

    with Client() as client:
        return run_faults(args, out, client)


def _sandbox_snapshot(args: argparse.Namespace, out: Output) -> int:
    """``sandbox snapshot ...``: save and restore a running sandbox's state."""
    from coupang_cli._snapshots import run_snapshot

    return run_snapshot(args, out)


def _demo(args: argparse.Namespace, out: Output) -> int:
    """``demo``: the seller journey (needs the [sandbox] extra)."""
    demo = import_sandbox("coupang_cli._demo")
    code: int = demo.run_demo(out, db_url=args.db)
    return code


def _couriers(args: argparse.Namespace, out: Output) -> int:
    """``couriers``: the courier codes, one a line."""
    for courier in COURIERS.values():
        out.line(f"{courier.code:<14} {courier.name}{'  (defunct)' if courier.defunct else ''}")
    out.data([{"code": c.code, "name": c.name, "defunct": c.defunct} for c in COURIERS.values()])
    return EXIT_OK


def _sync(args: argparse.Namespace, out: Output) -> int:
    """``sync ...``: the local mirror of the seller's data."""
    from coupang_cli._sync import run_sync

    return run_sync(args, out)


def _orders(args: argparse.Namespace, out: Output) -> int:
    """``orders ...``: order sheets, through the signed client."""
    from coupang_cli._orders import run_orders

    with Client() as client:
        return run_orders(args, out, client)


def _shipping_places(args: argparse.Namespace, out: Output) -> int:
    """``shipping-places ...``: outbound shipping places and return centers."""
    with Client() as client:
        return _places(args, client, out)


def _openapi(args: argparse.Namespace) -> int:
    openapi = import_sandbox("coupang_sandbox.openapi")
    document = openapi.build_document(include_control=args.include_control)
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if args.output is None:
        sys.stdout.write(text)
    else:
        args.output.write_text(text, encoding="utf-8")
    return EXIT_OK


def _serve(args: argparse.Namespace, out: Output) -> int:
    from coupang_cli._startup import claim_port, safe_url, starting

    server_module = import_sandbox("coupang_sandbox.server")
    try:
        settings = server_module.settings_from_args(args)
        # Before the port is claimed: a public bind without a token never listens.
        server_module.check_bind(args.host, settings, args.allow_remote)
    except Exception as exc:  # noqa: BLE001 - a refused setting, whatever the sandbox calls it
        raise StartupError(str(exc) or type(exc).__name__, EXIT_USAGE) from None
    # The port first: a port in use is reported before the store is touched or the banner shown.
    sock = claim_port(args.host, args.port)
    try:
        with starting(args.db):
            server = _build_server(server_module, settings, args)
    except BaseException:
        sock.close()
        raise
    port = int(sock.getsockname()[1])  # --port 0: the port the system chose
    try:
        host = f"[{args.host}]" if ":" in args.host else args.host
        vendors = _store_vendors(server_module, server, settings, args)
        _banner(
            args,
            out,
            f"http://{host}:{port}",
            safe_url(args.db),
            server_module=server_module,
            vendors=vendors,
            seeded=getattr(server, "seed_summary", None),
        )
        sys.stdout.flush()
        server.run(sockets=[sock])
    except KeyboardInterrupt:  # Ctrl-C (uvicorn shuts down cleanly, then re-raises SIGINT)
        print("sandbox stopped", file=sys.stderr)
    except SystemExit as exc:  # uvicorn's own start-up failure (it logged the reason)
        if exc.code in (0, None):
            return EXIT_OK
        raise StartupError("the sandbox failed to start (see above)", EXIT_UNAVAILABLE) from None
    finally:
        sock.close()
    return EXIT_OK


def _build_server(server_module: Any, settings: Any, args: argparse.Namespace) -> Any:
    """One uvicorn server, or ``--workers N`` processes on the CLI's socket (the store is
    checked writable first either way)."""
    if args.workers > 1:
        try:
            pool = server_module.build_workers(
                settings,
                args.host,
                args.port,
                workers=args.workers,
                access_log=args.access_log,
                seed=args.seed,
            )
        except ValueError as exc:  # e.g. several workers on an in-memory store (or a bad seed)
            raise StartupError(str(exc), EXIT_USAGE) from None
        probe = server_module.build_server(settings, args.host, args.port)
        check_writable(probe.config.app)
        probe.config.app.state.sandbox.close()
        return pool
    try:
        server = server_module.build_server(
            settings, args.host, args.port, access_log=args.access_log, seed=args.seed
        )
    except ValueError as exc:  # a refused seed file (path:line: field: rule)
        raise StartupError(str(exc), EXIT_USAGE) from None
    check_writable(server.config.app)
    # uvicorn imports its protocol and loop modules when it starts; do it before the banner, so
    # a Ctrl-C right after the banner lands in plain code (an interrupt raised inside an
    # import's module-lock callback is printed and lost, and the server would run on).
    server.config.load()
    server.config.get_loop_factory()
    return server


def _store_vendors(
    server_module: Any, server: Any, settings: Any, args: argparse.Namespace
) -> list[Any]:
    """The vendors already in the store (the ``--vendor`` ones first), for the banner."""
    app = getattr(getattr(server, "config", None), "app", None)
    if app is not None and not isinstance(app, str):
        found: list[Any] = server_module.store_vendors(app.state.sandbox.store, args.vendor)
        return found
    store = server_module.Store.open(settings.db_url)  # --workers: a file or PostgreSQL
    try:
        found = server_module.store_vendors(store, args.vendor)
    finally:
        store.close()
    return found


def _banner(
    args: argparse.Namespace,
    out: Output,
    base_url: str,
    store: str,
    *,
    server_module: Any,
    vendors: list[Any],
    seeded: Any = None,
) -> None:
    """A block to paste into a shell: where the sandbox listens, its store, what ``--seed``
    loaded, the vendors in the store with their keys, ``export COUPANG_...`` for the first
    one, and the gateway limit."""
    limit = (
        f"{args.rate_limit:g} calls/s per vendor, {args.block_seconds:g} s block"
        if args.rate_limit
        else "off"
    )
    lines = server_module.banner_lines(base_url, store, vendors, limit)
    if seeded is not None:
        seed_text = f"seed {args.seed}: {seeded.describe()}"
        lines.insert(1, "# " + "".join(c if c.isprintable() else "?" for c in seed_text))
    for text in lines:
        out.line(text)
    out.data(
        {
            "baseUrl": base_url,
            "db": store,
            "vendors": [
                {"vendorId": v.vendor_id, "accessKey": v.access_key, "secretKey": v.secret_key}
                for v in vendors
            ],
        }
    )


def _load(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a JSON object")
    return data


def _flag(body: dict[str, Any], key: str, default: bool | None) -> bool | None:
    """A boolean field of a body file: JSON true/false or Coupang's documented "true"/"false"."""
    value = body.get(key)
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text not in ("true", "false"):
        raise ValueError(f"{key}: expected true or false, got {value!r}")
    return text == "true"


def _places(args: argparse.Namespace, client: Client, out: Output) -> int:
    """Run the handler of ``shipping-places KIND ACTION`` (``update`` for any other action)."""
    if args.kind == "outbound":
        return _OUTBOUND_ACTIONS.get(args.action, _outbound_update)(args, client, out)
    return _RETURN_ACTIONS.get(args.action, _return_update)(args, client, out)


def _outbound_list(args: argparse.Namespace, client: Client, out: Output) -> int:
    """``shipping-places outbound list``: code, name, usable and couriers, one a line."""
    items = list(client.outbound_shipping_places.iter())
    for p in items:
        out.line(
            f"{p.outboundShippingPlaceCode}\t{p.shippingPlaceName}\tusable={p.usable}\t{','.join(p.courier_codes)}"
        )
    out.data(items)
    return EXIT_OK


def _outbound_get(args: argparse.Namespace, client: Client, out: Output) -> int:
    """``shipping-places outbound get CODE``: one place as JSON."""
    place = client.outbound_shipping_places.get(args.code)
    out.line(place.model_dump_json(by_alias=True, indent=2, exclude_none=True))
    out.data(place)
    return EXIT_OK


def _outbound_find(args: argparse.Namespace, client: Client, out: Output) -> int:
    """``shipping-places outbound find NAME``: the place of that name (exit 1 when none)."""
    found = client.outbound_shipping_places.find_by_name(args.name)
    if found is None:
        out.error(f"no outbound shipping place named {args.name!r}")
        return 1
    out.line(found.model_dump_json(by_alias=True, indent=2, exclude_none=True))
    out.data(found)
    return EXIT_OK


def _outbound_create(args: argparse.Namespace, client: Client, out: Output) -> int:
    """``shipping-places outbound create FILE``: FILE is shaped like Coupang's body."""
    body = _load(args.file)
    code = client.outbound_shipping_places.create(
        name=body.get("shippingPlaceName", ""),
        addresses=body.get("placeAddresses", []),
        remote_infos=body.get("remoteInfos", []),
        usable=_flag(body, "usable", True) is True,
        global_=_flag(body, "global", False) is True,
        user_id=body.get("userId"),
    )
    out.line(f"created outboundShippingPlaceCode {code}")
    out.data({"outboundShippingPlaceCode": code})
    return EXIT_OK


def _outbound_update(args: argparse.Namespace, client: Client, out: Output) -> int:
    """``shipping-places outbound update CODE FILE``: the fields FILE has are changed."""
    body = _load(args.file)
    client.outbound_shipping_places.update(
        args.code,
        name=body.get("shippingPlaceName"),
        addresses=body.get("placeAddresses"),
        remote_infos=body.get("remoteInfos"),
        usable=_flag(body, "usable", None),
        global_=_flag(body, "global", None),
        user_id=body.get("userId"),
    )
    out.line(f"updated {args.code}")
    out.data({"updated": args.code})
    return EXIT_OK


def _return_list(args: argparse.Namespace, client: Client, out: Output) -> int:
    """``shipping-places return list``: code, name, courier and usable, one a line."""
    center_items = list(client.return_centers.iter())
    for c in center_items:
        out.line(f"{c.returnCenterCode}\t{c.shippingPlaceName}\t{c.deliverCode}\tusable={c.usable}")
    out.data(center_items)
    return EXIT_OK


def _return_get(args: argparse.Namespace, client: Client, out: Output) -> int:
    """``shipping-places return get CODE...``: each center as JSON."""
    found_centers = client.return_centers.get_many(args.codes)
    for center in found_centers:
        out.line(center.model_dump_json(by_alias=True, indent=2, exclude_none=True))
    out.data(found_centers)
    return EXIT_OK


def _return_create(args: argparse.Namespace, client: Client, out: Output) -> int:
    """``shipping-places return create FILE``: FILE is shaped like Coupang's body."""
    body = _load(args.file)
    info = body.get("goodsflowInfoOpenApiDto") or {}
    fee_fields = {k: v for k, v in info.items() if "Fee" in k}
    code_text = client.return_centers.create(
        name=body.get("shippingPlaceName", ""),
        courier=info.get("deliverCode", ""),
        contract_number=info.get("contractNumber", ""),
        contract_customer_number=info.get("contractCustomerNumber"),
        courier_name=info.get("deliverName"),
        fees=fee_fields,
        addresses=body.get("placeAddresses", []),
        user_id=body.get("userId"),
    )
    out.line(f"created returnCenterCode {code_text}")
    out.data({"returnCenterCode": code_text})
    return EXIT_OK


def _return_update(args: argparse.Namespace, client: Client, out: Output) -> int:
    """``shipping-places return update CODE FILE``: the fields FILE has are changed."""
    body = _load(args.file)
    client.return_centers.update(
        args.code,
        name=body.get("shippingPlaceName"),
        usable=_flag(body, "usable", None),
        fees=body.get("goodsflowInfoOpenApiDto") or body.get("goodsflowInfoDto"),
        addresses=body.get("placeAddresses"),
        user_id=body.get("userId"),
    )
    out.line(f"updated {args.code}")
    out.data({"updated": args.code})
    return EXIT_OK


_PlaceHandler = Callable[[argparse.Namespace, Client, Output], int]

_OUTBOUND_ACTIONS: dict[str, _PlaceHandler] = {
    "list": _outbound_list,
    "get": _outbound_get,
    "find": _outbound_find,
    "create": _outbound_create,
    "update": _outbound_update,
}

_RETURN_ACTIONS: dict[str, _PlaceHandler] = {
    "list": _return_list,
    "get": _return_get,
    "create": _return_create,
    "update": _return_update,
}


# -- products --------------------------------------------------------------------------------


def _add_product_commands(sub: Any) -> None:
    products = sub.add_parser(
        "products", help="product sheets (CSV/XLSX): check offline, push safely"
    ).add_subparsers(dest="action", required=True)
    check = products.add_parser(
        "check",
        help="list every problem of a product sheet: row, column, rule, fix (offline)",
        description="Exit code 3 when the sheet has problems. No credentials needed.",
    )
    check.add_argument("file", type=Path)
    check.add_argument(
        "--vendor-id", default=None, help="default: COUPANG_VENDOR_ID, else a placeholder"
    )
    push = products.add_parser(
        "push",
        help="list the sheet's valid products, with a journal (safe to rerun after a crash)",
        description="Rows with problems are skipped. The journal (FILE.journal.jsonl) lets a "
        "rerun finish an interrupted push without listing anything twice; a product whose answer "
        "was lost is looked up by its externalVendorSku before it is sent again.",
    )
    push.add_argument("file", type=Path)
    push.add_argument(
        "--image-base-url",
        default=None,
        help="URL where the sheet's local image files are uploaded: images/a.png is sent as "
        "URL/images/a.png (Coupang downloads images from URLs)",
    )
    push.add_argument("--journal", type=Path, default=None, help="default: FILE.journal.jsonl")
    for command in (check, push):
        command.add_argument(
            "--outbound-place", default=None, help="outboundShippingPlaceCode for every product"
        )
        command.add_argument(
            "--return-center", default=None, help="returnCenterCode for every product"
        )


def _products(args: argparse.Namespace, out: Output) -> int:
    from coupang_cli._products import place_overrides, run_check, run_push

    overrides = place_overrides(args.outbound_place, args.return_center)
    if args.action == "check":
        return run_check(args.file, out, vendor_id=args.vendor_id, overrides=overrides)
    with Client() as client:
        return run_push(
            args.file,
            out,
            client,
            image_base_url=args.image_base_url,
            overrides=overrides,
            journal_path=args.journal,
        )


# -- categories ------------------------------------------------------------------------------

CATEGORY_EXPORT_HEADER = (
    "displayCategoryCode",
    "categoryPath",
    "categoryName",
    "depth",
    "noticeCategories",
    "mandatoryAttributes",
    "isAllowSingleItem",
    "allowedOfferConditions",
)


def _add_category_commands(sub: Any) -> None:
    categories = sub.add_parser(
        "categories", help="display categories (the packaged seed catalog, offline)"
    ).add_subparsers(dest="action", required=True)
    export = categories.add_parser(
        "export", help="one row per leaf category to a .csv or .xlsx file"
    )
    export.add_argument("file", type=Path)
    rec = categories.add_parser("recommend", help="suggest leaf categories for a product name")
    rec.add_argument("product_name")
    rec.add_argument("--brand", default=None)
    rec.add_argument("--top", type=int, default=3, help="how many suggestions (default 3)")
    show = categories.add_parser("show", help="one category: path, children, meta")
    show.add_argument("code")
    show.add_argument(
        "--remote", action="store_true", help="ask the API (COUPANG_* settings) instead"
    )


def _categories(args: argparse.Namespace, out: Output) -> int:
    """Run the handler of ``categories ACTION`` (``show`` for any other action)."""
    from coupang_seller.catalog import load_catalog

    load_catalog()  # read (and checked) first, whichever the action
    if args.action == "export":
        return _category_export(args, out)
    if args.action == "recommend":
        return _category_recommend(args, out)
    return _category_show(args, out)


def _category_export(args: argparse.Namespace, out: Output) -> int:
    """``categories export FILE``: one row per leaf category, .csv or .xlsx."""
    rows = _category_rows()
    _write_table(args.file, rows)
    out.line(f"wrote {len(rows)} leaf categories to {args.file}")
    out.data({"file": str(args.file), "rows": len(rows)})
    return EXIT_OK


def _category_recommend(args: argparse.Namespace, out: Output) -> int:
    """``categories recommend NAME``: the best leaves with their scores (exit 1 when none)."""
    from coupang_cli._errors import EXIT_API_ERROR
    from coupang_seller.catalog import recommend

    found = recommend(args.product_name, brand=args.brand, top_k=max(args.top, 1))
    if not found:
        out.error("the product name says too little to suggest a category")
        return EXIT_API_ERROR
    for r in found:
        out.line(f"{r.code}\t{r.score:.3f}\t{r.path}")
    out.data([{"code": r.code, "name": r.name, "score": r.score, "path": r.path} for r in found])
    return EXIT_OK


def _category_show(args: argparse.Namespace, out: Output) -> int:
    """``categories show CODE [--remote]``: a number, looked up offline or through the API."""
    code_text = str(args.code).strip()
    if not code_text.isdigit():
        raise ValueError(f"a category code is a number (got {args.code!r})")
    if args.remote:
        return _category_show_remote(code_text, out)
    return _category_show_local(code_text, out)


def _category_show_remote(code_text: str, out: Output) -> int:
    """One category from the API: its children, or its meta when it is a leaf."""
    with Client() as client:
        category = client.categories.get(code_text)
        meta = client.categories.meta(code_text) if not category.children else None
    out.line(f"{category.code}\t{category.name}\t{category.status}")
    for c in category.children:
        out.line(f"  {c.code}\t{c.name}")
    if meta is not None:
        out.line(meta.model_dump_json(by_alias=True, indent=2, exclude_none=True))
    out.data({"category": category, "meta": meta})
    return EXIT_OK


def _category_show_local(code_text: str, out: Output) -> int:
    """One category of the packaged catalog: path, children and a leaf's meta (exit 1 when
    the code is not in the catalog)."""
    from coupang_cli._errors import EXIT_API_ERROR
    from coupang_seller.catalog import load_catalog

    catalog = load_catalog()
    node = catalog.get(int(code_text))
    if node is None:
        out.error(f"category {code_text} is not in the packaged catalog")
        return EXIT_API_ERROR
    leaf_meta = catalog.meta(node.code)
    out.line(f"{node.code}\t{catalog.path_name(node.code)}\t(depth {node.depth}, {node.status})")
    for child in catalog.children(node.code):
        out.line(f"  {child.code}\t{child.name}{'' if child.is_leaf else '  >'}")
    if leaf_meta is not None:
        out.line(f"notice categories: {', '.join(_notice_names(leaf_meta))}")
        out.line(f"mandatory attributes: {_mandatory_attributes(leaf_meta) or '-'}")
        out.line(f"offer conditions: {', '.join(leaf_meta['allowedOfferConditions'])}")
    out.data(
        {
            "displayCategoryCode": node.code,
            "name": node.name,
            "path": catalog.path_name(node.code),
            "depth": node.depth,
            "children": [c.code for c in catalog.children(node.code)],
            "meta": leaf_meta,
        }
    )
    return EXIT_OK


def _notice_names(meta: dict[str, Any]) -> list[str]:
    return [n["noticeCategoryName"] for n in meta["noticeCategories"]]


def _mandatory_attributes(meta: dict[str, Any]) -> str:
    """``"색상, 개당 용량|개당 중량 (택1)"``: mandatory attributes, pick-one groups together."""
    plain: list[str] = []
    groups: dict[str, list[str]] = {}
    for a in meta["attributes"]:
        if a["required"] != "MANDATORY":
            continue
        if a["groupNumber"] == "NONE":
            plain.append(a["attributeTypeName"])
        else:
            groups.setdefault(a["groupNumber"], []).append(a["attributeTypeName"])
    plain += [f"{'|'.join(names)} (택1)" for _, names in sorted(groups.items())]
    return ", ".join(plain)


def _category_rows() -> list[list[object]]:
    from coupang_seller.catalog import load_catalog

    catalog = load_catalog()
    rows: list[list[object]] = []
    for leaf in catalog.leaves():
        meta = catalog.meta(leaf.code) or {}
        rows.append(
            [
                leaf.code,
                catalog.path_name(leaf.code),
                leaf.name,
                leaf.depth,
                " | ".join(_notice_names(meta)),
                _mandatory_attributes(meta),
                "Y" if meta.get("isAllowSingleItem") else "N",
                ",".join(meta.get("allowedOfferConditions", ())),
            ]
        )
    return rows


def _write_table(path: Path, rows: list[list[object]]) -> None:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        import csv

        # UTF-8 with a BOM so spreadsheet programs read the Korean text right.
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(CATEGORY_EXPORT_HEADER)
            writer.writerows(rows)
        return
    if suffix != ".xlsx":
        raise ValueError(f"{path}: export writes .csv or .xlsx files")
    import importlib

    try:
        openpyxl = importlib.import_module("openpyxl")
    except ImportError:
        raise ValueError(
            "writing .xlsx needs openpyxl: pip install 'coupang-seller[xlsx]' (or export to .csv)"
        ) from None
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "categories"
    sheet.append(list(CATEGORY_EXPORT_HEADER))
    for row in rows:
        sheet.append(row)
    sheet.freeze_panes = "A2"
    workbook.save(path)


# -- dispatch tables -------------------------------------------------------------------------

_Handler = Callable[[argparse.Namespace, Output], int]

#: ``sandbox ACTION`` -> handler; ``serve`` (the default) is not listed.
_SANDBOX_ACTIONS: dict[str, _Handler] = {
    "openapi": _sandbox_openapi,
    "logs": _sandbox_logs,
    "faults": _sandbox_faults,
    "snapshot": _sandbox_snapshot,
}

#: ``coupang-seller COMMAND`` -> handler, one per command group of ``build_parser``.
_COMMANDS: dict[str, _Handler] = {
    "sandbox": _sandbox,
    "demo": _demo,
    "couriers": _couriers,
    "shipping-places": _shipping_places,
    "categories": _categories,
    "products": _products,
    "sync": _sync,
    "orders": _orders,
}
