"""Thin handlers, declared as route tables of ``(method, path template, handler)``."""

from starlette.routing import Route

from coupang_sandbox.routes import control, shipping_places
from coupang_sandbox.routes._base import Call, RouteSpec, admin_routes, signed_routes


def all_routes() -> list[Route]:
    return signed_routes(shipping_places.ROUTES) + admin_routes(control.ROUTES)


__all__ = ["Call", "RouteSpec", "admin_routes", "all_routes", "signed_routes"]
