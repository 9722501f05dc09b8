"""The control API's customer and courier: a customer places a paid order (stock goes down,
items share a box per bundle) and edits its address; a courier scans a shipped box."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.engine import RowMapping

from coupang_sandbox import faults
from coupang_sandbox.backends._ids import parse_id
from coupang_sandbox.backends.orders._base import OrdersBase
from coupang_sandbox.backends.orders._common import (
    JEJU,
    MAINLAND,
    ORDER_ID_START,
    ORDER_ITEM_ID_START,
    SHIPMENT_BOX_ID_START,
    SPLIT_NONE,
    Row,
    region_of,
    safe_number,
    shown_status,
)
from coupang_sandbox.clock import to_us
from coupang_sandbox.errors import (
    Conflict,
    NotFound,
    SandboxError,
    TransitionNotAllowed,
    ValidationFailed,
    must_exist,
)
from coupang_sandbox.kst import kst_day
from coupang_sandbox.state import orders as st
from coupang_sandbox.store import orders as db
from coupang_sandbox.store import products as product_db
from coupang_sandbox.store import repo, shipping_places
from coupang_seller.preflight import Violation
from coupang_seller.preflight._core import as_int

#: An order line as picked: the option's row, its product's row and the quantity.
Picked = tuple[RowMapping, RowMapping, int]


@dataclass(frozen=True, slots=True)
class Receiver:
    """The address fields the customer gave (None: the sandbox's default)."""

    name: str | None = None
    addr1: str | None = None
    addr2: str | None = None
    post_code: str | None = None


@dataclass(frozen=True, slots=True)
class PlaceOrder:
    """A customer's paid order: ``(vendorItemId, quantity)`` lines and the optional details.

    ``coupons`` holds the body's ``items`` and ``downloadableCoupons`` as sent: the coupons
    backend (:func:`~coupang_sandbox.backends.coupons.apply_download_coupons`) reads them.
    """

    vendor_id: str
    lines: tuple[tuple[int, int], ...]
    receiver: Receiver
    orderer_name: str | None
    safe_number: str | None
    bundle: bool
    parcel_print_message: Any
    refer: str | None
    coupons: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class PlacedBox:
    """A shipment box of a placed order."""

    shipment_box_id: int
    vendor_item_ids: list[int]
    shipping_price: int
    remote_price: int
    remote_area: bool


@dataclass(frozen=True, slots=True)
class Placed:
    """A placed order: when it was paid and when the seller sees it, and its boxes."""

    order_id: int
    vendor_id: str
    paid_at: datetime
    visible_at: datetime
    region: str
    safe_number: str
    boxes: list[PlacedBox]


@dataclass(frozen=True, slots=True)
class AddressChange:
    """The receiver's fields the customer changes (non-empty strings, checked by the route)."""

    fields: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class AddressChanged:
    """The order's receiver after the change, and the region its postcode falls in."""

    order_id: int
    receiver: dict[str, Any]
    region: str


@dataclass(frozen=True, slots=True)
class Scan:
    """A courier scan: the name as sent (upper-cased) and the box event it maps to."""

    name: str
    event: str


@dataclass(frozen=True, slots=True)
class Scanned:
    """The box's status after a courier scan."""

    shipment_box_id: int
    status: str


def shipping_fee(doc: Mapping[str, Any], total: int) -> int:
    """The shipping fee of a product's delivery terms for a box worth ``total``."""
    kind = str(doc.get("deliveryChargeType") or "FREE")
    charge = as_int(doc.get("deliveryCharge")) or 0
    if kind in ("FREE", "CHARGE_RECEIVED"):
        return 0
    if kind.startswith("FREE_DELIVERY_OVER") or kind == "CONDITIONAL_FREE":
        threshold = as_int(doc.get("freeShipOverAmount")) or 0
        return 0 if total >= threshold else charge
    return charge


def remote_fee(conn: Connection, vendor_id: str, doc: Mapping[str, Any], region: str) -> int:
    """The outbound place's remote-area fee (도서산간) of the product's courier in ``region``."""
    code = as_int(doc.get("outboundShippingPlaceCode"))
    place = None if code is None else shipping_places.outbound_get(conn, vendor_id, code)
    if place is None:
        return 0
    courier = doc.get("deliveryCompanyCode")
    for info in place["remote_infos"] or []:
        if info.get("usable", True) and info.get("deliveryCode") == courier:
            return int(info.get("jeju" if region == JEJU else "notJeju") or 0)
    return 0


def not_orderable(item: Row, product: Row, quantity: int) -> str | None:
    """Why ``quantity`` of the option cannot be ordered now, or None."""
    if product["status"] not in ("APPROVED", "PARTIAL_APPROVED"):
        return f"its product is {product['status']}, not approved"
    if not item["on_sale"]:
        return "it is not on sale (판매중지)"
    if int(item["quantity"]) < quantity:
        return f"only {item['quantity']} in stock"
    return None


class Simulation(OrdersBase):
    """The customer (orders, address changes) and the courier (scans) of the control API."""

    def place(self, request: PlaceOrder) -> Placed:
        """A paid order for approved, on-sale items; the seller sees it later."""
        self._require_listed(request)
        now = self._now()
        late = faults.visibility_delay(self.store, self.clock, request.vendor_id)  # late_visibility
        post_code = request.receiver.post_code or "06236"
        region = region_of(post_code)
        safe = request.safe_number or safe_number()
        with self.store.engine.begin() as conn:
            picked = self._pick(conn, request)
            order_id = repo.next_id(conn, "order", ORDER_ID_START)
            visible = now + timedelta(seconds=self.settings.order_visible_after_seconds + late)
            db.order_insert(
                conn,
                self._order_row(
                    request,
                    order_id,
                    times=(now, visible),
                    region=region,
                    safe=safe,
                    post_code=post_code,
                ),
            )
            boxes = [
                self._place_box(
                    conn, request.vendor_id, order_id, group, region=region, times=(now, visible)
                )
                for group in self._bundles(picked, bundle=request.bundle)
            ]
            # The customer's downloaded coupons, if the body names any (coupons backend).
            self.effects.apply_downloaded_coupons(
                conn, request.vendor_id, order_id, request.coupons, now
            )
        return Placed(order_id, request.vendor_id, now, visible, region, safe, boxes)

    def _require_listed(self, request: PlaceOrder) -> None:
        """400 unless every line's option is an approved item of the vendor."""
        for vid, _ in request.lines:
            try:
                self.effects.listed_item(
                    request.vendor_id, vid
                )  # settles due reviews, 400 when unknown
            except SandboxError:
                raise ValidationFailed(
                    [
                        Violation(
                            "items",
                            "not_listed",
                            f"vendorItemId {vid} is not an approved item of vendor "
                            f"{request.vendor_id}",
                        )
                    ]
                ) from None

    @staticmethod
    def _pick(conn: Connection, request: PlaceOrder) -> list[Picked]:
        """Lock each option, check it can be ordered, and take the quantity off its stock."""
        picked: list[Picked] = []
        for vid, qty in request.lines:
            item = must_exist(
                product_db.item_by_vendor_item_id(conn, request.vendor_id, vid, lock=True),
                "the option",
            )
            product = must_exist(
                product_db.product_get(conn, request.vendor_id, int(item["seller_product_id"])),
                "the product",
            )
            problem = not_orderable(item, product, qty)
            if problem is not None:
                raise ValidationFailed(
                    [Violation("items", "not_orderable", f"vendorItemId {vid}: {problem}")]
                )
            product_db.item_update(
                conn, int(item["seller_product_item_id"]), {"quantity": int(item["quantity"]) - qty}
            )
            picked.append((item, product, qty))
        return picked

    @staticmethod
    def _order_row(
        request: PlaceOrder,
        order_id: int,
        *,
        times: tuple[datetime, datetime],
        region: str,
        safe: str,
        post_code: str,
    ) -> dict[str, Any]:
        now, visible = times
        receiver = request.receiver
        return {
            "order_id": order_id,
            "vendor_id": request.vendor_id,
            "ordered_at_us": to_us(now),
            "paid_at_us": to_us(now),
            "visible_at_us": to_us(visible),
            "orderer": {"name": request.orderer_name or "김*팡", "email": "", "safeNumber": safe},
            "receiver": {
                "name": receiver.name or request.orderer_name or "김*팡",
                "safeNumber": safe,
                "addr1": receiver.addr1 or "서울특별시 강남구 테헤란로 123",
                "addr2": receiver.addr2 or "4층",
                "postCode": post_code,
            },
            "region": region,
            "parcel_print_message": request.parcel_print_message,
            "refer": request.refer or "안드로이드앱",
        }

    @staticmethod
    def _bundles(picked: Sequence[Picked], *, bundle: bool) -> list[list[Picked]]:
        """Items of UNION_DELIVERY products from one outbound place share a box (묶음배송)
        unless ``bundle`` is false; other items get a box each."""
        groups: dict[Any, list[Picked]] = {}
        for entry in picked:
            doc = entry[1]["doc"] or {}
            union = doc.get("unionDeliveryType") == "UNION_DELIVERY"
            key = (
                ("bundle", doc.get("outboundShippingPlaceCode"))
                if bundle and union
                else ("single", int(entry[0]["vendor_item_id"]))
            )
            groups.setdefault(key, []).append(entry)
        return list(groups.values())

    def _place_box(
        self,
        conn: Connection,
        vendor_id: str,
        order_id: int,
        group: Sequence[Picked],
        *,
        region: str,
        times: tuple[datetime, datetime],
    ) -> PlacedBox:
        now, visible = times
        box_id = repo.next_id(conn, "shipment_box", SHIPMENT_BOX_ID_START)
        total = sum(int(item["sale_price"]) * qty for item, _, qty in group)
        fee = max(shipping_fee(product["doc"] or {}, total) for _, product, _ in group)
        remote = 0
        if region != MAINLAND:
            remote = max(remote_fee(conn, vendor_id, p["doc"] or {}, region) for _, p, _ in group)
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
                "shipping_price": fee,
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
            self._place_item(conn, (vendor_id, order_id, box_id), item, product, qty, now=now)
        vendor_item_ids = [int(item["vendor_item_id"]) for item, _, _ in group]
        return PlacedBox(box_id, vendor_item_ids, fee, remote, region != MAINLAND)

    def _place_item(
        self,
        conn: Connection,
        owner: tuple[str, int, int],
        item: RowMapping,
        product: RowMapping,
        qty: int,
        *,
        now: datetime,
    ) -> None:
        """One order line of a box: ``owner`` is (vendorId, orderId, shipmentBoxId)."""
        vendor_id, order_id, box_id = owner
        doc = product["doc"] or {}
        item_doc = item["doc"] or {}
        days = as_int(item_doc.get("outboundShippingTimeDay")) or 1
        name = str(product["seller_product_name"])
        item_name = str(item_doc.get("itemName") or "")
        db.item_insert(
            conn,
            {
                "id": repo.next_id(conn, "order_item", ORDER_ITEM_ID_START),
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
                    **self.effects.line_discounts(
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

    # -- the customer's address -------------------------------------------------------

    def change_address(self, id_text: object, change: AddressChange) -> AddressChanged:
        """The customer edits the address, allowed while every box is ACCEPT (409 after)."""
        fields = dict(change.fields)
        with self.store.engine.begin() as conn:
            order = self._order_any(conn, id_text)
            boxes = db.boxes_of_order(conn, int(order["order_id"]), lock=True)
            moved = [b for b in boxes if b["status"] != st.ACCEPT]
            if moved:
                box = moved[0]
                raise Conflict(
                    f"the address can change only while the order is ACCEPT (결제완료); "
                    f"shipmentBoxId {box['shipment_box_id']} is {shown_status(box)} "
                    f"({st.status_name(shown_status(box))})"
                )
            new = {**(order["receiver"] or {}), **fields}
            region = region_of(str(new.get("postCode") or ""))
            db.order_update(conn, int(order["order_id"]), {"receiver": new, "region": region})
            for box in boxes:
                db.box_update(
                    conn, int(box["shipment_box_id"]), {"remote_area": region != MAINLAND}
                )
        return AddressChanged(int(order["order_id"]), new, region)

    # -- the courier ------------------------------------------------------------------

    def scan(self, id_text: object, scan: Scan) -> Scanned:
        """A courier scan of a shipped box (never of a DIRECT / NONE_TRACKING one)."""
        now = self._now()
        with self.store.engine.begin() as conn:
            self.settle_due(conn, None)
            box_id = parse_id(id_text)
            box = None if box_id is None else db.box_get(conn, box_id, lock=True)
            if box is None or box_id is None:
                raise NotFound(f"shipmentBoxId {id_text} does not exist")
            if box["status"] == st.NONE_TRACKING:
                raise Conflict(
                    f"shipmentBoxId {box_id} ships DIRECT (업체직송, NONE_TRACKING): no courier "
                    "tracking, so no scans; completeLongTermUndelivery closes it"
                )
            try:
                status = self._move(conn, box, scan.event, now, self._scan_values(box, scan, now))
            except TransitionNotAllowed:
                allowed = ", ".join(st.allowed_states(scan.event))
                raise Conflict(
                    f"courier scan {scan.name}: shipmentBoxId {box_id} is {box['status']} "
                    f"({st.status_name(str(box['status']))}); allowed only in {allowed}"
                ) from None
        return Scanned(box_id, status)

    def _scan_values(self, box: Row, scan: Scan, now: datetime) -> dict[str, Any]:
        values: dict[str, Any] = {"pickup_due_us": None}
        if scan.event == st.DELIVERED:
            values.update({"delivered_at_us": to_us(now), "delivery_due_us": None})
        if box["in_transit_at_us"] is None:
            values["in_transit_at_us"] = to_us(now)
        if scan.event != st.DELIVERED and box["delivery_due_us"] is None:
            seconds = self.settings.courier_delivery_seconds
            values["delivery_due_us"] = (
                None if seconds is None else to_us(now + timedelta(seconds=seconds))
            )
        return values
