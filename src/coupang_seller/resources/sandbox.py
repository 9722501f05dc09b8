"""``client.sandbox``: the sandbox's control API (``/_sandbox``), like stripe's test helpers.

These calls only work against a coupang-sandbox server; production answers 404. They are
not HMAC-signed (the sandbox binds them to loopback and can require a bearer token).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, Literal

from pydantic import SecretStr

from coupang_seller._core import path_param
from coupang_seller._secret import Secret, reveal
from coupang_seller.resources._base import (
    AsyncResource,
    Call,
    SyncResource,
    data_of,
    envelope_data,
    nothing,
)
from coupang_seller.types._base import CoupangModel
from coupang_seller.types.coupons import CouponContract
from coupang_seller.types.customer_service import CallCenterInquiry, OnlineInquiry
from coupang_seller.types.exchanges import ExchangeRequest
from coupang_seller.types.rocket_growth import RgInventorySummary, RgOrder
from coupang_seller.types.settlement import SettlementTerms

__all__ = [
    "AsyncSandbox",
    "PlacedOrder",
    "ProductReview",
    "Sandbox",
    "SandboxClock",
    "SandboxVendor",
]


class SandboxVendor(CoupangModel):
    """A sandbox vendor's credentials. ``secretKey`` is a :class:`~coupang_seller.Secret`:
    ``str``, ``repr`` and JSON dumps mask it; ``secretKey.reveal()`` gives the value."""

    vendorId: str
    accessKey: str
    secretKey: Secret


class SandboxClock(CoupangModel):
    now: datetime
    mode: str
    offsetSeconds: float | None = None


def _control(method: str, path: str, body: Any = None) -> Call:
    """A call to the sandbox's control API (unsigned, never rate-limited or retried)."""
    return Call(method, path, body=body, control=True)


def _dict(answer: Any) -> dict[str, Any]:
    data: dict[str, Any] = envelope_data(answer)
    return data


def _vendor_body(
    vendor_id: str | None, access_key: str | None, secret_key: str | SecretStr | None
) -> dict[str, Any]:
    body = {
        "vendorId": vendor_id,
        "accessKey": access_key,
        "secretKey": None if secret_key is None else reveal(secret_key),
    }
    return {k: v for k, v in body.items() if v is not None}


ReviewResult = Literal["APPROVED", "PARTIAL_APPROVED", "DENIED"]


class ReviewedItem(CoupangModel):
    sellerProductItemId: int
    vendorItemId: int | None = None


class ProductReview(CoupangModel):
    """Outcome of :meth:`Sandbox.review_product`: the product's new status and its items."""

    sellerProductId: int
    vendorId: str | None = None
    status: str
    statusName: str | None = None
    items: list[ReviewedItem] = []


def _review_path(seller_product_id: int | str) -> str:
    return f"/_sandbox/products/{path_param(seller_product_id, 'sellerProductId')}/review"


def _review_body(
    result: str, reason: str | None, approved_item_ids: Sequence[int] | None
) -> dict[str, Any]:
    body: dict[str, Any] = {"result": result}
    if reason is not None:
        body["reason"] = reason
    if approved_item_ids is not None:
        body["sellerProductItemIds"] = list(approved_item_ids)
    return body


def _clock_body(now: datetime | None, freeze: bool, real: bool) -> dict[str, Any]:
    if real:
        return {"mode": "real"}
    if now is None:
        raise ValueError("pass now=... (an aware datetime) or real=True")
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    return {"now": now.isoformat(), "freeze": freeze}


class PlacedBox(CoupangModel):
    shipmentBoxId: int
    vendorItemIds: list[int] = []
    shippingPrice: int | None = None
    remotePrice: int | None = None
    remoteArea: bool | None = None


class PlacedOrder(CoupangModel):
    """Outcome of :meth:`Sandbox.place_order`: the order, its boxes and when the seller sees it."""

    orderId: int
    vendorId: str | None = None
    paidAt: str | None = None
    visibleAt: str | None = None
    region: str | None = None
    safeNumber: str | None = None
    shipmentBoxes: list[PlacedBox] = []

    @property
    def shipment_box_ids(self) -> list[int]:
        return [box.shipmentBoxId for box in self.shipmentBoxes]


ScanEvent = Literal["PICKUP", "IN_TRANSIT", "DELIVERED"]


def _order_body(
    vendor_id: str,
    items: Mapping[int, int] | Sequence[tuple[int, int]],
    *,
    receiver: Mapping[str, Any] | None,
    bundle: bool,
    safe_number: str | None,
    extra: Mapping[str, Any],
) -> dict[str, Any]:
    pairs = list(items.items()) if isinstance(items, Mapping) else list(items)
    body: dict[str, Any] = {
        "vendorId": vendor_id,
        "items": [{"vendorItemId": v, "quantity": q} for v, q in pairs],
        "bundle": bundle,
        **extra,
    }
    if receiver is not None:
        body["receiver"] = dict(receiver)
    if safe_number is not None:
        body["safeNumber"] = safe_number
    return body


def _order_path(order_id: int | str, tail: str = "") -> str:
    return f"/_sandbox/orders/{path_param(order_id, 'orderId')}{tail}"


def _cancel_body(reason_code: str, items: Mapping[int, int] | None) -> dict[str, Any]:
    body: dict[str, Any] = {"reasonCode": reason_code}
    if items is not None:
        body["items"] = [{"vendorItemId": v, "count": c} for v, c in items.items()]
    return body


def _scan_path(shipment_box_id: int | str) -> str:
    return f"/_sandbox/shipments/{path_param(shipment_box_id, 'shipmentBoxId')}/scan"


ExchangeScanEvent = Literal["PICKUP", "DELIVERED"]


def _exchange_body(
    order_id: int | str, vendor_item_id: int, *, quantity: int, reason_code: str,
    reason_detail: str | None, target_vendor_item_id: int | None, exchange_amount: int | None,
) -> dict[str, Any]:  # fmt: skip
    body: dict[str, Any] = {
        "orderId": int(order_id),
        "vendorItemId": vendor_item_id,
        "quantity": quantity,
        "reasonCode": reason_code,
    }
    if reason_detail is not None:
        body["reasonEtcDetail"] = reason_detail
    if target_vendor_item_id is not None:
        body["targetVendorItemId"] = target_vendor_item_id
    if exchange_amount is not None:
        body["exchangeAmount"] = exchange_amount
    return body


def _exchange_path(exchange_id: int | str, tail: str = "") -> str:
    return f"/_sandbox/exchanges/{path_param(exchange_id, 'exchangeId')}{tail}"


def _return_body(
    order_id: int | str, items: Mapping[int, int], reason_code: str, reason: str | None
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "orderId": int(order_id),
        "items": [{"vendorItemId": v, "quantity": q} for v, q in items.items()],
        "reasonCode": reason_code,
    }
    if reason is not None:
        body["reason"] = reason
    return body


def _return_path(receipt_id: int | str, tail: str = "") -> str:
    return f"/_sandbox/returns/{path_param(receipt_id, 'receiptId')}{tail}"


ReturnStep = Literal["withdraw", "pickup", "coupang-check", "coupang-checked"]


SettlementCycle = Literal["WEEKLY", "MONTHLY"]


def _settlement_path(vendor_id: str) -> str:
    return f"/_sandbox/vendors/{path_param(vendor_id, 'vendorId')}/settlement"


def _settlement_body(cycle: str, commission_rate: float | None) -> dict[str, Any]:
    body: dict[str, Any] = {"cycle": cycle}
    if commission_rate is not None:
        body["commissionRate"] = commission_rate
    return body


InquiryKind = Literal["online", "call-center"]


def _question_body(
    vendor_id: str, vendor_item_id: int | None, content: str, **more: Any
) -> dict[str, Any]:
    body: dict[str, Any] = {"vendorId": vendor_id, "content": content}
    if vendor_item_id is not None:
        body["vendorItemId"] = vendor_item_id
    body.update({k: v for k, v in more.items() if v is not None})
    return body


def _inquiry_path(kind: InquiryKind, inquiry_id: int | str) -> str:
    return f"/_sandbox/inquiries/{kind}/{path_param(inquiry_id, 'inquiryId')}"


class Sandbox(SyncResource):
    """``client.sandbox``: the sandbox's control API (reset, vendors, clock, the customer,
    the courier, Coupang's reviewers)."""

    def reset(self, *, keep_vendors: bool = False) -> None:
        """Wipe all data and return the clock to real time.

        Vendors seeded at startup always stay; vendors created at run time (``create_vendor``)
        stay only with ``keep_vendors=True``.

        Calls ``POST /_sandbox/reset`` (the sandbox's control API). Returns nothing. Raises an
        :class:`APIError` subclass when the sandbox refuses (:class:`NotFoundError` for an unknown
        id or a production server, :class:`ValidationError` for a bad body).
        """
        self._run(_control("POST", "/_sandbox/reset", body={"keepVendors": keep_vendors}), nothing)

    def create_vendor(
        self,
        vendor_id: str | None = None,
        *,
        access_key: str | None = None,
        secret_key: str | SecretStr | None = None,
    ) -> SandboxVendor:
        """Register a vendor; anything not given is generated. Returns all three values.

        Calls ``POST /_sandbox/vendors`` (the sandbox's control API). Returns the
        :class:`SandboxVendor` (its secret masked until ``reveal()``). Raises an :class:`APIError`
        subclass when the sandbox refuses (:class:`NotFoundError` for an unknown id or a production
        server, :class:`ValidationError` for a bad body).
        """
        return self._run(
            _control(
                "POST", "/_sandbox/vendors", body=_vendor_body(vendor_id, access_key, secret_key)
            ),
            data_of(SandboxVendor),
        )

    def clock(self) -> SandboxClock:
        """Calls ``GET /_sandbox/clock`` (the sandbox's control API). Returns the
        :class:`SandboxClock`. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server, :class:`ValidationError`
        for a bad body).
        """
        return self._run(_control("GET", "/_sandbox/clock"), data_of(SandboxClock))

    def set_clock(
        self, now: datetime | None = None, *, freeze: bool = False, real: bool = False
    ) -> SandboxClock:
        """Set the business clock to ``now`` (frozen or running on from it), or back to real time.

        Calls ``POST /_sandbox/clock`` (the sandbox's control API). Returns the
        :class:`SandboxClock`; raises :class:`ValueError` without ``now`` (nor ``real``) or with a
        naive ``now``. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server, :class:`ValidationError`
        for a bad body).
        """
        return self._run(
            _control("POST", "/_sandbox/clock", body=_clock_body(now, freeze, real)),
            data_of(SandboxClock),
        )

    def advance_clock(self, seconds: float) -> SandboxClock:
        """Calls ``POST /_sandbox/clock/advance`` (the sandbox's control API). Returns the
        :class:`SandboxClock`. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server, :class:`ValidationError`
        for a bad body).
        """
        return self._run(
            _control("POST", "/_sandbox/clock/advance", body={"seconds": seconds}),
            data_of(SandboxClock),
        )

    def review_product(
        self,
        seller_product_id: int | str,
        *,
        result: ReviewResult = "APPROVED",
        reason: str | None = None,
        approved_item_ids: Sequence[int] | None = None,
    ) -> ProductReview:
        """Play Coupang's reviewer for a product waiting for approval (승인대기중).

        ``PARTIAL_APPROVED`` approves ``approved_item_ids`` (``sellerProductItemId``s; the
        first item when omitted). Approved items get their ``vendorItemId``. Without this
        call the sandbox approves automatically after ``auto_review_seconds`` of its clock.

        Calls ``POST /_sandbox/products/{sellerProductId}/review`` (the sandbox's control API). Returns the
        :class:`ProductReview`. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server, :class:`ValidationError`
        for a bad body).
        """
        return self._run(
            _control(
                "POST",
                _review_path(seller_product_id),
                body=_review_body(result, reason, approved_item_ids),
            ),
            data_of(ProductReview),
        )

    # -- the customer and the courier ---------------------------------------------------

    def place_order(
        self,
        items: Mapping[int, int] | Sequence[tuple[int, int]],
        *,
        receiver: Mapping[str, Any] | None = None,
        bundle: bool = True,
        safe_number: str | None = None,
        vendor_id: str | None = None,
        **extra: Any,
    ) -> PlacedOrder:
        """Play the customer: a paid order of ``{vendorItemId: quantity}`` (approved, on-sale
        items of this client's vendor). The seller sees it after ``order_visible_after_seconds``
        (600) of the sandbox clock: ``advance_clock(600)``.

        Calls ``POST /_sandbox/orders`` (the sandbox's control API). Returns the
        :class:`PlacedOrder` (its ``shipment_box_ids``). Raises an :class:`APIError` subclass when
        the sandbox refuses (:class:`NotFoundError` for an unknown id or a production server,
        :class:`ValidationError` for a bad body).
        """
        body = _order_body(
            vendor_id or self._vendor_id,
            items,
            receiver=receiver,
            bundle=bundle,
            safe_number=safe_number,
            extra=extra,
        )
        return self._run(_control("POST", "/_sandbox/orders", body=body), data_of(PlacedOrder))

    def order(self, order_id: int | str) -> dict[str, Any]:
        """Everything the sandbox knows about an order (sheets and receipts), visible or not.

        Calls ``GET /_sandbox/orders/{orderId}`` (the sandbox's control API). Returns the
        sandbox's view of the order, as a dict. Raises an :class:`APIError` subclass when the
        sandbox refuses (:class:`NotFoundError` for an unknown id or a production server,
        :class:`ValidationError` for a bad body).
        """
        return self._run(_control("GET", _order_path(order_id)), _dict)

    def change_address(self, order_id: int | str, **receiver: str) -> dict[str, Any]:
        """The customer edits the address (name, addr1, addr2, postCode) while ACCEPT.

        Calls ``POST /_sandbox/orders/{orderId}/address`` (the sandbox's control API). Returns the
        changed receiver, as a dict. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server, :class:`ValidationError`
        for a bad body).
        """
        return self._run(
            _control("POST", _order_path(order_id, "/address"), body={"receiver": receiver}), _dict
        )

    def request_cancel(
        self, order_id: int | str, *, reason_code: str = "CHANGEMIND",
        items: Mapping[int, int] | None = None,
    ) -> dict[str, Any]:  # fmt: skip
        """The customer cancels: immediate at ACCEPT, a stop-shipment request at INSTRUCT.

        Calls ``POST /_sandbox/orders/{orderId}/cancel-request`` (the sandbox's control API). Returns the
        cancellation (or stop-shipment request), as a dict. Raises an :class:`APIError` subclass
        when the sandbox refuses (:class:`NotFoundError` for an unknown id or a production server,
        :class:`ValidationError` for a bad body).
        """
        return self._run(
            _control(
                "POST",
                _order_path(order_id, "/cancel-request"),
                body=_cancel_body(reason_code, items),
            ),
            _dict,
        )

    def scan(self, shipment_box_id: int | str, event: ScanEvent) -> dict[str, Any]:
        """A courier scan: PICKUP, IN_TRANSIT or DELIVERED.

        Calls ``POST /_sandbox/shipments/{shipmentBoxId}/scan`` (the sandbox's control API). Returns the box's
        new delivery state, as a dict. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server, :class:`ValidationError`
        for a bad body).
        """
        return self._run(
            _control("POST", _scan_path(shipment_box_id), body={"event": event}), _dict
        )

    def request_exchange(
        self, order_id: int | str, vendor_item_id: int, *, quantity: int = 1,
        reason_code: str = "DEFECT", reason_detail: str | None = None,
        target_vendor_item_id: int | None = None, exchange_amount: int | None = None,
    ) -> ExchangeRequest:  # fmt: skip
        """The customer asks to exchange a delivered item for the same option (RECEIPT).

        Calls ``POST /_sandbox/exchanges`` (the sandbox's control API). Returns the
        :class:`ExchangeRequest`. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server, :class:`ValidationError`
        for a bad body).
        """
        body = _exchange_body(
            order_id, vendor_item_id, quantity=quantity, reason_code=reason_code,
            reason_detail=reason_detail, target_vendor_item_id=target_vendor_item_id,
            exchange_amount=exchange_amount,
        )  # fmt: skip
        return self._run(
            _control("POST", "/_sandbox/exchanges", body=body), data_of(ExchangeRequest)
        )

    def exchange(self, exchange_id: int | str) -> ExchangeRequest:
        """An exchange as the seller's list shows it.

        Calls ``GET /_sandbox/exchanges/{exchangeId}`` (the sandbox's control API). Returns the
        :class:`ExchangeRequest`. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server, :class:`ValidationError`
        for a bad body).
        """
        return self._run(_control("GET", _exchange_path(exchange_id)), data_of(ExchangeRequest))

    def withdraw_exchange(
        self, exchange_id: int | str, *, reason: str | None = None
    ) -> ExchangeRequest:
        """The customer withdraws the exchange (RECEIPT -> CANCEL).

        Calls ``POST /_sandbox/exchanges/{exchangeId}/withdraw`` (the sandbox's control API). Returns the
        :class:`ExchangeRequest`. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server, :class:`ValidationError`
        for a bad body).
        """
        body = {} if reason is None else {"cancelReason": reason}
        return self._run(
            _control("POST", _exchange_path(exchange_id, "/withdraw"), body=body),
            data_of(ExchangeRequest),
        )

    def scan_exchange_pickup(
        self, exchange_id: int | str, event: ExchangeScanEvent
    ) -> dict[str, Any]:
        """A courier scan of the returned goods: PICKUP, then DELIVERED (to the seller).

        Calls ``POST /_sandbox/exchanges/{exchangeId}/scan`` (the sandbox's control API). Returns the
        exchange's pickup state, as a dict. Raises an :class:`APIError` subclass when the sandbox
        refuses (:class:`NotFoundError` for an unknown id or a production server,
        :class:`ValidationError` for a bad body).
        """
        return self._run(
            _control("POST", _exchange_path(exchange_id, "/scan"), body={"event": event}), _dict
        )

    def request_return(
        self, order_id: int | str, items: Mapping[int, int], *, reason_code: str = "CHANGEMIND",
        reason: str | None = None,
    ) -> dict[str, Any]:  # fmt: skip
        """The customer asks to return shipped items ``{vendorItemId: quantity}`` (one receipt
        per shipment box); ``reason_code`` (VOC) decides who pays the return shipping.

        Calls ``POST /_sandbox/returns`` (the sandbox's control API). Returns the return receipt, as
        a dict. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server, :class:`ValidationError`
        for a bad body).
        """
        return self._run(
            _control(
                "POST", "/_sandbox/returns", body=_return_body(order_id, items, reason_code, reason)
            ),
            _dict,
        )

    def return_view(self, receipt_id: int | str) -> dict[str, Any]:
        """Everything the sandbox knows about a return, withdrawn or not.

        Calls ``GET /_sandbox/returns/{receiptId}`` (the sandbox's control API). Returns the
        return receipt, as a dict. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server, :class:`ValidationError`
        for a bad body).
        """
        return self._run(_control("GET", _return_path(receipt_id)), _dict)

    def return_step(self, receipt_id: int | str, step: ReturnStep) -> dict[str, Any]:
        """The customer withdraws, the courier picks up, Coupang's CS checks a dispute.

        Calls ``POST /_sandbox/returns/{receiptId}/{step}`` (the sandbox's control API). Returns the
        return receipt after the step, as a dict. Raises an :class:`APIError` subclass when the
        sandbox refuses (:class:`NotFoundError` for an unknown id or a production server,
        :class:`ValidationError` for a bad body).
        """
        return self._run(_control("POST", _return_path(receipt_id, f"/{step}"), body={}), _dict)

    def withdraw_return(self, receipt_id: int | str) -> dict[str, Any]:
        """The customer withdraws the return (before the pickup).

        Calls ``POST /_sandbox/returns/{receiptId}/withdraw`` (the sandbox's control API). Returns the return receipt, as
        a dict. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server, :class:`ValidationError`
        for a bad body).
        """
        return self.return_step(receipt_id, "withdraw")

    def scan_return_pickup(self, receipt_id: int | str) -> dict[str, Any]:
        """The courier picks the returned goods up (quick refund happens here).

        Calls ``POST /_sandbox/returns/{receiptId}/pickup`` (the sandbox's control API). Returns the return receipt, as
        a dict. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server, :class:`ValidationError`
        for a bad body).
        """
        return self.return_step(receipt_id, "pickup")

    def ask_product_question(
        self, vendor_item_id: int, *, content: str, buyer: str | None = None,
        order_id: int | None = None,
    ) -> OnlineInquiry:  # fmt: skip
        """A customer asks a question on a listed item's product page (NOANSWER).

        Calls ``POST /_sandbox/inquiries/online`` (the sandbox's control API). Returns the
        :class:`OnlineInquiry`. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server, :class:`ValidationError`
        for a bad body).
        """
        body = _question_body(
            self._vendor_id, vendor_item_id, content, buyer=buyer, orderId=order_id
        )
        return self._run(
            _control("POST", "/_sandbox/inquiries/online", body=body), data_of(OnlineInquiry)
        )

    def open_call_center_inquiry(
        self, *, content: str, order_id: int | None = None, vendor_item_id: int | None = None,
        transfer: bool = False, receipt_category: str | None = None,
    ) -> CallCenterInquiry:  # fmt: skip
        """A customer calls Coupang about an order (or an item): handed to the seller for an
        answer (NO_ANSWER), or with ``transfer`` closed by the counsellor and handed over for
        the seller to confirm (TRANSFER).

        Calls ``POST /_sandbox/inquiries/call-center`` (the sandbox's control API). Returns the
        :class:`CallCenterInquiry`. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server, :class:`ValidationError`
        for a bad body).
        """
        body = _question_body(
            self._vendor_id, vendor_item_id, content, orderId=order_id, transfer=transfer,
            receiptCategory=receipt_category,
        )  # fmt: skip
        return self._run(
            _control("POST", "/_sandbox/inquiries/call-center", body=body),
            data_of(CallCenterInquiry),
        )

    def inquiry_view(self, inquiry_id: int | str, *, kind: InquiryKind) -> dict[str, Any]:
        """An inquiry as the seller's list shows it, with its state (``status``).

        Calls ``GET /_sandbox/inquiries/{kind}/{inquiryId}`` (the sandbox's control API). Returns the
        inquiry with its answers, as a dict. Raises an :class:`APIError` subclass when the sandbox
        refuses (:class:`NotFoundError` for an unknown id or a production server,
        :class:`ValidationError` for a bad body).
        """
        return self._run(_control("GET", _inquiry_path(kind, inquiry_id)), _dict)

    def set_settlement(
        self, vendor_id: str, *, cycle: SettlementCycle, commission_rate: float | None = None
    ) -> SettlementTerms:
        """Settlement terms of a vendor: ``WEEKLY`` or ``MONTHLY`` payments and, when given,
        the commission in percent (VAT excluded, e.g. 10.8).

        Calls ``PUT /_sandbox/vendors/{vendorId}/settlement`` (the sandbox's control API). Returns the
        :class:`SettlementTerms`. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server, :class:`ValidationError`
        for a bad body).
        """
        return self._run(
            _control(
                "PUT", _settlement_path(vendor_id), body=_settlement_body(cycle, commission_rate)
            ),
            data_of(SettlementTerms),
        )

    def settlement_terms(self, vendor_id: str) -> SettlementTerms:
        """The settlement terms in force for a vendor (defaults: MONTHLY, 10.8 %).

        Calls ``GET /_sandbox/vendors/{vendorId}/settlement`` (the sandbox's control API). Returns the
        :class:`SettlementTerms`. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server, :class:`ValidationError`
        for a bad body).
        """
        return self._run(_control("GET", _settlement_path(vendor_id)), data_of(SettlementTerms))

    # -- coupons: contracts (with their monthly budget) and operator actions ----------------

    def create_coupon_contract(
        self,
        *,
        vendor_id: str | None = None,
        type: Literal["CONTRACT_BASED", "NON_CONTRACT_BASED"] = "CONTRACT_BASED",
        start: str | None = None,
        end: str | None = None,
        budget_per_month: int | None = None,
        **extra: Any,
    ) -> CouponContract:
        """Seed a coupon contract (dates ``yyyy-MM-dd HH:mm:ss`` Korean time; default today
        to 31 December, budget ``coupon_budget_per_month``) for this client's vendor.

        Calls ``POST /_sandbox/vendors/{vendorId}/coupon-contracts`` (the sandbox's control API). Returns the
        :class:`CouponContract`. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server, :class:`ValidationError`
        for a bad body).
        """
        body = _coupon_contract_body(type, start, end, budget_per_month, extra)
        path = _coupon_contract_path(vendor_id or self._vendor_id)
        return self._run(_control("POST", path, body=body), data_of(CouponContract))

    def coupon_view(self, coupon_id: int | str) -> dict[str, Any]:
        """A coupon of either kind with its items and usage (``usageAmount``).

        Calls ``GET /_sandbox/coupons/{couponId}`` (the sandbox's control API). Returns the coupon,
        as a dict. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server, :class:`ValidationError`
        for a bad body).
        """
        path = f"/_sandbox/coupons/{path_param(coupon_id, 'couponId')}"
        return self._run(_control("GET", path), _dict)

    def pause_coupon(self, coupon_id: int | str, *, resume: bool = False) -> dict[str, Any]:
        """Coupang stops (발행중지, PAUSED) or resumes (APPLIED) a coupon.

        Calls ``POST /_sandbox/coupons/{couponId}/pause`` (``/resume`` with ``resume=True`` (the sandbox's control API). Returns the
        coupon, as a dict. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server, :class:`ValidationError`
        for a bad body).
        """
        step = "resume" if resume else "pause"
        path = f"/_sandbox/coupons/{path_param(coupon_id, 'couponId')}/{step}"
        return self._run(_control("POST", path, body={}), _dict)

    # -- Rocket Growth: Coupang's warehouse and its customers --------------------------------

    def set_rg_inventory(
        self,
        vendor_item_id: int | str,
        quantity: int,
        *,
        external_sku_id: str | None = None,
        vendor_id: str | None = None,
    ) -> RgInventorySummary:
        """Set the warehouse stock (로켓그로스 재고) of an approved option of this vendor.

        Calls ``PUT /_sandbox/rg/inventory/{vendorItemId}`` (the sandbox's control API). Returns the
        :class:`RgInventorySummary`. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server, :class:`ValidationError`
        for a bad body).
        """
        body = _rg_stock_body(vendor_id or self._vendor_id, quantity, external_sku_id)
        return self._run(
            _control("PUT", _rg_stock_path(vendor_item_id), body=body), data_of(RgInventorySummary)
        )

    def place_rg_order(
        self,
        items: Mapping[int, int] | Sequence[tuple[int, int]],
        *,
        paid_at: datetime | None = None,
        vendor_id: str | None = None,
    ) -> RgOrder:
        """Play a Rocket Growth customer: a paid order of ``{vendorItemId: quantity}``, taken
        from the warehouse stock (``paid_at`` defaults to the sandbox clock's now).

        Calls ``POST /_sandbox/rg/orders`` (the sandbox's control API). Returns the
        :class:`RgOrder`; raises :class:`ValueError` for a naive ``paid_at``. Raises an
        :class:`APIError` subclass when the sandbox refuses (:class:`NotFoundError` for an unknown
        id or a production server, :class:`ValidationError` for a bad body).
        """
        body = _rg_order_body(vendor_id or self._vendor_id, items, paid_at)
        return self._run(_control("POST", "/_sandbox/rg/orders", body=body), data_of(RgOrder))


class AsyncSandbox(AsyncResource):
    """``client.sandbox`` of :class:`AsyncClient`: the twin of :class:`Sandbox`."""

    async def reset(self, *, keep_vendors: bool = False) -> None:
        """Wipe all data and return the clock to real time.

        Vendors seeded at startup always stay; vendors created at run time (``create_vendor``)
        stay only with ``keep_vendors=True``.

        Calls ``POST /_sandbox/reset`` (the sandbox's control API). Returns nothing. Raises an
        :class:`APIError` subclass when the sandbox refuses (:class:`NotFoundError` for an unknown
        id or a production server, :class:`ValidationError` for a bad body).
        """
        await self._run(
            _control("POST", "/_sandbox/reset", body={"keepVendors": keep_vendors}), nothing
        )

    async def create_vendor(
        self,
        vendor_id: str | None = None,
        *,
        access_key: str | None = None,
        secret_key: str | SecretStr | None = None,
    ) -> SandboxVendor:
        """Register a vendor; anything not given is generated. Returns all three values.

        Calls ``POST /_sandbox/vendors`` (the sandbox's control API). Returns the
        :class:`SandboxVendor` (its secret masked until ``reveal()``). Raises an :class:`APIError`
        subclass when the sandbox refuses (:class:`NotFoundError` for an unknown id or a production
        server, :class:`ValidationError` for a bad body).
        """
        return await self._run(
            _control(
                "POST", "/_sandbox/vendors", body=_vendor_body(vendor_id, access_key, secret_key)
            ),
            data_of(SandboxVendor),
        )

    async def clock(self) -> SandboxClock:
        """Calls ``GET /_sandbox/clock`` (the sandbox's control API). Returns the
        :class:`SandboxClock`. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server, :class:`ValidationError`
        for a bad body).
        """
        return await self._run(_control("GET", "/_sandbox/clock"), data_of(SandboxClock))

    async def set_clock(
        self, now: datetime | None = None, *, freeze: bool = False, real: bool = False
    ) -> SandboxClock:
        """Set the business clock to ``now`` (frozen or running on from it), or back to real time.

        Calls ``POST /_sandbox/clock`` (the sandbox's control API). Returns the
        :class:`SandboxClock`; raises :class:`ValueError` without ``now`` (nor ``real``) or with a
        naive ``now``. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server, :class:`ValidationError`
        for a bad body).
        """
        return await self._run(
            _control("POST", "/_sandbox/clock", body=_clock_body(now, freeze, real)),
            data_of(SandboxClock),
        )

    async def advance_clock(self, seconds: float) -> SandboxClock:
        """Calls ``POST /_sandbox/clock/advance`` (the sandbox's control API). Returns the
        :class:`SandboxClock`. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server, :class:`ValidationError`
        for a bad body).
        """
        return await self._run(
            _control("POST", "/_sandbox/clock/advance", body={"seconds": seconds}),
            data_of(SandboxClock),
        )

    async def review_product(
        self,
        seller_product_id: int | str,
        *,
        result: ReviewResult = "APPROVED",
        reason: str | None = None,
        approved_item_ids: Sequence[int] | None = None,
    ) -> ProductReview:
        """Play Coupang's reviewer for a product waiting for approval (승인대기중).

        ``PARTIAL_APPROVED`` approves ``approved_item_ids`` (``sellerProductItemId``s; the
        first item when omitted). Approved items get their ``vendorItemId``. Without this
        call the sandbox approves automatically after ``auto_review_seconds`` of its clock.

        Calls ``POST /_sandbox/products/{sellerProductId}/review`` (the sandbox's control API). Returns the
        :class:`ProductReview`. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server, :class:`ValidationError`
        for a bad body).
        """
        return await self._run(
            _control(
                "POST",
                _review_path(seller_product_id),
                body=_review_body(result, reason, approved_item_ids),
            ),
            data_of(ProductReview),
        )

    async def place_order(
        self,
        items: Mapping[int, int] | Sequence[tuple[int, int]],
        *,
        receiver: Mapping[str, Any] | None = None,
        bundle: bool = True,
        safe_number: str | None = None,
        vendor_id: str | None = None,
        **extra: Any,
    ) -> PlacedOrder:
        """Play the customer: a paid order of ``{vendorItemId: quantity}`` (approved, on-sale
        items of this client's vendor). The seller sees it after ``order_visible_after_seconds``
        (600) of the sandbox clock: ``advance_clock(600)``.

        Calls ``POST /_sandbox/orders`` (the sandbox's control API). Returns the
        :class:`PlacedOrder` (its ``shipment_box_ids``). Raises an :class:`APIError` subclass when
        the sandbox refuses (:class:`NotFoundError` for an unknown id or a production server,
        :class:`ValidationError` for a bad body).
        """
        body = _order_body(
            vendor_id or self._vendor_id,
            items,
            receiver=receiver,
            bundle=bundle,
            safe_number=safe_number,
            extra=extra,
        )
        return await self._run(
            _control("POST", "/_sandbox/orders", body=body), data_of(PlacedOrder)
        )

    async def order(self, order_id: int | str) -> dict[str, Any]:
        """Everything the sandbox knows about an order (sheets and receipts), visible or not.

        Calls ``GET /_sandbox/orders/{orderId}`` (the sandbox's control API). Returns the
        sandbox's view of the order, as a dict. Raises an :class:`APIError` subclass when the
        sandbox refuses (:class:`NotFoundError` for an unknown id or a production server,
        :class:`ValidationError` for a bad body).
        """
        return await self._run(_control("GET", _order_path(order_id)), _dict)

    async def change_address(self, order_id: int | str, **receiver: str) -> dict[str, Any]:
        """The customer edits the address (name, addr1, addr2, postCode) while ACCEPT.

        Calls ``POST /_sandbox/orders/{orderId}/address`` (the sandbox's control API). Returns the
        changed receiver, as a dict. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server, :class:`ValidationError`
        for a bad body).
        """
        return await self._run(
            _control("POST", _order_path(order_id, "/address"), body={"receiver": receiver}), _dict
        )

    async def request_cancel(
        self, order_id: int | str, *, reason_code: str = "CHANGEMIND",
        items: Mapping[int, int] | None = None,
    ) -> dict[str, Any]:  # fmt: skip
        """The customer cancels: immediate at ACCEPT, a stop-shipment request at INSTRUCT.

        Calls ``POST /_sandbox/orders/{orderId}/cancel-request`` (the sandbox's control API). Returns the
        cancellation (or stop-shipment request), as a dict. Raises an :class:`APIError` subclass
        when the sandbox refuses (:class:`NotFoundError` for an unknown id or a production server,
        :class:`ValidationError` for a bad body).
        """
        return await self._run(
            _control(
                "POST",
                _order_path(order_id, "/cancel-request"),
                body=_cancel_body(reason_code, items),
            ),
            _dict,
        )

    async def scan(self, shipment_box_id: int | str, event: ScanEvent) -> dict[str, Any]:
        """A courier scan: PICKUP, IN_TRANSIT or DELIVERED.

        Calls ``POST /_sandbox/shipments/{shipmentBoxId}/scan`` (the sandbox's control API). Returns the box's
        new delivery state, as a dict. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server, :class:`ValidationError`
        for a bad body).
        """
        return await self._run(
            _control("POST", _scan_path(shipment_box_id), body={"event": event}), _dict
        )

    async def request_exchange(
        self, order_id: int | str, vendor_item_id: int, *, quantity: int = 1,
        reason_code: str = "DEFECT", reason_detail: str | None = None,
        target_vendor_item_id: int | None = None, exchange_amount: int | None = None,
    ) -> ExchangeRequest:  # fmt: skip
        """The customer asks to exchange a delivered item for the same option (RECEIPT).

        Calls ``POST /_sandbox/exchanges`` (the sandbox's control API). Returns the
        :class:`ExchangeRequest`. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server, :class:`ValidationError`
        for a bad body).
        """
        body = _exchange_body(
            order_id, vendor_item_id, quantity=quantity, reason_code=reason_code,
            reason_detail=reason_detail, target_vendor_item_id=target_vendor_item_id,
            exchange_amount=exchange_amount,
        )  # fmt: skip
        return await self._run(
            _control("POST", "/_sandbox/exchanges", body=body), data_of(ExchangeRequest)
        )

    async def exchange(self, exchange_id: int | str) -> ExchangeRequest:
        """An exchange as the seller's list shows it.

        Calls ``GET /_sandbox/exchanges/{exchangeId}`` (the sandbox's control API). Returns the
        :class:`ExchangeRequest`. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server, :class:`ValidationError`
        for a bad body).
        """
        return await self._run(
            _control("GET", _exchange_path(exchange_id)), data_of(ExchangeRequest)
        )

    async def withdraw_exchange(
        self, exchange_id: int | str, *, reason: str | None = None
    ) -> ExchangeRequest:
        """The customer withdraws the exchange (RECEIPT -> CANCEL).

        Calls ``POST /_sandbox/exchanges/{exchangeId}/withdraw`` (the sandbox's control API). Returns the
        :class:`ExchangeRequest`. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server, :class:`ValidationError`
        for a bad body).
        """
        body = {} if reason is None else {"cancelReason": reason}
        return await self._run(
            _control("POST", _exchange_path(exchange_id, "/withdraw"), body=body),
            data_of(ExchangeRequest),
        )

    async def scan_exchange_pickup(
        self, exchange_id: int | str, event: ExchangeScanEvent
    ) -> dict[str, Any]:
        """A courier scan of the returned goods: PICKUP, then DELIVERED (to the seller).

        Calls ``POST /_sandbox/exchanges/{exchangeId}/scan`` (the sandbox's control API). Returns the
        exchange's pickup state, as a dict. Raises an :class:`APIError` subclass when the sandbox
        refuses (:class:`NotFoundError` for an unknown id or a production server,
        :class:`ValidationError` for a bad body).
        """
        return await self._run(
            _control("POST", _exchange_path(exchange_id, "/scan"), body={"event": event}), _dict
        )

    async def request_return(
        self, order_id: int | str, items: Mapping[int, int], *, reason_code: str = "CHANGEMIND",
        reason: str | None = None,
    ) -> dict[str, Any]:  # fmt: skip
        """The customer asks to return shipped items ``{vendorItemId: quantity}`` (one receipt
        per shipment box); ``reason_code`` (VOC) decides who pays the return shipping.

        Calls ``POST /_sandbox/returns`` (the sandbox's control API). Returns the return receipt, as
        a dict. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server, :class:`ValidationError`
        for a bad body).
        """
        return await self._run(
            _control(
                "POST", "/_sandbox/returns", body=_return_body(order_id, items, reason_code, reason)
            ),
            _dict,
        )

    async def return_view(self, receipt_id: int | str) -> dict[str, Any]:
        """Everything the sandbox knows about a return, withdrawn or not.

        Calls ``GET /_sandbox/returns/{receiptId}`` (the sandbox's control API). Returns the
        return receipt, as a dict. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server, :class:`ValidationError`
        for a bad body).
        """
        return await self._run(_control("GET", _return_path(receipt_id)), _dict)

    async def return_step(self, receipt_id: int | str, step: ReturnStep) -> dict[str, Any]:
        """The customer withdraws, the courier picks up, Coupang's CS checks a dispute.

        Calls ``POST /_sandbox/returns/{receiptId}/{step}`` (the sandbox's control API). Returns the
        return receipt after the step, as a dict. Raises an :class:`APIError` subclass when the
        sandbox refuses (:class:`NotFoundError` for an unknown id or a production server,
        :class:`ValidationError` for a bad body).
        """
        return await self._run(
            _control("POST", _return_path(receipt_id, f"/{step}"), body={}), _dict
        )

    async def withdraw_return(self, receipt_id: int | str) -> dict[str, Any]:
        """The customer withdraws the return (before the pickup).

        Calls ``POST /_sandbox/returns/{receiptId}/withdraw`` (the sandbox's control API). Returns the return receipt, as
        a dict. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server, :class:`ValidationError`
        for a bad body).
        """
        return await self.return_step(receipt_id, "withdraw")

    async def scan_return_pickup(self, receipt_id: int | str) -> dict[str, Any]:
        """The courier picks the returned goods up (quick refund happens here).

        Calls ``POST /_sandbox/returns/{receiptId}/pickup`` (the sandbox's control API). Returns the return receipt, as
        a dict. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server, :class:`ValidationError`
        for a bad body).
        """
        return await self.return_step(receipt_id, "pickup")

    async def ask_product_question(
        self, vendor_item_id: int, *, content: str, buyer: str | None = None,
        order_id: int | None = None,
    ) -> OnlineInquiry:  # fmt: skip
        """A customer asks a question on a listed item's product page (NOANSWER).

        Calls ``POST /_sandbox/inquiries/online`` (the sandbox's control API). Returns the
        :class:`OnlineInquiry`. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server, :class:`ValidationError`
        for a bad body).
        """
        body = _question_body(
            self._vendor_id, vendor_item_id, content, buyer=buyer, orderId=order_id
        )
        return await self._run(
            _control("POST", "/_sandbox/inquiries/online", body=body), data_of(OnlineInquiry)
        )

    async def open_call_center_inquiry(
        self, *, content: str, order_id: int | None = None, vendor_item_id: int | None = None,
        transfer: bool = False, receipt_category: str | None = None,
    ) -> CallCenterInquiry:  # fmt: skip
        """A customer calls Coupang about an order (or an item): handed to the seller for an
        answer (NO_ANSWER), or with ``transfer`` closed by the counsellor and handed over for
        the seller to confirm (TRANSFER).

        Calls ``POST /_sandbox/inquiries/call-center`` (the sandbox's control API). Returns the
        :class:`CallCenterInquiry`. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server, :class:`ValidationError`
        for a bad body).
        """
        body = _question_body(
            self._vendor_id, vendor_item_id, content, orderId=order_id, transfer=transfer,
            receiptCategory=receipt_category,
        )  # fmt: skip
        return await self._run(
            _control("POST", "/_sandbox/inquiries/call-center", body=body),
            data_of(CallCenterInquiry),
        )

    async def inquiry_view(self, inquiry_id: int | str, *, kind: InquiryKind) -> dict[str, Any]:
        """An inquiry as the seller's list shows it, with its state (``status``).

        Calls ``GET /_sandbox/inquiries/{kind}/{inquiryId}`` (the sandbox's control API). Returns the
        inquiry with its answers, as a dict. Raises an :class:`APIError` subclass when the sandbox
        refuses (:class:`NotFoundError` for an unknown id or a production server,
        :class:`ValidationError` for a bad body).
        """
        return await self._run(_control("GET", _inquiry_path(kind, inquiry_id)), _dict)

    async def set_settlement(
        self, vendor_id: str, *, cycle: SettlementCycle, commission_rate: float | None = None
    ) -> SettlementTerms:
        """Settlement terms of a vendor: ``WEEKLY`` or ``MONTHLY`` payments and, when given,
        the commission in percent (VAT excluded, e.g. 10.8).

        Calls ``PUT /_sandbox/vendors/{vendorId}/settlement`` (the sandbox's control API). Returns the
        :class:`SettlementTerms`. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server, :class:`ValidationError`
        for a bad body).
        """
        return await self._run(
            _control(
                "PUT", _settlement_path(vendor_id), body=_settlement_body(cycle, commission_rate)
            ),
            data_of(SettlementTerms),
        )

    async def settlement_terms(self, vendor_id: str) -> SettlementTerms:
        """The settlement terms in force for a vendor (defaults: MONTHLY, 10.8 %).

        Calls ``GET /_sandbox/vendors/{vendorId}/settlement`` (the sandbox's control API). Returns the
        :class:`SettlementTerms`. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server, :class:`ValidationError`
        for a bad body).
        """
        return await self._run(
            _control("GET", _settlement_path(vendor_id)), data_of(SettlementTerms)
        )

    async def create_coupon_contract(
        self,
        *,
        vendor_id: str | None = None,
        type: Literal["CONTRACT_BASED", "NON_CONTRACT_BASED"] = "CONTRACT_BASED",
        start: str | None = None,
        end: str | None = None,
        budget_per_month: int | None = None,
        **extra: Any,
    ) -> CouponContract:
        """Seed a coupon contract (dates ``yyyy-MM-dd HH:mm:ss`` Korean time; default today
        to 31 December, budget ``coupon_budget_per_month``) for this client's vendor.

        Calls ``POST /_sandbox/vendors/{vendorId}/coupon-contracts`` (the sandbox's control API). Returns the
        :class:`CouponContract`. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server, :class:`ValidationError`
        for a bad body).
        """
        body = _coupon_contract_body(type, start, end, budget_per_month, extra)
        path = _coupon_contract_path(vendor_id or self._vendor_id)
        return await self._run(_control("POST", path, body=body), data_of(CouponContract))

    async def coupon_view(self, coupon_id: int | str) -> dict[str, Any]:
        """A coupon of either kind with its items and usage (``usageAmount``).

        Calls ``GET /_sandbox/coupons/{couponId}`` (the sandbox's control API). Returns the coupon,
        as a dict. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server, :class:`ValidationError`
        for a bad body).
        """
        path = f"/_sandbox/coupons/{path_param(coupon_id, 'couponId')}"
        return await self._run(_control("GET", path), _dict)

    async def pause_coupon(self, coupon_id: int | str, *, resume: bool = False) -> dict[str, Any]:
        """Coupang stops (발행중지, PAUSED) or resumes (APPLIED) a coupon.

        Calls ``POST /_sandbox/coupons/{couponId}/pause`` (``/resume`` with ``resume=True`` (the sandbox's control API). Returns the
        coupon, as a dict. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server, :class:`ValidationError`
        for a bad body).
        """
        step = "resume" if resume else "pause"
        path = f"/_sandbox/coupons/{path_param(coupon_id, 'couponId')}/{step}"
        return await self._run(_control("POST", path, body={}), _dict)

    async def set_rg_inventory(
        self,
        vendor_item_id: int | str,
        quantity: int,
        *,
        external_sku_id: str | None = None,
        vendor_id: str | None = None,
    ) -> RgInventorySummary:
        """Set the warehouse stock (로켓그로스 재고) of an approved option of this vendor.

        Calls ``PUT /_sandbox/rg/inventory/{vendorItemId}`` (the sandbox's control API). Returns the
        :class:`RgInventorySummary`. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server, :class:`ValidationError`
        for a bad body).
        """
        body = _rg_stock_body(vendor_id or self._vendor_id, quantity, external_sku_id)
        return await self._run(
            _control("PUT", _rg_stock_path(vendor_item_id), body=body), data_of(RgInventorySummary)
        )

    async def place_rg_order(
        self,
        items: Mapping[int, int] | Sequence[tuple[int, int]],
        *,
        paid_at: datetime | None = None,
        vendor_id: str | None = None,
    ) -> RgOrder:
        """Play a Rocket Growth customer: a paid order of ``{vendorItemId: quantity}``, taken
        from the warehouse stock (``paid_at`` defaults to the sandbox clock's now).

        Calls ``POST /_sandbox/rg/orders`` (the sandbox's control API). Returns the
        :class:`RgOrder`; raises :class:`ValueError` for a naive ``paid_at``. Raises an
        :class:`APIError` subclass when the sandbox refuses (:class:`NotFoundError` for an unknown
        id or a production server, :class:`ValidationError` for a bad body).
        """
        body = _rg_order_body(vendor_id or self._vendor_id, items, paid_at)
        return await self._run(_control("POST", "/_sandbox/rg/orders", body=body), data_of(RgOrder))


def _coupon_contract_path(vendor_id: str) -> str:
    return f"/_sandbox/vendors/{path_param(vendor_id, 'vendorId')}/coupon-contracts"


def _coupon_contract_body(
    kind: str, start: str | None, end: str | None, budget: int | None, extra: Mapping[str, Any]
) -> dict[str, Any]:
    body: dict[str, Any] = {"type": kind, **extra}
    if start is not None:
        body["start"] = start
    if end is not None:
        body["end"] = end
    if budget is not None:
        body["budgetPerMonth"] = budget
    return body


def _rg_stock_path(vendor_item_id: int | str) -> str:
    return f"/_sandbox/rg/inventory/{path_param(vendor_item_id, 'vendorItemId')}"


def _rg_stock_body(vendor_id: str, quantity: int, external_sku_id: str | None) -> dict[str, Any]:
    body: dict[str, Any] = {"vendorId": vendor_id, "quantity": quantity}
    if external_sku_id is not None:
        body["externalSkuId"] = external_sku_id
    return body


def _rg_order_body(
    vendor_id: str,
    items: Mapping[int, int] | Sequence[tuple[int, int]],
    paid_at: datetime | None,
) -> dict[str, Any]:
    pairs = list(items.items()) if isinstance(items, Mapping) else list(items)
    body: dict[str, Any] = {
        "vendorId": vendor_id,
        "items": [{"vendorItemId": v, "quantity": q} for v, q in pairs],
    }
    if paid_at is not None:
        if paid_at.tzinfo is None:
            raise ValueError("paid_at must be an aware datetime")
        body["paidAt"] = paid_at.isoformat()
    return body
