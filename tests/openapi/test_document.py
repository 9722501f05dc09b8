"""The generated document: every served route is in it (retired ones as deprecated 410s), it
validates as OpenAPI 3.1, it keeps Coupang's paths and parameter names, and it is built from
the committed shapes only."""

from __future__ import annotations

import importlib.util
import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from openapi_spec_validator import OpenAPIV31SpecValidator, validate
from starlette.routing import Mount, Route

from coupang_sandbox import SandboxSettings, create_app
from coupang_sandbox.app import close_app
from coupang_sandbox.openapi import build_document, load_shapes
from coupang_sandbox.openapi._build import find_shape
from coupang_sandbox.routes import all_routes, signed_routes
from coupang_sandbox.routes._base import Call, is_retired, retired

_CONVERTER = re.compile(r"\{([^}:]+):[^}]+\}")


def served() -> list[tuple[str, str, Any]]:
    out = []
    for route in all_routes():
        handlers = getattr(route, "handlers", None)
        if handlers is None:
            continue
        assert isinstance(route, Route)
        path = _CONVERTER.sub(r"{\1}", route.path)
        out += [(method, path, handler) for method, handler in handlers.items()]
    return out


def test_every_served_endpoint_is_in_the_document(document: dict[str, Any]) -> None:
    routes = served()
    assert len(routes) > 100
    for method, path, handler in routes:
        operation = document["paths"].get(path, {}).get(method.lower())
        assert operation is not None, f"{method} {path} is served but not documented"
        if is_retired(handler):
            assert operation["deprecated"] is True, (method, path)
            assert set(operation["responses"]) == {"400", "401", "410"}, (method, path)
        else:
            assert "200" in operation["responses"], (method, path)
            assert {"400", "401", "404", "429", "500"} <= set(operation["responses"])
    documented = {(m.upper(), p) for p, item in document["paths"].items() for m in item}
    assert documented == {(m, p) for m, p, _ in routes}, "the document lists unserved routes"


def test_the_document_is_valid_openapi_3_1(document: dict[str, Any]) -> None:
    assert document["openapi"] == "3.1.0"
    validate(document, cls=OpenAPIV31SpecValidator)
    with_control = build_document(include_control=True)
    validate(with_control, cls=OpenAPIV31SpecValidator)
    json.dumps(document)  # plain JSON, nothing else


def test_control_routes_only_on_request(document: dict[str, Any]) -> None:
    assert not [p for p in document["paths"] if p.startswith("/_sandbox")]
    with_control = build_document(include_control=True)
    control = {p: item for p, item in with_control["paths"].items() if p.startswith("/_sandbox")}
    assert "/_sandbox/reset" in control and "post" in control["/_sandbox/reset"]
    for item in control.values():
        for op in item.values():
            assert op["tags"] == ["sandbox-control"]
    assert "sandbox-control" in {t["name"] for t in with_control["tags"]}
    assert "sandbox-control" not in {t["name"] for t in document["tags"]}


def test_real_paths_parameters_and_security(document: dict[str, Any]) -> None:
    sheets = document["paths"]["/v2/providers/openapi/apis/api/v4/vendors/{vendorId}/ordersheets"]
    get = sheets["get"]
    params = {p["name"]: p for p in get["parameters"]}
    assert params["vendorId"]["in"] == "path" and params["vendorId"]["required"] is True
    assert {"createdAtFrom", "createdAtTo", "status", "maxPerPage", "nextToken"} <= set(params)
    # both documented forms (per day, per minute) require the window and the status
    assert params["status"]["required"] is True and params["createdAtFrom"]["required"] is True
    assert params["searchType"]["required"] is False and params["maxPerPage"]["required"] is False
    assert "INSTRUCT" in params["status"]["schema"]["enum"]
    ok = get["responses"]["200"]["content"]["application/json"]["schema"]
    assert {"code", "message", "data", "nextToken"} <= set(ok["properties"])
    row = ok["properties"]["data"]["items"]["properties"]
    assert {"shipmentBoxId", "orderId", "orderItems", "receiver", "orderer"} <= set(row)
    assert document["security"] == [{"CEA": []}]
    cea = document["components"]["securitySchemes"]["CEA"]
    assert cea["type"] == "apiKey" and cea["in"] == "header" and cea["name"] == "Authorization"


def test_bodies_and_error_envelopes(document: dict[str, Any]) -> None:
    create = document["paths"]["/v2/providers/seller_api/apis/api/v1/marketplace/seller-products"][
        "post"
    ]
    body = create["requestBody"]
    assert body["required"] is True
    schema = body["content"]["application/json"]["schema"]
    assert {"displayCategoryCode", "sellerProductName", "vendorId", "items"} <= set(
        schema["properties"]
    )
    assert "sellerProductName" in schema["required"]
    item = schema["properties"]["items"]["items"]["properties"]
    assert set(item["offerCondition"]["enum"]) >= {"NEW", "USED_BEST"}
    assert "example" in body["content"]["application/json"]
    # a path-only mutation takes no body
    stop = document["paths"][
        "/v2/providers/seller_api/apis/api/v1/marketplace/vendor-items/{vendorItemId}/sales/stop"
    ]["put"]
    assert stop["requestBody"]["required"] is False
    error = document["components"]["schemas"]["Error"]
    assert error["required"] == ["code", "message"]
    assert error["properties"]["errors"]["items"]["required"] == ["field", "rule", "message"]
    too_many = document["components"]["responses"]["TooManyRequests"]
    assert "Retry-After" in too_many["headers"]
    assert "413" in create["responses"]
    assert (
        "413"
        not in document["paths"][
            "/v2/providers/openapi/apis/api/v4/vendors/{vendorId}/ordersheets"
        ]["get"]["responses"]
    )


def test_envelopes_per_provider(document: dict[str, Any]) -> None:
    def ok(path: str, method: str = "get") -> dict[str, Any]:
        schema: dict[str, Any] = document["paths"][path][method]["responses"]["200"]["content"][
            "application/json"
        ]["schema"]
        return schema

    product = ok(
        "/v2/providers/seller_api/apis/api/v1/marketplace/seller-products/{sellerProductId}"
    )
    assert product["properties"]["code"]["type"] == ["integer", "string"]
    # an order may have several boxes: one sheet or a list of them
    by_order = ok("/v2/providers/openapi/apis/api/v5/vendors/{vendorId}/{orderId}/ordersheets")
    assert "anyOf" in by_order["properties"]["data"]


def test_a_route_without_a_documented_shape_still_gets_params_envelope_and_errors() -> None:
    def handler(call: Call) -> Any:
        raise AssertionError("never called")

    gone = retired("The test API", "Use another one.")
    routes = signed_routes(
        [
            ("POST", "/v2/providers/fms/apis/api/v9/vendors/{vendorId}/made-up/{thingId}", handler),
            ("GET", "/v2/providers/nowhere/apis/things/{rest:path}", handler),
            ("DELETE", "/v2/providers/nowhere/apis/old/{thingId}", gone),
        ]
    )
    document = build_document(routes)
    validate(document, cls=OpenAPIV31SpecValidator)
    made_up = document["paths"][
        "/v2/providers/fms/apis/api/v9/vendors/{vendorId}/made-up/{thingId}"
    ]
    post = made_up["post"]
    assert [p["name"] for p in post["parameters"]] == ["vendorId", "thingId"]
    assert post["requestBody"]["required"] is True
    fms = post["responses"]["200"]["content"]["application/json"]["schema"]
    assert {"httpStatus", "httpStatusMessage", "errorMessage", "data"} <= set(fms["properties"])
    assert "400" in post["responses"] and "413" in post["responses"]
    rest = document["paths"]["/v2/providers/nowhere/apis/things/{rest}"]["get"]
    assert rest["parameters"][0]["name"] == "rest"
    old = document["paths"]["/v2/providers/nowhere/apis/old/{thingId}"]["delete"]
    assert old["deprecated"] is True and list(old["responses"]) == ["400", "401", "410"]


def test_shapes_cover_every_documented_endpoint() -> None:
    shapes = load_shapes()
    keys = {s["key"] for s in shapes}
    assert len(shapes) >= 130
    # catalog documents and post-2019 endpoints alike
    assert {"lookup-order-book", "create-coupon", "lookup-sales-history"} <= keys
    assert {"rocket_growth_orders", "settlement_histories", "download_coupon_create"} <= keys
    for shape in shapes:
        assert shape["paths"] and shape["methods"], shape["key"]
    # a version-bumped endpoint inherits its older document's shape
    v6 = find_shape("GET", "/v2/providers/openapi/apis/api/v6/vendors/{vendorId}/returnRequests")
    assert v6 is not None and v6["response"] is not None
    assert find_shape("GET", "/v2/providers/none/apis/nothing") is None


REFERENCE = Path("/work/shared/reference")


@pytest.mark.skipif(not REFERENCE.is_dir(), reason="the reference folder is not in a user's clone")
def test_committed_shapes_are_what_the_derive_script_writes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = importlib.util.spec_from_file_location(
        "derive_openapi_shapes", Path(__file__).parents[2] / "scripts" / "derive_openapi_shapes.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    target = tmp_path / "shapes.json"
    module.main(REFERENCE, target)
    committed = resources.files("coupang_sandbox.openapi").joinpath("_data/shapes.json")
    assert target.read_text(encoding="utf-8") == committed.read_text(encoding="utf-8")


def test_built_from_an_app_or_a_route_list_alike(document: dict[str, Any]) -> None:
    app = create_app(SandboxSettings(db_url="sqlite:///:memory:"))
    try:
        assert build_document(app) == document
    finally:
        close_app(app)
    routes = [Mount("/static", routes=[]), *all_routes()]
    assert build_document(routes)["paths"] == document["paths"]
