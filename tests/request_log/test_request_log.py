"""The request log through the real HTTP path: what it records, its filters and cursor, its
bound, what it never keeps, and the fault injector's contract (``scope["state"]["fault"]``)."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.types import ASGIApp, Receive, Scope, Send

from coupang_cli._demo import SEOUL, WAREHOUSE
from coupang_sandbox.routes.control_health import redacted_url
from coupang_sandbox.store.request_log import request_log
from coupang_seller import PreflightError, ValidationError, __version__
from coupang_seller.resources.sandbox import _log_path
from tests.request_log.conftest import LIST_PATH, OTHER, VENDOR, MakeApp, sdk, signer

LIST_QUERY = {"pageNum": "1", "pageSize": "10"}


async def _signed_gets(app: Starlette, count: int, vendor: tuple[str, str, str] = VENDOR) -> None:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(
        transport=transport, base_url="http://127.0.0.1", auth=signer(vendor)
    ) as http:
        for _ in range(count):
            answer = await http.get(LIST_PATH, params=LIST_QUERY)
            assert answer.status_code == 200, answer.text


async def test_the_log_counts_exactly_the_writes_that_reached_the_sandbox(app: Starlette) -> None:
    async with sdk(app) as client:
        assert await client.sandbox.requests.count() == 0
        for i in range(3):
            address = WAREHOUSE[0].model_copy(update={"returnAddressDetail": f"{i}동"})
            await client.outbound_shipping_places.create(
                name=f"로그 출고지 {i}", addresses=[address]
            )
        with pytest.raises(PreflightError):  # refused by the SDK: never sent
            await client.outbound_shipping_places.create(name="", addresses=WAREHOUSE[:1])
        with pytest.raises(ValidationError):  # sent, and refused by the sandbox
            await client.with_options(preflight=False).outbound_shipping_places.create(
                name="x" * 51, addresses=[SEOUL]
            )
        places = [p async for p in client.outbound_shipping_places.iter()]
        assert len(places) == 3
        requests = client.sandbox.requests
        assert await requests.count(method="POST", path="outboundShippingCenters") == 4
        assert await requests.count(method="POST", status="2xx") == 3
        assert await requests.count(method="POST", status=400) == 1
        assert await requests.count(method="GET") >= 1
        page = await requests.list()
    posts = [e for e in page.requests if e.method == "POST"]
    assert [e.status for e in posts] == [200, 200, 200, 400]
    assert [e.seq for e in page.requests] == sorted(e.seq for e in page.requests)
    assert page.last == page.requests[-1].seq
    first = posts[0]
    assert first.vendorId == VENDOR[0] and first.accessKey == VENDOR[1]
    assert first.path.endswith(f"/vendors/{VENDOR[0]}/outboundShippingCenters")
    assert first.bytesIn > 100 and first.bytesOut > 10 and first.latencyMs > 0
    assert (first.field, first.rule, first.reason, first.fault) == (None, None, None, None)
    refused = posts[-1]
    assert refused.field == "shippingPlaceName" and refused.rule
    assert refused.reason and "shippingPlaceName" in refused.reason
    listed = next(e for e in page.requests if e.method == "GET")
    assert listed.query and "pageNum=" in listed.query


async def test_control_calls_are_not_logged_and_a_reset_keeps_the_log(app: Starlette) -> None:
    await _signed_gets(app, 2)
    async with sdk(app) as client:
        await client.sandbox.clock.advance(60)
        await client.sandbox.health()
        await client.sandbox.reset(keep_vendors=True)
        page = await client.sandbox.requests.list()
        assert [e.path for e in page.requests] == [LIST_PATH, LIST_PATH]
        assert await client.sandbox.requests.clear() == 2
        assert (await client.sandbox.requests.list()).requests == []
        await _signed_gets(app, 1)
        after = await client.sandbox.requests.list()
    assert [e.seq for e in after.requests] == [3]  # a seq is never reused


async def test_since_follows_the_log_and_limit_pages_it(app: Starlette) -> None:
    await _signed_gets(app, 5)
    async with sdk(app) as client:
        log = client.sandbox.requests
        tail = await log.list(limit=2)
        assert [e.seq for e in tail.requests] == [4, 5] and tail.last == 5
        seen: list[int] = []
        since = 0
        for _ in range(3):
            page = await log.list(since=since, limit=2)
            seen += [e.seq for e in page.requests]
            since = page.last
        assert seen == [1, 2, 3, 4, 5] and since == 5
        assert (await log.list(since=since)).requests == []
        await _signed_gets(app, 1)
        page = await log.list(since=since)
        assert [e.seq for e in page.requests] == [6] and page.last == 6
        # a poll that matches nothing still moves the cursor to the newest seq
        none = await log.list(since=0, status=500)
        assert none.requests == [] and none.last == 6
        assert await log.count(since=4) == 2


async def test_filters_by_status_vendor_method_and_path(app: Starlette) -> None:
    await _signed_gets(app, 2)
    await _signed_gets(app, 1, OTHER)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as http:
        wrong = signer(secret="not-the-secret-0123456789")
        assert (await http.get(LIST_PATH, params=LIST_QUERY, auth=wrong)).status_code == 401
        assert (await http.get(LIST_PATH, params=LIST_QUERY)).status_code == 401  # unsigned
    async with sdk(app) as client:
        log = client.sandbox.requests
        assert [e.vendorId for e in (await log.list(vendor=OTHER[0])).requests] == [OTHER[0]]
        assert await log.count(status="4xx") == 2
        assert await log.count(status=401) == 2
        assert await log.count(status="200,401") == 5
        assert await log.count(status="2xx", vendor=VENDOR[0]) == 2
        assert await log.count(method="get") == 5
        assert await log.count(method="POST") == 0
        assert await log.count(path="shipping-place/outbound") == 5
        assert await log.count(path="SHIPPING-PLACE") == 0  # case-sensitive, on every store
        assert await log.count(path="%") == 0  # no wildcard
        refused = (await log.list(status=401)).requests
    signed, unsigned = refused
    assert signed.vendorId is None and signed.accessKey == VENDOR[1]
    assert (signed.field, signed.rule) == ("Authorization", "invalid_signature")
    assert signed.reason == "Invalid signature."
    assert (unsigned.accessKey, unsigned.rule) == (None, "unauthorized")
    assert "refused Authorization [invalid_signature]: Invalid signature." in signed.line()
    assert f"key={VENDOR[1]}" in signed.line()


async def test_bad_filters_are_refused_naming_each(app: Starlette, http: httpx.AsyncClient) -> None:
    answer = await http.get(
        "/_sandbox/requests",
        params={
            "status": "4x",
            "since": "-1",
            "limit": "5000",
            "method": "FETCH",
            "vendorId": "A1",
            "path": "",
        },
    )
    assert answer.status_code == 400, answer.text
    found = {(e["field"], e["rule"]) for e in answer.json()["errors"]}
    assert found == {
        ("status", "format"),
        ("since", "range"),
        ("limit", "range"),
        ("method", "enum"),
        ("vendorId", "unknown_field"),
        ("path", "length"),
    }
    counted = await http.get("/_sandbox/requests/count", params={"limit": "5"})
    assert counted.status_code == 400
    assert counted.json()["errors"][0]["field"] == "limit"
    async with sdk(app) as client:
        with pytest.raises(ValidationError) as refused:
            await client.sandbox.requests.list(status="teapot")
    assert [v.field for v in refused.value.violations] == ["status"]


async def test_the_ring_keeps_the_last_n(make_app: MakeApp) -> None:
    app = make_app(request_log_size=3)
    await _signed_gets(app, 7)
    async with sdk(app) as client:
        page = await client.sandbox.requests.list(limit=100)
        assert [e.seq for e in page.requests] == [5, 6, 7]
        assert await client.sandbox.requests.count() == 3
    with app.state.sandbox.store.engine.connect() as conn:
        assert len(conn.execute(select(request_log.c.seq)).all()) == 3


async def test_size_zero_records_nothing(make_app: MakeApp) -> None:
    app = make_app(request_log_size=0)
    await _signed_gets(app, 3)
    async with sdk(app) as client:
        assert (await client.sandbox.requests.list()).requests == []
        assert await client.sandbox.requests.count() == 0


class _Recording(httpx.ASGITransport):
    """The ASGI transport, keeping the Authorization header of every request it sent."""

    def __init__(self, app: Starlette, sent: list[str]) -> None:
        super().__init__(app=app)
        self.sent = sent

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if "authorization" in request.headers:
            self.sent.append(request.headers["authorization"])
        return await super().handle_async_request(request)


async def test_neither_the_signature_nor_the_secret_is_kept(app: Starlette) -> None:
    sent: list[str] = []
    transport = _Recording(app, sent)
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as http:
        await http.get(LIST_PATH, params=LIST_QUERY, auth=signer())
        await http.get(LIST_PATH, params=LIST_QUERY, auth=signer(secret="wrong-secret-012345"))
        answer = await http.get("/_sandbox/requests")
    signatures = [h.rsplit("signature=", 1)[1] for h in sent]
    assert len(signatures) == 2 and all(len(s) == 64 for s in signatures)
    with app.state.sandbox.store.engine.connect() as conn:
        cells = [str(v) for row in conn.execute(select(request_log)).all() for v in row]
    assert len(cells) == 2 * len(request_log.c)
    stored = " ".join(cells) + answer.text
    for secret in (*signatures, VENDOR[2], "wrong-secret-012345", "signature=", "CEA "):
        assert secret not in stored


class _Fault:
    """Stands in for the fault injector, inside the request log: it marks the request with
    the kind it applies (the contract), then drops it or lets it through."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not scope["path"].startswith("/_sandbox"):
            query = scope.get("query_string", b"")
            kind = "reset" if b"drop" in query else "latency"
            scope.setdefault("state", {})["fault"] = kind
            if kind == "reset":
                return  # the connection is dropped: no answer at all
        await self.app(scope, receive, send)


async def test_the_fault_applied_is_recorded(app: Starlette) -> None:
    app.user_middleware.append(Middleware(_Fault))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(
        transport=transport, base_url="http://127.0.0.1", auth=signer()
    ) as http:
        assert (await http.get(LIST_PATH, params=LIST_QUERY)).status_code == 200
        with pytest.raises(Exception):  # noqa: B017 - whatever the transport says
            await http.get(LIST_PATH, params={**LIST_QUERY, "drop": "1"})
    async with sdk(app) as client:
        entries = (await client.sandbox.requests.list()).requests
    assert [(e.status, e.fault) for e in entries] == [(200, "latency"), (None, "reset")]
    assert "fault=reset" in entries[1].line() and " --- GET " in entries[1].line()


async def test_health(app: Starlette, db_url: str) -> None:
    async with sdk(app) as client:
        await client.sandbox.vendors.create("A00055555")
        health = await client.sandbox.health()
    assert health.status == "ok"
    assert health.version == __version__
    assert health.vendors == sorted([VENDOR[0], OTHER[0], "A00055555"])
    assert health.clock is not None and health.clock.mode == "real"
    password = make_url(db_url).password
    assert health.store == (db_url if password is None else redacted_url(db_url))
    assert password is None or str(password) not in health.store
    assert "sk-" not in health.model_dump_json()  # no keys


def test_the_store_url_is_shown_without_its_password() -> None:
    shown = redacted_url("postgresql+psycopg://sandbox:hunter2@db.local:5432/coupang")
    assert "hunter2" not in shown and "sandbox:***@db.local" in shown
    assert redacted_url("sqlite:///:memory:") == "sqlite:///:memory:"


def test_filters_not_given_are_left_out_of_the_query() -> None:
    assert _log_path(since=None, status=None) == "/_sandbox/requests"
    assert _log_path("/count", status="4xx", vendor="A1") == (
        "/_sandbox/requests/count?status=4xx&vendor=A1"
    )


async def test_faults_of_the_injector_are_logged_with_their_kind(app: Starlette) -> None:
    async with sdk(app) as client:
        await client.sandbox.faults.add("error", status=503, times=1)
        await client.sandbox.faults.add("reset", times=1)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(
        transport=transport, base_url="http://127.0.0.1", auth=signer()
    ) as http:
        assert (await http.get(LIST_PATH, params=LIST_QUERY)).status_code == 503
        with pytest.raises(httpx.RemoteProtocolError):
            await http.get(LIST_PATH, params=LIST_QUERY)
        assert (await http.get(LIST_PATH, params=LIST_QUERY)).status_code == 200
    async with sdk(app) as client:
        entries = (await client.sandbox.requests.list()).requests
    assert [(e.status, e.fault) for e in entries] == [(503, "error"), (None, "reset"), (200, None)]
