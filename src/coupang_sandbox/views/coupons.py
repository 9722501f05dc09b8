"""Coupons as Coupang's JSON: contracts and budgets, instant coupons and their items (``fms``),
downloadable coupons and their bulk answers (``marketplace_openapi``), and the request status
of either kind.

Pure functions of the backend's rows (:mod:`coupang_sandbox.backends.coupons`): the routes
call them and wrap the result in the provider's envelope.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from coupang_sandbox.backends.coupons import (
    DOWNLOAD,
    ContractBudget,
    CouponDetail,
    CouponItem,
    CouponPage,
    DownloadCoupon,
    DownloadResult,
    InstantCoupon,
    ItemPage,
    OrderCoupon,
    Row,
    kst,
)
from coupang_sandbox.clock import from_us
from coupang_sandbox.state import coupons as st
from coupang_seller.preflight import coupons as rules


def shown(value: Any) -> str | None:
    """``yyyy-MM-dd HH:mm:ss`` (Korean time) of a stored timestamp."""
    return None if value is None else rules.format_date(kst(from_us(int(value))))


def fms_pagination(page: int, size: int, total: int) -> dict[str, int]:
    """An fms list's ``pagination`` object."""
    return {
        "currentPage": page,
        "countPerPage": size,
        "totalPages": (total + size - 1) // size if total else 0,
        "totalElements": total,
    }


# -- contracts and budgets -------------------------------------------------------------------


def contract(row: Row) -> dict[str, Any]:
    """A contract as the contract APIs show it."""
    doc = dict(row["doc"] or {})
    return {
        "contractId": int(row["contract_id"]),
        "vendorContractId": int(row["vendor_contract_id"]),
        "sellerId": row["vendor_id"],
        "sellerShareRatio": doc.get("sellerShareRatio", 100),
        "coupangShareRatio": doc.get("coupangShareRatio", 0),
        "gmvRatio": doc.get("gmvRatio", 0),
        "start": shown(row["start_us"]),
        "end": shown(row["end_us"]),
        "type": row["type"],
        # The field table says usedBudget, the samples useBudget: both, always true.
        "useBudget": True,
        "usedBudget": True,
        "modifiedAt": shown(row["modified_at_us"]),
        "modifiedBy": doc.get("modifiedBy", "sandbox"),
    }


def seeded_contract(row: Row) -> dict[str, Any]:
    """The control API's answer to a seeded contract: the contract and its monthly budget."""
    return {**contract(row), "budgetPerMonth": int(row["budget_per_month"])}


def budget(entry: ContractBudget) -> dict[str, Any]:
    """One contract's budget for a month."""
    row = entry.contract
    return {
        "contractId": int(row["contract_id"]),
        "targetMonth": entry.target_month,
        "vendorShareRatio": (row["doc"] or {}).get("sellerShareRatio", 100),
        "totalBudgetAmount": int(row["budget_per_month"]),
        "usedBudgetAmount": entry.used,
    }


# -- instant coupons ---------------------------------------------------------------------------


def coupon(entry: InstantCoupon) -> dict[str, Any]:
    """An instant coupon (with its contract's ``vendorContractId``)."""
    row, of = entry.coupon, entry.contract
    doc = dict(row["doc"] or {})
    return {
        "contractId": int(row["contract_id"]),
        "vendorContractId": None if of is None else int(of["vendor_contract_id"]),
        "couponId": int(row["coupon_id"]),
        "promotionName": doc.get("name") or doc.get("title"),
        "status": row["status"],
        "type": row["discount_type"],
        "maxDiscountPrice": int(row["max_discount_price"]),
        "discount": int(row["discount"]),
        "startAt": shown(row["start_us"]),
        "endAt": shown(row["end_us"]),
    }


def coupon_page(page: CouponPage) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """A page of instant coupons and its ``pagination``."""
    content = [coupon(entry) for entry in page.coupons]
    return content, fms_pagination(page.page, page.size, page.total)


def item(entry: CouponItem) -> dict[str, Any]:
    """A coupon item: its status follows its own state and the coupon's."""
    row, of = entry.item, entry.coupon
    return {
        "couponItemId": int(row["coupon_item_id"]),
        "couponId": int(row["coupon_id"]),
        "vendorItemId": int(row["vendor_item_id"]),
        "startAt": shown(of["start_us"]),
        "endAt": shown(of["end_us"]),
        "status": st.item_status(str(row["state"]), str(of["status"])),
    }


def item_page(page: ItemPage) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """A page of coupon items and its ``pagination``."""
    content = [item(entry) for entry in page.items]
    return content, fms_pagination(page.page, page.size, page.total)


def order_coupons(entries: Sequence[OrderCoupon]) -> list[dict[str, Any]]:
    """The coupons applied to an order's lines, one entry per line and coupon."""
    return [
        {
            **coupon(entry.coupon),
            "vendorItemId": entry.vendor_item_id,
            "couponType": entry.coupon_type,
            "discountAmount": entry.discount,
        }
        for entry in entries
    ]


def request(row: Row) -> dict[str, Any]:
    """A coupon request's outcome (``GET v1/.../requested/{requestedId}``)."""
    payload = dict(row["payload"] or {})
    result = dict(row["result"] or {})
    failed = list(result.get("failedVendorItems") or [])
    total = result.get("total")
    if total is None:
        total = len(payload.get("vendorItems") or []) or 1
    return {
        "couponId": None if row["coupon_id"] is None else int(row["coupon_id"]),
        "requestedId": row["requested_id"],
        "type": row["type"],
        "status": row["status"],
        "total": int(total),
        "succeeded": int(result.get("succeeded") or 0),
        "failed": int(result.get("failed") or 0),
        "failedVendorItems": failed,
    }


# -- downloadable coupons ----------------------------------------------------------------------


def _policies_shown(doc: Mapping[str, Any], key: str) -> list[dict[str, Any]]:
    out = []
    for policy in doc.get("policies") or []:
        entry = dict(policy)
        daily = entry.pop("maximumPerDaily", None)
        entry[key] = daily
        out.append(entry)
    return out


def download(entry: DownloadCoupon) -> dict[str, Any]:
    """A downloadable coupon as its lookup shows it."""
    row = entry.coupon
    doc = dict(row["doc"] or {})
    return {
        "couponId": int(row["coupon_id"]),
        "vendorId": row["vendor_id"],
        "title": doc.get("title"),
        "couponType": DOWNLOAD,
        "couponStatus": row["status"],
        "publishedDate": doc.get("publishedDate") or "",
        "startDate": shown(row["start_us"]),
        "endDate": shown(row["end_us"]),
        "lastModifiedBy": doc.get("userId"),
        "lastModifiedDate": shown(row["modified_at_us"]),
        "appliedOptionCount": entry.applied,
        "usageAmount": int(doc.get("usageAmount") or 0),
        # The create answer spells the daily cap maximumPerDaily, the lookup maximumPerDay.
        "couponPolicies": _policies_shown(doc, "maximumPerDay"),
    }


def download_created(row: Row) -> dict[str, Any]:
    """The answer to a downloadable coupon's creation: not yet published, and the daily cap
    spelled ``maximumPerDaily``."""
    shown_row = download(DownloadCoupon(row, 0))
    shown_row["publishedDate"] = None
    shown_row["couponPolicies"] = _policies_shown(dict(row["doc"] or {}), "maximumPerDaily")
    return shown_row


def download_result(entry: DownloadResult) -> dict[str, Any]:
    """One entry of a downloadable-coupon bulk answer: SUCCESS with the transaction to poll,
    or FAIL with Coupang's BAD_REQUEST and the reason."""
    if entry.error is not None:
        return {
            "requestResultStatus": "FAIL",
            "body": {"couponId": entry.coupon_id},
            "errorCode": "BAD_REQUEST",
            "errorMessage": entry.error,
        }
    return {
        "requestResultStatus": "SUCCESS",
        "body": {"couponId": entry.coupon_id, "requestTransactionId": entry.transaction},
        "errorCode": None,
        "errorMessage": None,
    }


def download_results(entries: Sequence[DownloadResult]) -> list[dict[str, Any]]:
    """A downloadable-coupon bulk answer: an array, one entry per coupon asked."""
    return [download_result(entry) for entry in entries]


def transaction(row: Row) -> dict[str, Any]:
    """A downloadable coupon's request (``GET .../coupons/transactionStatus``)."""
    base = request(row)
    return {
        "transactionStatusResponse": {
            "type": base["type"],
            "total": base["total"],
            "succeeded": base["succeeded"],
            "status": base["status"],
            "requestedId": base["requestedId"],
            "couponFailedVendorItemIdResponses": [
                {"vendorItemId": f["vendorItemId"], "failureReason": f["reason"]}
                for f in base["failedVendorItems"]
            ],
            "failed": base["failed"],
            "couponId": base["couponId"],
        }
    }


# -- control -----------------------------------------------------------------------------------


def detail(entry: CouponDetail) -> dict[str, Any]:
    """The control API's view of a coupon (either kind) with its items and usage."""
    row = entry.coupon
    return {
        **coupon(InstantCoupon(row, entry.contract)),
        "kind": row["kind"],
        "usageAmount": int((row["doc"] or {}).get("usageAmount") or 0),
        "items": [item(CouponItem(i, row)) for i in entry.items],
    }
