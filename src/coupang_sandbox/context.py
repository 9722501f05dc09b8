"""Per-app services (kept on ``app.state.sandbox``; nothing lives at module level)."""

from __future__ import annotations

from dataclasses import dataclass

from coupang_sandbox.clock import SandboxClock
from coupang_sandbox.settings import SandboxSettings
from coupang_sandbox.store import Store
from coupang_sandbox.throttle import GatewayThrottle, WindowThrottle


@dataclass
class Sandbox:
    settings: SandboxSettings
    store: Store
    clock: SandboxClock
    throttle: GatewayThrottle
    #: The Rocket Growth endpoints' own per-minute limit (checked by their route handlers).
    rg_throttle: WindowThrottle

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
        rg_throttle = WindowThrottle(settings.rg_rate_limit_per_minute, 60.0)
        return cls(settings, store, clock, throttle, rg_throttle)

    def reset(self, *, keep_vendors: bool = False) -> None:
        self.store.reset(keep_vendors=keep_vendors, seeds=self.settings.vendors)
        self.clock.forget()
        self.throttle.clear()
        self.rg_throttle.clear()

    def close(self) -> None:
        self.store.close()
