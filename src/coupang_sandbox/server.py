"""Run the sandbox with uvicorn (one worker; uvloop/httptools when installed)."""

from __future__ import annotations

from collections.abc import Sequence

import uvicorn

from coupang_sandbox.app import create_app
from coupang_sandbox.settings import DEFAULT_DB_URL, SandboxSettings, VendorSeed

DEFAULT_PORT = 8089


def build_server(
    host: str = "127.0.0.1",
    port: int = DEFAULT_PORT,
    db_url: str = DEFAULT_DB_URL,
    vendors: Sequence[VendorSeed] = (),
    admin_token: str | None = None,
    *,
    settings: SandboxSettings | None = None,
    access_log: bool = False,
    log_level: str = "warning",
    rate_limit: float | None = 10.0,
    block_seconds: float = 60.0,
) -> uvicorn.Server:
    if settings is None:
        settings = SandboxSettings(
            db_url=db_url,
            vendors=list(vendors),
            admin_token=admin_token,
            rate_limit_per_second=rate_limit,
            rate_limit_block_seconds=block_seconds,
        )
    config = uvicorn.Config(
        create_app(settings),
        host=host,
        port=port,
        loop="auto",
        http="auto",
        workers=1,
        access_log=access_log,
        log_level=log_level,
        lifespan="on",
    )
    return uvicorn.Server(config)


def serve(
    host: str = "127.0.0.1",
    port: int = DEFAULT_PORT,
    db_url: str = DEFAULT_DB_URL,
    vendors: Sequence[VendorSeed] = (),
    admin_token: str | None = None,
    *,
    settings: SandboxSettings | None = None,
    access_log: bool = False,
    log_level: str = "warning",
    rate_limit: float | None = 10.0,
    block_seconds: float = 60.0,
) -> None:
    """Serve the sandbox until interrupted. Binds to loopback by default."""
    build_server(
        host,
        port,
        db_url,
        vendors,
        admin_token,
        settings=settings,
        access_log=access_log,
        log_level=log_level,
        rate_limit=rate_limit,
        block_seconds=block_seconds,
    ).run()
