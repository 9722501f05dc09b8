"""coupang-sync: a durable, incremental sync of a seller's Coupang data into a store.

In progress (issue 12). This slice collects order sheets in every status into a SQLite file
or a PostgreSQL database, with an ordered event log and consumer offsets::

    from coupang_sync import Sync

    with Sync("sqlite:///coupang-sync.db") as sync:      # COUPANG_SYNC_KEY must be set
        sync.add_vendor("A00012345", access_key, secret_key)
        sync.run_once()
        for event in sync.consume("my-erp"):
            handle(event)

It builds on the public SDK (:class:`coupang_seller.Client`) only.
"""

from coupang_sync._clock import Clock, SandboxClock, WallClock
from coupang_sync._crypto import KEY_ENV, Credentials, generate_key
from coupang_sync._errors import (
    CredentialKeyError,
    NewerSchemaError,
    StoreLockedError,
    StoreNotReadyError,
    SyncError,
    UnknownVendorError,
)
from coupang_sync._orders import OrderSettings
from coupang_sync._records import Event
from coupang_sync._store import DEFAULT_URL, current_revision, head_revision, migrate
from coupang_sync._sync import RunReport, StreamStatus, Sync, Vendor, VendorReport

__all__ = [
    "DEFAULT_URL",
    "KEY_ENV",
    "Clock",
    "CredentialKeyError",
    "Credentials",
    "Event",
    "NewerSchemaError",
    "OrderSettings",
    "RunReport",
    "SandboxClock",
    "StoreLockedError",
    "StoreNotReadyError",
    "StreamStatus",
    "Sync",
    "SyncError",
    "UnknownVendorError",
    "Vendor",
    "VendorReport",
    "WallClock",
    "current_revision",
    "generate_key",
    "head_revision",
    "migrate",
]
