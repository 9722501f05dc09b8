"""Product bodies for the tests, valid for whatever category catalog is installed.

The docs' own create sample (``samples/create_request.json``) is the template; the parts that
depend on the category (notices, attributes, certifications, documents) are rebuilt from the
category meta so the body passes the rules with the real catalog as well as with the stub.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

SAMPLES = Path(__file__).parent / "samples"


@cache
def sample(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    return data


def _attribute_value(entry: Mapping[str, Any], index: int) -> str:
    if entry.get("dataType") == "NUMBER":
        units = entry.get("usableUnits") or []
        unit = units[0] if units else (entry.get("basicUnit") or "")
        return f"{index + 1}{unit}"
    return f"값{index + 1}"


def attributes_for(meta: Mapping[str, Any], index: int) -> list[dict[str, Any]]:
    """Mandatory attributes (one per pick-one group), purchase options varied by ``index``."""
    out: list[dict[str, Any]] = []
    groups: set[str] = set()
    varied = False
    for entry in meta.get("attributes") or []:
        if entry.get("required") != "MANDATORY":
            continue
        group = str(entry.get("groupNumber") or "NONE")
        if group != "NONE":
            if group in groups:
                continue
            groups.add(group)
        exposed = entry.get("exposed") == "EXPOSED"
        value = _attribute_value(entry, index if exposed else 0)
        varied = varied or exposed
        out.append(
            {
                "attributeTypeName": entry["attributeTypeName"],
                "attributeValueName": value,
                "exposed": "EXPOSED" if exposed else "NONE",
            }
        )
    if not varied:
        out.append(
            {
                "attributeTypeName": "샌드박스옵션",
                "attributeValueName": f"옵션{index + 1}",
                "exposed": "EXPOSED",
            }
        )
    return out


def notices_for(meta: Mapping[str, Any]) -> list[dict[str, Any]]:
    categories = meta.get("noticeCategories") or []
    if not categories:
        return []
    first = categories[0]
    return [
        {
            "noticeCategoryName": first["noticeCategoryName"],
            "noticeCategoryDetailName": detail["noticeCategoryDetailName"],
            "content": "상세페이지 참조",
        }
        for detail in first.get("noticeCategoryDetailNames") or []
    ]


def certifications_for(meta: Mapping[str, Any]) -> list[dict[str, Any]]:
    for cert in meta.get("certifications") or []:
        if cert.get("required") == "MANDATORY":
            return [{"certificationType": cert["certificationType"], "certificationCode": "CB-1"}]
    return [{"certificationType": "NOT_REQUIRED", "certificationCode": ""}]


def documents_for(meta: Mapping[str, Any]) -> list[dict[str, Any]]:
    return [
        {"templateName": doc["templateName"], "vendorDocumentPath": "http://example.com/doc.pdf"}
        for doc in meta.get("requiredDocumentNames") or []
        if str(doc.get("required", "")).startswith("MANDATORY")
    ]


def product_body(
    code: int,
    meta: Mapping[str, Any],
    *,
    vendor_id: str,
    outbound: int,
    return_center: str,
    name: str = "샌드박스 클렌징 오일",
    sku: str = "SKU-1",
    items: int = 2,
    requested: bool = False,
    price: int = 10000,
) -> dict[str, Any]:
    body = copy.deepcopy(sample("create_request"))
    template = body["items"][0]
    offer = "NEW"
    allowed = meta.get("allowedOfferConditions") or ["NEW"]
    if offer not in allowed:
        offer = allowed[0]
    body.update(
        {
            "displayCategoryCode": code,
            "sellerProductName": name,
            "vendorId": vendor_id,
            "saleStartedAt": datetime.now(UTC).strftime("%Y-%m-%dT00:00:00"),
            "saleEndedAt": "2099-01-01T23:59:59",
            "outboundShippingPlaceCode": outbound,
            "returnCenterCode": return_center,
            "requested": requested,
            "requiredDocuments": documents_for(meta),
        }
    )
    body["items"] = []
    for i in range(items):
        item = copy.deepcopy(template)
        item.update(
            {
                "itemName": f"{name} {i + 1}",
                "originalPrice": price + 3000,
                "salePrice": price,
                "externalVendorSku": f"{sku}-{i + 1}" if i else sku,
                "offerCondition": offer,
                "offerDescription": "" if offer == "NEW" else "사용감 거의 없음",
                "notices": notices_for(meta),
                "attributes": attributes_for(meta, i),
                "certifications": certifications_for(meta),
            }
        )
        body["items"].append(item)
    return body
