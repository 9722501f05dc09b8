"""``Sync``: the Python API of the durable sync (vendors, runs, events, consumer offsets)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import Engine, delete, func, insert, select

from coupang_seller import Client, CoupangError
from coupang_sync import _records as db
from coupang_sync._clock import Clock, SandboxClock, WallClock
from coupang_sync._crypto import Credentials, Sealer
from coupang_sync._errors import UnknownVendorError
from coupang_sync._lock import RunLock
from coupang_sync._orders import NEW, REFRESH, OrderSettings, OrderStream, Page
from coupang_sync._schema import cursors, events, records, vendors
from coupang_sync._store import DEFAULT_URL, make_engine, require_current
from coupang_sync._store import migrate as migrate_store

__all__ = ["ClientFactory", "RunReport", "StreamStatus", "Sync", "Vendor", "VendorReport"]

#: Builds the SDK client of a vendor: ``(vendor_id, credentials, base_url) -> Client``.
ClientFactory = Callable[[str, Credentials, str | None], Client]


def default_client(vendor_id: str, credentials: Credentials, base_url: str | None) -> Client:
    """A production-ready SDK client for the vendor (``base_url`` for a sandbox)."""
    return Client(credentials.access_key, credentials.secret_key, vendor_id, base_url=base_url)


@dataclass(frozen=True, slots=True)
class Vendor:
    """A vendor the sync collects for (its credentials stay sealed)."""

    vendor_id: str
    base_url: str | None
    since: str | None
    created_at: str


@dataclass(slots=True)
class VendorReport:
    """What one run did for one vendor."""

    vendor_id: str
    pages: int = 0
    inserted: int = 0
    changed: int = 0
    events: int = 0
    mark: str | None = None
    error: str | None = None


@dataclass(slots=True)
class RunReport:
    """What :meth:`Sync.run_once` did, vendor by vendor."""

    vendors: list[VendorReport] = field(default_factory=list)

    @property
    def events(self) -> int:
        """Events appended by the run."""
        return sum(v.events for v in self.vendors)

    @property
    def ok(self) -> bool:
        """True when no vendor failed."""
        return all(v.error is None for v in self.vendors)


@dataclass(frozen=True, slots=True)
class StreamStatus:
    """One stream of one vendor, as ``sync status`` shows it."""

    vendor_id: str
    stream: str
    position: dict[str, Any]
    updated_at: str
    last_success_at: str | None
    last_error: str | None


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat()


class Sync:
    """A durable sync over one store (a SQLite file by default, PostgreSQL by URL).

    ``clock`` is ``"wall"`` (production), ``"sandbox"`` (follow each vendor's sandbox clock)
    or any object with ``now()``. ``migrate=True`` creates or upgrades the store first;
    otherwise a store that is not at this version's schema is refused. A store that holds
    credentials is refused without the key that opens them (``COUPANG_SYNC_KEY``)."""

    def __init__(
        self,
        url: str = DEFAULT_URL,
        *,
        key: str | None = None,
        clock: Clock | Literal["wall", "sandbox"] = "wall",
        client_factory: ClientFactory | None = None,
        settings: OrderSettings | None = None,
        migrate: bool = True,
    ) -> None:
        """Open the store at ``url`` and check its schema and key (see the class doc)."""
        self.engine: Engine = make_engine(url)
        try:
            if migrate:
                migrate_store(self.engine)
            require_current(self.engine)
            self._sealer = Sealer(key)
            self._clock = clock
            self._factory = client_factory or default_client
            self.settings = settings or OrderSettings()
            self._check_key()
        except BaseException:
            self.engine.dispose()
            raise

    # -- lifecycle -----------------------------------------------------------------------

    def close(self) -> None:
        """Release the store's connections."""
        self.engine.dispose()

    def __enter__(self) -> Sync:
        """Use as a context manager."""
        return self

    def __exit__(self, *exc: object) -> None:
        """Close on exit."""
        self.close()

    def _check_key(self) -> None:
        with self.engine.connect() as conn:
            rows = conn.execute(select(vendors.c.vendor_id, vendors.c.credentials)).all()
        for row in rows:
            self._sealer.open(row.credentials, vendor_id=row.vendor_id)

    # -- vendors -------------------------------------------------------------------------

    def add_vendor(
        self,
        vendor_id: str,
        access_key: str,
        secret_key: str,
        *,
        base_url: str | None = None,
        since: datetime | None = None,
    ) -> Vendor:
        """Store a vendor with its credentials sealed (replacing the keys of a known one).

        ``since`` is where its first run starts collecting (default: one day back)."""
        if not vendor_id.strip() or not access_key or not secret_key:
            raise ValueError("vendor_id, access_key and secret_key are all required")
        if since is not None and since.tzinfo is None:
            raise ValueError("since must be a timezone-aware datetime")
        sealed = self._sealer.seal(Credentials(access_key, secret_key))
        now = _stamp(WallClock().now())
        values = {
            "base_url": base_url,
            "credentials": sealed,
            "since": None if since is None else _stamp(since),
        }
        with self.engine.begin() as conn:
            known = conn.execute(
                select(vendors.c.vendor_id).where(vendors.c.vendor_id == vendor_id)
            ).first()
            if known is None:
                conn.execute(insert(vendors).values(vendor_id=vendor_id, created_at=now, **values))
            else:
                conn.execute(
                    vendors.update().where(vendors.c.vendor_id == vendor_id).values(**values)
                )
        return self.vendor(vendor_id)

    def vendor(self, vendor_id: str) -> Vendor:
        """The stored vendor; :class:`UnknownVendorError` when there is none."""
        for vendor in self.vendors():
            if vendor.vendor_id == vendor_id:
                return vendor
        raise UnknownVendorError(f"no vendor {vendor_id} in the sync store")

    def vendors(self) -> list[Vendor]:
        """Every stored vendor, by id."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(vendors).order_by(vendors.c.vendor_id)).mappings().all()
        return [
            Vendor(row["vendor_id"], row["base_url"], row["since"], row["created_at"])
            for row in rows
        ]

    def remove_vendor(self, vendor_id: str) -> None:
        """Forget a vendor's credentials and cursors (its records and events stay)."""
        with self.engine.begin() as conn:
            gone = conn.execute(delete(vendors).where(vendors.c.vendor_id == vendor_id))
            if gone.rowcount == 0:
                raise UnknownVendorError(f"no vendor {vendor_id} in the sync store")
            conn.execute(delete(cursors).where(cursors.c.vendor_id == vendor_id))

    def _credentials(self, vendor_id: str) -> tuple[Credentials, str | None, str | None]:
        with self.engine.connect() as conn:
            row = conn.execute(select(vendors).where(vendors.c.vendor_id == vendor_id)).first()
        if row is None:
            raise UnknownVendorError(f"no vendor {vendor_id} in the sync store")
        return self._sealer.open(row.credentials, vendor_id=vendor_id), row.base_url, row.since

    # -- collecting ----------------------------------------------------------------------

    def run_once(self, vendor_ids: Sequence[str] | None = None) -> RunReport:
        """Collect every stream of each vendor (all by default) up to now, then return.

        Holds the store's run lock throughout (:class:`StoreLockedError` when another run has
        it). A vendor whose API calls fail is reported (and its error stored for ``status``);
        the other vendors go on."""
        wanted = list(vendor_ids) if vendor_ids is not None else None
        chosen = [v.vendor_id for v in self.vendors() if wanted is None or v.vendor_id in wanted]
        for vendor_id in wanted or []:
            if vendor_id not in chosen:
                raise UnknownVendorError(f"no vendor {vendor_id} in the sync store")
        lock = RunLock(self.engine)
        lock.acquire()
        report = RunReport()
        try:
            for vendor_id in chosen:
                report.vendors.append(self._run_vendor(vendor_id, lock))
        finally:
            lock.release()
        return report

    def _clock_for(self, client: Client) -> Callable[[], datetime]:
        if self._clock == "wall":
            return WallClock().now
        if self._clock == "sandbox":
            return SandboxClock(client).now
        return self._clock.now

    def _run_vendor(self, vendor_id: str, lock: RunLock) -> VendorReport:
        credentials, base_url, since = self._credentials(vendor_id)
        report = VendorReport(vendor_id)
        stream_name = NEW
        client = self._factory(vendor_id, credentials, base_url)
        try:
            stream = OrderStream(client, self.settings, self._clock_for(client))
            with self.engine.connect() as conn:
                position = db.load_position(conn, vendor_id, NEW)
                refresh = db.load_position(conn, vendor_id, REFRESH)
            if position is None or "mark" not in position:
                position = stream.initial_position(
                    None if since is None else datetime.fromisoformat(since)
                )
            while (page := stream.next_new(position)) is not None:
                self._store_page(vendor_id, page, lock, report, stream.now)
                position = page.position
            self._mark_success(vendor_id, NEW, position, stream.now)
            report.mark = position["mark"]
            stream_name = REFRESH
            active = refresh if refresh and "status" in refresh else stream.refresh_start()
            while active is not None:
                page = stream.next_refresh(active)
                self._store_page(vendor_id, page, lock, report, stream.now)
                active = None if page.done else page.position
        except CoupangError as exc:
            report.error = f"{type(exc).__name__}: {exc}"
            with self.engine.begin() as conn:
                db.save_error(conn, vendor_id, stream_name, report.error, _stamp(WallClock().now()))
        finally:
            client.close()
        return report

    def _store_page(
        self, vendor_id: str, page: Page, lock: RunLock, report: VendorReport, now: datetime
    ) -> None:
        stamp = _stamp(now)
        with self.engine.begin() as conn:
            lock.renew(conn)
            applied = db.apply_order_sheets(conn, vendor_id, page.sheets, stamp)
            db.save_position(conn, vendor_id, page.stream, page.position, stamp, success=page.done)
        report.pages += 1
        report.inserted += applied.inserted
        report.changed += applied.changed
        report.events += applied.events

    def _mark_success(
        self, vendor_id: str, stream: str, position: dict[str, Any], now: datetime
    ) -> None:
        with self.engine.begin() as conn:
            db.save_position(conn, vendor_id, stream, position, _stamp(now), success=True)

    # -- events --------------------------------------------------------------------------

    def events(
        self,
        after: int = 0,
        *,
        limit: int | None = None,
        vendor_ids: Iterable[str] | None = None,
        batch: int = 500,
    ) -> Iterator[db.Event]:
        """The events with ``seq > after``, in order, read lazily in batches."""
        wanted = None if vendor_ids is None else list(vendor_ids)
        left = limit
        while left is None or left > 0:
            size = batch if left is None else min(batch, left)
            with self.engine.connect() as conn:
                found = db.read_events(conn, after, size, wanted)
            if not found:
                return
            yield from found
            after = found[-1].seq
            if left is not None:
                left -= len(found)

    def offset(self, consumer: str) -> int:
        """The last ``seq`` that ``consumer`` committed (0 for a new consumer)."""
        with self.engine.connect() as conn:
            return db.consumer_offset(conn, consumer)

    def commit(self, consumer: str, seq: int) -> None:
        """Record that ``consumer`` has handled every event up to ``seq`` (never backwards)."""
        with self.engine.begin() as conn:
            db.commit_offset(conn, consumer, seq, _stamp(WallClock().now()))

    def consume(self, consumer: str, *, limit: int | None = None) -> Iterator[db.Event]:
        """Events after ``consumer``'s offset; each is committed once the loop body that
        received it finishes (at least once: an event whose handler raised comes again)."""
        for event in self.events(self.offset(consumer), limit=limit):
            yield event
            self.commit(consumer, event.seq)

    # -- status --------------------------------------------------------------------------

    def status(self) -> list[StreamStatus]:
        """Every stream's position, last success and last error, by vendor and stream."""
        import json

        with self.engine.connect() as conn:
            rows = conn.execute(select(cursors).order_by(cursors.c.vendor_id, cursors.c.stream))
            return [
                StreamStatus(
                    row.vendor_id,
                    row.stream,
                    json.loads(row.position),
                    row.updated_at,
                    row.last_success_at,
                    row.last_error,
                )
                for row in rows
            ]

    def counts(self) -> dict[str, int]:
        """How many records and events the store holds."""
        with self.engine.connect() as conn:
            return {
                "records": int(
                    conn.execute(select(func.count()).select_from(records)).scalar_one()
                ),
                "events": int(conn.execute(select(func.count()).select_from(events)).scalar_one()),
                "lastSeq": db.last_seq(conn),
            }
