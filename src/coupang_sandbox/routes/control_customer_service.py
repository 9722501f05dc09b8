"""Control API for customer service: play the customer and Coupang's call center.

* ``POST /_sandbox/inquiries/online`` ``{"vendorItemId", "content", "buyer"?, "orderId"?,
  "vendorId"?}``: a customer asks a question on the product page of a listed (approved) item
  -> an online inquiry, NOANSWER, carrying the item's sellerProductId and productId.
* ``POST /_sandbox/inquiries/call-center`` ``{"orderId"? , "vendorItemId"?, "content",
  "transfer"?: false, "receiptCategory"?, "vendorId"?}``: a customer calls Coupang about an
  order (or an item); the counsellor hands the inquiry to the seller for an answer
  (NO_ANSWER) or, with ``transfer``, closes it and asks the seller to acknowledge (TRANSFER).
* ``GET /_sandbox/inquiries/{kind}/{inquiryId}`` (``kind``: ``online`` | ``call-center``): the
  inquiry as the seller's list shows it, with its state and who answered or confirmed.

``vendorId``, when given, must own the item/order (the SDK mirror sends the client's): unknown
items and orders, and other vendors' ones, are refused (404).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from starlette.responses import Response

from coupang_sandbox.backends._ids import parse_id
from coupang_sandbox.backends.customer_service import Question
from coupang_sandbox.errors import NotFound, ValidationFailed
from coupang_sandbox.responses import success
from coupang_sandbox.routes._base import Call, RouteSpec
from coupang_sandbox.routes._control_body import accepts
from coupang_sandbox.routes.customer_service import backend
from coupang_sandbox.state import customer_service as st
from coupang_sandbox.views import customer_service as views
from coupang_seller.preflight import Violation
from coupang_seller.preflight import customer_service as rules
from coupang_seller.preflight._core import as_bool

#: URL spelling of each kind.
KIND_PATHS = {"online": st.ONLINE, "call-center": st.CALL_CENTER}


def _ids(body: Mapping[str, Any], found: list[Violation]) -> tuple[int | None, int | None]:
    """``vendorItemId`` and ``orderId``: positive numbers when given."""
    out: list[int | None] = []
    for name in ("vendorItemId", "orderId"):
        value = body.get(name)
        number = None if value is None or value == "" else parse_id(value, minimum=1)
        if value is not None and value != "" and number is None:
            found.append(Violation(name, "type", f"{name} must be a positive number"))
        out.append(number)
    return out[0], out[1]


def _texts(body: Mapping[str, Any], found: list[Violation]) -> None:
    """The customer's text fields: the same text rule as an answer (required content)."""
    found += rules.check_content(body.get("content"))
    for name in ("buyer", "receiptCategory"):
        if body.get(name) is not None:
            found += [
                Violation(name, v.rule, v.message.replace("content", name))
                for v in rules.check_content(body[name])
            ]


def _question(
    body: Mapping[str, Any], ids: tuple[int | None, int | None], transfer: bool
) -> Question:
    vendor = body.get("vendorId") or None
    category = body.get("receiptCategory")
    return Question(
        content=str(body["content"]),
        buyer=body.get("buyer"),
        vendor_item_id=ids[0],
        order_id=ids[1],
        vendor_id=None if vendor is None else str(vendor),
        transfer=transfer,
        receipt_category=str(category) if category else None,
    )


def parse_product_question(body: Mapping[str, Any]) -> Question:
    """A product-page question (``vendorItemId`` required) as typed arguments, or
    :class:`ValidationFailed` naming every field and rule broken."""
    found: list[Violation] = []
    ids = _ids(body, found)
    if ids[0] is None and not any(v.field == "vendorItemId" for v in found):
        found.append(Violation("vendorItemId", "required", "vendorItemId is required"))
    _texts(body, found)
    if found:
        raise ValidationFailed(found)
    return _question(body, ids, transfer=False)


def parse_call(body: Mapping[str, Any]) -> Question:
    """A call to Coupang's call center (``orderId`` or ``vendorItemId``, optional ``transfer``)
    as typed arguments, or :class:`ValidationFailed`."""
    found: list[Violation] = []
    ids = _ids(body, found)
    if ids == (None, None) and not found:
        found.append(Violation("orderId", "required", "orderId or vendorItemId is required"))
    _texts(body, found)
    transfer = as_bool(body.get("transfer", False))
    if transfer is None:
        found.append(Violation("transfer", "type", "transfer must be true or false"))
    if found or transfer is None:
        raise ValidationFailed(found)
    return _question(body, ids, transfer=transfer)


@accepts({"vendorItemId": None, "content": None, "buyer": None, "orderId": None, "vendorId": None})
def ask_online(call: Call) -> Response:
    """``POST /_sandbox/inquiries/online``: a customer asks a product question."""
    return success(views.control_view(backend(call).ask_online(parse_product_question(call.body))))


@accepts(
    {
        "orderId": None,
        "vendorItemId": None,
        "content": None,
        "buyer": None,
        "transfer": None,
        "receiptCategory": None,
        "vendorId": None,
    }
)
def open_call_center(call: Call) -> Response:
    """``POST /_sandbox/inquiries/call-center``: Coupang's call center opens an inquiry."""
    return success(views.control_view(backend(call).open_call_center(parse_call(call.body))))


def view(call: Call) -> Response:
    """``GET /_sandbox/inquiries/{kind}/{inquiryId}``: one inquiry (``online`` or ``call-center``)
    with its state; an unknown ``kind`` is a 404."""
    kind = KIND_PATHS.get(call.path["kind"])
    if kind is None:
        raise NotFound(f"unknown inquiry kind {call.path['kind']!r} (online or call-center)")
    return success(views.control_view(backend(call).view(kind, call.path["inquiryId"])))


ROUTES: list[RouteSpec] = [
    ("POST", "/_sandbox/inquiries/online", ask_online),
    ("POST", "/_sandbox/inquiries/call-center", open_call_center),
    ("GET", "/_sandbox/inquiries/{kind}/{inquiryId}", view),
]
