"""Seller products (업체상품): create, full and partial update, approval workflow, item APIs.

Every operation loads the product, applies a rule (the SDK's preflight rules in
:mod:`coupang_seller.preflight.products`, the single source of truth, and the transition
tables of :mod:`coupang_sandbox.state.products`) and persists, in one transaction.

The automatic review is lazy: there is no background job. Whenever a vendor's products are
read or changed, every product of that vendor still waiting for approval (APPROVING) whose
review is due on the sandbox clock (``SandboxSettings.auto_review_seconds`` after the
request) is approved first, with the due instant as the time of the history row. So
``advance_clock(601)`` followed by a GET shows 승인완료.

Images: the rules may look at image bytes (size, dimensions). Loopback image URLs are fetched
by :mod:`coupang_sandbox.backends._image_fetch` before the transaction opens (bounded in time
and size, never from the sandbox itself); any other URL is reported to the rules as
unloadable (``None``), and the rules then skip the checks that need the bytes.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Final

from sqlalchemy import Connection
from sqlalchemy.engine import RowMapping

from coupang_sandbox.backends._ids import parse_id
from coupang_sandbox.backends._image_fetch import ServerAddress, fetch_images
from coupang_sandbox.clock import SandboxClock, from_us, to_us
from coupang_sandbox.errors import (
    Conflict,
    NotFound,
    SandboxError,
    TransitionNotAllowed,
    ValidationFailed,
    must_exist,
)
from coupang_sandbox.settings import SandboxSettings
from coupang_sandbox.state import products as st
from coupang_sandbox.store import Store, shipping_places
from coupang_sandbox.store import products as db
from coupang_sandbox.store import repo as r
from coupang_sandbox.views import products as views
from coupang_seller._constants import KST
from coupang_seller.preflight import Violation
from coupang_seller.preflight._core import as_bool, as_int, is_blank, mapping_list

Row = views.Row
PARTIAL_FIELDS = views.PARTIAL_FIELDS
PARTIAL_ITEM_FIELDS = views.PARTIAL_ITEM_FIELDS

SELLER_PRODUCT_ID_START: Final = 10_000_000_001
SELLER_PRODUCT_ITEM_ID_START: Final = 20_000_000_001
VENDOR_ITEM_ID_START: Final = 3_000_000_001
PRODUCT_ID_START: Final = 7_000_000_001
HISTORY_ID_START: Final = 1

NO_RETURN_CENTER_CODE: Final = "NO_RETURN_CENTERCODE"
SYSTEM_USER: Final = "쿠팡 셀러 시스템"

MSG_DELETE_RULE = "상품이 승인중 상태가 아니며, 상품에 포함된 옵션(아이템)이 모두 판매중지된 경우에 삭제가 가능합니다."
MSG_APPROVAL_RULE = "'임시저장' 상태에서만 '승인요청'이 가능합니다."
MSG_APPROVED_ITEM_REMOVED = "vendorItem로 생성된 아이템은 삭제가 불가능합니다."
MSG_RETURN_CENTER = "올바른 반품지 센터코드를 입력 하세요."

#: Product-level fields kept from the body (everything else the body carries is kept too,
#: under its own name, so an unknown field round-trips like Coupang's Java DTOs would not).
_IDS_AND_FLAGS = ("sellerProductId", "vendorId", "requested", "items", "statusName")
_PRODUCT_INTS = (
    "displayCategoryCode",
    "deliveryCharge",
    "freeShipOverAmount",
    "deliveryChargeOnReturn",
    "returnCharge",
    "outboundShippingPlaceCode",
)
_ITEM_INTS = (
    "maximumBuyForPerson",
    "outboundShippingTimeDay",
    "maximumBuyForPersonPeriod",
    "unitCount",
)
_ITEM_BOOLS = ("pccNeeded", "emptyBarcode")
_ITEM_COLUMNS = (
    "sellerProductItemId",
    "vendorItemId",
    "salePrice",
    "originalPrice",
    "maximumBuyCount",
)


# -- errors ------------------------------------------------------------------------------------


class SellerApiError(SandboxError):
    """A refusal of the seller_api provider: ``{"code": "ERROR", "message", "data": null}``."""

    def __init__(self, message: str, *, status: int = 400, **kwargs: Any) -> None:
        super().__init__(status, message, code="ERROR", **kwargs)


class SellerValidationFailed(ValidationFailed):
    """Broken rules, in the seller_api envelope (``code: ERROR``) with every violation listed."""

    def __init__(self, violations: Sequence[Violation], message: str | None = None) -> None:
        super().__init__(violations)
        self.code = "ERROR"
        if message is not None:
            self.message = message


#: Rules whose findings the sandbox drops: the rules report a ``vendorPath`` that is not a
#: URL and cannot be read as a local file; the sandbox never reads a seller's files (Coupang
#: itself only downloads ``http(s)`` paths), so it has nothing to say about such a path.
IGNORED_RULES: Final = frozenset({"image_unreadable"})


def merge_violations(*groups: Iterable[Violation]) -> list[Violation]:
    """The violations of every group, without ignored rules and without repeats of the same
    rule on the same field (the first wording wins)."""
    seen: set[tuple[str, str]] = set()
    merged: list[Violation] = []
    for group in groups:
        for violation in group:
            key = (violation.field, violation.rule)
            if violation.rule in IGNORED_RULES or key in seen:
                continue
            seen.add(key)
            merged.append(violation)
    return merged


def raise_violations(found: Iterable[Violation], message: str | None = None) -> None:
    violations = list(found)
    if violations:
        raise SellerValidationFailed(violations, message)


def product_not_found(seller_product_id: object) -> SellerApiError:
    return SellerApiError(f"존재하지 않는 등록상품아이디 [{seller_product_id}]입니다.")


def item_not_found(vendor_item_id: object) -> SellerApiError:
    return SellerApiError(
        f"존재하지 않는 옵션아이디 [{vendor_item_id}]입니다. vendorItemId is given to an item "
        "when its product is approved (승인완료)."
    )


_STATE_MESSAGES: dict[tuple[str, str], str] = {
    (st.APPROVING, st.FULL_UPDATE): "승인 대기중 상품은 수정할 수 없습니다.",
    (st.APPROVING, st.PARTIAL_UPDATE): "승인 대기중 상품은 수정할 수 없습니다.",
    (st.SAVING, st.FULL_UPDATE): "생성이 진행중인 상품은 수정할 수 없습니다.",
    (st.SAVING, st.PARTIAL_UPDATE): "생성이 진행중인 상품은 수정할 수 없습니다.",
    (st.APPROVING, st.DELETE): MSG_DELETE_RULE,
}


def state_refusal(seller_product_id: int, status: str, event: str) -> SellerApiError:
    """A clear refusal of ``event`` in ``status``: Coupang's wording, then the why."""
    if status == st.DELETED:
        korean = "삭제된 상품은 변경이 불가능합니다."
    elif event == st.REQUEST_APPROVAL:
        korean = (
            f"업체상품[{seller_product_id}]이 승인요청 가능한 상태가 아닙니다. {MSG_APPROVAL_RULE}"
        )
    else:
        korean = _STATE_MESSAGES.get((status, event), "상품 상태를 변경할 수 없습니다.")
    allowed = sorted(s for s in st.STATUS_NAMES if st.seller_product.can(s, event))
    return SellerApiError(
        f"{korean} (sellerProductId {seller_product_id} is {status} ({st.status_name(status)}); "
        f"'{event}' is allowed only in {', '.join(allowed) or 'no state'})"
    )


# -- small helpers -----------------------------------------------------------------------------


def _norm_int(value: Any) -> Any:
    number = as_int(value)
    return value if number is None else number


def _norm_bool(value: Any) -> Any:
    flag = as_bool(value)
    return value if flag is None else flag


def _catalog_lookups() -> tuple[
    Callable[[int], Mapping[str, Any] | None], Callable[[int], bool | None]
]:
    from coupang_seller.catalog import load_catalog

    catalog = load_catalog()

    def meta_for(code: int) -> Mapping[str, Any] | None:
        meta: Mapping[str, Any] | None = catalog.meta(code)
        return meta

    def is_leaf(code: int) -> bool | None:
        node = catalog.get(code)
        return None if node is None else bool(node.is_leaf)

    return meta_for, is_leaf


def _exposed_names(meta: Mapping[str, Any] | None) -> set[str]:
    if not meta:
        return set()
    return {
        str(a.get("attributeTypeName"))
        for a in mapping_list(meta.get("attributes")) or []
        if a.get("exposed") == "EXPOSED"
    }


# -- documents ---------------------------------------------------------------------------------


def normalize_product_fields(body: Mapping[str, Any]) -> dict[str, Any]:
    doc = {k: v for k, v in body.items() if k not in _IDS_AND_FLAGS}
    for key in _PRODUCT_INTS:
        if key in doc:
            doc[key] = _norm_int(doc[key])
    if doc.get("returnCenterCode") is not None:
        doc["returnCenterCode"] = str(doc["returnCenterCode"])
    return doc


def normalize_item_fields(
    item: Mapping[str, Any], *, exposed: set[str], now: datetime
) -> dict[str, Any]:
    doc = {k: v for k, v in item.items() if k not in _ITEM_COLUMNS}
    for key in _ITEM_INTS:
        if key in doc:
            doc[key] = _norm_int(doc[key])
    for key in _ITEM_BOOLS:
        if key in doc:
            doc[key] = _norm_bool(doc[key])
    images = []
    for i, image in enumerate(mapping_list(item.get("images")) or []):
        entry = dict(image)
        entry.setdefault("imageOrder", i)
        if is_blank(entry.get("cdnPath")):
            day = now.astimezone(KST).strftime("%Y/%m/%d/%H")
            entry["cdnPath"] = f"vendor_inventory/images/{day}/{uuid.uuid4()}.jpg"
        entry.setdefault("vendorPath", None)
        images.append(entry)
    doc["images"] = images
    attributes = []
    for attribute in mapping_list(item.get("attributes")) or []:
        entry = dict(attribute)
        if entry.get("exposed") is None:
            name = entry.get("attributeTypeName")
            entry["exposed"] = "EXPOSED" if name in exposed else "NONE"
        entry["editable"] = _norm_bool(entry.get("editable", True))
        attributes.append(entry)
    doc["attributes"] = attributes
    if "extraProperties" in doc:  # stored as answered (order sheets copy it too)
        doc["extraProperties"] = views.string_properties(doc["extraProperties"])
    return doc


# -- the backend -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Review:
    """A review outcome: ``result`` is APPROVED, PARTIAL_APPROVED or DENIED."""

    result: str
    reason: str = ""
    approved_item_ids: tuple[int, ...] | None = None
    by: str = SYSTEM_USER


@dataclass(frozen=True, slots=True)
class ListQuery:
    statuses: tuple[str, ...] | None = None
    seller_product_id: int | None = None
    name: str | None = None
    manufacture: str | None = None
    created_from: datetime | None = None
    created_to: datetime | None = None


@dataclass(frozen=True, slots=True)
class ProductInput:
    """A product body for create or full update, as the route parsed it.

    ``document`` is the body itself: the shared rules read it, images are fetched from it and
    the stored document is normalised from it (unknown fields round-trip). The fields the
    backend acts on are parsed out: ``seller_product_id`` (full update only), ``name``,
    ``manufacture``, ``requested`` and ``items``.
    """

    document: Mapping[str, Any]
    name: str
    manufacture: str | None
    requested: bool
    items: tuple[Mapping[str, Any], ...]
    seller_product_id: int | None = None


@dataclass(frozen=True, slots=True)
class PartialUpdate:
    """A partial (no-approval) update: ``fields`` is the body, whose ``sellerProductId`` the
    route checked against the path; the rules read it and only :data:`PARTIAL_FIELDS` and
    :data:`PARTIAL_ITEM_FIELDS` are applied."""

    fields: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class ProductRows:
    """A product's row and its items' rows, in position order."""

    product: RowMapping
    items: list[RowMapping]


@dataclass(frozen=True, slots=True)
class ReviewOutcome:
    """A product after a review: its row (as loaded), the new status and its items."""

    product: RowMapping
    status: str
    items: list[RowMapping]


@dataclass
class Products:
    store: Store
    clock: SandboxClock
    settings: SandboxSettings

    # -- plumbing ---------------------------------------------------------------------

    def _now(self) -> datetime:
        return self.clock.now().astimezone(UTC)

    def _history(
        self,
        conn: Connection,
        row: Row,
        status: str,
        *,
        comment: str,
        by: str,
        at: datetime,
    ) -> None:
        db.history_insert(
            conn,
            {
                "id": r.next_id(conn, "product_history", HISTORY_ID_START),
                "seller_product_id": int(row["seller_product_id"]),
                "vendor_id": row["vendor_id"],
                "status": status,
                "comment": comment,
                "created_by": by or SYSTEM_USER,
                "created_at_us": to_us(at),
            },
        )

    def _seller(self, row: Row) -> str:
        doc = row["doc"] or {}
        user = doc.get("vendorUserId")
        return str(user) if not is_blank(user) else str(row["vendor_id"])

    def _transition(self, row: Row, event: str) -> str:
        try:
            return st.seller_product.apply(str(row["status"]), event)
        except TransitionNotAllowed:
            raise state_refusal(int(row["seller_product_id"]), str(row["status"]), event) from None

    def _request_approval(self, conn: Connection, row: Row, now: datetime) -> None:
        status = self._transition(row, st.REQUEST_APPROVAL)
        seconds = self.settings.auto_review_seconds
        due = None if seconds is None else to_us(now + timedelta(seconds=seconds))
        db.product_update(
            conn,
            int(row["seller_product_id"]),
            {"status": status, "review_due_us": due, "updated_at_us": to_us(now)},
        )
        self._history(conn, row, status, comment="판매자 승인요청", by=self._seller(row), at=now)

    def _apply_review(self, conn: Connection, row: Row, review: Review, at: datetime) -> str:
        event = st.REVIEW_EVENTS.get(review.result)
        if event is None:
            raise ValidationFailed(
                [
                    Violation(
                        "result",
                        "enum",
                        "result must be APPROVED, PARTIAL_APPROVED or DENIED "
                        f"(got {review.result!r})",
                    )
                ]
            )
        product_id = int(row["seller_product_id"])
        try:
            status = st.seller_product.apply(str(row["status"]), event)
        except TransitionNotAllowed:
            raise Conflict(
                f"sellerProductId {product_id} is {row['status']} ({st.status_name(row['status'])}), "
                "not waiting for a review (승인대기중); request approval first"
            ) from None
        items = db.items_of(conn, [product_id])[product_id]
        approve: list[RowMapping] = []
        if status == st.APPROVED:
            approve = list(items)
        elif status == st.PARTIAL_APPROVED:
            wanted = review.approved_item_ids
            if wanted is None:
                approve = items[:1]
            else:
                known = {int(i["seller_product_item_id"]) for i in items}
                unknown = sorted(set(wanted) - known)
                if unknown or not wanted:
                    raise ValidationFailed(
                        [
                            Violation(
                                "sellerProductItemIds",
                                "unknown_item" if unknown else "required",
                                f"sellerProductItemIds must name items of product {product_id}"
                                + (f" (unknown: {unknown})" if unknown else ""),
                            )
                        ]
                    )
                approve = [i for i in items if int(i["seller_product_item_id"]) in set(wanted)]
        for item in approve:
            if item["vendor_item_id"] is None:
                db.item_update(
                    conn,
                    int(item["seller_product_item_id"]),
                    {
                        "vendor_item_id": r.next_id(conn, "vendor_item", VENDOR_ITEM_ID_START),
                        "on_sale": True,
                    },
                )
        values: dict[str, Any] = {
            "status": status,
            "review_due_us": None,
            "updated_at_us": to_us(at),
        }
        if approve and row["product_id"] is None:
            values["product_id"] = r.next_id(conn, "exposed_product", PRODUCT_ID_START)
        db.product_update(conn, product_id, values)
        comment = {
            st.APPROVED: "승인완료 - Items 생성 완료",
            st.PARTIAL_APPROVED: "부분승인완료 - 일부 Items 생성 완료",
            st.DENIED: "승인반려",
        }[status]
        if review.reason:
            comment = f"{comment}: {review.reason}"
        self._history(conn, row, status, comment=comment, by=review.by, at=at)
        return status

    def _settle(
        self, conn: Connection, vendor_id: str | None, product_id: int | None = None
    ) -> None:
        """Approve every product whose automatic review is due (lazily, see the module doc)."""
        if self.settings.auto_review_seconds is None:
            return
        now_us = to_us(self._now())
        for row in db.products_due_for_review(conn, vendor_id, now_us, product_id):
            self._apply_review(conn, row, Review(st.APPROVED), from_us(int(row["review_due_us"])))

    def _load(
        self, conn: Connection, vendor_id: str, id_text: object, *, lock: bool = True
    ) -> RowMapping:
        product_id = parse_id(id_text)
        if product_id is None:
            raise product_not_found(id_text)
        self._settle(conn, vendor_id, product_id)
        row = db.product_get(conn, vendor_id, product_id, lock=lock)
        if row is None:
            raise product_not_found(product_id)
        return row

    def _load_item(
        self, conn: Connection, vendor_id: str, id_text: object, *, lock: bool = True
    ) -> tuple[RowMapping, RowMapping]:
        vendor_item_id = parse_id(id_text)
        if vendor_item_id is None:
            raise item_not_found(id_text)
        self._settle(conn, vendor_id)
        item = db.item_by_vendor_item_id(conn, vendor_id, vendor_item_id, lock=lock)
        if item is None:
            raise item_not_found(vendor_item_id)
        row = must_exist(
            db.product_get(conn, vendor_id, int(item["seller_product_id"])), "the product"
        )
        if row["status"] == st.DELETED:
            raise SellerApiError("삭제된 상품은 변경이 불가능합니다.")
        return item, row

    # -- references to other resources -------------------------------------------------

    @staticmethod
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

    # -- product operations -----------------------------------------------------------

    def create(
        self, vendor_id: str, product: ProductInput, *, server: ServerAddress | None = None
    ) -> int:
        """A new product (임시저장, or on to 승인대기중 when ``requested``); ``server`` is the
        sandbox that received the request (image URLs reaching it are refused)."""
        from coupang_seller.preflight import products as rules

        now = self._now()
        meta_for, is_leaf = _catalog_lookups()
        body = product.document
        images = fetch_images(body, server)  # before the transaction: network I/O
        with self.store.engine.begin() as conn:
            references, couriers = self._reference_violations(conn, vendor_id, body)
            violations = rules.check_product_create(
                body,
                meta_for=meta_for,
                is_leaf=is_leaf,
                now=now,
                load_image=images.load,
                outbound_couriers=couriers,
            )
            raise_violations(merge_violations(violations, images.violations, references))
            product_id = r.next_id(conn, "seller_product", SELLER_PRODUCT_ID_START)
            fields = normalize_product_fields(body)
            category = as_int(fields.get("displayCategoryCode"))
            exposed = _exposed_names(None if category is None else meta_for(category))
            values = {
                "seller_product_id": product_id,
                "vendor_id": vendor_id,
                "status": st.SAVED,
                "seller_product_name": product.name,
                "display_category_code": category,
                "manufacture": product.manufacture,
                "product_id": None,
                "doc": fields,
                "created_at_us": to_us(now),
                "updated_at_us": to_us(now),
                "review_due_us": None,
            }
            db.product_insert(conn, values)
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
            self._history(
                conn, values, st.SAVED, comment="판매자 임시저장", by=self._seller(values), at=now
            )
            if product.requested:
                self._request_approval(conn, values, now)
        return product_id

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
        sku = item.get("externalVendorSku")
        db.item_insert(
            conn,
            {
                "seller_product_item_id": r.next_id(
                    conn, "seller_product_item", SELLER_PRODUCT_ITEM_ID_START
                ),
                "seller_product_id": product_id,
                "vendor_id": vendor_id,
                "position": position,
                "vendor_item_id": None,
                "external_vendor_sku": None if is_blank(sku) else str(sku),
                "sale_price": as_int(item.get("salePrice")) or 0,
                "original_price": as_int(item.get("originalPrice")) or 0,
                "quantity": as_int(item.get("maximumBuyCount")) or 0,
                "on_sale": False,
                "auto_generated_opt_in": None,
                "doc": normalize_item_fields(item, exposed=exposed, now=now),
            },
        )

    def get(self, vendor_id: str, id_text: object) -> ProductRows:
        """The product and its items (after any due review)."""
        with self.store.engine.begin() as conn:
            row = self._load(conn, vendor_id, id_text, lock=False)
            product_id = int(row["seller_product_id"])
            return ProductRows(row, db.items_of(conn, [product_id])[product_id])

    def _existing(self, conn: Connection, row: Row) -> dict[str, Any]:
        """The product as Coupang answers it: what the update rules compare the body with."""
        product_id = int(row["seller_product_id"])
        return views.product(row, db.items_of(conn, [product_id])[product_id])

    def update(
        self, vendor_id: str, product: ProductInput, *, server: ServerAddress | None = None
    ) -> int:
        """Full update (승인필요): the product goes back to 임시저장 (and on to 승인대기중 when
        ``requested``). Approved items keep their vendorItemId, price, stock and sale status:
        those change through the item APIs only; an approved item cannot be removed.
        ``server``: as for :meth:`create`."""
        from coupang_seller.preflight import products as rules

        body = product.document
        now = self._now()
        meta_for, is_leaf = _catalog_lookups()
        images = fetch_images(body, server)  # before the transaction: network I/O
        with self.store.engine.begin() as conn:
            row = self._load(conn, vendor_id, product.seller_product_id)
            product_id = int(row["seller_product_id"])
            status = self._transition(row, st.FULL_UPDATE)
            existing = self._existing(conn, row)
            references, couriers = self._reference_violations(conn, vendor_id, body)
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
                int(i["seller_product_item_id"]): i
                for i in db.items_of(conn, [product_id])[product_id]
            }
            item_violations, plan = self._plan_items(current, product.items)
            raise_violations(
                merge_violations(item_violations, violations, images.violations, references)
            )
            fields = normalize_product_fields(body)
            category = as_int(fields.get("displayCategoryCode"))
            exposed = _exposed_names(None if category is None else meta_for(category))
            kept: set[int] = set()
            for position, (item_id, item) in enumerate(plan):
                if item_id is None:
                    self._insert_item(
                        conn,
                        vendor_id,
                        product_id,
                        position=position,
                        item=item,
                        exposed=exposed,
                        now=now,
                    )
                    continue
                kept.add(item_id)
                stored = current[item_id]
                values: dict[str, Any] = {
                    "position": position,
                    "doc": normalize_item_fields(item, exposed=exposed, now=now),
                    "external_vendor_sku": None
                    if is_blank(item.get("externalVendorSku"))
                    else str(item["externalVendorSku"]),
                }
                if stored["vendor_item_id"] is None:
                    values["sale_price"] = as_int(item.get("salePrice")) or 0
                    values["original_price"] = as_int(item.get("originalPrice")) or 0
                    values["quantity"] = as_int(item.get("maximumBuyCount")) or 0
                db.item_update(conn, item_id, values)
            for item_id in set(current) - kept:
                db.item_delete(conn, item_id)
            db.product_update(
                conn,
                product_id,
                {
                    "status": status,
                    "seller_product_name": product.name or str(row["seller_product_name"]),
                    "manufacture": product.manufacture,
                    "doc": fields,
                    "updated_at_us": to_us(now),
                    "review_due_us": None,
                },
            )
            self._history(
                conn,
                row,
                status,
                comment="판매자 상품 수정 - 임시저장",
                by=self._seller({**row, "doc": fields}),
                at=now,
            )
            if product.requested:
                refreshed = must_exist(db.product_get(conn, vendor_id, product_id), "the product")
                self._request_approval(conn, refreshed, now)
        return product_id

    @staticmethod
    def _plan_items(
        current: Mapping[int, Row], items: Sequence[Mapping[str, Any]]
    ) -> tuple[list[Violation], list[tuple[int | None, Mapping[str, Any]]]]:
        """Match the body's items to stored ones by ``sellerProductItemId``."""
        found: list[Violation] = []
        plan: list[tuple[int | None, Mapping[str, Any]]] = []
        seen: set[int] = set()
        for i, item in enumerate(items):
            raw = item.get("sellerProductItemId")
            item_id = None if is_blank(raw) else parse_id(raw)
            if item_id is None:  # a new item (the rules report ids that are not numbers)
                plan.append((None, item))
                continue
            if item_id not in current or item_id in seen:
                found.append(
                    Violation(
                        f"items[{i}].sellerProductItemId",
                        "unknown_item" if item_id not in current else "item_id_duplicate",
                        f"sellerProductItemId {raw} is not an item of this product"
                        if item_id not in current
                        else f"sellerProductItemId {item_id} is given to two items",
                    )
                )
                continue
            seen.add(item_id)
            stored_vendor_item = current[item_id]["vendor_item_id"]
            given_vendor_item = item.get("vendorItemId")
            if (
                not is_blank(given_vendor_item)
                and stored_vendor_item is not None
                and as_int(given_vendor_item) != int(stored_vendor_item)
            ):
                found.append(
                    Violation(
                        f"items[{i}].vendorItemId",
                        "vendor_item_mismatch",
                        f"vendorItemId {given_vendor_item} does not belong to sellerProductItemId "
                        f"{item_id} (it is {stored_vendor_item})",
                    )
                )
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

    def request_approval(self, vendor_id: str, id_text: object) -> int:
        now = self._now()
        with self.store.engine.begin() as conn:
            row = self._load(conn, vendor_id, id_text)
            self._request_approval(conn, row, now)
            return int(row["seller_product_id"])

    def delete(self, vendor_id: str, id_text: object) -> int:
        now = self._now()
        with self.store.engine.begin() as conn:
            row = self._load(conn, vendor_id, id_text)
            product_id = int(row["seller_product_id"])
            status = self._transition(row, st.DELETE)
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
            self._history(
                conn, row, status, comment="판매자 상품삭제", by=self._seller(row), at=now
            )
            return product_id

    def partial(self, vendor_id: str, id_text: object) -> ProductRows:
        """The product and its items, for the partial lookup (a deleted one is refused)."""
        with self.store.engine.begin() as conn:
            row = self._load(conn, vendor_id, id_text, lock=False)
            if row["status"] == st.DELETED:
                raise SellerApiError(
                    f"상품({row['seller_product_id']})의 데이터가 없습니다. (the product was deleted)"
                )
            product_id = int(row["seller_product_id"])
            return ProductRows(row, db.items_of(conn, [product_id])[product_id])

    def partial_update(self, vendor_id: str, id_text: object, update: PartialUpdate) -> int:
        """Apply a partial update (no approval needed); the product keeps its status."""
        from coupang_seller.preflight import products as rules

        body = update.fields
        now = self._now()
        with self.store.engine.begin() as conn:
            row = self._load(conn, vendor_id, id_text)
            product_id = int(row["seller_product_id"])
            self._transition(row, st.PARTIAL_UPDATE)
            items = db.items_of(conn, [product_id])[product_id]
            existing = views.product(row, items)
            # References are checked for what is sent; the couriers are those of the place
            # the product will ship from (sent or stored), for the remote-area rule.
            sent = {
                k: body[k] for k in ("outboundShippingPlaceCode", "returnCenterCode") if k in body
            }
            references, couriers = self._reference_violations(conn, vendor_id, sent)
            if "outboundShippingPlaceCode" not in sent:
                stored = {"outboundShippingPlaceCode": existing.get("outboundShippingPlaceCode")}
                couriers = self._reference_violations(conn, vendor_id, stored)[1]
            raise_violations(
                merge_violations(
                    rules.check_partial_update(body, existing, outbound_couriers=couriers),
                    references,
                )
            )
            doc = dict(row["doc"] or {})
            changes = normalize_product_fields({k: body[k] for k in PARTIAL_FIELDS if k in body})
            doc.update(changes)
            db.product_update(conn, product_id, {"doc": doc, "updated_at_us": to_us(now)})
            item_changes = {
                k: (_norm_bool(body[k]) if k == "pccNeeded" else _norm_int(body[k]))
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

    def page(
        self, vendor_id: str, query: ListQuery, *, page: int, size: int
    ) -> tuple[list[RowMapping], bool]:
        """One page of the vendor's products, and whether another follows."""
        statuses = query.statuses
        if statuses is None:
            statuses = tuple(s for s in st.STATUS_NAMES if s != st.DELETED)
        with self.store.engine.begin() as conn:
            self._settle(conn, vendor_id)
            rows, more = db.products_page(
                conn,
                vendor_id,
                statuses=statuses,
                seller_product_id=query.seller_product_id,
                name=query.name,
                manufacture=query.manufacture,
                created_from_us=None if query.created_from is None else to_us(query.created_from),
                created_to_us=None if query.created_to is None else to_us(query.created_to),
                offset=(page - 1) * size,
                limit=size,
            )
        return rows, more

    def time_frame(self, vendor_id: str, start: datetime, end: datetime) -> Sequence[RowMapping]:
        """The vendor's products created in ``[start, end]``."""
        with self.store.engine.begin() as conn:
            self._settle(conn, vendor_id)
            return db.products_created_between(conn, vendor_id, to_us(start), to_us(end))

    def by_external_sku(self, vendor_id: str, sku: str) -> Sequence[RowMapping]:
        """The vendor's products with an item of this ``externalVendorSku``."""
        with self.store.engine.begin() as conn:
            self._settle(conn, vendor_id)
            ids = db.product_ids_by_sku(conn, vendor_id, sku)
            return db.products_by_ids(conn, vendor_id, ids) if ids else []

    def histories(
        self, vendor_id: str, id_text: object, *, page: int, size: int
    ) -> tuple[list[RowMapping], bool]:
        """One page of a product's status history, and whether another follows."""
        with self.store.engine.begin() as conn:
            row = self._load(conn, vendor_id, id_text, lock=False)
            return db.histories_page(
                conn, int(row["seller_product_id"]), offset=(page - 1) * size, limit=size
            )

    def registered_count(self, vendor_id: str) -> int:
        """How many products the vendor has (deleted ones aside)."""
        with self.store.engine.begin() as conn:
            self._settle(conn, vendor_id)
            return db.count_products(conn, vendor_id, exclude_status=st.DELETED)

    # -- item operations --------------------------------------------------------------

    def inventory(self, vendor_id: str, id_text: object) -> RowMapping:
        """A vendor item's row (after any due review); 400 when unknown or deleted."""
        with self.store.engine.begin() as conn:
            item, _ = self._load_item(conn, vendor_id, id_text, lock=False)
            return item

    def change_price(self, vendor_id: str, id_text: object, price: int, *, force: bool) -> None:
        """A vendor item's sale price (the rules limit a jump unless ``force``)."""
        from coupang_seller.preflight import products as rules

        with self.store.engine.begin() as conn:
            item, _ = self._load_item(conn, vendor_id, id_text)
            vendor_item_id = int(item["vendor_item_id"])
            found = rules.check_price_change(int(item["sale_price"]), price, force=force)
            if found:
                detail = " ".join(v.message for v in found)
                raise SellerValidationFailed(
                    found, f"가격변경에 실패했습니다. [옵션ID[{vendor_item_id}] : {detail}]"
                )
            db.item_update(conn, int(item["seller_product_item_id"]), {"sale_price": price})

    def change_quantity(self, vendor_id: str, id_text: object, quantity: int) -> None:
        """A vendor item's stock."""
        from coupang_seller.preflight import products as rules

        with self.store.engine.begin() as conn:
            item, _ = self._load_item(conn, vendor_id, id_text)
            found = rules.check_quantity(quantity)
            if found:
                detail = " ".join(v.message for v in found)
                raise SellerValidationFailed(
                    found, f"재고변경에 실패했습니다. [옵션ID[{item['vendor_item_id']}] : {detail}]"
                )
            db.item_update(conn, int(item["seller_product_item_id"]), {"quantity": quantity})

    def change_original_price(self, vendor_id: str, id_text: object, value: int) -> None:
        """A vendor item's original price (할인율기준가)."""
        from coupang_seller.preflight import products as rules

        with self.store.engine.begin() as conn:
            item, _ = self._load_item(conn, vendor_id, id_text)
            found = rules.check_original_price(value)
            if found:
                detail = " ".join(v.message for v in found)
                raise SellerValidationFailed(
                    found,
                    f"할인율기준가 변경에 실패했습니다. [옵션ID[{item['vendor_item_id']}] : {detail}]",
                )
            db.item_update(conn, int(item["seller_product_item_id"]), {"original_price": value})

    def change_sale(self, vendor_id: str, id_text: object, event: str) -> None:
        with self.store.engine.begin() as conn:
            item, _ = self._load_item(conn, vendor_id, id_text)
            on_sale = st.vendor_item_sale.apply(bool(item["on_sale"]), event)
            db.item_update(conn, int(item["seller_product_item_id"]), {"on_sale": on_sale})

    def item_auto_option(self, vendor_id: str, id_text: object, *, opt_in: bool) -> None:
        with self.store.engine.begin() as conn:
            item, _ = self._load_item(conn, vendor_id, id_text)
            db.item_update(
                conn, int(item["seller_product_item_id"]), {"auto_generated_opt_in": opt_in}
            )

    def seller_auto_option(self, vendor_id: str, *, opt_in: bool) -> None:
        with self.store.engine.begin() as conn:
            db.seller_options_set(conn, vendor_id, opt_in=opt_in, now_us=to_us(self._now()))

    # -- control ----------------------------------------------------------------------

    def review(self, id_text: object, review: Review) -> ReviewOutcome:
        """The control API's review of a product waiting for approval (any vendor)."""
        product_id = parse_id(id_text)
        if product_id is None:
            raise NotFound(f"sellerProductId {id_text} does not exist")
        with self.store.engine.begin() as conn:
            self._settle(conn, None, product_id)
            row = db.product_by_id(conn, product_id)
            if row is None:
                raise NotFound(f"sellerProductId {product_id} does not exist")
            status = self._apply_review(conn, row, review, self._now())
            items = db.items_of(conn, [product_id])[product_id]
        return ReviewOutcome(row, status, items)
