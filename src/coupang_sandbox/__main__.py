"""``python -m coupang_sandbox [--host H] [--port P] [--db URL] [--vendor ID:ACCESS:SECRET]...``"""

from __future__ import annotations

import argparse

from coupang_sandbox.server import add_serve_arguments, serve, settings_from_args


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="coupang_sandbox", description=__doc__)
    add_serve_arguments(parser)
    args = parser.parse_args(argv)
    serve(settings_from_args(args), args.host, args.port, access_log=args.access_log)


if __name__ == "__main__":
    main()
