"""Thin handlers, declared as route tables of ``(method, path template, handler)``."""

from starlette.routing import Route

from coupang_sandbox.routes import (
    categories,
    control,
    control_exchanges,
    control_orders,
    control_products,
    control_returns,
    exchanges,
    orders,
    products,
    returns,
    shipping_places,
)
from coupang_sandbox.routes._base import Call, RouteSpec, admin_routes, signed_routes


def all_routes() -> list[Route]:
    return (
        signed_routes(shipping_places.ROUTES)
        + admin_routes(control.ROUTES)
        + signed_routes(products.ROUTES)
        + admin_routes(control_products.ROUTES)
        + signed_routes(categories.ROUTES)
        + signed_routes(orders.ROUTES)
        + admin_routes(control_orders.ROUTES)
        + signed_routes(returns.ROUTES)
        + admin_routes(control_returns.ROUTES)
        + signed_routes(exchanges.ROUTES)
        + admin_routes(control_exchanges.ROUTES)
    )


__all__ = ["Call", "RouteSpec", "admin_routes", "all_routes", "signed_routes"]
