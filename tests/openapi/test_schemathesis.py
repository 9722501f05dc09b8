"""Schemathesis against the sandbox with the generated document: every operation of the seller
API, signed like a real client, on a seeded sandbox. The checks: no 5xx, a documented status
code, the documented content type, headers and response schema.

Bounded for CI: a few examples per operation, derandomized, no deadline (about a minute on
two cores). Path parameters are mostly swapped for ids that exist in the seeded sandbox (the
calling vendor's own vendorId always), so lookups and state changes reach real records; the
other generated values hit the refusals.
"""

from __future__ import annotations

import zlib
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from coupang_sandbox.openapi import build_document
from tests.openapi.conftest import BASE_URL, Seeded

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
MAX_EXAMPLES = 8

schema = schemathesis.openapi.from_dict(build_document())


def use_real_ids(case: Any, ids: dict[str, list[str]]) -> None:
    """Swap most generated path ids for seeded ones (deterministically, from the value)."""
    for name, value in list((case.path_parameters or {}).items()):
        known = ids.get(name)
        if not known:
            continue
        pick = zlib.crc32(repr(value).encode())
        if name == "vendorId" or pick % 4 != 0:
            case.path_parameters[name] = known[pick % len(known)]


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_sandbox_conforms_to_its_document(case: Any, seeded: Seeded) -> None:
    response = send_case(case, seeded)
    case.validate_response(response, checks=CHECKS)


def send_case(case: Any, seeded: Seeded) -> Any:
    """Send a generated case, signed, with most path ids swapped for seeded ones."""
    use_real_ids(case, seeded.ids)
    kwargs = case.as_transport_kwargs(base_url=BASE_URL)
    kwargs.pop("cookies", None)
    body: dict[str, Any] = {}
    if "json" in kwargs:
        body["json"] = kwargs.pop("json")
    if "data" in kwargs:
        body["content"] = kwargs.pop("data")
    response = seeded.send(
        kwargs.pop("method"),
        kwargs.pop("url"),
        params=kwargs.pop("params", None),
        headers=kwargs.pop("headers", None),
        **body,
    )
    assert not kwargs, kwargs
    return response


@pytest.mark.slow_fuzz
@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES * 10,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_sandbox_conforms_longer(case: Any, seeded: Seeded) -> None:
    """``make fuzz``: the same checks with 10 times the examples (minutes; not in CI)."""
    case.validate_response(send_case(case, seeded), checks=CHECKS)
