"""Apply a checked seed through the sandbox's own API, in-process (the SDK over an ASGI
transport): the control API plays Coupang, its customers and the courier; the signed seller
API plays the seller. No row is written here directly."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from types import TracebackType
from typing import TYPE_CHECKING, Any

import anyio.from_thread
import httpx

from coupang_sandbox.throttle import GatewayThrottle, WindowThrottle

if TYPE_CHECKING:
    from coupang_sandbox.seeds import Seed, SeedSummary, SeedVendor, Where
    from coupang_seller import Client

Step = Callable[["Where"], AbstractContextManager[None]]

#: The order of the seller's moves: each status is reached by the step after the previous one.
_MOVES = ("ACCEPT", "INSTRUCT", "DEPARTURE", "DELIVERING", "FINAL_DELIVERY")
SEED_COURIER = "CJGLS"


class _Transport(httpx.BaseTransport):
    """httpx's ASGI transport, made synchronous with a blocking portal (its own event loop)."""

    def __init__(self, app: Any) -> None:
        # A loopback peer: the control API answers loopback clients only.
        self._inner = httpx.ASGITransport(app=app, client=("127.0.0.1", 50000))
        self._portal_cm = anyio.from_thread.start_blocking_portal()
        self._portal = self._portal_cm.__enter__()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request`` to the app and read the whole answer."""

        async def call() -> httpx.Response:
            """Forward the request in-process and read its whole answer."""
            response = await self._inner.handle_async_request(request)
            body = await response.aread()
            return httpx.Response(
                response.status_code, headers=response.headers, content=body, request=request
            )

        return self._portal.call(call)

    def close(self) -> None:
        """Stop the portal's event loop."""
        self._portal_cm.__exit__(None, None, None)


class Loader:
    """One application of a seed: the gateway throttles are off while it runs."""

    def __init__(self, app: Any, seed: Seed, step: Step) -> None:
        self.app = app
        self.sandbox = app.state.sandbox
        self.seed = seed
        self.step = step
        self._transport: _Transport | None = None
        self._saved: tuple[GatewayThrottle, WindowThrottle] | None = None

    def __enter__(self) -> Loader:
        sandbox = self.sandbox
        self._saved = (sandbox.throttle, sandbox.rg_throttle)
        sandbox.throttle = GatewayThrottle(None, 0.0)
        sandbox.rg_throttle = WindowThrottle(None)
        self._transport = _Transport(self.app)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._transport is not None:
            self._transport.close()
        if self._saved is not None:
            self.sandbox.throttle, self.sandbox.rg_throttle = self._saved
            self.sandbox.throttle.clear()
            self.sandbox.rg_throttle.clear()

    def client(self, vendor: SeedVendor) -> Client:
        """An SDK client of ``vendor`` over the in-process transport."""
        from coupang_seller import Client
        from coupang_seller._ratelimit import CircuitBreaker, RateLimiterRegistry

        assert self._transport is not None  # noqa: S101 - inside the context
        return Client(
            vendor.access_key,
            vendor.secret_key,
            vendor.vendor_id,
            base_url="http://127.0.0.1",
            user_id=vendor.user_id,
            transport=self._transport,
            rate_limiters=RateLimiterRegistry(),
            circuit_breaker=CircuitBreaker(),
            rate_limit=None,
            max_retries=0,
        )

    def run(self) -> SeedSummary:
        """Reset, then set the clock, the vendors and what each owns; then the orders move."""
        from coupang_sandbox.seeds import SeedSummary

        seed = self.seed
        self.sandbox.reset()
        clients = []
        for vendor in seed.vendors:
            client = self.client(vendor)
            clients.append(client)
            with self.step(vendor.where):
                client.sandbox.vendors.create(
                    vendor.vendor_id, access_key=vendor.access_key, secret_key=vendor.secret_key
                )
        if seed.now is not None and clients:
            clients[0].sandbox.clock.set(seed.now, freeze=seed.freeze)
        placed: list[tuple[Client, Any, Any]] = []
        counts = [0, 0, 0]
        for vendor, client in zip(seed.vendors, clients, strict=True):
            skus = self._shop(vendor, client)
            counts[0] += len(vendor.places) + len(vendor.centers)
            counts[1] += len(vendor.products)
            for order in vendor.orders:
                with self.step(order.where):
                    items = {skus[sku]: quantity for sku, quantity in order.items.items()}
                    result = client.sandbox.orders.place(items, receiver=order.receiver)
                    placed.append((client, order, result))
            for inquiry in vendor.inquiries:
                with self.step(inquiry.where):
                    asked = client.sandbox.inquiries.ask(
                        skus[inquiry.sku], content=inquiry.content, buyer=inquiry.buyer
                    )
                    if inquiry.answer is not None:
                        client.online_inquiries.answer(asked.inquiryId, content=inquiry.answer)
                counts[2] += 1
        if placed:
            # The seller sees an order only after the visibility delay of the sandbox clock.
            seconds = self.sandbox.settings.order_visible_after_seconds + 1
            placed[0][0].sandbox.clock.advance(seconds)
        for client, order, result in placed:
            with self.step(order.where):
                self._move(client, order.status, result)
        vendors = [(v.vendor_id, v.access_key, v.secret_key) for v in seed.vendors]
        for client in clients:
            client.close()
        return SeedSummary(vendors, counts[0], counts[1], len(placed), counts[2])

    def _shop(self, vendor: SeedVendor, client: Client) -> dict[str, int]:
        """The vendor's places and products; ``{externalVendorSku: vendorItemId}`` approved."""
        outbound: dict[str, int] = {}
        centers: dict[str, str] = {}
        for place in vendor.places:
            with self.step(place.where):
                outbound[place.name] = client.outbound_shipping_places.create(
                    name=place.name, addresses=place.addresses, remote_infos=place.remote_infos
                )
        for center in vendor.centers:
            with self.step(center.where):
                centers[center.name] = client.return_centers.create(
                    name=center.name,
                    courier=center.courier,  # type: ignore[arg-type]
                    contract_number=center.contract_number,
                    fees=center.fees,
                    addresses=center.addresses,
                )
        skus: dict[str, int] = {}
        for product in vendor.products:
            with self.step(product.where):
                body = {
                    **product.body,
                    "outboundShippingPlaceCode": outbound[product.outbound],
                    "returnCenterCode": centers[product.return_center],
                }
                product_id = client.products.create(body, requested=True)
                if not product.approve:
                    continue
                client.sandbox.products.review(product_id, result="APPROVED")
                for item in client.products.get(product_id).items or []:
                    if item.externalVendorSku and item.vendorItemId is not None:
                        skus[item.externalVendorSku] = item.vendorItemId
        return skus

    def _move(self, client: Client, status: str, placed: Any) -> None:
        """Move a placed order's boxes on to ``status``, as the seller and the courier do."""
        from coupang_seller.types.orders import InvoiceLine

        boxes = placed.shipmentBoxes
        reached = _MOVES.index(status)
        if reached >= 1:
            result = client.orders.acknowledge([box.shipmentBoxId for box in boxes])
            if not result.all_succeeded:
                raise ValueError(f"acknowledgement refused: {result}")
        if reached >= 2:
            lines = [
                InvoiceLine(
                    shipmentBoxId=box.shipmentBoxId,
                    orderId=placed.orderId,
                    vendorItemId=item,
                    deliveryCompanyCode=SEED_COURIER,
                    invoiceNumber=f"5{box.shipmentBoxId % 10**11:011d}",
                )
                for box in boxes
                for item in box.vendorItemIds
            ]
            result = client.orders.upload_invoices(lines)
            if not result.all_succeeded:
                raise ValueError(f"invoice upload refused: {result}")
        events = {3: ("PICKUP",), 4: ("PICKUP", "DELIVERED")}.get(reached, ())
        for box in boxes:
            for event in events:
                client.sandbox.courier.scan(box.shipmentBoxId, event)  # type: ignore[arg-type]
