"""Stateful schemathesis through the document's links: a create or a list, then the lookups
its answer names (a product create -> the product, a sheet list -> the sheet and its order, a
return list -> the return, a shipping place create -> the place, a coupon create -> its
request status), on a seeded sandbox, signed like a real client.

Bounded for CI: a fixed seed, a few scenarios of a few steps (about 10 s). The lists often get
known-good queries (the seeded day and statuses) and the outbound place creates a valid body,
so their answers have ids to follow; the run must follow links, not only call operations one
by one.
"""

from __future__ import annotations

import zlib
from typing import Any, ClassVar

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, settings
from schemathesis import Response

from coupang_sandbox.openapi import build_document
from coupang_sandbox.openapi._build import LINKS
from tests.openapi.conftest import BASE_URL, Seeded
from tests.openapi.test_generated_client import PLACE
from tests.openapi.test_schemathesis import CHECKS
from tests.openapi.test_success_shapes import CALLS, fill

SEED = 20250715
STEPS = 6
SCENARIOS = 16


def _linked_operation_ids(document: dict[str, Any], sources: str) -> set[str]:
    """The operations at either end of the links whose source uses ``sources`` (a method)."""
    ids: set[str] = set()
    for method, path, *_, target_method, target, _parameters in LINKS:
        if method != sources:
            continue
        for m, p in ((method, path), (target_method, target)):
            operation = document["paths"].get(p, {}).get(m)
            if operation is not None:
                ids.add(operation["operationId"])
    return ids


def _good_queries() -> dict[str, dict[str, Any]]:
    """Known-good queries of the lists, by path template (the first documented call wins)."""
    out: dict[str, dict[str, Any]] = {}
    for template, query in CALLS:
        out.setdefault(template, query)
    return out


def test_the_document_links_creates_and_lists_to_lookups(document: dict[str, Any]) -> None:
    links = {
        (path, name): link
        for path, item in document["paths"].items()
        for operation in item.values()
        for name, link in operation["responses"].get("200", {}).get("links", {}).items()
    }
    product = "/v2/providers/seller_api/apis/api/v1/marketplace/seller-products"
    assert links[(product, "GetProduct")]["parameters"] == {
        "path.sellerProductId": "$response.body#/data"
    }
    names = {name for _, name in links}
    assert {"GetOutboundPlace", "GetReturnCenter", "GetRequestStatus", "GetSheet"} <= names
    operation_ids = {
        op["operationId"] for item in document["paths"].values() for op in item.values()
    }
    assert {link["operationId"] for link in links.values()} <= operation_ids


@pytest.mark.parametrize("sources", ["post", "get"], ids=["creates", "lists"])
def test_stateful_links_on_a_seeded_sandbox(seeded: Seeded, sources: str) -> None:
    """Creates and lists run apart: schemathesis starts scenarios at creates when it has any,
    and a list under ``/vendors/{vendorId}`` would never be a first step beside them."""
    document = build_document()
    schema = schemathesis.openapi.from_dict(document).include(
        operation_id=sorted(_linked_operation_ids(document, sources))
    )
    good = _good_queries()
    followed: list[str] = []

    class Machine(schema.as_state_machine()):  # type: ignore[misc]
        calls: ClassVar[int] = 0
        places: ClassVar[int] = 0

        def call(self, case: Any, **kwargs: Any) -> Response:
            path_params = case.path_parameters or {}
            if "vendorId" in path_params:
                path_params["vendorId"] = seeded.ids["vendorId"][0]
            pick = zlib.crc32(repr((case.query, case.body)).encode()) % 3
            query = good.get(case.path)
            if query is not None and pick:
                case.query = {k: fill(str(v), seeded.ids) for k, v in query.items()}
            if case.method == "POST" and case.path.endswith("/outboundShippingCenters") and pick:
                type(self).places += 1  # place names are unique per vendor
                case.body = {**PLACE, "shippingPlaceName": f"링크 출고지 {type(self).places}"}
            kwargs = case.as_transport_kwargs(base_url=BASE_URL)
            body: dict[str, Any] = {}
            if "json" in kwargs:
                body["json"] = kwargs["json"]
            response = seeded.send(
                kwargs["method"],
                kwargs["url"],
                params=kwargs.get("params"),
                headers=kwargs.get("headers"),
                **body,
            )
            type(self).calls += 1
            return Response.from_any(response)

        def step(self, input: Any) -> Any:
            if (
                input.transition is not None
                and input.applied_parameters
                and not input.transition.is_inferred
            ):
                followed.append(input.transition.id)
            return super().step(input)

        def validate_response(self, response: Response, case: Any, **kwargs: Any) -> None:
            case.validate_response(response, checks=CHECKS)

    from schemathesis.generation.stateful import run_state_machine_as_test

    # Whether a scenario follows a link depends on the answers (ids, refusals of repeated
    # addresses), not only on the seed; a run that happened to follow none is repeated with
    # more scenarios (the generation then differs) before the test gives up.
    for attempt in range(1, 4):
        run_state_machine_as_test(
            Machine,
            settings=settings(
                max_examples=SCENARIOS * attempt,
                stateful_step_count=STEPS,
                deadline=None,
                database=None,
                derandomize=True,
                phases=[Phase.generate],
                suppress_health_check=list(HealthCheck),
            ),
        )
        if followed:
            break
    assert Machine.calls >= SCENARIOS
    assert followed, "no step followed a link with a value taken from an earlier answer"


@pytest.mark.slow_fuzz
def test_stateful_links_longer(seeded: Seeded) -> None:
    """``make fuzz``: the same scenarios, many more of them (not in CI)."""
    global SCENARIOS, STEPS
    SCENARIOS, STEPS = 200, 12
    try:
        for sources in ("post", "get"):
            test_stateful_links_on_a_seeded_sandbox(seeded, sources)
    finally:
        SCENARIOS, STEPS = 16, 6
