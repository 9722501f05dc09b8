"""Exchange endpoints (교환 API) on the openapi provider, and the season-1 ``wing_api`` paths.

Envelope ``{"code": 200, "message": "OK", "data": [...], "nextToken": ""}`` for the list (the
token next to ``data``, ``""`` on the last page); the actions answer
``{"code": "200", "message": "SUCCESS", ...}`` as their samples do. Refusals answer HTTP 400
in the same envelope (``errors`` lists broken rules).

Paths served: the v4 paths (receipt confirmation and rejection take PATCH, as documented, and
PUT, what clients send) and the season-1 ``wing_api`` paths they replaced (list
``exchange/inquiries``, ``exchange/receive-confirmations`` with the exchangeId in the body,
``exchange/{exchangeId}/rejections`` and ``exchange/{exchangeId}/invoices``, all POST but the
list). The exchange invoice body is one object (the documented body parameters).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from starlette.responses import Response

from coupang_sandbox.backends._ids import body_id_mismatch, parse_id
from coupang_sandbox.backends.exchanges import ExchangeInvoice, ExchangeManualInvoice, Exchanges
from coupang_sandbox.errors import ValidationFailed
from coupang_sandbox.kst import parse_minute
from coupang_sandbox.responses import CoupangJSONResponse
from coupang_sandbox.routes._base import ARRAY_KEY, Call, RouteSpec, array_body, optional_body
from coupang_sandbox.views import exchanges as views
from coupang_seller.preflight import Violation
from coupang_seller.preflight import exchanges as rules
from coupang_seller.preflight import returns as return_rules
from coupang_seller.preflight._core import as_page

OPENAPI = "/v2/providers/openapi/apis/api"
WING = "/v2/providers/wing_api/apis/internal-api/v1/exchange"


def _exchanges(call: Call) -> Exchanges:
    sandbox = call.sandbox
    return sandbox.backends.exchanges


def _answer(data: Any, message: str = "SUCCESS", **extra: Any) -> Response:
    return CoupangJSONResponse({"code": "200", "message": message, "data": data, **extra})


def _exchange_id(call: Call) -> Any:
    """The exchangeId of the path, or of the body on the season-1 path without one."""
    path_id = call.path.get("exchangeId")
    body_id = call.body.get("exchangeId")
    if path_id is None:
        if body_id is None:
            raise ValidationFailed([Violation("exchangeId", "required", "exchangeId is required")])
        return body_id
    found = body_id_mismatch(call.body, "exchangeId", path_id)
    if found:
        raise ValidationFailed(found)
    return path_id


def parse_manual_invoice(body: Mapping[str, Any]) -> ExchangeManualInvoice:
    """The body of ``return-exchange-invoices/manual`` with type EXCHANGE (``receiptId`` is the
    exchangeId, kept as written for the not-found refusal)."""
    found = return_rules.check_manual_invoice(body)
    if found:
        raise ValidationFailed(found)
    reg = body.get("regNumber")
    return ExchangeManualInvoice(
        receipt_id=body["receiptId"],
        courier=str(body["deliveryCompanyCode"]).strip().upper(),
        number=str(body["invoiceNumber"]).strip(),
        reg_number=None if reg is None else str(reg),
    )


def parse_invoice(body: Mapping[str, Any]) -> ExchangeInvoice:
    """One exchange invoice object: ``shipmentBoxId``, ``goodsDeliveryCode``, ``invoiceNumber``."""
    box_text = body.get("shipmentBoxId")
    courier = body.get("goodsDeliveryCode")
    number = body.get("invoiceNumber")
    found = rules.check_invoice(box_text, courier, number)
    if found:
        raise ValidationFailed(found)
    return ExchangeInvoice(parse_id(box_text), str(courier).strip().upper(), str(number).strip())


def parse_reject_code(body: Mapping[str, Any]) -> str:
    """``exchangeRejectCode``: SOLDOUT or WITHDRAW."""
    code = body.get("exchangeRejectCode")
    found = rules.check_reject_code(code)
    if found:
        raise ValidationFailed(found)
    return str(code)


def manual_invoice(call: Call) -> Response:
    """``return-exchange-invoices/manual`` with ``returnExchangeDeliveryType`` EXCHANGE (the
    returns routes hand such bodies here)."""
    invoice = _exchanges(call).manual_invoice(call.vendor_id, parse_manual_invoice(call.body))
    return _answer(views.pickup_invoice(invoice), "OK")


def list_exchanges(call: Call) -> Response:
    """``exchangeRequests``: the vendor's exchanges created in a window, one page
    (``nextToken``)."""
    found: list[Violation] = []
    start, more = parse_minute(call.query("createdAtFrom"), "createdAtFrom")
    end, other = parse_minute(call.query("createdAtTo"), "createdAtTo")
    found += more + other
    if start is not None and end is not None:
        found += rules.check_window(start, end)
    status = (call.query("status") or "").strip().upper() or None
    found += rules.check_status(status)
    order_id = None
    order_text = call.query("orderId")
    if order_text is not None and order_text.strip():
        order_id = parse_id(order_text)
        if order_id is None:
            found.append(Violation("orderId", "type", f"orderId must be a number ({order_text!r})"))
    size = rules.DEFAULT_MAX_PER_PAGE
    text = call.query("maxPerPage")
    if text is not None and text.strip():
        problems = rules.check_max_per_page(text)
        found += problems
        if not problems:
            size = as_page(text) or size
    after = None
    token = call.query("nextToken")
    if token is not None and token.strip():
        after = parse_id(token)
        if after is None:
            found.append(
                Violation("nextToken", "format", f"nextToken {token!r} is not one we gave")
            )
    if found or start is None or end is None:
        raise ValidationFailed(found)
    page = _exchanges(call).list(
        call.vendor_id,
        start=start,
        end=end,
        status=status,
        order_id=order_id,
        after=after,
        limit=size,
    )
    return CoupangJSONResponse(
        {
            "code": 200,
            "message": "OK",
            "data": views.exchanges(page.rows),
            "nextToken": page.next_token,
        }
    )


def confirm_receipt(call: Call) -> Response:
    """``receiveConfirmation``: the seller confirms the returned goods arrived."""
    _exchanges(call).confirm_receipt(call.vendor_id, _exchange_id(call))
    return CoupangJSONResponse({"code": "200", "message": "SUCCESS"})


def reject(call: Call) -> Response:
    """``rejection``: the seller rejects the exchange (SOLDOUT or WITHDRAW)."""
    exchange_id = _exchange_id(call)
    _exchanges(call).reject(call.vendor_id, exchange_id, parse_reject_code(call.body))
    return _answer({"resultCode": "SUCCESS", "resultMessage": "요청 처리완료"})


@array_body
def upload_invoice(call: Call) -> Response:
    """One invoice object, or the array form of the documented sample (one entry per box)."""
    exchange_id = _exchange_id(call)
    for part in call.body.get(ARRAY_KEY) or [call.body]:
        _exchanges(call).upload_invoice(call.vendor_id, exchange_id, parse_invoice(part))
    return _answer({"resultCode": "SUCCESS", "resultMessage": "Invoice number save successfully"})


def _routes() -> list[RouteSpec]:
    base = f"{OPENAPI}/v4/vendors/{{vendorId}}/exchangeRequests"
    one = f"{base}/{{exchangeId}}"
    return [
        ("GET", base, list_exchanges),
        ("PATCH", f"{one}/receiveConfirmation", optional_body(confirm_receipt)),
        ("PUT", f"{one}/receiveConfirmation", optional_body(confirm_receipt)),
        ("PATCH", f"{one}/rejection", reject),
        ("PUT", f"{one}/rejection", reject),
        ("POST", f"{one}/invoices", upload_invoice),
        # season 1 (wing_api), the paths the v4 ones replaced
        ("GET", f"{WING}/inquiries", list_exchanges),
        ("POST", f"{WING}/receive-confirmations", confirm_receipt),
        ("POST", f"{WING}/{{exchangeId}}/rejections", reject),
        ("POST", f"{WING}/{{exchangeId}}/invoices", upload_invoice),
    ]


#: ``(method, path template, handler)`` of every exchange endpoint served.
ROUTES: list[RouteSpec] = _routes()
