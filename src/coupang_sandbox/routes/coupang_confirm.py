"""Retired: the coupang-confirm requests (쿠팡확인요청) on the ``wing_api`` internal gateway.

Coupang's current API index has none of these: the seller raises a coupang-confirm request
(a dispute on a return or an exchange, with evidence files) in the WING seller center. Every
documented path answers HTTP 410 naming the API; the literal routes come first (the upload
token path keeps its documented lower-case ``{vendorid}``), then a catch-all under
``.../v2/vendors/{vendorId}/coupang-confirmations/`` for any other path and method.
"""

from __future__ import annotations

from coupang_sandbox.routes._base import RouteSpec, retired

WING = "/v2/providers/wing_api/apis/internal-api"
CONFIRMATIONS = f"{WING}/v2/vendors/{{vendorId}}/coupang-confirmations"
EXCHANGE = f"{WING}/v1/exchange/{{exchangeId}}"

HINT = (
    "Coupang-confirm requests (쿠팡확인요청) are no longer offered through the Open API: raise "
    "them in the WING seller center (반품/교환 관리)."
)


def _routes() -> list[RouteSpec]:
    def gone(method: str, path: str, name: str) -> RouteSpec:
        """A route that answers 410 for the retired Coupang-confirm endpoint ``name``."""
        return (method, path, retired(f"쿠팡확인요청 {name}", HINT))

    literal = [
        gone("GET", f"{WING}/v2/vendors/{{vendorid}}/coupang-confirmations/token",
             "upload token (getCoupangConfirmUploadToken)"),
        gone("POST", f"{CONFIRMATIONS}/shipping-fee", "shipping fee request"),
        gone("POST", f"{CONFIRMATIONS}/vendor-item-with-shipping-fee",
             "vendor item with shipping fee request"),
        gone("POST", f"{CONFIRMATIONS}/vendor-item", "vendor item request"),
        gone("PUT", f"{CONFIRMATIONS}/withdraw", "withdrawal"),
        gone("GET", f"{CONFIRMATIONS}/{{requestId}}", "request lookup"),
        gone("POST", f"{EXCHANGE}/coupang-confirm-request-creations",
             "exchange request creation (season 1)"),
        gone("DELETE", f"{EXCHANGE}/coupang-confirm-requests",
             "exchange request cancellation (season 1)"),
    ]  # fmt: skip
    catch_all = [
        gone(method, f"{CONFIRMATIONS}/{{rest:path}}", "API")
        for method in ("GET", "POST", "PUT", "DELETE")
    ]
    return literal + catch_all


#: ``(method, path template, handler)``: every coupang-confirm path, answering 410.
ROUTES: list[RouteSpec] = _routes()
