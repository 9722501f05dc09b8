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

This module is the template of the sandbox's layers (docs/ARCHITECTURE.md): it parses the
query into the backend's typed arguments (:class:`RevenueQuery`, :class:`HistoriesQuery`) with
the rule functions of :mod:`coupang_seller.preflight.settlement`, calls
:class:`~coupang_sandbox.backends.settlement.Settlement`, renders its rows with
:mod:`coupang_sandbox.views.settlement` and wraps them in the provider's envelope.
"""

from __future__ import annotations

import re

from starlette.responses import Response

from coupang_sandbox.backends.settlement import HistoriesQuery, Key, RevenueQuery, Settlement
from coupang_sandbox.errors import ValidationFailed
from coupang_sandbox.responses import CoupangJSONResponse, raw
from coupang_sandbox.routes._base import Call, RouteSpec, retired
from coupang_sandbox.views import settlement as views
from coupang_seller._constants import KST
from coupang_seller.preflight import Violation
from coupang_seller.preflight import settlement as rules

OPENAPI = "/v2/providers/openapi/apis/api"
V4 = f"{OPENAPI}/v4/vendors/{{vendorId}}"
GREATWALL = "/v2/providers/greatwall_api/apis/api/v1/settlement/goods"
HINT_REVENUE = (
    "use GET /v2/providers/openapi/apis/api/v1/revenue-history (매출내역) and "
    "GET /v2/providers/marketplace_openapi/apis/api/v1/settlement-histories (지급내역)"
)
_TOKEN_RE = re.compile(r"^(-?\d{1,19})_([0-2])_(\d{1,19})$")


def encode_token(key: Key) -> str:
    """The ``nextToken`` of a page that ends at ``key``."""
    return f"{key[0]}_{key[1]}_{key[2]}"


def decode_token(text: str | None) -> tuple[Key | None, list[Violation]]:
    """The cursor a ``token`` names (``None`` for an empty one: the first page)."""
    if text is None or not text.strip():
        return None, []
    match = _TOKEN_RE.match(text.strip())
    if match is None:
        return None, [
            Violation("token", "format", f"token {text!r} is not a nextToken this API gave")
        ]
    return (int(match[1]), int(match[2]), int(match[3])), []


def parse_revenue_query(call: Call, *, vendor_in_query: bool) -> RevenueQuery:
    """The revenue-history query as typed arguments, or :class:`ValidationFailed` naming every
    field and rule broken (``vendorId``, the recognition days and their window, ``maxPerPage``,
    ``token``, in that order)."""
    vendor = call.query("vendorId")
    found: list[Violation] = []
    if vendor_in_query or vendor is not None:
        found += rules.check_vendor(vendor)
    start, bad = rules.parse_day(call.query("recognitionDateFrom"), "recognitionDateFrom")
    found += bad
    end, bad = rules.parse_day(call.query("recognitionDateTo"), "recognitionDateTo")
    found += bad
    if start is not None and end is not None:
        found += rules.check_window(start, end)
    size_text = call.query("maxPerPage")
    found += rules.check_max_per_page(size_text)
    cursor, bad = decode_token(call.query("token"))
    found += bad
    if found or start is None or end is None:
        raise ValidationFailed(found)
    size = (
        int(size_text)
        if size_text is not None and size_text.strip()
        else rules.DEFAULT_MAX_PER_PAGE
    )
    return RevenueQuery(call.vendor_id, start, end, cursor, size)


def parse_histories_query(call: Call) -> HistoriesQuery:
    """``revenueRecognitionYearMonth`` as typed arguments: a ``yyyy-MM`` month not after the
    current one on the sandbox clock, or :class:`ValidationFailed`."""
    year_month, found = rules.parse_year_month(call.query("revenueRecognitionYearMonth"))
    if year_month is not None:
        today = call.sandbox.clock.now().astimezone(KST).date()
        found += rules.check_year_month(year_month, today)
    if found or year_month is None:
        raise ValidationFailed(found)
    return HistoriesQuery(call.vendor_id, *year_month)


def backend(call: Call) -> Settlement:
    """The settlement backend over the call's sandbox."""
    sandbox = call.sandbox
    return sandbox.backends.settlement


def _revenue(call: Call, *, vendor_in_query: bool) -> Response:
    page = backend(call).revenue_history(parse_revenue_query(call, vendor_in_query=vendor_in_query))
    next_key = page.next_key
    return CoupangJSONResponse(
        {
            "code": 200,
            "message": "OK",
            "data": views.revenue_lines(page.lines),
            "hasNext": next_key is not None,
            "nextToken": "" if next_key is None else encode_token(next_key),
        }
    )


def revenue_history(call: Call) -> Response:
    """``GET .../v1/revenue-history``: ``vendorId`` in the query."""
    return _revenue(call, vendor_in_query=True)


def revenue_history_by_path(call: Call) -> Response:
    """The older paths carry the vendorId in the path (checked by the gateway)."""
    return _revenue(call, vendor_in_query=False)


def settlement_histories(call: Call) -> Response:
    """``GET .../v1/settlement-histories``: a bare array (marketplace_openapi)."""
    rows = backend(call).settlement_histories(parse_histories_query(call))
    return raw(views.history_rows(rows))


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
