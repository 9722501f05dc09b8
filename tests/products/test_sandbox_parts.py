"""The sandbox's parts on their own: the approval state machine, the control API, the store
reset, the settings knob for automatic review, the loopback-only image loader, and how the SDK
reads create/update answers (both documented forms)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest

from coupang_sandbox import SandboxSettings, create_app
from coupang_sandbox.app import close_app
from coupang_sandbox.backends import products as backend
from coupang_sandbox.backends._image_fetch import fetch_images, is_loopback_host
from coupang_sandbox.errors import TransitionNotAllowed
from coupang_sandbox.state import products as st
from coupang_seller import BusinessRuleError, Client, UnexpectedResponseError, ValidationError
from tests.integration.asgi_sync import SyncASGITransport
from tests.products.conftest import VENDOR, RawApi, Shop, make_client, open_shop

# -- state machine ------------------------------------------------------------------------------


def test_transition_table() -> None:
    machine = st.seller_product
    assert machine.apply(st.SAVED, st.REQUEST_APPROVAL) == st.APPROVING
    assert machine.apply(st.APPROVING, st.REVIEW_APPROVED) == st.APPROVED
    assert machine.apply(st.APPROVING, st.REVIEW_PARTIAL) == st.PARTIAL_APPROVED
    assert machine.apply(st.APPROVING, st.REVIEW_DENIED) == st.DENIED
    for state in (st.SAVED, st.DENIED, st.APPROVED, st.PARTIAL_APPROVED):
        assert machine.apply(state, st.FULL_UPDATE) == st.SAVED
        assert machine.apply(state, st.PARTIAL_UPDATE) == state
        assert machine.apply(state, st.DELETE) == st.DELETED
    for state in (st.SAVING, st.APPROVING, st.DELETED):
        assert not machine.can(state, st.FULL_UPDATE)
        assert not machine.can(state, st.PARTIAL_UPDATE)
        assert not machine.can(state, st.DELETE)
    assert machine.events(st.DELETED) == frozenset()
    assert machine.events(st.SAVED) == {
        st.REQUEST_APPROVAL,
        st.FULL_UPDATE,
        st.PARTIAL_UPDATE,
        st.DELETE,
    }
    with pytest.raises(TransitionNotAllowed):
        machine.apply(st.APPROVED, st.REQUEST_APPROVAL)
    assert st.STATUS_NAMES[st.PARTIAL_APPROVED] == "부분승인완료"
    assert st.status_name("UNKNOWN") == "UNKNOWN"
    assert st.vendor_item_sale.apply(st.ON_SALE, st.STOP) is st.STOPPED
    assert st.vendor_item_sale.apply(st.STOPPED, st.RESUME) is st.ON_SALE


def test_state_refusal_messages() -> None:
    assert "임시저장" in backend.state_refusal(1, st.APPROVED, st.REQUEST_APPROVAL).message
    assert backend.state_refusal(1, st.SAVING, st.PARTIAL_UPDATE).message.startswith(
        "생성이 진행중인 상품은 수정할 수 없습니다."
    )
    generic = backend.state_refusal(1, st.APPROVING, "other").message
    assert generic.startswith("상품 상태를 변경할 수 없습니다.")
    assert "no state" in generic


# -- control API --------------------------------------------------------------------------------


def test_review_control_errors(client: Client, shop: Shop, api: RawApi) -> None:
    product_id = shop.create()
    path = f"/_sandbox/products/{product_id}/review"
    conflict = api.http.post(path, json={"result": "APPROVED"})
    assert conflict.status_code == 409
    assert "not waiting for a review" in conflict.json()["message"]
    assert (
        api.http.post("/_sandbox/products/1/review", json={"result": "APPROVED"}).status_code == 404
    )
    assert (
        api.http.post("/_sandbox/products/x/review", json={"result": "APPROVED"}).status_code == 404
    )

    client.products.request_approval(product_id)
    bad = api.http.post(path, json={"result": "MAYBE"})
    assert bad.status_code == 400
    assert {e["field"] for e in bad.json()["errors"]} == {"result"}
    missing = api.http.post(path, json={"reason": 3, "sellerProductItemIds": "1"})
    assert {e["field"] for e in missing.json()["errors"]} == {
        "result",
        "reason",
        "sellerProductItemIds",
    }
    unknown = api.http.post(path, json={"result": "PARTIAL_APPROVED", "sellerProductItemIds": [1]})
    assert {e["rule"] for e in unknown.json()["errors"]} == {"unknown_item"}
    empty = api.http.post(path, json={"result": "PARTIAL_APPROVED", "sellerProductItemIds": []})
    assert {e["rule"] for e in empty.json()["errors"]} == {"required"}
    done = api.http.post(path, json={"result": "approved", "reason": " fine "})
    assert done.status_code == 200
    data = done.json()["data"]
    assert data["status"] == "APPROVED" and data["vendorId"] == VENDOR[0]


def test_reset_wipes_products(client: Client, shop: Shop) -> None:
    product_id = shop.create()
    client.sandbox.reset()
    with pytest.raises(ValidationError):
        client.products.get(product_id)


def test_auto_review_can_be_turned_off(db_url: str, catalog_module: Any) -> None:
    app = create_app(
        SandboxSettings(
            rate_limit_per_second=None, db_url=db_url, vendors=[VENDOR], auto_review_seconds=None
        )
    )
    transport = SyncASGITransport(app)
    try:
        with make_client(VENDOR, transport) as client:
            shop = open_shop(client, catalog_module)
            product_id = shop.create(requested=True)
            client.sandbox.clock.advance(10 * 86400)
            assert client.products.get(product_id).statusName == "승인대기중"
            client.sandbox.products.review(product_id, result="DENIED")
            assert client.products.get(product_id).statusName == "승인반려"
    finally:
        transport.close()
        close_app(app)


# -- images -------------------------------------------------------------------------------------


class _ImageHandler(BaseHTTPRequestHandler):
    payload = b"\x89PNG\r\n\x1a\n" + b"0" * 100

    def do_GET(self) -> None:
        if self.path == "/missing.png":
            self.send_response(404)
            self.end_headers()
            return
        body = self.payload if self.path != "/huge.png" else b"0" * (4 * 1024 * 1024)
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def image_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _ImageHandler)
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_loopback_image_fetch(image_server: str) -> None:
    port = image_server.rsplit(":", 1)[1]
    paths = [
        f"{image_server}/a.png",
        f"{image_server}/huge.png",
        f"{image_server}/missing.png",
        f"http://localhost:{port}/a.png",
        # never fetched: other hosts, other schemes, plain paths, closed ports
        "http://image11.coupangcdn.com/a.jpg",
        "ftp://127.0.0.1/a.png",
        "a.png",
        "http://127.0.0.1:1/closed.png",
    ]
    body = {"items": [{"images": [{"vendorPath": p} for p in paths]}]}
    fetched = fetch_images(body, None)
    assert fetched.load(paths[0]) == _ImageHandler.payload
    assert fetched.load(paths[3]) == _ImageHandler.payload
    assert all(fetched.load(p) is None for p in paths[1:3] + paths[4:])
    assert [(v.field, v.rule) for v in fetched.violations] == [
        ("items[0].images[1].vendorPath", "image_too_large")
    ]
    assert is_loopback_host("::1") and is_loopback_host("127.8.0.1")
    assert not is_loopback_host(None) and not is_loopback_host("10.0.0.1")


def test_sandbox_checks_loopback_images(shop: Shop, api: RawApi, image_server: str) -> None:
    body = shop.body()
    body["items"][0]["images"][0]["vendorPath"] = f"{image_server}/a.png"
    response = api.post(
        "/v2/providers/seller_api/apis/api/v1/marketplace/seller-products", json=body
    )
    assert response.status_code == 400
    fields = {e["field"] for e in response.json()["errors"]}
    assert "items[0].images[0].vendorPath" in fields


# -- create/update answers ----------------------------------------------------------------------


def _answer(body: Any) -> Client:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=body)

    return Client(
        "ak",
        "sk",
        "A00000001",
        base_url="http://127.0.0.1",
        transport=httpx.MockTransport(handler),
        rate_limit=None,
        preflight=False,
    )


def test_create_answer_forms() -> None:
    spec = {"code": "SUCCESS", "message": "", "data": 427011919}
    sample = {
        "code": "200",
        "message": "",
        "data": {"code": "SUCCESS", "message": "", "data": 427011919},
    }
    with _answer(spec) as client:
        assert client.products.create({"sellerProductName": "x"}) == 427011919
    with _answer(sample) as client:
        assert client.products.create({"sellerProductName": "x"}) == 427011919
        assert client.products.update({"sellerProductId": 1}) == 427011919
    inner_error = {
        "code": "200",
        "message": "",
        "data": {"code": "ERROR", "message": "나쁨", "data": None},
    }
    with _answer(inner_error) as client, pytest.raises(BusinessRuleError, match="나쁨"):
        client.products.create({"sellerProductName": "x"})
    with (
        _answer({"code": "SUCCESS", "message": "", "data": None}) as client,
        pytest.raises(UnexpectedResponseError),
    ):
        client.products.create({"sellerProductName": "x"})


def test_concurrent_reads_settle_a_review_once(
    db_url: str, app: Any, client: Client, shop: Shop
) -> None:
    if db_url.startswith("sqlite"):
        pytest.skip("in-memory SQLite shares one connection; PostgreSQL shows the row locks")
    product_id = shop.create(requested=True)
    client.sandbox.clock.advance(601)
    sandbox = app.state.sandbox
    products = backend.Products(sandbox.store, sandbox.clock, sandbox.settings)
    barrier = threading.Barrier(6)
    errors: list[BaseException] = []

    def read() -> None:
        try:
            barrier.wait()
            products.get(VENDOR[0], product_id)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=read) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    history = [h.status_code for h in client.products.iter_histories(product_id)]
    assert history == ["APPROVED", "APPROVING", "SAVED"]
    items = client.products.get(product_id).items
    assert len({i.vendorItemId for i in items}) == len(items)
