"""Cross-group effects: the one place where a group's backend reaches another group.

A backend owns its group's rows and rules. A few operations touch another group too:

- **catch-ups on the sandbox clock.** Reading orders first applies the courier scans that are
  due and the automatic return pickups (returns group); exchanges settle the orders group's
  scans before they read the original box; cashback and Rocket Growth settle the products
  group's pending reviews before they check an item's approval.
- **stock.** Placing an order checks that every line is an approved item of the vendor (products
  group).
- **coupons on orders.** An order line carries the instant-coupon discount of the moment, and a
  customer's downloaded coupons are applied to a just-placed order (coupons group).

Each of these is a named, public method here. The backends are built once per sandbox
(:class:`~coupang_sandbox.backends.registry.Backends`), and every backend that needs another
group gets this service instead of constructing that group's backend and calling its private
methods.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Connection

from coupang_sandbox.backends.coupons import apply_download_coupons, discounts_for

if TYPE_CHECKING:
    from sqlalchemy.engine import RowMapping

    from coupang_sandbox.backends.orders import Orders
    from coupang_sandbox.backends.products import Products
    from coupang_sandbox.backends.returns import Returns

_Backend = TypeVar("_Backend")


class EffectsNotBound(RuntimeError):
    """A backend used a cross-group effect before the registry bound the other groups."""


class Effects:
    """The cross-group effects of one sandbox (bound to that sandbox's backends)."""

    def __init__(self) -> None:
        """No backend bound yet: the registry calls :meth:`bind`."""
        self._orders: Orders | None = None
        self._products: Products | None = None
        self._returns: Returns | None = None

    def bind(self, *, orders: Orders, products: Products, returns: Returns) -> None:
        """Attach the backends the effects reach (done once by the registry)."""
        self._orders, self._products, self._returns = orders, products, returns

    @staticmethod
    def _need(backend: _Backend | None, group: str) -> _Backend:
        if backend is None:
            raise EffectsNotBound(f"the {group} backend is not bound to these effects")
        return backend

    # -- catch-ups on the sandbox clock --------------------------------------------------------

    def orders_due(self, conn: Connection, vendor_id: str | None) -> None:
        """Apply the automatic courier scans that are due (orders group)."""
        self._need(self._orders, "orders").settle_due(conn, vendor_id)

    def returns_due(self, conn: Connection, vendor_id: str | None) -> None:
        """Apply the automatic return pickups that are due (returns group)."""
        self._need(self._returns, "returns").settle_due(conn, vendor_id)

    def reviews_due(self, conn: Connection, vendor_id: str | None) -> None:
        """Finish the product reviews that are due (products group)."""
        self._need(self._products, "products").settle_due(conn, vendor_id)

    # -- stock ---------------------------------------------------------------------------------

    def listed_item(self, vendor_id: str, vendor_item_id: int) -> RowMapping:
        """The vendor's approved item ``vendor_item_id`` (due reviews settled first); a
        :class:`~coupang_sandbox.errors.SandboxError` when it is not one (products group)."""
        return self._need(self._products, "products").inventory(vendor_id, vendor_item_id)

    # -- coupons on orders ---------------------------------------------------------------------

    def line_discounts(
        self,
        conn: Connection,
        vendor_id: str,
        vendor_item_id: int,
        *,
        unit_price: int,
        quantity: int,
        now: datetime,
    ) -> dict[str, Any]:
        """The instant-coupon discount fields of one order line at ``now`` (coupons group)."""
        return discounts_for(
            conn, vendor_id, vendor_item_id, unit_price=unit_price, quantity=quantity, now=now
        )

    def apply_downloaded_coupons(
        self,
        conn: Connection,
        vendor_id: str,
        order_id: int,
        coupons: Mapping[str, Any],
        now: datetime,
    ) -> None:
        """Apply the customer's downloaded coupons to a just-placed order (coupons group)."""
        apply_download_coupons(conn, vendor_id, order_id, coupons, now)
