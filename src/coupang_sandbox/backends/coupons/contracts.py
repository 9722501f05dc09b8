"""Contracts and their monthly budgets (the control API seeds the contracts)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.engine import RowMapping

from coupang_sandbox.backends.coupons._common import (
    CONTRACT_ID_START,
    NON_CONTRACT_BASED,
    Row,
    month_of,
    us_of,
)
from coupang_sandbox.backends.coupons.base import CouponsBase
from coupang_sandbox.backends.coupons.rows import (
    BudgetQuery,
    ContractBudget,
    ContractInput,
    ContractQuery,
)
from coupang_sandbox.backends.coupons.settling import settle
from coupang_sandbox.clock import to_us
from coupang_sandbox.errors import NotFound
from coupang_sandbox.store import coupons as cdb
from coupang_sandbox.store import repo as r


class ContractOps(CouponsBase):
    """Contracts and budgets."""

    def create_contract(self, vendor_id: str, wanted: ContractInput) -> Row:
        """Store a contract for ``vendor_id`` (control API); the stored row. 404 for an unknown
        vendor."""
        self.require_vendor(vendor_id)
        now = self._now()
        kind = wanted.kind
        with self.store.engine.begin() as conn:
            contract_id = r.next_id(conn, "coupon_contract", CONTRACT_ID_START)
            vendor_contract = wanted.vendor_contract_id
            if vendor_contract is None:
                vendor_contract = -1 if kind == NON_CONTRACT_BASED else contract_id - 9_000
            values = {
                "contract_id": contract_id,
                "vendor_id": vendor_id,
                "vendor_contract_id": vendor_contract,
                "type": kind,
                "start_us": us_of(wanted.start),
                "end_us": us_of(wanted.end),
                "budget_per_month": wanted.budget_per_month,
                "doc": {
                    "sellerShareRatio": wanted.seller_share_ratio,
                    "coupangShareRatio": wanted.coupang_share_ratio,
                    "gmvRatio": wanted.gmv_ratio,
                    "modifiedBy": wanted.modified_by,
                },
                "modified_at_us": to_us(now),
            }
            cdb.contract_insert(conn, values)
            return values

    def contracts(self, vendor_id: str) -> list[RowMapping]:
        """The vendor's contracts."""
        with self.store.engine.begin() as conn:
            return list(cdb.contracts_of(conn, vendor_id))

    def contract(self, vendor_id: str, query: ContractQuery) -> RowMapping:
        """One contract of the vendor; 404 quoting the id as asked."""
        with self.store.engine.begin() as conn:
            row = cdb.contract_get(conn, vendor_id, query.contract_id)
            if row is None:
                raise NotFound(f"contractId {query.given} is not a contract of {vendor_id}")
            return row

    def budgets(self, vendor_id: str, query: BudgetQuery) -> list[ContractBudget]:
        """Each asked contract's budget use in the target month (default: this month, Korean
        time)."""
        now = self._now()
        target = query.target_month if query.target_month is not None else month_of(now)
        first = datetime.strptime(target, "%Y-%m")
        after = datetime(first.year + first.month // 12, first.month % 12 + 1, 1)
        with self.store.engine.begin() as conn:
            settle(conn, vendor_id, now)
            rows = cdb.contracts_of(conn, vendor_id)
            if query.contract is not None:
                wanted = query.contract.contract_id
                rows = [row for row in rows if int(row["contract_id"]) == wanted]
                if not rows:
                    raise NotFound(
                        f"contractId {query.contract.given} is not a contract of {vendor_id}"
                    )
            else:
                rows = [
                    row
                    for row in rows
                    if int(row["start_us"]) < us_of(after) and int(row["end_us"]) >= us_of(first)
                ]
            return [
                ContractBudget(row, target, cdb.budget_used(conn, int(row["contract_id"]), target))
                for row in rows
            ]
