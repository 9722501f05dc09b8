"""Records, cursors, events and consumer offsets: the SQL of one page's transaction.

A page of order sheets is applied with :func:`apply_order_sheets`: each sheet is upserted by
``shipmentBoxId`` (kept as text) with its document and a content hash, and every insert or
meaningful change appends one event. Applying the same page twice changes nothing and
appends nothing, so a page re-read after a crash or by an overlapping window is harmless.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from coupang_sync._schema import consumers, cursors, events, records

__all__ = [
    "ORDER",
    "RECEIVER_FIELDS",
    "Event",
    "apply_order_sheets",
    "load_position",
    "read_events",
    "save_position",
]

#: The record kind of an order sheet (one shipment box).
ORDER = "order"
#: The receiver fields whose change is an ``order.receiver_changed`` event.
RECEIVER_FIELDS = ("name", "safeNumber", "receiverNumber", "addr1", "addr2", "postCode")


@dataclass(frozen=True, slots=True)
class Event:
    """One entry of the event log: ``seq`` orders it, ``event_id`` identifies it for good."""

    seq: int
    event_id: str
    vendor_id: str
    type: str
    record_kind: str
    record_id: str
    payload: dict[str, Any]
    created_at: str

    def to_dict(self) -> dict[str, Any]:
        """The event as JSON-ready data (``eventId``, ``seq``, ``vendorId``, ...)."""
        return {
            "seq": self.seq,
            "eventId": self.event_id,
            "vendorId": self.vendor_id,
            "type": self.type,
            "recordKind": self.record_kind,
            "recordId": self.record_id,
            "payload": self.payload,
            "createdAt": self.created_at,
        }


def _canonical(document: Mapping[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def content_hash(document: Mapping[str, Any]) -> str:
    """SHA-256 of the document's canonical JSON."""
    return hashlib.sha256(_canonical(document).encode("utf-8")).hexdigest()


def _items(document: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    items = document.get("orderItems") or []
    return [item for item in items if isinstance(item, Mapping)]


def _held(document: Mapping[str, Any]) -> int:
    """Items the buyer asked to cancel (stop-shipment requests and cancelled counts)."""
    return sum(
        int(item.get("holdCountForCancel") or 0) + int(item.get("cancelCount") or 0)
        for item in _items(document)
    )


def _receiver(document: Mapping[str, Any]) -> dict[str, Any]:
    receiver = document.get("receiver") or {}
    return {name: receiver.get(name) for name in RECEIVER_FIELDS}


def _ids(document: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "shipmentBoxId": str(document["shipmentBoxId"]),
        "orderId": str(document.get("orderId")),
    }


def _cancel_payload(document: Mapping[str, Any]) -> dict[str, Any]:
    return {
        **_ids(document),
        "status": document.get("status"),
        "items": [
            {
                "vendorItemId": str(item.get("vendorItemId")),
                "holdCountForCancel": int(item.get("holdCountForCancel") or 0),
                "cancelCount": int(item.get("cancelCount") or 0),
                "canceled": bool(item.get("canceled")),
            }
            for item in _items(document)
        ],
    }


def order_changes(
    old: Mapping[str, Any] | None, new: Mapping[str, Any]
) -> list[tuple[str, dict[str, Any]]]:
    """The events (type, payload) that going from ``old`` to ``new`` makes."""
    if old is None:
        created = {
            **_ids(new),
            "status": new.get("status"),
            "orderedAt": new.get("orderedAt"),
            "paidAt": new.get("paidAt"),
            "items": [
                {
                    "vendorItemId": str(item.get("vendorItemId")),
                    "shippingCount": int(item.get("shippingCount") or 0),
                }
                for item in _items(new)
            ],
        }
        found: list[tuple[str, dict[str, Any]]] = [("order.created", created)]
        if _held(new) > 0:
            found.append(("order.cancel_requested", _cancel_payload(new)))
        return found
    found = []
    if old.get("status") != new.get("status"):
        found.append(
            (
                "order.status_changed",
                {**_ids(new), "old": old.get("status"), "new": new.get("status")},
            )
        )
    before, after = _receiver(old), _receiver(new)
    changed = [name for name in RECEIVER_FIELDS if before[name] != after[name]]
    if changed:
        found.append(
            ("order.receiver_changed", {**_ids(new), "changed": changed, "receiver": after})
        )
    if _held(new) > _held(old):
        found.append(("order.cancel_requested", _cancel_payload(new)))
    return found


@dataclass(frozen=True, slots=True)
class Applied:
    """What one page did: records inserted, records changed, events appended."""

    inserted: int = 0
    changed: int = 0
    events: int = 0


def apply_order_sheets(
    conn: Connection, vendor_id: str, sheets: Sequence[Mapping[str, Any]], now: str
) -> Applied:
    """Upsert ``sheets`` (later ones win for the same box) and append their events."""
    latest: dict[str, Mapping[str, Any]] = {}
    for sheet in sheets:
        latest[str(sheet["shipmentBoxId"])] = sheet
    if not latest:
        return Applied()
    existing = _stored_orders(conn, vendor_id, list(latest))
    inserted = changed = appended = 0
    for box_id, document in latest.items():
        digest = content_hash(document)
        row = existing.get(box_id)
        if row is not None and row.content_hash == digest:
            continue
        old = json.loads(row.document) if row is not None else None
        _upsert_order(conn, vendor_id, box_id, document, digest, now=now, new=row is None)
        if row is None:
            inserted += 1
        else:
            changed += 1
        for kind, payload in order_changes(old, document):
            append_event(
                conn,
                vendor_id=vendor_id,
                kind=kind,
                record_kind=ORDER,
                record_id=box_id,
                payload=payload,
                now=now,
            )
            appended += 1
    return Applied(inserted, changed, appended)


def _stored_orders(conn: Connection, vendor_id: str, box_ids: list[str]) -> dict[str, Any]:
    """The stored document and content hash of each of ``box_ids`` already kept."""
    query = select(records.c.record_id, records.c.document, records.c.content_hash).where(
        records.c.vendor_id == vendor_id,
        records.c.kind == ORDER,
        records.c.record_id.in_(box_ids),
    )
    return {row.record_id: row for row in conn.execute(query)}


def _upsert_order(
    conn: Connection,
    vendor_id: str,
    box_id: str,
    document: Mapping[str, Any],
    digest: str,
    *,
    now: str,
    new: bool,
) -> None:
    """Insert the box's record (``new``) or update it with its latest document."""
    values = {
        "status": document.get("status"),
        "paid_at": document.get("paidAt"),
        "document": _canonical(document),
        "content_hash": digest,
        "updated_at": now,
    }
    if new:
        conn.execute(
            insert(records).values(
                vendor_id=vendor_id, kind=ORDER, record_id=box_id, first_seen_at=now, **values
            )
        )
        return
    conn.execute(
        update(records)
        .where(
            records.c.vendor_id == vendor_id,
            records.c.kind == ORDER,
            records.c.record_id == box_id,
        )
        .values(**values)
    )


def append_event(
    conn: Connection,
    *,
    vendor_id: str,
    kind: str,
    record_kind: str,
    record_id: str,
    payload: Mapping[str, Any],
    now: str,
) -> None:
    """Append one event with a fresh ``eventId`` (its ``seq`` comes from the database)."""
    conn.execute(
        insert(events).values(
            event_id=str(uuid.uuid4()),
            vendor_id=vendor_id,
            type=kind,
            record_kind=record_kind,
            record_id=record_id,
            payload=_canonical(payload),
            created_at=now,
        )
    )


def load_position(conn: Connection, vendor_id: str, stream: str) -> dict[str, Any] | None:
    """The stream's saved position (``None`` before its first page)."""
    text = conn.execute(
        select(cursors.c.position).where(
            cursors.c.vendor_id == vendor_id, cursors.c.stream == stream
        )
    ).scalar()
    return None if text is None else dict(json.loads(text))


def save_position(
    conn: Connection,
    vendor_id: str,
    stream: str,
    position: Mapping[str, Any],
    now: str,
    *,
    success: bool = False,
) -> None:
    """Store the stream's position (and, with ``success``, clear its last error)."""
    values: dict[str, Any] = {"position": _canonical(position), "updated_at": now}
    if success:
        values.update(last_success_at=now, last_error=None)
    done = conn.execute(
        update(cursors)
        .where(cursors.c.vendor_id == vendor_id, cursors.c.stream == stream)
        .values(**values)
    )
    if done.rowcount == 0:
        conn.execute(insert(cursors).values(vendor_id=vendor_id, stream=stream, **values))


def save_error(conn: Connection, vendor_id: str, stream: str, error: str, now: str) -> None:
    """Record the stream's last error (its position stays where it was)."""
    done = conn.execute(
        update(cursors)
        .where(cursors.c.vendor_id == vendor_id, cursors.c.stream == stream)
        .values(last_error=error, updated_at=now)
    )
    if done.rowcount == 0:
        conn.execute(
            insert(cursors).values(
                vendor_id=vendor_id, stream=stream, position="{}", updated_at=now, last_error=error
            )
        )


def _event(row: Any) -> Event:
    return Event(
        seq=int(row.seq),
        event_id=row.event_id,
        vendor_id=row.vendor_id,
        type=row.type,
        record_kind=row.record_kind,
        record_id=row.record_id,
        payload=json.loads(row.payload),
        created_at=row.created_at,
    )


def read_events(
    conn: Connection, after: int, limit: int, vendor_ids: Iterable[str] | None = None
) -> list[Event]:
    """Up to ``limit`` events with ``seq > after``, in order."""
    query = select(events).where(events.c.seq > after).order_by(events.c.seq).limit(limit)
    if vendor_ids is not None:
        query = query.where(events.c.vendor_id.in_(list(vendor_ids)))
    return [_event(row) for row in conn.execute(query)]


def last_seq(conn: Connection) -> int:
    """The highest ``seq`` (0 for an empty log)."""
    return int(conn.execute(select(func.coalesce(func.max(events.c.seq), 0))).scalar() or 0)


def consumer_offset(conn: Connection, name: str) -> int:
    """The last ``seq`` consumer ``name`` committed (0 for a new consumer)."""
    found = conn.execute(select(consumers.c.position).where(consumers.c.name == name)).scalar()
    return int(found or 0)


def commit_offset(conn: Connection, name: str, seq: int, now: str) -> None:
    """Move consumer ``name`` to ``seq`` (never backwards)."""
    done = conn.execute(
        update(consumers)
        .where(consumers.c.name == name, consumers.c.position < seq)
        .values(position=seq, updated_at=now)
    )
    if done.rowcount == 0 and consumer_offset(conn, name) == 0 and seq > 0:
        exists = conn.execute(select(consumers.c.name).where(consumers.c.name == name)).first()
        if exists is None:
            conn.execute(insert(consumers).values(name=name, position=seq, updated_at=now))


def datetime_text(moment: datetime) -> str:
    """An aware instant as ISO-8601 text."""
    return moment.isoformat()
