"""Every personal-data field of the reference is redacted from a real logged response.

A local server answers a JSON body holding one field (in the object Coupang puts it in);
the client logs the call at DEBUG; the field's value must not appear, while a harmless
marker next to it does (so the line was logged and not cut short).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

import pytest

from coupang_seller import AsyncClient, Client
from coupang_seller._ratelimit import CircuitBreaker
from tests.sdk._hostile_server import HostileServer, hostile_server

#: (object holding it, field) - where Coupang's reference documents each personal field.
FIELDS: list[tuple[str | None, str]] = [
    # exchanges: exchangeAddressDtoV1 (the buyer's return and delivery addresses)
    *(
        ("exchangeAddressDtoV1", name)
        for name in (
            "returnCustomerName",
            "returnAddress",
            "returnAddressDetail",
            "returnAddressZipCode",
            "returnMobile",
            "returnPhone",
            "deliveryCustomerName",
            "deliveryAddress",
            "deliveryAddressDetail",
            "deliveryAddressZipCode",
            "deliveryMobile",
            "deliveryPhone",
        )
    ),
    # exchanges: returndeliveryDestinationDto (the customer's side)
    *(
        ("returndeliveryDestinationDto", name)
        for name in (
            "customerName",
            "customerAddress",
            "customerAddressDetail",
            "customerZipCode",
            "customerMobile",
            "customerPhone",
            "orderedByMobile",
            "safetyNumber",
        )
    ),
    # order sheets: orderer, receiver, overseas shipping (customs)
    *(("orderer", name) for name in ("name", "email", "safeNumber", "ordererNumber")),
    *(
        ("receiver", name)
        for name in ("name", "safeNumber", "receiverNumber", "addr1", "addr2", "postCode")
    ),
    *(
        ("overseaShippingInfoDto", name)
        for name in (
            "personalCustomsClearanceCode",
            "ordererPhoneNumber",
            "ordererSsn",
            "orderersSsn",
        )
    ),
    # returns: the requester
    *(
        (None, name)
        for name in (
            "requesterName",
            "requesterPhoneNumber",
            "requesterRealPhoneNumber",
            "requesterAddress",
            "requesterAddressDetail",
            "requesterZipCode",
        )
    ),
    # customer service: the buyer, and who answered
    *((None, name) for name in ("buyerEmail", "buyerPhone")),
    ("replies", "receptionistName"),
    # hand-picked names seen in Coupang's other answers
    *((None, name) for name in ("ordererEmail", "ordererName", "receiverName", "buyerName")),
]

MARKER = "VISIBLE-MARKER-7"
PATH = "/v2/providers/openapi/apis/api/v4/vendors/A00012345/exchangeRequests"


def _value(field: str) -> str:
    return f"PII-{field}-홍길동-010-1234-5678"


def _body(parent: str | None, field: str) -> bytes:
    item: dict[str, object] = {"exchangeId": 1, "note": MARKER}
    holder = {field: _value(field)}
    if parent is None:
        item.update(holder)
    elif parent == "replies":
        item["replies"] = [holder]
    else:
        item[parent] = holder
    return json.dumps({"code": 200, "message": "OK", "data": [item]}, ensure_ascii=False).encode()


@pytest.fixture(scope="module")
def server() -> Iterator[HostileServer]:
    with hostile_server() as running:
        for index, (parent, field) in enumerate(FIELDS):
            running.bodies[f"{PATH}/{index}"] = _body(parent, field)
        yield running


def _client(server: HostileServer) -> Client:
    return Client(
        "ak",
        "sk",
        "A00012345",
        base_url=server.base_url,
        rate_limit=None,
        circuit_breaker=CircuitBreaker(),
    )


def test_the_table_covers_the_issue_s_fields() -> None:
    names = {field for _, field in FIELDS}
    for named in (
        "returnCustomerName",
        "returnAddress",
        "returnMobile",
        "deliveryCustomerName",
        "deliveryAddress",
        "deliveryMobile",
        "safeNumber",
        "personalCustomsClearanceCode",
        "postCode",
        "ordererEmail",
    ):
        assert named in names


@pytest.mark.parametrize(("index", "parent", "field"), [(i, *pf) for i, pf in enumerate(FIELDS)])
def test_field_is_redacted_in_a_logged_response(
    server: HostileServer,
    caplog: pytest.LogCaptureFixture,
    index: int,
    parent: str | None,
    field: str,
) -> None:
    with _client(server) as client, caplog.at_level(logging.DEBUG, logger="coupang_seller"):
        data = client.request("GET", f"{PATH}/{index}")
    held = data["data"][0] if parent is None else data["data"][0][parent]
    held = held[0] if isinstance(held, list) else held
    assert held[field] == _value(field)  # the caller still gets the data
    assert MARKER in caplog.text and field in caplog.text
    assert _value(field) not in caplog.text
    assert "PII-" not in caplog.text


async def test_async_client_redacts_too(
    server: HostileServer, caplog: pytest.LogCaptureFixture
) -> None:
    async with AsyncClient(
        "ak",
        "sk",
        "A00012345",
        base_url=server.base_url,
        rate_limit=None,
        circuit_breaker=CircuitBreaker(),
    ) as client:
        with caplog.at_level(logging.DEBUG, logger="coupang_seller"):
            for index in range(len(FIELDS)):
                await client.request("GET", f"{PATH}/{index}")
    assert caplog.text.count(MARKER) == len(FIELDS)
    assert "PII-" not in caplog.text
