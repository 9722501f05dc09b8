"""(d) Sandbox product-create throughput: signed POST seller-products, one worker, SQLite.

Every create runs the full listing rules (category meta, notices, attributes, images paths,
delivery consistency) and writes the product, its items and a status-history row. The body
is the docs' own create sample rebuilt for a real leaf of the seed catalog (the same factory
the product tests use). Creates are sent by several concurrent connections from this process.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import time
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx
from tests.products import factory

from benchmarks._server import ACCESS_KEY, SECRET_KEY, VENDOR_ID, Server
from coupang_seller import Client
from coupang_seller.catalog import load_catalog
from coupang_seller.preflight import products as rules
from coupang_seller.types.shipping_places import PlaceAddress, ReturnFees

PATH = "/v2/providers/seller_api/apis/api/v1/marketplace/seller-products"
CREATES = 400
CONNECTIONS = 8


@dataclass(frozen=True)
class CreateResult:
    creates: int
    elapsed: float
    p50_ms: float
    p99_ms: float
    statuses: dict[int, int]

    @property
    def per_second(self) -> float:
        return self.creates / self.elapsed


def _leaf() -> tuple[int, dict[str, object]]:
    catalog = load_catalog()

    def is_leaf(code: int) -> bool | None:
        node = catalog.get(code)
        return None if node is None else node.is_leaf

    for node in catalog.leaves():
        meta = catalog.meta(node.code)
        if not meta:
            continue
        body = factory.product_body(
            node.code, meta, vendor_id=VENDOR_ID, outbound=1, return_center="x"
        )
        if not rules.check_product_create(
            body, meta_for=catalog.meta, is_leaf=is_leaf, now=datetime.now(UTC)
        ):
            return node.code, dict(meta)
    raise RuntimeError("no leaf category the factory can satisfy")


def _places(server: Server) -> tuple[int, str]:
    address = PlaceAddress(
        companyContactNumber="02-1234-5678",
        returnZipCode="10516",
        returnAddress="경기도 파주시 탄현면 월롱산로 294-58",
    )
    with Client(
        ACCESS_KEY,
        SECRET_KEY,
        VENDOR_ID,
        base_url=server.base_url,
        user_id="bench",
        rate_limit=None,
    ) as c:
        outbound = c.outbound_shipping_places.create(
            name="벤치 상품 출고지", addresses=[address], on_duplicate="return_existing"
        )
        center = c.return_centers.create(
            name="벤치 반품지",
            courier="CJGLS",
            contract_number="1",
            fees=ReturnFees.flat(2500),
            addresses=[address],
            on_duplicate="return_existing",
        )
    return outbound, center


def _auth(method: str, path: str) -> str:
    signed_date = datetime.now(UTC).strftime("%y%m%dT%H%M%SZ")
    signature = hmac.new(
        SECRET_KEY.encode(), f"{signed_date}{method}{path}".encode(), hashlib.sha256
    ).hexdigest()
    return f"CEA algorithm=HmacSHA256, access-key={ACCESS_KEY}, signed-date={signed_date}, signature={signature}"


async def _run(server: Server) -> CreateResult:
    code, meta = _leaf()
    outbound, center = _places(server)
    bodies = [
        json.dumps(
            factory.product_body(
                code,
                meta,
                vendor_id=VENDOR_ID,
                outbound=outbound,
                return_center=center,
                name=f"벤치 상품 {i:04d}",
                sku=f"BENCH-{i:04d}",
            ),
            ensure_ascii=False,
        ).encode()
        for i in range(CREATES)
    ]
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    queue = list(reversed(bodies))
    async with httpx.AsyncClient(base_url=server.base_url, timeout=30) as http:

        async def worker() -> None:
            while queue:
                body = queue.pop()
                start = time.perf_counter()
                response = await http.post(
                    PATH,
                    content=body,
                    headers={
                        "Authorization": _auth("POST", PATH),
                        "Content-Type": "application/json;charset=UTF-8",
                    },
                )
                latencies.append((time.perf_counter() - start) * 1000)
                statuses[response.status_code] = statuses.get(response.status_code, 0) + 1

        start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(CONNECTIONS)))
        elapsed = time.perf_counter() - start
    latencies.sort()
    return CreateResult(
        creates=len(latencies),
        elapsed=elapsed,
        p50_ms=latencies[len(latencies) // 2],
        p99_ms=latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))],
        statuses=statuses,
    )


def run(server: Server) -> CreateResult:
    return asyncio.run(_run(server))
