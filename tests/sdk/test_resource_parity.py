"""Mechanical sync/async parity of the SDK resources, and a docstring on every public method.

Every resource class of ``Client`` has an async twin on ``AsyncClient``. For every public
method of every pair: the same parameters (names, kinds, defaults, annotations), the same
return type (``Iterator[X]`` on one side is ``AsyncIterator[X]`` on the other; a method that
returns a value is a coroutine on the async side), and the same docstring. Every docstring
says what it calls (Coupang's method and path, from the endpoint table), what it returns
and what it raises. Adding a method to one half only, or changing one half's signature,
fails here.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterator
from functools import cached_property
from typing import Any

import pytest

from coupang_seller import AsyncClient, Client
from coupang_seller import _endpoints as E


def _resources(owner: object, prefix: str = "") -> dict[str, type]:
    """Every resource of ``owner`` (its ``cached_property`` attributes), and theirs in turn:
    ``sandbox`` and its groups ``sandbox.clock``, ``sandbox.orders``..."""
    found: dict[str, type] = {}
    for name, attribute in vars(type(owner)).items():
        if isinstance(attribute, cached_property):
            resource = getattr(owner, name)
            found[prefix + name] = type(resource)
            found.update(_resources(resource, f"{prefix}{name}."))
    return found


# Built, never used to send (no network at import or collection).
SYNC = _resources(Client("ak", "sk", "A00000001", base_url="http://127.0.0.1:9"))
ASYNC = _resources(AsyncClient("ak", "sk", "A00000001", base_url="http://127.0.0.1:9"))
PAIRS = [(name, SYNC[name], ASYNC[name]) for name in sorted(SYNC)]


def _public(cls: type) -> dict[str, Any]:
    return {
        name: member
        for name in dir(cls)
        if not name.startswith("_") and inspect.isfunction(member := getattr(cls, name))
    }


def _methods() -> Iterator[tuple[str, str, Any, Any]]:
    for group, sync_cls, async_cls in PAIRS:
        sync_methods, async_methods = _public(sync_cls), _public(async_cls)
        for name in sorted(sync_methods.keys() | async_methods.keys()):
            yield group, name, sync_methods.get(name), async_methods.get(name)


METHODS = list(_methods())
IDS = [f"{group}.{name}" for group, name, _, _ in METHODS]


def test_every_resource_has_an_async_twin() -> None:
    assert SYNC.keys() == ASYNC.keys()
    assert len(PAIRS) >= 15
    assert {"sandbox.clock", "sandbox.orders", "sandbox.courier"} <= SYNC.keys()
    assert len(METHODS) > 140


def _asyncified(annotation: str) -> str:
    return re.sub(r"\bIterator\[", "AsyncIterator[", annotation)


@pytest.mark.parametrize(("group", "name", "sync", "async_"), METHODS, ids=IDS)
def test_the_halves_have_the_same_signature_and_docstring(
    group: str, name: str, sync: Any, async_: Any
) -> None:
    assert sync is not None, f"client.{group}.{name} exists only on AsyncClient"
    assert async_ is not None, f"client.{group}.{name} exists only on Client"
    sync_sig, async_sig = inspect.signature(sync), inspect.signature(async_)
    assert list(sync_sig.parameters.values()) == list(async_sig.parameters.values())
    returns = str(sync_sig.return_annotation)
    assert _asyncified(returns) == str(async_sig.return_annotation)
    if sync is async_:  # shared, I/O-free (categories.recommend_offline)
        return
    iterates = "Iterator[" in returns
    awaited = inspect.iscoroutinefunction(async_)
    assert awaited != iterates, f"async {name} must be awaitable unless it iterates"
    assert inspect.getdoc(sync) == inspect.getdoc(async_), "the docstrings differ"


def _calls_of(group: str, name: str) -> list[E.Endpoint]:
    found = []
    for endpoint in vars(E).values():
        if isinstance(endpoint, E.Endpoint):
            for part in endpoint.sdk.split(" / "):
                words = re.findall(r"\w+", part)
                if "." in part:
                    owner = part.split(".")[0].strip()
                if name in words and owner == group:
                    found.append(endpoint)
    return found


@pytest.mark.parametrize(("group", "name", "sync", "async_"), METHODS, ids=IDS)
def test_every_public_method_says_what_it_calls_returns_and_raises(
    group: str, name: str, sync: Any, async_: Any
) -> None:
    for method in (sync, async_):
        doc = " ".join((inspect.getdoc(method) or "").split())
        assert doc, f"{group}.{name} has no docstring"
        assert "Calls" in doc, f"{group}.{name}: the docstring does not say what it calls"
        assert "Returns" in doc or "Yields" in doc, f"{group}.{name}: nothing on what it returns"
        assert "Raises" in doc, f"{group}.{name}: nothing on what it raises"
        for endpoint in _calls_of(group, name):
            assert f"{endpoint.method} {endpoint.path}" in doc, (
                f"{group}.{name} calls {endpoint.method} {endpoint.path}; its docstring must say so"
            )


def test_every_resource_class_has_a_docstring() -> None:
    for _, sync_cls, async_cls in PAIRS:
        assert sync_cls.__doc__ and async_cls.__doc__
