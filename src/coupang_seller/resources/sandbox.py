"""``client.sandbox``: the sandbox's control API (``/_sandbox``), like stripe's test helpers.

These calls only work against a coupang-sandbox server; production answers 404. They are
not HMAC-signed (the sandbox binds them to loopback and can require a bearer token).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, Literal

from coupang_seller._client import AsyncClient, Client
from coupang_seller._core import path_param
from coupang_seller.resources._base import Resource, envelope_data
from coupang_seller.types._base import CoupangModel

__all__ = ["AsyncSandbox", "ProductReview", "Sandbox", "SandboxClock", "SandboxVendor"]


class SandboxVendor(CoupangModel):
    vendorId: str
    accessKey: str
    secretKey: str

    def __repr__(self) -> str:
        return f"SandboxVendor(vendorId={self.vendorId!r}, accessKey={self.accessKey!r}, secretKey=[REDACTED])"


class SandboxClock(CoupangModel):
    now: datetime
    mode: str
    offsetSeconds: float | None = None


def _vendor_body(
    vendor_id: str | None, access_key: str | None, secret_key: str | None
) -> dict[str, Any]:
    body = {"vendorId": vendor_id, "accessKey": access_key, "secretKey": secret_key}
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


class Sandbox(Resource[Client]):
    def reset(self, *, keep_vendors: bool = False) -> None:
        """Wipe all data and return the clock to real time.

        Vendors seeded at startup always stay; vendors created at run time (``create_vendor``)
        stay only with ``keep_vendors=True``.
        """
        self._client.send_control("POST", "/_sandbox/reset", json={"keepVendors": keep_vendors})

    def create_vendor(
        self,
        vendor_id: str | None = None,
        *,
        access_key: str | None = None,
        secret_key: str | None = None,
    ) -> SandboxVendor:
        """Register a vendor; anything not given is generated. Returns all three values."""
        data = self._client.send_control(
            "POST", "/_sandbox/vendors", json=_vendor_body(vendor_id, access_key, secret_key)
        )
        return SandboxVendor.model_validate(envelope_data(data))

    def clock(self) -> SandboxClock:
        return SandboxClock.model_validate(
            envelope_data(self._client.send_control("GET", "/_sandbox/clock"))
        )

    def set_clock(
        self, now: datetime | None = None, *, freeze: bool = False, real: bool = False
    ) -> SandboxClock:
        """Set the business clock to ``now`` (frozen or running on from it), or back to real time."""
        data = self._client.send_control(
            "POST", "/_sandbox/clock", json=_clock_body(now, freeze, real)
        )
        return SandboxClock.model_validate(envelope_data(data))

    def advance_clock(self, seconds: float) -> SandboxClock:
        data = self._client.send_control(
            "POST", "/_sandbox/clock/advance", json={"seconds": seconds}
        )
        return SandboxClock.model_validate(envelope_data(data))

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
        """
        data = self._client.send_control(
            "POST",
            _review_path(seller_product_id),
            json=_review_body(result, reason, approved_item_ids),
        )
        return ProductReview.model_validate(envelope_data(data))


class AsyncSandbox(Resource[AsyncClient]):
    async def reset(self, *, keep_vendors: bool = False) -> None:
        await self._client.send_control(
            "POST", "/_sandbox/reset", json={"keepVendors": keep_vendors}
        )

    async def create_vendor(
        self,
        vendor_id: str | None = None,
        *,
        access_key: str | None = None,
        secret_key: str | None = None,
    ) -> SandboxVendor:
        data = await self._client.send_control(
            "POST", "/_sandbox/vendors", json=_vendor_body(vendor_id, access_key, secret_key)
        )
        return SandboxVendor.model_validate(envelope_data(data))

    async def clock(self) -> SandboxClock:
        return SandboxClock.model_validate(
            envelope_data(await self._client.send_control("GET", "/_sandbox/clock"))
        )

    async def set_clock(
        self, now: datetime | None = None, *, freeze: bool = False, real: bool = False
    ) -> SandboxClock:
        data = await self._client.send_control(
            "POST", "/_sandbox/clock", json=_clock_body(now, freeze, real)
        )
        return SandboxClock.model_validate(envelope_data(data))

    async def advance_clock(self, seconds: float) -> SandboxClock:
        data = await self._client.send_control(
            "POST", "/_sandbox/clock/advance", json={"seconds": seconds}
        )
        return SandboxClock.model_validate(envelope_data(data))

    async def review_product(
        self,
        seller_product_id: int | str,
        *,
        result: ReviewResult = "APPROVED",
        reason: str | None = None,
        approved_item_ids: Sequence[int] | None = None,
    ) -> ProductReview:
        data = await self._client.send_control(
            "POST",
            _review_path(seller_product_id),
            json=_review_body(result, reason, approved_item_ids),
        )
        return ProductReview.model_validate(envelope_data(data))
