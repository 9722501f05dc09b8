"""The escape hatch: ``client.request(method, path, params=..., json=...)`` for any endpoint.

When the typed layer does not cover an endpoint yet, ``client.request`` still signs the call,
paces it, retries GETs, raises the same exceptions, and hands back the parsed JSON answer
(Coupang's envelope, or the bare body for providers that send none).

What it shows:

* listing outbound shipping places through the ``marketplace_openapi`` path (a bare page:
  ``content`` + ``pagination``, no envelope),
* a query with Korean text (``placeNames``), percent-encoded and signed for you,
* listing return centers through the ``openapi`` path (inside ``{"code", "message", "data"}``).

Run it like ``shipping_places_quickstart.py``::

    python examples/raw_request.py
"""

from __future__ import annotations

import json

from coupang_seller import Client
from coupang_seller.types.shipping_places import PlaceAddress

MARKETPLACE = "/v2/providers/marketplace_openapi/apis/api"
OPENAPI = "/v2/providers/openapi/apis/api"


def main() -> None:
    with Client() as client:
        # Something to look at, created through the typed layer.
        code = client.outbound_shipping_places.create(
            name="광주 센터",
            addresses=[
                PlaceAddress(
                    companyContactNumber="062-123-4567",
                    returnZipCode="61945",
                    returnAddress="광주광역시 서구 내방로 111",
                )
            ],
            on_duplicate="return_existing",
        )
        print(f"outbound shipping place 광주 센터: {code}")

        path = f"{MARKETPLACE}/v2/vendor/shipping-place/outbound"
        page = client.request("GET", path, params={"pageNum": 1, "pageSize": 10})
        print(f"GET {path}?pageNum=1&pageSize=10")
        print(f"  pagination: {json.dumps(page['pagination'])}")
        for place in page["content"]:
            print(f"  {place['outboundShippingPlaceCode']}  {place['shippingPlaceName']}")

        by_name = client.request("GET", path, params={"placeNames": "광주 센터"})
        print(f"GET {path}?placeNames=광주 센터 -> {len(by_name['content'])} place(s)")

        returns_path = f"{OPENAPI}/v5/vendors/{client.vendor_id}/returnShippingCenters"
        envelope = client.request("GET", returns_path, params={"pageNum": 1, "pageSize": 10})
        print(f"GET {returns_path}")
        print(f"  code={envelope['code']} message={envelope['message']}")
        print(f"  return centers: {len(envelope['data']['content'])}")


if __name__ == "__main__":
    main()
