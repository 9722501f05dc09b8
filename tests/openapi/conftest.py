"""Fixtures of the OpenAPI tests: the document, and (for the schemathesis run) one sandbox per
module seeded with a shop, an approved product, orders in several states, a return and an
exchange, so generated calls can hit real ids."""

from __future__ import annotations

import hashlib
import hmac
import importlib
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from coupang_sandbox import SandboxSettings, create_app
from coupang_sandbox.app import close_app
from coupang_sandbox.openapi import build_document
from coupang_seller.types.orders import InvoiceLine
from tests.conftest import postgres_base_url
from tests.integration.asgi_sync import SyncASGITransport
from tests.orders.conftest import open_market
from tests.products.conftest import OTHER, VENDOR, make_client

BASE_URL = "http://127.0.0.1"


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return build_document()


def sign(request: httpx.Request, vendor: tuple[str, str, str] = VENDOR) -> None:
    """CEA-sign a request over its path and raw query exactly as they go on the wire."""
    raw = request.url.raw_path.decode("ascii")
    url_path, _, query = raw.partition("?")
    signed_date = datetime.now(UTC).strftime("%y%m%dT%H%M%SZ")
    message = f"{signed_date}{request.method}{url_path}{query}".encode()
    signature = hmac.new(vendor[2].encode(), message, hashlib.sha256).hexdigest()
    request.headers["Authorization"] = (
        f"CEA algorithm=HmacSHA256, access-key={vendor[1]}, "
        f"signed-date={signed_date}, signature={signature}"
    )


@dataclass
class Seeded:
    """A seeded sandbox and the real ids found in it, by path parameter name."""

    http: httpx.Client
    ids: dict[str, list[str]] = field(default_factory=dict)

    def send(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        request = self.http.build_request(method, url, **kwargs)
        sign(request)
        started = time.perf_counter()
        response = self.http.send(request)
        # the in-process transport hands over a body already read, so httpx never times it
        response.elapsed = timedelta(seconds=time.perf_counter() - started)
        return response


def seed(client: Any) -> dict[str, list[str]]:
    catalog = importlib.import_module("coupang_seller.catalog")
    market = open_market(client, catalog)
    sandbox = client.sandbox
    first, second = market.items
    waiting = market.visible_order()  # ACCEPT
    instructed = market.instructed()  # INSTRUCT
    delivered = market.instructed({first: 2, second: 1})
    box = delivered.shipment_box_ids[0]
    result = client.orders.upload_invoices(
        [
            InvoiceLine(shipmentBoxId=box, orderId=delivered.orderId, vendorItemId=item,
                        deliveryCompanyCode="CJGLS", invoiceNumber="512345678901")
            for item in (first, second)
        ]
    )  # fmt: skip
    assert result.all_succeeded, result
    sandbox.courier.scan(box, "DELIVERED")
    receipt = sandbox.returns.request(delivered.orderId, {first: 1}).receipts[0].receiptId
    gone = sandbox.returns.request(delivered.orderId, {first: 1}).receipts[0].receiptId
    sandbox.returns.withdraw(gone)
    exchange = sandbox.exchanges.request(delivered.orderId, second).exchangeId
    sandbox.clock.advance(601)
    product = client.products.get(market.product_id)
    return {
        "vendorId": [VENDOR[0]],
        "sellerProductId": [str(market.product_id)],
        "vendorItemId": [str(i) for i in market.items],
        "shipmentBoxId": [
            str(b) for p in (waiting, instructed, delivered) for b in p.shipment_box_ids
        ],
        "orderId": [str(p.orderId) for p in (waiting, instructed, delivered)],
        "receiptId": [str(receipt)],
        "exchangeId": [str(exchange)],
        "outboundShippingPlaceCode": [str(market.shop.outbound)],
        "returnCenterCode": [str(market.shop.return_center)],
        "displayCategoryCode": [str(market.shop.category)],
        "categoryId": [str(market.shop.category)],
        "externalVendorSkuCode": [
            str(i.externalVendorSku) for i in product.items if i.externalVendorSku
        ],
    }


@contextmanager
def seeded_sandbox(db_url: str) -> Iterator[Seeded]:
    settings = SandboxSettings(rate_limit_per_second=None, db_url=db_url, vendors=[VENDOR, OTHER])
    app = create_app(settings)
    try:
        with make_client(VENDOR, SyncASGITransport(app)) as client:  # closes its transport
            ids = seed(client)
        transport = SyncASGITransport(app)
        try:
            with httpx.Client(transport=transport, base_url=BASE_URL) as http:
                yield Seeded(http, ids)
        finally:
            transport.close()
    finally:
        close_app(app)


@contextmanager
def postgres_schema() -> Iterator[str]:
    """A fresh PostgreSQL schema for one test module (the shared fixture is per test)."""
    base = postgres_base_url()
    schema = f"sbx_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(scope="module")
def seeded() -> Iterator[Seeded]:
    """SQLite only: the schemathesis run is bounded to one store."""
    with seeded_sandbox("sqlite:///:memory:") as sandbox:
        yield sandbox


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def seeded_store(request: pytest.FixtureRequest) -> Iterator[Seeded]:
    """A seeded sandbox on each store backend."""
    if request.param == "sqlite":
        with seeded_sandbox("sqlite:///:memory:") as sandbox:
            yield sandbox
        return
    with postgres_schema() as url, seeded_sandbox(url) as sandbox:
        yield sandbox
