"""``python -m coupang_sandbox [--host H] [--port P] [--db URL] [--vendor ID:ACCESS:SECRET]...``"""

from __future__ import annotations

import argparse

from coupang_sandbox.server import DEFAULT_PORT, serve
from coupang_sandbox.settings import DEFAULT_DB_URL, VendorSeed


def _vendor(text: str) -> VendorSeed:
    parts = text.split(":")
    if len(parts) != 3 or not all(parts):
        raise argparse.ArgumentTypeError("expected VENDOR_ID:ACCESS_KEY:SECRET_KEY")
    return parts[0], parts[1], parts[2]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="coupang_sandbox", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    parser.add_argument("--db", default=DEFAULT_DB_URL)
    parser.add_argument("--vendor", type=_vendor, action="append", default=[])
    parser.add_argument("--admin-token", default=None)
    parser.add_argument("--access-log", action="store_true")
    parser.add_argument(
        "--rate-limit", type=float, default=10.0, help="calls/s per vendor before 429 (0 = off)"
    )
    parser.add_argument("--block-seconds", type=float, default=60.0, help="block after a 429")
    args = parser.parse_args(argv)
    serve(
        args.host,
        args.port,
        args.db,
        args.vendor,
        args.admin_token,
        access_log=args.access_log,
        rate_limit=args.rate_limit or None,
        block_seconds=args.block_seconds,
    )


if __name__ == "__main__":
    main()
