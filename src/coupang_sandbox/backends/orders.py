"""Orders (주문) and shipment boxes (발주서): seller reads and actions, and the customer and
courier of the control API.

Every operation loads rows, applies a rule (the pure functions of
:mod:`coupang_seller.preflight.orders`, shared with the SDK, and the transition table of
:mod:`coupang_sandbox.state.order`) and persists, in one transaction.

Time is the sandbox clock. Nothing runs in the background: an order becomes visible to the
seller once ``paid + order_visible_after_seconds`` has passed (a filter of every seller read),
the safe numbers read as expired ``safe_number_ttl_seconds`` after delivery (computed when
presented), and the automatic courier scans (``courier_pickup_seconds`` /
``courier_delivery_seconds``, off by default) are applied lazily before any read or change of
the vendor's boxes, stamped with the instant they were due.

Bulk actions (acknowledgement, invoice upload and update) answer per ``shipmentBoxId`` inside
HTTP 200 (``responseCode`` 0 / 1 / 99), never all-or-nothing; a box that fails changes
nothing.
"""

from __future__ import annotations

import re
import secrets
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any, Final

from sqlalchemy import Connection
from sqlalchemy.engine import RowMapping

from coupang_sandbox import faults
from coupang_sandbox.backends._ids import parse_id
from coupang_sandbox.backends.coupons import apply_download_coupons
from coupang_sandbox.backends.coupons import discounts_for as coupon_discounts_for
from coupang_sandbox.clock import SandboxClock, from_us, to_us
from coupang_sandbox.errors import (
    BadRequest,
    Conflict,
    NotFound,
    SandboxError,
    TransitionNotAllowed,
    ValidationFailed,
    must_exist,
)
from coupang_sandbox.settings import SandboxSettings
from coupang_sandbox.state import order as st
from coupang_sandbox.store import Store
from coupang_sandbox.store import orders as db
from coupang_sandbox.store import products as product_db
from coupang_sandbox.store import repo as r
from coupang_seller._constants import KST
from coupang_seller.preflight import Violation
from coupang_seller.preflight import orders as rules
from coupang_seller.preflight._core import as_bool, as_id, as_int, id_violation

Row = Mapping[Any, Any]

ORDER_ID_START: Final = 20_000_000_000_001
#: 18 digits, as Coupang's shipmentBoxIds have been since 2024-11.
SHIPMENT_BOX_ID_START: Final = 100_000_000_000_000_001
ORDER_ITEM_ID_START: Final = 1
HISTORY_ID_START: Final = 1
INVOICE_ID_START: Final = 1
RECEIPT_ID_START: Final = 400_000_001

#: Regions of a receiver's postcode: the SDK's remote-area table (one source of truth).
MAINLAND: Final = rules.MAINLAND
JEJU: Final = rules.JEJU
ISLAND: Final = rules.ISLAND

SPLIT_NONE: Final = "NONE"
SPLIT_NORMAL: Final = "NORMAL"
SPLIT_SPLIT: Final = "SPLIT"

RELEASE_STOP_UNCHECKED: Final = "RELEASE_STOP_UNCHECKED"
RETURNS_UNCHECKED: Final = "RETURNS_UNCHECKED"
RETURNS_COMPLETED: Final = "RETURNS_COMPLETED"

MSG_CANNOT_CHANGE = "배송상태를 변경할 수 없습니다. 주문내역을 확인해주세요."
MSG_NO_ORDER = "주문 정보가 없습니다."
MSG_PARTIAL_CANCEL = "부분 취소는 불가능합니다."
MSG_TOO_MANY = "취소 가능한 개수보다 요청한 개수가 더 많습니다."
MSG_NOT_CANCELLABLE = "해당 벤더아이템이 결제완료/상품지시 중 상태가 아닙니다."
MSG_STOPPED = "출고중지완료요청이 성공하였습니다"
MSG_ALREADY_SHIPPED = "이미출고 상태변경이 성공하였습니다."

#: InvoiceApplyResultCode -> (retryRequired, Coupang's text).
RESULT_CODES: Final[dict[str, tuple[bool, str]]] = {
    "OK": (False, "성공"),
    "NOT_FOUND_SHIPMENT_BOX": (False, "존재하지 않는 송장번호입니다."),
    "INVALID_STATUS": (False, "배송진행상태가 유효하지 않습니다."),
    "PERMISSION_DENIED": (True, "권한이 없습니다."),
    "DUPLICATE_INVOICE_NUMBER": (True, "이미 저장된 송장번호가 있습니다."),
    "INVALID_INVOICE_NUMBER": (True, "송장번호가 유효하지 않습니다."),
    "ORDER_DELIVERY_CANCELED": (False, "취소된 주문건입니다."),
    "ORDER_DELIVERY_PARTIAL_STOP_REQUESTED": (True, "출고중지 요청건입니다."),
    "NOT_FOUND_INVOICE_NUMBER": (
        False,
        "이미 출고 예정일이 등록된 상품이어서 운송장 번호를 입력하셔야 합니다.",
    ),
    "NOT_FOUND_VENDOR_ITEM": (False, "합포장건 중 누락된 상품이 있습니다."),
    "NOT_ALLOW_VENDOR_DIRECT": (False, "업체직송은 분리배송 할 수 없습니다."),
    "PSD_NOT_ALLOW_TO_CHANGE": (False, "출고예정일은 최초 등록 이후 변경 할 수 없습니다."),
    "NOT_ALLOW_SEPARATE_AFTER_NORMAL_DELIVERY": (
        False,
        "일반배송 접수 후 분리배송을 다시 할 수 없습니다.",
    ),
    "IS_SEPARATE_MUST_BE_TRUE_WHEN_SEPARATE_DELIVERY": (
        False,
        "분리배송 접수 후 일반배송으로 처리 할 수 없습니다. 분리배송 여부를 Y로 수정하시기 바랍니다.",
    ),
    "NOT_ALLOW_SEPARATE_WHEN_ONE_VENDOR_ITEM": (
        False,
        "상품이 한가지인 경우 분리배송 할 수 없습니다.",
    ),
}
#: Rule of a line/box violation -> InvoiceApplyResultCode.
RULE_RESULT_CODES: Final[dict[str, str]] = {
    "split_direct": "NOT_ALLOW_VENDOR_DIRECT",
    "split_flag_mixed": "IS_SEPARATE_MUST_BE_TRUE_WHEN_SEPARATE_DELIVERY",
    "duplicate_item": "NOT_FOUND_VENDOR_ITEM",
    "box_orders": "NOT_FOUND_SHIPMENT_BOX",
}

COURIER_NAMES: Final[dict[str, str]] = {
    "HYUNDAI": "롯데택배",
    "KGB": "로젠택배",
    "EPOST": "우체국",
    "HANJIN": "한진택배",
    "CJGLS": "CJ 대한통운",
    "KDEXP": "경동택배",
    "ILYANG": "일양택배",
    "CHUNIL": "천일택배",
    "DAESIN": "대신택배",
    "CVS": "CVS택배",
    "HDEXP": "합동택배",
    "DIRECT": "업체직송",
    "COUPANG": "쿠팡자체배송",
}

_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[ +]\d{2}:?\d{2}|Z)?$")
_MINUTE = re.compile(r"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(?:([ +-])(\d{2}):?(\d{2})|Z)?$")


# -- small helpers -----------------------------------------------------------------------------


def region_of(post_code: str | None) -> str:
    """MAINLAND, JEJU (63000-63644) or ISLAND (도서산간): the SDK's table
    (:func:`coupang_seller.preflight.orders.remote_region`)."""
    return rules.remote_region(post_code or "")


def wire(moment: datetime | None, sep: str = "T") -> str | None:
    if moment is None:
        return None
    return moment.astimezone(KST).strftime(f"%Y-%m-%d{sep}%H:%M:%S")


def kst_day(moment: datetime) -> str:
    return moment.astimezone(KST).strftime("%Y-%m-%d")


def parse_day(text: str | None, name: str) -> tuple[date | None, list[Violation]]:
    """``yyyy-MM-dd`` (an ``+09:00`` offset, as current clients send, is accepted)."""
    if text is None or not text.strip():
        return None, [Violation(name, "required", f"{name} is required (yyyy-MM-dd)")]
    match = _DAY.match(text.strip())
    if match is None:
        return None, [Violation(name, "format", f"{name} must be yyyy-MM-dd (got {text!r})")]
    try:
        return date.fromisoformat(match.group(1)), []
    except ValueError:
        return None, [Violation(name, "format", f"{name} is not a calendar date ({text!r})")]


def parse_minute(text: str | None, name: str) -> tuple[datetime | None, list[Violation]]:
    """``yyyy-MM-ddTHH:mm`` (seconds and a ``+09:00`` offset accepted), Korean time by default."""
    if text is None or not text.strip():
        return None, [Violation(name, "required", f"{name} is required (yyyy-MM-ddTHH:mm)")]
    match = _MINUTE.match(text.strip())
    if match is None:
        return None, [Violation(name, "format", f"{name} must be yyyy-MM-ddTHH:mm (got {text!r})")]
    try:
        naive = datetime.fromisoformat(match.group(1))
    except ValueError:
        return None, [Violation(name, "format", f"{name} is not a valid time ({text!r})")]
    tz: timezone = KST
    if match.group(2):
        sign = -1 if match.group(2) == "-" else 1
        tz = timezone(sign * timedelta(hours=int(match.group(3)), minutes=int(match.group(4))))
    elif text.strip().endswith("Z"):
        tz = UTC
    return naive.replace(tzinfo=tz), []


def _invoice_text(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value.strip() if isinstance(value, str) else ""


def _active(item: Row) -> int:
    """Items still to ship (ordered minus cancelled)."""
    return int(item["shipping_count"]) - int(item["cancel_count"])


def _safe_number() -> str:
    return f"0502-{secrets.randbelow(9000) + 1000}-{secrets.randbelow(9000) + 1000}"


def _shown_status(box: Row) -> str:
    if box["status"] == st.CANCEL:
        return str(box["status_before_cancel"] or st.ACCEPT)
    return str(box["status"])


#: Coupang's refusal of an invoice number already used (order invoices and pickup invoices).
MSG_DUPLICATE_INVOICE: Final = RESULT_CODES["DUPLICATE_INVOICE_NUMBER"][1]


def invoice_in_use(
    conn: Connection, courier: str, number: str, now: datetime, *, order_id: int | None
) -> str | None:
    """Why ``courier`` + ``number`` cannot be used now, or None when it can; the number stays
    locked until the caller's transaction ends (:func:`~coupang_sandbox.store.orders.invoice_claim`).

    Taken within six months (:func:`~coupang_seller.preflight.orders.invoice_duplicate_cutoff`):
    by an order invoice of another order (``order_id`` None: of any order) or by a pickup
    invoice a seller registered (``return-exchange-invoices/manual``). ``DIRECT`` (업체직송) is
    never tracked, so never a duplicate.
    """
    from coupang_sandbox.store import returns as return_db  # the table registers on import

    if courier == rules.DIRECT:
        return None
    # Every caller writes the number next, in this transaction: lock it first (other processes'
    # uses of the same number wait here, then see this one).
    db.invoice_claim(conn, courier, number, to_us(now))
    cutoff = to_us(rules.invoice_duplicate_cutoff(now))
    for use in db.invoice_uses(conn, courier, number, cutoff):
        if order_id is None or int(use["order_id"]) != order_id:
            owner = "another order" if order_id is not None else f"orderId {use['order_id']}"
            return (
                f"{courier} {number} was uploaded for {owner} "
                f"on {kst_day(from_us(int(use['uploaded_at_us'])))}; an invoice number cannot "
                "be reused within 6 months (DIRECT is the fallback: no tracking)"
            )
    for pickup in return_db.pickup_invoice_uses(conn, courier, number, cutoff):
        return (
            f"{courier} {number} is the pickup invoice (회수 송장) of receiptId "
            f"{pickup['receipt_id']} since {kst_day(from_us(int(pickup['registered_at_us'])))}; "
            "an invoice number cannot be reused within 6 months"
        )
    return None


@dataclass(slots=True)
class BoxResult:
    shipment_box_id: int | None
    code: str = "OK"
    message: str | None = None

    @property
    def succeed(self) -> bool:
        return self.code == "OK"

    def as_dict(self) -> dict[str, Any]:
        retry, text = RESULT_CODES.get(self.code, (True, self.code))
        message = self.message
        if not self.succeed and message is None:
            message = text
        return {
            "shipmentBoxId": self.shipment_box_id,
            "succeed": self.succeed,
            "resultCode": self.code,
            "retryRequired": False if self.succeed else retry,
            "resultMessage": message,
        }


class BoxRefused(Exception):
    """A box of a bulk action fails with an InvoiceApplyResultCode (nothing changes)."""

    def __init__(self, code: str, detail: str | None = None) -> None:
        text = RESULT_CODES.get(code, (True, code))[1]
        super().__init__(text if detail is None else f"{text} ({detail})")
        self.code = code
        self.message = str(self)


def bulk_response(results: Sequence[BoxResult], *, key: bool = False) -> dict[str, Any]:
    ok = sum(1 for result in results if result.succeed)
    if not results:
        code, message = -1, "NONE"
    elif ok == len(results):
        code, message = 0, "SUCCESS"
    elif ok:
        code, message = 1, "PARTIAL_ERROR"
    else:
        code, message = 99, "FAILED"
    data: dict[str, Any] = {}
    if key:
        data["responseKey"] = secrets.randbelow(2**62)
    data.update(
        {
            "responseCode": code,
            "responseMessage": message,
            "responseList": [result.as_dict() for result in results],
        }
    )
    return data


def state_message(box: Row, event: str, korean: str = MSG_CANNOT_CHANGE) -> str:
    status = str(box["status"])
    allowed = st.allowed_states(event)
    return (
        f"{korean} (shipmentBoxId {box['shipment_box_id']} is {status} "
        f"({st.status_name(status)}); '{event}' is allowed only in {', '.join(allowed)})"
    )


@dataclass
class CancelOutcome:
    code: str
    message: str
    data: dict[str, Any]


# -- presentation ------------------------------------------------------------------------------


def _completed_returns(conn: Connection, box_ids: Sequence[int]) -> dict[tuple[int, int], int]:
    """Quantities of completed returns (RETURNS_COMPLETED) per (shipmentBoxId, vendorItemId).

    Cancels and stop-shipments add to ``cancel_count`` when applied; a return is refunded on
    its completion, so the sheets show it as cancelled from then on (derived on read: the
    return backend never writes the order items). One query for a whole page of boxes.
    """
    found: dict[tuple[int, int], int] = {}
    completed = db.receipts_of_boxes(
        conn, box_ids, receipt_type="RETURN", receipt_status=RETURNS_COMPLETED
    )
    for receipt in completed:
        if receipt["release_stop_status"] == "처리(출고중지)":  # already in cancel_count
            continue
        for entry in receipt["items"]:
            key = (int(receipt["shipment_box_id"]), int(entry["vendorItemId"]))
            found[key] = found.get(key, 0) + int(entry["count"])
    return found


def _with_returns(
    items: Sequence[Row], returned: Mapping[tuple[int, int], int]
) -> list[dict[str, Any]]:
    """Item rows with completed returns added to ``cancel_count`` (for presentation only)."""
    left = dict(returned)
    shown = []
    for item in items:
        row = dict(item)
        key = (int(item["shipment_box_id"]), int(item["vendor_item_id"]))
        take = min(left.get(key, 0), _active(item))
        if take > 0:
            row["cancel_count"] = int(item["cancel_count"]) + take
            left[key] -= take
        shown.append(row)
    return shown


def present_item(item: Row) -> dict[str, Any]:
    doc = item["doc"] or {}
    count = _active(item)
    price = int(item["sales_price"])
    uploaded = item["invoice_uploaded_at_us"]
    return {
        "vendorItemPackageId": 0,
        "vendorItemPackageName": doc.get("sellerProductName"),
        "productId": int(item["product_id"] or 0),
        "vendorItemId": int(item["vendor_item_id"]),
        "vendorItemName": doc.get("vendorItemName"),
        "shippingCount": count,
        "salesPrice": price,
        "orderPrice": price * count,
        # Coupon discounts of the line (instant + downloadable), 0 without any.
        "discountPrice": int(doc.get("instantCouponDiscount") or 0)
        + int(doc.get("downloadableCouponDiscount") or 0),
        "externalVendorSkuCode": doc.get("externalVendorSkuCode"),
        "etcInfoHeader": None,
        "etcInfoValue": None,
        "etcInfoValues": [],
        "sellerProductId": int(item["seller_product_id"]),
        "sellerProductName": doc.get("sellerProductName"),
        "sellerProductItemName": doc.get("sellerProductItemName"),
        "firstSellerProductItemName": doc.get("sellerProductItemName"),
        "cancelCount": int(item["cancel_count"]),
        "holdCountForCancel": int(item["hold_count_for_cancel"]),
        "estimatedShippingDate": item["estimated_shipping_date"],
        "plannedShippingDate": item["planned_shipping_date"],
        "invoiceNumberUploadDate": "" if uploaded is None else wire(from_us(int(uploaded))),
        "extraProperties": doc.get("extraProperties") or {},
        "pricingBadge": False,
        "usedProduct": bool(doc.get("usedProduct")),
        "confirmDate": None,
        "deliveryChargeTypeName": doc.get("deliveryChargeTypeName") or "무료",
        "canceled": _active(item) <= 0,
    }


def present_sheet(
    order: Row, box: Row, items: Sequence[Row], *, now: datetime, settings: SandboxSettings
) -> dict[str, Any]:
    orderer = dict(order["orderer"] or {})
    receiver = dict(order["receiver"] or {})
    delivered = box["delivered_at_us"]
    if delivered is not None:
        expires = from_us(int(delivered)) + timedelta(seconds=settings.safe_number_ttl_seconds)
        if now >= expires:
            orderer["safeNumber"] = ""
            receiver["safeNumber"] = ""
    courier = box["delivery_company_code"]
    in_transit = box["in_transit_at_us"]
    return {
        "shipmentBoxId": int(box["shipment_box_id"]),
        "orderId": int(order["order_id"]),
        "orderedAt": wire(from_us(int(order["ordered_at_us"]))),
        "orderer": {
            "name": orderer.get("name"),
            # Since 2024-08 Coupang returns the orderer's email as "".
            "email": "",
            "safeNumber": orderer.get("safeNumber"),
            "ordererNumber": None,
        },
        "paidAt": wire(from_us(int(order["paid_at_us"]))),
        "status": _shown_status(box),
        "shippingPrice": int(box["shipping_price"]),
        "remotePrice": None if box["remote_price"] is None else int(box["remote_price"]),
        "remoteArea": bool(box["remote_area"]),
        "parcelPrintMessage": order["parcel_print_message"],
        "splitShipping": box["split_mode"] == SPLIT_SPLIT,
        "ableSplitShipping": box["split_mode"] != SPLIT_NORMAL
        and len({int(i["vendor_item_id"]) for i in items if _active(i) > 0}) > 1,
        "receiver": {
            "name": receiver.get("name"),
            "safeNumber": receiver.get("safeNumber"),
            "receiverNumber": None,
            "addr1": receiver.get("addr1"),
            "addr2": receiver.get("addr2"),
            "postCode": receiver.get("postCode"),
        },
        "orderItems": [present_item(item) for item in items],
        "overseaShippingInfoDto": {
            "personalCustomsClearanceCode": "",
            "ordererSsn": "",
            "ordererPhoneNumber": "",
        },
        "deliveryCompanyName": None if courier is None else COURIER_NAMES.get(courier, courier),
        "deliveryCompanyCode": courier,
        "invoiceNumber": box["invoice_number"] or "",
        "inTrasitDateTime": "" if in_transit is None else wire(from_us(int(in_transit)), " "),
        "deliveredDate": "" if delivered is None else wire(from_us(int(delivered)), " "),
        "refer": order["refer"],
        "isCod": False,
        "extraProperties": {},
    }


# -- the backend -------------------------------------------------------------------------------


@dataclass
class Orders:
    store: Store
    clock: SandboxClock
    settings: SandboxSettings

    def _now(self) -> datetime:
        return self.clock.now().astimezone(UTC)

    # -- plumbing ---------------------------------------------------------------------

    def _history(self, conn: Connection, box_id: int, status: str, at: datetime) -> None:
        db.history_insert(
            conn,
            {
                "id": r.next_id(conn, "shipment_history", HISTORY_ID_START),
                "shipment_box_id": box_id,
                "status": status,
                "at_us": to_us(at),
            },
        )

    def _move(
        self,
        conn: Connection,
        box: Row,
        event: str,
        at: datetime,
        values: Mapping[str, Any] | None = None,
    ) -> str:
        """Apply ``event`` to ``box`` (a :class:`TransitionNotAllowed` propagates)."""
        status = st.shipment_box.apply(str(box["status"]), event)
        update: dict[str, Any] = {"status": status, "updated_at_us": to_us(at), **(values or {})}
        if status == st.CANCEL:
            update["status_before_cancel"] = box["status"]
        db.box_update(conn, int(box["shipment_box_id"]), update)
        if status != box["status"]:
            self._history(conn, int(box["shipment_box_id"]), status, at)
        return status

    def _settle(self, conn: Connection, vendor_id: str | None) -> None:
        """Apply the automatic courier scans that are due (see the module doc)."""
        if (
            self.settings.courier_pickup_seconds is None
            and self.settings.courier_delivery_seconds is None
        ):
            return
        now_us = to_us(self._now())
        for box in db.boxes_due(conn, vendor_id, now_us):
            current: Row = box
            pickup = box["pickup_due_us"]
            if pickup is not None and int(pickup) <= now_us and box["status"] == st.DEPARTURE:
                at = from_us(int(pickup))
                seconds = self.settings.courier_delivery_seconds
                due = None if seconds is None else to_us(at + timedelta(seconds=seconds))
                self._move(
                    conn,
                    box,
                    st.PICKUP,
                    at,
                    {"pickup_due_us": None, "in_transit_at_us": to_us(at), "delivery_due_us": due},
                )
                current = {**box, "status": st.DELIVERING, "delivery_due_us": due}
            else:
                db.box_update(conn, int(box["shipment_box_id"]), {"pickup_due_us": None})
            delivery = current["delivery_due_us"]
            if delivery is not None and int(delivery) <= now_us:
                if current["status"] == st.DELIVERING:
                    at = from_us(int(delivery))
                    self._move(
                        conn,
                        current,
                        st.DELIVERED,
                        at,
                        {"delivery_due_us": None, "delivered_at_us": to_us(at)},
                    )
                else:
                    db.box_update(conn, int(box["shipment_box_id"]), {"delivery_due_us": None})

    def _settle_reads(self, conn: Connection, vendor_id: str | None) -> None:
        """Before a read of order sheets: the due courier scans, then the due automatic
        return pickups (``return_pickup_seconds``): a quick-refund return completes at its
        pickup and shows on the sheet as cancelled, whatever the seller reads first."""
        self._settle(conn, vendor_id)
        if self.settings.return_pickup_seconds is None:
            return
        from coupang_sandbox.backends.returns import Returns  # the returns module imports this one

        Returns(self.store, self.clock, self.settings)._settle(conn, vendor_id)

    def _pickup_due(self, at: datetime) -> int | None:
        seconds = self.settings.courier_pickup_seconds
        return None if seconds is None else to_us(at + timedelta(seconds=seconds))

    def _visible_box(
        self, conn: Connection, vendor_id: str, box_id: int | None, *, lock: bool = False
    ) -> RowMapping | None:
        if box_id is None:
            return None
        box = db.box_get(conn, box_id, vendor_id, lock=lock)
        if box is None or int(box["visible_at_us"]) > to_us(self._now()):
            return None
        return box

    def _sheets(self, conn: Connection, boxes: Sequence[Row]) -> list[dict[str, Any]]:
        if not boxes:
            return []
        ids = [int(b["shipment_box_id"]) for b in boxes]
        items = db.items_of_boxes(conn, ids)
        order_ids = list({int(b["order_id"]) for b in boxes})
        orders = db.orders_by_ids(conn, order_ids)
        returned = _completed_returns(conn, ids)
        now = self._now()
        return [
            present_sheet(
                orders[int(b["order_id"])],
                b,
                _with_returns(items[int(b["shipment_box_id"])], returned),
                now=now,
                settings=self.settings,
            )
            for b in boxes
        ]

    # -- seller reads -----------------------------------------------------------------

    def list_daily(
        self,
        vendor_id: str,
        status: str,
        start: date,
        end: date,
        *,
        after: int | None,
        limit: int,
    ) -> tuple[list[dict[str, Any]], str]:
        begin = datetime(start.year, start.month, start.day, tzinfo=KST)
        stop = datetime(end.year, end.month, end.day, tzinfo=KST) + timedelta(days=1)
        with self.store.engine.begin() as conn:
            self._settle_reads(conn, vendor_id)
            boxes, more = db.boxes_page(
                conn,
                vendor_id,
                status=status,
                paid_from_us=to_us(begin),
                paid_to_us=to_us(stop),
                visible_by_us=to_us(self._now()),
                after_box_id=after,
                limit=limit,
            )
            sheets = self._sheets(conn, boxes)
        token = str(boxes[-1]["shipment_box_id"]) if more and boxes else ""
        return sheets, token

    def list_time_frame(
        self, vendor_id: str, status: str, start: datetime, end: datetime
    ) -> list[dict[str, Any]]:
        with self.store.engine.begin() as conn:
            self._settle_reads(conn, vendor_id)
            boxes, _ = db.boxes_page(
                conn,
                vendor_id,
                status=status,
                paid_from_us=to_us(start),
                # The minute of createdAtTo is included.
                paid_to_us=to_us(end + timedelta(minutes=1))
                if end.second == 0
                else to_us(end + timedelta(seconds=1)),
                visible_by_us=to_us(self._now()),
                after_box_id=None,
                limit=None,
            )
            return self._sheets(conn, boxes)

    def _box_or_404(self, conn: Connection, vendor_id: str, id_text: object) -> RowMapping:
        box = self._visible_box(conn, vendor_id, parse_id(id_text))
        if box is None:
            raise BadRequest(
                f"shipmentBoxId ({id_text}) is not found. (no order sheet of vendor {vendor_id} "
                "with this id; new orders appear about 10 minutes after payment)"
            )
        return box

    def sheet(self, vendor_id: str, id_text: object) -> dict[str, Any]:
        with self.store.engine.begin() as conn:
            self._settle_reads(conn, vendor_id)
            return self._sheets(conn, [self._box_or_404(conn, vendor_id, id_text)])[0]

    def sheets_of_order(self, vendor_id: str, id_text: object) -> list[dict[str, Any]]:
        order_id = parse_id(id_text)
        with self.store.engine.begin() as conn:
            self._settle_reads(conn, vendor_id)
            order = None if order_id is None else db.order_get(conn, order_id, vendor_id)
            if order is None or int(order["visible_at_us"]) > to_us(self._now()):
                raise BadRequest(f"{MSG_NO_ORDER} (orderId {id_text} of vendor {vendor_id})")
            return self._sheets(conn, db.boxes_of_order(conn, int(order["order_id"])))

    def history(self, vendor_id: str, id_text: object) -> dict[str, Any]:
        """The box's delivery-status history, newest first, in ``OrderSheetStatus`` codes only.

        A cancel is not a delivery status (the box keeps the one it had, see
        :mod:`coupang_sandbox.state.order`), so the sandbox's own ``CANCEL`` rows are left out.
        """
        with self.store.engine.begin() as conn:
            self._settle_reads(conn, vendor_id)
            box = self._box_or_404(conn, vendor_id, id_text)
            rows = db.history_of(conn, int(box["shipment_box_id"]))
        return {
            "shipmentBoxId": int(box["shipment_box_id"]),
            "details": [
                {
                    "deliveryStatus": row["status"],
                    "deliveryStatusDesc": st.status_name(str(row["status"])),
                    "updatedAt": wire(from_us(int(row["at_us"]))),
                }
                for row in rows
                if row["status"] in st.LISTABLE
            ],
        }

    # -- acknowledgement --------------------------------------------------------------

    def acknowledge(self, vendor_id: str, ids: Sequence[Any]) -> dict[str, Any]:
        results: list[BoxResult] = []
        now = self._now()
        with self.store.engine.begin() as conn:
            self._settle(conn, vendor_id)
            for raw in ids:
                box_id = parse_id(raw)
                box = self._visible_box(conn, vendor_id, box_id, lock=True)
                if box is None:
                    results.append(
                        BoxResult(
                            box_id,
                            "NOT_FOUND_SHIPMENT_BOX",
                            f"shipmentBoxId ({raw}) is not found.",
                        )
                    )
                    continue
                if db.open_receipts_of_boxes(conn, [int(box["shipment_box_id"])]):
                    results.append(
                        BoxResult(
                            box_id,
                            "ORDER_DELIVERY_CANCELED_HOLDING_FOR_CANCEL",
                            f"{MSG_CANNOT_CHANGE} (a cancel request is in progress)",
                        )
                    )
                    continue
                try:
                    self._move(conn, box, st.ACKNOWLEDGE, now)
                except TransitionNotAllowed:
                    results.append(
                        BoxResult(box_id, "INVALID_STATUS", state_message(box, st.ACKNOWLEDGE))
                    )
                    continue
                results.append(BoxResult(box_id, "OK", "request succeeded."))
        return bulk_response(results, key=True)

    # -- invoices ---------------------------------------------------------------------

    def _duplicate(
        self, conn: Connection, courier: str, number: str, order_id: int, now: datetime
    ) -> None:
        detail = invoice_in_use(conn, courier, number, now, order_id=order_id)
        if detail is not None:
            raise BoxRefused("DUPLICATE_INVOICE_NUMBER", detail)

    def _record_invoice(
        self, conn: Connection, box: Row, invoice: tuple[str, str], now: datetime
    ) -> None:
        courier, number = invoice
        box_id = int(box["shipment_box_id"])
        order_id = int(box["order_id"])
        vendor_id = str(box["vendor_id"])
        db.invoice_insert(
            conn,
            {
                "id": r.next_id(conn, "invoice", INVOICE_ID_START),
                "vendor_id": vendor_id,
                "delivery_company_code": courier,
                "invoice_number": number,
                "shipment_box_id": box_id,
                "order_id": order_id,
                "uploaded_at_us": to_us(now),
            },
        )

    @staticmethod
    def _line_refusal(violations: Sequence[Violation]) -> BoxRefused | None:
        if not violations:
            return None
        first = violations[0]
        code = RULE_RESULT_CODES.get(first.rule, "INVALID_INVOICE_NUMBER")
        return BoxRefused(code, "; ".join(f"{v.field}: {v.message}" for v in violations))

    def _bulk_invoices(
        self, vendor_id: str, body: Mapping[str, Any], *, update: bool
    ) -> dict[str, Any]:
        lines = body.get("orderSheetInvoiceApplyDtos")
        if not isinstance(lines, list) or not lines:
            raise ValidationFailed(rules.check_invoice_lines(body, update=update))
        structural = [
            v
            for index, line in enumerate(lines)
            for v in rules.check_invoice_line(line, index, update=update)
            if v.rule in ("required", "type") and not v.field.endswith("invoiceNumber")
        ]
        if structural:
            raise ValidationFailed(structural)
        results: list[BoxResult] = []
        now = self._now()
        with self.store.engine.begin() as conn:
            self._settle(conn, vendor_id)
            for box_id, group in rules.group_lines(lines).items():
                try:
                    refusal = self._line_refusal(
                        [
                            *(
                                v
                                for index, line in group
                                for v in rules.check_invoice_line(line, index, update=update)
                            ),
                            *rules.check_invoice_box(group, update=update),
                        ]
                    )
                    box = self._visible_box(conn, vendor_id, box_id, lock=True)
                    if box is None:
                        raise BoxRefused(
                            "NOT_FOUND_SHIPMENT_BOX", f"shipmentBoxId ({box_id}) is not found."
                        )
                    if refusal is not None:
                        raise refusal
                    if update:
                        self._update_box(conn, vendor_id, box, [line for _, line in group], now)
                    else:
                        self._upload_box(conn, vendor_id, box, [line for _, line in group], now)
                except BoxRefused as refused:
                    results.append(BoxResult(box_id, refused.code, refused.message))
                    continue
                results.append(BoxResult(box_id))
        return bulk_response(results)

    def upload_invoices(self, vendor_id: str, body: Mapping[str, Any]) -> dict[str, Any]:
        return self._bulk_invoices(vendor_id, body, update=False)

    def update_invoices(self, vendor_id: str, body: Mapping[str, Any]) -> dict[str, Any]:
        return self._bulk_invoices(vendor_id, body, update=True)

    def _common_checks(
        self, conn: Connection, box: Row, lines: Sequence[Mapping[str, Any]]
    ) -> None:
        order_id = int(box["order_id"])
        for line in lines:
            if parse_id(line.get("orderId")) != order_id:
                raise BoxRefused(
                    "NOT_FOUND_SHIPMENT_BOX",
                    f"shipmentBoxId {box['shipment_box_id']} belongs to orderId {order_id}, not "
                    f"{line.get('orderId')}; separate orders never share one invoice",
                )
        if box["status"] == st.CANCEL:
            raise BoxRefused("ORDER_DELIVERY_CANCELED")

    def _upload_box(
        self,
        conn: Connection,
        vendor_id: str,
        box: RowMapping,
        lines: Sequence[Mapping[str, Any]],
        now: datetime,
    ) -> None:
        self._common_checks(conn, box, lines)
        box_id = int(box["shipment_box_id"])
        order_id = int(box["order_id"])
        items = [i for i in db.items_of_boxes(conn, [box_id])[box_id] if _active(i) > 0]
        by_item = {int(i["vendor_item_id"]): i for i in items}
        open_receipts = db.open_receipts_of_boxes(conn, [box_id])
        if open_receipts:
            held = sum(int(i["hold_count_for_cancel"]) for i in items)
            whole = held >= sum(_active(i) for i in items)
            raise BoxRefused(
                "ORDER_DELIVERY_CANCELED" if whole else "ORDER_DELIVERY_PARTIAL_STOP_REQUESTED",
                f"receiptId {open_receipts[0]['receipt_id']} asks to stop the shipment; answer it "
                "first (stoppedShipment or completedShipment)",
            )
        split = as_bool(lines[0].get("splitShipping", False)) is True
        if split and box["split_mode"] == SPLIT_NORMAL:
            raise BoxRefused("NOT_ALLOW_SEPARATE_AFTER_NORMAL_DELIVERY")
        if not split and box["split_mode"] == SPLIT_SPLIT:
            raise BoxRefused("IS_SEPARATE_MUST_BE_TRUE_WHEN_SEPARATE_DELIVERY")
        if not st.shipment_box.can(str(box["status"]), st.UPLOAD_INVOICE):
            raise BoxRefused("INVALID_STATUS", state_message(box, st.UPLOAD_INVOICE))
        unknown = [
            line.get("vendorItemId")
            for line in lines
            if parse_id(line.get("vendorItemId")) not in by_item
        ]
        if unknown:
            raise BoxRefused(
                "NOT_FOUND_VENDOR_ITEM",
                f"vendorItemId {unknown} is not (or no longer) in shipmentBoxId {box_id}",
            )
        if not split:
            missing = sorted(set(by_item) - {parse_id(line.get("vendorItemId")) for line in lines})
            if missing:
                raise BoxRefused(
                    "NOT_FOUND_VENDOR_ITEM",
                    f"a normal upload lists every item of the box; missing vendorItemId {missing}",
                )
            courier = str(lines[0]["deliveryCompanyCode"]).strip().upper()
            number = _invoice_text(lines[0].get("invoiceNumber"))
            self._duplicate(conn, courier, number, order_id, now)
            self._ship(conn, box, items, (courier, number), now, split_mode=SPLIT_NORMAL)
            return
        # Split shipping (분리배송): per vendorItemId, never by quantity.
        if box["split_mode"] == SPLIT_NONE and len(by_item) < 2:
            raise BoxRefused("NOT_ALLOW_SEPARATE_WHEN_ONE_VENDOR_ITEM")
        already = box["split_mode"] == SPLIT_SPLIT and self._has_shipped_part(conn, box)
        for line in lines:
            pre = as_bool(line.get("preSplitShipped", False)) is True
            if pre != already:
                raise BoxRefused(
                    "INVALID_STATUS",
                    "preSplitShipped must be "
                    + (
                        "true: part of this order was already shipped separately"
                        if already
                        else "false on the first split shipment of this order"
                    ),
                )
        shipped: dict[tuple[str, str], list[RowMapping]] = {}
        planned: list[tuple[RowMapping, str]] = []
        for line in lines:
            item = by_item[int(line["vendorItemId"])]
            number = _invoice_text(line.get("invoiceNumber"))
            if number:
                courier = str(line["deliveryCompanyCode"]).strip().upper()
                shipped.setdefault((courier, number), []).append(item)
                continue
            wanted = str(line.get("estimatedShippingDate") or "").strip()
            current = str(item["planned_shipping_date"] or "")
            if current and current != wanted:
                raise BoxRefused("PSD_NOT_ALLOW_TO_CHANGE", f"already set to {current}")
            if current:
                raise BoxRefused("NOT_FOUND_INVOICE_NUMBER")
            planned.append((item, wanted))
        for courier, number in sorted(shipped):
            # Several numbers: lock them in one order (two uploads locking the same numbers in
            # opposite orders would deadlock on PostgreSQL), then check them in the request's.
            if courier != rules.DIRECT:
                db.invoice_claim(conn, courier, number, to_us(now))
        for (courier, number), _ in shipped.items():
            self._duplicate(conn, courier, number, order_id, now)
        for item, wanted in planned:
            db.item_update(conn, int(item["id"]), {"planned_shipping_date": wanted})
        db.box_update(conn, box_id, {"split_mode": SPLIT_SPLIT, "updated_at_us": to_us(now)})
        remaining = set(by_item)
        groups = list(shipped.items())
        for position, ((courier, number), group_items) in enumerate(groups):
            moved = {int(i["vendor_item_id"]) for i in group_items}
            last = position == len(groups) - 1 and moved == remaining
            remaining -= moved
            if last:
                # The last part ships in the original box, which keeps its id.
                self._ship(
                    conn,
                    {**box, "split_mode": SPLIT_SPLIT},
                    group_items,
                    (courier, number),
                    now,
                    split_mode=SPLIT_SPLIT,
                )
            else:
                part = self._split_off(conn, box, group_items, now)
                self._ship(conn, part, group_items, (courier, number), now, split_mode=SPLIT_SPLIT)

    def _has_shipped_part(self, conn: Connection, box: Row) -> bool:
        return any(
            b["split_from"] is not None and int(b["split_from"]) == int(box["shipment_box_id"])
            for b in db.boxes_of_order(conn, int(box["order_id"]))
        )

    def _split_off(
        self, conn: Connection, box: RowMapping, items: Sequence[Row], now: datetime
    ) -> dict[str, Any]:
        """A new box (new shipmentBoxId) for the items shipped first; the fee stays with the
        original box (charged once per bundle)."""
        new_id = r.next_id(conn, "shipment_box", SHIPMENT_BOX_ID_START)
        values = {
            **{k: box[k] for k in box.keys()},  # noqa: SIM118 - RowMapping
            "shipment_box_id": new_id,
            "shipping_price": 0,
            "remote_price": 0 if box["remote_price"] is not None else None,
            "split_mode": SPLIT_SPLIT,
            "split_from": int(box["shipment_box_id"]),
            "updated_at_us": to_us(now),
        }
        db.box_insert(conn, values)
        for row in reversed(db.history_of(conn, int(box["shipment_box_id"]))):
            self._history(conn, new_id, str(row["status"]), from_us(int(row["at_us"])))
        for item in items:
            db.item_update(conn, int(item["id"]), {"shipment_box_id": new_id})
        return values

    def _ship(
        self,
        conn: Connection,
        box: Row,
        items: Sequence[Row],
        invoice: tuple[str, str],
        now: datetime,
        *,
        split_mode: str,
    ) -> None:
        courier, number = invoice
        event = st.UPLOAD_INVOICE if rules.is_trackable(courier) else st.UPLOAD_INVOICE_DIRECT
        self._move(
            conn,
            box,
            event,
            now,
            {
                "split_mode": split_mode,
                "delivery_company_code": courier,
                "invoice_number": number,
                "invoice_uploaded_at_us": to_us(now),
                "pickup_due_us": self._pickup_due(now) if rules.is_trackable(courier) else None,
            },
        )
        for item in items:
            db.item_update(conn, int(item["id"]), {"invoice_uploaded_at_us": to_us(now)})
        self._record_invoice(conn, box, (courier, number), now)

    def _update_box(
        self,
        conn: Connection,
        vendor_id: str,
        box: RowMapping,
        lines: Sequence[Mapping[str, Any]],
        now: datetime,
    ) -> None:
        self._common_checks(conn, box, lines)
        box_id = int(box["shipment_box_id"])
        courier = str(lines[0]["deliveryCompanyCode"]).strip().upper()
        event = st.UPDATE_INVOICE if rules.is_trackable(courier) else st.UPDATE_INVOICE_DIRECT
        if not st.shipment_box.can(str(box["status"]), event):
            raise BoxRefused("INVALID_STATUS", state_message(box, st.UPDATE_INVOICE))
        items = db.items_of_boxes(conn, [box_id])[box_id]
        known = {int(i["vendor_item_id"]) for i in items}
        unknown = [
            line.get("vendorItemId")
            for line in lines
            if parse_id(line.get("vendorItemId")) not in known
        ]
        if unknown:
            raise BoxRefused(
                "NOT_FOUND_VENDOR_ITEM", f"vendorItemId {unknown} is not in shipmentBoxId {box_id}"
            )
        number = _invoice_text(lines[0].get("invoiceNumber"))
        self._duplicate(conn, courier, number, int(box["order_id"]), now)
        self._move(
            conn,
            box,
            event,
            now,
            {
                "delivery_company_code": courier,
                "invoice_number": number,
                "invoice_uploaded_at_us": to_us(now),
                "in_transit_at_us": None,
                "delivered_at_us": None,
                "delivery_due_us": None,
                "pickup_due_us": self._pickup_due(now) if rules.is_trackable(courier) else None,
            },
        )
        if box["status"] == st.DEPARTURE and event == st.UPDATE_INVOICE:
            # Same status: record the new invoice in the history all the same.
            self._history(conn, box_id, st.DEPARTURE, now)
        self._record_invoice(conn, box, (courier, number), now)

    # -- stop-shipment answers -----------------------------------------------------------

    def _open_receipt(self, conn: Connection, vendor_id: str, id_text: object) -> RowMapping:
        receipt_id = parse_id(id_text)
        receipt = (
            None if receipt_id is None else db.receipt_get(conn, receipt_id, vendor_id, lock=True)
        )
        if receipt is None:
            raise BadRequest(f"접수 정보가 없습니다. (receiptId {id_text} of vendor {vendor_id})")
        if receipt["receipt_status"] != RELEASE_STOP_UNCHECKED:
            raise BadRequest(
                f"출고중지요청 상태가 아닙니다. (receiptId {receipt['receipt_id']} is "
                f"{receipt['receipt_status'] or receipt['receipt_type']}; stoppedShipment and "
                f"completedShipment answer only {RELEASE_STOP_UNCHECKED} (출고중지요청))"
            )
        return receipt

    def stopped_shipment(self, vendor_id: str, id_text: object, body: Mapping[str, Any]) -> None:
        count = as_int(body.get("cancelCount"))
        now = self._now()
        with self.store.engine.begin() as conn:
            receipt = self._open_receipt(conn, vendor_id, id_text)
            total = int(receipt["total_count"])
            if count != total:
                raise ValidationFailed(
                    [
                        Violation(
                            "cancelCount",
                            "equals_total",
                            f"cancelCount must equal the receipt's total count {total} "
                            f"(got {body.get('cancelCount')!r})",
                        )
                    ]
                )
            box = must_exist(
                db.box_get(conn, int(receipt["shipment_box_id"]), lock=True), "the shipment box"
            )
            self._cancel_items(conn, box, receipt["items"], held=True)
            self._close_if_cancelled(conn, box, st.STOP_SHIPMENT, now)
            db.receipt_update(
                conn,
                int(receipt["receipt_id"]),
                {
                    "receipt_status": RETURNS_COMPLETED,
                    "release_stop_status": "처리(출고중지)",
                    "updated_at_us": to_us(now),
                },
            )

    def completed_shipment(self, vendor_id: str, id_text: object, body: Mapping[str, Any]) -> None:
        courier = str(body.get("deliveryCompanyCode") or "").strip().upper()
        number = _invoice_text(body.get("invoiceNumber"))
        found = rules.check_courier(body.get("deliveryCompanyCode")) or rules.check_invoice_number(
            courier, body.get("invoiceNumber")
        )
        if found:
            raise ValidationFailed(found)
        now = self._now()
        with self.store.engine.begin() as conn:
            receipt = self._open_receipt(conn, vendor_id, id_text)
            box = must_exist(
                db.box_get(conn, int(receipt["shipment_box_id"]), lock=True), "the shipment box"
            )
            try:
                self._duplicate(conn, courier, number, int(box["order_id"]), now)
            except BoxRefused as refused:
                raise BadRequest(refused.message) from None
            event = st.ALREADY_SHIPPED if rules.is_trackable(courier) else st.ALREADY_SHIPPED_DIRECT
            try:
                self._move(
                    conn,
                    box,
                    event,
                    now,
                    {
                        "delivery_company_code": courier,
                        "invoice_number": number,
                        "invoice_uploaded_at_us": to_us(now),
                        "pickup_due_us": self._pickup_due(now)
                        if rules.is_trackable(courier)
                        else None,
                    },
                )
            except TransitionNotAllowed:
                raise BadRequest(state_message(box, st.ALREADY_SHIPPED)) from None
            self._record_invoice(conn, box, (courier, number), now)
            box_id = int(box["shipment_box_id"])
            for item in db.items_of_boxes(conn, [box_id])[box_id]:
                db.item_update(
                    conn,
                    int(item["id"]),
                    {"hold_count_for_cancel": 0, "invoice_uploaded_at_us": to_us(now)},
                )
            # The stop request becomes a return (served by the returns module).
            db.receipt_update(
                conn,
                int(receipt["receipt_id"]),
                {
                    "receipt_type": "RETURN",
                    "receipt_status": RETURNS_UNCHECKED,
                    "release_stop_status": "처리(이미출고)",
                    "delivery_company_code": courier,
                    "invoice_number": number,
                    "updated_at_us": to_us(now),
                },
            )

    # -- long-undelivered -------------------------------------------------------------

    def complete_long_undelivered(self, vendor_id: str, body: Mapping[str, Any]) -> None:
        now = self._now()
        with self.store.engine.begin() as conn:
            self._settle(conn, vendor_id)
            box_id = parse_id(body.get("shipmentBoxId"))
            box = self._visible_box(conn, vendor_id, box_id, lock=True)
            if box is None:
                raise BadRequest(f"shipmentBoxId ({body.get('shipmentBoxId')}) is not found.")
            status = _shown_status(box)
            if not st.shipment_box.can(str(box["status"]), st.COMPLETE_LONG_UNDELIVERED):
                allowed = ", ".join(st.allowed_states(st.COMPLETE_LONG_UNDELIVERED))
                raise BadRequest(
                    f"배송완료 처리 실패. 배송상태: {status} (allowed only in {allowed}, "
                    "at least a month after the invoice upload)"
                )
            number = _invoice_text(body.get("invoiceNumber"))
            if not number or number != box["invoice_number"]:
                raise BadRequest(
                    f"배송완료 처리 실패. 송장번호가 일치하지 않습니다. (shipmentBoxId {box_id} "
                    f"carries invoice {box['invoice_number']!r}, got {number!r})"
                )
            uploaded = from_us(int(box["invoice_uploaded_at_us"]))
            due = uploaded + timedelta(seconds=self.settings.long_undelivered_after_seconds)
            if now < due:
                raise BadRequest(
                    f"배송완료 처리 실패. 송장 등록 후 1달이 경과하지 않았습니다. (invoice uploaded "
                    f"{wire(uploaded)}, allowed from {wire(due)})"
                )
            self._move(
                conn,
                box,
                st.COMPLETE_LONG_UNDELIVERED,
                now,
                {"delivered_at_us": to_us(now), "pickup_due_us": None, "delivery_due_us": None},
            )

    # -- cancellation -----------------------------------------------------------------

    def _cancel_items(
        self, conn: Connection, box: Row, wanted: Iterable[Mapping[str, Any]], *, held: bool
    ) -> None:
        box_id = int(box["shipment_box_id"])
        items = db.items_of_boxes(conn, [box_id])[box_id]
        for entry in wanted:
            remaining = int(entry["count"])
            for item in items:
                if int(item["vendor_item_id"]) != int(entry["vendorItemId"]) or remaining <= 0:
                    continue
                take = min(remaining, _active(item))
                remaining -= take
                hold = int(item["hold_count_for_cancel"])
                db.item_update(
                    conn,
                    int(item["id"]),
                    {
                        "cancel_count": int(item["cancel_count"]) + take,
                        "hold_count_for_cancel": max(0, hold - take) if held else hold,
                    },
                )

    def _close_if_cancelled(self, conn: Connection, box: Row, event: str, now: datetime) -> None:
        box_id = int(box["shipment_box_id"])
        items = db.items_of_boxes(conn, [box_id])[box_id]
        if all(_active(i) <= 0 for i in items):
            self._move(conn, box, event, now)

    def _receipt(
        self,
        conn: Connection,
        *,
        vendor_id: str,
        box: Row,
        receipt_type: str,
        status: str | None,
        release: str,
        items: Sequence[Mapping[str, Any]],
        requester: str,
        reason: str | None,
        now: datetime,
    ) -> int:
        receipt_id = r.next_id(conn, "order_receipt", RECEIPT_ID_START)
        db.receipt_insert(
            conn,
            {
                "receipt_id": receipt_id,
                "vendor_id": vendor_id,
                "order_id": int(box["order_id"]),
                "shipment_box_id": int(box["shipment_box_id"]),
                "receipt_type": receipt_type,
                "receipt_status": status,
                "release_stop_status": release,
                "items": [dict(i) for i in items],
                "total_count": sum(int(i["count"]) for i in items),
                "requester": requester,
                "reason_code": reason,
                "reason_text": None,
                "created_at_us": to_us(now),
                "updated_at_us": to_us(now),
            },
        )
        return receipt_id

    def cancel(self, vendor_id: str, order_text: object, body: Mapping[str, Any]) -> CancelOutcome:
        order_id = parse_id(order_text)
        found = rules.check_cancel(body, order_id)
        if order_id is None:
            found.insert(0, id_violation("orderId", order_text))
        if found or order_id is None:
            raise ValidationFailed(found)
        pairs = [
            (as_id(v) or 0, as_int(c) or 0)
            for v, c in zip(body["vendorItemIds"], body["receiptCounts"], strict=True)
        ]
        now = self._now()
        request_no = str(uuid.uuid4())
        with self.store.engine.begin() as conn:
            self._settle(conn, vendor_id)
            order = db.order_get(conn, order_id)
            if order is None or int(order["visible_at_us"]) > to_us(now):
                raise BadRequest(MSG_NO_ORDER)
            if order["vendor_id"] != vendor_id:
                raise BadRequest("요청한 업체의 상품이 아닙니다.")
            boxes = {
                int(b["shipment_box_id"]): b for b in db.boxes_of_order(conn, order_id, lock=True)
            }
            items = db.items_of_order(conn, order_id)
            failed: list[tuple[int, str]] = []
            accepted: list[tuple[int, int]] = []
            instructed: list[tuple[int, int]] = []
            for vendor_item_id, count in pairs:
                rows = [i for i in items if int(i["vendor_item_id"]) == vendor_item_id]
                if not rows:
                    failed.append((vendor_item_id, f"주문정보가 없습니다.[{vendor_item_id}]"))
                    continue
                states = {str(boxes[int(i["shipment_box_id"])]["status"]) for i in rows}
                available = sum(_active(i) - int(i["hold_count_for_cancel"]) for i in rows)
                if not states <= {st.ACCEPT, st.INSTRUCT}:
                    status = sorted(states - {st.ACCEPT, st.INSTRUCT})[0]
                    failed.append(
                        (
                            vendor_item_id,
                            f"{MSG_NOT_CANCELLABLE} (it is {status} ({st.status_name(status)}); "
                            "cancel works only in ACCEPT or INSTRUCT)",
                        )
                    )
                elif count > available:
                    failed.append((vendor_item_id, f"{MSG_TOO_MANY} ({available} cancellable)"))
                elif states == {st.ACCEPT}:
                    accepted.append((vendor_item_id, count))
                else:
                    instructed.append((vendor_item_id, count))
            receipt: dict[str, Any] | None = None
            if accepted:
                whole = {int(i["vendor_item_id"]): 0 for i in items if _active(i) > 0}
                for i in items:
                    whole[int(i["vendor_item_id"])] = whole.get(
                        int(i["vendor_item_id"]), 0
                    ) + _active(i)
                asked = dict(accepted)
                if (
                    instructed
                    or failed
                    or asked != {k: v for k, v in whole.items() if v > 0}
                    or any(
                        b["status"] != st.ACCEPT for b in boxes.values() if b["status"] != st.CANCEL
                    )
                ):
                    raise BadRequest(
                        f"{MSG_PARTIAL_CANCEL} (at ACCEPT (결제완료) an order is cancelled whole: "
                        "list every vendorItemId with its full count)"
                    )
                receipt = self._apply_cancel(
                    conn, vendor_id, boxes, accepted, kind=("CANCEL", st.CANCEL_ORDER), now=now
                )
            elif instructed:
                receipt = self._apply_cancel(
                    conn,
                    vendor_id,
                    boxes,
                    instructed,
                    kind=("STOP_SHIPMENT", st.STOP_SHIPMENT),
                    now=now,
                )
        failed_ids = [vendor_item_id for vendor_item_id, _ in failed]
        data = {
            "receiptMap": receipt,
            "orderId": order_id,
            "failedVendorItemIds": failed_ids,
            "failedItemIds": failed_ids,
        }
        detail = "".join(f" \\r\\n[{v}]<= {m}" for v, m in failed)
        if receipt is None:
            return CancelOutcome("FAIL", f"[요청번호] {request_no}{detail}", data)
        if failed:
            return CancelOutcome("PARTIAL", f"[요청번호] {request_no}{detail}", data)
        return CancelOutcome("SUCCESS", "", data)

    def _apply_cancel(
        self,
        conn: Connection,
        vendor_id: str,
        boxes: Mapping[int, Row],
        pairs: Sequence[tuple[int, int]],
        *,
        kind: tuple[str, str],
        now: datetime,
    ) -> dict[str, Any]:
        receipt_type, event = kind
        wanted = [{"vendorItemId": v, "count": c} for v, c in pairs]
        first: Row | None = None
        for box in boxes.values():
            if box["status"] == st.CANCEL:
                continue
            box_id = int(box["shipment_box_id"])
            mine = {int(i["vendor_item_id"]) for i in db.items_of_boxes(conn, [box_id])[box_id]}
            part = [w for w in wanted if w["vendorItemId"] in mine]
            if not part:
                continue
            first = first or box
            self._cancel_items(conn, box, part, held=False)
            self._close_if_cancelled(conn, box, event, now)
        if first is None:
            raise BadRequest(f"{MSG_NO_ORDER} (no open shipment box holds the items to cancel)")
        receipt_id = self._receipt(
            conn,
            vendor_id=vendor_id,
            box=first,
            receipt_type=receipt_type,
            status=RETURNS_COMPLETED if receipt_type == "STOP_SHIPMENT" else None,
            release="처리(출고중지)" if receipt_type == "STOP_SHIPMENT" else "비대상",
            items=wanted,
            requester="VENDOR",
            reason=None,
            now=now,
        )
        return {
            "receiptId": receipt_id,
            "receiptType": receipt_type,
            "vendorItemIds": [v for v, _ in pairs],
            "totalCount": sum(c for _, c in pairs),
        }

    # -- control: the customer ----------------------------------------------------------

    def place(self, body: Mapping[str, Any]) -> dict[str, Any]:
        from coupang_sandbox.backends.products import Products

        vendor_id = body.get("vendorId")
        lines = body.get("items")
        found: list[Violation] = []
        if not isinstance(vendor_id, str) or not vendor_id.strip():
            found.append(Violation("vendorId", "required", "vendorId is required"))
        if not isinstance(lines, list) or not lines:
            found.append(Violation("items", "required", "items must list {vendorItemId, quantity}"))
        receiver = body.get("receiver") or {}
        if not isinstance(receiver, Mapping):
            found.append(Violation("receiver", "type", "receiver must be an object"))
            receiver = {}
        if found or not isinstance(vendor_id, str) or not isinstance(lines, list):
            raise ValidationFailed(found)
        wanted: list[tuple[int, int]] = []
        for index, line in enumerate(lines):
            vid = parse_id(line.get("vendorItemId")) if isinstance(line, Mapping) else None
            qty = as_int(line.get("quantity", 1)) if isinstance(line, Mapping) else None
            if vid is None:
                found.append(
                    Violation(
                        f"items[{index}].vendorItemId", "required", "vendorItemId is required"
                    )
                )
            if qty is None or qty < 1:
                found.append(
                    Violation(f"items[{index}].quantity", "min_value", "quantity must be >= 1")
                )
            if vid is not None and qty is not None:
                wanted.append((vid, qty))
        if found:
            raise ValidationFailed(found)
        products = Products(self.store, self.clock, self.settings)
        for vid, _ in wanted:
            try:
                products.inventory(vendor_id, vid)  # settles due reviews, 400 when unknown
            except SandboxError:
                raise ValidationFailed(
                    [
                        Violation(
                            "items",
                            "not_listed",
                            f"vendorItemId {vid} is not an approved item of vendor {vendor_id}",
                        )
                    ]
                ) from None
        now = self._now()
        late = faults.visibility_delay(self.store, self.clock, vendor_id)  # late_visibility
        post_code = str(receiver.get("postCode") or "06236")
        region = region_of(post_code)
        safe = str(body.get("safeNumber") or _safe_number())
        bundle = body.get("bundle", True) is not False
        with self.store.engine.begin() as conn:
            picked: list[tuple[RowMapping, RowMapping, int]] = []
            for vid, qty in wanted:
                item = must_exist(
                    product_db.item_by_vendor_item_id(conn, vendor_id, vid, lock=True), "the option"
                )
                product = must_exist(
                    product_db.product_get(conn, vendor_id, int(item["seller_product_id"])),
                    "the product",
                )
                problem = None
                if product["status"] not in ("APPROVED", "PARTIAL_APPROVED"):
                    problem = f"its product is {product['status']}, not approved"
                elif not item["on_sale"]:
                    problem = "it is not on sale (판매중지)"
                elif int(item["quantity"]) < qty:
                    problem = f"only {item['quantity']} in stock"
                if problem is not None:
                    raise ValidationFailed(
                        [Violation("items", "not_orderable", f"vendorItemId {vid}: {problem}")]
                    )
                product_db.item_update(
                    conn,
                    int(item["seller_product_item_id"]),
                    {"quantity": int(item["quantity"]) - qty},
                )
                picked.append((item, product, qty))
            order_id = r.next_id(conn, "order", ORDER_ID_START)
            visible = now + timedelta(seconds=self.settings.order_visible_after_seconds + late)
            given = body.get("orderer")
            orderer: Mapping[str, Any] = given if isinstance(given, Mapping) else {}
            db.order_insert(
                conn,
                {
                    "order_id": order_id,
                    "vendor_id": vendor_id,
                    "ordered_at_us": to_us(now),
                    "paid_at_us": to_us(now),
                    "visible_at_us": to_us(visible),
                    "orderer": {
                        "name": str(orderer.get("name") or "김*팡"),
                        "email": "",
                        "safeNumber": safe,
                    },
                    "receiver": {
                        "name": str(receiver.get("name") or orderer.get("name") or "김*팡"),
                        "safeNumber": safe,
                        "addr1": str(receiver.get("addr1") or "서울특별시 강남구 테헤란로 123"),
                        "addr2": str(receiver.get("addr2") or "4층"),
                        "postCode": post_code,
                    },
                    "region": region,
                    "parcel_print_message": body.get("parcelPrintMessage"),
                    "refer": str(body.get("refer") or "안드로이드앱"),
                },
            )
            groups: dict[Any, list[tuple[RowMapping, RowMapping, int]]] = {}
            for entry in picked:
                doc = entry[1]["doc"] or {}
                union = doc.get("unionDeliveryType") == "UNION_DELIVERY"
                key = (
                    ("bundle", doc.get("outboundShippingPlaceCode"))
                    if bundle and union
                    else ("single", int(entry[0]["vendor_item_id"]))
                )
                groups.setdefault(key, []).append(entry)
            boxes = []
            for group in groups.values():
                boxes.append(
                    self._place_box(
                        conn, vendor_id, order_id, group, region=region, now=now, visible=visible
                    )
                )
            # The customer's downloaded coupons, if the body names any (coupons backend).
            apply_download_coupons(conn, vendor_id, order_id, body, now)
        return {
            "orderId": order_id,
            "vendorId": vendor_id,
            "paidAt": wire(now),
            "visibleAt": wire(visible),
            "region": region,
            "safeNumber": safe,
            "shipmentBoxes": boxes,
        }

    def _place_box(
        self,
        conn: Connection,
        vendor_id: str,
        order_id: int,
        group: Sequence[tuple[RowMapping, RowMapping, int]],
        *,
        region: str,
        now: datetime,
        visible: datetime,
    ) -> dict[str, Any]:
        box_id = r.next_id(conn, "shipment_box", SHIPMENT_BOX_ID_START)
        total = sum(int(item["sale_price"]) * qty for item, _, qty in group)
        fees = [self._fee(product["doc"] or {}, total) for _, product, _ in group]
        remote = 0
        if region != MAINLAND:
            remote = max(
                self._remote_fee(conn, vendor_id, p["doc"] or {}, region) for _, p, _ in group
            )
        db.box_insert(
            conn,
            {
                "shipment_box_id": box_id,
                "order_id": order_id,
                "vendor_id": vendor_id,
                "status": st.ACCEPT,
                "status_before_cancel": None,
                "paid_at_us": to_us(now),
                "visible_at_us": to_us(visible),
                # Bundle delivery (묶음배송): the shipping fee is charged once per box.
                "shipping_price": max(fees),
                "remote_price": remote,
                "remote_area": region != MAINLAND,
                "split_mode": SPLIT_NONE,
                "split_from": None,
                "delivery_company_code": None,
                "invoice_number": None,
                "invoice_uploaded_at_us": None,
                "in_transit_at_us": None,
                "delivered_at_us": None,
                "pickup_due_us": None,
                "delivery_due_us": None,
                "updated_at_us": to_us(now),
            },
        )
        self._history(conn, box_id, st.ACCEPT, now)
        for item, product, qty in group:
            doc = product["doc"] or {}
            item_doc = item["doc"] or {}
            days = as_int(item_doc.get("outboundShippingTimeDay")) or 1
            name = str(product["seller_product_name"])
            item_name = str(item_doc.get("itemName") or "")
            db.item_insert(
                conn,
                {
                    "id": r.next_id(conn, "order_item", ORDER_ITEM_ID_START),
                    "shipment_box_id": box_id,
                    "order_id": order_id,
                    "vendor_id": vendor_id,
                    "vendor_item_id": int(item["vendor_item_id"]),
                    "seller_product_id": int(product["seller_product_id"]),
                    "product_id": product["product_id"],
                    "shipping_count": qty,
                    "cancel_count": 0,
                    "hold_count_for_cancel": 0,
                    "sales_price": int(item["sale_price"]),
                    "estimated_shipping_date": kst_day(now + timedelta(days=days)),
                    "planned_shipping_date": "",
                    "invoice_uploaded_at_us": None,
                    "doc": {
                        "sellerProductName": name,
                        "sellerProductItemName": item_name,
                        "vendorItemName": f"{name}, {item_name}" if item_name else name,
                        "externalVendorSkuCode": item_doc.get("externalVendorSku"),
                        "extraProperties": item_doc.get("extraProperties") or {},
                        "usedProduct": (item_doc.get("offerCondition") or "NEW") != "NEW",
                        "deliveryChargeTypeName": "무료"
                        if doc.get("deliveryChargeType") in ("FREE", None)
                        else "유료",
                        # Instant-coupon discount of the line (coupons backend).
                        **coupon_discounts_for(
                            conn,
                            vendor_id,
                            int(item["vendor_item_id"]),
                            unit_price=int(item["sale_price"]),
                            quantity=qty,
                            now=now,
                        ),
                    },
                },
            )
        return {
            "shipmentBoxId": box_id,
            "vendorItemIds": [int(item["vendor_item_id"]) for item, _, _ in group],
            "shippingPrice": max(fees),
            "remotePrice": remote,
            "remoteArea": region != MAINLAND,
        }

    @staticmethod
    def _fee(doc: Mapping[str, Any], total: int) -> int:
        kind = str(doc.get("deliveryChargeType") or "FREE")
        charge = as_int(doc.get("deliveryCharge")) or 0
        if kind in ("FREE", "CHARGE_RECEIVED"):
            return 0
        if kind.startswith("FREE_DELIVERY_OVER") or kind == "CONDITIONAL_FREE":
            threshold = as_int(doc.get("freeShipOverAmount")) or 0
            return 0 if total >= threshold else charge
        return charge

    @staticmethod
    def _remote_fee(conn: Connection, vendor_id: str, doc: Mapping[str, Any], region: str) -> int:
        code = as_int(doc.get("outboundShippingPlaceCode"))
        place = None if code is None else r.outbound_get(conn, vendor_id, code)
        if place is None:
            return 0
        courier = doc.get("deliveryCompanyCode")
        for info in place["remote_infos"] or []:
            if info.get("usable", True) and info.get("deliveryCode") == courier:
                return int(info.get("jeju" if region == JEJU else "notJeju") or 0)
        return 0

    def _order_any(self, conn: Connection, id_text: object) -> RowMapping:
        order_id = parse_id(id_text)
        order = None if order_id is None else db.order_get(conn, order_id)
        if order is None:
            raise NotFound(f"orderId {id_text} does not exist")
        return order

    def change_address(self, id_text: object, body: Mapping[str, Any]) -> dict[str, Any]:
        receiver = body.get("receiver", body)
        if not isinstance(receiver, Mapping):
            raise ValidationFailed([Violation("receiver", "type", "receiver must be an object")])
        fields = {k: receiver[k] for k in ("name", "addr1", "addr2", "postCode") if k in receiver}
        if not fields or any(not isinstance(v, str) or not v.strip() for v in fields.values()):
            raise ValidationFailed(
                [
                    Violation(
                        "receiver",
                        "required",
                        "give name, addr1, addr2 and/or postCode as non-empty strings",
                    )
                ]
            )
        with self.store.engine.begin() as conn:
            order = self._order_any(conn, id_text)
            boxes = db.boxes_of_order(conn, int(order["order_id"]), lock=True)
            moved = [b for b in boxes if b["status"] != st.ACCEPT]
            if moved:
                box = moved[0]
                raise Conflict(
                    f"the address can change only while the order is ACCEPT (결제완료); "
                    f"shipmentBoxId {box['shipment_box_id']} is {_shown_status(box)} "
                    f"({st.status_name(_shown_status(box))})"
                )
            new = {**(order["receiver"] or {}), **fields}
            region = region_of(str(new.get("postCode") or ""))
            db.order_update(conn, int(order["order_id"]), {"receiver": new, "region": region})
            for box in boxes:
                db.box_update(
                    conn, int(box["shipment_box_id"]), {"remote_area": region != MAINLAND}
                )
        return {"orderId": int(order["order_id"]), "receiver": new, "region": region}

    def customer_cancel(self, id_text: object, body: Mapping[str, Any]) -> dict[str, Any]:
        found = rules.check_reason_code(body.get("reasonCode"))
        if found:
            raise ValidationFailed(found)
        now = self._now()
        with self.store.engine.begin() as conn:
            order = self._order_any(conn, id_text)
            order_id = int(order["order_id"])
            vendor_id = str(order["vendor_id"])
            boxes = {
                int(b["shipment_box_id"]): b for b in db.boxes_of_order(conn, order_id, lock=True)
            }
            items = db.items_of_order(conn, order_id)
            asked = body.get("items")
            wanted: dict[int, int] = {}
            if asked is None:
                for i in items:
                    wanted[int(i["vendor_item_id"])] = wanted.get(
                        int(i["vendor_item_id"]), 0
                    ) + _active(i)
                wanted = {k: v for k, v in wanted.items() if v > 0}
            elif isinstance(asked, list):
                for entry in asked:
                    vid = (
                        parse_id(entry.get("vendorItemId")) if isinstance(entry, Mapping) else None
                    )
                    count = as_int(entry.get("count")) if isinstance(entry, Mapping) else None
                    if vid is None or count is None or count < 1:
                        raise ValidationFailed(
                            [Violation("items", "type", "items are {vendorItemId, count >= 1}")]
                        )
                    wanted[vid] = count
            if not wanted:
                raise Conflict(f"orderId {order_id} has nothing left to cancel")
            receipts: list[dict[str, Any]] = []
            for box_id, box in boxes.items():
                box_items = [i for i in items if int(i["shipment_box_id"]) == box_id]
                part = []
                for i in box_items:
                    vid = int(i["vendor_item_id"])
                    if vid in wanted and _active(i) > 0:
                        take = min(wanted[vid], _active(i) - int(i["hold_count_for_cancel"]))
                        if take > 0:
                            part.append({"vendorItemId": vid, "count": take})
                            wanted[vid] -= take
                if not part:
                    continue
                status = str(box["status"])
                reason = str(body["reasonCode"])
                if status == st.ACCEPT:
                    self._cancel_items(conn, box, part, held=False)
                    self._close_if_cancelled(conn, box, st.CANCEL_ORDER, now)
                    receipt_id = self._receipt(
                        conn, vendor_id=vendor_id, box=box, receipt_type="CANCEL", status=None,
                        release="비대상", items=part, requester="CUSTOMER", reason=reason, now=now,
                    )  # fmt: skip
                    receipts.append(
                        {"receiptId": receipt_id, "receiptType": "CANCEL", "shipmentBoxId": box_id}
                    )
                elif status == st.INSTRUCT:
                    for entry in part:
                        for i in box_items:
                            if int(i["vendor_item_id"]) == entry["vendorItemId"]:
                                db.item_update(
                                    conn,
                                    int(i["id"]),
                                    {
                                        "hold_count_for_cancel": int(i["hold_count_for_cancel"])
                                        + entry["count"]
                                    },
                                )
                    receipt_id = self._receipt(
                        conn, vendor_id=vendor_id, box=box, receipt_type="RETURN",
                        status=RELEASE_STOP_UNCHECKED, release="미처리", items=part,
                        requester="CUSTOMER", reason=reason, now=now,
                    )  # fmt: skip
                    receipts.append(
                        {
                            "receiptId": receipt_id,
                            "receiptType": "RETURN",
                            "receiptStatus": RELEASE_STOP_UNCHECKED,
                            "shipmentBoxId": box_id,
                        }
                    )
                else:
                    raise Conflict(
                        f"shipmentBoxId {box_id} is {_shown_status(box)} "
                        f"({st.status_name(_shown_status(box))}): a cancel request works in "
                        "ACCEPT (immediate) or INSTRUCT (stop-shipment request); after shipping "
                        "the customer asks for a return"
                    )
            left = {k: v for k, v in wanted.items() if v > 0}
            if left:
                raise Conflict(f"orderId {order_id}: nothing cancellable left for {left}")
        return {"orderId": order_id, "receipts": receipts}

    # -- control: the courier -----------------------------------------------------------

    def scan(self, id_text: object, body: Mapping[str, Any]) -> dict[str, Any]:
        event_name = str(body.get("event") or "").strip().upper()
        event = st.SCAN_EVENTS.get(event_name)
        if event is None:
            raise ValidationFailed(
                [Violation("event", "enum", "event must be PICKUP, IN_TRANSIT or DELIVERED")]
            )
        now = self._now()
        with self.store.engine.begin() as conn:
            self._settle(conn, None)
            box_id = parse_id(id_text)
            box = None if box_id is None else db.box_get(conn, box_id, lock=True)
            if box is None:
                raise NotFound(f"shipmentBoxId {id_text} does not exist")
            if box["status"] == st.NONE_TRACKING:
                raise Conflict(
                    f"shipmentBoxId {box_id} ships DIRECT (업체직송, NONE_TRACKING): no courier "
                    "tracking, so no scans; completeLongTermUndelivery closes it"
                )
            values: dict[str, Any] = {"pickup_due_us": None}
            if event == st.DELIVERED:
                values.update({"delivered_at_us": to_us(now), "delivery_due_us": None})
            if box["in_transit_at_us"] is None:
                values["in_transit_at_us"] = to_us(now)
            if event != st.DELIVERED and box["delivery_due_us"] is None:
                seconds = self.settings.courier_delivery_seconds
                values["delivery_due_us"] = (
                    None if seconds is None else to_us(now + timedelta(seconds=seconds))
                )
            try:
                status = self._move(conn, box, event, now, values)
            except TransitionNotAllowed:
                allowed = ", ".join(st.allowed_states(event))
                raise Conflict(
                    f"courier scan {event_name}: shipmentBoxId {box_id} is {box['status']} "
                    f"({st.status_name(str(box['status']))}); allowed only in {allowed}"
                ) from None
        return {"shipmentBoxId": box_id, "status": status}

    def order_view(self, id_text: object) -> dict[str, Any]:
        """Everything about an order, visible or not (the control API)."""
        with self.store.engine.begin() as conn:
            self._settle_reads(conn, None)
            order = self._order_any(conn, id_text)
            order_id = int(order["order_id"])
            boxes = db.boxes_of_order(conn, order_id)
            sheets = self._sheets(conn, boxes)
            receipts = db.receipts_of_order(conn, order_id)
        return {
            "orderId": order_id,
            "vendorId": order["vendor_id"],
            "visibleAt": wire(from_us(int(order["visible_at_us"]))),
            "region": order["region"],
            "sheets": sheets,
            "receipts": [
                {
                    "receiptId": int(x["receipt_id"]),
                    "receiptType": x["receipt_type"],
                    "receiptStatus": x["receipt_status"],
                    "releaseStopStatus": x["release_stop_status"],
                    "shipmentBoxId": int(x["shipment_box_id"]),
                    "items": x["items"],
                    "totalCount": int(x["total_count"]),
                    "requester": x["requester"],
                    "reasonCode": x["reason_code"],
                }
                for x in receipts
            ],
        }
