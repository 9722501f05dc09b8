"""Control API for Rocket Growth: play Coupang's warehouse and the customers it serves.

* ``PUT /_sandbox/rg/inventory/{vendorItemId}`` ``{"vendorId", "quantity", "externalSkuId"?}``:
  set the warehouse stock of one of the vendor's approved options (0 or more units); answers
  the option's inventory summary.
* ``POST /_sandbox/rg/orders`` ``{"vendorId", "items": [{"vendorItemId", "quantity"}],
  "paidAt"?}`` (or one ``vendorItemId`` + ``quantity``): a paid Rocket Growth order of the
  vendor's approved options, taking its units from the warehouse stock (refused when short);
  ``paidAt`` (ISO-8601, naive = Korean time, not after the sandbox clock) defaults to now on
  the sandbox clock. Answers the order as ``GET .../rg/order/{orderId}`` does.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from starlette.responses import Response

from coupang_sandbox.backends._ids import parse_id
from coupang_sandbox.backends.rocket_growth import MAX_UNITS, OrderInput, RocketGrowth, StockInput
from coupang_sandbox.errors import ValidationFailed
from coupang_sandbox.responses import success
from coupang_sandbox.routes._base import Call, RouteSpec
from coupang_sandbox.routes._control_body import accepts
from coupang_sandbox.views import rocket_growth as view
from coupang_seller._constants import KST
from coupang_seller.preflight import Violation
from coupang_seller.preflight._core import as_int


def _rg(call: Call) -> RocketGrowth:
    sandbox = call.sandbox
    return sandbox.backends.rocket_growth


def _vendor(body: Mapping[str, Any]) -> str:
    vendor_id = body.get("vendorId")
    if not isinstance(vendor_id, str) or not vendor_id.strip():
        raise ValidationFailed([Violation("vendorId", "required", "vendorId is required")])
    return vendor_id


def parse_stock(call: Call) -> StockInput:
    """``vendorId`` first (alone), then every refusal of the path id, quantity and SKU."""
    body = call.body
    vendor_id = _vendor(body)
    id_text = call.path["vendorItemId"]
    found: list[Violation] = []
    vid = parse_id(id_text)
    if vid is None:
        found.append(Violation("vendorItemId", "type", f"vendorItemId {id_text!r}"))
    quantity = as_int(body.get("quantity"))
    if quantity is None or not 0 <= quantity <= MAX_UNITS:
        found.append(
            Violation(
                "quantity",
                "range",
                f"quantity is a whole number of units from 0 to {MAX_UNITS} "
                f"(got {body.get('quantity')!r})",
            )
        )
    sku = body.get("externalSkuId")
    if sku is not None and (not isinstance(sku, str | int) or len(str(sku)) > 64):
        found.append(Violation("externalSkuId", "type", "externalSkuId is a short text"))
    if found or vid is None or quantity is None:
        raise ValidationFailed(found)
    return StockInput(vendor_id, vid, quantity, None if sku is None else str(sku))


def _lines(body: Mapping[str, Any]) -> list[tuple[int, int]]:
    lines = body.get("items")
    if lines is None and body.get("vendorItemId") is not None:
        lines = [{"vendorItemId": body.get("vendorItemId"), "quantity": body.get("quantity", 1)}]
    if not isinstance(lines, list) or not lines:
        raise ValidationFailed(
            [Violation("items", "required", "items must list {vendorItemId, quantity}")]
        )
    found: list[Violation] = []
    wanted: dict[int, int] = {}
    for index, line in enumerate(lines):
        vid = parse_id(line.get("vendorItemId")) if isinstance(line, Mapping) else None
        qty = as_int(line.get("quantity", 1)) if isinstance(line, Mapping) else None
        if vid is None:
            found.append(
                Violation(f"items[{index}].vendorItemId", "required", "vendorItemId is required")
            )
        if qty is None or not 1 <= qty <= MAX_UNITS:
            found.append(
                Violation(
                    f"items[{index}].quantity",
                    "range",
                    f"quantity is a whole number from 1 to {MAX_UNITS}",
                )
            )
        if vid is not None and qty is not None and not found:
            wanted[vid] = wanted.get(vid, 0) + qty
    if found:
        raise ValidationFailed(found)
    return list(wanted.items())


def _paid_at(body: Mapping[str, Any], now: datetime) -> datetime | None:
    value = body.get("paidAt")
    if value is None or value == "":
        return None
    moment: datetime | None = None
    if isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value.strip())
        except ValueError:
            moment = None
    if moment is None:
        raise ValidationFailed(
            [Violation("paidAt", "format", f"paidAt must be an ISO-8601 time (got {value!r})")]
        )
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=KST)
    if moment > now:
        raise ValidationFailed(
            [Violation("paidAt", "future", "paidAt must not be after the sandbox clock")]
        )
    return moment.astimezone(UTC)


def parse_order(call: Call) -> OrderInput:
    """``vendorId``, then the lines, then ``paidAt`` (not after the sandbox clock); each step
    refuses alone, in that order."""
    body = call.body
    vendor_id = _vendor(body)
    lines = _lines(body)
    now = call.sandbox.clock.now().astimezone(UTC)
    return OrderInput(vendor_id, lines, _paid_at(body, now))


@accepts({"vendorId": None, "quantity": None, "externalSkuId": None})
def set_inventory(call: Call) -> Response:
    """Set the warehouse stock of one option; answers its inventory summary."""
    return success(view.stock(_rg(call).set_stock(parse_stock(call))))


@accepts(
    {
        "vendorId": None,
        "items": {"vendorItemId": None, "quantity": None},
        "vendorItemId": None,
        "quantity": None,
        "paidAt": None,
    }
)
def place_order(call: Call) -> Response:
    """Place a paid Rocket Growth order; answers it as the seller's lookup does."""
    return success(view.order(_rg(call).place(parse_order(call))))


ROUTES: list[RouteSpec] = [
    ("PUT", "/_sandbox/rg/inventory/{vendorItemId}", set_inventory),
    ("POST", "/_sandbox/rg/orders", place_order),
]
