"""Build the OpenAPI 3.1 document from the route table and the derived shapes."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

from starlette.routing import BaseRoute, Route

from coupang_sandbox.routes._base import _ARRAY_BODY, _OPTIONAL_BODY, is_retired

Schema = dict[str, Any]

OPENAPI_VERSION = "3.1.0"
JSON = "application/json"
CONTROL_TAG = "sandbox-control"
BODY_METHODS = ("POST", "PUT", "PATCH")
#: Methods that Coupang's gateway treats as the same operation on one path.
_METHOD_ALIASES = {"PATCH": ("PUT", "POST"), "PUT": ("PATCH", "POST"), "POST": ("PUT", "PATCH")}
_PARAM = re.compile(r"\{([^}:]+)(?::[^}]+)?\}")
_VERSION = re.compile(r"/v\d+/")
_PROVIDER = re.compile(r"^/v2/providers/([^/]+)/")
_SLUG = re.compile(r"[^A-Za-z0-9]+")

_NULLABLE_STRING: Schema = {"type": ["string", "null"]}
_CODE: Schema = {"type": ["integer", "string"], "description": '200 / "200" / SUCCESS / ...'}


# -- the derived shapes ------------------------------------------------------------------------


@lru_cache(maxsize=1)
def load_shapes() -> tuple[dict[str, Any], ...]:
    """The documented operations (``_data/shapes.json``, written by the derive script)."""
    text = (
        resources.files("coupang_sandbox.openapi")
        .joinpath("_data/shapes.json")
        .read_text(encoding="utf-8")
    )
    operations: list[dict[str, Any]] = json.loads(text)["operations"]
    return tuple(operations)


@lru_cache(maxsize=1)
def load_observed() -> dict[str, dict[str, dict[str, Any]]]:
    """What the sandbox was seen to answer (``_data/observed.json``, written by
    ``scripts/derive_openapi_observed.py``): per ``METHOD path``, per body location."""
    text = (
        resources.files("coupang_sandbox.openapi")
        .joinpath("_data/observed.json")
        .read_text(encoding="utf-8")
    )
    operations: dict[str, dict[str, dict[str, Any]]] = json.loads(text)["operations"]
    return operations


def _norm(path: str, *, versionless: bool = False) -> str:
    out = _PARAM.sub("{}", path.strip()).lower()
    return _VERSION.sub("/v{}/", out) if versionless else out


@lru_cache(maxsize=1)
def _shape_index() -> dict[tuple[str, str, bool], list[dict[str, Any]]]:
    index: dict[tuple[str, str, bool], list[dict[str, Any]]] = {}
    for op in load_shapes():
        for path in op["paths"]:
            for method in op["methods"]:
                for versionless in (False, True):
                    key = (method, _norm(path, versionless=versionless), versionless)
                    index.setdefault(key, []).append(op)
    return index


def find_shape(method: str, path: str) -> dict[str, Any] | None:
    """The documented shape of ``method path``: same path first, then the same operation on
    another version of it, then the gateway's method aliases (PATCH/PUT/POST)."""
    index = _shape_index()
    for versionless in (False, True):
        key_path = _norm(path, versionless=versionless)
        for candidate in (method, *_METHOD_ALIASES.get(method, ())):
            found = index.get((candidate, key_path, versionless))
            if found:
                # a document with a response shape wins; catalog documents before newer notes
                best = sorted(
                    found, key=lambda op: (op["response"] is None, op["source"] != "catalog")
                )[0]
                return _own_method(best, method)
    return None


def _own_method(shape: dict[str, Any], method: str) -> dict[str, Any]:
    """A newer entry that covers several methods (``GET|POST``) inherits the documents of all
    of them; each method takes its own document's parameters, body and response."""
    if len(shape["methods"]) < 2 or not shape.get("inherits"):
        return shape
    by_key = {op["key"]: op for op in load_shapes()}
    for key in shape["inherits"]:
        base = by_key.get(key)
        if base is not None and base["methods"][0] == method:
            return base
    return shape


# -- envelopes and errors ----------------------------------------------------------------------


def _error_schema() -> Schema:
    return {
        "type": "object",
        "description": "The sandbox's error envelope (Coupang's: code, message, data).",
        "required": ["code", "message"],
        "properties": {
            "code": _CODE,
            "message": {"type": "string"},
            "data": {},
            "errors": {
                "type": "array",
                "description": "Every broken rule: the field and the rule it breaks.",
                "items": {
                    "type": "object",
                    "required": ["field", "rule", "message"],
                    "properties": {
                        "field": {"type": "string"},
                        "rule": {"type": "string"},
                        "message": {"type": "string"},
                    },
                },
            },
            "existingCode": {"type": "string"},
        },
    }


def _gateway_error_schema() -> Schema:
    return {
        "type": "object",
        "description": "The API gateway's refusal of the CEA signature.",
        "required": ["code", "message"],
        "properties": {
            "code": {"type": "string", "enum": ["ERROR"]},
            "message": {"type": "string"},
            "transactionId": {"type": "string"},
        },
    }


def _components() -> dict[str, Any]:
    def error(description: str, ref: str = "Error", **extra: Any) -> dict[str, Any]:
        """A response object for an error answer with the envelope schema ``ref``."""
        return {
            "description": description,
            "content": {JSON: {"schema": {"$ref": f"#/components/schemas/{ref}"}}},
            **extra,
        }

    return {
        "schemas": {"Error": _error_schema(), "GatewayError": _gateway_error_schema()},
        "responses": {
            "BadRequest": error(
                "A bad parameter or body; broken rules are listed under `errors` (field and rule)."
            ),
            "Unauthorized": error(
                "The CEA signature is missing, invalid or expired.", "GatewayError"
            ),
            "NotFound": error("No such resource, or a vendorId that is not the key owner's."),
            "Conflict": error("The resource is in a state that forbids the change."),
            "Gone": error("Coupang has retired this API; the message names its replacement."),
            "PayloadTooLarge": error("The request body is larger than the gateway accepts."),
            "TooManyRequests": error(
                "The vendor exceeded its rate limit and is blocked for a while.",
                "GatewayError",
                headers={
                    "Retry-After": {
                        "description": "Seconds to wait before calling again.",
                        "schema": {"type": "string"},
                    }
                },
            ),
            "ServerError": error("An unexpected failure, still in the envelope."),
        },
        "securitySchemes": {
            "CEA": {
                "type": "apiKey",
                "in": "header",
                "name": "Authorization",
                "description": (
                    "`CEA algorithm=HmacSHA256, access-key={accessKey}, "
                    "signed-date={yyMMdd'T'HHmmss'Z'}, signature={hex}` where signature is "
                    "HMAC-SHA256(secretKey, signed-date + METHOD + path + raw query without "
                    "'?'). The body is not signed."
                ),
            },
            "SandboxAdmin": {
                "type": "http",
                "scheme": "bearer",
                "description": "The sandbox's admin token, when one is configured.",
            },
        },
    }


def _envelope(provider: str | None) -> Schema:
    """The success body of a provider, for an endpoint without a documented shape."""
    if provider == "fms":
        return {
            "type": "object",
            "properties": {
                "code": _CODE,
                "message": _NULLABLE_STRING,
                "httpStatus": {"type": ["integer", "null"]},
                "httpStatusMessage": _NULLABLE_STRING,
                "errorMessage": _NULLABLE_STRING,
                "data": {
                    "type": ["object", "null"],
                    "properties": {
                        "success": {"type": ["boolean", "null"]},
                        "content": {},
                        "pagination": {"type": ["object", "null"]},
                    },
                },
            },
        }
    if provider == "marketplace_openapi":
        # answers without an envelope on some paths: an object, or a list of objects
        return {
            "anyOf": [
                {"type": "object"},
                {"type": "array", "items": {"type": "object"}},
            ]
        }
    return {
        "type": "object",
        "required": ["code"],
        "properties": {"code": _CODE, "message": _NULLABLE_STRING, "data": {}},
    }


#: Documents whose ``data`` the docs show as one object where the sandbox (like today's API)
#: answers a list of them: an order has one sheet per shipment box.
_ONE_OR_LIST = frozenset({"lookup-order-by-orderid", "ordersheet_v5_by_orderId"})


def _success_schema(
    shape: dict[str, Any] | None, provider: str | None, seen: dict[str, dict[str, Any]]
) -> Schema:
    if shape is None or not shape.get("response"):
        schema = _envelope(provider)
    else:
        schema = _documented_success(shape)
    _apply_observed(schema, seen, "", "")
    _finish(schema, "")
    return schema


def _documented_success(shape: dict[str, Any]) -> Schema:
    schema: Schema = copy.deepcopy(shape["response"])
    props = schema.setdefault("properties", {})
    if "code" in props:
        props["code"] = dict(_CODE)
    if "message" in props:
        props["message"] = dict(_NULLABLE_STRING)
    data = props.get("data")
    if shape["key"] in _ONE_OR_LIST and isinstance(data, dict) and "properties" in data:
        props["data"] = {"anyOf": [data, {"type": "array", "items": data}]}
    return schema


#: Names of ids and counts: a ``number`` seen only as whole numbers becomes ``integer``.
_WHOLE = re.compile(r"(?:Id|Ids|Code|Count|count|Num|Size|Page|Quantity|quantity|Key)$")
_TYPE_ORDER = ["object", "array", "string", "integer", "number", "boolean", "null"]


def _types_of(schema: Schema) -> list[str]:
    value = schema.get("type")
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _set_type(schema: Schema, types: list[str]) -> None:
    unique = sorted(set(types), key=_TYPE_ORDER.index)
    if "number" in unique and "integer" in unique:
        unique.remove("integer")
    schema["type"] = unique[0] if len(unique) == 1 else unique


def _from_observed(seen: dict[str, dict[str, Any]], where: str) -> Schema:
    """The schema of an undocumented location, from what was seen there."""
    schema: Schema = {}
    _apply_observed(schema, seen, where, where.rsplit("/", 1)[-1])
    return schema


def _apply_observed(schema: Schema, seen: dict[str, dict[str, Any]], where: str, name: str) -> None:
    """Narrow and widen a documented schema with what the sandbox was seen to send: the types
    seen are allowed (``null`` included), ids and counts seen only whole become integers, the
    properties present every time are ``required``, undocumented properties are added."""
    for branch in schema.get("anyOf", []):
        if _types_of(branch) == ["array"]:
            _apply_observed(branch.setdefault("items", {}), seen, f"{where}/[]", name)
        else:
            _apply_observed(branch, seen, where, name)
    if "anyOf" in schema:
        return
    observed = seen.get(where)
    if observed is not None:
        kinds = list(observed["types"])
        _observe_types(schema, kinds, name)
        if "object" in kinds and "additionalProperties" not in schema:
            _observe_keys(schema, observed, seen, where)
    _apply_to_children(schema, seen, where, name)


def _observe_types(schema: Schema, kinds: list[str], name: str) -> None:
    """Allow the types seen (``kinds``) besides the documented ones; a ``number`` named like an
    id or count and seen only whole (or null) becomes ``integer``."""
    mine = _types_of(schema)
    if not mine and kinds == ["null"]:
        pass  # seen only as null, documented nowhere: no evidence of its type
    elif not mine:
        _set_type(schema, kinds)
    else:
        missing = [k for k in kinds if k not in mine and not (k == "integer" and "number" in mine)]
        if missing:
            _set_type(schema, mine + missing)
    mine = _types_of(schema)
    if "number" in mine and set(kinds) <= {"integer", "null"} and _WHOLE.search(name):
        _set_type(schema, ["integer" if t == "number" else t for t in mine])


def _observe_keys(
    schema: Schema, observed: dict[str, Any], seen: dict[str, dict[str, Any]], where: str
) -> None:
    """An object's undocumented keys seen there are added (from what was seen under them);
    ``required`` becomes the keys present every time."""
    props = schema.setdefault("properties", {})
    for key in observed.get("keys", []):
        if key not in props:
            props[key] = _from_observed(seen, f"{where}/{key.replace('/', '~1')}")
    always = set(observed.get("always", []))
    documented = [k for k in schema.get("required", []) if k in always]
    required = sorted(set(documented) | always)
    if required:
        schema["required"] = required
    elif "required" in schema:
        del schema["required"]


def _apply_to_children(
    schema: Schema, seen: dict[str, dict[str, Any]], where: str, name: str
) -> None:
    """:func:`_apply_observed` on every property and on the array items (an array seen with
    items but documented without gets an empty items schema first)."""
    for key, sub in (schema.get("properties") or {}).items():
        _apply_observed(sub, seen, f"{where}/{key.replace('/', '~1')}", key)
    if not schema.get("items") and f"{where}/[]" in seen and "array" in _types_of(schema):
        schema["items"] = {}
    if isinstance(schema.get("items"), dict):
        _apply_observed(schema["items"], seen, f"{where}/[]", name)


def _finish(schema: Schema, name: str) -> None:
    """Array items neither documented nor seen: ids and codes are integers or digit strings,
    anything else an object or a scalar. A property documented twice in two cases (the
    table's ``ReceiptMap``, the sample's ``receiptMap``) keeps the sample's camel case only:
    JSON is case-sensitive and generated clients cannot hold both."""
    for branch in schema.get("anyOf", []):
        _finish(branch, name)
    props = schema.get("properties") or {}
    lower = {k for k in props if k[:1].islower()}
    for key in [k for k in props if k[:1].isupper() and k[:1].lower() + k[1:] in lower]:
        del props[key]
        if key in schema.get("required", []):
            schema["required"].remove(key)
    for key, sub in props.items():
        _finish(sub, key)
    if "array" in _types_of(schema):
        items = schema.get("items")
        if not items:
            if re.search(r"(?:Ids|Codes|Numbers)$", name):
                schema["items"] = {"type": ["integer", "string"]}
            else:
                schema["items"] = {"type": ["object", "string", "integer"]}
        else:
            _finish(items, name)
    elif isinstance(schema.get("items"), dict):
        _finish(schema["items"], name)


def _error_responses(method: str) -> dict[str, Any]:
    out = {
        "400": {"$ref": "#/components/responses/BadRequest"},
        "401": {"$ref": "#/components/responses/Unauthorized"},
        "404": {"$ref": "#/components/responses/NotFound"},
        "409": {"$ref": "#/components/responses/Conflict"},
        "429": {"$ref": "#/components/responses/TooManyRequests"},
        "500": {"$ref": "#/components/responses/ServerError"},
    }
    if method in BODY_METHODS:
        out["413"] = {"$ref": "#/components/responses/PayloadTooLarge"}
    return dict(sorted(out.items()))


# -- operations --------------------------------------------------------------------------------


def _parameters(path: str, shape: dict[str, Any] | None) -> list[dict[str, Any]]:
    documented = {p["name"]: p for p in (shape or {}).get("path_params", [])}
    params: list[dict[str, Any]] = []
    for name in _PARAM.findall(path):
        schema = documented.get(name, {}).get("schema") or {"type": "string"}
        if name == "vendorId" or schema.get("type") not in ("string", "integer", "number"):
            schema = {"type": "string"}
        params.append(
            {"name": name, "in": "path", "required": True, "schema": _param_schema(name, schema)}
        )
    if shape is None:
        return params
    seen = {p["name"] for p in params if p["in"] == "query"}
    for query in shape.get("query_params", []):
        if query["name"] in seen:
            continue
        seen.add(query["name"])
        params.append(
            {
                "name": query["name"],
                "in": "query",
                "required": bool(query["required"]),
                "schema": _param_schema(query["name"], copy.deepcopy(query["schema"])),
            }
        )
    fixed = shape.get("fixed_query")
    if fixed and "=" in fixed:
        name, _, value = fixed.partition("=")
        params = [p for p in params if not (p["in"] == "query" and p["name"] == name)]
        params.append(
            {
                "name": name,
                "in": "query",
                "required": True,
                "schema": {"type": "string", "enum": [value]},
            }
        )
    return params


#: Parameters the sandbox reads with the bounded id rule (``parse_id``: a positive integer of
#: at most 18 digits, sent as digits).
_ID_PARAMS = frozenset(
    {
        "orderId", "shipmentBoxId", "receiptId", "exchangeId", "sellerProductId", "vendorItemId",
        "inquiryId", "couponId", "requestedId", "itemId", "displayCategoryCode", "categoryId",
    }
)  # fmt: skip
#: Page numbers and sizes (``as_page``: a whole number from 1).
_PAGE_PARAMS = frozenset(
    {"maxPerPage", "pageNum", "pageSize", "page", "size", "sizePerPage", "pageIndex"}
)
ID_MAXIMUM = 999_999_999_999_999_999


def _param_schema(name: str, schema: Schema) -> Schema:
    """Integers for ids and page sizes (a generated client must send ``10``, never ``10.0``);
    an opaque ``nextToken`` is a string."""
    kinds = _types_of(schema)
    if "enum" in schema or not kinds or not set(kinds) <= {"string", "integer", "number"}:
        return schema
    if name in _ID_PARAMS:
        return {"type": "integer", "minimum": 1, "maximum": ID_MAXIMUM}
    if name in _PAGE_PARAMS:
        return {"type": "integer", "minimum": 1}
    if name == "nextToken":
        return {"type": "string"}
    if "number" in kinds:
        return {**schema, "type": "integer"}
    return schema


def _request_body(handler: Any, shape: dict[str, Any] | None) -> dict[str, Any]:
    optional = bool(getattr(handler, _OPTIONAL_BODY, False))
    schema: Schema = {"type": "object"}
    example = None
    if shape is not None and shape.get("body"):
        schema = copy.deepcopy(shape["body"])
        example = shape.get("body_example")
    if getattr(handler, _ARRAY_BODY, False):
        schema = {"anyOf": [schema, {"type": "array", "minItems": 1, "items": schema}]}
    media: dict[str, Any] = {"schema": schema}
    if example is not None:
        media["example"] = example
    return {"required": not optional, "content": {JSON: media}}


def _operation_id(method: str, path: str, taken: set[str]) -> str:
    tail = path.removeprefix("/v2/providers/")
    base = f"{method.lower()}_{_SLUG.sub('_', tail).strip('_')}"
    name, n = base, 2
    while name in taken:
        name, n = f"{base}_{n}", n + 1
    taken.add(name)
    return name


def _signed_operation(method: str, path: str, handler: Any, taken: set[str]) -> dict[str, Any]:
    provider_match = _PROVIDER.match(path)
    provider = provider_match.group(1) if provider_match else None
    shape = find_shape(method, path)
    op: dict[str, Any] = {
        "operationId": _operation_id(method, path, taken),
        "summary": (shape or {}).get("name") or f"{method} {path}",
        "tags": [(shape or {}).get("group") or provider or "coupang"],
        "parameters": _parameters(path, shape),
    }
    if shape is not None:
        op["x-coupang-doc"] = shape["key"]
    if is_retired(handler):
        op["deprecated"] = True
        op["parameters"] = [p for p in op["parameters"] if p["in"] == "path"]
        op["responses"] = {
            # A path that cannot be normalised (coupang_sandbox.paths) is refused before routing.
            "400": {"$ref": "#/components/responses/BadRequest"},
            "401": {"$ref": "#/components/responses/Unauthorized"},
            "410": {"$ref": "#/components/responses/Gone"},
        }
        return op
    if shape is not None and shape.get("deprecated"):
        op["deprecated"] = True
    if method in BODY_METHODS:
        op["requestBody"] = _request_body(handler, shape)
    op["responses"] = {
        "200": {
            "description": "Coupang's success envelope (business failures may also answer 200).",
            "content": {
                JSON: {
                    "schema": _success_schema(
                        shape, provider, load_observed().get(f"{method} {path}", {})
                    )
                }
            },
        },
        **_error_responses(method),
    }
    return op


def _control_operation(method: str, path: str, taken: set[str]) -> dict[str, Any]:
    params = [
        {"name": n, "in": "path", "required": True, "schema": {"type": "string"}}
        for n in _PARAM.findall(path)
    ]
    op: dict[str, Any] = {
        "operationId": _operation_id(method, path, taken),
        "summary": f"Sandbox control: {method} {path}",
        "tags": [CONTROL_TAG],
        "security": [{}, {"SandboxAdmin": []}],
        "parameters": params,
        "responses": {
            "200": {"description": "Done.", "content": {JSON: {"schema": {}}}},
            "400": {"$ref": "#/components/responses/BadRequest"},
            "401": {"description": "The admin token is missing or wrong."},
            "403": {
                "description": "Refused by the exposure rules: a non-loopback peer without an "
                "admin token, a foreign Origin or a Host that is not loopback or allowed."
            },
            "404": {"$ref": "#/components/responses/NotFound"},
        },
    }
    if method in BODY_METHODS:
        op["responses"]["415"] = {"description": "The body is not sent as application/json."}
        op["requestBody"] = {"required": False, "content": {JSON: {"schema": {"type": "object"}}}}
    return op


def _routes(app_or_routes: Any) -> Sequence[BaseRoute]:
    if app_or_routes is None:
        from coupang_sandbox.routes import all_routes

        return all_routes()
    routes = getattr(app_or_routes, "routes", app_or_routes)
    return list(routes)


def _openapi_path(path: str) -> str:
    """``{name:converter}`` -> ``{name}`` (OpenAPI has no converters)."""
    return _PARAM.sub(lambda m: "{" + m.group(1) + "}", path)


def build_document(app_or_routes: Any = None, *, include_control: bool = False) -> dict[str, Any]:
    """The OpenAPI 3.1 document of the sandbox's seller API.

    ``app_or_routes`` is a Starlette app, a list of routes, or ``None`` for the sandbox's own
    route table. ``include_control`` adds the ``/_sandbox/...`` simulation routes under the
    ``sandbox-control`` tag.
    """
    from coupang_sandbox.server import DEFAULT_HOST, DEFAULT_PORT
    from coupang_seller._version import __version__

    paths: dict[str, dict[str, Any]] = {}
    taken: set[str] = set()
    for route in _routes(app_or_routes):
        if not isinstance(route, Route):
            continue
        path = _openapi_path(route.path)
        handlers: dict[str, Any] | None = getattr(route, "handlers", None)
        if handlers is not None:
            for method, handler in sorted(handlers.items()):
                item = paths.setdefault(path, {})
                item[method.lower()] = _signed_operation(method, path, handler, taken)
        # the dashboard's HTML pages (/_sandbox/ui) are not part of the control API
        elif (
            include_control and path.startswith("/_sandbox") and not path.startswith("/_sandbox/ui")
        ):
            for method in sorted(m for m in (route.methods or ()) if m != "HEAD"):
                item = paths.setdefault(path, {})
                item[method.lower()] = _control_operation(method, path, taken)
    _add_links(paths)
    return {
        "openapi": OPENAPI_VERSION,
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "info": {
            "title": "Coupang seller Open API (WING) — as served by coupang-sandbox",
            "version": __version__,
            "description": (
                "Generated from the sandbox's route table and the documented shapes. Success "
                "bodies keep Coupang's envelopes per provider; every error answers in the "
                "envelope with HTTP 400/401/404/409/410/413/429/500."
            ),
        },
        "servers": [
            {"url": "https://api-gateway.coupang.com", "description": "Coupang"},
            {"url": f"http://{DEFAULT_HOST}:{DEFAULT_PORT}", "description": "a local sandbox"},
        ],
        "security": [{"CEA": []}],
        "tags": _tags(paths, include_control),
        "paths": dict(sorted(paths.items())),
        "components": _components(),
    }


_SELLER = "/v2/providers/seller_api/apis/api/v1/marketplace"
_OPENAPI_V = "/v2/providers/openapi/apis/api/v{n}/vendors/{{vendorId}}"
_FMS = "/v2/providers/fms/apis/api"
_VENDOR_PATH = {"path.vendorId": "$request.path.vendorId"}

#: ``(source method, source path, link name, target method, target path, parameters)``: a
#: create and the lookups of what it made, a list and the lookups of its rows.
LINKS: tuple[tuple[str, str, str, str, str, dict[str, str]], ...] = (
    *(
        ("post", f"{_SELLER}/seller-products", name, "get", target,
         {"path.sellerProductId": "$response.body#/data"})
        for name, target in (
            ("GetProduct", f"{_SELLER}/seller-products/{{sellerProductId}}"),
            ("GetProductPartial", f"{_SELLER}/seller-products/{{sellerProductId}}/partial"),
            ("GetProductHistory", f"{_SELLER}/seller-products/{{sellerProductId}}/histories"),
        )
    ),
    *(
        ("post", f"{_OPENAPI_V.format(n=n)}/outboundShippingCenters", "GetOutboundPlace", "get",
         f"{_OPENAPI_V.format(n=n)}/outboundShippingCenters",
         {**_VENDOR_PATH, "query.searchType": "OSPC",
          "query.outboundShippingPlaceCodes": "$response.body#/data/resultMessage"})
        for n in (4, 5)
    ),
    *(
        ("post", f"{_OPENAPI_V.format(n=n)}/returnShippingCenters", "GetReturnCenter", "get",
         "/v2/providers/openapi/apis/api/v3/return/shipping-places/center-code",
         {"query.returnCenterCodes": "$response.body#/data/resultMessage"})
        for n in (4, 5)
    ),
    *(
        ("post", f"{_FMS}/v{n}/vendors/{{vendorId}}/coupon{s}", "GetRequestStatus", "get",
         f"{_FMS}/v1/vendors/{{vendorId}}/requested/{{requestedId}}",
         {**_VENDOR_PATH, "path.requestedId": "$response.body#/data/content/requestedId"})
        for n, s in ((2, ""), (1, "s"))
    ),
    *(
        ("get", f"{_OPENAPI_V.format(n=n)}/ordersheets", name, "get", target, {**_VENDOR_PATH, **p})
        for n in (4, 5)
        for name, target, p in (
            ("GetSheet", f"{_OPENAPI_V.format(n=n)}/ordersheets/{{shipmentBoxId}}",
             {"path.shipmentBoxId": "$response.body#/data/0/shipmentBoxId"}),
            ("GetSheetsOfOrder", f"{_OPENAPI_V.format(n=n)}/{{orderId}}/ordersheets",
             {"path.orderId": "$response.body#/data/0/orderId"}),
        )
    ),
    ("get", f"{_OPENAPI_V.format(n=6)}/returnRequests", "GetReturn", "get",
     f"{_OPENAPI_V.format(n=6)}/returnRequests/{{receiptId}}",
     {**_VENDOR_PATH, "path.receiptId": "$response.body#/data/0/receiptId"}),
)  # fmt: skip


def _add_links(paths: dict[str, dict[str, Any]]) -> None:
    """OpenAPI links from creates and lists to the lookups of their ids (stateful testing and
    generated clients follow them); a link whose ends are not both served is left out."""
    for method, path, name, target_method, target, parameters in LINKS:
        source = paths.get(path, {}).get(method)
        goal = paths.get(target, {}).get(target_method)
        if source is None or goal is None or "200" not in source["responses"]:
            continue
        if "200" not in goal["responses"]:
            continue
        links = source["responses"]["200"].setdefault("links", {})
        links[name] = {"operationId": goal["operationId"], "parameters": dict(parameters)}


def _tags(paths: dict[str, dict[str, Any]], include_control: bool) -> list[dict[str, str]]:
    names: set[str] = set()
    for item in paths.values():
        for op in item.values():
            names.update(op.get("tags", []))
    tags = [{"name": n} for n in sorted(names - {CONTROL_TAG})]
    if include_control and CONTROL_TAG in names:
        tags.append(
            {"name": CONTROL_TAG, "description": "Simulation controls; not part of Coupang's API."}
        )
    return tags
