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

from starlette.responses import Response

from coupang_sandbox.errors import NotFound
from coupang_sandbox.responses import success
from coupang_sandbox.routes._base import Call, RouteSpec
from coupang_sandbox.routes._control_body import accepts
from coupang_sandbox.routes.customer_service import backend
from coupang_sandbox.state import customer_service as st
from coupang_sandbox.views import customer_service as views

#: URL spelling of each kind.
KIND_PATHS = {"online": st.ONLINE, "call-center": st.CALL_CENTER}


@accepts({"vendorItemId": None, "content": None, "buyer": None, "orderId": None, "vendorId": None})
def ask_online(call: Call) -> Response:
    return success(views.control_view(backend(call).ask_online(call.body)))


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
    return success(views.control_view(backend(call).open_call_center(call.body)))


def view(call: Call) -> Response:
    kind = KIND_PATHS.get(call.path["kind"])
    if kind is None:
        raise NotFound(f"unknown inquiry kind {call.path['kind']!r} (online or call-center)")
    return success(views.control_view(backend(call).view(kind, call.path["inquiryId"])))


ROUTES: list[RouteSpec] = [
    ("POST", "/_sandbox/inquiries/online", ask_online),
    ("POST", "/_sandbox/inquiries/call-center", open_call_center),
    ("GET", "/_sandbox/inquiries/{kind}/{inquiryId}", view),
]
