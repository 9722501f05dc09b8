"""A faithful, stateful local emulator of Coupang's seller (WING) Open API gateway.

Entry points: :func:`create_app` (an ASGI app), :class:`SandboxSettings` and :func:`serve`.
"""

from coupang_sandbox.app import create_app
from coupang_sandbox.server import serve
from coupang_sandbox.settings import SandboxSettings, VendorSeed

__all__ = ["SandboxSettings", "VendorSeed", "create_app", "serve"]
