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
heavy = sorted(m for m in sys.modules if m.split(".")[0] in {"coupang_sandbox", "coupang_cli", "coupang_sync", "starlette", "sqlalchemy", "uvicorn", "alembic", "cryptography"})
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


SYNC_SCRIPT = r"""
import sys, pkgutil, importlib
import coupang_sync
for info in pkgutil.walk_packages(coupang_sync.__path__, "coupang_sync."):
    if ".migrations" in info.name:
        continue  # Alembic's env.py and revisions run only inside a migration
    importlib.import_module(info.name)
print(",".join(sorted(m for m in sys.modules if m.split(".")[0] in {"coupang_sandbox", "coupang_cli", "starlette", "uvicorn"})))
"""


def test_sync_builds_on_the_sdk_only() -> None:
    """coupang_sync never imports the sandbox (nor the CLI): it talks to Coupang through the SDK."""
    done = subprocess.run(
        [sys.executable, "-c", SYNC_SCRIPT], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "", f"coupang_sync imported {done.stdout.strip()}"
