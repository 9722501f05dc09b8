"""The ``coupang-seller`` command line: sandbox server, demo and shipping-place commands.

It lives beside the SDK, not inside it, so ``coupang_seller`` never imports the sandbox.
"""

from coupang_cli._main import main

__all__ = ["main"]
