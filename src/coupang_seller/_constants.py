"""Named defaults. Change them per client (``Client(...)``) or per call (``with_options``)."""

from __future__ import annotations

from datetime import timedelta, timezone

import httpx

#: Coupang's production gateway. The SDK never hard-codes it elsewhere.
DEFAULT_BASE_URL = "https://api-gateway.coupang.com"

#: Coupang's gateway gives up on a provider after 3 s and answers 504, unless the request
#: carries ``X-EXTENDED-TIMEOUT`` (milliseconds). Our own read timeout sits above that.
GATEWAY_DEFAULT_TIMEOUT_SECONDS = 3.0
EXTENDED_TIMEOUT_HEADER = "X-EXTENDED-TIMEOUT"
#: The largest extension the FAQ mentions (90 s).
MAX_EXTENDED_TIMEOUT_SECONDS = 90.0
#: Slack added to our read timeout on top of the gateway's timeout, so the gateway's own
#: 504 (with a body we can read) arrives before our client gives up.
TIMEOUT_SLACK_SECONDS = 5.0

DEFAULT_TIMEOUT = httpx.Timeout(
    connect=5.0, read=GATEWAY_DEFAULT_TIMEOUT_SECONDS + TIMEOUT_SLACK_SECONDS, write=10.0, pool=10.0
)

#: The most a response body may hold before the SDK stops reading it
#: (:class:`ResponseTooLargeError`); counted on the decoded bytes, so a compressed bomb
#: is caught too. Known big reads (category tree and metas, product, order, return,
#: exchange and Rocket Growth lists, settlement) get the larger cap.
DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024
LARGE_MAX_RESPONSE_BYTES = 64 * 1024 * 1024
#: Wall-clock budget of one call, retries and their waits included
#: (:class:`DeadlineExceededError`). httpx's read timeout is per read, so a server
#: dripping a byte a second never trips it; this does. It leaves room for one attempt
#: under the longest ``extended_timeout`` (90 s) plus slack.
DEFAULT_DEADLINE_SECONDS = 120.0

#: Retries apply to GETs (and to connection failures before anything was sent).
DEFAULT_MAX_RETRIES = 2
INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
#: A 429's Retry-After up to this many seconds is waited out automatically on a GET;
#: longer waits raise :class:`RateLimitError` and the circuit stays open.
MAX_RETRY_AFTER_WAIT = 10.0

CONTENT_TYPE = "application/json;charset=UTF-8"
USER_AGENT_PREFIX = "coupang-seller-python"

ENV_ACCESS_KEY = "COUPANG_ACCESS_KEY"
ENV_SECRET_KEY = "COUPANG_SECRET_KEY"  # noqa: S105 - a variable name, not a secret
ENV_VENDOR_ID = "COUPANG_VENDOR_ID"
ENV_BASE_URL = "COUPANG_BASE_URL"
ENV_USER_ID = "COUPANG_USER_ID"

#: Korean time: Coupang writes its dates in it and counts its daily windows by its days.
KST = timezone(timedelta(hours=9), "KST")
