"""The SDK never imports the sandbox, and importing it reads and prints nothing."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = r"""
import os, sys, io, pkgutil, importlib
os.environ["COUPANG_SECRET_KEY"] = "should-not-be-read-at-import"
buffer = io.StringIO()
sys.stdout = buffer
import coupang_seller
for info in pkgutil.walk_packages(coupang_seller.__path__, "coupang_seller."):
    importlib.import_module(info.name)
sys.stdout = sys.__stdout__
heavy = sorted(m for m in sys.modules if m.split(".")[0] in {"coupang_sandbox", "coupang_cli", "starlette", "sqlalchemy", "uvicorn"})
print(repr(buffer.getvalue()))
print(",".join(heavy))
"""


def test_sdk_import_is_clean() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True
    )
    printed, heavy = done.stdout.splitlines()
    assert printed == "''", "importing the SDK printed something"
    assert heavy == "", f"the SDK imported {heavy}"
    assert done.stderr == ""
