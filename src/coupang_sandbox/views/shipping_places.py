"""Shipping places as Coupang's JSON: an outbound shipping place (출고지), a return center
(반품지) and a list's ``pagination``.

The backend stores each place's rendering (:func:`outbound_doc`, :func:`return_center_doc`)
with the row at write time, so the list reads splice the stored JSON text into the answer.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from coupang_sandbox.clock import from_us
from coupang_sandbox.responses import dumps
from coupang_seller._constants import KST
from coupang_seller.preflight import shipping_places as rules
from coupang_seller.types.couriers import COURIERS


def _kst_date(ms: int) -> str:
    return from_us(ms * 1000).astimezone(KST).strftime("%Y/%m/%d")


def pagination(page_num: int, page_size: int, total: int) -> dict[str, int]:
    """A list's ``pagination`` object."""
    return {
        "currentPage": page_num,
        "totalPages": math.ceil(total / page_size) if page_size else 0,
        "totalElements": total,
        "countPerPage": page_size,
    }


def outbound(row: Mapping[str, Any]) -> dict[str, Any]:
    """An outbound shipping place (``createDate`` as ``yyyy/MM/dd`` KST)."""
    return {
        "outboundShippingPlaceCode": int(row["code"]),
        "shippingPlaceName": row["name"],
        "global": bool(row["is_global"]),
        "placeAddresses": list(row["addresses"]),
        "remoteInfos": [dict(info) for info in row["remote_infos"]],
        "createDate": _kst_date(int(row["created_at_ms"])),
        "usable": bool(row["usable"]),
    }


def outbound_doc(row: Mapping[str, Any]) -> str:
    """:func:`outbound` as the JSON text stored with the row."""
    return dumps(outbound(row))


def return_center(row: Mapping[str, Any]) -> dict[str, Any]:
    """A return center: the courier's name, the goodsflow contract (always approved here), the
    return fees and the addresses."""
    courier = COURIERS.get(row["deliver_code"])
    fees = row["fees"] or {}
    return {
        "vendorId": row["vendor_id"],
        "returnCenterCode": row["code"],
        "shippingPlaceName": row["name"],
        "deliverCode": row["deliver_code"],
        "deliverName": courier.name if courier else row["deliver_code"],
        "goodsflowStatus": "승인",
        "errorMessage": "",
        "createdAt": int(row["created_at_ms"]),
        **{key: fees.get(key) for key in rules.RETURN_FEE_FIELDS},
        "usable": bool(row["usable"]),
        "placeAddresses": list(row["addresses"]),
    }


def return_center_doc(row: Mapping[str, Any]) -> str:
    """:func:`return_center` as the JSON text stored with the row."""
    return dumps(return_center(row))
