"""``python -m coupang_sandbox [--host H] [--port P] [--db URL] [--vendor ID:ACCESS:SECRET]...
[--admin-token T] [--allow-remote] [--allowed-host HOST]... [--workers N] [--seed FILE]``"""

from __future__ import annotations

import argparse
import sys

from coupang_cli._startup import StartupError, check_writable, starting
from coupang_sandbox.app import create_app
from coupang_sandbox.seeds import SeedError
from coupang_sandbox.server import add_serve_arguments, check_bind, run_server, settings_from_args
from coupang_sandbox.settings import ConfigError, SandboxSettings

#: Usage and configuration errors (the CLI's exit-code table).
EXIT_USAGE = 2


def main(argv: list[str] | None = None) -> None:
    """Serve until Ctrl-C. A refused configuration (an empty admin token, a public bind without
    one) prints one line and exits 2; a store that cannot be used (missing, unreachable,
    read-only, a conflicting ``--vendor``) one ``error:`` line and the CLI's exit code."""
    parser = argparse.ArgumentParser(prog="coupang_sandbox", description=__doc__)
    add_serve_arguments(parser)
    args = parser.parse_args(argv)
    try:
        settings = settings_from_args(args)
        check_bind(args.host, settings, args.allow_remote)  # before any store is touched
        _check_store(settings)
        run_server(
            settings,
            args.host,
            args.port,
            access_log=args.access_log,
            workers=args.workers,
            seed=args.seed,
        )
    except (ConfigError, SeedError) as exc:
        parser.exit(EXIT_USAGE, f"{parser.prog}: error: {exc}\n")
    except ValueError as exc:  # e.g. --workers 2 with an in-memory store
        parser.error(str(exc))
    except StartupError as exc:
        sys.stderr.write(f"{parser.prog}: error: {exc}\n")
        raise SystemExit(exc.code) from None


def _check_store(settings: SandboxSettings) -> None:
    """Open the store once and check that it takes writes, as ``sandbox serve`` does, so a
    failure is one line before anything is served, not a traceback on the first write."""
    with starting(settings.db_url):
        app = create_app(settings)
        check_writable(app)  # closes the store when it refuses
        app.state.sandbox.close()


if __name__ == "__main__":
    main()
