"""Thin handlers, declared as route tables of ``(method, path template, handler)``."""

from starlette.routing import Route

from coupang_sandbox import dashboard
from coupang_sandbox.routes import (
    cashback,
    categories,
    control,
    control_coupons,
    control_customer_service,
    control_exchanges,
    control_faults,
    control_health,
    control_key_policy,
    control_orders,
    control_products,
    control_requests,
    control_returns,
    control_rocket_growth,
    control_settlement,
    control_snapshots,
    coupang_confirm,
    coupons,
    customer_service,
    exchanges,
    orders,
    products,
    returns,
    rocket_growth,
    settlement,
    shipping_places,
)
from coupang_sandbox.routes._base import Call, RouteSpec, admin_routes, signed_routes


def all_routes() -> list[Route]:
    """Every route of the app: the signed API per group, the control API and the dashboard."""
    return (
        signed_routes(shipping_places.ROUTES)
        + admin_routes(control.ROUTES)
        + admin_routes(control_key_policy.ROUTES)
        + signed_routes(products.ROUTES)
        + admin_routes(control_products.ROUTES)
        + signed_routes(categories.ROUTES)
        + signed_routes(orders.ROUTES)
        + admin_routes(control_orders.ROUTES)
        + signed_routes(returns.ROUTES)
        + admin_routes(control_returns.ROUTES)
        + signed_routes(exchanges.ROUTES)
        + admin_routes(control_exchanges.ROUTES)
        + signed_routes(customer_service.ROUTES)
        + admin_routes(control_customer_service.ROUTES)
        + signed_routes(coupons.ROUTES)
        + admin_routes(control_coupons.ROUTES)
        + signed_routes(settlement.ROUTES)
        + admin_routes(control_settlement.ROUTES)
        + signed_routes(cashback.ROUTES)
        + signed_routes(rocket_growth.ROUTES)
        + admin_routes(control_rocket_growth.ROUTES)
        + signed_routes(coupang_confirm.ROUTES)
        + admin_routes(control_faults.ROUTES)
        + admin_routes(control_snapshots.ROUTES)
        + admin_routes(control_requests.ROUTES)
        + admin_routes(control_health.ROUTES)
        + dashboard.routes()
    )


__all__ = ["Call", "RouteSpec", "admin_routes", "all_routes", "signed_routes"]
