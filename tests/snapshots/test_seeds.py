"""Seeds: the shipped example loads (SQLite and PostgreSQL); a seed with an error is refused
with its path and line, and nothing of it is loaded."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from starlette.applications import Starlette

from coupang_sandbox import SandboxSettings, create_app
from coupang_sandbox.app import close_app
from coupang_sandbox.seeds import EXAMPLE, SeedError, load_seed, read_seed
from coupang_seller import Client
from tests.integration.asgi_sync import SyncASGITransport
from tests.products.conftest import make_client
from tests.snapshots.conftest import every_table

VENDOR = ("A00012345", "seed-access-key", "seed-secret-key-0123456789")


@pytest.fixture
def seeded_app(db_url: str) -> Any:
    application = create_app(SandboxSettings(rate_limit_per_second=None, db_url=db_url))
    try:
        yield application
    finally:
        close_app(application)


def example() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    return data


def test_the_example_seed_loads_through_the_api(seeded_app: Starlette) -> None:
    summary = load_seed(seeded_app, EXAMPLE)
    assert summary.vendors == [VENDOR]
    assert (summary.places, summary.products, summary.orders, summary.inquiries) == (2, 1, 4, 2)
    transport = SyncASGITransport(seeded_app)
    try:
        with make_client(VENDOR, transport) as client:
            check_example_state(client)
    finally:
        transport.close()


def check_example_state(client: Client) -> None:
    """What example.yaml declares, read through the seller API."""
    from datetime import UTC, datetime

    clock = client.sandbox.clock.get()
    assert clock.mode == "frozen"
    assert clock.now > datetime(2025, 7, 15, 5, 0, tzinfo=UTC)  # moved past the visibility delay
    names = [p.shippingPlaceName for p in client.outbound_shipping_places.iter()]
    assert names == ["파주 1센터"]
    products = list(client.products.iter())
    assert [p.sellerProductName for p in products] == ["봄날 코튼 티셔츠"]
    assert products[0].statusName == "승인완료"
    statuses = sorted(
        sheet.status
        for status in ("ACCEPT", "INSTRUCT", "DEPARTURE", "DELIVERING", "FINAL_DELIVERY")
        for sheet in client.orders.iter(
            status=status, created_from=clock.now.date(), created_to=clock.now.date()
        )
    )
    assert statuses == ["ACCEPT", "DEPARTURE", "FINAL_DELIVERY", "INSTRUCT"]
    inquiries = list(
        client.online_inquiries.iter(
            start=clock.now.date(), end=clock.now.date(), answered_type="ALL"
        )
    )
    assert len(inquiries) == 2


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def broken_example(tmp_path: Path, change: Any) -> Path:
    data = example()
    change(data)
    return write(tmp_path, "broken.yaml", yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


@pytest.mark.parametrize(
    "case",
    [
        (
            lambda d: d["vendors"][0].update(vendorColor="red"),
            "vendorColor",
            "vendors[0].vendorColor",
            "unknown_field",
        ),
        (
            lambda d: d["vendors"][0]["orders"][1].update(status="SHIPPED"),
            "SHIPPED",
            "vendors[0].orders[1].status",
            "enum",
        ),
        (
            lambda d: d["vendors"][0]["orders"][2]["items"].update({"NO-SUCH-SKU": 1}),
            "NO-SUCH-SKU",
            "vendors[0].orders[2].items.NO-SUCH-SKU",
            "no approved product",
        ),
        (
            lambda d: d["vendors"][0]["products"][0].update(outboundPlace="서울"),
            "outboundPlace: 서울",
            "vendors[0].products[0].outboundPlace",
            "no outbound place",
        ),
        (
            lambda d: d["vendors"][0].update(accessKey="has space"),
            "has space",
            "vendors[0].accessKey",
            "rule format",
        ),
        (
            lambda d: d["vendors"][0]["products"][0]["body"].update(vendorId="A1"),
            "vendorId: A1",
            "vendors[0].products[0].body.vendorId",
            "filled_by_seed",
        ),
        (lambda d: d["clock"].update(now="tomorrow"), "tomorrow", "clock.now", "ISO 8601"),
    ],
)
def test_a_yaml_error_names_the_path_and_line_and_loads_nothing(
    tmp_path: Path, seeded_app: Starlette, case: tuple[Any, str, str, str]
) -> None:
    change, marker, where, message = case
    path = broken_example(tmp_path, change)
    before = every_table(seeded_app)
    with pytest.raises(SeedError) as refused:
        load_seed(seeded_app, path)
    error = refused.value
    assert error.path == str(path)
    assert error.where == where
    assert message in error.reason
    if marker in (
        "SHIPPED",
        "tomorrow",
        "has space",
        "vendorColor",
        "vendorId: A1",
        "outboundPlace: 서울",
    ):
        assert error.line == line_of(path, marker), str(error)
    else:
        assert error.line is not None
    assert str(error).startswith(f"{path}:{error.line}: {where}: ")
    assert every_table(seeded_app) == before


def test_a_refusal_while_applying_rolls_everything_back(
    tmp_path: Path, seeded_app: Starlette
) -> None:
    """The second product breaks Coupang's rules: the vendor, the places and the first product
    were already created through the API, and are all gone again."""

    def second_product(data: dict[str, Any]) -> None:
        vendor = data["vendors"][0]
        broken = json.loads(json.dumps(vendor["products"][0]))
        broken["body"]["sellerProductName"] = "두 번째 상품"
        del broken["body"]["manufacture"]
        for item in broken["body"]["items"]:
            item["externalVendorSku"] += "-2"
        vendor["products"].append(broken)

    path = broken_example(tmp_path, second_product)
    load_seed(seeded_app, EXAMPLE)  # a state that must survive the refused seed
    before = every_table(seeded_app)
    with pytest.raises(SeedError) as refused:
        load_seed(seeded_app, path)
    assert refused.value.where == "vendors[0].products[1]"
    assert "manufacture" in refused.value.reason
    assert refused.value.line is not None
    assert refused.value.line < line_of(path, "두 번째 상품")
    after = every_table(seeded_app)
    assert {k: v for k, v in after.items() if k != "sandbox_generation"} == {
        k: v for k, v in before.items() if k != "sandbox_generation"
    }


def test_json_seed_errors_name_the_line(tmp_path: Path) -> None:
    text = json.dumps(
        {"vendors": [{"vendorId": "A1", "accessKey": "k", "secretKey": "s",
                      "orders": [{"items": {"X": 0}}]}]},
        indent=2,
    )  # fmt: skip
    path = write(tmp_path, "seed.json", text)
    with pytest.raises(SeedError) as refused:
        read_seed(path)
    # a JSON object knows its line (the "{" of the order's items)
    assert refused.value.line == line_of(path, '"items"')
    assert refused.value.where == "vendors[0].orders[0].items.X"
    bad = write(tmp_path, "bad.json", '{\n  "vendors": [\n    {"vendorId": "A1",}\n  ]\n}\n')
    with pytest.raises(SeedError) as refused:
        read_seed(bad)
    assert refused.value.line == 3
    assert "not valid JSON" in str(refused.value)
    twice = write(tmp_path, "twice.json", '{\n "clock": {},\n "clock": {}\n}')
    with pytest.raises(SeedError, match="more than once"):
        read_seed(twice)


def test_yaml_syntax_errors_and_other_files(tmp_path: Path) -> None:
    path = write(tmp_path, "seed.yaml", "vendors:\n  - vendorId: A1\n    accessKey: [unclosed\n")
    with pytest.raises(SeedError) as refused:
        read_seed(path)
    assert refused.value.line is not None and refused.value.line >= 3
    assert str(refused.value).startswith(f"{path}:")
    with pytest.raises(SeedError, match=r"\.json, \.yaml or \.yml"):
        read_seed(write(tmp_path, "seed.toml", "x = 1"))
    with pytest.raises(SeedError, match="cannot read"):
        read_seed(tmp_path / "missing.yaml")
