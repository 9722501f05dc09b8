"""One backend per group, built once on the sandbox context, and one explicit service for the
effects that cross groups (no backend constructs another group's backend)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from starlette.applications import Starlette
from tests.sandbox_helpers import Api, outbound_list_url

from coupang_sandbox.backends.effects import Effects, EffectsNotBound
from coupang_sandbox.backends.registry import Backends

SANDBOX = Path(__file__).resolve().parents[2] / "src" / "coupang_sandbox"
BACKEND_CLASSES = {
    "Cashback",
    "Categories",
    "Coupons",
    "CustomerService",
    "Exchanges",
    "Orders",
    "OutboundPlaces",
    "Products",
    "ReturnCenters",
    "Returns",
    "RocketGrowth",
    "Settlement",
}


def _constructions(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        f"{path.relative_to(SANDBOX)}:{node.lineno} {node.func.id}()"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in BACKEND_CLASSES
    ]


def test_only_the_registry_constructs_backends() -> None:
    """Routes, the dashboard and the backends themselves reach a backend through
    ``sandbox.backends`` or the effects service, never by building one."""
    found = [
        hit
        for path in sorted(SANDBOX.rglob("*.py"))
        if path.name != "registry.py"
        for hit in _constructions(path)
    ]
    assert not found, found


def test_no_backend_calls_a_private_method_of_another_group() -> None:
    """The old ``Products(...)._settle(conn)`` pattern: a private call on a foreign object."""
    found: list[str] = []
    for path in sorted((SANDBOX / "backends").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
                and isinstance(node.value, ast.Call)
            ):
                found.append(f"{path.relative_to(SANDBOX)}:{node.lineno} .{node.attr}")
    assert not found, found


async def test_the_backends_are_built_once_per_sandbox(app: Starlette, api: Api) -> None:
    sandbox = app.state.sandbox
    before = sandbox.backends
    assert isinstance(before, Backends)
    assert before.orders.effects is before.effects is before.exchanges.effects
    response = await api.get(outbound_list_url())
    assert response.status_code == 200
    assert app.state.sandbox.backends is before


def test_effects_refuse_to_run_unbound() -> None:
    with pytest.raises(EffectsNotBound, match="orders"):
        Effects().orders_due(None, None)  # type: ignore[arg-type]
