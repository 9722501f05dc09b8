"""Settlement endpoints (정산 API).

* ``GET /v2/providers/openapi/apis/api/v1/revenue-history`` (``vendorId`` in the query, which
  must be the access key's vendor): ``{"code": 200, "message": "OK", "data": [...],
  "hasNext", "nextToken"}`` (``nextToken`` ``""`` on the last page). Also served on the paths
  it replaced, with the vendorId in the path: the English documents' ``v4 .../orders/
  salesDetails`` and season 1's ``greatwall_api .../settlement/goods/sales/inquiries/{vendorId}``.
* ``GET /v2/providers/marketplace_openapi/apis/api/v1/settlement-histories
  ?revenueRecognitionYearMonth=yyyy-MM``: a bare JSON array, as the marketplace_openapi
  provider answers (no envelope).
* Retired (410): ``v4 .../orders/settlementDetails``, ``v4 .../orders/{orderId}/
  settlementDetails``, ``v4 .../retroactiveFees`` and season 1's fee-corrections path.

Refusals answer HTTP 400 in Coupang's envelope naming the field and the rule.
"""

from __future__ import annotations

from starlette.responses import Response

from coupang_sandbox.backends.settlement import Settlement
from coupang_sandbox.responses import CoupangJSONResponse, raw
from coupang_sandbox.routes._base import Call, RouteSpec, retired

OPENAPI = "/v2/providers/openapi/apis/api"
V4 = f"{OPENAPI}/v4/vendors/{{vendorId}}"
GREATWALL = "/v2/providers/greatwall_api/apis/api/v1/settlement/goods"
QUERY = ("vendorId", "recognitionDateFrom", "recognitionDateTo", "token", "maxPerPage")
HINT_REVENUE = (
    "use GET /v2/providers/openapi/apis/api/v1/revenue-history (매출내역) and "
    "GET /v2/providers/marketplace_openapi/apis/api/v1/settlement-histories (지급내역)"
)


def _settlement(call: Call) -> Settlement:
    sandbox = call.sandbox
    return Settlement(sandbox.store, sandbox.clock, sandbox.settings)


def _revenue(call: Call, *, vendor_in_query: bool) -> Response:
    query = {name: call.query(name) for name in QUERY}
    body = _settlement(call).revenue_history(call.vendor_id, query, vendor_in_query=vendor_in_query)
    return CoupangJSONResponse(body)


def revenue_history(call: Call) -> Response:
    return _revenue(call, vendor_in_query=True)


def revenue_history_by_path(call: Call) -> Response:
    """The older paths carry the vendorId in the path (checked by the gateway)."""
    return _revenue(call, vendor_in_query=False)


def settlement_histories(call: Call) -> Response:
    rows = _settlement(call).settlement_histories(
        call.vendor_id, call.query("revenueRecognitionYearMonth")
    )
    return raw(rows)


ROUTES: list[RouteSpec] = [
    ("GET", f"{OPENAPI}/v1/revenue-history", revenue_history),
    ("GET", f"{V4}/orders/salesDetails", revenue_history_by_path),
    ("GET", f"{GREATWALL}/sales/inquiries/{{vendorId}}", revenue_history_by_path),
    (
        "GET",
        "/v2/providers/marketplace_openapi/apis/api/v1/settlement-histories",
        settlement_histories,
    ),
    (
        "GET",
        f"{V4}/orders/settlementDetails",
        retired("전체 주문 정산내역 조회 (orders/settlementDetails)", HINT_REVENUE),
    ),
    (
        "GET",
        f"{V4}/orders/{{orderId}}/settlementDetails",
        retired("특정 주문 정산내역 조회 (orders/{orderId}/settlementDetails)", HINT_REVENUE),
    ),
    ("GET", f"{V4}/retroactiveFees", retired("수수료 소급분 조회 (retroactiveFees)", HINT_REVENUE)),
    (
        "GET",
        f"{GREATWALL}/fee-corrections/inquiries/{{vendorId}}",
        retired("수수료 소급분 조회 (fee-corrections)", HINT_REVENUE),
    ),
]
