"""Playing the sandbox's business clock: ``client.sandbox.clock.set``, ``clock.advance``, ``reset``.

The sandbox keeps a business clock that every stored timestamp and every time-based rule reads.
Tests can freeze it, start it from any instant, or jump forward, instead of waiting. Request
signatures are still checked against the real clock, as Coupang's gateway does, so the SDK
keeps signing with the real time.

What it shows:

* reading the clock, freezing it at a fixed instant, and creating a place "at" that instant,
* advancing the clock by a day (a frozen clock stays frozen, one day later),
* letting it run again from a chosen instant, then going back to real time,
* ``client.sandbox.reset(keep_vendors=True)``, which wipes **all** data of the whole sandbox and
  returns the clock to real time. Vendors given with ``--vendor`` at startup always survive it;
  ``keep_vendors=True`` keeps the ones made with ``POST /_sandbox/vendors`` too (this script's
  own credentials may be such a vendor). Only run this example against a sandbox you can throw
  away.

Run it like ``shipping_places_quickstart.py``::

    python examples/sandbox_clock.py
"""

from __future__ import annotations

from datetime import UTC, datetime

from coupang_seller import Client
from coupang_seller.types.shipping_places import PlaceAddress


def main() -> None:
    with Client() as client:
        clock = client.sandbox.clock.get()
        print(f"sandbox clock: {clock.now.isoformat()} ({clock.mode})")

        frozen = client.sandbox.clock.set(datetime(2025, 1, 1, 9, 0, tzinfo=UTC), freeze=True)
        print(f"frozen at {frozen.now.isoformat()} ({frozen.mode})")

        code = client.outbound_shipping_places.create(
            name="신정 센터",
            addresses=[
                PlaceAddress(
                    companyContactNumber="02-765-4321",
                    returnZipCode="03154",
                    returnAddress="서울특별시 종로구 세종대로 175",
                )
            ],
            on_duplicate="return_existing",
        )
        place = client.outbound_shipping_places.get(code)
        print(f"created place {code}; its createDate is {place.createDate}")

        later = client.sandbox.clock.advance(86400)
        print(f"advanced one day: {later.now.isoformat()} ({later.mode})")

        running = client.sandbox.clock.set(datetime(2025, 6, 1, tzinfo=UTC))
        print(f"running from {running.now.isoformat()} ({running.mode})")

        real = client.sandbox.clock.set(real=True)
        print(f"back to real time: {real.now.isoformat()} ({real.mode})")

        client.sandbox.reset(keep_vendors=True)
        print("reset: every place is gone and the clock is real again")
        remaining = client.outbound_shipping_places.list().content
        print(f"outbound shipping places after reset: {len(remaining)}")


if __name__ == "__main__":
    main()
