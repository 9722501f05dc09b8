"""The crash-safe journal of the CLI's write commands (``products push``, ``orders invoices``).

Coupang has no idempotency keys, so a command that sends writes records, per unit of work
(a product, a shipment box), its intent *before* sending (``sending``) and the outcome after
(the command's own done status, ``failed``, or ``uncertain`` when the answer was lost). The
journal is append-only JSON lines, flushed and fsynced per write, so a ``kill -9`` loses at
most the line being written (a line cut short is ignored on reading). On the next run the last
entry per key wins: a done key is not sent again, and a key left ``sending``/``uncertain`` is
reconciled by reading the API back before anything is resent.

Entries carry a ``target`` (API base URL and vendor id): a journal written against a sandbox
says nothing about production.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

from coupang_seller import (
    APIConnectionError,
    AuthenticationError,
    CircuitOpenError,
    Client,
    CoupangError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
    UnexpectedResponseError,
)

SENDING: Final = "sending"
UNCERTAIN: Final = "uncertain"
FAILED: Final = "failed"

#: Errors after which every further call would fail the same way: stop the run.
ABORT_ERRORS: Final = (AuthenticationError, PermissionDeniedError, RateLimitError, CircuitOpenError)


def answer_may_be_lost(exc: CoupangError) -> bool:
    """May the write have been carried out although no answer says so?"""
    if isinstance(exc, APIConnectionError):
        return exc.request_may_have_been_processed
    return isinstance(exc, ServerError | UnexpectedResponseError)


def journal_target(client: Client) -> str:
    """What a journal entry is valid for: the API base URL and the vendor id."""
    return f"{client.options.base_url} {client.vendor_id}"


def journal_beside(sheet: Path) -> Path:
    """The default journal of a sheet: ``FILE.journal.jsonl`` next to it."""
    return sheet.with_name(sheet.name + ".journal.jsonl")


class Journal:
    """Append-only JSON lines, fsynced per write; the last entry per key wins."""

    def __init__(self, path: Path, target: str) -> None:
        self.path = path
        self.target = target
        self.state: dict[str, dict[str, Any]] = {}
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                try:
                    entry = json.loads(line)
                except json.JSONDecodeError:
                    continue  # the last line of a run killed mid-write
                if isinstance(entry, dict) and entry.get("target") == target and "key" in entry:
                    self.state[str(entry["key"])] = entry

    def status(self, key: str) -> str | None:
        """The last recorded status of ``key`` for this target (``None``: never recorded)."""
        entry = self.state.get(key)
        return None if entry is None else str(entry.get("status"))

    def record(self, key: str, status: str, **extra: Any) -> None:
        """Append one entry and make it durable before returning."""
        self.record_many([(key, status, extra)])

    def record_many(self, entries: Iterable[tuple[str, str, Mapping[str, Any]]]) -> None:
        """Append several entries with one write and one fsync (a chunk of a bulk call)."""
        at = datetime.now(UTC).isoformat(timespec="seconds")
        made = [
            {"key": key, "target": self.target, "status": status, "at": at, **extra}
            for key, status, extra in entries
        ]
        if not made:
            return
        text = "".join(json.dumps(entry, ensure_ascii=False) + "\n" for entry in made)
        with self.path.open("a", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        for entry in made:
            self.state[str(entry["key"])] = entry


__all__ = [
    "ABORT_ERRORS",
    "FAILED",
    "SENDING",
    "UNCERTAIN",
    "Journal",
    "answer_may_be_lost",
    "journal_beside",
    "journal_target",
]
