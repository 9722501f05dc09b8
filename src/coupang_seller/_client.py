"""``Client`` and ``AsyncClient``: thin I/O shells around :class:`BaseClient`.

Both shells run the same loop: gate on the circuit breaker, wait for the vendor's rate
limiter, send, then let the core decide (return, retry after a delay, or raise).
"""

from __future__ import annotations

import asyncio
import http.cookiejar
import time
from collections.abc import Callable
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any

import httpx
import pydantic

from coupang_seller import _constants as C
from coupang_seller._auth import CEAAuth
from coupang_seller._core import (
    NOT_GIVEN,
    BaseClient,
    CallBudget,
    CappedBody,
    ClientOptions,
    ModelT,
    QueryParams,
    _NotGiven,
    processed_of,
    release_stream,
    resolve_options,
    user_agent,
)
from coupang_seller._ratelimit import CircuitBreaker, RateLimiterRegistry
from coupang_seller._secret import Secret

if TYPE_CHECKING:
    from coupang_seller.resources.cashback import AsyncCashback, Cashback
    from coupang_seller.resources.categories import AsyncCategories, Categories
    from coupang_seller.resources.coupons import (
        AsyncCoupons,
        AsyncDownloadCoupons,
        Coupons,
        DownloadCoupons,
    )
    from coupang_seller.resources.customer_service import (
        AsyncCallCenterInquiries,
        AsyncOnlineInquiries,
        CallCenterInquiries,
        OnlineInquiries,
    )
    from coupang_seller.resources.exchanges import AsyncExchanges, Exchanges
    from coupang_seller.resources.orders import AsyncOrders, Orders
    from coupang_seller.resources.products import AsyncProducts, Products
    from coupang_seller.resources.returns import AsyncReturns, Returns
    from coupang_seller.resources.rocket_growth import AsyncRocketGrowth, RocketGrowth
    from coupang_seller.resources.sandbox import AsyncSandbox, Sandbox
    from coupang_seller.resources.settlement import AsyncSettlement, Settlement
    from coupang_seller.resources.shipping_places import (
        AsyncOutboundShippingPlaces,
        AsyncReturnCenters,
        OutboundShippingPlaces,
        ReturnCenters,
    )

__all__ = ["AsyncClient", "Client"]


class _EmptyJar(http.cookiejar.CookieJar):
    """A cookie jar that stays empty."""

    def set_cookie(self, cookie: http.cookiejar.Cookie) -> None:
        """Keep nothing."""


class _NoCookies(httpx.Cookies):
    """A cookie store that keeps nothing and adds nothing.

    Coupang's API is stateless (every call carries its own signature), so the SDK's HTTP
    client neither stores a ``Set-Cookie`` nor sends one back: no state leaks between
    calls, and no call pays httpx's cookie-jar round (about 15 us a response).
    """

    def __init__(self) -> None:
        super().__init__(_EmptyJar())

    def extract_cookies(self, response: httpx.Response) -> None:
        """Ignore the answer's ``Set-Cookie`` headers."""

    def set_cookie_header(self, request: httpx.Request) -> None:
        """Add no ``Cookie`` header."""


class _Cookieless:
    """Mixin of the SDK's HTTP clients: ``cookies`` is a store that stays empty."""

    _no_cookies = _NoCookies()

    @property
    def cookies(self) -> httpx.Cookies:
        """An empty store that stays empty (see :class:`_NoCookies`)."""
        return self._no_cookies

    @cookies.setter
    def cookies(self, cookies: httpx._types.CookieTypes) -> None:
        """Refuse to set cookies: raises AttributeError (the SDK never keeps cookies)."""
        raise AttributeError("the SDK's HTTP client keeps no cookies")


class _HTTPClient(_Cookieless, httpx.Client):
    """``httpx.Client`` without a cookie jar."""


class _AsyncHTTPClient(_Cookieless, httpx.AsyncClient):
    """``httpx.AsyncClient`` without a cookie jar."""


class Client(BaseClient):
    """Synchronous client for the Coupang seller Open API.

    Credentials come from the arguments, else from ``COUPANG_ACCESS_KEY``,
    ``COUPANG_SECRET_KEY``, ``COUPANG_VENDOR_ID`` and ``COUPANG_BASE_URL``; the secret key is
    kept as a :class:`~coupang_seller.Secret`. The SDK never turns TLS verification off: it
    stays on unless you pass your own ``transport`` (then its TLS settings are yours).
    ``transport`` lets tests and the sandbox plug in (``httpx.ASGITransport``,
    ``httpx.MockTransport``); ``clock`` is the signing clock (aware datetimes only).
    ``max_response_bytes`` caps a response body (default 8 MiB, 64 MiB for the known big
    reads) and ``deadline`` bounds a whole call, retries included (default 120 s); both can
    be changed per call. The client keeps no cookies: Coupang's API is stateless and every
    call carries its own signature.
    """

    def __init__(
        self,
        access_key: str | None = None,
        secret_key: str | pydantic.SecretStr | None = None,
        vendor_id: str | None = None,
        *,
        base_url: str | None = None,
        user_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        extended_timeout: float | None = None,
        max_retries: int = C.DEFAULT_MAX_RETRIES,
        rate_limit: float | None = 10.0,
        preflight: bool = True,
        max_response_bytes: int | None = None,
        deadline: float | None = C.DEFAULT_DEADLINE_SECONDS,
        transport: httpx.BaseTransport | None = None,
        clock: Callable[[], datetime] | None = None,
        sleep: Callable[[float], None] = time.sleep,
        rate_limiters: RateLimiterRegistry | None = None,
        circuit_breaker: CircuitBreaker | None = None,
        sandbox_admin_token: str | pydantic.SecretStr | None = None,
        _options: ClientOptions | None = None,
        _http: httpx.Client | None = None,
    ) -> None:
        # Mask the secrets first and drop the plain arguments: an error tracker capturing
        # this frame's locals (a bad option raises below) must not find them.
        secret = None if secret_key is None else Secret.of(secret_key)
        token = None if sandbox_admin_token is None else Secret.of(sandbox_admin_token)
        del secret_key, sandbox_admin_token
        options = _options or resolve_options(
            access_key=access_key,
            secret_key=secret,
            vendor_id=vendor_id,
            base_url=base_url,
            user_id=user_id,
            timeout=timeout,
            extended_timeout=extended_timeout,
            max_retries=max_retries,
            rate_limit=rate_limit,
            preflight=preflight,
            max_response_bytes=max_response_bytes,
            deadline=deadline,
        )
        super().__init__(
            options, rate_limiters=rate_limiters, circuit_breaker=circuit_breaker, clock=clock
        )
        self._sleep = sleep
        self._sandbox_admin_token = token
        self._owns_http = _http is None
        self._http = _http or _HTTPClient(
            auth=CEAAuth(options.access_key, options.secret_key, clock=clock),
            transport=transport,
            timeout=options.timeout,
            headers={"User-Agent": user_agent()},
            follow_redirects=False,
        )

    def _clone(self, options: ClientOptions) -> Client:
        return Client(
            _options=options,
            _http=self._http,
            clock=self._clock,
            sleep=self._sleep,
            rate_limiters=self._rate_limiters,
            circuit_breaker=self._breaker,
            sandbox_admin_token=self._sandbox_admin_token,
        )

    # -- resources ------------------------------------------------------------------
    @cached_property
    def outbound_shipping_places(self) -> OutboundShippingPlaces:
        """Outbound shipping places (출고지): register, update, list."""
        from coupang_seller.resources.shipping_places import OutboundShippingPlaces

        return OutboundShippingPlaces(self)

    @cached_property
    def return_centers(self) -> ReturnCenters:
        """Return centers (반품지): register, update, list."""
        from coupang_seller.resources.shipping_places import ReturnCenters

        return ReturnCenters(self)

    @cached_property
    def products(self) -> Products:
        """Seller products (등록상품) and their items."""
        from coupang_seller.resources.products import Products

        return Products(self)

    @cached_property
    def categories(self) -> Categories:
        """Display categories (노출카테고리), category meta and prediction."""
        from coupang_seller.resources.categories import Categories

        return Categories(self)

    @cached_property
    def orders(self) -> Orders:
        """Order sheets (발주서) and fulfilment: acknowledgement, invoices, cancels."""
        from coupang_seller.resources.orders import Orders

        return Orders(self)

    @cached_property
    def coupons(self) -> Coupons:
        """Instant-discount coupons (즉시할인쿠폰): contracts, budgets, coupons, items, requests."""
        from coupang_seller.resources.coupons import Coupons

        return Coupons(self)

    @cached_property
    def download_coupons(self) -> DownloadCoupons:
        """Downloadable coupons (다운로드쿠폰): create, items, expiry, transaction status."""
        from coupang_seller.resources.coupons import DownloadCoupons

        return DownloadCoupons(self)

    @cached_property
    def exchanges(self) -> Exchanges:
        """Exchange requests (교환): list, receipt confirmation, rejection, exchange invoice."""
        from coupang_seller.resources.exchanges import Exchanges

        return Exchanges(self)

    @cached_property
    def returns(self) -> Returns:
        """Returns (반품): lists, receipt confirmation, approval, withdrawals, pickup invoices."""
        from coupang_seller.resources.returns import Returns

        return Returns(self)

    @cached_property
    def settlement(self) -> Settlement:
        """Settlement (정산): revenue history (매출내역) and settlement histories (지급내역)."""
        from coupang_seller.resources.settlement import Settlement

        return Settlement(self)

    @cached_property
    def cashback(self) -> Cashback:
        """Item cashback rules (상품 캐시백): apply, look up, remove."""
        from coupang_seller.resources.cashback import Cashback

        return Cashback(self)

    @cached_property
    def rocket_growth(self) -> RocketGrowth:
        """Rocket Growth (로켓그로스) orders and warehouse inventory (50 calls/min)."""
        from coupang_seller.resources.rocket_growth import RocketGrowth

        return RocketGrowth(self)

    @cached_property
    def online_inquiries(self) -> OnlineInquiries:
        """Product inquiries (상품별 고객문의): list and answer."""
        from coupang_seller.resources.customer_service import OnlineInquiries

        return OnlineInquiries(self)

    @cached_property
    def call_center_inquiries(self) -> CallCenterInquiries:
        """Call-center inquiries (쿠팡 콜센터 문의): list, look up, answer, confirm transfers."""
        from coupang_seller.resources.customer_service import CallCenterInquiries

        return CallCenterInquiries(self)

    @cached_property
    def sandbox(self) -> Sandbox:
        """The sandbox's control API (``/_sandbox``), grouped like stripe's test helpers:
        ``clock``, ``vendors``, ``products``, ``orders``, ``courier``, ``exchanges``,
        ``returns``, ``inquiries``, ``settlement``, ``coupons``, ``rocket_growth``, ``reset()``."""
        from coupang_seller.resources.sandbox import Sandbox

        return Sandbox(self)

    # -- I/O ------------------------------------------------------------------------
    def request(
        self,
        method: str,
        path: str,
        *,
        params: QueryParams | None = None,
        json: Any = None,
        extended_timeout: float | _NotGiven | None = NOT_GIVEN,
        max_response_bytes: int | _NotGiven | None = NOT_GIVEN,
        deadline: float | _NotGiven | None = NOT_GIVEN,
    ) -> Any:
        """Send a signed request and return the parsed envelope (raises on errors).

        The escape hatch for endpoints the typed layer does not cover yet. Only GETs are
        retried; a mutation that fails after it may have reached Coupang raises
        :class:`APIConnectionError` with ``request_may_have_been_processed=True``.
        """
        request = self.build_request(
            self._http,
            method,
            path,
            params=params,
            json_body=json,
            extended_timeout=extended_timeout,
        )
        budget = self.call_budget(request, max_response_bytes=max_response_bytes, deadline=deadline)
        return self.success_json(request, self._send(request, budget))

    def request_model(
        self,
        method: str,
        path: str,
        model: type[ModelT],
        *,
        params: QueryParams | None = None,
        json: Any = None,
        extended_timeout: float | _NotGiven | None = NOT_GIVEN,
        max_response_bytes: int | _NotGiven | None = NOT_GIVEN,
        deadline: float | _NotGiven | None = NOT_GIVEN,
    ) -> ModelT:
        """Like :meth:`request`, validating the answer straight into ``model``."""
        request = self.build_request(
            self._http,
            method,
            path,
            params=params,
            json_body=json,
            extended_timeout=extended_timeout,
        )
        budget = self.call_budget(request, max_response_bytes=max_response_bytes, deadline=deadline)
        return self.success_model(request, self._send(request, budget), model)

    def _send(self, request: httpx.Request, budget: CallBudget) -> httpx.Response:
        attempt = 0
        while True:
            attempt += 1
            self.check_circuit()
            delay = self.reserve_rate_slot(request)
            if delay > 0:
                self.check_wait(request, budget, delay, processed=False)
                self._sleep(delay)
            self.arm_attempt(request, budget)
            try:
                response = self._receive(request, budget)
            except httpx.TransportError as exc:
                decision = self.on_transport_error(request, exc, attempt, budget)
                if not decision.retry:
                    if decision.error is None:
                        raise
                    raise decision.error from exc
                self.check_wait(
                    request,
                    budget,
                    decision.delay,
                    processed=processed_of(decision.error),
                    cause=decision.error,
                )
                self._sleep(decision.delay)
                continue
            retry = self.on_response(request, response, attempt)
            if retry is None:
                return response
            self.check_wait(request, budget, retry.delay, processed=False, cause=retry.error)
            self._sleep(retry.delay)

    def _receive(
        self, request: httpx.Request, budget: CallBudget, *, signed: bool = True
    ) -> httpx.Response:
        """Send one attempt and stream its body in, within the cap and the deadline."""
        response = self._http.send(
            request, stream=True, auth=httpx.USE_CLIENT_DEFAULT if signed else None
        )
        try:
            body = CappedBody(self, request, response, budget)
            for chunk in response.iter_bytes():
                body.feed(chunk)
            return body.finish()
        finally:
            response.close()
            release_stream(response)

    def send_control(self, method: str, path: str, *, json: Any = None) -> Any:
        """Unsigned call to the sandbox control API (no rate limit, no retries)."""
        request = self._http.build_request(
            method,
            self._options.base_url + path,
            json=json,
            headers={"Content-Type": C.CONTENT_TYPE},
        )
        if self._sandbox_admin_token:
            # Set on the request, never held in a local (tracebacks capture locals).
            request.headers["Authorization"] = f"Bearer {self._sandbox_admin_token.reveal()}"
        budget = self.call_budget(request, max_response_bytes=NOT_GIVEN, deadline=NOT_GIVEN)
        self.arm_attempt(request, budget)
        response = self._receive(request, budget, signed=False)
        self.on_response(request, response, attempt=self._options.max_retries + 1)
        return self.success_json(request, response)

    def close(self) -> None:
        """Close the HTTP client if the SDK created it (a passed-in ``http_client`` stays open)."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class AsyncClient(BaseClient):
    """Asynchronous twin of :class:`Client`, sharing the same core and rate limiters."""

    def __init__(
        self,
        access_key: str | None = None,
        secret_key: str | pydantic.SecretStr | None = None,
        vendor_id: str | None = None,
        *,
        base_url: str | None = None,
        user_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        extended_timeout: float | None = None,
        max_retries: int = C.DEFAULT_MAX_RETRIES,
        rate_limit: float | None = 10.0,
        preflight: bool = True,
        max_response_bytes: int | None = None,
        deadline: float | None = C.DEFAULT_DEADLINE_SECONDS,
        transport: httpx.AsyncBaseTransport | None = None,
        clock: Callable[[], datetime] | None = None,
        sleep: Callable[[float], Any] = asyncio.sleep,
        rate_limiters: RateLimiterRegistry | None = None,
        circuit_breaker: CircuitBreaker | None = None,
        sandbox_admin_token: str | pydantic.SecretStr | None = None,
        _options: ClientOptions | None = None,
        _http: httpx.AsyncClient | None = None,
    ) -> None:
        # Mask the secrets first and drop the plain arguments: an error tracker capturing
        # this frame's locals (a bad option raises below) must not find them.
        secret = None if secret_key is None else Secret.of(secret_key)
        token = None if sandbox_admin_token is None else Secret.of(sandbox_admin_token)
        del secret_key, sandbox_admin_token
        options = _options or resolve_options(
            access_key=access_key,
            secret_key=secret,
            vendor_id=vendor_id,
            base_url=base_url,
            user_id=user_id,
            timeout=timeout,
            extended_timeout=extended_timeout,
            max_retries=max_retries,
            rate_limit=rate_limit,
            preflight=preflight,
            max_response_bytes=max_response_bytes,
            deadline=deadline,
        )
        super().__init__(
            options, rate_limiters=rate_limiters, circuit_breaker=circuit_breaker, clock=clock
        )
        self._sleep = sleep
        self._sandbox_admin_token = token
        self._owns_http = _http is None
        self._http = _http or _AsyncHTTPClient(
            auth=CEAAuth(options.access_key, options.secret_key, clock=clock),
            transport=transport,
            timeout=options.timeout,
            headers={"User-Agent": user_agent()},
            follow_redirects=False,
        )

    def _clone(self, options: ClientOptions) -> AsyncClient:
        return AsyncClient(
            _options=options,
            _http=self._http,
            clock=self._clock,
            sleep=self._sleep,
            rate_limiters=self._rate_limiters,
            circuit_breaker=self._breaker,
            sandbox_admin_token=self._sandbox_admin_token,
        )

    @cached_property
    def outbound_shipping_places(self) -> AsyncOutboundShippingPlaces:
        """Outbound shipping places (출고지): register, update, list."""
        from coupang_seller.resources.shipping_places import AsyncOutboundShippingPlaces

        return AsyncOutboundShippingPlaces(self)

    @cached_property
    def return_centers(self) -> AsyncReturnCenters:
        """Return centers (반품지): register, update, list."""
        from coupang_seller.resources.shipping_places import AsyncReturnCenters

        return AsyncReturnCenters(self)

    @cached_property
    def products(self) -> AsyncProducts:
        """Seller products (등록상품) and their items."""
        from coupang_seller.resources.products import AsyncProducts

        return AsyncProducts(self)

    @cached_property
    def categories(self) -> AsyncCategories:
        """Display categories (노출카테고리), category meta and prediction."""
        from coupang_seller.resources.categories import AsyncCategories

        return AsyncCategories(self)

    @cached_property
    def orders(self) -> AsyncOrders:
        """Order sheets (발주서) and fulfilment: acknowledgement, invoices, cancels."""
        from coupang_seller.resources.orders import AsyncOrders

        return AsyncOrders(self)

    @cached_property
    def coupons(self) -> AsyncCoupons:
        """Instant-discount coupons (즉시할인쿠폰): contracts, budgets, coupons, items, requests."""
        from coupang_seller.resources.coupons import AsyncCoupons

        return AsyncCoupons(self)

    @cached_property
    def download_coupons(self) -> AsyncDownloadCoupons:
        """Downloadable coupons (다운로드쿠폰): create, items, expiry, transaction status."""
        from coupang_seller.resources.coupons import AsyncDownloadCoupons

        return AsyncDownloadCoupons(self)

    @cached_property
    def exchanges(self) -> AsyncExchanges:
        """Exchange requests (교환): list, receipt confirmation, rejection, exchange invoice."""
        from coupang_seller.resources.exchanges import AsyncExchanges

        return AsyncExchanges(self)

    @cached_property
    def returns(self) -> AsyncReturns:
        """Returns (반품): lists, receipt confirmation, approval, withdrawals, pickup invoices."""
        from coupang_seller.resources.returns import AsyncReturns

        return AsyncReturns(self)

    @cached_property
    def settlement(self) -> AsyncSettlement:
        """Settlement (정산): revenue history (매출내역) and settlement histories (지급내역)."""
        from coupang_seller.resources.settlement import AsyncSettlement

        return AsyncSettlement(self)

    @cached_property
    def cashback(self) -> AsyncCashback:
        """Item cashback rules (상품 캐시백): apply, look up, remove."""
        from coupang_seller.resources.cashback import AsyncCashback

        return AsyncCashback(self)

    @cached_property
    def rocket_growth(self) -> AsyncRocketGrowth:
        """Rocket Growth (로켓그로스) orders and warehouse inventory (50 calls/min)."""
        from coupang_seller.resources.rocket_growth import AsyncRocketGrowth

        return AsyncRocketGrowth(self)

    @cached_property
    def online_inquiries(self) -> AsyncOnlineInquiries:
        """Product inquiries (상품별 고객문의): list and answer."""
        from coupang_seller.resources.customer_service import AsyncOnlineInquiries

        return AsyncOnlineInquiries(self)

    @cached_property
    def call_center_inquiries(self) -> AsyncCallCenterInquiries:
        """Call-center inquiries (쿠팡 콜센터 문의): list, look up, answer, confirm transfers."""
        from coupang_seller.resources.customer_service import AsyncCallCenterInquiries

        return AsyncCallCenterInquiries(self)

    @cached_property
    def sandbox(self) -> AsyncSandbox:
        """The sandbox's control API (``/_sandbox``), grouped like stripe's test helpers: ``clock``,
        ``vendors``, ``products``, ``orders``, ``courier``, ``exchanges``, ``returns``,
        ``inquiries``, ``settlement``, ``coupons``, ``rocket_growth``, ``reset()``.
        """
        from coupang_seller.resources.sandbox import AsyncSandbox

        return AsyncSandbox(self)

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: QueryParams | None = None,
        json: Any = None,
        extended_timeout: float | _NotGiven | None = NOT_GIVEN,
        max_response_bytes: int | _NotGiven | None = NOT_GIVEN,
        deadline: float | _NotGiven | None = NOT_GIVEN,
    ) -> Any:
        """Async twin of :meth:`Client.request`."""
        request = self.build_request(
            self._http,
            method,
            path,
            params=params,
            json_body=json,
            extended_timeout=extended_timeout,
        )
        budget = self.call_budget(request, max_response_bytes=max_response_bytes, deadline=deadline)
        return self.success_json(request, await self._send(request, budget))

    async def request_model(
        self,
        method: str,
        path: str,
        model: type[ModelT],
        *,
        params: QueryParams | None = None,
        json: Any = None,
        extended_timeout: float | _NotGiven | None = NOT_GIVEN,
        max_response_bytes: int | _NotGiven | None = NOT_GIVEN,
        deadline: float | _NotGiven | None = NOT_GIVEN,
    ) -> ModelT:
        """Like :meth:`request`, validating the answer straight into ``model``."""
        request = self.build_request(
            self._http,
            method,
            path,
            params=params,
            json_body=json,
            extended_timeout=extended_timeout,
        )
        budget = self.call_budget(request, max_response_bytes=max_response_bytes, deadline=deadline)
        return self.success_model(request, await self._send(request, budget), model)

    async def _send(self, request: httpx.Request, budget: CallBudget) -> httpx.Response:
        attempt = 0
        while True:
            attempt += 1
            self.check_circuit()
            delay = self.reserve_rate_slot(request)
            if delay > 0:
                self.check_wait(request, budget, delay, processed=False)
                await self._sleep(delay)
            self.arm_attempt(request, budget)
            try:
                response = await self._receive(request, budget)
            except httpx.TransportError as exc:
                decision = self.on_transport_error(request, exc, attempt, budget)
                if not decision.retry:
                    if decision.error is None:
                        raise
                    raise decision.error from exc
                self.check_wait(
                    request,
                    budget,
                    decision.delay,
                    processed=processed_of(decision.error),
                    cause=decision.error,
                )
                await self._sleep(decision.delay)
                continue
            retry = self.on_response(request, response, attempt)
            if retry is None:
                return response
            self.check_wait(request, budget, retry.delay, processed=False, cause=retry.error)
            await self._sleep(retry.delay)

    async def _receive(
        self, request: httpx.Request, budget: CallBudget, *, signed: bool = True
    ) -> httpx.Response:
        """Send one attempt and stream its body in, within the cap and the deadline.

        The whole attempt runs under ``asyncio.timeout`` of the time left, so the deadline
        holds to the instant even against a server that never sends another byte.
        """
        try:
            async with asyncio.timeout(budget.remaining()):
                response = await self._http.send(
                    request, stream=True, auth=httpx.USE_CLIENT_DEFAULT if signed else None
                )
                try:
                    body = CappedBody(self, request, response, budget)
                    async for chunk in response.aiter_bytes():
                        body.feed(chunk)
                    return body.finish()
                finally:
                    await response.aclose()
                    release_stream(response)
        except TimeoutError as exc:
            raise self.deadline_exceeded(request, budget, processed=True) from exc

    async def send_control(self, method: str, path: str, *, json: Any = None) -> Any:
        """Unsigned call to the sandbox control API (no rate limit, no retries)."""
        request = self._http.build_request(
            method,
            self._options.base_url + path,
            json=json,
            headers={"Content-Type": C.CONTENT_TYPE},
        )
        if self._sandbox_admin_token:
            # Set on the request, never held in a local (tracebacks capture locals).
            request.headers["Authorization"] = f"Bearer {self._sandbox_admin_token.reveal()}"
        budget = self.call_budget(request, max_response_bytes=NOT_GIVEN, deadline=NOT_GIVEN)
        self.arm_attempt(request, budget)
        response = await self._receive(request, budget, signed=False)
        self.on_response(request, response, attempt=self._options.max_retries + 1)
        return self.success_json(request, response)

    async def aclose(self) -> None:
        """Close the HTTP client if the SDK created it (a passed-in ``http_client`` stays open)."""
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()
