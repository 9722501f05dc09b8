"""Item cashback (상품 캐시백): apply a rule to options, look it up, remove it.

Each operation checks the body or query with the pure rules of
:mod:`coupang_seller.preflight.cashback` (the SDK runs the same ones before sending; "now" of
the 2-hour lead time is the sandbox clock here), then loads, applies the transition table of
:mod:`coupang_sandbox.state.cashback` and persists in one transaction.

Per option, an apply can still fail while the others succeed (HTTP 200, ``code`` 206
``PARTIAL_CONTENT``, the reasons in ``failVendorItemIds``):

* the option is not one of the vendor's listed options (unknown, another vendor's, or its
  product deleted), or its product is not approved (승인완료 이후의 옵션들에만 적용 가능);
* the option already has ANOTHER rule, still enabled, whose period overlaps the new one.

When no option takes the rule the route answers HTTP 400 with the same ``data``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Final

from sqlalchemy import Connection
from sqlalchemy.engine import RowMapping

from coupang_sandbox.backends._ids import ID_LIMIT
from coupang_sandbox.backends.products import Products
from coupang_sandbox.clock import SandboxClock, from_us, to_us
from coupang_sandbox.errors import NotFound, ValidationFailed
from coupang_sandbox.kst import wire
from coupang_sandbox.settings import SandboxSettings
from coupang_sandbox.state import cashback as st
from coupang_sandbox.store import Store
from coupang_sandbox.store import cashback as db
from coupang_sandbox.store import products as product_db
from coupang_seller.preflight import cashback as rules
from coupang_seller.preflight._core import Violation, as_id, as_int, id_violation

MSG_NOT_LISTED: Final = (
    "Invalid vendorItemId, vendorItemId doesn't exist or doesn't belong to corresponding vendorId"
)
MSG_NOT_APPROVED: Final = (
    "vendorItemId {vid}: its product is {status}; only approved options (승인완료) take a "
    "cashback rule"
)
MSG_OVERLAP: Final = (
    "vendorItemId {vid} already has cashback rule {other} from {start} to {end}, overlapping "
    "the new period"
)
APPROVED_STATUSES: Final = ("APPROVED", "PARTIAL_APPROVED")


@dataclass(frozen=True)
class RuleKey:
    """A rule on one option (``ruleId``, ``vendorItemId``), parsed by the route."""

    rule_id: int
    vendor_item_id: int


@dataclass
class ApplyOutcome:
    """The options that took the rule, and the others with the reason each failed."""

    succeeded: list[int]
    failed: list[tuple[int, str]]


@dataclass
class Cashback:
    store: Store
    clock: SandboxClock
    settings: SandboxSettings

    def _now(self) -> datetime:
        return self.clock.now().astimezone(UTC)

    def _refusal(
        self,
        conn: Connection,
        vendor_id: str,
        vid: int,
        *,
        rule_id: int,
        start_us: int,
        end_us: int,
    ) -> str | None:
        item = product_db.item_by_vendor_item_id(conn, vendor_id, vid, lock=True)
        if item is None:
            return MSG_NOT_LISTED
        product = product_db.product_get(conn, vendor_id, int(item["seller_product_id"]))
        if product is None or product["status"] == "DELETED":
            return MSG_NOT_LISTED
        if product["status"] not in APPROVED_STATUSES:
            return MSG_NOT_APPROVED.format(vid=vid, status=product["status"])
        for other in db.enabled_rules_of_item(conn, vendor_id, vid):
            if int(other["rule_id"]) == rule_id:
                continue
            if start_us < int(other["end_at_us"]) and int(other["start_at_us"]) < end_us:
                return MSG_OVERLAP.format(
                    vid=vid,
                    other=other["rule_id"],
                    start=wire(from_us(int(other["start_at_us"]))),
                    end=wire(from_us(int(other["end_at_us"]))),
                )
        return None

    def apply(self, vendor_id: str, body: Mapping[str, Any]) -> ApplyOutcome:
        now = self._now()
        found = rules.check_apply(body, now=now)
        rule_id = as_id(body.get("ruleId"))
        value = as_int(body.get("value"))
        start, end = rules.parse_time(body.get("startAt")), rules.parse_time(body.get("endAt"))
        if found or rule_id is None or value is None or start is None or end is None:
            raise ValidationFailed(found)
        value_type = str(body["valueType"])
        cap = as_int(body.get("maxAmount")) if value_type == "RATE" else None
        too_big = [
            Violation(name, "range", f"{name} is too large (stored as a 64-bit integer)")
            for name, number in (("ruleId", rule_id), ("value", value), ("maxAmount", cap))
            if number is not None and number >= ID_LIMIT
        ]
        if too_big:
            raise ValidationFailed(too_big)
        start_us, end_us, now_us = to_us(start), to_us(end), to_us(now)
        wanted: list[int] = []
        for raw in body["vendorItemIds"]:
            vid = as_id(raw)
            if vid is None:
                raise ValidationFailed([id_violation("vendorItemIds", raw)])
            if vid not in wanted:
                wanted.append(vid)
        outcome = ApplyOutcome([], [])
        with self.store.engine.begin() as conn:
            Products(self.store, self.clock, self.settings)._settle(conn, vendor_id)
            for vid in wanted:
                reason = (
                    MSG_NOT_LISTED
                    if vid >= ID_LIMIT
                    else self._refusal(
                        conn, vendor_id, vid, rule_id=rule_id, start_us=start_us, end_us=end_us
                    )
                )
                if reason is not None:
                    outcome.failed.append((vid, reason))
                    continue
                row = db.get_rule(conn, vendor_id, rule_id, vid, lock=True)
                state = st.state_of(None if row is None else bool(row["disabled"]))
                st.cashback.apply(state, st.APPLY)
                terms = {
                    "value_type": value_type,
                    "value": value,
                    "max_amount": cap or 0,
                    "start_at_us": start_us,
                    "end_at_us": end_us,
                    "disabled": False,
                    "disabled_at_us": None,
                    "updated_at_us": now_us,
                }
                if row is None:
                    db.insert_rule(
                        conn,
                        {
                            "vendor_id": vendor_id,
                            "rule_id": rule_id,
                            "vendor_item_id": vid,
                            "created_at_us": now_us,
                            **terms,
                        },
                    )
                else:
                    db.update_rule(conn, vendor_id, rule_id, vid, terms)
                outcome.succeeded.append(vid)
        return outcome

    def get(self, vendor_id: str, key: RuleKey) -> RowMapping:
        """The option's rule (404 when it has none)."""
        rule_id, vid = key.rule_id, key.vendor_item_id
        with self.store.engine.connect() as conn:
            row = db.get_rule(conn, vendor_id, rule_id, vid)
        if row is None:
            raise NotFound(f"no cashback rule {rule_id} on vendorItemId {vid}")
        return row

    def remove(self, vendor_id: str, key: RuleKey) -> None:
        """Stop the rule for the option (refused when it is already stopped)."""
        rule_id, vid = key.rule_id, key.vendor_item_id
        now_us = to_us(self._now())
        with self.store.engine.begin() as conn:
            row = db.get_rule(conn, vendor_id, rule_id, vid, lock=True)
            if row is None:
                raise NotFound(f"no cashback rule {rule_id} on vendorItemId {vid}")
            st.cashback.apply(st.state_of(bool(row["disabled"])), st.REMOVE)
            db.update_rule(
                conn,
                vendor_id,
                rule_id,
                vid,
                {"disabled": True, "disabled_at_us": now_us, "updated_at_us": now_us},
            )
