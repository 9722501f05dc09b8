"""Fixtures of the product tests: a sandbox per store backend, SDK clients over real HTTP
(in-process ASGI transports), a hand-signed raw HTTP client, and a shop (an outbound place, a
return center and a category whose meta the test bodies follow).

The product-sheet CLI tests (``test_cli_*``) get their own: one embedded sandbox (real
uvicorn) per module (``cli_sandbox``), a fresh vendor with an outbound place and a return
center per test (``cli_shop``, ``cli_env``) and sheets derived from the sample sheet
(``make_sheet``). The pure rule tests (``test_rules_*``) read :mod:`tests.products.rule_cases`."""

from __future__ import annotations

import csv
import hashlib
import hmac
import importlib
import shutil
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from coupang_cli._embedded import RunningSandbox, embedded_sandbox
from coupang_sandbox import SandboxSettings, create_app
from coupang_sandbox.app import close_app
from coupang_seller import AsyncClient, Client
from coupang_seller._ratelimit import CircuitBreaker, RateLimiterRegistry
from coupang_seller.types.shipping_places import PlaceAddress, RemoteInfo, ReturnFees
from tests.integration.asgi_sync import SyncASGITransport
from tests.products import factory, stub_catalog
from tests.products.cli_sheets import (
    ADDRESS,
    EXAMPLES,
    USER_ID,
    CliShop,
    SheetFactory,
    new_vendor,
    sample_rows,
)

VENDOR = ("A00033333", "ak-products-one", "sk-products-one-0123456789")
OTHER = ("A00044444", "ak-products-two", "sk-products-two-0123456789")
USER = "wing-products"
SELLER_API = "/v2/providers/seller_api/apis/api/v1/marketplace"


# -- the category catalog ----------------------------------------------------------------------


def _real_catalog_available() -> bool:
    try:
        importlib.import_module("coupang_seller.catalog")
    except ImportError:
        return False
    return True


@pytest.fixture(autouse=True)
def catalog_module(monkeypatch: pytest.MonkeyPatch) -> Any:
    """The real ``coupang_seller.catalog`` when it exists, else the stub (this test only)."""
    if not _real_catalog_available():
        import sys

        monkeypatch.setitem(sys.modules, "coupang_seller.catalog", stub_catalog.as_module())
    return importlib.import_module("coupang_seller.catalog")


_CATEGORY_CACHE: dict[int, tuple[int, dict[str, Any]]] = {}


def pick_category(catalog_module: Any) -> tuple[int, dict[str, Any]]:
    """A leaf category whose meta the factory can satisfy (the docs' sample category first)."""
    key = id(catalog_module)
    if key in _CATEGORY_CACHE:
        return _CATEGORY_CACHE[key]
    from coupang_seller.preflight import products as rules

    catalog = catalog_module.load_catalog()

    def is_leaf(code: int) -> bool | None:
        node = catalog.get(code)
        return None if node is None else node.is_leaf

    candidates = [stub_catalog.COSMETICS] + [node.code for node in catalog.leaves()]
    for code in candidates[:400]:
        meta = catalog.meta(code)
        if not meta or is_leaf(code) is not True:
            continue
        body = factory.product_body(
            code, meta, vendor_id=VENDOR[0], outbound=1, return_center="NO_RETURN_CENTERCODE"
        )
        found = rules.check_product_create(
            body, meta_for=catalog.meta, is_leaf=is_leaf, now=datetime.now(UTC)
        )
        if not found:
            _CATEGORY_CACHE[key] = (code, meta)
            return code, meta
    raise AssertionError("no category in the catalog that the test factory can satisfy")


def other_leaf(catalog_module: Any, code: int) -> int:
    catalog = catalog_module.load_catalog()
    for node in catalog.leaves():
        if node.code != code:
            return int(node.code)
    raise AssertionError("the catalog has a single leaf")


# -- apps and clients --------------------------------------------------------------------------


@pytest.fixture
def settings(db_url: str) -> SandboxSettings:
    return SandboxSettings(rate_limit_per_second=None, db_url=db_url, vendors=[VENDOR, OTHER])


@pytest.fixture
def app(settings: SandboxSettings) -> Iterator[Starlette]:
    application = create_app(settings)
    try:
        yield application
    finally:
        close_app(application)


@pytest.fixture
def transport(app: Starlette) -> Iterator[SyncASGITransport]:
    t = SyncASGITransport(app)
    try:
        yield t
    finally:
        t.close()


def make_client(vendor: tuple[str, str, str], transport: httpx.BaseTransport, **kw: Any) -> Client:
    return Client(
        vendor[1],
        vendor[2],
        vendor[0],
        base_url="http://127.0.0.1",
        user_id=USER,
        transport=transport,
        rate_limiters=RateLimiterRegistry(),
        circuit_breaker=CircuitBreaker(),
        rate_limit=None,
        max_retries=0,
        **kw,
    )


@pytest.fixture
def client(transport: SyncASGITransport) -> Iterator[Client]:
    with make_client(VENDOR, transport) as c:
        yield c


@pytest.fixture
def other_client(transport: SyncASGITransport) -> Iterator[Client]:
    with make_client(OTHER, transport) as c:
        yield c


@pytest.fixture
async def aclient(app: Starlette) -> AsyncIterator[AsyncClient]:
    async with AsyncClient(
        VENDOR[1],
        VENDOR[2],
        VENDOR[0],
        base_url="http://127.0.0.1",
        user_id=USER,
        transport=httpx.ASGITransport(app=app),
        rate_limiters=RateLimiterRegistry(),
        circuit_breaker=CircuitBreaker(),
        rate_limit=None,
    ) as c:
        yield c


# -- raw HTTP, signed by hand ------------------------------------------------------------------


@dataclass
class RawApi:
    """Signs each request with an HMAC written here, independent of the SDK's signer."""

    http: httpx.Client
    vendor: tuple[str, str, str] = VENDOR

    def as_vendor(self, vendor: tuple[str, str, str]) -> RawApi:
        return RawApi(self.http, vendor)

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        request = self.http.build_request(method, path, **kwargs)
        raw = request.url.raw_path.decode("ascii")
        url_path, _, query = raw.partition("?")
        signed_date = datetime.now(UTC).strftime("%y%m%dT%H%M%SZ")
        message = f"{signed_date}{method}{url_path}{query}".encode()
        signature = hmac.new(self.vendor[2].encode(), message, hashlib.sha256).hexdigest()
        request.headers["Authorization"] = (
            f"CEA algorithm=HmacSHA256, access-key={self.vendor[1]}, "
            f"signed-date={signed_date}, signature={signature}"
        )
        request.headers["Content-Type"] = "application/json;charset=UTF-8"
        return self.http.send(request)

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", path, **kwargs)

    def put(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("PUT", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", path, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("DELETE", path, **kwargs)


@pytest.fixture
def api(transport: SyncASGITransport) -> Iterator[RawApi]:
    with httpx.Client(transport=transport, base_url="http://127.0.0.1") as http:
        yield RawApi(http)


def control(api: RawApi, path: str, body: dict[str, Any]) -> httpx.Response:
    return api.http.post(path, json=body)


# -- a shop: places, center, category ----------------------------------------------------------


@dataclass
class Shop:
    client: Client
    outbound: int
    return_center: str
    category: int
    meta: dict[str, Any]
    vendor_id: str = VENDOR[0]

    def body(self, **overrides: Any) -> dict[str, Any]:
        options = {
            k: overrides.pop(k)
            for k in ("name", "sku", "items", "requested", "price")
            if k in overrides
        }
        body = factory.product_body(
            self.category,
            self.meta,
            vendor_id=self.vendor_id,
            outbound=self.outbound,
            return_center=self.return_center,
            **options,
        )
        body.update(overrides)
        return body

    def create(self, **overrides: Any) -> int:
        return self.client.products.create(self.body(**overrides))

    def approved(self, **overrides: Any) -> tuple[int, list[int]]:
        """A product approved through the control API, and its vendorItemIds."""
        product_id = self.create(requested=True, **overrides)
        review = self.client.sandbox.products.review(product_id, result="APPROVED")
        return product_id, [int(i.vendorItemId or 0) for i in review.items]


def open_shop(client: Client, catalog_module: Any) -> Shop:
    outbound = client.outbound_shipping_places.create(
        name="상품 출고지",
        addresses=[
            PlaceAddress(
                addressType="JIBUN",
                countryCode="KR",
                companyContactNumber="02-1234-5678",
                returnZipCode="10516",
                returnAddress="경기도 파주시 탄현면 월롱산로 294-58",
                returnAddressDetail="1층",
            )
        ],
        remote_infos=[RemoteInfo(deliveryCode="KGB", jeju=5000, notJeju=3000)],
    )
    center = client.return_centers.create(
        name="상품 반품지",
        courier="CJGLS",
        contract_number="12345678",
        fees=ReturnFees.flat(2500),
        addresses=[
            PlaceAddress(
                addressType="JIBUN",
                companyContactNumber="02-1234-5678",
                returnZipCode="10516",
                returnAddress="경기도 파주시",
                returnAddressDetail="반품동",
            )
        ],
    )
    code, meta = pick_category(catalog_module)
    return Shop(client, outbound, center, code, meta, client.vendor_id)


@pytest.fixture
def shop(client: Client, catalog_module: Any) -> Shop:
    return open_shop(client, catalog_module)


@pytest.fixture
def other_shop(other_client: Client, catalog_module: Any) -> Shop:
    return open_shop(other_client, catalog_module)


# -- the product-sheet CLI (test_cli_*): an embedded sandbox, a shop, sheets -------------------


@pytest.fixture(scope="module")
def cli_sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningSandbox]:
    db = tmp_path_factory.mktemp("cli-products") / "sandbox.sqlite3"
    with embedded_sandbox(db_url=f"sqlite:///{db}") as running:
        yield running


@pytest.fixture
def cli_shop(cli_sandbox: RunningSandbox) -> CliShop:
    vendor = new_vendor(cli_sandbox.base_url)
    with Client(
        vendor["accessKey"],
        vendor["secretKey"],
        vendor["vendorId"],
        base_url=cli_sandbox.base_url,
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
    return CliShop(
        vendor["vendorId"],
        vendor["accessKey"],
        vendor["secretKey"],
        cli_sandbox.base_url,
        outbound,
        str(center),
    )


@pytest.fixture
def cli_env(cli_shop: CliShop, monkeypatch: pytest.MonkeyPatch) -> CliShop:
    """The COUPANG_* variables of the shop, as the CLI reads them."""
    monkeypatch.setenv("COUPANG_ACCESS_KEY", cli_shop.access_key)
    monkeypatch.setenv("COUPANG_SECRET_KEY", cli_shop.secret_key)
    monkeypatch.setenv("COUPANG_VENDOR_ID", cli_shop.vendor_id)
    monkeypatch.setenv("COUPANG_BASE_URL", cli_shop.base_url)
    monkeypatch.setenv("COUPANG_USER_ID", USER_ID)
    return cli_shop


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
