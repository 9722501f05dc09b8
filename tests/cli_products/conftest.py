"""Fixtures of the product-sheet CLI tests: one embedded sandbox (real uvicorn) per module, a
fresh vendor with an outbound place and a return center per test, and sheets derived from the
sample sheet ``examples/products_sample.csv``."""

from __future__ import annotations

import csv
import json
import shutil
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from coupang_cli._embedded import RunningSandbox, embedded_sandbox
from coupang_seller import Client
from coupang_seller.types.shipping_places import PlaceAddress, ReturnFees

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SAMPLE = EXAMPLES / "products_sample.csv"
IMAGE_BASE_URL = "https://cdn.test-shop.example/coupang"
USER_ID = "cli-products-user"
#: Product key (sellerProductName) -> SKU of its first item, for the valid rows of the sample.
VALID = {
    "봄날 퓨어 클렌징 오일": "BN-CO-200",
    "봄날 데일리 선크림 SPF50+ PA++++": "BN-SC-050",
    "봄날 시어버터 핸드크림": "BN-HC-075",
}
REFUSED = "봄날 허니 립밤"
ALL_SKUS = ("BN-CO-200", "BN-CO-400", "BN-SC-050", "BN-HC-075")

ADDRESS = PlaceAddress(
    addressType="JIBUN",
    countryCode="KR",
    companyContactNumber="02-1234-5678",
    returnZipCode="10516",
    returnAddress="경기도 파주시 탄현면 월롱산로 294-58",
    returnAddressDetail="1층 물류창고",
)


@dataclass(frozen=True)
class Shop:
    vendor_id: str
    access_key: str
    secret_key: str
    base_url: str
    outbound: int
    return_center: str

    def client(self, transport: httpx.BaseTransport | None = None) -> Client:
        return Client(
            self.access_key,
            self.secret_key,
            self.vendor_id,
            base_url=self.base_url,
            user_id=USER_ID,
            transport=transport,
        )

    @property
    def places(self) -> dict[str, Any]:
        return {"outboundShippingPlaceCode": self.outbound, "returnCenterCode": self.return_center}


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningSandbox]:
    db = tmp_path_factory.mktemp("cli-products") / "sandbox.sqlite3"
    with embedded_sandbox(db_url=f"sqlite:///{db}") as running:
        yield running


def _new_vendor(base_url: str) -> dict[str, str]:
    request = urllib.request.Request(  # noqa: S310 - loopback sandbox
        f"{base_url}/_sandbox/vendors",
        data=b"{}",
        method="POST",
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        data: dict[str, str] = json.loads(response.read())["data"]
    return data


@pytest.fixture
def shop(sandbox: RunningSandbox) -> Shop:
    vendor = _new_vendor(sandbox.base_url)
    with Client(
        vendor["accessKey"],
        vendor["secretKey"],
        vendor["vendorId"],
        base_url=sandbox.base_url,
        user_id=USER_ID,
    ) as client:
        outbound = client.outbound_shipping_places.create(name="파주 1센터", addresses=[ADDRESS])
        center = client.return_centers.create(
            name="파주 반품센터",
            courier="CJGLS",
            contract_number="85500067",
            fees=ReturnFees.flat(2500),
            addresses=[ADDRESS],
        )
    return Shop(
        vendor["vendorId"],
        vendor["accessKey"],
        vendor["secretKey"],
        sandbox.base_url,
        outbound,
        str(center),
    )


@pytest.fixture
def env(shop: Shop, monkeypatch: pytest.MonkeyPatch) -> Shop:
    """The COUPANG_* variables of the shop, as the CLI reads them."""
    monkeypatch.setenv("COUPANG_ACCESS_KEY", shop.access_key)
    monkeypatch.setenv("COUPANG_SECRET_KEY", shop.secret_key)
    monkeypatch.setenv("COUPANG_VENDOR_ID", shop.vendor_id)
    monkeypatch.setenv("COUPANG_BASE_URL", shop.base_url)
    monkeypatch.setenv("COUPANG_USER_ID", USER_ID)
    return shop


def sample_rows() -> tuple[list[str], list[dict[str, str]]]:
    with SAMPLE.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


SheetFactory = Callable[..., Path]


@pytest.fixture
def make_sheet(tmp_path: Path) -> SheetFactory:
    """Write the sample sheet (changed by ``edit(rows)``) next to a copy of its images."""
    shutil.copytree(EXAMPLES / "images", tmp_path / "images", dirs_exist_ok=True)

    def make(
        name: str = "sheet.csv",
        edit: Callable[[list[dict[str, str]]], object] | None = None,
        header: list[str] | None = None,
        encoding: str = "utf-8-sig",
    ) -> Path:
        columns, rows = sample_rows()
        if edit is not None:
            edit(rows)
        path = tmp_path / name
        with path.open("w", encoding=encoding, newline="") as handle:
            writer = csv.DictWriter(handle, header or columns, extrasaction="ignore")
            writer.writeheader()
            writer.writerows(rows)
        return path

    return make


def sku_counts(client: Client) -> Counter[str]:
    """How many listed items carry each externalVendorSku (duplicates show up as > 1)."""
    counts: Counter[str] = Counter()
    for summary in client.products.iter():
        product = client.products.get(summary.sellerProductId)
        for item in product.items or []:
            if item.externalVendorSku:
                counts[item.externalVendorSku] += 1
    return counts


def journal_entries(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
