"""The sync's refusals: each names what is wrong and what to do, and carries an exit code."""

from __future__ import annotations

__all__ = [
    "CredentialKeyError",
    "NewerSchemaError",
    "StoreLockedError",
    "StoreNotReadyError",
    "SyncError",
    "UnknownVendorError",
]


class SyncError(Exception):
    """Base of the sync's errors; ``exit_code`` is what the CLI exits with."""

    exit_code = 2


class CredentialKeyError(SyncError):
    """``COUPANG_SYNC_KEY`` is missing or does not open the credentials the store holds."""


class NewerSchemaError(SyncError):
    """The store was migrated by a newer coupang-sync: this version must not write to it."""


class StoreNotReadyError(SyncError):
    """The store is empty, foreign or behind: run ``coupang-seller sync migrate``."""


class StoreLockedError(SyncError):
    """Another ``sync run`` holds the store's lock."""

    exit_code = 7


class UnknownVendorError(SyncError):
    """No vendor with that id in the store."""
