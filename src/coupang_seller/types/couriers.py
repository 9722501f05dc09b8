"""Courier (delivery company) codes of the Coupang seller Open API.

Derived from the courier-code table of the developer docs (season 2) and the
official Java SDK enum, which adds a few codes the table lacks. Defunct couriers
(merged or closed) stay in the table: old data and old clients still send them.
The list is open-ended upstream; unknown codes are tolerated when *reading* and
refused only when *writing* a shipping place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import get_args

from coupang_seller.types.codes import ReturnAutoPickupCourierCode


@dataclass(frozen=True, slots=True)
class Courier:
    """A courier (택배사): its deliveryCompanyCode, name and whether it is defunct."""

    code: str
    name: str
    defunct: bool = False
    from_docs_table: bool = True


COURIERS: dict[str, Courier] = {
    "HYUNDAI": Courier("HYUNDAI", "롯데택배"),
    "KGB": Courier("KGB", "로젠택배"),
    "EPOST": Courier("EPOST", "우체국"),
    "HANJIN": Courier("HANJIN", "한진택배"),
    "CJGLS": Courier("CJGLS", "CJ대한통운"),
    "KOREX": Courier("KOREX", "대한통운[합병]", defunct=True),
    "KGBPS": Courier("KGBPS", "KGB택배"),
    "KDEXP": Courier("KDEXP", "경동택배"),
    "DONGBU": Courier("DONGBU", "드림택배(구 KG로지스)", defunct=True),
    "INNOGIS": Courier("INNOGIS", "GTX로지스[폐업]", defunct=True),
    "ILYANG": Courier("ILYANG", "일양택배"),
    "CHUNIL": Courier("CHUNIL", "천일택배"),
    "AJOU": Courier("AJOU", "아주택배"),
    "CSLOGIS": Courier("CSLOGIS", "SC로지스"),
    "DAESIN": Courier("DAESIN", "대신택배"),
    "CVS": Courier("CVS", "CVS택배"),
    "HDEXP": Courier("HDEXP", "합동택배"),
    "DHL": Courier("DHL", "DHL"),
    "UPS": Courier("UPS", "UPS"),
    "FEDEX": Courier("FEDEX", "FEDEX"),
    "REGISTPOST": Courier("REGISTPOST", "우편등기"),
    "DIRECT": Courier("DIRECT", "업체직송"),
    "COUPANG": Courier("COUPANG", "쿠팡자체배송"),
    "IQS": Courier("IQS", "굿스포스트", defunct=True),
    "EMS": Courier("EMS", "우체국 EMS"),
    "TNT": Courier("TNT", "TNT"),
    "USPS": Courier("USPS", "USPS"),
    "IPARCEL": Courier("IPARCEL", "i-parcel"),
    "GSMNTON": Courier("GSMNTON", "GSM NtoN"),
    "SWGEXP": Courier("SWGEXP", "성원글로벌"),
    "PANTOS": Courier("PANTOS", "범한판토스"),
    "ACIEXPRESS": Courier("ACIEXPRESS", "ACI Express"),
    "DAEWOON": Courier("DAEWOON", "대운글로벌"),
    "AIRBOY": Courier("AIRBOY", "에어보이익스프레스"),
    "KGLNET": Courier("KGLNET", "KGL네트웍스"),
    "KUNYOUNG": Courier("KUNYOUNG", "건영택배"),
    "SLX": Courier("SLX", "SLX택배"),
    "HONAM": Courier("HONAM", "호남택배"),
    "LINEEXPRESS": Courier("LINEEXPRESS", "LineExpress"),
    "TWOFASTEXP": Courier("TWOFASTEXP", "2FastsExpress"),
    "ECMS": Courier("ECMS", "ECMS익스프레스"),
    "SELC": Courier("SELC", "삼성직배송"),
    "WONDERS": Courier("WONDERS", "원더스퀵"),
    "YONGMA": Courier("YONGMA", "용마로지스"),
    "SEBANG": Courier("SEBANG", "세방택배"),
    "NHLOGIS": Courier("NHLOGIS", "농협택배"),
    "LOTTEGLOBAL": Courier("LOTTEGLOBAL", "롯데글로벌"),
    "GSIEXPRESS": Courier("GSIEXPRESS", "GSI익스프레스"),
    "EFS": Courier("EFS", "EFS"),
    "DHLGLOBALMAIL": Courier("DHLGLOBALMAIL", "DHL GlobalMail"),
    "BGF": Courier("BGF", "BGF", from_docs_table=False),
    "DAEHAN": Courier("DAEHAN", "DAEHAN", from_docs_table=False),
    "ETC": Courier("ETC", "ETC", from_docs_table=False),
    "GTX": Courier("GTX", "GTX", from_docs_table=False),
    "KYUNGDONG": Courier("KYUNGDONG", "KYUNGDONG", from_docs_table=False),
    "LOGEN": Courier("LOGEN", "LOGEN", from_docs_table=False),
    "YELLOWCAP": Courier("YELLOWCAP", "YELLOWCAP", from_docs_table=False),
}

#: Couriers that can be contracted as a return center's automatic pick-up courier.
#: The same set as the :data:`~coupang_seller.types.codes.ReturnAutoPickupCourierCode` type.
RETURN_PICKUP_COURIERS: frozenset[str] = frozenset(get_args(ReturnAutoPickupCourierCode))

#: Couriers whose remote-area (Jeju / islands and mountains) surcharge is capped at 20,000 won;
#: every other courier is capped at 70,000 won.
LOW_CAP_REMOTE_FEE_COURIERS: frozenset[str] = frozenset(("HYUNDAI", "CJGLS", "HANJIN"))
REMOTE_FEE_MIN = 1_000
REMOTE_FEE_MAX_LOW = 20_000
REMOTE_FEE_MAX_HIGH = 70_000


def remote_fee_cap(courier_code: str) -> int:
    """Highest remote-area surcharge (won) the courier may carry."""
    return (
        REMOTE_FEE_MAX_LOW if courier_code in LOW_CAP_REMOTE_FEE_COURIERS else REMOTE_FEE_MAX_HIGH
    )
