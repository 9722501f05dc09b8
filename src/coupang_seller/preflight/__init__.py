"""Client-side checks of Coupang's business rules, run before a request is sent.

Every function is pure (a body in, a list of :class:`Violation` out) and is the same
function the sandbox enforces, so preflight and emulator can never disagree.
"""

from coupang_seller.preflight import orders, products, shipping_places
from coupang_seller.preflight._core import Violation

__all__ = ["Violation", "orders", "products", "shipping_places"]
