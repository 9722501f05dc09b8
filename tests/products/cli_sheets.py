"""Helpers of the product-sheet CLI tests (``test_cli_*``): the sample sheet
``examples/products_sample.csv`` and its expected outcome, the shop a test pushes to, and the
checks on what got listed. The fixtures (``cli_sandbox``, ``cli_shop``, ``cli_env``,
``make_sheet``) are in this package's conftest."""

from __future__ import annotations

import csv
import json
import urllib.request
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from coupang_seller import Client
from coupang_seller.types.shipping_places import PlaceAddress

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
class CliShop:
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


def new_vendor(base_url: str) -> dict[str, str]:
    request = urllib.request.Request(  # noqa: S310 - loopback sandbox
        f"{base_url}/_sandbox/vendors",
        data=b"{}",
        method="POST",
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        data: dict[str, str] = json.loads(response.read())["data"]
    return data


def sample_rows() -> tuple[list[str], list[dict[str, str]]]:
    with SAMPLE.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


SheetFactory = Callable[..., Path]


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
