"""Per-app services (kept on ``app.state.sandbox``; nothing lives at module level).

Several processes may serve one store: everything shared lives in the store (clock, vendors,
throttle state), and what a process caches is revalidated by :meth:`Sandbox.refresh` at the
start of each request.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from coupang_sandbox.backends.registry import Backends
from coupang_sandbox.clock import SandboxClock
from coupang_sandbox.error_burst import ErrorBurst
from coupang_sandbox.faults import Faults
from coupang_sandbox.key_policy import KeyPolicies, seed_vendors
from coupang_sandbox.request_log import LogWriter
from coupang_sandbox.settings import SandboxSettings
from coupang_sandbox.store import Store
from coupang_sandbox.store.engine import is_memory_sqlite
from coupang_sandbox.throttle import GatewayThrottle, WindowThrottle


@dataclass
class Sandbox:
    """The services of one app: settings, store, clock and the gateway throttles."""

    settings: SandboxSettings
    store: Store
    clock: SandboxClock
    throttle: GatewayThrottle
    #: The Rocket Growth endpoints' own per-minute limit (checked by their route handlers).
    rg_throttle: WindowThrottle
    #: Held by the thread serving a request on an in-memory SQLite store, which is a single
    #: connection shared by every thread: its requests are served one at a time (a file or
    #: PostgreSQL store serves them concurrently, each on its own connection). Re-entrant:
    #: the request log's writer takes it too, also from a request that holds it.
    one_at_a_time: threading.RLock | None = field(default=None, repr=False)
    #: The request log's batched writer (``settings.request_log_size``; 0 records nothing).
    request_log: LogWriter | None = field(default=None, repr=False)
    #: The fault rules (``/_sandbox/faults``); built by :meth:`open` when not given.
    faults: Faults = field(default=None, repr=False)  # type: ignore[assignment]
    #: The gateway's error-burst protection (off unless ``settings.error_burst``).
    error_burst: ErrorBurst = field(default=None, repr=False)  # type: ignore[assignment]
    #: One backend per group, built once here (``sandbox.backends.orders``, ...).
    backends: Backends = field(init=False, repr=False)
    #: The gateway's key rules: allowed addresses, expiry, rotation (``key_policy.py``).
    keys: KeyPolicies = field(init=False, repr=False)

    def __post_init__(self) -> None:
        """Build the services not given: fault rules, error-burst protection, backends, keys."""
        self.backends = Backends.build(self.store, self.clock, self.settings)
        self.keys = KeyPolicies(self.store, self.clock, self.settings.key_lifetime_days)
        if self.faults is None:
            self.faults = Faults(self.store, self.clock)
        if self.error_burst is None:
            s = self.settings
            self.error_burst = ErrorBurst(
                s.error_burst, s.error_burst_window_seconds, s.error_block_seconds, store=self.store
            )

    @classmethod
    def open(cls, settings: SandboxSettings) -> Sandbox:
        """Open the store (tables created, vendors seeded) and the services over it."""
        store = Store.open(settings.db_url, echo=settings.db_echo)
        try:
            seed_vendors(store, settings.vendors)
            clock = SandboxClock(store)
        except BaseException:
            store.close()
            raise
        throttle = GatewayThrottle(
            settings.rate_limit_per_second, settings.rate_limit_block_seconds, store=store
        )
        rg_throttle = WindowThrottle(settings.rg_rate_limit_per_minute, 60.0, store=store)
        memory = is_memory_sqlite(settings.db_url)
        lock = threading.RLock() if memory else None
        try:
            log = LogWriter.open(store.engine, settings.request_log_size, store_lock=lock)
        except BaseException:
            store.close()
            raise
        return cls(settings, store, clock, throttle, rg_throttle, lock, log)

    def refresh(self) -> None:
        """At the start of every request: bring this process's cached view (clock, vendor
        keys) up to date with the store, which other processes may share. One tiny read;
        the clock and the vendors are reloaded only after a change."""
        if self.store.sync():
            self.clock.reload()
            self.faults.forget()
            self.keys.forget()

    def reset(self, *, keep_vendors: bool = False) -> None:
        """Wipe the business data (and the vendors unless ``keep_vendors``), every process's
        clock back to real time, the throttles' counts forgotten."""
        self.store.reset(keep_vendors=keep_vendors, seeds=self.settings.vendors)
        self.clock.forget()
        self.keys.forget()
        self.throttle.clear()
        self.rg_throttle.clear()
        self.error_burst.clear()
        self.faults.forget()

    def close(self) -> None:
        """Write the request log's last records, then dispose the store's engine."""
        if self.request_log is not None:
            self.request_log.close()
        self.store.close()
