"""Product writes: create, full update (승인필요), partial update, approval request, delete.

Each write loads the product, checks the shared rules of
:mod:`coupang_seller.preflight.products` (with the references to the vendor's shipping places)
and persists in one transaction. Images are fetched before the transaction opens.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.engine import RowMapping

from coupang_sandbox.backends._ids import parse_id
from coupang_sandbox.backends._image_fetch import FetchedImages, ServerAddress, fetch_images
from coupang_sandbox.backends.products._approval import record_history, seller_of
from coupang_sandbox.backends.products._core import ProductsCore
from coupang_sandbox.backends.products._documents import (
    IsLeaf,
    MetaFor,
    catalog_lookups,
    exposed_names,
    norm_bool,
    norm_int,
    normalize_item_fields,
    normalize_product_fields,
)
from coupang_sandbox.backends.products._errors import (
    MSG_APPROVED_ITEM_REMOVED,
    MSG_DELETE_RULE,
    MSG_RETURN_CENTER,
    SellerApiError,
    merge_violations,
    product_not_found,
    raise_violations,
    transition,
)
from coupang_sandbox.backends.products._types import (
    NO_RETURN_CENTER_CODE,
    SELLER_PRODUCT_ID_START,
    SELLER_PRODUCT_ITEM_ID_START,
    PartialUpdate,
    ProductInput,
)
from coupang_sandbox.clock import to_us
from coupang_sandbox.errors import must_exist
from coupang_sandbox.state import products as st
from coupang_sandbox.store import products as db
from coupang_sandbox.store import repo, shipping_places
from coupang_sandbox.views import products as views
from coupang_sandbox.views.products import PARTIAL_FIELDS, PARTIAL_ITEM_FIELDS, Row
from coupang_seller.preflight import Violation
from coupang_seller.preflight._core import as_int, is_blank

#: A full update's items matched to the stored ones: ``(sellerProductItemId or None, body item)``.
ItemPlan = list[tuple[int | None, Mapping[str, Any]]]


@dataclass(frozen=True, slots=True)
class _Checked:
    """A full update that passed the rules: the plan, the stored items and the new document."""

    plan: ItemPlan
    current: dict[int, RowMapping]
    fields: dict[str, Any]
    exposed: set[str]


def _reference_violations(
    conn: Connection, vendor_id: str, body: Mapping[str, Any]
) -> tuple[list[Violation], Collection[str] | None]:
    """The outbound place and return center must be the vendor's; the place's couriers."""
    found: list[Violation] = []
    couriers: Collection[str] | None = None
    place_value = body.get("outboundShippingPlaceCode")
    if not is_blank(place_value):
        code = parse_id(place_value)
        place = None if code is None else shipping_places.outbound_get(conn, vendor_id, code)
        if place is None or not place["usable"]:
            found.append(
                Violation(
                    "outboundShippingPlaceCode",
                    "outbound_place_not_found",
                    f"출고지 [{place_value}]가 존재하지 않습니다. Register it first "
                    "(outbound shipping place API) and use a usable place of this vendor.",
                )
            )
        else:
            couriers = frozenset(
                str(info["deliveryCode"])
                for info in place["remote_infos"]
                if info.get("usable") is not False
            )
    center = body.get("returnCenterCode")
    if not is_blank(center) and str(center) != NO_RETURN_CENTER_CODE:
        row = shipping_places.return_get(conn, vendor_id, str(center))
        if row is None or not row["usable"]:
            found.append(
                Violation(
                    "returnCenterCode",
                    "return_center_not_found",
                    f"{MSG_RETURN_CENTER} (returnCenterCode {center} is not a usable return "
                    f"center of this vendor; or send {NO_RETURN_CENTER_CODE})",
                )
            )
    return found, couriers


def _match_item(
    i: int, item: Mapping[str, Any], current: Mapping[int, Row], seen: set[int]
) -> tuple[list[Violation], int | None, bool]:
    """One body item against the stored ones: its violations, its id and whether it is kept."""
    raw = item.get("sellerProductItemId")
    item_id = None if is_blank(raw) else parse_id(raw)
    if item_id is None:  # a new item (the rules report ids that are not numbers)
        return [], None, True
    if item_id not in current or item_id in seen:
        return (
            [
                Violation(
                    f"items[{i}].sellerProductItemId",
                    "unknown_item" if item_id not in current else "item_id_duplicate",
                    f"sellerProductItemId {raw} is not an item of this product"
                    if item_id not in current
                    else f"sellerProductItemId {item_id} is given to two items",
                )
            ],
            item_id,
            False,
        )
    stored_vendor_item = current[item_id]["vendor_item_id"]
    given_vendor_item = item.get("vendorItemId")
    if (
        not is_blank(given_vendor_item)
        and stored_vendor_item is not None
        and as_int(given_vendor_item) != int(stored_vendor_item)
    ):
        violation = Violation(
            f"items[{i}].vendorItemId",
            "vendor_item_mismatch",
            f"vendorItemId {given_vendor_item} does not belong to sellerProductItemId "
            f"{item_id} (it is {stored_vendor_item})",
        )
        return [violation], item_id, True
    return [], item_id, True


def plan_items(
    current: Mapping[int, Row], items: Sequence[Mapping[str, Any]]
) -> tuple[list[Violation], ItemPlan]:
    """Match the body's items to stored ones by ``sellerProductItemId``."""
    found: list[Violation] = []
    plan: ItemPlan = []
    seen: set[int] = set()
    for i, item in enumerate(items):
        violations, item_id, kept = _match_item(i, item, current, seen)
        found += violations
        if not kept:
            continue
        if item_id is not None:
            seen.add(item_id)
        plan.append((item_id, item))
    for item_id, stored in current.items():
        if item_id not in seen and stored["vendor_item_id"] is not None:
            found.append(
                Violation(
                    "items",
                    "approved_item_removed",
                    f"{MSG_APPROVED_ITEM_REMOVED} (sellerProductItemId {item_id}, vendorItemId "
                    f"{stored['vendor_item_id']} was approved; stop its sale instead)",
                )
            )
    return found, plan


def _item_columns(item: Mapping[str, Any]) -> dict[str, Any]:
    """The price, original price and stock columns of a not yet approved item."""
    return {
        "sale_price": as_int(item.get("salePrice")) or 0,
        "original_price": as_int(item.get("originalPrice")) or 0,
        "quantity": as_int(item.get("maximumBuyCount")) or 0,
    }


def _sku(item: Mapping[str, Any]) -> str | None:
    sku = item.get("externalVendorSku")
    return None if is_blank(sku) else str(sku)


class ProductWrites(ProductsCore):
    """Create, full and partial update, approval request and delete."""

    def _insert_item(
        self,
        conn: Connection,
        vendor_id: str,
        product_id: int,
        *,
        position: int,
        item: Mapping[str, Any],
        exposed: set[str],
        now: datetime,
    ) -> None:
        db.item_insert(
            conn,
            {
                "seller_product_item_id": repo.next_id(
                    conn, "seller_product_item", SELLER_PRODUCT_ITEM_ID_START
                ),
                "seller_product_id": product_id,
                "vendor_id": vendor_id,
                "position": position,
                "vendor_item_id": None,
                "external_vendor_sku": _sku(item),
                **_item_columns(item),
                "on_sale": False,
                "auto_generated_opt_in": None,
                "doc": normalize_item_fields(item, exposed=exposed, now=now),
            },
        )

    def create(
        self, vendor_id: str, product: ProductInput, *, server: ServerAddress | None = None
    ) -> int:
        """A new product (임시저장, or on to 승인대기중 when ``requested``); ``server`` is the
        sandbox that received the request (image URLs reaching it are refused)."""
        from coupang_seller.preflight import products as rules

        now = self._now()
        meta_for, is_leaf = catalog_lookups()
        body = product.document
        images = fetch_images(body, server)  # before the transaction: network I/O
        with self.store.engine.begin() as conn:
            references, couriers = _reference_violations(conn, vendor_id, body)
            violations = rules.check_product_create(
                body,
                meta_for=meta_for,
                is_leaf=is_leaf,
                now=now,
                load_image=images.load,
                outbound_couriers=couriers,
            )
            raise_violations(merge_violations(violations, images.violations, references))
            product_id = repo.next_id(conn, "seller_product", SELLER_PRODUCT_ID_START)
            fields = normalize_product_fields(body)
            values = {
                "seller_product_id": product_id,
                "vendor_id": vendor_id,
                "status": st.SAVED,
                "seller_product_name": product.name,
                "display_category_code": as_int(fields.get("displayCategoryCode")),
                "manufacture": product.manufacture,
                "product_id": None,
                "doc": fields,
                "created_at_us": to_us(now),
                "updated_at_us": to_us(now),
                "review_due_us": None,
            }
            db.product_insert(conn, values)
            exposed = exposed_names(fields, meta_for)
            for position, item in enumerate(product.items):
                self._insert_item(
                    conn,
                    vendor_id,
                    product_id,
                    position=position,
                    item=item,
                    exposed=exposed,
                    now=now,
                )
            record_history(
                conn, values, st.SAVED, comment="판매자 임시저장", by=seller_of(values), at=now
            )
            if product.requested:
                self._request_approval(conn, values, now)
        return product_id

    def update(
        self, vendor_id: str, product: ProductInput, *, server: ServerAddress | None = None
    ) -> int:
        """Full update (승인필요): the product goes back to 임시저장 (and on to 승인대기중 when
        ``requested``). Approved items keep their vendorItemId, price, stock and sale status:
        those change through the item APIs only; an approved item cannot be removed.
        ``server``: as for :meth:`create`."""
        if product.seller_product_id is None:
            raise product_not_found(None)
        now = self._now()
        meta_for, is_leaf = catalog_lookups()
        images = fetch_images(product.document, server)  # before the transaction: network I/O
        with self.store.engine.begin() as conn:
            row = self._load(conn, vendor_id, product.seller_product_id)
            product_id = int(row["seller_product_id"])
            status = transition(row, st.FULL_UPDATE)
            checked = self._check_update(
                conn,
                vendor_id,
                row,
                product,
                images=images,
                lookups=(meta_for, is_leaf),
                now=now,
            )
            self._write_items(conn, vendor_id, product_id, checked, now)
            db.product_update(
                conn,
                product_id,
                {
                    "status": status,
                    "seller_product_name": product.name or str(row["seller_product_name"]),
                    "manufacture": product.manufacture,
                    "doc": checked.fields,
                    "updated_at_us": to_us(now),
                    "review_due_us": None,
                },
            )
            by = seller_of({**row, "doc": checked.fields})
            record_history(conn, row, status, comment="판매자 상품 수정 - 임시저장", by=by, at=now)
            if product.requested:
                refreshed = must_exist(db.product_get(conn, vendor_id, product_id), "the product")
                self._request_approval(conn, refreshed, now)
        return product_id

    def _check_update(
        self,
        conn: Connection,
        vendor_id: str,
        row: RowMapping,
        product: ProductInput,
        *,
        images: FetchedImages,
        lookups: tuple[MetaFor, IsLeaf],
        now: datetime,
    ) -> _Checked:
        """The full update's rules, item plan and references (400 with every finding)."""
        from coupang_seller.preflight import products as rules

        meta_for, is_leaf = lookups
        body = product.document
        product_id = int(row["seller_product_id"])
        existing = views.product(row, db.items_of(conn, [product_id])[product_id])
        references, couriers = _reference_violations(conn, vendor_id, body)
        violations = rules.check_product_update(
            body,
            existing,
            meta_for=meta_for,
            is_leaf=is_leaf,
            now=now,
            load_image=images.load,
            outbound_couriers=couriers,
        )
        current = {
            int(i["seller_product_item_id"]): i for i in db.items_of(conn, [product_id])[product_id]
        }
        item_violations, plan = plan_items(current, product.items)
        raise_violations(
            merge_violations(item_violations, violations, images.violations, references)
        )
        fields = normalize_product_fields(body)
        return _Checked(plan, current, fields, exposed_names(fields, meta_for))

    def _write_items(
        self, conn: Connection, vendor_id: str, product_id: int, checked: _Checked, now: datetime
    ) -> None:
        """Insert the new items, rewrite the kept ones, delete the others."""
        kept: set[int] = set()
        for position, (item_id, item) in enumerate(checked.plan):
            if item_id is None:
                self._insert_item(
                    conn,
                    vendor_id,
                    product_id,
                    position=position,
                    item=item,
                    exposed=checked.exposed,
                    now=now,
                )
                continue
            kept.add(item_id)
            values: dict[str, Any] = {
                "position": position,
                "doc": normalize_item_fields(item, exposed=checked.exposed, now=now),
                "external_vendor_sku": _sku(item),
            }
            if checked.current[item_id]["vendor_item_id"] is None:
                values.update(_item_columns(item))
            db.item_update(conn, item_id, values)
        for item_id in set(checked.current) - kept:
            db.item_delete(conn, item_id)

    def delete(self, vendor_id: str, seller_product_id: int) -> int:
        """Delete a product whose items are all stopped; the product's id."""
        now = self._now()
        with self.store.engine.begin() as conn:
            row = self._load(conn, vendor_id, seller_product_id)
            product_id = int(row["seller_product_id"])
            status = transition(row, st.DELETE)
            on_sale = [
                int(i["vendor_item_id"])
                for i in db.items_of(conn, [product_id])[product_id]
                if i["vendor_item_id"] is not None and i["on_sale"]
            ]
            if on_sale:
                listed = ", ".join(str(v) for v in on_sale)
                raise SellerApiError(
                    f"{MSG_DELETE_RULE} (sellerProductId {product_id}: vendorItemId {listed} still "
                    "on sale; stop them first with PUT vendor-items/{vendorItemId}/sales/stop)"
                )
            db.product_update(
                conn,
                product_id,
                {"status": status, "updated_at_us": to_us(now), "review_due_us": None},
            )
            record_history(conn, row, status, comment="판매자 상품삭제", by=seller_of(row), at=now)
            return product_id

    def partial_update(self, vendor_id: str, seller_product_id: int, update: PartialUpdate) -> int:
        """Apply a partial update (no approval needed); the product keeps its status."""
        from coupang_seller.preflight import products as rules

        body = update.fields
        now = self._now()
        with self.store.engine.begin() as conn:
            row = self._load(conn, vendor_id, seller_product_id)
            product_id = int(row["seller_product_id"])
            transition(row, st.PARTIAL_UPDATE)
            items = db.items_of(conn, [product_id])[product_id]
            existing = views.product(row, items)
            # References are checked for what is sent; the couriers are those of the place
            # the product will ship from (sent or stored), for the remote-area rule.
            sent = {
                k: body[k] for k in ("outboundShippingPlaceCode", "returnCenterCode") if k in body
            }
            references, couriers = _reference_violations(conn, vendor_id, sent)
            if "outboundShippingPlaceCode" not in sent:
                stored = {"outboundShippingPlaceCode": existing.get("outboundShippingPlaceCode")}
                couriers = _reference_violations(conn, vendor_id, stored)[1]
            raise_violations(
                merge_violations(
                    rules.check_partial_update(body, existing, outbound_couriers=couriers),
                    references,
                )
            )
            doc = dict(row["doc"] or {})
            doc.update(normalize_product_fields({k: body[k] for k in PARTIAL_FIELDS if k in body}))
            db.product_update(conn, product_id, {"doc": doc, "updated_at_us": to_us(now)})
            item_changes = {
                k: (norm_bool(body[k]) if k == "pccNeeded" else norm_int(body[k]))
                for k in PARTIAL_ITEM_FIELDS
                if k in body
            }
            if item_changes:
                for item in items:
                    db.item_update(
                        conn,
                        int(item["seller_product_item_id"]),
                        {"doc": {**(item["doc"] or {}), **item_changes}},
                    )
            return product_id
