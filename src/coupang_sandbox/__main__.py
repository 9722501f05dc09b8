"""``python -m coupang_sandbox [--host H] [--port P] [--db URL] [--vendor ID:ACCESS:SECRET]...
[--admin-token T] [--allow-remote] [--allowed-host HOST]... [--workers N]``"""

from __future__ import annotations

import argparse

from coupang_sandbox.server import add_serve_arguments, serve, settings_from_args
from coupang_sandbox.settings import ConfigError

#: Usage and configuration errors (the CLI's exit-code table).
EXIT_USAGE = 2


def main(argv: list[str] | None = None) -> None:
    """Parse the serve flags and serve; a refused configuration prints one line and exits 2."""
    parser = argparse.ArgumentParser(prog="coupang_sandbox", description=__doc__)
    add_serve_arguments(parser)
    args = parser.parse_args(argv)
    try:
        settings = settings_from_args(args)
        serve(
            settings,
            args.host,
            args.port,
            access_log=args.access_log,
            workers=args.workers,
            allow_remote=args.allow_remote,
        )
    except ConfigError as exc:  # an empty admin token, a public bind without one, ...
        parser.exit(EXIT_USAGE, f"{parser.prog}: error: {exc}\n")
    except ValueError as exc:  # e.g. --workers 2 with an in-memory store
        parser.error(str(exc))


if __name__ == "__main__":
    main()
