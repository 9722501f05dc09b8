"""``GET /_sandbox/health``: is the sandbox up, on which store, with which vendors and clock.

The store is shown as a URL without its password; the vendors by id only (no keys).
"""

from __future__ import annotations

from datetime import UTC

from sqlalchemy import select
from sqlalchemy.engine import make_url
from starlette.responses import Response

from coupang_sandbox.responses import success
from coupang_sandbox.routes._base import Call, RouteSpec
from coupang_sandbox.store.schema import vendors
from coupang_seller import __version__


def redacted_url(db_url: str) -> str:
    """The store URL as it can be shown: the password replaced by ``***``."""
    try:
        url = make_url(db_url)
        return url.render_as_string(hide_password=True) if url.password else db_url
    except Exception:  # noqa: BLE001 - an unparsable URL never reaches here; show nothing of it
        return "(unparsable store URL)"


def vendor_ids(call: Call) -> list[str]:
    """The ids of the vendors in the store, sorted (one read: the store answers)."""
    with call.sandbox.store.engine.connect() as conn:
        return [str(v) for v in conn.execute(select(vendors.c.vendor_id)).scalars()]


def health(call: Call) -> Response:
    """``{"status": "ok", "version", "store", "vendors", "clock"}``."""
    clock = call.sandbox.clock
    return success(
        {
            "status": "ok",
            "version": __version__,
            "store": redacted_url(call.sandbox.settings.db_url),
            "vendors": sorted(vendor_ids(call)),
            "clock": {
                "now": clock.now().astimezone(UTC).isoformat().replace("+00:00", "Z"),
                "mode": clock.mode,
                "offsetSeconds": clock.offset_seconds,
            },
        }
    )


ROUTES: list[RouteSpec] = [("GET", "/_sandbox/health", health)]
