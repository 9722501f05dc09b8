"""The gateway's key rules: a key's allowed addresses, its lifetime, and rotation.

Coupang's keys (since 2023-07) are tied to the caller's registered IP addresses (a request from
any other address answers ``403 [FORBIDDEN] Not allowed IP``) and are valid for 180 days, then
must be reissued. Here:

* a vendor's policy (``PUT /_sandbox/vendors/{vendorId}/key-policy``) lists allowed addresses
  or CIDR networks (none: any address) and the key lifetime in days (default
  ``SandboxSettings.key_lifetime_days``, 180);
* a key is issued when the control API creates or rotates it, or, for a key seeded from the
  settings, at its first signed use; it stops working ``lifetime`` days later **on the sandbox
  clock** with 401 ``Specified access key is expired.`` (Coupang does not document the text of
  that answer; the sandbox's mirrors its ``Specified signature is expired.``);
* a rotation (``POST /_sandbox/vendors/{vendorId}/keys/rotate``) makes a new key at once; the
  old key keeps working for the overlap, then answers the same 401.

The state lives in the store (``store/key_policy.py``); each process caches it per store
generation, so a policy set through one process applies to the next request of every other.
"""

from __future__ import annotations

import ipaddress
import threading
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from coupang_sandbox.clock import SandboxClock, from_us, to_us
from coupang_sandbox.errors import SandboxError
from coupang_sandbox.store import Store, Vendor
from coupang_sandbox.store import key_policy as store

MSG_NOT_ALLOWED_IP = "[FORBIDDEN] Not allowed IP"
MSG_KEY_EXPIRED = "Specified access key is expired."
#: Coupang's keys are valid for this many days.
DEFAULT_LIFETIME_DAYS = 180

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


class GatewayRefusal(SandboxError):
    """A refusal of the API gateway in its own body: ``{"code": "ERROR", "message",
    "transactionId"}`` (401 for an expired key, 403 for an address the key does not allow)."""

    def __init__(self, status: int, message: str) -> None:
        """A refusal with its HTTP status and Coupang's message."""
        super().__init__(status, message, code="ERROR")

    def body(self) -> dict[str, Any]:
        """The gateway's error body: code ERROR, the message and a transaction id."""
        return {"code": "ERROR", "message": self.message, "transactionId": str(uuid.uuid4())}


@dataclass(frozen=True, slots=True)
class Policy:
    """A vendor's key policy: allowed networks (``None``: any address) and the key lifetime."""

    allowed_ips: tuple[str, ...] | None
    lifetime_days: int

    def networks(self) -> tuple[Network, ...] | None:
        """The allowed addresses as networks (an address is a one-address network)."""
        if self.allowed_ips is None:
            return None
        return tuple(ipaddress.ip_network(entry, strict=False) for entry in self.allowed_ips)


@dataclass(frozen=True, slots=True)
class KeyState:
    """What the gateway knows of one access key."""

    vendor: Vendor
    #: ``None`` for a seeded key never used yet (dated at its first signed use).
    issued_at: datetime | None
    #: The end of the overlap of a key rotated out; ``None`` for the current key.
    valid_until: datetime | None
    policy: Policy
    networks: tuple[Network, ...] | None

    def expires_at(self) -> datetime | None:
        """When the key stops working: its lifetime, or the end of its overlap if sooner."""
        ends = [] if self.valid_until is None else [self.valid_until]
        if self.issued_at is not None:
            ends.append(self.issued_at + timedelta(days=self.policy.lifetime_days))
        return min(ends) if ends else None


@dataclass(frozen=True, slots=True)
class PolicyView:
    """A vendor's policy and keys as the control API shows them."""

    vendor_id: str
    access_key: str
    policy: Policy
    issued_at: datetime | None
    expires_at: datetime | None
    previous: list[tuple[str, datetime]]


@dataclass(frozen=True, slots=True)
class Rotated:
    """The answer of a rotation: the new key and until when the old one works."""

    vendor: Vendor
    issued_at: datetime
    expires_at: datetime
    previous_access_key: str
    previous_valid_until: datetime


class UnknownVendor(LookupError):
    """The vendor does not exist."""


class KeyTaken(ValueError):
    """The access key asked for a rotation is already in use."""


def client_address(client: Any) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The peer's address from the ASGI scope's ``client`` (an IPv4-mapped IPv6 address as
    IPv4); ``None`` when there is none or it is not an IP address (a Unix socket)."""
    if not client:
        return None
    try:
        address = ipaddress.ip_address(str(client[0]).split("%", 1)[0])
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def seed_vendors(store_: Store, seeds: Iterable[tuple[str, str, str]]) -> None:
    """Add the configured vendors (:meth:`Store.seed_vendors`), except a vendor whose seeded
    key the control API rotated away from: the store keeps its new key (a restart with the
    same settings does not undo the rotation, nor refuse to start)."""
    for vendor_id, access_key, secret_key in seeds:
        with store_.engine.connect() as conn:
            if store.rotated_out(conn, vendor_id, access_key):
                continue
        store_.add_vendor(Vendor(vendor_id, access_key, secret_key), seeded=True)


class KeyPolicies:
    """The gateway's key checks for one app, over the store (see the module's docstring)."""

    def __init__(self, store_: Store, clock: SandboxClock, default_lifetime_days: int) -> None:
        """The key rules over ``store_``, dated on ``clock``; keys live ``default_lifetime_days``."""
        self._store = store_
        self._clock = clock
        self._default = Policy(None, default_lifetime_days)
        self._lock = threading.Lock()
        self._cache: dict[str, KeyState | None] = {}

    def forget(self) -> None:
        """Drop the cached keys (the store's generation moved: another process, or this
        one, changed vendors, keys or policies)."""
        self._cache = {}

    # -- the signed path ---------------------------------------------------------------------

    def _load(self, access_key: str) -> KeyState | None:
        vendor = self._store.vendor_by_access_key(access_key)
        with self._store.engine.connect() as conn:
            row = store.key_get(conn, access_key)
            if vendor is None:
                if row is None or row["valid_until_us"] is None:
                    return None
                owner = store.vendor_row(conn, row["vendor_id"])
                if owner is None:
                    return None
                vendor = Vendor(row["vendor_id"], access_key, row["secret_key"])
                valid_until: datetime | None = from_us(int(row["valid_until_us"]))
                issued: datetime | None = from_us(int(row["issued_at_us"]))
            else:
                current = (
                    row is not None
                    and row["vendor_id"] == vendor.vendor_id
                    and row["valid_until_us"] is None
                )
                valid_until = None
                issued = from_us(int(row["issued_at_us"])) if current and row else None
            policy_row = store.policy_get(conn, vendor.vendor_id)
        policy = (
            self._default
            if policy_row is None
            else Policy(store.allowed_ips_of(policy_row), int(policy_row["lifetime_days"]))
        )
        return KeyState(vendor, issued, valid_until, policy, policy.networks())

    def state(self, access_key: str) -> KeyState | None:
        """The key's state as of the store's generation (cached)."""
        cache = self._cache
        if access_key in cache:
            return cache[access_key]
        state = self._load(access_key)
        if len(cache) >= 10_000:  # a flood of made-up keys
            cache.clear()
        cache[access_key] = state
        return state

    def lookup(self, access_key: str) -> Vendor | None:
        """The vendor (with the secret to check the signature against) of a current key, or of
        a key rotated out; ``None`` for an unknown key."""
        state = self.state(access_key)
        return None if state is None else state.vendor

    def admit(self, access_key: str, client: Any) -> None:
        """After the signature checked out: refuse an expired key (401) or a peer address the
        vendor's policy does not allow (403). A seeded key is dated here at its first use."""
        state = self.state(access_key)
        if state is None:
            return
        now = self._clock.now()
        if state.issued_at is None and state.valid_until is None:
            state = self._date(state, now)
        expires = state.expires_at()
        if expires is not None and now >= expires:
            raise GatewayRefusal(401, MSG_KEY_EXPIRED)
        if state.networks is not None:
            address = client_address(client)
            if address is None or not any(address in network for network in state.networks):
                raise GatewayRefusal(403, MSG_NOT_ALLOWED_IP)

    def _date(self, state: KeyState, now: datetime) -> KeyState:
        vendor = state.vendor
        with self._lock, self._store.engine.begin() as conn:
            issued_us = store.date_current_key(
                conn, vendor.vendor_id, vendor.access_key, vendor.secret_key, to_us(now)
            )
        dated = KeyState(vendor, from_us(issued_us), None, state.policy, state.networks)
        self._cache[vendor.access_key] = dated
        return dated

    # -- the control API ---------------------------------------------------------------------

    def issue(self, vendor: Vendor) -> None:
        """Date a key the control API just created (issued now on the sandbox clock)."""
        with self._store.engine.begin() as conn:
            store.date_current_key(
                conn,
                vendor.vendor_id,
                vendor.access_key,
                vendor.secret_key,
                to_us(self._clock.now()),
            )
        self.forget()

    def _policy(self, conn: Any, vendor_id: str) -> Policy:
        row = store.policy_get(conn, vendor_id)
        if row is None:
            return self._default
        return Policy(store.allowed_ips_of(row), int(row["lifetime_days"]))

    def view(self, vendor_id: str) -> PolicyView:
        """The vendor's policy, current key (with its dates) and the keys still overlapping."""
        now_us = to_us(self._clock.now())
        with self._store.engine.connect() as conn:
            vendor = store.vendor_row(conn, vendor_id)
            if vendor is None:
                raise UnknownVendor(vendor_id)
            policy = self._policy(conn, vendor_id)
            row = store.key_get(conn, vendor["access_key"])
            previous = store.previous_keys(conn, vendor_id, now_us)
        current = (
            row is not None and row["vendor_id"] == vendor_id and row["valid_until_us"] is None
        )
        issued = from_us(int(row["issued_at_us"])) if current and row is not None else None
        expires = None if issued is None else issued + timedelta(days=policy.lifetime_days)
        return PolicyView(
            vendor_id,
            str(vendor["access_key"]),
            policy,
            issued,
            expires,
            [(str(p["access_key"]), from_us(int(p["valid_until_us"]))) for p in previous],
        )

    def set_policy(
        self,
        vendor_id: str,
        *,
        allowed_ips: Sequence[str] | object | None,
        lifetime_days: int | None,
    ) -> PolicyView:
        """Change the vendor's policy: ``allowed_ips`` (``KEEP`` leaves it as it is, ``None``
        allows any address) and ``lifetime_days`` (``None`` leaves it)."""
        with self._lock, self._store.engine.begin() as conn:
            if store.vendor_row(conn, vendor_id) is None:
                raise UnknownVendor(vendor_id)
            old = self._policy(conn, vendor_id)
            ips = old.allowed_ips if allowed_ips is KEEP else allowed_ips
            days = old.lifetime_days if lifetime_days is None else lifetime_days
            store.policy_put(conn, vendor_id, ips, days)  # type: ignore[arg-type]
        self.forget()
        return self.view(vendor_id)

    def rotate(
        self,
        vendor_id: str,
        *,
        overlap_seconds: float,
        access_key: str | None,
        secret_key: str | None,
        new_secret: str,
    ) -> Rotated:
        """Issue the vendor a new key now; the old one works ``overlap_seconds`` more (never
        past its own expiry)."""
        now = self._clock.now()
        now_us = to_us(now)
        new_access = access_key or str(uuid.uuid4())
        new_secret_key = secret_key or new_secret
        with self._lock, self._store.engine.begin() as conn:
            old = store.vendor_row(conn, vendor_id)
            if old is None:
                raise UnknownVendor(vendor_id)
            if store.access_key_taken(conn, new_access):
                raise KeyTaken(new_access)
            policy = self._policy(conn, vendor_id)
            dated = store.key_get(conn, old["access_key"])
            if dated is not None and dated["vendor_id"] == vendor_id:
                issued_us = int(dated["issued_at_us"])
            else:
                issued_us = now_us  # never used: issued (and rotated) now
            expiry_us = to_us(from_us(issued_us) + timedelta(days=policy.lifetime_days))
            until_us = min(to_us(now + timedelta(seconds=overlap_seconds)), expiry_us)
            store.rotate(
                conn,
                vendor_id,
                old,
                old_issued_at_us=issued_us,
                old_valid_until_us=until_us,
                new_access_key=new_access,
                new_secret_key=new_secret_key,
                now_us=now_us,
            )
        self.forget()
        vendor = Vendor(vendor_id, new_access, new_secret_key)
        expires = now + timedelta(days=policy.lifetime_days)
        return Rotated(vendor, now, expires, str(old["access_key"]), from_us(until_us))


#: ``set_policy(allowed_ips=KEEP)``: leave the allowed addresses as they are.
KEEP: Any = object()
