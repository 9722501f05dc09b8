"""Quickstart: outbound shipping places (출고지) and return centers (반품지) with ``Client``.

What it shows:

* creating an outbound shipping place with Jeju / remote-area fees per courier,
* listing every place (auto-paging) and finding one by name,
* raising one fee (existing remote infos are changed by their ``remoteInfoId``),
* creating a return center with a courier pick-up contract,
* what a duplicate looks like: ``DuplicateShippingPlaceError`` carries ``existing_code``,
  so running this script twice reuses the places instead of failing.

Run it against a sandbox::

    .venv/bin/coupang-seller sandbox serve --port 8089 --vendor A00012345:my-access-key:my-secret-key
    export COUPANG_BASE_URL=http://127.0.0.1:8089 COUPANG_ACCESS_KEY=my-access-key \\
           COUPANG_SECRET_KEY=my-secret-key COUPANG_VENDOR_ID=A00012345 COUPANG_USER_ID=my-wing-login
    python examples/shipping_places_quickstart.py
"""

from __future__ import annotations

from coupang_seller import Client, DuplicateShippingPlaceError
from coupang_seller.types.shipping_places import PlaceAddress, RemoteInfo, ReturnFees

PLACE_NAME = "파주 1센터"
WAREHOUSE = PlaceAddress(
    addressType="JIBUN",
    companyContactNumber="02-1234-5678",
    returnZipCode="10516",
    returnAddress="경기도 파주시 탄현면 월롱산로 294-58",
    returnAddressDetail="1층 물류창고",
)
RETURNS_DESK = PlaceAddress(
    addressType="JIBUN",
    companyContactNumber="010-9876-5432",
    returnZipCode="06544",
    returnAddress="서울특별시 서초구 반포동 20-43",
    returnAddressDetail="B동 2층",
)


def create_outbound_place(client: Client) -> int:
    """Create the place, or reuse it when a previous run already created it."""
    try:
        code = client.outbound_shipping_places.create(
            name=PLACE_NAME,
            addresses=[WAREHOUSE],
            remote_infos=[
                RemoteInfo(deliveryCode="CJGLS", jeju=5000, notJeju=3000),
                RemoteInfo(deliveryCode="HANJIN", jeju=6000, notJeju=3500),
            ],
        )
    except DuplicateShippingPlaceError as exc:
        print(f"'{PLACE_NAME}' already exists as code {exc.existing_code}; using it")
        return int(exc.existing_code)
    print(f"created outbound shipping place {code}")
    return code


def main() -> None:
    # Credentials and the base URL come from the COUPANG_* environment variables.
    with Client() as client:
        print(f"vendor {client.vendor_id} at {client.options.base_url}")

        code = create_outbound_place(client)
        # Creating it again shows the duplicate handling even on a first run.
        assert create_outbound_place(client) == code

        print("outbound shipping places:")
        for place in client.outbound_shipping_places.iter():
            couriers = ", ".join(place.courier_codes) or "-"
            print(f"  {place.outboundShippingPlaceCode}  {place.shippingPlaceName}  [{couriers}]")

        found = client.outbound_shipping_places.find_by_name(PLACE_NAME)
        assert found is not None, "names are unique per vendor, so this finds the place"
        print(f"found '{PLACE_NAME}' by name: code {found.outboundShippingPlaceCode}")

        cj = next(r for r in found.remoteInfos if r.deliveryCode == "CJGLS")
        client.outbound_shipping_places.update(
            code,
            remote_infos=[
                RemoteInfo(
                    remoteInfoId=cj.remoteInfoId,
                    deliveryCode="CJGLS",
                    jeju=7000,
                    notJeju=cj.notJeju,
                    usable=True,
                )
            ],
        )
        updated = client.outbound_shipping_places.get(code)
        new_fee = next(r.jeju for r in updated.remoteInfos if r.deliveryCode == "CJGLS")
        print(f"CJGLS Jeju fee changed from {cj.jeju:,} to {new_fee:,} won")

        center = client.return_centers.create(
            name="파주 반품센터",
            courier="CJGLS",
            contract_number="85500067",
            fees=ReturnFees.flat(2500),
            addresses=[RETURNS_DESK],
            on_duplicate="return_existing",  # the short form of the try/except above
        )
        print(f"return center {center}")
        for returns in client.return_centers.iter():
            print(
                f"  {returns.returnCenterCode}  {returns.shippingPlaceName}  {returns.deliverCode}"
            )


if __name__ == "__main__":
    main()
