"""Per-app services (kept on ``app.state.sandbox``; nothing lives at module level)."""

from __future__ import annotations

from dataclasses import dataclass

from coupang_sandbox.clock import SandboxClock
from coupang_sandbox.settings import SandboxSettings
from coupang_sandbox.store import Store
from coupang_sandbox.throttle import GatewayThrottle


@dataclass
class Sandbox:
    settings: SandboxSettings
    store: Store
    clock: SandboxClock
    throttle: GatewayThrottle

    @classmethod
    def open(cls, settings: SandboxSettings) -> Sandbox:
        store = Store.open(settings.db_url, echo=settings.db_echo)
        try:
            store.seed_vendors(settings.vendors)
            clock = SandboxClock(store)
        except BaseException:
            store.close()
            raise
        throttle = GatewayThrottle(
            settings.rate_limit_per_second, settings.rate_limit_block_seconds
        )
        return cls(settings, store, clock, throttle)

    def reset(self, *, keep_vendors: bool = False) -> None:
        self.store.reset(keep_vendors=keep_vendors, seeds=self.settings.vendors)
        self.clock.forget()
        self.throttle.clear()

    def close(self) -> None:
        self.store.close()
