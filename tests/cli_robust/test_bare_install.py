"""``pip install coupang-seller`` without extras: every production command works (its ``--help``,
and the offline ones for real), and the sandbox commands say which extra to install.

The wheel is built from a copy of the sources (nothing is written into the checkout), installed
into a fresh virtual environment outside the repository (no system site-packages, so no
Starlette, SQLAlchemy or uvicorn can leak in), and the installed ``coupang-seller`` script is
run from a directory outside the repository. Its dependencies (httpx, pydantic) come from the
package index pip is configured with.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from coupang_cli._errors import EXIT_OK, EXIT_USAGE
from coupang_cli._main import build_parser

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
SANDBOX_ONLY = frozenset({"sandbox", "demo"})
EXTRA_HINT = "pip install 'coupang-seller[sandbox]'"


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def production_commands() -> list[tuple[str, ...]]:
    """Every command path of the parser (groups and leaves), without the sandbox ones."""
    found: list[tuple[str, ...]] = []

    def walk(parser: argparse.ArgumentParser, path: tuple[str, ...]) -> None:
        for name, child in _subcommands(parser).items():
            if not path and name in SANDBOX_ONLY:
                continue
            found.append((*path, name))
            walk(child, (*path, name))

    walk(build_parser([]), ())
    return found


@dataclass
class Bare:
    script: Path
    python: Path
    cwd: Path

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.script), *args],
            cwd=self.cwd,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
            env={"PATH": str(self.script.parent), "HOME": str(self.cwd), "LANG": "C.UTF-8"},
            check=False,
        )


def _clean_env() -> dict[str, str]:
    """This environment without the checkout on the path (PYTHONPATH would make pip think the
    package is installed already, and the fresh interpreter import the sources)."""
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}


def _pip(*args: str, python: Path) -> None:
    done = subprocess.run(
        [str(python), "-m", "pip", "--disable-pip-version-check", "-q", *args],
        capture_output=True,
        text=True,
        timeout=600,
        env=_clean_env(),
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture(scope="module")
def bare(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Bare]:
    root = tmp_path_factory.mktemp("bare")
    source = root / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(REPO / name, source / name)
    shutil.copytree(
        REPO / "src",
        source / "src",
        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc"),
    )
    wheels = root / "wheels"
    _pip("wheel", "--no-deps", "-w", str(wheels), str(source), python=Path(sys.executable))
    [wheel] = wheels.glob("coupang_seller-*.whl")
    venv = root / "venv"
    subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", str(venv)],
        check=True,
        timeout=120,
        env=_clean_env(),
    )
    python = venv / "bin" / "python"
    # pip of the test interpreter installs into the fresh environment (no ensurepip download)
    _pip("--python", str(python), "install", str(wheel), python=Path(sys.executable))
    work = root / "elsewhere"
    work.mkdir()
    yield Bare(venv / "bin" / "coupang-seller", python, work)


def test_no_sandbox_dependency_is_installed(bare: Bare) -> None:
    done = subprocess.run(
        [
            str(bare.python),
            "-c",
            "import importlib.util as u; print([m for m in "
            "('starlette', 'sqlalchemy', 'uvicorn', 'psycopg') if u.find_spec(m)])",
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=bare.cwd,
        env={"PATH": str(bare.python.parent)},
    )
    assert done.stdout.strip() == "[]"


HELP_ALL = r"""
import contextlib, io, json, sys
from coupang_cli import main
answers = {}
for command in json.loads(sys.argv[1]):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main([*command, "--help"])
        except SystemExit as exc:
            code = exc.code
    answers[" ".join(command)] = [code, out.getvalue()[:40], err.getvalue()]
heavy = sorted({m.split(".")[0] for m in sys.modules} & {"coupang_sandbox", "starlette", "sqlalchemy", "uvicorn"})
print(json.dumps({"answers": answers, "heavy": heavy}))
"""


def test_every_production_command_help(bare: Bare) -> None:
    commands = production_commands()
    assert ("orders", "invoices") in commands and ("products", "push") in commands
    # the installed script itself, for the top level and two commands
    for command in [(), ("orders", "invoices"), ("products", "push")]:
        done = bare.run(*command, "--help")
        assert done.returncode == EXIT_OK, (command, done.stderr)
        assert done.stdout.startswith("usage: coupang-seller"), (command, done.stdout)
        assert done.stderr == "", (command, done.stderr)
    # every command, in one interpreter of the bare environment
    done = subprocess.run(
        [str(bare.python), "-c", HELP_ALL, json.dumps(commands)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=bare.cwd,
        env={"PATH": str(bare.python.parent)},
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    for command, (code, head, err) in report["answers"].items():
        assert code == EXIT_OK and head.startswith("usage: coupang-seller") and err == "", (
            command,
            code,
            err,
        )
    assert len(report["answers"]) == len(commands)
    assert report["heavy"] == []


def test_offline_commands_run(bare: Bare) -> None:
    couriers = bare.run("couriers")
    assert couriers.returncode == EXIT_OK and "CJGLS" in couriers.stdout
    show = bare.run("categories", "show", "1")
    assert "Traceback" not in show.stderr
    listed = bare.run("sandbox", "--help")  # the group is listed, its commands named
    assert listed.returncode == EXIT_OK and "serve" in listed.stdout


@pytest.mark.parametrize(
    "command",
    [
        ("sandbox", "serve", "--help"),
        ("sandbox", "serve", "--port", "0"),
        ("sandbox", "openapi"),
        ("demo",),
        ("--json", "demo"),
    ],
    ids=" ".join,
)
def test_sandbox_commands_name_the_extra(bare: Bare, command: tuple[str, ...]) -> None:
    done = bare.run(*command)
    assert done.returncode == EXIT_USAGE, done.stderr
    assert "Traceback" not in done.stderr
    [line] = done.stderr.splitlines()
    assert line.startswith("error: the sandbox needs the [sandbox] extra")
    assert EXTRA_HINT in line
