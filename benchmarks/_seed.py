"""Put a realistic amount of data in the benchmark vendor's store, through the SDK."""

from __future__ import annotations

from benchmarks._server import ACCESS_KEY, SECRET_KEY, VENDOR_ID, Server
from coupang_seller import Client
from coupang_seller.types.shipping_places import PlaceAddress, RemoteInfo

PLACES = 60


def seed_places(server: Server) -> None:
    with Client(
        ACCESS_KEY,
        SECRET_KEY,
        VENDOR_ID,
        base_url=server.base_url,
        user_id="bench",
        rate_limit=None,
    ) as client:
        for i in range(PLACES):
            client.outbound_shipping_places.create(
                name=f"벤치 출고지 {i:03d}",
                addresses=[
                    PlaceAddress(
                        addressType="JIBUN",
                        countryCode="KR",
                        companyContactNumber="02-1234-5678",
                        returnZipCode="10516",
                        returnAddress="경기도 파주시 탄현면 월롱산로 294-58",
                        returnAddressDetail=f"{i}동",
                    )
                ],
                remote_infos=[RemoteInfo(deliveryCode="CJGLS", jeju=5000, notJeju=3000)],
            )
