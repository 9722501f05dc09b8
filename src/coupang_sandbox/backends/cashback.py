"""Item cashback (상품 캐시백): apply a rule to options, look it up, remove it.

The route checks the body or query with the pure rules of
:mod:`coupang_seller.preflight.cashback` (the SDK runs the same ones before sending; "now" of
the 2-hour lead time is the sandbox clock here) and parses it (:class:`RuleInput`,
:class:`RuleKey`); each operation then loads, applies the transition table of
:mod:`coupang_sandbox.state.cashback` and persists in one transaction.

Per option, an apply can still fail while the others succeed (HTTP 200, ``code`` 206
``PARTIAL_CONTENT``, the reasons in ``failVendorItemIds``):

* the option is not one of the vendor's listed options (unknown, another vendor's, or its
  product deleted), or its product is not approved (승인완료 이후의 옵션들에만 적용 가능);
* the option already has ANOTHER rule, still enabled, whose period overlaps the new one.

When no option takes the rule the route answers HTTP 400 with the same ``data``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Final

from sqlalchemy import Connection
from sqlalchemy.engine import RowMapping

from coupang_sandbox.backends._ids import ID_LIMIT
from coupang_sandbox.clock import SandboxClock, from_us, to_us
from coupang_sandbox.errors import NotFound
from coupang_sandbox.kst import wire
from coupang_sandbox.settings import SandboxSettings
from coupang_sandbox.state import cashback as st
from coupang_sandbox.store import Store
from coupang_sandbox.store import cashback as db
from coupang_sandbox.store import products as product_db

if TYPE_CHECKING:
    from coupang_sandbox.backends.effects import Effects

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


@dataclass(frozen=True)
class RuleInput:
    """An apply body, parsed by the route after the shared rules: the rule's terms and the
    options it goes to (``vendorItemIds`` without repeats, in the order sent)."""

    rule_id: int
    value_type: str
    value: int
    max_amount: int | None
    start: datetime
    end: datetime
    vendor_item_ids: tuple[int, ...]


@dataclass
class ApplyOutcome:
    """The options that took the rule, and the others with the reason each failed."""

    succeeded: list[int]
    failed: list[tuple[int, str]]


@dataclass
class Cashback:
    """The cashback backend over the store, the sandbox clock and the settings."""

    store: Store
    clock: SandboxClock
    settings: SandboxSettings
    #: The other groups this one reaches (see :mod:`coupang_sandbox.backends.effects`).
    effects: Effects

    def _now(self) -> datetime:
        return self.clock.now().astimezone(UTC)

    @staticmethod
    def _refusal(conn: Connection, vendor_id: str, vid: int, rule: RuleInput) -> str | None:
        """Why the option cannot take the rule (not listed, not approved, an overlapping
        rule), or ``None``."""
        start_us, end_us = to_us(rule.start), to_us(rule.end)
        item = product_db.item_by_vendor_item_id(conn, vendor_id, vid, lock=True)
        if item is None:
            return MSG_NOT_LISTED
        product = product_db.product_get(conn, vendor_id, int(item["seller_product_id"]))
        if product is None or product["status"] == "DELETED":
            return MSG_NOT_LISTED
        if product["status"] not in APPROVED_STATUSES:
            return MSG_NOT_APPROVED.format(vid=vid, status=product["status"])
        for other in db.enabled_rules_of_item(conn, vendor_id, vid):
            if int(other["rule_id"]) == rule.rule_id:
                continue
            if start_us < int(other["end_at_us"]) and int(other["start_at_us"]) < end_us:
                return MSG_OVERLAP.format(
                    vid=vid,
                    other=other["rule_id"],
                    start=wire(from_us(int(other["start_at_us"]))),
                    end=wire(from_us(int(other["end_at_us"]))),
                )
        return None

    def apply(self, vendor_id: str, rule: RuleInput) -> ApplyOutcome:
        """Apply the rule to each option; the options that took it and the others' reasons."""
        now_us = to_us(self._now())
        outcome = ApplyOutcome([], [])
        with self.store.engine.begin() as conn:
            self.effects.reviews_due(conn, vendor_id)
            for vid in rule.vendor_item_ids:
                reason = (
                    MSG_NOT_LISTED if vid >= ID_LIMIT else self._refusal(conn, vendor_id, vid, rule)
                )
                if reason is not None:
                    outcome.failed.append((vid, reason))
                    continue
                self._store_rule(conn, vendor_id, vid, rule, now_us)
                outcome.succeeded.append(vid)
        return outcome

    @staticmethod
    def _store_rule(
        conn: Connection, vendor_id: str, vid: int, rule: RuleInput, now_us: int
    ) -> None:
        """Insert the option's rule, or re-enable and rewrite it."""
        row = db.get_rule(conn, vendor_id, rule.rule_id, vid, lock=True)
        state = st.state_of(None if row is None else bool(row["disabled"]))
        st.cashback.apply(state, st.APPLY)
        terms = {
            "value_type": rule.value_type,
            "value": rule.value,
            "max_amount": rule.max_amount or 0,
            "start_at_us": to_us(rule.start),
            "end_at_us": to_us(rule.end),
            "disabled": False,
            "disabled_at_us": None,
            "updated_at_us": now_us,
        }
        if row is None:
            db.insert_rule(
                conn,
                {
                    "vendor_id": vendor_id,
                    "rule_id": rule.rule_id,
                    "vendor_item_id": vid,
                    "created_at_us": now_us,
                    **terms,
                },
            )
        else:
            db.update_rule(conn, vendor_id, rule.rule_id, vid, terms)

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
