"""Each fault kind through the real HTTP path (the app behind an in-process ASGI transport),
and each matching criterion: method, path glob and regex, SDK operation, vendor, writes only,
at most N times, within a time span of the sandbox clock."""

from __future__ import annotations

import time
from typing import Any

import httpx
import pytest

from coupang_seller import _endpoints as E
from tests.faults.conftest import GATEWAY_TIMEOUT, LIST, OTHER, OUTBOUND, VENDOR, Control
from tests.orders.conftest import Market, RawApi
from tests.sandbox_helpers import outbound_body, outbound_url


def _create(raw: RawApi, name: str = "출고지 1") -> httpx.Response:
    return raw.post(outbound_url(raw.vendor[0]), json=outbound_body(name, raw.vendor[0]))


def _places(raw: RawApi) -> int:
    response = raw.get(LIST)
    assert response.status_code == 200, response.text
    return len(response.json()["content"])


def test_rate_limit_answers_429_and_blocks_the_vendor(control: Control, raw: RawApi) -> None:
    control.add(kind="rate_limit", blockSeconds=30, times=1, vendorId=VENDOR[0])
    first = raw.get(LIST)
    assert first.status_code == 429
    assert first.headers["Retry-After"] == "30"
    assert first.json()["code"] == "ERROR"
    # the rule fired once; the block it placed refuses every call of the vendor
    again = raw.get(LIST)
    assert again.status_code == 429 and 1 <= int(again.headers["Retry-After"]) <= 30
    assert control.hits() == [1]
    assert raw.as_vendor(OTHER).get(LIST).status_code == 200
    control.http.delete("/_sandbox/faults")  # clearing the rules lifts their blocks
    assert raw.get(LIST).status_code == 200


def test_block_page_is_the_gateway_html_without_json(control: Control, raw: RawApi) -> None:
    control.add(kind="block_page")
    response = raw.get(LIST)
    assert response.status_code == 403
    assert response.headers["content-type"].startswith("text/html")
    assert "<TITLE>Access Denied</TITLE>" in response.text
    with pytest.raises(ValueError):
        response.json()


def test_redirect_block_is_a_302(control: Control, raw: RawApi) -> None:
    control.add(kind="redirect_block", location="https://example.test/blocked")
    response = raw.get(LIST)
    assert response.status_code == 302
    assert response.headers["location"] == "https://example.test/blocked"


@pytest.mark.parametrize("status", [500, 502, 503])
def test_error_answers_in_coupangs_envelope(control: Control, raw: RawApi, status: int) -> None:
    control.add(kind="error", status=status)
    response = raw.get(LIST)
    assert response.status_code == status
    body = response.json()
    assert body["code"] == status and body["data"] is None and body["message"]


def test_gateway_timeout_answers_504_after_the_gateway_wait(control: Control, raw: RawApi) -> None:
    control.add(kind="gateway_timeout", latencySeconds=5, writesOnly=True)
    started = time.monotonic()
    response = _create(raw)
    elapsed = time.monotonic() - started
    assert response.status_code == 504
    assert GATEWAY_TIMEOUT <= elapsed < 3
    assert _places(raw) == 0  # the provider never got to it


def test_extended_timeout_covering_the_latency_gets_the_answer(
    control: Control, raw: RawApi
) -> None:
    control.add(kind="gateway_timeout", latencySeconds=0.5, writesOnly=True)
    started = time.monotonic()
    response = raw.post(
        outbound_url(VENDOR[0]),
        json=outbound_body("출고지 1", VENDOR[0]),
        headers={"X-EXTENDED-TIMEOUT": "2000"},
    )
    assert response.status_code == 200, response.text
    assert time.monotonic() - started >= 0.5
    # an extension too short for the latency: 504 once it is over
    short = raw.post(
        outbound_url(VENDOR[0]),
        json=outbound_body("출고지 2", VENDOR[0]),
        headers={"X-EXTENDED-TIMEOUT": "400"},
    )
    assert short.status_code == 504
    assert _places(raw) == 1


def test_latency_fixed_and_seeded_jitter(control: Control, raw: RawApi) -> None:
    control.add(kind="latency", latencySeconds=0.2, jitterSeconds=0.2, seed=3, times=2)
    timings = []
    for _ in range(3):
        started = time.monotonic()
        assert raw.get(LIST).status_code == 200
        timings.append(time.monotonic() - started)
    assert timings[0] >= 0.2 and timings[1] >= 0.2
    assert timings[2] < 0.2  # fired twice only


def test_reset_drops_the_connection_before_processing(control: Control, raw: RawApi) -> None:
    control.add(kind="reset", writesOnly=True, times=1)
    with pytest.raises(httpx.RemoteProtocolError, match="disconnected"):
        _create(raw)
    assert _places(raw) == 0
    assert _create(raw).status_code == 200


@pytest.mark.parametrize("then", ["drop", "504"])
def test_commit_then_drop_applies_the_write_and_loses_the_answer(
    control: Control, raw: RawApi, then: str
) -> None:
    control.add(kind="commit_then_drop", then=then, times=1)
    if then == "drop":
        with pytest.raises(httpx.RemoteProtocolError):
            _create(raw)
    else:
        assert _create(raw).status_code == 504
    assert _places(raw) == 1  # the write landed


def _sheet(raw: RawApi, box: int) -> httpx.Response:
    return raw.get(E.ORDER_SHEET.format(vendorId=VENDOR[0], shipmentBoxId=str(box)))


def test_null_fields_set_named_fields_to_null_anywhere(
    control: Control, raw: RawApi, market: Market
) -> None:
    placed = market.visible_order()
    box = placed.shipment_box_ids[0]
    before = _sheet(raw, box).json()["data"]
    assert before["receiver"]["safeNumber"] and before["orderer"]["safeNumber"]
    control.add(kind="null_fields", fields=["safeNumber"], operation="orders.get")
    after = _sheet(raw, box)
    assert after.status_code == 200
    data = after.json()["data"]
    assert data["receiver"]["safeNumber"] is None and data["orderer"]["safeNumber"] is None
    assert data["receiver"]["name"] == before["receiver"]["name"]  # the rest untouched
    assert int(after.headers["content-length"]) == len(after.content)


def test_late_visibility_hides_new_orders_longer(
    control: Control, raw: RawApi, market: Market
) -> None:
    control.add(kind="late_visibility", extraSeconds=1800, vendorId=VENDOR[0], times=1)
    late = market.order()
    usual = market.order()
    market.client.sandbox.clock.advance(601)
    assert _sheet(raw, usual.shipment_box_ids[0]).status_code == 200
    hidden = _sheet(raw, late.shipment_box_ids[0])
    assert hidden.status_code == 400 and hidden.json()["data"] is None  # as an unknown box
    market.client.sandbox.clock.advance(1800)
    assert _sheet(raw, late.shipment_box_ids[0]).status_code == 200
    assert control.hits() == [1]


# -- matching -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("criteria", "fires_on_list", "fires_on_create"),
    [
        ({"method": "GET"}, True, False),
        ({"writesOnly": True}, False, True),
        ({"path": OUTBOUND}, True, False),
        ({"path": "/v2/providers/marketplace_openapi/**"}, True, False),
        ({"path": "/v2/providers/openapi/apis/api/v4/vendors/{vendorId}/*"}, False, True),
        ({"path": "/v2/providers/*/apis"}, False, False),
        ({"pathRegex": r".*/outboundShippingCenters"}, False, True),
        ({"operation": "outbound_shipping_places.create"}, False, True),
        ({"operation": "outbound_query"}, True, False),
        ({"vendorId": VENDOR[0]}, True, True),
        ({"vendorId": OTHER[0]}, False, False),
    ],
)
def test_rules_match_on_their_criteria(
    control: Control,
    raw: RawApi,
    criteria: dict[str, Any],
    fires_on_list: bool,
    fires_on_create: bool,
) -> None:
    control.add(kind="error", status=502, **criteria)
    assert (raw.get(LIST).status_code == 502) is fires_on_list
    assert (_create(raw).status_code == 502) is fires_on_create


def test_a_time_span_on_the_sandbox_clock(control: Control, raw: RawApi, market: Market) -> None:
    control.add(kind="error", forSeconds=60)
    assert raw.get(LIST).status_code == 503
    market.client.sandbox.clock.advance(61)
    assert raw.get(LIST).status_code == 200


def test_a_bad_signature_gets_its_401_not_the_fault(control: Control, http: httpx.Client) -> None:
    control.add(kind="error")
    response = http.get(LIST, headers={"Authorization": "CEA nonsense"})
    assert response.status_code == 401
