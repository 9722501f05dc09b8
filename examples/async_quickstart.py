"""The same basics with ``AsyncClient``: ``await`` every call, ``async for`` over pages.

What it shows:

* ``async with AsyncClient()`` (credentials from the ``COUPANG_*`` environment variables),
* creating an outbound shipping place (``on_duplicate="return_existing"`` makes reruns safe),
* ``async for`` over every place, fetching pages lazily,
* several look-ups at once with ``asyncio.gather`` (the client still paces itself at 10 calls/s
  per vendor, the limit of Coupang's gateway, shared by every client in the process),
* creating and listing return centers.

Run it like ``shipping_places_quickstart.py``::

    python examples/async_quickstart.py
"""

from __future__ import annotations

import asyncio

from coupang_seller import AsyncClient
from coupang_seller.types.shipping_places import PlaceAddress, RemoteInfo, ReturnFees


def address(street: str, zip_code: str, phone: str) -> PlaceAddress:
    return PlaceAddress(
        addressType="JIBUN",
        companyContactNumber=phone,
        returnZipCode=zip_code,
        returnAddress=street,
    )


async def main() -> None:
    async with AsyncClient() as client:
        places = client.outbound_shipping_places
        busan = await places.create(
            name="부산 센터",
            addresses=[address("부산광역시 해운대구 센텀중앙로 79", "48058", "051-123-4567")],
            remote_infos=[RemoteInfo(deliveryCode="CJGLS", jeju=5000, notJeju=3000)],
            on_duplicate="return_existing",
        )
        print(f"outbound shipping place 부산 센터: {busan}")
        daegu = await places.create(
            name="대구 센터",
            addresses=[address("대구광역시 북구 연암로 40", "41515", "053-987-6543")],
            on_duplicate="return_existing",
        )
        print(f"outbound shipping place 대구 센터: {daegu}")

        print("outbound shipping places (async for):")
        async for place in places.iter():
            print(f"  {place.outboundShippingPlaceCode}  {place.shippingPlaceName}")

        first, second = await asyncio.gather(places.get(busan), places.get(daegu))
        print(f"fetched concurrently: {first.shippingPlaceName}, {second.shippingPlaceName}")

        found = await places.find_by_name("대구 센터")
        print(f"found by name: {found.outboundShippingPlaceCode if found else None}")

        center = await client.return_centers.create(
            name="부산 반품센터",
            courier="HANJIN",
            contract_number="12345678",
            fees=ReturnFees.flat(3000),
            addresses=[address("부산광역시 해운대구 센텀중앙로 79", "48058", "051-123-4567")],
            on_duplicate="return_existing",
        )
        print(f"return center: {center}")
        async for returns in client.return_centers.iter():
            print(
                f"  {returns.returnCenterCode}  {returns.shippingPlaceName}  {returns.deliverCode}"
            )


if __name__ == "__main__":
    asyncio.run(main())
