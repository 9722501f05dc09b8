"""Conformance: every product endpoint answers with the field names of its documented sample.

The samples were derived from the reference into ``samples/*.json`` by
``scripts/derive_product_samples.py``. For each endpoint the sandbox's answer must contain
every field name of the sample, recursively (objects by key, lists by their first element);
extra fields are allowed. Free-form maps (``extraProperties``) are not descended into.

The docs' create and update samples are doubly wrapped (``{"code": "200", "data": {"code":
"SUCCESS", "data": id}}``) while the spec says ``{"code": "SUCCESS", "data": id}``: the sandbox
serves the spec form, so the inner envelope of such a sample is what is compared. Retired
endpoints must answer HTTP 410 instead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from coupang_seller import Client
from tests._conformance import missing_fields as shared_missing_fields
from tests.products.conftest import SELLER_API, RawApi, Shop
from tests.products.factory import sample

PRODUCTS = f"{SELLER_API}/seller-products"
ITEMS = f"{SELLER_API}/vendor-items"
KST = timezone(timedelta(hours=9))
OPAQUE = frozenset({"extraProperties"})
RETIRED = ("best_price_guaranteed", "exposed_products")
NAMES = (
    "create",
    "get",
    "update",
    "request_approval",
    "delete",
    "list",
    "list_time_frame",
    "histories",
    "summary_by_external_sku",
    "inventory",
    "update_price",
    "update_quantity",
    "stop_sales",
    "resume_sales",
    "update_original_price",
    "inflow_status",
    "partial_get",
    "partial_update",
)


def missing_fields(expected: Any, actual: Any, path: str = "$") -> list[str]:
    return shared_missing_fields(expected, actual, path, opaque=OPAQUE)


def documented(name: str) -> Any:
    """The sample response; a doubly wrapped sample is compared by its inner envelope."""
    body = sample(name)["sample"]
    data = body.get("data")
    if isinstance(data, dict) and "code" in data and "data" in data:
        return data
    return body


def _kst(moment: datetime) -> str:
    return moment.astimezone(KST).strftime("%Y-%m-%dT%H:%M:%S")


@dataclass
class World:
    client: Client
    shop: Shop
    api: RawApi
    approved: int
    items: list[int]
    saved: int

    def body_of(self, product_id: int) -> dict[str, Any]:
        body = self.api.get(f"{PRODUCTS}/{product_id}").json()["data"]
        body["requested"] = False
        return dict(body)


def _world(client: Client, shop: Shop, api: RawApi) -> World:
    approved, items = shop.approved(sku="CONF-A")
    saved = shop.create(sku="CONF-S")
    return World(client, shop, api, approved, items, saved)


def _delete(w: World) -> Any:
    for item in w.items:
        w.client.products.stop_sales(item)
    return w.api.delete(f"{PRODUCTS}/{w.approved}")


CALLS: dict[str, Callable[[World], Any]] = {
    "create": lambda w: w.api.post(PRODUCTS, json=w.shop.body(sku="CONF-C")),
    "get": lambda w: w.api.get(f"{PRODUCTS}/{w.approved}"),
    "update": lambda w: w.api.put(PRODUCTS, json=w.body_of(w.saved)),
    "request_approval": lambda w: w.api.put(f"{PRODUCTS}/{w.saved}/approvals"),
    "delete": _delete,
    "list": lambda w: w.api.get(PRODUCTS, params={"vendorId": w.shop.vendor_id, "maxPerPage": 1}),
    "list_time_frame": lambda w: w.api.get(
        f"{PRODUCTS}/time-frame",
        params={
            "vendorId": w.shop.vendor_id,
            "createdAtFrom": _kst(datetime.now(UTC) - timedelta(minutes=5)),
            "createdAtTo": _kst(datetime.now(UTC) + timedelta(minutes=1)),
        },
    ),
    "histories": lambda w: w.api.get(f"{PRODUCTS}/{w.approved}/histories"),
    "summary_by_external_sku": lambda w: w.api.get(f"{PRODUCTS}/external-vendor-sku-codes/CONF-A"),
    "inventory": lambda w: w.api.get(f"{ITEMS}/{w.items[0]}/inventories"),
    "update_price": lambda w: w.api.put(f"{ITEMS}/{w.items[0]}/prices/12000"),
    "update_quantity": lambda w: w.api.put(f"{ITEMS}/{w.items[0]}/quantities/10"),
    "stop_sales": lambda w: w.api.put(f"{ITEMS}/{w.items[0]}/sales/stop"),
    "resume_sales": lambda w: w.api.put(f"{ITEMS}/{w.items[0]}/sales/resume"),
    "update_original_price": lambda w: w.api.put(f"{ITEMS}/{w.items[0]}/original-prices/20000"),
    "inflow_status": lambda w: w.api.get(f"{PRODUCTS}/inflow-status"),
    "partial_get": lambda w: w.api.get(f"{PRODUCTS}/{w.approved}/partial"),
    "partial_update": lambda w: w.api.put(
        f"{PRODUCTS}/{w.approved}/partial",
        json={"sellerProductId": w.approved, "returnCharge": 5000},
    ),
}


@pytest.mark.parametrize("name", NAMES)
def test_answer_has_the_documented_fields(
    name: str, client: Client, shop: Shop, api: RawApi
) -> None:
    world = _world(client, shop, api)
    response = CALLS[name](world)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["code"] == "SUCCESS"
    assert missing_fields(documented(name), body) == []


@pytest.mark.parametrize("name", RETIRED)
def test_retired_endpoints_are_gone(name: str, client: Client, api: RawApi) -> None:
    path = sample(name)["path"].format(
        vendorId=client.vendor_id, vendorItemId="3000000001", bestPriceGuaranteed3P="true"
    )
    response = api.request(sample(name)["method"], path, params={"productName": "x"})
    assert response.status_code == 410
    assert response.json()["code"] == 410


def test_every_sample_is_checked() -> None:
    from pathlib import Path

    files = {p.stem for p in (Path(__file__).parent / "samples").glob("*.json")}
    bodies = {"create_request", "update_request"}
    assert files - bodies == set(NAMES) | set(RETIRED)


def test_the_comparison_itself() -> None:
    assert missing_fields({"a": {"b": 1}, "c": [{"d": 1}]}, {"a": {"b": 2}, "c": [{"d": 3}]}) == []
    assert missing_fields({"a": {"b": 1}}, {"a": {}}) == ["$.a.b"]
    assert missing_fields({"c": [{"d": 1}]}, {"c": []}) == ["$.c[] (expected a non-empty list)"]
    assert missing_fields({"a": {"b": 1}}, {"a": 3}) == ["$.a (expected an object)"]
    assert missing_fields({"extraProperties": {"x": 1}}, {"extraProperties": {}}) == []
    wrapped = documented("create")
    assert wrapped["code"] == "SUCCESS" and isinstance(wrapped["data"], int)


def test_every_product_endpoint_of_the_sdk_is_served() -> None:
    import importlib.util
    from pathlib import Path

    script = Path(__file__).resolve().parents[2] / "scripts" / "gen_coverage.py"
    spec = importlib.util.spec_from_file_location("gen_coverage_products", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rows = [row for row in module.table() if row["sdk"].startswith("`products.")]
    assert len(rows) >= 24
    assert all(row["status"] in ("served", "retired (410)") for row in rows), rows
