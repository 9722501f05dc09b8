"""``python -m coupang_sandbox [--host H] [--port P] [--db URL] [--vendor ID:ACCESS:SECRET]...
[--workers N]``"""

from __future__ import annotations

import argparse

from coupang_sandbox.server import add_serve_arguments, serve, settings_from_args


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="coupang_sandbox", description=__doc__)
    add_serve_arguments(parser)
    args = parser.parse_args(argv)
    try:
        settings = settings_from_args(args)
        serve(settings, args.host, args.port, access_log=args.access_log, workers=args.workers)
    except ValueError as exc:  # e.g. --workers 2 with an in-memory store
        parser.error(str(exc))


if __name__ == "__main__":
    main()
