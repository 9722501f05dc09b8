"""The document's success schemas describe what the sandbox really answers: valid calls to the
main lookups of every existing group (random calls rarely get past the validation), each body
checked against the document's 200 schema (JSON Schema 2020-12)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from tests.openapi.conftest import Seeded
from tests.products.conftest import VENDOR

V4 = "/v2/providers/openapi/apis/api/v4/vendors/{vendorId}"
V5 = "/v2/providers/openapi/apis/api/v5/vendors/{vendorId}"
V6 = "/v2/providers/openapi/apis/api/v6/vendors/{vendorId}"
SELLER = "/v2/providers/seller_api/apis/api/v1/marketplace"
WING = "/v2/providers/wing_api/apis/internal-api/v1"
DAY = "2025-07-15"
VID = VENDOR[0]
SHEETS = {"createdAtFrom": DAY, "createdAtTo": DAY, "status": "INSTRUCT", "maxPerPage": 10}
RETURNS = {"createdAtFrom": DAY, "createdAtTo": DAY, "status": "UC", "maxPerPage": 10}
MINUTES = {
    "searchType": "timeFrame",
    "createdAtFrom": f"{DAY}T00:00",
    "createdAtTo": f"{DAY}T23:59",
}
EXCHANGES = {"createdAtFrom": "2025-07-14T00:00:00", "createdAtTo": "2025-07-20T00:00:00"}

#: (template, query) of GET lookups that must answer 200 on the seeded sandbox
CALLS: list[tuple[str, dict[str, Any]]] = [
    (f"{V4}/ordersheets", SHEETS),
    (f"{V5}/ordersheets", SHEETS),
    (f"{V4}/ordersheets", {**MINUTES, "status": "INSTRUCT"}),
    (f"{V4}/ordersheets/{{shipmentBoxId}}", {}),
    (f"{V5}/ordersheets/{{shipmentBoxId}}/history", {}),
    (f"{V4}/{{orderId}}/ordersheets", {}),
    (f"{V5}/{{orderId}}/ordersheets", {}),
    (f"{V4}/returnRequests", RETURNS),
    (f"{V6}/returnRequests", RETURNS),
    (f"{V5}/returnRequests", {**MINUTES, "status": "UC"}),
    (f"{V6}/returnRequests/{{receiptId}}", {}),
    (f"{WING}/return", RETURNS),
    (f"{V4}/returnWithdrawRequests", {"dateFrom": DAY, "dateTo": DAY, "sizePerPage": 3}),
    (f"{V4}/exchangeRequests", EXCHANGES),
    (f"{WING}/exchange/inquiries", EXCHANGES),
    (f"{SELLER}/seller-products", {"vendorId": "{vendorId}", "maxPerPage": 5}),
    (f"{SELLER}/seller-products/{{sellerProductId}}", {}),
    (f"{SELLER}/seller-products/{{sellerProductId}}/partial", {}),
    (f"{SELLER}/seller-products/{{sellerProductId}}/histories", {}),
    (f"{SELLER}/seller-products/external-vendor-sku-codes/{{externalVendorSkuCode}}", {}),
    (f"{SELLER}/seller-products/inflow-status", {}),
    (f"{SELLER}/vendor-items/{{vendorItemId}}/inventories", {}),
    (f"{SELLER}/meta/display-categories", {}),
    (f"{SELLER}/meta/display-categories/{{displayCategoryCode}}", {}),
    (f"{SELLER}/meta/category-related-metas/display-category-codes/{{displayCategoryCode}}", {}),
    (f"{V5}/returnShippingCenters", {"pageNum": 1, "pageSize": 10}),
    (f"{V4}/outboundShippingCenters", {"searchType": "FULL", "pageNum": 1, "pageSize": 10}),
    (
        "/v2/providers/marketplace_openapi/apis/api/v2/vendor/shipping-place/outbound",
        {"pageNum": 1, "pageSize": 10},
    ),
    (
        "/v2/providers/openapi/apis/api/v3/return/shipping-places/center-code",
        {"returnCenterCodes": "{returnCenterCode}"},
    ),
]


def fill(template: str, ids: dict[str, list[str]]) -> str:
    for name, values in ids.items():
        if values:
            template = template.replace(f"{{{name}}}", values[-1])
    return template


def success_schema(document: dict[str, Any], path: str, method: str = "get") -> Any:
    operation = document["paths"][path][method]
    return operation["responses"]["200"]["content"]["application/json"]["schema"]


@pytest.mark.parametrize(("template", "query"), CALLS, ids=[c[0].split("/apis/")[1] for c in CALLS])
def test_lookup_answers_match_the_document(
    template: str, query: dict[str, Any], seeded_store: Seeded, document: dict[str, Any]
) -> None:
    params = {k: fill(str(v), seeded_store.ids) for k, v in query.items()}
    response = seeded_store.send("GET", fill(template, seeded_store.ids), params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body.get("data") not in (None, [], {}) or "content" in body, body
    errors = sorted(
        Draft202012Validator(success_schema(document, template)).iter_errors(body),
        key=lambda e: list(e.absolute_path),
    )
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]]


def test_a_wrong_type_would_be_caught(seeded_store: Seeded, document: dict[str, Any]) -> None:
    """The schemas are not permissive: a sheet whose ids turned into objects fails them."""
    template = f"{V4}/ordersheets/{{shipmentBoxId}}"
    body = seeded_store.send("GET", fill(template, seeded_store.ids)).json()
    body["data"]["orderId"] = {"not": "a number"}
    body["data"]["orderItems"] = "not a list"
    validator = Draft202012Validator(success_schema(document, template))
    paths = {tuple(e.absolute_path) for e in validator.iter_errors(body)}
    assert ("data", "orderId") in paths and ("data", "orderItems") in paths


def test_retired_operations_answer_410_as_documented(
    seeded_store: Seeded, document: dict[str, Any]
) -> None:
    error = Draft202012Validator(document["components"]["schemas"]["Error"])
    retired = [
        (method.upper(), path)
        for path, item in document["paths"].items()
        for method, operation in item.items()
        if operation.get("deprecated") and sorted(operation["responses"]) == ["400", "401", "410"]
    ]
    assert len(retired) >= 3
    for method, path in retired:
        url = re.sub(r"\{(?!vendorId\})[^}]+\}", "1", path).replace("{vendorId}", VID)
        response = seeded_store.send(method, url)
        assert response.status_code == 410, (method, path, response.text)
        assert not list(error.iter_errors(response.json())), response.text
