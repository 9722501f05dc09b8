"""``--request-log-size`` and the banner's text for the cases a live test does not reach."""

from __future__ import annotations

import argparse
import os
import subprocess

import pytest

from coupang_sandbox.server import add_serve_arguments, banner_lines, settings_from_args
from coupang_sandbox.settings import ConfigError, SandboxSettings
from coupang_sandbox.store import Vendor


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser()
    add_serve_arguments(parser)
    return parser


def test_request_log_size_flag() -> None:
    parser = _parser()
    assert settings_from_args(parser.parse_args([])).request_log_size == 10_000
    assert settings_from_args(parser.parse_args(["--request-log-size", "0"])).request_log_size == 0
    access = settings_from_args(parser.parse_args(["--access-log"]))
    assert access.access_log is True
    for bad in ("-1", "ten", "1.5"):
        with pytest.raises(SystemExit):
            parser.parse_args(["--request-log-size", bad])
    with pytest.raises(ConfigError, match="request log size"):
        SandboxSettings(request_log_size=-1)


def test_banner_without_vendors_exports_the_url_and_says_how_to_add_one() -> None:
    lines = banner_lines("http://127.0.0.1:8089", "sqlite:///x.sqlite3", [], "off")
    assert lines[-2] == "export COUPANG_BASE_URL=http://127.0.0.1:8089"
    assert any("POST /_sandbox/vendors" in x for x in lines)
    assert all(x.startswith(("# ", "export ")) for x in lines)


def test_banner_lists_many_vendors_briefly_and_quotes_for_the_shell() -> None:
    vendors = [Vendor(f"A{i:08d}", f"ak {i}", f"sk'{i}") for i in range(25)]
    lines = banner_lines("http://127.0.0.1:8089", "sqlite:///x.sqlite3", vendors, "off")
    assert lines[1].endswith("A00000019 and 5 more")
    assert sum(" vendor A" in x for x in lines) == 20
    assert lines[-2] == (
        "export COUPANG_BASE_URL=http://127.0.0.1:8089 COUPANG_VENDOR_ID=A00000000 "
        "COUPANG_ACCESS_KEY='ak 0' COUPANG_SECRET_KEY='sk'\"'\"'0'"
    )
    # a key with a line break: the comments stay comments, the export quotes it whole
    odd = banner_lines("http://h", "s", [Vendor("A1", "a\nb $(x)", "s")], "off")
    shell = subprocess.run(
        ["bash", "-c", "\n".join(odd) + '\nprintf %s "$COUPANG_ACCESS_KEY"'],
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": os.environ["PATH"]},
    )
    assert shell.stdout == "a\nb $(x)" and shell.stderr == ""
