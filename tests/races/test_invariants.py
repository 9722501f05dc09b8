"""Business invariants hold across processes: two ``python -m coupang_sandbox`` processes on one
database (SQLite file, PostgreSQL schema), 150 concurrent pairs per invariant (one request of
each pair to each process), then the database and the answers are checked: 0 violations.

Invariants: one acknowledgement per box, one live invoice per box, an invoice number used by
one order only (per courier, within six months), a pickup invoice number used by one return
only, one approval request per product, unique
shipping place names (outbound and return centers; a lost race is the documented refusal,
never a 500) and outbound addresses (v5), one pending expiry per coupon.

The whole state is set up through process A before B starts (B loads the clock A set).
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import create_engine, text

from coupang_seller import Client
from coupang_seller._ratelimit import CircuitBreaker, RateLimiterRegistry
from tests.conftest import postgres_base_url
from tests.products.conftest import open_shop
from tests.races.conftest import VENDOR, Signed, pg_schema, sandbox_process

pytestmark = [pytest.mark.e2e]

PAIRS = int(os.environ.get("RACE_PAIRS", "150"))
#: Pairs in flight at once (each pair: one request to each process at the same moment).
IN_FLIGHT = 6
VID = VENDOR[0]
OPENAPI = f"/v2/providers/openapi/apis/api/v4/vendors/{VID}"
SELLER = "/v2/providers/seller_api/apis/api/v1/marketplace/seller-products"
FMS = f"/v2/providers/fms/apis/api/v1/vendors/{VID}"
START = datetime(2025, 7, 15, 5, 0, tzinfo=UTC)


@dataclass
class World:
    """What process A set up: boxes, products and coupons, and the database to inspect."""

    db_url: str
    #: (shipmentBoxId, orderId, vendorItemId) per order: [0] for the ack / one-invoice pairs,
    #: [1] and [2] (INSTRUCT) for the shared-number pairs (order i's [1] with order i+1's [2]).
    boxes: list[list[tuple[int, int, int]]] = field(default_factory=list)
    saved_products: list[int] = field(default_factory=list)
    coupons: list[int] = field(default_factory=list)


def _client(port: int) -> Client:
    return Client(
        VENDOR[1],
        VENDOR[2],
        VENDOR[0],
        base_url=f"http://127.0.0.1:{port}",
        user_id="wing-races",
        rate_limit=None,
        max_retries=0,
        timeout=60.0,
        rate_limiters=RateLimiterRegistry(),
        circuit_breaker=CircuitBreaker(),
    )


def _setup(port: int, db_url: str) -> World:
    from coupang_seller import catalog

    world = World(db_url)
    with _client(port) as client:
        client.sandbox.clock.set(START, freeze=True)
        shop = open_shop(client, catalog)
        body = shop.body(items=3, requested=True, sku="RACE-SKU")
        for item in body["items"]:
            item["maximumBuyCount"] = "10000"
        product_id = client.products.create(body)
        review = client.sandbox.products.review(product_id, result="APPROVED")
        items = [int(i.vendorItemId or 0) for i in review.items]
        for _ in range(PAIRS):
            placed = client.sandbox.orders.place({v: 1 for v in items}, bundle=False)
            boxes = sorted(
                (b.shipmentBoxId, placed.orderId, b.vendorItemIds[0]) for b in placed.shipmentBoxes
            )
            assert len(boxes) == 3, placed
            world.boxes.append(boxes)
        world.saved_products = [
            shop.create(name=f"승인 경합 {i}", sku=f"RACE-{i}") for i in range(PAIRS)
        ]
        contract = client.sandbox.coupons.create_contract(budget_per_month=10_000_000)
        requests = [
            client.coupons.create(
                contract_id=contract.contractId,
                name=f"경합 쿠폰 {i}",
                discount=10,
                max_discount_price=1000,
                start_at="2025-07-16 00:00:00",
                end_at="2025-07-31 23:59:00",
                type="RATE",
            ).requestedId
            for i in range(PAIRS)
        ]
        client.sandbox.clock.advance(601)  # orders visible, coupon requests due
        for requested in requests:
            status = client.coupons.request_status(requested)
            assert status.status == "DONE" and status.couponId is not None, status
            world.coupons.append(status.couponId)
        shared = [box for boxes in world.boxes for box in boxes[1:]]
        for start in range(0, len(shared), 50):
            result = client.orders.acknowledge([b[0] for b in shared[start : start + 50]])
            assert result.all_succeeded, result
    return world


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'races.sqlite3'}"
        return
    with pg_schema(postgres_base_url()) as url:
        yield url


Pair = tuple[
    Callable[[Signed], Awaitable[httpx.Response]], Callable[[Signed], Awaitable[httpx.Response]]
]


async def _answer(
    send: Callable[[Signed], Awaitable[httpx.Response]], to: Signed
) -> httpx.Response:
    """The response, or a 599 stand-in when the process did not answer in time (a violation)."""
    try:
        return await send(to)
    except httpx.TimeoutException:
        return httpx.Response(599)


async def _race(
    a: Signed, b: Signed, pairs: Sequence[Pair]
) -> list[tuple[httpx.Response, httpx.Response]]:
    """Fire each pair's two requests at once (one to each process), ``IN_FLIGHT`` pairs at a time."""
    gate = asyncio.Semaphore(IN_FLIGHT)

    async def one(pair: Pair) -> tuple[httpx.Response, httpx.Response]:
        async with gate:
            first, second = await asyncio.gather(_answer(pair[0], a), _answer(pair[1], b))
            return first, second

    return list(await asyncio.gather(*(one(p) for p in pairs)))


def _line(box: tuple[int, int, int], number: str) -> dict[str, Any]:
    return {
        "shipmentBoxId": box[0],
        "orderId": box[1],
        "vendorItemId": box[2],
        "deliveryCompanyCode": "CJGLS",
        "invoiceNumber": number,
        "splitShipping": False,
        "preSplitShipped": False,
        "estimatedShippingDate": "",
    }


def _upload(
    box: tuple[int, int, int], number: str
) -> Callable[[Signed], Awaitable[httpx.Response]]:
    body = {"vendorId": VID, "orderSheetInvoiceApplyDtos": [_line(box, number)]}
    return lambda s: s.call("POST", f"{OPENAPI}/orders/invoices", json=body)


def _box_ok(response: httpx.Response) -> bool:
    results = response.json()["data"]["responseList"]
    return bool(results[0]["succeed"])


def _fms_ok(response: httpx.Response) -> bool:
    return bool(response.json()["data"]["success"])


def _created(response: httpx.Response) -> bool:
    return True


def _doubled(
    answers: Sequence[tuple[httpx.Response, httpx.Response]], ok: Callable[[httpx.Response], bool]
) -> int:
    """Pairs where both requests succeeded, or one failed with a 5xx (not a clean refusal)."""
    count = 0
    for pair in answers:
        failed = any(r.status_code >= 500 for r in pair)
        if failed or all(r.status_code == 200 and ok(r) for r in pair):
            count += 1
    return count


def _scalar(db_url: str, sql: str) -> int:
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text(sql)).scalar_one())
    finally:
        engine.dispose()


def _place(name: str, index: int) -> dict[str, Any]:
    return {
        "vendorId": VID,
        "userId": "wing-races",
        "shippingPlaceName": name,
        "global": "false",
        "usable": True,
        "placeAddresses": [
            {
                "addressType": "JIBUN",
                "countryCode": "KR",
                "companyContactNumber": "02-1234-5678",
                "returnZipCode": "10516",
                "returnAddress": f"경기도 파주시 탄현면 월롱산로 {index}",
                "returnAddressDetail": f"{index}층",
            }
        ],
        "remoteInfos": [{"deliveryCode": "KGB", "jeju": "5000", "notJeju": "2500"}],
    }


def _center(name: str, index: int) -> dict[str, Any]:
    fees = {
        f"{kind}{band}": 2500
        for band in ("05kg", "10kg", "20kg")
        for kind in ("vendorCreditFee", "vendorCashFee", "consumerCashFee", "returnFee")
    }
    return {
        "vendorId": VID,
        "userId": "wing-races",
        "shippingPlaceName": name,
        "goodsflowInfoOpenApiDto": {
            "deliverCode": "CJGLS",
            "deliverName": "CJ대한통운",
            "contractNumber": "12345678",
            "contractCustomerNumber": "C-1",
            **fees,
        },
        "placeAddresses": [
            {
                "addressType": "JIBUN",
                "companyContactNumber": "02-1234-5678",
                "returnZipCode": "10516",
                "returnAddress": "경기도 파주시",
                "returnAddressDetail": f"{name} {index}",
            }
        ],
    }


def _post(path: str, body: dict[str, Any]) -> Callable[[Signed], Awaitable[httpx.Response]]:
    return lambda s: s.call("POST", path, json=body)


def _put(path: str, **kwargs: Any) -> Callable[[Signed], Awaitable[httpx.Response]]:
    return lambda s: s.call("PUT", path, **kwargs)


async def _returns(a: Signed, boxes: Sequence[tuple[int, int, int]]) -> list[int]:
    """The customer returns each box's item (control API); the receiptIds, in order."""
    gate = asyncio.Semaphore(IN_FLIGHT)

    async def one(box: tuple[int, int, int]) -> int:
        body = {
            "orderId": box[1],
            "items": [{"vendorItemId": box[2], "quantity": 1}],
            "reasonCode": "CHANGEMIND",
        }
        async with gate:
            response = await a.http.post("/_sandbox/returns", json=body)
        assert response.status_code == 200, response.text
        return int(response.json()["data"]["receipts"][0]["receiptId"])

    return list(await asyncio.gather(*(one(box) for box in boxes)))


def _manual(receipt_id: int, number: str) -> dict[str, Any]:
    return {
        "returnExchangeDeliveryType": "RETURN",
        "receiptId": receipt_id,
        "deliveryCompanyCode": "CJGLS",
        "invoiceNumber": number,
    }


async def _all_races(a: Signed, b: Signed, world: World) -> dict[str, int]:
    violations: dict[str, int] = {}
    first_boxes = [boxes[0] for boxes in world.boxes]

    # One acknowledgement per box (ACCEPT -> INSTRUCT once).
    ack = [
        (
            _put(
                f"{OPENAPI}/ordersheets/acknowledgement",
                json={"vendorId": VID, "shipmentBoxIds": [box[0]]},
            ),
        )
        * 2
        for box in first_boxes
    ]
    answers = await _race(a, b, ack)
    both = _doubled(answers, _box_ok)
    twice = _scalar(
        world.db_url,
        "SELECT count(*) FROM (SELECT shipment_box_id FROM sandbox_shipment_history "
        "WHERE status = 'INSTRUCT' GROUP BY shipment_box_id HAVING count(*) > 1) t",
    )
    violations["acknowledgement"] = max(both, twice)

    # One live invoice per box: two different numbers for one box at once.
    live = [
        (_upload(box, f"7{i:011d}"), _upload(box, f"8{i:011d}"))
        for i, box in enumerate(first_boxes)
    ]
    answers = await _race(a, b, live)
    both = _doubled(answers, _box_ok)
    twice = _scalar(
        world.db_url,
        "SELECT count(*) FROM (SELECT shipment_box_id FROM sandbox_invoices "
        "GROUP BY shipment_box_id HAVING count(*) > 1) t",
    )
    violations["one live invoice per box"] = max(both, twice)

    # An invoice number (per courier) for one order only: the same number, boxes of two orders.
    n = len(world.boxes)
    shared = [
        (
            _upload(world.boxes[i][1], f"9{i:011d}"),
            _upload(world.boxes[(i + 1) % n][2], f"9{i:011d}"),
        )
        for i in range(n)
    ]
    answers = await _race(a, b, shared)
    both = _doubled(answers, _box_ok)
    reused = _scalar(
        world.db_url,
        "SELECT count(*) FROM (SELECT invoice_number FROM sandbox_invoices "
        "GROUP BY delivery_company_code, invoice_number HAVING count(DISTINCT order_id) > 1) t",
    )
    violations["invoice number per courier"] = max(both, reused)

    # A pickup invoice number (회수 송장) for one return only: the customer returns every first
    # box (shipped above), then each number is registered for two returns at once.
    receipts = await _returns(a, first_boxes)
    pickup = [
        (
            _post(f"{OPENAPI}/return-exchange-invoices/manual", _manual(receipts[i], f"6{i:011d}")),
            _post(
                f"{OPENAPI}/return-exchange-invoices/manual",
                _manual(receipts[(i + 1) % n], f"6{i:011d}"),
            ),
        )
        for i in range(n)
    ]
    answers = await _race(a, b, pickup)
    both = _doubled(answers, _created)
    reused = _scalar(
        world.db_url,
        "SELECT count(*) FROM (SELECT invoice_number FROM sandbox_pickup_invoices "
        "GROUP BY delivery_company_code, invoice_number HAVING count(DISTINCT receipt_id) > 1) t",
    )
    violations["pickup invoice number"] = max(both, reused)

    # One approval request per product (SAVED -> APPROVING once).
    approve = [(_put(f"{SELLER}/{p}/approvals"),) * 2 for p in world.saved_products]
    answers = await _race(a, b, approve)
    both = _doubled(answers, _created)
    twice = _scalar(
        world.db_url,
        "SELECT count(*) FROM (SELECT seller_product_id FROM sandbox_product_histories "
        "WHERE status = 'APPROVING' GROUP BY seller_product_id HAVING count(*) > 1) t",
    )
    violations["approval request"] = max(both, twice)

    # Shipping place names: one place per name, the loser refused cleanly.
    places = [
        (
            _post(f"{OPENAPI}/outboundShippingCenters", _place(f"경합 출고지 {i}", 2 * i)),
            _post(f"{OPENAPI}/outboundShippingCenters", _place(f"경합 출고지 {i}", 2 * i + 1)),
        )
        for i in range(PAIRS)
    ]
    answers = await _race(a, b, places)
    violations["outbound place name"] = _doubled(answers, _created)
    v5 = OPENAPI.replace("/v4/", "/v5/")
    addresses = [
        (
            _post(f"{v5}/outboundShippingCenters", _place(f"주소 경합 {i} 가", 1000 + i)),
            _post(f"{v5}/outboundShippingCenters", _place(f"주소 경합 {i} 나", 1000 + i)),
        )
        for i in range(PAIRS)
    ]
    answers = await _race(a, b, addresses)
    violations["outbound place address (v5)"] = _doubled(answers, _created)
    centers = [
        (
            _post(f"{OPENAPI}/returnShippingCenters", _center(f"경합 반품지 {i}", 1)),
            _post(f"{OPENAPI}/returnShippingCenters", _center(f"경합 반품지 {i}", 2)),
        )
        for i in range(PAIRS)
    ]
    answers = await _race(a, b, centers)
    violations["return center name"] = _doubled(answers, _created)

    # One pending expiry per coupon (a second one while the first is pending is refused).
    expire = [(_put(f"{FMS}/coupons/{c}", params={"action": "expire"}),) * 2 for c in world.coupons]
    answers = await _race(a, b, expire)
    both = _doubled(answers, _fms_ok)
    pending = _scalar(
        world.db_url,
        "SELECT count(*) FROM (SELECT coupon_id FROM sandbox_coupon_requests "
        "WHERE status = 'REQUESTED' GROUP BY coupon_id HAVING count(*) > 1) t",
    )
    violations["coupon expiry request"] = max(both, pending)
    return violations


def test_invariants_hold_across_two_processes(db_url: str, tmp_path: Path) -> None:
    with sandbox_process(db_url, tmp_path / "a.log") as port_a:
        world = _setup(port_a, db_url)
        with sandbox_process(db_url, tmp_path / "b.log") as port_b:

            async def main() -> dict[str, int]:
                limits = httpx.Limits(max_connections=IN_FLIGHT * 2)
                async with (
                    httpx.AsyncClient(
                        base_url=f"http://127.0.0.1:{port_a}", timeout=20, limits=limits
                    ) as ha,
                    httpx.AsyncClient(
                        base_url=f"http://127.0.0.1:{port_b}", timeout=20, limits=limits
                    ) as hb,
                ):
                    return await _all_races(Signed(ha), Signed(hb), world)

            violations = asyncio.run(main())
    assert not any(violations.values()), f"violations per invariant: {violations}"
