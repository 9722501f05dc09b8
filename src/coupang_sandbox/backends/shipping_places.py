"""Outbound shipping places (출고지) and return centers (반품지).

The backends store each place with its API representation (``doc``, rendered by
:mod:`coupang_sandbox.views.shipping_places` at write time) and list pages as those stored
JSON documents; the SQL is in :mod:`coupang_sandbox.store.shipping_places`.

Validation is the SDK's preflight rules (:mod:`coupang_seller.preflight.shipping_places`), the
single source of truth, plus a few storage-level limits Coupang's Java backend imposes anyway
(string lengths, 32-bit integers).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.engine import RowMapping
from sqlalchemy.exc import IntegrityError

from coupang_sandbox.clock import SandboxClock, to_ms
from coupang_sandbox.errors import (
    Duplicate,
    NotFound,
    TransitionNotAllowed,
    ValidationFailed,
)
from coupang_sandbox.state.shipping_places import remote_info, shipping_place, usable_event
from coupang_sandbox.store import Store, repo
from coupang_sandbox.store import shipping_places as store
from coupang_sandbox.views import shipping_places as views
from coupang_seller.preflight import Violation
from coupang_seller.preflight import shipping_places as rules

OUTBOUND_CODE_START = 100_001
REMOTE_INFO_ID_START = 1_000_001
RETURN_CENTER_CODE_START = 1_000_000_001


# -- typed arguments (built by coupang_sandbox.routes.shipping_places) --------------------------


@dataclass(frozen=True, slots=True)
class RemoteInfoChange:
    """One ``remoteInfos`` entry (remote-area shipping fees of a courier). ``remote_info_id``
    names the entry an update changes (``None``: a new one); ``usable`` is ``None`` when not
    sent."""

    delivery_code: str
    jeju: int | None
    not_jeju: int | None
    usable: bool | None
    remote_info_id: int | None = None


@dataclass(frozen=True, slots=True)
class OutboundPlaceInput:
    """A new outbound shipping place (addresses normalised to the stored shape)."""

    name: str
    is_global: bool
    usable: bool
    addresses: list[dict[str, str]]
    remote_infos: tuple[RemoteInfoChange, ...]
    user_id: str


@dataclass(frozen=True, slots=True)
class OutboundPlaceUpdate:
    """An outbound place update: ``None`` keeps the stored value."""

    name: str | None
    is_global: bool | None
    usable: bool | None
    addresses: list[dict[str, str]] | None
    remote_infos: tuple[RemoteInfoChange, ...] | None
    user_id: str | None


@dataclass(frozen=True, slots=True)
class ReturnCenterInput:
    """A new return center with its pick-up contract (goodsflow) and return fees."""

    name: str
    usable: bool
    deliver_code: str
    contract_number: str | None
    contract_customer_number: str | None
    fees: dict[str, int | None]
    addresses: list[dict[str, str]]
    user_id: str


@dataclass(frozen=True, slots=True)
class ReturnCenterUpdate:
    """A return center update: ``None`` keeps the stored value; ``fees`` holds the fees sent
    (``None``: no contract block in the body)."""

    name: str | None
    usable: bool | None
    deliver_code: str | None
    contract_number: str | None
    contract_customer_number: str | None
    fees: dict[str, int | None] | None
    addresses: list[dict[str, str]] | None
    user_id: str | None


# -- small helpers -----------------------------------------------------------------------------


def jibun_key(addresses: Sequence[Mapping[str, Any]]) -> tuple[str, str, str] | None:
    for a in addresses:
        if a.get("addressType") == "JIBUN":
            return (
                str(a.get("returnZipCode", "")).strip(),
                " ".join(str(a.get("returnAddress", "")).split()),
                " ".join(str(a.get("returnAddressDetail", "")).split()),
            )
    return None


def _now_ms(clock: SandboxClock) -> int:
    return to_ms(clock.now().astimezone(UTC))


def _given(**columns: Any) -> dict[str, Any]:
    """The columns an update sets: those given a value (``None`` keeps the stored one)."""
    return {name: value for name, value in columns.items() if value is not None}


def _usable(current: bool, wanted: bool | None) -> bool | None:
    """The place's new ``usable`` (through the state table), ``None`` when it does not change."""
    if wanted is None:
        return None
    event = usable_event(current, wanted)
    return None if event is None else shipping_place.apply(current, event)


# -- outbound shipping places ------------------------------------------------------------------


OUTBOUND_LABEL = "outboundShippingPlaceCode"
RETURN_LABEL = "returnCenterCode"


def _name_taken(name: str, label: str, code: object) -> Duplicate:
    return Duplicate(f"Shipping place name '{name}' already exists as {label} {code}", str(code))


@contextmanager
def _unique_name(
    store: Store,
    vendor_id: str,
    name: str | None,
    by_name: Callable[[Connection, str, str], RowMapping | None],
    *,
    label: str,
    exclude: object = None,
) -> Iterator[None]:
    """Around a write transaction: the database's unique (vendor, name) key refusing a name
    another process took after our check is answered as the check answers it (400 Duplicate
    with the existing code), never as a 500."""
    try:
        yield
    except IntegrityError:
        if name is not None:
            with store.engine.connect() as conn:
                other = by_name(conn, vendor_id, name)
            if other is not None and other["code"] != exclude:
                raise _name_taken(name, label, other["code"]) from None
        raise


@dataclass
class OutboundPlaces:
    store: Store
    clock: SandboxClock

    def _refuse_duplicates(
        self,
        conn: Any,
        vendor_id: str,
        *,
        name: str | None,
        addresses: Sequence[Mapping[str, Any]] | None,
        check_address: bool,
        exclude: int | None = None,
    ) -> None:
        if name is not None:
            other = store.outbound_by_name(conn, vendor_id, name)
            if other is not None and other["code"] != exclude:
                raise _name_taken(name, OUTBOUND_LABEL, other["code"])
        if check_address and addresses:
            key = jibun_key(addresses)
            if key is None:
                return
            for row in store.outbound_all(conn, vendor_id):
                if row["code"] != exclude and jibun_key(row["addresses"]) == key:
                    code = str(row["code"])
                    label = " ".join(part for part in key if part)
                    raise Duplicate(
                        f"Shipping place address '{label}' already exists as "
                        f"outboundShippingPlaceCode {code}",
                        code,
                    )

    def require(self, vendor_id: str, code: int) -> None:
        """:class:`NotFound` unless the vendor has the outbound place ``code``."""
        with self.store.engine.connect() as conn:
            if store.outbound_get(conn, vendor_id, code) is None:
                raise NotFound(f"outboundShippingPlaceCode {code} does not exist")

    def create(self, vendor_id: str, place: OutboundPlaceInput, *, check_address: bool) -> int:
        """Store a new place (its name, and on v5 its JIBUN address, unique per vendor)."""
        now = _now_ms(self.clock)
        with (
            _unique_name(
                self.store, vendor_id, place.name, store.outbound_by_name, label=OUTBOUND_LABEL
            ),
            self.store.engine.begin() as conn,
        ):
            store.lock_places(conn, vendor_id)
            self._refuse_duplicates(
                conn, vendor_id, name=place.name, addresses=place.addresses,
                check_address=check_address,
            )  # fmt: skip
            infos = [
                {
                    "remoteInfoId": repo.next_id(conn, "remote_info", REMOTE_INFO_ID_START),
                    "deliveryCode": info.delivery_code,
                    "jeju": info.jeju,
                    "notJeju": info.not_jeju,
                    "usable": info.usable is not False,
                }
                for info in place.remote_infos
            ]
            code = repo.next_id(conn, "outbound_place", OUTBOUND_CODE_START)
            values: dict[str, Any] = {
                "code": code,
                "vendor_id": vendor_id,
                "name": place.name,
                "is_global": place.is_global,
                "usable": place.usable,
                "addresses": place.addresses,
                "remote_infos": infos,
                "user_id": place.user_id,
                "created_at_ms": now,
                "updated_at_ms": now,
            }
            values["doc"] = views.outbound_doc(values)
            store.outbound_insert(conn, values)
        return code

    def update(
        self, vendor_id: str, code: int, change: OutboundPlaceUpdate, *, check_address: bool
    ) -> None:
        """Apply ``change`` to the vendor's place ``code`` (404 when it has none)."""
        with (
            _unique_name(
                self.store, vendor_id, change.name, store.outbound_by_name,
                label=OUTBOUND_LABEL, exclude=code,
            ),
            self.store.engine.begin() as conn,
        ):  # fmt: skip
            store.lock_places(conn, vendor_id)
            row = store.outbound_get(conn, vendor_id, code)
            if row is None:
                raise NotFound(f"outboundShippingPlaceCode {code} does not exist")
            self._refuse_duplicates(
                conn, vendor_id, name=change.name, addresses=change.addresses,
                check_address=check_address, exclude=code,
            )  # fmt: skip
            values = _given(
                addresses=change.addresses,
                name=change.name,
                usable=_usable(bool(row["usable"]), change.usable),
                is_global=change.is_global,
                user_id=change.user_id,
            )
            if change.remote_infos is not None:
                values["remote_infos"] = self._merge_remote_infos(
                    conn, row["remote_infos"], change.remote_infos
                )
            values["updated_at_ms"] = _now_ms(self.clock)
            values["doc"] = views.outbound_doc({**row, **values})
            store.outbound_update(conn, code, values)

    @staticmethod
    def _merge_remote_infos(
        conn: Any, current: Sequence[Mapping[str, Any]], changes: Sequence[RemoteInfoChange]
    ) -> list[dict[str, Any]]:
        """The place's ``remoteInfos`` after ``changes``; every refused change is reported at
        once (:class:`ValidationFailed`)."""
        merge = _RemoteInfoMerge(conn, [dict(info) for info in current])
        for i, change in enumerate(changes):
            if change.remote_info_id is None:
                merge.add(f"remoteInfos[{i}]", change)
            else:
                merge.change(f"remoteInfos[{i}]", change, change.remote_info_id)
        if merge.violations:
            raise ValidationFailed(merge.violations)
        return merge.infos

    def page(
        self,
        vendor_id: str,
        *,
        codes: Sequence[int] | None = None,
        names: Sequence[str] | None = None,
        page_num: int = 1,
        page_size: int | None = None,
    ) -> tuple[list[str], int]:
        """Rendered JSON documents of one page, and the total."""
        offset = (page_num - 1) * page_size if page_size else 0
        with self.store.engine.connect() as conn:
            return store.outbound_page(
                conn, vendor_id, codes=codes, names=names, offset=offset, limit=page_size
            )


# -- return centers ----------------------------------------------------------------------------


class _RemoteInfoMerge:
    """The remote-area fee entries of one place while an update's changes are applied: new
    entries for a courier not active yet, and edits, disables and re-enables (through the
    state table) of registered ones."""

    def __init__(self, conn: Any, infos: list[dict[str, Any]]) -> None:
        self.conn = conn
        self.infos = infos
        self.by_id = {int(info["remoteInfoId"]): info for info in infos}
        self.active = {info["deliveryCode"]: info for info in infos if info["usable"]}
        self.violations: list[Violation] = []

    def add(self, prefix: str, change: RemoteInfoChange) -> None:
        """A change without remoteInfoId: a new entry (refused for an active courier)."""
        courier, active = change.delivery_code, self.active
        if change.usable is not False and courier in active:
            self.violations.append(
                Violation(
                    f"{prefix}.deliveryCode",
                    "courier_already_registered",
                    f"courier {courier} is already registered at this place as remoteInfoId "
                    f"{active[courier]['remoteInfoId']}; send that remoteInfoId to change it",
                )
            )
            return
        new_id = repo.next_id(self.conn, "remote_info", REMOTE_INFO_ID_START)
        entry: dict[str, Any] = {
            "remoteInfoId": new_id,
            "deliveryCode": courier,
            "jeju": change.jeju,
            "notJeju": change.not_jeju,
            "usable": change.usable is not False,
        }
        self.infos.append(entry)
        self.by_id[new_id] = entry
        if entry["usable"]:
            active[courier] = entry

    def _target(self, prefix: str, change: RemoteInfoChange, rid: int) -> dict[str, Any] | None:
        """The registered entry ``rid`` for the change's courier, or ``None`` (reported)."""
        courier = change.delivery_code
        target = self.by_id.get(rid)
        if target is None:
            found = rules.check_courier_registered(
                courier, self.active, field=f"{prefix}.deliveryCode"
            )
            self.violations += found or [
                Violation(
                    f"{prefix}.remoteInfoId",
                    "remote_info_not_found",
                    f"remoteInfoId {rid} is not registered at this outbound shipping place",
                )
            ]
            return None
        if target["deliveryCode"] != courier:
            self.violations += rules.check_courier_registered(
                courier, [target["deliveryCode"]], field=f"{prefix}.deliveryCode"
            ) or [
                Violation(
                    f"{prefix}.deliveryCode",
                    "courier_not_registered",
                    f"remoteInfoId {rid} is registered for courier {target['deliveryCode']}",
                )
            ]
            return None
        return target

    def change(self, prefix: str, change: RemoteInfoChange, rid: int) -> None:
        """A change of the registered entry ``rid``: edit, disable or re-enable it."""
        target = self._target(prefix, change, rid)
        if target is None:
            return
        courier, active, wanted = change.delivery_code, self.active, change.usable
        current_state = bool(target["usable"])
        if wanted is False:
            event = "disable"
        elif wanted is True and not current_state:
            event = "enable"
        else:
            event = "update"
        try:
            target["usable"] = remote_info.apply(current_state, event)
        except TransitionNotAllowed as exc:
            self.violations.append(Violation(f"{prefix}.remoteInfoId", "state", exc.message))
            return
        if event == "enable" and courier in active and active[courier] is not target:
            self.violations.append(
                Violation(
                    f"{prefix}.deliveryCode",
                    "courier_duplicate",
                    f"courier {courier} is already registered as remoteInfoId "
                    f"{active[courier]['remoteInfoId']}",
                )
            )
            return
        if event != "disable":
            target["jeju"] = change.jeju
            target["notJeju"] = change.not_jeju
            active[courier] = target
        elif active.get(courier) is target:
            del active[courier]


@dataclass
class ReturnCenters:
    store: Store
    clock: SandboxClock

    @staticmethod
    def _refuse_duplicate_name(conn: Any, vendor_id: str, name: str, exclude: str | None) -> None:
        other = store.return_by_name(conn, vendor_id, name)
        if other is not None and other["code"] != exclude:
            raise _name_taken(name, RETURN_LABEL, other["code"])

    def require(self, vendor_id: str, code: str) -> None:
        """:class:`NotFound` unless the vendor has the return center ``code``."""
        with self.store.engine.connect() as conn:
            if store.return_get(conn, vendor_id, code) is None:
                raise NotFound(f"returnCenterCode {code} does not exist")

    def create(self, vendor_id: str, center: ReturnCenterInput) -> str:
        """Store a new return center (its name unique per vendor); its code."""
        now = _now_ms(self.clock)
        with (
            _unique_name(
                self.store, vendor_id, center.name, store.return_by_name, label=RETURN_LABEL
            ),
            self.store.engine.begin() as conn,
        ):
            store.lock_places(conn, vendor_id)
            self._refuse_duplicate_name(conn, vendor_id, center.name, None)
            seq = repo.next_id(conn, "return_center", RETURN_CENTER_CODE_START)
            code = str(seq)
            values: dict[str, Any] = {
                "code": code,
                "seq": seq,
                "vendor_id": vendor_id,
                "name": center.name,
                "usable": center.usable,
                "deliver_code": center.deliver_code,
                "contract_number": center.contract_number,
                "contract_customer_number": center.contract_customer_number,
                "fees": center.fees,
                "addresses": center.addresses,
                "user_id": center.user_id,
                "created_at_ms": now,
                "updated_at_ms": now,
            }
            values["doc"] = views.return_center_doc(values)
            store.return_insert(conn, values)
        return code

    def update(self, vendor_id: str, code: str, change: ReturnCenterUpdate) -> None:
        """Apply ``change`` to the vendor's return center ``code`` (404 when it has none)."""
        with (
            _unique_name(
                self.store, vendor_id, change.name, store.return_by_name,
                label=RETURN_LABEL, exclude=code,
            ),
            self.store.engine.begin() as conn,
        ):  # fmt: skip
            store.lock_places(conn, vendor_id)
            row = store.return_get(conn, vendor_id, code)
            if row is None:
                raise NotFound(f"returnCenterCode {code} does not exist")
            if change.name is not None:
                self._refuse_duplicate_name(conn, vendor_id, change.name, code)
            values = _given(
                name=change.name,
                usable=_usable(bool(row["usable"]), change.usable),
                deliver_code=change.deliver_code,
                contract_number=change.contract_number,
                contract_customer_number=change.contract_customer_number,
                addresses=change.addresses,
                user_id=change.user_id,
            )
            if change.fees is not None:
                values["fees"] = {**(row["fees"] or {}), **change.fees}
            values["updated_at_ms"] = _now_ms(self.clock)
            values["doc"] = views.return_center_doc({**row, **values})
            store.return_update(conn, code, values)

    def page(
        self,
        vendor_id: str,
        *,
        codes: Sequence[str] | None = None,
        page_num: int = 1,
        page_size: int | None = None,
    ) -> tuple[list[str], int]:
        """Rendered JSON documents of one page, and the total."""
        offset = (page_num - 1) * page_size if page_size else 0
        with self.store.engine.connect() as conn:
            return store.return_page(conn, vendor_id, codes=codes, offset=offset, limit=page_size)
