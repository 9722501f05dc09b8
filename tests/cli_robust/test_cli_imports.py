"""With the sandbox installed, the CLI still imports it only for ``sandbox``/``demo``: production
commands and ``--help`` start without Starlette, SQLAlchemy or uvicorn (checked in a fresh
interpreter)."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("coupang_sandbox", "starlette", "sqlalchemy", "uvicorn")

SCRIPT = r"""
import contextlib, io, json, sys
import coupang_cli
from coupang_cli import main
codes = []
for argv in (["--help"], ["sandbox", "--help"], ["orders", "invoices", "--help"], ["couriers"]):
    with contextlib.redirect_stdout(io.StringIO()):
        try:
            codes.append(main(argv))
        except SystemExit as exc:
            codes.append(exc.code)
heavy = sorted({m.split(".")[0] for m in sys.modules} & set(sys.argv[1].split(",")))
print(json.dumps({"codes": codes, "heavy": heavy}))
"""


def test_production_commands_do_not_import_the_sandbox() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, ",".join(HEAVY)],
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(done.stdout)
    assert report == {"codes": [0, 0, 0, 0], "heavy": []}
    assert done.stderr == ""


def test_sandbox_serve_help_does_import_it() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "coupang_cli", "sandbox", "serve", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "--db" in done.stdout and "--vendor" in done.stdout
