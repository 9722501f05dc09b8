"""Conformance: every coupon endpoint answers with the field names of its documented sample.

The fms samples were copied from the reference into ``samples/*.json`` (the ``sample`` key);
the downloadable-coupon samples hold the shapes clients report for the 2019-05 API (values
ours). Field names are compared recursively (objects by key, lists element by element against
the sample's first element); extra fields are allowed. ``data.pagination`` is null in most
samples and an object in the lists'; both are checked as given.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx

from tests._conformance import missing_fields
from tests.coupons.conftest import FMS1, FMS2, MARKET_API, TO_START, RawApi, Shop

SAMPLES = Path(__file__).parent / "samples"


def sample(name: str) -> Any:
    return json.loads((SAMPLES / f"{name}.json").read_text(encoding="utf-8"))["sample"]


def _json(response: httpx.Response) -> Any:
    assert response.status_code == 200, response.text
    return response.json()


def test_missing_fields_can_fail() -> None:
    assert missing_fields({"a": {"b": 1}}, {"a": {}}) == ["$.a.b"]
    assert missing_fields({"a": [{"b": 1}]}, {"a": []}) == ["$.a[] (expected a non-empty list)"]


def test_every_coupon_endpoint_matches_its_sample(shop: Shop, api: RawApi) -> None:
    first = shop.items[0]
    got: dict[str, Any] = {}
    body = {
        "contractId": str(shop.contract.contractId), "name": "c", "maxDiscountPrice": "1000",
        "discount": "10", "startAt": "2025-07-16 00:00:00", "endAt": "2025-07-31 23:59:00",
        "type": "RATE",
    }  # fmt: skip
    got["create"] = _json(api.post(f"{FMS2}/coupon", json=body))
    requested = got["create"]["data"]["content"]["requestedId"]
    shop.client.sandbox.clock.advance(11)
    got["request"] = _json(api.get(f"{FMS1}/requested/{requested}"))
    coupon_id = got["request"]["data"]["content"]["couponId"]
    got["add_items"] = _json(
        api.post(f"{FMS1}/coupons/{coupon_id}/items", json={"vendorItems": [first]})
    )
    shop.client.sandbox.clock.advance(TO_START)
    got["contracts"] = _json(api.get(f"{FMS2}/contract/list"))
    got["contract"] = _json(
        api.get(f"{FMS2}/contract", params={"contractId": shop.contract.contractId})
    )
    got["budgets"] = _json(api.get(f"{FMS1}/budgets", params={"targetMonth": "2025-07"}))
    got["coupon"] = _json(api.get(f"{FMS2}/coupon", params={"couponId": coupon_id}))
    got["coupons"] = _json(
        api.get(f"{FMS2}/coupons", params={"status": "APPLIED", "page": 1, "size": 10})
    )
    got["items"] = _json(
        api.get(f"{FMS1}/coupons/{coupon_id}/items", params={"status": "APPLIED", "sort": "desc"})
    )
    item_id = got["items"]["data"]["content"][0]["couponItemId"]
    got["item_by_coupon_item"] = _json(
        api.get(f"{FMS1}/coupons/{coupon_id}/items/{item_id}", params={"type": "couponItemId"})
    )
    got["item_by_vendor_item"] = _json(
        api.get(f"{FMS1}/coupons/{coupon_id}/items/{first}", params={"type": "vendorItemId"})
    )
    placed = shop.market.visible_order({first: 1})
    got["by_order"] = _json(api.get(f"{FMS2}/{placed.orderId}/coupons"))
    got["expire_items"] = _json(
        api.put(
            f"{FMS1}/coupons/{coupon_id}/items",
            params={"action": "expire"},
            json={"vendorItems": [first]},
        )
    )
    shop.client.sandbox.clock.advance(11)
    got["expire"] = _json(api.put(f"{FMS1}/coupons/{coupon_id}", params={"action": "expire"}))
    problems = {name: missing_fields(sample(name), body) for name, body in got.items()}
    assert {k: v for k, v in problems.items() if v} == {}
    assert len(got) == 14


def test_downloadable_answers_match_their_samples(shop: Shop, api: RawApi) -> None:
    policy = {"title": "p", "typeOfDiscount": "PRICE", "description": "d", "minimumPrice": 10000,
              "discount": 1000, "maximumDiscountPrice": 1000, "maximumPerDaily": 1}  # fmt: skip
    body = {"title": "t", "contractId": str(shop.contract.contractId), "couponType": "DOWNLOAD",
            "startDate": "2025-07-15 15:00:00", "endDate": "2025-07-20 00:00:00",
            "userId": "u", "policies": [policy]}  # fmt: skip
    got: dict[str, Any] = {"download_create": _json(api.post(f"{MARKET_API}/coupons", json=body))}
    coupon_id = got["download_create"]["couponId"]
    other = _json(api.post(f"{MARKET_API}/coupons", json=body))["couponId"]
    entry = {"couponId": str(coupon_id), "userId": "u", "vendorItemIds": [999]}
    got["download_items"] = _json(
        api.put(f"{MARKET_API}/coupon-items", json={"couponItems": [entry]})
    )
    transaction = got["download_items"][0]["body"]["requestTransactionId"]
    shop.client.sandbox.clock.advance(11)
    got["download_status"] = _json(
        api.get(
            f"{MARKET_API}/coupons/transactionStatus", params={"requestTransactionId": transaction}
        )
    )
    got["download_get"] = _json(api.get(f"{MARKET_API}/coupons/{coupon_id}"))
    got["download_expire"] = _json(
        api.post(f"{MARKET_API}/coupons/expire",
                 json={"expireCouponList": [{"couponId": other, "reason": "expired", "userId": "u"}]})
    )  # fmt: skip
    problems = {name: missing_fields(sample(name), body) for name, body in got.items()}
    assert {k: v for k, v in problems.items() if v} == {}
