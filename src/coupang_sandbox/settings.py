"""Configuration of one sandbox app instance (no module-level state: everything lives here)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

#: ``(vendor_id, access_key, secret_key)``
VendorSeed = tuple[str, str, str]

DEFAULT_DB_URL = "sqlite:///coupang-sandbox.sqlite3"


class ConfigError(ValueError):
    """Settings the sandbox refuses to start with (an empty admin token, a malformed allowed
    host); the command-line entry points print the message on one line and exit 2."""


def real_utc_now() -> datetime:
    """The real wall clock, aware UTC."""
    return datetime.now(UTC)


@dataclass
class SandboxSettings:
    """Settings of :func:`coupang_sandbox.create_app`.

    ``wall_clock`` is used only to check signature freshness (as Coupang's gateway does);
    business rules and stored timestamps read the persisted :class:`SandboxClock` instead.
    """

    db_url: str = DEFAULT_DB_URL
    signature_skew_seconds: float = 300.0
    #: ``Authorization: Bearer <token>`` required on ``/_sandbox``; ``None``: no token, and then
    #: the control API answers loopback peers only (see ``coupang_sandbox.exposure``).
    admin_token: str | None = None
    #: Host names (besides localhost and the loopback addresses) that may appear in the
    #: ``Host`` and ``Origin`` headers of a control request; any port.
    allowed_hosts: tuple[str, ...] = ()
    vendors: list[VendorSeed] = field(default_factory=list)
    wall_clock: Callable[[], datetime] = real_utc_now
    max_body_bytes: int = 1_048_576
    #: A live server (uvicorn) closes a connection whose request line and headers are not
    #: complete this many seconds after its first byte (408; slowloris), answers 431 to a
    #: head larger than ``max_header_bytes``, and closes an idle keep-alive connection after
    #: ``keep_alive_timeout_seconds``.
    header_read_timeout_seconds: float = 10.0
    max_header_bytes: int = 16 * 1024
    keep_alive_timeout_seconds: int = 5
    #: Gateway throttle per vendorId (calls/s); ``None`` turns it off. Coupang's is about 10.
    rate_limit_per_second: float | None = 10.0
    #: How long a vendor stays blocked after a 429 (Coupang's blocks last minutes).
    rate_limit_block_seconds: float = 60.0
    #: A product waiting for approval (승인대기중) is approved this many seconds later on the
    #: sandbox clock, unless the control API reviews it first; ``None``: only the control API.
    auto_review_seconds: float | None = 600.0
    #: A paid order appears in the seller's order APIs this many seconds later (Coupang: ~10 min).
    order_visible_after_seconds: float = 600.0
    #: Automatic courier scans after an invoice upload (DEPARTURE -> DELIVERING, then
    #: DELIVERING -> FINAL_DELIVERY); ``None``: only ``POST /_sandbox/shipments/{id}/scan``.
    courier_pickup_seconds: float | None = None
    courier_delivery_seconds: float | None = None
    #: The safe numbers (안심번호) of an order stop working this long after delivery.
    safe_number_ttl_seconds: float = 5 * 86400.0
    #: ``completeLongTermUndelivery`` is allowed this long after the invoice upload.
    long_undelivered_after_seconds: float = 30 * 86400.0
    #: After the seller confirms receipt of exchanged goods, the new shipmentBoxId shows in
    #: ``deliveryInvoiceGroupDtos`` (and takes the exchange invoice) this much later (~10 min).
    exchange_new_box_after_seconds: float = 600.0
    #: The return center's courier picks up an auto-pickup return (반품자동연동) this long after
    #: the request on the sandbox clock (applied lazily on read); ``None``: only
    #: ``POST /_sandbox/returns/{receiptId}/pickup``.
    return_pickup_seconds: float | None = None
    #: Settlement: a delivered sale is recognised as revenue (매출인식일) this many days after the
    #: delivery (FINAL_DELIVERY scan), an untracked DIRECT shipment this many days after its
    #: invoice: Coupang's "배송완료 + 7일" (purchase confirmation is not simulated).
    revenue_recognition_days: int = 7
    #: Settlement terms of a vendor the control API did not configure: commission
    #: (serviceFeeRatio, % VAT excluded) and cycle (WEEKLY or MONTHLY).
    default_commission_rate: float = 10.8
    default_settlement_cycle: str = "MONTHLY"
    #: Coupon mutations (create, items, expiry) answer a requestedId at once and are processed
    #: this many seconds later on the sandbox clock (REQUESTED -> DONE | FAIL, applied on read).
    coupon_request_seconds: float = 10.0
    #: Monthly coupon budget (won) of a contract seeded without ``budgetPerMonth``.
    coupon_budget_per_month: int = 1_000_000
    #: The Rocket Growth endpoints' own gateway limit per vendorId (calls a minute, counted
    #: over the last 60 s of the real monotonic clock, on top of the per-second one); a call
    #: beyond it answers 429 with Retry-After. ``None`` turns it off. Coupang's is 50.
    rg_rate_limit_per_minute: float | None = 50.0
    #: Page size of the Rocket Growth order list and inventory summaries (nextToken paging).
    rg_page_size: int = 50
    #: Coupang's gateway answers 504 when the provider takes longer than this, unless the
    #: request's ``X-EXTENDED-TIMEOUT`` allows more (the ``gateway_timeout`` fault waits it).
    gateway_timeout_seconds: float = 3.0
    #: Error-burst protection: this many 4xx answers to one client (peer IP) within
    #: ``error_burst_window_seconds`` block it for ``error_block_seconds`` (the gateway's HTML
    #: 403 "Access Denied" page meanwhile). ``None``: off.
    error_burst: int | None = None
    error_burst_window_seconds: float = 10.0
    error_block_seconds: float = 60.0
    #: A key is valid this many days on the sandbox clock after it is issued (Coupang: 180),
    #: unless its vendor's key policy says otherwise (``PUT /_sandbox/vendors/{id}/key-policy``).
    key_lifetime_days: int = 180
    db_echo: bool = False
    #: The request log keeps the last this many signed-API requests (``GET /_sandbox/requests``);
    #: 0 records nothing.
    request_log_size: int = 10_000
    #: Print one line per request on stdout (``serve --access-log``): the request log's line.
    access_log: bool = False

    def __post_init__(self) -> None:
        """Refuse an empty, blank or padded admin token (a ConfigError at start-up)."""
        if self.admin_token is not None and not self.admin_token.strip():
            raise ConfigError(
                "the admin token is empty: give a non-empty --admin-token, or leave it out "
                "(then only loopback clients may use /_sandbox)"
            )
        if self.admin_token is not None and self.admin_token != self.admin_token.strip():
            raise ConfigError(
                "the admin token starts or ends with whitespace, which a bearer header cannot "
                "carry: give it without"
            )
        if (
            isinstance(self.request_log_size, bool)
            or not isinstance(self.request_log_size, int)
            or self.request_log_size < 0
        ):
            raise ConfigError(
                f"the request log size must be a whole number >= 0 (0: off), got {self.request_log_size!r}"
            )
        # A list (JSON across ``--workers`` processes, or a caller's) becomes the tuple.
        self.allowed_hosts = tuple(normalise_allowed_host(h) for h in self.allowed_hosts)


def normalise_allowed_host(value: str) -> str:
    """An ``--allowed-host`` entry as compared with request headers: a bare host name or IP
    address, lower case, without a port, brackets or a trailing dot; :class:`ConfigError` for
    anything else (a URL, a path, an empty value)."""
    host = str(value).strip().lower().rstrip(".")
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    if not host or any(c in host for c in "/@?#[]\\ \t") or any(ord(c) < 0x21 for c in host):
        raise ConfigError(
            f"allowed host {value!r}: expected a bare host name or IP address "
            "(e.g. sandbox.internal or 192.168.1.5), without scheme, port or path"
        )
    if host.count(":") == 1:
        raise ConfigError(
            f"allowed host {value!r}: give the host without a port (any port is allowed)"
        )
    return host
