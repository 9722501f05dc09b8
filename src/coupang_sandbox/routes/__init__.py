"""Thin handlers, declared as route tables of ``(method, path template, handler)``."""

from starlette.routing import Route

from coupang_sandbox.routes import (
    categories,
    control,
    control_orders,
    control_products,
    orders,
    products,
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
    )


__all__ = ["Call", "RouteSpec", "admin_routes", "all_routes", "signed_routes"]
