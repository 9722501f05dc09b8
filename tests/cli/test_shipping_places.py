"""``coupang-seller shipping-places ...`` and ``couriers`` against an embedded sandbox (real HTTP).

Each test gets its own vendor (``POST /_sandbox/vendors``), so the gateway throttle and the
data of one test never reach another. Exit codes are those of ``coupang_cli._errors``.
"""

from __future__ import annotations

import json
import socket
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from coupang_cli import main
from coupang_cli._embedded import RunningSandbox, embedded_sandbox
from coupang_cli._errors import (
    EXIT_API_ERROR,
    EXIT_AUTH,
    EXIT_CONNECTION,
    EXIT_OK,
    EXIT_RULES,
    EXIT_USAGE,
)

pytestmark = pytest.mark.e2e

USER_ID = "cli-test-user"
ENV_NAMES = (
    "COUPANG_ACCESS_KEY",
    "COUPANG_SECRET_KEY",
    "COUPANG_VENDOR_ID",
    "COUPANG_BASE_URL",
    "COUPANG_USER_ID",
)


@dataclass(frozen=True)
class Vendor:
    vendor_id: str
    access_key: str
    secret_key: str


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningSandbox]:
    db = tmp_path_factory.mktemp("cli") / "sandbox.sqlite3"
    with embedded_sandbox(db_url=f"sqlite:///{db}") as running:
        yield running


def new_vendor(base_url: str) -> Vendor:
    request = urllib.request.Request(  # noqa: S310 - loopback sandbox
        f"{base_url}/_sandbox/vendors",
        data=b"{}",
        method="POST",
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        data = json.loads(response.read())["data"]
    return Vendor(data["vendorId"], data["accessKey"], data["secretKey"])


@pytest.fixture
def vendor(sandbox: RunningSandbox, monkeypatch: pytest.MonkeyPatch) -> Vendor:
    created = new_vendor(sandbox.base_url)
    monkeypatch.setenv("COUPANG_ACCESS_KEY", created.access_key)
    monkeypatch.setenv("COUPANG_SECRET_KEY", created.secret_key)
    monkeypatch.setenv("COUPANG_VENDOR_ID", created.vendor_id)
    monkeypatch.setenv("COUPANG_BASE_URL", sandbox.base_url)
    monkeypatch.setenv("COUPANG_USER_ID", USER_ID)
    return created


Run = Callable[..., Result]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Run:
    """Run ``coupang-seller ARGV...`` in-process; exit code, stdout and stderr back."""

    def run(*argv: str) -> Result:
        code = main(list(argv))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


def write_json(tmp_path: Path, name: str, body: Any) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    return path


def address(
    street: str = "경기도 파주시 탄현면 월롱산로 294-58", phone: str = "02-1234-5678"
) -> dict[str, Any]:
    return {
        "addressType": "JIBUN",
        "countryCode": "KR",
        "companyContactNumber": phone,
        "returnZipCode": "10516",
        "returnAddress": street,
        "returnAddressDetail": "1층 물류창고",
    }


def outbound_file_body(name: str, **overrides: Any) -> dict[str, Any]:
    """Shaped like Coupang's documented request body (flags as strings)."""
    body: dict[str, Any] = {
        "shippingPlaceName": name,
        "global": "false",
        "usable": "true",
        "placeAddresses": [address()],
        "remoteInfos": [
            {"deliveryCode": "CJGLS", "jeju": 5000, "notJeju": 3000},
            {"deliveryCode": "KDEXP", "jeju": 30000, "notJeju": 15000},
        ],
    }
    body.update(overrides)
    return body


FEES = {
    f"{kind}{band}": 2500
    for kind in ("vendorCreditFee", "vendorCashFee", "consumerCashFee", "returnFee")
    for band in ("05kg", "10kg", "20kg")
}


def return_file_body(name: str) -> dict[str, Any]:
    return {
        "shippingPlaceName": name,
        "goodsflowInfoOpenApiDto": {
            "deliverCode": "CJGLS",
            "deliverName": "CJ대한통운",
            "contractNumber": "85500067",
            **FEES,
        },
        "placeAddresses": [address("서울특별시 서초구 반포동 20-43", "010-9876-5432")],
    }


# -- outbound shipping places --------------------------------------------------------------
def test_outbound_round_trip_text(vendor: Vendor, cli: Run, tmp_path: Path) -> None:
    created = cli(
        "shipping-places",
        "outbound",
        "create",
        str(write_json(tmp_path, "o.json", outbound_file_body("파주 1센터"))),
    )
    assert created.code == EXIT_OK, created.err
    assert created.out.startswith("created outboundShippingPlaceCode ")
    code = created.out.split()[-1]

    listed = cli("shipping-places", "outbound", "list")
    assert listed.code == EXIT_OK, listed.err
    assert listed.out.splitlines() == [f"{code}\t파주 1센터\tusable=True\tCJGLS,KDEXP"]

    got = cli("shipping-places", "outbound", "get", code)
    assert got.code == EXIT_OK, got.err
    place = json.loads(got.out)  # text mode pretty-prints the place as JSON
    assert place["outboundShippingPlaceCode"] == int(code)
    cj = next(r for r in place["remoteInfos"] if r["deliveryCode"] == "CJGLS")
    assert (cj["jeju"], cj["notJeju"]) == (5000, 3000)

    found = cli("shipping-places", "outbound", "find", "파주 1센터")
    assert found.code == EXIT_OK, found.err
    assert json.loads(found.out)["outboundShippingPlaceCode"] == int(code)

    change = {
        "remoteInfos": [
            {
                "remoteInfoId": cj["remoteInfoId"],
                "deliveryCode": "CJGLS",
                "jeju": 7000,
                "notJeju": 3000,
                "usable": True,
            }
        ]
    }
    updated = cli(
        "shipping-places", "outbound", "update", code, str(write_json(tmp_path, "u.json", change))
    )
    assert updated.code == EXIT_OK, updated.err
    assert updated.out.strip() == f"updated {code}"
    after = json.loads(cli("shipping-places", "outbound", "get", code).out)
    assert next(r["jeju"] for r in after["remoteInfos"] if r["deliveryCode"] == "CJGLS") == 7000


def test_outbound_round_trip_json(vendor: Vendor, cli: Run, tmp_path: Path) -> None:
    body_file = write_json(tmp_path, "o.json", outbound_file_body("서울 센터", usable="false"))
    created = cli("--json", "shipping-places", "outbound", "create", str(body_file))
    assert created.code == EXIT_OK, created.err
    code = created.json()["outboundShippingPlaceCode"]
    assert isinstance(code, int)

    listed = cli("--json", "shipping-places", "outbound", "list")
    assert listed.code == EXIT_OK, listed.err
    [item] = listed.json()
    assert item["outboundShippingPlaceCode"] == code
    # "usable": "false" in the file means false, as in Coupang's documented body
    assert item["usable"] is False

    got = cli("--json", "shipping-places", "outbound", "get", str(code))
    assert got.code == EXIT_OK and got.json()["shippingPlaceName"] == "서울 센터"
    found = cli("--json", "shipping-places", "outbound", "find", "서울 센터")
    assert found.code == EXIT_OK and found.json()["outboundShippingPlaceCode"] == code

    rename = write_json(tmp_path, "u.json", {"shippingPlaceName": "서울 센터 2", "usable": "true"})
    updated = cli("--json", "shipping-places", "outbound", "update", str(code), str(rename))
    assert updated.code == EXIT_OK, updated.err
    assert updated.json() == {"updated": str(code)}
    after = cli("--json", "shipping-places", "outbound", "get", str(code)).json()
    assert (after["shippingPlaceName"], after["usable"]) == ("서울 센터 2", True)


def test_outbound_find_unknown_name_is_exit_1(vendor: Vendor, cli: Run) -> None:
    missing = cli("shipping-places", "outbound", "find", "없는 출고지")
    assert missing.code == EXIT_API_ERROR == 1
    assert "no outbound shipping place named '없는 출고지'" in missing.err
    as_json = cli("--json", "shipping-places", "outbound", "find", "없는 출고지")
    assert as_json.code == 1
    assert "없는 출고지" in as_json.json()["error"]["message"]


def test_preflight_refusal_names_the_fields(vendor: Vendor, cli: Run, tmp_path: Path) -> None:
    body = outbound_file_body("x" * 51, placeAddresses=[address(phone="0212345678")])
    refused = cli(
        "shipping-places", "outbound", "create", str(write_json(tmp_path, "bad.json", body))
    )
    assert refused.code == EXIT_RULES == 3
    assert refused.out == ""
    assert refused.err.startswith("error: not sent, 2 rule(s) broken:")
    assert "shippingPlaceName:" in refused.err
    assert "placeAddresses[0].companyContactNumber:" in refused.err
    # nothing was sent: the vendor still has no place
    assert cli("shipping-places", "outbound", "list").out == ""

    as_json = cli("--json", "shipping-places", "outbound", "create", str(tmp_path / "bad.json"))
    assert as_json.code == 3
    error = as_json.json()["error"]
    assert error["type"] == "PreflightError"
    assert {v["field"] for v in error["violations"]} == {
        "shippingPlaceName",
        "placeAddresses[0].companyContactNumber",
    }


def test_duplicate_is_exit_3_with_existing_code(vendor: Vendor, cli: Run, tmp_path: Path) -> None:
    body_file = write_json(tmp_path, "o.json", outbound_file_body("중복 센터"))
    code = cli("shipping-places", "outbound", "create", str(body_file)).out.split()[-1]
    again = cli("shipping-places", "outbound", "create", str(body_file))
    assert again.code == EXIT_RULES
    assert f"already exists as code {code}" in again.err
    as_json = cli("--json", "shipping-places", "outbound", "create", str(body_file))
    assert as_json.code == EXIT_RULES
    assert as_json.json()["error"]["existingCode"] == code


# -- return centers ---------------------------------------------------------------------------
def test_return_centers_text(vendor: Vendor, cli: Run, tmp_path: Path) -> None:
    created = cli(
        "shipping-places",
        "return",
        "create",
        str(write_json(tmp_path, "r.json", return_file_body("반품 1"))),
    )
    assert created.code == EXIT_OK, created.err
    assert created.out.startswith("created returnCenterCode ")
    code = created.out.split()[-1]

    listed = cli("shipping-places", "return", "list")
    assert listed.code == EXIT_OK, listed.err
    assert listed.out.splitlines() == [f"{code}\t반품 1\tCJGLS\tusable=True"]

    got = cli("shipping-places", "return", "get", code)
    assert got.code == EXIT_OK, got.err
    center = json.loads(got.out)
    assert (center["returnCenterCode"], center["returnFee05kg"]) == (code, 2500)

    change = return_file_body("반품 1")
    change["goodsflowInfoOpenApiDto"]["returnFee05kg"] = 3000
    updated = cli(
        "shipping-places", "return", "update", code, str(write_json(tmp_path, "u.json", change))
    )
    assert updated.code == EXIT_OK, updated.err
    assert updated.out.strip() == f"updated {code}"
    assert json.loads(cli("shipping-places", "return", "get", code).out)["returnFee05kg"] == 3000


def test_return_centers_json(vendor: Vendor, cli: Run, tmp_path: Path) -> None:
    first = cli(
        "--json",
        "shipping-places",
        "return",
        "create",
        str(write_json(tmp_path, "a.json", return_file_body("반품 A"))),
    )
    assert first.code == EXIT_OK, first.err
    code_a = first.json()["returnCenterCode"]
    body_b = return_file_body("반품 B")
    body_b["placeAddresses"] = [address("부산광역시 해운대구 센텀중앙로 79", "051-123-4567")]
    second = cli(
        "--json", "shipping-places", "return", "create", str(write_json(tmp_path, "b.json", body_b))
    )
    assert second.code == EXIT_OK, second.err
    code_b = second.json()["returnCenterCode"]

    listed = cli("--json", "shipping-places", "return", "list")
    assert listed.code == EXIT_OK, listed.err
    assert sorted(c["returnCenterCode"] for c in listed.json()) == sorted([code_a, code_b])

    got = cli("--json", "shipping-places", "return", "get", code_a, code_b)
    assert got.code == EXIT_OK, got.err
    assert {c["shippingPlaceName"] for c in got.json()} == {"반품 A", "반품 B"}

    rename = write_json(tmp_path, "u.json", {"shippingPlaceName": "반품 A2"})
    updated = cli("--json", "shipping-places", "return", "update", code_a, str(rename))
    assert updated.code == EXIT_OK, updated.err
    assert updated.json() == {"updated": code_a}
    [center] = cli("--json", "shipping-places", "return", "get", code_a).json()
    assert center["shippingPlaceName"] == "반품 A2"


# -- configuration, files, auth, connection -------------------------------------------------
def test_missing_credentials_is_exit_2(cli: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ENV_NAMES:
        monkeypatch.delenv(name, raising=False)
    result = cli("shipping-places", "outbound", "list")
    assert result.code == EXIT_USAGE == 2
    assert "missing credentials" in result.err and "COUPANG_ACCESS_KEY" in result.err
    as_json = cli("--json", "shipping-places", "return", "list")
    assert as_json.code == 2
    assert as_json.json()["error"]["type"] == "ConfigurationError"


def test_missing_or_invalid_file_is_exit_2(vendor: Vendor, cli: Run, tmp_path: Path) -> None:
    missing = cli("shipping-places", "outbound", "create", str(tmp_path / "nope.json"))
    assert missing.code == EXIT_USAGE
    assert "nope.json" in missing.err
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    invalid = cli("shipping-places", "return", "create", str(broken))
    assert invalid.code == EXIT_USAGE
    assert invalid.err.startswith("error: ")
    array = write_json(tmp_path, "array.json", [1, 2])
    not_object = cli("shipping-places", "outbound", "update", "1", str(array))
    assert not_object.code == EXIT_USAGE
    assert "expected a JSON object" in not_object.err


def test_wrong_secret_is_exit_4(vendor: Vendor, cli: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COUPANG_SECRET_KEY", "f" * 40)
    result = cli("shipping-places", "outbound", "list")
    assert result.code == EXIT_AUTH == 4
    assert "Invalid signature" in result.err
    assert "COUPANG_SECRET_KEY" in result.err
    assert "f" * 40 not in result.err  # the secret is never echoed
    as_json = cli("--json", "shipping-places", "outbound", "list")
    assert as_json.code == 4
    assert as_json.json()["error"]["status"] == 401


def closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])  # closed again when the block ends


def test_connection_error_is_exit_6(
    vendor: Vendor, cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COUPANG_BASE_URL", f"http://127.0.0.1:{closed_port()}")
    result = cli("shipping-places", "outbound", "get", "1")
    assert result.code == EXIT_CONNECTION == 6
    assert result.err.startswith("error: ")
    as_json = cli("--json", "shipping-places", "return", "list")
    assert as_json.code == 6
    assert as_json.json()["error"]["type"] == "APIConnectionError"


# -- couriers ---------------------------------------------------------------------------------
def test_couriers(cli: Run) -> None:
    text = cli("couriers")
    assert text.code == EXIT_OK
    codes = [line.split()[0] for line in text.out.splitlines()]
    assert {"CJGLS", "HANJIN", "EPOST", "KDEXP"} <= set(codes)
    assert any(line.startswith("KOREX") and "(defunct)" in line for line in text.out.splitlines())
    as_json = cli("--json", "couriers")
    assert as_json.code == EXIT_OK
    couriers = {c["code"]: c for c in as_json.json()}
    assert list(couriers) == codes
    assert couriers["CJGLS"] == {"code": "CJGLS", "name": "CJ대한통운", "defunct": False}
