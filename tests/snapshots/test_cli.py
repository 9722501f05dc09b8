"""``coupang-seller sandbox serve --seed`` and ``sandbox snapshot save|restore|list|delete``
against a live sandbox (a real subprocess on a real port)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from coupang_cli._main import main
from coupang_sandbox.seeds import EXAMPLE
from tests.cli.test_serve import free_port

STARTUP_SECONDS = 60.0


@pytest.fixture
def live(tmp_path: Path) -> Iterator[str]:
    """``coupang-seller sandbox serve --seed example.yaml`` on a free port; its base URL."""
    port = free_port()
    command = [
        sys.executable, "-m", "coupang_cli", "sandbox", "serve", "--port", str(port),
        "--db", f"sqlite:///{tmp_path / 'store.sqlite3'}", "--seed", str(EXAMPLE),
        "--rate-limit", "0",
    ]  # fmt: skip
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=dict(os.environ)
    )
    try:
        banner = []
        deadline = time.monotonic() + STARTUP_SECONDS
        assert process.stdout is not None
        while time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line:
                pytest.fail(f"serve exited: {process.stderr.read() if process.stderr else ''}")
            banner.append(line)
            if "COUPANG_ACCESS_KEY=seed-access-key" in line:
                break
        text = "".join(banner)
        assert "seed " in text and "1 vendor(s)" in text and "4 order(s)" in text, text
        assert "vendor A00012345: COUPANG_ACCESS_KEY=seed-access-key" in text
        url = f"http://127.0.0.1:{port}"
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{url}/_sandbox/clock", timeout=2)  # noqa: S310
                break
            except OSError:
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.communicate(timeout=30)  # reads and closes both pipes


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def clock(url: str) -> dict[str, Any]:
    with urllib.request.urlopen(f"{url}/_sandbox/clock", timeout=5) as answer:  # noqa: S310
        data: dict[str, Any] = json.loads(answer.read())["data"]
        return data


def advance(url: str, seconds: int) -> None:
    request = urllib.request.Request(  # noqa: S310 - loopback
        f"{url}/_sandbox/clock/advance",
        data=json.dumps({"seconds": seconds}).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    urllib.request.urlopen(request, timeout=5).close()  # noqa: S310


@pytest.mark.e2e
def test_snapshot_commands_against_a_live_seeded_sandbox(
    live: str, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ("sandbox", "snapshot", "--base-url", live)
    code, out, _ = cli(capsys, *base, "list")
    assert (code, out.strip()) == (0, "no snapshots yet: coupang-seller sandbox snapshot save NAME")

    seeded = clock(live)
    code, out, _ = cli(capsys, *base, "save", "seeded")
    assert code == 0 and out.startswith("saved seeded "), out
    assert f"clock {seeded['now'][:19]}" in out

    advance(live, 86400)
    assert clock(live)["now"] != seeded["now"]
    code, out, _ = cli(capsys, *base, "restore", "seeded")
    assert code == 0 and out.startswith("restored seeded "), out
    assert clock(live)["now"] == seeded["now"]

    code, out, _ = cli(capsys, "--json", *base, "list")
    listed = json.loads(out)["snapshots"]
    assert [s["name"] for s in listed] == ["seeded"]
    assert listed[0]["rows"] > 20

    code, _, err = cli(capsys, *base, "restore", "nope")
    assert code != 0 and "nope" in err
    code, _, err = cli(capsys, *base, "save", "a/b")
    assert code != 0 and "path characters" in err

    code, out, _ = cli(capsys, *base, "delete", "seeded")
    assert (code, out.strip()) == (0, "deleted snapshot seeded")


def test_serve_refuses_a_broken_seed_with_path_and_line(tmp_path: Path) -> None:
    seed = tmp_path / "broken.yaml"
    seed.write_text(
        "vendors:\n  - vendorId: A1\n    accessKey: k\n    secretKey: s\n    colour: red\n"
    )
    store = tmp_path / "store.sqlite3"
    for module in ("coupang_cli", "coupang_sandbox"):
        extra = ["sandbox", "serve"] if module == "coupang_cli" else []
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                module,
                *extra,
                "--port",
                str(free_port()),
                "--db",
                f"sqlite:///{store}",
                "--seed",
                str(seed),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 2, (module, done.stdout, done.stderr)
        assert f"{seed}:5: vendors[0].colour: unknown field" in done.stderr, done.stderr
