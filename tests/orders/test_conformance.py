"""Conformance: every order endpoint answers with the field names of its documented sample.

The samples were derived from the reference into ``samples/*.json`` by
``scripts/derive_order_samples.py``. Field names are compared recursively (objects by key,
lists element by element against the sample's first element); extra fields are allowed;
free-form maps and lists (``extraProperties``, ``etcInfoValues``) are not descended into.
The v5 order-sheet paths have no sample of their own: they are held to the v4 samples plus
the fields the newer notes add (``isCod``, ``extraProperties``; the orderer's email is "").
The by-orderId sample shows one object where the API serves a list: every element must match.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx

from coupang_seller import Client
from tests._conformance import missing_fields as shared_missing_fields
from tests.orders.conftest import V4, V5, VENDOR, WING, Market, RawApi, line

SAMPLES = Path(__file__).parent / "samples"
OPAQUE = frozenset({"extraProperties", "etcInfoValues"})
NAMES = (
    "list_daily", "list_time_frame", "get", "by_order", "history", "acknowledge",
    "upload_invoices", "update_invoices", "stopped_shipment", "completed_shipment",
    "long_undelivered", "cancel",
)  # fmt: skip


def sample(name: str) -> Any:
    return json.loads((SAMPLES / f"{name}.json").read_text(encoding="utf-8"))["sample"]


def missing_fields(expected: Any, actual: Any, path: str = "$") -> list[str]:
    return shared_missing_fields(expected, actual, path, opaque=OPAQUE)


def _json(response: httpx.Response) -> Any:
    assert response.status_code == 200, response.text
    return response.json()


def _scenario(market: Market, api: RawApi) -> dict[str, Any]:
    client: Client = market.client
    sandbox = client.sandbox
    vendor = VENDOR[0]
    first, second = market.items
    got: dict[str, Any] = {}

    a = market.visible_order({first: 1, second: 1})
    box = a.shipment_box_ids[0]
    got["acknowledge"] = _json(
        api.put(f"{V4}/{vendor}/ordersheets/acknowledgement",
                json={"vendorId": vendor, "shipmentBoxIds": [box, 999]})
    )  # fmt: skip
    got["upload_invoices"] = _json(
        api.post(
            f"{V4}/{vendor}/orders/invoices",
            json={"vendorId": vendor, "orderSheetInvoiceApplyDtos": [
                line(box, a.orderId, first, "300000000001"),
                line(box, a.orderId, second, "300000000001"),
            ]},
        )
    )  # fmt: skip
    got["update_invoices"] = _json(
        api.post(
            f"{V4}/{vendor}/orders/updateInvoices",
            json={"vendorId": vendor, "orderSheetInvoiceApplyDtos": [
                line(box, a.orderId, first, "300000000002"),
                line(box, a.orderId, second, "300000000002"),
            ]},
        )
    )  # fmt: skip
    sandbox.courier.scan(box, "PICKUP")
    day = "2025-07-15"  # START in Korean time
    for version, base in (("v4", V4), ("v5", V5)):
        got[f"list_daily/{version}"] = _json(
            api.get(f"{base}/{vendor}/ordersheets",
                    params={"createdAtFrom": day, "createdAtTo": day, "status": "DELIVERING",
                            "maxPerPage": 1})
        )  # fmt: skip
        got[f"list_time_frame/{version}"] = _json(
            api.get(f"{base}/{vendor}/ordersheets",
                    params={"createdAtFrom": "2025-07-15T00:00", "createdAtTo": "2025-07-15T23:59",
                            "searchType": "timeFrame", "status": "DELIVERING"})
        )  # fmt: skip
        got[f"get/{version}"] = _json(api.get(f"{base}/{vendor}/ordersheets/{box}"))
        got[f"by_order/{version}"] = _json(api.get(f"{base}/{vendor}/{a.orderId}/ordersheets"))
        got[f"history/{version}"] = _json(api.get(f"{base}/{vendor}/ordersheets/{box}/history"))

    b = market.instructed({first: 1})
    receipt = sandbox.orders.request_cancel(b.orderId).receipts[0].receiptId
    got["stopped_shipment"] = _json(
        api.request("PATCH", f"{V4}/{vendor}/returnRequests/{receipt}/stoppedShipment",
                    json={"vendorId": vendor, "receiptId": receipt, "cancelCount": 1})
    )  # fmt: skip
    c = market.instructed({first: 1})
    receipt = sandbox.orders.request_cancel(c.orderId).receipts[0].receiptId
    got["completed_shipment"] = _json(
        api.request("PATCH", f"{V4}/{vendor}/returnRequests/{receipt}/completedShipment",
                    json={"vendorId": vendor, "receiptId": receipt,
                          "deliveryCompanyCode": "KDEXP", "invoiceNumber": "70432743577"})
    )  # fmt: skip
    d = market.instructed({first: 1, second: 2})
    got["cancel"] = _json(
        api.post(f"{WING}/v5/vendors/{vendor}/orders/{d.orderId}/cancel",
                 json={"orderId": d.orderId, "vendorItemIds": [first, second],
                       "receiptCounts": [5, 2], "bigCancelCode": "CANERR",
                       "middleCancelCode": "CCTTER", "userId": "et5", "vendorId": vendor})
    )  # fmt: skip
    sandbox.clock.advance(31 * 86400)
    got["long_undelivered"] = _json(
        api.post(f"{V4}/{vendor}/completeLongTermUndelivery",
                 json={"shipmentBoxId": box, "invoiceNumber": "300000000002"})
    )  # fmt: skip
    return got


def test_every_order_endpoint_matches_its_sample(market: Market, api: RawApi) -> None:
    got = _scenario(market, api)
    problems: dict[str, list[str]] = {}
    for name in NAMES:
        expected = sample(name)
        keys = [k for k in got if k == name or k.startswith(f"{name}/")]
        assert keys, f"no answer collected for {name}"
        for key in keys:
            actual = got[key]
            if name == "by_order":
                # The sample shows one object; the API serves a list of the order's sheets.
                body = {**expected, "data": [expected["data"]]}
                found = missing_fields(body, actual)
            else:
                found = missing_fields(expected, actual)
            if found:
                problems[key] = found
    assert not problems, problems
    newer = json.loads((SAMPLES / "newer_fields.json").read_text(encoding="utf-8"))
    for key in ("get/v5", "list_daily/v5", "list_time_frame/v5", "by_order/v5"):
        data = got[key]["data"]
        for sheet in data if isinstance(data, list) else [data]:
            assert set(newer["sheet_fields"]) <= set(sheet), key
            assert sheet["orderer"]["email"] == ""
    assert got["cancel"]["code"] == "PARTIAL"
    assert got["acknowledge"]["data"]["responseCode"] == 1


def test_retired_refund_api_answers_410(market: Market, api: RawApi) -> None:
    response = api.post(
        f"{V4}/{VENDOR[0]}/orders/1/refunds", json=sample("refunds") and {"orderId": 1}
    )
    assert response.status_code == 410
    assert "v5" in response.json()["message"]
