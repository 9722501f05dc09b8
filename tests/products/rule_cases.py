"""A realistic category meta and listing (a cleansing oil in 2 sizes) for the product rules."""

from __future__ import annotations

import copy
import io
import struct
import zlib
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

import pytest

from coupang_seller.preflight import Violation
from coupang_seller.preflight import products as rules

CATEGORY = 56137  # a leaf: 뷰티 > 스킨케어 > 클렌징 > 클렌징오일
PARENT_CATEGORY = 56100
NOW = datetime(2024, 5, 1, 3, 0, tzinfo=UTC)

COSMETICS_DETAILS = (
    "용량(중량)",
    "제품 주요 사양",
    "사용기한 또는 개봉 후 사용기간",
    "사용방법",
    "제조업자 및 제조판매업자",
    "제조국",
    "화장품법에 따라 기재, 표시하여야 하는 모든 성분",
    "식품의약품안전처 심사 필 유무",
    "사용할 때 주의사항",
    "품질보증기준",
    "소비자상담관련 전화번호",
)

META: dict[str, Any] = {
    "isAllowSingleItem": False,
    "attributes": [
        {
            "attributeTypeName": "수량",
            "dataType": "NUMBER",
            "basicUnit": "개",
            "usableUnits": ["개", "개입", "세트", "Ea"],
            "required": "MANDATORY",
            "groupNumber": "NONE",
            "exposed": "EXPOSED",
        },
        {
            "attributeTypeName": "개당 용량",
            "dataType": "NUMBER",
            "basicUnit": "ml",
            "usableUnits": ["ml", "L", "cc"],
            "required": "MANDATORY",
            "groupNumber": "1",
            "exposed": "EXPOSED",
        },
        {
            "attributeTypeName": "개당 중량",
            "dataType": "NUMBER",
            "basicUnit": "g",
            "usableUnits": ["g", "kg"],
            "required": "MANDATORY",
            "groupNumber": "1",
            "exposed": "EXPOSED",
        },
        {
            "attributeTypeName": "피부타입",
            "dataType": "STRING",
            "basicUnit": "없음",
            "usableUnits": [],
            "required": "OPTIONAL",
            "groupNumber": "NONE",
            "exposed": "NONE",
        },
    ],
    "noticeCategories": [
        {
            "noticeCategoryName": "화장품",
            "noticeCategoryDetailNames": [
                {"noticeCategoryDetailName": name, "required": "MANDATORY"}
                for name in COSMETICS_DETAILS
            ]
            + [{"noticeCategoryDetailName": "기타 참고사항", "required": "OPTIONAL"}],
        },
        {
            "noticeCategoryName": "기타 재화",
            "noticeCategoryDetailNames": [
                {"noticeCategoryDetailName": "품명 및 모델명", "required": "MANDATORY"},
                {"noticeCategoryDetailName": "제조국(원산지)", "required": "MANDATORY"},
            ],
        },
    ],
    "requiredDocumentNames": [
        {"templateName": "기타인증서류", "required": "OPTIONAL"},
        {
            "templateName": "수입신고필증(병행수입 선택시)",
            "required": "MANDATORY_PARALLEL_IMPORTED",
        },
        {
            "templateName": "인보이스영수증(해외구매대행 선택시)",
            "required": "MANDATORY_OVERSEAS_PURCHASED",
        },
    ],
    "certifications": [
        {
            "certificationType": "NOT_REQUIRED",
            "name": "인증대상아님",
            "dataType": "NONE",
            "required": "OPTIONAL",
        },
        {
            "certificationType": "KC_HOUSEHOLD_CONFIRM",
            "name": "KC인증 생활용품 자율안전확인",
            "dataType": "CODE",
            "required": "RECOMMEND",
        },
    ],
    "allowedOfferConditions": ["NEW", "REFURBISHED", "USED_BEST", "USED_GOOD", "USED_NORMAL"],
}


def meta_for(code: int) -> Mapping[str, Any] | None:
    return META if code == CATEGORY else None


def is_leaf(code: int) -> bool | None:
    return {CATEGORY: True, PARENT_CATEGORY: False}.get(code)


def _item(name: str, count: str, price: int) -> dict[str, Any]:
    return {
        "itemName": name,
        "originalPrice": price + 3000,
        "salePrice": price,
        "maximumBuyCount": "100",
        "maximumBuyForPerson": "0",
        "outboundShippingTimeDay": "1",
        "maximumBuyForPersonPeriod": "1",
        "unitCount": 1,
        "adultOnly": "EVERYONE",
        "taxType": "TAX",
        "parallelImported": "NOT_PARALLEL_IMPORTED",
        "overseasPurchased": "NOT_OVERSEAS_PURCHASED",
        "pccNeeded": "false",
        "externalVendorSku": "SOAP-OIL-200",
        "barcode": "",
        "emptyBarcode": True,
        "emptyBarcodeReason": "자체 제작 상품으로 바코드 없음",
        "modelNo": "SB-200",
        "extraProperties": {"transactionType": "manufacturer"},
        "certifications": [{"certificationType": "NOT_REQUIRED", "certificationCode": ""}],
        "searchTags": ["클렌징오일", "솝베리"],
        "images": [
            {"imageOrder": 0, "imageType": "REPRESENTATION", "vendorPath": f"images/{count}.jpg"},
            {"imageOrder": 1, "imageType": "DETAIL", "vendorPath": "images/detail-1.png"},
            {
                "imageOrder": 2,
                "imageType": "DETAIL",
                "cdnPath": "vendor_inventory/2024/05/01/detail-2.jpg",
            },
        ],
        "notices": [
            {
                "noticeCategoryName": "화장품",
                "noticeCategoryDetailName": d,
                "content": "상세페이지 참조",
            }
            for d in COSMETICS_DETAILS
        ],
        "attributes": [
            {"attributeTypeName": "수량", "attributeValueName": count},
            {"attributeTypeName": "개당 용량", "attributeValueName": "200ml"},
            {
                "attributeTypeName": "피부타입",
                "attributeValueName": "모든피부용",
                "exposed": "NONE",
            },
        ],
        "contents": [
            {
                "contentsType": "TEXT",
                "contentDetails": [
                    {
                        "content": "<div><img src='https://example.com/d.jpg' /></div>",
                        "detailType": "TEXT",
                    }
                ],
            }
        ],
        "offerCondition": "NEW",
        "offerDescription": "",
    }


def product() -> dict[str, Any]:
    """A listing that satisfies every rule (FREE delivery, 2 items: 1 and 2 bottles)."""
    return {
        "displayCategoryCode": CATEGORY,
        "sellerProductName": "솝베리 클렌징 오일 200ml",
        "vendorId": "A00012345",
        "saleStartedAt": "2024-05-01T00:00:00",
        "saleEndedAt": "2099-01-01T23:59:59",
        "displayProductName": "해피바스 솝베리 클렌징 오일",
        "brand": "해피바스",
        "generalProductName": "솝베리 클렌징 오일",
        "productGroup": "클렌징 오일",
        "deliveryMethod": "SEQUENCIAL",
        "deliveryCompanyCode": "CJGLS",
        "deliveryChargeType": "FREE",
        "deliveryCharge": 0,
        "freeShipOverAmount": 0,
        "deliveryChargeOnReturn": 2500,
        "remoteAreaDeliverable": "N",
        "unionDeliveryType": "UNION_DELIVERY",
        "returnCenterCode": "1000274592",
        "returnChargeName": "파주 반품지",
        "companyContactNumber": "02-1234-5678",
        "returnZipCode": "10516",
        "returnAddress": "경기도 파주시 탄현면 월롱산로 294-58",
        "returnAddressDetail": "1층",
        "returnCharge": 3000,
        "returnChargeVendor": "N",
        "afterServiceInformation": "A/S 문의 1544-1255",
        "afterServiceContactNumber": "1544-1255",
        "outboundShippingPlaceCode": "74010",
        "vendorUserId": "wing-user",
        "requested": False,
        "items": [_item("200ml_1개", "1개", 10000), _item("200ml_2개", "2개", 19000)],
        "requiredDocuments": [
            {"templateName": "기타인증서류", "vendorDocumentPath": "https://example.com/doc.pdf"}
        ],
        "extraInfoMessage": "",
        "manufacture": "아모레퍼시픽",
    }


def stored(body: Mapping[str, Any] | None = None, *, approved: bool = True) -> dict[str, Any]:
    """The product as the single lookup answers it after creation (and approval)."""
    doc = copy.deepcopy(dict(body or product()))
    doc["sellerProductId"] = 1320567890
    doc["statusName"] = "APPROVED" if approved else "SAVED"
    for i, item in enumerate(doc["items"]):
        item["sellerProductItemId"] = 770000 + i
        item["vendorItemId"] = 880000 + i if approved else None
    return doc


def update_body(existing: Mapping[str, Any] | None = None) -> dict[str, Any]:
    doc = copy.deepcopy(dict(existing or stored()))
    doc.pop("statusName", None)
    return doc


def create(body: Mapping[str, Any], **kwargs: Any) -> list[Violation]:
    return rules.check_product_create(body, meta_for=meta_for, is_leaf=is_leaf, now=NOW, **kwargs)


def update(body: Mapping[str, Any], existing: Mapping[str, Any], **kwargs: Any) -> list[Violation]:
    return rules.check_product_update(
        body, existing, meta_for=meta_for, is_leaf=is_leaf, now=NOW, **kwargs
    )


def pairs(violations: list[Violation]) -> set[tuple[str, str]]:
    return {(v.field, v.rule) for v in violations}


_DELETE = object()


def setter(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """Set (or delete, with ``DELETE``) a dotted path such as ``items.0.images.1.vendorPath``."""

    def apply(body: dict[str, Any]) -> None:
        target: Any = body
        *parents, last = path.split(".")
        for key in parents:
            target = target[int(key)] if key.isdigit() else target[key]
        if value is _DELETE:
            del target[int(last) if last.isdigit() else last]
        elif last.isdigit():
            target[int(last)] = value
        else:
            target[last] = value

    return apply


DELETE = _DELETE


# -- images ------------------------------------------------------------------------------------


def image_bytes(width: int, height: int, fmt: str = "JPEG", *, noise: bool = False) -> bytes:
    pil = pytest.importorskip("PIL.Image")
    if noise:
        import random

        rng = random.Random(width * 7919 + height)
        data = rng.randbytes(width * height * 3)
        picture = pil.frombytes("RGB", (width, height), data)
    else:
        picture = pil.new("RGB", (width, height), (200, 120, 40))
    buffer = io.BytesIO()
    picture.save(buffer, format=fmt)
    return buffer.getvalue()


def png_header(width: int, height: int) -> bytes:
    """A PNG that declares a size but holds no pixels: Pillow reads its size without decoding."""

    def chunk(kind: bytes, payload: bytes) -> bytes:
        return (
            struct.pack(">I", len(payload))
            + kind
            + payload
            + struct.pack(">I", zlib.crc32(kind + payload) & 0xFFFFFFFF)
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b"")
