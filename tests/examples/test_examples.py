"""Every script in ``examples/`` runs, as a person would run it, against a real sandbox.

One embedded sandbox (real uvicorn) serves the module; each example gets a fresh vendor from
the control API and runs as ``python examples/NAME.py`` with the ``COUPANG_*`` variables set.
Each example is run twice: the second run proves it is safe to rerun (duplicates are reused).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from coupang_cli._embedded import RunningSandbox, embedded_sandbox

pytestmark = pytest.mark.e2e

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
RUN_TIMEOUT_SECONDS = 60


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningSandbox]:
    db = tmp_path_factory.mktemp("examples") / "sandbox.sqlite3"
    with embedded_sandbox(db_url=f"sqlite:///{db}") as running:
        yield running


def vendor_env(base_url: str) -> dict[str, str]:
    """A fresh vendor (``POST /_sandbox/vendors``) as the environment an example reads."""
    request = urllib.request.Request(  # noqa: S310 - loopback sandbox
        f"{base_url}/_sandbox/vendors",
        data=b"{}",
        method="POST",
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        vendor = json.loads(response.read())["data"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("COUPANG_")}
    env.update(
        COUPANG_BASE_URL=base_url,
        COUPANG_ACCESS_KEY=vendor["accessKey"],
        COUPANG_SECRET_KEY=vendor["secretKey"],
        COUPANG_VENDOR_ID=vendor["vendorId"],
        COUPANG_USER_ID="example-wing-user",
        PYTHONUTF8="1",
    )
    return env


def run_example(name: str, env: dict[str, str]) -> str:
    script = EXAMPLES / f"{name}.py"
    result = subprocess.run(
        [sys.executable, str(script)],
        env=env,
        cwd=EXAMPLES.parent,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=RUN_TIMEOUT_SECONDS,
        check=False,
    )
    assert result.returncode == 0, f"{name} failed:\n{result.stdout}\n{result.stderr}"
    assert "Traceback" not in result.stderr
    return result.stdout


@pytest.fixture
def env(sandbox: RunningSandbox) -> dict[str, str]:
    return vendor_env(sandbox.base_url)


def test_every_example_is_tested() -> None:
    scripts = {p.stem for p in EXAMPLES.glob("*.py")}
    assert scripts == {
        "shipping_places_quickstart",
        "async_quickstart",
        "error_handling",
        "raw_request",
        "sandbox_clock",
    }
    for path in EXAMPLES.glob("*.py"):
        assert path.read_text(encoding="utf-8").startswith('"""'), f"{path.name}: no docstring"


def test_shipping_places_quickstart(env: dict[str, str]) -> None:
    first = run_example("shipping_places_quickstart", env)
    assert f"vendor {env['COUPANG_VENDOR_ID']} at {env['COUPANG_BASE_URL']}" in first
    code = first.split("created outbound shipping place ")[1].split()[0]
    assert f"'파주 1센터' already exists as code {code}; using it" in first
    assert f"  {code}  파주 1센터  [CJGLS, HANJIN]" in first
    assert f"found '파주 1센터' by name: code {code}" in first
    assert "CJGLS Jeju fee changed from 5,000 to 7,000 won" in first
    assert "파주 반품센터  CJGLS" in first

    second = run_example("shipping_places_quickstart", env)
    assert "created outbound shipping place" not in second
    assert second.count(f"already exists as code {code}; using it") == 2


def test_async_quickstart(env: dict[str, str]) -> None:
    out = run_example("async_quickstart", env)
    assert "outbound shipping places (async for):" in out
    assert "부산 센터" in out and "대구 센터" in out
    assert "fetched concurrently: 부산 센터, 대구 센터" in out
    assert "found by name: None" not in out
    assert "부산 반품센터  HANJIN" in out
    assert run_example("async_quickstart", env) == out  # reruns reuse what exists


def test_error_handling(env: dict[str, str]) -> None:
    out = run_example("error_handling", env)
    preflight, sandbox, reconcile = (
        out.split("1. ")[1].split("2. ")[0],
        out.split("2. ")[1].split("3. ")[0],
        out.split("3. ")[1],
    )
    assert "placeAddresses[0].companyContactNumber:" in preflight
    assert "[phone_format]" in preflight and "[remote_fee_range]" in preflight
    assert "HTTP 400" in sandbox
    assert "[max_length]" in sandbox and "[postcode_format]" in sandbox
    assert "APITimeoutError" in reconcile
    assert "request_may_have_been_processed=True" in reconcile
    code = reconcile.split("find_by_name: the create did happen, code ")[1].split()[0]
    assert f"on_duplicate='return_existing': code {code}" in reconcile


def test_raw_request(env: dict[str, str]) -> None:
    out = run_example("raw_request", env)
    code = out.split("outbound shipping place 광주 센터: ")[1].split()[0]
    assert '"currentPage": 1' in out
    assert f"  {code}  광주 센터" in out
    assert "placeNames=광주 센터 -> 1 place(s)" in out
    assert "code=200 message=SUCCESS" in out


def test_sandbox_clock(env: dict[str, str]) -> None:
    # note: the example resets the whole (shared) sandbox; other tests make their own vendors
    out = run_example("sandbox_clock", env)
    assert "frozen at 2025-01-01T09:00:00+00:00 (frozen)" in out
    assert "its createDate is 2025/01/01" in out
    assert "advanced one day: 2025-01-02T09:00:00+00:00 (frozen)" in out
    assert "running from 2025-06-01T00:00:00" in out and "(offset)" in out
    assert "(real)" in out.split("back to real time:")[1].splitlines()[0]
    assert "outbound shipping places after reset: 0" in out
    # the script re-registered its vendor, so it can run again
    assert "its createDate is 2025/01/01" in run_example("sandbox_clock", env)
