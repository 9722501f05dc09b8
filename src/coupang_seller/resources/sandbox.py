"""``client.sandbox``: the sandbox's control API (``/_sandbox``), grouped by resource like
stripe's ``test_helpers``.

=============================  ==========================================================
``client.sandbox.clock``       ``get()``, ``set(now, freeze=)``, ``advance(seconds)``
``client.sandbox.vendors``     ``create(vendor_id=, access_key=, secret_key=)``,
                               ``key_policy()``, ``set_key_policy()``, ``rotate_key()``
``client.sandbox.products``    ``review(seller_product_id, result=)``
``client.sandbox.orders``      ``place(items)``, ``get(order_id)``, ``change_address()``,
                               ``request_cancel()``
``client.sandbox.courier``     ``scan(box, event)``, ``scan_exchange()``, ``pick_up_return()``
``client.sandbox.exchanges``   ``request()``, ``get()``, ``withdraw()``
``client.sandbox.returns``     ``request()``, ``get()``, ``step()``, ``withdraw()``
``client.sandbox.inquiries``   ``ask()``, ``open_call_center()``, ``get()``
``client.sandbox.settlement``  ``set(vendor_id, cycle=)``, ``terms(vendor_id)``
``client.sandbox.coupons``     ``create_contract()``, ``get()``, ``pause()``, ``resume()``
``client.sandbox.rocket_growth``  ``set_inventory()``, ``place_order()``
``client.sandbox.requests``    ``list(since=, status=, vendor=)``, ``count()``, ``clear()``
``client.sandbox.health()``    status, version, store, vendors, clock
``client.sandbox.faults``      ``add(kind, ...)``, ``list()``, ``remove(id)``, ``clear()``
``client.sandbox.snapshots``   ``save(name)``, ``restore(name)``, ``list()``, ``delete(name)``
``client.sandbox.reset()``     wipe everything
=============================  ==========================================================

Every helper returns a typed model (:mod:`coupang_seller.types.sandbox` and the seller-API
models). These calls only work against a coupang-sandbox server; production answers 404.
They are not HMAC-signed (the sandbox binds them to loopback and can require a bearer token).
The flat names of earlier releases (``client.sandbox.advance_clock(...)``) still work for one
release and raise a :class:`DeprecationWarning` naming the new call.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from functools import cached_property, wraps
from typing import TYPE_CHECKING, Any, Final, Literal
from urllib.parse import quote, urlencode

from pydantic import BaseModel, SecretStr

from coupang_seller._core import NOT_GIVEN, _NotGiven, path_param
from coupang_seller._secret import reveal
from coupang_seller.resources._base import (
    AsyncResource,
    Call,
    SyncResource,
    data_of,
    nothing,
)
from coupang_seller.resources.sandbox_faults import AsyncSandboxFaultHelpers, SandboxFaultHelpers
from coupang_seller.types.coupons import CouponContract
from coupang_seller.types.customer_service import CallCenterInquiry, OnlineInquiry
from coupang_seller.types.exchanges import ExchangeRequest
from coupang_seller.types.rocket_growth import RgInventorySummary, RgOrder
from coupang_seller.types.sandbox import (
    AddressChange,
    BoxScan,
    CustomerCancel,
    ExchangeScan,
    PlacedBox,
    PlacedOrder,
    ProductReview,
    RequestedReturns,
    RequestLogCount,
    RequestLogPage,
    ReturnPickup,
    ReturnStepResult,
    ReviewedItem,
    SandboxClock,
    SandboxCoupon,
    SandboxHealth,
    SandboxInquiry,
    SandboxKeyPolicy,
    SandboxOrder,
    SandboxReturn,
    SandboxRotatedKey,
    SandboxSnapshot,
    SandboxSnapshots,
    SandboxVendor,
)
from coupang_seller.types.settlement import SettlementTerms

__all__ = [
    "AsyncSandbox",
    "PlacedBox",
    "PlacedOrder",
    "ProductReview",
    "ReviewedItem",
    "Sandbox",
    "SandboxClock",
    "SandboxVendor",
]

ReviewResult = Literal["APPROVED", "PARTIAL_APPROVED", "DENIED"]
ScanEvent = Literal["PICKUP", "IN_TRANSIT", "DELIVERED"]
ExchangeScanEvent = Literal["PICKUP", "DELIVERED"]
ReturnStep = Literal["withdraw", "pickup", "coupang-check", "coupang-checked"]
SettlementCycle = Literal["WEEKLY", "MONTHLY"]
InquiryKind = Literal["online", "call-center"]

#: The flat names of earlier releases -> (group, helper) of the grouped API.
MOVED: Final[Mapping[str, tuple[str, str]]] = {
    "create_vendor": ("vendors", "create"),
    "set_clock": ("clock", "set"),
    "advance_clock": ("clock", "advance"),
    "review_product": ("products", "review"),
    "place_order": ("orders", "place"),
    "order": ("orders", "get"),
    "change_address": ("orders", "change_address"),
    "request_cancel": ("orders", "request_cancel"),
    "scan": ("courier", "scan"),
    "scan_exchange_pickup": ("courier", "scan_exchange"),
    "scan_return_pickup": ("courier", "pick_up_return"),
    "request_exchange": ("exchanges", "request"),
    "exchange": ("exchanges", "get"),
    "withdraw_exchange": ("exchanges", "withdraw"),
    "request_return": ("returns", "request"),
    "return_view": ("returns", "get"),
    "return_step": ("returns", "step"),
    "withdraw_return": ("returns", "withdraw"),
    "ask_product_question": ("inquiries", "ask"),
    "open_call_center_inquiry": ("inquiries", "open_call_center"),
    "inquiry_view": ("inquiries", "get"),
    "set_settlement": ("settlement", "set"),
    "settlement_terms": ("settlement", "terms"),
    "create_coupon_contract": ("coupons", "create_contract"),
    "coupon_view": ("coupons", "get"),
    "pause_coupon": ("coupons", "pause"),
    "set_rg_inventory": ("rocket_growth", "set_inventory"),
    "place_rg_order": ("rocket_growth", "place_order"),
}

#: Flat names that answered a plain dict: their deprecated alias still does.
ANSWERED_DICTS: Final = frozenset(
    {
        "order", "change_address", "request_cancel", "scan", "scan_exchange_pickup",
        "scan_return_pickup", "request_return", "return_view", "return_step", "withdraw_return",
        "inquiry_view", "coupon_view", "pause_coupon",
    }
)  # fmt: skip


def _moved(old: str, new: str) -> None:
    warnings.warn(
        f"client.sandbox.{old} is deprecated and goes away in the next release; "
        f"use client.sandbox.{new}",
        DeprecationWarning,
        stacklevel=3,
    )


def _as_dict(model: BaseModel) -> dict[str, Any]:
    """The JSON a flat helper of earlier releases answered (the fields the sandbox sent)."""
    return model.model_dump(mode="json", exclude_unset=True)


def _old_helper(resources: Any, name: str) -> Callable[..., Any]:
    """The grouped helper behind a flat name, answering what the flat name answered."""
    group, helper = MOVED[name]
    target = getattr(getattr(resources, group), helper)
    if name == "pause_coupon":
        target = _pause_or_resume(resources.coupons)
    if name not in ANSWERED_DICTS:
        return target  # type: ignore[no-any-return]
    if isinstance(resources, AsyncResource):

        @wraps(target)
        async def run_async(*args: Any, **kwargs: Any) -> dict[str, Any]:
            """Await the control call and return its answer as a dict."""
            return _as_dict(await target(*args, **kwargs))

        return run_async

    @wraps(target)
    def run(*args: Any, **kwargs: Any) -> dict[str, Any]:
        """Make the control call and return its answer as a dict."""
        return _as_dict(target(*args, **kwargs))

    return run


def _pause_or_resume(coupons: Any) -> Callable[..., Any]:
    """``pause_coupon(coupon_id, resume=False)`` of earlier releases."""

    def move(coupon_id: int | str, *, resume: bool = False) -> Any:
        """Pause the coupon, or resume it when ``resume`` is True."""
        return coupons.resume(coupon_id) if resume else coupons.pause(coupon_id)

    return move


class _Moved:
    """The flat names of earlier releases: each warns and runs its grouped helper.

    Hidden from type checkers, so mypy and pyright flag the old names (and typos) instead of
    accepting any attribute; at run time they still work, with a ``DeprecationWarning``.
    """

    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            """Run the grouped helper behind a flat name of an earlier release, warning."""
            if name not in MOVED:
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            group, helper = MOVED[name]
            also = " (or coupons.resume())" if name == "pause_coupon" else ""
            _moved(f"{name}()", f"{group}.{helper}(){also}")
            return _old_helper(self, name)


def _control(method: str, path: str, body: Any = None) -> Call:
    """A call to the sandbox's control API (unsigned, never rate-limited or retried)."""
    return Call(method, path, body=body, control=True)


def _vendor_body(
    vendor_id: str | None, access_key: str | None, secret_key: str | SecretStr | None
) -> dict[str, Any]:
    body = {
        "vendorId": vendor_id,
        "accessKey": access_key,
        "secretKey": None if secret_key is None else reveal(secret_key),
    }
    return {k: v for k, v in body.items() if v is not None}


def _key_policy_path(vendor_id: str, tail: str = "/key-policy") -> str:
    return f"/_sandbox/vendors/{path_param(vendor_id, 'vendorId')}{tail}"


def _key_policy_body(
    allowed_ips: Sequence[str] | _NotGiven | None, lifetime_days: int | None
) -> dict[str, Any]:
    body: dict[str, Any] = {}
    if not isinstance(allowed_ips, _NotGiven):
        if isinstance(allowed_ips, str):
            raise TypeError("allowed_ips takes a list of addresses, not one string")
        body["allowedIps"] = None if allowed_ips is None else list(allowed_ips)
    if lifetime_days is not None:
        body["lifetimeDays"] = lifetime_days
    return body


def _rotate_body(
    overlap_seconds: float, access_key: str | None, secret_key: str | SecretStr | None
) -> dict[str, Any]:
    body: dict[str, Any] = {"overlapSeconds": overlap_seconds}
    if access_key is not None:
        body["accessKey"] = access_key
    if secret_key is not None:
        body["secretKey"] = reveal(secret_key)
    return body


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


def _settlement_path(vendor_id: str) -> str:
    return f"/_sandbox/vendors/{path_param(vendor_id, 'vendorId')}/settlement"


def _settlement_body(cycle: str, commission_rate: float | None) -> dict[str, Any]:
    body: dict[str, Any] = {"cycle": cycle}
    if commission_rate is not None:
        body["commissionRate"] = commission_rate
    return body


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


def _log_path(tail: str = "", **filters: str | int | None) -> str:
    """``/_sandbox/requests`` with the filters given (``None`` left out)."""
    given = {name: str(value) for name, value in filters.items() if value is not None}
    return f"/_sandbox/requests{tail}" + (f"?{urlencode(given)}" if given else "")


def _count_of(answer: Any) -> int:
    return data_of(RequestLogCount)(answer).count


def _cleared(answer: Any) -> int:
    data = answer.get("data") if isinstance(answer, dict) else None
    return int(data.get("cleared", 0)) if isinstance(data, dict) else 0


class SandboxClockHelpers(SyncResource):
    """``client.sandbox.clock``: the sandbox's business clock (read, set, advance)."""

    def get(self) -> SandboxClock:
        """The sandbox clock's time and mode.

        Calls ``GET /_sandbox/clock`` (the sandbox's control API). Returns the
        :class:`SandboxClock`. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` on a production server).
        """
        return self._run(_control("GET", "/_sandbox/clock"), data_of(SandboxClock))

    def set(
        self, now: datetime | None = None, *, freeze: bool = False, real: bool = False
    ) -> SandboxClock:
        """Set the business clock to ``now`` (frozen or running on from it), or back to real time.

        Calls ``POST /_sandbox/clock`` (the sandbox's control API). Returns the
        :class:`SandboxClock`; raises :class:`ValueError` without ``now`` (nor ``real``) or with a
        naive ``now``. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` on a production server, :class:`ValidationError` for a bad body).
        """
        return self._run(
            _control("POST", "/_sandbox/clock", body=_clock_body(now, freeze, real)),
            data_of(SandboxClock),
        )

    def advance(self, seconds: float) -> SandboxClock:
        """Move the business clock ``seconds`` on (what is due by then happens: visibility,
        auto-approval, deliveries, settlement).

        Calls ``POST /_sandbox/clock/advance`` (the sandbox's control API). Returns the
        :class:`SandboxClock`. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` on a production server, :class:`ValidationError` for a bad body).
        """
        return self._run(
            _control("POST", "/_sandbox/clock/advance", body={"seconds": seconds}),
            data_of(SandboxClock),
        )

    def __call__(self) -> SandboxClock:
        """Deprecated: ``client.sandbox.clock()`` is ``client.sandbox.clock.get()``."""
        _moved("clock()", "clock.get()")
        return self.get()


class SandboxVendorHelpers(SyncResource):
    """``client.sandbox.vendors``: register vendors at run time, set their keys' policy
    (allowed addresses, lifetime) and rotate their keys."""

    def create(
        self,
        vendor_id: str | None = None,
        *,
        access_key: str | None = None,
        secret_key: str | SecretStr | None = None,
    ) -> SandboxVendor:
        """Register a vendor; anything not given is generated. ``reset()`` removes it unless
        called with ``keep_vendors=True``.

        Calls ``POST /_sandbox/vendors`` (the sandbox's control API). Returns the
        :class:`SandboxVendor` (its secret masked until ``reveal()``). Raises an :class:`APIError`
        subclass when the sandbox refuses (:class:`NotFoundError` on a production server,
        :class:`ValidationError` for a bad body).
        """
        body = _vendor_body(vendor_id, access_key, secret_key)
        return self._run(_control("POST", "/_sandbox/vendors", body=body), data_of(SandboxVendor))

    def key_policy(self, vendor_id: str | None = None) -> SandboxKeyPolicy:
        """A vendor's key policy (allowed addresses, lifetime) and its key's dates on the
        sandbox clock, with the keys rotated out that still work (this client's vendor by
        default).

        Calls ``GET /_sandbox/vendors/{vendorId}/key-policy`` (the sandbox's control API).
        Returns the :class:`SandboxKeyPolicy`. Raises an :class:`APIError` subclass when the
        sandbox refuses (:class:`NotFoundError` for an unknown vendor or a production server).
        """
        path = _key_policy_path(vendor_id or self._vendor_id)
        return self._run(_control("GET", path), data_of(SandboxKeyPolicy))

    def set_key_policy(
        self,
        vendor_id: str | None = None,
        *,
        allowed_ips: Sequence[str] | _NotGiven | None = NOT_GIVEN,
        lifetime_days: int | None = None,
    ) -> SandboxKeyPolicy:
        """Set the addresses (IPs or CIDR networks) the vendor's key may call from, and how
        many days a key lives on the sandbox clock (Coupang: 180). ``allowed_ips=None`` allows
        any address again; what is not given stays as it is. A signed call from another
        address answers 403 (:class:`IPNotAllowedError`); an expired key answers 401
        (:class:`AccessKeyExpiredError`).

        Calls ``PUT /_sandbox/vendors/{vendorId}/key-policy`` (the sandbox's control API).
        Returns the :class:`SandboxKeyPolicy`. Raises an :class:`APIError` subclass when the
        sandbox refuses (:class:`NotFoundError` for an unknown vendor or a production server,
        :class:`ValidationError` for a bad address or lifetime).
        """
        body = _key_policy_body(allowed_ips, lifetime_days)
        path = _key_policy_path(vendor_id or self._vendor_id)
        return self._run(_control("PUT", path, body=body), data_of(SandboxKeyPolicy))

    def rotate_key(
        self,
        vendor_id: str | None = None,
        *,
        overlap_seconds: float = 0,
        access_key: str | None = None,
        secret_key: str | SecretStr | None = None,
    ) -> SandboxRotatedKey:
        """Reissue the vendor's key: a new access and secret key (generated unless given),
        issued now on the sandbox clock. The old key keeps working for ``overlap_seconds``
        (never past its own expiry), then answers 401 (:class:`AccessKeyExpiredError`). A
        client keeps its keys: build a new one with the new keys.

        Calls ``POST /_sandbox/vendors/{vendorId}/keys/rotate`` (the sandbox's control API).
        Returns the :class:`SandboxRotatedKey` (its secret masked until ``reveal()``). Raises an
        :class:`APIError` subclass when the sandbox refuses (:class:`NotFoundError` for an
        unknown vendor or a production server, :class:`ValidationError` for a bad body,
        :class:`BusinessRuleError` (409) for an access key already in use).
        """
        body = _rotate_body(overlap_seconds, access_key, secret_key)
        path = _key_policy_path(vendor_id or self._vendor_id, "/keys/rotate")
        return self._run(_control("POST", path, body=body), data_of(SandboxRotatedKey))


class SandboxProductHelpers(SyncResource):
    """``client.sandbox.products``: play Coupang's product reviewers."""

    def review(
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

        Calls ``POST /_sandbox/products/{sellerProductId}/review`` (the sandbox's control API).
        Returns the :class:`ProductReview`. Raises an :class:`APIError` subclass when the sandbox
        refuses (:class:`NotFoundError` for an unknown id or a production server,
        :class:`ValidationError` for a bad body).
        """
        body = _review_body(result, reason, approved_item_ids)
        return self._run(
            _control("POST", _review_path(seller_product_id), body=body), data_of(ProductReview)
        )


class SandboxOrderHelpers(SyncResource):
    """``client.sandbox.orders``: play the customer of an order (place, edit, cancel)."""

    def place(
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
        (600) of the sandbox clock: ``clock.advance(600)``.

        Calls ``POST /_sandbox/orders`` (the sandbox's control API). Returns the
        :class:`PlacedOrder` (its ``shipment_box_ids``). Raises an :class:`APIError` subclass when
        the sandbox refuses (:class:`NotFoundError` for an unknown id or a production server,
        :class:`ValidationError` for a bad body).
        """
        body = _order_body(
            vendor_id or self._vendor_id, items, receiver=receiver, bundle=bundle,
            safe_number=safe_number, extra=extra,
        )  # fmt: skip
        return self._run(_control("POST", "/_sandbox/orders", body=body), data_of(PlacedOrder))

    def get(self, order_id: int | str) -> SandboxOrder:
        """Everything the sandbox knows about an order (sheets and receipts), visible or not.

        Calls ``GET /_sandbox/orders/{orderId}`` (the sandbox's control API). Returns the
        :class:`SandboxOrder`. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server).
        """
        return self._run(_control("GET", _order_path(order_id)), data_of(SandboxOrder))

    def change_address(self, order_id: int | str, **receiver: str) -> AddressChange:
        """The customer edits the address (name, addr1, addr2, postCode) while ACCEPT.

        Calls ``POST /_sandbox/orders/{orderId}/address`` (the sandbox's control API). Returns
        the :class:`AddressChange` (the new receiver and region). Raises an :class:`APIError`
        subclass when the sandbox refuses (:class:`NotFoundError` for an unknown id or a
        production server, :class:`ValidationError` for a bad body, :class:`ConflictError` once
        shipping has started).
        """
        path = _order_path(order_id, "/address")
        return self._run(
            _control("POST", path, body={"receiver": receiver}), data_of(AddressChange)
        )

    def request_cancel(
        self, order_id: int | str, *, reason_code: str = "CHANGEMIND",
        items: Mapping[int, int] | None = None,
    ) -> CustomerCancel:  # fmt: skip
        """The customer cancels ``{vendorItemId: count}`` (everything left when omitted):
        immediate at ACCEPT, a stop-shipment request at INSTRUCT.

        Calls ``POST /_sandbox/orders/{orderId}/cancel-request`` (the sandbox's control API).
        Returns the :class:`CustomerCancel` (one receipt per box). Raises an :class:`APIError`
        subclass when the sandbox refuses (:class:`NotFoundError` for an unknown id or a
        production server, :class:`ValidationError` for a bad body).
        """
        path = _order_path(order_id, "/cancel-request")
        body = _cancel_body(reason_code, items)
        return self._run(_control("POST", path, body=body), data_of(CustomerCancel))


class SandboxCourierHelpers(SyncResource):
    """``client.sandbox.courier``: play the courier (parcels, exchange and return pickups)."""

    def scan(self, shipment_box_id: int | str, event: ScanEvent) -> BoxScan:
        """A courier scan of a parcel: PICKUP, IN_TRANSIT or DELIVERED.

        Calls ``POST /_sandbox/shipments/{shipmentBoxId}/scan`` (the sandbox's control API).
        Returns the :class:`BoxScan` (the box's new status). Raises an :class:`APIError` subclass
        when the sandbox refuses (:class:`NotFoundError` for an unknown id or a production
        server, :class:`ValidationError` for a bad event, :class:`ConflictError` out of order).
        """
        return self._run(
            _control("POST", _scan_path(shipment_box_id), body={"event": event}), data_of(BoxScan)
        )

    def scan_exchange(self, exchange_id: int | str, event: ExchangeScanEvent) -> ExchangeScan:
        """A courier scan of an exchange's returned goods: PICKUP, then DELIVERED (to the seller).

        Calls ``POST /_sandbox/exchanges/{exchangeId}/scan`` (the sandbox's control API). Returns
        the :class:`ExchangeScan` (its ``collectStatus``). Raises an :class:`APIError` subclass
        when the sandbox refuses (:class:`NotFoundError` for an unknown id or a production
        server, :class:`ValidationError` for a bad event).
        """
        path = _exchange_path(exchange_id, "/scan")
        return self._run(_control("POST", path, body={"event": event}), data_of(ExchangeScan))

    def pick_up_return(self, receipt_id: int | str) -> ReturnPickup:
        """The courier picks a return's goods up (a quick refund happens here).

        Calls ``POST /_sandbox/returns/{receiptId}/pickup`` (the sandbox's control API). Returns
        the :class:`ReturnPickup`. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server, :class:`ConflictError`
        when the return cannot be picked up).
        """
        path = _return_path(receipt_id, "/pickup")
        return self._run(_control("POST", path, body={}), data_of(ReturnPickup))


class SandboxExchangeHelpers(SyncResource):
    """``client.sandbox.exchanges``: play the customer of an exchange."""

    def request(
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

    def get(self, exchange_id: int | str) -> ExchangeRequest:
        """An exchange as the seller's list shows it.

        Calls ``GET /_sandbox/exchanges/{exchangeId}`` (the sandbox's control API). Returns the
        :class:`ExchangeRequest`. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server).
        """
        return self._run(_control("GET", _exchange_path(exchange_id)), data_of(ExchangeRequest))

    def withdraw(self, exchange_id: int | str, *, reason: str | None = None) -> ExchangeRequest:
        """The customer withdraws the exchange (RECEIPT -> CANCEL).

        Calls ``POST /_sandbox/exchanges/{exchangeId}/withdraw`` (the sandbox's control API).
        Returns the :class:`ExchangeRequest`. Raises an :class:`APIError` subclass when the
        sandbox refuses (:class:`NotFoundError` for an unknown id or a production server,
        :class:`ConflictError` past RECEIPT).
        """
        body = {} if reason is None else {"cancelReason": reason}
        return self._run(
            _control("POST", _exchange_path(exchange_id, "/withdraw"), body=body),
            data_of(ExchangeRequest),
        )


class SandboxReturnHelpers(SyncResource):
    """``client.sandbox.returns``: play the customer of a return and Coupang's CS."""

    def request(
        self, order_id: int | str, items: Mapping[int, int], *, reason_code: str = "CHANGEMIND",
        reason: str | None = None,
    ) -> RequestedReturns:  # fmt: skip
        """The customer asks to return shipped items ``{vendorItemId: quantity}`` (one receipt
        per shipment box); ``reason_code`` (VOC) decides who pays the return shipping.

        Calls ``POST /_sandbox/returns`` (the sandbox's control API). Returns the
        :class:`RequestedReturns` (its ``receipt_ids``). Raises an :class:`APIError` subclass when
        the sandbox refuses (:class:`NotFoundError` for an unknown id or a production server,
        :class:`ValidationError` for a bad body).
        """
        body = _return_body(order_id, items, reason_code, reason)
        return self._run(
            _control("POST", "/_sandbox/returns", body=body), data_of(RequestedReturns)
        )

    def get(self, receipt_id: int | str) -> SandboxReturn:
        """Everything the sandbox knows about a return, withdrawn or not.

        Calls ``GET /_sandbox/returns/{receiptId}`` (the sandbox's control API). Returns the
        :class:`SandboxReturn`. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server).
        """
        return self._run(_control("GET", _return_path(receipt_id)), data_of(SandboxReturn))

    def step(self, receipt_id: int | str, step: ReturnStep) -> ReturnStepResult:
        """The customer withdraws, the courier picks up (``courier.pick_up_return``), Coupang's
        CS takes a dispute (``coupang-check``) or settles it (``coupang-checked``).

        Calls ``POST /_sandbox/returns/{receiptId}/{step}`` (the sandbox's control API). Returns
        the :class:`ReturnStepResult` (the new ``receiptStatus``). Raises an :class:`APIError`
        subclass when the sandbox refuses (:class:`NotFoundError` for an unknown id or a
        production server, :class:`ConflictError` when the step is not allowed now).
        """
        path = _return_path(receipt_id, f"/{step}")
        return self._run(_control("POST", path, body={}), data_of(ReturnStepResult))

    def withdraw(self, receipt_id: int | str) -> ReturnStepResult:
        """The customer withdraws the return (before the pickup).

        Calls ``POST /_sandbox/returns/{receiptId}/withdraw`` (the sandbox's control API).
        Returns the :class:`ReturnStepResult` (``withdrawnAt`` set). Raises an :class:`APIError`
        subclass when the sandbox refuses (:class:`NotFoundError` for an unknown id or a
        production server, :class:`ConflictError` after the pickup).
        """
        return self.step(receipt_id, "withdraw")


class SandboxInquiryHelpers(SyncResource):
    """``client.sandbox.inquiries``: play the customer and Coupang's call center."""

    def ask(
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

    def open_call_center(
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

    def get(self, inquiry_id: int | str, *, kind: InquiryKind) -> SandboxInquiry:
        """An inquiry as the seller's list shows it, with its state (``status``).

        Calls ``GET /_sandbox/inquiries/{kind}/{inquiryId}`` (the sandbox's control API). Returns
        the :class:`SandboxInquiry`. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or kind, or a production server).
        """
        return self._run(_control("GET", _inquiry_path(kind, inquiry_id)), data_of(SandboxInquiry))


class SandboxSettlementHelpers(SyncResource):
    """``client.sandbox.settlement``: a vendor's settlement terms (cycle, commission)."""

    def set(
        self, vendor_id: str, *, cycle: SettlementCycle, commission_rate: float | None = None
    ) -> SettlementTerms:
        """Settlement terms of a vendor: ``WEEKLY`` or ``MONTHLY`` payments and, when given,
        the commission in percent (VAT excluded, e.g. 10.8).

        Calls ``PUT /_sandbox/vendors/{vendorId}/settlement`` (the sandbox's control API).
        Returns the :class:`SettlementTerms`. Raises an :class:`APIError` subclass when the
        sandbox refuses (:class:`NotFoundError` for an unknown id or a production server,
        :class:`ValidationError` for a bad body).
        """
        body = _settlement_body(cycle, commission_rate)
        return self._run(
            _control("PUT", _settlement_path(vendor_id), body=body), data_of(SettlementTerms)
        )

    def terms(self, vendor_id: str) -> SettlementTerms:
        """The settlement terms in force for a vendor (defaults: MONTHLY, 10.8 %).

        Calls ``GET /_sandbox/vendors/{vendorId}/settlement`` (the sandbox's control API).
        Returns the :class:`SettlementTerms`. Raises an :class:`APIError` subclass when the
        sandbox refuses (:class:`NotFoundError` for an unknown id or a production server).
        """
        return self._run(_control("GET", _settlement_path(vendor_id)), data_of(SettlementTerms))


class SandboxCouponHelpers(SyncResource):
    """``client.sandbox.coupons``: seed coupon contracts, play Coupang's coupon operators."""

    def create_contract(
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

        Calls ``POST /_sandbox/vendors/{vendorId}/coupon-contracts`` (the sandbox's control
        API). Returns the :class:`CouponContract`. Raises an :class:`APIError` subclass when the
        sandbox refuses (:class:`NotFoundError` for an unknown id or a production server,
        :class:`ValidationError` for a bad body).
        """
        body = _coupon_contract_body(type, start, end, budget_per_month, extra)
        path = _coupon_contract_path(vendor_id or self._vendor_id)
        return self._run(_control("POST", path, body=body), data_of(CouponContract))

    def get(self, coupon_id: int | str) -> SandboxCoupon:
        """A coupon of either kind with its items and usage (``usageAmount``).

        Calls ``GET /_sandbox/coupons/{couponId}`` (the sandbox's control API). Returns the
        :class:`SandboxCoupon`. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server).
        """
        return self._run(_control("GET", _coupon_path(coupon_id)), data_of(SandboxCoupon))

    def pause(self, coupon_id: int | str) -> SandboxCoupon:
        """Coupang stops a coupon (발행중지: APPLIED -> PAUSED).

        Calls ``POST /_sandbox/coupons/{couponId}/pause`` (the sandbox's control API). Returns
        the :class:`SandboxCoupon` after the move. Raises an :class:`APIError` subclass when the
        sandbox refuses (:class:`NotFoundError` for an unknown id or a production server,
        :class:`ConflictError` when the coupon is not APPLIED).
        """
        path = _coupon_path(coupon_id, "/pause")
        return self._run(_control("POST", path, body={}), data_of(SandboxCoupon))

    def resume(self, coupon_id: int | str) -> SandboxCoupon:
        """Coupang resumes a stopped coupon (PAUSED -> APPLIED).

        Calls ``POST /_sandbox/coupons/{couponId}/resume`` (the sandbox's control API). Returns
        the :class:`SandboxCoupon` after the move. Raises an :class:`APIError` subclass when the
        sandbox refuses (:class:`NotFoundError` for an unknown id or a production server,
        :class:`ConflictError` when the coupon is not PAUSED).
        """
        path = _coupon_path(coupon_id, "/resume")
        return self._run(_control("POST", path, body={}), data_of(SandboxCoupon))


class SandboxRocketGrowthHelpers(SyncResource):
    """``client.sandbox.rocket_growth``: Coupang's warehouse stock and its customers."""

    def set_inventory(
        self,
        vendor_item_id: int | str,
        quantity: int,
        *,
        external_sku_id: str | None = None,
        vendor_id: str | None = None,
    ) -> RgInventorySummary:
        """Set the warehouse stock (로켓그로스 재고) of an approved option of this vendor.

        Calls ``PUT /_sandbox/rg/inventory/{vendorItemId}`` (the sandbox's control API). Returns
        the :class:`RgInventorySummary`. Raises an :class:`APIError` subclass when the sandbox
        refuses (:class:`NotFoundError` for an unknown id or a production server,
        :class:`ValidationError` for a bad body).
        """
        body = _rg_stock_body(vendor_id or self._vendor_id, quantity, external_sku_id)
        return self._run(
            _control("PUT", _rg_stock_path(vendor_item_id), body=body), data_of(RgInventorySummary)
        )

    def place_order(
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


class SandboxRequestHelpers(SyncResource):
    """``client.sandbox.requests``: the sandbox's request log (every signed-API request)."""

    def list(
        self,
        *,
        since: int | None = None,
        status: str | int | None = None,
        vendor: str | None = None,
        method: str | None = None,
        path: str | None = None,
        limit: int | None = None,
    ) -> RequestLogPage:
        """The request log: each request the sandbox's signed API got, oldest first, with
        its caller, status, latency, sizes, the refusal's field and rule, and the fault.

        ``since`` (a ``seq``) reads the requests after it (pass the page's ``last`` to follow
        the log); without it, the last ``limit`` requests (default 100, at most 1000).
        ``status`` is a code (``401``), a class (``"4xx"``) or a comma-separated list of
        them; ``vendor`` a vendorId; ``method`` an HTTP method; ``path`` a piece of the path.

        Calls ``GET /_sandbox/requests`` (the sandbox's control API). Returns the
        :class:`RequestLogPage` (``requests`` and ``last``). Raises an :class:`APIError`
        subclass when the sandbox refuses (:class:`ValidationError` naming a bad filter,
        :class:`NotFoundError` on a production server).
        """
        target = _log_path(
            since=since, status=status, vendor=vendor, method=method, path=path, limit=limit
        )
        return self._run(_control("GET", target), data_of(RequestLogPage))

    def count(
        self,
        *,
        since: int | None = None,
        status: str | int | None = None,
        vendor: str | None = None,
        method: str | None = None,
        path: str | None = None,
    ) -> int:
        """How many logged requests match the filters (those of :meth:`list`): e.g. how
        many times a write reached the sandbox.

        Calls ``GET /_sandbox/requests/count`` (the sandbox's control API). Returns the
        number. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`ValidationError` naming a bad filter, :class:`NotFoundError` on a production
        server).
        """
        target = _log_path(
            "/count", since=since, status=status, vendor=vendor, method=method, path=path
        )
        return self._run(_control("GET", target), _count_of)

    def clear(self) -> int:
        """Forget every logged request (the next ``seq`` still grows).

        Calls ``DELETE /_sandbox/requests`` (the sandbox's control API). Returns how many
        were dropped. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` on a production server).
        """
        return self._run(_control("DELETE", "/_sandbox/requests"), _cleared)


class SandboxSnapshotHelpers(SyncResource):
    """``client.sandbox.snapshots``: save the whole sandbox state under a name, restore it."""

    def save(self, name: str, *, replace: bool = False) -> SandboxSnapshot:
        """Save the whole state (data, vendors, clock, faults) under ``name``; a name that is
        taken is refused unless ``replace=True``. Snapshots survive ``reset()``.

        Calls ``POST /_sandbox/snapshots`` (the sandbox's control API). Returns the
        :class:`SandboxSnapshot`. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` on a production server, :class:`ValidationError` for a name with
        path characters, :class:`ConflictError` for a name that is taken).
        """
        body = {"name": name, "replace": replace}
        return self._run(
            _control("POST", "/_sandbox/snapshots", body=body), data_of(SandboxSnapshot)
        )

    def restore(self, name: str) -> SandboxSnapshot:
        """Put the state saved under ``name`` back, clock included (one transaction).

        Calls ``POST /_sandbox/snapshots/{name}/restore`` (the sandbox's control API). Returns
        the :class:`SandboxSnapshot` restored. Raises an :class:`APIError` subclass when the
        sandbox refuses (:class:`NotFoundError` for an unknown name or a production server,
        :class:`ValidationError` for a name with path characters).
        """
        return self._run(
            _control("POST", _snapshot_path(name, "/restore"), body={}), data_of(SandboxSnapshot)
        )

    def list(self) -> list[SandboxSnapshot]:
        """Every saved snapshot, oldest first.

        Calls ``GET /_sandbox/snapshots`` (the sandbox's control API). Returns a list of
        :class:`SandboxSnapshot`. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` on a production server).
        """
        found = self._run(_control("GET", "/_sandbox/snapshots"), data_of(SandboxSnapshots))
        return found.snapshots

    def delete(self, name: str) -> None:
        """Delete the snapshot ``name``.

        Calls ``DELETE /_sandbox/snapshots/{name}`` (the sandbox's control API). Returns
        nothing. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown name or a production server).
        """
        self._run(_control("DELETE", _snapshot_path(name)), nothing)


class Sandbox(_Moved, SyncResource):
    """``client.sandbox``: the sandbox's control API, grouped like stripe's test helpers:
    ``clock``, ``vendors``, ``products``, ``orders``, ``courier``, ``exchanges``, ``returns``,
    ``inquiries``, ``settlement``, ``coupons``, ``rocket_growth``, ``snapshots``, ``requests``
    (the request log), and :meth:`reset` and :meth:`health`.

    The flat names of 0.x (``advance_clock``, ``place_order``...) still work for one release
    and warn (:class:`DeprecationWarning`) naming the new call."""

    def reset(self, *, keep_vendors: bool = False) -> None:
        """Wipe all data and return the clock to real time.

        Vendors seeded at startup always stay; vendors created at run time (``vendors.create``)
        stay only with ``keep_vendors=True``.

        Calls ``POST /_sandbox/reset`` (the sandbox's control API). Returns nothing. Raises an
        :class:`APIError` subclass when the sandbox refuses (:class:`NotFoundError` on a
        production server, :class:`ValidationError` for a bad body).
        """
        self._run(_control("POST", "/_sandbox/reset", body={"keepVendors": keep_vendors}), nothing)

    def health(self) -> SandboxHealth:
        """The sandbox's health: ``status`` ("ok"), ``version``, the ``store`` (its URL
        without the password), the ``vendors`` in it and the ``clock``.

        Calls ``GET /_sandbox/health`` (the sandbox's control API). Returns the
        :class:`SandboxHealth`. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` on a production server, a 5xx when its store fails).
        """
        return self._run(_control("GET", "/_sandbox/health"), data_of(SandboxHealth))

    @cached_property
    def requests(self) -> SandboxRequestHelpers:
        """The request log: ``list(since=, status=, vendor=...)``, ``count()``, ``clear()``."""
        return SandboxRequestHelpers(self._client)

    @cached_property
    def clock(self) -> SandboxClockHelpers:
        """The business clock: ``get()``, ``set(now)``, ``advance(seconds)``."""
        return SandboxClockHelpers(self._client)

    @cached_property
    def vendors(self) -> SandboxVendorHelpers:
        """Vendors registered at run time and their keys: ``create()``, ``key_policy()``,
        ``set_key_policy()``, ``rotate_key()``."""
        return SandboxVendorHelpers(self._client)

    @cached_property
    def products(self) -> SandboxProductHelpers:
        """Coupang's product reviewers: ``review(seller_product_id)``."""
        return SandboxProductHelpers(self._client)

    @cached_property
    def orders(self) -> SandboxOrderHelpers:
        """The customer of an order: ``place``, ``get``, ``change_address``, ``request_cancel``."""
        return SandboxOrderHelpers(self._client)

    @cached_property
    def courier(self) -> SandboxCourierHelpers:
        """The courier: ``scan``, ``scan_exchange``, ``pick_up_return``."""
        return SandboxCourierHelpers(self._client)

    @cached_property
    def exchanges(self) -> SandboxExchangeHelpers:
        """The customer of an exchange: ``request``, ``get``, ``withdraw``."""
        return SandboxExchangeHelpers(self._client)

    @cached_property
    def returns(self) -> SandboxReturnHelpers:
        """The customer of a return and Coupang's CS: ``request``, ``get``, ``step``,
        ``withdraw``."""
        return SandboxReturnHelpers(self._client)

    @cached_property
    def inquiries(self) -> SandboxInquiryHelpers:
        """The customer and the call center: ``ask``, ``open_call_center``, ``get``."""
        return SandboxInquiryHelpers(self._client)

    @cached_property
    def settlement(self) -> SandboxSettlementHelpers:
        """A vendor's settlement terms: ``set``, ``terms``."""
        return SandboxSettlementHelpers(self._client)

    @cached_property
    def coupons(self) -> SandboxCouponHelpers:
        """Coupon contracts and operators: ``create_contract``, ``get``, ``pause``, ``resume``."""
        return SandboxCouponHelpers(self._client)

    @cached_property
    def rocket_growth(self) -> SandboxRocketGrowthHelpers:
        """Rocket Growth's warehouse and customers: ``set_inventory``, ``place_order``."""
        return SandboxRocketGrowthHelpers(self._client)

    @cached_property
    def faults(self) -> SandboxFaultHelpers:
        """Fault injection: ``add``, ``list``, ``remove``, ``clear``."""
        return SandboxFaultHelpers(self._client)

    @cached_property
    def snapshots(self) -> SandboxSnapshotHelpers:
        """Snapshots of the whole state: ``save``, ``restore``, ``list``, ``delete``."""
        return SandboxSnapshotHelpers(self._client)


class AsyncSandboxClockHelpers(AsyncResource):
    """``client.sandbox.clock``: the sandbox's business clock (read, set, advance)."""

    async def get(self) -> SandboxClock:
        """The sandbox clock's time and mode.

        Calls ``GET /_sandbox/clock`` (the sandbox's control API). Returns the
        :class:`SandboxClock`. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` on a production server).
        """
        return await self._run(_control("GET", "/_sandbox/clock"), data_of(SandboxClock))

    async def set(
        self, now: datetime | None = None, *, freeze: bool = False, real: bool = False
    ) -> SandboxClock:
        """Set the business clock to ``now`` (frozen or running on from it), or back to real time.

        Calls ``POST /_sandbox/clock`` (the sandbox's control API). Returns the
        :class:`SandboxClock`; raises :class:`ValueError` without ``now`` (nor ``real``) or with a
        naive ``now``. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` on a production server, :class:`ValidationError` for a bad body).
        """
        return await self._run(
            _control("POST", "/_sandbox/clock", body=_clock_body(now, freeze, real)),
            data_of(SandboxClock),
        )

    async def advance(self, seconds: float) -> SandboxClock:
        """Move the business clock ``seconds`` on (what is due by then happens: visibility,
        auto-approval, deliveries, settlement).

        Calls ``POST /_sandbox/clock/advance`` (the sandbox's control API). Returns the
        :class:`SandboxClock`. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` on a production server, :class:`ValidationError` for a bad body).
        """
        return await self._run(
            _control("POST", "/_sandbox/clock/advance", body={"seconds": seconds}),
            data_of(SandboxClock),
        )

    async def __call__(self) -> SandboxClock:
        """Deprecated: ``client.sandbox.clock()`` is ``client.sandbox.clock.get()``."""
        _moved("clock()", "clock.get()")
        return await self.get()


class AsyncSandboxVendorHelpers(AsyncResource):
    """``client.sandbox.vendors``: register vendors at run time, set their keys' policy
    (allowed addresses, lifetime) and rotate their keys."""

    async def create(
        self,
        vendor_id: str | None = None,
        *,
        access_key: str | None = None,
        secret_key: str | SecretStr | None = None,
    ) -> SandboxVendor:
        """Register a vendor; anything not given is generated. ``reset()`` removes it unless
        called with ``keep_vendors=True``.

        Calls ``POST /_sandbox/vendors`` (the sandbox's control API). Returns the
        :class:`SandboxVendor` (its secret masked until ``reveal()``). Raises an :class:`APIError`
        subclass when the sandbox refuses (:class:`NotFoundError` on a production server,
        :class:`ValidationError` for a bad body).
        """
        body = _vendor_body(vendor_id, access_key, secret_key)
        return await self._run(
            _control("POST", "/_sandbox/vendors", body=body), data_of(SandboxVendor)
        )

    async def key_policy(self, vendor_id: str | None = None) -> SandboxKeyPolicy:
        """A vendor's key policy (allowed addresses, lifetime) and its key's dates on the
        sandbox clock, with the keys rotated out that still work (this client's vendor by
        default).

        Calls ``GET /_sandbox/vendors/{vendorId}/key-policy`` (the sandbox's control API).
        Returns the :class:`SandboxKeyPolicy`. Raises an :class:`APIError` subclass when the
        sandbox refuses (:class:`NotFoundError` for an unknown vendor or a production server).
        """
        path = _key_policy_path(vendor_id or self._vendor_id)
        return await self._run(_control("GET", path), data_of(SandboxKeyPolicy))

    async def set_key_policy(
        self,
        vendor_id: str | None = None,
        *,
        allowed_ips: Sequence[str] | _NotGiven | None = NOT_GIVEN,
        lifetime_days: int | None = None,
    ) -> SandboxKeyPolicy:
        """Set the addresses (IPs or CIDR networks) the vendor's key may call from, and how
        many days a key lives on the sandbox clock (Coupang: 180). ``allowed_ips=None`` allows
        any address again; what is not given stays as it is. A signed call from another
        address answers 403 (:class:`IPNotAllowedError`); an expired key answers 401
        (:class:`AccessKeyExpiredError`).

        Calls ``PUT /_sandbox/vendors/{vendorId}/key-policy`` (the sandbox's control API).
        Returns the :class:`SandboxKeyPolicy`. Raises an :class:`APIError` subclass when the
        sandbox refuses (:class:`NotFoundError` for an unknown vendor or a production server,
        :class:`ValidationError` for a bad address or lifetime).
        """
        body = _key_policy_body(allowed_ips, lifetime_days)
        path = _key_policy_path(vendor_id or self._vendor_id)
        return await self._run(_control("PUT", path, body=body), data_of(SandboxKeyPolicy))

    async def rotate_key(
        self,
        vendor_id: str | None = None,
        *,
        overlap_seconds: float = 0,
        access_key: str | None = None,
        secret_key: str | SecretStr | None = None,
    ) -> SandboxRotatedKey:
        """Reissue the vendor's key: a new access and secret key (generated unless given),
        issued now on the sandbox clock. The old key keeps working for ``overlap_seconds``
        (never past its own expiry), then answers 401 (:class:`AccessKeyExpiredError`). A
        client keeps its keys: build a new one with the new keys.

        Calls ``POST /_sandbox/vendors/{vendorId}/keys/rotate`` (the sandbox's control API).
        Returns the :class:`SandboxRotatedKey` (its secret masked until ``reveal()``). Raises an
        :class:`APIError` subclass when the sandbox refuses (:class:`NotFoundError` for an
        unknown vendor or a production server, :class:`ValidationError` for a bad body,
        :class:`BusinessRuleError` (409) for an access key already in use).
        """
        body = _rotate_body(overlap_seconds, access_key, secret_key)
        path = _key_policy_path(vendor_id or self._vendor_id, "/keys/rotate")
        return await self._run(_control("POST", path, body=body), data_of(SandboxRotatedKey))


class AsyncSandboxProductHelpers(AsyncResource):
    """``client.sandbox.products``: play Coupang's product reviewers."""

    async def review(
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

        Calls ``POST /_sandbox/products/{sellerProductId}/review`` (the sandbox's control API).
        Returns the :class:`ProductReview`. Raises an :class:`APIError` subclass when the sandbox
        refuses (:class:`NotFoundError` for an unknown id or a production server,
        :class:`ValidationError` for a bad body).
        """
        body = _review_body(result, reason, approved_item_ids)
        return await self._run(
            _control("POST", _review_path(seller_product_id), body=body), data_of(ProductReview)
        )


class AsyncSandboxOrderHelpers(AsyncResource):
    """``client.sandbox.orders``: play the customer of an order (place, edit, cancel)."""

    async def place(
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
        (600) of the sandbox clock: ``clock.advance(600)``.

        Calls ``POST /_sandbox/orders`` (the sandbox's control API). Returns the
        :class:`PlacedOrder` (its ``shipment_box_ids``). Raises an :class:`APIError` subclass when
        the sandbox refuses (:class:`NotFoundError` for an unknown id or a production server,
        :class:`ValidationError` for a bad body).
        """
        body = _order_body(
            vendor_id or self._vendor_id, items, receiver=receiver, bundle=bundle,
            safe_number=safe_number, extra=extra,
        )  # fmt: skip
        return await self._run(
            _control("POST", "/_sandbox/orders", body=body), data_of(PlacedOrder)
        )

    async def get(self, order_id: int | str) -> SandboxOrder:
        """Everything the sandbox knows about an order (sheets and receipts), visible or not.

        Calls ``GET /_sandbox/orders/{orderId}`` (the sandbox's control API). Returns the
        :class:`SandboxOrder`. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server).
        """
        return await self._run(_control("GET", _order_path(order_id)), data_of(SandboxOrder))

    async def change_address(self, order_id: int | str, **receiver: str) -> AddressChange:
        """The customer edits the address (name, addr1, addr2, postCode) while ACCEPT.

        Calls ``POST /_sandbox/orders/{orderId}/address`` (the sandbox's control API). Returns
        the :class:`AddressChange` (the new receiver and region). Raises an :class:`APIError`
        subclass when the sandbox refuses (:class:`NotFoundError` for an unknown id or a
        production server, :class:`ValidationError` for a bad body, :class:`ConflictError` once
        shipping has started).
        """
        path = _order_path(order_id, "/address")
        return await self._run(
            _control("POST", path, body={"receiver": receiver}), data_of(AddressChange)
        )

    async def request_cancel(
        self, order_id: int | str, *, reason_code: str = "CHANGEMIND",
        items: Mapping[int, int] | None = None,
    ) -> CustomerCancel:  # fmt: skip
        """The customer cancels ``{vendorItemId: count}`` (everything left when omitted):
        immediate at ACCEPT, a stop-shipment request at INSTRUCT.

        Calls ``POST /_sandbox/orders/{orderId}/cancel-request`` (the sandbox's control API).
        Returns the :class:`CustomerCancel` (one receipt per box). Raises an :class:`APIError`
        subclass when the sandbox refuses (:class:`NotFoundError` for an unknown id or a
        production server, :class:`ValidationError` for a bad body).
        """
        path = _order_path(order_id, "/cancel-request")
        body = _cancel_body(reason_code, items)
        return await self._run(_control("POST", path, body=body), data_of(CustomerCancel))


class AsyncSandboxCourierHelpers(AsyncResource):
    """``client.sandbox.courier``: play the courier (parcels, exchange and return pickups)."""

    async def scan(self, shipment_box_id: int | str, event: ScanEvent) -> BoxScan:
        """A courier scan of a parcel: PICKUP, IN_TRANSIT or DELIVERED.

        Calls ``POST /_sandbox/shipments/{shipmentBoxId}/scan`` (the sandbox's control API).
        Returns the :class:`BoxScan` (the box's new status). Raises an :class:`APIError` subclass
        when the sandbox refuses (:class:`NotFoundError` for an unknown id or a production
        server, :class:`ValidationError` for a bad event, :class:`ConflictError` out of order).
        """
        return await self._run(
            _control("POST", _scan_path(shipment_box_id), body={"event": event}), data_of(BoxScan)
        )

    async def scan_exchange(self, exchange_id: int | str, event: ExchangeScanEvent) -> ExchangeScan:
        """A courier scan of an exchange's returned goods: PICKUP, then DELIVERED (to the seller).

        Calls ``POST /_sandbox/exchanges/{exchangeId}/scan`` (the sandbox's control API). Returns
        the :class:`ExchangeScan` (its ``collectStatus``). Raises an :class:`APIError` subclass
        when the sandbox refuses (:class:`NotFoundError` for an unknown id or a production
        server, :class:`ValidationError` for a bad event).
        """
        path = _exchange_path(exchange_id, "/scan")
        return await self._run(_control("POST", path, body={"event": event}), data_of(ExchangeScan))

    async def pick_up_return(self, receipt_id: int | str) -> ReturnPickup:
        """The courier picks a return's goods up (a quick refund happens here).

        Calls ``POST /_sandbox/returns/{receiptId}/pickup`` (the sandbox's control API). Returns
        the :class:`ReturnPickup`. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server, :class:`ConflictError`
        when the return cannot be picked up).
        """
        path = _return_path(receipt_id, "/pickup")
        return await self._run(_control("POST", path, body={}), data_of(ReturnPickup))


class AsyncSandboxExchangeHelpers(AsyncResource):
    """``client.sandbox.exchanges``: play the customer of an exchange."""

    async def request(
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

    async def get(self, exchange_id: int | str) -> ExchangeRequest:
        """An exchange as the seller's list shows it.

        Calls ``GET /_sandbox/exchanges/{exchangeId}`` (the sandbox's control API). Returns the
        :class:`ExchangeRequest`. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server).
        """
        return await self._run(
            _control("GET", _exchange_path(exchange_id)), data_of(ExchangeRequest)
        )

    async def withdraw(
        self, exchange_id: int | str, *, reason: str | None = None
    ) -> ExchangeRequest:
        """The customer withdraws the exchange (RECEIPT -> CANCEL).

        Calls ``POST /_sandbox/exchanges/{exchangeId}/withdraw`` (the sandbox's control API).
        Returns the :class:`ExchangeRequest`. Raises an :class:`APIError` subclass when the
        sandbox refuses (:class:`NotFoundError` for an unknown id or a production server,
        :class:`ConflictError` past RECEIPT).
        """
        body = {} if reason is None else {"cancelReason": reason}
        return await self._run(
            _control("POST", _exchange_path(exchange_id, "/withdraw"), body=body),
            data_of(ExchangeRequest),
        )


class AsyncSandboxReturnHelpers(AsyncResource):
    """``client.sandbox.returns``: play the customer of a return and Coupang's CS."""

    async def request(
        self, order_id: int | str, items: Mapping[int, int], *, reason_code: str = "CHANGEMIND",
        reason: str | None = None,
    ) -> RequestedReturns:  # fmt: skip
        """The customer asks to return shipped items ``{vendorItemId: quantity}`` (one receipt
        per shipment box); ``reason_code`` (VOC) decides who pays the return shipping.

        Calls ``POST /_sandbox/returns`` (the sandbox's control API). Returns the
        :class:`RequestedReturns` (its ``receipt_ids``). Raises an :class:`APIError` subclass when
        the sandbox refuses (:class:`NotFoundError` for an unknown id or a production server,
        :class:`ValidationError` for a bad body).
        """
        body = _return_body(order_id, items, reason_code, reason)
        return await self._run(
            _control("POST", "/_sandbox/returns", body=body), data_of(RequestedReturns)
        )

    async def get(self, receipt_id: int | str) -> SandboxReturn:
        """Everything the sandbox knows about a return, withdrawn or not.

        Calls ``GET /_sandbox/returns/{receiptId}`` (the sandbox's control API). Returns the
        :class:`SandboxReturn`. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server).
        """
        return await self._run(_control("GET", _return_path(receipt_id)), data_of(SandboxReturn))

    async def step(self, receipt_id: int | str, step: ReturnStep) -> ReturnStepResult:
        """The customer withdraws, the courier picks up (``courier.pick_up_return``), Coupang's
        CS takes a dispute (``coupang-check``) or settles it (``coupang-checked``).

        Calls ``POST /_sandbox/returns/{receiptId}/{step}`` (the sandbox's control API). Returns
        the :class:`ReturnStepResult` (the new ``receiptStatus``). Raises an :class:`APIError`
        subclass when the sandbox refuses (:class:`NotFoundError` for an unknown id or a
        production server, :class:`ConflictError` when the step is not allowed now).
        """
        path = _return_path(receipt_id, f"/{step}")
        return await self._run(_control("POST", path, body={}), data_of(ReturnStepResult))

    async def withdraw(self, receipt_id: int | str) -> ReturnStepResult:
        """The customer withdraws the return (before the pickup).

        Calls ``POST /_sandbox/returns/{receiptId}/withdraw`` (the sandbox's control API).
        Returns the :class:`ReturnStepResult` (``withdrawnAt`` set). Raises an :class:`APIError`
        subclass when the sandbox refuses (:class:`NotFoundError` for an unknown id or a
        production server, :class:`ConflictError` after the pickup).
        """
        return await self.step(receipt_id, "withdraw")


class AsyncSandboxInquiryHelpers(AsyncResource):
    """``client.sandbox.inquiries``: play the customer and Coupang's call center."""

    async def ask(
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

    async def open_call_center(
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

    async def get(self, inquiry_id: int | str, *, kind: InquiryKind) -> SandboxInquiry:
        """An inquiry as the seller's list shows it, with its state (``status``).

        Calls ``GET /_sandbox/inquiries/{kind}/{inquiryId}`` (the sandbox's control API). Returns
        the :class:`SandboxInquiry`. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or kind, or a production server).
        """
        return await self._run(
            _control("GET", _inquiry_path(kind, inquiry_id)), data_of(SandboxInquiry)
        )


class AsyncSandboxSettlementHelpers(AsyncResource):
    """``client.sandbox.settlement``: a vendor's settlement terms (cycle, commission)."""

    async def set(
        self, vendor_id: str, *, cycle: SettlementCycle, commission_rate: float | None = None
    ) -> SettlementTerms:
        """Settlement terms of a vendor: ``WEEKLY`` or ``MONTHLY`` payments and, when given,
        the commission in percent (VAT excluded, e.g. 10.8).

        Calls ``PUT /_sandbox/vendors/{vendorId}/settlement`` (the sandbox's control API).
        Returns the :class:`SettlementTerms`. Raises an :class:`APIError` subclass when the
        sandbox refuses (:class:`NotFoundError` for an unknown id or a production server,
        :class:`ValidationError` for a bad body).
        """
        body = _settlement_body(cycle, commission_rate)
        return await self._run(
            _control("PUT", _settlement_path(vendor_id), body=body), data_of(SettlementTerms)
        )

    async def terms(self, vendor_id: str) -> SettlementTerms:
        """The settlement terms in force for a vendor (defaults: MONTHLY, 10.8 %).

        Calls ``GET /_sandbox/vendors/{vendorId}/settlement`` (the sandbox's control API).
        Returns the :class:`SettlementTerms`. Raises an :class:`APIError` subclass when the
        sandbox refuses (:class:`NotFoundError` for an unknown id or a production server).
        """
        return await self._run(
            _control("GET", _settlement_path(vendor_id)), data_of(SettlementTerms)
        )


class AsyncSandboxCouponHelpers(AsyncResource):
    """``client.sandbox.coupons``: seed coupon contracts, play Coupang's coupon operators."""

    async def create_contract(
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

        Calls ``POST /_sandbox/vendors/{vendorId}/coupon-contracts`` (the sandbox's control
        API). Returns the :class:`CouponContract`. Raises an :class:`APIError` subclass when the
        sandbox refuses (:class:`NotFoundError` for an unknown id or a production server,
        :class:`ValidationError` for a bad body).
        """
        body = _coupon_contract_body(type, start, end, budget_per_month, extra)
        path = _coupon_contract_path(vendor_id or self._vendor_id)
        return await self._run(_control("POST", path, body=body), data_of(CouponContract))

    async def get(self, coupon_id: int | str) -> SandboxCoupon:
        """A coupon of either kind with its items and usage (``usageAmount``).

        Calls ``GET /_sandbox/coupons/{couponId}`` (the sandbox's control API). Returns the
        :class:`SandboxCoupon`. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown id or a production server).
        """
        return await self._run(_control("GET", _coupon_path(coupon_id)), data_of(SandboxCoupon))

    async def pause(self, coupon_id: int | str) -> SandboxCoupon:
        """Coupang stops a coupon (발행중지: APPLIED -> PAUSED).

        Calls ``POST /_sandbox/coupons/{couponId}/pause`` (the sandbox's control API). Returns
        the :class:`SandboxCoupon` after the move. Raises an :class:`APIError` subclass when the
        sandbox refuses (:class:`NotFoundError` for an unknown id or a production server,
        :class:`ConflictError` when the coupon is not APPLIED).
        """
        path = _coupon_path(coupon_id, "/pause")
        return await self._run(_control("POST", path, body={}), data_of(SandboxCoupon))

    async def resume(self, coupon_id: int | str) -> SandboxCoupon:
        """Coupang resumes a stopped coupon (PAUSED -> APPLIED).

        Calls ``POST /_sandbox/coupons/{couponId}/resume`` (the sandbox's control API). Returns
        the :class:`SandboxCoupon` after the move. Raises an :class:`APIError` subclass when the
        sandbox refuses (:class:`NotFoundError` for an unknown id or a production server,
        :class:`ConflictError` when the coupon is not PAUSED).
        """
        path = _coupon_path(coupon_id, "/resume")
        return await self._run(_control("POST", path, body={}), data_of(SandboxCoupon))


class AsyncSandboxRocketGrowthHelpers(AsyncResource):
    """``client.sandbox.rocket_growth``: Coupang's warehouse stock and its customers."""

    async def set_inventory(
        self,
        vendor_item_id: int | str,
        quantity: int,
        *,
        external_sku_id: str | None = None,
        vendor_id: str | None = None,
    ) -> RgInventorySummary:
        """Set the warehouse stock (로켓그로스 재고) of an approved option of this vendor.

        Calls ``PUT /_sandbox/rg/inventory/{vendorItemId}`` (the sandbox's control API). Returns
        the :class:`RgInventorySummary`. Raises an :class:`APIError` subclass when the sandbox
        refuses (:class:`NotFoundError` for an unknown id or a production server,
        :class:`ValidationError` for a bad body).
        """
        body = _rg_stock_body(vendor_id or self._vendor_id, quantity, external_sku_id)
        return await self._run(
            _control("PUT", _rg_stock_path(vendor_item_id), body=body), data_of(RgInventorySummary)
        )

    async def place_order(
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


class AsyncSandboxRequestHelpers(AsyncResource):
    """``client.sandbox.requests``: the sandbox's request log (every signed-API request)."""

    async def list(
        self,
        *,
        since: int | None = None,
        status: str | int | None = None,
        vendor: str | None = None,
        method: str | None = None,
        path: str | None = None,
        limit: int | None = None,
    ) -> RequestLogPage:
        """The request log: each request the sandbox's signed API got, oldest first, with
        its caller, status, latency, sizes, the refusal's field and rule, and the fault.

        ``since`` (a ``seq``) reads the requests after it (pass the page's ``last`` to follow
        the log); without it, the last ``limit`` requests (default 100, at most 1000).
        ``status`` is a code (``401``), a class (``"4xx"``) or a comma-separated list of
        them; ``vendor`` a vendorId; ``method`` an HTTP method; ``path`` a piece of the path.

        Calls ``GET /_sandbox/requests`` (the sandbox's control API). Returns the
        :class:`RequestLogPage` (``requests`` and ``last``). Raises an :class:`APIError`
        subclass when the sandbox refuses (:class:`ValidationError` naming a bad filter,
        :class:`NotFoundError` on a production server).
        """
        target = _log_path(
            since=since, status=status, vendor=vendor, method=method, path=path, limit=limit
        )
        return await self._run(_control("GET", target), data_of(RequestLogPage))

    async def count(
        self,
        *,
        since: int | None = None,
        status: str | int | None = None,
        vendor: str | None = None,
        method: str | None = None,
        path: str | None = None,
    ) -> int:
        """How many logged requests match the filters (those of :meth:`list`): e.g. how
        many times a write reached the sandbox.

        Calls ``GET /_sandbox/requests/count`` (the sandbox's control API). Returns the
        number. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`ValidationError` naming a bad filter, :class:`NotFoundError` on a production
        server).
        """
        target = _log_path(
            "/count", since=since, status=status, vendor=vendor, method=method, path=path
        )
        return await self._run(_control("GET", target), _count_of)

    async def clear(self) -> int:
        """Forget every logged request (the next ``seq`` still grows).

        Calls ``DELETE /_sandbox/requests`` (the sandbox's control API). Returns how many
        were dropped. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` on a production server).
        """
        return await self._run(_control("DELETE", "/_sandbox/requests"), _cleared)


class AsyncSandboxSnapshotHelpers(AsyncResource):
    """``client.sandbox.snapshots``: save the whole sandbox state under a name, restore it."""

    async def save(self, name: str, *, replace: bool = False) -> SandboxSnapshot:
        """Save the whole state (data, vendors, clock, faults) under ``name``; a name that is
        taken is refused unless ``replace=True``. Snapshots survive ``reset()``.

        Calls ``POST /_sandbox/snapshots`` (the sandbox's control API). Returns the
        :class:`SandboxSnapshot`. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` on a production server, :class:`ValidationError` for a name with
        path characters, :class:`ConflictError` for a name that is taken).
        """
        body = {"name": name, "replace": replace}
        return await self._run(
            _control("POST", "/_sandbox/snapshots", body=body), data_of(SandboxSnapshot)
        )

    async def restore(self, name: str) -> SandboxSnapshot:
        """Put the state saved under ``name`` back, clock included (one transaction).

        Calls ``POST /_sandbox/snapshots/{name}/restore`` (the sandbox's control API). Returns
        the :class:`SandboxSnapshot` restored. Raises an :class:`APIError` subclass when the
        sandbox refuses (:class:`NotFoundError` for an unknown name or a production server,
        :class:`ValidationError` for a name with path characters).
        """
        return await self._run(
            _control("POST", _snapshot_path(name, "/restore"), body={}), data_of(SandboxSnapshot)
        )

    async def list(self) -> list[SandboxSnapshot]:
        """Every saved snapshot, oldest first.

        Calls ``GET /_sandbox/snapshots`` (the sandbox's control API). Returns a list of
        :class:`SandboxSnapshot`. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` on a production server).
        """
        found = await self._run(_control("GET", "/_sandbox/snapshots"), data_of(SandboxSnapshots))
        return found.snapshots

    async def delete(self, name: str) -> None:
        """Delete the snapshot ``name``.

        Calls ``DELETE /_sandbox/snapshots/{name}`` (the sandbox's control API). Returns
        nothing. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` for an unknown name or a production server).
        """
        await self._run(_control("DELETE", _snapshot_path(name)), nothing)


class AsyncSandbox(_Moved, AsyncResource):
    """``client.sandbox`` of :class:`AsyncClient` (the twin of :class:`Sandbox`), grouped like stripe's test helpers:
    ``clock``, ``vendors``, ``products``, ``orders``, ``courier``, ``exchanges``, ``returns``,
    ``inquiries``, ``settlement``, ``coupons``, ``rocket_growth``, ``snapshots``, ``requests``
    (the request log), and :meth:`reset` and :meth:`health`.

    The flat names of 0.x (``advance_clock``, ``place_order``...) still work for one release
    and warn (:class:`DeprecationWarning`) naming the new call."""

    async def reset(self, *, keep_vendors: bool = False) -> None:
        """Wipe all data and return the clock to real time.

        Vendors seeded at startup always stay; vendors created at run time (``vendors.create``)
        stay only with ``keep_vendors=True``.

        Calls ``POST /_sandbox/reset`` (the sandbox's control API). Returns nothing. Raises an
        :class:`APIError` subclass when the sandbox refuses (:class:`NotFoundError` on a
        production server, :class:`ValidationError` for a bad body).
        """
        await self._run(
            _control("POST", "/_sandbox/reset", body={"keepVendors": keep_vendors}), nothing
        )

    async def health(self) -> SandboxHealth:
        """The sandbox's health: ``status`` ("ok"), ``version``, the ``store`` (its URL
        without the password), the ``vendors`` in it and the ``clock``.

        Calls ``GET /_sandbox/health`` (the sandbox's control API). Returns the
        :class:`SandboxHealth`. Raises an :class:`APIError` subclass when the sandbox refuses
        (:class:`NotFoundError` on a production server, a 5xx when its store fails).
        """
        return await self._run(_control("GET", "/_sandbox/health"), data_of(SandboxHealth))

    @cached_property
    def requests(self) -> AsyncSandboxRequestHelpers:
        """The request log: ``list(since=, status=, vendor=...)``, ``count()``, ``clear()``."""
        return AsyncSandboxRequestHelpers(self._client)

    @cached_property
    def clock(self) -> AsyncSandboxClockHelpers:
        """The business clock: ``get()``, ``set(now)``, ``advance(seconds)``."""
        return AsyncSandboxClockHelpers(self._client)

    @cached_property
    def vendors(self) -> AsyncSandboxVendorHelpers:
        """Vendors registered at run time and their keys: ``create()``, ``key_policy()``,
        ``set_key_policy()``, ``rotate_key()``."""
        return AsyncSandboxVendorHelpers(self._client)

    @cached_property
    def products(self) -> AsyncSandboxProductHelpers:
        """Coupang's product reviewers: ``review(seller_product_id)``."""
        return AsyncSandboxProductHelpers(self._client)

    @cached_property
    def orders(self) -> AsyncSandboxOrderHelpers:
        """The customer of an order: ``place``, ``get``, ``change_address``, ``request_cancel``."""
        return AsyncSandboxOrderHelpers(self._client)

    @cached_property
    def courier(self) -> AsyncSandboxCourierHelpers:
        """The courier: ``scan``, ``scan_exchange``, ``pick_up_return``."""
        return AsyncSandboxCourierHelpers(self._client)

    @cached_property
    def exchanges(self) -> AsyncSandboxExchangeHelpers:
        """The customer of an exchange: ``request``, ``get``, ``withdraw``."""
        return AsyncSandboxExchangeHelpers(self._client)

    @cached_property
    def returns(self) -> AsyncSandboxReturnHelpers:
        """The customer of a return and Coupang's CS: ``request``, ``get``, ``step``,
        ``withdraw``."""
        return AsyncSandboxReturnHelpers(self._client)

    @cached_property
    def inquiries(self) -> AsyncSandboxInquiryHelpers:
        """The customer and the call center: ``ask``, ``open_call_center``, ``get``."""
        return AsyncSandboxInquiryHelpers(self._client)

    @cached_property
    def settlement(self) -> AsyncSandboxSettlementHelpers:
        """A vendor's settlement terms: ``set``, ``terms``."""
        return AsyncSandboxSettlementHelpers(self._client)

    @cached_property
    def coupons(self) -> AsyncSandboxCouponHelpers:
        """Coupon contracts and operators: ``create_contract``, ``get``, ``pause``, ``resume``."""
        return AsyncSandboxCouponHelpers(self._client)

    @cached_property
    def rocket_growth(self) -> AsyncSandboxRocketGrowthHelpers:
        """Rocket Growth's warehouse and customers: ``set_inventory``, ``place_order``."""
        return AsyncSandboxRocketGrowthHelpers(self._client)

    @cached_property
    def faults(self) -> AsyncSandboxFaultHelpers:
        """Fault injection: ``add``, ``list``, ``remove``, ``clear``."""
        return AsyncSandboxFaultHelpers(self._client)

    @cached_property
    def snapshots(self) -> AsyncSandboxSnapshotHelpers:
        """Snapshots of the whole state: ``save``, ``restore``, ``list``, ``delete``."""
        return AsyncSandboxSnapshotHelpers(self._client)


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


def _coupon_path(coupon_id: int | str, tail: str = "") -> str:
    return f"/_sandbox/coupons/{path_param(coupon_id, 'couponId')}{tail}"


def _snapshot_path(name: str, tail: str = "") -> str:
    """The path of a snapshot; a name that would change the path is refused before sending."""
    if not name or "/" in name or "\\" in name or ".." in name or name != name.strip():
        raise ValueError(f"a snapshot name must not hold path characters (got {name!r})")
    return f"/_sandbox/snapshots/{quote(name, safe='')}{tail}"
