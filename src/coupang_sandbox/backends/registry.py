"""One backend per group, built once per sandbox and kept on its context.

``Sandbox.open`` builds a :class:`Backends`; routes, the control API and the dashboard reach a
group's backend as ``sandbox.backends.<group>``. The backends that touch another group share
one :class:`~coupang_sandbox.backends.effects.Effects`, bound here to the backends it reaches.
"""

from __future__ import annotations

from dataclasses import dataclass

from coupang_sandbox.backends.cashback import Cashback
from coupang_sandbox.backends.categories import Categories
from coupang_sandbox.backends.coupons import Coupons
from coupang_sandbox.backends.customer_service import CustomerService
from coupang_sandbox.backends.effects import Effects
from coupang_sandbox.backends.exchanges import Exchanges
from coupang_sandbox.backends.orders import Orders
from coupang_sandbox.backends.products import Products
from coupang_sandbox.backends.returns import Returns
from coupang_sandbox.backends.rocket_growth import RocketGrowth
from coupang_sandbox.backends.settlement import Settlement
from coupang_sandbox.backends.shipping_places import OutboundPlaces, ReturnCenters
from coupang_sandbox.clock import SandboxClock
from coupang_sandbox.settings import SandboxSettings
from coupang_sandbox.store import Store


@dataclass(frozen=True)
class Backends:
    """The backends of one sandbox, one per group (shipping places have two: outbound places
    and return centers), and the effects service they share."""

    effects: Effects
    outbound_places: OutboundPlaces
    return_centers: ReturnCenters
    products: Products
    categories: Categories
    orders: Orders
    returns: Returns
    exchanges: Exchanges
    customer_service: CustomerService
    coupons: Coupons
    settlement: Settlement
    cashback: Cashback
    rocket_growth: RocketGrowth

    @classmethod
    def build(cls, store: Store, clock: SandboxClock, settings: SandboxSettings) -> Backends:
        """Build every backend over ``store``/``clock``/``settings`` and bind the effects."""
        effects = Effects()
        products = Products(store, clock, settings)
        orders = Orders(store, clock, settings, effects)
        returns = Returns(store, clock, settings)
        effects.bind(orders=orders, products=products, returns=returns)
        return cls(
            effects=effects,
            outbound_places=OutboundPlaces(store, clock),
            return_centers=ReturnCenters(store, clock),
            products=products,
            categories=Categories(),
            orders=orders,
            returns=returns,
            exchanges=Exchanges(store, clock, settings, effects),
            customer_service=CustomerService(store, clock, settings),
            coupons=Coupons(store, clock, settings),
            settlement=Settlement(store, clock, settings),
            cashback=Cashback(store, clock, settings, effects),
            rocket_growth=RocketGrowth(store, clock, settings, effects),
        )
