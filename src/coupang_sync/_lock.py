"""One collector per store: a lease row with an expiry (SQLite) or an advisory lock held on
its own connection for the run (PostgreSQL). A second ``sync run`` is refused at once."""

from __future__ import annotations

import os
import socket
import time
import uuid
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, insert, select, text, update
from sqlalchemy.exc import IntegrityError

from coupang_sync._errors import StoreLockedError
from coupang_sync._schema import leases

__all__ = ["LEASE_SECONDS", "RunLock"]

#: How long a SQLite lease lasts without renewal (each committed page renews it).
LEASE_SECONDS = 120
_NAME = "run"
#: The advisory lock's key: per schema, so stores in separate schemas do not block each other.
_KEY = "/coupang_sync/run"
_TRY_LOCK = text("SELECT pg_try_advisory_lock(hashtext(current_schema() || :name))")
_UNLOCK = text("SELECT pg_advisory_unlock(hashtext(current_schema() || :name))")


def _holder() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class RunLock:
    """The store's collector lock: :meth:`acquire`, :meth:`renew` per page, :meth:`release`."""

    def __init__(self, engine: Engine, *, lease_seconds: int = LEASE_SECONDS) -> None:
        """A lock on ``engine``'s store, not yet taken."""
        self.engine = engine
        self.holder = _holder()
        self.lease_seconds = lease_seconds
        self._pg: Connection | None = None
        self._held = False

    @property
    def postgres(self) -> bool:
        """True when the store is PostgreSQL (advisory lock) rather than a lease row."""
        return self.engine.dialect.name == "postgresql"

    def acquire(self) -> None:
        """Take the lock, or raise :class:`StoreLockedError` naming who holds it."""
        if self.postgres:
            conn = self.engine.connect()
            try:
                got = conn.execute(_TRY_LOCK, {"name": _KEY}).scalar()
                conn.commit()
            except BaseException:
                conn.close()
                raise
            if not got:
                conn.close()
                raise StoreLockedError(
                    "another `coupang-seller sync run` is collecting into this store "
                    "(PostgreSQL advisory lock held); this one exits without collecting"
                )
            self._pg = conn
            self._held = True
            return
        if self._take(int(time.time())):
            self._held = True
            return
        with self.engine.connect() as conn:
            row = conn.execute(select(leases).where(leases.c.name == _NAME)).mappings().first()
        until = datetime.fromtimestamp(int(row["expires_at"]), UTC).isoformat() if row else "soon"
        holder = row["holder"] if row else "another process"
        raise StoreLockedError(
            f"another `coupang-seller sync run` ({holder}) is collecting into this store; its "
            f"lease runs until {until} unless renewed. This one exits without collecting"
        )

    def _take(self, now: int) -> bool:
        """One atomic statement each: take an expired (or own) lease, else create the row."""
        expires = now + self.lease_seconds
        with self.engine.begin() as conn:
            taken = conn.execute(
                update(leases)
                .where(leases.c.name == _NAME)
                .where((leases.c.holder == self.holder) | (leases.c.expires_at <= now))
                .values(holder=self.holder, expires_at=expires)
            )
            if taken.rowcount == 1:
                return True
        try:
            with self.engine.begin() as conn:
                conn.execute(
                    insert(leases).values(name=_NAME, holder=self.holder, expires_at=expires)
                )
        except IntegrityError:
            return False
        return True

    def renew(self, conn: Connection) -> None:
        """Extend the lease inside the page's transaction; :class:`StoreLockedError` if lost."""
        if self.postgres or not self._held:
            return
        kept = conn.execute(
            update(leases)
            .where(leases.c.name == _NAME, leases.c.holder == self.holder)
            .values(expires_at=int(time.time()) + self.lease_seconds)
        )
        if kept.rowcount != 1:
            raise StoreLockedError(
                "this sync run lost its lease on the store (it expired and another run took "
                "it); stopping without writing"
            )

    def release(self) -> None:
        """Let the next run take the lock (no-op when not held)."""
        if not self._held:
            return
        self._held = False
        if self._pg is not None:
            try:
                self._pg.execute(_UNLOCK, {"name": _KEY})
                self._pg.commit()
            finally:
                self._pg.close()
                self._pg = None
            return
        with self.engine.begin() as conn:
            conn.execute(
                update(leases)
                .where(leases.c.name == _NAME, leases.c.holder == self.holder)
                .values(expires_at=0)
            )
