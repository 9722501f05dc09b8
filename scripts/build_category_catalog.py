"""Build the seed display-category catalog: ``src/coupang_seller/_data/categories.json``.

    .venv/bin/python scripts/build_category_catalog.py          # write the file
    .venv/bin/python scripts/build_category_catalog.py --check  # exit 1 when the file is stale

The tree is written below as an indented outline (two spaces per level, the root level is
depth 1). A line is ``name [#code] [@profile] [| keywords | brands]``:

* ``#code`` pins a code (the roots, and the leaves whose codes appear in Coupang's documents:
  63950, 63954, 63955, 63922, 78877); every other code is drawn from a generator seeded with
  :data:`SEED` and the node's path, so adding a node never renumbers the others.
* ``@profile`` names a :data:`PROFILES` entry (inherited by the subtree): the 상품정보제공고시
  notice categories, attributes, certifications, required documents, offer conditions and
  whether a single item may be listed.
* ``keywords`` / ``brands`` (comma-separated, leaves only) train the offline recommender.

The output stores each attribute list, notice category, certification set and document set once,
and a leaf's ``meta`` names them; :mod:`coupang_seller.catalog` expands them into the documented shape of
``GET .../meta/category-related-metas/display-category-codes/{code}``.
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SEED = "coupang-seller/categories/v1"
OUT = (
    Path(__file__).resolve().parent.parent / "src" / "coupang_seller" / "_data" / "categories.json"
)
CODE_LOW, CODE_HIGH = 50_000, 140_000
MAX_DEPTH = 6

MAND, OPT = "MANDATORY", "OPTIONAL"

# -- 상품정보제공고시: notice categories and their items ----------------------------------------

_KC = "KC 인증 필 유무"
_MAKER = "제조자(수입자)"
_AS = "A/S 책임자와 전화번호"
_WARRANTY = "품질보증기준"
_CS_PHONE = "소비자상담 관련 전화번호"
_RELEASED = "동일모델의 출시년월"
_MODEL = "품명 및 모델명"

NOTICES: dict[str, list[tuple[str, str]]] = {
    "의류": [
        ("제품 소재", MAND),
        ("색상", MAND),
        ("치수", MAND),
        (_MAKER, MAND),
        ("제조국", MAND),
        ("세탁방법 및 취급시 주의사항", MAND),
        ("제조연월", MAND),
        (_WARRANTY, MAND),
        (_AS, MAND),
    ],
    "구두/신발": [
        ("제품 주소재", MAND),
        ("색상", MAND),
        ("치수", MAND),
        ("굽높이", OPT),
        (_MAKER, MAND),
        ("제조국", MAND),
        ("취급시 주의사항", MAND),
        (_WARRANTY, MAND),
        (_AS, MAND),
    ],
    "가방": [
        ("종류", MAND),
        ("소재", MAND),
        ("색상", MAND),
        ("크기", MAND),
        (_MAKER, MAND),
        ("제조국", MAND),
        ("취급시 주의사항", MAND),
        (_WARRANTY, MAND),
        (_AS, MAND),
    ],
    "패션잡화(모자/벨트/액세서리)": [
        ("종류", MAND),
        ("소재", MAND),
        ("치수", MAND),
        (_MAKER, MAND),
        ("제조국", MAND),
        ("취급시 주의사항", MAND),
        (_WARRANTY, MAND),
        (_AS, MAND),
    ],
    "귀금속/보석/시계류": [
        ("소재/순도/밴드재질", MAND),
        ("중량", MAND),
        (_MAKER, MAND),
        ("제조국", MAND),
        ("치수", MAND),
        ("착용 시 주의사항", MAND),
        ("주요 사양", MAND),
        ("보증서 제공여부", MAND),
        (_WARRANTY, MAND),
        (_AS, MAND),
    ],
    "침구류/커튼": [
        ("제품 소재", MAND),
        ("색상", MAND),
        ("치수", MAND),
        ("제품구성", MAND),
        (_MAKER, MAND),
        ("제조국", MAND),
        ("세탁방법 및 취급시 주의사항", MAND),
        (_WARRANTY, MAND),
        (_AS, MAND),
    ],
    "가구(침대/소파/싱크대/DIY제품)": [
        ("품명", MAND),
        (_KC, MAND),
        ("색상", MAND),
        ("구성품", MAND),
        ("주요 소재", MAND),
        (_MAKER, MAND),
        ("제조국", MAND),
        ("크기", MAND),
        ("배송·설치비용", MAND),
        (_WARRANTY, MAND),
        (_AS, MAND),
    ],
    "영상가전 (TV류)": [
        (_MODEL, MAND),
        (_KC, MAND),
        ("정격전압, 소비전력", MAND),
        ("에너지소비효율등급", MAND),
        (_RELEASED, MAND),
        (_MAKER, MAND),
        ("제조국", MAND),
        ("크기", MAND),
        ("화면사양", MAND),
        (_WARRANTY, MAND),
        (_AS, MAND),
    ],
    "가정용 전기제품(냉장고/세탁기/식기세척기/전자레인지)": [
        (_MODEL, MAND),
        (_KC, MAND),
        ("정격전압, 소비전력", MAND),
        ("에너지소비효율등급", MAND),
        (_RELEASED, MAND),
        (_MAKER, MAND),
        ("제조국", MAND),
        ("크기", MAND),
        (_WARRANTY, MAND),
        (_AS, MAND),
    ],
    "계절가전(에어컨/온풍기)": [
        (_MODEL, MAND),
        (_KC, MAND),
        ("정격전압, 소비전력", MAND),
        ("에너지소비효율등급", MAND),
        (_RELEASED, MAND),
        (_MAKER, MAND),
        ("제조국", MAND),
        ("크기", MAND),
        ("냉난방면적", MAND),
        ("추가설치비용", MAND),
        (_WARRANTY, MAND),
        (_AS, MAND),
    ],
    "사무용기기(컴퓨터/노트북/프린터)": [
        (_MODEL, MAND),
        (_KC, MAND),
        ("정격전압, 소비전력", MAND),
        ("에너지소비효율등급", OPT),
        (_RELEASED, MAND),
        (_MAKER, MAND),
        ("제조국", MAND),
        ("크기, 무게", MAND),
        ("주요 사양", MAND),
        (_WARRANTY, MAND),
        (_AS, MAND),
    ],
    "광학기기(디지털카메라/캠코더/휴대용멀티미디어 재생기기 등)": [
        (_MODEL, MAND),
        (_KC, MAND),
        (_RELEASED, MAND),
        (_MAKER, MAND),
        ("제조국", MAND),
        ("크기, 무게", MAND),
        ("주요 사양", MAND),
        (_WARRANTY, MAND),
        (_AS, MAND),
    ],
    "소형전자(MP3/전자사전 등)": [
        (_MODEL, MAND),
        (_KC, MAND),
        ("정격전압, 소비전력", MAND),
        (_RELEASED, MAND),
        (_MAKER, MAND),
        ("제조국", MAND),
        ("크기, 무게", MAND),
        ("주요 사양", MAND),
        (_WARRANTY, MAND),
        (_AS, MAND),
    ],
    "휴대폰": [
        (_MODEL, MAND),
        (_KC, MAND),
        (_RELEASED, MAND),
        (_MAKER, MAND),
        ("제조국", MAND),
        ("크기, 무게", MAND),
        ("이동통신사", MAND),
        ("가입절차", MAND),
        ("소비자의 추가적인 부담사항", MAND),
        ("주요 사양", MAND),
        (_WARRANTY, MAND),
        (_AS, MAND),
    ],
    "내비게이션": [
        (_MODEL, MAND),
        (_KC, MAND),
        ("정격전압, 소비전력", MAND),
        (_RELEASED, MAND),
        (_MAKER, MAND),
        ("제조국", MAND),
        ("크기, 무게", MAND),
        ("주요 사양", MAND),
        ("맵 업데이트 비용 및 무상기간", MAND),
        (_WARRANTY, MAND),
        (_AS, MAND),
    ],
    # Exactly as in the documented sample answer (display category 78877).
    "자동차용품(자동차부품/기타 자동차용품)": [
        (_MODEL, MAND),
        ("출시년월", MAND),
        ("KC 인증 필 유무", MAND),
        (_MAKER, MAND),
        ("제조국", MAND),
        ("크기", MAND),
        ("적용차종", MAND),
        (_WARRANTY, MAND),
        (_AS, MAND),
    ],
    "의료기기": [
        (_MODEL, MAND),
        ("의료기기법상 허가·신고 번호", MAND),
        ("광고사전심의필 유무", MAND),
        ("전기용품 안전관리법상 KC 인증 필 유무", OPT),
        ("정격전압, 소비전력", OPT),
        (_RELEASED, MAND),
        (_MAKER, MAND),
        ("제조국", MAND),
        ("제품의 사용목적 및 사용방법", MAND),
        ("취급시 주의사항", MAND),
        (_WARRANTY, MAND),
        (_AS, MAND),
    ],
    "주방용품": [
        (_MODEL, MAND),
        ("재질", MAND),
        ("구성품", MAND),
        ("크기", MAND),
        (_RELEASED, MAND),
        (_MAKER, MAND),
        ("제조국", MAND),
        ("수입 기구·용기의 경우 수입신고 문구", OPT),
        (_WARRANTY, MAND),
        (_AS, MAND),
    ],
    "화장품": [
        ("용량 또는 중량", MAND),
        ("제품 주요 사양", MAND),
        ("사용기한 또는 개봉 후 사용기간", MAND),
        ("사용방법", MAND),
        ("화장품제조업자, 화장품책임판매업자 및 맞춤형화장품판매업자", MAND),
        ("제조국", MAND),
        ("화장품법에 따라 기재해야 하는 모든 성분", MAND),
        ("기능성 화장품 식품의약품안전처 심사필 유무", MAND),
        ("사용할 때의 주의사항", MAND),
        (_WARRANTY, MAND),
        (_CS_PHONE, MAND),
    ],
    "식품(농수산물)": [
        ("포장단위별 내용물의 용량(중량), 수량, 크기", MAND),
        ("생산자(수입자)", MAND),
        ("원산지", MAND),
        ("제조연월일(포장일 또는 생산연도)", MAND),
        ("소비기한 또는 품질유지기한", MAND),
        ("관련법상 표시사항", MAND),
        ("상품구성", MAND),
        ("보관방법 또는 취급방법", MAND),
        (_CS_PHONE, MAND),
    ],
    "가공식품": [
        ("제품명", MAND),
        ("식품의 유형", MAND),
        ("생산자 및 소재지", MAND),
        ("제조연월일", MAND),
        ("소비기한 또는 품질유지기한", MAND),
        ("포장단위별 내용물의 용량(중량), 수량", MAND),
        ("원재료명 및 함량", MAND),
        ("영양성분", MAND),
        ("유전자변형식품에 해당하는 경우의 표시", MAND),
        ("소비자안전을 위한 주의사항", MAND),
        ("수입식품의 경우 수입신고 문구", OPT),
        (_CS_PHONE, MAND),
    ],
    "건강기능식품": [
        ("제품명", MAND),
        ("식품의 유형", MAND),
        ("제조업소의 명칭과 소재지", MAND),
        ("제조연월일", MAND),
        ("소비기한 또는 품질유지기한", MAND),
        ("포장단위별 내용물의 용량(중량), 수량", MAND),
        ("원료명 및 함량", MAND),
        ("영양정보", MAND),
        ("기능정보", MAND),
        ("섭취량, 섭취방법 및 섭취 시 주의사항 및 부작용 가능성", MAND),
        ("질병의 예방 및 치료를 위한 의약품이 아니라는 내용의 표현", MAND),
        ("유전자변형건강기능식품에 해당하는 경우의 표시", MAND),
        ("수입 건강기능식품의 경우 수입신고 문구", OPT),
        ("소비자안전을 위한 주의사항", MAND),
        (_CS_PHONE, MAND),
    ],
    "영유아용품": [
        (_MODEL, MAND),
        (_KC, MAND),
        ("크기, 중량", MAND),
        ("색상", MAND),
        ("재질", MAND),
        ("사용연령 또는 체중범위", MAND),
        (_RELEASED, MAND),
        (_MAKER, MAND),
        ("제조국", MAND),
        ("취급방법 및 취급시 주의사항, 안전표시", MAND),
        (_WARRANTY, MAND),
        (_AS, MAND),
    ],
    "완구": [
        (_MODEL, MAND),
        (_KC, MAND),
        ("크기, 중량", MAND),
        ("색상", MAND),
        ("재질", MAND),
        ("사용연령", MAND),
        (_RELEASED, MAND),
        (_MAKER, MAND),
        ("제조국", MAND),
        ("취급방법 및 취급시 주의사항, 안전표시", MAND),
        (_WARRANTY, MAND),
        (_AS, MAND),
    ],
    "악기": [
        (_MODEL, MAND),
        ("크기", MAND),
        ("색상", MAND),
        ("재질", MAND),
        ("제품 구성", MAND),
        (_RELEASED, MAND),
        (_MAKER, MAND),
        ("제조국", MAND),
        ("상품별 세부 사양", MAND),
        (_WARRANTY, MAND),
        (_AS, MAND),
    ],
    "스포츠용품": [
        (_MODEL, MAND),
        (_KC, OPT),
        ("크기, 중량", MAND),
        ("색상", MAND),
        ("재질", MAND),
        ("제품 구성", MAND),
        (_RELEASED, MAND),
        (_MAKER, MAND),
        ("제조국", MAND),
        ("상품별 세부 사양", MAND),
        (_WARRANTY, MAND),
        (_AS, MAND),
    ],
    "서적": [
        ("도서명", MAND),
        ("저자, 출판사", MAND),
        ("크기", MAND),
        ("쪽수", MAND),
        ("제품 구성", MAND),
        ("발행일", MAND),
        ("목차 또는 책소개", MAND),
    ],
    "생활화학제품": [
        ("제품명 및 제품유형", MAND),
        ("용량 또는 중량", MAND),
        ("효과·효능", MAND),
        ("사용방법", MAND),
        ("사용 시 주의사항", MAND),
        ("안전확인대상생활화학제품 신고번호", MAND),
        (_MAKER, MAND),
        ("제조국", MAND),
        (_CS_PHONE, MAND),
    ],
    "살생물제품": [
        ("제품명 및 제품유형", MAND),
        ("살생물물질, 나노물질, 기타 화학물질의 명칭과 함유량", MAND),
        ("용량 또는 중량", MAND),
        ("효과·효능", MAND),
        ("사용방법", MAND),
        ("사용 시 주의사항", MAND),
        ("승인번호", MAND),
        (_MAKER, MAND),
        ("제조국", MAND),
        (_CS_PHONE, MAND),
    ],
    # Exactly as in the documented sample answer (display category 78877).
    "기타 재화": [
        (_MODEL, MAND),
        ("인증사항", MAND),
        ("제조국(원산지)", MAND),
        (_MAKER, MAND),
        (_CS_PHONE, MAND),
    ],
}

# -- units, attributes -----------------------------------------------------------------------

#: The "수량" units of the documented sample answer, in its order.
COUNT_UNITS = [
    "개",
    "개입",
    "매",
    "매입",
    "팩",
    "입",
    "장",
    "병",
    "인용",
    "인분",
    "box",
    "Ea",
    "포",
    "캔",
    "박스",
    "스틱",
    "권",
    "set",
    "세트",
    "조",
    "캡슐",
    "통",
    "정",
    "봉",
    "마리",
    "롤",
    "p",
    "구",
    "피스",
    "회",
    "회분",
    "단계",
    "번",
    "프렛",
    "음판",
    "건반",
    "쪽",
    "단",
    "칸",
    "종",
    "분류",
    "현",
    "선",
    "공",
    "자리",
    "폭",
    "rpm",
    "색",
    "대",
]
UNITS: dict[str, tuple[str, list[str]]] = {
    "count": ("개", COUNT_UNITS),
    "volume": ("ml", ["cc", "ml", "L"]),
    "weight": ("g", ["mg", "g", "kg", "t", "oz", "lb"]),
    "length": ("cm", ["cm", "mm", "m", "km"]),
    "inch": ("인치", ["in", "ft", "yd", "인치"]),
    "data": ("GB", ["KB", "MB", "GB", "TB"]),
    "shoe": ("mm", ["mm", "cm"]),
    "tablet": ("정", ["정", "캡슐", "포", "개", "스틱", "병"]),
    "none": ("없음", []),
}


def attr(
    name: str,
    *,
    unit: str = "none",
    data_type: str | None = None,
    required: str = OPT,
    group: str = "NONE",
    exposed: bool = False,
) -> dict[str, Any]:
    basic, usable = UNITS[unit]
    return {
        "attributeTypeName": name,
        "dataType": data_type or ("STRING" if unit == "none" else "NUMBER"),
        "basicUnit": basic,
        "usableUnits": list(usable),
        "required": required,
        "groupNumber": group,
        "exposed": "EXPOSED" if exposed else "NONE",
    }


QTY_M = attr("수량", unit="count", required=MAND, exposed=True)
QTY_O = attr("수량", unit="count", exposed=True)
VOLUME_G1 = attr("개당 용량", unit="volume", required=MAND, group="1", exposed=True)
WEIGHT_G1 = attr("개당 중량", unit="weight", required=MAND, group="1", exposed=True)
TABLETS_G1 = attr("개당 캡슐/정", unit="tablet", required=MAND, group="1", exposed=True)
COLOR_M = attr("색상", required=MAND, exposed=True)
COLOR_O = attr("색상", exposed=True)
FASHION_SIZE_M = attr("패션의류/잡화 사이즈", required=MAND, exposed=True)
FASHION_SIZE_O = attr("패션의류/잡화 사이즈", exposed=True)
SHOE_SIZE_M = attr("신발 사이즈", unit="shoe", required=MAND, exposed=True)
CAPACITY_O = attr("용량", unit="volume", exposed=True)
STORAGE_O = attr("저장용량", unit="data", exposed=True)
SCREEN_O = attr("화면크기", unit="inch")
LENGTH_O = attr("길이", unit="length", exposed=True)
WEIGHT_O = attr("중량", unit="weight", exposed=True)
MODEL_O = attr("모델명/품번", exposed=True)


def search(*names: str) -> list[dict[str, Any]]:
    """Search-filter attributes (exposed NONE, optional)."""
    return [attr(n) for n in names]


# -- certifications and required documents ----------------------------------------------------

_CERT_NAMES = {
    "NOT_REQUIRED": ("인증대상아님", "NONE"),
    "PRESENTED_IN_DETAIL_PAGE": ("상세설명에 표시", "NONE"),
    "KC_KID_CERTIFICATION": ("KC인증 어린이제품 안전인증", "CODE"),
    "KC_KID_CONFIRM": ("KC인증 어린이제품 안전확인", "CODE"),
    "KC_KID_PROVIDER": ("KC인증 어린이제품 공급자적합성확인", "NONE"),
    "KC_ELECTRONICS_CERTIFICATION": ("KC인증 전기용품 안전인증", "CODE"),
    "KC_ELECTRONICS_CONFIRM": ("KC인증 전기용품 안전확인", "CODE"),
    "KC_ELECTRONICS_PROVIDER": ("KC인증 전기용품 공급자적합성확인", "NONE"),
    "KC_HOUSEHOLD_CERTIFICATION": ("KC인증 생활용품 안전인증", "CODE"),
    "KC_HOUSEHOLD_CONFIRM": ("KC인증 생활용품 자율안전확인", "CODE"),
    "KC_HOUSEHOLD_QUALITY": ("KC인증 생활용품 안전품질표시", "NONE"),
    "KC_HOUSEHOLD_PACKAGING": ("KC인증 생활용품 어린이보호포장", "NONE"),
    "COMMUNICATION_EQUIPMENT": ("방송통신기자재 적합성 평가 대상", "CODE"),
}


def certs(*entries: tuple[str, str]) -> list[dict[str, str]]:
    out = []
    for cert_type, required in entries:
        name, data_type = _CERT_NAMES[cert_type]
        out.append(
            {
                "certificationType": cert_type,
                "name": name,
                "dataType": data_type,
                "required": required,
            }
        )
    return out


_BASIC = (("NOT_REQUIRED", OPT), ("PRESENTED_IN_DETAIL_PAGE", OPT))
_KID = (
    ("KC_KID_CERTIFICATION", "RECOMMEND"),
    ("KC_KID_CONFIRM", "RECOMMEND"),
    ("KC_KID_PROVIDER", "RECOMMEND"),
)
_ELEC = (
    ("KC_ELECTRONICS_CERTIFICATION", "RECOMMEND"),
    ("KC_ELECTRONICS_CONFIRM", "RECOMMEND"),
    ("KC_ELECTRONICS_PROVIDER", "RECOMMEND"),
)
_HOUSEHOLD = (
    ("KC_HOUSEHOLD_CERTIFICATION", "RECOMMEND"),
    ("KC_HOUSEHOLD_CONFIRM", "RECOMMEND"),
    ("KC_HOUSEHOLD_QUALITY", "RECOMMEND"),
    ("KC_HOUSEHOLD_PACKAGING", "RECOMMEND"),
)
CERTIFICATION_SETS: dict[str, list[dict[str, str]]] = {
    "basic": certs(*_BASIC),
    "kid": certs(*_BASIC, *_KID),
    "electronics": certs(*_BASIC, *_ELEC),
    "radio": certs(*_BASIC, *_ELEC, ("COMMUNICATION_EQUIPMENT", "RECOMMEND")),
    # Phones must carry their radio-equipment conformity code.
    "phone": certs(*_BASIC, *_ELEC, ("COMMUNICATION_EQUIPMENT", MAND)),
    "household": certs(*_BASIC, *_HOUSEHOLD),
    "kid_household": certs(*_BASIC, *_KID, *_HOUSEHOLD),
    "kid_electronics": certs(*_BASIC, *_KID, *_ELEC),
    # The full set of the documented sample answer (display category 78877).
    "all": certs(
        *_BASIC,
        ("KC_KID_CERTIFICATION", "RECOMMEND"),
        ("KC_KID_CONFIRM", OPT),
        ("KC_KID_PROVIDER", OPT),
        ("KC_ELECTRONICS_CERTIFICATION", OPT),
        ("KC_ELECTRONICS_CONFIRM", OPT),
        ("KC_ELECTRONICS_PROVIDER", OPT),
        *_HOUSEHOLD,
        ("COMMUNICATION_EQUIPMENT", "RECOMMEND"),
    ),
}

_DOCS_BASE = [
    ("기타인증서류", OPT),
    ("수입신고필증(병행수입 선택시)", "MANDATORY_PARALLEL_IMPORTED"),
    ("인보이스영수증(해외구매대행 선택시)", "MANDATORY_OVERSEAS_PURCHASED"),
]


def docs(*extra: tuple[str, str]) -> list[dict[str, str]]:
    return [{"templateName": n, "required": r} for n, r in (*extra, *_DOCS_BASE)]


DOCUMENT_SETS: dict[str, list[dict[str, str]]] = {
    "basic": docs(),
    "food": docs(("수입식품 수입신고확인증(수입식품인 경우)", OPT)),
    "health_food": docs(("건강기능식품 표시·광고 심의필증", OPT)),
    "cosmetics": docs(("기능성화장품 심사(보고) 확인서", OPT)),
    "medical": docs(("의료기기 허가증 또는 신고증", MAND), ("의료기기 광고심의필증", OPT)),
    "chemical": docs(("안전확인대상생활화학제품 신고증명서", OPT)),
    "biocide": docs(("살생물제품 승인서", MAND)),
    "electric": docs(("KC 전기용품 인증서", OPT)),
    "book": [{"templateName": "기타인증서류", "required": OPT}],
}

# -- profiles ----------------------------------------------------------------------------------

ALL_OFFERS = ["NEW", "REFURBISHED", "USED_BEST", "USED_GOOD", "USED_NORMAL"]
USED_OFFERS = ["NEW", "USED_BEST", "USED_GOOD", "USED_NORMAL"]
NEW_ONLY = ["NEW"]


@dataclass(frozen=True)
class Profile:
    notices: tuple[str, ...]
    attributes: list[dict[str, Any]]
    certifications: str = "basic"
    documents: str = "basic"
    offers: list[str] = field(default_factory=lambda: list(NEW_ONLY))
    single: bool = True


_ETC = "기타 재화"
_CONSUMABLE = [VOLUME_G1, WEIGHT_G1, QTY_M]
_CLOTH_SEARCH = search("성별", "소재", "시즌")

PROFILES: dict[str, Profile] = {
    "clothing": Profile(
        ("의류", _ETC), [COLOR_M, FASHION_SIZE_M, *_CLOTH_SEARCH, attr("핏")], single=False
    ),
    "underwear": Profile(
        ("의류", _ETC), [COLOR_M, FASHION_SIZE_M, QTY_O, *search("성별", "소재")], single=False
    ),
    "kids_clothing": Profile(
        ("의류", _ETC),
        [COLOR_M, FASHION_SIZE_M, *search("성별", "사용연령", "소재")],
        certifications="kid",
        single=False,
    ),
    "shoes": Profile(
        ("구두/신발", _ETC), [COLOR_M, SHOE_SIZE_M, *search("성별", "굽높이", "소재")], single=False
    ),
    "kids_shoes": Profile(
        ("구두/신발", _ETC),
        [COLOR_M, SHOE_SIZE_M, *search("성별", "사용연령")],
        certifications="kid",
        single=False,
    ),
    "bag": Profile(
        ("가방", _ETC), [COLOR_O, *search("성별", "소재", "수납공간")], offers=USED_OFFERS
    ),
    "fashion_acc": Profile(
        ("패션잡화(모자/벨트/액세서리)", _ETC), [COLOR_O, FASHION_SIZE_O, *search("성별", "소재")]
    ),
    "jewelry": Profile(
        ("귀금속/보석/시계류", _ETC), [COLOR_O, *search("성별", "소재", "순도")], offers=USED_OFFERS
    ),
    "cosmetics": Profile(
        ("화장품", _ETC),
        [*_CONSUMABLE, *search("피부타입", "제품 특징")],
        documents="cosmetics",
        single=False,
    ),
    "beauty_tool": Profile((_ETC,), [QTY_O, COLOR_O], certifications="household"),
    "beauty_device": Profile(
        ("소형전자(MP3/전자사전 등)", _ETC),
        [COLOR_O, MODEL_O, attr("전원방식")],
        certifications="electronics",
        documents="electric",
        offers=["NEW", "REFURBISHED"],
    ),
    "fresh_food": Profile(
        ("식품(농수산물)", _ETC),
        [
            WEIGHT_G1,
            attr("개당 수량", unit="count", required=MAND, group="1", exposed=True),
            QTY_M,
            *search("원산지", "보관방식"),
        ],
        documents="food",
        single=False,
    ),
    "processed_food": Profile(
        ("가공식품", _ETC),
        [*_CONSUMABLE, *search("보관방식", "맛")],
        documents="food",
        single=False,
    ),
    "health_food": Profile(
        ("건강기능식품", _ETC),
        [TABLETS_G1, WEIGHT_G1, QTY_M, attr("섭취대상")],
        documents="health_food",
        single=False,
    ),
    "baby_food": Profile(
        ("가공식품", _ETC),
        [*_CONSUMABLE, attr("사용연령"), attr("단계")],
        documents="food",
        single=False,
    ),
    "diaper": Profile(
        ("영유아용품", _ETC),
        [
            attr("기저귀 사이즈", required=MAND, exposed=True),
            attr("개당 매수", unit="count", exposed=True),
            QTY_M,
            attr("성별"),
        ],
        certifications="kid",
        single=False,
    ),
    "wipes": Profile(
        ("화장품", _ETC),
        [attr("개당 매수", unit="count", required=MAND, exposed=True), QTY_M, attr("캡 여부")],
        documents="cosmetics",
        single=False,
    ),
    "baby_goods": Profile(
        ("영유아용품", _ETC),
        [COLOR_O, QTY_O, attr("사용연령")],
        certifications="kid_household",
        offers=USED_OFFERS,
    ),
    "baby_electric": Profile(
        ("영유아용품", _ETC),
        [COLOR_O, MODEL_O],
        certifications="kid_electronics",
        documents="electric",
        offers=USED_OFFERS,
    ),
    "baby_bedding": Profile(
        ("침구류/커튼", _ETC), [COLOR_O, FASHION_SIZE_O, attr("소재")], certifications="kid"
    ),
    "baby_cosmetics": Profile(
        ("화장품", _ETC), [*_CONSUMABLE, attr("사용연령")], documents="cosmetics", single=False
    ),
    "kitchen": Profile(
        ("주방용품", _ETC),
        [COLOR_O, QTY_O, CAPACITY_O, *search("재질", "사이즈")],
        offers=["NEW", "REFURBISHED"],
    ),
    "kitchen_appliance": Profile(
        ("가정용 전기제품(냉장고/세탁기/식기세척기/전자레인지)", _ETC),
        [COLOR_O, MODEL_O, CAPACITY_O, attr("소비전력")],
        certifications="electronics",
        documents="electric",
        offers=ALL_OFFERS,
    ),
    "chem": Profile(
        ("생활화학제품", _ETC),
        [*_CONSUMABLE, attr("향")],
        certifications="household",
        documents="chemical",
        single=False,
    ),
    "biocide": Profile(
        ("살생물제품", _ETC),
        [*_CONSUMABLE, attr("사용장소")],
        certifications="household",
        documents="biocide",
        single=False,
    ),
    "paper": Profile(
        (_ETC,),
        [
            attr("개당 롤/매수", unit="count", required=MAND, exposed=True),
            attr("겹수", unit="count"),
            QTY_M,
            LENGTH_O,
        ],
        certifications="household",
        single=False,
    ),
    "oral": Profile(
        (_ETC,), [*_CONSUMABLE, attr("기능")], certifications="household", single=False
    ),
    "small_appliance": Profile(
        ("소형전자(MP3/전자사전 등)", _ETC),
        [COLOR_O, MODEL_O],
        certifications="electronics",
        documents="electric",
        offers=["NEW", "REFURBISHED"],
    ),
    "household": Profile(
        (_ETC,), [COLOR_O, QTY_O, *search("재질", "사이즈")], certifications="household"
    ),
    "hygiene": Profile(
        (_ETC,),
        [attr("개당 매수", unit="count", required=MAND, exposed=True), QTY_M, attr("사이즈")],
        certifications="household",
        single=False,
    ),
    "bedding": Profile(
        ("침구류/커튼", _ETC),
        [COLOR_M, attr("침구 사이즈", required=MAND, exposed=True), *search("소재", "계절")],
        single=False,
    ),
    "curtain": Profile(
        ("침구류/커튼", _ETC),
        [
            COLOR_O,
            attr("가로 길이", unit="length", exposed=True),
            attr("세로 길이", unit="length", exposed=True),
            attr("기능"),
        ],
    ),
    "furniture": Profile(
        ("가구(침대/소파/싱크대/DIY제품)", _ETC),
        [COLOR_O, attr("가구 사이즈", exposed=True), *search("소재", "설치 여부")],
        certifications="household",
        offers=ALL_OFFERS,
    ),
    "deco": Profile(
        (_ETC,), [COLOR_O, QTY_O, attr("사이즈", exposed=True)], certifications="household"
    ),
    "deco_scent": Profile(
        ("생활화학제품", _ETC),
        [CAPACITY_O, QTY_O, attr("향")],
        certifications="household",
        documents="chemical",
    ),
    "lighting": Profile(
        (_ETC,),
        [COLOR_O, attr("전구색"), attr("소비전력")],
        certifications="electronics",
        documents="electric",
    ),
    "tools": Profile(
        (_ETC,), [MODEL_O, attr("전원방식")], certifications="electronics", offers=ALL_OFFERS
    ),
    "tv": Profile(
        ("영상가전 (TV류)", _ETC),
        [SCREEN_O, MODEL_O, attr("해상도")],
        certifications="radio",
        documents="electric",
        offers=ALL_OFFERS,
    ),
    "projector": Profile(
        ("광학기기(디지털카메라/캠코더/휴대용멀티미디어 재생기기 등)", _ETC),
        [MODEL_O, attr("밝기(안시루멘)"), attr("해상도")],
        certifications="radio",
        offers=ALL_OFFERS,
    ),
    "home_appliance": Profile(
        ("가정용 전기제품(냉장고/세탁기/식기세척기/전자레인지)", _ETC),
        [COLOR_O, MODEL_O, CAPACITY_O, attr("에너지효율등급")],
        certifications="electronics",
        documents="electric",
        offers=ALL_OFFERS,
    ),
    "season_appliance": Profile(
        ("계절가전(에어컨/온풍기)", _ETC),
        [COLOR_O, MODEL_O, attr("냉난방면적")],
        certifications="electronics",
        documents="electric",
        offers=ALL_OFFERS,
    ),
    "computer": Profile(
        ("사무용기기(컴퓨터/노트북/프린터)", _ETC),
        [COLOR_O, STORAGE_O, SCREEN_O, *search("CPU", "메모리 용량", "운영체제")],
        certifications="radio",
        documents="electric",
        offers=ALL_OFFERS,
    ),
    "office_machine": Profile(
        ("사무용기기(컴퓨터/노트북/프린터)", _ETC),
        [MODEL_O, COLOR_O],
        certifications="electronics",
        documents="electric",
        offers=ALL_OFFERS,
    ),
    "consumable_office": Profile((_ETC,), [QTY_M, attr("호환 모델"), COLOR_O], single=False),
    "pc_acc": Profile(
        ("소형전자(MP3/전자사전 등)", _ETC),
        [COLOR_O, MODEL_O, attr("연결방식")],
        certifications="radio",
        offers=ALL_OFFERS,
    ),
    "storage": Profile(
        ("소형전자(MP3/전자사전 등)", _ETC),
        [attr("저장용량", unit="data", required=MAND, exposed=True), QTY_O],
        certifications="electronics",
        offers=ALL_OFFERS,
        single=False,
    ),
    "phone": Profile(
        ("휴대폰", _ETC),
        [COLOR_O, attr("저장용량", unit="data", required=MAND, exposed=True), attr("통신사")],
        certifications="phone",
        documents="electric",
        offers=ALL_OFFERS,
    ),
    "phone_case": Profile(
        (_ETC,),
        [COLOR_O, attr("호환 기종", required=MAND, exposed=True), QTY_O],
        certifications="household",
    ),
    "charger": Profile(
        ("소형전자(MP3/전자사전 등)", _ETC),
        [COLOR_O, LENGTH_O, attr("출력"), attr("단자 타입")],
        certifications="electronics",
        documents="electric",
    ),
    "audio": Profile(
        ("소형전자(MP3/전자사전 등)", _ETC),
        [COLOR_O, MODEL_O, attr("연결방식")],
        certifications="radio",
        offers=ALL_OFFERS,
    ),
    "camera": Profile(
        ("광학기기(디지털카메라/캠코더/휴대용멀티미디어 재생기기 등)", _ETC),
        [COLOR_O, MODEL_O, attr("유효화소")],
        certifications="radio",
        offers=ALL_OFFERS,
    ),
    "camera_acc": Profile(
        ("광학기기(디지털카메라/캠코더/휴대용멀티미디어 재생기기 등)", _ETC),
        [MODEL_O, attr("호환 기종")],
        offers=ALL_OFFERS,
    ),
    "game": Profile(
        ("소형전자(MP3/전자사전 등)", _ETC),
        [COLOR_O, MODEL_O, STORAGE_O],
        certifications="radio",
        offers=ALL_OFFERS,
    ),
    "game_title": Profile(
        (_ETC,), [attr("플랫폼", required=MAND, exposed=True), attr("언어")], offers=USED_OFFERS
    ),
    "wearable": Profile(
        ("소형전자(MP3/전자사전 등)", _ETC),
        [COLOR_O, attr("밴드 사이즈", exposed=True)],
        certifications="radio",
        offers=ALL_OFFERS,
    ),
    "navi": Profile(
        ("내비게이션", _ETC), [MODEL_O, SCREEN_O], certifications="radio", offers=ALL_OFFERS
    ),
    "sports": Profile(
        ("스포츠용품", _ETC), [COLOR_O, FASHION_SIZE_O, *search("소재", "성별")], offers=ALL_OFFERS
    ),
    "fitness_machine": Profile(
        ("스포츠용품", _ETC),
        [COLOR_O, MODEL_O, attr("최대 사용자 체중", unit="weight")],
        certifications="electronics",
        offers=ALL_OFFERS,
    ),
    "camping": Profile(
        ("스포츠용품", _ETC),
        [COLOR_O, attr("사용 인원", unit="count"), WEIGHT_O],
        certifications="household",
        offers=ALL_OFFERS,
    ),
    "bicycle": Profile(
        ("스포츠용품", _ETC),
        [COLOR_O, attr("프레임 사이즈", exposed=True), attr("휠 사이즈", unit="inch")],
        certifications="household",
        offers=ALL_OFFERS,
    ),
    "e_mobility": Profile(
        ("스포츠용품", _ETC),
        [COLOR_O, MODEL_O, attr("배터리 용량")],
        certifications="electronics",
        documents="electric",
        offers=ALL_OFFERS,
    ),
    "car": Profile(
        ("자동차용품(자동차부품/기타 자동차용품)", _ETC),
        [QTY_O, *search("적용차종", "설치위치")],
        certifications="all",
        offers=ALL_OFFERS,
    ),
    # The attributes of the documented sample answer (display category 78877).
    "car_mount": Profile(
        ("자동차용품(자동차부품/기타 자동차용품)", _ETC),
        [QTY_O, *search("자동차거치용품 거치대고정", "헤드 회전 가능여부", "각도조절 가능여부")],
        certifications="all",
        offers=ALL_OFFERS,
    ),
    "car_elec": Profile(
        ("자동차용품(자동차부품/기타 자동차용품)", _ETC),
        [QTY_O, MODEL_O, attr("저장용량", unit="data")],
        certifications="radio",
        documents="electric",
        offers=ALL_OFFERS,
    ),
    "car_chem": Profile(
        ("자동차용품(자동차부품/기타 자동차용품)", "생활화학제품", _ETC),
        [*_CONSUMABLE, attr("적용차종")],
        certifications="household",
        documents="chemical",
        single=False,
    ),
    "tire": Profile(
        ("자동차용품(자동차부품/기타 자동차용품)", _ETC),
        [attr("타이어 규격", required=MAND, exposed=True), QTY_M, attr("계절구분")],
        certifications="basic",
        single=False,
    ),
    "book": Profile(
        ("서적", _ETC),
        [QTY_O, attr("ISBN")],
        certifications="basic",
        documents="book",
        offers=USED_OFFERS,
    ),
    "music_media": Profile(
        (_ETC,), [QTY_O, attr("매체 형태", exposed=True)], documents="book", offers=USED_OFFERS
    ),
    "toy": Profile(
        ("완구", _ETC),
        [COLOR_O, QTY_O, attr("사용연령"), attr("캐릭터")],
        certifications="kid",
        offers=USED_OFFERS,
    ),
    "hobby": Profile(
        ("완구", _ETC),
        [QTY_O, attr("스케일"), attr("캐릭터")],
        certifications="kid",
        offers=USED_OFFERS,
    ),
    "drone": Profile(
        ("완구", "소형전자(MP3/전자사전 등)", _ETC),
        [COLOR_O, MODEL_O, attr("비행시간")],
        certifications="radio",
        offers=ALL_OFFERS,
    ),
    "instrument": Profile(("악기", _ETC), [COLOR_O, MODEL_O, attr("사이즈")], offers=ALL_OFFERS),
    "party": Profile((_ETC,), [COLOR_O, QTY_M], certifications="kid_household", single=False),
    "stationery": Profile(
        (_ETC,), [COLOR_O, QTY_O, attr("심 굵기", unit="length")], certifications="kid_household"
    ),
    "office": Profile((_ETC,), [QTY_O, attr("규격", exposed=True)], certifications="household"),
    "calculator": Profile(
        ("소형전자(MP3/전자사전 등)", _ETC), [COLOR_O, MODEL_O], certifications="electronics"
    ),
    "pet_food": Profile(
        (_ETC,),
        [WEIGHT_G1, VOLUME_G1, QTY_M, *search("대상 연령", "주원료", "기능")],
        documents="food",
        single=False,
    ),
    "pet_goods": Profile(
        (_ETC,), [COLOR_O, FASHION_SIZE_O, QTY_O, attr("반려동물 종류")], certifications="household"
    ),
    "medical": Profile(
        ("의료기기", _ETC), [MODEL_O, QTY_O], certifications="electronics", documents="medical"
    ),
    "massager": Profile(
        ("소형전자(MP3/전자사전 등)", _ETC),
        [COLOR_O, MODEL_O, attr("마사지 부위")],
        certifications="electronics",
        documents="electric",
        offers=ALL_OFFERS,
    ),
}

# -- the tree ----------------------------------------------------------------------------------

OUTLINE = """
패션의류잡화 #69182
  여성패션
    여성의류 @clothing
      티셔츠
        반소매 티셔츠
          여성 라운드넥 반소매 티셔츠 | 여성 반팔티, 여자 반팔 티셔츠, 라운드 반팔, 크루넥 반팔티, 무지 반팔티, women short sleeve t-shirt, crew neck tee | 스파오, 탑텐, 에잇세컨즈, 지오다노
          여성 브이넥 반소매 티셔츠 | 여성 브이넥 반팔, 여자 V넥 티, 브이넥 반팔티, v-neck tee women | 유니클로, 스파오
        여성 긴소매 티셔츠 | 여성 긴팔티, 여자 긴팔 티셔츠, 롱슬리브, 긴팔 라운드티, 봄 긴팔티, long sleeve t-shirt women | 스파오, 탑텐, 에잇세컨즈
        여성 맨투맨/후드티 | 여성 맨투맨, 여자 후드티, 후드 티셔츠, 스웨트셔츠, 기모 맨투맨, sweatshirt, hoodie women | 널디, 마르디메크르디
      여성 블라우스/셔츠 | 블라우스, 여성 셔츠, 쉬폰 블라우스, 여자 남방, 오피스룩 셔츠, blouse, women shirt | 미쏘, 로엠, 쉬즈미스
      여성 원피스 | 원피스, 롱원피스, 미니원피스, 여름 원피스, 셔츠원피스, 니트원피스, dress, one piece | 로엠, 미쏘, 잇미샤
      여성 스커트 | 치마, 스커트, 롱스커트, 미니스커트, 플리츠스커트, 테니스스커트, skirt | 미쏘, 로엠
      여성 청바지 | 여성 청바지, 여자 데님팬츠, 스키니진, 와이드 데님, 부츠컷, 일자 청바지, women jeans, denim | 리바이스, 게스, 캘빈클라인진
      여성 슬랙스/팬츠 | 여성 슬랙스, 여자 바지, 와이드팬츠, 밴딩팬츠, 정장바지, 여성 조거팬츠, women pants, slacks | 미쏘, 유니클로
      여성 니트/가디건 | 여성 니트, 스웨터, 가디건, 꽈배기니트, 터틀넥, 라운드 니트, knit, cardigan, sweater | 미쏘, 로엠, 지오다노
      여성 코트 | 여성 코트, 여자 롱코트, 울코트, 트렌치코트, 핸드메이드 코트, 싱글코트, women coat, trench coat | 코데즈컴바인, 미쏘, 지컷
      여성 패딩/점퍼 | 여성 패딩, 여자 롱패딩, 숏패딩, 경량패딩, 다운점퍼, 여성 바람막이, women padding, down jacket | 노스페이스, 디스커버리, 탑텐
      여성 레깅스 | 레깅스, 요가 레깅스, 기모레깅스, 9부 레깅스, leggings | 젝시믹스, 안다르, 뮬라웨어
    여성 속옷/잠옷 @underwear
      브래지어 | 브라, 노와이어 브라, 스포츠브라, 브라렛, 누브라, bra, bralette | 비비안, 비너스, 원더브라
      여성 팬티 | 여성 팬티, 여자 속옷 팬티, 심리스 팬티, 면팬티, 위생팬티, panty, briefs women | 비비안, 좋은사람들
      여성 잠옷/홈웨어 | 잠옷, 파자마, 홈웨어, 수면잠옷, 여성 라운지웨어, pajama, sleepwear | 스파오, 자라홈
  남성패션
    남성의류 @clothing
      남성 반소매 티셔츠 | 남자 반팔티, 남성 반팔 티셔츠, 오버핏 반팔, 무지티, 라운드 반팔티, men t-shirt, short sleeve tee | 스파오, 탑텐, 무신사스탠다드, 챔피온
      남성 긴소매 티셔츠 | 남자 긴팔티, 남성 긴팔 티셔츠, 남자 롱슬리브, 헨리넥, men long sleeve | 탑텐, 스파오, 무신사스탠다드
      남성 맨투맨/후드티 | 남자 맨투맨, 남성 후드티, 후드집업, 기모 후드, 스웨트셔츠, hoodie, sweatshirt men | 챔피온, 커버낫, 디스이즈네버댓
      남성 셔츠 | 남자 셔츠, 와이셔츠, 드레스셔츠, 옥스포드 셔츠, 체크남방, 린넨셔츠, men shirt, dress shirt | 지오지아, 닥스, 반하트
      남성 청바지 | 남자 청바지, 남성 데님팬츠, 스트레이트진, 슬림핏 청바지, men jeans | 리바이스, 게스, 리
      남성 슬랙스/면바지 | 남자 슬랙스, 남성 면바지, 치노팬츠, 남자 정장바지, 카고바지, 남자 조거팬츠, men pants, chino | 무신사스탠다드, 유니클로
      남성 반바지 | 남자 반바지, 남성 숏팬츠, 버뮤다 팬츠, 5부 바지, men shorts | 스파오, 탑텐
      남성 정장 | 남성 정장 세트, 수트, 양복, 슬림핏 정장, 결혼식 정장, men suit, blazer | 갤럭시, 지오지아, 파크랜드
      남성 패딩/점퍼 | 남자 패딩, 남자 롱패딩, 남자 숏패딩, 경량패딩, 항공점퍼, 야상, 바람막이, men down jacket, parka | 노스페이스, 디스커버리, 내셔널지오그래픽
      남성 코트 | 남자 코트, 남자 울코트, 롱코트, 남성 트렌치코트, 더블코트, men coat | 지오지아, 인디안
    남성 속옷 @underwear
      남성 드로즈/트렁크 | 드로즈, 트렁크, 남자 팬티, 사각팬티, 삼각팬티, boxer briefs, trunks | 캘빈클라인, BYC, 제임스딘
  신발 @shoes
    여성화
      여성 펌프스/힐 | 하이힐, 펌프스, 여자 구두, 미들힐, 슬링백, pumps, heels | 소다, 탠디, 미소페
      여성 플랫/로퍼 | 플랫슈즈, 여성 로퍼, 여성 단화, 발레리나 슈즈, 메리제인, loafer, flat shoes | 미소페, 슈콤마보니
      여성 샌들 | 샌들, 여자 샌들, 스트랩 샌들, 웨지샌들, 뮬, sandal | 버켄스탁, 테바
      여성 부츠 | 부츠, 앵클부츠, 롱부츠, 어그부츠, 여성 첼시부츠, boots | 닥터마틴, 어그
    남성화
      남성 구두 | 남자 구두, 정장구두, 옥스포드화, 더비슈즈, 남성 로퍼, dress shoes | 금강제화, 에스콰이아, 탠디
    운동화
      러닝화 | 런닝화, 조깅화, 마라톤화, 쿠션 운동화, running shoes | 나이키, 아디다스, 뉴발란스, 아식스, 호카
      스니커즈 | 스니커즈, 캔버스화, 단화, 척테일러, 어글리슈즈, 컨버스, sneakers | 컨버스, 반스, 뉴발란스, 휠라
    슬리퍼/쪼리 | 슬리퍼, 쪼리, 실내화, 슬라이드, 삼선 슬리퍼, 크록스, 클로그, slipper, flip flop | 크록스, 아디다스
  가방 @bag
    여성가방
      숄더백 | 숄더백, 여성 어깨가방, 호보백, 버킷백, shoulder bag | 루이까또즈, 메트로시티, 코치
      크로스백 | 크로스백, 미니 크로스백, 메신저백, 사코슈, crossbody bag | 마크제이콥스, 메트로시티
      토트백 | 토트백, 여성 핸드백, 빅백, 쇼퍼백, tote bag, handbag | 루이까또즈, 마이클코어스
    백팩 | 백팩, 책가방, 노트북 백팩, 학생가방, 배낭, backpack | 잔스포츠, 노스페이스, 샘소나이트
    여행가방/캐리어 | 캐리어, 여행가방, 기내용 캐리어, 하드캐리어, 수화물 캐리어, suitcase, luggage | 샘소나이트, 아메리칸투어리스터, 투미
    지갑
      남성 지갑 | 남자 지갑, 반지갑, 카드지갑, 머니클립, men wallet | 닥스, 몽블랑, 루이까또즈
      여성 지갑 | 여자 지갑, 장지갑, 중지갑, 여성 카드지갑, women wallet | 루이까또즈, 메트로시티
  패션잡화 @fashion_acc
    모자
      볼캡/야구모자 | 볼캡, 야구모자, 캡모자, 스냅백, ball cap, baseball cap | MLB, 뉴에라, 내셔널지오그래픽
      버킷햇/벙거지 | 버킷햇, 벙거지, 사파리 모자, bucket hat | 캉골, MLB
    양말
      남성 양말 | 남자 양말, 신사양말, 남성 발목양말, 스포츠 양말, men socks | 나이키, 아디다스
      여성 양말/스타킹 | 여자 양말, 덧신, 페이크삭스, 스타킹, 살색 스타킹, 니삭스, socks women, stockings | 비비안, 마리끌레르
    벨트 | 벨트, 남성 벨트, 가죽벨트, 자동벨트, belt | 닥스, 헤지스
    스카프/머플러 | 머플러, 목도리, 스카프, 쁘띠스카프, 스톨, scarf, muffler | 닥스, 버버리
    선글라스/안경테 | 선글라스, 안경테, 블루라이트 안경, 뿔테, 편광 선글라스, sunglasses, eyeglass frame | 레이밴, 젠틀몬스터, 오클리
  주얼리/시계 @jewelry
    목걸이 | 목걸이, 펜던트, 체인 목걸이, 14k 목걸이, 실버 목걸이, necklace | 스톤헨지, 제이에스티나, 판도라
    귀걸이 | 귀걸이, 이어링, 피어싱, 귀찌, earring | 제이에스티나, 스와로브스키
    반지 | 반지, 커플링, 실버링, 14k 반지, ring | 스톤헨지, 판도라
    남성 시계 | 남자 시계, 남성 손목시계, 메탈시계, 오토매틱 시계, 전자시계, men watch | 카시오, 세이코, 티쏘, 지샥
    여성 시계 | 여자 시계, 여성 손목시계, 가죽시계, women watch | 다니엘웰링턴, 로즈몽트
뷰티 #56112
  스킨케어 @cosmetics
    스킨/토너 | 스킨, 토너, 닦토, 토너패드, 수분토너, toner, skin | 라운드랩, 아누아, 설화수, 이니스프리
    로션/에멀젼 | 로션, 에멀젼, 수분로션, 페이스 로션, lotion, emulsion | 일리윤, 아이오페
    에센스/세럼/앰플 | 에센스, 세럼, 앰플, 부스터, 비타민세럼, essence, serum, ampoule | 에스티로더, 토리든, 닥터지
    크림 | 크림, 수분크림, 영양크림, 재생크림, 시카크림, moisturizer cream | 에스트라, 닥터지, 키엘, 라로슈포제
    아이크림 | 아이크림, 눈가크림, 주름 아이크림, eye cream | AHC, 설화수
    선케어
      선크림 | 선크림, 선블록, 자외선차단제, 톤업 선크림, 선로션, sunscreen, sun cream, spf50 | 라운드랩, 닥터지, 비오레
      선스틱/선쿠션 | 선스틱, 선쿠션, 선밤, sun stick | 달바, 아이소이
    마스크/팩
      시트마스크 | 마스크팩, 시트팩, 1일1팩, 앰플마스크, sheet mask | 메디힐, 아비브, 닥터자르트
      워시오프팩/수면팩 | 워시오프팩, 클레이팩, 머드팩, 필오프팩, 수면팩, 슬리핑팩, wash off mask, clay mask | 코스알엑스, 라네즈
    클렌징
      클렌징폼 | 클렌징폼, 폼클렌저, 세안제, 약산성 클렌저, facial foam cleanser | 순플러스, 코스알엑스
      클렌징오일/밤 | 클렌징오일, 클렌징밤, 메이크업 리무버, cleansing oil, cleansing balm | 마녀공장, 바닐라코
  메이크업 @cosmetics
    베이스메이크업
      쿠션팩트 | 쿠션, 쿠션팩트, 에어쿠션, 커버쿠션, cushion foundation | 에스쁘아, 헤라, 클리오, 라네즈
      파운데이션 | 파데, 파운데이션, 리퀴드 파운데이션, foundation | 에스티로더, 맥
    아이메이크업
      마스카라 | 마스카라, 속눈썹 영양제, 롱래쉬, 볼륨 마스카라, mascara | 키스미, 메이블린
      아이라이너 | 아이라이너, 젤라이너, 붓펜 라이너, eyeliner | 키스미
      아이섀도 | 아이섀도, 섀도우 팔레트, 아이팔레트, eyeshadow palette | 롬앤, 3CE
    립메이크업
      립스틱 | 립스틱, 매트립, 립스틱 세트, lipstick | 입생로랑, 디올, 샤넬
      립틴트 | 틴트, 립틴트, 워터틴트, 벨벳틴트, lip tint | 롬앤, 페리페라
      립밤/립케어 | 립밤, 립케어, 립마스크, 립에센스, lip balm | 바세린, 니베아
  헤어케어 @cosmetics
    샴푸 | 샴푸, 탈모샴푸, 두피샴푸, 약산성 샴푸, 지성샴푸, shampoo | 려, 닥터포헤어, 케라시스, 아모스
    린스/컨디셔너 | 린스, 컨디셔너, conditioner | 케라시스, 엘라스틴
    트리트먼트/헤어팩 | 트리트먼트, 헤어팩, 헤어마스크, 단백질 트리트먼트, hair treatment | 미쟝센, 엘라스틴
    헤어에센스/오일 | 헤어에센스, 헤어오일, 헤어세럼, 아르간오일, hair oil | 모로칸오일
    염색약 | 염색약, 새치염색, 헤어컬러, 셀프염색, 거품염색, hair dye | 세븐에이트, 로레알
    헤어스타일링 | 헤어왁스, 헤어스프레이, 헤어젤, 포마드, 볼륨 무스, hair wax, pomade | 갸스비, 댄디, 우르오스
  바디케어 @cosmetics
    바디워시 | 바디워시, 샤워젤, 바디클렌저, body wash, shower gel | 도브, 해피바스, 온더바디
    바디로션/크림 | 바디로션, 바디크림, 보습 로션, body lotion | 니베아, 존슨즈
    핸드크림 | 핸드크림, 핸드로션, hand cream | 록시땅, 뉴트로지나
  향수 @cosmetics
    여성향수 | 여자 향수, 여성 향수, 오드퍼퓸, 오드뚜왈렛, perfume women, edp | 조말론, 딥티크, 랑방
    남성향수 | 남자 향수, 남성 향수, 코롱, men perfume, cologne | 불가리, 몽블랑
  네일
    네일폴리시 @cosmetics | 매니큐어, 네일폴리시, 네일컬러, 탑코트, 베이스코트, nail polish | OPI
    젤네일/네일팁 @beauty_tool | 젤네일, 네일팁, 네일스티커, 젤네일 스티커, 붙이는 네일, press on nails | 데싱디바, 오호라
  뷰티소품 @beauty_tool
    메이크업 브러시 | 화장 브러쉬, 메이크업 브러시, 파데브러시, makeup brush | 피카소
    면도기/면도날 | 면도기, 면도날, 수동면도기, 리필날, razor, blade | 질레트, 쉬크, 도루코
  미용가전 @beauty_device
    헤어드라이어 | 드라이기, 헤어드라이기, 접이식 드라이어, 이온 드라이기, hair dryer | 다이슨, 유닉스
    고데기/매직기 | 고데기, 매직기, 봉고데기, 헤어 스트레이트너, 에어랩, curling iron, straightener | 보다나, 유닉스
    전기면도기 | 전기면도기, 전동 면도기, 쉐이버, electric shaver | 필립스, 브라운, 파나소닉
    피부관리기 | LED 마스크, 피부관리기, 갈바닉, 고주파 마사지기, 리프팅기기, skin care device | 셀리턴, 메디큐브
출산/유아동 #76844
  기저귀 @diaper
    밴드형 기저귀 | 밴드기저귀, 테이프형 기저귀, 신생아 기저귀, diaper | 하기스, 팸퍼스, 보솜이, 킨도
    팬티형 기저귀 | 팬티기저귀, 팬티형, 배변훈련 팬티, 밤기저귀, pull-ups | 하기스, 마미포코
  아기물티슈 @wipes | 아기 물티슈, 유아물티슈, 캡형 물티슈, 엠보싱 물티슈, baby wipes | 베베숲, 몽드드, 순수한면
  분유/유아식 @baby_food
    분유 | 분유, 조제분유, 산양분유, 액상분유, 1단계 분유, formula | 앱솔루트, 아이엠마더, 일동후디스, 압타밀
    이유식 | 이유식, 유아식, 초기이유식, 후기 이유식, 베이비 죽, baby food | 베베쿡, 엘빈즈, 짱죽
    아기과자/간식 | 아기과자, 유아간식, 떡뻥, 쌀과자, 퓨레, baby snack | 아이배냇, 맘마밀
  수유용품 @baby_goods
    젖병 | 젖병, PPSU 젖병, 유리젖병, baby bottle | 더블하트, 그린맘, 닥터브라운
    젖꼭지/노리개 | 젖꼭지, 노리개젖꼭지, 쪽쪽이, pacifier, nipple | 누크, 필립스 아벤트
    유축기 @baby_electric | 유축기, 전동 유축기, 휴대용 유축기, breast pump | 스펙트라, 메델라
    젖병소독기 @baby_electric | 젖병소독기, UV 소독기, 젖병 건조기, sterilizer | 유팡, 레이퀸
  외출용품 @baby_goods
    유모차 | 유모차, 디럭스 유모차, 절충형 유모차, 휴대용 유모차, stroller | 부가부, 잉글레시나, 요요
    카시트 | 카시트, 신생아 카시트, 주니어 카시트, 회전형 카시트, isofix, car seat | 다이치, 브라이텍스, 싸이벡스
    아기띠/힙시트 | 아기띠, 힙시트, 포대기, 슬링, baby carrier | 에르고베이비, 포그내, 코니
  유아가구/침구 @baby_goods
    아기침대 | 아기침대, 원목 아기침대, 범퍼침대, 신생아 침대, crib | 꿈비
    유아 이불/베개 @baby_bedding | 아기이불, 신생아 베개, 좁쌀베개, 낮잠이불, 유아 이불세트
    유아 의자 | 아기의자, 부스터, 범보의자, 하이체어, 아기 식탁의자, high chair | 스토케, 범보
  유아동 의류 @kids_clothing
    신생아 의류 | 배냇저고리, 바디슈트, 우주복, 신생아 옷, 내의, newborn | 압소바
    아동 티셔츠 | 아동 티셔츠, 키즈 반팔티, 아동 긴팔티, 남아 티셔츠, 여아 티셔츠, kids t-shirt | 베베드피노
    아동 내복/잠옷 | 아동내복, 유아 내복, 키즈 잠옷, 수면조끼, kids pajama | 첨이첨이
    아동 원피스 | 여아 원피스, 아동 원피스, 키즈 드레스, 공주 원피스, girls dress | 베베드피노
    아동 아우터 | 아동 점퍼, 키즈 패딩, 유아 바람막이, 아동 코트 | 노스페이스키즈
  유아동 신발 @kids_shoes
    아동 운동화 | 아동 운동화, 키즈 운동화, 유아 운동화, 찍찍이 운동화 | 휠라키즈
  목욕/스킨케어 @baby_cosmetics
    유아 샴푸/바스 | 아기 샴푸, 유아 바디워시, 베이비 바스, 탑투토, baby wash | 궁중비책, 아토팜, 존슨즈베이비
    유아 로션/크림 | 아기 로션, 유아 크림, 아기 보습크림, baby lotion | 아토팜, 궁중비책
    아기욕조 @baby_goods | 아기 욕조, 신생아 욕조, 접이식 욕조, 목욕의자, baby bath tub
식품 #59258
  과일 @fresh_food
    사과 | 사과, 부사, 홍로, 꿀사과, apple
    배 | 배, 신고배, 나주배, pear
    감귤/만감류 | 귤, 감귤, 제주 감귤, 한라봉, 천혜향, 레드향, 황금향, tangerine
    포도/샤인머스캣 | 포도, 샤인머스캣, 캠벨, 거봉, grape, shine muscat
    딸기 | 딸기, 설향, 킹스베리, 죽향, strawberry
    바나나/열대과일 | 바나나, 망고, 파인애플, 아보카도, 키위, banana, mango | 델몬트, 돌, 제스프리
  채소 @fresh_food
    양파/마늘/대파 | 양파, 깐마늘, 다진마늘, 대파, 쪽파, 생강, onion, garlic
    감자/고구마 | 감자, 고구마, 꿀고구마, 호박고구마, 밤고구마, potato, sweet potato
    샐러드/쌈채소 | 샐러드, 양상추, 로메인, 상추, 깻잎, 쌈채소, 어린잎, salad
    버섯 | 버섯, 표고버섯, 새송이, 느타리, 팽이버섯, mushroom
  쌀/잡곡 @fresh_food
    백미 | 쌀, 백미, 신동진, 추청, 햅쌀, rice
    현미/잡곡 | 현미, 찹쌀, 잡곡, 혼합잡곡, 귀리, 보리, 렌틸콩, 흑미, brown rice, grains
  축산 @fresh_food
    소고기 | 한우, 소고기, 등심, 안심, 채끝, 차돌박이, 수입 소고기, beef
    돼지고기 | 돼지고기, 삼겹살, 목살, 앞다리살, 한돈, 대패삼겹, pork
    닭고기 | 닭고기, 생닭, 닭다리, 닭볶음탕용, 닭안심, chicken | 하림, 마니커
    계란 | 계란, 달걀, 유정란, 특란, 구운계란, 메추리알, egg
  수산 @fresh_food
    생선 | 고등어, 갈치, 연어, 굴비, 삼치, 생선, 순살 생선, fish, salmon
    새우/게/조개 | 새우, 대하, 칵테일새우, 꽃게, 대게, 킹크랩, 홍합, 바지락, 전복, shrimp, crab
    건어물 | 건어물, 멸치, 볶음멸치, 마른오징어, 쥐포, 북어채, 황태, dried fish
  면/라면 @processed_food
    봉지라면 | 라면, 봉지라면, 멀티팩 라면, 짜장라면, 비빔면, ramen, instant noodle | 농심, 오뚜기, 삼양, 팔도
    컵라면 | 컵라면, 용기면, 큰사발, 작은컵, cup noodle | 농심, 오뚜기, 삼양
    국수/파스타면 | 소면, 국수, 칼국수면, 냉면, 파스타면, 스파게티면, 우동면, noodle, pasta | 청정원, 풀무원
  즉석/간편식 @processed_food
    즉석밥 | 즉석밥, 햇반, 컵밥, 현미밥, instant rice | CJ제일제당, 오뚜기
    국/탕/찌개 | 즉석국, 육개장, 사골곰탕, 레토르트 국, 찌개 밀키트, soup | 비비고, 오뚜기, 피코크
    냉동만두 | 만두, 냉동만두, 왕교자, 물만두, 김치만두, dumpling | 비비고, 풀무원, 해태
    냉동 간편식 | 냉동피자, 냉동 볶음밥, 치킨너겟, 돈까스, 떡볶이 밀키트, frozen meal | 사세, 고메
    햄/소시지 | 햄, 스팸, 소시지, 비엔나, 베이컨, 리챔, ham, sausage | 목우촌, 동원
    통조림 | 참치캔, 통조림, 꽁치캔, 골뱅이, 옥수수캔, canned tuna | 동원, 사조
    닭가슴살 | 닭가슴살, 훈제 닭가슴살, 닭가슴살 스테이크, 소스 닭가슴살, chicken breast | 아임닭, 허닭, 맛있닭
  과자/간식 @processed_food
    스낵 | 과자, 스낵, 감자칩, 새우깡, 허니버터칩, snack, chips | 농심, 오리온, 롯데웰푸드, 해태
    쿠키/비스킷 | 쿠키, 비스킷, 크래커, 샌드, 초코파이, cookie | 오리온, 로아커
    초콜릿 | 초콜릿, 초콜렛, 다크초콜릿, 카카오, chocolate | 페레로로쉐, 허쉬, 가나, 킨더
    사탕/젤리/껌 | 사탕, 젤리, 구미, 껌, 캔디, 마이쮸, jelly, candy, gum | 하리보, 트롤리
    견과류 | 견과류, 하루견과, 아몬드, 호두, 캐슈넛, 마카다미아, nuts | 산과들에, 머거본, 바프
  음료 @processed_food
    생수 | 생수, 먹는샘물, 무라벨 생수, water | 제주삼다수, 아이시스, 백산수, 스파클
    탄산음료 | 콜라, 사이다, 제로콜라, 환타, 탄산음료, soda, coke | 코카콜라, 펩시, 칠성사이다
    주스 | 주스, 과일주스, 오렌지주스, 착즙주스, 토마토주스, juice | 델몬트, 썬키스트
    이온/에너지음료 | 이온음료, 스포츠음료, 에너지드링크, 에너지음료 | 포카리스웨트, 게토레이, 파워에이드, 몬스터, 레드불
  커피/차 @processed_food
    원두커피 | 원두, 원두커피, 홀빈, 분쇄원두, 드립백, coffee bean | 테라로사, 커피빈
    인스턴트/스틱커피 | 믹스커피, 커피믹스, 스틱커피, 아메리카노 스틱, instant coffee | 맥심, 카누, 네스카페
    캡슐커피 | 캡슐커피, 네스프레소 호환 캡슐, 돌체구스토 캡슐, coffee capsule | 네스프레소, 돌체구스토, 일리
    녹차/티백 | 녹차, 티백, 보리차, 둥굴레차, 옥수수수염차, 허브티, 홍차, tea bag | 오설록, 트와이닝스, 립톤
  유제품 @processed_food
    우유 | 우유, 흰우유, 멸균우유, 저지방우유, 락토프리, milk | 서울우유, 매일우유, 남양
    요거트 | 요거트, 요구르트, 그릭요거트, 떠먹는 요구르트, yogurt | 빙그레, 풀무원
    치즈 | 치즈, 슬라이스 치즈, 모짜렐라, 스트링치즈, 체다, cheese | 상하, 덴마크
  장/양념/소스 @processed_food
    고추장/된장/쌈장 | 고추장, 된장, 쌈장, 청국장, 장류 | 해찬들, 순창
    간장 | 간장, 진간장, 국간장, 양조간장, soy sauce | 샘표, 몽고
    식용유/참기름 | 식용유, 카놀라유, 올리브유, 참기름, 들기름, 아보카도오일, cooking oil | 백설, 오뚜기
    설탕/소금/조미료 | 설탕, 소금, 천일염, 굵은소금, 맛소금, 다시다, 조미료, sugar, salt | 백설, 청정원
    소스/드레싱 | 소스, 케찹, 마요네즈, 굴소스, 돈까스소스, 드레싱, 스리라차, sauce, ketchup | 하인즈, 이금기
  김치/반찬 @processed_food
    김치 | 김치, 포기김치, 배추김치, 총각김치, 열무김치, 깍두기, kimchi | 종가, 비비고
    반찬/젓갈 | 반찬, 장아찌, 젓갈, 명란젓, 오징어젓, 깻잎지, side dish
    조미김 | 김, 조미김, 도시락김, 전장김, 재래김, 김자반, seaweed | 양반, 광천김
주방용품 #80285
  조리도구 @kitchen
    프라이팬 | 프라이팬, 후라이팬, 궁중팬, 계란말이팬, 인덕션 프라이팬, 코팅팬, frying pan | 테팔, 해피콜, 키친아트
    냄비 | 냄비, 양수냄비, 편수냄비, 전골냄비, 스텐냄비, 뚝배기, pot | 휘슬러, 해피콜
    압력솥 | 압력솥, 스텐 압력솥, 가스 압력솥, pressure cooker | PN풍년, 휘슬러
    칼/도마 | 식칼, 주방칼, 과도, 칼세트, 도마, 원목도마, knife, cutting board | 헹켈, 쌍둥이칼
    주방 조리도구 | 뒤집개, 국자, 주걱, 집게, 실리콘 조리도구, 거품기, kitchen utensil
  식기 @kitchen
    접시/그릇 | 접시, 그릇, 식기세트, 공기, 대접, 면기, 홈세트, plate, bowl | 코렐, 한국도자기, 이딸라
    머그/컵 | 머그컵, 유리컵, 와인잔, 컵세트, mug, glass cup
    수저/커트러리 | 수저세트, 숟가락, 젓가락, 포크, 커트러리, spoon, chopsticks
  보관/밀폐용기 @kitchen
    밀폐용기 | 밀폐용기, 반찬통, 유리용기, 김치통, 냉동보관 용기, food container | 락앤락, 글라스락, 코멕스
    텀블러/보온병 | 텀블러, 보온병, 보냉컵, thermos, tumbler | 스탠리, 써모스, 조지루시
    물병/보틀 | 물병, 보틀, 트라이탄 물병, 워터보틀, water bottle | 날진
  주방잡화 @kitchen
    위생장갑/랩/호일 | 위생장갑, 위생팩, 랩, 호일, 지퍼백, 일회용 비닐장갑, plastic wrap | 크린랩
    수세미/행주 | 수세미, 행주, 스펀지 수세미, 극세사 행주, scrub | 스카치브라이트
  주방가전 @kitchen_appliance
    전기밥솥 | 전기밥솥, 압력밥솥, IH밥솥, 6인용 밥솥, rice cooker | 쿠쿠, 쿠첸
    에어프라이어 | 에어프라이어, 에어프라이기, 오븐형 에어프라이어, air fryer | 코스오리, 닌자
    전기포트 | 전기포트, 전기주전자, 커피포트, 무선포트, electric kettle | 보국
    믹서기/블렌더 | 믹서기, 블렌더, 핸드블렌더, 초고속 블렌더, 착즙기, 원액기, blender, juicer | 휴롬, 바이타믹스
    커피머신 | 커피머신, 에스프레소 머신, 캡슐머신, 전자동 커피머신, 커피메이커, coffee machine | 드롱기, 브레빌
    전자레인지/오븐 | 전자레인지, 광파오븐, 미니오븐, 전기오븐, microwave
    토스터/와플메이커 | 토스터, 토스트기, 와플메이커, 샌드위치메이커, toaster | 스메그
    정수기 | 정수기, 냉온정수기, 직수 정수기, water purifier | 코웨이, 청호나이스, SK매직
생활용품 #63897
  세제 @chem
    세탁세제
      액체세제 | 액체세제, 액상 세탁세제, 드럼용 세제, 일반용 세제, liquid laundry detergent | 퍼실, 테크, 리큐, 비트
      가루세제 | 가루세제, 분말세제, 세탁 가루, powder detergent | 스파크
      캡슐/시트세제 | 캡슐세제, 시트세제, 세탁볼, 세제 시트, laundry pods | 타이드, 에리얼
      표백제
        분말형 #63955 | 분말 표백제, 가루형 표백제, 과탄산소다, 산소계 표백제 가루, 분말 살균표백제 | 유한젠, 옥시크린
        액상형 #63954 | 액체 표백제, 액체형 표백제, 액상 산소표백제, 색깔옷 표백제, 액상 살균표백제 | 유한젠, 옥시크린
    섬유유연제
      일반 섬유유연제 #63950 | 섬유유연제, 섬유린스, 유연제, 고농축 유연제, fabric softener | 다우니, 피죤, 샤프란, 스너글
    주방세제 | 주방세제, 설거지 세제, 친환경 주방세제, dish soap | 자연퐁, 트리오, 프릴, 슈가버블
    식기세척기 세제 | 식기세척기 세제, 식세기 세제, 식세기 타블렛, dishwasher tablet | 피니시
    청소세제
      락스/살균소독제 #63922 @biocide | 락스, 살균제, 소독제, 곰팡이 제거제, 살균 스프레이, bleach disinfectant | 유한락스
      욕실세정제 | 욕실 세정제, 변기 세정제, 타일 청소, 물때 제거, bathroom cleaner | 홈스타, 매직클린
      다목적 세정제 | 다목적 세정제, 기름때 제거제, 주방 세정제, 유리세정제, multi cleaner
  화장지/물티슈 @paper
    두루마리 화장지 | 화장지, 두루마리 휴지, 롤휴지, 3겹 화장지, toilet paper | 깨끗한나라, 잘풀리는집, 크리넥스, 코디
    키친타올 | 키친타월, 키친타올, 행주타올, kitchen towel
    미용티슈 | 각티슈, 미용티슈, 곽티슈, 휴대용 티슈, 갑티슈, facial tissue
    물티슈 @wipes | 물티슈, 일반 물티슈, 휴대용 물티슈, 대용량 물티슈, wet wipes | 코멧
  구강용품 @oral
    치약 | 치약, 미백치약, 잇몸치약, 불소치약, toothpaste | 2080, 페리오, 센소다인, 부광
    칫솔 | 칫솔, 미세모 칫솔, 초극세모, toothbrush
    전동칫솔 @small_appliance | 전동칫솔, 음파칫솔, 칫솔모 리필, electric toothbrush | 소닉케어, 오랄비
    치실/치간칫솔 | 치실, 치간칫솔, dental floss | 덴티스테
    구강청결제 | 가글, 구강청결제, mouthwash | 리스테린, 가그린
  욕실용품 @household
    수건/타올 | 수건, 타올, 호텔수건, 세면타올, 답례품 수건, towel | 송월타월
    샤워기/샤워헤드 | 샤워기, 샤워헤드, 필터 샤워기, 수전, shower head
    욕실 소품 | 비누받침, 칫솔꽂이, 욕실매트, 욕실 선반, 샤워커튼, bath mat
  생리대/위생용품 @hygiene
    생리대 | 생리대, 중형 생리대, 오버나이트, 팬티라이너, 입는 오버나이트, sanitary pad | 좋은느낌, 화이트, 라엘, 바디피트
    성인용 기저귀 | 성인기저귀, 요실금 팬티, 실버 기저귀, adult diaper | 디펜드, 테나
  수납/정리 @household
    수납박스/리빙박스 | 리빙박스, 수납함, 정리함, 수납박스, 플라스틱 서랍, storage box
    옷걸이 | 옷걸이, 논슬립 옷걸이, 바지걸이, 벨벳 옷걸이, hanger
  청소용품 @household
    밀대/청소포 | 밀대, 청소포, 물걸레 청소포, 정전기 청소포, 부직포 밀대, mop
    고무장갑 | 고무장갑, 라텍스장갑, 니트릴 장갑, rubber gloves | 마미손
    쓰레기봉투/휴지통 | 쓰레기봉투, 비닐봉투, 휴지통, 분리수거함, trash bag
  세탁용품 @household
    빨래건조대 | 빨래건조대, 건조대, 접이식 건조대, 스텐 건조대, drying rack
  해충퇴치 @biocide
    살충제/모기약 | 살충제, 모기약, 모기향, 바퀴벌레약, 개미약, 훈증기, 리퀴드 모기향, insecticide | 에프킬라, 홈키파, 컴배트
  방향/탈취 @chem
    실내 방향제 | 방향제, 실내 방향제, 화장실 방향제, 자동분사 방향제, air freshener | 글레이드
    섬유탈취제 | 섬유탈취제, 탈취 스프레이, 냄새 제거, odor eliminator | 페브리즈
    제습제 | 제습제, 옷장 제습제, 습기제거제, 습기 흡수, dehumidifier pack | 물먹는하마
홈인테리어 #77834
  가구 @furniture
    침실가구
      침대 프레임 | 침대, 침대프레임, 퀸 침대, 저상형 침대, 수납침대, 패밀리침대, bed frame | 한샘, 일룸, 에이스침대
      매트리스 | 매트리스, 스프링 매트리스, 라텍스 매트리스, 메모리폼 매트리스, mattress | 시몬스, 삼분의일, 지누스
    거실가구
      소파 | 소파, 쇼파, 3인용 소파, 리클라이너, 패브릭 소파, 가죽소파, sofa | 자코모, 까사미아
      거실장/TV장 | 거실장, TV장, 티비다이, 낮은 수납장, tv stand
      테이블 | 거실 테이블, 좌식테이블, 소파테이블, 사이드테이블, 접이식 테이블, coffee table
    주방가구
      식탁 | 식탁, 식탁세트, 4인 식탁, 원목식탁, 대리석 식탁, dining table
    수납가구
      옷장/행거 | 옷장, 행거, 드레스룸, 시스템행거, 붙박이장, wardrobe
      서랍장 | 서랍장, 5단 서랍장, 수납장, 협탁, chest of drawers
      책장 | 책장, 선반, 책꽂이, 5단 책장, bookshelf
    서재/사무가구
      책상 | 책상, 컴퓨터 책상, 학생 책상, 모션데스크, 높이조절 책상, desk | 데스커
      의자 | 의자, 사무용 의자, 컴퓨터 의자, 게이밍 의자, 메쉬의자, office chair | 시디즈, 듀오백, 허먼밀러
  침구 @bedding
    이불 | 이불, 차렵이불, 구스이불, 극세사 이불, 여름 이불, 인견, comforter
    베개 | 베개, 경추베개, 메모리폼 베개, 호텔베개, pillow | 템퍼
    매트리스커버/패드 | 매트리스 커버, 방수커버, 침대패드, 토퍼, mattress pad
  커튼/블라인드 @curtain
    커튼 | 커튼, 암막커튼, 레이스 커튼, 거실 커튼, curtain
    블라인드 | 블라인드, 롤스크린, 콤비블라인드, 우드블라인드, blind
  인테리어소품 @deco
    액자 | 액자, 포스터 액자, 사진액자, 그림 액자, frame
    디퓨저/캔들 @deco_scent | 디퓨저, 캔들, 향초, 리드 디퓨저, diffuser, candle | 양키캔들, 코코도르
    벽시계/탁상시계 | 벽시계, 무소음 시계, 탁상시계, 디지털 벽시계, wall clock
    러그/카펫 | 러그, 카펫, 거실 러그, 주방매트, rug
    쿠션/방석 | 쿠션, 방석, 쿠션커버, 등쿠션, cushion
  조명 @lighting
    LED 스탠드 | 스탠드, LED 스탠드, 책상 스탠드, 독서등, desk lamp
    천장등/방등 | 방등, 거실등, LED 방등, 천장등, 센서등, ceiling light
    무드등/장식조명 | 무드등, 수면등, 무드 조명, 줄조명, 앵두전구, mood light
    LED 전구 | 전구, LED 전구, 삼파장 전구, 형광등, light bulb | 오스람
  공구/DIY @tools
    전동공구 | 전동드릴, 충전드릴, 임팩드릴, 그라인더, power drill | 보쉬, 디월트, 마끼다, 계양
    수공구 | 공구세트, 드라이버 세트, 렌치, 망치, 니퍼, tool set | 스탠리
가전디지털 #62588
  TV/영상가전
    TV @tv | TV, 티비, 스마트TV, UHD TV, 4K TV, OLED TV, television | 삼성전자, LG전자, 이노스, 더함
    프로젝터 @projector | 프로젝터, 빔프로젝터, 미니빔, 홈시네마, projector | 엡손, 뷰소닉
  대형가전 @home_appliance
    냉장고 | 냉장고, 양문형 냉장고, 비스포크, 미니냉장고, 소형 냉장고, refrigerator | 삼성전자, LG전자, 위니아
    김치냉장고 | 김치냉장고, 뚜껑형 김치냉장고, 스탠드형 김치냉장고 | 딤채
    세탁기 | 세탁기, 드럼세탁기, 통돌이, 미니세탁기, washing machine | 트롬, 그랑데
    의류건조기 | 건조기, 의류건조기, 히트펌프 건조기, 미니건조기, clothes dryer
    식기세척기 | 식기세척기, 식세기, 12인용 식기세척기, dishwasher | 밀레
  생활가전 @home_appliance
    청소기 | 무선청소기, 진공청소기, 유선청소기, 핸디청소기, 스틱청소기, vacuum cleaner | 다이슨, 코드제로, 제트
    로봇청소기 | 로봇청소기, 물걸레 로봇청소기, robot vacuum | 로보락, 에코백스
    공기청정기 | 공기청정기, 공청기, 헤파필터 청정기, air purifier | 위닉스, 코웨이, 블루스카이, 퓨리케어
    가습기 | 가습기, 초음파 가습기, 가열식 가습기, 복합식 가습기, humidifier | 미로, 케어미스트
    제습기 | 제습기, 대용량 제습기, 소형 제습기, dehumidifier
    다리미/스팀다리미 | 다리미, 스팀다리미, 핸디스티머, 스탠드 다리미, iron, steamer | 테팔
  계절가전 @season_appliance
    에어컨 | 에어컨, 벽걸이 에어컨, 스탠드 에어컨, 창문형 에어컨, 이동식 에어컨, air conditioner | 휘센, 무풍, 캐리어, 파세코
    선풍기/서큘레이터 | 선풍기, 서큘레이터, 무선선풍기, 타워팬, BLDC 선풍기, fan | 신일, 보네이도, 한일
    전기히터/온풍기 | 전기히터, 온풍기, 라디에이터, 컨벡터, 팬히터, heater
    전기요/전기매트 | 전기요, 전기매트, 온수매트, 전기장판, 탄소매트, electric blanket | 일월
  컴퓨터 @computer
    노트북 | 노트북, 울트라북, 게이밍 노트북, 맥북, laptop, notebook | 그램, 갤럭시북, 레노버, 에이수스, 애플
    데스크탑 | 데스크탑, 조립PC, 본체, 일체형 PC, 게이밍 컴퓨터, desktop pc
    모니터 | 모니터, 게이밍 모니터, 144hz, 4K 모니터, monitor | 알파스캔, 델
    태블릿PC | 태블릿, 아이패드, 갤럭시탭, 안드로이드 태블릿, tablet
    프린터/복합기 @office_machine | 프린터, 복합기, 레이저프린터, 잉크젯, 무한잉크, printer | HP, 캐논, 엡손, 브라더
    잉크/토너 @consumable_office | 잉크, 토너, 카트리지, 호환 토너, 정품 잉크, ink cartridge, toner
  PC주변기기
    키보드 @pc_acc | 키보드, 기계식 키보드, 무선 키보드, 블루투스 키보드, keyboard | 로지텍, 앱코, 레오폴드
    마우스 @pc_acc | 마우스, 무선마우스, 게이밍 마우스, 버티컬 마우스, mouse | 로지텍, 레이저
    외장 저장장치 @storage | 외장하드, 외장SSD, 포터블 SSD, external hdd, ssd | 씨게이트, WD
    USB메모리/메모리카드 @storage | USB 메모리, 메모리카드, SD카드, 마이크로SD, usb flash drive | 샌디스크
    공유기/네트워크 @pc_acc | 공유기, 와이파이 공유기, 랜선, 무선랜카드, wifi router | ipTIME, TP-Link
  휴대폰
    스마트폰 @phone | 스마트폰, 자급제폰, 갤럭시, 아이폰, 공기계, smartphone | 삼성전자, 애플
  휴대폰 액세서리
    휴대폰 케이스 @phone_case | 폰케이스, 휴대폰 케이스, 젤리케이스, 범퍼케이스, 카드케이스, phone case | 슈피겐, 케이스티파이
    액정보호필름 @phone_case | 보호필름, 강화유리 필름, 액정필름, 풀커버 필름, screen protector
    충전기/케이블 @charger | 충전기, 고속충전기, 충전 케이블, C타입 케이블, 무선충전기, charger, cable | 앤커, 벨킨
    보조배터리 @charger | 보조배터리, 대용량 보조배터리, 맥세이프 배터리, power bank
  음향기기 @audio
    무선이어폰 | 무선이어폰, 블루투스 이어폰, 에어팟, 버즈, 노이즈캔슬링 이어폰, earbuds | QCY
    헤드폰 | 헤드폰, 블루투스 헤드폰, 노이즈캔슬링 헤드폰, headphones | 보스
    블루투스 스피커 | 스피커, 블루투스 스피커, 휴대용 스피커, 사운드바, speaker | JBL, 마샬
  카메라 @camera
    디지털카메라 | 카메라, 디카, 미러리스, DSLR, 똑딱이, digital camera | 캐논, 니콘, 후지필름
    액션캠 | 액션캠, 360 카메라, action camera | 고프로, 인스타360
  게임
    게임기 @game | 게임기, 닌텐도 스위치, 플스5, 플레이스테이션, 엑스박스, console | 닌텐도
    게임 타이틀 @game_title | 게임 타이틀, 게임 칩, 스위치 게임, ps5 게임, game title
  스마트워치/밴드 @wearable | 스마트워치, 갤럭시워치, 애플워치, 스마트밴드, smart watch | 가민, 샤오미
스포츠/레저 #103371
  헬스/요가 @sports
    요가매트 | 요가매트, TPE 매트, 필라테스 매트, 운동매트, yoga mat
    덤벨/아령 | 덤벨, 아령, 케틀벨, 바벨, 원판, dumbbell
    폼롤러/마사지볼 | 폼롤러, 마사지볼, 스트레칭 롤러, foam roller
    실내자전거/러닝머신 @fitness_machine | 실내자전거, 스핀바이크, 러닝머신, 워킹패드, exercise bike, treadmill
    운동밴드/소도구 | 푸쉬업바, 풀업밴드, 저항밴드, 라텍스 밴드, 악력기, 철봉, resistance band
  스포츠의류 @clothing
    요가복 | 요가복, 필라테스복, 브라탑, 운동복 상의, yoga wear | 젝시믹스, 안다르
    트레이닝복 | 트레이닝복, 츄리닝, 트레이닝 세트, 트랙탑, 운동복 바지, tracksuit | 아디다스, 나이키, 푸마
    래쉬가드/수영복 | 래쉬가드, 수영복, 비키니, 원피스 수영복, 실내수영복, swimsuit, rashguard | 배럴, 아레나, 스피도
  골프 @sports
    골프공 | 골프공, 로스트볼, 골프볼, golf ball | 타이틀리스트, 캘러웨이, 볼빅
    골프클럽 | 드라이버, 아이언, 퍼터, 우드, 골프채, golf club | 테일러메이드, 핑, 젝시오
    골프장갑 | 골프장갑, 양피 골프장갑, golf glove | 풋조이
    골프 거리측정기 | 거리측정기, 레이저 거리측정기, 골프 GPS, rangefinder | 부쉬넬, 보이스캐디
  캠핑 @camping
    텐트 | 텐트, 원터치 텐트, 돔텐트, 타프, 그늘막, tent | 코베아, 콜맨, 스노우피크
    캠핑의자/테이블 | 캠핑의자, 릴렉스체어, 캠핑테이블, 롤테이블, camping chair | 헬리녹스
    침낭/매트 | 침낭, 동계침낭, 에어매트, 자충매트, sleeping bag
    버너/코펠 | 버너, 캠핑버너, 부탄가스, 코펠, 캠핑 냄비, 구이바다, camping stove
    아이스박스 | 아이스박스, 쿨러, 소프트 쿨러, 아이스팩, cooler box | 이글루
  등산
    등산화 @shoes | 등산화, 트레킹화, 고어텍스 등산화, hiking boots | K2, 블랙야크, 캠프라인, 살로몬
    등산스틱 @sports | 등산스틱, 트레킹폴, 트레킹 스틱, trekking pole | 레키, 블랙다이아몬드
    등산복 @clothing | 등산복, 등산자켓, 등산바지, 아웃도어 재킷, hiking jacket | 밀레, 코오롱스포츠
  자전거
    자전거 @bicycle | 자전거, MTB, 로드자전거, 하이브리드 자전거, 접이식 자전거, 픽시, bicycle | 삼천리, 알톤, 자이언트
    전기자전거/킥보드 @e_mobility | 전기자전거, 전동킥보드, e-bike, 전동스쿠터 | 팬텀
  구기/라켓 @sports
    축구용품 | 축구공, 풋살공, 정강이보호대, soccer ball | 스타
    농구/배구공 | 농구공, 배구공, basketball, volleyball | 스팔딩, 몰텐
    배드민턴 | 배드민턴 라켓, 셔틀콕, 배드민턴채, badminton | 요넥스, 빅터
    테니스 | 테니스 라켓, 테니스공, tennis racket | 윌슨, 바볼랏, 헤드
  수영/물놀이 @sports
    수경/수모 | 수경, 물안경, 수모, 수영모자, swimming goggles | 뷰
  낚시 @sports
    낚싯대 | 낚싯대, 루어대, 바다낚시대, 민물낚시대, fishing rod | 바낙스
    낚시릴/소품 | 릴, 스피닝릴, 베이트릴, 낚시바늘, 찌, 루어, fishing reel | 시마노, 다이와
자동차용품 #78647
  차량용 전자기기
    블랙박스 @car_elec | 블랙박스, 2채널 블랙박스, 전후방 블랙박스, dashcam | 아이나비, 파인뷰, 만도
    내비게이션 @navi | 내비게이션, 네비, 거치형 내비, navigation | 아이나비, 파인드라이브
    차량용 충전기 @car_elec | 시거잭 충전기, 차량용 충전기, 고속충전 시거잭, car charger
  차량용 거치대 @car_mount
    차량용 휴대폰 거치대 #78877 | 차량용 거치대, 핸드폰 거치대, 송풍구 거치대, 대시보드 거치대, 무선충전 거치대, car phone holder
  세차용품 @car_chem
    카샴푸/세정제 | 카샴푸, 세차 샴푸, 휠세정제, 철분제거제, 폼건, car wash shampoo | 소낙스, 맥과이어스
    왁스/코팅제 | 왁스, 물왁스, 유리막코팅, 광택제, 코팅제, car wax | 터틀왁스
    세차타올/용품 @car | 세차타올, 드라잉타올, 세차용 극세사, 세차 스펀지, 세차 버킷
  오일/소모품
    엔진오일 @car_chem | 엔진오일, 합성유, 가솔린 엔진오일, 디젤 엔진오일, engine oil | 모빌원, 지크, 캐스트롤, 쉘
    워셔액/첨가제 @car_chem | 워셔액, 사계절 워셔액, 연료첨가제, 요소수, washer fluid | 불스원
    와이퍼 @car | 와이퍼, 와이퍼 블레이드, 하이브리드 와이퍼, 발수 와이퍼, wiper
    에어컨 필터 @car | 에어컨필터, 차량용 필터, 캐빈필터, 카본필터, cabin filter
  실내용품 @car
    시트커버/방석 | 시트커버, 차량 시트 커버, 차량용 방석, 통풍시트, 쿨시트, seat cover
    핸들커버 | 핸들커버, 가죽 핸들커버, steering wheel cover
    차량용 방향제 @car_chem | 차량용 방향제, 송풍구 방향제, 차량용 디퓨저, car air freshener
    햇빛가리개 | 햇빛가리개, 앞유리 가리개, 차량용 커튼, 선쉐이드, sunshade
  타이어/부품
    타이어 @tire | 타이어, 사계절 타이어, 윈터타이어, tire | 한국타이어, 금호타이어, 미쉐린, 넥센
    자동차 배터리 @car | 자동차 배터리, 차량용 배터리, car battery | 델코, 로케트, 쏠라이트
도서/음반/DVD #66679
  국내도서 @book
    소설 | 소설, 장편소설, 한국소설, 추리소설, 판타지 소설, novel | 민음사, 문학동네, 창비
    에세이/시 | 에세이, 산문집, 시집, 감성 에세이, essay, poetry
    자기계발 | 자기계발, 성공, 습관, 리더십, 동기부여, self help
    경제경영 | 경제경영, 주식 책, 투자, 재테크, 마케팅, 부동산 책, business book
    인문/역사 | 인문, 역사책, 철학, 심리학, 한국사, humanities
    어린이 도서 | 그림책, 동화책, 전집, 어린이 도서, 유아 그림책, 학습만화, children's book
    초중고 참고서 | 참고서, 문제집, 수학 문제집, 수능, EBS, 자습서, workbook | 천재교육, 비상교육
    수험서/자격증 | 수험서, 자격증, 공무원 기출, 컴활, 한국사능력검정, 기출문제집 | 시대고시, 에듀윌
    외국어 | 영어 회화, 토익, 일본어 교재, 중국어, 단어장, 외국어 학습 | 해커스, 시원스쿨
    만화 | 만화책, 코믹스, 웹툰 단행본, 만화 세트, comics, manga | 대원씨아이, 학산문화사
  외국도서 @book
    영어원서 | 원서, 영어원서, 영문 소설, 페이퍼백, english book, paperback | Penguin, Scholastic
  음반 @music_media
    K-POP 음반 | 앨범, 아이돌 앨범, 케이팝, 포토북, 미니앨범, 정규앨범, kpop album
    CD/LP | CD, LP, 바이닐, 클래식 음반, 재즈 CD, OST, vinyl record
  DVD/블루레이 @music_media
    영화 DVD/블루레이 | DVD, 블루레이, 4K UHD 블루레이, 영화, blu-ray, 스틸북
완구/취미 #102984
  완구 @toy
    블록/레고 | 레고, 블록, 브릭, 조립블록, lego, building blocks | 레고, 옥스포드
    인형/봉제인형 | 인형, 봉제인형, 애착인형, 곰인형, 바비, 미미인형, plush doll
    역할놀이 | 소꿉놀이, 주방놀이, 병원놀이, 마트놀이, 역할놀이 세트, pretend play
    RC카/무선조종 | RC카, 무선조종, 미니카, 무선 헬기, remote control car
    로봇/변신완구 | 변신로봇, 또봇, 헬로카봇, 미니특공대, 로봇 장난감, robot toy | 영실업, 손오공
    유아 승용완구 | 붕붕카, 승용완구, 유아 자전거, 세발자전거, 아동 킥보드, ride on
    유아 발달완구 | 모빌, 치발기, 딸랑이, 아기체육관, 쏘서, 점퍼루, baby toy | 피셔프라이스
    교육/학습완구 | 학습완구, 자석블록, 가베, 교구, 코딩 로봇, educational toy | 맥포머스
  보드게임/퍼즐 @toy
    보드게임 | 보드게임, 할리갈리, 루미큐브, 젠가, 카드게임, board game | 코리아보드게임즈
    퍼즐 | 직소퍼즐, 퍼즐, 1000피스 퍼즐, 유아 퍼즐, jigsaw puzzle
  취미/수집 @hobby
    프라모델 | 프라모델, 건담, 건프라, 조립 모형, plastic model | 반다이, 아카데미과학
    피규어 | 피규어, 굿즈, 넨도로이드, 스태츄, 아크릴 스탠드, figure
    드론 @drone | 드론, 입문용 드론, 촬영용 드론, 미니드론, drone | DJI, 시마
  악기 @instrument
    기타 | 통기타, 어쿠스틱 기타, 일렉기타, 클래식 기타, guitar | 콜트, 펜더
    디지털피아노/키보드 | 디지털피아노, 전자피아노, 키보드 악기, 88건반, digital piano | 야마하, 롤랜드
    우쿨렐레 | 우쿨렐레, 콘서트 우쿨렐레, ukulele
    관악기/타악기 | 칼림바, 리코더, 하모니카, 카혼, 젬베, 드럼, 오카리나
  파티용품 @party
    풍선/파티장식 | 풍선, 생일 풍선, 파티용품, 가랜드, 은박풍선, 생일 장식, balloon
문구/오피스 #79648
  필기구 @stationery
    볼펜 | 볼펜, 중성펜, 유성볼펜, 젤펜, ballpoint pen | 모나미, 제트스트림, 파이롯트, 제브라
    연필/샤프 | 연필, 샤프, 샤프심, 지우개, mechanical pencil | 스테들러, 펜텔
    마커/형광펜 | 형광펜, 마커, 네임펜, 보드마커, 유성매직, highlighter | 스타빌로
    만년필/고급필기구 | 만년필, 잉크, 고급볼펜, fountain pen | 라미, 파커
  노트/다이어리 @stationery
    노트 | 노트, 스프링노트, 공책, 줄노트, 모눈노트, notebook | 모닝글로리
    다이어리/플래너 | 다이어리, 플래너, 스케줄러, 만년다이어리, planner
    메모지/포스트잇 | 포스트잇, 점착메모지, 메모지, 인덱스 플래그, sticky notes
  학용품/미술 @stationery
    색연필/크레파스 | 색연필, 크레파스, 크레용, 물감, 수채화, colored pencil | 파버카스텔, 동아
    스케치북/드로잉 | 스케치북, 드로잉북, 크로키북, sketchbook
    필통/책받침 | 필통, 펜케이스, 책받침, pencil case
    풀/가위/테이프 | 풀, 딱풀, 가위, 스카치테이프, 양면테이프, 커터칼, glue, scissors
  사무용품 @office
    복사용지 | A4용지, 복사용지, A4, copy paper | 더블에이, 밀크
    파일/바인더 | 파일, 클리어파일, 바인더, L홀더, 서류봉투, file folder
    라벨/스티커용지 | 라벨지, 스티커용지, 라벨테이프, label | 폼텍
    계산기 @calculator | 계산기, 공학용 계산기, 전자계산기, calculator | 카시오
    문서세단기/코팅기 @office_machine | 세단기, 문서세단기, 파쇄기, 코팅기, shredder, laminator
  포장용품 @office
    택배박스/포장재 | 택배박스, 박스, 에어캡, 뽁뽁이, 완충재, OPP 봉투, 택배봉투, shipping box
    박스테이프 | 박스테이프, 포장테이프, 투명테이프, packing tape
반려동물용품 #65799
  강아지용품
    강아지 사료 @pet_food | 강아지사료, 애견사료, 건식사료, 소프트사료, 퍼피 사료, 노견사료, dog food | 로얄캐닌, 뉴트리나, ANF, 오리젠
    강아지 간식 @pet_food | 강아지간식, 애견간식, 개껌, 육포, 져키, 덴탈껌, dog treat
    강아지 배변용품 @pet_goods | 배변패드, 배변판, 강아지 기저귀, 매너벨트, pee pad
    하네스/목줄 @pet_goods | 하네스, 목줄, 리드줄, 자동줄, 인식표, leash
    강아지 옷 @pet_goods | 강아지옷, 애견의류, 강아지 패딩, 올인원, dog clothes
    강아지 장난감 @pet_goods | 강아지 장난감, 노즈워크, 터그놀이, 삑삑이, dog toy
    강아지 하우스/방석 @pet_goods | 강아지 방석, 강아지 집, 하우스, 애견 침대, dog bed
    이동장/유모차 @pet_goods | 이동장, 켄넬, 강아지 가방, 슬링백, 개모차, pet carrier
  고양이용품
    고양이 사료 @pet_food | 고양이사료, 캣사료, 키튼 사료, cat food | 로얄캐닌, 나우, 오리젠
    고양이 간식/캔 @pet_food | 츄르, 고양이 간식, 습식캔, 파우치, cat treat | 이나바
    고양이 모래 @pet_goods | 고양이모래, 벤토나이트, 두부모래, 카사바, cat litter
    캣타워/스크래쳐 @pet_goods | 캣타워, 스크래쳐, 캣폴, 숨숨집, cat tree
    고양이 장난감 @pet_goods | 낚싯대 장난감, 고양이 장난감, 레이저포인터, 캣닢, cat toy
  반려동물 건강/위생
    반려동물 영양제 @pet_food | 강아지 영양제, 고양이 영양제, 관절 영양제, 반려동물 유산균, pet supplement
    반려동물 목욕/미용 @pet_goods | 강아지 샴푸, 고양이 샴푸, 빗, 발톱깎이, 미용가위, pet shampoo
    급식기/급수기 @pet_goods | 급식기, 자동급식기, 급수기, 식기, 밥그릇, pet feeder
  관상어용품
    수조/어항 @pet_goods | 어항, 수조, 여과기, 수족관 히터, aquarium
    관상어 사료 @pet_food | 열대어 사료, 금붕어 밥, 구피 사료, fish food
헬스/건강식품 #73132
  건강기능식품 @health_food
    종합비타민 | 종합비타민, 멀티비타민, 멀티미네랄, multivitamin | 센트룸, 얼라이브, 솔가
    비타민C | 비타민C, 비타민씨, 메가도스, vitamin c | 고려은단
    비타민D | 비타민D, 비타민디, vitamin d, d3
    오메가3 | 오메가3, rTG 오메가3, 크릴오일, 식물성 오메가3, omega 3 | 스포츠리서치
    유산균 | 유산균, 프로바이오틱스, 프리바이오틱스, 생유산균, probiotics | 락토핏
    홍삼 | 홍삼, 홍삼정, 홍삼스틱, 6년근, red ginseng | 정관장, 한삼인
    루테인 | 루테인, 지아잔틴, 눈 영양제, 아스타잔틴, lutein
    밀크씨슬 | 밀크씨슬, 간 영양제, 실리마린, milk thistle
    콜라겐 | 콜라겐, 저분자 콜라겐, 피쉬콜라겐, 엘라스틴, collagen
    칼슘/마그네슘 | 칼슘, 마그네슘, 아연, 칼마디, 철분, calcium, magnesium
    다이어트 보조제 | 다이어트, 가르시니아, 체지방 감소, 카테킨, diet supplement
  건강식품 @processed_food
    프로틴/단백질 보충제 | 프로틴, 단백질 보충제, 웨이프로틴, 단백질 쉐이크, 게이너, protein powder | 마이프로틴, 옵티멈
    즙/진액 | 양배추즙, 흑마늘즙, 배도라지즙, 진액, 양파즙, 건강즙
    꿀/로얄젤리 | 꿀, 벌꿀, 아카시아꿀, 사양벌꿀, 로얄젤리, honey
  의료/건강용품
    혈압계/체온계 @medical | 혈압계, 체온계, 귀 체온계, 비접촉 체온계, 산소포화도 측정기, thermometer | 오므론
    혈당측정기 @medical | 혈당측정기, 혈당 스트립, 채혈침, 당뇨 측정기, glucose meter
    보건용 마스크 @hygiene | 마스크, KF94, KF80, 보건용 마스크, 비말차단 마스크, 덴탈마스크, mask
    찜질/온열용품 @medical | 찜질팩, 온열찜질기, 온열 매트, 쿨링패치, heat pack
    안마기 @massager | 마사지건, 안마기, 목 마사지기, 발마사지기, 안마의자, massage gun | 바디프랜드, 브레오, 휴테크
    보호대/교정용품 @medical | 무릎보호대, 손목보호대, 허리보호대, 자세교정밴드, knee brace
"""

# -- building ----------------------------------------------------------------------------------


@dataclass
class _Node:
    name: str
    depth: int
    code: int | None
    profile: str | None
    keywords: list[str]
    brands: list[str]
    line: int
    parent: _Node | None = None
    children: list[_Node] = field(default_factory=list)

    @property
    def path(self) -> str:
        names: list[str] = []
        node: _Node | None = self
        while node is not None:
            names.append(node.name)
            node = node.parent
        return ">".join(reversed(names))

    def effective_profile(self) -> str | None:
        node: _Node | None = self
        while node is not None:
            if node.profile:
                return node.profile
            node = node.parent
        return None


def _split_list(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def parse(outline: str) -> list[_Node]:
    """The roots of the outline, children linked."""
    roots: list[_Node] = []
    stack: list[_Node] = []
    for number, raw in enumerate(outline.splitlines(), 1):
        if not raw.strip():
            continue
        indent = len(raw) - len(raw.lstrip(" "))
        if indent % 2:
            raise ValueError(f"line {number}: indentation must be a multiple of two spaces")
        depth = indent // 2 + 1
        head, *rest = raw.strip().split("|")
        name_parts: list[str] = []
        code: int | None = None
        profile: str | None = None
        for token in head.split():
            if token.startswith("#") and token[1:].isdigit():
                code = int(token[1:])
            elif token.startswith("@"):
                profile = token[1:]
                if profile not in PROFILES:
                    raise ValueError(f"line {number}: unknown profile {profile!r}")
            else:
                name_parts.append(token)
        node = _Node(
            name=" ".join(name_parts),
            depth=depth,
            code=code,
            profile=profile,
            keywords=_split_list(rest[0]) if rest else [],
            brands=_split_list(rest[1]) if len(rest) > 1 else [],
            line=number,
        )
        if depth > MAX_DEPTH:
            raise ValueError(f"line {number}: deeper than {MAX_DEPTH} levels")
        del stack[depth - 1 :]
        if len(stack) != depth - 1:
            raise ValueError(f"line {number}: indented more than one level below its parent")
        if stack:
            node.parent = stack[-1]
            stack[-1].children.append(node)
        else:
            roots.append(node)
        stack.append(node)
    return roots


def _walk(nodes: list[_Node]) -> list[_Node]:
    out: list[_Node] = []
    for node in nodes:
        out.append(node)
        out += _walk(node.children)
    return out


def _draw_code(path: str, taken: set[int]) -> int:
    """A code drawn from the seed and the path: stable when other nodes come and go."""
    attempt = 0
    while True:
        digest = hashlib.sha256(f"{SEED}|{path}|{attempt}".encode()).digest()
        code = CODE_LOW + int.from_bytes(digest[:8], "big") % (CODE_HIGH - CODE_LOW)
        if code not in taken:
            return code
        attempt += 1


def _leaf_meta(profile_name: str) -> dict[str, Any]:
    profile = PROFILES[profile_name]
    return {
        "isAllowSingleItem": profile.single,
        "attributes": profile_name,
        "noticeCategories": list(profile.notices),
        "requiredDocumentNames": profile.documents,
        "certifications": profile.certifications,
        "allowedOfferConditions": list(profile.offers),
    }


def build() -> dict[str, Any]:
    roots = parse(OUTLINE)
    nodes = _walk(roots)
    taken = {n.code for n in nodes if n.code is not None}
    if len(taken) != sum(n.code is not None for n in nodes):
        raise ValueError("a pinned code is used twice")
    for node in nodes:
        if node.code is None:
            node.code = _draw_code(node.path, taken)
            taken.add(node.code)
    paths = [n.path for n in nodes]
    if len(set(paths)) != len(paths):
        raise ValueError("two nodes share a path")
    out_nodes: list[dict[str, Any]] = []
    used: set[str] = set()
    for node in nodes:
        entry: dict[str, Any] = {
            "code": node.code,
            "name": node.name,
            "parent": node.parent.code if node.parent else None,
            "status": "ACTIVE",
        }
        if not node.children:
            profile_name = node.effective_profile()
            if profile_name is None:
                raise ValueError(f"line {node.line}: leaf {node.path!r} has no profile")
            if not node.keywords:
                raise ValueError(f"line {node.line}: leaf {node.path!r} has no keywords")
            entry["keywords"] = node.keywords
            entry["brands"] = node.brands
            entry["meta"] = _leaf_meta(profile_name)
            used.add(profile_name)
        elif node.keywords or node.brands:
            raise ValueError(f"line {node.line}: only leaves carry keywords and brands")
        out_nodes.append(entry)
    return {
        "format": 1,
        "generator": "scripts/build_category_catalog.py",
        "seed": SEED,
        "noticeCategories": {
            name: [{"noticeCategoryDetailName": d, "required": r} for d, r in details]
            for name, details in NOTICES.items()
        },
        "attributeSets": {name: PROFILES[name].attributes for name in sorted(used)},
        "certificationSets": CERTIFICATION_SETS,
        "requiredDocumentSets": DOCUMENT_SETS,
        "nodes": out_nodes,
    }


def render(catalog: dict[str, Any]) -> str:
    """Compact JSON with one node per line (readable diffs, small file)."""

    def dump(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    head = {k: v for k, v in catalog.items() if k != "nodes"}
    lines = ["{"]
    for key, value in head.items():
        lines.append(f"{dump(key)}:{dump(value)},")
    lines.append('"nodes":[')
    lines.append(",\n".join(dump(node) for node in catalog["nodes"]))
    lines.append("]}")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    catalog = build()
    text = render(catalog)
    leaves = [n for n in catalog["nodes"] if "meta" in n]
    summary = f"{len(catalog['nodes'])} nodes, {len(leaves)} leaves"
    if "--check" in argv:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print(f"{OUT} is stale ({summary}): run scripts/build_category_catalog.py")
            return 1
        print(f"{OUT} is current ({summary})")
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({summary}, {len(text.encode()) // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
