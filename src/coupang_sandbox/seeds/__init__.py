"""Seeds: start a sandbox from a declared state (``serve --seed FILE.json|FILE.yaml``).

A seed declares vendors with their keys and, per vendor, outbound shipping places, return
centers, products (Coupang's create body; approved unless ``approve: false``), orders in a
given state (``ACCEPT``, ``INSTRUCT``, ``DEPARTURE``, ``DELIVERING``, ``FINAL_DELIVERY``) and
customer inquiries (optionally answered). ``example.yaml`` next to this module shows every
field.

Loading is in two steps. :func:`read_seed` reads and checks the whole file first: an unknown
field, a wrong type, a reference to a place or a SKU the file does not declare is refused as a
:class:`SeedError` naming the file, the line and the field. :func:`apply_seed` then replaces the
store's state (a reset; snapshots stay) by the seed's, through the sandbox's own API (the
control API and the signed seller API, in-process; no SQL), on the sandbox clock. Should any
step be refused (say a product body that breaks Coupang's rules), the store is put back as it
was before, and the error names the entity's line: nothing is half-loaded.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any, TypeVar

from coupang_sandbox.seeds._source import Arr, Obj, SeedError, read_seed_file

__all__ = [
    "EXAMPLE",
    "ORDER_STATUSES",
    "Seed",
    "SeedError",
    "SeedSummary",
    "apply_seed",
    "load_seed",
    "read_seed",
]

#: The example seed shipped with the package.
EXAMPLE = Path(__file__).with_name("example.yaml")
#: The states a seeded order can be left in, in the order the seller moves it.
ORDER_STATUSES = ("ACCEPT", "INSTRUCT", "DEPARTURE", "DELIVERING", "FINAL_DELIVERY")
_KEY = re.compile(r"^[^\s,]{1,256}$")
_VENDOR_ID = re.compile(r"^[A-Za-z0-9_-]{1,32}$")
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Where:
    """Where an entity is declared: its line and its path in the document."""

    line: int
    path: str


@dataclass(frozen=True, slots=True)
class SeedPlace:
    """An outbound shipping place (출고지): Coupang's create fields."""

    where: Where
    name: str
    addresses: list[dict[str, Any]]
    remote_infos: list[dict[str, Any]]


@dataclass(frozen=True, slots=True)
class SeedCenter:
    """A return center (반품지): Coupang's create fields."""

    where: Where
    name: str
    courier: str
    contract_number: str
    fees: dict[str, Any]
    addresses: list[dict[str, Any]]


@dataclass(frozen=True, slots=True)
class SeedProduct:
    """A product: Coupang's create body, its places by name, approved or left for review."""

    where: Where
    body: dict[str, Any]
    outbound: str
    return_center: str
    approve: bool
    skus: list[str]


@dataclass(frozen=True, slots=True)
class SeedOrder:
    """A customer's order of ``{externalVendorSku: quantity}``, moved on to ``status``."""

    where: Where
    items: dict[str, int]
    status: str
    receiver: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class SeedInquiry:
    """A customer's question about a SKU, answered by the seller when ``answer`` is set."""

    where: Where
    sku: str
    content: str
    buyer: str | None
    answer: str | None


@dataclass(frozen=True, slots=True)
class SeedVendor:
    """A vendor, its keys and everything it owns."""

    where: Where
    vendor_id: str
    access_key: str
    secret_key: str
    user_id: str
    places: list[SeedPlace] = field(default_factory=list)
    centers: list[SeedCenter] = field(default_factory=list)
    products: list[SeedProduct] = field(default_factory=list)
    orders: list[SeedOrder] = field(default_factory=list)
    inquiries: list[SeedInquiry] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Seed:
    """A checked seed file, ready to apply."""

    path: Path
    now: datetime | None
    freeze: bool
    vendors: list[SeedVendor]


@dataclass(frozen=True, slots=True)
class SeedSummary:
    """What :func:`apply_seed` loaded: the vendors (id, access key, secret) and counts."""

    vendors: list[tuple[str, str, str]]
    places: int
    products: int
    orders: int
    inquiries: int

    def describe(self) -> str:
        """One line for the serve banner."""
        return (
            f"{len(self.vendors)} vendor(s), {self.places} place(s), {self.products} "
            f"product(s), {self.orders} order(s), {self.inquiries} inquiry(ies)"
        )


# -- reading and checking ------------------------------------------------------------------------


class _Reader:
    """Typed access to the document, raising :class:`SeedError` with path and line."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, line: int | None, where: str, message: str) -> SeedError:
        """A seed error at ``line`` naming the field ``where``."""
        return SeedError(self.path, line, where, message)

    def obj(self, value: Any, where: str, line: int, fields: tuple[str, ...]) -> Obj:
        """``value`` as an object with only the ``fields`` named (unknown ones refused)."""
        if not isinstance(value, Obj):
            raise self.fail(line, where, "must be an object")
        for key in value:
            if key not in fields:
                name = f"{where}.{key}" if where else key
                raise self.fail(
                    value.line_of(key),
                    name,
                    f"unknown field (rule unknown_field; accepted: {', '.join(fields)})",
                )
        return value

    def arr(self, parent: Obj, key: str, where: str) -> Arr:
        """The array ``key`` of ``parent`` (empty when missing; refused when not an array)."""
        value = parent.get(key)
        if value is None:
            empty = Arr()
            empty.line, empty.item_lines = parent.line_of(key), []
            return empty
        if not isinstance(value, Arr):
            raise self.fail(parent.line_of(key), f"{where}.{key}", "must be a list")
        return value

    def text(self, parent: Obj, key: str, where: str, *, required: bool = True) -> str | None:
        """The text ``key`` of ``parent`` (refused when missing and ``required``, or not text)."""
        value = parent.get(key)
        name = f"{where}.{key}" if where else key
        if value is None:
            if required:
                raise self.fail(parent.line_of(key), name, "is required (rule required)")
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(parent.line_of(key), name, "must be a non-empty string (rule type)")
        return value

    def required_text(self, parent: Obj, key: str, where: str) -> str:
        """The text ``key`` of ``parent``, which must be given."""
        value = self.text(parent, key, where)
        assert value is not None  # noqa: S101 - text() raised otherwise
        return value

    def each(
        self, parent: Obj, key: str, where: str, read: Callable[[Any, str, int], T]
    ) -> list[T]:
        """Each entry of the array ``key``, read by ``read`` with its path and line."""
        found = self.arr(parent, key, where)
        return [
            read(item, f"{where}.{key}[{index}]", found.line_at(index))
            for index, item in enumerate(found)
        ]

    def objects(self, parent: Obj, key: str, where: str) -> list[dict[str, Any]]:
        """The array ``key`` as plain objects (each entry must be an object)."""

        def plain(item: Any, name: str, line: int) -> dict[str, Any]:
            """One entry as a plain dict (refused when not an object)."""
            if not isinstance(item, Obj):
                raise self.fail(line, name, "must be an object")
            found: dict[str, Any] = _plain(item)
            return found

        return self.each(parent, key, where, plain)


def _plain(value: Any) -> Any:
    """The value as plain JSON data (YAML dates as ISO text)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


SEED_FIELDS = ("clock", "vendors")
CLOCK_FIELDS = ("now", "freeze")
VENDOR_FIELDS = (
    "vendorId", "accessKey", "secretKey", "userId", "outboundPlaces", "returnCenters",
    "products", "orders", "inquiries",
)  # fmt: skip
PLACE_FIELDS = ("name", "addresses", "remoteInfos")
CENTER_FIELDS = ("name", "courier", "contractNumber", "fees", "addresses")
PRODUCT_FIELDS = ("outboundPlace", "returnCenter", "approve", "body")
ORDER_FIELDS = ("items", "status", "receiver")
INQUIRY_FIELDS = ("sku", "content", "buyer", "answer")
#: Body fields the loader fills in itself (from the vendor and the places named).
FILLED = ("vendorId", "outboundShippingPlaceCode", "returnCenterCode")


def _instant(reader: _Reader, clock: Obj) -> datetime | None:
    value = clock.get("now")
    line = clock.line_of("now")
    if value is None:
        return None
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime.combine(value, time())
    elif isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            raise reader.fail(line, "clock.now", "must be an ISO 8601 date-time") from None
    else:
        raise reader.fail(line, "clock.now", "must be an ISO 8601 date-time")
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC)


def _place(reader: _Reader, value: Any, where: str, line: int) -> SeedPlace:
    obj = reader.obj(value, where, line, PLACE_FIELDS)
    addresses = reader.objects(obj, "addresses", where)
    if not addresses:
        raise reader.fail(obj.line_of("addresses"), f"{where}.addresses", "needs an address")
    return SeedPlace(
        Where(obj.line, where),
        reader.required_text(obj, "name", where),
        addresses,
        reader.objects(obj, "remoteInfos", where),
    )


def _center(reader: _Reader, value: Any, where: str, line: int) -> SeedCenter:
    obj = reader.obj(value, where, line, CENTER_FIELDS)
    fees = obj.get("fees")
    if not isinstance(fees, Obj):
        raise reader.fail(obj.line_of("fees"), f"{where}.fees", "must be an object")
    addresses = reader.objects(obj, "addresses", where)
    if not addresses:
        raise reader.fail(obj.line_of("addresses"), f"{where}.addresses", "needs an address")
    contract = obj.get("contractNumber")
    if isinstance(contract, int) and not isinstance(contract, bool):
        contract = str(contract)
    if not isinstance(contract, str) or not contract:
        raise reader.fail(
            obj.line_of("contractNumber"), f"{where}.contractNumber", "must be a string"
        )
    return SeedCenter(
        Where(obj.line, where),
        reader.required_text(obj, "name", where),
        reader.required_text(obj, "courier", where),
        contract,
        _plain(fees),
        addresses,
    )


def _product(reader: _Reader, value: Any, where: str, line: int) -> SeedProduct:
    obj = reader.obj(value, where, line, PRODUCT_FIELDS)
    body = obj.get("body")
    if not isinstance(body, Obj):
        raise reader.fail(obj.line_of("body"), f"{where}.body", "must be an object")
    for key in FILLED:
        if key in body:
            raise reader.fail(
                body.line_of(key),
                f"{where}.body.{key}",
                "is filled in by the seed (rule filled_by_seed): name the places with "
                "outboundPlace and returnCenter",
            )
    items = body.get("items")
    if not isinstance(items, Arr) or not items:
        raise reader.fail(body.line_of("items"), f"{where}.body.items", "needs at least one item")
    skus: list[str] = []
    for index, item in enumerate(items):
        name = f"{where}.body.items[{index}]"
        if not isinstance(item, Obj):
            raise reader.fail(items.line_at(index), name, "must be an object")
        sku = reader.required_text(item, "externalVendorSku", name)
        if sku in skus:
            raise reader.fail(item.line_of("externalVendorSku"), name, f"SKU {sku} is given twice")
        skus.append(sku)
    approve = obj.get("approve", True)
    if not isinstance(approve, bool):
        raise reader.fail(obj.line_of("approve"), f"{where}.approve", "must be true or false")
    return SeedProduct(
        Where(obj.line, where),
        _plain(body),
        reader.required_text(obj, "outboundPlace", where),
        reader.required_text(obj, "returnCenter", where),
        approve,
        skus,
    )


def _order(reader: _Reader, value: Any, where: str, line: int) -> SeedOrder:
    obj = reader.obj(value, where, line, ORDER_FIELDS)
    items = obj.get("items")
    if not isinstance(items, Obj) or not items:
        raise reader.fail(obj.line_of("items"), f"{where}.items", "must map each SKU to a quantity")
    quantities: dict[str, int] = {}
    for sku, quantity in items.items():
        if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity < 1:
            raise reader.fail(
                items.line_of(sku), f"{where}.items.{sku}", "must be a whole number >= 1"
            )
        quantities[sku] = quantity
    status = obj.get("status", "ACCEPT")
    if status not in ORDER_STATUSES:
        raise reader.fail(
            obj.line_of("status"),
            f"{where}.status",
            f"must be one of {', '.join(ORDER_STATUSES)} (rule enum)",
        )
    receiver = obj.get("receiver")
    if receiver is not None and not isinstance(receiver, Obj):
        raise reader.fail(obj.line_of("receiver"), f"{where}.receiver", "must be an object")
    return SeedOrder(
        Where(obj.line, where),
        quantities,
        str(status),
        None if receiver is None else _plain(receiver),
    )


def _inquiry(reader: _Reader, value: Any, where: str, line: int) -> SeedInquiry:
    obj = reader.obj(value, where, line, INQUIRY_FIELDS)
    return SeedInquiry(
        Where(obj.line, where),
        reader.required_text(obj, "sku", where),
        reader.required_text(obj, "content", where),
        reader.text(obj, "buyer", where, required=False),
        reader.text(obj, "answer", where, required=False),
    )


def _vendor(reader: _Reader, value: Any, where: str, line: int) -> SeedVendor:
    obj = reader.obj(value, where, line, VENDOR_FIELDS)
    vendor_id = reader.required_text(obj, "vendorId", where)
    if not _VENDOR_ID.match(vendor_id):
        raise reader.fail(
            obj.line_of("vendorId"), f"{where}.vendorId", "must be 1-32 letters, digits, - or _"
        )
    keys = []
    for key in ("accessKey", "secretKey"):
        text = reader.required_text(obj, key, where)
        if not _KEY.match(text):
            raise reader.fail(
                obj.line_of(key), f"{where}.{key}", "must hold no spaces or commas (rule format)"
            )
        keys.append(text)
    vendor = SeedVendor(
        Where(obj.line, where),
        vendor_id,
        keys[0],
        keys[1],
        reader.text(obj, "userId", where, required=False) or "seed-user",
        reader.each(obj, "outboundPlaces", where, lambda v, w, n: _place(reader, v, w, n)),
        reader.each(obj, "returnCenters", where, lambda v, w, n: _center(reader, v, w, n)),
        reader.each(obj, "products", where, lambda v, w, n: _product(reader, v, w, n)),
        reader.each(obj, "orders", where, lambda v, w, n: _order(reader, v, w, n)),
        reader.each(obj, "inquiries", where, lambda v, w, n: _inquiry(reader, v, w, n)),
    )
    _check_references(reader, vendor)
    return vendor


def _check_references(reader: _Reader, vendor: SeedVendor) -> None:
    """Every name and SKU a vendor's entities refer to is declared by the same vendor."""
    _check_unique_places(reader, vendor)
    approved = _check_products(reader, vendor)
    for order in vendor.orders:
        for sku in order.items:
            if sku not in approved:
                raise reader.fail(
                    order.where.line,
                    f"{order.where.path}.items.{sku}",
                    f"no approved product of this vendor has the SKU {sku}",
                )
    for inquiry in vendor.inquiries:
        if inquiry.sku not in approved:
            raise reader.fail(
                inquiry.where.line,
                f"{inquiry.where.path}.sku",
                f"no approved product of this vendor has the SKU {inquiry.sku}",
            )


def _check_unique_places(reader: _Reader, vendor: SeedVendor) -> None:
    """No outbound place or return center name is declared twice."""
    for kind, entities in (("outbound place", vendor.places), ("return center", vendor.centers)):
        names: set[str] = set()
        for entity in entities:
            if entity.name in names:
                raise reader.fail(
                    entity.where.line,
                    entity.where.path,
                    f"{kind} {entity.name!r} is declared twice",
                )
            names.add(entity.name)


def _check_products(reader: _Reader, vendor: SeedVendor) -> set[str]:
    """Each product's place and center are the vendor's and its SKUs are unique; the SKUs of
    the products to approve."""
    places = {p.name for p in vendor.places}
    centers = {c.name for c in vendor.centers}
    approved: set[str] = set()
    every: set[str] = set()
    for product in vendor.products:
        if product.outbound not in places:
            raise reader.fail(
                product.where.line,
                f"{product.where.path}.outboundPlace",
                f"no outbound place named {product.outbound!r} in this vendor's outboundPlaces",
            )
        if product.return_center not in centers:
            raise reader.fail(
                product.where.line,
                f"{product.where.path}.returnCenter",
                f"no return center named {product.return_center!r} in this vendor's returnCenters",
            )
        for sku in product.skus:
            if sku in every:
                raise reader.fail(
                    product.where.line, product.where.path, f"SKU {sku} is declared twice"
                )
            every.add(sku)
            if product.approve:
                approved.add(sku)
    return approved


def read_seed(path: Path | str) -> Seed:
    """Read and check a whole seed file (:class:`SeedError` with its path and line)."""
    path = Path(path)
    reader = _Reader(path)
    document = read_seed_file(path)
    if not isinstance(document, Obj):
        raise reader.fail(getattr(document, "line", 1), "", "a seed file holds one object")
    reader.obj(document, "", document.line, SEED_FIELDS)
    now, freeze = None, True
    clock = document.get("clock")
    if clock is not None:
        clock = reader.obj(clock, "clock", document.line_of("clock"), CLOCK_FIELDS)
        now = _instant(reader, clock)
        freeze = clock.get("freeze", True)
        if not isinstance(freeze, bool):
            raise reader.fail(clock.line_of("freeze"), "clock.freeze", "must be true or false")
    vendors = reader.each(
        document, "vendors", "", lambda v, w, n: _vendor(reader, v, w.lstrip("."), n)
    )
    ids: set[str] = set()
    keys: set[str] = set()
    for vendor in vendors:
        if vendor.vendor_id in ids or vendor.access_key in keys:
            raise reader.fail(
                vendor.where.line, vendor.where.path, "vendorId and accessKey must be unique"
            )
        ids.add(vendor.vendor_id)
        keys.add(vendor.access_key)
    return Seed(path, now, freeze, vendors)


# -- applying ------------------------------------------------------------------------------------


class _Refused(Exception):
    def __init__(self, where: Where, message: str) -> None:
        super().__init__(message)
        self.where = where
        self.message = message


@contextmanager
def _step(where: Where) -> Iterator[None]:
    """Turn a refusal of the sandbox (or of the SDK's preflight) into the entity's error."""
    from coupang_seller import CoupangError

    try:
        yield
    except (CoupangError, ValueError) as exc:
        raise _Refused(where, f"refused by the sandbox: {exc}") from None


def apply_seed(app: Any, seed: Seed) -> SeedSummary:
    """Replace the state of ``app``'s store by ``seed`` (snapshots are kept); on any refusal
    the store is put back as it was and :class:`SeedError` names the entity's line."""
    from coupang_sandbox.seeds._apply import Loader
    from coupang_sandbox.snapshots import Snapshots

    sandbox = app.state.sandbox
    snapshots = Snapshots(sandbox)
    before = snapshots.dump()
    try:
        with Loader(app, seed, _step) as loader:
            return loader.run()
    except _Refused as exc:
        snapshots.put_back(before)
        raise SeedError(seed.path, exc.where.line, exc.where.path, exc.message) from None
    except BaseException:
        snapshots.put_back(before)
        raise


def load_seed(app: Any, path: Path | str) -> SeedSummary:
    """:func:`read_seed`, then :func:`apply_seed`."""
    return apply_seed(app, read_seed(path))


def vendor_summary(seed: Seed) -> Mapping[str, str]:
    """``{vendorId: accessKey}`` of the seed's vendors."""
    return {v.vendor_id: v.access_key for v in seed.vendors}
