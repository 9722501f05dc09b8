"""Conformance: every exchange endpoint answers with the field names of its documented sample.

The samples were derived from the reference into ``samples/*.json`` by
``scripts/derive_exchange_samples.py``. Field names are compared recursively (objects by key,
lists element by element against the sample's first element); extra fields are allowed. The
list's sample shows ``deliveryInvoiceGroupDtos: []``; its documented children (the new box)
are checked against the response field table kept in the same test. The season-1 paths answer
like the v4 ones.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx

from tests._conformance import missing_fields
from tests.exchanges.conftest import VID, WING, Market, RawApi, deliver, exchange_path, list_params

SAMPLES = Path(__file__).parent / "samples"
#: Documented children of deliveryInvoiceGroupDtos (the sample's list is empty).
GROUP_FIELDS = {
    "shipmentBoxId": 0, "boxPrice": 0, "orderId": 0, "orderType": "", "customerType": "",
    "bundleType": "", "extraMessage": "", "shippingDeliveryType": "",
    "deliveryInvoiceDtos": [{
        "invoiceNumber": "", "estimatedDeliveryDate": "", "deliveredDate": "",
        "statusModifiedAt": "", "invoiceNumberUploadDate": "", "statusCode": "",
        "deliverCode": "", "isMainShipmentInvoice": True, "parcelType": "",
        "invoiceVendorItemDtos": [{
            "vendorItemId": 0, "quantity": 0, "hasAdditionalItem": False,
            "promiseDeliveryDate": "", "estimatedShippingDate": "",
        }],
    }],
}  # fmt: skip


def sample(name: str) -> Any:
    return json.loads((SAMPLES / f"{name}.json").read_text(encoding="utf-8"))["sample"]


def _json(response: httpx.Response) -> Any:
    assert response.status_code == 200, response.text
    return response.json()


def _fix_typo(expected: Any) -> Any:
    """The sample spells ``moodifiedAt`` where the field table says ``modifiedAt``."""
    text = json.dumps(expected).replace('"moodifiedAt"', '"modifiedAt"')
    return json.loads(text)


def test_every_exchange_endpoint_matches_its_sample(market: Market, api: RawApi) -> None:
    order = deliver(market)
    sandbox = market.client.sandbox
    first, second = order.items
    a = sandbox.exchanges.request(order.order_id, first).exchangeId
    b = sandbox.exchanges.request(order.order_id, second).exchangeId
    c = sandbox.exchanges.request(order.order_id, first).exchangeId
    got: dict[str, Any] = {}
    got["receive_confirmation"] = _json(
        api.request("PUT", exchange_path(f"/{a}/receiveConfirmation"),
                    json={"exchangeId": a, "vendorId": VID})
    )  # fmt: skip
    got["rejection"] = _json(
        api.request("PATCH", exchange_path(f"/{b}/rejection"),
                    json={"exchangeId": b, "exchangeRejectCode": "SOLDOUT", "userId": "kimms@"})
    )  # fmt: skip
    sandbox.clock.advance(600)
    listed = _json(api.get(exchange_path(), params=list_params()))
    got["list"] = listed
    box = next(x for x in listed["data"] if x["exchangeId"] == a)["deliveryInvoiceGroupDtos"][0]
    # The documented sample sends the invoice as a JSON array (one object per box).
    got["invoices"] = _json(
        api.post(exchange_path(f"/{a}/invoices"),
                 json=[{"exchangeId": str(a), "vendorId": VID, "shipmentBoxId": str(box["shipmentBoxId"]),
                        "goodsDeliveryCode": "EPOST", "invoiceNumber": "1234564310000"}])
    )  # fmt: skip
    for name, body in got.items():
        assert missing_fields(_fix_typo(sample(name)), body) == [], name
    assert missing_fields(GROUP_FIELDS, box) == []
    assert listed["nextToken"] == "" and "nextToken" not in listed["data"][0]
    # season 1
    assert _json(api.post(f"{WING}/receive-confirmations", json={"exchangeId": c}))["code"] == "200"
    old = _json(api.post(f"{WING}/{c}/rejections", json={"exchangeRejectCode": "WITHDRAW"}))
    assert missing_fields(sample("rejection"), old) == []
    season1 = _json(api.get(f"{WING}/inquiries", params=list_params()))
    assert missing_fields(_fix_typo(sample("list")), season1) == []


def test_samples_were_derived() -> None:
    names = {p.stem for p in SAMPLES.glob("*.json")}
    assert names == {"list", "receive_confirmation", "rejection", "invoices", "newer_fields"}
    changes = json.loads((SAMPLES / "newer_fields.json").read_text(encoding="utf-8"))["changes"]
    assert any("safe (virtual) phone" in c["change"] for c in changes)
