"""The app factory. No module-level state: engine, clock and settings live on ``app.state``."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.middleware import Middleware

from coupang_sandbox.context import Sandbox
from coupang_sandbox.errors import EXCEPTION_HANDLERS
from coupang_sandbox.paths import NormalisedPaths
from coupang_sandbox.request_log import RequestLogMiddleware
from coupang_sandbox.routes import all_routes
from coupang_sandbox.settings import SandboxSettings


def create_app(settings: SandboxSettings | None = None) -> Starlette:
    """Build the sandbox ASGI app.

    The store is opened (tables created, vendors seeded, clock loaded) right here, so the app
    works without running lifespan (e.g. under ``httpx.ASGITransport``); lifespan shutdown
    disposes the engine. Without lifespan, call ``app.state.sandbox.close()`` when done.

    Paths are normalised once before routing (:mod:`coupang_sandbox.paths`), and a trailing
    slash is not redirected: it answers the JSON 404 envelope like any unknown path.
    """
    sandbox = Sandbox.open(settings or SandboxSettings())

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        """Dispose the store when the server shuts down."""
        try:
            yield
        finally:
            sandbox.close()

    app = Starlette(
        routes=all_routes(),
        middleware=[
            # Outermost: it times every signed-API request, faults and refusals included.
            Middleware(
                RequestLogMiddleware,
                writer=sandbox.request_log,
                wall_clock=sandbox.settings.wall_clock,
                access_log=sandbox.settings.access_log,
            ),
            Middleware(NormalisedPaths),
        ],
        exception_handlers=EXCEPTION_HANDLERS,
        lifespan=lifespan,
    )
    app.router.redirect_slashes = False
    app.state.sandbox = sandbox
    return app


def close_app(app: Starlette) -> None:
    """Dispose the app's engine (for apps used without lifespan)."""
    sandbox: Sandbox = app.state.sandbox
    sandbox.close()
