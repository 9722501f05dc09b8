"""Per-app services (kept on ``app.state.sandbox``; nothing lives at module level)."""

from __future__ import annotations

from dataclasses import dataclass

from coupang_sandbox.clock import SandboxClock
from coupang_sandbox.settings import SandboxSettings
from coupang_sandbox.store import Store


@dataclass
class Sandbox:
    settings: SandboxSettings
    store: Store
    clock: SandboxClock

    @classmethod
    def open(cls, settings: SandboxSettings) -> Sandbox:
        store = Store.open(settings.db_url, echo=settings.db_echo)
        try:
            store.seed_vendors(settings.vendors)
            clock = SandboxClock(store)
        except BaseException:
            store.close()
            raise
        return cls(settings, store, clock)

    def reset(self, *, keep_vendors: bool = False) -> None:
        self.store.reset(keep_vendors=keep_vendors, seeds=self.settings.vendors)
        self.clock.forget()

    def close(self) -> None:
        self.store.close()
