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

from coupang_sandbox.backends._ids import parse_id
from coupang_sandbox.clock import SandboxClock, to_ms
from coupang_sandbox.errors import (
    Duplicate,
    NotFound,
    TransitionNotAllowed,
    ValidationFailed,
    violations_or_raise,
)
from coupang_sandbox.state.shipping_place import remote_info, shipping_place, usable_event
from coupang_sandbox.store import Store, repo
from coupang_sandbox.store import shipping_places as store
from coupang_sandbox.views import shipping_places as views
from coupang_seller.preflight import Violation
from coupang_seller.preflight import shipping_places as rules
from coupang_seller.preflight._core import as_bool, as_int, is_blank, mapping_list

USER_ID_MAX = 100

OUTBOUND_CODE_START = 100_001
REMOTE_INFO_ID_START = 1_000_001
RETURN_CENTER_CODE_START = 1_000_000_001

# -- small helpers -----------------------------------------------------------------------------


def _common_violations(body: Mapping[str, Any]) -> list[Violation]:
    user_id = body.get("userId")
    if isinstance(user_id, str) and len(user_id) > USER_ID_MAX:
        return [Violation("userId", "max_length", f"userId is at most {USER_ID_MAX} characters")]
    return []


def normalize_address(address: Mapping[str, Any], *, default_country: str | None) -> dict[str, Any]:
    def text(key: str) -> str:
        value = address.get(key)
        return value if isinstance(value, str) else ""

    return {
        "addressType": text("addressType"),
        "countryCode": text("countryCode") or (default_country or ""),
        "companyContactNumber": text("companyContactNumber"),
        "phoneNumber2": text("phoneNumber2"),
        "returnZipCode": text("returnZipCode"),
        "returnAddress": text("returnAddress"),
        "returnAddressDetail": text("returnAddressDetail"),
    }


def normalize_addresses(value: Any, *, default_country: str | None) -> list[dict[str, Any]]:
    return [
        normalize_address(a, default_country=default_country) for a in mapping_list(value) or []
    ]


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

    def create(self, vendor_id: str, body: Mapping[str, Any], *, check_address: bool) -> int:
        violations_or_raise(rules.check_outbound_create(body) + _common_violations(body))
        name = str(body["shippingPlaceName"])
        addresses = normalize_addresses(body.get("placeAddresses"), default_country=None)
        now = _now_ms(self.clock)
        with (
            _unique_name(self.store, vendor_id, name, store.outbound_by_name, label=OUTBOUND_LABEL),
            self.store.engine.begin() as conn,
        ):
            store.lock_places(conn, vendor_id)
            self._refuse_duplicates(
                conn, vendor_id, name=name, addresses=addresses, check_address=check_address
            )
            infos = []
            for info in mapping_list(body.get("remoteInfos")) or []:
                infos.append(
                    {
                        "remoteInfoId": repo.next_id(conn, "remote_info", REMOTE_INFO_ID_START),
                        "deliveryCode": info["deliveryCode"],
                        "jeju": as_int(info["jeju"]),
                        "notJeju": as_int(info["notJeju"]),
                        "usable": as_bool(info.get("usable")) is not False,
                    }
                )
            code = repo.next_id(conn, "outbound_place", OUTBOUND_CODE_START)
            values: dict[str, Any] = {
                "code": code,
                "vendor_id": vendor_id,
                "name": name,
                "is_global": as_bool(body.get("global")) is True,
                "usable": as_bool(body.get("usable")) is not False,
                "addresses": addresses,
                "remote_infos": infos,
                "user_id": body.get("userId"),
                "created_at_ms": now,
                "updated_at_ms": now,
            }
            values["doc"] = views.outbound_doc(values)
            store.outbound_insert(conn, values)
        return code

    def update(
        self, vendor_id: str, code_text: str, body: Mapping[str, Any], *, check_address: bool
    ) -> None:
        code = parse_id(code_text)
        if code is None:
            raise NotFound(f"outboundShippingPlaceCode {code_text} does not exist")
        violations = rules.check_outbound_update(body) + _common_violations(body)
        body_code = body.get("outboundShippingPlaceCode")
        if body_code is not None and parse_id(body_code) != code:
            violations.append(
                Violation(
                    "outboundShippingPlaceCode",
                    "path_mismatch",
                    f"outboundShippingPlaceCode in the body ({body_code!r}) differs from the path ({code})",
                )
            )
        name = body.get("shippingPlaceName")
        new_name = None if is_blank(name) else str(name)
        with (
            _unique_name(
                self.store,
                vendor_id,
                new_name,
                store.outbound_by_name,
                label=OUTBOUND_LABEL,
                exclude=code,
            ),
            self.store.engine.begin() as conn,
        ):
            store.lock_places(conn, vendor_id)
            row = store.outbound_get(conn, vendor_id, code)
            if row is None:
                raise NotFound(f"outboundShippingPlaceCode {code} does not exist")
            violations_or_raise(violations)
            values: dict[str, Any] = {}
            addresses = None
            if mapping_list(body.get("placeAddresses")):
                addresses = normalize_addresses(body["placeAddresses"], default_country=None)
                values["addresses"] = addresses
            self._refuse_duplicates(
                conn,
                vendor_id,
                name=new_name,
                addresses=addresses,
                check_address=check_address,
                exclude=code,
            )
            if new_name is not None:
                values["name"] = new_name
            wanted = as_bool(body.get("usable"))
            if wanted is not None:
                event = usable_event(bool(row["usable"]), wanted)
                if event is not None:
                    values["usable"] = shipping_place.apply(bool(row["usable"]), event)
            flag = as_bool(body.get("global"))
            if flag is not None:
                values["is_global"] = flag
            if body.get("remoteInfos") is not None:
                values["remote_infos"] = self._merge_remote_infos(
                    conn, row["remote_infos"], mapping_list(body["remoteInfos"]) or []
                )
            if isinstance(body.get("userId"), str):
                values["user_id"] = body["userId"]
            values["updated_at_ms"] = _now_ms(self.clock)
            values["doc"] = views.outbound_doc({**row, **values})
            store.outbound_update(conn, code, values)

    @staticmethod
    def _merge_remote_infos(
        conn: Any, current: Sequence[Mapping[str, Any]], changes: Sequence[Mapping[str, Any]]
    ) -> list[dict[str, Any]]:
        infos = [dict(info) for info in current]
        by_id = {int(info["remoteInfoId"]): info for info in infos}
        active = {info["deliveryCode"]: info for info in infos if info["usable"]}
        violations: list[Violation] = []
        for i, change in enumerate(changes):
            prefix = f"remoteInfos[{i}]"
            courier = str(change["deliveryCode"])
            wanted = as_bool(change.get("usable"))
            rid = (
                parse_id(change["remoteInfoId"]) if change.get("remoteInfoId") is not None else None
            )
            if rid is None:
                if wanted is not False and courier in active:
                    violations.append(
                        Violation(
                            f"{prefix}.deliveryCode",
                            "courier_already_registered",
                            f"courier {courier} is already registered at this place as remoteInfoId "
                            f"{active[courier]['remoteInfoId']}; send that remoteInfoId to change it",
                        )
                    )
                    continue
                new_id = repo.next_id(conn, "remote_info", REMOTE_INFO_ID_START)
                entry: dict[str, Any] = {
                    "remoteInfoId": new_id,
                    "deliveryCode": courier,
                    "jeju": as_int(change["jeju"]),
                    "notJeju": as_int(change["notJeju"]),
                    "usable": wanted is not False,
                }
                infos.append(entry)
                by_id[new_id] = entry
                if entry["usable"]:
                    active[courier] = entry
                continue
            target = by_id.get(rid)
            if target is None:
                found = rules.check_courier_registered(
                    courier, active, field=f"{prefix}.deliveryCode"
                )
                violations += found or [
                    Violation(
                        f"{prefix}.remoteInfoId",
                        "remote_info_not_found",
                        f"remoteInfoId {rid} is not registered at this outbound shipping place",
                    )
                ]
                continue
            if target["deliveryCode"] != courier:
                violations += rules.check_courier_registered(
                    courier, [target["deliveryCode"]], field=f"{prefix}.deliveryCode"
                ) or [
                    Violation(
                        f"{prefix}.deliveryCode",
                        "courier_not_registered",
                        f"remoteInfoId {rid} is registered for courier {target['deliveryCode']}",
                    )
                ]
                continue
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
                violations.append(Violation(f"{prefix}.remoteInfoId", "state", exc.message))
                continue
            if event == "enable" and courier in active and active[courier] is not target:
                violations.append(
                    Violation(
                        f"{prefix}.deliveryCode",
                        "courier_duplicate",
                        f"courier {courier} is already registered as remoteInfoId "
                        f"{active[courier]['remoteInfoId']}",
                    )
                )
                continue
            if event != "disable":
                target["jeju"] = as_int(change["jeju"])
                target["notJeju"] = as_int(change["notJeju"])
                active[courier] = target
            elif active.get(courier) is target:
                del active[courier]
        if violations:
            raise ValidationFailed(violations)
        return infos

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


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


@dataclass
class ReturnCenters:
    store: Store
    clock: SandboxClock

    @staticmethod
    def _refuse_duplicate_name(conn: Any, vendor_id: str, name: str, exclude: str | None) -> None:
        other = store.return_by_name(conn, vendor_id, name)
        if other is not None and other["code"] != exclude:
            raise _name_taken(name, RETURN_LABEL, other["code"])

    def create(self, vendor_id: str, body: Mapping[str, Any]) -> str:
        violations_or_raise(rules.check_return_create(body) + _common_violations(body))
        info = rules.goodsflow_info(body)
        if not isinstance(info, Mapping):
            raise ValidationFailed(
                [
                    Violation(
                        "goodsflowInfoOpenApiDto", "required", "goodsflowInfoOpenApiDto is required"
                    )
                ]
            )
        name = str(body["shippingPlaceName"])
        now = _now_ms(self.clock)
        with (
            _unique_name(self.store, vendor_id, name, store.return_by_name, label=RETURN_LABEL),
            self.store.engine.begin() as conn,
        ):
            store.lock_places(conn, vendor_id)
            self._refuse_duplicate_name(conn, vendor_id, name, None)
            seq = repo.next_id(conn, "return_center", RETURN_CENTER_CODE_START)
            code = str(seq)
            values: dict[str, Any] = {
                "code": code,
                "seq": seq,
                "vendor_id": vendor_id,
                "name": name,
                "usable": as_bool(body.get("usable")) is not False,
                "deliver_code": info["deliverCode"],
                "contract_number": _text(info.get("contractNumber")),
                "contract_customer_number": _text(info.get("contractCustomerNumber")),
                "fees": {key: as_int(info[key]) for key in rules.RETURN_FEE_FIELDS},
                "addresses": normalize_addresses(body.get("placeAddresses"), default_country="KR"),
                "user_id": body.get("userId"),
                "created_at_ms": now,
                "updated_at_ms": now,
            }
            values["doc"] = views.return_center_doc(values)
            store.return_insert(conn, values)
        return code

    def update(self, vendor_id: str, code: str, body: Mapping[str, Any]) -> None:
        violations = rules.check_return_update(body) + _common_violations(body)
        info = rules.goodsflow_info(body)
        name = body.get("shippingPlaceName")
        new_name = None if is_blank(name) else str(name)
        with (
            _unique_name(
                self.store,
                vendor_id,
                new_name,
                store.return_by_name,
                label=RETURN_LABEL,
                exclude=code,
            ),
            self.store.engine.begin() as conn,
        ):
            store.lock_places(conn, vendor_id)
            row = store.return_get(conn, vendor_id, code)
            if row is None:
                raise NotFound(f"returnCenterCode {code} does not exist")
            violations_or_raise(violations)
            values: dict[str, Any] = {}
            if new_name is not None:
                self._refuse_duplicate_name(conn, vendor_id, new_name, code)
                values["name"] = new_name
            wanted = as_bool(body.get("usable"))
            if wanted is not None:
                event = usable_event(bool(row["usable"]), wanted)
                if event is not None:
                    values["usable"] = shipping_place.apply(bool(row["usable"]), event)
            if isinstance(info, Mapping):
                if not is_blank(info.get("deliverCode")):
                    values["deliver_code"] = info["deliverCode"]
                for key, column in (
                    ("contractNumber", "contract_number"),
                    ("contractCustomerNumber", "contract_customer_number"),
                ):
                    if info.get(key) is not None:
                        values[column] = _text(info[key])
                fees = dict(row["fees"] or {})
                for key in rules.RETURN_FEE_FIELDS:
                    if info.get(key) is not None:
                        fees[key] = as_int(info[key])
                values["fees"] = fees
            if mapping_list(body.get("placeAddresses")):
                values["addresses"] = normalize_addresses(
                    body["placeAddresses"], default_country="KR"
                )
            if isinstance(body.get("userId"), str):
                values["user_id"] = body["userId"]
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
